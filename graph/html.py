"""The interactive HTML view: one self-contained, offline file.

The page inlines vis-network (taken from the copy pyvis ships) and a small
script of our own; it makes no request to any host. Entity names and evidence
are data, never markup: the graph travels as JSON inside
``<script type="application/json">`` (with ``<``, ``>`` and ``&`` escaped)
and every tooltip is built from DOM nodes with ``textContent``. Full pages
also carry a Content-Security-Policy that allows only their own inline
scripts (by hash) and no network at all.

In the page:

* node colour and shape by entity type, with a legend that filters types;
  node size by degree or by mentions (switchable); arrows for direction;
* edge labels with the relation, in Chinese or English (switchable), hidden
  by default for large graphs;
* hover a node: canonical name, type, aliases, roles, mentions, documents;
  hover an edge: each evidence sentence with its document and date, the
  entity words highlighted (a click pins the tooltip; a pinned edge tooltip
  lists all the evidence kept in the page, up to 12 items per edge);
* a search box that finds a node by any alias, in either script, and
  focuses it; filters by relation and document; click a node to highlight
  its neighbourhood;
* ``layout="auto"``/``"force"``: a force simulation (springs, Barnes-Hut
  repulsion, typed arrays) runs in the page until it settles, then stops;
  vis-network only draws. Small graphs try several starts and keep the one
  with the fewest edge crossings; big graphs (over 1,000 nodes or 2,500
  edges) get shorter links, no edge labels by default and a progress bar.
  ``"hierarchical"``: vis-network's levels by edge direction;
  ``"static"``: positions computed in Python with networkx, no physics.

Each view registers itself as ``window.guanxiViews[id]`` (with the
vis-network instance, ``search(text)``, timings and a few hooks for tests).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
import uuid
from collections import Counter, defaultdict
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import networkx as nx

from ..errors import Errors, GuanxiError
from .io import atomic_write_text
from .render import _TYPES, _layout_positions

__all__ = ["render_html", "write_html", "LABEL_CHOICES", "LAYOUT_CHOICES"]

#: Languages for edge labels (``label_zh`` / ``label_en``).
LABEL_CHOICES = ("zh", "en")
#: Layouts: ``auto`` is ``force`` tuned to the graph's size.
LAYOUT_CHOICES = ("auto", "force", "hierarchical", "static")

#: Above these sizes a graph is "big": faster solver, no edge labels, no smooth edges.
_BIG_NODES = 1000
_BIG_EDGES = 2500
#: Evidence items kept per edge in the page (the tooltip shows the first few).
_MAX_EVIDENCE = 12

_FONT = ('system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", '
         '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif')
_HEIGHT = re.compile(r"^\d+(\.\d+)?(px|em|rem|vh|%)$")


def render_html(graph: nx.Graph, *, title: str = "guanxi", height: str | int = "800px", fragment: bool = False,
                labels: str = "zh", layout: str = "auto") -> str:
    """Return the interactive view of ``graph`` as one self-contained HTML text.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A guanxi graph (see the graph format in the README). Missing
        attributes get defaults, so any networkx graph renders.
    title : str
        Page title and heading.
    height : str or int
        Height of the drawing area: a CSS length (``"800px"``, ``"80vh"``)
        or a number of pixels.
    fragment : bool
        Return a ``<div>`` block with its scripts and styles, without
        ``<html>``/``<head>``, to paste into another page. Every render gets
        its own id, so several fragments can live on one page.
    labels : {"zh", "en"}
        Initial language of the edge labels (switchable in the page).
    layout : {"auto", "force", "hierarchical", "static"}
        ``force``: physics that settles and then stops; ``auto``: ``force``
        with settings for the graph's size; ``hierarchical``: levels by
        edge direction; ``static``: positions computed in Python, no physics.

    Returns
    -------
    str
        The page (or fragment). Write it as UTF-8, e.g. with :func:`write_html`.

    Raises
    ------
    GuanxiError
        If ``labels``, ``layout`` or ``height`` is not a valid choice.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Jan Leike", name="Jan Leike", type="PERSON", aliases=["Jan Leike", "Leike"])
    >>> page = render_html(G, title="demo")
    >>> page.startswith("<!DOCTYPE html>") and "Jan Leike" in page
    True
    >>> "<head>" in render_html(G, fragment=True)
    False
    >>> render_html(G, labels="fr")
    Traceback (most recent call last):
    ...
    guanxi.errors.GuanxiError: Unknown label language 'fr'. Available: zh, en
    """
    if labels not in LABEL_CHOICES:
        raise GuanxiError(Errors.E101.format(name=labels, choices=", ".join(LABEL_CHOICES)))
    if layout not in LAYOUT_CHOICES:
        raise GuanxiError(Errors.E102.format(name=layout, choices=", ".join(LAYOUT_CHOICES)))
    height = _css_length(height)
    title = "guanxi" if title is None else str(title)
    uid = "gx-" + uuid.uuid4().hex[:12]
    data = _view_data(graph, title=title, labels=labels, layout=layout)
    scripts = [_vis_js(), _APP_JS, f'guanxi.mount("{uid}");']
    block = _fragment(uid, title, height, data, scripts)
    if fragment:
        return block
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src "
           + " ".join(f"'sha256-{_sha256(s)}'" for s in scripts))
    parts = {"CSP": csp, "TITLE": html.escape(title), "BLOCK": block}
    return re.sub(r"%(CSP|TITLE|BLOCK)%", lambda m: parts[m.group(1)], _PAGE)  # one pass: values stay as given


def write_html(graph: nx.Graph, path: str | os.PathLike, **kwargs) -> None:
    """Write :func:`render_html` of ``graph`` to ``path`` as UTF-8, atomically.

    Takes the same keyword arguments as :func:`render_html`.

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("奥特曼", name="奥特曼", type="PERSON")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "graph.html"
    >>> write_html(G, out, title="关系")
    >>> "奥特曼" in out.read_text(encoding="utf-8")
    True
    """
    atomic_write_text(path, render_html(graph, **kwargs))


# -- data ---------------------------------------------------------------------------------------------------------


def _view_data(graph: nx.Graph, *, title: str, labels: str, layout: str) -> dict:
    """Everything the page needs, as plain JSON-able data."""
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    big = n > _BIG_NODES or m > _BIG_EDGES
    resolved = "force" if layout == "auto" else layout
    ids = {v: str(v) for v in graph}
    degree = dict(graph.degree())
    docs_meta = graph.graph.get("documents") or {}
    used_docs: Counter = Counter()

    nodes = []
    for v, attrs in graph.nodes(data=True):
        node_docs = [str(d) for d in attrs.get("docs") or []]
        used_docs.update(node_docs)
        aliases = [str(a) for a in attrs.get("aliases") or [] if str(a)]
        nodes.append({
            "id": ids[v], "name": str(attrs.get("name") or v), "type": _node_type(attrs),
            "aliases": list(dict.fromkeys(aliases)), "roles": [str(r) for r in attrs.get("roles") or []],
            "mentions": _int(attrs.get("mentions")), "docs": node_docs, "degree": degree.get(v, 0),
        })
    if resolved == "static":
        pos = {ids[v]: xy for v, xy in _layout_positions(graph).items()}
        scale = 150.0  # px between neighbours
        for item in nodes:
            x, y = pos[item["id"]]
            item["x"], item["y"] = round(x * scale, 1), round(-y * scale, 1)

    edges = []
    rows = list(graph.edges(keys=True, data=True)) if graph.is_multigraph() else \
        [(u, v, None, d) for u, v, d in graph.edges(data=True)]
    pair_count = Counter(frozenset((u, v)) for u, v, _, _ in rows)
    parallel: dict[tuple, int] = defaultdict(int)
    for i, (u, v, key, d) in enumerate(rows):
        rel = str(d.get("relation") or (key if isinstance(key, str) else "") or "related_to")
        evidence = [ev for ev in d.get("evidence") or [] if isinstance(ev, dict)]
        edge_docs = sorted({str(ev.get("doc")) for ev in evidence if ev.get("doc") is not None})
        used_docs.update(edge_docs)
        roundness = 0.0
        if pair_count[frozenset((u, v))] > 1 and u != v:
            roundness = round(0.15 + 0.2 * parallel[(u, v)], 2)
            parallel[(u, v)] += 1
        edges.append({
            "id": i, "from": ids[u], "to": ids[v], "rel": rel,
            "zh": str(d.get("label_zh") or rel), "en": str(d.get("label_en") or rel.replace("_", " ")),
            "labels": [str(x) for x in d.get("labels") or []], "sym": bool(d.get("symmetric")),
            "count": _int(d.get("count")) or len(evidence), "conf": _float(d.get("confidence")),
            "round": roundness, "docs": edge_docs, "ev": [_evidence(ev) for ev in evidence[:_MAX_EVIDENCE]],
        })

    rel_count = Counter(e["rel"] for e in edges)
    rel_labels = {e["rel"]: (e["zh"], e["en"]) for e in edges}
    docs = {}
    for doc_id in sorted(set(used_docs) | {str(k) for k in docs_meta}):
        meta = docs_meta.get(doc_id) or {}
        docs[doc_id] = {"title": _str_or_none(meta.get("title")), "date": _str_or_none(meta.get("date"))}
    return {
        "title": title, "lang": labels, "layout": resolved, "big": big, "edgeLabels": not big,
        "types": [{"id": t, "zh": zh, "en": en, "color": fill, "border": border, "shape": shape}
                  for t, (zh, en, fill, border, shape, _) in _TYPES.items()],
        "relations": [{"id": r, "zh": rel_labels[r][0], "en": rel_labels[r][1], "count": c}
                      for r, c in sorted(rel_count.items(), key=lambda rc: (-rc[1], rc[0]))],
        "docs": docs, "nodes": nodes, "edges": edges,
        "options": _vis_options(n, resolved, big),
        "force": _force_params(n, m) if resolved == "force" else None,
    }


def _evidence(ev: dict) -> dict:
    sentence = str(ev.get("sentence") or "")
    return {"doc": _str_or_none(ev.get("doc")), "date": _str_or_none(ev.get("date")), "s": sentence,
            "hl": _highlights(ev, sentence), "time": _str_or_none(ev.get("time")),
            "mod": _str_or_none(ev.get("modality")), "role": _str_or_none(ev.get("role"))}


def _highlights(ev: dict, sentence: str) -> list:
    """``[start, end, "s"|"o"]`` in UTF-16 units (what JavaScript strings count) into ``sentence``.

    Spans in the graph are document offsets; ``sentence_start`` maps them into
    the sentence. When they do not line up with the mention text, the text is
    searched for instead.
    """
    base = ev.get("sentence_start")
    found = []
    for span_key, text_key, tag in (("subject_span", "subject_text", "s"), ("object_span", "object_text", "o")):
        text, span = str(ev.get(text_key) or ""), ev.get(span_key)
        start = end = None
        if isinstance(base, int) and isinstance(span, (list, tuple)) and len(span) == 2:
            a, b = _int(span[0]) - base, _int(span[1]) - base
            if 0 <= a < b <= len(sentence) and (not text or sentence[a:b] == text):
                start, end = a, b
        if start is None and text:
            at = sentence.find(text)
            if at >= 0:
                start, end = at, at + len(text)
        if start is not None:
            found.append((start, end, tag))
    found.sort()
    if len(found) == 2 and found[1][0] < found[0][1]:  # overlapping mentions: keep the first
        found = found[:1]
    return [[_utf16_len(sentence[:a]), _utf16_len(sentence[:b]), tag] for a, b, tag in found]


def _vis_options(n: int, layout: str, big: bool) -> dict:
    """vis-network options: groups per entity type, physics and layout for the graph's size."""
    font = {"face": _FONT, "size": 14, "color": "#1f2933", "strokeWidth": 4, "strokeColor": "#ffffff"}
    options = {
        "autoResize": True,
        "nodes": {
            "shape": "dot", "borderWidth": 1.5, "borderWidthSelected": 3, "font": font,
            "scaling": {"min": 8 if big else 10, "max": 26 if big else 28,
                        "label": {"enabled": True, "min": 12, "max": 22, "drawThreshold": 7, "maxVisible": 26}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#a3acb9", "highlight": "#d9480f", "hover": "#52606d", "inherit": False},
            "font": {"face": _FONT, "size": 11, "color": "#52606d", "strokeWidth": 4, "strokeColor": "#ffffff",
                     "align": "horizontal"},
            "width": 0.8 if big else 1.2, "selectionWidth": 1.5, "hoverWidth": 0.8, "smooth": False,
        },
        "groups": {t: {"shape": shape, "color": {"background": fill, "border": border,
                                                  "highlight": {"background": fill, "border": "#111827"},
                                                  "hover": {"background": fill, "border": "#111827"}}}
                   for t, (_, _, fill, border, shape, _) in _TYPES.items()},
        "interaction": {"hover": True, "tooltipDelay": 80, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "layout": {"improvedLayout": n <= 300 and not big, "randomSeed": 7},
    }
    if layout == "hierarchical":
        options["layout"]["hierarchical"] = {"enabled": True, "direction": "UD", "sortMethod": "directed",
                                             "shakeTowards": "roots", "levelSeparation": 130, "nodeSpacing": 150}
        options["physics"] = {"enabled": not big, "solver": "hierarchicalRepulsion",
                              "hierarchicalRepulsion": {"nodeDistance": 150, "avoidOverlap": 0.6},
                              "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 25, "fit": True}}
    else:
        # "force" runs the page's own force simulation (typed arrays, Barnes-Hut) before vis-network
        # draws, then shows the settled positions: vis-network's physics is off.
        options["physics"] = {"enabled": False}
        options["layout"]["improvedLayout"] = False
    return options


def _force_params(n: int, m: int) -> dict:
    """Parameters of the page's force layout: longer links and more room for small, labelled graphs."""
    if n <= 60:
        return {"distance": 140, "charge": -700, "gravity": 0.1, "iterations": 800}
    if n <= _BIG_NODES and m <= _BIG_EDGES:
        return {"distance": 90, "charge": -400, "gravity": 0.05, "iterations": 300}
    return {"distance": 45, "charge": -110, "gravity": 0.04, "iterations": 300, "theta2": 1.44}


# -- markup -------------------------------------------------------------------------------------------------------


def _fragment(uid: str, title: str, height: str, data: dict, scripts: list[str]) -> str:
    """The ``<div>`` block: style, containers, the JSON data and the scripts."""
    n, m = len(data["nodes"]), len(data["edges"])
    return (
        f'<div class="gx" id="{uid}" style="--gx-h:{height}">\n'
        f"<style>{_CSS}</style>\n"
        f'<div class="gx-bar"><div class="gx-head"><span class="gx-title">{html.escape(title)}</span>'
        f'<span class="gx-stats">{n} · {m}</span></div><div class="gx-tools"></div></div>\n'
        f'<div class="gx-main"><div class="gx-canvas"></div>'
        f'<noscript><p class="gx-note">This graph view needs JavaScript. 本图需要启用 JavaScript。</p></noscript>'
        f"</div>\n"
        f'<script type="application/json" class="gx-data">{_json_for_html(data)}</script>\n'
        + "".join(f"<script>{s}</script>\n" for s in scripts)
        + "</div>\n"
    )


def _json_for_html(data: dict) -> str:
    """JSON that cannot end its ``<script>`` element or open markup: ``<``, ``>``, ``&`` as ``\\u003c`` etc."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("/", "\\/"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


@lru_cache(maxsize=1)
def _vis_js() -> str:
    """vis-network from pyvis's package, wrapped so it defines ``window.vis`` once, even next to an AMD loader."""
    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise GuanxiError(Errors.E104.replace("matplotlib", "pyvis").replace("guanxi[render]", "pyvis"))
    lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib"
    candidates = sorted(lib.glob("vis-*/vis-network.min.js"), key=lambda p: _version_key(p.parent.name))
    if not candidates:
        raise GuanxiError(Errors.E014.format(path=lib, reason="vis-network.min.js not found in the pyvis package"))
    # HTML parsing turns CR LF into LF before the CSP hash is checked: hash what the browser will see.
    source = candidates[-1].read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    source = re.sub(r"^//# sourceMappingURL=.*$", "", source, flags=re.M)
    source = re.sub(r"</(script)", r"<\\/\1", source, flags=re.I)
    # "http:\/\/" means the same inside JS strings, regexes and comments, and leaves the file free
    # of anything that looks like a remote address (the library's licence and SVG namespace).
    source = source.replace("://", ":\\/\\/")
    return ("if(!(window.vis&&window.vis.Network)){(function(define,module,exports){\n"
            + source + "\n}).call(window);}")


def _version_key(name: str) -> tuple:
    return tuple(int(x) for x in re.findall(r"\d+", name))


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# -- small helpers ------------------------------------------------------------------------------------------------


def _css_length(height: str | int) -> str:
    if isinstance(height, bool):
        raise GuanxiError(Errors.E103.format(value=height))
    if isinstance(height, (int, float)):
        if height <= 0:
            raise GuanxiError(Errors.E103.format(value=height))
        return f"{height:g}px"
    text = str(height).strip()
    if text.isdigit() and int(text) > 0:
        return text + "px"
    if not _HEIGHT.match(text):
        raise GuanxiError(Errors.E103.format(value=height))
    return text


def _node_type(attrs: dict) -> str:
    type_ = attrs.get("type")
    return type_ if type_ in _TYPES else "OTHER"


def _int(value) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _float(value) -> float:
    try:
        number = float(value or 0)
    except (TypeError, ValueError):
        return 0.0
    return round(number, 2) if math.isfinite(number) else 0.0


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# -- templates ----------------------------------------------------------------------------------------------------

_PAGE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="%CSP%">
<meta name="generator" content="guanxi">
<title>%TITLE%</title>
<style>html,body{margin:0;background:#f3f5f8}body{padding:16px}@media print{body{padding:0;background:#fff}}</style>
</head>
<body>
%BLOCK%</body>
</html>
"""

_CSS = (
    ".gx{position:relative;box-sizing:border-box;font-family:" + _FONT.replace('"', "'") + ";"
    "font-size:13px;line-height:1.45;color:#1f2933;background:#fff;border:1px solid #e1e5ea;border-radius:10px;"
    "overflow:hidden;text-align:left}"
    ".gx *{box-sizing:border-box}"
    ".gx-bar{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;padding:10px 14px;"
    "border-bottom:1px solid #e8ebef;background:#fafbfc}"
    ".gx-head{display:flex;align-items:baseline;gap:10px;margin-right:auto;min-width:0}"
    ".gx-title{font-size:15px;font-weight:600;letter-spacing:.01em;white-space:nowrap;overflow:hidden;"
    "text-overflow:ellipsis;max-width:42ch}"
    ".gx-stats{font-size:12px;color:#6b7785;white-space:nowrap}"
    ".gx-tools{display:flex;flex-wrap:wrap;align-items:center;gap:8px}"
    ".gx input,.gx select,.gx button{font:inherit;font-size:12.5px;color:inherit}"
    ".gx-find{position:relative;display:flex;align-items:center}"
    ".gx-find input{width:230px;padding:5px 10px 5px 28px;border:1px solid #cfd6de;border-radius:7px;background:#fff;"
    "outline:none}"
    ".gx-find input:focus{border-color:#4e79a7;box-shadow:0 0 0 3px rgba(78,121,167,.18)}"
    ".gx-find::before{content:'';position:absolute;left:10px;top:50%;width:9px;height:9px;margin-top:-6px;"
    "border:1.6px solid #8793a0;border-radius:50%}"
    ".gx-find::after{content:'';position:absolute;left:19px;top:50%;width:5px;height:1.6px;margin-top:3px;"
    "background:#8793a0;transform:rotate(45deg)}"
    ".gx-msg{font-size:12px;color:#6b7785;min-width:0;white-space:nowrap}"
    ".gx-msg.gx-bad{color:#b42318}"
    ".gx select{padding:4px 6px;border:1px solid #cfd6de;border-radius:7px;background:#fff;max-width:220px}"
    ".gx button{padding:4px 10px;border:1px solid #cfd6de;border-radius:7px;background:#fff;cursor:pointer}"
    ".gx button:hover{background:#f1f4f7}"
    ".gx-seg{display:inline-flex}.gx-seg button{border-radius:0;margin-left:-1px}"
    ".gx-seg button:first-child{border-radius:7px 0 0 7px;margin-left:0}.gx-seg button:last-child{border-radius:0 7px 7px 0}"
    ".gx-seg button.gx-on{background:#1f2933;border-color:#1f2933;color:#fff}"
    ".gx-check{display:inline-flex;align-items:center;gap:5px;white-space:nowrap;cursor:pointer;user-select:none}"
    ".gx-check input{margin:0;accent-color:#4e79a7}"
    ".gx-pop{position:relative}"
    ".gx-pop>summary{list-style:none;padding:4px 10px;border:1px solid #cfd6de;border-radius:7px;background:#fff;"
    "cursor:pointer;white-space:nowrap}"
    ".gx-pop>summary::-webkit-details-marker{display:none}"
    ".gx-pop>summary::after{content:' \\25BE';color:#8793a0}"
    ".gx-pop[open]>summary{border-color:#4e79a7}"
    ".gx-popbody{position:absolute;right:0;top:calc(100% + 4px);z-index:20;min-width:240px;max-height:340px;"
    "overflow:auto;padding:8px 10px;background:#fff;border:1px solid #d5dbe1;border-radius:8px;"
    "box-shadow:0 8px 28px rgba(15,23,42,.16)}"
    ".gx-popbody .gx-check{display:flex;padding:3px 0}"
    ".gx-popbody .gx-n{margin-left:auto;padding-left:10px;color:#8793a0;font-variant-numeric:tabular-nums}"
    ".gx-popacts{display:flex;gap:6px;margin-bottom:6px}"
    ".gx-main{position:relative;height:var(--gx-h,800px);background:#fff}"
    ".gx-canvas{position:absolute;inset:0}"
    ".gx-canvas .vis-network{outline:none}"
    ".gx-legend{position:absolute;left:12px;bottom:12px;z-index:4;padding:8px 10px 6px;background:rgba(255,255,255,.94);"
    "border:1px solid #e1e5ea;border-radius:8px;box-shadow:0 2px 10px rgba(15,23,42,.07);font-size:12px}"
    ".gx-legend .gx-check{display:flex;padding:2px 0}"
    ".gx-legend .gx-n{margin-left:auto;padding-left:12px;color:#8793a0;font-variant-numeric:tabular-nums}"
    ".gx-legtitle{font-size:11px;font-weight:600;color:#6b7785;text-transform:uppercase;letter-spacing:.05em;"
    "margin-bottom:3px}"
    ".gx-legnote{margin-top:5px;padding-top:5px;border-top:1px solid #eef0f3;color:#6b7785;font-size:11.5px}"
    ".gx-sw{display:inline-block;width:12px;height:12px;flex:none;border:1.5px solid;border-color:inherit}"
    ".gx-sw-dot{border-radius:50%}.gx-sw-square{border-radius:2px}"
    ".gx-sw-diamond{transform:rotate(45deg) scale(.82)}"
    ".gx-sw-triangle{border:0;clip-path:polygon(50% 4%,100% 96%,0 96%)}"
    ".gx-sw-hexagon{border:0;clip-path:polygon(25% 6%,75% 6%,100% 50%,75% 94%,25% 94%,0 50%)}"
    ".gx-tip{position:absolute;z-index:10;max-width:440px;min-width:200px;padding:10px 12px;background:#fff;"
    "border:1px solid #d5dbe1;border-radius:9px;box-shadow:0 10px 30px rgba(15,23,42,.18);font-size:12.5px;"
    "pointer-events:none;overflow:hidden}"
    ".gx-tip[hidden]{display:none}"
    ".gx-tip.gx-pinned{pointer-events:auto;max-height:calc(100% - 16px);overflow:auto;border-color:#9fb3c8}"
    ".gx-tip h4{margin:0 0 2px;font-size:14px;font-weight:600;line-height:1.35}"
    ".gx-tip .gx-sub{color:#6b7785;margin-bottom:6px}"
    ".gx-tip dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:6px 0 0}"
    ".gx-tip dt{color:#6b7785;white-space:nowrap}.gx-tip dd{margin:0;word-break:break-word}"
    ".gx-badge{display:inline-block;margin-left:6px;padding:0 6px;border-radius:9px;color:#fff;font-size:11px;"
    "font-weight:500;vertical-align:2px}"
    ".gx-ev{margin:7px 0 0;padding:6px 0 0 9px;border-left:3px solid #e1e5ea}"
    ".gx-ev q{display:block;quotes:none;color:#1f2933;line-height:1.55}"
    ".gx-ev q::before,.gx-ev q::after{content:none}"
    ".gx-ev .gx-src{margin-top:2px;color:#6b7785;font-size:11.5px}"
    ".gx mark{padding:0 2px;border-radius:3px;color:inherit}"
    ".gx mark.gx-s{background:#d6e4f5}.gx mark.gx-o{background:#fbe1c4}"
    ".gx-more{margin-top:6px;color:#6b7785;font-size:11.5px}"
    ".gx-progress{position:absolute;left:50%;top:50%;z-index:6;width:260px;margin:-28px 0 0 -130px;padding:12px 14px;"
    "background:#fff;border:1px solid #e1e5ea;border-radius:9px;box-shadow:0 6px 20px rgba(15,23,42,.1);"
    "color:#52606d;font-size:12px;text-align:center}"
    ".gx-progress div{height:4px;margin-top:8px;background:#eef0f3;border-radius:2px;overflow:hidden}"
    ".gx-progress span{display:block;height:100%;width:0;background:#4e79a7;transition:width .15s}"
    ".gx-note{padding:20px;color:#6b7785}"
)

# The page script. It never parses data as markup: text goes in with textContent and
# createTextNode, attributes with setAttribute on names chosen here.
_APP_JS = r"""(function () {
"use strict";
if (window.guanxi && window.guanxi.mount) return;
var views = window.guanxiViews = window.guanxiViews || {};
var UI = {
  zh: {search: "搜索实体(别名、简繁均可)", found: "已定位", none: "未找到", rel: "关系", all: "全部", clear: "清空",
       docs: "全部文档", labels: "边标签", fit: "适配视图", relayout: "重新布局", size: "节点大小", degree: "连接数",
       mentions: "提及次数", types: "实体类型", aliases: "别名", roles: "身份", docsL: "文档", canonical: "规范名",
       nodes: "个节点", edges: "条关系", evidence: "条证据", more: "另有 %n 条证据未显示", written: "原文",
       conf: "置信度", time: "时间", attempted: "未遂", planned: "计划中", laying: "正在布局…",
       hint: "点击节点查看其关联", reset: "(已重置筛选)"},
  en: {search: "Search entities (any alias)", found: "Found", none: "No match for", rel: "Relations", all: "All",
       clear: "None", docs: "All documents", labels: "Edge labels", fit: "Fit", relayout: "Re-layout", size: "Size",
       degree: "Degree", mentions: "Mentions", types: "Entity types", aliases: "Aliases", roles: "Roles",
       docsL: "Documents", canonical: "Canonical", nodes: "nodes", edges: "relations", evidence: "evidence",
       more: "%n more not shown", written: "As written", conf: "Confidence", time: "Time", attempted: "attempted",
       planned: "planned", laying: "Laying out…", hint: "Click a node to see its connections",
       reset: "(filters reset)"}
};

// Elements are built from parts; data only ever becomes text (textContent, text nodes, attribute values).
function el(tag, props, kids) {
  var e = document.createElement(tag);
  for (var k in props || {}) {
    var v = props[k];
    if (v == null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k === "class") e.className = v;
    else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), v);
    else if (k === "checked" || k === "value" || k === "selected") e[k] = v;
    else e.setAttribute(k, v);
  }
  (kids || []).forEach(function (c) {
    if (c != null) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  });
  return e;
}
function norm(s) { return String(s).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim(); }
function sentence(ev) {
  var q = el("q"), s = ev.s, at = 0;
  (ev.hl || []).forEach(function (h) {
    if (h[0] < at || h[1] > s.length) return;
    q.appendChild(document.createTextNode(s.slice(at, h[0])));
    q.appendChild(el("mark", {"class": h[2] === "s" ? "gx-s" : "gx-o", text: s.slice(h[0], h[1])}));
    at = h[1];
  });
  q.appendChild(document.createTextNode(s.slice(at)));
  return q;
}

function mulberry32(a) {
  return function () {
    a |= 0; a = a + 0x6D2B79F5 | 0;
    var t = Math.imul(a ^ a >>> 15, 1 | a);
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// Force layout (in the manner of d3-force): springs on edges, Barnes-Hut repulsion, gravity to the
// centre, velocity decay; alpha cools to nothing in `iterations` ticks, then it stops.
function forceLayout(nodes, edges, p, from, seed) {
  var N = nodes.length, index = {}, i;
  var x = new Float64Array(N), y = new Float64Array(N), vx = new Float64Array(N), vy = new Float64Array(N);
  var mass = new Float64Array(N);  // hubs push harder (as in ForceAtlas2), so their neighbours spread out
  nodes.forEach(function (n, k) { index[n.id] = k; mass[k] = 1 + Math.sqrt(n.degree); });
  var links = edges.filter(function (e) { return e.from !== e.to; });
  var src = new Int32Array(links.length), dst = new Int32Array(links.length), count = new Float64Array(N);
  links.forEach(function (e, k) { src[k] = index[e.from]; dst[k] = index[e.to]; count[src[k]]++; count[dst[k]]++; });
  var linked = [], lonely = [];
  for (i = 0; i < N; i++) (count[i] ? linked : lonely).push(i);
  var rnd = seed ? mulberry32(seed) : null;
  if (from) for (i = 0; i < N; i++) { x[i] = from[i][0]; y[i] = from[i][1]; }
  else if (rnd) for (i = 0; i < N; i++) {
    var r0 = p.distance * Math.sqrt(N * rnd()), a0 = 2 * Math.PI * rnd();
    x[i] = r0 * Math.cos(a0); y[i] = r0 * Math.sin(a0);
  }
  else nodes.map(function (n, k) { return k; })
    .sort(function (a, b) { return nodes[b].degree - nodes[a].degree || a - b; })
    .forEach(function (k, r) {  // phyllotaxis: hubs in the middle
      var rad = p.distance * 0.5 * Math.sqrt(0.5 + r), a = r * 2.399963229728653;
      x[k] = rad * Math.cos(a); y[k] = rad * Math.sin(a);
    });
  var alpha = from ? 0.5 : 1, alphaMin = 0.001, decay = 1 - Math.pow(alphaMin, 1 / p.iterations), ticks = 0;
  var THETA2 = p.theta2 || 0.81, jig = 1e-6;
  function build(ids, x0, y0, size) {
    var q = {m: 0, x: 0, y: 0, s: size, c: null, ids: ids}, k, w;
    for (k = 0; k < ids.length; k++) { w = mass[ids[k]]; q.m += w; q.x += x[ids[k]] * w; q.y += y[ids[k]] * w; }
    q.x /= q.m; q.y /= q.m;
    if (ids.length > 1 && size > 1e-3) {
      var h = size / 2, parts = [[], [], [], []];
      for (k = 0; k < ids.length; k++) parts[(x[ids[k]] >= x0 + h ? 1 : 0) + (y[ids[k]] >= y0 + h ? 2 : 0)].push(ids[k]);
      q.c = [];
      for (k = 0; k < 4; k++) if (parts[k].length) q.c.push(build(parts[k], x0 + (k & 1) * h, y0 + (k >> 1) * h, h));
    }
    return q;
  }
  function repel(q, i, strength) {
    var dx = q.x - x[i], dy = q.y - y[i], d2 = dx * dx + dy * dy, k;
    if (q.c && q.s * q.s / THETA2 < d2) {
      var w = strength * q.m / Math.max(d2, 1); vx[i] += dx * w; vy[i] += dy * w; return;
    }
    if (q.c) { for (k = 0; k < q.c.length; k++) repel(q.c[k], i, strength); return; }
    for (k = 0; k < q.ids.length; k++) {
      var j = q.ids[k];
      if (j === i) continue;
      dx = x[j] - x[i] || (jig = -jig); dy = y[j] - y[i]; d2 = dx * dx + dy * dy;
      var w2 = strength * mass[j] / Math.max(d2, 1); vx[i] += dx * w2; vy[i] += dy * w2;
    }
  }
  function tick() {
    alpha += -alpha * decay;
    var k, l = links.length;
    for (k = 0; k < l; k++) {
      var s = src[k], t = dst[k];
      var dx = x[t] + vx[t] - x[s] - vx[s] || (jig = -jig), dy = y[t] + vy[t] - y[s] - vy[s];
      var d = Math.sqrt(dx * dx + dy * dy), f = (d - p.distance) / d * alpha / Math.min(count[s], count[t]);
      var b = count[s] / (count[s] + count[t]);
      dx *= f; dy *= f; vx[t] -= dx * b; vy[t] -= dy * b; vx[s] += dx * (1 - b); vy[s] += dy * (1 - b);
    }
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, j;
    for (j = 0; j < linked.length; j++) {
      k = linked[j];
      if (x[k] < x0) x0 = x[k]; if (x[k] > x1) x1 = x[k]; if (y[k] < y0) y0 = y[k]; if (y[k] > y1) y1 = y[k];
    }
    if (linked.length > 1) {
      var root = build(linked.slice(), x0, y0, Math.max(x1 - x0, y1 - y0) + 1);
      for (j = 0; j < linked.length; j++) repel(root, linked[j], p.charge * alpha);
    }
    for (j = 0; j < linked.length; j++) {
      k = linked[j];
      vx[k] = (vx[k] - x[k] * p.gravity * alpha) * 0.6; vy[k] = (vy[k] - y[k] * p.gravity * alpha) * 0.6;
      x[k] += vx[k]; y[k] += vy[k];
    }
    ticks++;
  }
  function placeLonely() {  // entities without relations: a grid beside the drawing, not scattered around it
    if (!lonely.length) return;
    var x1 = -Infinity, y0 = Infinity, y1 = -Infinity, j, k;
    for (j = 0; j < linked.length; j++) {
      k = linked[j]; x1 = Math.max(x1, x[k]); y0 = Math.min(y0, y[k]); y1 = Math.max(y1, y[k]);
    }
    var sx = p.distance * 0.9, sy = p.distance * 0.7;
    if (!linked.length) { x1 = -sx * Math.ceil(Math.sqrt(lonely.length)) / 2 - sx; y0 = y1 = 0; }
    var perCol = Math.max(Math.ceil(Math.sqrt(lonely.length)), Math.floor((y1 - y0) / sy) + 1);
    var top = (y0 + y1) / 2 - (Math.min(perCol, lonely.length) - 1) * sy / 2;
    lonely.forEach(function (k, r) {
      x[k] = x1 + sx * (1.3 + Math.floor(r / perCol)); y[k] = top + (r % perCol) * sy;
    });
  }
  function crossings() {  // edge crossings of the result, to pick the best of several starts
    var c = 0, a, b;
    for (a = 0; a < links.length; a++) for (b = a + 1; b < links.length; b++) {
      var p1 = src[a], p2 = dst[a], p3 = src[b], p4 = dst[b];
      if (p1 === p3 || p1 === p4 || p2 === p3 || p2 === p4) continue;
      var d1 = orient(p3, p4, p1), d2 = orient(p3, p4, p2), d3 = orient(p1, p2, p3), d4 = orient(p1, p2, p4);
      if (d1 * d2 < 0 && d3 * d4 < 0) c++;
    }
    return c;
  }
  function orient(a, b, c) { return (x[b] - x[a]) * (y[c] - y[a]) - (y[b] - y[a]) * (x[c] - x[a]); }
  return {
    x: x, y: y, crossings: crossings,
    run: function (n) {
      for (var k = 0; k < n && alpha >= alphaMin; k++) tick();
      if (alpha < alphaMin) placeLonely();
      return alpha < alphaMin;
    },
    progress: function () { return Math.min(1, Math.log(alpha) / Math.log(alphaMin)); },
    ticks: function () { return ticks; }
  };
}

function mount(id) {
  if (views[id]) return views[id];
  var root = document.getElementById(id);
  if (!root || !window.vis) return null;
  var t0 = performance.now();
  var data = JSON.parse(root.querySelector("script.gx-data").textContent);
  var main = root.querySelector(".gx-main"), canvas = root.querySelector(".gx-canvas");
  var tools = root.querySelector(".gx-tools"), stats = root.querySelector(".gx-stats");
  var S = {lang: data.lang, edgeLabels: data.edgeLabels, size: "degree", types: {}, rels: {}, doc: "",
           focus: null, query: "", msg: "", bad: false};
  var byId = {}, types = {}, typeCount = {}, network = null, nodes, edges;
  data.types.forEach(function (t) { types[t.id] = t; S.types[t.id] = true; typeCount[t.id] = 0; });
  data.relations.forEach(function (r) { S.rels[r.id] = true; });
  data.nodes.forEach(function (n) {
    byId[n.id] = n; typeCount[n.type]++;
    n._keys = [n.name, n.id].concat(n.aliases).map(norm);
  });
  var view = views[id] = {id: id, data: data, state: S, stabilized: false, timing: {mountStart: t0}};
  function T(k) { return UI[S.lang][k]; }
  function docName(d) {
    var m = data.docs[d] || {};
    return (m.title || d) + (m.date ? " · " + m.date : "");
  }

  // -- items: filters, labels and size are item properties; only changed items are updated
  var hiddenNode = {};
  function nodeItem(n) {
    var hide = !S.types[n.type] || (S.doc !== "" && n.docs.indexOf(S.doc) < 0);
    hiddenNode[n.id] = hide;
    return {id: n.id, hidden: hide, value: (S.size === "degree" ? n.degree : n.mentions) + 1};
  }
  function edgeItem(e) {
    var hide = !S.rels[e.rel] || hiddenNode[e.from] || hiddenNode[e.to] || (S.doc !== "" && e.docs.indexOf(S.doc) < 0);
    return {id: e.id, hidden: hide, label: S.edgeLabels ? e[S.lang] : ""};
  }
  function key(item) { return [item.hidden, item.value, item.label].join("|"); }
  function restyle() {
    var nu = [], eu = [], vn = 0, ve = 0;
    data.nodes.forEach(function (n) {
      var item = nodeItem(n), k = key(item);
      if (!item.hidden) vn++;
      if (n._k !== k) { n._k = k; nu.push(item); }
    });
    data.edges.forEach(function (e) {
      var item = edgeItem(e), k = key(item);
      if (!item.hidden) ve++;
      if (e._k !== k) { e._k = k; eu.push(item); }
    });
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    if (S.focus && hiddenNode[S.focus]) S.focus = null;
    stats.textContent = vn + " " + T("nodes") + " · " + ve + " " + T("edges");
    if (network) network.redraw();
  }
  var hier = data.layout === "hierarchical";
  function initialItems() {
    nodes = new vis.DataSet(data.nodes.map(function (n) {
      var item = nodeItem(n);
      n._k = key(item); item.label = n.name; item.group = n.type;
      if (n.x != null) { item.x = n.x; item.y = n.y; }
      return item;
    }));
    edges = new vis.DataSet(data.edges.map(function (e) {
      var item = edgeItem(e);
      e._k = key(item);
      item.from = e.from; item.to = e.to;
      item.smooth = e.round ? {enabled: true, type: "curvedCW", roundness: e.round}
        : hier ? {enabled: true, type: "cubicBezier", forceDirection: "vertical", roundness: 0.4} : false;
      if (e.sym) item.arrows = {to: {enabled: false}};
      item.width = (data.big ? 0.8 : 1.2) + Math.min(3, Math.log2(Math.max(1, e.count)));
      return item;
    }));
    view.nodes = nodes; view.edges = edges;
  }

  // -- tooltip
  var tip = el("div", {"class": "gx-tip", hidden: "hidden", role: "tooltip"});
  main.appendChild(tip);
  var pinned = false;
  function showTip(content, p, pin) {
    if (pinned && !pin) return;
    pinned = !!pin;
    tip.className = "gx-tip" + (pin ? " gx-pinned" : "");
    tip.textContent = "";
    tip.appendChild(content);
    tip.hidden = false;
    var w = main.clientWidth, h = main.clientHeight, tw = tip.offsetWidth, th = tip.offsetHeight;
    var x = p.x + 14, y = p.y + 14;
    if (x + tw > w - 8) x = Math.max(8, p.x - tw - 14);
    if (y + th > h - 8) y = Math.max(8, h - th - 8);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function hideTip(force) { if (!pinned || force === true) { tip.hidden = true; pinned = false; } }
  root.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hideTip(true); });
  function badge(t) {
    var b = el("span", {"class": "gx-badge", text: types[t][S.lang]});
    b.style.background = types[t].color;
    return b;
  }
  function nodeTip(n) {
    var rows = [];
    if (n.id !== n.name) rows.push([T("canonical"), n.id]);
    var other = n.aliases.filter(function (a) { return a !== n.name; });
    if (other.length) rows.push([T("aliases"), other.join(" · ")]);
    if (n.roles.length) rows.push([T("roles"), n.roles.join(" · ")]);
    rows.push([T("mentions"), String(n.mentions)], [T("degree"), String(n.degree)]);
    if (n.docs.length) rows.push([T("docsL"), n.docs.slice(0, 8).map(docName).concat(
      n.docs.length > 8 ? ["+" + (n.docs.length - 8)] : [])]);
    var dl = el("dl");
    rows.forEach(function (r) {
      dl.appendChild(el("dt", {text: r[0]}));
      dl.appendChild(typeof r[1] === "string" ? el("dd", {text: r[1]})
        : el("dd", {}, r[1].map(function (x) { return el("div", {text: x}); })));
    });
    return el("div", {}, [el("h4", {}, [n.name, badge(n.type)]), dl]);
  }
  function edgeTip(e, all) {
    var a = byId[e.from], b = byId[e.to], arrow = e.sym ? "  ↔  " : "  →  ";
    var head = el("h4", {text: a.name + arrow + e[S.lang] + arrow + b.name});
    var sub = [e.count + " " + T("evidence"), T("conf") + " " + e.conf.toFixed(2)];
    if (e.labels.length) sub.unshift(T("written") + ": " + e.labels.join("、"));
    var box = el("div", {}, [head, el("div", {"class": "gx-sub", text: sub.join(" · ")})]);
    var shown = e.ev.filter(function (v) { return !S.doc || v.doc === S.doc; });
    var limit = all ? shown.length : 5;
    shown.slice(0, limit).forEach(function (v) {
      var src = [];
      if (v.doc != null) src.push(docName(v.doc));
      if (v.date && !(data.docs[v.doc] || {}).date) src.push(v.date);
      if (v.time) src.push(T("time") + " " + v.time);
      if (v.mod) src.push(T(v.mod) || v.mod);
      if (v.role) src.push(v.role);
      box.appendChild(el("div", {"class": "gx-ev"}, [sentence(v), el("div", {"class": "gx-src", text: src.join(" · ")})]));
    });
    var more = e.count - Math.min(limit, shown.length);
    if (more > 0) box.appendChild(el("div", {"class": "gx-more", text: T("more").replace("%n", more)}));
    return box;
  }

  // -- neighbourhood: a veil over the drawing, then the focused node's edges and neighbours on top
  function drawFocus(ctx) {
    var n = S.focus && network.body.nodes[S.focus];
    if (!n) return;
    var c = network.canvas.frame.canvas, a = network.DOMtoCanvas({x: 0, y: 0});
    var b = network.DOMtoCanvas({x: c.clientWidth, y: c.clientHeight}), labels = [], seen = {};
    ctx.save();
    ctx.fillStyle = "rgba(255,255,255,0.8)";
    ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
    ctx.restore();
    var live = n.edges.filter(function (e) { return e.connected && !e.options.hidden; });
    live.forEach(function (e) { e.draw(ctx); });
    live.forEach(function (e) { e.drawArrows(ctx); });
    live.concat([{from: n, to: n}]).forEach(function (e) {
      [e.from, e.to].forEach(function (m) {
        if (seen[m.id] || m.options.hidden) return;
        seen[m.id] = 1;
        var r = m.draw(ctx);
        if (r && r.drawExternalLabel) labels.push(r.drawExternalLabel);
      });
    });
    labels.forEach(function (f) { f(); });
    view.highlighted = Object.keys(seen);
  }

  // -- search
  function find(q) {
    q = norm(q);
    if (!q) return null;
    var best = null, bestScore = -1;
    data.nodes.forEach(function (n) {
      var score = -1;
      n._keys.forEach(function (k) {
        var s = k === q ? 3 : k.startsWith(q) ? 2 : k.indexOf(q) >= 0 ? 1 : -1;
        if (s > score) score = s;
      });
      if (score > bestScore || (score === bestScore && score >= 0 && n.mentions + n.degree > best.mentions + best.degree)) {
        best = n; bestScore = score;
      }
    });
    return bestScore >= 0 ? best : null;
  }
  function focusNode(nid, animate) {
    var n = byId[nid];
    if (!n || !network) return false;
    var reset = hiddenNode[nid];
    if (reset) {
      data.types.forEach(function (t) { S.types[t.id] = true; });
      data.relations.forEach(function (r) { S.rels[r.id] = true; });
      S.doc = "";
      restyle();
    }
    S.focus = nid;
    network.selectNodes([nid]);
    network.focus(nid, {scale: Math.max(network.getScale(), 1.1),
                        animation: animate === false ? false : {duration: 450, easingFunction: "easeInOutQuad"}});
    S.msg = T("found") + ": " + n.name + (reset ? " " + T("reset") : "");
    S.bad = false;
    if (reset) build(); else setMsg();
    return true;
  }
  function search(q, animate) {
    S.query = q;
    var n = find(q);
    if (n) { focusNode(n.id, animate); return n.id; }
    S.msg = q ? T("none") + " “" + q + "”" : ""; S.bad = !!q; setMsg();
    return null;
  }
  var msgEl = null;
  function setMsg() { if (msgEl) { msgEl.textContent = S.msg; msgEl.className = "gx-msg" + (S.bad ? " gx-bad" : ""); } }
  function clearFocus() { S.focus = null; network.unselectAll(); network.redraw(); }

  // -- toolbar and legend, rebuilt on language change
  var legend = null;
  function build() {
    tools.textContent = "";
    var listId = id + "-names", input = el("input", {type: "search", placeholder: T("search"), list: listId,
      "aria-label": T("search"), value: S.query, autocomplete: "off", spellcheck: "false"});
    var list = el("datalist", {id: listId});
    input.addEventListener("focus", function fill() {
      input.removeEventListener("focus", fill);
      var seen = {}, frag = document.createDocumentFragment();
      data.nodes.forEach(function (n) {
        [n.name].concat(n.aliases).forEach(function (a) {
          if (seen[a]) return; seen[a] = 1;
          frag.appendChild(el("option", {value: a, label: a === n.name ? types[n.type][S.lang] : n.name}));
        });
      });
      list.appendChild(frag);
    });
    input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); search(input.value); } });
    var timer = 0;
    input.addEventListener("input", function (ev) {
      clearTimeout(timer);
      var q = input.value;
      if (!norm(q)) { S.query = ""; S.msg = ""; setMsg(); clearFocus(); return; }
      if (!ev.inputType || ev.inputType === "insertReplacementText") { search(q); return; }  // picked from the list
      if (/^[\x00-\x7f]$/.test(norm(q))) return;  // one Latin letter: wait for more
      timer = setTimeout(function () { search(q); }, 250);
    });
    msgEl = el("span", {"class": "gx-msg", "aria-live": "polite"});
    tools.appendChild(el("div", {"class": "gx-find"}, [input, list]));
    tools.appendChild(msgEl);
    setMsg();

    var relBox = el("div", {"class": "gx-popbody"});
    function relSummary() {
      var on = data.relations.filter(function (r) { return S.rels[r.id]; }).length;
      return T("rel") + " " + on + "/" + data.relations.length;
    }
    var summary = el("summary", {text: relSummary()});
    function setAll(v) {
      data.relations.forEach(function (r) { S.rels[r.id] = v; });
      relBox.querySelectorAll("input").forEach(function (c) { c.checked = v; });
      summary.textContent = relSummary(); restyle();
    }
    relBox.appendChild(el("div", {"class": "gx-popacts"}, [
      el("button", {type: "button", text: T("all"), onclick: function () { setAll(true); }}),
      el("button", {type: "button", text: T("clear"), onclick: function () { setAll(false); }})]));
    data.relations.forEach(function (r) {
      relBox.appendChild(el("label", {"class": "gx-check", title: r.id}, [
        el("input", {type: "checkbox", checked: !!S.rels[r.id], onchange: function (ev) {
          S.rels[r.id] = ev.target.checked; summary.textContent = relSummary(); restyle(); }}),
        r[S.lang], el("span", {"class": "gx-n", text: String(r.count)})]));
    });
    if (data.relations.length) tools.appendChild(el("details", {"class": "gx-pop"}, [summary, relBox]));

    var docIds = Object.keys(data.docs);
    if (docIds.length > 1) {
      var sel = el("select", {"aria-label": T("docs"), onchange: function (ev) { S.doc = ev.target.value; restyle(); }},
        [el("option", {value: "", text: T("docs") + " (" + docIds.length + ")"})]);
      docIds.forEach(function (d) { sel.appendChild(el("option", {value: d, text: docName(d), selected: S.doc === d})); });
      tools.appendChild(sel);
    }
    var seg = el("span", {"class": "gx-seg", role: "group"});
    [["zh", "中文"], ["en", "EN"]].forEach(function (l) {
      seg.appendChild(el("button", {type: "button", text: l[1], "class": S.lang === l[0] ? "gx-on" : null,
        "aria-pressed": String(S.lang === l[0]), onclick: function () { setLang(l[0]); }}));
    });
    tools.appendChild(seg);
    tools.appendChild(el("label", {"class": "gx-check"}, [el("input", {type: "checkbox", checked: S.edgeLabels,
      onchange: function (ev) { S.edgeLabels = ev.target.checked; restyle(); }}), T("labels")]));
    tools.appendChild(el("button", {type: "button", text: T("fit"), onclick: function () { network.fit({animation: true}); }}));
    if (data.layout !== "static")
      tools.appendChild(el("button", {type: "button", text: T("relayout"), onclick: relayout}));

    if (legend) legend.remove();
    legend = el("div", {"class": "gx-legend"}, [el("div", {"class": "gx-legtitle", text: T("types")})]);
    data.types.forEach(function (t) {
      if (!typeCount[t.id]) return;
      var sw = el("span", {"class": "gx-sw gx-sw-" + t.shape});
      sw.style.background = t.color; sw.style.borderColor = t.border;
      legend.appendChild(el("label", {"class": "gx-check"}, [
        el("input", {type: "checkbox", checked: S.types[t.id], onchange: function (ev) {
          S.types[t.id] = ev.target.checked; restyle(); }}),
        sw, t[S.lang], el("span", {"class": "gx-n", text: String(typeCount[t.id])})]));
    });
    var size = el("select", {"aria-label": T("size"), onchange: function (ev) { S.size = ev.target.value; restyle(); }},
      ["degree", "mentions"].map(function (k) { return el("option", {value: k, text: T(k), selected: S.size === k}); }));
    legend.appendChild(el("div", {"class": "gx-legnote"}, [T("size") + " ", size]));
    legend.appendChild(el("div", {"class": "gx-legnote", text: T("hint")}));
    main.appendChild(legend);
    restyle();
  }
  function setLang(l) { if (UI[l]) { S.lang = l; build(); } }

  // -- layout: our force simulation (settles, then stops), vis-network's hierarchical layout, or fixed positions
  var progress = null;
  function showProgress(f) {
    if (!progress) {
      progress = el("div", {"class": "gx-progress"}, [T("laying"), el("div", {}, [el("span")])]);
      main.appendChild(progress);
    }
    progress.querySelector("span").style.width = Math.round(100 * f) + "%";
  }
  function hideProgress() { if (progress) { progress.remove(); progress = null; } }
  function settled() {
    hideProgress();
    if (network.physics.physicsEnabled) network.setOptions({physics: {enabled: false}});
    if (!view.stabilized) {
      view.stabilized = true;
      view.timing.stabilized = performance.now();
      root.dispatchEvent(new CustomEvent("guanxi:stabilized", {detail: view}));
    }
  }
  function runForce(from, onStep, onDone) {
    var sim = forceLayout(data.nodes, data.edges, data.force, from), budget = 40;
    (function chunk() {
      var t = performance.now(), done = false;
      while (!done && performance.now() - t < budget) done = sim.run(5);
      onStep(sim);
      if (done) onDone(sim); else setTimeout(chunk, 0);
    })();
  }
  function relayout() {
    if (!data.force) { network.setOptions({physics: {enabled: true}}); network.stabilize(300); return; }
    var pos = network.getPositions(), from = data.nodes.map(function (n) { return [pos[n.id].x, pos[n.id].y]; });
    function place(sim) {
      data.nodes.forEach(function (n, k) { var b = network.body.nodes[n.id]; b.x = sim.x[k]; b.y = sim.y[k]; });
      network.redraw();
    }
    runForce(from, place, function (sim) { place(sim); network.fit({animation: true}); });
  }
  function create() {
    view.timing.layoutDone = performance.now();
    network = view.network = new vis.Network(canvas, {nodes: nodes, edges: edges}, data.options);
    view.timing.created = performance.now();
    network.on("afterDrawing", drawFocus);
    network.on("hoverNode", function (p) { showTip(nodeTip(byId[p.node]), p.pointer.DOM); });
    network.on("hoverEdge", function (p) { showTip(edgeTip(data.edges[p.edge]), p.pointer.DOM); });
    network.on("blurNode", hideTip);
    network.on("blurEdge", hideTip);
    network.on("dragStart", function () { hideTip(true); });
    network.on("zoom", function () { hideTip(true); });
    network.on("click", function (p) {  // a click pins the tooltip (an edge's shows all its evidence)
      if (p.nodes.length) { S.focus = p.nodes[0]; network.redraw(); showTip(nodeTip(byId[p.nodes[0]]), p.pointer.DOM, true); }
      else if (p.edges.length) showTip(edgeTip(data.edges[p.edges[0]], true), p.pointer.DOM, true);
      else { hideTip(true); if (S.focus) clearFocus(); }
    });
    network.on("stabilized", settled);  // also after "Re-layout" of a hierarchical view: physics off again
    if (network.physics.physicsEnabled) {
      showProgress(0);
      network.on("stabilizationProgress", function (p) { if (progress) showProgress(p.iterations / p.total); });
      network.once("stabilizationIterationsDone", settled);
    } else {
      network.once("afterDrawing", settled);
    }
    build();
    view.timing.mounted = performance.now();
  }
  if (data.force && data.nodes.length) {
    var place = function (sim) {
      data.nodes.forEach(function (n, k) { n.x = Math.round(sim.x[k] * 10) / 10; n.y = Math.round(sim.y[k] * 10) / 10; });
      view.timing.layoutTicks = sim.ticks();
      initialItems();
      create();
    };
    view.timing.layoutStart = performance.now();
    if (data.nodes.length <= 300) {  // small: several starts, keep the one with the fewest crossings
      var best = null, bestC = Infinity, starts = data.nodes.length <= 80 ? 8 : 3;
      for (var k = 0; k < starts && bestC > 0; k++) {
        var sim = forceLayout(data.nodes, data.edges, data.force, null, k);
        sim.run(1e9);
        var c = sim.crossings();
        if (c < bestC) { best = sim; bestC = c; }
      }
      view.timing.crossings = bestC;
      place(best);
    }
    else runForce(null, function (sim) { showProgress(sim.progress()); }, place);
  } else {
    initialItems();
    create();
  }

  // -- hooks for tests and benchmarks
  function edgePoint(eid, t) {
    var e = network.body.edges[eid];
    return e ? network.canvasToDOM(e.edgeType.getPoint(t == null ? 0.5 : t)) : null;
  }
  view.search = search;
  view.focusNode = focusNode;
  view.setLang = setLang;
  view.clearFocus = clearFocus;
  view.edgePoint = edgePoint;
  view.nodePoint = function (nid) { var p = network.getPositions([nid])[nid]; return p ? network.canvasToDOM(p) : null; };
  view.showEdgeTooltip = function (eid) { var p = edgePoint(eid); if (p) showTip(edgeTip(data.edges[eid], true), p, true); return tip.textContent; };
  view.showNodeTooltip = function (nid) { var p = view.nodePoint(nid); if (p) showTip(nodeTip(byId[nid]), p, true); return tip.textContent; };
  view.hideTooltip = function () { hideTip(true); };
  view.tooltip = function () { return tip.hidden ? "" : tip.textContent; };
  view.whenStable = function (cb) {
    if (view.stabilized) cb(view); else root.addEventListener("guanxi:stabilized", function () { cb(view); }, {once: true});
  };
  return view;
}
window.guanxi = {mount: mount, views: views};
})();"""
