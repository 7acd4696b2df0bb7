"""The page `guanxi build` writes, opened in headless Chromium with the network blocked."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from guanxi.cli import app
from tests.graph.test_html_browser import VIEW, browser, open_view  # noqa: F401  (browser is a fixture)

pytestmark = pytest.mark.browser


@pytest.fixture()
def sample_page(browser, sample_out):  # noqa: F811
    opened = open_view(browser, sample_out / "graph.html")
    yield opened
    opened.page.context.close()


def test_sample_graph_draws_offline(sample_page, sample_out):
    graph = json.loads((sample_out / "graph.json").read_text(encoding="utf-8"))
    assert sample_page.eval(f"() => {VIEW}.network.body.data.nodes.length") == len(graph["nodes"])
    assert sample_page.attempted == [] and sample_page.errors == []


def test_search_leike_focuses_jan_leike(sample_page):
    box = sample_page.page.locator(".gx-find input")
    box.fill("Leike")
    box.press("Enter")
    sample_page.page.wait_for_function(f"() => {VIEW}.network.getSelectedNodes()[0] === 'Jan Leike'", timeout=5000)


def test_edge_tooltip_shows_evidence_sentence(sample_page):
    eid = sample_page.eval(f"""() => {VIEW}.data.edges.find(e => e.from === 'Sam Altman' && e.rel === 'thanked' && e.to === 'Jan Leike').id""")
    x, y = sample_page.canvas_point("(v, e) => v.edgePoint(e, 0.4)", eid)
    sample_page.page.mouse.move(x - 30, y - 30)
    sample_page.page.mouse.move(x, y, steps=5)
    sample_page.page.wait_for_function(f"() => {VIEW}.tooltip() !== ''", timeout=5000)
    text = sample_page.eval(f"() => {VIEW}.tooltip()")
    assert "感謝了Jan對OpenAI超級對齊" in text or "例行感谢了对方的杰出贡献" in text


PAYLOAD_NAME = "<img src=x onerror=alert(1)>"


def test_payloads_in_articles_never_run(browser, tmp_path):  # noqa: F811
    aliases = tmp_path / "aliases.jsonl"
    aliases.write_text(json.dumps({"name": PAYLOAD_NAME, "type": "PERSON", "aliases": ["坏人甲"]}, ensure_ascii=False), encoding="utf-8")
    articles = tmp_path / "evil.jsonl"
    articles.write_text(json.dumps({
        "id": "evil", "title": "<script>window.__pwned=1</script>",
        "text": "<img src=x onerror=alert(1)>离开了华为公司。坏人甲说。<script>window.__pwned=2;alert(2)</script>据新华社报道，<b onmouseover=alert(3)>张伟</b>起诉了小米公司。",
    }, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(articles), "--aliases", str(aliases), "--out", str(out)])
    assert result.exit_code == 0, result.output
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert PAYLOAD_NAME in {n["id"] for n in graph["nodes"]}
    assert any("</script>" in ev["sentence"] and "<b onmouseover" in ev["sentence"] for e in graph["edges"] for ev in e["evidence"])
    opened = open_view(browser, out / "graph.html")
    try:
        x, y = opened.canvas_point("(v, n) => v.nodePoint(n)", PAYLOAD_NAME)
        opened.page.mouse.move(x, y, steps=3)
        opened.page.wait_for_function(f"() => {VIEW}.tooltip() !== ''", timeout=5000)
        assert PAYLOAD_NAME in opened.eval(f"() => {VIEW}.tooltip()")
        assert opened.dialogs == [] and opened.eval("() => window.__pwned") is None
        assert opened.eval("() => document.querySelectorAll('img, b').length") == 0
        assert opened.attempted == []
    finally:
        opened.page.context.close()
