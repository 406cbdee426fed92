"""The main job: report texts -> parsed structure -> extracted records -> RDF dataset -> exports.

Outputs are written to a temporary folder beside the target and renamed into place only when complete, so a
failed build leaves the previous ``graph/`` intact.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from rdflib import Dataset, Graph

from . import __version__
from .emit import emit_provenance, emit_report
from .errors import BadInput, InvalidGraph
from .export import write_exports
from .extract import extract_report
from .extract.records import Extraction
from .extract.sections import section_concepts
from .iris import Minter
from .namespaces import DEFAULT_BASE, bind_prefixes
from .paths import seeds_dir
from .reference import gazetteer, load_reference
from .report import ParsedReport, parse_text, read_text
from .seeds import SeedMeta, read_sidecar, sha256_of

__all__ = ["ReportBuild", "BuildResult", "build_dataset", "build", "seed_reports", "replace_folder"]


@dataclass
class ReportBuild:
    path: Path
    seed: SeedMeta
    report: ParsedReport
    extraction: Extraction
    graph: Graph


@dataclass
class BuildResult:
    dataset: Dataset
    reports: list[ReportBuild]
    base: str
    triples: int = 0
    out: Path | None = None
    counts: Counter = field(default_factory=Counter)
    validation: object | None = None  # a4p_kg.validate.ValidationReport when validated


def seed_reports(folder: Path | None = None) -> list[Path]:
    """The report texts in ``seeds/`` (each ``*.txt`` with its ``*.json`` sidecar)."""
    folder = folder or seeds_dir()
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise BadInput(folder, "holds no report (*.txt)")
    return paths


def _seed_meta(path: Path, symbol: str | None) -> tuple[SeedMeta, bytes, str]:
    text = read_text(path)
    data = path.read_bytes()
    sidecar = read_sidecar(path)
    sym = symbol or (sidecar.symbol if sidecar else None)
    if sym is None:
        raise BadInput(path, "has no symbol: pass --symbol or put a JSON sidecar with 'symbol' beside it")
    base = sidecar or SeedMeta(symbol=sym)
    meta = SeedMeta(**{**base.__dict__, "symbol": sym, "sha256": sha256_of(data)})
    return meta, data, text


def _timestamp() -> str | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise BadInput("SOURCE_DATE_EPOCH", f"is not a number of seconds: {epoch!r}") from None


def build_report(path: Path, *, symbol: str | None = None, base: str = DEFAULT_BASE) -> ReportBuild:
    """Parse, extract and emit one report file."""
    seed, _, text = _seed_meta(path, symbol)
    report = parse_text(text, source=str(path))
    gaz = gazetteer(base=base)
    concepts = section_concepts(report, gaz)
    extraction = extract_report(report, gaz, concepts)
    graph = emit_report(report, extraction, seed, concepts, minter=Minter(base), gaz=gaz)
    return ReportBuild(path=path, seed=seed, report=report, extraction=extraction, graph=graph)


def _materialize(dataset: Dataset, reference: Graph, reports: list[Graph]) -> None:
    """Add the inferences users need (queries/rules/*.rq) so a SPARQL user needs no reasoner: what follows
    from the reference data alone goes into its graph, what follows from a report into that report's graph
    (so rebuilding one report replaces its inferences too)."""
    from .reason import materialize

    for t in materialize(reference):
        reference.add(t)
    for graph in reports:
        union = Graph()
        for t in reference:
            union.add(t)
        for t in graph:
            union.add(t)
        for t in materialize(union):
            if t not in reference:
                graph.add(t)


def build_dataset(paths: list[Path], *, symbol: str | None = None, base: str = DEFAULT_BASE,
                  infer: bool = True) -> BuildResult:
    """Build the dataset: one named graph per report, one for reference data, one for provenance; with
    ``infer``, the rule-based inferences are materialized into them."""
    if symbol and len(paths) > 1:
        raise BadInput(paths[1], "--symbol names one report, but several were given")
    minter = Minter(base)
    dataset = Dataset()
    bind_prefixes(dataset, base=base)
    builds = [build_report(p, symbol=symbol, base=base) for p in paths]
    seen: dict[str, Path] = {}
    for b in builds:
        if b.seed.symbol in seen:
            raise BadInput(b.path, f"has the same symbol {b.seed.symbol} as {seen[b.seed.symbol]}")
        seen[b.seed.symbol] = b.path
        target = dataset.graph(minter.graph("report", b.seed.symbol))
        for t in b.graph:
            target.add(t)
    reference = dataset.graph(minter.graph("reference"))
    for t in load_reference(base=base):
        reference.add(t)
    if infer:
        _materialize(dataset, reference, [dataset.graph(minter.graph("report", b.seed.symbol)) for b in builds])
    provenance = dataset.graph(minter.graph("provenance"))
    emit_provenance(provenance, minter=minter, version=__version__, timestamp=_timestamp(),
                    inputs=[(b.seed.symbol, b.path.name, b.seed.sha256 or "") for b in builds])
    result = BuildResult(dataset=dataset, reports=builds, base=base)
    result.counts = _counts(builds)
    return result


def _counts(builds: list[ReportBuild]) -> Counter:
    c: Counter = Counter()
    for b in builds:
        c["reports"] += 1
        c["sections"] += len(b.report.sections)
        c["paragraphs"] += len(b.report.paragraphs)
        c["figures"] += len(b.report.figures)
        c["footnotes"] += len(b.report.footnotes)
        e = b.extraction
        c["mentions"] += sum(1 for m in e.mentions if m.explicit)
        c["weaker references"] += sum(1 for m in e.mentions if not m.explicit)
        c["citations"] += len(e.citations)
        c["support links"] += len(e.supports)
        c["observations"] += len(e.observations)
        c["SDG links"] += len(e.goals)
        c["recommendations"] += len(e.recommendations)
        c["policy events"] += len(e.events)
        c["discovered entities"] += len(e.discovered)
    return c


def replace_folder(target: Path, write) -> None:
    """Run ``write(tmp_folder)``, then swap the finished folder into ``target``; on failure ``target`` is
    left exactly as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        write(tmp)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            old.rmdir()
            target.rename(old)
            tmp.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            tmp.rename(target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def build(paths: list[Path] | None = None, *, out: Path, symbol: str | None = None,
          base: str = DEFAULT_BASE, validate: bool = False, check=None) -> BuildResult:
    """Build the graph from report files (default: every report in ``seeds/``) into ``out``.

    Args:
        validate: validate against the SHACL shapes and checks first; a graph that does not conform is
            refused (:class:`~a4p_kg.errors.InvalidGraph`) and ``out`` is left as it was.
        check: called with the BuildResult before anything is written; raise to refuse the output.
    """
    result = build_dataset(paths or seed_reports(), symbol=symbol, base=base)
    if validate:
        from .validate import validate_dataset

        result.validation = validate_dataset(result.dataset, base=base)
        if not result.validation.conforms:
            raise InvalidGraph(f"the built graph does not conform: {len(result.validation.results)} "
                               f"violation(s); {out} was left unchanged", report=result.validation)
    if check is not None:
        check(result)

    def write(folder: Path) -> None:
        result.triples = write_exports(result.dataset, folder, base=base)["triples"]

    replace_folder(out, write)
    result.out = out
    return result
