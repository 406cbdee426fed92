"""``a4p-kg evaluate [--eval DIR] [--report REPORT] [--paragraphs 0-85] [--format table|json] [--errors]
[--check]``: exit 0, or 1 with ``--check`` when a kind misses its target."""

from __future__ import annotations

import argparse
import re
from pathlib import Path


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--eval", type=Path, default=None, dest="eval_dir", metavar="DIR",
                   help="annotations folder (default: tests/data/eval)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default table)")
    p.add_argument("--errors", action="store_true", help="also list every false positive and false negative")
    p.add_argument("--report", type=Path, default=None,
                   help="the annotated report's text (default: seeds/A-74-533.txt)")
    p.add_argument("--paragraphs", default="0-85", metavar="FIRST-LAST",
                   help="the paragraphs the annotations cover (default 0-85, the public annotations)")
    p.add_argument("--check", action="store_true", help="exit 1 when a kind misses its target")


def run(args: argparse.Namespace) -> int:
    from ..errors import BadInput
    from ..evaluate import evaluate, format_table, met, to_json

    if args.eval_dir is not None and not args.eval_dir.is_dir():
        raise BadInput(args.eval_dir, "is not a folder of annotations")
    m = re.fullmatch(r"(\d+)-(\d+)", args.paragraphs.strip())
    if not m or int(m.group(1)) > int(m.group(2)):
        raise BadInput("--paragraphs", f"wants FIRST-LAST such as 0-85, not {args.paragraphs!r}")
    scores = evaluate(args.report, eval_dir=args.eval_dir, covered=range(int(m.group(1)), int(m.group(2)) + 1))
    print(to_json(scores, errors=args.errors) if args.format == "json" else format_table(scores, errors=args.errors))
    return 1 if args.check and any(met(k, s) is False for k, s in scores.items()) else 0
