"""The ``guanxi`` command line: a thin layer over the library.

Every command turns a :class:`~guanxi.errors.GuanxiError` into one line on
stderr and exit code 1; nothing here holds extraction or graph logic.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import Errors, GuanxiError

app = typer.Typer(
    name="guanxi",
    help="关系 guanxi: knowledge graphs from Chinese news — triples with evidence, one node per entity, an offline HTML view.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

PathsArg = Annotated[
    list[str],
    typer.Argument(help="Files, folders (searched recursively for .txt .md .html .htm .jsonl) or - for stdin.", metavar="PATH..."),
]
ModelOpt = Annotated[
    Optional[str],
    typer.Option("--model", help="An installed spaCy pipeline (e.g. zh_core_web_sm) or a path to one. Default: the offline jieba pipeline."),
]
AliasesOpt = Annotated[
    Optional[Path],
    typer.Option("--aliases", exists=True, dir_okay=False, readable=True, help="Your alias file (gazetteer JSON Lines) adding to or overriding data/gazetteer.jsonl."),
]
MinConfOpt = Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Drop triples less confident than this.")]
ScriptOpt = Annotated[str, typer.Option("--script", help="Script of entity names: hans (Simplified) or hant (Traditional).")]
NegatedOpt = Annotated[bool, typer.Option("--negated", help="Also output negated statements (modality: negated); never in the graph.")]
ExtractorOpt = Annotated[
    Optional[list[str]], typer.Option("--extractor", help="Run only these extractors (repeatable). Default: all.")
]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes to extract with.")]


@contextmanager
def _errors_to_exit() -> Iterator[None]:
    try:
        yield
    except GuanxiError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None


def _settings(model, aliases, min_confidence, script, negated, extractors):
    from .extractors.pipeline import DEFAULT_EXTRACTORS, Settings

    if script not in ("hans", "hant"):
        raise typer.BadParameter(f"'{script}' is not one of: hans, hant", param_hint="--script")
    return Settings(
        model=model, aliases=str(aliases) if aliases else None, min_confidence=min_confidence,
        keep_negated=negated, script=script, extractors=tuple(extractors) if extractors else DEFAULT_EXTRACTORS,
    ).validate()


def _run(paths: list[str], settings, *, jobs: int = 1, progress: bool = True):
    """Read and extract; report unreadable files on stderr; fail only when nothing could be read."""
    from .extractors.pipeline import extract_corpus
    from .extractors.reading import iter_documents

    problems: list[str] = []

    def report(message: str) -> None:
        problems.append(message)
        typer.echo(f"error: {message}", err=True)

    documents = list(iter_documents(paths, on_error=report))
    if not documents:
        raise GuanxiError(Errors.E015.format(paths=", ".join(paths)))
    if progress and len(documents) > 1:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
        from rich.console import Console

        with Progress(
            TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
        ) as bar:
            task = bar.add_task("extract", total=len(documents))
            results = extract_corpus(documents, settings, jobs=jobs, on_document=lambda _: bar.advance(task), on_error=report)
    else:
        results = extract_corpus(documents, settings, jobs=jobs, on_error=report)
    if not results:
        raise GuanxiError(Errors.E015.format(paths=", ".join(paths)))
    return results, problems


@app.command()
def build(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", "-o", file_okay=False, help="Folder for triples.jsonl, graph.json and graph.html.")] = Path("out"),
    model: ModelOpt = None,
    aliases: AliasesOpt = None,
    min_confidence: MinConfOpt = 0.0,
    script: ScriptOpt = "hans",
    negated: NegatedOpt = False,
    extractor: ExtractorOpt = None,
    jobs: JobsOpt = 1,
    title: Annotated[str, typer.Option("--title", help="Title of the HTML view.")] = "guanxi",
    height: Annotated[str, typer.Option("--height", help="Height of the HTML view, e.g. 800px or 90vh.")] = "800px",
    fragment: Annotated[bool, typer.Option("--fragment", help="Write graph.html as a <div>+<script> block for pasting into a report.")] = False,
    png: Annotated[Optional[Path], typer.Option("--png", dir_okay=False, help="Also draw the graph as a PNG picture.")] = None,
    svg: Annotated[Optional[Path], typer.Option("--svg", dir_okay=False, help="Also draw the graph as an SVG picture.")] = None,
) -> None:
    """Extract triples from articles and write triples.jsonl, graph.json and graph.html."""
    from .cli_view import write_views
    from .graph.build import build_graph
    from .graph.io import write_graph, write_triples

    started = time.perf_counter()
    with _errors_to_exit():
        settings = _settings(model, aliases, min_confidence, script, negated, extractor)
        results, _ = _run(paths, settings, jobs=jobs)
        graph, triples = build_graph(results, script=script, aliases=settings.aliases)
        # Render first: if a view fails, no half-new set of files is left behind.
        out.mkdir(parents=True, exist_ok=True)
        write_views(graph, html_path=out / "graph.html", png_path=png, svg_path=svg, fragment=fragment, title=title, height=height)
        write_triples(triples, out / "triples.jsonl")
        write_graph(graph, out / "graph.json")
    typer.echo(_summary(results, graph, triples, time.perf_counter() - started) + f" → {out}/")


def _summary(results, graph, triples, seconds: float) -> str:
    return (
        f"documents: {len(results)}, sentences: {sum(r.sentences for r in results)}, "
        f"entities: {graph.number_of_nodes()}, triples: {len(triples)}, seconds: {seconds:.1f}"
    )


@app.command()
def extract(
    paths: PathsArg,
    model: ModelOpt = None,
    aliases: AliasesOpt = None,
    min_confidence: MinConfOpt = 0.0,
    script: ScriptOpt = "hans",
    negated: NegatedOpt = False,
    extractor: ExtractorOpt = None,
    jobs: JobsOpt = 1,
) -> None:
    """Extract triples and print them as JSON Lines on stdout (nothing else goes to stdout)."""
    from .graph.build import build_graph

    started = time.perf_counter()
    with _errors_to_exit():
        settings = _settings(model, aliases, min_confidence, script, negated, extractor)
        results, _ = _run(paths, settings, jobs=jobs)
        graph, triples = build_graph(results, script=script, aliases=settings.aliases)
    for t in triples:
        sys.stdout.write(json.dumps(t.to_dict(), ensure_ascii=False) + "\n")
    typer.echo(_summary(results, graph, triples, time.perf_counter() - started), err=True)


@app.command("eval")
def evaluate(
    paths: PathsArg,
    gold: Annotated[Path, typer.Option("--gold", exists=True, file_okay=False, help="Folder of gold JSON files (shared/gold format).")],
    model: ModelOpt = None,
    aliases: AliasesOpt = None,
    min_confidence: MinConfOpt = 0.0,
    extractor: ExtractorOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details/--no-details", help="List missed and wrong triples.")] = True,
) -> None:
    """Score extraction against gold triples: entity recall, pair and typed P/R/F1."""
    from .evaluate import read_gold, score_corpus
    from .graph.build import build_graph

    with _errors_to_exit():
        gold_docs = read_gold(gold)
        settings = _settings(model, aliases, min_confidence, "hans", False, extractor)
        results, _ = _run(paths, settings, progress=False)
        graph, triples = build_graph(results, aliases=settings.aliases)
        nodes_by_doc: dict[str, list] = {}
        for node, data in graph.nodes(data=True):
            for doc in data["docs"]:
                nodes_by_doc.setdefault(doc, []).append((node, data["aliases"]))
        per_doc, total = score_corpus(gold_docs, triples, nodes_by_doc)
    if not per_doc:
        typer.echo(f"error: none of the documents has a gold file in {gold}", err=True)
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps({"documents": [s.to_dict() for s in per_doc], "overall": total.to_dict()}, ensure_ascii=False, indent=1))
        return
    if details:
        for line in total.missed:
            typer.echo(f"missed  {line}")
        for line in total.wrong:
            typer.echo(f"wrong   {line}")
        for line in total.split_entities + total.merged_nodes:
            typer.echo(f"entity  {line}")
    header = f"{'document':42} {'ent.R':>6} {'pair P':>7} {'pair R':>7} {'pair F1':>7} {'typed P':>7} {'typed R':>7} {'typed F1':>8}"
    typer.echo(header)
    for s in [*per_doc, total]:
        (pp, pr, pf), (tp, tr, tf) = s.pair, s.typed
        typer.echo(f"{s.doc[:42]:42} {s.entity_recall:6.2f} {pp:7.2f} {pr:7.2f} {pf:7.2f} {tp:7.2f} {tr:7.2f} {tf:8.2f}")


@app.command()
def entities(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Articles to extract from (or use --graph).", metavar="[PATH]...")] = None,
    graph_file: Annotated[Optional[Path], typer.Option("--graph", exists=True, dir_okay=False, help="A graph.json written by guanxi build.")] = None,
    model: ModelOpt = None,
    aliases: AliasesOpt = None,
    script: ScriptOpt = "hans",
    entity_type: Annotated[Optional[str], typer.Option("--type", help="Only this type: PERSON, ORG, GPE, PRODUCT, OTHER.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: name, type, aliases, mentions, docs, roles.")] = False,
) -> None:
    """List entities with type, canonical name, aliases, mentions and documents."""
    from .graph.build import build_graph
    from .graph.io import read_graph
    from .model import ENTITY_TYPES

    if bool(paths) == bool(graph_file):
        raise typer.BadParameter("give articles (PATH...) or --graph FILE, not both and not neither")
    if entity_type and entity_type.upper() not in ENTITY_TYPES:
        raise typer.BadParameter(f"'{entity_type}' is not one of: {', '.join(ENTITY_TYPES)}", param_hint="--type")
    with _errors_to_exit():
        if graph_file:
            graph = read_graph(graph_file)
        else:
            settings = _settings(model, aliases, 0.0, script, False, None)
            results, _ = _run(paths, settings)
            graph, _ = build_graph(results, script=script, aliases=settings.aliases)
    rows = [
        {"name": n, "type": d.get("type"), "aliases": d.get("aliases", []), "mentions": d.get("mentions", 0),
         "docs": d.get("docs", []), "roles": d.get("roles", [])}
        for n, d in graph.nodes(data=True)
        if not entity_type or d.get("type") == entity_type.upper()
    ]
    rows.sort(key=lambda r: (-r["mentions"], r["name"]))
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(rows)} entities")
    for column in ("Entity", "Type", "Mentions", "Documents", "Aliases"):
        table.add_column(column)
    for row in rows:
        table.add_row(Text(row["name"], style="bold"), row["type"], str(row["mentions"]), Text(", ".join(row["docs"])), Text(", ".join(row["aliases"])))
    Console().print(table)


def _register_subcommands() -> None:
    from .cli_query import query_app, subgraph
    from .cli_view import render

    app.add_typer(query_app, name="query", help="Ask a built graph who is connected to whom, with evidence.")
    app.command("subgraph")(subgraph)
    app.command("render")(render)


_register_subcommands()

if __name__ == "__main__":  # pragma: no cover
    app()
