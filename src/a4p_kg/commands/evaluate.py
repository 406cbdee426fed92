"""``a4p-kg evaluate [--eval DIR] [--format table|json] [--errors] [--report REPORT]``."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--eval", type=Path, default=None, dest="eval_dir", metavar="DIR",
                   help="annotations folder (default: tests/data/eval)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default table)")
    p.add_argument("--errors", action="store_true", help="also list every false positive and false negative")
    p.add_argument("--report", type=Path, default=None,
                   help="the annotated report's text (default: seeds/A-74-533.txt)")


def run(args: argparse.Namespace) -> int:
    from ..errors import BadInput
    from ..evaluate import evaluate, format_table, to_json

    if args.eval_dir is not None and not args.eval_dir.is_dir():
        raise BadInput(args.eval_dir, "is not a folder of annotations")
    scores = evaluate(args.report, eval_dir=args.eval_dir)
    print(to_json(scores, errors=args.errors) if args.format == "json" else format_table(scores, errors=args.errors))
    return 0
