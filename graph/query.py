"""Who is connected to whom: queries over a guanxi graph, with evidence.

Every function takes the graph first (a ``networkx.MultiDiGraph`` as
:func:`guanxi.graph.io.read_graph` returns it) and answers with small frozen
dataclasses whose fields are the stable JSON field names of ``guanxi query
--json`` (each has ``to_dict()``). Entities can be given as node ids or as
any name or alias, in Simplified, Traditional or Latin script (see
:func:`resolve`).

Filters
-------
The query functions accept the same keyword-only filters as
:func:`filter_graph`: ``docs``, ``since``, ``until`` and ``min_confidence``.
An edge takes part in a filtered query only if at least one of its evidence
items passes, and then it carries only the evidence that passes.

Performance
-----------
The alias index used to resolve names is built once per graph, on first use,
and cached (in a weak mapping, nothing is added to ``G.graph``). It is
rebuilt when the number of nodes changes; call :func:`clear_cache` after
editing names or aliases in place. Unfiltered queries never copy the graph.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("Sam Altman", name="Sam Altman", type="PERSON", aliases=["Altman", "奥特曼", "奧特曼"])
>>> G.add_node("Jan Leike", name="Jan Leike", type="PERSON", aliases=["Jan Leike", "Jan"])
>>> G.add_edge("Sam Altman", "Jan Leike", "thanked", relation="thanked", count=1,
...            evidence=[{"doc": "b.txt", "sentence": "他站出來感謝了Jan。"}])
'thanked'
>>> [(row.name, row.relation, row.direction) for row in neighbors(G, "奧特曼")]
[('Jan Leike', 'thanked', 'out')]
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import functools
import gc
import importlib.util
import re
import unicodedata
import weakref
from bisect import bisect_right
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..errors import Errors, GuanxiError
from ..model import ENTITY_TYPES

__all__ = [
    "Entity",
    "Evidence",
    "Neighbor",
    "Hop",
    "Path",
    "Relation",
    "Ranked",
    "RelationCount",
    "Match",
    "MEASURES",
    "RELATIONS",
    "normalize_name",
    "parse_date",
    "resolve",
    "entity",
    "search",
    "neighbors",
    "shortest_paths",
    "between",
    "top",
    "relation_counts",
    "relation_edges",
    "filter_graph",
    "subgraph",
    "clear_cache",
]

#: Ranking measures accepted by :func:`top`.
MEASURES = ("degree", "pagerank", "betweenness")

#: The relation vocabulary (names accepted by ``relations=`` even when absent from a graph).
RELATIONS = (
    "works_for", "member_of", "leads", "founded", "joined", "resigned_from", "fired", "appointed",
    "took_over", "succeeded", "part_of", "develops", "owns", "invested_in", "acquired",
    "partnered_with", "purchased_from", "competes_with", "sued", "thanked", "praised", "criticized",
    "accused", "supported", "opposed", "responded_to", "met", "threatened", "reported", "interviewed",
    "teacher_of", "colleague_of", "allied_with", "family_of", "located_in", "headquartered_in",
    "related_to",
)  # fmt: skip

_MAX_CHOICES = 10  # candidates listed in an ambiguity error
_MAX_SUGGESTIONS = 5  # closest names listed for an unknown name
_FUZZY_ACCEPT = 90.0  # rapidfuzz ratio at which a unique near-miss is accepted (typos)
_BETWEENNESS_EXACT_MAX = 2000  # above this many nodes, betweenness samples sources
_BETWEENNESS_SAMPLES = 256


# --------------------------------------------------------------------------- results


def _to_dict(self) -> dict[str, Any]:
    return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Entity:
    """A node: ``id`` (node key), ``name`` (display name) and ``type``."""

    id: str
    name: str
    type: str
    to_dict = _to_dict


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence behind an edge.

    ``date`` is the article date (from ``G.graph["documents"]``, else the
    evidence's own ``date``); ``time`` is the time extracted from the sentence
    (e.g. ``"2023年11月"``); ``sentence`` is in the script of the article.
    """

    sentence: str
    doc: str | None
    date: str | None
    time: str | None
    confidence: float | None
    relation_label: str | None
    subject_text: str | None
    object_text: str | None
    modality: str | None
    extractor: str | None
    sentence_index: int | None
    to_dict = _to_dict


