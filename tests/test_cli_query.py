"""``guanxi query ...`` and ``guanxi subgraph`` against a small hand-written graph.json."""

from __future__ import annotations

import importlib.util
import json

import networkx as nx
import pytest
import typer
from typer.testing import CliRunner

from guanxi.cli_query import query_app, subgraph
from guanxi.graph.io import write_graph

app = typer.Typer()
app.add_typer(query_app, name="query")
app.command("subgraph")(subgraph)

runner = CliRunner()

DOCUMENTS = {
    "a.txt": {"title": "OpenAI宫斗戏再起", "date": "2024-05-18", "url": None, "source": "界面新闻"},
    "b.txt": {"title": "Ilya離開OpenAI內幕曝光", "date": None, "url": None, "source": None},
}
NODES = {
    "Sam Altman": ("PERSON", ["Sam Altman", "Altman", "奥特曼", "奧特曼"]),
    "Sam Bankman-Fried": ("PERSON", ["Sam Bankman-Fried", "SBF"]),
    "Jan Leike": ("PERSON", ["Jan Leike", "Jan"]),
    "Ilya Sutskever": ("PERSON", ["Ilya Sutskever", "Ilya", "伊利亞·蘇茨克維"]),
    "OpenAI": ("ORG", ["OpenAI"]),
    "Geoffrey Hinton": ("PERSON", ["Hinton", "辛頓"]),
    "John Schulman": ("PERSON", ["John Schulma"]),
    "超级对齐团队": ("ORG", ["超级对齐团队", "超級對齊團隊"]),
}
EDGES = [
    ("Sam Altman", "thanked", "Jan Leike", "b.txt", "他站出來感謝了Jan對OpenAI超級對齊和安全方面的貢獻", 0.8, None),
    ("Ilya Sutskever", "resigned_from", "OpenAI", "b.txt", "Ilya的辭職加劇了OpenAI近期的離職潮。", 0.7, None),
    ("Ilya Sutskever", "works_for", "OpenAI", "a.txt", "这次带头打破这种“默契”的不是更居核心地位的前首席科学家Ilya Sutskever", 0.5, None),
    ("Geoffrey Hinton", "teacher_of", "Ilya Sutskever", "b.txt", "就像Ilya的老師、圖靈獎三巨頭之一Hinton說的那樣", 0.7, None),
    ("Ilya Sutskever", "leads", "超级对齐团队", "b.txt", "但據內部人士透露,Ilya一直遠程共同領導着超級對齊團隊。", 0.6, None),
    ("John Schulman", "took_over", "超级对齐团队", "b.txt", "後續安排,是聯合創始人John Schulma來接手", 0.6, None),
    ("Jan Leike", "resigned_from", "OpenAI", "a.txt", "Jan Leike都开始对OpenAI公开批判,并与Ilya Sutskever双双离职。", 0.7, None),
    ("Ilya Sutskever", "fired", "Sam Altman", "b.txt", "當時Ilya還在,他同OpenAI董事會合作試圖解僱掉奧特曼。", 0.5, "2023年11月"),
]  # fmt: skip


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    G = nx.MultiDiGraph(documents=DOCUMENTS, script="hans")
    for node, (type_, aliases) in NODES.items():
        G.add_node(node, name=node, type=type_, aliases=aliases, mentions=1, docs=["a.txt"], roles=[])
    for s, rel, o, doc, sentence, conf, time in EDGES:
        ev = {"doc": doc, "date": DOCUMENTS[doc]["date"], "sentence": sentence, "sentence_index": 0,
              "sentence_start": 0, "subject_text": s, "object_text": o, "subject_span": [0, 1],
              "object_span": [1, 2], "relation_label": rel, "confidence": conf, "extractor": "test",
              "role": None, "time": time, "modality": None}  # fmt: skip
        G.add_edge(s, o, key=rel, relation=rel, label_en=rel.replace("_", " "), label_zh="", labels=[],
                   symmetric=False, count=1, confidence=conf, evidence=[ev])  # fmt: skip
    path = tmp_path_factory.mktemp("out") / "graph.json"
    write_graph(G, path)
    return str(path)


def run(graph_file, *args):
    return runner.invoke(app, [*args, "--graph", graph_file])


