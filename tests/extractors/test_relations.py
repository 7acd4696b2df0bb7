"""Relation constructions of news prose, one table row per construction."""

from __future__ import annotations

import pytest

from tests.conftest import extract_text, has_fact


def triples_of(text: str):
    return extract_text(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # subject–verb–object, with aspect and complements
        ("去年11月，华为公司起诉了小米公司。", ("华为", "sued", "小米")),
        ("当时，华为董事会试图解雇掉张伟。", ("华为董事会", "fired", "张伟")),
        ("阿里巴巴集团已经收购了饿了么。", ("阿里巴巴", "acquired", "饿了么")),
        ("马云离开了阿里巴巴。", ("马云", "resigned_from", "阿里巴巴")),
        ("腾讯投资了京东。", ("腾讯", "invested_in", "京东")),
        ("苹果公司推出了iPhone 15。", ("苹果", "develops", "iPhone 15")),
        # apposition and roles
        ("复星国际董事长郭广昌出席了会议。", ("郭广昌", "leads", "复星国际")),
        # a head coach is employed by the club (data/roles.toml files coaches under works_for)
        ("上海海港主教练穆斯卡特表示满意。", ("穆斯卡特", "works_for", "上海海港")),
        ("中央社记者杨启芳报道。", ("杨启芳", "works_for", "中央社")),
        # reporting
        ("据路透社报道，特斯拉将在上海建厂。", ("路透社", "reported", "特斯拉")),
        # passive
        ("李明被腾讯公司解雇。", ("腾讯", "fired", "李明")),
        ("郭广昌卸任董事长，该职务由汪群斌接替郭广昌。", ("汪群斌", "succeeded", "郭广昌")),
        # coordination and shared arguments
        ("郭广昌、梁信军和汪群斌共同创立了复星集团。", ("梁信军", "founded", "复星")),
        ("郭广昌、梁信军和汪群斌共同创立了复星集团。", ("汪群斌", "founded", "复星")),
        ("王伟与李强双双离开了华为公司。", ("李强", "resigned_from", "华为")),
        # serial verbs and pivots
        ("董事会派了张伟来接管研发团队。", ("张伟", "took_over", "研发团队")),
        # inverse cues
        ("李飞飞师从Pietro Perona。", ("Pietro Perona", "teacher_of", "李飞飞")),
        ("张伟的老师王强也出席了婚礼。", ("王强", "teacher_of", "张伟")),
        ("张伟的妻子李娜表示支持。", ("李娜", "family_of", "张伟")),
        # symmetric
        ("王毅在北京会见了布林肯。", ("王毅", "met", "布林肯")),
        ("华为与比亚迪都是中国公司。", None),
        ("华为与比亚迪宣布合作。", ("华为", "partnered_with", "比亚迪")),
        # place
        ("字节跳动总部位于北京。", ("字节跳动", "headquartered_in", "北京")),
        # attitude behind 对/向
        ("马斯克对OpenAI公开批评。", ("Elon Musk", "criticized", "OpenAI")),
        ("雷军感谢了小米的员工。", ("雷军", "thanked", "小米")),
        # subsidiaries, peers, roles after the organisation, agents of intransitive verbs
        ("星河智能科技股份有限公司收购了云帆机器人有限公司。云帆将成为星河智能旗下全资子公司。", ("云帆", "part_of", "星河智能")),
        ("星河智能目前有两大基地，旗下子公司星河汽车电子主要供应电驱模块。", ("星河汽车电子", "part_of", "星河智能")),
        ("华为与小米是直接竞争对手。", ("华为", "competes_with", "小米")),
        ("陈冠廷与黄圣凯早在大学时期就是队友。", ("陈冠廷", "colleague_of", "黄圣凯")),
        ("陈国强同时是俱乐部母公司蓝鲸控股集团的董事长。", ("陈国强", "leads", "蓝鲸控股集团")),
        ("黄文彬曾任交通部铁道局局长。", ("黄文彬", "leads", "交通部铁道局")),
        ("星河智能宣布完成融资。本轮由澄源资本领投。", ("澄源资本", "invested_in", "星河智能")),
        # a gold related_to (represents) accepts any relation between the two
        ("代表东升货运有限公司的大律师李咏诗指出，资料属公开资讯。", ("李咏诗", "works_for", "东升货运有限公司")),
        ("灵犀科技在上海发布了新一代大模型“灵犀4.0”。", ("灵犀科技", "develops", "灵犀4.0")),
        # symmetric relations through prepositional phrases and coordinated partners
        ("深维智能公司在通用大模型领域与灵犀科技公司正面竞争。", ("深维智能公司", "competes_with", "灵犀科技公司")),
        ("日本将继续与美国、菲律宾推进三边合作。", ("日本", "partnered_with", "美国")),
        ("日本将继续与美国、菲律宾推进三边合作。", ("日本", "partnered_with", "菲律宾")),
    ],
)
def test_construction(text, expected):
    graph, triples = extract_text(text, with_graph=True)
    if expected is None:
        assert not triples, [(t.subject, t.relation, t.object) for t in triples]
    else:
        assert has_fact(graph, triples, *expected), [(t.subject, t.relation, t.object) for t in triples]


