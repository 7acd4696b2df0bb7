"""Queries over a hand-built graph of the two sample articles (no extraction pipeline)."""

from __future__ import annotations

import doctest
import json

import networkx as nx
import pytest

from guanxi.errors import GuanxiError
from guanxi.graph import query as q
from guanxi.graph.io import read_graph, write_graph

LABELS = {
    "thanked": ("thanked", "感谢"),
    "resigned_from": ("resigned from", "离职"),
    "works_for": ("works for", "任职"),
    "teacher_of": ("teacher of", "老师"),
    "took_over": ("took over", "接管"),
    "leads": ("leads", "领导"),
    "part_of": ("part of", "隶属"),
    "joined": ("joined", "加入"),
    "fired": ("fired", "解雇"),
    "colleague_of": ("colleague of", "同事"),
    "founded": ("founded", "创立"),
}
SYMMETRIC = {"colleague_of"}

NODES = [
    # id, type, aliases, mentions
    ("Sam Altman", "PERSON", ["Sam Altman", "Altman", "奥特曼", "奧特曼"], 12),
    ("Jan Leike", "PERSON", ["Jan Leike", "Jan"], 14),
    ("Ilya Sutskever", "PERSON", ["Ilya Sutskever", "Ilya", "伊利亚·苏茨克维", "伊利亞·蘇茨克維"], 20),
    ("OpenAI", "ORG", ["OpenAI"], 40),
    ("Geoffrey Hinton", "PERSON", ["Hinton", "辛顿", "辛頓"], 1),
    ("John Schulman", "PERSON", ["John Schulma"], 1),
    ("超级对齐团队", "ORG", ["超级对齐团队", "超級對齊團隊", "超级对齐小组", "Superalignment team"], 9),
    ("Daniel Kokotajlo", "PERSON", ["Daniel Kokotajlo", "DK哥"], 4),
    ("微软", "ORG", ["微软", "微軟", "Microsoft"], 1),
    ("Sam Bankman-Fried", "PERSON", ["Sam Bankman-Fried", "SBF"], 1),
    ("FTX", "ORG", ["FTX"], 1),
]

