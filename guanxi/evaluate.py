"""Scoring extracted triples against hand-made gold files.

The gold format and the matching rules are those of ``shared/gold/README.md``:
names match after Traditional→Simplified conversion, NFKC, lower-casing and
removing spaces, middle dots, dots, hyphens and quotes; ``required: false``
triples and names under ``ignore`` never count against a prediction;
symmetric relations match in either direction and a gold ``related_to``
accepts any relation between its two entities.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Errors, GuanxiError
from .model import Triple

__all__ = ["GoldDocument", "Scores", "read_gold", "score_document", "score_corpus", "SYMMETRIC"]

SYMMETRIC = frozenset({"colleague_of", "partnered_with", "competes_with", "allied_with", "family_of", "related_to", "met"})
_DROP = re.compile(r"[\s·•‧・.\-‐‑–—'\"“”‘’「」『』]+")


def gold_key(name: str) -> str:
    """Normalize a name the way the gold README says.

    >>> gold_key("Jan  Leike") == gold_key("jan-leike") == gold_key("JAN·LEIKE")
    True
    """
    from .extractors.text import to_simplified

    return _DROP.sub("", unicodedata.normalize("NFKC", to_simplified(name)).lower())


@dataclass
class GoldDocument:
    doc: str
    entities: dict[str, set[str]]  # canonical -> normalized names
    required: list[tuple[str, str, str]]
    optional: list[tuple[str, str, str]]
    ignore: set[str]
    types: dict[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str | None:
        key = gold_key(name)
        for canonical, names in self.entities.items():
            if key in names:
                return canonical
        return None


def read_gold(directory: str | Path) -> dict[str, GoldDocument]:
    """Gold documents by document id (the ``doc`` field: the article's file name)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GuanxiError(Errors.E005.format(path=directory))
    gold = {}
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entities = {
                e["name"]: {gold_key(e["name"]), *(gold_key(a) for a in e.get("aliases", []))} for e in data["entities"]
            }
            types = {e["name"]: e.get("type", "OTHER") for e in data["entities"]}
            required, optional = [], []
            for t in data["triples"]:
                (required if t.get("required", True) else optional).append((t["subject"], t["relation"], t["object"]))
            gold[data["doc"]] = GoldDocument(
                doc=data["doc"], entities=entities, required=required, optional=optional,
                ignore={gold_key(n) for n in data.get("ignore", [])}, types=types,
            )
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GuanxiError(Errors.E010.format(path=path, reason=" ".join(str(exc).split()) or type(exc).__name__)) from None
    if not gold:
        raise GuanxiError(Errors.E010.format(path=directory, reason="no *.json gold files"))
    return gold


@dataclass
class Scores:
    doc: str
    entity_found: int = 0
    entity_total: int = 0
    pair_tp: int = 0
    pair_fp: int = 0
    pair_fn: int = 0
    typed_tp: int = 0
    typed_fp: int = 0
    typed_fn: int = 0
    missed: list = field(default_factory=list)
    wrong: list = field(default_factory=list)
    split_entities: list = field(default_factory=list)  # gold entities spread over several nodes
    merged_nodes: list = field(default_factory=list)  # nodes holding several gold entities

    @staticmethod
    def _prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def pair(self):
        return self._prf(self.pair_tp, self.pair_fp, self.pair_fn)

    @property
    def typed(self):
        return self._prf(self.typed_tp, self.typed_fp, self.typed_fn)

    @property
    def entity_recall(self):
        return self.entity_found / self.entity_total if self.entity_total else 0.0

    def add(self, other: "Scores") -> None:
        for name in ("entity_found", "entity_total", "pair_tp", "pair_fp", "pair_fn", "typed_tp", "typed_fp", "typed_fn"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.wrong += other.wrong
        self.split_entities += other.split_entities
        self.merged_nodes += other.merged_nodes

    def to_dict(self) -> dict:
        p, r, f = self.pair
        tp, tr, tf = self.typed
        return {
            "doc": self.doc, "entity_recall": round(self.entity_recall, 4),
            "pair": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)},
            "typed": {"precision": round(tp, 4), "recall": round(tr, 4), "f1": round(tf, 4)},
            "missed": self.missed, "wrong": self.wrong, "split_entities": self.split_entities, "merged_nodes": self.merged_nodes,
        }


def _matches(pred: tuple[str, str, str], gold: tuple[str, str, str]) -> bool:
    s, r, o = pred
    gs, gr, go = gold
    if gr == "related_to":
        return {s, o} == {gs, go}
    if r != gr:
        return False
    return (s, o) == (gs, go) or (r in SYMMETRIC and (o, s) == (gs, go))


def score_document(gold: GoldDocument, triples: Iterable[Triple], nodes: Iterable[tuple[str, Iterable[str]]] = ()) -> Scores:
    """Score one document's triples; ``nodes`` are ``(name, aliases)`` of its graph nodes."""
    scores = Scores(doc=gold.doc)
    predicted = set()
    for t in triples:
        if gold_key(t.subject) in gold.ignore or gold_key(t.object) in gold.ignore:
            continue
        s = gold.canonical(t.subject) or f"?{t.subject}"
        o = gold.canonical(t.object) or f"?{t.object}"
        if s == o:
            continue
        predicted.add((s, t.relation, o))

    req_pairs = {frozenset((s, o)) for s, _, o in gold.required}
    opt_pairs = {frozenset((s, o)) for s, _, o in gold.optional}
    pred_pairs = {frozenset((s, o)) for s, _, o in predicted}
    scores.pair_tp = len(pred_pairs & req_pairs)
    scores.pair_fp = len(pred_pairs - req_pairs - opt_pairs)
    scores.pair_fn = len(req_pairs - pred_pairs)

    matched_gold = set()
    for p in sorted(predicted):
        hits = [g for g in gold.required if _matches(p, g)]
        if hits:
            scores.typed_tp += 1
            matched_gold.update(hits)
        elif not any(_matches(p, g) for g in gold.optional):
            scores.typed_fp += 1
            scores.wrong.append(f"{gold.doc}: {p[0]} -{p[1]}-> {p[2]}")
    for g in gold.required:
        if g not in matched_gold:
            scores.typed_fn += 1
            scores.missed.append(f"{gold.doc}: {g[0]} -{g[1]}-> {g[2]}")

    holders: dict[str, set[str]] = {name: set() for name in gold.entities}
    for node, aliases in nodes:
        hit = {c for c in (gold.canonical(n) for n in [node, *aliases]) if c}
        for canonical in hit:
            holders[canonical].add(node)
        if len(hit) > 1:
            scores.merged_nodes.append(f"{gold.doc}: {node} holds {', '.join(sorted(hit))}")
    for canonical, found in holders.items():
        if gold_key(canonical) in gold.ignore:
            continue
        scores.entity_total += 1
        scores.entity_found += bool(found)
        if len(found) > 1:
            scores.split_entities.append(f"{gold.doc}: {canonical} is {len(found)} nodes ({', '.join(sorted(found))})")
    return scores


def score_corpus(gold: dict[str, GoldDocument], triples: Iterable[Triple], nodes_by_doc: dict[str, list]) -> tuple[list[Scores], Scores]:
    """Per-document scores and their micro-averaged total, for documents that have gold."""
    by_doc: dict[str, list[Triple]] = {}
    for t in triples:
        by_doc.setdefault(t.doc, []).append(t)
    per_doc = [score_document(g, by_doc.get(doc, []), nodes_by_doc.get(doc, [])) for doc, g in sorted(gold.items()) if doc in nodes_by_doc]
    total = Scores(doc="overall")
    for s in per_doc:
        total.add(s)
    return per_doc, total
