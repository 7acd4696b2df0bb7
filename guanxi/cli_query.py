"""``guanxi query ...`` and ``guanxi subgraph``: who is connected to whom, with evidence.

A thin layer over :mod:`guanxi.graph.query`: read the graph, resolve names,
call one query function, print a rich table (or, with ``--json``, the
result's stable fields and nothing else on stdout). Problems with the
user's input print one line on stderr and exit with status 1; malformed
option values are rejected by the option parser (status 2).

The lead registers these as::

    app.add_typer(query_app, name="query")
    app.command("subgraph")(subgraph)

JSON output (``--json``; the row fields are those of the dataclasses in
:mod:`guanxi.graph.query`)::

    neighbors  {"entity": Entity, "neighbors": [Neighbor]}
    path       {"source": Entity, "target": Entity, "paths": [Path]}   (exit 1 if "paths" is empty)
    between    {"a": Entity, "b": Entity, "relations": [Relation]}
    top        {"by": "degree"|"pagerank"|"betweenness", "entities": [Ranked]}
    relations  {"relations": [RelationCount], "edges": [Relation]}    ("edges" only with --relation)
    search     {"query": str, "results": [Match]}
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from .errors import Errors, GuanxiError
from .model import ENTITY_TYPES

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    from rich.console import Console

__all__ = ["query_app", "subgraph"]

query_app = typer.Typer(
    help="Ask a built graph who is connected to whom. Every answer shows the sentences behind it.",
    no_args_is_help=True,
)

_ARROWS = {"out": "→", "in": "←", "both": "↔"}


class Measure(str, Enum):
    degree = "degree"
    pagerank = "pagerank"
    betweenness = "betweenness"


class LabelLanguage(str, Enum):
    zh = "zh"
    en = "en"


class Layout(str, Enum):
    auto = "auto"
    force = "force"
    hierarchical = "hierarchical"
    static = "static"


EntityType = Enum("EntityType", {t: t for t in ENTITY_TYPES}, type=str)


def _date_option(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    from .graph.query import parse_date

    try:
        return parse_date(value)
    except GuanxiError as exc:
        raise typer.BadParameter(str(exc)) from None


# --------------------------------------------------------------------------- options

GraphOpt = Annotated[
    Path,
    typer.Option(
        "--graph", "-g", exists=True, dir_okay=False, readable=True, help="graph.json written by 'guanxi build'."
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (field names are in the README) instead of tables.")]
RelationOpt = Annotated[
    Optional[list[str]],
    typer.Option("--relation", "-r", help="Only this relation: name (works_for) or label (works for, 任职). Repeatable."),
]
TypeOpt = Annotated[
    Optional[list[EntityType]],
    typer.Option("--type", "-t", case_sensitive=False, help="Only entities of this type. Repeatable."),
]
DocOpt = Annotated[Optional[list[str]], typer.Option("--doc", help="Only evidence from this document id. Repeatable.")]
SinceOpt = Annotated[
    Optional[str],
    typer.Option(
        "--since",
        callback=_date_option,
        help="Only evidence dated on or after YYYY, YYYY-MM or YYYY-MM-DD (article date, else the time in the sentence).",
    ),
]
UntilOpt = Annotated[
    Optional[str],
    typer.Option(
        "--until",
        callback=_date_option,
        help="Only evidence dated on or before YYYY, YYYY-MM or YYYY-MM-DD (article date, else the time in the sentence).",
    ),
]
MinConfidenceOpt = Annotated[
    Optional[float],
    typer.Option("--min-confidence", min=0.0, max=1.0, help="Only evidence with at least this confidence (0 to 1)."),
]
DepthOpt = Annotated[int, typer.Option("--depth", "-d", min=1, help="Largest number of hops from the entity.")]
NameArg = Annotated[str, typer.Argument(help="Entity: any name or alias, in Simplified, Traditional or Latin script.")]

_DEFAULT_GRAPH = Path("out/graph.json")


# --------------------------------------------------------------------------- helpers


@contextmanager
def _guard() -> Iterator[None]:
    try:
        yield
    except GuanxiError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


def _load(path: Path) -> nx.MultiDiGraph:
    from .graph.io import read_graph

    return read_graph(path)


def _resolve(G: nx.MultiDiGraph, name: str) -> Any:
    """Resolve a name; say on stderr when it was matched only partly or fuzzily."""
    from .graph.query import normalize_name, resolve

    node = resolve(G, name)
    attrs = G.nodes[node]
    forms = [str(node), str(attrs.get("name") or node), *map(str, attrs.get("aliases") or ())]
    if normalize_name(name) not in {normalize_name(f) for f in forms}:
        typer.echo(f"Note: '{name}' taken as '{attrs.get('name') or node}'", err=True)
    return node


def _filters(doc, since, until, min_confidence) -> dict[str, Any]:
    return {"docs": doc or None, "since": since, "until": until, "min_confidence": min_confidence}


def _types(types) -> Optional[list[str]]:
    return [t.value for t in types] if types else None


def _emit(payload: Any) -> None:
    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _text(value: Any, style: str = ""):
    from rich.text import Text

    return Text("" if value is None else str(value), style=style)


def _table(title: str, *columns: str):
    from rich.table import Table

    table = Table(title=_text(title), title_justify="left", show_lines=False)
    for column in columns:
        wide = column in ("Evidence", "Sentence", "First sentence")
        table.add_column(column, overflow="fold", ratio=3 if wide else None)
    return table


def _conf(value: Optional[float]) -> str:
    return "" if value is None else f"{value:.2f}"


def _when(evidence) -> str:
    if evidence is None:
        return ""
    return evidence.date or evidence.time or ""


def _edge_text(source: str, relation: str, target: str, direction: str) -> str:
    if direction == "in":
        return f"{source} ←{relation}— {target}"
    if direction == "both":
        return f"{source} ↔{relation}↔ {target}"
    return f"{source} —{relation}→ {target}"


# --------------------------------------------------------------------------- commands


@query_app.command("neighbors")
def neighbors_command(
    name: NameArg,
    graph: GraphOpt = _DEFAULT_GRAPH,
    relation: RelationOpt = None,
    type_: TypeOpt = None,
    depth: DepthOpt = 1,
    doc: DocOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_confidence: MinConfidenceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Who is connected to an entity: relation, direction and evidence count."""
    from .graph import query as q

    with _guard():
        G = _load(graph)
        node = _resolve(G, name)
        center = q.entity(G, node)
        rows = q.neighbors(
            G, node, relations=relation, types=_types(type_), depth=depth, **_filters(doc, since, until, min_confidence)
        )
    if as_json:
        _emit({"entity": center.to_dict(), "neighbors": [row.to_dict() for row in rows]})
        return
    console = _console()
    if not rows:
        console.print(_text(f"{center.name} has no neighbours with these filters."))
        return
    columns = ["Depth", "Via"] if depth > 1 else []
    table = _table(f"Neighbours of {center.name} ({center.type})", *columns, "", "Relation", "Entity", "Type", "Evidence", "Conf.")
    for row in rows:
        cells = [_text(row.depth), _text(row.via if row.depth > 1 else "")] if depth > 1 else []
        table.add_row(
            *cells,
            _text(_ARROWS.get(row.direction, row.direction)),
            _text(row.relation),
            _text(row.name, "bold"),
            _text(row.type),
            _text(row.count),
            _text(_conf(row.confidence)),
        )
    console.print(table)


