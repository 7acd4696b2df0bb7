"""Unit tests for the HTML view, the static picture, the notebook helper and `guanxi render`.

The fixture graphs are built by hand following the graph format: a small graph of
the two sample articles (Simplified and Traditional script) and a copy with
markup payloads in names, aliases, relations, document titles and sentences.
``tests/graph/test_html_browser.py`` opens the same graphs in Chromium.
"""

from __future__ import annotations

import doctest
import importlib
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from guanxi.errors import GuanxiError
from guanxi.graph import html as gx_html
from guanxi.graph.html import render_html, write_html
from guanxi.graph.io import write_graph

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
HANT = "ilya-leaves-openai.zh-Hant.txt"
HANS = "jiemian-openai-safety.zh-Hans.txt"
EXTRA = "fixture-extra.txt"

PAYLOAD_NAME = "<script>alert(1)</script>"
PAYLOAD_ALIAS = "<img src=x onerror=window.__pwned=1>"
PAYLOAD_SENTENCE = '黑客<img src=x onerror="window.__pwned=1;alert(2)">声称<script>window.__pwned=1;alert(3)</script>攻击了OpenAI。'
PAYLOAD_TITLE = "<b onmouseover=alert(4)>标题</b>"
PAYLOAD_REL = "<svg onload=alert(5)>"

_EXTRA_TEXT = "OpenAI总部位于美国旧金山。OpenAI开发了ChatGPT。"

