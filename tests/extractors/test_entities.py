"""Recognition and resolution of entities, positive and negative cases."""

from __future__ import annotations

import pytest

from guanxi.extractors.text import normalize_key, prepare


def mentions(nlp, text):
    doc = nlp(prepare(text).text)
    return doc._.mentions, doc._.entities


@pytest.mark.parametrize(
    "text, name, etype, role",
    [
        ("台积电董事长张忠谋出席。", "张忠谋", "PERSON", "董事长"),
        ("OpenAI前首席科学家Ilya Sutskever离开了。", "Ilya Sutskever", "PERSON", "前首席科学家"),
        ("（中央社記者楊啟芳台北5日電）", "杨启芳", "PERSON", "记者"),
        ("国足主教练邵佳一表示。", "邵佳一", "PERSON", "主教练"),
        ("热火主教练斯波尔斯特拉称赞了德维恩-韦德。", "斯波尔斯特拉", "PERSON", "主教练"),
        ("热火主教练斯波尔斯特拉称赞了德维恩-韦德。", "德维恩-韦德", "PERSON", None),
        ("Jan Leike在推特上发文。", "Jan Leike", "PERSON", None),
        ("其中有Daniel Kokotajlo（以下简称DK哥）。DK哥说。", "DK哥", "PERSON", None),
        ("格力電器股份有限公司（格力電器）發布公告。", "格力电器股份有限公司", "ORG", None),
        ("他在治理团队工作。", "治理团队", "ORG", None),
        ("该案由最高人民法院审理。", "最高人民法院", "ORG", None),
        ("苹果公司推出了iPhone 15。", "iPhone 15", "PRODUCT", None),
        ("OpenAI推出了ChatGPT和GPT-4。", "GPT-4", "PRODUCT", None),
        ("王毅访问了沙特。", "沙特", "GPE", None),
        ("新华社报道了此事。", "新华社", "ORG", None),
        ("他加盟了广州队。", "广州队", "ORG", None),
        ("据今日南方新闻网报道，此事属实。", "今日南方新闻网", "ORG", None),
        ("大元营造被罚款。", "大元营造", "ORG", None),
        ("主任司徒文彬随后发言。司徒文彬说。", "司徒文彬", "PERSON", None),
        ("星岚科技发布了启明X3。启明X3售价三千元，启明团队很满意。", "启明X3", "PRODUCT", None),
        ("方静表示满意。随后方静又称将继续合作。", "方静", "PERSON", None),
        ("晶禾半导体（6789）发布公告。晶禾董事长林正雄说，晶禾不会改变。", "晶禾半导体", "ORG", None),
        ("曜驰汽车（09876.HK）发布公告。曜驰的新车很受欢迎。", "曜驰汽车", "ORG", None),
        ("这家总部位于深圳的智能制造企业星河智能科技股份有限公司宣布收购。", "星河智能科技股份有限公司", "ORG", None),
        ("桃园猎鹰宣布交易。猎鹰随后完成签约。", "桃园猎鹰", "ORG", None),
    ],
)
def test_recognised(nlp, text, name, etype, role):
    found, entities = mentions(nlp, text)
    match = [m for m in found if normalize_key(m.text) == normalize_key(name) or normalize_key(m.key) == normalize_key(name)]
    assert match, [(m.text, m.type) for m in found]
    assert entities[match[0].key].type == etype
    if role:
        assert any(role in r for m in match for r in entities[m.key].roles)


@pytest.mark.parametrize(
    "text, not_a_name",
    [
        ("这笔订单金额高达5100万美元。", "高达"),
        ("两个团队都在工作。", "两个团队"),
        ("这家初创公司很小。", "初创公司"),
        ("毕竟公司刚起步。", "毕竟公司"),
        ("AI和AGI都是热词，CEO也这么说。", "AGI"),
        ("他马上就来。", "马上"),
        ("巴西矿业巨头淡水河谷公司计划扩产。", "巴西矿业"),
        ("功率半导体厂晶禾半导体宣布。晶禾很好。", "功率半导体"),
        ("优先级不如推出“闪亮的产品”。", "闪亮的产品"),
        ("主要工作是引导OpenAI安全部署AI。", "安全部署"),
        ("员工离职时不签署协议。不签的话视为放弃。", "不签署"),
        ("冲在最一线的推特网友们感谢了他。", "推特网"),
        ("如果把时间阵线拉长，其实今天的分崩离析是续集。", "时间阵线"),
    ],
)
def test_not_recognised(nlp, text, not_a_name):
    found, _ = mentions(nlp, text)
    assert not_a_name not in {m.text for m in found}


@pytest.mark.parametrize(
    "text, variants, key",
    [
        ("OpenAI超级对齐小组负责人Jan Leike辞职了。Jan说他很难过。Jan Laike后来又发文。", ["Jan", "Jan Laike"], "Jan Leike"),
        ("联合创始人John Schulma将接手。", ["John Schulma"], "John Schulman"),
        ("台积电创办人劉德音出席。德音表示很高兴。", ["德音"], "刘德音"),
        ("格力电器股份有限公司（以下简称格力）发布公告。格力表示…", ["格力"], "格力电器股份有限公司"),
        ("OpenAI超级对齐团队解散了。超级对齐负责人离开。", ["超级对齐"], "超级对齐团队"),
        ("江临大学教授沈若溪出席。沈老师表示很高兴。", ["沈老师"], "沈若溪"),
        ("卡洛斯·门多萨抵达马尼拉。门多萨随后会见记者。", ["门多萨"], "卡洛斯·门多萨"),
        ("青州蓝鲸足球俱乐部发布公告。蓝鲸俱乐部董事长陈国强表示满意。", ["蓝鲸俱乐部"], "青州蓝鲸足球俱乐部"),
    ],
)
def test_resolved_within_document(nlp, text, variants, key):
    found, _ = mentions(nlp, text)
    for variant in variants:
        keys = {m.key for m in found if m.text == variant}
        assert keys and {normalize_key(k) for k in keys} == {normalize_key(key)}, (variant, keys)


@pytest.mark.parametrize(
    "text, pronoun, antecedent",
    [
        ("DK哥在2022年加入OpenAI。但他也在近期辞职了。", "他", "DK哥"),
        ("Sam Altman当然有回应。他转发了Jan Leike的推文，并感谢了对方的贡献。", "对方", "Jan Leike"),
        ("当时张伟还在，他同董事会合作。", "他", "张伟"),
    ],
)
def test_pronouns(nlp, text, pronoun, antecedent):
    found, entities = mentions(nlp, text)
    resolved = [m for m in found if m.text == pronoun]
    target = {m.key for m in found if m.text == antecedent}
    assert resolved and resolved[-1].key in target


def test_pronoun_left_alone_when_no_person(nlp):
    found, _ = mentions(nlp, "他说今天会下雨。")
    assert not [m for m in found if m.text == "他"]


def test_two_people_sharing_a_surname_stay_apart(nlp):
    found, entities = mentions(nlp, "记者张伟报道，董事长张强表示反对。")
    keys = {m.key for m in found if m.type == "PERSON"}
    assert len(keys) == 2
