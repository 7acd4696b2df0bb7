"""The examples in docstrings run (networkx style)."""

import doctest
import importlib

import pytest

MODULES = [
    "guanxi.model",
    "guanxi.evaluate",
    "guanxi.extractors.text",
    "guanxi.extractors.reading",
    "guanxi.extractors.coref",
    "guanxi.extractors.relations",
    "guanxi.graph.build",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0 and result.attempted > 0
