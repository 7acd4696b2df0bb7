"""Query latency on a generated graph of 100,000 entities (and a 1,000-entity baseline).

Generates a seeded random graph in the guanxi format (Latin and Chinese names
with Traditional variants as aliases, a few hub entities, one evidence item per
edge), writes it with ``write_graph``, reads it back with ``read_graph`` (the
load time), then times random queries through :mod:`guanxi.graph.query`:

- ``neighbors``: resolve a name or alias, then its direct neighbours;
- ``path``: resolve two names, then one shortest connection (``max_len=6``);
- ``between``: resolve the two ends of an edge, then every relation between them;
- ``search``: fuzzy search for a part of a name;
- ``unknown``: resolving a name that matches nothing (the error lists the closest names).

The name indexes are built on first use; their times are reported apart.
Target: neighbours and shortest path under 50 ms after load.

Usage::

    python benchmarks/bench_query.py [--nodes 100000] [--edges 250000] [--queries 200] [--seed 0]
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from guanxi.errors import GuanxiError
from guanxi.graph import query as q
from guanxi.graph.io import read_graph, write_graph

RELATIONS = [
    ("works_for", "works for", "任职"), ("leads", "leads", "领导"), ("founded", "founded", "创立"),
    ("resigned_from", "resigned from", "离职"), ("thanked", "thanked", "感谢"), ("met", "met", "会见"),
    ("invested_in", "invested in", "投资"), ("criticized", "criticized", "批评"), ("part_of", "part of", "隶属"),
    ("colleague_of", "colleague of", "同事"), ("partnered_with", "partnered with", "合作"),
]  # fmt: skip
SYMMETRIC = {"met", "colleague_of", "partnered_with"}
SYLLABLES = "ka lo mi ra sen tor vin da el ni ko ha ru be lin mar jo an te so fu gi ya".split()
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红梅飞鑫波宁欣怡晨阳雪琳浩宇轩然泽思雨博文凯龙腾云峰海波志远安乐"
ORG_SUFFIX = ["集团", "科技", "银行", "大学", "研究院", "基金会"]
TYPES = ["PERSON", "PERSON", "PERSON", "ORG", "ORG", "GPE", "PRODUCT"]


def _latin(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def _chinese(rng: random.Random, type_: str) -> str:
    if type_ == "PERSON":
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
    return "".join(rng.choice(GIVEN) for _ in range(2)) + rng.choice(ORG_SUFFIX)


def generate(n_nodes: int, n_edges: int, seed: int) -> nx.MultiDiGraph:
    """A random graph in the guanxi format: 1% hubs draw a fifth of the edges."""
    import opencc

    s2t = opencc.OpenCC("s2t")
    rng = random.Random(seed)
    n_docs = max(10, n_nodes // 20)
    documents = {
        f"doc{i:06d}.txt": {
            "title": f"新闻{i}",
            "date": f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.8 else None,
            "url": None,
            "source": "bench",
        }
        for i in range(n_docs)
    }
    doc_ids = list(documents)
    G = nx.MultiDiGraph(documents=documents, script="hans")
    ids: list[str] = []
    seen: set[str] = set()
    for i in range(n_nodes):
        type_ = rng.choice(TYPES)
        if rng.random() < 0.5:
            name = _latin(rng)
            aliases = [name, name.split()[-1]]
        else:
            name = _chinese(rng, type_)
            aliases = [name, s2t.convert(name)]
        node = name if name not in seen else f"{name} ({i})"
        seen.add(node)
        ids.append(node)
        G.add_node(node, name=node, type=type_, aliases=list(dict.fromkeys(aliases)), mentions=rng.randint(1, 50),
                   docs=[rng.choice(doc_ids)], roles=[])  # fmt: skip
    hubs = ids[: max(1, n_nodes // 100)]
    edges = 0
    while edges < n_edges:
        u = rng.choice(ids)
        v = rng.choice(hubs) if rng.random() < 0.2 else rng.choice(ids)
        if u == v:
            continue
        rel, en, zh = rng.choice(RELATIONS)
        if G.has_edge(u, v, rel):
            continue
        doc = rng.choice(doc_ids)
        conf = round(rng.uniform(0.3, 0.95), 2)
        sentence = f"{u}{zh}了{v}。"
        ev = {
            "doc": doc, "date": documents[doc]["date"], "sentence": sentence, "sentence_index": rng.randint(0, 80),
            "sentence_start": 0, "subject_text": u, "object_text": v, "subject_span": [0, len(u)],
            "object_span": [len(u) + len(zh) + 1, len(u) + len(zh) + 1 + len(v)], "relation_label": zh,
            "confidence": conf, "extractor": "bench", "role": None,
            "time": f"{rng.randint(2015, 2024)}年" if rng.random() < 0.1 else None, "modality": None,
        }  # fmt: skip
        G.add_edge(u, v, key=rel, relation=rel, label_en=en, label_zh=zh, labels=[zh], symmetric=rel in SYMMETRIC,
                   count=1, confidence=conf, evidence=[ev])  # fmt: skip
        edges += 1
    return G


def _timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return (time.perf_counter() - start) * 1000.0, result


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"median": statistics.median(ordered), "p95": p95, "max": ordered[-1]}


def bench(n_nodes: int, n_edges: int, n_queries: int, seed: int, workdir: Path) -> dict:
    t0 = time.perf_counter()
    gc.disable()  # the generator only builds acyclic data; collections would just walk it
    try:
        G0 = generate(n_nodes, n_edges, seed)
    finally:
        gc.enable()
    gen_s = time.perf_counter() - t0
    path = workdir / f"graph-{n_nodes}.json"
    write_ms, _ = _timed(write_graph, G0, path)
    del G0
    load_ms, G = _timed(read_graph, path)
    size_mb = path.stat().st_size / 1e6
    index_ms, index = _timed(q._index, G)  # exact keys: built by the first name lookup
    lexicon_ms, _ = _timed(lambda: (index._lexicon, index.tokens))  # first partial match or search
    pinyin_ms, _ = _timed(index.pinyin)  # first Latin search or Latin miss

    rng = random.Random(seed + 1)
    nodes = list(G)
    edges = [(u, v) for u, v, _ in rng.sample(list(G.edges(keys=True)), n_queries)]

    def any_name(node: str) -> str:
        return rng.choice(G.nodes[node]["aliases"] + [node])

    results: dict[str, list[float]] = {"neighbors": [], "path": [], "between": [], "search": [], "unknown": []}
    counts = {"ambiguous": 0, "paths_found": 0}
    for _ in range(n_queries):
        name = any_name(rng.choice(nodes))
        start = time.perf_counter()
        try:
            q.neighbors(G, q.resolve(G, name))
        except GuanxiError:  # an alias shared by several entities: resolution lists candidates
            counts["ambiguous"] += 1
        results["neighbors"].append((time.perf_counter() - start) * 1000.0)

        a, b = rng.sample(nodes, 2)
        start = time.perf_counter()
        paths = q.shortest_paths(G, q.resolve(G, G.nodes[a]["name"]), q.resolve(G, G.nodes[b]["name"]))
        results["path"].append((time.perf_counter() - start) * 1000.0)
        counts["paths_found"] += bool(paths)

        u, v = edges[_]
        ms, _rows = _timed(q.between, G, G.nodes[u]["name"], G.nodes[v]["name"])
        results["between"].append(ms)

        target = G.nodes[rng.choice(nodes)]["name"]
        text = target[: max(2, len(target) // 2)] if rng.random() < 0.5 else target[:-1] + "x"
        ms, _rows = _timed(q.search, G, text)
        results["search"].append(ms)

        if _ % 10 == 0:  # an unknown name: the error lists the closest names
            start = time.perf_counter()
            try:
                q.resolve(G, f"Zq{text}vw")
            except GuanxiError:
                pass
            results["unknown"].append((time.perf_counter() - start) * 1000.0)
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "generate_s": gen_s,
        "write_ms": write_ms,
        "load_ms": load_ms,
        "size_mb": size_mb,
        "index_ms": index_ms,
        "lexicon_ms": lexicon_ms,
        "pinyin_ms": pinyin_ms,
        "stats": {k: _stats(v) for k, v in results.items()},
        **counts,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000, help="entities in the large graph (default 100000)")
    parser.add_argument("--edges", type=int, default=None, help="edges in the large graph (default 2.5 per entity)")
    parser.add_argument("--baseline", type=int, default=1_000, help="entities in the baseline graph (default 1000)")
    parser.add_argument("--queries", type=int, default=200, help="queries of each kind (default 200)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=None, help="where to write the graph.json files (default: a temp dir)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="guanxi-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        runs = []
        for n in (args.baseline, args.nodes):
            m = int(n * 2.5) if args.edges is None or n == args.baseline else args.edges
            runs.append(bench(n, m, args.queries, args.seed, workdir))
            print(f"  done: {n:,} entities", file=sys.stderr)

    base, large = runs
    print(f"guanxi query benchmark ({args.queries} random queries of each kind, seed {args.seed})")
    for r in runs:
        print(
            f"\n{r['nodes']:,} entities, {r['edges']:,} edges: graph.json {r['size_mb']:.1f} MB, "
            f"generate {r['generate_s']:.1f} s, write {r['write_ms'] / 1000:.2f} s, load {r['load_ms'] / 1000:.2f} s, "
            f"\n  built on first use: name index {r['index_ms']:.0f} ms, word/substring index {r['lexicon_ms']:.0f} ms, "
            f"pinyin index {r['pinyin_ms']:.0f} ms"
        )
        print(f"  {'query':<10} {'median ms':>10} {'p95 ms':>10} {'max ms':>10}")
        for name, s in r["stats"].items():
            print(f"  {name:<10} {s['median']:>10.2f} {s['p95']:>10.2f} {s['max']:>10.2f}")
        print(f"  paths found (max_len 6): {r['paths_found']}/{args.queries}; ambiguous aliases: {r['ambiguous']}/{args.queries}")
    print(f"\nratio {large['nodes']:,} / {base['nodes']:,} entities (median, p95):")
    for name in large["stats"]:
        lm, bm = large["stats"][name], base["stats"][name]
        print(f"  {name:<10} x{lm['median'] / max(bm['median'], 1e-6):>7.1f}   x{lm['p95'] / max(bm['p95'], 1e-6):>7.1f}")
    ok = all(large["stats"][k]["median"] < 50 and large["stats"][k]["p95"] < 50 for k in ("neighbors", "path"))
    print(f"\ntarget (neighbours and shortest path < 50 ms): {'met' if ok else 'NOT met'} (median and p95)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
