"""One node per entity across articles and scripts; no false merges."""

from __future__ import annotations

import pytest

from guanxi.extractors.pipeline import extract_document
from guanxi.graph.build import build_graph
from guanxi.model import Document


def graph_of(*texts):
    results = [extract_document(Document(id=f"d{i}.txt", text=t)) for i, t in enumerate(texts)]
    graph, _ = build_graph(results)
    return graph


def node_of(graph, surface):
    from guanxi.extractors.text import normalize_key

    key = normalize_key(surface)
    return {n for n, d in graph.nodes(data=True) if key in {normalize_key(a) for a in [n, *d["aliases"]]}}


@pytest.mark.parametrize(
    "texts, a, b",
    [
        (["奧特曼離開了OpenAI。", "奥特曼加入了微软。"], "奧特曼", "奥特曼"),  # scripts
        (["德维恩-韦德加盟热火。", "德維恩·韋德離開了熱火。"], "德维恩-韦德", "德維恩·韋德"),  # joiners
        (["Jan Leike离开了OpenAI。", "Jan Laike感谢了OpenAI。"], "Jan Leike", "Jan Laike"),  # a misspelling
        (["格力电器股份有限公司发布公告。", "格力电器起诉了奥克斯。"], "格力电器股份有限公司", "格力电器"),  # legal suffix
        (["Sam Altman离开了OpenAI。", "奥特曼加入了微软。"], "Sam Altman", "奥特曼"),  # transliteration (gazetteer)
        (["记者张伟报道。", "张伟是记者。"], "张伟", "张伟"),
    ],
)
def test_merged(texts, a, b):
    graph = graph_of(*texts)
    assert node_of(graph, a) and node_of(graph, a) == node_of(graph, b)


@pytest.mark.parametrize(
    "latin, chinese, merged",
    [("Carlos Mendoza", "门多萨", True), ("Carlos Mendoza", "韦斯特", False)],
)
def test_transliteration_meets_its_latin_name(latin, chinese, merged):
    graph = graph_of(f"据报道，分析师{latin}离开了Acme公司。", f"记者{chinese}随后加入了Beta公司。")
    assert node_of(graph, latin) and node_of(graph, chinese)
    assert (node_of(graph, latin) == node_of(graph, chinese)) is merged


@pytest.mark.parametrize(
    "texts, a, b",
    [
        (["张伟离开了华为公司。", "张强加入了小米公司。"], "张伟", "张强"),  # shared surname
        (["Jan Leike离开了OpenAI。", "Jan Koum离开了WhatsApp。"], "Jan Leike", "Jan Koum"),  # shared first name
        (["华为起诉了小米。", "华为董事会开会。"], "华为", "华为董事会"),  # an organisation and its board
    ],
)
def test_not_merged(texts, a, b):
    graph = graph_of(*texts)
    assert node_of(graph, a) and node_of(graph, b) and not node_of(graph, a) & node_of(graph, b)


def test_node_and_edge_attributes(sample_build):
    graph, triples = sample_build
    data = graph.nodes["Jan Leike"]
    assert data["type"] == "PERSON" and {"Jan", "Jan Laike"} <= set(data["aliases"]) and len(data["docs"]) == 2
    edge = graph.edges["Sam Altman", "Jan Leike", "thanked"]
    assert edge["count"] == len(edge["evidence"]) >= 2
    assert {e["doc"] for e in edge["evidence"]} == {"ilya-leaves-openai.zh-Hant.txt", "jiemian-openai-safety.zh-Hans.txt"}
    for ev in edge["evidence"]:
        start = ev["subject_span"][0] - ev["sentence_start"]
        assert ev["sentence"][start : start + len(ev["subject_text"])] == ev["subject_text"]


def test_negated_stays_out_of_graph():
    from guanxi.extractors.pipeline import Settings

    result = extract_document(Document(id="n.txt", text="王伟并未加入华为公司。"), Settings(keep_negated=True))
    graph, triples = build_graph([result])
    assert [t.modality for t in triples] == ["negated"] and graph.number_of_edges() == 0


def test_traditional_display(sample_results):
    graph, _ = build_graph(sample_results, script="hant")
    assert "超級對齊團隊" in graph and graph.graph["script"] == "hant"
