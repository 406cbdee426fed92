"""The shapes are standard SHACL: Apache Jena's validator (Debian libapache-jena-java) reaches the same verdict
as pySHACL, result for result, on the built graph and on every example graph."""

from __future__ import annotations

import os
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from a4p_kg import jena
from a4p_kg.validate import data_graph, shapes_path, validate_dataset
from shapes.examples import examples

EXAMPLES = examples("valid") + examples("invalid")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Jena with the bundle fix jar built by a4p_kg.jena into this test session's temporary folder."""
    why = jena.missing()
    if why:
        pytest.skip(why)
    found = jena.find_jena(cache=tmp_path_factory.mktemp("jena-cache"))
    assert found is not None
    return found


def pyshacl_verdict(graph) -> tuple[bool, set[tuple[str, str]]]:
    results = {(str(r.focus), r.shape) for r in validate_dataset(graph).results if r.shape.startswith("shape:")}
    return not results, results


def jena_verdict(report: jena.JenaReport) -> tuple[bool, set[tuple[str, str]]]:
    return report.conforms, {(str(f), jena.shape_of(s) or str(s)) for f, s, _ in report.results}


@pytest.fixture(scope="module")
def jena_reports(installed, tmp_path_factory):
    """Jena's report on every example, run a few JVMs at a time (each takes about a second to start)."""
    folder = tmp_path_factory.mktemp("jena-data")

    def run(example):
        data = folder / f"{example.path.parent.name}-{example.name}.nt"
        data_graph(example.graph()).serialize(destination=str(data), format="nt", encoding="utf-8")
        return example.path, jena.shacl_validate(installed, shapes_path(), data)

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(pool.map(run, EXAMPLES))


def test_the_bundle_fix_jar_copies_the_bundles_once(tmp_path):
    """Without Jena: a jena-core.jar as Debian ships it -> the bundles under xerces/, built once."""
    core = tmp_path / "jena-core.jar"
    with zipfile.ZipFile(core, "w") as jar:
        jar.writestr("org/apache/jena/ext/xerces/impl/xpath/regex/message.properties", "BadRange=bad range\n")
        jar.writestr("xerces/impl/xpath/regex/RegularExpression.class", b"\xca\xfe")
    fix = jena.bundle_fix_jar(core, tmp_path / "cache")
    with zipfile.ZipFile(fix) as jar:
        assert jar.read("xerces/impl/xpath/regex/message.properties") == b"BadRange=bad range\n"
        assert not any(n.endswith(".class") for n in jar.namelist())
    stamp = fix.stat().st_mtime_ns
    assert jena.bundle_fix_jar(core, tmp_path / "cache") == fix and fix.stat().st_mtime_ns == stamp


def test_missing_jena_is_said_plainly(tmp_path):
    why = jena.missing(java_dir=tmp_path)
    assert why is not None and ("libapache-jena-java" in why or "Java" in why)
    assert jena.find_jena(java_dir=tmp_path) is None


@pytest.mark.jena
def test_the_bundle_fix_jar_is_built_outside_git(installed):
    fix = Path(installed.classpath.split(os.pathsep)[-1])
    assert fix.is_file() and "jena-xerces-bundles" in fix.name
    root = Path(__file__).resolve().parents[1]
    assert root not in fix.parents
    with zipfile.ZipFile(fix) as jar:
        assert "xerces/impl/xpath/regex/message.properties" in jar.namelist()


@pytest.mark.jena
def test_the_classpath_avoids_the_slf4j_binding_loop(installed):
    jars = [Path(p).name for p in installed.classpath.split(os.pathsep)]
    assert not any("log4j" in j for j in jars)
    assert "slf4j-simple.jar" in jars or any(j.startswith("slf4j-simple") for j in jars)


@pytest.mark.jena
@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"{e.path.parent.name}/{e.name}")
def test_jena_agrees_with_pyshacl_on_example(example, jena_reports):
    expected = pyshacl_verdict(example.graph())
    assert jena_verdict(jena_reports[example.path]) == expected
    if example.rule and example.rule.startswith("shape:"):
        assert not expected[0]  # an invalid example of a shape fails in both validators


@pytest.mark.jena
def test_jena_agrees_with_pyshacl_on_the_built_graph(installed, tmp_path):
    from a4p_kg.build import build_dataset
    from support import SEED

    built = build_dataset([SEED]).dataset
    report = jena.validate_graph(installed, data_graph(built), shapes_path(), workdir=tmp_path)
    assert jena_verdict(report) == pyshacl_verdict(built)
