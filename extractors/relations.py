"""Relation extractors: plain functions over a processed ``Doc`` that yield relations.

Every extractor has the signature of :class:`Extractor` and is registered by
name in :data:`registry`; ``guanxi extract --extractor NAME`` picks among
them. Each yields :class:`Relation` records that still hold the
:class:`~guanxi.extractors.entities.Mention` objects, so character positions
survive until the triples are written.

Constructions (each documented on its function):

``appositive``  role titles between an organisation and a name: OpenAI超级对齐小组联合负责人Jan Leike
``possessive``  units and boards of an organisation (part_of); relational nouns: Ilya的老师Hinton
``svo``         trigger verbs with subject and object, passives (被/遭/由), coordination,
                serial and pivot verbs, relative clauses, dropped subjects
``reporting``   据Vox报道 / Vox报道称
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Protocol

import catalogue
from spacy.tokens import Doc

from .coref import Entity
from .entities import Mention, Tok
from .lexicon import Lexicon
from .text import in_quote

__all__ = ["Relation", "DocContext", "Extractor", "registry", "extract_relations", "CONFIDENCE"]

registry = catalogue.create("guanxi", "extractors", entry_points=True)

#: Base confidence per construction, before the multipliers in :data:`CONFIDENCE`.
BASE = {"appositive": 0.85, "possessive": 0.8, "noun": 0.8, "svo": 0.8, "passive": 0.75, "reporting": 0.8}

#: Documented multipliers applied to the base confidence.
CONFIDENCE = {
    "weak_trigger": 0.8,  # a trigger listed as weak in data/relations.toml
    "dropped_subject": 0.85,  # subject carried over from an earlier clause
    "pronoun": 0.85,  # an argument is a resolved pronoun or role noun
    "implicit_object": 0.75,  # object is the organisation the subject belongs to
    "document_default": 0.65,  # object is the article's main organisation
    "hedge": 0.7,  # 据说, 传闻, 或将, 可能 ...
    "headline": 1.0,  # headlines count as much as body text, no more
}

_NEGATION = ("并未", "从未", "没有", "未能", "不再", "没", "未", "不", "无法", "拒绝")
_ATTEMPT = ("试图", "企图", "尝试", "想要", "谋求", "图谋")
_PLAN = ("将于", "计划", "准备", "打算", "拟", "将", "即将", "有意", "考虑", "威胁", "宣布将", "或将")
_HEDGE = ("据说", "传闻", "据传", "或将", "可能", "或许", "疑似", "据称", "有消息称", "传言", "恐怕", "似乎")
_CUE_WORDS = frozenset(_NEGATION + _ATTEMPT + _PLAN + _HEDGE)
_PREPOSITIONS = ("对于", "对", "向", "给", "为", "替", "从", "把", "被", "在", "于", "自", "由", "跟", "将", "据")
_COMITATIVE = ("与", "和", "同", "跟")
_COORDINATORS = ("、", "和", "与", "及", "以及", "同", "跟", "、以及")
_MOTION = ("前往", "飞往", "来到", "抵达", "赴", "到", "去", "回到", "返回", "访问", "在", "于", "从")
_PIVOT_VERBS = ("派", "派了", "让", "请", "要求", "任命", "邀请", "委派", "命令", "使", "令", "安排", "指派", "聘请", "提名")
_COMITATIVE_VERBS = ("追随", "跟随", "跟着", "陪同", "随同", "带着", "带领", "率领")
_PASSIVE = ("被", "遭到", "遭", "受到")
_AGENT = ("由",)
_GENERIC_PEOPLE = ("员工", "成员", "人士", "网友", "用户", "人们", "官员", "球迷", "民众", "高管", "职员", "雇员", "工作人员", "发言人", "消息人士", "人物", "专家", "分析师", "记者")
_GENERIC_ORG = ("公司", "该公司", "这家公司", "团队", "该团队", "集团", "俱乐部", "球队", "董事会")
# Nouns that close a 在… phrase like a localizer: "在通用大模型领域".
_PP_ENDS = frozenset({"领域", "方面", "期间", "层面", "背景", "框架", "前提", "过程", "范围", "场合", "市场", "问题上"})
_OBJECT_GAP = set("了过着掉到给于在向为这该其那一家个位名前原") | {"这个", "那个", "这家", "那家", "一家", "一个", "现任", "时任"}
_ADVERBIAL_NOUNS = {
    "近期", "当时", "随后", "此前", "目前", "如今", "去年", "今年", "昨天", "今天", "明年", "此后", "之后", "最近", "日前",
    "远程", "公开", "正式", "官宣", "当年", "后来", "同时", "首次", "再次", "一直", "已经", "本人", "亲自", "共同", "双双", "一起",
    "这边", "那边", "方面", "期间", "内部", "私下", "年", "月", "日", "时", "后", "前",
}
_TIME = re.compile(
    r"(?:自|从|于)?(?P<t>(?:\d{4}|[一二三四五六七八九〇零]{4})年(?:\d{1,2}月)?(?:\d{1,2}日)?|(?:去年|今年|前年|明年)(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日)(?:起|以来)?"
)
# "总部位于深圳的智能制造企业星河智能": 的 and a description ending in a class noun.
_DESCRIBED = re.compile(r"的[\u4e00-\u9fff]{0,8}(企业|公司|集团|机构|厂商|品牌|平台|组织|球队|俱乐部)")
_SOURCE_CUE = re.compile(r"(来源|來源|出处|稿源)\s*[:：]\s*$")
_TEAMS = ("团队", "小组", "组", "委员会", "董事会", "理事会", "队")
_COMPANY_HEADS = ("董事长", "总裁", "首席执行官", "CEO", "总经理", "执行长", "行政总裁", "掌门人")
_HANZI_RUN = re.compile(r"[\u4e00-\u9fff]+")
_CLAUSE = re.compile(r"[，,；;：:—]|——")


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two mentions, before it becomes a :class:`~guanxi.model.Triple`."""

    subject: Mention
    relation: str
    object: Mention | None  # None: the subject's organisation, filled in by the pipeline
    trigger: tuple[int, int]  # offsets of the predicate as written
    extractor: str
    sentence_index: int
    confidence: float
    role: str | None = None
    time: str | None = None
    modality: str | None = None
    implicit: bool = False


@dataclass
class DocContext:
    """What every extractor may read about the article besides the Doc."""

    text: str  # Simplified processing text, same offsets as the original
    lexicon: Lexicon
    mentions: list[Mention]
    entities: dict
    sentences: list[tuple[int, int]]
    toks: list[Tok]
    _by_start: dict = field(default_factory=dict)

    def __post_init__(self):
        self._by_start = {t.start: t for t in self.toks}
        self._tok_starts = [t.start for t in self.toks]
        self._tok_ends = {t.end for t in self.toks}
        self.mentions.sort(key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]

    def toks_in(self, start: int, end: int) -> list[Tok]:
        """Tokens starting in ``[start, end)``, found by bisection (articles can be long)."""
        return self.toks[bisect.bisect_left(self._tok_starts, start) : bisect.bisect_left(self._tok_starts, end)]

    def mentions_starting(self, start: int, end: int) -> list[Mention]:
        """Mentions starting in ``[start, end)``."""
        return self.mentions[bisect.bisect_left(self._mention_starts, start) : bisect.bisect_left(self._mention_starts, end)]

    def preceded_by(self, pos: int, words) -> str | None:
        """The word of ``words`` standing right before ``pos`` as a word of its own (为 in 华为 does not)."""
        for word in sorted(words, key=len, reverse=True):
            if self.text.endswith(word, 0, pos) and pos - len(word) in self._by_start:
                return word
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions_starting(start, end) if m.end <= end]

    def dominant_org(self) -> str | None:
        """The organisation the article is about: the most mentioned one, if clearly ahead."""
        counts = Counter(
            m.key for m in self.mentions
            if m.type == "ORG" and self.entities[m.key].kind not in ("unit", "board", "media")
        )
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3:
            return None
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return ranked[0][0]

    def first_mention(self, key: str) -> Mention | None:
        return next((m for m in self.mentions if m.key == key), None)


