"""Within one article: which mentions name the same entity.

Declared short forms, partial names (Jan for Jan Leike, 德音 for 刘德音), a
unit's stem (超级对齐 for 超级对齐团队), misspellings (Jan Laike), bare
boards (董事会 for the article's OpenAI董事会), pronouns (他/她/对方) and bare
role nouns (联合创始人 for the one co-founder the article names). Each rule
only fires when the article leaves one candidate: where a careful reader would
hesitate, the mention stays unresolved.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .entities import Mention, declared_aliases
from .lexicon import Lexicon
from .text import in_quote, normalize_key

__all__ = ["Entity", "compatible_types", "unit_stem", "base_key", "collect_aliases", "resolve_mentions", "add_pronouns"]

_CALLED = re.compile(r"(?:戏称|谑称|戏谑|昵称|人称|称|叫)其为[“\"「『]?(?P<alias>[^”\"」』，,。]{2,16})[”\"」』]")
_HONORIFICS = ("老师", "教授", "博士", "先生", "女士", "总", "董", "局长", "院长", "律师", "医生", "指导", "导")
_TEAM_SUFFIXES = ("工作组", "项目组", "研究组", "团队", "小组", "组")
_HANZI = re.compile(r"[\u4e00-\u9fff]")


@dataclass(slots=True)
class Entity:
    key: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    roles: list[str] = field(default_factory=list)
    kind: str | None = None
    gazetteer: bool = False
    owner: str | None = None  # for units and boards: the organisation's key
    surfaces: Counter = field(default_factory=Counter)  # names as written (no pronouns), with counts


def unit_stem(name: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """``(stem, suffix)`` of a unit name: 超级对齐小组 → (超级对齐, 小组)."""
    for suffix in sorted((s for s, c in lexicon.org_suffixes.items() if c == "unit"), key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return None


def base_key(mention: Mention, lexicon: Lexicon) -> str:
    """The key a mention has before anything else in the article is considered."""
    if mention.key:
        return mention.key
    entry = lexicon.lookup(mention.text)
    if entry is not None and entry.type == mention.type:
        return entry.name
    if mention.kind == "unit":
        parts = unit_stem(mention.text, lexicon)
        if parts and parts[1] in _TEAM_SUFFIXES:
            return parts[0] + "团队"  # 小组 / 团队 / 组 name the same team
        if parts and mention.owner is not None:
            return mention.owner.text + mention.text  # 复旦大学经济学院, 微软亚洲研究院: named with their owner
    text = re.sub(r"\s+", " ", mention.text).strip()
    return text


def collect_aliases(
    text: str, mentions: list[Mention], lexicon: Lexicon, is_common_word, *, frequency=lambda w: 0, is_known_place=lambda w: False
) -> dict[str, tuple[str, str, str | None, str]]:
    """Names the article itself makes into aliases, for a second recognition pass.

    Values are ``(key, type, kind, source)``: ``alias`` for short forms the text
    declares (they win over any other reading), ``derived`` for forms guanxi infers
    (a given name, a unit's stem, an organisation's short name; a longer name wins).
    """
    aliases: dict[str, tuple[str, str]] = {}
    for mention, short, _, _ in declared_aliases(text, mentions):
        target = base_key(mention, lexicon)
        aliases[short] = (target, mention.type if mention.type != "OTHER" else "PERSON", mention.kind, "alias")
    for match in _CALLED.finditer(text):
        # "网友戏谑其为“CloseAI”": a nickname for the sentence's first name.
        sentence_start = max(text.rfind(c, 0, match.start()) for c in "。！？!?\n") + 1
        named = [m for m in mentions if sentence_start <= m.start < match.start() and m.type in ("ORG", "PERSON")]
        if named:
            aliases.setdefault(match.group("alias"), (base_key(named[0], lexicon), named[0].type, named[0].kind, "alias"))
    persons = [m for m in mentions if m.type == "PERSON"]
    given_names: Counter[str] = Counter()
    owners: dict[str, str] = {}
    for m in persons:
        if len(m.text) == 3 and _HANZI.match(m.text) and m.text[0] in lexicon.surnames and m.source in ("role", "jieba", "gazetteer"):
            given_names[m.text[1:]] += 1
            owners[m.text[1:]] = base_key(m, lexicon)
    for m in persons:
        # 卡洛斯·门多萨 → 门多萨: a foreign name's last part stands for the person.
        parts = re.split(r"[·•‧・-]", m.text)
        if len(parts) >= 2:
            # 卡洛斯·门多萨 → 门多萨 (the family name), and 卡洛斯 (the given name, as friends say it).
            for part in (parts[-1], parts[0]):
                if len(part) >= 2 and _HANZI.match(part) and not lexicon.is_stop(part) and not lexicon.lookup(part):
                    aliases.setdefault(part, (base_key(m, lexicon), "PERSON", None, "derived"))
    for m in persons:
        # A name the article established is found again wherever it stands (许国平 after 许国/平).
        if len(m.text) >= 3 and _HANZI.match(m.text) and m.source in ("role", "gazetteer", "joined"):
            aliases.setdefault(m.text, (base_key(m, lexicon), "PERSON", None, "derived"))
    by_surname: dict[str, set[str]] = {}
    for m in persons:
        if _HANZI.match(m.text) and 2 <= len(m.text) <= 4 and not m.text.endswith(_HONORIFICS):
            surname = m.text[:2] if m.text[:2] in lexicon.surnames and len(m.text) > 2 else m.text[:1]
            if surname in lexicon.surnames:
                by_surname.setdefault(surname, set()).add(base_key(m, lexicon))
    for surname, keys in by_surname.items():
        if len(keys) == 1:
            # "沈老师", "马总", "王先生": the one person of that surname in the article.
            for honorific in _HONORIFICS:
                aliases.setdefault(surname + honorific, (next(iter(keys)), "PERSON", None, "derived"))
    for given, _count in given_names.items():
        # Only when one person in the article has that given name and it is no common word.
        if len({owners[given]}) == 1 and not is_common_word(given) and given not in aliases:
            same = {base_key(m, lexicon) for m in persons if m.text.endswith(given) and len(m.text) == 3}
            if len(same) == 1:
                aliases[given] = (owners[given], "PERSON", None, "derived")
    for m in mentions:
        if m.type == "ORG" and m.source in ("suffix", "derived") and m.kind is None and m.key is None:
            for short in org_short_forms(m.text, lexicon, frequency=frequency, is_known_place=is_known_place):
                aliases.setdefault(short, (base_key(m, lexicon), "ORG", None, "derived"))
    for m in mentions:
        if m.kind == "unit":
            parts = unit_stem(m.text, lexicon)
            if parts and len(parts[0]) >= 3 and not lexicon.is_stop(parts[0]) and parts[0] not in lexicon.generic_prefixes:
                aliases.setdefault(parts[0], (base_key(m, lexicon), "ORG", "unit", "derived"))
    return aliases


def org_short_forms(name: str, lexicon: Lexicon, *, frequency=lambda w: 0, is_known_place=lambda w: False) -> list[str]:
    """Short forms news uses for an organisation named by its suffix.

    青州蓝鲸足球俱乐部 → 蓝鲸俱乐部, 青州蓝鲸, 蓝鲸; 星河智能科技股份有限公司 → 星河智能科技, 星河智能.

    >>> from guanxi.extractors.lexicon import load_lexicon
    >>> org_short_forms("星河智能科技股份有限公司", load_lexicon())
    ['星河智能科技', '星河智能', '星河']
    """
    suffixes = sorted((s for s, c in lexicon.org_suffixes.items() if c == "org"), key=len, reverse=True)
    forms: list[str] = []
    core, last_suffix = name, ""
    city = lexicon.lookup(name[:2]) or lexicon.lookup(name[:3])
    if city is not None and city.type == "GPE" and len(name) in (4, 5) and not any(name.endswith(s) for s in suffixes):
        return [name[len(name) - 2 :]]  # 桃园猎鹰 → 猎鹰
    while True:
        suffix = next((s for s in suffixes if core.endswith(s) and len(core) - len(s) >= 2), None)
        if suffix is None:
            break
        core = core[: -len(suffix)]
        last_suffix = suffix
        forms.append(core)
    def is_place(word: str) -> bool:
        entry = lexicon.lookup(word)
        return entry.type == "GPE" if entry is not None else is_known_place(word)

    place = next((core[:n] for n in (3, 2) if len(core) - n >= 2 and is_place(core[:n])), None)
    if place:
        bare = core[len(place):]
        forms.append(bare)
        # 青州蓝鲸足球俱乐部 → 蓝鲸俱乐部: the bare name with the suffix or its last part.
        forms += [bare + s for s in suffixes if last_suffix.endswith(s) and len(s) <= 3]
    good = []
    for form in forms:
        entry = lexicon.lookup(form)
        # Two characters are a name only if the segmenter rarely sees them as a word (蓝鲸 yes, 港湾 no).
        if form.endswith(("市", "省", "县", "区", "州", "镇")):
            continue  # "滨江市" of 滨江市中级人民法院 is the city
        if len(form) >= 2 and form != name and not lexicon.is_stop(form) and form not in lexicon.generic_prefixes \
                and not (entry is not None and entry.type != "ORG") and (len(form) > 2 or frequency(form) < 100) and form not in good:
            good.append(form)
    return good


def resolve_mentions(text: str, mentions: list[Mention], lexicon: Lexicon) -> dict[str, Entity]:
    """Give every mention its entity key and return the article's entities."""
    _attach_owners(text, mentions)
    for m in mentions:
        m.key = base_key(m, lexicon)
    _resolve_fuzzy(mentions, lexicon)
    _resolve_partial_latin(mentions, lexicon)
    _resolve_boards(mentions)
    mentions[:] = [m for m in mentions if m.key]
    return _entities(mentions, lexicon)