@pytest.mark.parametrize(
    "text, relation, modality",
    [
        ("他并未加入腾讯。张三说。", None, None),
        ("张伟试图收购腾讯公司。", "acquired", "attempted"),
        ("张伟企图解雇李强。", "fired", "attempted"),
        ("阿里巴巴将收购饿了么。", "acquired", "planned"),
        ("王伟拟加入华为公司。", "joined", "planned"),
    ],
)
def test_modality(text, relation, modality):
    triples = triples_of(text)
    if relation is None:
        assert not triples, "negated statements stay out by default"
    else:
        assert any(t.relation == relation and t.modality == modality for t in triples), triples


def test_negated_kept_with_flag():
    from guanxi.extractors.pipeline import Settings, extract_document
    from guanxi.model import Document

    result = extract_document(Document(id="n.txt", text="王伟并未加入华为公司。"), Settings(keep_negated=True))
    assert [(t.relation, t.modality) for t in result.triples] == [("joined", "negated")]


def test_hedge_lowers_confidence():
    plain = triples_of("阿里巴巴收购了饿了么。")[0]
    hedged = triples_of("据传阿里巴巴收购了饿了么。")[0]
    assert hedged.confidence < plain.confidence


@pytest.mark.parametrize(
    "text, time",
    [("王伟在2022年加入华为公司。", "2022"), ("2023年11月，王伟加入了华为公司。", "2023-11"), ("去年11月，王伟加入了华为公司。", "去年11月")],
)
def test_time(text, time):
    assert [t.time for t in triples_of(text) if t.relation == "joined"] == [time]


@pytest.mark.parametrize(
    "text",
    [
        "华为和小米都是中国公司。",  # co-occurrence is no relation
        "张伟在北京，李强在上海。",
        "金额高达5100万美元。",
    ],
)
def test_no_invented_edges(text):
    assert not [t for t in triples_of(text) if t.relation != "located_in"], "entities that only co-occur are not related"


def test_role_attribute():
    (t,) = [t for t in triples_of("这次带头的是OpenAI前首席科学家Ilya Sutskever。") if t.relation == "works_for"]
    assert t.role == "前首席科学家" and t.object == "OpenAI"


def test_generic_related_to_keeps_the_verb_and_is_opt_in():
    from guanxi.extractors.pipeline import Settings, extract_document
    from guanxi.model import Document

    doc = Document(id="g.txt", text="马斯克喊话奥特曼。")
    assert not extract_document(doc).triples
    (t,) = extract_document(doc, Settings(extractors=("generic",))).triples
    assert (t.relation, t.relation_label, t.extractor) == ("related_to", "喊话", "generic") and t.confidence < 0.5





def test_country_inside_a_ministry_name_becomes_an_entity():
    graph, triples = extract_text("中国外交部发言人林泽宇表示反对。", with_graph=True)
    assert has_fact(graph, triples, "林泽宇", "works_for", "中国")


def test_response_to_someones_words_in_the_next_clause():
    graph, triples = extract_text("卡洛斯·门多萨点名批评中国。中国外交部发言人林泽宇回应称，门多萨的有关言论罔顾事实。", with_graph=True)
    assert has_fact(graph, triples, "林泽宇", "responded_to", "门多萨")
