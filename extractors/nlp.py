"""The spaCy pipeline: a Chinese tokenizer that works offline and guanxi's components.

The default pipeline is ``spacy.blank("zh")`` with a jieba tokenizer that keeps
jieba's part-of-speech hints (``nr`` person, ``ns`` place, ``nt`` organisation),
then two registered components:

``guanxi_sentences``
    sentence boundaries from :func:`guanxi.extractors.text.split_sentences`;
``guanxi_entities``
    entity mentions and their resolution within the article (``doc.ents``,
    ``doc._.mentions``, ``doc._.entities``).

With ``model="zh_core_web_sm"`` (or any installed pipeline or path) the trained
pipeline's tokenizer, tags and entities are used and guanxi's components are
added after it; its entities become candidates beside guanxi's own rules.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import get_words_and_spaces

from ..errors import Errors, GuanxiError
from .coref import add_pronouns, collect_aliases, resolve_mentions
from .entities import Mention, Tok, find_mentions
from .lexicon import load_lexicon
from .text import split_sentences

__all__ = ["load_pipeline", "JiebaTokenizer", "doc_tokens"]

for _name in ("mentions", "entities"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Span.has_extension("mention"):
    Span.set_extension("mention", default=None)


class JiebaTokenizer:
    """Segment with a private jieba instance and keep its POS tags in ``token.tag_``."""

    def __init__(self, vocab, *, hmm: bool = True, user_words: tuple[tuple[str, str], ...] = ()):
        import jieba
        import jieba.posseg

        jieba.setLogLevel(60)  # jieba prints its cache messages otherwise
        self.vocab = vocab
        self.hmm = hmm
        self._base = jieba.Tokenizer()
        self._base.initialize()
        self._pos = jieba.posseg.POSTokenizer(self._base)
        known = dict(self._pos.word_tag_tab)
        for word, tag in user_words:
            # Words jieba knows keep its tag (研发/j stays a noun-like word); new ones get ours.
            self._base.add_word(word, freq=max(self._base.FREQ.get(word, 0), 2000), tag=None if word in known else tag)

    def __call__(self, text: str) -> Doc:
        pairs = [(p.word, p.flag) for p in self._pos.cut(text, HMM=self.hmm) if p.word]
        words_only = [w for w, _ in pairs if not w.isspace()]
        tags_only = [t for w, t in pairs if not w.isspace()]
        words, spaces = get_words_and_spaces(words_only, text)
        tags, k = [], 0
        for word in words:
            if word.isspace():
                tags.append("x")
            else:
                tags.append(tags_only[k])
                k += 1
        return Doc(self.vocab, words=words, spaces=spaces, tags=tags)

    def frequency(self, word: str) -> int:
        return self._base.FREQ.get(word, 0)

    def dictionary_tag(self, word: str) -> str | None:
        """The tag jieba's dictionary gives a word (None for words it guessed)."""
        return self._pos.word_tag_tab.get(word)

    # spaCy serialises tokenizers; this one is rebuilt from its settings.
    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self

    def to_disk(self, path, **kwargs):
        path.mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, **kwargs):
        return self


@Language.factory("guanxi_sentences")
def make_sentence_component(nlp: Language, name: str):
    def set_sentences(doc: Doc) -> Doc:
        starts = {start for start, _ in split_sentences(doc.text)}
        # One array write instead of a per-token setter (which re-checks the parse each time).
        flags = numpy.array([[1 if t.i == 0 or t.idx in starts else -1] for t in doc], dtype="int64").reshape(-1, 1).astype("uint64")
        if len(doc):
            doc.from_array([SENT_START], flags)
        return doc

    return set_sentences


_MODEL_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE", "PRODUCT": "PRODUCT"}


@Language.factory("guanxi_entities", default_config={"aliases": None})
def make_entity_component(nlp: Language, name: str, *, aliases: str | None):
    lexicon = load_lexicon(aliases)
    tokenizer = nlp.tokenizer
    frequency = getattr(tokenizer, "frequency", None)

    dictionary_tag = getattr(tokenizer, "dictionary_tag", None)

    def is_common_word(word: str) -> bool:
        # A word jieba has seen often is a word, not a name (高达, 文明, 司机).
        return bool(frequency) and frequency(word) >= 500

    def is_known_place(word: str) -> bool:
        # Only places jieba's dictionary knows; its HMM guesses (蒙上) are not.
        return bool(dictionary_tag) and dictionary_tag(word) == "ns" and frequency(word) >= 20

    def recognise(doc: Doc) -> Doc:
        text = doc.text
        toks = doc_tokens(doc)
        model_mentions = [
            Mention(e.start_char, e.end_char, e.text, _MODEL_LABELS[e.label_], "latin", 0.8)
            for e in doc.ents if e.label_ in _MODEL_LABELS
        ]
        first = find_mentions(text, toks, lexicon, is_common_word=is_common_word, is_known_place=is_known_place, frequency=frequency or (lambda w: 0))
        extra = collect_aliases(
            text, first, lexicon, is_common_word, frequency=frequency or (lambda w: 0), is_known_place=is_known_place
        )
        mentions = find_mentions(
            text, toks, lexicon, extra_aliases=extra, is_common_word=is_common_word, is_known_place=is_known_place,
            frequency=frequency or (lambda w: 0),
        )
        taken = [(m.start, m.end) for m in mentions]
        mentions += [m for m in model_mentions if not any(s < m.end and m.start < e for s, e in taken)]
        mentions.sort(key=lambda m: m.start)
        entities = resolve_mentions(text, mentions, lexicon)
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        mentions = add_pronouns(text, sentences, mentions, entities, lexicon)
        _align(doc, mentions)
        spans = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, label=m.type)
            if span is not None:
                span._.mention = m
                spans.append(span)
        doc.ents = spans
        doc._.mentions = mentions
        doc._.entities = entities
        return doc

    return recognise