# subject, relation, object, [(doc, sentence, confidence, time)]
EDGES = [
    ("Sam Altman", "thanked", "Jan Leike", [
        ("b.txt", "他站出來感謝了Jan對OpenAI超級對齊和安全方面的貢獻,表示Jan離開,他其實很難過、很捨不得。", 0.8, None),
        ("a.txt", "他转发了Jan Leike包含以上所有回复的推文,并在转发语中例行感谢了对方的杰出贡献", 0.7, None),
    ]),
    ("Jan Leike", "resigned_from", "OpenAI", [
        ("a.txt", "肩负安全责任的Jan Leike都开始对OpenAI公开批判,并与Ilya Sutskever双双离职。", 0.7, None),
    ]),
    ("Ilya Sutskever", "resigned_from", "OpenAI", [
        ("b.txt", "Ilya的辭職加劇了OpenAI近期的離職潮。", 0.7, None),
        ("a.txt", "肩负安全责任的Jan Leike都开始对OpenAI公开批判,并与Ilya Sutskever双双离职。", 0.6, None),
    ]),
    ("Ilya Sutskever", "works_for", "OpenAI", [
        ("a.txt", "这次带头打破这种“默契”的不是更居核心地位的前首席科学家Ilya Sutskever,而是OpenAI超级对齐小组另一位联合负责人Jan Leike。", 0.5, None),
    ]),
    ("Geoffrey Hinton", "teacher_of", "Ilya Sutskever", [
        ("b.txt", "一種無力感涌上心頭,就像Ilya的老師、圖靈獎三巨頭之一Hinton說的那樣:", 0.7, None),
    ]),
    ("John Schulman", "took_over", "超级对齐团队", [
        ("b.txt", "後續安排,是聯合創始人John Schulma來接手,但不再有專門的團隊。", 0.6, None),
    ]),
    ("Sam Altman", "leads", "OpenAI", [
        ("b.txt", "不過回過頭來,如今執掌OpenAI的奧特曼這邊,暫時還坐得住。", 0.7, None),
    ]),
    ("超级对齐团队", "part_of", "OpenAI", [
        ("a.txt", "而是OpenAI超级对齐小组另一位联合负责人Jan Leike。", 0.5, None),
    ]),
    ("Ilya Sutskever", "leads", "超级对齐团队", [
        ("b.txt", "但據內部人士透露,Ilya一直遠程共同領導着超級對齊團隊。", 0.6, None),
    ]),
    ("Jan Leike", "leads", "超级对齐团队", [
        ("b.txt", "OpenAI超級對齊負責人Jan Leike,也就是剛剛追隨Ilya離開公司的那位,自曝離職的真正原因。", 0.7, None),
    ]),
    ("Daniel Kokotajlo", "joined", "OpenAI", [
        ("b.txt", "DK哥在2022年加入OpenAI,在治理團隊工作,主要工作內容是引導OpenAI安全部署AI。", 0.8, "2022"),
    ]),
    ("Ilya Sutskever", "fired", "Sam Altman", [
        ("b.txt", "時間回溯到去年11月,當時Ilya還在,他同OpenAI董事會合作試圖解僱掉奧特曼。", 0.5, "2023年11月"),
    ]),
    ("Ilya Sutskever", "colleague_of", "Jan Leike", [
        ("a.txt", "他在一条新的更加正式的告别推文下,揭开了他与Ilya Sutskever离职幕后隐情的冰山一角。", 0.4, None),
    ]),
    ("Sam Bankman-Fried", "founded", "FTX", [
        ("c.txt", "Sam Bankman-Fried创立了FTX。", 0.9, None),
    ]),
]  # fmt: skip

DOCUMENTS = {
    "a.txt": {"title": "OpenAI宫斗戏再起", "date": "2024-05-18", "url": None, "source": "界面新闻"},
    "b.txt": {"title": "Ilya離開OpenAI內幕曝光", "date": None, "url": None, "source": None},
    "c.txt": {"title": "FTX", "date": "2022-11-11", "url": None, "source": None},
}


def story_graph() -> nx.MultiDiGraph:
    """A small graph in the documented format (see the graph spec)."""
    G = nx.MultiDiGraph(documents=DOCUMENTS, script="hans")
    for node, type_, aliases, mentions in NODES:
        G.add_node(node, name=node, type=type_, aliases=aliases, mentions=mentions, docs=["a.txt"], roles=[])
    for subject, relation, obj, items in EDGES:
        evidence = [
            {
                "doc": doc,
                "date": DOCUMENTS[doc]["date"],
                "sentence": sentence,
                "sentence_index": i,
                "sentence_start": 0,
                "subject_text": subject,
                "object_text": obj,
                "subject_span": [0, 1],
                "object_span": [1, 2],
                "relation_label": LABELS[relation][1],
                "confidence": confidence,
                "extractor": "test",
                "role": None,
                "time": time,
                "modality": "attempted" if relation == "fired" else None,
            }
            for i, (doc, sentence, confidence, time) in enumerate(items)
        ]
        G.add_edge(
            subject,
            obj,
            key=relation,
            relation=relation,
            label_en=LABELS[relation][0],
            label_zh=LABELS[relation][1],
            labels=[LABELS[relation][1]],
            symmetric=relation in SYMMETRIC,
            count=len(evidence),
            confidence=max(e["confidence"] for e in evidence),
            evidence=evidence,
        )
    return G


@pytest.fixture(scope="module")
def G(tmp_path_factory) -> nx.MultiDiGraph:
    # through graph.json, as the CLI sees it
    path = tmp_path_factory.mktemp("graph") / "graph.json"
    write_graph(story_graph(), path)
    return read_graph(path)


