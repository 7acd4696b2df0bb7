"""The data files in ``data/``, loaded once and shared by every extractor.

Everything language-specific that a user may want to extend lives in data:
the relation vocabulary and its triggers, role titles, the gazetteer of
well-known entities, surnames and transliteration characters. This module
turns those files into lookup tables; it holds no rules of its own.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import Errors, GuanxiError
from ..model import ENTITY_TYPES
from .text import normalize_key, to_simplified

__all__ = ["Lexicon", "RelationSpec", "GazetteerEntry", "load_lexicon"]


@dataclass(frozen=True, slots=True)
class RelationSpec:
    name: str
    label_en: str
    label_zh: str
    symmetric: bool
    subject: frozenset[str]
    object: frozenset[str]
    triggers: tuple[str, ...]
    weak: frozenset[str] = frozenset()
    intransitive: frozenset[str] = frozenset()
    inverse: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    inverse_nouns: tuple[str, ...] = ()
    implicit_object: str = "affiliation"
    prepositional: tuple[str, ...] = ()
    unit_relation: str | None = None


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    type: str
    aliases: tuple[str, ...]
    kind: str | None = None


@dataclass(frozen=True, eq=False)  # identity hash: caches key on the loaded instance
class Lexicon:
    """Lookup tables built from ``data/`` (and a user alias file)."""

    relations: dict[str, RelationSpec]
    roles: dict[str, str]  # title -> category (leads, works_for, founded, member_of, media)
    gazetteer: dict[str, GazetteerEntry]  # canonical name -> entry
    alias_index: dict[str, str]  # normalize_key(alias) -> canonical name
    surnames: frozenset[str]
    translit_chars: frozenset[str]
    stop_entities: frozenset[str]  # normalized keys
    org_suffixes: dict[str, str] = field(default_factory=dict)  # suffix -> "unit" | "board" | "org"
    generic_prefixes: frozenset[str] = frozenset()
    name_stop_words: frozenset[str] = frozenset()
    trigger_adverbs: frozenset[str] = frozenset()
    industry_suffixes: frozenset[str] = frozenset()
    triggers: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # trigger -> ((relation, kind), ...)
    relational_nouns: dict[str, tuple[str, bool]] = field(default_factory=dict)  # noun -> (relation, inverse)

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The gazetteer entry one of whose names is ``name`` (any script, case, spacing)."""
        canonical = self.alias_index.get(normalize_key(name))
        return self.gazetteer.get(canonical) if canonical else None

    def is_stop(self, name: str) -> bool:
        return normalize_key(name) in self.stop_entities

    def surface_forms(self):
        """Every gazetteer alias in Simplified script with its entry."""
        for entry in self.gazetteer.values():
            for alias in {entry.name, *entry.aliases}:
                yield to_simplified(alias), entry


def _data_path(name: str) -> Path:
    return Path(str(resources.files("guanxi.data").joinpath(name)))


def _read_lines(name: str) -> list[str]:
    path = _data_path(name)
    if not path.exists():
        return []
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


def _read_relations() -> tuple[dict[str, RelationSpec], frozenset[str]]:
    """The relation specs and the adverbs glued to triggers, from one read of relations.toml."""
    data = tomllib.loads(_data_path("relations.toml").read_text(encoding="utf-8"))
    return _relation_specs(data["relations"]), frozenset(data.get("adverbs", ()))


def _relation_specs(data) -> dict[str, RelationSpec]:
    specs = {}
    for name, spec in data.items():
        specs[name] = RelationSpec(
            name=name,
            label_en=spec["label_en"],
            label_zh=spec["label_zh"],
            symmetric=bool(spec.get("symmetric", False)),
            subject=frozenset(spec["subject"]),
            object=frozenset(spec["object"]),
            triggers=tuple(spec.get("triggers", ())),
            weak=frozenset(spec.get("weak", ())),
            intransitive=frozenset(spec.get("intransitive", ())),
            inverse=tuple(spec.get("inverse", ())),
            nouns=tuple(spec.get("nouns", ())),
            inverse_nouns=tuple(spec.get("inverse_nouns", ())),
            implicit_object=spec.get("implicit_object", "affiliation"),
            prepositional=tuple(spec.get("prepositional", ())),
            unit_relation=spec.get("unit_relation"),
        )
    return specs