class Extractor(Protocol):
    """The signature every registered extractor has."""

    def __call__(self, doc: Doc, context: DocContext) -> Iterable[Relation]: ...


# --- helpers ------------------------------------------------------------------------------------


def _spec_accepts(lexicon: Lexicon, relation: str, subject: Mention | None, obj: Mention | None) -> bool:
    spec = lexicon.relations[relation]
    return (subject is None or subject.type in spec.subject) and (obj is None or obj.type in spec.object)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds, depth, pos = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in "“「『(（":
            depth += 1
        elif ch in "”」』)）":
            depth = max(depth - 1, 0)
        elif depth == 0 and _CLAUSE.match(ch):
            bounds.append((pos, i))
            pos = i + 1
    bounds.append((pos, end))
    return [(s, e) for s, e in bounds if e > s]


def _clause_of(clauses, pos):
    for index, (s, e) in enumerate(clauses):
        if s <= pos < e:
            return index
    return len(clauses) - 1


def _modality(text: str, start: int, end: int) -> tuple[str | None, bool]:
    """Modality and hedging from the words before a trigger (``start``–``end``)."""
    window = text[start:end]
    hedged = any(h in text[max(start - 12, 0) : end] for h in _HEDGE)
    negations = 0
    scan = window
    for cue in _NEGATION:
        count = scan.count(cue)
        if count:
            negations += count
            scan = scan.replace(cue, " " * len(cue))
    if "不是没有" in window or "并非没有" in window:
        negations = 0
    if negations % 2 == 1:
        return "negated", hedged
    if any(cue in window for cue in _ATTEMPT):
        return "attempted", hedged
    if any(window.endswith(cue) or cue in window[-6:] for cue in _PLAN):
        return "planned", hedged
    return None, hedged


def _time(text: str, start: int, end: int) -> str | None:
    found = [m for m in _TIME.finditer(text, start, end)]
    if not found:
        return None
    return normalize_time(found[-1].group("t"))


def normalize_time(expression: str) -> str:
    """ISO-like form of a Chinese date: ``2022年`` → ``2022``, ``2023年11月`` → ``2023-11``.

    >>> normalize_time("2022年"), normalize_time("2023年11月5日"), normalize_time("去年11月")
    ('2022', '2023-11-05', '去年11月')
    """
    m = re.fullmatch(r"(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?", expression)
    if not m:
        return expression
    year, month, day = m.groups()
    return year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if month and day else "")


def _gap_ok(context: DocContext, start: int, end: int, *, allow_nouns: bool = False) -> bool:
    """Whether only adverbials, prepositional phrases and verbs stand between two positions."""
    text = context.text
    covered = [(m.start, m.end) for m in context.mentions_in(start, end)]
    pos = start
    in_phrase = False  # inside a prepositional phrase ("在转发语中"), nouns are fine
    while pos < end:
        tok = context._by_start.get(pos)
        if any(s <= pos < e for s, e in covered):
            pos = next(e for s, e in covered if s <= pos < e)
            continue
        if tok is None:
            pos += 1
            continue
        word, tag = tok.text, tok.tag
        if word == "以" and "为由" in text[tok.end : end]:
            pos = text.index("为由", tok.end, end) + 2  # "以侵犯专利为由": a reason, not a subject
            continue
        if word in ("（", "(") and re.match(r"[（(][^（）()]{1,12}[)）]", text[pos:end]):
            pos += re.match(r"[（(][^（）()]{1,12}[)）]", text[pos:end]).end()  # "大众汽车（中国）"
            continue
        if word in ("是",) or any(word.startswith(g) for g in _GENERIC_PEOPLE):
            return False
        if word == "的" and not in_phrase and tok.end < end:
            return False  # "X的Y V": Y is the subject, X only qualifies it
        if word in _CUE_WORDS:
            pos = tok.end
            continue
        if tag == "p":
            in_phrase = True
            if word in ("在", "于", "从", "自"):
                # "在转发语中", "在当晚发出的内部信中": the phrase runs to its localizer, whatever stands inside.
                inside = [t for t in context.toks_in(pos + 1, end) if t.end <= end]
                local = next((t for t in reversed(inside) if t.tag == "f" and len(t.text) == 1), None)
                if local is None:
                    local = next((t for t in reversed(inside) if t.text in _PP_ENDS or t.text[-1] in "中上里内外" and t.tag in ("f", "t", "s", "n")), None)
                if local is not None:
                    pos = local.end
                    in_phrase = False
                    continue
        elif in_phrase and (tag == "f" or tag.startswith("v")):
            in_phrase = False
        elif not allow_nouns and not in_phrase and tag.startswith("n") and tag not in ("nr",) and word not in _ADVERBIAL_NOUNS and not _TIME.fullmatch(word):
            trigger = context._by_start.get(end)
            if not (tok.end == end and trigger is not None and trigger.tag == "vn"):
                return False  # ("推进三边合作": a noun may qualify a nominal trigger)
        pos = tok.end
    return True





def _is_modifier(context: DocContext, m: Mention) -> bool:
    """``OpenAI`` in ``OpenAI超级对齐小组`` or ``OpenAI的CEO X``: it qualifies the next name."""
    text = context.text
    for other in context.mentions_starting(m.end, m.end + 40):
        if other.start in (m.end, m.end + 1) and (other.start == m.end or text[m.end] == "的"):
            return other.owner is m or other.start == m.end or (other.role_start is not None)
        if other.role_start is not None and other.start > m.end and (
            m.end <= other.role_start <= m.end + 1 or re.fullmatch(r"[（(][^（）()]{1,12}[)）]", text[m.end : other.role_start])
        ):
            return True  # "晶禾半导体（6789）研发副总经理黄志远"
    return False


def _eligible_subject(context: DocContext, m: Mention, clause_start: int) -> bool:
    text = context.text
    if _is_modifier(context, m):
        return False
    if text[m.end : m.end + 1] == "的" and any(m.end < o.start <= m.end + 5 and o.type == "PERSON" for o in context.mentions):
        return False  # "韩雨桐的父亲韩建国": the possessor is not the subject
    if context.preceded_by(m.start, _PREPOSITIONS) and not context.preceded_by(m.start, ("在这", "在其")):
        return False
    after = text[m.end : m.end + 4]
    if after.startswith(_GENERIC_PEOPLE) or any(after.startswith(g) for g in ("们",)):
        return False
    before_tok = _token_before(context, m.start)
    if before_tok is not None and before_tok.start >= clause_start and before_tok.tag.startswith("v") and before_tok.text not in _CUE_WORDS:
        if before_tok.text not in _PIVOT_VERBS and not text.endswith(_PIVOT_VERBS, 0, m.start):
            if text[before_tok.end : m.start].strip() == "" or text[before_tok.end : m.start] in ("了",):
                return False
    return True


def _token_before(context: DocContext, pos: int) -> Tok | None:
    index = None
    # The token that ends at pos (skipping aspect particles such as 了).
    for tok in reversed(context.toks_in(max(0, pos - 12), pos)):
        if tok.end <= pos:
            if tok.text in ("了", "着", "过") and tok.end == pos:
                pos = tok.start
                continue
            index = tok
            break
    return index


# --- appositive: roles ---------------------------------------------------------------------------