# --------------------------------------------------------------------------- doctests


def test_doctests():
    result = doctest.testmod(q, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 20
    assert result.failed == 0


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("normalize", "normalize"),
        ("奧特曼", "奥特曼"),
        ("Jan  Leike", "janleike"),
        ("伊利亞·蘇茨克維", "伊利亚苏茨克维"),
        ("Sam Bankman-Fried", "sambankmanfried"),
        ("“OpenAI”", "openai"),
        ("ＯｐｅｎＡＩ", "openai"),
        ("超級對齊團隊", "超级对齐团队"),
    ],
)
def test_normalize_name(text, expected):
    assert q.normalize_name(text) == expected


@pytest.mark.parametrize(
    ("name", "node"),
    [
        ("Sam Altman", "Sam Altman"),  # node id
        ("sam altman", "Sam Altman"),  # case, spacing
        ("奥特曼", "Sam Altman"),  # Simplified alias
        ("奧特曼", "Sam Altman"),  # Traditional alias
        ("Altman", "Sam Altman"),  # Latin alias
        ("Ilya", "Ilya Sutskever"),
        ("伊利亞·蘇茨克維", "Ilya Sutskever"),
        ("伊利亚苏茨克维", "Ilya Sutskever"),
        ("Leike", "Jan Leike"),  # a word of the name
        ("Sutskever", "Ilya Sutskever"),
        ("Hinton", "Geoffrey Hinton"),
        ("辛頓", "Geoffrey Hinton"),
        ("John Schulma", "John Schulman"),  # alias as written in the article
        ("超級對齊團隊", "超级对齐团队"),
        ("超级对齐", "超级对齐团队"),  # part of a Chinese name
        ("superalignment team", "超级对齐团队"),
        ("Microsoft", "微软"),
        ("微軟", "微软"),
        ("DK哥", "Daniel Kokotajlo"),
        ("aoteman", "Sam Altman"),  # pinyin
        ("Ilya Sutskevr", "Ilya Sutskever"),  # typo
        ("Bankman Fried", "Sam Bankman-Fried"),
        ("SBF", "Sam Bankman-Fried"),
    ],
)
def test_resolve(G, name, node):
    assert q.resolve(G, name) == node


@pytest.mark.parametrize(
    ("name", "candidates"),
    [
        ("Sam", ["Sam Altman", "Sam Bankman-Fried"]),
        ("Open", None),  # substring of one name only: not ambiguous
    ],
)
def test_resolve_ambiguous(G, name, candidates):
    if candidates is None:
        assert q.resolve(G, name) == "OpenAI"
        return
    with pytest.raises(GuanxiError) as info:
        q.resolve(G, name)
    message = str(info.value)
    assert "ambiguous" in message and "\n" not in message
    for candidate in candidates:
        assert candidate in message


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("Leiky", "Jan Leike"),
        ("Elon Musk", None),
        ("奥特慢慢", "Sam Altman"),
    ],
)
def test_resolve_unknown_suggests(G, name, suggested):
    with pytest.raises(GuanxiError) as info:
        q.resolve(G, name)
    message = str(info.value)
    assert message.startswith(f"No entity matches '{name}'. Closest: ")
    if suggested:
        assert suggested in message


def test_entity(G):
    assert q.entity(G, "奧特曼") == q.Entity(id="Sam Altman", name="Sam Altman", type="PERSON")


def test_index_is_cached_and_refreshed(G):
    H = story_graph()
    assert q.resolve(H, "Altman") == "Sam Altman"
    index = q._index(H)
    assert q._index(H) is index
    H.add_node("Altman Group", name="Altman Group", type="ORG", aliases=["Altman"])
    with pytest.raises(GuanxiError, match="ambiguous"):
        q.resolve(H, "Altman")
    assert q._index(H) is not index


# --------------------------------------------------------------------------- search