def _attach_owners(text: str, mentions: list[Mention]) -> None:
    """A unit or board right after an organisation (with or without 的) belongs to it."""
    previous = None
    for m in mentions:
        if m.kind in ("unit", "board") and previous is not None and previous.type in ("ORG", "GPE"):
            gap = text[previous.end : m.start]
            if gap in ("", "的", " "):
                m.owner = previous
        previous = m


def _resolve_boards(mentions: list[Mention]) -> None:
    qualified: dict[str, str] = {}
    for m in mentions:
        if m.kind == "board" and m.owner is not None:
            m.key = m.owner.key + m.text
            qualified.setdefault(m.text, m.key)
    companies = Counter(m.key for m in mentions if m.type == "ORG" and m.kind is None and m.key)
    main = companies.most_common(1)[0] if companies else None
    for m in mentions:
        if m.kind == "board" and m.owner is None:
            boards = {k for t, k in qualified.items() if t == m.text}
            if len(boards) == 1:
                m.key = boards.pop()
            elif not boards and main is not None and main[1] >= 3:
                m.key = main[0] + m.text  # "董事会通过…" in an article about one company is its board
            else:
                m.key = None  # a bare 董事会 of no known organisation


def _latin_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s.·-]+", name) if t]


def _resolve_partial_latin(mentions: list[Mention], lexicon: Lexicon) -> None:
    """Jan → Jan Leike when the article (or, failing that, the gazetteer) has one such person."""
    full_names = {m.key for m in mentions if m.type == "PERSON" and len(_latin_tokens(m.key)) >= 2 and m.key.isascii()}
    for m in mentions:
        tokens = _latin_tokens(m.text)
        if len(tokens) != 1 or not m.text.isascii() or m.source == "gazetteer":
            continue
        token = tokens[0].lower()
        matches = {k for k in full_names if token in (t.lower() for t in (_latin_tokens(k)[0], _latin_tokens(k)[-1]))}
        if len(matches) == 1:
            m.key = matches.pop()
            m.type = "PERSON"
            continue
        if not matches:
            entries = _gazetteer_partials(lexicon).get(token, ())
            if len(entries) == 1:
                m.key, m.type = entries[0]
        if m.type == "OTHER":
            m.type = "ORG"  # an unknown single Latin word: a brand or organisation


