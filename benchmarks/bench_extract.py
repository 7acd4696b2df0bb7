"""Extraction throughput and memory, against a baseline measured in the same run.

The baseline is segmentation alone (jieba through spaCy's Chinese tokenizer,
the cheapest step any Chinese pipeline pays), so the ratio says what guanxi's
entity and relation rules cost on top of it. Prints a table; not a test.

    python benchmarks/bench_extract.py [--copies 20] [--jobs 2]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(copies: int):
    from guanxi.model import Document

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "samples").glob("*.txt"))]
    return [Document(id=f"{i}-{j}.txt", text=t) for i in range(copies) for j, t in enumerate(texts)]


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="times the two sample articles are repeated")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel run")
    args = parser.parse_args()

    import spacy

    from guanxi.extractors.nlp import load_pipeline
    from guanxi.extractors.pipeline import Settings, extract_corpus
    from guanxi.extractors.text import prepare
    from guanxi.graph.build import build_graph

    docs = corpus(args.copies)
    chars = sum(len(d.text) for d in docs)

    baseline_nlp, baseline_load = timed(lambda: spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}}))
    baseline_nlp("预热")  # jieba loads its dictionary on first use
    _, baseline = timed(lambda: [baseline_nlp(prepare(d.text).text) for d in docs])
    _, load = timed(lambda: load_pipeline())
    results, serial = timed(lambda: extract_corpus(docs, Settings()))
    (graph, triples), build = timed(lambda: build_graph(results))
    _, parallel = timed(lambda: extract_corpus(docs, Settings(), jobs=args.jobs))
    # One long article (every copy's paragraphs, numbered so the repeat filter keeps them):
    # the rules must stay near-linear in article length.
    from guanxi.model import Document

    long_text = "\n".join(f"{line}（{i}）" for i, d in enumerate(docs) for line in d.text.splitlines() if line.strip())
    _, long_time = timed(lambda: extract_corpus([Document(id="long.txt", text=long_text)], Settings()))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rows = [
        ("documents", f"{len(docs)}", ""),
        ("characters", f"{chars:,}", ""),
        ("baseline: jieba segmentation", f"{chars / baseline:,.0f} chars/s", "1.00"),
        ("guanxi extraction, 1 process", f"{chars / serial:,.0f} chars/s", f"{baseline / serial:.2f}"),
        (f"guanxi extraction, {args.jobs} processes", f"{chars / parallel:,.0f} chars/s", f"{baseline / parallel:.2f}"),
        (f"one {len(long_text):,}-character article", f"{len(long_text) / long_time:,.0f} chars/s", f"{baseline / long_time * len(long_text) / chars:.2f}"),
        ("pipeline load (gazetteer, jieba)", f"{load:.2f} s", f"{load / max(baseline_load, 1e-9):.0f}x blank zh"),
        ("graph build", f"{build:.2f} s ({graph.number_of_nodes()} nodes, {len(triples)} triples)", ""),
        ("peak memory (RSS)", f"{peak_mb:,.0f} MB", ""),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':{width}}  {'value':>42}  ratio to baseline")
    for name, value, ratio in rows:
        print(f"{name:{width}}  {value:>42}  {ratio}")


if __name__ == "__main__":
    main()