@registry.register("appositive")
def appositive(doc: Doc, context: DocContext) -> Iterator[Relation]:
    """A role title between an organisation and a person's name.

    ``OpenAI超级对齐小组另一位联合负责人Jan Leike`` gives leads(Jan Leike, 超级对齐小组)
    and works_for(Jan Leike, OpenAI); ``董事长郭广昌`` gives leads with the
    article's main organisation when no organisation stands before the title;
    ``界面新闻记者 | 伍洋宇`` gives works_for the outlet.
    """
    text, lexicon = context.text, context.lexicon
    relation_of = {"leads": "leads", "works_for": "works_for", "founded": "founded", "member_of": "member_of", "media": "works_for"}
    for m in context.mentions:
        if not m.role or m.role_start is None or m.role_category not in relation_of:
            continue
        index = _sentence_of(context, m.start)
        s_start, s_end = context.sentences[index]
        org, how = _role_org(context, m, s_start, s_end)
        if org is None:
            continue
        if org.kind == "board" and m.role_category == "leads":
            org = _board_owner(context, org) or org  # "董事局主席": heads the company
        confidence = BASE["appositive"] * (1.0 if how == "adjacent" else CONFIDENCE["implicit_object"] if how == "sentence" else CONFIDENCE["document_default"])
        seen = set()
        previous_end = max(org.end, m.role_start)
        for role, category, title_start in m.extra.get("roles") or [(m.role, m.role_category, m.role_start)]:
            if category not in relation_of:
                continue  # "名将", "选手": a description of the person, no organisation
            relation = relation_of[category]
            before_title = text[min(previous_end, title_start) : title_start]
            previous_end = title_start + len(role.lstrip("前原现任时新候代理首"))
            if category == "leads" and how != "adjacent" and role.lstrip("前原现任时新候代理首") not in _COMPANY_HEADS:
                relation = "works_for"  # "灵犀科技副总裁、商业化负责人赵琳": head of something, not of the company
            elif category == "leads" and before_title and _HANZI_RUN.fullmatch(before_title.lstrip("、兼和及暨")) and not re.fullmatch(
                r"(的|之|另一位|另一名|一位|首位|前|原|现任|联合|共同)+", before_title.lstrip("、兼和及暨")
            ):
                relation = "works_for"  # "商业化负责人": heads a function, works for the company
            if relation in seen or (not _spec_accepts(lexicon, relation, m, org) and org.type != "GPE"):
                continue
            seen.add(relation)
            yield Relation(m, relation, org, (m.role_start, m.start), "appositive", index, confidence, role=role)
        if how == "adjacent":
            party = next((q for q in context.mentions if q.end == org.start and q.type == "ORG" and q is not org), None)
            if party is not None and m.role_category == "member_of":
                # "民生同盟立法会议员邝志恒": a member of the party too.
                yield Relation(m, "member_of", party, (party.start, m.start), "appositive", index, confidence * 0.9, role=m.role)
        owner = _owner_of(context, org)
        if owner is not None and m.role_category in ("leads", "works_for", "member_of"):
            yield Relation(m, "works_for", owner, (m.role_start, m.start), "appositive", index, confidence * 0.9, role=m.role)
        country = _country_of(context, org)
        if country is not None and m.role_category in ("leads", "works_for"):
            # "菲律宾国防部长何塞·雷耶斯" serves the Philippines.
            yield Relation(m, "works_for", country, (m.role_start, m.start), "appositive", index, confidence * 0.8, role=m.role)


def _country_of(context: DocContext, org: Mention) -> Mention | None:
    """The country a government body's name starts with, as a mention of its own."""
    if org.type != "ORG":
        return None
    before = [m for m in context.mentions if m.end in (org.start, org.start - 1) and m.type == "GPE"]
    if before and context.text[before[-1].end : org.start] in ("", "的"):
        entry = context.lexicon.lookup(before[-1].text)
        if entry is None or entry.kind == "country":
            return before[-1]  # "菲律宾国防部长"
    for n in (4, 3, 2):
        entry = context.lexicon.lookup(org.text[:n])
        if entry is not None and entry.type == "GPE" and entry.kind == "country" and len(org.text) > n:
            country = Mention(org.start, org.start + n, org.text[:n], "GPE", "gazetteer", 1.0, key=entry.name)
            if entry.name not in context.entities:
                # The country is named inside the ministry's name only: it becomes an entity of its own.
                context.entities[entry.name] = Entity(key=entry.name, name=entry.name, type="GPE", kind=entry.kind, gazetteer=True)
            entity = context.entities[entry.name]
            entity.aliases.add(country.text)
            entity.surfaces[country.text] += 1
            return country
    return None


def _owner_of(context: DocContext, org: Mention) -> Mention | None:
    if org.owner is not None:
        return org.owner
    owner_key = context.entities[org.key].owner if org.key in context.entities else None
    return context.first_mention(owner_key) if owner_key else None


def _role_org(context: DocContext, person: Mention, s_start: int, s_end: int):
    text = context.text
    # "交通部长林志远": the title's first character ends the ministry's name.
    head = person.role_start + 1 if person.role and text[person.role_start] in "部局院厅署处市省校社行会队长" else person.role_start
    before = [m for m in context.mentions if m.end <= head and m.start >= s_start and m.type in ("ORG", "GPE")
              and not (m.type == "GPE" and text[m.end : m.end + 1] in "籍裔")]  # "西班牙籍主教练": a nationality
    if before:
        org = before[-1]
        gap = text[org.end : person.role_start] if org.end <= person.role_start else ""
        if re.fullmatch(r"(的|之|\s|另一位|另一名|一位|首位|前|原|现任)*", gap):
            return org, "adjacent"
        gap = re.sub(r"[（(][^（）()]{1,12}[)）]", "", gap)
        if re.fullmatch(r"(的|之|\s|另一位|另一名|一位|首位|前|原|现任)*", gap):
            return org, "adjacent"  # "晶禾半导体（6789）副总经理"
        if re.fullmatch(r"(及其|和其|其|的)?[\u4e00-\u9fff]{0,4}", gap) and not any(org.end <= m.start < person.role_start for m in context.mentions):
            return org, "sentence"  # "东升货运及其营运总监张伟伦"
    if text[person.role_start - 1 : person.role_start] == "其":
        # "通过其董事长何志军": its chairman — the organisation the sentence is about.
        orgs = [m for m in context.mentions if s_start <= m.start < person.role_start and m.type == "ORG"]
        if orgs:
            return orgs[0], "sentence"
    if person.role_category == "media":
        in_line = [m for m in context.mentions if s_start <= m.start < person.role_start and m.type == "ORG"
                   and (context.entities[m.key].kind == "media" or m.source == "media")]
        if in_line:
            return in_line[-1], "sentence"  # "【环球网报道 记者 赵明远】据共同社…": the outlet before the title
        sources = [m for m in context.mentions if m.source == "media" and _SOURCE_CUE.search(text[max(0, m.start - 4) : m.start])]
        if sources:
            return sources[0], "sentence"  # "来源：南方法治报" … "本报讯（记者 韩立新）"
        # Otherwise the one outlet of the page header; an outlet the article cites (据法新社报道) employs no byline.
        header_end = context.sentences[min(3, len(context.sentences) - 1)][1]
        outlets = [m for m in context.mentions if m.type == "ORG" and context.entities[m.key].kind == "media"
                   and m.start < header_end and not context.preceded_by(m.start, ("据", "據"))]
        if not outlets:
            outlets = [m for m in context.mentions if m.type == "ORG" and re.search(r"(新闻|日报|晚报|时报|周刊|电视台|通讯社|报|社|网)$", m.key)]
        keys = {m.key for m in outlets}
        return (outlets[0], "sentence") if len(keys) == 1 else (None, None)
    if person.role_category == "member_of":
        return None, None
    in_sentence = [
        m for m in context.mentions
        if s_start <= m.start < s_end and m.type == "ORG" and context.entities[m.key].kind not in ("unit", "board", "media")
    ]
    keys = Counter(m.key for m in in_sentence)
    dominant = context.dominant_org()
    if len(keys) == 1:
        return in_sentence[0], "sentence"
    if dominant and dominant in keys:
        return next(m for m in in_sentence if m.key == dominant), "sentence"
    company_head = person.role_category == "leads" and person.role and person.role.lstrip("前原现任时新候代理首") in _COMPANY_HEADS
    if not keys and dominant and (person.role_category == "founded" or company_head):
        # "联合创始人John来接手": of the article's company. A lawyer or judge needs their body named.
        return context.first_mention(dominant), "document"
    return None, None


def _sentence_of(context: DocContext, pos: int) -> int:
    for index, (s, e) in enumerate(context.sentences):
        if s <= pos < e:
            return index
    return len(context.sentences) - 1


