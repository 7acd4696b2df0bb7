"""One article in, triples and entities out.

:func:`extract_document` is the whole text → triples path: prepare the text
(script, boilerplate, sentences), run the spaCy pipeline (tokens, entities),
run the relation extractors, and turn relations into
:class:`~guanxi.model.Triple` records whose evidence is the original text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import GuanxiError
from ..model import Document, Triple
from .coref import Entity
from .lexicon import load_lexicon
from .nlp import doc_tokens, load_pipeline
from .relations import DEFAULT_EXTRACTORS, DocContext, Relation, extract_relations, get_extractor
from .text import prepare

__all__ = ["ExtractionResult", "extract_document", "Settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    """How extraction runs; every field has a CLI option."""

    model: str | None = None
    aliases: str | None = None
    extractors: tuple[str, ...] = DEFAULT_EXTRACTORS
    min_confidence: float = 0.0
    keep_negated: bool = False
    script: str = "hans"  # display script of names; applied where the graph names its nodes (graph.build)

    def validate(self) -> "Settings":
        from ..errors import Errors, GuanxiError

        for name in self.extractors:
            get_extractor(name)
        if self.script not in ("hans", "hant"):
            raise GuanxiError(Errors.E018.format(name=self.script, choices="hans, hant"))
        return self


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    document: Document
    triples: tuple[Triple, ...]
    entities: dict[str, Entity]
    sentences: int


def extract_document(document: Document, settings: Settings = Settings()) -> ExtractionResult:
    """Extract triples and entities from one document."""
    nlp = load_pipeline(settings.model, aliases=settings.aliases)
    prepared = prepare(document.text)
    doc = nlp(prepared.text)
    mentions, entities = doc._.mentions, doc._.entities
    sentences = list(prepared.sentences)
    context = DocContext(
        text=prepared.text,
        lexicon=load_lexicon(settings.aliases),
        mentions=mentions,
        entities=entities,
        sentences=sentences,
        toks=doc_tokens(doc),
    )
    relations = extract_relations(doc, context, settings.extractors)
    triples = _to_triples(document, prepared.text, sentences, relations, entities, settings)
    return ExtractionResult(document, triples, entities, len(sentences))


def _to_triples(document, text, sentences, relations: Iterable[Relation], entities, settings) -> tuple[Triple, ...]:
    original = document.text
    best: dict[tuple, Triple] = {}
    for r in relations:
        if r.object is None:
            continue
        if r.modality == "negated" and not settings.keep_negated:
            continue
        if r.subject.key not in entities or r.object.key not in entities:
            continue  # a mention no entity stands behind (never expected; never fatal)
        subject, obj = entities[r.subject.key], entities[r.object.key]
        if subject.key == obj.key:
            continue
        s_start, s_end = sentences[r.sentence_index]
        triple = Triple(
            doc=document.id,
            sentence=original[s_start:s_end],
            sentence_index=r.sentence_index,
            subject=subject.name,
            subject_type=subject.type,
            relation=r.relation,
            relation_label=original[r.trigger[0] : r.trigger[1]] if r.trigger[1] > r.trigger[0] else r.relation,
            object=obj.name,
            object_type=obj.type,
            confidence=round(min(r.confidence * min(r.subject.certainty, r.object.certainty) ** 0.5, 1.0), 3),
            extractor=r.extractor,
            subject_span=(r.subject.start, r.subject.end),
            object_span=(r.object.start, r.object.end),
            role=r.role,
            time=r.time,
            modality=r.modality,
            date=document.date,
            sentence_start=s_start,
            subject_text=original[r.subject.start : r.subject.end],
            object_text=original[r.object.start : r.object.end],
        )
        if triple.confidence < settings.min_confidence:
            continue
        # One triple per fact and sentence: the most confident reading wins.
        key = (triple.subject, triple.relation, triple.object, triple.sentence_index)
        if key not in best or best[key].confidence < triple.confidence:
            best[key] = triple
    return tuple(sorted(best.values(), key=lambda t: (t.sentence_index, t.subject_span, t.relation)))


def _worker_extract(args):
    document, settings = args
    return _extract_or_report(document, settings)


def _extract_or_report(document: Document, settings: Settings) -> ExtractionResult | str:
    """The result, or a one-line message when extraction of this document failed."""
    try:
        return extract_document(document, settings)
    except GuanxiError:
        raise
    except Exception as exc:  # an extraction bug must not cost the user the other articles
        return f"{document.id}: extraction failed ({type(exc).__name__}: {' '.join(str(exc).split())[:120]}); document skipped"


def extract_corpus(documents: Iterable[Document], settings: Settings = Settings(), *, jobs: int = 1, on_document=None, on_error=None):
    """Extract every document, in order; ``on_document(result)`` is called as each finishes.

    ``jobs > 1`` spreads documents over processes; each loads the pipeline once. A
    document whose extraction fails is reported through ``on_error(message)`` and skipped.
    """
    documents = list(documents)
    results: list[ExtractionResult] = []
    if jobs > 1 and len(documents) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outcomes = pool.map(_worker_extract, [(d, settings) for d in documents], chunksize=4)
            for outcome in outcomes:
                _collect(outcome, results, on_document, on_error)
        return results
    for document in documents:
        _collect(_extract_or_report(document, settings), results, on_document, on_error)
    return results


def _collect(outcome, results, on_document, on_error) -> None:
    if isinstance(outcome, str):
        if on_error is None:
            raise RuntimeError(outcome)
        on_error(outcome)
    else:
        results.append(outcome)
    if on_document:
        on_document(outcome)