def read_alias_file(path: str | Path) -> list[GazetteerEntry]:
    """Entries of a gazetteer-format JSON Lines file (the format of ``--aliases``)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GuanxiError(Errors.E005.format(path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GuanxiError(Errors.E001.format(path=path, reason=" ".join(str(exc).split()))) from None
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GuanxiError(Errors.E011.format(path=path, line=number, reason=exc.msg)) from None
        if not isinstance(record, dict) or not isinstance(record.get("name"), str) or not record["name"].strip():
            raise GuanxiError(Errors.E011.format(path=path, line=number, reason="needs a 'name' string"))
        etype = record.get("type", "OTHER")
        if etype not in ENTITY_TYPES:
            raise GuanxiError(
                Errors.E011.format(path=path, line=number, reason=f"type '{etype}' is not one of {', '.join(ENTITY_TYPES)}")
            )
        aliases = record.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GuanxiError(Errors.E011.format(path=path, line=number, reason="'aliases' must be a list of strings"))
        entries.append(
            GazetteerEntry(name=record["name"].strip(), type=etype, aliases=tuple(a for a in aliases if len(a.strip()) >= 2), kind=record.get("kind"))
        )
    return entries


def load_lexicon(aliases: str | None = None) -> Lexicon:
    """Load ``data/`` once; ``aliases`` is a user file whose entries add to or override the gazetteer."""
    return _load_lexicon(str(aliases) if aliases else None)


@lru_cache(maxsize=8)
def _load_lexicon(aliases: str | None) -> Lexicon:
    relations, trigger_adverbs = _read_relations()
    roles_data = tomllib.loads(_data_path("roles.toml").read_text(encoding="utf-8"))
    roles = {}
    for category, titles in roles_data.items():
        for title in titles:
            roles.setdefault(to_simplified(title), category)

    entries = read_alias_file(_data_path("gazetteer.jsonl")) if _data_path("gazetteer.jsonl").exists() else []
    if aliases:
        entries += read_alias_file(aliases)
    gazetteer: dict[str, GazetteerEntry] = {}
    alias_index: dict[str, str] = {}
    for entry in entries:
        # A later entry (the user's) with the same normalized name replaces the earlier one.
        previous = alias_index.get(normalize_key(entry.name))
        if previous and previous in gazetteer and normalize_key(previous) == normalize_key(entry.name):
            del gazetteer[previous]
        gazetteer[entry.name] = entry
        for alias in (entry.name, *entry.aliases):
            alias_index[normalize_key(alias)] = entry.name

    triggers: dict[str, list[tuple[str, str]]] = {}
    nouns: dict[str, tuple[str, bool]] = {}
    for spec in relations.values():
        for trigger in spec.triggers:
            triggers.setdefault(trigger, []).append((spec.name, "intransitive" if trigger in spec.intransitive else "verb"))
        for trigger in spec.inverse:
            triggers.setdefault(trigger, []).append((spec.name, "inverse"))
        for trigger in spec.prepositional:
            triggers.setdefault(trigger, []).append((spec.name, "prepositional"))
        for noun in spec.nouns:
            nouns[noun] = (spec.name, False)
        for noun in spec.inverse_nouns:
            nouns[noun] = (spec.name, True)

    suffix_data = tomllib.loads(_data_path("org_suffixes.toml").read_text(encoding="utf-8"))
    org_suffixes = {}
    for category in ("unit", "board", "org"):
        for suffix in suffix_data.get(category, ()):
            org_suffixes.setdefault(to_simplified(suffix), category)

    return Lexicon(
        relations=relations,
        org_suffixes=org_suffixes,
        generic_prefixes=frozenset(suffix_data.get("generic_prefixes", ())),
        name_stop_words=frozenset(suffix_data.get("stop_words", ())),
        trigger_adverbs=trigger_adverbs,
        industry_suffixes=frozenset(to_simplified(x) for x in suffix_data.get("industry", ())),
        roles=roles,
        gazetteer=gazetteer,
        alias_index=alias_index,
        surnames=frozenset(to_simplified(s) for s in _read_lines("surnames.txt")),
        translit_chars=frozenset(to_simplified("".join(_read_lines("translit_chars.txt")))),
        stop_entities=frozenset(normalize_key(s) for s in _read_lines("stop_entities.txt")),
        triggers={k: tuple(v) for k, v in triggers.items()},
        relational_nouns=nouns,
    )