_COPULA = ("担任", "出任", "升任", "转任", "接任", "现任", "兼任", "曾任", "成为", "出掌", "是", "为", "任")


@registry.register("copular")
def copular(doc: Doc, context: DocContext) -> Iterator[Relation]:
    """A role stated after the organisation: ``陈国强同时是蓝鲸控股集团的董事长``,
    ``黄文彬曾任交通部铁道局局长``, ``任命李卫东为球队主教练``."""
    text, lexicon = context.text, context.lexicon
    relation_of = {"leads": "leads", "works_for": "works_for", "founded": "founded", "member_of": "member_of", "media": "works_for"}
    for index, (s_start, s_end) in enumerate(context.sentences):
        clauses = _clauses(text, s_start, s_end)
        for match in _role_title_pattern(lexicon).finditer(text, s_start, s_end):
            t_start, t_end = match.span()
            nearby = context.mentions_starting(t_start - 40, t_end + 40)
            if any(m.start == t_end or (m.role_start is not None and m.role_start <= t_start < m.start) for m in nearby):
                continue  # a title before a name is the appositive construction
            if any(m.start <= t_start and t_end <= m.end for m in nearby):
                continue
            title = match.group()
            category = lexicon.roles[title]
            if category not in relation_of:
                continue
            head = t_start + 1 if title[0] in "部局院厅署处市省校社行会队长" else t_start
            orgs = [m for m in context.mentions if s_start <= m.start and m.end <= head and m.type in ("ORG", "GPE")]
            if not orgs:
                continue
            org = orgs[-1]
            right_after = next((c for c in _COPULA if text.endswith(c, 0, t_start)), None)
            if org.end < t_start and not re.fullmatch(r"(的|之)?(新任|现任|首任|候任|代理|前|原)?", text[org.end : t_start]):
                if not right_after or org.type != "ORG":
                    continue  # "转战联曜电子出任技术长": the title right after the verb is at that company
            c_index = _clause_of(clauses, t_start)
            c_start = clauses[c_index][0]
            window = text[max(c_start, org.start - 10) : _start_with_owner(org)]
            copula = next((c for c in _COPULA if c in window), None)
            if copula is None:
                continue
            c_pos = text.rfind(copula, max(c_start, org.start - 10), _start_with_owner(org))
            persons = [m for m in context.mentions if c_start <= m.start and m.end <= c_pos and m.type == "PERSON"]
            subjects = persons[-1:] or _dropped_subjects(context, clauses, c_index, frozenset({"PERSON"}))
            if org.kind == "board" and category == "leads":
                org = _board_owner(context, org) or org  # "董事局主席": heads the company
            for subject in subjects:
                yield Relation(subject, relation_of[category], org, (t_start, t_end), "copular", index, BASE["appositive"] * 0.95,
                               role=title, time=_time(text, c_start, t_start))


@lru_cache(maxsize=8)
def _role_title_pattern(lexicon: Lexicon) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(lexicon.roles, key=len, reverse=True))))


_MEMBERSHIP = ("党", "同盟", "联盟", "阵线", "协会", "学会", "委员会", "议会", "队", "俱乐部")


@registry.register("affiliation")
def affiliation(doc: Doc, context: DocContext) -> Iterator[Relation]:
    """``工商专业联盟的梁国栋``: a person introduced by their organisation — member of a party,
    league or club; working for anything else."""
    text = context.text
    for index, (s_start, s_end) in enumerate(context.sentences):
        mentions = context.mentions_in(s_start, s_end)
        for org, person in zip(mentions, mentions[1:]):
            if org.type != "ORG" or person.type != "PERSON" or person.role or person.source in ("pronoun", "rolenoun"):
                continue
            if text[org.end : person.start] != "的" or context.preceded_by(org.start, ("对", "向", "给", "与", "和", "跟", "同")):
                continue
            before = _token_before(context, org.start)
            if before is not None and before.tag.startswith("v") and before.end == org.start:
                continue  # "执掌OpenAI的奥特曼": a relative clause, handled by svo
            name = context.entities[org.key].name if org.key in context.entities else org.text
            relation = "member_of" if name.endswith(_MEMBERSHIP) or context.entities.get(org.key) and context.entities[org.key].kind in ("party", "team") else "works_for"
            yield Relation(person, relation, org, (org.end, person.start), "affiliation", index, BASE["appositive"] * 0.8)


# --- possessive: units, boards, relational nouns --------------------------------------------------


@registry.register("possessive")
def possessive(doc: Doc, context: DocContext) -> Iterator[Relation]:
    """Units and boards of an organisation, and relational nouns between people.

    ``OpenAI超级对齐小组`` gives part_of(超级对齐小组, OpenAI); ``Ilya的老师、
    图灵奖三巨头之一Hinton`` gives teacher_of(Hinton, Ilya) (a noun listed
    under ``inverse_nouns`` reads the other way: ``X的学生Y`` → teacher_of(X, Y)).
    """
    text, lexicon = context.text, context.lexicon
    for m in context.mentions:
        if m.owner is not None and m.kind in ("unit", "board"):
            yield Relation(m, "part_of", m.owner, (m.owner.end, m.start), "possessive", _sentence_of(context, m.start), BASE["possessive"])
    nouns = sorted(lexicon.relational_nouns, key=len, reverse=True)
    pattern = re.compile(rf"(?:的|与|和|同)?(?P<noun>{'|'.join(map(re.escape, nouns))})")
    for index, (s_start, s_end) in enumerate(context.sentences):
        mentions = context.mentions_in(s_start, s_end)
        for x in mentions:
            match = pattern.match(text, x.end)
            if not match:
                continue
            relation, inverse = lexicon.relational_nouns[match.group("noun")]
            # The person the noun describes: right after it, or after a short apposition (、图灵奖三巨头之一).
            after = [y for y in mentions if y.start >= match.end() and y.key != x.key]
            if not after:
                continue
            y = after[0]
            gap = text[match.end() : y.start]
            if len(gap) > 15 or any(c in gap for c in "，,。；;") or (gap and not gap.startswith(("、", "是", "，"))):
                continue
            if y.type != x.type and relation in ("teacher_of", "family_of", "colleague_of"):
                continue
            subject, obj = (x, y) if inverse else (y, x)
            if relation == "competes_with" or _spec_accepts(lexicon, relation, subject, obj):
                yield Relation(subject, relation, obj, match.span("noun"), "noun", index, BASE["noun"])


_UNDER = re.compile(r"旗下(?:的)?(?:全资|控股)?(?:子公司|分公司|附属公司|公司|品牌|企业|球队)?")
_BECOMES = re.compile(r"(?:将)?(?:成为|是|为|系)")
_SUB_NOUN = re.compile(r"(?:的)?(?:旗下)?(?:的)?(?:全资|控股)?(?:子公司|分公司|附属公司|下属公司|一部分)")


@registry.register("subsidiary")
def subsidiary(doc: Doc, context: DocContext) -> Iterator[Relation]:
    """``星河智能…旗下子公司星河汽车电子``, ``云帆将成为星河智能旗下全资子公司`` → part_of."""
    text = context.text
    for index, (s_start, s_end) in enumerate(context.sentences):
        mentions = [m for m in context.mentions_in(s_start, s_end) if m.type in ("ORG", "PRODUCT")]
        for match in _UNDER.finditer(text, s_start, s_end):
            unit = next((m for m in mentions if m.start == match.end()), None)
            owners = [_board_owner(context, m) or m for m in mentions if m.end <= match.start()]
            owner = owners[-1] if owners and owners[-1].end in (match.start(), match.start() - 1) else (owners[0] if owners else None)
            if unit is not None and owner is not None and unit.key != owner.key:
                yield Relation(unit, "part_of", owner, match.span(), "subsidiary", index, BASE["possessive"] * (1 if owner.end >= match.start() - 1 else 0.85))
        for m in mentions:
            if text.endswith(("子公司「", "子公司“", "子公司《"), 0, m.start) and m.type == "ORG":
                # "成立100%持股子公司「晶禾先进封装」": a subsidiary of the company the sentence is about.
                owners = [o for o in mentions if o.end <= m.start and o.type == "ORG" and context.entities.get(o.key) and context.entities[o.key].kind != "board"]
                owner = owners[-1] if owners else (context.first_mention(context.dominant_org()) if context.dominant_org() else None)
                board = next((o for o in mentions if o.end <= m.start and o.kind == "board" and o.owner is not None), None)
                owner = board.owner if board is not None and not owners else owner
                if owner is not None and owner.key != m.key:
                    yield Relation(m, "part_of", owner, (m.start - 4, m.start), "subsidiary", index, BASE["possessive"] * 0.85)
        for x, y in zip(mentions, mentions[1:]):
            between = _BECOMES.fullmatch(text[x.end : y.start])
            tail = _SUB_NOUN.match(text, y.end)
            if between and tail and tail.end() > y.end and x.key != y.key:
                yield Relation(x, "part_of", y, (y.end, tail.end()), "subsidiary", index, BASE["possessive"])