@dataclass(frozen=True, slots=True)
class Neighbor:
    """One (neighbour, relation, direction) row of :func:`neighbors`.

    ``direction`` is seen from ``via`` (the queried entity at ``depth`` 1):
    ``"out"`` means *via —relation→ name*, ``"in"`` means *name —relation→
    via*, ``"both"`` is used for symmetric relations. ``count`` is the number
    of evidence items, ``confidence`` their maximum.
    """

    id: str
    name: str
    type: str
    relation: str
    direction: str
    count: int
    confidence: float | None
    depth: int
    via: str
    via_id: str
    to_dict = _to_dict


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a :class:`Path`, from ``source`` to ``target`` in path order.

    ``direction`` tells which way the edge really points: ``"out"`` is
    *source —relation→ target*, ``"in"`` is *target —relation→ source*,
    ``"both"`` a symmetric relation. ``evidence`` is the most confident
    sentence behind the edge.
    """

    source: str
    source_id: str
    relation: str
    target: str
    target_id: str
    direction: str
    label_en: str | None
    label_zh: str | None
    count: int
    confidence: float | None
    evidence: Evidence | None
    to_dict = _to_dict


@dataclass(frozen=True, slots=True)
class Path:
    """A connection: ``length`` hops through ``nodes`` (display names; ``node_ids`` are the keys)."""

    length: int
    nodes: tuple[str, ...]
    node_ids: tuple[str, ...]
    hops: tuple[Hop, ...]
    to_dict = _to_dict


@dataclass(frozen=True, slots=True)
class Relation:
    """An edge with all its evidence, as :func:`between` and :func:`relation_edges` list it.

    ``source —relation→ target`` is the edge's true direction; ``direction``
    is relative to the first entity asked about (``"out"``, ``"in"`` or
    ``"both"`` for symmetric relations).
    """

    source: str
    source_id: str
    relation: str
    target: str
    target_id: str
    direction: str
    label_en: str | None
    label_zh: str | None
    symmetric: bool
    count: int
    confidence: float | None
    evidence: tuple[Evidence, ...]
    to_dict = _to_dict


@dataclass(frozen=True, slots=True)
class Ranked:
    """A row of :func:`top`: ``score`` under the chosen measure, ``degree`` = edges in + out."""

    rank: int
    id: str
    name: str
    type: str
    score: float
    degree: int
    to_dict = _to_dict


@dataclass(frozen=True, slots=True)
class RelationCount:
    """A row of :func:`relation_counts`: number of ``edges`` and of ``evidence`` items."""

    relation: str
    label_en: str | None
    label_zh: str | None
    edges: int
    evidence: int
    to_dict = _to_dict


@dataclass(frozen=True, slots=True)
class Match:
    """A row of :func:`search`: the entity, the ``alias`` that matched and a ``score`` 0–100."""

    id: str
    name: str
    type: str
    alias: str
    score: float
    mentions: int
    to_dict = _to_dict


# --------------------------------------------------------------------------- names

_DROP = dict.fromkeys(
    map(ord, " \t\r\n\f\v\x00\u00a0\u3000.。·・•‧∙⋅-‐‑‒–—―_'\"‘’‚‛“”„‟「」『』〝〞`´"), None
)
_ASCII_DROP = b" \t\r\n\f\v\x00.-_'\"`"
_ASCII_SEPARATORS = bytes.maketrans(b"\t\r\n\f\v.-_/,'\"()`", b" " * 15)
_SPLIT = re.compile(r"[\s.。·・•‧∙⋅\-‐‑‒–—―_/,，、'\"‘’“”()（）]+")


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def normalize_name(text: str) -> str:
    """Return the key under which a name is matched.

    NFKC, Traditional → Simplified (OpenCC ``t2s``), case folding, and
    spaces, dots, middle dots, hyphens, underscores and quotes removed.

    Parameters
    ----------
    text : str
        A name or alias in any script.

    Returns
    -------
    str

    Examples
    --------
    >>> normalize_name("奧特曼")
    '奥特曼'
    >>> normalize_name("Jan  Leike"), normalize_name("伊利亞·蘇茨克維"), normalize_name("Ｏｐｅｎ-AI")
    ('janleike', '伊利亚苏茨克维', 'openai')
    """
    s = str(text)
    if s.isascii():  # fast path: NFKC and t2s change nothing, casefold is lower
        return s.encode().translate(None, _ASCII_DROP).decode().lower()
    s = unicodedata.normalize("NFKC", s)
    if not s.isascii():
        s = _converter().convert(s)
    return s.casefold().translate(_DROP)


def _tokens(text: str) -> list[str]:
    """The normalised words of a name ("Sam Bankman-Fried" -> ["sam", "bankman", "fried"])."""
    s = str(text)
    if s.isascii():
        return s.encode().translate(_ASCII_SEPARATORS).decode().lower().split()
    parts = _SPLIT.split(unicodedata.normalize("NFKC", s))
    return [key for key in map(normalize_name, parts) if key]


def _forms(G: nx.MultiDiGraph, node: Hashable) -> list[str]:
    """Every surface form of a node: id, name, aliases (first occurrence order)."""
    attrs = G.nodes[node]
    forms = [str(node)]
    name = attrs.get("name")
    if name:
        forms.append(str(name))
    forms.extend(str(a) for a in attrs.get("aliases") or () if a)
    return list(dict.fromkeys(forms))


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic structures.

    Building an index allocates hundreds of thousands of small containers;
    with a large graph in memory each collection they trigger walks the
    whole heap, which more than doubles the build time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Index:
    """Lookup structures over node names, built once per graph (see :func:`_index`).

    Only the exact-key map is built up front; the word index, the flat
    lexicon (substring and fuzzy matching) and the pinyin keys are built on
    first use, so resolving names as written stays cheap on large graphs.
    """

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.size = len(G)
        self.graph_ref = weakref.ref(G)
        self._pinyin: tuple[dict[str, list[int]], list[str], list[Hashable], list[str]] | None = None
        self._relations: dict[str, str] | None = None
        with _gc_paused():
            self.exact = self._build(G)

    @staticmethod
    def _build(G: nx.MultiDiGraph) -> dict[str, list[tuple[Hashable, int, str]]]:
        exact: dict[str, list[tuple[Hashable, int, str]]] = {}  # key -> [(node, tier, form)]
        memo: dict[str, str] = {}
        norm = normalize_name
        for node, attrs in G.nodes(data=True):
            here: dict[str, tuple[Hashable, int, str]] = {}
            for tier, forms in ((0, (node, attrs.get("name"))), (1, attrs.get("aliases") or ())):
                for form in forms:
                    if not form:
                        continue
                    form = str(form)
                    key = memo.get(form)
                    if key is None:
                        key = memo[form] = norm(form)
                    if key and key not in here:
                        here[key] = (node, tier, form)
            for key, entry in here.items():
                entries = exact.get(key)
                if entries is None:
                    exact[key] = [entry]
                else:
                    entries.append(entry)
        return exact

    @functools.cached_property
    def _lexicon(self) -> tuple[list[str], list[Hashable], list[str], list[int], str]:
        with _gc_paused():
            return self._build_lexicon()

    def _build_lexicon(self) -> tuple[list[str], list[Hashable], list[str], list[int], str]:
        keys: list[str] = []
        owners: list[Hashable] = []
        forms: list[str] = []
        for key, entries in self.exact.items():
            for node, _, form in entries:
                keys.append(key)
                owners.append(node)
                forms.append(form)
        starts = [0]
        for key in keys[:-1]:
            starts.append(starts[-1] + len(key) + 1)
        return keys, owners, forms, starts, "\x00".join(keys)

    @property
    def keys(self) -> list[str]:
        """Every distinct (node, key) pair's key; ``owners`` and ``forms`` run in parallel."""
        return self._lexicon[0]

    @property
    def owners(self) -> list[Hashable]:
        return self._lexicon[1]

    @property
    def forms(self) -> list[str]:
        return self._lexicon[2]

    @functools.cached_property
    def tokens(self) -> dict[str, list[Hashable]]:
        """Word of a multi-word name or alias -> nodes (may repeat)."""
        with _gc_paused():
            return self._build_tokens()

    def _build_tokens(self) -> dict[str, list[Hashable]]:
        tokens: dict[str, list[Hashable]] = {}
        search = _SPLIT.search
        for entries in self.exact.values():
            for node, _, form in entries:
                if search(form):
                    for token in _tokens(form):
                        nodes = tokens.get(token)
                        if nodes is None:
                            tokens[token] = [node]
                        else:
                            nodes.append(node)
        return tokens

    def substring(self, key: str, limit: int = 1000) -> Iterator[int]:
        """Indexes into ``keys`` of keys that contain ``key`` (at most ``limit``)."""
        keys, _, _, starts, blob = self._lexicon
        found = 0
        pos = blob.find(key)
        while pos != -1 and found < limit:
            i = bisect_right(starts, pos) - 1
            found += 1
            yield i
            pos = blob.find(key, max(pos + 1, starts[i] + len(keys[i]) + 1))

    def pinyin(self):
        """Toneless pinyin keys of non-Latin names, built on first use."""
        if self._pinyin is None:
            with _gc_paused():
                self._pinyin = self._build_pinyin()
        return self._pinyin

    def _build_pinyin(self):
        from pypinyin import lazy_pinyin

        chars: dict[str, str] = {}
        exact: dict[str, list[int]] = {}  # pinyin key -> indexes into keys/owners/forms
        keys: list[str] = []
        owners: list[Hashable] = []
        forms: list[str] = []
        for key, owner, form in zip(self.keys, self.owners, self.forms):
            if key.isascii():
                continue
            parts = []
            for ch in key:
                py = chars.get(ch)
                if py is None:
                    py = chars[ch] = "".join(lazy_pinyin(ch)).casefold() if ord(ch) > 127 else ch
                parts.append(py)
            py_key = "".join(parts)
            if not py_key.isascii():
                continue
            exact.setdefault(py_key, []).append(len(keys))
            keys.append(py_key)
            owners.append(owner)
            forms.append(form)
        return exact, keys, owners, forms

    def relations(self) -> dict[str, str]:
        """Normalised relation name / English label / Chinese label -> relation name."""
        if self._relations is None:
            table: dict[str, str] = {_relation_key(r): r for r in RELATIONS}
            G = self.graph_ref()
            for _, _, key, data in G.edges(keys=True, data=True) if G is not None else ():
                rel = data.get("relation", key)
                table.setdefault(_relation_key(rel), rel)
                for label in (data.get("label_en"), data.get("label_zh")):
                    if label:
                        table.setdefault(_relation_key(label), rel)
            self._relations = table
        return self._relations


