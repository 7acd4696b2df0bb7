import json

import pytest

from guanxi.errors import GuanxiError
from guanxi.extractors.reading import decode_bytes, iter_documents, read_path

from tests.conftest import SAMPLES

SAMPLE_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")}


@pytest.mark.parametrize("name", sorted(SAMPLE_TEXTS))
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "gbk", "big5"])
def test_decode_detects_encoding(name, encoding):
    text = SAMPLE_TEXTS[name]
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{name} has characters {encoding} cannot encode")
    assert decode_bytes(data) == text


@pytest.mark.parametrize(
    "suffix, content, expected",
    [
        (".txt", "奥特曼离开了。", "奥特曼离开了。"),
        (".md", "# 标题\n\n**奥特曼**离开了[OpenAI](https://x.com)。", "标题\n\n奥特曼离开了OpenAI。"),
        (".html", "<html><head><title>T</title><script>alert(1)</script></head><body><p>奥特曼</p><p>离开了。</p></body></html>", "奥特曼\n\n离开了。"),
    ],
)
def test_formats(tmp_path, suffix, content, expected):
    path = tmp_path / f"a{suffix}"
    path.write_text(content, encoding="utf-8")
    (doc,) = read_path(path)
    assert doc.text.strip() == expected
    assert doc.id == path.name


def test_jsonl_fields(tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [{"id": "n1", "text": "甲。", "title": "T", "date": "2024-05-17", "url": "u", "source": "s"}, {"text": "乙。"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    first, second = read_path(path)
    assert (first.id, first.date, first.title, first.source) == ("n1", "2024-05-17", "T", "s")
    assert second.id == "news.jsonl:2"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bad.jsonl", b'{"text": "ok"}\n{not json}\n', "bad.jsonl: line 2: not a JSON object"),
        ("notext.jsonl", b'{"title": "x"}\n', "notext.jsonl: line 1: missing required field 'text'"),
        ("empty.txt", b"  \n", "empty.txt: file is empty"),
        ("a.pdf", b"%PDF", "a.pdf: unsupported file type '.pdf'"),
        ("noise.txt", bytes(range(128, 256)) * 20, "noise.txt"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(GuanxiError) as info:
        list(read_path(path))
    text = str(info.value)
    assert message in text and "\n" not in text


def test_folder_recursion_and_errors_reported(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("奥特曼。", encoding="utf-8")
    (tmp_path / "b.htm").write_text("<p>辛顿。</p>", encoding="utf-8")
    (tmp_path / "skip.json").write_text("{}", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    errors = []
    docs = list(iter_documents([tmp_path, tmp_path / "missing.txt"], on_error=errors.append))
    assert sorted(d.id for d in docs) == ["a.txt", "b.htm"]
    assert any("empty.txt" in e for e in errors) and any("missing.txt: no such file" in e for e in errors)