_PEER = re.compile(r"[^，。；,;]{0,12}?(?:就是|都是|是|为|互为|成为)(?:直接的?|主要的?|多年的?|老)?(?P<noun>[\u4e00-\u9fff]{2,4})")


@registry.register("peer")
def peer(doc: Doc, context: DocContext) -> Iterator[Relation]:
    """``X与Y是直接竞争对手``, ``X与Y早在大学时期就是队友`` → a symmetric tie of the noun."""
    text, lexicon = context.text, context.lexicon
    for index, (s_start, s_end) in enumerate(context.sentences):
        clauses = _clauses(text, s_start, s_end)
        for y in context.mentions_in(s_start, s_end):
            marker = context.preceded_by(y.start, ("与", "和", "同", "跟"))
            if not marker:
                continue
            match = _PEER.match(text, y.end)
            if not match or match.group("noun") not in lexicon.relational_nouns:
                continue
            relation, _ = lexicon.relational_nouns[match.group("noun")]
            if not lexicon.relations[relation].symmetric:
                continue
            c_index = _clause_of(clauses, y.start)
            c_start = clauses[c_index][0]
            before = [m for m in context.mentions if c_start <= m.start and m.end <= y.start - len(marker) and m.type == y.type and not _is_modifier(context, m)]
            subjects = before[-1:] or _dropped_subjects(context, clauses, c_index, frozenset({y.type}))
            for x in subjects:
                if x.key != y.key:
                    yield Relation(x, relation, y, match.span("noun"), "peer", index, BASE["noun"])


# --- svo: trigger verbs -----------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _trigger_pattern(lexicon: Lexicon) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(lexicon.triggers, key=len, reverse=True))))


