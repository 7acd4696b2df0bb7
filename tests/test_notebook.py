"""The walk-through notebook's code runs top to bottom."""

import json
import os
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "walkthrough.ipynb"


def test_notebook_cells_run(monkeypatch):
    pytest.importorskip("IPython", reason="the last cell displays the view with IPython")
    monkeypatch.chdir(NOTEBOOK.parent)
    namespace: dict = {}
    for cell in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), str(NOTEBOOK), "exec"), namespace)
    assert namespace["G"].number_of_nodes() > 10
    assert namespace["path"].length == 3