@pytest.mark.parametrize(
    ("text", "first", "alias"),
    [
        ("奧特曼", "Sam Altman", "奧特曼"),
        ("altman", "Sam Altman", "Altman"),
        ("aoteman", "Sam Altman", "奥特曼"),
        ("對齊", "超级对齐团队", None),
        ("Leik", "Jan Leike", None),
        ("Sutskevar", "Ilya Sutskever", None),  # fuzzy
        ("kokotaj", "Daniel Kokotajlo", None),
    ],
)
def test_search(G, text, first, alias):
    rows = q.search(G, text)
    assert rows and rows[0].id == first
    assert 0 < rows[0].score <= 100
    if alias:
        assert rows[0].alias == alias
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)


def test_search_types_and_limit(G):
    rows = q.search(G, "Sam", types=["ORG"], limit=3)
    assert len(rows) <= 3 and all(r.type == "ORG" for r in rows)
    assert {r.id for r in q.search(G, "Sam", limit=2)} == {"Sam Altman", "Sam Bankman-Fried"}


# --------------------------------------------------------------------------- neighbors


def _rows(rows):
    return {(r.name, r.relation, r.direction) for r in rows}


@pytest.mark.parametrize(
    ("name", "kwargs", "expected"),
    [
        (
            "奧特曼",
            {},
            {("Jan Leike", "thanked", "out"), ("OpenAI", "leads", "out"), ("Ilya Sutskever", "fired", "in")},
        ),
        ("Altman", {"relations": ["thanked"]}, {("Jan Leike", "thanked", "out")}),
        ("Altman", {"relations": ["感谢"]}, {("Jan Leike", "thanked", "out")}),  # Chinese label
        ("Altman", {"relations": ["Thanked", "leads"]}, {("Jan Leike", "thanked", "out"), ("OpenAI", "leads", "out")}),
        ("Altman", {"types": ["ORG"]}, {("OpenAI", "leads", "out")}),
        ("Jan Leike", {"relations": ["colleague_of"]}, {("Ilya Sutskever", "colleague_of", "both")}),
        ("John Schulman", {}, {("超级对齐团队", "took_over", "out")}),
        ("Geoffrey Hinton", {"depth": 2, "types": ["ORG"]}, {("OpenAI", "resigned_from", "out"), ("OpenAI", "works_for", "out"), ("超级对齐团队", "leads", "out")}),
        ("FTX", {"depth": 3}, {("Sam Bankman-Fried", "founded", "in")}),
    ],
)
def test_neighbors(G, name, kwargs, expected):
    assert _rows(q.neighbors(G, name, **kwargs)) == expected


def test_neighbors_fields(G):
    [row] = q.neighbors(G, "奧特曼", relations=["thanked"])
    assert row.to_dict() == {
        "id": "Jan Leike",
        "name": "Jan Leike",
        "type": "PERSON",
        "relation": "thanked",
        "direction": "out",
        "count": 2,
        "confidence": 0.8,
        "depth": 1,
        "via": "Sam Altman",
        "via_id": "Sam Altman",
    }


def test_neighbors_depth(G):
    rows = q.neighbors(G, "Geoffrey Hinton", depth=2)
    assert {(r.name, r.depth) for r in rows if r.depth == 1} == {("Ilya Sutskever", 1)}
    second = {r.name for r in rows if r.depth == 2}
    assert second == {"OpenAI", "超级对齐团队", "Sam Altman", "Jan Leike"}
    assert all(r.via == "Ilya Sutskever" for r in rows if r.depth == 2)
    assert [r.depth for r in rows] == sorted(r.depth for r in rows)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"relations": ["married"]}, "No relation 'married'"),
        ({"types": ["ANIMAL"]}, "Unknown entity type 'ANIMAL'"),
        ({"depth": 0}, "depth must be"),
        ({"since": "2023-13"}, "Bad date '2023-13'"),
        ({"docs": ["z.txt"]}, "No document 'z.txt'"),
        ({"min_confidence": 2}, "min_confidence must be"),
    ],
)
def test_bad_arguments(G, kwargs, message):
    with pytest.raises(GuanxiError, match=message):
        q.neighbors(G, "OpenAI", **kwargs)


