"""Reading articles from files, folders and stdin, in any common encoding.

This is where data enters guanxi, so this is where it is validated: every
problem becomes a :class:`~guanxi.errors.GuanxiError` whose one-line message
names the file.
"""

from __future__ import annotations

import codecs
import html
import json
import re
import sys
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import Errors, GuanxiError
from ..model import Document

__all__ = ["SUPPORTED_SUFFIXES", "decode_bytes", "iter_documents", "read_path"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")

# Candidate encodings for Chinese news, most specific first. GB18030 is a
# superset of GBK and GB2312.
_CANDIDATES = ("utf_8", "gb18030", "big5hkscs", "utf_16")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode article bytes, detecting the encoding.

    Examples
    --------
    >>> decode_bytes("奥特曼".encode("gb18030"))
    '奥特曼'
    >>> decode_bytes("奧特曼".encode("big5"))
    '奧特曼'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if len(data) % 2 == 0:
        # UTF-16 without a BOM: right only if nearly every character is CJK, ASCII or punctuation.
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible_ratio(text) > 0.95:
                return text
    strict = [enc for enc in ("gb18030", "big5hkscs") if _decodes(data, enc)]
    if len(strict) == 1:
        return data.decode(strict[0])
    if len(strict) == 2:
        # Both decode (GB18030 accepts almost any bytes): the right one yields common characters.
        return data.decode(max(strict, key=lambda enc: _common_ratio(data.decode(enc), enc)))
    best = from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
    if best is None:
        raise GuanxiError(Errors.E002.format(path=name))
    return str(best)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _plausible_ratio(text: str) -> float:
    sample = text[:4000]
    good = sum(
        1 for c in sample
        if c.isascii() and (c.isprintable() or c in "\n\r\t") or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
        or c in "“”‘’…—·"
    )
    return good / max(len(sample), 1)


def _common_ratio(text: str, encoding: str) -> float:
    """Share of Hanzi among the 'frequent' tier of the encoding they were decoded with.

    GB2312 level 1 (bytes B0A1–D7F9) and Big5's frequent characters (A440–C67E) hold the
    characters everyday news uses; a wrong decoding lands mostly outside them.
    """
    hanzi = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not hanzi:
        return 0.0
    common = 0
    for c in hanzi:
        try:
            if encoding.startswith("gb"):
                code = c.encode("gb2312")
                common += 0xB0 <= code[0] <= 0xD7
            else:
                code = c.encode("big5")
                common += 0xA440 <= int.from_bytes(code, "big") <= 0xC67E
        except UnicodeEncodeError:
            pass
    return common / len(hanzi)


class _TextFromHTML(HTMLParser):
    """Visible text of an HTML page; block elements become line breaks."""

    _SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form", "button"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header", "blockquote", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: str | None = None
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP and tag != "head":
            self._skip_depth += 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP and tag != "head" and self._skip_depth:
            self._skip_depth -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title = (self.title or "") + data.strip()
            return
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Visible text and ``<title>`` of an HTML page."""
    parser = _TextFromHTML()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line), parser.title


_MD_MARKUP = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+)|!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|[*_`]{1,3}")


def markdown_to_text(text: str) -> str:
    """Strip the markup a news article in Markdown typically carries."""

    def strip(line: str) -> str:
        return _MD_MARKUP.sub(lambda m: m.group(2) or "", line)

    return "\n".join(strip(line) for line in text.splitlines())


def read_path(path: Path) -> Iterator[Document]:
    """Documents in one file (a ``.jsonl`` file holds one per line)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise GuanxiError(Errors.E006.format(path=path, suffix=suffix or "(none)", choices=", ".join(SUPPORTED_SUFFIXES)))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GuanxiError(Errors.E001.format(path=path, reason=exc.strerror or type(exc).__name__)) from None
    if not data.strip():
        raise GuanxiError(Errors.E019.format(path=path))
    text = decode_bytes(data, name=str(path))
    if suffix == ".jsonl":
        yield from _jsonl_documents(text, path)
        return
    title = None
    if suffix in (".html", ".htm"):
        text, title = html_to_text(text)
    elif suffix == ".md":
        text = markdown_to_text(text)
    yield Document(id=path.name, text=_normalize_newlines(text), title=title, path=str(path))


def _jsonl_documents(text: str, path: Path) -> Iterator[Document]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GuanxiError(Errors.E003.format(path=path, line=number, reason=exc.msg)) from None
        if not isinstance(record, dict):
            raise GuanxiError(Errors.E003.format(path=path, line=number, reason=type(record).__name__))
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            raise GuanxiError(Errors.E004.format(path=path, line=number))
        doc_id = str(record.get("id") or f"{path.name}:{number}")
        fields = {k: (str(record[k]) if record.get(k) is not None else None) for k in ("title", "date", "url", "source")}
        yield Document(id=doc_id, text=_normalize_newlines(html.unescape(body)), path=str(path), **fields)


def _normalize_newlines(text: str) -> str:
    # Same length rule as the source: only CRLF/CR change, before any offsets exist.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def iter_documents(paths: Iterable[str | Path], *, on_error=None) -> Iterator[Document]:
    """Every document under ``paths``: files, folders (recursively) or ``-`` for stdin.

    ``on_error(message)`` is called for a file that cannot be read and reading
    goes on; without it the error is raised.
    """
    for raw in paths:
        if str(raw) == "-":
            data = sys.stdin.buffer.read()
            if data.strip():
                yield Document(id="stdin", text=_normalize_newlines(decode_bytes(data, name="<stdin>")))
            elif on_error:
                on_error(Errors.E019.format(path="<stdin>"))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        elif path.exists():
            files = [path]
        else:
            error = GuanxiError(Errors.E005.format(path=path))
            if on_error is None:
                raise error
            on_error(str(error))
            continue
        for file in files:
            try:
                yield from read_path(file)
            except GuanxiError as error:
                if on_error is None:
                    raise
                on_error(str(error))
