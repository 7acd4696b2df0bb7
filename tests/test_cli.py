"""The CLI end to end, through typer's CliRunner."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from typer.testing import CliRunner

from guanxi.cli import app
from tests.conftest import SAMPLES, SHARED_GOLD

runner = CliRunner()


def test_build_writes_three_files(sample_out):
    assert {p.name for p in sample_out.iterdir()} >= {"triples.jsonl", "graph.json", "graph.html"}
    graph = nx.node_link_graph(json.loads((sample_out / "graph.json").read_text(encoding="utf-8")))
    assert isinstance(graph, nx.MultiDiGraph) and graph.number_of_edges() > 10
    html = (sample_out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?https?://""", html), "the page must not load anything from a host"


REQUIRED_FIELDS = {
    "doc", "sentence", "sentence_index", "subject", "subject_type", "relation", "relation_label", "object",
    "object_type", "confidence", "extractor", "subject_span", "object_span",
}


def test_triple_records(sample_out):
    rows = [json.loads(line) for line in (sample_out / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows
    texts = {p.name: p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")}
    for row in rows:
        assert REQUIRED_FIELDS <= row.keys()
        assert 0 <= row["confidence"] <= 1
        text = texts[row["doc"]]
        start, end = row["subject_span"]
        assert text[start:end] == row["subject_text"], "spans point into the original text"
        assert row["sentence"] in text, "evidence is the sentence as written"
    assert any(r.get("time") == "2022" for r in rows)
    assert any(r.get("role") for r in rows)
    assert any(r.get("modality") == "attempted" for r in rows)


def test_build_summary_line(tmp_path):
    result = runner.invoke(app, ["build", str(SAMPLES / "ilya-leaves-openai.zh-Hant.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert re.search(r"documents: 1, sentences: \d+, entities: \d+, triples: \d+, seconds: [\d.]+", result.output)


def _triples(output: str):
    rows = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    return sorted({(r["subject"], r["relation"], r["object"], tuple(r["subject_span"]), tuple(r["object_span"])) for r in rows})


@pytest.mark.parametrize(
    "sample, encoding",
    [("jiemian-openai-safety.zh-Hans.txt", "gbk"), ("jiemian-openai-safety.zh-Hans.txt", "gb18030"),
     ("ilya-leaves-openai.zh-Hant.txt", "big5hkscs"), ("ilya-leaves-openai.zh-Hant.txt", "big5"),
     ("ilya-leaves-openai.zh-Hant.txt", "utf-16")],
)
def test_extract_same_triples_in_any_encoding(tmp_path, sample, encoding):
    original = (SAMPLES / sample).read_text(encoding="utf-8")
    # A few characters have no code in the legacy set (爲着 in Big5); a real file carries '?' there,
    # so the UTF-8 file to compare with carries the same characters.
    data = original.encode(encoding, errors="replace")
    legacy, utf8_path = tmp_path / "legacy" / sample, tmp_path / "utf8" / sample
    legacy.parent.mkdir(), utf8_path.parent.mkdir()
    legacy.write_bytes(data)
    utf8_path.write_text(data.decode(encoding), encoding="utf-8")
    utf8 = runner.invoke(app, ["extract", str(utf8_path)])
    other = runner.invoke(app, ["extract", str(legacy)])
    assert utf8.exit_code == other.exit_code == 0
    assert _triples(other.stdout) == _triples(utf8.stdout)
    assert _triples(utf8.stdout)


def test_extract_stdout_is_only_json_lines(tmp_path):
    result = runner.invoke(app, ["extract", str(SAMPLES)])
    assert result.exit_code == 0
    assert result.stdout.strip() and all(line.startswith("{") for line in result.stdout.splitlines())


def test_extract_stdin():
    result = runner.invoke(app, ["extract", "-"], input="据新华社报道，华为公司起诉了小米公司。".encode("gb18030"))
    assert result.exit_code == 0, result.output
    assert any("华为" in s and r == "sued" and "小米" in o for s, r, o, *_ in _triples(result.stdout))


def test_unreadable_file_is_one_line_and_others_go_on(tmp_path):
    (tmp_path / "good.txt").write_text("奥特曼离开了OpenAI。", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == ["error: " + str(tmp_path / "bad.jsonl") + ": line 1: not a JSON object (Expecting property name enclosed in double quotes)"]
    assert (tmp_path / "out" / "graph.json").exists()


@pytest.mark.parametrize("args", [["build", "{missing}", "--out", "{out}"], ["extract", "{missing}"]])
def test_nothing_readable_exits_nonzero_without_output(tmp_path, args):
    out = tmp_path / "out"
    args = [a.format(missing=tmp_path / "nope.txt", out=out) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert len([line for line in result.stderr.splitlines() if line]) == 2  # the file, then "no documents"
    assert not out.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["build", "--extractor", "nope", str(SAMPLES)], "No extractor 'nope'. Available: affiliation, appositive, copular, generic, peer, possessive, reporting, subsidiary, svo"),
        (["build", "--script", "latin", str(SAMPLES)], "'latin' is not one of: hans, hant"),
        (["build", "--model", "no_such_model", str(SAMPLES)], "Cannot load spaCy pipeline 'no_such_model'"),
        (["eval", "--gold", "{tmp}", str(SAMPLES)], "not a gold file (no *.json gold files)"),
    ],
)
def test_bad_settings_are_one_line(tmp_path, args, message):
    args = [a.format(tmp=tmp_path) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_script_hant_shows_traditional_names(tmp_path):
    result = runner.invoke(app, ["extract", "--script", "hant", str(SAMPLES / "ilya-leaves-openai.zh-Hant.txt")])
    names = {r[0] for r in _triples(result.stdout)} | {r[2] for r in _triples(result.stdout)}
    assert "超級對齊團隊" in names and "超级对齐团队" not in names


def test_min_confidence_filters():
    low = _triples(runner.invoke(app, ["extract", str(SAMPLES)]).stdout)
    high = _triples(runner.invoke(app, ["extract", "--min-confidence", "0.7", str(SAMPLES)]).stdout)
    assert 0 < len(high) < len(low)


def test_entities_command(sample_out):
    result = runner.invoke(app, ["entities", "--graph", str(sample_out / "graph.json"), "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    by_name = {r["name"]: r for r in rows}
    assert {"奥特曼", "奧特曼", "Altman"} <= set(by_name["Sam Altman"]["aliases"])
    assert by_name["Daniel Kokotajlo"]["type"] == "PERSON"


@pytest.mark.skipif(not SHARED_GOLD.is_dir(), reason="../shared/gold is not beside the project")
def test_eval_table():
    result = runner.invoke(app, ["eval", "--gold", str(SHARED_GOLD), str(SAMPLES), "--no-details"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].startswith("overall")


def test_a_failing_document_is_reported_and_skipped(tmp_path, monkeypatch):
    from guanxi.extractors import pipeline

    real = pipeline.extract_document

    def flaky(document, settings=pipeline.Settings()):
        if document.id == "bad.txt":
            raise ValueError("boom")
        return real(document, settings)

    monkeypatch.setattr(pipeline, "extract_document", flaky)
    (tmp_path / "bad.txt").write_text("张伟离开了华为公司。", encoding="utf-8")
    (tmp_path / "good.txt").write_text("李强加入了小米公司。", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    assert "bad.txt: extraction failed (ValueError: boom); document skipped" in result.stderr
    assert "小米" in result.stdout