# --------------------------------------------------------------------------- paths


def test_path_hinton_schulman(G):
    [path] = q.shortest_paths(G, "Geoffrey Hinton", "John Schulman")
    assert path.length == 3
    assert path.nodes == ("Geoffrey Hinton", "Ilya Sutskever", "超级对齐团队", "John Schulman")
    assert [(h.relation, h.direction) for h in path.hops] == [("teacher_of", "out"), ("leads", "out"), ("took_over", "in")]
    for hop in path.hops:
        assert hop.evidence is not None and hop.evidence.sentence and hop.evidence.doc in DOCUMENTS
    assert [h.source for h in path.hops] == list(path.nodes[:-1])
    assert [h.target for h in path.hops] == list(path.nodes[1:])
    data = json.loads(json.dumps(path.to_dict(), ensure_ascii=False))
    assert set(data["hops"][0]) >= {"source", "relation", "target", "direction", "evidence"}
    assert set(data["hops"][0]["evidence"]) >= {"sentence", "doc", "date"}


@pytest.mark.parametrize(
    ("a", "b", "kwargs", "lengths"),
    [
        ("Jan Leike", "OpenAI", {}, [1]),
        ("奧特曼", "超級對齊團隊", {"all_paths": True}, [2, 2, 2]),
        ("奧特曼", "超級對齊團隊", {}, [2]),
        ("Hinton", "Schulman", {"max_len": 2}, []),
        ("Hinton", "FTX", {}, []),  # different components
        ("Jan Leike", "OpenAI", {"relations": ["leads", "part_of"]}, [2]),
        ("OpenAI", "OpenAI", {}, [0]),
        ("Daniel Kokotajlo", "Sam Altman", {"all_paths": True, "limit": 1}, [2]),
    ],
)
def test_shortest_paths(G, a, b, kwargs, lengths):
    paths = q.shortest_paths(G, a, b, **kwargs)
    assert [p.length for p in paths] == lengths
    for path in paths:
        assert path.node_ids[0] == q.resolve(G, a) and path.node_ids[-1] == q.resolve(G, b)


def test_all_shortest_paths_distinct(G):
    paths = q.shortest_paths(G, "Sam Altman", "超级对齐团队", all_paths=True)
    middles = sorted(p.nodes[1] for p in paths)
    assert middles == ["Ilya Sutskever", "Jan Leike", "OpenAI"]
    fired = next(p for p in paths if p.nodes[1] == "Ilya Sutskever")
    assert (fired.hops[0].relation, fired.hops[0].direction) == ("fired", "in")


def test_single_path_prefers_confident_hops(G):
    # Altman -> Jan Leike (thanked 0.8) -> team (leads 0.7) is the strongest of the three
    [path] = q.shortest_paths(G, "Sam Altman", "超级对齐团队")
    assert path.nodes[1] == "Jan Leike"


# --------------------------------------------------------------------------- between


def test_between_ilya_openai(G):
    rows = q.between(G, "Ilya", "OpenAI")
    assert [(r.relation, r.direction, r.count) for r in rows] == [("resigned_from", "out", 2), ("works_for", "out", 1)]
    assert rows[0].evidence[0].sentence == "Ilya的辭職加劇了OpenAI近期的離職潮。"
    assert {e.doc for e in rows[0].evidence} == {"a.txt", "b.txt"}
    assert rows[0].label_zh == "离职"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Sam Altman", "Ilya", [("fired", "in")]),
        ("Ilya", "Sam Altman", [("fired", "out")]),
        ("OpenAI", "Ilya", [("resigned_from", "in"), ("works_for", "in")]),
        ("Jan Leike", "Ilya", [("colleague_of", "both")]),
        ("Ilya", "Jan Leike", [("colleague_of", "both")]),
        ("Hinton", "OpenAI", []),
    ],
)
def test_between_directions(G, a, b, expected):
    assert [(r.relation, r.direction) for r in q.between(G, a, b)] == expected


