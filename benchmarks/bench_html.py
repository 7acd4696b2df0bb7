"""Benchmark the HTML view: a generated 2,000-node / 5,000-edge graph against a 200-node baseline.

For each graph: seconds to render the page in Python, file size, and in headless
Chromium (network blocked): the page's force layout until it settles, building
the vis-network view, the first drawing (or, for --layout hierarchical,
vis-network's stabilization, after which physics is off), the total from
navigation start to a settled view, and two responsiveness figures measured
after that: a search + focus (synchronous part, then the next painted frame)
and one full redraw.

    python benchmarks/bench_html.py                       # 2000/5000 vs 200/500
    python benchmarks/bench_html.py --nodes 5000 --edges 12000 --layout static

Needs Debian's chromium at /usr/bin/chromium (or --chromium PATH) and the
playwright Python package. Not a test: prints a table.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from guanxi.graph.html import LAYOUT_CHOICES, render_html
from guanxi.graph.io import atomic_write_text

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
TYPES = ["PERSON", "ORG", "GPE", "PRODUCT", "OTHER"]
RELATIONS = [("works_for", "任职于", "works for", False), ("resigned_from", "离职", "resigned from", False),
             ("founded", "创立", "founded", False), ("met", "会见", "met", True),
             ("invested_in", "投资", "invested in", False), ("criticized", "批评", "criticized", False),
             ("partnered_with", "合作", "partnered with", True), ("located_in", "位于", "located in", False)]
VIEW = "Object.values(window.guanxiViews)[0]"


def generate(n: int, m: int, seed: int = 42) -> nx.MultiDiGraph:
    """A guanxi-format graph with heavy-tailed degrees, aliases in both scripts and one evidence per edge."""
    rnd = random.Random(seed)
    docs = {f"doc{i}.txt": {"title": f"新闻 {i}", "date": f"2024-05-{1 + i % 28:02d}", "url": None, "source": None}
            for i in range(max(3, n // 50))}
    doc_ids = list(docs)
    G = nx.MultiDiGraph(script="hans", documents=docs)
    for i in range(n):
        name = f"实体{i}号"
        G.add_node(name, name=name, type=rnd.choice(TYPES), aliases=[name, f"實體{i}號", f"Entity {i}"],
                   mentions=rnd.randint(1, 40), docs=rnd.sample(doc_ids, 2), roles=[])
    names = list(G)
    weights = [1.0 / (i + 1) ** 0.6 for i in range(n)]  # a few hubs, many leaves
    while G.number_of_edges() < m:
        u, v = rnd.choices(names, weights)[0], rnd.choice(names)
        rel, zh, en, sym = rnd.choice(RELATIONS)
        if u == v or G.has_edge(u, v, key=rel):
            continue
        sentence = f"据报道,{u}{zh}了{v},双方均未回应。"
        start = rnd.randint(0, 5000)
        ev = {"doc": rnd.choice(doc_ids), "date": None, "sentence": sentence, "sentence_index": 1,
              "sentence_start": start, "subject_text": u, "object_text": v,
              "subject_span": [start + 4, start + 4 + len(u)],
              "object_span": [start + 4 + len(u) + len(zh) + 1, start + 4 + len(u) + len(zh) + 1 + len(v)],
              "relation_label": zh, "confidence": 0.7, "extractor": "bench", "role": None, "time": None,
              "modality": None}
        G.add_edge(u, v, key=rel, relation=rel, label_zh=zh, label_en=en, labels=[zh], symmetric=sym, count=1,
                   confidence=0.7, evidence=[ev])
    return G


def measure(browser, graph: nx.MultiDiGraph, layout: str, workdir: Path, runs: int) -> dict:
    t = time.perf_counter()
    page_text = render_html(graph, title="benchmark", layout=layout)
    render_s = time.perf_counter() - t
    path = workdir / f"bench-{graph.number_of_nodes()}.html"
    atomic_write_text(path, page_text)
    url = path.resolve().as_uri()
    rows = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        attempted = []
        context.route("**/*", lambda r: r.continue_() if r.request.url == url else (attempted.append(r.request.url), r.abort()))
        page.goto(url)
        page.wait_for_function(f"() => window.guanxiViews && {VIEW} && {VIEW}.stabilized", timeout=600_000)
        timing = page.evaluate(f"() => {VIEW}.timing")
        node = page.evaluate(f"() => {VIEW}.data.nodes[Math.floor({VIEW}.data.nodes.length / 2)].aliases[1]")
        search = page.evaluate(f"""(q) => new Promise(done => {{ const v = {VIEW}; const t = performance.now();
            v.search(q, false); const sync = performance.now() - t;
            requestAnimationFrame(() => requestAnimationFrame(() => done([sync, performance.now() - t]))); }})""", node)
        redraw = page.evaluate(f"""() => {{ const v = {VIEW}; const out = [];
            for (let i = 0; i < 5; i++) {{ const t = performance.now(); v.network.redraw(); out.push(performance.now() - t); }}
            return out.sort((a, b) => a - b)[2]; }}""")
        physics_off = page.evaluate(f"() => !{VIEW}.network.physics.physicsEnabled")
        context.close()
        if attempted:
            raise SystemExit(f"the page tried to load: {attempted[:3]}")
        start = timing["mountStart"]
        rows.append({"layout_s": (timing.get("layoutDone", start) - timing.get("layoutStart", start)) / 1000,
                     "vis_s": (timing["created"] - timing.get("layoutDone", start)) / 1000,
                     "draw_s": (timing["stabilized"] - timing["created"]) / 1000,
                     "stable_s": timing["stabilized"] / 1000,
                     "search_ms": search[0], "search_frame_ms": search[1], "redraw_ms": redraw, "physics_off": physics_off})
    med = {k: statistics.median(r[k] for r in rows) for k in rows[0] if k != "physics_off"}
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "render_s": render_s,
            "size_mb": len(page_text.encode("utf-8")) / 1e6, "physics_off": all(r["physics_off"] for r in rows), **med}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--edges", type=int, default=5000)
    ap.add_argument("--baseline-nodes", type=int, default=200)
    ap.add_argument("--baseline-edges", type=int, default=500)
    ap.add_argument("--layout", choices=LAYOUT_CHOICES, default="auto")
    ap.add_argument("--runs", type=int, default=3, help="page loads per graph (median reported)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args(argv)
    if not Path(args.chromium).exists():
        print(f"error: no Chromium at {args.chromium} (apt-get install chromium)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    graphs = [generate(args.baseline_nodes, args.baseline_edges, args.seed), generate(args.nodes, args.edges, args.seed)]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=ARGS, headless=True)
        try:
            results = [measure(browser, g, args.layout, Path(tmp), args.runs) for g in graphs]
        finally:
            browser.close()

    cols = [("nodes", "nodes", "{:d}"), ("edges", "edges", "{:d}"), ("render_s", "render s", "{:.2f}"),
            ("size_mb", "size MB", "{:.2f}"), ("layout_s", "layout s", "{:.2f}"), ("vis_s", "vis init s", "{:.2f}"),
            ("draw_s", "settle+draw s", "{:.2f}"),
            ("stable_s", "load→stable s", "{:.2f}"), ("search_ms", "search ms", "{:.1f}"),
            ("search_frame_ms", "search+frame ms", "{:.1f}"), ("redraw_ms", "redraw ms", "{:.1f}")]
    widths = [max(len(h), 8) for _, h, _ in cols]
    print(f"guanxi HTML view, layout={args.layout}, median of {args.runs} load(s), headless Chromium")
    print("  ".join(h.rjust(w) for (_, h, _), w in zip(cols, widths)))
    for r in results:
        print("  ".join(f.format(r[k]).rjust(w) for (k, _, f), w in zip(cols, widths)))
    base, big = results
    print("  ".join((("ratio" if k == "nodes" else f"{big[k] / base[k]:.1f}x" if base[k] else "-")).rjust(w)
                    for (k, _, _), w in zip(cols, widths)))
    print("physics stopped after settling:", "yes" if all(r["physics_off"] for r in results) else "NO")
    return 0


if __name__ == "__main__":
    sys.exit(main())
