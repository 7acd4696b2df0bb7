"""Reading and writing graphs and triples.

``graph.json`` is networkx node-link data (``edges="edges"``), so
``networkx.node_link_graph(json.load(f))`` loads it without guanxi.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx

from ..errors import Errors, GuanxiError
from ..model import Triple

__all__ = ["read_graph", "write_graph", "read_triples", "write_triples", "atomic_write_text"]


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` as UTF-8 so that ``path`` is either complete or untouched."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_graph(graph: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write ``graph`` as node-link JSON."""
    data = nx.node_link_data(graph, edges="edges")
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1))


def read_graph(path: str | os.PathLike) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph`.

    Raises
    ------
    GuanxiError
        If the file is missing or is not node-link JSON of a directed multigraph.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuanxiError(Errors.E005.format(path=path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GuanxiError(Errors.E009.format(path=path, reason=_one_line(exc))) from None
    if not isinstance(data, dict) or "nodes" not in data or "edges" not in data:
        raise GuanxiError(Errors.E009.format(path=path, reason="expected node-link JSON with 'nodes' and 'edges'"))
    try:
        graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except (KeyError, TypeError, nx.NetworkXError) as exc:
        raise GuanxiError(Errors.E009.format(path=path, reason=_one_line(exc))) from None
    return graph


def write_triples(triples: Iterable[Triple], path: str | os.PathLike) -> None:
    """Write triples as JSON Lines."""
    atomic_write_text(path, "".join(json.dumps(t.to_dict(), ensure_ascii=False) + "\n" for t in triples))


def read_triples(path: str | os.PathLike) -> Iterator[Triple]:
    """Read triples written by :func:`write_triples`."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GuanxiError(Errors.E001.format(path=path, reason=_one_line(exc))) from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield Triple.from_dict(json.loads(line))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GuanxiError(Errors.E003.format(path=path, line=number, reason=_one_line(exc))) from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
