"""Session fixtures: the pipeline and the sample build are expensive, so they run once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SHARED_GOLD = ROOT.parent / "shared" / "gold"
DEV = Path(__file__).resolve().parent / "data" / "dev"


@pytest.fixture(scope="session")
def nlp():
    from guanxi.extractors.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def sample_results(nlp):
    from guanxi.extractors.pipeline import extract_corpus
    from guanxi.extractors.reading import iter_documents

    return extract_corpus(iter_documents([SAMPLES]))


@pytest.fixture(scope="session")
def sample_build(sample_results):
    """``(graph, triples)`` of the two sample articles built together."""
    from guanxi.graph.build import build_graph

    return build_graph(sample_results)


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory, nlp):
    """The folder ``guanxi build data/samples`` writes, built once through the CLI."""
    from typer.testing import CliRunner

    from guanxi.cli import app

    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(app, ["build", str(SAMPLES), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def extract_text(text: str, doc_id: str = "t.txt", *, with_graph: bool = False):
    """Triples of one small text (and, with ``with_graph``, its graph)."""
    from guanxi.extractors.pipeline import extract_document
    from guanxi.graph.build import build_graph
    from guanxi.model import Document

    result = extract_document(Document(id=doc_id, text=text))
    graph, triples = build_graph([result])
    return (graph, triples) if with_graph else triples


def names_of(graph, node: str) -> set[str]:
    """Every normalized name a node answers to."""
    from guanxi.extractors.text import normalize_key

    data = graph.nodes[node] if node in graph else {}
    return {normalize_key(n) for n in [node, *data.get("aliases", [])]}


def has_fact(graph, triples, subject: str, relation: str, obj: str) -> bool:
    """Whether a triple links entities called ``subject`` and ``obj`` (any alias) by ``relation``."""
    from guanxi.extractors.text import normalize_key

    s, o = normalize_key(subject), normalize_key(obj)
    return any(
        t.relation == relation and s in names_of(graph, t.subject) and o in names_of(graph, t.object) for t in triples
    )
