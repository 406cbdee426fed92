"""The examples in the public docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import a4p_kg

MODULES = sorted(m.name for m in pkgutil.walk_packages(a4p_kg.__path__, "a4p_kg.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


def test_the_examples_are_there():
    counts = [doctest.testmod(importlib.import_module(n), report=False).attempted for n in
              ("a4p_kg.iris", "a4p_kg.report", "a4p_kg.namespaces")]
    assert all(counts)