def flat(text):
    """Error text without the box drawn around it by rich, on one line."""
    return " ".join(text.translate(dict.fromkeys(map(ord, "│╭╮╰╯─"), " ")).split())


def run_json(graph_file, *args):
    result = run(graph_file, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --------------------------------------------------------------------------- the checks


def test_path_hinton_schulman(graph_file):
    data = run_json(graph_file, "query", "path", "Geoffrey Hinton", "John Schulman")
    [path] = data["paths"]
    assert data["source"]["id"] == "Geoffrey Hinton" and data["target"]["id"] == "John Schulman"
    assert path["length"] == len(path["hops"]) == 3
    for hop in path["hops"]:
        assert set(hop) >= {"source", "relation", "target", "direction", "evidence"}
        assert hop["evidence"]["sentence"] and hop["evidence"]["doc"] in DOCUMENTS
    assert [h["direction"] for h in path["hops"]] == ["out", "out", "in"]


def test_path_table(graph_file):
    result = run(graph_file, "query", "path", "Hinton", "John Schulman")
    assert result.exit_code == 0, result.output
    assert "teacher_of" in result.stdout and "took_over" in result.stdout
    assert "接手" in result.stdout  # the evidence sentence is shown


def test_neighbors_traditional_json(graph_file):
    data = run_json(graph_file, "query", "neighbors", "奧特曼")
    assert data["entity"] == {"id": "Sam Altman", "name": "Sam Altman", "type": "PERSON"}
    rows = {(r["name"], r["relation"], r["direction"]) for r in data["neighbors"]}
    assert ("Jan Leike", "thanked", "out") in rows
    assert ("Ilya Sutskever", "fired", "in") in rows
    assert set(data["neighbors"][0]) == {"id", "name", "type", "relation", "direction", "count", "confidence", "depth", "via", "via_id"}


def test_between_ilya_openai(graph_file):
    data = run_json(graph_file, "query", "between", "Ilya", "OpenAI")
    relations = {r["relation"]: r for r in data["relations"]}
    assert set(relations) == {"resigned_from", "works_for"}
    assert relations["resigned_from"]["evidence"][0]["sentence"] == "Ilya的辭職加劇了OpenAI近期的離職潮。"
    assert relations["works_for"]["evidence"][0]["doc"] == "a.txt"
    table = run(graph_file, "query", "between", "Ilya", "OpenAI")
    assert table.exit_code == 0
    assert "resigned_from" in table.stdout and "works_for" in table.stdout and "離職潮" in table.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("query", "neighbors", "Leiky"), "Jan Leike"),
        (("query", "path", "Hinton", "Elon Musk"), "No entity matches 'Elon Musk'"),
        (("query", "between", "Ilya", "OpenAl Inc"), "OpenAI"),
        (("subgraph", "Leiky", "--out", "x.html"), "Jan Leike"),
    ],
)
def test_unknown_name_suggests(graph_file, args, needle):
    result = run(graph_file, *args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "No entity matches" in result.stderr and needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_name_json_stdout_empty(graph_file):
    result = run(graph_file, "query", "neighbors", "Nobody Here", "--json")
    assert result.exit_code == 1 and result.stdout == ""
    assert "Closest:" in result.stderr


def test_ambiguous_name(graph_file):
    result = run(graph_file, "query", "neighbors", "Sam")
    assert result.exit_code != 0
    assert "ambiguous" in result.stderr
    assert "Sam Altman" in result.stderr and "Sam Bankman-Fried" in result.stderr


# --------------------------------------------------------------------------- other commands


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (("query", "neighbors", "Ilya", "--depth", "2", "--type", "org"), "neighbors"),
        (("query", "neighbors", "Altman", "-r", "thanked"), "neighbors"),
        (("query", "path", "Altman", "超級對齊團隊", "--all"), "paths"),
        (("query", "top", "--by", "pagerank", "-n", "3"), "entities"),
        (("query", "top", "--by", "betweenness", "--type", "PERSON"), "entities"),
        (("query", "relations"), "relations"),
        (("query", "relations", "--relation", "resigned_from"), "edges"),
        (("query", "search", "aoteman"), "results"),
        (("query", "neighbors", "Altman", "--since", "2023", "--until", "2023-12"), "neighbors"),
        (("query", "between", "Ilya", "OpenAI", "--doc", "a.txt", "--min-confidence", "0.5"), "relations"),
    ],
)
def test_json_outputs(graph_file, args, key):
    data = run_json(graph_file, *args)
    assert data[key]