def doc_tokens(doc: Doc) -> list[Tok]:
    """Tokens with jieba-style tags, whatever tokenizer made the Doc."""
    return [Tok(t.idx, t.idx + len(t.text), t.text, _jieba_tag(t)) for t in doc]


_UPOS_TO_JIEBA = {
    "NOUN": "n", "PROPN": "nz", "VERB": "v", "ADP": "p", "ADV": "d", "NUM": "m", "PRON": "r", "PART": "u",
    "CCONJ": "c", "SCONJ": "c", "PUNCT": "x", "ADJ": "a", "DET": "r", "AUX": "v", "SYM": "x", "SPACE": "x",
}


def _jieba_tag(token) -> str:
    tag = token.tag_
    if tag and tag.islower():
        return tag
    if token.text.isascii() and token.text.isalpha():
        return "eng"
    return _UPOS_TO_JIEBA.get(token.pos_, "n" if token.pos_ else "x")


def _align(doc: Doc, mentions: list[Mention]) -> None:
    """Split tokens so that every mention starts and ends on a token boundary."""
    cuts = sorted({p for m in mentions for p in (m.start, m.end)})
    parsed = doc.has_annotation("DEP")
    with doc.retokenize() as retokenizer:
        for token in doc:
            first = bisect.bisect_right(cuts, token.idx)
            inner = [p - token.idx for p in cuts[first : bisect.bisect_left(cuts, token.idx + len(token.text))]]
            if not inner:
                continue
            bounds = [0, *inner, len(token.text)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            head0 = token.head if parsed and token.head.i != token.i else (token, 0)
            heads = [head0] + [(token, 0)] * (len(orths) - 1)
            retokenizer.split(token, orths, heads=heads, attrs={"TAG": [token.tag_] * len(orths)})


def load_pipeline(model: str | None = None, *, aliases: str | None = None, hmm: bool = True) -> Language:
    """The spaCy pipeline guanxi extracts with, built once per settings.

    Parameters
    ----------
    model : str, optional
        An installed spaCy pipeline (``zh_core_web_sm``) or a path to one.
        ``None`` uses the offline default: ``spacy.blank("zh")`` with jieba.
    aliases : str, optional
        A user alias file (gazetteer format) that adds to or overrides ``data/gazetteer.jsonl``.
    """
    return _load_pipeline(model, str(aliases) if aliases else None, hmm)


@lru_cache(maxsize=4)
def _load_pipeline(model: str | None, aliases: str | None, hmm: bool) -> Language:
    lexicon = load_lexicon(aliases)
    if model is None:
        # A blank "zh" with its cheap character tokenizer, replaced at once by jieba with the lexicon's words.
        nlp = spacy.blank("zh")
        words = set()
        for form, entry in lexicon.surface_forms():
            if not form.isascii():
                words.add((form, {"PERSON": "nr", "ORG": "nt", "GPE": "ns"}.get(entry.type, "nz")))
        for noun in lexicon.relational_nouns:
            words.add((noun, "n"))
        for trigger in lexicon.triggers:
            words.add((trigger, "v"))
        for title in lexicon.roles:
            words.add((title, "n"))
        nlp.tokenizer = JiebaTokenizer(nlp.vocab, hmm=hmm, user_words=tuple(sorted(words)))
    else:
        try:
            nlp = spacy.load(model)
        except (OSError, ImportError, ValueError) as exc:
            raise GuanxiError(
                Errors.E008.format(name=model, reason=" ".join(str(exc).split())[:160], choices=", ".join(sorted(spacy.util.get_installed_models())) or "none")
            ) from None
    if nlp.has_pipe("parser"):
        nlp.add_pipe("guanxi_sentences", before="parser")
    else:
        nlp.add_pipe("guanxi_sentences", first=True)
    nlp.add_pipe("guanxi_entities", last=True, config={"aliases": aliases})
    return nlp