def find_triggers(context: DocContext, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """Trigger words in ``[start, end)`` that stand as words, outside names and quotes."""
    text = context.text
    starts = context._by_start
    ends = context._tok_ends
    for match in _trigger_pattern(context.lexicon).finditer(text, start, end):
        t_start, t_end = match.span()
        if t_start not in starts and not _after_glued_adverb(context, t_start):
            continue
        if t_end not in ends and text[t_end : t_end + 1] not in "掉了过着到完走出":
            continue
        if any(m.start < t_end and t_start < m.end for m in context.mentions_starting(t_start - 40, t_end)):
            continue
        if in_quote(text, start, t_start):
            continue
        yield t_start, t_end, match.group()


def _after_glued_adverb(context: DocContext, pos: int) -> bool:
    """``公开批评`` as one token: the trigger starts after an adverb inside the token."""
    before = context.toks_in(max(0, pos - 8), pos)
    tok = next((t for t in reversed(before) if t.start < pos < t.end), None)
    return tok is not None and context.text[tok.start : pos] in context.lexicon.trigger_adverbs


@registry.register("svo")
def svo(doc: Doc, context: DocContext) -> Iterator[Relation]:
    """Subject–trigger–object sentences, in the shapes news prose gives them.

    - plain and with aspect or complements: ``DK哥在2022年加入OpenAI``, ``试图解雇掉奥特曼``;
    - pivot and serial verbs: ``派了联合创始人来接管超级对齐团队`` (the one sent takes over);
      ``追随Ilya离开公司`` (both leave);
    - coordination: ``X与Y双双离职``, ``郭广昌、梁信军和汪群斌共同创立复星``;
    - passive: ``X被Y解雇`` → fired(Y, X); agent ``由``: ``由汪群斌继任``;
    - relative clauses: ``执掌OpenAI的奥特曼`` → leads(奥特曼, OpenAI);
    - a dropped subject is taken from the sentence's earlier clause;
    - intransitive triggers (``离职``, ``辞职``) get the organisation the subject belongs to.
    """
    text, lexicon = context.text, context.lexicon
    for index, (s_start, s_end) in enumerate(context.sentences):
        clauses = _clauses(text, s_start, s_end)
        for t_start, t_end, trigger in find_triggers(context, s_start, s_end):
            if text[t_start - 1 : t_start] == "的" and not any(m.end == t_start - 1 for m in context.mentions):
                continue  # "…建设的支持": a noun, not a verb
            if text.startswith(("后的", "前的", "时的", "以来的"), t_end):
                continue  # "接手后的扩张": a time phrase inside a noun, not a statement
            if text.startswith(_GENERIC_PEOPLE, t_end) or text.startswith("的" , t_end) and text.startswith(_GENERIC_PEOPLE, t_end + 1):
                continue  # "所有离职员工": describes the employees
            for relation, kind in lexicon.triggers[trigger]:
                yield from _svo_one(context, index, clauses, t_start, t_end, trigger, relation, kind)


def _svo_one(context, index, clauses, t_start, t_end, trigger, relation, kind):
    text, lexicon = context.text, context.lexicon
    spec = lexicon.relations[relation]
    c_index = _clause_of(clauses, t_start)
    c_start, c_end = clauses[c_index]
    confidence = BASE["svo"] * (CONFIDENCE["weak_trigger"] if trigger in spec.weak else 1.0)
    subj_types, obj_types = (spec.object, spec.subject) if kind == "inverse" else (spec.subject, spec.object)

    # Passive and agent markers between clause start and trigger.
    before = [m for m in context.mentions if c_start <= m.start and m.end <= t_start]
    # "由灵犀与阿里云联合训练": a joint act has no agent and patient.
    passive = None if spec.symmetric else _passive_agent(context, before, c_start, t_start)
    if passive is not None:
        agent, patient_limit = passive
        patients = [m for m in before if m.end <= patient_limit and m.type in obj_types and _eligible_subject(context, m, c_start)]
        if not patients:
            patients = _dropped_subjects(context, clauses, c_index, obj_types)
        if agent.type in subj_types:
            agents = [agent] + [m for m in before if m.end <= agent.start and m.start > patient_limit and text[m.end : agent.start] in _COORDINATORS]
            for a in agents:
                for patient in patients[-1:]:
                    yield _make(context, a, relation, patient, kind, t_start, t_end, index, BASE["passive"], c_start)
                if not patients and kind == "intransitive":
                    # "本轮由澄源资本领投": the one invested in is the company the text is about.
                    yield _make(context, a, relation, None, kind, t_start, t_end, index, BASE["passive"], c_start, implicit=True)
        return

    if kind == "prepositional":
        # "在治理团队工作": the object is the place of work before the verb.
        place = [m for m in before if context.preceded_by(_start_with_owner(m), ("在", "于", "为", "替")) and not _is_modifier(context, m)]
        if not place or place[-1].type not in obj_types or not _object_gap_ok(text[place[-1].end : t_start]):
            return
        obj = place[-1]
        head = [m for m in before if m.end <= _start_with_owner(obj)]
        subjects, dropped = _subjects(context, head, clauses, c_index, _start_with_owner(obj) - 1, subj_types, False)
        entity = context.entities.get(obj.key)
        if entity is not None and entity.kind in ("unit", "board") and spec.unit_relation and entity.name.endswith(_TEAMS):
            relation = spec.unit_relation  # "在治理团队工作": a member of the team (a lab or an institute employs)
        for subject in subjects:
            yield _make(context, subject, relation, obj, "verb", t_start, t_end, index, confidence * (0.85 if dropped else 1), c_start)
        return
    subjects, dropped = _subjects(context, before, clauses, c_index, t_start, subj_types, spec.symmetric)
    objects = _objects(context, t_end, c_end, obj_types)
    objects = [
        (_board_owner(context, o) or o) if o.kind == "board" and any(text.startswith(t, o.end) for t in lexicon.roles) else o
        for o in objects
    ]  # "卸任董事局主席": leaves the company's chair
    if spec.symmetric and not objects:
        comitative = [m for m in _comitative_chain(context, before) if m.type in obj_types]
        if comitative:
            objects = comitative  # "与美国、菲律宾合作": each partner
            subjects = [s for s in subjects if s.key not in {o.key for o in objects}]
    if not objects:
        objects = _attitude_object(context, before, subjects, obj_types, relation)
    if not objects and relation in ("responded_to", "criticized", "opposed") and c_index + 1 < len(clauses):
        # "回应称，门多萨的有关言论罔顾事实": the one whose words are answered.
        n_start, n_end = clauses[c_index + 1]
        said = [m for m in context.mentions if n_start <= m.start < n_end and m.type in obj_types
                and _SAID.match(text, m.end)]
        objects = said[:1]
    implicit = False
    rest = text[t_end:c_end].lstrip("了过着掉")
    bare = not rest or rest[0] in "，,。；;！？!?、…—」”" or rest.startswith(("后", "前", "时", "以来", "一事", "一职", "职务", "所有职务", "全部职务", "一切职务"))
    bare = bare or any(rest.startswith(title) for title in lexicon.roles)  # "卸任董事长": the company is understood
    if not objects and (kind == "intransitive" and bare or text[t_end : t_end + 5].lstrip("了").startswith(_GENERIC_ORG)):
        implicit = "ORG" in obj_types  # "辞职了。", "离开公司": the organisation is understood
    if not subjects or (not objects and not implicit):
        return
    if dropped:
        confidence *= CONFIDENCE["dropped_subject"]
    if relation == "reported" and any(o.role_category == "media" for o in objects):
        return  # "环球网报道 记者 赵明远": a byline
    noun_gap = text[t_end : objects[0].start].strip("了 ") if objects else ""
    for subject in subjects:
        if noun_gap in lexicon.relational_nouns and objects:
            # "控告竞争对手东升": the noun before the object relates them too.
            noun_relation, inverse = lexicon.relational_nouns[noun_gap]
            if lexicon.relations[noun_relation].symmetric:
                yield _make(context, subject, noun_relation, objects[0], "verb", t_end, objects[0].start, index, confidence * 0.9, c_start)
        for obj in objects or [None]:
            if obj is not None and obj.key == subject.key:
                continue
            yield _make(context, subject, relation, obj, kind, t_start, t_end, index, confidence, c_start, implicit=implicit)
        # Serial verbs: "追随Ilya离开公司" — whom the subject followed left too.
        for m in before:
            follow = context.preceded_by(m.start, _COMITATIVE_VERBS)
            if follow and m.start - len(follow) >= subject.end and m.type in subj_types:
                for obj in objects or [None]:
                    yield _make(context, m, relation, obj, kind, t_start, t_end, index, confidence * 0.9, c_start, implicit=implicit)


_SPOKEN_ATTITUDES = {"supported", "opposed", "criticized", "praised", "thanked", "accused"}


def _speaker(context, subject: Mention, t_start: int, index: int) -> Mention | None:
    """``佩雷拉说，巴西……支持印尼``: an attitude a spokesperson voices for their country is theirs."""
    s_start = context.sentences[index][0]
    text = context.text
    for m in context.mentions:
        if m.type == "PERSON" and s_start <= m.start and m.end <= subject.start:
            between = text[m.end : subject.start]
            if re.match(r"[\u4e00-\u9fff]{0,6}?(表示|说|称|指出|强调|直言|回应称)[，,：:]", between):
                return m
    return None


_SAID = re.compile(r"的(?:有关|相关|这番|上述)?(?:言论|说法|指责|批评|表态|声明|发言|指控|言辞)")
_COMPANY_ACTS = {"founded", "owns", "acquired", "invested_in", "develops", "partnered_with", "sued", "purchased_from", "competes_with"}


def _board_owner(context, m: Mention) -> Mention | None:
    """The company a board belongs to (a mention of it), for what the board does in its name."""
    if m.kind != "board" or not m.key:
        return None
    owner_key = m.owner.key if m.owner is not None else m.key[: -len(m.text)] if m.key.endswith(m.text) else None
    return context.first_mention(owner_key) if owner_key else None


def _make(context, subject, relation, obj, kind, t_start, t_end, index, confidence, c_start, implicit=False):
    text = context.text
    if relation in _COMPANY_ACTS and subject.kind == "board":
        subject = _board_owner(context, subject) or subject  # "董事会通过…成立子公司": the company founds it
    if relation in _SPOKEN_ATTITUDES and subject.type == "GPE":
        speaker = _speaker(context, subject, t_start, index)
        if speaker is not None:
            subject = speaker
    if kind == "inverse" and obj is not None:
        subject, obj = obj, subject
    # Cues count between the subject (or the clause start) and the trigger.
    window_start = subject.end if c_start <= subject.end <= t_start else c_start
    modality, hedged = _modality(text, window_start, t_start)
    if hedged:
        confidence *= CONFIDENCE["hedge"]
    if "pronoun" in (subject.source, obj.source if obj else "") or "rolenoun" in (subject.source, obj.source if obj else ""):
        confidence *= CONFIDENCE["pronoun"]
    if implicit:
        confidence *= CONFIDENCE["implicit_object"]
    s_start, s_end = context.sentences[index]
    time = _time(text, c_start, t_start) or _time(text, s_start, s_end)
    return Relation(subject, relation, obj, (t_start, t_end), "svo", index, round(confidence, 3), time=time, modality=modality, implicit=implicit)


def _passive_agent(context, before, c_start, t_start):
    """``(agent, position of the marker)`` when the clause is passive with a named agent.

    The agent is the head of the phrase after 被/由: ``由清华大学…博士刘思远于2014年创立`` → 刘思远.
    """
    text = context.text
    markers = [t for t in context.toks_in(c_start, t_start) if t.text in _PASSIVE + _AGENT]
    for marker in reversed(markers):
        after = [m for m in before if m.start >= marker.end]
        for m in reversed(after):
            if _gap_ok(context, m.end, t_start):
                return m, marker.start
    return None


def _subjects(context, before, clauses, c_index, t_start, types, symmetric):
    """The trigger's subjects and whether they were carried over from an earlier clause."""
    text = context.text
    c_start = clauses[c_index][0]
    eligible = [m for m in before if _eligible_subject(context, m, c_start)]
    chosen = None
    partners = _comitative_chain(context, before) if symmetric else []
    for m in reversed(eligible):
        if m in partners:
            continue  # "他同董事会合作", "与美国、菲律宾合作": the partners, not the subject
        if m.type in types and _gap_ok(context, m.end, t_start):
            chosen = m
            break
        if m.type in ("PERSON", "ORG") and m.type not in types:
            return [], False  # the clause's subject is of the wrong type
    if chosen is None:
        # Relative clause: "执掌OpenAI的奥特曼" — the subject follows the object and 的.
        c_end = clauses[c_index][1]
        after = [m for m in context.mentions if t_start < m.start < c_end]
        for first, second in zip(after, after[1:]):
            link = text[first.end : second.role_start if second.role_start is not None and second.role_start > first.end else second.start]
            if (link == "的" or _DESCRIBED.fullmatch(link)) and second.type in types and _gap_ok(context, t_start, first.start, allow_nouns=False):
                return [second], False  # "执掌OpenAI的奥特曼", "代表东升的大律师李咏诗"
        # "X与Y双双离职" with X dropped: the earlier clause's subject and Y.
        dropped = _dropped_subjects(context, clauses, c_index, types, t_start)
        if dropped and not symmetric:
            co = [m for m in before if context.preceded_by(m.start, _COMITATIVE) and m.type in types and _gap_ok(context, m.end, t_start)]
            return dropped + co[-1:], True
        return dropped, bool(dropped)
    subjects = [chosen]
    heads = [m for m in before if m.end <= chosen.start and not _is_modifier(context, m)]
    if not heads and context.preceded_by(_start_with_owner(chosen), _COMITATIVE) and not symmetric:
        # "并与Ilya双双离职": coordinated with the earlier clause's subject.
        dropped = _dropped_subjects(context, clauses, c_index, types)
        return dropped + subjects, bool(dropped)
    # Coordination to the left: "郭广昌、梁信军和汪群斌".
    current = chosen
    for m in reversed(heads):
        gap = text[m.end : _start_with_owner(current)]
        kin = re.fullmatch(r"(与|和|同|及)(?P<noun>[\u4e00-\u9fff]{1,3})", gap)
        if kin and kin.group("noun") in context.lexicon.relational_nouns and m.type in types and not symmetric:
            subjects.insert(0, m)  # "陈志华与妻子林婉清共同创办": both founded
            current = m
            continue
        if gap in _COORDINATORS and m.type in types:
            if symmetric and gap in _COMITATIVE:
                break
            subjects.insert(0, m)
            current = m
        else:
            break
    # "X与Y…合作" makes Y an object, handled by the caller for symmetric relations.
    return subjects, False


def _comitative_chain(context: DocContext, before: list[Mention]) -> list[Mention]:
    """Mentions marked by 与/同/跟 and those coordinated with them: 与美国、菲律宾, 与菲律宾外交部长门多萨."""
    chain: list[Mention] = []
    heads = [m for m in before if not _is_modifier(context, m)]
    for previous, m in zip([None, *heads], heads):
        start = _phrase_start(context, m)
        if context.preceded_by(start, _COMITATIVE):
            near = [n for n in heads if n.start > m.end and n.start - m.end <= 12
                    and not any(c in context.text[m.end : n.start] for c in "，,。；;、和与及")]
            titled = next((n for n in near if n.type == "PERSON" and n.role_start is not None), None)
            head = titled or next((n for n in near if n.type in ("ORG", "PERSON") and n.start - m.end <= 8), None)
            # "与日本功率模组大厂大和微电子", "与菲律宾外交部长门多萨": the head of the phrase
            chain.append(head if m.type in ("GPE", "ORG") and head is not None and (m.type == "GPE" or head.type == "PERSON") else m)
        elif previous in chain and context.text[previous.end : start] in ("、", "和", "及", "以及"):
            chain.append(m)
    return chain


def _phrase_start(context: DocContext, m: Mention) -> int:
    """Where the noun phrase a name heads begins: its owner, its title and the names qualifying it."""
    start = m.role_start if m.role_start is not None else _start_with_owner(m)
    while True:
        qualifier = next(
            (q for q in context.mentions if q.end in (start, start - 1) and q is not m and _is_modifier(context, q)
             and context.text[q.end : start] in ("", "的")),
            None,
        )
        if qualifier is None:
            return start
        start = qualifier.start


def _start_with_owner(m: Mention) -> int:
    return m.owner.start if m.owner is not None else m.start


def _dropped_subjects(context, clauses, c_index, types, t_start=None):
    """The subject of the nearest earlier clause of the same sentence.

    Only when nothing in this clause could be its subject: "的成员加入" has one.
    """
    if t_start is not None and not _gap_ok(context, clauses[c_index][0], t_start):
        return []
    for index in range(c_index - 1, -1, -1):
        c_start, c_end = clauses[index]
        # Only a name before the clause's first verb is its subject ("指控林志远" has none: go further back).
        first_verb = next(
            (t.start for t in context.toks_in(c_start, c_end) if (t.tag.startswith("v") or t.text in context.lexicon.triggers) and t.text not in _CUE_WORDS
             and not any((m.role_start if m.role_start is not None else m.start) <= t.start < m.end for m in context.mentions_starting(c_start - 20, c_end))),
            c_end,
        )
        inside = [m for m in context.mentions_starting(c_start, first_verb) if m.end <= first_verb]
        # A place after a verb of motion is a destination: "已前往桃园报到".
        inside = [m for m in inside if not (m.type == "GPE" and context.text.endswith(_MOTION, c_start, m.start))]
        for m in inside:
            if _eligible_subject(context, m, c_start) and m.type in ("PERSON", "ORG", "GPE"):
                return [m] if m.type in types else []
    return []


def _objects(context, t_end, c_end, types):
    text = context.text
    after = [m for m in context.mentions if t_end <= m.start and m.end <= c_end]
    if not after:
        return []
    first = after[0]
    gap = text[t_end : first.start]
    if len(after) > 1 and after[1].owner is first and _object_gap_ok(gap):
        first, after = after[1], after[1:]  # "离开OpenAI董事会": the board, not its owner
        gap = ""
    skipped = False
    while len(after) > 1 and _object_gap_ok(gap) and (
        (_is_modifier(context, first) or text[first.end : first.end + 1] in "籍裔") and first.type not in types
        or _qualifies_person(context, first, after[1]) and after[1].type in types
    ):
        first, after = after[1], after[1:]  # "任命原国奥队助理教练李卫东", "师从复旦大学经济学院教授许国平"
        skipped = True
    if len(after) > 1 and text[first.end : after[1].start] in ("“", "「") and after[1].type in types:
        first, after = after[1], after[1:]  # "工作室“拾光设计”": the quoted name
    if first.role_start is not None and t_end <= first.role_start and not skipped:
        gap = text[t_end : first.role_start]  # "感谢院长张正平": the title belongs to the name
        if len(gap.lstrip("了")) <= 2:
            gap = ""  # "表扬资深工程师陈柏翰"
    if first.type not in types and len(after) > 1 and after[1].type in types and _object_gap_ok(gap):
        between = text[first.end : _start_with_owner(after[1])]
        if re.fullmatch(r"[\u4e00-\u9fff]{1,6}的", between):
            first, gap = after[1], ""  # "接手黄志远留下的团队": the team, not the one who left it
            later = after[after.index(first) + 1 :]
            if later and later[0].owner is first:
                first = later[0]  # "…留下的SiC元件团队": the team, not its owner
    if first.type not in types or not _object_gap_ok(gap):
        return []
    objects = [first]
    current = first
    for m in after[1:]:
        gap = text[current.end : m.role_start if m.role_start is not None and m.role_start > current.end else m.start]
        if (gap in _COORDINATORS or re.fullmatch(r"(及其|和其)[\u4e00-\u9fff]{0,4}", gap) and m.role_start is not None) and m.type in types:
            objects.append(m)
            current = m
        else:
            break
    return objects


_DESCRIPTOR_GAP = ("竞争对手", "对手", "老东家", "前东家", "新东家", "母公司", "子公司", "东家")


def _qualifies_person(context: DocContext, m: Mention, nxt: Mention) -> bool:
    """``房屋局局长岑嘉乐``: an organisation right before a titled person describes them."""
    return nxt.type == "PERSON" and nxt.role_start is not None and m.end - 1 <= nxt.role_start <= m.end + 2


def _object_gap_ok(gap: str) -> bool:
    gap = re.sub(r"[（(][^（）()]{1,12}[)）]", "", gap).strip()
    if not gap or gap.lstrip("了") in _DESCRIPTOR_GAP:
        return True
    if gap.endswith(("“", "「")) and len(gap) <= 12 and not any(c in gap for c in "，,。；;：:"):
        return True  # "发布了新一代大模型“灵犀4.0”": a description, then the quoted name
    if len(gap) > 4:
        return False
    return all(ch in _OBJECT_GAP for ch in gap) or gap in _OBJECT_GAP


_ATTITUDE = {"thanked", "praised", "criticized", "accused", "supported", "opposed", "responded_to", "threatened", "sued", "interviewed"}


def _attitude_object(context, before, subjects, types, relation):
    """``对OpenAI公开批判``: the object stands before the verb behind 对/向."""
    if relation not in _ATTITUDE or not subjects:
        return []
    text = context.text
    for m in reversed(before):
        if m.start > subjects[-1].end and context.preceded_by(m.start, ("对", "向", "跟", "给")) and m.type in types:
            return [m]
    return []


# --- reporting ------------------------------------------------------------------------------------

_REPORT_AFTER = re.compile(r"\s*(?:的)?(?:报道|报导|消息|披露|援引|称)")


@registry.register("reporting")
def reporting(doc: Doc, context: DocContext) -> Iterator[Relation]:
    """``据Vox报道，OpenAI…``, ``据共同社和《马尼拉时报》报道``, ``Vox报道称…``:
    each outlet reported on the first entity the report names."""
    text = context.text
    for index, (s_start, s_end) in enumerate(context.sentences):
        mentions = context.mentions_in(s_start, s_end)
        for i, m in enumerate(mentions):
            if m.type not in ("ORG", "PERSON"):
                continue
            end = m.end + (1 if text[m.end : m.end + 1] == "》" else 0)
            cue = _REPORT_AFTER.match(text, end)
            if not cue or text[cue.end() : cue.end() + 4].lstrip().startswith(("记者", "編輯", "编辑")):
                continue  # "环球网报道 记者 赵明远" is a byline
            outlets = [m]
            j = i
            while j > 0:
                k = j - 1
                while k > 0 and mentions[k].type == "GPE":
                    k -= 1  # "据共同社和菲律宾《马尼拉时报》": the country qualifies the second outlet
                gap = text[mentions[k].end : mentions[j].start]
                for q in mentions[k + 1 : j]:
                    gap = gap.replace(q.text, "")
                if gap.strip("《》") in ("和", "与", "及", "、") and mentions[k].type == "ORG":
                    j = k
                    outlets.insert(0, mentions[j])
                else:
                    break
            by = context.preceded_by(_start_with_owner(outlets[0]), ("据",)) or text[outlets[0].start - 2 : outlets[0].start] in ("据《",)
            if not (by or cue.group().strip().startswith(("报道", "报导"))):
                continue
            if m.type == "PERSON" and not by:
                continue
            later = [
                o for o in mentions[i + 1 :]
                if o.start >= cue.end() and o.key not in {x.key for x in outlets} and o.source != "pronoun"
                and o.type in ("ORG", "PERSON", "GPE", "PRODUCT") and not _is_modifier(context, o)
            ]
            if later:
                clause_end = next((i for i in range(cue.end(), s_end) if text[i] in "，,。；;"), s_end)
                named = [o for o in later if o.type != "GPE" and o.start < clause_end]
                target = named[0] if named and later[0].type == "GPE" else later[0]  # "巴西矿业巨头淡水河谷" → the company
                for outlet in outlets:
                    yield Relation(outlet, "reported", target, cue.span(), "reporting", index, BASE["reporting"])


# Verbs that link no two entities by themselves: speech, thought, being, light verbs.
_NOT_A_LINK = frozenset(
    "表示 认为 称 说 指出 透露 强调 介绍 是 有 为 成为 进行 开始 继续 需要 可以 能够 希望 准备 计划 发现 看到 知道 "
    "觉得 相信 担心 包括 面临 获得 完成 实现 发生 出现 提供 使用 举行 召开 发表 宣布 决定 要求 表态 回答 问 看 想".split()
)


@registry.register("generic")
def generic(doc: Doc, context: DocContext) -> Iterator[Relation]:
    """Any other verb that clearly links two names, ``X砍Y``, ``X挖角Y``: ``related_to`` with the verb kept.

    Only the tightest shape counts: the subject right before the verb (adverbs allowed), the
    object right after it (了 allowed), a two-character verb that is no trigger of the
    vocabulary and no verb of saying, thinking or being. Confidence is low (0.45).
    """
    text, lexicon = context.text, context.lexicon
    for index, (s_start, s_end) in enumerate(context.sentences):
        mentions = [m for m in context.mentions_in(s_start, s_end) if m.type in ("PERSON", "ORG")]
        for x, y in zip(mentions, mentions[1:]):
            between = [t for t in context.toks_in(x.end, y.start) if t.end <= y.start]
            verbs = [t for t in between if t.tag.startswith("v")]
            if len(verbs) != 1 or len(verbs[0].text) != 2 or verbs[0].text in _NOT_A_LINK or verbs[0].text in lexicon.triggers:
                continue
            verb = verbs[0]
            if any(t.tag not in ("d", "ad", "ul", "uz", "ug") and t is not verb for t in between):
                continue
            if x.key == y.key or _is_modifier(context, x) or in_quote(text, s_start, verb.start) or "PERSON" not in (x.type, y.type):
                continue
            if not _eligible_subject(context, x, s_start):
                continue
            yield Relation(x, "related_to", y, (verb.start, verb.end), "generic", index, 0.45)


#: Extractors run by default, in this order.
# ``generic`` is opt-in (``--extractor``): on the sample and held-out articles it added more
# wrong edges than right ones.
DEFAULT_EXTRACTORS = ("appositive", "copular", "affiliation", "possessive", "subsidiary", "peer", "svo", "reporting")


def get_extractor(name: str) -> Extractor:
    from ..errors import Errors, GuanxiError

    try:
        return registry.get(name)
    except catalogue.RegistryError:
        raise GuanxiError(Errors.E007.format(name=name, choices=", ".join(sorted(registry.get_all())))) from None


def extract_relations(doc: Doc, context: DocContext, names: Iterable[str] = DEFAULT_EXTRACTORS) -> list[Relation]:
    """Run the named extractors and fill in implicit objects."""
    relations: list[Relation] = []
    for name in names:
        relations.extend(get_extractor(name)(doc, context))
    return _fill_implicit(context, relations)


def _topic(context: DocContext, r: Relation) -> Mention | None:
    """The organisation most recently named before the trigger, within two sentences."""
    floor = context.sentences[max(r.sentence_index - 2, 0)][0]
    sentence_start = context.sentences[r.sentence_index][0]
    before = [m for m in context.mentions if floor <= m.start and m.end <= sentence_start and m.type == "ORG" and m.key != r.subject.key]
    return before[-1] if before else None


def _fill_implicit(context: DocContext, relations: list[Relation]) -> list[Relation]:
    """Give "离职" without an object the organisation its subject belongs to."""
    # Every organisation a person is tied to, with where the text ties them.
    ties: dict[str, list[tuple[int, Mention]]] = {}
    for r in relations:
        if r.object is not None and r.relation in ("works_for", "leads", "joined", "member_of", "founded") and r.subject.type == "PERSON":
            org = _owner_of(context, r.object) or r.object
            ties.setdefault(r.subject.key, []).append((r.trigger[0], org))
    dominant = context.dominant_org()
    filled = []
    for r in relations:
        if r.object is None:
            confidence = r.confidence
            if context.lexicon.relations[r.relation].implicit_object == "topic":
                org = _topic(context, r)
                if org is None or org.key == r.subject.key:
                    continue
                filled.append(replace(r, object=org))
                continue
            # The tie stated last before the trigger ("原任港湾总监，辞职后加入东升": 港湾), else the first one.
            known = sorted(ties.get(r.subject.key, []), key=lambda t: t[0])
            # Leaving means leaving the organisation, not one of its teams, where both are known.
            whole = [(pos, org) for pos, org in known if context.entities[org.key].kind not in ("unit", "board")]
            known = whole or known
            earlier = [org for pos, org in known if pos < r.trigger[0]]
            org = earlier[-1] if earlier else (known[0][1] if known else None)
            if org is None and dominant:
                org = context.first_mention(dominant)
                confidence *= CONFIDENCE["document_default"] / CONFIDENCE["implicit_object"]
            if org is None or org.key == r.subject.key:
                continue
            r = replace(r, object=org, confidence=round(confidence, 3))
        filled.append(r)
    return filled