def test_json_shapes(graph_file):
    top = run_json(graph_file, "query", "top", "-n", "2")
    assert top["by"] == "degree" and set(top["entities"][0]) == {"rank", "id", "name", "type", "score", "degree"}
    rel = run_json(graph_file, "query", "relations", "-r", "resigned from")
    assert rel["relations"] == [{"relation": "resigned_from", "label_en": "resigned from", "label_zh": "", "edges": 2, "evidence": 2}]
    assert {e["source"] for e in rel["edges"]} == {"Ilya Sutskever", "Jan Leike"}
    assert "edges" not in run_json(graph_file, "query", "relations")
    found = run_json(graph_file, "query", "search", "對齊")
    assert found["query"] == "對齊"
    assert set(found["results"][0]) == {"id", "name", "type", "alias", "score", "mentions"}
    assert found["results"][0]["id"] == "超级对齐团队"
    filtered = run_json(graph_file, "query", "neighbors", "Altman", "--since", "2023", "--until", "2023-12")
    assert [(r["name"], r["relation"]) for r in filtered["neighbors"]] == [("Ilya Sutskever", "fired")]


@pytest.mark.parametrize(
    "args",
    [
        ("query", "neighbors", "Altman"),
        ("query", "neighbors", "Ilya", "--depth", "2"),
        ("query", "top"),
        ("query", "top", "--by", "pagerank"),
        ("query", "relations", "-r", "leads"),
        ("query", "search", "Sam"),
        ("query", "between", "Hinton", "OpenAI"),
    ],
)
def test_tables(graph_file, args):
    result = run(graph_file, *args)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()


def test_no_path_exits_1(graph_file):
    result = run(graph_file, "query", "path", "Hinton", "Schulman", "--max-len", "2", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["paths"] == []
    assert "No connection between 'Geoffrey Hinton' and 'John Schulman' within 2 hops" in result.stderr


def test_partial_name_note(graph_file):
    result = run(graph_file, "query", "neighbors", "Schulman", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["entity"]["id"] == "John Schulman"
    assert "'Schulman' taken as 'John Schulman'" in result.stderr
    exact = run(graph_file, "query", "neighbors", "奧特曼", "--json")
    assert exact.stderr == ""


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (("query", "neighbors", "Ilya", "--since", "2023-13"), 2, "Bad date '2023-13'"),
        (("query", "neighbors", "Ilya", "--depth", "0"), 2, "--depth"),
        (("query", "neighbors", "Ilya", "--type", "ANIMAL"), 2, "--type"),
        (("query", "neighbors", "Ilya", "--min-confidence", "1.5"), 2, "--min-confidence"),
        (("query", "top", "--by", "fame"), 2, "--by"),
        (("query", "neighbors", "Ilya", "--relation", "married"), 1, "No relation 'married'"),
        (("query", "neighbors", "Ilya", "--doc", "z.txt"), 1, "No document 'z.txt'"),
    ],
)
def test_bad_options(graph_file, args, code, needle):
    result = run(graph_file, *args)
    assert result.exit_code == code, result.output
    assert needle in flat(result.stderr)


def test_missing_graph_file(tmp_path):
    result = runner.invoke(app, ["query", "top", "--graph", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "does not exist" in flat(result.output)


def test_bad_graph_file(tmp_path):
    bad = tmp_path / "graph.json"
    bad.write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["query", "top", "--graph", str(bad)])
    assert result.exit_code == 1 and "not a guanxi graph" in result.stderr


@pytest.mark.skipif(importlib.util.find_spec("guanxi.graph.html") is None, reason="HTML renderer not written yet")
def test_subgraph_html(graph_file, tmp_path):
    out = tmp_path / "altman.html"
    result = run(graph_file, "subgraph", "奧特曼", "--out", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Jan Leike" in html and "Ilya Sutskever" in html
    assert "Schulma" not in html  # three hops away
    assert "Wrote" in result.output and "3 entities" in result.output
