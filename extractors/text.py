"""From an article's original text to clean, Simplified sentences with offsets.

Nothing here changes a character's position: Traditional text is converted
with OpenCC's length-preserving ``t2s`` and dropped boilerplate is blanked out
with spaces, so an offset in the processing text is an offset in the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Prepared", "prepare", "split_sentences", "to_simplified", "to_traditional", "normalize_key", "in_quote"]


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc  # loaded on first use, not at import time

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional → Simplified, character for character.

    >>> to_simplified("奧特曼離開董事會")
    '奥特曼离开董事会'
    """
    converted = _converter("t2s").convert(text)
    # t2s is length-preserving in practice; guard the invariant offsets rely on.
    return converted if len(converted) == len(text) else "".join(_converter("t2s").convert(c) or c for c in text)


def to_traditional(text: str) -> str:
    """Simplified → Traditional (for display with ``--script hant``)."""
    return _converter("s2t").convert(text)


_KEY_DROP = re.compile(r"[\s·•‧・.\-－—_'\"“”‘’「」『』]+")


def normalize_key(name: str) -> str:
    """The form two names are compared in: Simplified, NFKC, case-folded, no spacing or joiners.

    >>> normalize_key("Jan  Leike") == normalize_key("jan-leike")
    True
    >>> normalize_key("德维恩·韦德") == normalize_key("德維恩-韋德")
    True
    """
    text = unicodedata.normalize("NFKC", to_simplified(name)).casefold()
    return _KEY_DROP.sub("", text)


# Page furniture of Chinese news sites (matched on Simplified text, whole line).
_BOILERPLATE = re.compile(
    r"扫一扫|扫码|下载.{0,12}(APP|App|app|客户端)|打开.{0,8}(APP|App|app|客户端)|^正在阅读|暂无评论|快来评价|发表评论|^评论\s*$"
    r"|^(微信公众号|微信|微博|分享到?|收藏|点赞|打印|返回顶部|下载\S{0,6}|相关(阅读|新闻|文章|推荐)|热门(推荐|文章)|猜你喜欢)\s*[:：]?\s*$"
    r"|未经.{0,10}(授权|许可).{0,10}(转载|使用)|侵权必究|版权所有|版权声明|^图片来源|^(题图|封面)来源|^参考(链接|资料)|^责任编辑"
    r"|^本文(来自|转载|系)|^原标题|^点击(查看|阅读|进入)|^关注我们|^更多(精彩|内容)"
)
_BULLET = re.compile(r"^\s*[•·●▪◆■►▶\-\*]\s*\S")
_URL_ONLY = re.compile(r"^\s*(\[\d+\])?\s*(https?://\S+\s*)+$")


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready for NLP.

    ``text`` is the Simplified processing text, the same length as the original;
    ``sentences`` are ``(start, end)`` offsets valid in both.
    """

    original: str
    text: str
    sentences: tuple[tuple[int, int], ...]


def prepare(original: str) -> Prepared:
    """Convert to Simplified, blank out boilerplate and repeats, split sentences."""
    simplified = to_simplified(original)
    chars = list(simplified)
    seen: set[str] = set()
    lines = list(_lines(simplified))
    bullet_run = _bullet_runs(simplified, lines)
    for index, (start, end) in enumerate(lines):
        line = simplified[start:end].strip()
        if not line:
            continue
        key = re.sub(r"\s+", "", line)
        drop = key in seen or bool(_BOILERPLATE.search(line)) or _URL_ONLY.match(line) or index in bullet_run
        seen.add(key)
        if drop:
            chars[start:end] = " " * (end - start)
    text = "".join(chars)
    return Prepared(original=original, text=text, sentences=tuple(split_sentences(text)))


def in_quote(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` lies inside quotes or a 《》 title opened after ``start``.

    Words there are someone's speech or a title, not the sentence's own statements.

    >>> text = "他说“我辞职了”。"
    >>> in_quote(text, 0, text.index("辞职")), in_quote(text, 0, text.index("。"))
    (True, False)
    """
    depth = 0
    for ch in text[start:pos]:
        if ch in "“「『《":
            depth += 1
        elif ch in "”」』》":
            depth = max(depth - 1, 0)
    return depth > 0


def _lines(text: str):
    start = 0
    for match in re.finditer(r"\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _bullet_runs(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """Indexes of lines in runs of two or more bullets: related-headline lists."""
    bullets = [i for i, (s, e) in enumerate(lines) if _BULLET.match(text[s:e])]
    runs: set[int] = set()
    for i in bullets:
        neighbours = [j for j in bullets if j != i and abs(j - i) <= 2]
        if neighbours:
            runs.add(i)
    return runs


_OPEN_QUOTES = "“「『《（(\u2018"
_CLOSE_QUOTES = "”」』》）)\u2019"
_ENDERS = "。！？；!?;…"
_MAX_QUOTED = 240  # a quote longer than this is split at its own sentence ends


def split_sentences(text: str):
    """Yield ``(start, end)`` of each sentence, whitespace trimmed.

    Splits at ``。！？；…`` and ASCII ``.!?;``, keeps closing quotes with their
    sentence, does not split inside short quotes, and leaves dots in Latin
    names, abbreviations and numbers alone.

    >>> text = "J. K. Rowling说：“好。”然后走了!他说3.5亿……对吗?"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['J. K. Rowling说：“好。”然后走了!', '他说3.5亿……', '对吗?']
    """
    for para_start, para_end in _lines(text):
        yield from _split_paragraph(text, para_start, para_end)


def _split_paragraph(text: str, start: int, end: int):
    depth = 0
    quote_start = start
    sent_start = start
    i = start
    while i < end:
        ch = text[i]
        if ch in _OPEN_QUOTES or (ch == '"' and depth == 0):
            if depth == 0:
                quote_start = i
            depth += 1
        elif ch in _CLOSE_QUOTES or (ch == '"' and depth > 0):
            depth = max(depth - 1, 0)
        is_end = ch in _ENDERS or (ch == "." and _is_sentence_dot(text, i, end))
        if is_end and (depth == 0 or i - quote_start > _MAX_QUOTED):
            j = i + 1
            while j < end and (text[j] in _ENDERS or text[j] == "."):
                j += 1
            while j < end and text[j] in _CLOSE_QUOTES + '"':
                j += 1
                depth = max(depth - 1, 0)
            yield from _trimmed(text, sent_start, j)
            sent_start = i = j
            continue
        i += 1
    yield from _trimmed(text, sent_start, end)


def _is_sentence_dot(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    if before.isdigit() and after.isdigit():
        return False  # 3.6
    if before.isascii() and before.isalpha():
        # "J. K. Rowling", "Mr. Smith", "P(doom)." : only a full stop before a CJK char or the end.
        return after == " " and i + 2 < end and _is_cjk(text[i + 2]) or i + 1 >= end
    return _is_cjk(before) or before in _CLOSE_QUOTES


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _trimmed(text: str, start: int, end: int):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(not c.isspace() and c not in _ENDERS for c in text[start:end]):
        yield start, end