# (subject, relation, object, label_zh, label_en, doc, sentence, subject_text, object_text, extras)
_FACTS = [
    ("Jan Leike", "resigned_from", "OpenAI", "离职", "resigned from", HANT,
     "OpenAI超級對齊負責人Jan Leike,也就是剛剛追隨Ilya離開公司的那位,自曝離職的真正原因,以及更多內幕。",
     "Jan Leike", "OpenAI", {"labels": ["離職"]}),
    ("Jan Leike", "resigned_from", "OpenAI", "离职", "resigned from", HANS,
     "但如今,肩负安全责任的Jan Leike都开始对OpenAI公开批判,并与Ilya Sutskever双双离职。",
     "Jan Leike", "OpenAI", {"labels": ["离职"]}),
    ("Jan Leike", "criticized", "OpenAI", "批评", "criticized", HANS,
     "但如今,肩负安全责任的Jan Leike都开始对OpenAI公开批判,并与Ilya Sutskever双双离职。",
     "Jan Leike", "OpenAI", {"labels": ["批判"]}),
    ("Ilya Sutskever", "resigned_from", "OpenAI", "离职", "resigned from", HANT,
     "Ilya的辭職加劇了OpenAI近期的離職潮。", "Ilya", "OpenAI", {"labels": ["辭職"]}),
    ("Sam Altman", "thanked", "Jan Leike", "感谢", "thanked", HANT,
     "他站出來感謝了Jan對OpenAI超級對齊和安全方面的貢獻,表示Jan離開,他其實很難過、很捨不得。",
     "他", "Jan", {"labels": ["感謝"]}),
    ("Sam Altman", "thanked", "Jan Leike", "感谢", "thanked", HANS,
     "他转发了Jan Leike包含以上所有回复的推文,并在转发语中例行感谢了对方的杰出贡献,更重要的是,他表示“我将在接下来的几天发布一篇更长的帖子。",
     "他", "Jan Leike", {"labels": ["感谢"]}),
    ("Jan Leike", "leads", "超级对齐团队", "领导", "leads", HANS,
     "这次带头打破这种“默契”的不是更居核心地位的前首席科学家Ilya Sutskever,而是OpenAI超级对齐小组另一位联合负责人Jan Leike。",
     "Jan Leike", "超级对齐小组", {"labels": ["负责人"], "role": "联合负责人"}),
    ("超级对齐团队", "part_of", "OpenAI", "隶属", "part of", HANT,
     "即便超級對齊團隊滿負荷工作,團隊也只能獲得OpenAI承諾的20%的算力。", "超級對齊團隊", "OpenAI", {}),
    ("Sam Altman", "leads", "OpenAI", "领导", "leads", HANT,
     "不過回過頭來,如今執掌OpenAI的奧特曼這邊,暫時還坐得住。", "奧特曼", "OpenAI", {"labels": ["執掌"]}),
    ("Daniel Kokotajlo", "joined", "OpenAI", "加入", "joined", HANT,
     "DK哥在2022年加入OpenAI,在治理團隊工作,主要工作內容是引導OpenAI安全部署AI。", "DK哥", "OpenAI",
     {"labels": ["加入"], "time": "2022"}),
    ("Daniel Kokotajlo", "member_of", "治理团队", "成员", "member of", HANT,
     "DK哥在2022年加入OpenAI,在治理團隊工作,主要工作內容是引導OpenAI安全部署AI。", "DK哥", "治理團隊",
     {"labels": ["工作"], "time": "2022"}),
    ("治理团队", "part_of", "OpenAI", "隶属", "part of", HANT,
     "DK哥在2022年加入OpenAI,在治理團隊工作,主要工作內容是引導OpenAI安全部署AI。", "治理團隊", "OpenAI", {}),
    ("Vox", "reported", "OpenAI", "报道", "reported on", HANS,
     "据Vox报道,OpenAI员工们在离职时要签署一份条件非常严苛的协议,其中非常重要的一条就是,离职员工必须遵守不能泄密且不能贬低OpenAI。",
     "Vox", "OpenAI", {"labels": ["报道"]}),
    ("Jan Leike", "colleague_of", "Ilya Sutskever", "同事", "colleague of", HANS,
     "没过多久,他在一条新的更加正式的告别推文下,连续回复了12条评论,揭开了他与Ilya Sutskever离职幕后隐情的冰山一角。",
     "他", "Ilya Sutskever", {"symmetric": True}),
    ("Sam Altman", "related_to", "超级对齐团队", "相关", "related to", HANT,
     "因此,儘管奧特曼已經派了聯合創始人來接管超級對齊團隊,仍舊不被外界看好。", "奧特曼", "超級對齊團隊",
     {"symmetric": True, "modality": "attempted"}),
    ("OpenAI", "headquartered_in", "旧金山", "总部位于", "headquartered in", EXTRA,
     "OpenAI总部位于美国旧金山。", "OpenAI", "旧金山", {}),
    ("OpenAI", "develops", "ChatGPT", "开发", "develops", EXTRA,
     "OpenAI开发了ChatGPT。", "OpenAI", "ChatGPT", {}),
]

_NODES = {
    "Jan Leike": ("Jan Leike", "PERSON", ["Jan Leike", "Jan", "Leike"], 14, ["联合负责人"]),
    "Ilya Sutskever": ("Ilya Sutskever", "PERSON", ["Ilya Sutskever", "Ilya"], 9, ["前首席科学家"]),
    "Sam Altman": ("Sam Altman", "PERSON", ["Sam Altman", "Altman", "奥特曼", "奧特曼"], 8, []),
    "Daniel Kokotajlo": ("Daniel Kokotajlo", "PERSON", ["Daniel Kokotajlo", "DK哥"], 5, []),
    "OpenAI": ("OpenAI", "ORG", ["OpenAI"], 30, []),
    "超级对齐团队": ("超级对齐团队", "ORG", ["超级对齐团队", "超級對齊團隊", "超级对齐小组", "超級對齊小組"], 8, []),
    "治理团队": ("治理团队", "ORG", ["治理团队", "治理團隊"], 1, []),
    "Vox": ("Vox", "ORG", ["Vox"], 2, []),
    "旧金山": ("旧金山", "GPE", ["旧金山", "舊金山", "San Francisco"], 1, []),
    "ChatGPT": ("ChatGPT", "PRODUCT", ["ChatGPT"], 1, []),
    "AGI": ("AGI", "OTHER", ["AGI"], 6, []),
}


