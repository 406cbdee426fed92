"""Shared fixtures: paths to the project's data, and builds made once per test session (never mutated)."""

from __future__ import annotations

import pytest

from support import SEED, SMALL


@pytest.fixture(scope="session")
def seed_report():
    from a4p_kg.report import parse_file

    return parse_file(SEED)


@pytest.fixture(scope="session")
def seed_build():
    """The seed report built in memory (parse, extract, emit): a ReportBuild."""
    from a4p_kg.build import build_report

    return build_report(SEED)


@pytest.fixture(scope="session")
def small_build():
    from a4p_kg.build import build_report

    return build_report(SMALL)


@pytest.fixture(scope="session")
def two_reports():
    """The seed report and the small test report built together: one named graph each (a BuildResult)."""
    from a4p_kg.build import build_dataset

    return build_dataset([SEED, SMALL])


@pytest.fixture(scope="session")
def built_graph_dir(tmp_path_factory):
    """graph/ as `a4p-kg build` writes it, built once into a temporary folder."""
    from a4p_kg.build import build

    out = tmp_path_factory.mktemp("graph") / "graph"
    build(out=out)
    return out
