import pytest

from guanxi.extractors.text import normalize_key, prepare, split_sentences, to_simplified

from tests.conftest import SAMPLES


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("甲走了。乙来了！丙呢？丁；戊", ["甲走了。", "乙来了！", "丙呢？", "丁；", "戊"]),
        ("He left. 他走了.她来了!真的?", ["He left.", "他走了.", "她来了!", "真的?"]),
        ("他说：“我辞职了。你们保重。”然后走了。", ["他说：“我辞职了。你们保重。”然后走了。"]),
        ("「我走了。」她說。", ["「我走了。」她說。"]),
        ("J. K. Rowling和Sam Altman见面。GPT-4.5发布了。", ["J. K. Rowling和Sam Altman见面。", "GPT-4.5发布了。"]),
        ("分歧很严重……大家都看到了。", ["分歧很严重……", "大家都看到了。"]),
        ("第一段。\n\n第二段没有句号", ["第一段。", "第二段没有句号"]),
    ],
)
def test_split_sentences(text, sentences):
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_prepare_keeps_offsets(path):
    original = path.read_text(encoding="utf-8")
    prepared = prepare(original)
    assert len(prepared.text) == len(original)
    for start, end in prepared.sentences:
        assert to_simplified(original[start:end]) == prepared.text[start:end]


def test_boilerplate_and_repeats_dropped():
    original = (SAMPLES / "jiemian-openai-safety.zh-Hans.txt").read_text(encoding="utf-8")
    prepared = prepare(original)
    kept = [original[s:e] for s, e in prepared.sentences]
    for noise in ("扫一扫下载界面新闻APP", "暂无评论哦", "未经正式授权严禁转载", "蜂助手", "微信公众号"):
        assert not any(noise in s for s in kept), noise
    assert sum("据Vox报道" in s for s in kept) == 1, "the repeated article body counts once"


@pytest.mark.parametrize("a, b", [("Jan Leike", "jan-leike"), ("德维恩·韦德", "德維恩-韋德"), ("奧特曼", "奥特曼"), ("ＯｐｅｎＡＩ", "OpenAI")])
def test_normalize_key_equal(a, b):
    assert normalize_key(a) == normalize_key(b)