def _doc_text(doc: str) -> str:
    return _EXTRA_TEXT if doc == EXTRA else (SAMPLES / doc).read_text(encoding="utf-8")


def _evidence(doc, sentence, subject_text, object_text, relation_label, extras):
    text = _doc_text(doc)
    start = text.find(sentence)
    if start < 0:  # fixture sentences are copied from the articles; keep them honest
        raise AssertionError(f"sentence not in {doc}: {sentence[:20]}")
    s_at, o_at = sentence.find(subject_text), sentence.find(object_text)
    return {"doc": doc, "date": "2024-05-18" if doc == HANS else None, "sentence": sentence,
            "sentence_index": text[:start].count("\n"), "sentence_start": start,
            "subject_text": subject_text, "object_text": object_text,
            "subject_span": [start + s_at, start + s_at + len(subject_text)],
            "object_span": [start + o_at, start + o_at + len(object_text)],
            "relation_label": relation_label, "confidence": 0.8, "extractor": "fixture",
            "role": extras.get("role"), "time": extras.get("time"), "modality": extras.get("modality")}


def sample_graph() -> nx.MultiDiGraph:
    """A hand-made guanxi graph of the two sample articles (plus a two-sentence extra document)."""
    G = nx.MultiDiGraph(script="hans", documents={
        HANT: {"title": "Ilya離開OpenAI內幕曝光:奧特曼砍他團隊算力,優先搞產品賺錢", "date": None, "url": None,
               "source": "量子位"},
        HANS: {"title": "OpenAI宫斗戏再起:安全团队被卡算力,Sam Altman准备发长文", "date": "2024-05-18", "url": None,
               "source": "界面新闻"},
        EXTRA: {"title": "测试补充材料", "date": "2024-06-01", "url": None, "source": None},
    })
    docs_of: dict[str, set] = {k: set() for k in _NODES}
    for subj, rel, obj, zh, en, doc, sentence, st, ot, extras in _FACTS:
        docs_of[subj].add(doc)
        docs_of[obj].add(doc)
    for key, (name, type_, aliases, mentions, roles) in _NODES.items():
        G.add_node(key, name=name, type=type_, aliases=aliases, mentions=mentions,
                   docs=sorted(docs_of[key]) or [HANT], roles=roles)
    for subj, rel, obj, zh, en, doc, sentence, st, ot, extras in _FACTS:
        ev = _evidence(doc, sentence, st, ot, (extras.get("labels") or [zh])[0], extras)
        if G.has_edge(subj, obj, key=rel):
            data = G.edges[subj, obj, rel]
            data["evidence"].append(ev)
            data["count"] += 1
            data["labels"] = sorted(set(data["labels"]) | set(extras.get("labels", [])))
        else:
            G.add_edge(subj, obj, key=rel, relation=rel, label_en=en, label_zh=zh, labels=extras.get("labels", []),
                       symmetric=bool(extras.get("symmetric")), count=1, confidence=0.8, evidence=[ev])
    return G


def payload_graph() -> nx.MultiDiGraph:
    """The sample graph plus an article whose names and sentences are script payloads."""
    G = sample_graph()
    G.graph["documents"]["evil.txt"] = {"title": PAYLOAD_TITLE, "date": "2024-05-19", "url": None, "source": None}
    G.add_node(PAYLOAD_NAME, name=PAYLOAD_NAME, type="ORG", aliases=[PAYLOAD_NAME, PAYLOAD_ALIAS], mentions=3,
               docs=["evil.txt"], roles=["<i onclick=alert(6)>角色</i>"])
    start = 100
    ev = {"doc": "evil.txt", "date": "2024-05-19", "sentence": PAYLOAD_SENTENCE, "sentence_index": 3,
          "sentence_start": start, "subject_text": "黑客", "object_text": "OpenAI",
          "subject_span": [start, start + 2], "object_span": [start + len(PAYLOAD_SENTENCE) - 7, start + len(PAYLOAD_SENTENCE) - 1],
          "relation_label": "攻击", "confidence": 0.6, "extractor": "fixture", "role": None, "time": None, "modality": None}
    G.add_edge(PAYLOAD_NAME, "OpenAI", key=PAYLOAD_REL, relation=PAYLOAD_REL, label_en=PAYLOAD_REL,
               label_zh="<script>alert(7)</script>", labels=[PAYLOAD_ALIAS], symmetric=False, count=1,
               confidence=0.6, evidence=[ev])
    return G


