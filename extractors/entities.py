"""Finding entity mentions: people, organisations, places and products.

Recognition does not depend on the gazetteer: names are also found by their
shape (Latin names, transliterations joined by ``·`` or ``-``), by what stands
around them (a role title before a name, an organisation suffix after it, a
declared short form in brackets) and by the segmenter's part-of-speech hints.
The gazetteer only adds names and fixes types it knows.

All functions work on the Simplified processing text and return character
offsets, which are offsets in the original article too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import Lexicon
from .text import normalize_key

__all__ = ["Mention", "Tok", "find_mentions", "ROLE_MODIFIERS"]


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str
    tag: str


@dataclass(slots=True)
class Mention:
    """A span of text naming an entity (before and after resolution)."""

    start: int
    end: int
    text: str
    type: str
    source: str
    certainty: float
    role: str | None = None  # role title anchored before the name, e.g. 前首席科学家
    role_start: int | None = None  # where that role phrase starts
    role_category: str | None = None  # leads / works_for / founded / member_of / media
    owner: "Mention | None" = None  # the organisation a unit or board belongs to
    kind: str | None = None  # unit / board / media / ... (from suffixes or the gazetteer)
    key: str | None = None  # the entity this mention resolves to
    extra: dict = field(default_factory=dict)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


# Tiers: shape- and context-anchored names beat segmenter guesses.
_TIER = {"alias": -1, "media": 0, "derived": 0, "joined": 0, "gazetteer": 0, "role": 0, "suffix": 0, "nickname": 0, "latin": 0, "translit": 2, "jieba": 3}

ROLE_MODIFIERS = ("另一位", "另一名", "这位", "一位", "现任", "时任", "新任", "候任", "代理", "首任", "前任", "前", "原", "首位")
_KEPT_MODIFIERS = ("现任", "时任", "新任", "候任", "代理", "首任", "前任", "前", "原")

_LATIN = re.compile(
    r"(?<![A-Za-z0-9@/._-])"
    r"(?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)(?:[’'][A-Za-z]+)?"
    r"(?:-\d+[A-Za-z]*)?"
    r"(?:(?:\s|\.\s?|·|-)(?:[A-Z][A-Za-z0-9]*|de|van|von|der|da|di|le|la|bin|al)(?:-\d+[A-Za-z]*)?)*"
    r"(?:\s\d{1,4}[A-Za-z]{0,3}(?![\d年月日万亿%.]))?"  # model numbers: iPhone 15, Model 3
    r"(?![A-Za-z0-9])"
)
_URL = re.compile(r"(?:https?://|www\.)[^\s\u4e00-\u9fff，。]+")
_HANZI = re.compile(r"[\u4e00-\u9fff]")
_JOINER = "·•‧・-－"
_DOTS = "·•‧・"
_NICKNAME = re.compile(r"(?<![A-Za-z])[A-Z]{1,4}(?:哥|姐|叔|爷|神|总)")
_DECLARED = re.compile(
    r"\s*[（(]\s*(?P<kw>以下简称|以下称|下称|简称|又称|以下统称|下同|英文名|英文|原名)?\s*[为:：]?\s*[“\"「『]?"
    r"(?P<short>[^（()）“”\"「」『』,，。;；、]{1,24}?)[”\"」』]?\s*[)）]"
)
# Characters that end a Chinese given name rather than continue it.
_NAME_STOP = set("说表在的是和与也就对称将已于被把为向等都还又今昨曾则便个一不之了着过来去到从让给跟及或而但并再才只已很最更先后上下里中外称道指透曾亦均皆仍乃即刚话讲问以让")
_ORG_WORDS = {
    "inc", "corp", "corporation", "group", "labs", "lab", "ai", "bank", "capital", "ventures", "university", "institute",
    "news", "times", "post", "journal", "media", "motors", "technologies", "technology", "foundation", "fund", "partners",
    "holdings", "club", "fc", "association", "council", "party", "agency", "ministry", "committee", "research", "studio",
    "studios", "games", "systems", "networks", "review", "press", "company", "co", "ltd", "llc", "plc", "school", "college",
    "office", "department", "league", "united", "city", "team", "council", "verge", "information",
    "electronics", "microelectronics", "semiconductor", "semiconductors", "energy", "pharma", "pharmaceuticals",
    "industries", "airlines", "airways", "telecom", "solutions", "software", "robotics", "devices", "materials",
    "chemicals", "foods", "logistics", "motor", "automotive", "insurance", "securities", "investment", "investments",
    "financial", "trust", "airport", "hospital", "institute", "agency", "authority", "commission", "bureau",
}
_PERSON_VERBS = ("说", "表示", "认为", "写道", "指出", "透露", "称", "坦言", "强调", "回忆", "发文", "发推", "曾经", "本人")
_MEDIA_CUES_BEFORE = ("据",)
_MEDIA_CUES_AFTER = ("报道", "报导", "援引", "消息", "独家", "采访")


def find_mentions(
    text: str,
    toks: list[Tok],
    lexicon: Lexicon,
    *,
    extra_aliases: dict[str, tuple[str, str, str | None, str]] | None = None,
    is_common_word: Callable[[str], bool] = lambda w: False,
    is_known_place: Callable[[str], bool] = lambda w: False,
    frequency: Callable[[str], int] = lambda w: 0,
) -> list[Mention]:
    """Every entity mention in ``text``, non-overlapping, in text order.

    ``extra_aliases`` maps a Simplified surface form to ``(key, type, kind, source)``: names
    this article declared (``以下简称``) or implied (a given name, a unit's stem).
    """
    starts = {t.start for t in toks}
    ends = {t.end for t in toks}
    blocked = [(m.start(), m.end()) for m in _URL.finditer(text)]
    candidates: list[Mention] = []
    candidates += _gazetteer_mentions(text, lexicon, starts, ends)
    if extra_aliases:
        candidates += _alias_mentions(text, extra_aliases, starts, ends)
    candidates += _role_mentions(text, toks, lexicon)
    candidates += _kin_mentions(text, toks, lexicon)
    candidates += _org_mentions(text, toks, lexicon)
    candidates += _recurring_org_mentions(text, lexicon, frequency, starts)
    candidates += _latin_mentions(text, lexicon)
    candidates += _nickname_mentions(text)
    candidates += _model_mentions(text, lexicon)
    candidates += _speaker_mentions(text, toks, lexicon, is_common_word)
    candidates += _team_mentions(text, toks, lexicon, is_common_word)
    candidates += _media_mentions(text)
    candidates += _product_mentions(text)
    candidates += _translit_mentions(text, toks, lexicon)
    candidates += _jieba_mentions(text, toks, lexicon, is_common_word, is_known_place)
    candidates = [
        c for c in candidates
        if not any(s <= c.start < e for s, e in blocked) and not lexicon.is_stop(c.text) and c.text.strip()
    ]
    known_ends = {(c.end, c.start) for c in candidates if c.source in ("alias", "derived", "gazetteer")}
    anchored = [(c.start, c.end) for c in candidates if c.source == "role"]
    def junk_before_known(c: Mention) -> bool:
        for end, start in known_ends:
            if end == c.end and c.start < start:
                head = text[c.start : start]
                place = lexicon.lookup(head)
                if not (place is not None and place.type == "GPE" or is_known_place(head)):
                    return True  # "印尼外交部", "青州蓝鲸足球俱乐部" keep their place
        return False

    candidates = [
        c for c in candidates
        if not (c.source == "suffix" and junk_before_known(c))
        and not (c.source == "suffix" and any(c.start <= s and e <= c.end for s, e in anchored))
    ]  # "投资星河智能": the known name 星河智能 with a verb before it; "CTO王浩然加盟深维智能": a person inside
    return _select(candidates)


def _select(candidates: list[Mention]) -> list[Mention]:
    """Greedy non-overlapping choice: stronger evidence first, then longer names."""
    chosen: dict[tuple[int, int], Mention] = {}
    taken = bytearray(max((c.end for c in candidates), default=0) + 1)
    for cand in sorted(candidates, key=lambda c: (_TIER[c.source], -(c.end - c.start), c.start)):
        if any(taken[cand.start : cand.end]):
            # A role title before a name the gazetteer already found still anchors it.
            same = chosen.get(cand.span)
            if same is not None and cand.role and not same.role:
                same.role, same.role_start, same.role_category = cand.role, cand.role_start, cand.role_category
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        chosen[cand.span] = cand
    return sorted(chosen.values(), key=lambda m: m.start)


# --- gazetteer and declared aliases ---------------------------------------------------------


class _SurfaceIndex:
    """Surface forms grouped by first character, longest first, for a linear scan."""

    def __init__(self, forms: Iterable[tuple[str, object]]):
        by_first: dict[str, list[tuple[str, object]]] = {}
        for form, value in forms:
            low = form.lower()
            if len(low) >= 2:
                by_first.setdefault(low[0], []).append((low, value))
        for group in by_first.values():
            group.sort(key=lambda item: -len(item[0]))
        self.by_first = by_first

    def scan(self, text: str, starts: set[int], ends: set[int]):
        low = text.lower()
        i, n = 0, len(text)
        while i < n:
            group = self.by_first.get(low[i])
            hit = None
            if group:
                for form, value in group:
                    if low.startswith(form, i) and _boundary_ok(text, i, i + len(form), starts, ends):
                        hit = (i, i + len(form), value)
                        break
            if hit:
                yield hit
                i = hit[1]
            else:
                i += 1


def _boundary_ok(text: str, start: int, end: int, starts: set[int], ends: set[int]) -> bool:
    first, last = text[start], text[end - 1]
    if first.isascii() and first.isalnum() and start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
        return False
    if last.isascii() and last.isalnum() and end < len(text) and text[end].isascii() and text[end].isalnum():
        return False
    if end - start == 2 and _HANZI.match(first) and _HANZI.match(last):
        return start in starts and end in ends
    return True


@lru_cache(maxsize=8)
def _gazetteer_index(lexicon: Lexicon) -> _SurfaceIndex:
    return _SurfaceIndex(lexicon.surface_forms())


def _gazetteer_mentions(text, lexicon, starts, ends):
    for start, end, entry in _gazetteer_index(lexicon).scan(text, starts, ends):
        yield Mention(start, end, text[start:end], entry.type, "gazetteer", 1.0, kind=entry.kind, key=entry.name)


def _alias_mentions(text, aliases, starts, ends):
    index = _SurfaceIndex((form, value) for form, value in aliases.items())
    for start, end, (key, etype, kind, source) in index.scan(text, starts, ends):
        # "明远" inside "周明远" is the tail of the full name: the mention is the full name.
        if len(key) > end - start and text.endswith(key, 0, end):
            yield Mention(end - len(key), end, key, etype, "alias", 0.95, key=key, kind=kind)
            continue
        if len(key) > end - start and text.startswith(key, start):
            continue
        yield Mention(start, end, text[start:end], etype, source, 0.9, key=key, kind=kind)


# --- names anchored by a role title ----------------------------------------------------------


@lru_cache(maxsize=8)
def _role_pattern(lexicon: Lexicon) -> re.Pattern:
    titles = sorted(lexicon.roles, key=len, reverse=True)
    modifiers = "|".join(ROLE_MODIFIERS)
    return re.compile(rf"(?P<mods>(?:{modifiers})*)(?P<title>{'|'.join(map(re.escape, titles))})")


@lru_cache(maxsize=8)
def _kin_pattern(lexicon: Lexicon) -> re.Pattern:
    nouns = sorted((n for n, (rel, _) in lexicon.relational_nouns.items() if lexicon.relations[rel].subject == frozenset({"PERSON"})), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, nouns)))


def _kin_mentions(text: str, toks: list[Tok], lexicon: Lexicon):
    """A name right after a kinship or mentor noun is a person: 父亲韩建国, 教练王强, 其长子陈嘉言."""
    by_start = {t.start: t for t in toks}
    for match in _kin_pattern(lexicon).finditer(text):
        found = _name_at(text, match.end(), by_start, lexicon)
        if found and found[1] == "PERSON" and found[0] - match.end() >= 2:
            yield Mention(match.end(), found[0], text[match.end() : found[0]], "PERSON", "role", 0.85)


def _role_mentions(text: str, toks: list[Tok], lexicon: Lexicon):
    by_start = {t.start: t for t in toks}
    for match in _role_pattern(lexicon).finditer(text):
        title = match.group("title")
        category = lexicon.roles[title]
        pos = match.end()
        if category == "media":  # bylines: "界面新闻记者 | 伍洋宇"
            while pos < len(text) and text[pos] in " \t|｜:：/":
                pos += 1
        found = _name_at(text, pos, by_start, lexicon)
        if not found:
            continue
        end, etype = found
        mods = match.group("mods")
        kept = "".join(m for m in re.findall("|".join(ROLE_MODIFIERS), mods) if m in _KEPT_MODIFIERS)
        # "创始人、董事长兼CEO周明远": every title of the list applies.
        title_start = match.start("title")
        roles, role_start = [(kept + title, category, title_start)], match.start()
        while True:
            earlier = _title_ending_at(text, role_start, lexicon)
            if earlier is None:
                break
            role_start, earlier_title = earlier
            roles.insert(0, (earlier_title, lexicon.roles[earlier_title], role_start))
        yield Mention(
            match.end() if pos == match.end() else pos, end, text[pos:end], etype, "role", 0.95,
            role=kept + title, role_start=role_start, role_category=category, extra={"roles": roles},
        )


def _title_ending_at(text: str, pos: int, lexicon: Lexicon) -> tuple[int, str] | None:
    for joiner in ("、", "兼", "和", "及", "暨"):
        if text.endswith(joiner, 0, pos):
            for title in sorted(lexicon.roles, key=len, reverse=True):
                if text.endswith(title, 0, pos - len(joiner)):
                    return pos - len(joiner) - len(title), title
    return None


def _name_at(text: str, pos: int, by_start: dict[int, Tok], lexicon: Lexicon) -> tuple[int, str] | None:
    """End and type of a personal name starting at ``pos``, if one does."""
    if pos >= len(text):
        return None
    latin = _LATIN.match(text, pos)
    if latin and latin.start() == pos:
        name = latin.group()
        if lexicon.is_stop(name) or len(name) < 2:
            return None
        return latin.end(), "PERSON"
    translit = _translit_run(text, pos, lexicon)
    if translit:
        return translit, "PERSON"
    tok = by_start.get(pos)
    family = next((text[pos : pos + n] for n in (3, 2) if text[pos : pos + n] in lexicon.surnames), None)
    if family and len(family) == 3:
        given = 0
        while given < 2 and pos + 3 + given < len(text) and _HANZI.match(text[pos + 3 + given]) and text[pos + 3 + given] not in _NAME_STOP:
            given += 1
        if given:
            return pos + 3 + given, "PERSON"  # 小野寺遥: a three-character family name
    if family is None and tok is not None and len(tok.text) >= 2 and tok.tag in ("n", "v", "vn", "a", "an", "ad") and _HANZI.match(tok.text):
        return None  # "特首|房屋事务": a word, not a name
    two = text[pos : pos + 2]
    surname_len = 2 if two in lexicon.surnames else 1 if text[pos] in lexicon.surnames else 0
    chars = lexicon.translit_chars
    if tok and tok.tag.startswith("nr") and _HANZI.match(tok.text) and (2 <= len(tok.text) <= 4 or len(tok.text) > 4 and all(c in chars for c in tok.text)):
        end = tok.end
        nxt = by_start.get(end)
        if all(c in chars for c in tok.text):
            # 穆斯/卡特: a transliteration the segmenter cut in two.
            while nxt and nxt.tag.startswith("nr") and all(c in chars for c in nxt.text):
                end, nxt = nxt.end, by_start.get(nxt.end)
        elif len(tok.text) == surname_len and nxt and len(nxt.text) <= 2 and _HANZI.match(nxt.text):
            end = nxt.end  # 郭/广昌
        elif nxt and nxt.tag.startswith("nr") and len(tok.text) + len(nxt.text) <= 4 and _HANZI.match(nxt.text):
            end = nxt.end  # 佐藤/健一
        elif surname_len == 1 and len(tok.text) == 2 and nxt and len(nxt.text) == 1 and _HANZI.match(nxt.text) \
                and nxt.text not in _NAME_STOP and not nxt.tag.startswith(("p", "c", "u", "d", "v", "m", "q", "f")):
            end = nxt.end  # 陈家/乐: the segmenter cut a three-character name
        if end - pos < 4 and end < len(text) and _HANZI.match(text[end]) and text.count(text[pos : end + 1]) >= 2 \
                and by_start.get(end) is not None and len(by_start[end].text) == 1 and text[end] not in _NAME_STOP - {"一"}:
            end += 1  # 佐藤健/一: the article repeats the longer name
        joined = re.match(rf"[{re.escape(_DOTS)}][\u4e00-\u9fff]{{1,6}}", text[end:])
        if joined:
            end += joined.end()  # 何塞·雷耶斯
        return end, "PERSON"
    if not surname_len:
        return None
    end = pos + surname_len
    given = 0
    while end < len(text) and given < 2 and _HANZI.match(text[end]) and text[end] not in _NAME_STOP:
        end += 1
        given += 1
    if given == 0:
        return None
    return end, "PERSON"


# --- organisations by suffix -----------------------------------------------------------------


@lru_cache(maxsize=8)
def _suffix_pattern(lexicon: Lexicon) -> re.Pattern:
    suffixes = sorted(lexicon.org_suffixes, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, suffixes)))


# Function words end a name; content words of any tag may be part of one (jieba tags 对齐 as d).
_NOT_IN_NAMES = ("p", "c", "r", "m", "q", "u", "y", "e", "o", "w", "f", "t", "zg")


_SUFFIX_WORDS = {"网": "友民球络页站点红购约文", "部": "分长门署件位", "队": "员伍长友", "局": "面势长限", "委": "员屈托婉",
                 "办": "法理公事", "署": "名理", "厅": "长堂", "党": "员派章纲", "军": "队事人舰"}
_NUMERALS = set("一二三四五六七八九十百千万亿两几数半多第每各零〇")
_GOVERNMENT = ("局", "部", "委", "厅", "署", "办", "委员会", "办公室", "管理局", "监督管理局")
_OWNER_NOUNS = ("旗下", "母公司", "子公司", "下属", "控股子公司")
# Class nouns that describe rather than name: "智能制造企业|星河智能…", "机器人公司|云帆机器人".
_CLASS_NOUNS = ("公司", "企业", "制造企业", "机构", "厂商", "巨头", "龙头", "品牌", "平台", "车企", "药企", "房企", "银行业", "工作室",
                "矿企", "国企", "央企", "民企", "外企", "大厂", "矿业巨头", "国有矿企")


def _org_mentions(text: str, toks: list[Tok], lexicon: Lexicon):
    """``<name words><suffix>``: 格力电器股份有限公司, 治理团队, OpenAI董事会, 交通部(长)."""
    tok_ending = {t.end: i for i, t in enumerate(toks)}
    tok_starts = [t.start for t in toks]
    tok_index = {t.start: i for i, t in enumerate(toks)}
    roles = lexicon.roles
    for match in _suffix_pattern(lexicon).finditer(text):
        suffix = match.group()
        category = lexicon.org_suffixes[suffix]
        s_start, s_end = match.span()
        # The suffix must end a word ("公司" in "公司化" does not), or begin a head title (交通部长).
        if any(len(t) > len(suffix) and text.startswith(t, s_end - len(t)) for t in roles):
            continue  # "领队", "队长": the suffix ends a role title, not a name
        if len(suffix) == 1 and text[s_end : s_end + 1] in _SUFFIX_WORDS.get(suffix, ""):
            continue  # "网友", "部分", "队员", "局面": the character starts a word, it ends no name
        head_title = any(text.startswith(t, s_end - 1) and t[0] == suffix[-1] for t in roles)
        if head_title and text[s_start - 1 : s_start] in (suffix[-1], "原", "前", "副", "代", "总"):
            continue  # "铁道局局长", "规划局原局长": the first 局 ends the name
        if s_end < len(text) and s_end not in tok_ending and not _ends_before_role(text, s_end, roles) and not head_title:
            continue
        start = s_start
        i = tok_ending.get(s_start)
        k = bisect.bisect_right(tok_starts, s_start) - 1
        inner = k if k >= 0 and toks[k].start < s_start < toks[k].end else None
        inner_ok = inner is not None and (
            toks[inner].tag in ("nt", "ns")
            or (len(suffix) > 1 or head_title or len(toks[inner].text) >= 3) and toks[inner].tag in ("nz", "n", "l", "j")
        )  # 国防部/nt, 高等法院/l, 交通部长 — but not 部署/n ("deploy") or 人工智能/n
        if i is None and inner_ok and suffix not in lexicon.industry_suffixes:
            # The suffix ends a word (国防部): the word's head starts the name; walk back from there.
            start = toks[inner].start
            i = inner - 1 if inner > 0 and toks[inner - 1].end == toks[inner].start else None
        words, has_verb = 0, False
        while i is not None and words < 4:
            tok = toks[i]
            if tok.text in ("和", "与") and suffix in _GOVERNMENT and (words > 0 or start < s_start) and i > 0 and toks[i - 1].tag[:1] in ("n", "l"):
                # "自然资源和规划局": government bodies join their remits with 和.
                start, words = tok.start, words + 1
                i = i - 1 if toks[i - 1].end == tok.start else None
                continue
            media = lexicon.org_suffixes.get(suffix) == "org" and suffix.endswith(("网", "报", "新闻", "电视台", "周刊"))
            name_like = (
                media and tok.tag in ("t", "f", "s")  # "今日南方新闻网"
                or tok.tag == "m" and len(tok.text) == 1 and tok.text not in _NUMERALS and _HANZI.match(tok.text)  # "大元营造"
            )
            if tok.text in lexicon.name_stop_words or not tok.text.strip() or tok.tag.startswith(_NOT_IN_NAMES) and not name_like:
                break
            if tok.tag == "x" and not tok.text.isalnum():
                break
            if tok.text in roles or tok.text in _OWNER_NOUNS or tok.text in _CLASS_NOUNS or lexicon.org_suffixes.get(tok.text) in ("unit", "board"):
                break
            if len(tok.text) >= 2 and tok.text[-1] in "厂商企" and words == 0:
                break  # "功率半导体厂|晶禾半导体": a description of the company
            if tok.text in lexicon.relational_nouns:
                break  # "竞争对手|东升货运": a relation word is no part of the name
            if lexicon.triggers.get(tok.text) and (category == "org" or tok.tag not in ("vn", "j", "n", "nz")):
                break  # a verb before the name: "接管超级对齐团队", "加盟深维智能" (研发/j in 研发团队 is no verb)
            entry = lexicon.lookup(tok.text)
            if entry is not None and entry.type == "ORG" and (words > 0 or category != "org") or (category != "org" and tok.text.isascii()):
                break  # another organisation (an owner, a league) is its own entity: 中超|青州蓝鲸足球俱乐部
            has_verb |= tok.tag.startswith("v") and len(tok.text) > 1  # 驰/vg in 曜驰 is a name character
            start = tok.start
            words += 1
            i = i - 1 if i > 0 and toks[i - 1].end == tok.start else None
        # "由澄源资本": a preposition the segmenter glued to the name is no part of it.
        if text[start] in "由被向对与和从把给将据原" and s_start - start >= 3 and not lexicon.lookup(text[start:s_end]):
            start += 1
        # A name does not start with an adverb, a conjunction or (outside team names) a verb:
        # "毕竟公司", "欢迎法院", "构成藐视法庭" are no names; "产业引导基金" keeps its inner verb.
        leading = ("d", "c", "p", "ad") if category == "unit" else ("d", "c", "p", "ad", "v")
        while start < s_start:
            first = toks[tok_index[start]] if start in tok_index else None
            if first is None or not first.tag.startswith(leading) or first.tag == "vn" or len(first.text) == 1 and first.tag.startswith("v"):
                break
            start = first.end
        if start == s_start and category != "board":
            continue
        prefix = text[start:s_start]
        if prefix[:1] in ("不", "未", "没", "拒", "非"):
            continue  # "不签署": a negated verb, no office
        if inner is not None and start == toks[inner].start and (len(prefix) < 2 or prefix in lexicon.name_stop_words):
            continue  # "全资子公司" is no name
        if category != "board" and (not prefix or len(prefix) + len(suffix) < 3 or prefix in lexicon.generic_prefixes):
            continue
        if len(suffix) == 1 and len(prefix) < 2:
            continue
        if suffix in lexicon.industry_suffixes and (has_verb or len(prefix) < 2):
            continue  # "客户覆盖汽车", "补材料": a verb and an industry word, no company
        place = lexicon.lookup(prefix)
        if suffix in lexicon.industry_suffixes and place is not None and place.type == "GPE":
            continue  # "巴西矿业": a country's industry, not a company
        if suffix in lexicon.industry_suffixes and text[s_end : s_end + 1] in ("厂", "商", "企", "业"):
            continue  # "功率半导体厂": a kind of maker, not a name
        if category == "board" and prefix:
            # "曜驰汽车董事会": the board alone; the company before it is found on its own
            # (recurring name, gazetteer) and becomes the board's owner.
            yield Mention(s_start, s_end, suffix, "ORG", "suffix", 0.85, kind="board")
            continue
        yield Mention(start, s_end, text[start:s_end], "ORG", "suffix", 0.85, kind=category if category != "org" else None)


_COMPANY_TITLES = ("董事长", "总经理", "总裁", "首席执行官", "CEO", "创始人", "发言人", "副总经理", "执行长", "社长")
_NOT_NAME_CHARS = set("的了是在和与及或也都就又把被对向从给为将于其这那该每各个们我你他她它之所以而但并且不没未非拒")


def _recurring_org_mentions(text: str, lexicon: Lexicon, frequency, starts: set[int]) -> Iterable[Mention]:
    """Unknown company names the article keeps using: 晶禾半导体 (晶禾 ×8), 恒锂新能源, 联曜电子.

    Before an organisation suffix, a company title (晶禾董事长) or a ticker (（6789）), the
    2–4 characters the article also uses elsewhere, and no dictionary word, are the name.
    """
    cues = []
    for match in _suffix_pattern(lexicon).finditer(text):
        if lexicon.org_suffixes[match.group()] == "org" and len(match.group()) >= 2:
            cues.append((match.start(), match.end(), True))  # one-character suffixes (署, 部) are too often word ends
    for title in _COMPANY_TITLES:
        for match in re.finditer(re.escape(title), text):
            cues.append((match.start(), match.start(), False))
    for match in re.finditer(r"[（(]\s*\d{4,6}(?:\.[A-Z]{2})?\s*[)）]", text):
        cues.append((match.start(), match.start(), False))
    for start, end, with_suffix in cues:
        best = None
        for n in (4, 3, 2):
            if start - n < 0:
                continue
            stem = text[start - n : start]
            if not all("\u4e00" <= c <= "\u9fff" and c not in _NOT_NAME_CHARS for c in stem):
                continue
            if frequency(stem) >= (300 if text.count(stem) >= 2 and with_suffix else 20) or lexicon.is_stop(stem) or stem in lexicon.roles or stem in lexicon.generic_prefixes:
                continue  # a rare word, or one the article keeps putting before the same kind of suffix (大和微电子)
            before = text[start - n - 1 : start - n]
            if start - n not in starts and before and "\u4e00" <= before <= "\u9fff" and before not in "厂商企司":
                continue  # "控告|东升": a name starts a word (or follows a description: 半导体厂|晶禾)
            if text.count(stem) >= 2 and not any(stem.endswith(s) for s in lexicon.org_suffixes):
                best = stem
                break
        if best:
            name_end = end if with_suffix else start
            yield Mention(start - len(best), name_end, text[start - len(best) : name_end], "ORG", "derived", 0.8)


def _ends_before_role(text: str, pos: int, roles: dict[str, str]) -> bool:
    return any(text.startswith(title, pos) for title in roles)


# --- names by shape --------------------------------------------------------------------------


def _latin_mentions(text: str, lexicon: Lexicon):
    for match in _LATIN.finditer(text):
        name = match.group()
        start, end = match.span()
        if len(name) < 2 or lexicon.is_stop(name):
            continue
        # "Ilya-Altman之争": two known names joined by a hyphen are two mentions.
        parts = re.split(r"-(?=[A-Z])", name)
        # Split when each part is a known name or stands alone elsewhere in the article.
        if len(parts) > 1 and any(lexicon.lookup(p) or re.search(rf"(?<![A-Za-z-]){re.escape(p)}(?![A-Za-z-])", text) for p in parts):
            offset = start
            for part in parts:
                yield Mention(offset, offset + len(part), part, _latin_type(part, text, offset, offset + len(part), lexicon), "latin", 0.8)
                offset += len(part) + 1
            continue
        yield Mention(start, end, name, _latin_type(name, text, start, end, lexicon), "latin", 0.8)


def _latin_type(name: str, text: str, start: int, end: int, lexicon: Lexicon) -> str:
    entry = lexicon.lookup(name)
    if entry:
        return entry.type
    words = re.split(r"[\s.·-]+", name)
    lowered = {w.lower() for w in words}
    if re.search(r"\d", name) or name.endswith("GPT"):
        return "PRODUCT"
    if lowered & _ORG_WORDS:
        return "ORG"
    after = text[end : end + 4]
    before = text[max(0, start - 1) : start]
    if before in _MEDIA_CUES_BEFORE or after.startswith(_MEDIA_CUES_AFTER):
        return "ORG"
    if len(words) >= 2 and all(w[:1].isupper() for w in words if w):
        return "PERSON"
    if name.isupper() or re.search(r"[a-z][A-Z]", name) or name.endswith("AI"):
        return "ORG"
    if after.startswith(_PERSON_VERBS):
        return "PERSON"
    return "OTHER"  # decided by resolution: a first name, a brand...


_MEDIA_TITLE = re.compile(r"《(?P<name>[^《》]{2,14}?)》(?=\s*(?:的)?(?:报道|报导|援引|称|披露|消息|独家|专访|采访|记者|指出|刊文|发文|社论))")
_MEDIA_NAME = re.compile(r"《(?P<name>[^《》]{1,12}(?:日报|晚报|早报|时报|周刊|周报|杂志|报))》")


_SOURCE_LINE = re.compile(r"(?:来源|來源|出处|稿源)\s*[:：]\s*(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,12})")


def _media_mentions(text: str):
    """Outlets named in book-title brackets (据《足球报》报道, 《纽约时报》) or a source line (来源：南方法治报)."""
    for match in _SOURCE_LINE.finditer(text):
        start, end = match.span("name")
        yield Mention(start, end, match.group("name"), "ORG", "media", 0.9, kind="media")
    for pattern in (_MEDIA_TITLE, _MEDIA_NAME):
        for match in pattern.finditer(text):
            start, end = match.span("name")
            yield Mention(start, end, match.group("name"), "ORG", "media", 0.9, kind="media")


def _team_mentions(text: str, toks: list[Tok], lexicon: Lexicon, is_common_word) -> Iterable[Mention]:
    """``桃园猎鹰``, ``高雄海神``: a city and a name the article keeps using alone (猎鹰)."""
    for i, tok in enumerate(toks[:-1]):
        entry = lexicon.lookup(tok.text)
        if entry is None or entry.type != "GPE" or entry.kind == "country":
            continue
        name = toks[i + 1]
        if name.start != tok.end or len(name.text) != 2 or not _HANZI.match(name.text) or not name.tag.startswith(("n", "nz", "nr", "ns", "j")):
            continue
        if is_common_word(name.text) or lexicon.lookup(name.text) or name.text in lexicon.roles or name.text in lexicon.org_suffixes:
            continue
        alone = len(re.findall(re.escape(name.text), text)) - len(re.findall(re.escape(tok.text + name.text), text))
        if alone >= 1:
            yield Mention(tok.start, name.end, tok.text + name.text, "ORG", "suffix", 0.75, kind=None)


_LAUNCHED = re.compile(
    r"(?P<verb>发布|推出|上线|开发|研发|打造|亮相|创办|创立|成立|创建|设立)了?(?:新一代|新款|全新|最新|首款|自研|独立)?[^“”「」，。]{0,12}?[“「](?P<name>[^“”「」，。]{2,16})[”」]"
)


def _product_mentions(text: str):
    """A quoted name right after a launch or founding verb: 发布了大模型“灵犀4.0”, 创办了工作室“拾光设计”."""
    for match in _LAUNCHED.finditer(text):
        start, end = match.span("name")
        if "的" in match.group("name") or len(match.group("name")) > 10:
            continue  # "推出“闪亮的产品”": a phrase in quotes, not a name
        etype = "ORG" if match.group("verb") in ("创办", "创立", "成立", "创建") else "PRODUCT"
        yield Mention(start, end, match.group("name"), etype, "suffix", 0.8)


_MODEL = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4})([A-Z][A-Za-z]?\d{1,4}[A-Za-z]{0,3}|[A-Z][a-z]+\s?\d{1,3}[A-Za-z]{0,3})(?![A-Za-z0-9])")


def _model_mentions(text: str, lexicon: Lexicon):
    """A brand the article names elsewhere, then a model code: 曜驰G7, 灵枢M1, 启明X3."""
    for match in re.finditer(r"([A-Z][A-Za-z]?\d{1,4}[A-Za-z]{0,3})(?![A-Za-z0-9])", text):
        code_start = match.start()
        for n in (4, 3, 2):
            brand = text[code_start - n : code_start]
            if len(brand) == n and all("\u4e00" <= c <= "\u9fff" for c in brand) and text.count(brand) >= 2 and not lexicon.is_stop(brand):
                entry = lexicon.lookup(brand)
                if entry is None or entry.type in ("ORG", "PRODUCT"):
                    yield Mention(code_start - n, match.end(), text[code_start - n : match.end()], "PRODUCT", "suffix", 0.8)
                    break


_SPEECH = ("表示", "说", "称", "认为", "指出", "透露", "回应", "强调", "坦言", "介绍", "直言", "笑称", "解释", "承认", "告诉")


def _speaker_mentions(text: str, toks: list[Tok], lexicon: Lexicon, is_common_word) -> Iterable[Mention]:
    """A surname and a given name right before a verb of saying, said again elsewhere: 方静表示."""
    starts = {t.start for t in toks}
    for verb in _SPEECH:
        for match in re.finditer(re.escape(verb), text):
            end = match.start()
            for n in (4, 3, 2):
                start = end - n
                name = text[start:end]
                if start < 0 or not all("\u4e00" <= c <= "\u9fff" for c in name) or start not in starts:
                    continue
                surname = 2 if name[:2] in lexicon.surnames else 1 if name[0] in lexicon.surnames else 0
                if not surname or len(name) - surname not in (1, 2) or any(c in _NAME_STOP for c in name[surname:]):
                    continue
                if is_common_word(name) or lexicon.is_stop(name) or text.count(name) < 2:
                    continue
                yield Mention(start, end, name, "PERSON", "jieba", 0.65)
                break


def _nickname_mentions(text: str):
    for match in _NICKNAME.finditer(text):
        yield Mention(match.start(), match.end(), match.group(), "PERSON", "nickname", 0.85)


def _translit_run(text: str, pos: int, lexicon: Lexicon) -> int | None:
    """End of a joined transliteration (德维恩-韦德) starting at ``pos``."""
    chars = lexicon.translit_chars
    i, parts, n = pos, 0, len(text)
    while True:
        j = i
        while j < n and text[j] in chars:
            j += 1
        if j - i < 1:
            break
        parts += 1
        i = j
        if i < n - 1 and text[i] in _JOINER and text[i + 1] in chars:
            i += 1
            continue
        break
    return i if parts >= 2 and i - pos >= 4 else None


def _name_part_start(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """Where a joined name's first part begins: after a title or a place ("巴西总统|若昂·佩雷拉")."""
    joint = min((p for p in (text.find(j, start, end) for j in _JOINER) if p >= 0), default=end)
    head = text[start:joint]
    cut = 0
    for title in lexicon.roles:
        at = head.rfind(title)
        if at >= 0:
            cut = max(cut, at + len(title))
    for n in range(len(head) - 1, 1, -1):
        entry = lexicon.lookup(head[:n])
        if entry is not None and entry.type in ("GPE", "ORG"):
            cut = max(cut, n)
            break
    return start + cut if joint - (start + cut) >= 1 else start


def _name_part_end(text: str, start: int, end: int, toks: list[Tok], chars) -> int:
    """Where the last part of a joined name ends: "德维恩-韦德|加盟", "卡洛斯·门多萨|举行"."""
    joint = max(text.rfind(j, start, end) for j in _JOINER)
    if joint < 0:
        return end
    last = joint + 1
    for tok in toks:
        if tok.end <= last:
            continue
        if tok.start >= end:
            break
        name_like = tok.tag.startswith("nr") or all(c in chars for c in tok.text)
        if tok.start > last and not name_like:
            return tok.start
        if tok.start <= last < tok.end and not name_like and tok.end > last + 1:
            return tok.start if tok.start > last else end  # a token that straddles the dot: trust the match
    return end


@lru_cache(maxsize=8)
def _joined_pattern(lexicon: Lexicon) -> re.Pattern:
    chars = re.escape("".join(sorted(lexicon.translit_chars)))
    return re.compile(rf"[{chars}]{{2,}}(?:[{re.escape(_JOINER)}][{chars}]{{1,}})+")


def _translit_mentions(text: str, toks: list[Tok], lexicon: Lexicon):
    chars = lexicon.translit_chars
    if not chars:
        return
    # Joined forms: 德维恩-韦德, 山姆·奥特曼.
    # Any Hanzi joined by a middle dot is a foreign name (卡洛斯·门多萨), whatever its characters.
    found = [m.span() for m in re.finditer(rf"(?<![\u4e00-\u9fff·])[\u4e00-\u9fff]{{1,6}}(?:[{re.escape(_DOTS)}][\u4e00-\u9fff]{{1,7}})+", text)]
    found += [m.span() for m in _joined_pattern(lexicon).finditer(text)
              if not (m.start() > 0 and text[m.start() - 1] in chars and _HANZI.match(text[m.start() - 1]))]
    for start, end in found:
        end = _name_part_end(text, start, end, toks, chars)
        start = _name_part_start(text, start, end, lexicon)
        if end - start >= 3:
            yield Mention(start, end, text[start:end], "PERSON", "joined", 0.85)
    # Runs of segmenter tokens made only of transliteration characters, one tagged as a name.
    i = 0
    while i < len(toks):
        j, has_name = i, False
        while j < len(toks) and toks[j].text and all(c in chars for c in toks[j].text) and (j == i or toks[j].start == toks[j - 1].end):
            has_name |= toks[j].tag in ("nr", "nrt", "nrfg")
            j += 1
        if j > i and has_name and toks[j - 1].end - toks[i].start >= 3 and (j - i > 1 or toks[i].tag == "nrt"):
            yield Mention(toks[i].start, toks[j - 1].end, text[toks[i].start : toks[j - 1].end], "PERSON", "translit", 0.75)
        i = max(j, i + 1)


def _jieba_mentions(text: str, toks: list[Tok], lexicon: Lexicon, is_common_word, is_known_place):
    for i, tok in enumerate(toks):
        word = tok.text
        prev = toks[i - 1] if i > 0 else None
        if tok.tag in ("nr", "nrfg", "nz") and 1 <= len(word) <= 2 and prev is not None and prev.end == tok.start \
                and len(prev.text) == 2 and prev.text in lexicon.surnames and not is_common_word(prev.text + word):
            # 司徒/文彬: a compound surname the segmenter cut off.
            yield Mention(prev.start, tok.end, prev.text + word, "PERSON", "jieba", 0.65)
            continue
        if tok.tag in ("nr", "nrfg", "nz", "ns") and len(word) == 2 and prev is not None and prev.end == tok.start \
                and len(prev.text) == 1 and prev.text in lexicon.surnames and prev.tag.startswith(("nr", "n")) \
                and (tok.tag.startswith("nr") or prev.tag.startswith("nr")) and not is_common_word(word):
            # 李/卫东: the segmenter cut the surname off.
            yield Mention(prev.start, tok.end, prev.text + word, "PERSON", "jieba", 0.65)
            continue
        if tok.tag in ("nr", "nrfg") and 2 <= len(word) <= 4 and _HANZI.match(word):
            surname = 2 if word[:2] in lexicon.surnames else 1 if word[0] in lexicon.surnames else 0
            if not surname or len(word) == surname:
                continue
            nxt = text[tok.end : tok.end + 1]
            if nxt.isdigit() or is_common_word(word):
                continue
            yield Mention(tok.start, tok.end, word, "PERSON", "jieba", 0.6)
        elif tok.tag == "nt" and len(word) >= 2:
            yield Mention(tok.start, tok.end, word, "ORG", "jieba", 0.7)
        elif tok.tag == "ns" and len(word) >= 2 and is_known_place(word) and word not in lexicon.triggers:
            yield Mention(tok.start, tok.end, word, "GPE", "jieba", 0.6)


def declared_aliases(text: str, mentions: list[Mention]) -> list[tuple[Mention, str, int, int]]:
    """Short forms an article declares right after a name.

    ``Daniel Kokotajlo(以下简称DK哥)``, ``格力电器股份有限公司（格力电器）``,
    ``奥特曼（Sam Altman）``. Without a keyword the short form must look like
    an abbreviation of the name or be its Latin original.
    """
    found = []
    for mention in mentions:
        match = _DECLARED.match(text, mention.end)
        if not match:
            continue
        short = match.group("short").strip()
        if not short or normalize_key(short) == normalize_key(mention.text):
            continue
        keyword = match.group("kw")
        latin_original = bool(re.fullmatch(r"[A-Z][A-Za-z .'-]+", short)) and bool(_HANZI.search(mention.text))
        if keyword or latin_original or _is_abbreviation(short, mention.text):
            start = match.start("short")
            found.append((mention, short, start, start + len(short)))
    return found


def _is_abbreviation(short: str, full: str) -> bool:
    if len(short) >= len(full) or len(short) < 2:
        return False
    if short.isupper() and short.isascii():
        initials = "".join(w[0] for w in re.split(r"[\s-]+", full) if w).upper()
        return short == initials
    it = iter(full)
    return all(ch in it for ch in short)