def test_between_both_directions_listed(G):
    H = story_graph()
    H.add_edge("Jan Leike", "Sam Altman", "criticized", relation="criticized", count=1, evidence=[{"doc": "a.txt", "sentence": "x"}])
    rows = q.between(H, "Altman", "Leike")
    assert [(r.source, r.relation, r.target, r.direction) for r in rows] == [
        ("Sam Altman", "thanked", "Jan Leike", "out"),
        ("Jan Leike", "criticized", "Sam Altman", "in"),
    ]


# --------------------------------------------------------------------------- top, relations


@pytest.mark.parametrize(
    ("by", "kwargs", "first"),
    [
        ("degree", {}, "Ilya Sutskever"),  # 6 edges, as OpenAI; ties go by name
        ("pagerank", {}, "OpenAI"),
        ("betweenness", {}, "Ilya Sutskever"),
        ("degree", {"types": ["PERSON"]}, "Ilya Sutskever"),
        ("degree", {"docs": ["c.txt"]}, "FTX"),
        ("degree", {"relations": ["thanked"]}, "Jan Leike"),
    ],
)
def test_top(G, by, kwargs, first):
    rows = q.top(G, by=by, n=3, **kwargs)
    assert rows[0].name == first
    if by == "degree" and not kwargs:
        assert [(r.name, r.score, r.degree) for r in rows[:2]] == [("Ilya Sutskever", 6, 6), ("OpenAI", 6, 6)]
    assert [r.rank for r in rows] == list(range(1, len(rows) + 1))
    assert len(rows) <= 3
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)


def test_top_skips_isolated_and_bad_measure(G):
    assert "微软" not in {r.id for r in q.top(G, n=100)}
    with pytest.raises(GuanxiError, match="Unknown ranking 'fame'"):
        q.top(G, by="fame")


def test_relation_counts(G):
    rows = {r.relation: (r.edges, r.evidence) for r in q.relation_counts(G)}
    assert rows["resigned_from"] == (2, 3)
    assert rows["leads"] == (3, 3)
    assert [r.relation for r in q.relation_counts(G, relations=["leads"])] == ["leads"]
    edges = q.relation_edges(G, relations=["resigned from"])
    assert {(e.source, e.target) for e in edges} == {("Jan Leike", "OpenAI"), ("Ilya Sutskever", "OpenAI")}


# --------------------------------------------------------------------------- filters


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"docs": ["c.txt"]}, {("Sam Bankman-Fried", "founded", "FTX")}),
        ({"since": "2024"}, "a.txt"),  # only evidence from the dated article a.txt
        ({"until": "2022"}, {("Daniel Kokotajlo", "joined", "OpenAI"), ("Sam Bankman-Fried", "founded", "FTX")}),
        ({"since": "2023-11", "until": "2023-11-30"}, {("Ilya Sutskever", "fired", "Sam Altman")}),
        # a date known only to the year overlaps any bound in that year
        ({"since": "2022-11-11", "until": "2023"}, {("Sam Bankman-Fried", "founded", "FTX"), ("Ilya Sutskever", "fired", "Sam Altman"), ("Daniel Kokotajlo", "joined", "OpenAI")}),
        ({"since": "2022-11-12", "until": "2023-10"}, {("Daniel Kokotajlo", "joined", "OpenAI")}),
        ({"min_confidence": 0.8}, {("Sam Altman", "thanked", "Jan Leike"), ("Daniel Kokotajlo", "joined", "OpenAI"), ("Sam Bankman-Fried", "founded", "FTX")}),
        ({"docs": ["b.txt"], "min_confidence": 0.75}, {("Sam Altman", "thanked", "Jan Leike"), ("Daniel Kokotajlo", "joined", "OpenAI")}),
    ],
)
def test_filter_graph(G, filters, expected):
    H = q.filter_graph(G, **filters)
    assert len(H) == len(G)  # every node kept
    edges = {(u, k, v) for u, v, k in H.edges(keys=True)}
    if expected == "a.txt":
        expected = {(u, k, v) for u, v, k, d in G.edges(keys=True, data=True) if any(e["doc"] == "a.txt" for e in d["evidence"])}
    assert edges == expected
    for _, _, data in H.edges(data=True):
        assert data["count"] == len(data["evidence"]) >= 1