def random_graph(n: int, m: int, seed: int = 1) -> nx.MultiDiGraph:
    """A seeded random graph in the guanxi format (for size-dependent behaviour)."""
    import random

    rnd = random.Random(seed)
    types = ["PERSON", "ORG", "GPE", "PRODUCT", "OTHER"]
    G = nx.MultiDiGraph(script="hans", documents={"d0": {"title": "t", "date": None, "url": None, "source": None}})
    for i in range(n):
        G.add_node(f"实体{i}", name=f"实体{i}", type=rnd.choice(types), aliases=[f"实体{i}", f"實體{i}"], mentions=1,
                   docs=["d0"], roles=[])
    for _ in range(m):
        u, v = rnd.sample(range(n), 2)
        G.add_edge(f"实体{u}", f"实体{v}", key="related_to", relation="related_to", label_zh="相关",
                   label_en="related to", labels=[], symmetric=True, count=1, confidence=0.5, evidence=[])
    return G


def _data_of(page: str) -> dict:
    m = re.search(r'<script type="application/json" class="gx-data">(.*?)</script>', page, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def _without_vendor(page: str) -> str:
    """The page minus the inlined vis-network library (its license header names its home page)."""
    return page.replace(gx_html._vis_js(), "")


@pytest.fixture(scope="module")
def sample_page() -> str:
    return render_html(sample_graph(), title="样例 Sample")


@pytest.fixture(scope="module")
def payload_page() -> str:
    return render_html(payload_graph(), title=PAYLOAD_NAME)


# -- self-contained, offline -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fragment", [False, True])
@pytest.mark.parametrize("layout", ["auto", "force", "hierarchical", "static"])
def test_page_is_self_contained(fragment, layout):
    page = render_html(sample_graph(), fragment=fragment, layout=layout)
    ours = _without_vendor(page)
    assert "http://" not in ours and "https://" not in ours
    assert not re.search(r"""<[a-z][^<>]*\s(?:src|href|action|srcset|poster|data)\s*=""", ours, re.I), \
        "no tag attribute may load anything"
    assert not re.search(r"""url\(\s*['"]?(?!data:)""", page), "CSS may only use data: URLs"
    assert "@import" not in page
    assert "vis.Network" in page and "guanxi.mount" in page
    assert "sourceMappingURL" not in page


def test_full_page_structure_and_csp(sample_page):
    assert sample_page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in sample_page
    assert "<title>样例 Sample</title>" in sample_page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', sample_page).group(1)
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1]
    assert csp.count("'sha256-") == 3


@pytest.mark.parametrize("kwargs", [{}, {"fragment": True}, {"labels": "en"}, {"layout": "static"}])
def test_csp_hashes_match_scripts(kwargs):
    import base64
    import hashlib

    page = render_html(sample_graph(), **kwargs)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 3
    if not kwargs.get("fragment"):
        for body in scripts:
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in page


def test_fragment_has_no_document_markup_and_unique_ids():
    a = render_html(sample_graph(), fragment=True)
    b = render_html(sample_graph(), fragment=True)
    for frag in (a, b):
        assert frag.lstrip().startswith('<div class="gx"')
        assert not re.search(r"<(html|head|body|!DOCTYPE|meta)\b", frag, re.I)
    id_a = re.search(r'id="(gx-[0-9a-f]+)"', a).group(1)
    id_b = re.search(r'id="(gx-[0-9a-f]+)"', b).group(1)
    assert id_a != id_b
    assert f'guanxi.mount("{id_a}")' in a and f'guanxi.mount("{id_b}")' in b


