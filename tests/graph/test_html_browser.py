"""The HTML view in a real browser: headless Chromium (Debian's), driven by Playwright, network blocked.

Run with ``pytest -m browser``. Needs ``/usr/bin/chromium`` (``apt-get install chromium``)
and the ``playwright`` Python package; no Playwright-downloaded browser is used.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from guanxi.graph.html import render_html, write_html
from guanxi.graph.notebook import to_iframe

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
VIEW = "Object.values(window.guanxiViews)[0]"

_spec = importlib.util.spec_from_file_location("guanxi_test_html_fixtures", Path(__file__).with_name("test_html.py"))
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Chromium not found at /usr/bin/chromium: install it with `apt-get install chromium` "
                    "(CI does), or deselect with -m 'not browser'")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no browser download needed)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@dataclass
class Opened:
    page: object
    url: str
    attempted: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def eval(self, script, arg=None):
        return self.page.evaluate(script, arg)

    def canvas_point(self, js_point, arg=None):
        """Page coordinates of a point the view reports in canvas-DOM coordinates."""
        return self.eval(f"""(arg) => {{ const v = {VIEW}; const p = ({js_point})(v, arg);
            const r = v.network.canvas.frame.getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }}""", arg)


def open_view(browser, path: Path, *, wait=True, timeout=30_000) -> Opened:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    page = context.new_page()
    opened = Opened(page, path.resolve().as_uri())

    def route(r):
        if r.request.url == opened.url:
            r.continue_()
        else:
            opened.attempted.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("request", lambda r: None if r.url == opened.url else opened.attempted.append(r.url))
    page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.goto(opened.url)
    if wait:
        page.wait_for_function(f"() => window.guanxiViews && {VIEW} && {VIEW}.stabilized", timeout=timeout)
    return opened


@pytest.fixture()
def sample(browser, tmp_path):
    path = tmp_path / "graph.html"
    write_html(fx.sample_graph(), path, title="样例", height="640px")
    opened = open_view(browser, path)
    yield opened
    opened.page.context.close()


@pytest.fixture()
def payload(browser, tmp_path):
    path = tmp_path / "evil.html"
    write_html(fx.payload_graph(), path, title=fx.PAYLOAD_NAME, height="640px")
    opened = open_view(browser, path)
    yield opened
    opened.page.context.close()


def _tip(opened: Opened) -> str:
    opened.page.wait_for_function(f"() => {VIEW}.tooltip() !== ''", timeout=5000)
    return opened.eval(f"() => {VIEW}.tooltip()")


def _edge_id(opened: Opened, subject, relation, obj) -> int:
    return opened.eval(f"""([s, r, o]) => {VIEW}.data.edges.find(e => e.from === s && e.rel === r && e.to === o).id""",
                       [subject, relation, obj])


# -- renders, offline ---------------------------------------------------------------------------------------------


def test_nodes_render_offline(sample):
    G = fx.sample_graph()
    assert sample.eval(f"() => {VIEW}.network.body.data.nodes.length") == G.number_of_nodes()
    assert sample.eval(f"() => {VIEW}.network.body.data.edges.length") == G.number_of_edges()
    painted = sample.eval(f"""() => {{ const c = {VIEW}.network.canvas.frame.canvas;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200)) n++; return n; }}""")
    assert painted > 2000, "the canvas shows the graph"
    assert sample.attempted == [], "no request besides the page itself"
    assert sample.errors == [], "no script error and no CSP violation"
    assert sample.eval(f"() => {VIEW}.network.physics.physicsEnabled") is False, "physics stopped after settling"
    assert sample.eval("() => document.querySelectorAll('.gx-legend input[type=checkbox]').length") == 5


def test_screenshot_looks_finished(sample, tmp_path):
    shot = tmp_path / "view.png"
    sample.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 30_000


# -- search ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query,node", [
    ("Leike", "Jan Leike"),
    ("奧特曼", "Sam Altman"),      # Traditional alias
    ("奥特曼", "Sam Altman"),      # Simplified alias
    ("超級對齊", "超级对齐团队"),  # part of a Traditional alias
    ("dk哥", "Daniel Kokotajlo"),  # case-insensitive
    ("San Francisco", "旧金山"),
])
def test_search_focuses_node_by_alias(sample, query, node):
    box = sample.page.locator(".gx-find input")
    box.fill(query)
    box.press("Enter")
    sample.page.wait_for_function(f"(n) => {VIEW}.network.getSelectedNodes()[0] === n", arg=node, timeout=5000)
    sample.page.wait_for_timeout(600)  # focus animation
    x, y = sample.canvas_point("(v, n) => v.nodePoint(n)", node)
    frame = sample.page.locator(".gx-canvas").bounding_box()
    assert abs(x - (frame["x"] + frame["width"] / 2)) < 40 and abs(y - (frame["y"] + frame["height"] / 2)) < 40
    assert node in sample.page.locator(".gx-msg").inner_text()


def test_search_while_typing_and_not_found(sample):
    box = sample.page.locator(".gx-find input")
    box.press_sequentially("Leike", delay=30)
    sample.page.wait_for_function(f"() => {VIEW}.network.getSelectedNodes()[0] === 'Jan Leike'", timeout=5000)
    box.fill("no such entity")
    box.press("Enter")
    assert "no such entity" in sample.page.locator(".gx-msg").inner_text()
    assert sample.eval(f"() => {VIEW}.search('Ilya', false)") == "Ilya Sutskever"


# -- tooltips ----------------------------------------------------------------------------------------------------


def test_edge_hover_shows_evidence(sample):
    eid = _edge_id(sample, "Sam Altman", "thanked", "Jan Leike")
    x, y = sample.canvas_point("(v, e) => v.edgePoint(e, 0.4)", eid)
    sample.page.mouse.move(x - 30, y - 30)
    sample.page.mouse.move(x, y, steps=5)
    text = _tip(sample)
    assert "他站出來感謝了Jan對OpenAI超級對齊和安全方面的貢獻" in text
    assert "Ilya離開OpenAI內幕曝光" in text  # the document
    assert "2024-05-18" in text  # date of the second evidence's document
    marks = sample.eval("() => [...document.querySelectorAll('.gx-tip mark')].map(m => m.className + ':' + m.textContent)")
    assert "gx-s:他" in marks and "gx-o:Jan" in marks and "gx-o:Jan Leike" in marks


def test_node_hover_shows_aliases_mentions_documents(sample):
    x, y = sample.canvas_point("(v, n) => v.nodePoint(n)", "Sam Altman")
    sample.page.mouse.move(x, y, steps=3)
    text = _tip(sample)
    for word in ("Sam Altman", "奧特曼", "奥特曼", "人物", "8", "OpenAI宫斗戏再起"):
        assert word in text


def test_click_highlights_neighbourhood(sample):
    pixel = f"""(n) => {{ const v = {VIEW}, c = v.network.canvas.frame.canvas, p = v.nodePoint(n),
        r = c.width / c.clientWidth; return [...c.getContext('2d').getImageData(p.x * r, p.y * r, 1, 1).data]; }}"""
    vox_before = sample.eval(pixel, "Vox")
    x, y = sample.canvas_point("(v, n) => v.nodePoint(n)", "Daniel Kokotajlo")
    sample.page.mouse.click(x, y)
    sample.page.wait_for_function(f"() => ({VIEW}.highlighted || []).length > 0")
    assert sorted(sample.eval(f"() => {VIEW}.highlighted")) == ["Daniel Kokotajlo", "OpenAI", "治理团队"]
    vox_after = sample.eval(pixel, "Vox")
    assert sum(vox_after[:3]) > sum(vox_before[:3]) + 150, "nodes outside the neighbourhood fade"
    box = sample.page.locator(".gx-canvas").bounding_box()
    sample.page.mouse.click(box["x"] + 8, box["y"] + 8)  # empty canvas clears the highlight
    sample.page.wait_for_function(f"() => {VIEW}.state.focus === null")


# -- controls ----------------------------------------------------------------------------------------------------


def test_language_toggle_switches_edge_labels(sample):
    eid = _edge_id(sample, "Sam Altman", "thanked", "Jan Leike")
    assert sample.eval(f"(e) => {VIEW}.edges.get(e).label", eid) == "感谢"
    sample.page.get_by_role("button", name="EN", exact=True).click()
    assert sample.eval(f"(e) => {VIEW}.edges.get(e).label", eid) == "thanked"
    assert sample.page.locator(".gx-find input").get_attribute("placeholder").startswith("Search")
    sample.page.get_by_role("checkbox", name="Edge labels").uncheck()
    assert sample.eval(f"(e) => {VIEW}.edges.get(e).label", eid) == ""


def test_filters_by_type_relation_and_document(sample):
    hidden = f"() => {VIEW}.nodes.get().filter(n => n.hidden).map(n => n.id).sort()"
    sample.page.locator(".gx-legend label", has_text="人物").locator("input").uncheck()
    assert sample.eval(hidden) == ["Daniel Kokotajlo", "Ilya Sutskever", "Jan Leike", "Sam Altman"]
    sample.page.locator(".gx-legend label", has_text="人物").locator("input").check()
    assert sample.eval(hidden) == []

    sample.page.locator(".gx-pop summary").click()
    sample.page.locator(".gx-popbody label", has_text="感谢").locator("input").uncheck()
    eid = _edge_id(sample, "Sam Altman", "thanked", "Jan Leike")
    assert sample.eval(f"(e) => {VIEW}.edges.get(e).hidden", eid) is True
    sample.page.locator(".gx-popbody button", has_text="全部").click()
    assert sample.eval(f"(e) => {VIEW}.edges.get(e).hidden", eid) is False

    sample.page.locator(".gx-tools select").select_option(fx.EXTRA)
    assert set(sample.eval(f"() => {VIEW}.nodes.get().filter(n => !n.hidden).map(n => n.id)")) == \
        {"OpenAI", "旧金山", "ChatGPT"}


def test_layouts_render(browser, tmp_path):
    for layout in ("hierarchical", "static"):
        path = tmp_path / f"{layout}.html"
        write_html(fx.sample_graph(), path, layout=layout)
        opened = open_view(browser, path)
        try:
            assert opened.eval(f"() => {VIEW}.network.body.data.nodes.length") == 11
            assert opened.attempted == [] and opened.errors == []
        finally:
            opened.page.context.close()


# -- safety ------------------------------------------------------------------------------------------------------


def test_payloads_show_as_text_and_never_run(payload):
    page = payload.page
    assert page.title() == fx.PAYLOAD_NAME
    assert fx.PAYLOAD_NAME in page.locator(".gx-title").inner_text()
    # hover the payload node and its edge, search its alias, switch language, open the filters
    x, y = payload.canvas_point("(v, n) => v.nodePoint(n)", fx.PAYLOAD_NAME)
    page.mouse.move(x, y, steps=3)
    text = _tip(payload)
    assert fx.PAYLOAD_NAME in text and fx.PAYLOAD_ALIAS in text and "<i onclick=alert(6)>角色</i>" in text
    page.mouse.move(5, 5)
    eid = _edge_id(payload, fx.PAYLOAD_NAME, fx.PAYLOAD_REL, "OpenAI")
    x, y = payload.canvas_point("(v, e) => v.edgePoint(e, 0.4)", eid)
    page.mouse.move(x, y, steps=5)
    text = _tip(payload)
    assert fx.PAYLOAD_SENTENCE in text and fx.PAYLOAD_TITLE in text
    page.locator(".gx-find input").fill("onerror")
    page.locator(".gx-find input").press("Enter")
    page.wait_for_function(f"(n) => {VIEW}.network.getSelectedNodes()[0] === n", arg=fx.PAYLOAD_NAME)
    page.locator(".gx-find input").focus()  # fills the datalist with every alias
    page.get_by_role("button", name="EN", exact=True).click()
    page.locator(".gx-pop summary").click()
    page.locator(".gx-tools select").select_option("evil.txt")
    page.wait_for_timeout(300)
    assert payload.dialogs == []
    assert payload.eval("() => window.__pwned") is None
    assert payload.eval("() => document.querySelectorAll('img, svg, b, i').length") == 0
    assert payload.eval("() => document.scripts.length") == 4
    assert payload.attempted == []  # an <img src=x> would have tried to load
    assert payload.errors == []


def test_direct_hooks_keep_payloads_inert(payload):
    eid = _edge_id(payload, fx.PAYLOAD_NAME, fx.PAYLOAD_REL, "OpenAI")
    assert fx.PAYLOAD_SENTENCE in payload.eval(f"(e) => {VIEW}.showEdgeTooltip(e)", eid)
    assert fx.PAYLOAD_NAME in payload.eval(f"(n) => {VIEW}.showNodeTooltip(n)", fx.PAYLOAD_NAME)
    payload.page.wait_for_timeout(200)
    assert payload.dialogs == [] and payload.eval("() => window.__pwned") is None


# -- embedding ---------------------------------------------------------------------------------------------------


def test_two_fragments_on_one_report_page(browser, tmp_path):
    a = render_html(fx.sample_graph(), fragment=True, title="A", height="300px")
    b = render_html(fx.payload_graph(), fragment=True, title="B", height="300px", labels="en")
    path = tmp_path / "report.html"
    path.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Report</title></head><body>"
                    f"<h1>报告</h1><p>Text before.</p>{a}<p>Between.</p>{b}<p>After.</p></body></html>", encoding="utf-8")
    opened = open_view(browser, path, wait=False)
    try:
        opened.page.wait_for_function("() => Object.values(window.guanxiViews || {}).filter(v => v.stabilized).length === 2")
        counts = opened.eval("() => Object.values(window.guanxiViews).map(v => [v.id, v.network.body.data.nodes.length, v.state.lang])")
        assert len({c[0] for c in counts}) == 2
        assert sorted((c[1], c[2]) for c in counts) == [(11, "zh"), (12, "en")]
        assert opened.attempted == [] and opened.errors == [] and opened.dialogs == []
        assert opened.eval("() => window.__pwned") is None
    finally:
        opened.page.context.close()


def test_iframe_srcdoc_recipe(browser, tmp_path):
    path = tmp_path / "nb.html"
    path.write_text("<!DOCTYPE html><meta charset='utf-8'><title>nb</title>"
                    + to_iframe(fx.payload_graph(), height="400px", title="nb"), encoding="utf-8")
    opened = open_view(browser, path, wait=False)
    try:
        frame = opened.page.wait_for_selector("iframe").content_frame()
        frame.wait_for_function(f"() => window.guanxiViews && {VIEW} && {VIEW}.stabilized", timeout=30_000)
        assert frame.evaluate(f"() => {VIEW}.network.body.data.nodes.length") == 12
        assert opened.attempted == [] and opened.dialogs == []
    finally:
        opened.page.context.close()


# -- large graphs ------------------------------------------------------------------------------------------------


def test_large_graph_settles_and_stays_responsive(browser, tmp_path):
    path = tmp_path / "big.html"
    write_html(fx.random_graph(2000, 5000, seed=3), path)
    opened = open_view(browser, path, timeout=120_000)
    try:
        timing = opened.eval(f"() => {VIEW}.timing")
        assert timing["stabilized"] - timing["mountStart"] < 60_000
        assert opened.eval(f"() => {VIEW}.network.physics.physicsEnabled") is False
        assert opened.eval(f"() => {VIEW}.edges.get(0).label") == ""  # edge labels off for big graphs
        ms = opened.eval(f"""() => {{ const v = {VIEW}; const t = performance.now();
            v.search('實體1234', false); v.network.redraw(); return performance.now() - t; }}""")
        assert opened.eval(f"() => {VIEW}.network.getSelectedNodes()[0]") == "实体1234"
        assert ms < 2000
        assert opened.attempted == [] and opened.errors == []
    finally:
        opened.page.context.close()
