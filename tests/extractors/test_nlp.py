"""The spaCy side: registered components, the offline default, and a trained pipeline when given."""

from __future__ import annotations

import json

import pytest
import spacy
from typer.testing import CliRunner

from guanxi.cli import app
from guanxi.errors import GuanxiError
from guanxi.extractors.nlp import load_pipeline


def test_default_pipeline_is_offline_blank_zh(nlp):
    assert nlp.lang == "zh"
    assert nlp.pipe_names == ["guanxi_sentences", "guanxi_entities"]
    doc = nlp("奥特曼已经派了联合创始人来接管超级对齐团队。他很满意。")
    assert [t.text for t in doc][:3] == ["奥特曼", "已经", "派"]
    assert len(list(doc.sents)) == 2
    assert any(e.label_ == "PERSON" and e._.mention.key == "Sam Altman" for e in doc.ents)


@pytest.fixture(scope="module")
def trained_pipeline(tmp_path_factory):
    """A small pipeline on disk standing in for zh_core_web_sm: its entities come from a component."""
    nlp = spacy.blank("zh")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "小龙女"}, {"label": "ORG", "pattern": "古墓派"}])
    path = tmp_path_factory.mktemp("model") / "zh_test_pipeline"
    nlp.to_disk(path)
    return path


def test_trained_pipeline_entities_are_used(trained_pipeline):
    nlp = load_pipeline(str(trained_pipeline))
    assert nlp.pipe_names[-1] == "guanxi_entities" and "entity_ruler" in nlp.pipe_names
    doc = nlp("小龙女离开了古墓派。")
    assert {(e.text, e.label_) for e in doc.ents} >= {("小龙女", "PERSON"), ("古墓派", "ORG")}


def test_model_option_end_to_end(trained_pipeline):
    result = CliRunner().invoke(app, ["extract", "--model", str(trained_pipeline), "-"], input="小龙女离开了古墓派。".encode())
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["subject"], r["relation"], r["object"]) for r in rows] == [("小龙女", "resigned_from", "古墓派")]


def test_missing_model_names_choices():
    with pytest.raises(GuanxiError, match="Cannot load spaCy pipeline 'zh_core_web_xx'.*Installed pipelines"):
        load_pipeline("zh_core_web_xx")