# -- data is data, never markup --------------------------------------------------------------------------------


@pytest.mark.parametrize("needle", [PAYLOAD_NAME, PAYLOAD_ALIAS, PAYLOAD_SENTENCE, PAYLOAD_TITLE, PAYLOAD_REL,
                                    "<script>alert(7)</script>", "<i onclick=alert(6)>", "<img", "<svg", "<b "])
def test_payloads_never_appear_raw(payload_page, needle):
    assert needle not in payload_page


def test_no_event_handler_markup(payload_page):
    ours = _without_vendor(payload_page)
    assert not re.search(r"<[a-z][^<>]*\son[a-z]+\s*=", ours, re.I), "no tag with an on*= attribute"


def test_payloads_survive_as_data(payload_page):
    data = _data_of(payload_page)
    names = {n["name"] for n in data["nodes"]}
    assert PAYLOAD_NAME in names
    evil = next(n for n in data["nodes"] if n["name"] == PAYLOAD_NAME)
    assert PAYLOAD_ALIAS in evil["aliases"]
    sentences = [ev["s"] for e in data["edges"] for ev in e["ev"]]
    assert PAYLOAD_SENTENCE in sentences
    assert data["docs"]["evil.txt"]["title"] == PAYLOAD_TITLE
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in payload_page
    ours = _without_vendor(payload_page)
    assert ours.count("<script") == ours.count("</script>") == 4


