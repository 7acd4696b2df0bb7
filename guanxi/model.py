"""The records that flow through guanxi: documents in, triples out.

A :class:`Triple` is the unit of evidence. It is written as one JSON line in
``triples.jsonl`` and stored, minus the entity names, on graph edges. Field
names are part of the public interface (see the README).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

__all__ = ["Document", "Triple", "ENTITY_TYPES", "MODALITIES"]

#: Entity types a node can have.
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "PRODUCT", "OTHER")

#: Values of :attr:`Triple.modality`; ``None`` means asserted as fact.
MODALITIES = ("negated", "attempted", "planned")


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from disk or stdin.

    ``text`` is the original text (decoded, markup removed); every character
    offset guanxi reports points into it.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Triple:
    """A subject–relation–object fact with the evidence it came from.

    Spans are ``(start, end)`` character offsets into the original document
    text, so ``document.text[start:end]`` is the mention as written.

    Examples
    --------
    >>> t = Triple(doc="a.txt", sentence="Jan Leike辞职了。", sentence_index=0,
    ...            subject="Jan Leike", subject_type="PERSON", relation="resigned_from",
    ...            relation_label="辞职", object="OpenAI", object_type="ORG",
    ...            confidence=0.6, extractor="svo", subject_span=(0, 9), object_span=(0, 0))
    >>> Triple.from_dict(t.to_dict()) == t
    True
    """

    doc: str
    sentence: str
    sentence_index: int
    subject: str
    subject_type: str
    relation: str
    relation_label: str
    object: str
    object_type: str
    confidence: float
    extractor: str
    subject_span: tuple[int, int]
    object_span: tuple[int, int]
    role: str | None = None
    time: str | None = None
    modality: str | None = None
    date: str | None = None
    sentence_start: int | None = None
    subject_text: str | None = field(default=None, compare=False)
    object_text: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; optional attributes the text did not give are left out."""
        data = asdict(self)
        data["subject_span"] = list(self.subject_span)
        data["object_span"] = list(self.object_span)
        return {k: v for k, v in data.items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Triple":
        """Inverse of :meth:`to_dict`; unknown keys are ignored."""
        names = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in names}
        kwargs["subject_span"] = tuple(kwargs["subject_span"])
        kwargs["object_span"] = tuple(kwargs["object_span"])
        return cls(**kwargs)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.relation, self.object)
