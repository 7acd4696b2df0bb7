"""`guanxi render`: draw a graph.json as an HTML view, a PNG or an SVG.

The lead registers :func:`render` as a command; :func:`write_views` is the
shared option handling, also used by ``guanxi build``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import networkx as nx
import typer

from .errors import Errors, GuanxiError

__all__ = ["render", "write_views", "VIEW_SUFFIXES"]

#: Output suffixes `guanxi render --out` understands.
VIEW_SUFFIXES = (".html", ".htm", ".png", ".svg")


def write_views(graph: nx.Graph, *, html_path=None, png_path=None, svg_path=None, fragment: bool = False,
                title: str = "guanxi", height: str | int = "800px", labels: str = "zh",
                layout: str = "auto") -> list[Path]:
    """Write the requested views of ``graph``; return the paths written, in order html, png, svg.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A guanxi graph.
    html_path, png_path, svg_path : str or os.PathLike, optional
        Where to write each view; ``None`` skips it.
    fragment : bool
        Write the HTML as a pasteable ``<div>`` block (see
        :func:`guanxi.graph.html.render_html`).
    title, height, labels, layout
        As for :func:`guanxi.graph.html.render_html`; ``title`` and
        ``labels`` also apply to the pictures.

    Raises
    ------
    GuanxiError
        On a bad option, a missing matplotlib or CJK font (pictures only).
    """
    from .graph.html import render_html
    from .graph.io import atomic_write_text

    written = []
    if html_path is not None:
        text = render_html(graph, title=title, height=height, fragment=fragment, labels=labels, layout=layout)
        atomic_write_text(html_path, text)
        written.append(Path(html_path))
    for path, fmt in ((png_path, "png"), (svg_path, "svg")):
        if path is not None:
            from .graph.render import render_static

            render_static(graph, path, fmt=fmt, title=title, labels=labels)
            written.append(Path(path))
    return written


def render(
    graph_json: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, metavar="GRAPH_JSON",
                                               help="A graph.json written by `guanxi build`.")],
    out: Annotated[Path, typer.Option("--out", "-o", dir_okay=False, metavar="FILE",
                                      help="Output file: .html (interactive view), .png or .svg (static picture).")],
    fragment: Annotated[bool, typer.Option("--fragment", help="HTML only: write a <div>+<script> block without "
                                                              "<html>/<head>, to paste into a report page.")] = False,
    title: Annotated[Optional[str], typer.Option(help="Title of the page or picture.")] = None,
    height: Annotated[str, typer.Option(help="Height of the drawing area in the page, e.g. 800px or 80vh.")] = "800px",
    labels: Annotated[str, typer.Option(help="Language of the edge labels: zh or en (switchable in the page).")] = "zh",
    layout: Annotated[str, typer.Option(help="auto, force (physics that settles, then stops), hierarchical, "
                                             "or static (positions computed in Python).")] = "auto",
) -> None:
    """Draw GRAPH_JSON as an offline HTML view or a PNG/SVG picture."""
    try:
        suffix = out.suffix.lower()
        if suffix not in VIEW_SUFFIXES:
            raise GuanxiError(Errors.E006.format(path=out, suffix=out.suffix, choices=", ".join(VIEW_SUFFIXES)))
        if fragment and suffix in (".png", ".svg"):
            raise GuanxiError(Errors.E108.format(path=out))
        from .graph.io import read_graph

        graph = read_graph(graph_json)
        target = {".png": "png_path", ".svg": "svg_path"}.get(suffix, "html_path")
        write_views(graph, **{target: out}, fragment=fragment, title=title or "guanxi", height=height,
                    labels=labels, layout=layout)
    except GuanxiError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    except OSError as exc:
        typer.echo(f"error: {Errors.E014.format(path=out, reason=exc.strerror or exc)}", err=True)
        raise typer.Exit(1) from None