_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_PARENTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _root(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph whose nodes ``G`` shares (itself, or what a view/filtered copy came from)."""
    for _ in range(100):
        parent = _PARENTS.get(G)
        if parent is None:
            parent = getattr(G, "_graph", None)  # networkx subgraph / reverse views
        if parent is None or parent is G:
            return G
        G = parent
    return G


def _index(G: nx.MultiDiGraph) -> _Index:
    root = _root(G)
    index = _INDEXES.get(root)
    if index is None or index.size != len(root):
        index = _INDEXES[root] = _Index(root)
    return index


def clear_cache(G: nx.MultiDiGraph | None = None) -> None:
    """Forget the cached alias index of ``G`` (or of every graph).

    Needed only after changing names or aliases of an existing graph in place;
    adding or removing nodes is noticed automatically.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("OpenAI", name="OpenAI", type="ORG", aliases=[])
    >>> resolve(G, "openai")
    'OpenAI'
    >>> G.nodes["OpenAI"]["aliases"].append("开放人工智能")
    >>> clear_cache(G)
    >>> resolve(G, "开放人工智能")
    'OpenAI'
    """
    if G is None:
        _INDEXES.clear()
    else:
        _INDEXES.pop(_root(G), None)


def entity(G: nx.MultiDiGraph, node: Hashable) -> Entity:
    """The :class:`Entity` (id, display name, type) of a node or name.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("超级对齐团队", name="超級對齊團隊", type="ORG", aliases=["超级对齐团队", "超級對齊團隊"])
    >>> entity(G, "超级对齐团队")
    Entity(id='超级对齐团队', name='超級對齊團隊', type='ORG')
    """
    node = _node(G, node)
    attrs = G.nodes[node]
    return Entity(id=str(node), name=str(attrs.get("name") or node), type=str(attrs.get("type") or "OTHER"))


def _name(G: nx.MultiDiGraph, node: Hashable) -> str:
    return str(G.nodes[node].get("name") or node)


def _mentions(G: nx.MultiDiGraph, node: Hashable) -> int:
    value = G.nodes[node].get("mentions")
    return int(value) if isinstance(value, (int, float)) else 0


def _node(G: nx.MultiDiGraph, name: Any) -> Hashable:
    try:
        if name in G:
            return name
    except TypeError:
        pass
    return resolve(G, name)


def resolve(G: nx.MultiDiGraph, name: str) -> Hashable:
    """Return the node meant by ``name``.

    Tried in order, stopping at the first step that finds anything:

    1. the node id itself;
    2. a node whose id or display name normalises (:func:`normalize_name`)
       to the same key, so any script and spacing works;
    3. a node with an alias that normalises to the same key;
    4. a node with a name or alias containing all the words of ``name``
       ("Ilya" → "Ilya Sutskever", "Leike" → "Jan Leike"); failing that,
       one with a name or alias whose words are all in ``name``, including
       its last word ("Geoffrey Hinton" → "Hinton", but not → "Geoffrey");
    5. a Latin ``name`` equal to the toneless pinyin of a Chinese name
       ("Aoteman" → 奥特曼);
    6. a node with a name or alias containing ``name`` (at least 2
       characters, 3 for Latin): "超级对齐" → "超级对齐团队";
    7. a single node with a name or alias within a typo of ``name``
       (rapidfuzz ratio ≥ 90, at least 5 characters).

    Parameters
    ----------
    G : networkx.MultiDiGraph
    name : str
        Any name or alias, in Simplified, Traditional or Latin script.

    Returns
    -------
    node

    Raises
    ------
    GuanxiError
        If the step that finds something finds more than one entity (the
        message lists the candidates), or if nothing matches (the message
        lists the closest names).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Sam Altman", name="Sam Altman", type="PERSON", aliases=["Altman", "奥特曼", "奧特曼"])
    >>> G.add_node("Jan Leike", name="Jan Leike", type="PERSON", aliases=["Jan Leike"])
    >>> G.add_node("Jan Hammer", name="Jan Hammer", type="PERSON", aliases=[])
    >>> resolve(G, "奧特曼"), resolve(G, "ALTMAN"), resolve(G, "Leike")
    ('Sam Altman', 'Sam Altman', 'Jan Leike')
    >>> resolve(G, "Jan")
    Traceback (most recent call last):
    ...
    guanxi.errors.GuanxiError: 'Jan' is ambiguous. Candidates: Jan Hammer (PERSON), Jan Leike (PERSON)
    >>> resolve(G, "Sam Altmann")
    'Sam Altman'
    >>> resolve(G, "Leiki")
    Traceback (most recent call last):
    ...
    guanxi.errors.GuanxiError: No entity matches 'Leiki'. Closest: Jan Leike, Jan Hammer, Sam Altman
    """
    nodes = _candidates(G, name)
    if len(nodes) == 1:
        return nodes[0]
    if nodes:
        raise GuanxiError(Errors.E017.format(name=name, choices=_format_candidates(G, nodes)))
    raise GuanxiError(Errors.E016.format(name=name, choices=", ".join(_closest(G, name)) or "(graph is empty)"))


def _candidates(G: nx.MultiDiGraph, name: str) -> list[Hashable]:
    """The nodes matched by the first successful step of :func:`resolve`."""
    try:
        if name in G:
            return [name]
    except TypeError:
        pass
    key = normalize_name(name)
    if not key:
        return []
    index = _index(G)
    present = G.__contains__
    # 2, 3: exact keys; id/name beats alias
    entries = [(n, tier) for n, tier, _ in index.exact.get(key, ()) if present(n)]
    if entries:
        best = min(tier for _, tier in entries)
        return _unique(n for n, tier in entries if tier == best)
    # 4: word containment, both ways
    query_tokens = _tokens(name)
    if query_tokens:
        found = _token_matches(G, index, set(query_tokens), query_tokens[-1])
        if found:
            return found
    # 5: pinyin
    if key.isascii() and key.isalpha():
        py_exact, _, py_owners, _ = index.pinyin()
        found = _unique(n for i in py_exact.get(key, ()) if present(n := py_owners[i]))
        if found:
            return found
    # 6: substring
    if len(key) >= (3 if key.isascii() else 2):
        found = _unique(n for i in index.substring(key) if present(n := index.owners[i]))
        if found:
            return found
    # 7: a unique near-miss (typo)
    if len(key) >= 5:
        from rapidfuzz import fuzz, process

        hits = process.extract(key, index.keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_ACCEPT, limit=20)
        found = _unique(n for _, _, i in hits if present(n := index.owners[i]))
        if len(found) == 1:
            return found
    return []


def _token_matches(G: nx.MultiDiGraph, index: _Index, query: set[str], last: str | None = None) -> list[Hashable]:
    present = G.__contains__
    # every query word in one form of the node ("Ilya" in "Ilya Sutskever")
    candidates: set[Hashable] | None = None
    for token in query:
        nodes = set(index.tokens.get(token, ()))
        for n, _, _ in index.exact.get(token, ()):  # single-word forms are only in `exact`
            nodes.add(n)
        candidates = nodes if candidates is None else candidates & nodes
        if not candidates:
            break
    found = [n for n in candidates or () if present(n) and any(query <= set(_tokens(f)) for f in _forms(G, n))]
    if found or len(query) < 2:
        return sorted(found, key=lambda n: (-_mentions(G, n), _name(G, n)))
    # every word of one form of the node in the query, including the query's last
    # word, the family name in Latin order ("Geoffrey Hinton" -> "Hinton", not "Geoffrey")
    if last is None:
        return []
    candidates = set(index.tokens.get(last, ()))
    candidates.update(n for n, _, _ in index.exact.get(last, ()))
    found = [
        n
        for n in candidates
        if present(n) and any(last in (t := set(_tokens(f))) and t <= query for f in _forms(G, n))
    ]
    return sorted(found, key=lambda n: (-_mentions(G, n), _name(G, n)))


def _unique(nodes: Iterable[Hashable]) -> list[Hashable]:
    return list(dict.fromkeys(nodes))


def _format_candidates(G: nx.MultiDiGraph, nodes: list[Hashable]) -> str:
    ranked = sorted(nodes, key=lambda n: (-_mentions(G, n), _name(G, n)))
    shown = [f"{_name(G, n)} ({G.nodes[n].get('type') or 'OTHER'})" for n in ranked[:_MAX_CHOICES]]
    if len(ranked) > _MAX_CHOICES:
        shown.append(f"and {len(ranked) - _MAX_CHOICES} more")
    return ", ".join(shown)


def _closest(G: nx.MultiDiGraph, name: str, limit: int = _MAX_SUGGESTIONS) -> list[str]:
    """Display names of the nodes whose names or aliases are closest to ``name``."""
    from rapidfuzz import fuzz, process

    key = normalize_name(name)
    index = _index(G)
    if not key or not index.keys:
        return []
    # candidates by plain edit similarity (fast), ranked by WRatio (also rewards partial matches)
    hits = process.extract(key, index.keys, scorer=fuzz.ratio, limit=limit * 8)
    hits.sort(key=lambda h: (-fuzz.WRatio(key, h[0]), -h[1]))
    names: list[str] = []
    seen: set[Hashable] = set()
    for _, _, i in hits:
        node = index.owners[i]
        if node in seen or node not in G:
            continue
        seen.add(node)
        names.append(_name(G, node))
        if len(names) == limit:
            break
    return names


def search(G: nx.MultiDiGraph, text: str, *, limit: int = 10, types: Iterable[str] | None = None) -> list[Match]:
    """Find entities by any name or alias, best first.

    Exact keys score 100, names containing every word of ``text`` 95, the
    pinyin of a Chinese name typed in Latin 95, names containing ``text``
    80–95 (more for a closer fit), then near spellings of names and of their
    pinyin (rapidfuzz ``ratio``, at least 60, counted at most 90).

    Parameters
    ----------
    G : networkx.MultiDiGraph
    text : str
        Part of a name, in any script or in pinyin.
    limit : int, default 10
        Most rows returned.
    types : iterable of str, optional
        Keep only entities of these types ("PERSON", "ORG", ...).

    Returns
    -------
    list of Match

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Sam Altman", name="Sam Altman", type="PERSON", aliases=["Altman", "奥特曼", "奧特曼"])
    >>> G.add_node("OpenAI", name="OpenAI", type="ORG", aliases=["OpenAI"])
    >>> [(m.name, m.alias, m.score) for m in search(G, "奧特")]
    [('Sam Altman', '奥特曼', 90.0)]
    >>> [(m.name, m.alias) for m in search(G, "aoteman")]
    [('Sam Altman', '奥特曼')]
    """
    if limit < 1:
        raise GuanxiError(Errors.E205.format(option="limit", rule="at least 1", value=limit))
    wanted = _check_types(types)
    key = normalize_name(text)
    index = _index(G)
    best: dict[Hashable, tuple[float, str]] = {}

    def offer(node: Hashable, score: float, form: str) -> None:
        if node not in G or (wanted and G.nodes[node].get("type") not in wanted):
            return
        if node not in best or score > best[node][0]:
            best[node] = (round(score, 2), form)

    if key:
        for node, _, form in index.exact.get(key, ()):
            offer(node, 100.0, text if text in _forms(G, node) else form)
        words = _tokens(text)
        tokens = set(words)
        if tokens:
            for node in _token_matches(G, index, tokens, words[-1]):
                offer(node, 95.0, _form_for(G, index, node, None, tokens, raw=text))
        if key.isascii() and key.isalpha():
            py_exact, _, py_owners, py_forms = index.pinyin()
            for i in py_exact.get(key, ()):
                offer(py_owners[i], 95.0, py_forms[i])
        if len(key) >= 2 or not key.isascii():
            for i in index.substring(key, limit=max(1000, limit * 20)):
                offer(index.owners[i], 80.0 + 15.0 * len(key) / len(index.keys[i]), index.forms[i])
        if len(best) < limit:
            from rapidfuzz import fuzz, process

            pools = [(index.keys, index.owners, index.forms)]
            if key.isascii() and key.isalpha():
                _, py_keys, py_owners, py_forms = index.pinyin()
                pools.append((py_keys, py_owners, py_forms))
            for keys, owners, forms_ in pools:
                for _, score, i in process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=60, limit=limit * 10):
                    offer(owners[i], min(float(score), 90.0), forms_[i])
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], -_mentions(G, item[0]), _name(G, item[0])))
    rows = []
    for node, (score, form) in ranked[:limit]:
        attrs = G.nodes[node]
        rows.append(
            Match(
                id=str(node),
                name=_name(G, node),
                type=str(attrs.get("type") or "OTHER"),
                alias=form,
                score=score,
                mentions=_mentions(G, node),
            )
        )
    return rows


def _form_for(G, index, node, key=None, tokens=None, raw=None) -> str:
    """The original spelling of the form of ``node`` that matched (``raw`` itself if it is one)."""
    forms = _forms(G, node)
    if raw is not None and raw in forms:
        return raw
    for form in forms:
        if key is not None and normalize_name(form) == key:
            return form
        if tokens is not None and (tokens <= set(_tokens(form)) or set(_tokens(form)) <= tokens):
            return form
    return _name(G, node)


# --------------------------------------------------------------------------- filters

_ISO_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_ZH_DATE = re.compile(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?")
_LOOSE_DATE = re.compile(r"(?<!\d)(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?)?")


def _iso(year: str, month: str | None, day: str | None) -> str:
    datetime.date(int(year), int(month or 1), int(day or 1))  # ValueError if impossible
    text = year
    if month:
        text += f"-{int(month):02d}"
        if day:
            text += f"-{int(day):02d}"
    return text


def parse_date(value: str) -> str:
    """Normalise a date given by the user to an ISO prefix.

    Accepts ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (also with ``/`` or ``.``,
    one-digit months and days) and ``YYYY年MM月DD日``.

    Raises
    ------
    GuanxiError
        If ``value`` is not such a date.

    Examples
    --------
    >>> parse_date("2023"), parse_date("2023-5"), parse_date("2023年11月"), parse_date("2024/05/17")
    ('2023', '2023-05', '2023-11', '2024-05-17')
    >>> parse_date("2023-13")
    Traceback (most recent call last):
    ...
    guanxi.errors.GuanxiError: Bad date '2023-13': expected YYYY, YYYY-MM or YYYY-MM-DD
    """
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = _ISO_DATE.fullmatch(text) or _ZH_DATE.fullmatch(text)
    if match:
        try:
            return _iso(*match.groups())
        except ValueError:
            pass
    raise GuanxiError(Errors.E201.format(value=value))


@functools.lru_cache(maxsize=4096)
def _loose_date(text: str) -> str | None:
    """The ISO prefix of the first date in ``text`` ("2023年11月" -> "2023-11"), else None."""
    match = _LOOSE_DATE.search(unicodedata.normalize("NFKC", text))
    if not match:
        return None
    year, month, day = match.groups()
    for parts in ((year, month, day), (year, month, None), (year, None, None)):
        try:
            return _iso(*parts)
        except ValueError:
            continue
    return None


def _article_date(G: nx.MultiDiGraph, ev: dict) -> str | None:
    doc = (G.graph.get("documents") or {}).get(ev.get("doc"))
    date = doc.get("date") if isinstance(doc, dict) else None
    return date or ev.get("date")


def _evidence_date(G: nx.MultiDiGraph, ev: dict) -> str | None:
    """Date used by ``since``/``until``: the article's date, else the extracted time."""
    for value in (_article_date(G, ev), ev.get("time")):
        if value:
            date = _loose_date(str(value))
            if date:
                return date
    return None


def _after(date: str, since: str) -> bool:
    n = min(len(date), len(since))
    return date[:n] >= since[:n]


def _before(date: str, until: str) -> bool:
    n = min(len(date), len(until))
    return date[:n] <= until[:n]


def filter_graph(
    G: nx.MultiDiGraph,
    *,
    docs: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
) -> nx.MultiDiGraph:
    """Keep the edges with at least one evidence item that passes every filter.

    Every node is kept (so names resolve the same way). A kept edge carries
    only the evidence that passes, with ``count`` and ``confidence`` updated.
    Dates compare as ISO prefixes, so ``since="2023"`` keeps evidence dated
    "2023-11" and an article of "2023" passes ``until="2023-05"``. Evidence
    without any date (article date or extracted ``time``) does not pass
    ``since``/``until``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    docs : iterable of str, optional
        Document ids (keys of ``G.graph["documents"]``).
    since, until : str, optional
        Inclusive bounds, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
    min_confidence : float, optional
        Lowest evidence confidence, 0..1.

    Returns
    -------
    networkx.MultiDiGraph
        ``G`` itself when no filter is given, else a new graph sharing node
        attribute values with ``G``.

    Raises
    ------
    GuanxiError
        For an unknown document, a malformed date or a confidence outside 0..1.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(documents={"a.txt": {"date": "2024-05-18"}, "b.txt": {"date": None}})
    >>> G.add_edge("Jan Leike", "OpenAI", "resigned_from", relation="resigned_from",
    ...            evidence=[{"doc": "a.txt", "sentence": "Jan Leike辞职。", "confidence": 0.6}])
    'resigned_from'
    >>> G.add_edge("Daniel Kokotajlo", "OpenAI", "joined", relation="joined",
    ...            evidence=[{"doc": "b.txt", "sentence": "DK哥在2022年加入OpenAI", "time": "2022", "confidence": 0.7}])
    'joined'
    >>> list(filter_graph(G, until="2023").edges(keys=True))
    [('Daniel Kokotajlo', 'OpenAI', 'joined')]
    >>> list(filter_graph(G, docs=["a.txt"]).edges(keys=True))
    [('Jan Leike', 'OpenAI', 'resigned_from')]
    >>> filter_graph(G) is G
    True
    """
    if docs is not None and not isinstance(docs, (list, tuple, set, frozenset)):
        docs = [docs] if isinstance(docs, str) else list(docs)
    if not docs and since is None and until is None and min_confidence is None:
        return G
    doc_set = _check_docs(G, docs) if docs else None
    since = parse_date(since) if since is not None else None
    until = parse_date(until) if until is not None else None
    if min_confidence is not None:
        if not isinstance(min_confidence, (int, float)) or not 0 <= min_confidence <= 1:
            raise GuanxiError(Errors.E205.format(option="min_confidence", rule="between 0 and 1", value=min_confidence))

    def passes(ev: dict, edge_confidence: Any) -> bool:
        if doc_set is not None and ev.get("doc") not in doc_set:
            return False
        if min_confidence is not None:
            conf = ev.get("confidence", edge_confidence)
            if not isinstance(conf, (int, float)) or conf < min_confidence:
                return False
        if since is not None or until is not None:
            date = _evidence_date(G, ev)
            if date is None or (since and not _after(date, since)) or (until and not _before(date, until)):
                return False
        return True

    with _gc_paused():
        H = _filtered_copy(G, passes)
    _PARENTS[H] = _root(G)
    return H


def _filtered_copy(G: nx.MultiDiGraph, passes) -> nx.MultiDiGraph:
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    for u, v, key, data in G.edges(keys=True, data=True):
        kept = [ev for ev in data.get("evidence") or () if isinstance(ev, dict) and passes(ev, data.get("confidence"))]
        if not kept:
            continue
        attrs = dict(data)
        attrs["evidence"] = kept
        attrs["count"] = len(kept)
        confidences = [ev["confidence"] for ev in kept if isinstance(ev.get("confidence"), (int, float))]
        if confidences:
            attrs["confidence"] = max(confidences)
        H.add_edge(u, v, key=key, **attrs)
    return H


def _check_docs(G: nx.MultiDiGraph, docs: Iterable[str]) -> set[str]:
    known = G.graph.get("documents") or {}
    docs = set(docs)
    if known:
        for doc in sorted(docs):
            if doc not in known:
                choices = ", ".join(sorted(known)[:20]) + (", ..." if len(known) > 20 else "")
                raise GuanxiError(Errors.E202.format(name=doc, choices=choices))
    return docs


def _relation_key(text: str) -> str:
    s = unicodedata.normalize("NFKC", str(text)).strip()
    if not s.isascii():
        s = _converter().convert(s)
    return re.sub(r"[\s\-]+", "_", s.casefold())


def _check_relations(G: nx.MultiDiGraph, relations: Iterable[str] | str | None) -> frozenset[str] | None:
    """Relation names for ``relations`` given by name, English or Chinese label; None for all."""
    if relations is None:
        return None
    if isinstance(relations, str):
        relations = [relations]
    relations = list(relations)
    if not relations:
        return None
    table = _index(G).relations()
    names = set()
    for rel in relations:
        name = table.get(_relation_key(rel))
        if name is None:
            present = sorted(set(table.values()))
            raise GuanxiError(Errors.E012.format(name=rel, choices=", ".join(present)))
        names.add(name)
    return frozenset(names)


def _check_types(types: Iterable[str] | str | None) -> frozenset[str] | None:
    if types is None:
        return None
    if isinstance(types, str):
        types = [types]
    wanted = set()
    for t in types:
        name = str(t).strip().upper()
        if name not in ENTITY_TYPES:
            raise GuanxiError(Errors.E013.format(name=t, choices=", ".join(ENTITY_TYPES)))
        wanted.add(name)
    return frozenset(wanted) or None


def _check_positive(option: str, value: Any, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise GuanxiError(Errors.E205.format(option=option, rule=f"an integer ≥ {minimum}", value=value))
    return value


# --------------------------------------------------------------------------- edges


def _relation(key: Hashable, data: dict) -> str:
    return str(data.get("relation") or key)


def _count(data: dict) -> int:
    count = data.get("count")
    if isinstance(count, int) and not isinstance(count, bool):
        return count
    return len(data.get("evidence") or ()) or 1


def _confidence(data: dict) -> float | None:
    conf = data.get("confidence")
    if isinstance(conf, (int, float)) and not isinstance(conf, bool):
        return float(conf)
    values = [ev.get("confidence") for ev in data.get("evidence") or () if isinstance(ev, dict)]
    values = [float(c) for c in values if isinstance(c, (int, float))]
    return max(values) if values else None


def _evidence(G: nx.MultiDiGraph, ev: dict, edge_confidence: float | None) -> Evidence:
    conf = ev.get("confidence", edge_confidence)
    index = ev.get("sentence_index")
    return Evidence(
        sentence=str(ev.get("sentence") or ""),
        doc=ev.get("doc"),
        date=_article_date(G, ev),
        time=ev.get("time"),
        confidence=float(conf) if isinstance(conf, (int, float)) else None,
        relation_label=ev.get("relation_label"),
        subject_text=ev.get("subject_text"),
        object_text=ev.get("object_text"),
        modality=ev.get("modality"),
        extractor=ev.get("extractor"),
        sentence_index=index if isinstance(index, int) else None,
    )


def _best_evidence(G: nx.MultiDiGraph, data: dict) -> Evidence | None:
    items = [ev for ev in data.get("evidence") or () if isinstance(ev, dict)]
    if not items:
        return None
    edge_conf = _confidence(data)
    best = max(items, key=lambda ev: ev.get("confidence") if isinstance(ev.get("confidence"), (int, float)) else -1)
    return _evidence(G, best, edge_conf)


def _incident(H: nx.MultiDiGraph, u: Hashable, rels: frozenset[str] | None) -> Iterator[tuple[Hashable, str, str, dict]]:
    """(neighbour, relation, direction seen from u, edge data) for every edge at ``u``."""
    for v, keydict in H._succ[u].items():
        for key, data in keydict.items():
            rel = _relation(key, data)
            if rels is None or rel in rels:
                yield v, rel, "both" if data.get("symmetric") else "out", data
    for v, keydict in H._pred[u].items():
        for key, data in keydict.items():
            rel = _relation(key, data)
            if rels is None or rel in rels:
                yield v, rel, "both" if data.get("symmetric") else "in", data


def _adjacent(H: nx.MultiDiGraph, u: Hashable, rels: frozenset[str] | None) -> Iterable[Hashable]:
    if rels is None:
        succ, pred = H._succ[u], H._pred[u]
        if not pred:
            return succ
        if not succ:
            return pred
        out = dict(succ)
        out.update(pred)
        return out
    return dict.fromkeys(v for v, _, _, _ in _incident(H, u, rels))


# --------------------------------------------------------------------------- queries


def neighbors(
    G: nx.MultiDiGraph,
    node: Hashable,
    *,
    relations: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
    depth: int = 1,
    docs: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
) -> list[Neighbor]:
    """Who is connected to ``node``, directly or within ``depth`` hops.

    Edges are followed in both directions. A row is one (neighbour, relation,
    direction) as seen from ``via``, the entity one hop closer to ``node``;
    an entity first reached at depth *d* is listed with every edge that
    links it to an entity at depth *d* − 1.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    node : node or str
        A node id or any name (see :func:`resolve`).
    relations : iterable of str, optional
        Follow only these relations (names, or English / Chinese labels).
    types : iterable of str, optional
        List only neighbours of these entity types (others are still passed through).
    depth : int, default 1
        Largest number of hops.
    docs, since, until, min_confidence
        See :func:`filter_graph`.

    Returns
    -------
    list of Neighbor
        Sorted by depth, then evidence count (most first), then name.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Sam Altman", name="Sam Altman", type="PERSON", aliases=["奥特曼", "奧特曼"])
    >>> G.add_node("Jan Leike", name="Jan Leike", type="PERSON", aliases=[])
    >>> G.add_node("OpenAI", name="OpenAI", type="ORG", aliases=[])
    >>> G.add_edge("Sam Altman", "Jan Leike", "thanked", relation="thanked", count=2)
    'thanked'
    >>> G.add_edge("Jan Leike", "OpenAI", "resigned_from", relation="resigned_from", count=1)
    'resigned_from'
    >>> for row in neighbors(G, "Jan Leike"):
    ...     print(row.name, row.relation, row.direction, row.count)
    Sam Altman thanked in 2
    OpenAI resigned_from out 1
    >>> [(r.name, r.depth, r.via) for r in neighbors(G, "奥特曼", depth=2, types=["ORG"])]
    [('OpenAI', 2, 'Jan Leike')]
    """
    depth = _check_positive("depth", depth)
    rels = _check_relations(G, relations)
    wanted = _check_types(types)
    start = _node(G, node)
    H = filter_graph(G, docs=docs, since=since, until=until, min_confidence=min_confidence)
    dist = {start: 0}
    frontier = [start]
    rows: dict[tuple, list] = {}
    for d in range(1, depth + 1):
        nxt = []
        for u in frontier:
            for v, rel, direction, data in _incident(H, u, rels):
                seen = dist.get(v)
                if seen is None:
                    dist[v] = d
                    nxt.append(v)
                elif seen != d:
                    continue
                if wanted and H.nodes[v].get("type") not in wanted:
                    continue
                row = rows.get((v, rel, direction, u))
                conf = _confidence(data)
                if row is None:
                    rows[(v, rel, direction, u)] = [_count(data), conf, d]
                else:
                    row[0] += _count(data)
                    if conf is not None and (row[1] is None or conf > row[1]):
                        row[1] = conf
        frontier = nxt
        if not frontier:
            break
    out = [
        Neighbor(
            id=str(v),
            name=_name(H, v),
            type=str(H.nodes[v].get("type") or "OTHER"),
            relation=rel,
            direction=direction,
            count=count,
            confidence=conf,
            depth=d,
            via=_name(H, u),
            via_id=str(u),
        )
        for (v, rel, direction, u), (count, conf, d) in rows.items()
    ]
    out.sort(key=lambda r: (r.depth, -r.count, r.name, r.relation, r.direction))
    return out


def _bidirectional_bfs(H, a, b, max_len, rels):
    """Predecessor maps and meeting nodes of all shortest a–b paths of at most ``max_len`` hops."""
    pred_a: dict[Hashable, list] = {a: []}
    pred_b: dict[Hashable, list] = {b: []}
    front_a, front_b = [a], [b]
    depth_a = depth_b = 0
    while front_a and front_b and depth_a + depth_b < max_len:
        forward = len(front_a) <= len(front_b)
        front, pred, other = (front_a, pred_a, pred_b) if forward else (front_b, pred_b, pred_a)
        level: dict[Hashable, list] = {}
        for u in front:
            for v in _adjacent(H, u, rels):
                if v in pred:
                    continue
                preds = level.get(v)
                if preds is None:
                    level[v] = [u]
                else:
                    preds.append(u)
        pred.update(level)
        meet = [v for v in level if v in other]
        if forward:
            depth_a += 1
            front_a = list(level)
        else:
            depth_b += 1
            front_b = list(level)
        if meet:
            return pred_a, pred_b, meet
    return pred_a, pred_b, []


def _walk(pred: dict, node: Hashable) -> Iterator[list]:
    """All paths root → node through a predecessor map."""
    if not pred[node]:
        yield [node]
        return
    for p in pred[node]:
        for path in _walk(pred, p):
            path.append(node)
            yield path


def _hop(H: nx.MultiDiGraph, u: Hashable, v: Hashable, rels: frozenset[str] | None) -> Hop:
    """The strongest edge between u and v (either direction), as a hop u → v."""
    best = None
    for src, dst, direction in ((u, v, "out"), (v, u, "in")):
        for key, data in H._succ[src].get(dst, {}).items():
            rel = _relation(key, data)
            if rels is not None and rel not in rels:
                continue
            conf = _confidence(data)
            rank = (conf if conf is not None else -1.0, _count(data), direction == "out")
            if best is None or rank > best[0]:
                best = (rank, rel, "both" if data.get("symmetric") else direction, data)
    _, rel, direction, data = best
    return Hop(
        source=_name(H, u),
        source_id=str(u),
        relation=rel,
        target=_name(H, v),
        target_id=str(v),
        direction=direction,
        label_en=data.get("label_en"),
        label_zh=data.get("label_zh"),
        count=_count(data),
        confidence=_confidence(data),
        evidence=_best_evidence(H, data),
    )


def _path(H, nodes, rels) -> Path:
    hops = tuple(_hop(H, u, v, rels) for u, v in zip(nodes, nodes[1:]))
    return Path(
        length=len(hops),
        nodes=tuple(_name(H, n) for n in nodes),
        node_ids=tuple(str(n) for n in nodes),
        hops=hops,
    )


def shortest_paths(
    G: nx.MultiDiGraph,
    a: Hashable,
    b: Hashable,
    *,
    max_len: int = 6,
    all_paths: bool = False,
    limit: int = 100,
    relations: Iterable[str] | None = None,
    docs: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
) -> list[Path]:
    """The shortest connection(s) between two entities, each hop with evidence.

    Connectivity ignores edge direction; each :class:`Hop` reports the true
    direction of its edge. When two entities are linked by several edges,
    the hop shows the most confident one. Uses a bidirectional breadth-first
    search that stops after ``max_len`` hops.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    a, b : node or str
        Node ids or any names (see :func:`resolve`).
    max_len : int, default 6
        Longest connection searched for, in hops.
    all_paths : bool, default False
        Return every shortest connection (up to ``limit``) instead of one.
        The single connection returned otherwise is the one whose weakest
        hop is the most confident (then with the most evidence).
    limit : int, default 100
        Most connections returned with ``all_paths``.
    relations : iterable of str, optional
        Follow only these relations.
    docs, since, until, min_confidence
        See :func:`filter_graph`.

    Returns
    -------
    list of Path
        Empty if there is no connection of at most ``max_len`` hops.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("Geoffrey Hinton", "Ilya Sutskever", "teacher_of", relation="teacher_of",
    ...            evidence=[{"doc": "b.txt", "sentence": "Ilya的老師Hinton說", "confidence": 0.7}])
    'teacher_of'
    >>> G.add_edge("Ilya Sutskever", "超级对齐团队", "leads", relation="leads",
    ...            evidence=[{"doc": "b.txt", "sentence": "Ilya一直遠程共同領導着超級對齊團隊。", "confidence": 0.6}])
    'leads'
    >>> G.add_edge("John Schulman", "超级对齐团队", "took_over", relation="took_over",
    ...            evidence=[{"doc": "b.txt", "sentence": "John Schulma來接手", "confidence": 0.6}])
    'took_over'
    >>> [path] = shortest_paths(G, "Geoffrey Hinton", "John Schulman")
    >>> [(h.source, h.relation, h.direction, h.target) for h in path.hops]  # doctest: +NORMALIZE_WHITESPACE
    [('Geoffrey Hinton', 'teacher_of', 'out', 'Ilya Sutskever'),
     ('Ilya Sutskever', 'leads', 'out', '超级对齐团队'),
     ('超级对齐团队', 'took_over', 'in', 'John Schulman')]
    >>> path.hops[2].evidence.sentence
    'John Schulma來接手'
    >>> shortest_paths(G, "Geoffrey Hinton", "John Schulman", max_len=2)
    []
    """
    max_len = _check_positive("max_len", max_len)
    limit = _check_positive("limit", limit)
    rels = _check_relations(G, relations)
    source, target = _node(G, a), _node(G, b)
    H = filter_graph(G, docs=docs, since=since, until=until, min_confidence=min_confidence)
    if source == target:
        return [_path(H, [source], rels)]
    pred_a, pred_b, meet = _bidirectional_bfs(H, source, target, max_len, rels)
    wanted = limit if all_paths else 50
    node_paths: list[list] = []
    for m in meet:
        for head in _walk(pred_a, m):
            for tail in _walk(pred_b, m):
                node_paths.append(head + tail[-2::-1])
                if len(node_paths) >= wanted:
                    break
            if len(node_paths) >= wanted:
                break
        if len(node_paths) >= wanted:
            break
    paths = [_path(H, nodes, rels) for nodes in node_paths]
    if all_paths:
        return paths
    if not paths:
        return []

    def strength(path: Path) -> tuple:
        confs = [h.confidence if h.confidence is not None else 0.0 for h in path.hops]
        return (min(confs), sum(h.count for h in path.hops))

    return [max(paths, key=strength)]


def between(
    G: nx.MultiDiGraph,
    a: Hashable,
    b: Hashable,
    *,
    relations: Iterable[str] | None = None,
    docs: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
) -> list[Relation]:
    """Every direct relation between two entities, both directions, with all evidence.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    a, b : node or str
        Node ids or any names; ``direction`` in the result is seen from ``a``.
    relations : iterable of str, optional
        Only these relations.
    docs, since, until, min_confidence
        See :func:`filter_graph`.

    Returns
    -------
    list of Relation
        Edges a → b first, then b → a; each by evidence count (most first).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("Ilya Sutskever", "OpenAI", "resigned_from", relation="resigned_from",
    ...            evidence=[{"doc": "b.txt", "sentence": "Ilya的辭職加劇了OpenAI近期的離職潮。"}])
    'resigned_from'
    >>> G.add_edge("Ilya Sutskever", "OpenAI", "works_for", relation="works_for",
    ...            evidence=[{"doc": "a.txt", "sentence": "前首席科学家Ilya Sutskever"}])
    'works_for'
    >>> [(r.relation, r.direction, r.evidence[0].sentence) for r in between(G, "OpenAI", "Ilya Sutskever")]
    [('resigned_from', 'in', 'Ilya的辭職加劇了OpenAI近期的離職潮。'), ('works_for', 'in', '前首席科学家Ilya Sutskever')]
    """
    rels = _check_relations(G, relations)
    source, target = _node(G, a), _node(G, b)
    H = filter_graph(G, docs=docs, since=since, until=until, min_confidence=min_confidence)
    rows = []
    pairs = [(source, target, "out")] + ([(target, source, "in")] if source != target else [])
    for order, (u, v, direction) in enumerate(pairs):
        for key, data in H._succ[u].get(v, {}).items():
            rel = _relation(key, data)
            if rels is None or rel in rels:
                rows.append((order, _edge_row(H, u, v, rel, data, direction)))
    rows.sort(key=lambda item: (item[0], -item[1].count, item[1].relation))
    return [row for _, row in rows]


def _edge_row(H: nx.MultiDiGraph, u: Hashable, v: Hashable, rel: str, data: dict, direction: str) -> Relation:
    conf = _confidence(data)
    evidence = tuple(_evidence(H, ev, conf) for ev in data.get("evidence") or () if isinstance(ev, dict))
    return Relation(
        source=_name(H, u),
        source_id=str(u),
        relation=rel,
        target=_name(H, v),
        target_id=str(v),
        direction="both" if data.get("symmetric") else direction,
        label_en=data.get("label_en"),
        label_zh=data.get("label_zh"),
        symmetric=bool(data.get("symmetric")),
        count=_count(data),
        confidence=conf,
        evidence=evidence,
    )


def _pagerank(H: nx.MultiDiGraph, alpha: float = 0.85, max_iter: int = 100, tol: float = 1.0e-6) -> dict:
    """PageRank over the multigraph (parallel edges add weight; symmetric edges go both ways)."""
    out: dict[Hashable, dict[Hashable, float]] = {n: {} for n in H}
    for u, v, data in H.edges(data=True):
        if u == v:
            continue
        out[u][v] = out[u].get(v, 0.0) + 1.0
        if data.get("symmetric"):
            out[v][u] = out[v].get(u, 0.0) + 1.0
    if importlib.util.find_spec("scipy") is not None:  # networkx's fast implementation needs scipy
        D = nx.DiGraph()
        D.add_nodes_from(H)
        D.add_weighted_edges_from((u, v, w) for u, nbrs in out.items() for v, w in nbrs.items())
        return nx.pagerank(D, alpha=alpha, max_iter=max_iter, tol=tol)
    n = len(out)
    if n == 0:
        return {}
    totals = {u: sum(nbrs.values()) for u, nbrs in out.items()}
    rank = dict.fromkeys(out, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u, t in totals.items() if t == 0) / n
        new = dict.fromkeys(out, (1.0 - alpha) / n + dangling)
        for u, nbrs in out.items():
            t = totals[u]
            if t:
                share = alpha * rank[u] / t
                for v, w in nbrs.items():
                    new[v] += share * w
        err = sum(abs(new[x] - rank[x]) for x in out)
        rank = new
        if err < n * tol:
            break
    return rank


def top(
    G: nx.MultiDiGraph,
    *,
    by: str = "degree",
    types: Iterable[str] | None = None,
    n: int = 10,
    relations: Iterable[str] | None = None,
    docs: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
) -> list[Ranked]:
    """The most connected entities.

    Entities without any (kept) edge are never listed.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    by : {"degree", "pagerank", "betweenness"}, default "degree"
        ``degree``: edges in + out (each relation counts). ``pagerank``:
        PageRank along edge direction, symmetric relations both ways.
        ``betweenness``: betweenness centrality ignoring direction; on
        graphs of more than 2,000 entities it is estimated from 256 sampled
        sources (seed 0).
    types : iterable of str, optional
        Rank only entities of these types (scores use the whole graph).
    n : int, default 10
        Number of rows.
    relations : iterable of str, optional
        Count only these relations.
    docs, since, until, min_confidence
        See :func:`filter_graph`.

    Returns
    -------
    list of Ranked

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edges_from([("Jan Leike", "OpenAI", "resigned_from"), ("Ilya Sutskever", "OpenAI", "resigned_from"),
    ...                   ("Ilya Sutskever", "OpenAI", "works_for")])
    ['resigned_from', 'resigned_from', 'works_for']
    >>> [(r.rank, r.name, r.score) for r in top(G, n=2)]
    [(1, 'OpenAI', 3), (2, 'Ilya Sutskever', 2)]
    >>> top(G, by="betweenness", n=1)[0].name
    'OpenAI'
    """
    if by not in MEASURES:
        raise GuanxiError(Errors.E203.format(name=by, choices=", ".join(MEASURES)))
    n = _check_positive("n", n)
    wanted = _check_types(types)
    rels = _check_relations(G, relations)
    H = filter_graph(G, docs=docs, since=since, until=until, min_confidence=min_confidence)
    if rels is not None:
        F = H
        H = nx.subgraph_view(F, filter_edge=lambda u, v, k: _relation(k, F._succ[u][v][k]) in rels)
    degree = dict(H.degree())
    candidates = [x for x, d in degree.items() if d > 0 and (not wanted or H.nodes[x].get("type") in wanted)]
    if by == "degree":
        scores: dict = degree
    elif by == "pagerank":
        scores = _pagerank(H)
    else:
        U = nx.Graph()
        U.add_nodes_from(x for x, d in degree.items() if d > 0)
        U.add_edges_from((u, v) for u, v in H.edges() if u != v)
        k = _BETWEENNESS_SAMPLES if len(U) > _BETWEENNESS_EXACT_MAX else None
        scores = nx.betweenness_centrality(U, k=k, seed=0)
    ranked = sorted(candidates, key=lambda x: (-scores.get(x, 0), -degree[x], _name(H, x)))[:n]
    return [
        Ranked(
            rank=i,
            id=str(x),
            name=_name(H, x),
            type=str(H.nodes[x].get("type") or "OTHER"),
            score=scores.get(x, 0) if by == "degree" else round(float(scores.get(x, 0.0)), 6),
            degree=degree[x],
        )
        for i, x in enumerate(ranked, 1)
    ]


def relation_counts(
    G: nx.MultiDiGraph,
    *,
    relations: Iterable[str] | None = None,
    docs: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
) -> list[RelationCount]:
    """Edges per relation, with their evidence totals, most edges first.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("Jan Leike", "OpenAI", "resigned_from", relation="resigned_from", label_zh="离职", count=1)
    'resigned_from'
    >>> G.add_edge("Ilya Sutskever", "OpenAI", "resigned_from", relation="resigned_from", label_zh="离职", count=2)
    'resigned_from'
    >>> relation_counts(G, relations=["离职"])
    [RelationCount(relation='resigned_from', label_en=None, label_zh='离职', edges=2, evidence=3)]
    """
    rels = _check_relations(G, relations)
    H = filter_graph(G, docs=docs, since=since, until=until, min_confidence=min_confidence)
    table: dict[str, list] = {}
    for _, _, key, data in H.edges(keys=True, data=True):
        rel = _relation(key, data)
        if rels is not None and rel not in rels:
            continue
        row = table.get(rel)
        if row is None:
            row = table[rel] = [data.get("label_en"), data.get("label_zh"), 0, 0]
        row[2] += 1
        row[3] += _count(data)
    rows = [RelationCount(rel, en, zh, edges, evidence) for rel, (en, zh, edges, evidence) in table.items()]
    rows.sort(key=lambda r: (-r.edges, -r.evidence, r.relation))
    return rows


def relation_edges(
    G: nx.MultiDiGraph,
    *,
    relations: Iterable[str] | None = None,
    docs: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
) -> list[Relation]:
    """The edges of some relations, with all their evidence, most evidence first.

    ``direction`` is ``"out"`` (``"both"`` for symmetric relations).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("Sam Altman", "Jan Leike", "thanked", relation="thanked", count=2)
    'thanked'
    >>> G.add_edge("Jan Leike", "OpenAI", "resigned_from", relation="resigned_from", count=1)
    'resigned_from'
    >>> [(r.source, r.relation, r.target) for r in relation_edges(G, relations=["thanked"])]
    [('Sam Altman', 'thanked', 'Jan Leike')]
    """
    rels = _check_relations(G, relations)
    H = filter_graph(G, docs=docs, since=since, until=until, min_confidence=min_confidence)
    rows = []
    for u, v, key, data in H.edges(keys=True, data=True):
        rel = _relation(key, data)
        if rels is None or rel in rels:
            rows.append(_edge_row(H, u, v, rel, data, "out"))
    rows.sort(key=lambda r: (r.relation, -r.count, r.source, r.target))
    return rows


def subgraph(
    G: nx.MultiDiGraph,
    node: Hashable,
    *,
    depth: int = 1,
    relations: Iterable[str] | None = None,
    docs: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
) -> nx.MultiDiGraph:
    """The neighbourhood of one entity as a graph of its own.

    Keeps the entities within ``depth`` hops (either direction) and every
    edge among them (only ``relations`` if given), as a copy that keeps the
    graph attributes, so it can be written or drawn like a whole graph.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(script="hans")
    >>> G.add_edges_from([("A", "B", "met"), ("B", "C", "met"), ("C", "D", "met")])
    ['met', 'met', 'met']
    >>> H = subgraph(G, "B")
    >>> sorted(H), H.graph["script"]
    (['A', 'B', 'C'], 'hans')
    >>> sorted(subgraph(G, "B", depth=2))
    ['A', 'B', 'C', 'D']
    """
    depth = _check_positive("depth", depth)
    rels = _check_relations(G, relations)
    start = _node(G, node)
    H = filter_graph(G, docs=docs, since=since, until=until, min_confidence=min_confidence)
    seen = {start}
    frontier = [start]
    for _ in range(depth):
        nxt = []
        for u in frontier:
            for v in _adjacent(H, u, rels):
                if v not in seen:
                    seen.add(v)
                    nxt.append(v)
        frontier = nxt
    S = H.subgraph(seen).copy()
    if rels is not None:
        S.remove_edges_from([(u, v, k) for u, v, k, data in S.edges(keys=True, data=True) if _relation(k, data) not in rels])
    return S