def test_filter_trims_evidence(G):
    H = q.filter_graph(G, docs=["b.txt"])
    data = H.edges["Sam Altman", "Jan Leike", "thanked"]
    assert data["count"] == 1 and data["evidence"][0]["doc"] == "b.txt"
    assert G.edges["Sam Altman", "Jan Leike", "thanked"]["count"] == 2  # original untouched
    rows = q.between(G, "Ilya", "OpenAI", docs=["b.txt"])
    assert [(r.relation, r.count) for r in rows] == [("resigned_from", 1)]
    assert q.filter_graph(G) is G


@pytest.mark.parametrize(
    ("query", "filters", "expected"),
    [
        ("neighbors", {"since": "2024"}, {"Jan Leike"}),
        ("neighbors", {"until": "2023"}, {"Ilya Sutskever"}),
        ("neighbors", {"min_confidence": 0.7}, {"Jan Leike", "OpenAI"}),
    ],
)
def test_query_filters(G, query, filters, expected):
    assert {r.name for r in q.neighbors(G, "奧特曼", **filters)} == expected


def test_path_with_filters(G):
    assert q.shortest_paths(G, "Hinton", "Schulman", docs=["a.txt"]) == []
    [path] = q.shortest_paths(G, "Hinton", "Schulman", docs=["b.txt"])
    assert all(h.evidence.doc == "b.txt" for h in path.hops)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023", "2023"), ("2023-05", "2023-05"), ("2023-05-17", "2023-05-17"), ("2023/5/7", "2023-05-07"), ("2023年11月", "2023-11")],
)
def test_parse_date(value, expected):
    assert q.parse_date(value) == expected


@pytest.mark.parametrize("value", ["23", "2023-00", "2023-02-30", "May 2023", "2023-05-17T10:00", ""])
def test_parse_date_rejects(value):
    with pytest.raises(GuanxiError, match="Bad date"):
        q.parse_date(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2022", "2022"), ("2023年11月", "2023-11"), ("去年11月", None), ("2024-05-17T09:00:00+08:00", "2024-05-17"), ("2023年13月", "2023")],
)
def test_evidence_dates(text, expected):
    assert q._loose_date(text) == expected


# --------------------------------------------------------------------------- subgraph


def test_subgraph(G):
    S = q.subgraph(G, "John Schulma", depth=1)
    assert set(S) == {"John Schulman", "超级对齐团队"}
    assert S.graph["documents"] == G.graph["documents"]
    S2 = q.subgraph(G, "John Schulman", depth=2)
    assert set(S2) == {"John Schulman", "超级对齐团队", "Ilya Sutskever", "Jan Leike", "OpenAI"}
    assert S2.has_edge("Ilya Sutskever", "OpenAI", "works_for")  # edges among kept nodes too
    S2.add_node("new")
    assert "new" not in G  # a copy
    S3 = q.subgraph(G, "Jan Leike", relations=["thanked"])
    assert set(S3) == {"Jan Leike", "Sam Altman"} and S3.number_of_edges() == 1


def test_views_resolve_through_parent(G):
    view = nx.subgraph_view(G, filter_node=lambda n: n != "FTX")
    assert q.resolve(view, "奧特曼") == "Sam Altman"
    with pytest.raises(GuanxiError):
        q.resolve(view, "FTX")
