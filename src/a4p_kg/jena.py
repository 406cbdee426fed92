"""Apache Jena's SHACL validator (Debian package ``libapache-jena-java``) as a second opinion on the shapes.

The Debian package ships jars only. Two traps (see the project notes) and what this module does about them:

- ``java -cp '/usr/share/java/*'`` dies in an SLF4J binding loop, so the classpath is built jar by jar
  (:data:`JARS`), skipping the ones a given Debian release lacks.
- Jena then fails at start-up (``Can't find bundle for base name xerces.impl.xpath.regex.message``): Debian
  moved Jena's shaded xerces classes to the package ``xerces.*`` but left their resource bundles under
  ``org/apache/jena/ext/xerces/``. :func:`bundle_fix_jar` copies those ``.properties`` files to
  ``xerces/...`` in a small jar built once into a cache folder outside git (``~/.cache/a4p-kg``).

Nothing else in a4p-kg needs Java or Jena; the tests that use this module skip where it is missing.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from .errors import A4PError
from .namespaces import RDF, SH

__all__ = ["Jena", "JenaReport", "JenaError", "find_jena", "missing", "bundle_fix_jar", "shacl_validate",
           "validate_graph", "shape_of", "JAVA_DIR", "JARS", "cache_dir"]

JAVA_DIR = Path("/usr/share/java")

#: the jars Jena's command-line tools need, besides every ``jena-*.jar``; missing ones are skipped
JARS = ("commons-lang3", "commons-io", "commons-codec", "commons-compress", "commons-csv", "commons-cli",
        "dexx.collection", "gson", "jackson-core", "jackson-databind", "jackson-annotations", "jsonld-java",
        "titanium-json-ld", "jakarta.json-api", "httpclient", "httpcore", "protobuf", "thrift", "slf4j-api",
        "slf4j-simple", "commons-logging", "guava", "failureaccess")

_XERCES_IN_JENA = "org/apache/jena/ext/xerces/"


class JenaError(A4PError):
    """Jena ran but failed (a crash, or output that is not a SHACL report)."""


@dataclass(frozen=True)
class Jena:
    """A usable Jena: the java command and the classpath (with the bundle fix jar)."""

    java: str
    classpath: str
    version: str


@dataclass
class JenaReport:
    """What Jena's ``shacl validate`` said: its verdict and one (focus, sourceShape, component) per result."""

    conforms: bool
    results: list[tuple[Node, Node, str]] = field(default_factory=list)
    graph: Graph | None = None


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/a4p-kg`` (default ``~/.cache/a4p-kg``): built helper files, never in git."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "a4p-kg"


def _jar(java_dir: Path, name: str) -> Path | None:
    plain = java_dir / f"{name}.jar"
    if plain.is_file():
        return plain
    versioned = sorted(java_dir.glob(f"{name}-[0-9]*.jar"))
    return versioned[-1] if versioned else None


def bundle_fix_jar(core_jar: Path, folder: Path) -> Path | None:
    """The jar that puts Jena's xerces resource bundles where Debian's relocated classes look for them.

    Built once per ``jena-core.jar`` (its size and time stamp name the file) into ``folder``; None for a Jena
    whose xerces was not relocated (nothing to fix).
    """
    stat = core_jar.stat()
    key = hashlib.sha256(f"{core_jar.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:12]
    target = folder / f"jena-xerces-bundles-{key}.jar"
    if target.is_file():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".jar", dir=folder)
    os.close(fd)
    copied = 0
    with zipfile.ZipFile(core_jar) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nCreated-By: a4p-kg\n")
        for name in src.namelist():
            if name.startswith(_XERCES_IN_JENA) and name.endswith(".properties"):
                out.writestr("xerces/" + name[len(_XERCES_IN_JENA):], src.read(name))
                copied += 1
    if not copied:
        os.unlink(tmp)
        return None
    os.replace(tmp, target)  # atomic: parallel test workers never see half a jar
    return target


def missing(*, java_dir: Path = JAVA_DIR) -> str | None:
    """Why Jena's SHACL validator cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return "Java is not on PATH (Apache Jena needs a JRE)"
    if _jar(java_dir, "jena-cmds") is None or _jar(java_dir, "jena-core") is None:
        return (f"Apache Jena is not installed in {java_dir} (Debian package libapache-jena-java; "
                "tests/setup.sh installs it)")
    return None


def find_jena(*, java_dir: Path = JAVA_DIR, cache: Path | None = None) -> Jena | None:
    """Jena and Java if both are installed (building the bundle fix jar if needed), else None."""
    if missing(java_dir=java_dir) is not None:
        return None
    java = shutil.which("java")
    core = _jar(java_dir, "jena-core")
    names = sorted({re.sub(r"-[0-9][^-]*$", "", p.stem) for p in java_dir.glob("jena-*.jar")}) + list(JARS)
    jars = [j for j in (_jar(java_dir, n) for n in names) if j is not None]
    fix = bundle_fix_jar(core, cache or cache_dir())
    version = next((p.stem.rsplit("-", 1)[1] for p in sorted(java_dir.glob("jena-core-[0-9]*.jar"))), "?")
    return Jena(java=java, classpath=os.pathsep.join(str(p) for p in [*jars, fix] if p is not None),
                version=version)


def shacl_validate(jena: Jena, shapes: Path, data: Path, *, timeout: float = 600) -> JenaReport:
    """Run ``shacl.shacl validate --shapes SHAPES --data DATA`` and parse the Turtle report it prints.

    Raises:
        JenaError: Jena crashed or printed something that is not a validation report.
    """
    cmd = [jena.java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", jena.classpath, "shacl.shacl", "validate",
           "--shapes", str(shapes), "--data", str(data)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    report = Graph()
    try:
        report.parse(data=proc.stdout, format="turtle")
    except Exception:  # rdflib raises several unrelated types for bad Turtle
        report = Graph()
    node = report.value(predicate=RDF.type, object=SH.ValidationReport)
    if proc.returncode != 0 or node is None:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        raise JenaError(f"Jena shacl validate failed on {data} (exit {proc.returncode}): " + " | ".join(tail))
    results = []
    for r in report.objects(node, SH.result):
        component = report.value(r, SH.sourceConstraintComponent)
        results.append((report.value(r, SH.focusNode), report.value(r, SH.sourceShape),
                        str(component).rsplit("#", 1)[-1] if component else ""))
    conforms = str(report.value(node, SH.conforms)).lower() == "true"
    return JenaReport(conforms=conforms, results=results, graph=report)


def validate_graph(jena: Jena, graph: Graph, shapes: Path, *, workdir: Path | None = None) -> JenaReport:
    """Validate an rdflib graph with Jena (written to a temporary N-Triples file)."""
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        data = Path(tmp) / "data.nt"
        graph.serialize(destination=str(data), format="nt", encoding="utf-8")
        return shacl_validate(jena, shapes, data)


def shape_of(node: Node | None) -> str | None:
    """The compact name of a named shape IRI (``shape:Paragraph-number``), for comparing with pySHACL."""
    from .validate import SHAPES_NS

    if isinstance(node, URIRef) and str(node).startswith(SHAPES_NS):
        return "shape:" + str(node)[len(SHAPES_NS):]
    return None