@query_app.command("path")
def path_command(
    a: Annotated[str, typer.Argument(help="First entity (any name or alias).")],
    b: Annotated[str, typer.Argument(help="Second entity (any name or alias).")],
    graph: GraphOpt = _DEFAULT_GRAPH,
    max_len: Annotated[int, typer.Option("--max-len", min=1, help="Longest connection searched for, in hops.")] = 6,
    all_paths: Annotated[bool, typer.Option("--all", help="Show every shortest connection (up to 100), not one.")] = False,
    relation: RelationOpt = None,
    doc: DocOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_confidence: MinConfidenceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The shortest connection between two entities, each hop with a sentence and its document."""
    from .graph import query as q

    with _guard():
        G = _load(graph)
        source, target = _resolve(G, a), _resolve(G, b)
        paths = q.shortest_paths(
            G,
            source,
            target,
            max_len=max_len,
            all_paths=all_paths,
            relations=relation,
            **_filters(doc, since, until, min_confidence),
        )
        src, dst = q.entity(G, source), q.entity(G, target)
    if as_json:
        _emit({"source": src.to_dict(), "target": dst.to_dict(), "paths": [p.to_dict() for p in paths]})
    if not paths:
        typer.echo(f"error: {Errors.E204.format(a=src.name, b=dst.name, max_len=max_len)}", err=True)
        raise typer.Exit(1)
    if as_json:
        return
    console = _console()
    for i, path in enumerate(paths, 1):
        chain = path.nodes[0] + "".join(
            (f" ←{h.relation}— " if h.direction == "in" else f" ↔{h.relation}↔ " if h.direction == "both" else f" —{h.relation}→ ")
            + h.target
            for h in path.hops
        )
        count = f" ({i} of {len(paths)})" if len(paths) > 1 else ""
        table = _table(f"{src.name} → {dst.name}: {path.length} hop(s){count}", "#", "Hop", "Evidence", "Doc", "Date")
        for j, hop in enumerate(path.hops, 1):
            ev = hop.evidence
            table.add_row(
                _text(j),
                _text(_edge_text(hop.source, hop.relation, hop.target, hop.direction)),
                _text(ev.sentence if ev else ""),
                _text(ev.doc if ev else ""),
                _text(_when(ev)),
            )
        console.print(_text(chain, "bold"))
        console.print(table)


@query_app.command("between")
def between_command(
    a: Annotated[str, typer.Argument(help="First entity (any name or alias).")],
    b: Annotated[str, typer.Argument(help="Second entity (any name or alias).")],
    graph: GraphOpt = _DEFAULT_GRAPH,
    relation: RelationOpt = None,
    doc: DocOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_confidence: MinConfidenceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every direct relation between two entities, both directions, with all evidence."""
    from .graph import query as q

    with _guard():
        G = _load(graph)
        first, second = _resolve(G, a), _resolve(G, b)
        rows = q.between(G, first, second, relations=relation, **_filters(doc, since, until, min_confidence))
        ea, eb = q.entity(G, first), q.entity(G, second)
    if as_json:
        _emit({"a": ea.to_dict(), "b": eb.to_dict(), "relations": [row.to_dict() for row in rows]})
        return
    console = _console()
    if not rows:
        console.print(_text(f"No direct relation between {ea.name} and {eb.name}. Try: guanxi query path."))
        return
    table = _table(f"{ea.name} ↔ {eb.name}", "Relation", "Sentence", "Doc", "Date", "Conf.")
    for row in rows:
        label = _edge_text(row.source, row.relation, row.target, "both" if row.symmetric else "out")
        label += f" ({row.count})"
        evidence = row.evidence or (None,)
        for k, ev in enumerate(evidence):
            table.add_row(
                _text(label if k == 0 else "", "bold"),
                _text(ev.sentence if ev else ""),
                _text(ev.doc if ev else ""),
                _text(_when(ev)),
                _text(_conf(ev.confidence) if ev else _conf(row.confidence)),
            )
    console.print(table)


@query_app.command("top")
def top_command(
    graph: GraphOpt = _DEFAULT_GRAPH,
    by: Annotated[Measure, typer.Option("--by", help="How to rank.")] = Measure.degree,
    type_: TypeOpt = None,
    n: Annotated[int, typer.Option("-n", "--limit", min=1, help="Number of entities.")] = 10,
    relation: RelationOpt = None,
    doc: DocOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_confidence: MinConfidenceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The most connected entities, by degree, PageRank or betweenness."""
    from .graph import query as q

    with _guard():
        G = _load(graph)
        rows = q.top(
            G, by=by.value, types=_types(type_), n=n, relations=relation, **_filters(doc, since, until, min_confidence)
        )
    if as_json:
        _emit({"by": by.value, "entities": [row.to_dict() for row in rows]})
        return
    table = _table(f"Most connected entities by {by.value}", "Rank", "Entity", "Type", by.value.capitalize(), "Degree")
    for row in rows:
        score = str(row.score) if by is Measure.degree else f"{row.score:.4f}"
        table.add_row(_text(row.rank), _text(row.name, "bold"), _text(row.type), _text(score), _text(row.degree))
    _console().print(table)


@query_app.command("relations")
def relations_command(
    graph: GraphOpt = _DEFAULT_GRAPH,
    relation: RelationOpt = None,
    doc: DocOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_confidence: MinConfidenceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Edges per relation with counts; with --relation, also the edges themselves."""
    from .graph import query as q

    filters = _filters(doc, since, until, min_confidence)
    with _guard():
        G = _load(graph)
        counts = q.relation_counts(G, relations=relation, **filters)
        edges = q.relation_edges(G, relations=relation, **filters) if relation else None
    if as_json:
        payload: dict[str, Any] = {"relations": [row.to_dict() for row in counts]}
        if edges is not None:
            payload["edges"] = [row.to_dict() for row in edges]
        _emit(payload)
        return
    console = _console()
    table = _table("Relations", "Relation", "English", "中文", "Edges", "Evidence")
    for row in counts:
        table.add_row(_text(row.relation, "bold"), _text(row.label_en), _text(row.label_zh), _text(row.edges), _text(row.evidence))
    console.print(table)
    if edges:
        listing = _table("Edges", "Edge", "Evidence", "Conf.", "First sentence")
        for row in edges:
            first = row.evidence[0].sentence if row.evidence else ""
            listing.add_row(
                _text(_edge_text(row.source, row.relation, row.target, row.direction)),
                _text(row.count),
                _text(_conf(row.confidence)),
                _text(first),
            )
        console.print(listing)


@query_app.command("search")
def search_command(
    text: Annotated[str, typer.Argument(help="Part of a name, in any script, or pinyin.")],
    graph: GraphOpt = _DEFAULT_GRAPH,
    type_: TypeOpt = None,
    n: Annotated[int, typer.Option("-n", "--limit", min=1, help="Most results.")] = 10,
    as_json: JsonOpt = False,
) -> None:
    """Find entities by any alias, in either script or in Latin, with fuzzy matching."""
    from .graph import query as q

    with _guard():
        G = _load(graph)
        rows = q.search(G, text, limit=n, types=_types(type_))
    if as_json:
        _emit({"query": text, "results": [row.to_dict() for row in rows]})
        return
    console = _console()
    if not rows:
        console.print(_text(f"No entity matches '{text}'."))
        return
    table = _table(f"Entities matching '{text}'", "Entity", "Type", "Matched", "Score", "Mentions")
    for row in rows:
        table.add_row(
            _text(row.name, "bold"), _text(row.type), _text(row.alias), _text(f"{row.score:g}"), _text(row.mentions)
        )
    console.print(table)


def subgraph(
    name: NameArg,
    out: Annotated[Path, typer.Option("--out", "-o", dir_okay=False, help="HTML file to write.")],
    graph: GraphOpt = _DEFAULT_GRAPH,
    depth: DepthOpt = 1,
    relation: RelationOpt = None,
    doc: DocOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_confidence: MinConfidenceOpt = None,
    labels: Annotated[LabelLanguage, typer.Option("--labels", help="Edge label language.")] = LabelLanguage.zh,
    layout: Annotated[Layout, typer.Option("--layout", help="Layout of the drawing.")] = Layout.auto,
    title: Annotated[Optional[str], typer.Option("--title", help="Page title (default: the entity's name).")] = None,
) -> None:
    """Draw the neighbourhood of one entity as its own HTML view."""
    from .graph import query as q

    with _guard():
        G = _load(graph)
        node = _resolve(G, name)
        S = q.subgraph(G, node, depth=depth, relations=relation, **_filters(doc, since, until, min_confidence))
        from .graph.html import write_html

        center = q.entity(G, node)
        write_html(S, out, title=title or f"{center.name} · guanxi", labels=labels.value, layout=layout.value)
    typer.echo(
        f"Wrote {out}: {S.number_of_nodes()} entities and {S.number_of_edges()} relations "
        f"within {depth} hop(s) of {center.name}"
    )
