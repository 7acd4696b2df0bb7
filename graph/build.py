"""Triples from many articles → one graph in which an entity is one node.

Per-article entities are merged across articles and scripts by
:func:`resolve_entities`: the same normalized name (script, case, spacing,
hyphens and middle dots), the gazetteer's canonical entry, a company name with
or without its legal suffix, a misspelled Latin name (one small slip in one
word), and a transliteration with its Latin original when both occur (pinyin
similarity, accepted only when one candidate clearly wins).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

import networkx as nx
from rapidfuzz.distance import JaroWinkler

from ..extractors.coref import compatible_types, similar_latin
from ..extractors.lexicon import Lexicon, load_lexicon
from ..extractors.pipeline import ExtractionResult
from ..extractors.text import normalize_key, to_simplified, to_traditional
from ..model import Triple

__all__ = ["build_graph", "resolve_entities", "NodeInfo", "finalize_triples", "display_name"]

_LEGAL_SUFFIXES = re.compile(
    r"(股份有限公司|有限责任公司|有限公司|集团有限公司|集团公司|集团|公司|inc|incorporated|corp|corporation|ltd|limited|llc|plc|co)$"
)


@dataclass
class NodeInfo:
    id: str
    type: str
    aliases: set
    mentions: int
    docs: set
    roles: list
    kind: str | None
    gazetteer: bool

    def _fill(self, refs, records, names, entry) -> "NodeInfo":
        entities = [records[r] for r in refs]
        for name in names | {self.id}:
            if not _is_pronoun(name):
                self.aliases.update({name, to_simplified(name), to_traditional(name)})
        if entry is not None:
            self.aliases.update(entry.aliases)
            self.aliases.add(entry.name)
        for e in entities:
            self.roles += [r for r in e.roles if r not in self.roles]
        self.kind = next((e.kind for e in entities if e.kind), None)
        self.mentions = sum(e.mentions for e in entities)
        self.docs = {r[0] for r in refs}
        return self


class _UnionFind:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def resolve_entities(results: Iterable[ExtractionResult], lexicon: Lexicon | None = None) -> tuple[dict, dict[str, NodeInfo]]:
    """Map every ``(doc id, entity key)`` to a node id, and describe each node."""
    lexicon = lexicon or load_lexicon()
    results = list(results)
    uf = _UnionFind()
    records = {}  # (doc, key) -> Entity
    for result in results:
        for key, entity in result.entities.items():
            records[(result.document.id, key)] = entity
            uf.find((result.document.id, key))

    by_norm: dict[str, tuple] = {}
    by_stripped: dict[str, list[tuple]] = defaultdict(list)
    for ref, entity in records.items():
        names = {entity.key, *(a for a in entity.aliases if len(a) >= 2 and not _is_pronoun(a))}
        if entity.gazetteer:
            names.add(entity.key)
        norm = normalize_key(entity.key)
        if norm in by_norm:
            uf.union(by_norm[norm], ref)
        else:
            by_norm[norm] = ref
        entry = lexicon.lookup(entity.key)
        if entry is not None:
            gaz = ("gazetteer", entry.name)
            uf.union(gaz, ref)
        if entity.type == "ORG":
            stripped = _LEGAL_SUFFIXES.sub("", norm)
            if len(stripped) >= 2:
                by_stripped[stripped].append(ref)
    for refs in by_stripped.values():
        for ref in refs[1:]:
            if compatible_types(records[refs[0]].type, records[ref].type):
                uf.union(refs[0], ref)
    # A name one article uses as an alias is that entity in every article.
    for ref, entity in records.items():
        for alias in entity.aliases:
            other = by_norm.get(normalize_key(alias))
            if other and other != ref and len(alias) >= 2 and not _is_pronoun(alias) and compatible_types(records[other].type, entity.type):
                uf.union(other, ref)

    clusters = _clusters(uf, records)
    _merge_misspellings(uf, clusters, records, lexicon)
    clusters = _clusters(uf, records)
    _merge_transliterations(uf, clusters, records, lexicon)
    clusters = _clusters(uf, records)

    mapping, nodes = {}, {}
    for root, refs in clusters.items():
        node = _describe(refs, records, lexicon)
        nodes[node.id] = node
        for ref in refs:
            mapping[ref] = node.id
    return mapping, nodes


def _is_pronoun(text: str) -> bool:
    return text in ("他", "她", "对方", "其") or len(text) < 2


def _clusters(uf: _UnionFind, records: dict) -> dict:
    clusters = defaultdict(list)
    for ref in records:
        clusters[uf.find(ref)].append(ref)
    return clusters


def _cluster_names(refs, records) -> set[str]:
    return {records[r].key for r in refs} | {a for r in refs for a in records[r].aliases}


def _merge_misspellings(uf, clusters, records, lexicon) -> None:
    """Jan Laike in one article and Jan Leike in another are one person."""
    latin = []
    for root, refs in clusters.items():
        etype = records[refs[0]].type
        names = [n for n in _cluster_names(refs, records) if n.isascii() and len(n) >= 4]
        latin.append((root, etype, names, sum(records[r].mentions for r in refs)))
    for i, (root_a, type_a, names_a, _) in enumerate(latin):
        matches = [
            root_b for j, (root_b, type_b, names_b, _) in enumerate(latin)
            if i != j and compatible_types(type_a, type_b) and any(similar_latin(a, b) for a in names_a for b in names_b)
        ]
        if len(matches) == 1:
            uf.union(matches[0], root_a)


def _pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(to_simplified(text)))


def _merge_transliterations(uf, clusters, records, lexicon) -> None:
    """奥特曼 ↔ Altman: a transliterated person and a Latin-named one, by pinyin similarity."""
    chars = lexicon.translit_chars
    latin_people, chinese_people = [], []
    for root, refs in clusters.items():
        if records[refs[0]].type != "PERSON":
            continue
        names = _cluster_names(refs, records)
        latin = [n for n in names if n.isascii() and n[:1].isalpha()]
        chinese = [n for n in names if not n.isascii() and all(c in chars or c in "·-" for c in to_simplified(n))]
        if latin and not chinese:
            latin_people.append((root, latin))
        elif chinese and not latin:
            chinese_people.append((root, chinese))
    for root, names in chinese_people:
        scores = []
        for other, latin in latin_people:
            best = max(
                JaroWinkler.similarity(_pinyin(zh.split("·")[-1]), re.sub(r"[^a-z]", "", en.split()[-1].lower()))
                for zh in names for en in latin
            )
            scores.append((best, other))
        scores.sort(reverse=True)
        if scores and scores[0][0] >= 0.84 and (len(scores) == 1 or scores[0][0] - scores[1][0] >= 0.08):
            uf.union(scores[0][1], root)


def _describe(refs, records, lexicon) -> NodeInfo:
    entities = [records[r] for r in refs]
    names = _cluster_names(refs, records)
    entry = next((lexicon.gazetteer.get(e.key) for e in entities if e.gazetteer and e.key in lexicon.gazetteer), None)
    types = Counter()
    surfaces = Counter()
    for e in entities:
        types[e.type] += e.mentions
        surfaces.update(e.surfaces or {e.name: e.mentions})
    etype = entry.type if entry else (types.most_common(1)[0][0] if types else "OTHER")
    return NodeInfo(
        id=to_simplified(display_name(surfaces, entry.name if entry else None, etype)), type=etype, aliases=set(), mentions=0,
        docs=set(), roles=[], kind=None, gazetteer=entry is not None,
    )._fill(refs, records, names, entry)


def display_name(surfaces: Counter, canonical: str | None, etype: str) -> str:
    """The name a node is shown under: the fullest form the articles use, Latin where it is the original.

    The gazetteer's canonical name is used when the articles use it, or when it is the Latin
    original of a Latin form they use (Hinton → Geoffrey Hinton, John Schulma → John Schulman);
    otherwise the reader sees the name as written (微软, not Microsoft).

    >>> display_name(Counter({"微软": 2}), "Microsoft", "ORG")
    '微软'
    >>> display_name(Counter({"Hinton": 1}), "Geoffrey Hinton", "PERSON")
    'Geoffrey Hinton'
    >>> display_name(Counter({"卡洛斯·门多萨": 1, "门多萨": 4}), None, "PERSON")
    '卡洛斯·门多萨'
    """
    written = {normalize_key(s) for s in surfaces}
    latin = [s for s in surfaces if s.isascii() and s[:1].isalpha()]
    if canonical and (normalize_key(canonical) in written or canonical.isascii() and latin):
        return canonical
    if etype == "PERSON":
        full_latin = [s for s in latin if len(s.split()) >= 2]
        if full_latin:
            return max(full_latin, key=lambda s: (len(s.split()), surfaces[s], len(s)))
    if not surfaces:
        return canonical or "?"
    return max(surfaces, key=lambda s: (len(s), surfaces[s]))


def finalize_triples(results: list[ExtractionResult], mapping: dict, nodes: dict, *, script: str = "hans") -> list[Triple]:
    """The triples of every article with subjects and objects named as their graph nodes."""
    display = {node_id: _display(node_id, script) for node_id in nodes}
    out, seen = [], set()
    for result in results:
        doc = result.document.id
        lookup = {}
        for key, entity in result.entities.items():
            lookup[entity.name] = mapping[(doc, key)]
            lookup[key] = mapping[(doc, key)]
        for t in result.triples:
            subject, obj = lookup.get(t.subject, t.subject), lookup.get(t.object, t.object)
            if subject == obj:
                continue
            t = replace(t, subject=display.get(subject, subject), object=display.get(obj, obj))
            key = (t.doc, t.sentence_index, t.subject, t.relation, t.object)
            if key not in seen:
                seen.add(key)
                out.append(t)
    return out


def _display(node_id: str, script: str) -> str:
    return to_traditional(node_id) if script == "hant" and not node_id.isascii() else node_id


def build_graph(results: Iterable[ExtractionResult], *, script: str = "hans", aliases: str | None = None, lexicon: Lexicon | None = None):
    """Build the graph and the final triples.

    Returns
    -------
    graph : networkx.MultiDiGraph
        One node per entity, one edge per (subject, relation, object) with all its evidence.
    triples : list of Triple
        The triples with node names, as written to ``triples.jsonl``.
    """
    lexicon = lexicon or load_lexicon(aliases)
    results = list(results)
    mapping, nodes = resolve_entities(results, lexicon)
    triples = finalize_triples(results, mapping, nodes, script=script)
    graph = nx.MultiDiGraph()
    graph.graph["script"] = script
    graph.graph["documents"] = {
        r.document.id: {"title": r.document.title, "date": r.document.date, "url": r.document.url, "source": r.document.source}
        for r in results
    }
    for node in nodes.values():
        graph.add_node(
            _display(node.id, script), name=_display(node.id, script), type=node.type, aliases=sorted(node.aliases),
            mentions=node.mentions, docs=sorted(node.docs), roles=node.roles, kind=node.kind,
        )
    for t in triples:
        if t.modality == "negated":
            continue
        spec = lexicon.relations[t.relation]
        u, v = t.subject, t.object
        if spec.symmetric and v < u:
            u, v = v, u
        evidence = {
            "doc": t.doc, "date": t.date, "sentence": t.sentence, "sentence_index": t.sentence_index,
            "sentence_start": t.sentence_start, "subject_text": t.subject_text, "object_text": t.object_text,
            "subject_span": list(t.subject_span), "object_span": list(t.object_span), "relation_label": t.relation_label,
            "confidence": t.confidence, "extractor": t.extractor, "role": t.role, "time": t.time, "modality": t.modality,
        }
        if graph.has_edge(u, v, key=t.relation):
            data = graph.edges[u, v, t.relation]
            data["evidence"].append(evidence)
            data["count"] += 1
            data["confidence"] = max(data["confidence"], t.confidence)
            if t.relation_label not in data["labels"]:
                data["labels"].append(t.relation_label)
        else:
            graph.add_edge(
                u, v, key=t.relation, relation=t.relation, label_en=spec.label_en, label_zh=spec.label_zh,
                labels=[t.relation_label], symmetric=spec.symmetric, count=1, confidence=t.confidence, evidence=[evidence],
            )
    return graph, triples