def test_json_block_escapes_markup_characters():
    text = gx_html._json_for_html({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


# -- reading the graph -----------------------------------------------------------------------------------------


def test_data_has_nodes_edges_types_and_aliases(sample_page):
    data = _data_of(sample_page)
    G = sample_graph()
    assert len(data["nodes"]) == G.number_of_nodes() and len(data["edges"]) == G.number_of_edges()
    altman = next(n for n in data["nodes"] if n["id"] == "Sam Altman")
    assert "奧特曼" in altman["aliases"] and altman["type"] == "PERSON" and altman["degree"] == G.degree("Sam Altman")
    assert {t["id"] for t in data["types"]} == {"PERSON", "ORG", "GPE", "PRODUCT", "OTHER"}
    assert {g: o["shape"] for g, o in data["options"]["groups"].items()}["ORG"] == "square"
    rel = {r["id"]: r for r in data["relations"]}
    assert rel["resigned_from"]["zh"] == "离职" and rel["resigned_from"]["en"] == "resigned from"
    sym = next(e for e in data["edges"] if e["rel"] == "colleague_of")
    assert sym["sym"] is True


@pytest.mark.parametrize("subject,relation,obj,marked", [
    ("Sam Altman", "thanked", "Jan Leike", {"他", "Jan"}),
    ("Jan Leike", "leads", "超级对齐团队", {"Jan Leike", "超级对齐小组"}),
    ("超级对齐团队", "part_of", "OpenAI", {"超級對齊團隊", "OpenAI"}),
])
def test_evidence_highlights_entity_words(sample_page, subject, relation, obj, marked):
    data = _data_of(sample_page)
    edge = next(e for e in data["edges"] if (e["from"], e["rel"], e["to"]) == (subject, relation, obj))
    ev = edge["ev"][0]
    assert {ev["s"][a:b] for a, b, _ in ev["hl"]} == marked
    assert [tag for *_, tag in sorted(ev["hl"])] in (["s", "o"], ["o", "s"])


def test_highlights_count_utf16_units():
    sentence = "𠀀𠀁Jan离开了OpenAI"  # two characters outside the BMP before the subject
    ev = {"sentence_start": 10, "subject_text": "Jan", "subject_span": [12, 15], "object_text": "OpenAI",
          "object_span": [18, 24]}
    assert gx_html._highlights(ev, sentence) == [[4, 7, "s"], [10, 16, "o"]]


def test_highlights_fall_back_to_text_search():
    ev = {"sentence_start": 0, "subject_text": "Leike", "subject_span": [500, 505], "object_text": "缺失",
          "object_span": None}
    assert gx_html._highlights(ev, "Jan Leike辞职") == [[4, 9, "s"]]


@pytest.mark.parametrize("labels", ["zh", "en"])
def test_labels_language_is_initial_state(labels):
    assert _data_of(render_html(sample_graph(), labels=labels))["lang"] == labels


@pytest.mark.parametrize("n,m,big", [(20, 30, False), (1200, 1500, True), (300, 3000, True)])
def test_big_graphs_hide_edge_labels_and_use_fast_settings(n, m, big):
    data = _data_of(render_html(random_graph(n, m)))
    assert data["big"] is big and data["edgeLabels"] is (not big)
    assert data["options"]["physics"]["enabled"] is False, "the page's own simulation settles, then stops"
    assert data["options"]["layout"]["improvedLayout"] is False
    assert data["force"]["iterations"] <= (300 if big else 800)
    assert data["options"]["interaction"]["hideEdgesOnDrag"] is big


@pytest.mark.parametrize("layout,force,vis_physics,positions", [
    ("auto", True, False, False), ("force", True, False, False),
    ("hierarchical", False, True, False), ("static", False, False, True)])
def test_layout_choices(layout, force, vis_physics, positions):
    data = _data_of(render_html(sample_graph(), layout=layout))
    assert (data["force"] is not None) is force
    assert data["options"]["physics"]["enabled"] is vis_physics
    assert all(("x" in n) is positions for n in data["nodes"])
    assert ("hierarchical" in data["options"]["layout"]) is (layout == "hierarchical")


def test_static_layout_packs_components():
    data = _data_of(render_html(sample_graph(), layout="static"))
    pos = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    span = max(abs(c) for xy in pos.values() for c in xy)
    assert span < 1500, "an isolated node stays near the rest"
    assert len(set(pos.values())) == len(pos)


def test_parallel_and_reciprocal_edges_are_curved():
    G = sample_graph()
    G.add_edge("OpenAI", "Jan Leike", key="fired", relation="fired", label_zh="解雇", label_en="fired", evidence=[])
    data = _data_of(render_html(G))
    pair = [e for e in data["edges"] if {e["from"], e["to"]} == {"Jan Leike", "OpenAI"}]
    assert len(pair) == 3 and all(e["round"] > 0 for e in pair)
    assert len({(e["from"], e["round"]) for e in pair}) == 3


def test_any_networkx_graph_renders():
    G = nx.DiGraph()
    G.add_edge(1, 2)
    data = _data_of(render_html(G))
    assert [n["id"] for n in data["nodes"]] == ["1", "2"] and data["nodes"][0]["type"] == "OTHER"
    assert data["edges"][0]["rel"] == "related_to"
    assert _data_of(render_html(nx.MultiDiGraph()))["nodes"] == []


# -- options are checked at the entry ----------------------------------------------------------------------------


@pytest.mark.parametrize("kwargs,named", [
    ({"labels": "fr"}, ["'fr'", "zh", "en"]),
    ({"labels": "ZH"}, ["'ZH'", "zh, en"]),
    ({"layout": "circle"}, ["'circle'", "auto", "force", "hierarchical", "static"]),
    ({"height": "tall"}, ["'tall'", "800px"]),
    ({"height": "100px;background:url(x)"}, ["100px;background"]),
    ({"height": -5}, ["'-5'"]),
])
def test_bad_options_raise_guanxi_error(kwargs, named):
    with pytest.raises(GuanxiError) as err:
        render_html(sample_graph(), **kwargs)
    for word in named:
        assert word in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("height,css", [("800px", "800px"), (600, "600px"), ("70vh", "70vh"), ("100%", "100%"),
                                         ("450", "450px")])
def test_height(height, css):
    assert f"--gx-h:{css}" in render_html(sample_graph(), height=height, fragment=True)


def test_title_with_template_markers():
    page = render_html(sample_graph(), title="%BLOCK% %CSP%")
    assert "<title>%BLOCK% %CSP%</title>" in page and page.count('class="gx-data"') == 1


def test_title_is_escaped_text():
    page = render_html(sample_graph(), title='A & B <i>"关系"</i>')
    assert "<title>A &amp; B &lt;i&gt;&quot;关系&quot;&lt;/i&gt;</title>" in page


def test_write_html_is_utf8_under_a_non_utf8_locale(tmp_path):
    import os
    import subprocess
    import sys

    out = tmp_path / "sub" / "graph.html"
    script = ("import sys, networkx as nx; from guanxi.graph.html import write_html; "  # ASCII source: C locale
              "G = nx.MultiDiGraph(); G.add_node('\\u5967\\u7279\\u66fc', type='PERSON'); "
              "write_html(G, sys.argv[1], title='\\u5173\\u7cfb\\u56fe'); print(sys.getfilesystemencoding())")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "ascii",
           "PYTHONCOERCECLOCALE": "0"}
    result = subprocess.run([sys.executable, "-c", script, str(out)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode("utf-8")
    assert "<title>关系图</title>" in text and "奧特曼" in text
    assert not list(out.parent.glob(".graph.html.*")), "no temporary file left behind"


@pytest.mark.parametrize("module", ["guanxi.graph.html", "guanxi.graph.render", "guanxi.graph.notebook"])
def test_doctests(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


# -- static pictures ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name,magic", [("graph.png", b"\x89PNG\r\n\x1a\n"), ("graph.svg", b"<?xml")])
@pytest.mark.parametrize("maker", [sample_graph, payload_graph])
def test_static_picture_written(tmp_path, name, magic, maker):
    pytest.importorskip("matplotlib")
    from guanxi.graph.render import render_static

    out = tmp_path / name
    render_static(maker(), out, title="样例")
    data = out.read_bytes()
    assert data.startswith(magic) and len(data) > 5000
    if name.endswith(".svg"):
        svg = data.decode("utf-8")
        assert "<script" not in svg and "onerror" not in svg
        assert "<text" not in svg, "labels are outlines, readable without the font"


def test_static_big_graph(tmp_path):
    pytest.importorskip("matplotlib")
    from guanxi.graph.render import render_static

    out = tmp_path / "big.png"
    render_static(random_graph(600, 900), out, fmt="png", labels="en")
    assert out.stat().st_size > 10000


@pytest.mark.parametrize("kwargs,named", [({"fmt": "gif"}, [".png", ".svg"]), ({"labels": "de"}, ["'de'", "zh"]),
                                          ({"font": "No Such Font 123"}, ["No Such Font 123"])])
def test_static_bad_options(tmp_path, kwargs, named):
    pytest.importorskip("matplotlib")
    from guanxi.graph.render import render_static

    with pytest.raises(GuanxiError) as err:
        render_static(sample_graph(), tmp_path / "g.png", **kwargs)
    for word in named:
        assert word in str(err.value)


def test_static_names_font_package_when_no_cjk_font(monkeypatch):
    pytest.importorskip("matplotlib")
    from matplotlib import font_manager

    from guanxi.graph import render

    monkeypatch.setattr(render, "_CJK_FAMILIES", ("No CJK Font At All",))
    monkeypatch.setattr(render, "_CJK_FILE_HINTS", ("nothing-matches-this",))
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    with pytest.raises(GuanxiError, match="fonts-noto-cjk"):
        render.find_cjk_font()


def test_static_without_matplotlib(monkeypatch, tmp_path):
    import builtins

    from guanxi.graph.render import render_static

    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name.startswith("matplotlib"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    with pytest.raises(GuanxiError, match=r"guanxi\[render\]"):
        render_static(sample_graph(), tmp_path / "g.png")


# -- notebook ----------------------------------------------------------------------------------------------------


def test_iframe_srcdoc_is_escaped_and_sandboxed():
    from guanxi.graph.notebook import to_iframe

    frame = to_iframe(payload_graph(), height="500px")
    assert frame.startswith("<iframe ") and 'sandbox="allow-scripts"' in frame
    assert "<script" not in frame.split("srcdoc=", 1)[1].split('"', 2)[1]
    assert PAYLOAD_NAME not in frame
    assert "height:" in frame and "allow-same-origin" not in frame


def test_show_returns_ipython_html():
    pytest.importorskip("IPython")
    from guanxi.graph.notebook import show

    out = show(sample_graph(), title="nb")
    assert type(out).__name__ == "HTML" and "<iframe srcdoc=" in out.data and out.data.endswith("</iframe></div>")


def test_show_without_ipython(monkeypatch):
    import builtins

    from guanxi.graph.notebook import show

    real_import = builtins.__import__

    def no_ipython(name, *args, **kwargs):
        if name.startswith("IPython"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ipython)
    with pytest.raises(GuanxiError, match="IPython"):
        show(sample_graph())


# -- command line ------------------------------------------------------------------------------------------------


@pytest.fixture()
def cli(tmp_path):
    import typer
    from typer.testing import CliRunner

    from guanxi.cli_view import render

    app = typer.Typer()
    app.command()(render)
    app.command("noop")(lambda: None)  # two commands, so `render` is a subcommand as under `guanxi`
    graph_json = tmp_path / "graph.json"
    write_graph(payload_graph(), graph_json)

    def run(*args):
        return CliRunner().invoke(app, ["render", str(graph_json), *args])

    return run


@pytest.mark.parametrize("name,options,check", [
    ("view.html", [], lambda b: b.startswith(b"<!DOCTYPE html>")),
    ("view.html", ["--fragment", "--title", "片段", "--height", "500px", "--labels", "en", "--layout", "static"],
     lambda b: b.startswith(b'<div class="gx"') and "片段".encode() in b and b"--gx-h:500px" in b),
    ("view.png", ["--title", "图"], lambda b: b.startswith(b"\x89PNG")),
    ("view.svg", [], lambda b: b.startswith(b"<?xml")),
])
def test_cli_render_writes_views(cli, tmp_path, name, options, check):
    if not name.endswith(".html"):
        pytest.importorskip("matplotlib")
    out = tmp_path / name
    result = cli("--out", str(out), *options)
    assert result.exit_code == 0, result.output
    assert check(out.read_bytes())


@pytest.mark.parametrize("options,named", [
    (["--out", "x.gif"], ["x.gif", ".html", ".png", ".svg"]),
    (["--out", "x.html", "--labels", "fr"], ["'fr'", "zh, en"]),
    (["--out", "x.html", "--layout", "spiral"], ["'spiral'", "hierarchical"]),
    (["--out", "x.png", "--fragment"], ["--fragment", "x.png"]),
])
def test_cli_render_errors_are_one_line(cli, tmp_path, options, named):
    options = [str(tmp_path / o) if o.startswith("x.") else o for o in options]
    result = cli(*options)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    for word in named:
        assert word in lines[0]


def test_write_views_writes_every_requested_file(tmp_path):
    pytest.importorskip("matplotlib")
    from guanxi.cli_view import write_views

    paths = write_views(sample_graph(), html_path=tmp_path / "g.html", png_path=tmp_path / "g.png",
                        svg_path=tmp_path / "g.svg", title="样例", labels="en", layout="static")
    assert [p.name for p in paths] == ["g.html", "g.png", "g.svg"]
    assert all(p.stat().st_size > 1000 for p in paths)