@lru_cache(maxsize=8)
def _gazetteer_partials(lexicon: Lexicon) -> dict[str, list[tuple[str, str]]]:
    """Gazetteer people by the first or last word of their Latin names."""
    partials: dict[str, list[tuple[str, str]]] = {}
    for entry in lexicon.gazetteer.values():
        if entry.type != "PERSON":
            continue
        for name in {entry.name, *entry.aliases}:
            tokens = _latin_tokens(name)
            if len(tokens) >= 2 and name.isascii():
                for token in {tokens[0].lower(), tokens[-1].lower()}:
                    if (entry.name, "PERSON") not in partials.setdefault(token, []):
                        partials[token].append((entry.name, "PERSON"))
    return partials


def similar_latin(a: str, b: str) -> bool:
    """Misspelling test for Latin names: same shape, one small slip.

    >>> similar_latin("Jan Laike", "Jan Leike"), similar_latin("John Schulma", "John Schulman")
    (True, True)
    >>> similar_latin("OpenAO", "OpenAI"), similar_latin("Jan Leike", "Jon Lee"), similar_latin("Meta", "Mela")
    (True, False, False)
    """
    ta, tb = _latin_tokens(a.lower()), _latin_tokens(b.lower())
    if len(ta) != len(tb) or a.lower() == b.lower():
        return False
    differing = [(x, y) for x, y in zip(ta, tb) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    if min(len(x), len(y)) < 4 or x[0] != y[0]:
        return False
    if len(ta) == 1 and min(len(x), len(y)) < 5:
        return False
    return Levenshtein.distance(x, y) <= (1 if max(len(x), len(y)) < 9 else 2)


def _resolve_fuzzy(mentions: list[Mention], lexicon: Lexicon) -> None:
    """Jan Laike → Jan Leike, OpenAO → OpenAI: the gazetteer's spelling or the article's usual one."""
    counts = Counter(m.key for m in mentions)
    types = {m.key: m.type for m in mentions}
    first_seen = {}
    for m in mentions:
        first_seen.setdefault(m.key, m.start)
    latin_keys = [k for k in counts if k.isascii() and k not in lexicon.gazetteer and not lexicon.lookup(k)]
    for key in sorted(latin_keys, key=lambda k: (counts[k], -first_seen[k])):
        # In the article: keys ordered so that rarer spellings are merged into commoner ones.
        target = None
        peers = [k for k in counts if k != key and k.isascii() and counts[k] > 0 and compatible_types(types[k], types[key]) and similar_latin(key, k)]
        if len(peers) == 1:
            target = peers[0]
        elif not peers:
            found = {
                e.name for e in _gazetteer_latin(lexicon).get(key[:1].lower(), ())
                if compatible_types(e.type, types[key]) and any(similar_latin(key, n) for n in (e.name, *e.aliases) if n.isascii())
            }
            target = found.pop() if len(found) == 1 else None
        if target is None:
            continue
        if target not in lexicon.gazetteer and (counts[target], -first_seen.get(target, 0)) < (counts[key], -first_seen[key]):
            continue
        for m in mentions:
            if m.key == key:
                m.key = target
                m.type = lexicon.gazetteer[target].type if target in lexicon.gazetteer else types[target]
        counts[target] += counts.pop(key)
        types.setdefault(target, types[key])


@lru_cache(maxsize=8)
def _gazetteer_latin(lexicon: Lexicon) -> dict:
    """Gazetteer entries with Latin names, by their first letter."""
    by_letter: dict = {}
    for entry in lexicon.gazetteer.values():
        for name in {entry.name, *entry.aliases}:
            if name.isascii() and name[:1].isalpha():
                group = by_letter.setdefault(name[0].lower(), [])
                if entry not in group:
                    group.append(entry)
    return by_letter


def compatible_types(a: str, b: str) -> bool:
    """Types that may name one entity: equal, or one still undecided (OTHER)."""
    return a == b or "OTHER" in (a, b)


def _entities(mentions: list[Mention], lexicon: Lexicon) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    type_votes: dict[str, Counter] = {}
    for m in mentions:
        entity = entities.get(m.key)
        if entity is None:
            entry = lexicon.gazetteer.get(m.key)
            entity = entities[m.key] = Entity(
                key=m.key, name=m.key, type=entry.type if entry else m.type, kind=entry.kind if entry else m.kind,
                gazetteer=entry is not None,
            )
        entity.mentions += 1
        entity.aliases.add(m.text)
        if m.source not in ("pronoun", "rolenoun", "orgnoun"):
            written = m.owner.text + m.text if m.owner is not None and m.key == m.owner.text + m.text else m.text
            if m.kind == "board" and m.key and m.key.endswith(m.text):
                written = m.key  # a bare 董事会 is shown as whose board it is
            entity.surfaces[written] += 1  # 复旦大学经济学院 is written in full, owner and all
        if m.role and m.role not in entity.roles:
            entity.roles.append(m.role)
        if m.owner is not None and m.owner.key and entity.owner is None:
            entity.owner = m.owner.key
        if m.kind and not entity.kind:
            entity.kind = m.kind
        weight = 3 if m.source in ("role", "nickname", "alias") else 1
        type_votes.setdefault(m.key, Counter())[m.type] += weight
    for key, entity in entities.items():
        if not entity.gazetteer:
            votes = type_votes[key]
            votes.pop("OTHER", None)
            entity.type = votes.most_common(1)[0][0] if votes else "ORG"
        if entity.kind == "unit" and not entity.gazetteer:
            # Display the most frequent written form of a team (小组 vs 团队).
            forms = Counter(m.text for m in mentions if m.key == key and unit_stem(m.text, lexicon))
            if forms:
                entity.name = forms.most_common(1)[0][0]
    for m in mentions:
        m.type = entities[m.key].type
    return entities


# --- pronouns and bare role nouns ----------------------------------------------------------------

_PRONOUNS = re.compile(r"(?<![其吉])(他|她|对方)(?![们人])|其(?=(?:长子|次子|长女|次女|幼子|独子|儿子|女儿|妻子|丈夫|父亲|母亲|夫人|弟弟|哥哥|姐姐|妹妹|老师|导师|学生|弟子))")
_QUOTE_OPEN, _QUOTE_CLOSE = "“「『\"", "”」』\""


def add_pronouns(
    text: str,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    entities: dict[str, Entity],
    lexicon: Lexicon,
) -> list[Mention]:
    """Mentions for 他/她/对方 and bare role nouns, resolved where one reading is clear."""
    added: list[Mention] = []
    persons = sorted((m for m in mentions if m.type == "PERSON"), key=lambda m: m.start)
    taken = [(m.start, m.end) for m in mentions]
    role_holders: dict[str, set[str]] = {}
    for m in persons:
        if m.role and m.role_category in ("founded", "leads"):
            # Only specific titles: "联合创始人" can point back to its holder, "科学家" cannot.
            bare = m.role.lstrip("前原现任时新候代理首")
            if len(bare) >= 3:
                role_holders.setdefault(bare, set()).add(m.key)
    for index, (s_start, s_end) in enumerate(sentences):
        sentence = text[s_start:s_end]
        for match in _PRONOUNS.finditer(sentence):
            start, end = s_start + match.start(), s_start + match.end()
            if _inside(taken, start, end) or in_quote(sentence, 0, match.start()):
                continue
            antecedent = _antecedent(match.group(), start, index, sentences, persons, text)
            if antecedent is not None:
                pronoun = Mention(start, end, match.group(), "PERSON", "pronoun", 0.75, key=antecedent)
                added.append(pronoun)
                bisect.insort(persons, pronoun, key=lambda m: m.start)
        for title, holders in role_holders.items():
            if len(holders) != 1:
                continue
            for match in re.finditer(re.escape(title), sentence):
                start, end = s_start + match.start(), s_start + match.end()
                following = text[end : end + 1]
                if _inside(taken, start, end) or (following and (following.isascii() and following.isalpha() or following in lexicon.surnames)):
                    continue  # a role title before a name is the name's anchor, not a reference
                if any(m.role_start is not None and m.role_start <= start < m.start for m in persons):
                    continue
                if any(m.type in ("ORG", "GPE") and m.end in (start, start - 1) for m in mentions):
                    continue  # "担任云帆CEO": a title of an organisation, said of someone else
                added.append(Mention(start, end, title, "PERSON", "rolenoun", 0.7, key=next(iter(holders))))
    added += _org_anaphors(text, mentions + added, entities)
    for m in added:
        entities[m.key].mentions += 1
    return sorted(mentions + added, key=lambda m: m.start)


# Bare nouns that point back to an organisation the article named: 俱乐部感谢…, 离开公司.
_ORG_NOUNS = {
    "该公司": ("公司",), "这家公司": ("公司",), "公司": ("公司",), "该集团": ("集团",), "集团": ("集团",),
    "该俱乐部": ("俱乐部", "队"), "俱乐部": ("俱乐部", "队"), "球队": ("队", "俱乐部"), "该队": ("队", "俱乐部"),
    "该行": ("银行",), "该校": ("大学", "学院", "学校"), "法院": ("法院",), "该院": ("法院", "医院"), "该部": ("部",),
}
_COMPANY_ENDINGS = ("公司", "集团", "控股", "股份", "科技", "汽车", "电子", "半导体", "新能源", "置业", "地产", "银行", "资本", "智能")
_ORG_NOUN_RE = re.compile("|".join(sorted(map(re.escape, _ORG_NOUNS), key=len, reverse=True)))


def _org_anaphors(text: str, mentions: list[Mention], entities: dict[str, Entity]) -> list[Mention]:
    taken = [(m.start, m.end) for m in mentions]
    orgs = sorted((m for m in mentions if m.type == "ORG" and entities[m.key].kind not in ("unit", "board", "media")), key=lambda m: m.start)
    counts = Counter(m.key for m in orgs)
    added = []
    for match in _ORG_NOUN_RE.finditer(text):
        start, end = match.span()
        if _inside(taken, start, end) or text[start - 1 : start] in ("母", "子", "分", "总", "本", "原") or text.endswith(("另一", "另一家", "其他", "别的", "一家"), 0, start):
            continue  # "另一法院" is another court
        before = [m for m in orgs if m.end <= start]
        fitting = []
        for head in _ORG_NOUNS[match.group()]:  # the noun's own head first: 俱乐部 before 队
            fitting = [m for m in before if entities[m.key].name.endswith(head) or any(a.endswith(head) for a in entities[m.key].aliases)]
            if fitting:
                break
        if not fitting and match.group().endswith("公司") and counts:
            # A company, not a ministry: names ending like companies first, then the most talked-about.
            companies = [m for m in before if entities[m.key].name.endswith(_COMPANY_ENDINGS)]
            key, n = Counter(m.key for m in companies).most_common(1)[0] if companies else counts.most_common(1)[0]
            fitting = [m for m in before if m.key == key] if n >= 2 or companies else []
        if fitting:
            # The most talked-about fitting organisation, the latest on a tie.
            best = max(fitting, key=lambda m: (counts[m.key], m.start))
            added.append(Mention(start, end, match.group(), "ORG", "orgnoun", 0.7, key=best.key))
    return added


def _inside(spans, start, end) -> bool:
    return any(s < end and start < e for s, e in spans)


def _antecedent(pronoun, start, index, sentences, persons, text) -> str | None:
    """The person a pronoun most plausibly refers to, or None when unsure."""
    s_start = sentences[index][0]
    if pronoun == "对方":
        # "the other party": the last person mentioned who is not this clause's subject.
        before = [m for m in persons if m.end <= start and m.start >= sentences[max(index - 1, 0)][0]]
        subject = _clause_subject(text, start, persons, sentences[max(index - 1, 0)][0])
        keys = [m.key for m in reversed(before) if m.key != subject]
        return keys[0] if keys else None
    if pronoun == "其":
        # "由其长子…": whose son — the subject of the sentence so far, else of the sentence before.
        return _clause_subject(text, start, persons, s_start) or _clause_subject(text, start, persons, sentences[max(index - 1, 0)][0])
    # Not at the head of its clause (an object, "对方称赞他"), it is not that clause's subject.
    clause_start = max(max(text.rfind(c, s_start, start) for c in "，,；;：:") + 1, s_start)
    in_clause = [m for m in persons if clause_start <= m.start and m.end <= start]
    excluded = {in_clause[0].key} if in_clause else set()
    # Same sentence, an earlier clause: "当时Ilya还在,他同…".
    same = [m for m in persons if s_start <= m.end <= start and m.key not in excluded]
    if same:
        keys = {m.key for m in same}
        return same[0].key if len(keys) == 1 else _first_subject(same, text, persons)
    # Otherwise the nearest earlier sentence (at most two back) that names a person: its subject.
    for back in (1, 2):
        if index - back < 0:
            break
        p_start, p_end = sentences[index - back]
        inside = [m for m in persons if p_start <= m.start < p_end and m.key not in excluded]
        if inside:
            return _first_subject(inside, text, persons)
    return None


def _first_subject(candidates: list[Mention], text: str, persons: list[Mention] = ()) -> str | None:
    """The first candidate not marked as an object by a preposition, nor a possessor (陈志华的女儿陈嘉欣)."""
    for m in candidates:
        if text[max(0, m.start - 1) : m.start] in ("对", "向", "给", "被", "把", "跟", "和", "与", "同"):
            continue
        if text[m.end : m.end + 1] == "的" and any(m.end < p.start <= m.end + 6 for p in persons):
            continue
        return m.key
    return None


def _clause_subject(text: str, pos: int, persons: list[Mention], floor: int) -> str | None:
    clause_start = max(text.rfind(c, floor, pos) for c in "。！？；!?;") + 1
    clause_start = max(clause_start, floor)
    inside = [m for m in persons if clause_start <= m.start < pos]
    if inside:
        return _first_subject(inside, text)
    # Pro-drop: the subject of the sentence before.
    before = [m for m in persons if floor <= m.start < clause_start]
    return _first_subject(before, text) if before else None
