"""graph/ in the repository is exactly what `a4p-kg build` makes of seeds/ (it is generated, never edited)."""

from __future__ import annotations

import pytest

from support import ROOT

EXPORTS = ("a4p.ttl", "a4p.nt", "a4p.trig", "a4p.jsonld")


@pytest.mark.parametrize("name", EXPORTS)
def test_committed_export_equals_a_fresh_build(built_graph_dir, name):
    committed = ROOT / "graph" / name
    if not committed.exists():
        pytest.skip("graph/ has not been built in this checkout")
    assert committed.read_bytes() == (built_graph_dir / name).read_bytes(), (
        f"graph/{name} is stale: run `a4p-kg build` and commit graph/")
