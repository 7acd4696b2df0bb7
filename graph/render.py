"""Static pictures of a graph (PNG, SVG) for print and PDF reports.

Needs matplotlib, the optional extra ``guanxi[render]``, and a CJK font so
Chinese labels are drawn as characters, not boxes (Debian/Ubuntu:
``apt-get install fonts-noto-cjk``). SVG text is written as outlines, so the
picture looks the same on machines without the font.

The palette and node layout here are shared with :mod:`guanxi.graph.html`.
"""

from __future__ import annotations

import io
import math
import os
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx

from ..errors import Errors, GuanxiError

__all__ = ["render_static", "find_cjk_font"]

#: Entity type -> (Chinese, English, fill colour, border colour, vis-network shape, matplotlib marker).
_TYPES = {
    "PERSON": ("人物", "Person", "#4E79A7", "#2F4B6B", "dot", "o"),
    "ORG": ("机构", "Organization", "#F28E2B", "#A85A12", "square", "s"),
    "GPE": ("地点", "Place", "#59A14F", "#35692E", "diamond", "D"),
    "PRODUCT": ("产品", "Product", "#B07AA1", "#744C69", "triangle", "^"),
    "OTHER": ("其他", "Other", "#9AA5B1", "#5F6B77", "hexagon", "h"),
}

_LABEL_CHOICES = ("zh", "en")
_FORMATS = ("png", "svg")

#: CJK font families tried in order when ``font`` is not given.
_CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Sans SC", "Noto Sans TC",
    "Source Han Sans SC", "Source Han Sans CN", "Source Han Sans TW", "Source Han Sans",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "PingFang SC", "Hiragino Sans GB", "Heiti SC",
    "Microsoft YaHei", "SimHei", "Noto Serif CJK SC", "AR PL UMing CN", "Arial Unicode MS",
)
_CJK_FILE_HINTS = ("cjk", "wqy", "sourcehan", "notosanssc", "notosanstc", "msyh", "simhei", "pingfang", "droidsansfallback")


def render_static(graph: nx.Graph, path: str | os.PathLike, *, fmt: str | None = None, title: str | None = None,
                  font: str | None = None, labels: str = "zh") -> None:
    """Draw ``graph`` into a PNG or SVG file with readable CJK labels.

    Nodes are coloured and shaped by entity type (with a legend) and sized by
    degree; arrows show direction. Small graphs get every node label and the
    relation on each edge; large ones label only the best-connected nodes.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A guanxi graph (see the graph format in the README).
    path : str or os.PathLike
        Output file, written atomically.
    fmt : {"png", "svg"}, optional
        Picture format; taken from the suffix of ``path`` when omitted.
    title : str, optional
        Title drawn above the graph.
    font : str, optional
        A font family name or a font file; by default the first installed
        CJK font (Noto Sans CJK SC, Source Han Sans, WenQuanYi, ...).
    labels : {"zh", "en"}
        Language of the edge labels.

    Raises
    ------
    GuanxiError
        If the format is not PNG or SVG, matplotlib is missing, or no CJK
        font is installed.

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Jan Leike", name="Jan Leike", type="PERSON")
    >>> G.add_node("OpenAI", name="OpenAI", type="ORG")
    >>> _ = G.add_edge("Jan Leike", "OpenAI", key="resigned_from", relation="resigned_from",
    ...                label_zh="离职", label_en="resigned from")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.svg"
    >>> render_static(G, out, title="离职")
    >>> out.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    True
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in _FORMATS:
        raise GuanxiError(Errors.E006.format(path=path, suffix=fmt or path.suffix,
                                             choices=", ".join("." + f for f in _FORMATS)))
    if labels not in _LABEL_CHOICES:
        raise GuanxiError(Errors.E101.format(name=labels, choices=", ".join(_LABEL_CHOICES)))
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise GuanxiError(Errors.E104) from None
    family = find_cjk_font(font)
    rc = {"font.family": "sans-serif", "font.sans-serif": [family, "DejaVu Sans"], "axes.unicode_minus": False,
          "svg.fonttype": "path", "svg.hashsalt": "guanxi"}
    with matplotlib.rc_context(rc):
        pos = _layout_positions(graph)
        fig = Figure(figsize=_figsize(pos))
        _draw(fig, graph, pos, title=title, labels=labels)
        buf = io.BytesIO()
        meta = {"Creator": "guanxi", "Date": None} if fmt == "svg" else {"Software": "guanxi"}
        fig.savefig(buf, format=fmt, dpi=200 if fmt == "png" else 72, facecolor="white",
                    bbox_inches="tight", pad_inches=0.3, metadata=meta)
    _atomic_write_bytes(path, buf.getvalue())


def find_cjk_font(font: str | None = None) -> str:
    """Return the family name of a CJK font matplotlib can use.

    Parameters
    ----------
    font : str, optional
        A family name or a path to a .ttf/.otf/.ttc file to use instead of
        searching.

    Raises
    ------
    GuanxiError
        If matplotlib is missing, the named font does not exist, or no CJK
        font is installed (the message names the Debian package).

    Examples
    --------
    >>> find_cjk_font().startswith(("Noto", "Source", "WenQuanYi", "PingFang", "Microsoft", "SimHei", "Hiragino", "Heiti", "AR PL", "Arial"))
    True
    """
    try:
        from matplotlib import font_manager
    except ImportError:
        raise GuanxiError(Errors.E104) from None
    fm = font_manager.fontManager
    if font:
        if Path(font).is_file():
            fm.addfont(str(font))
            return font_manager.FontProperties(fname=str(font)).get_name()
        if any(f.name == font for f in fm.ttflist):
            return font
        raise GuanxiError(Errors.E106.format(name=font))
    for attempt in range(2):
        names = {f.name for f in fm.ttflist}
        for family in _CJK_FAMILIES:
            if family in names:
                return family
        if attempt == 0:  # fonts installed after matplotlib built its cache: add them by file
            for file in font_manager.findSystemFonts():
                if any(hint in Path(file).name.lower().replace("-", "").replace("_", "") for hint in _CJK_FILE_HINTS):
                    try:
                        fm.addfont(file)
                    except (OSError, RuntimeError, ValueError):
                        pass
    raise GuanxiError(Errors.E105)


def _draw(fig, graph: nx.Graph, pos: dict, *, title: str | None, labels: str) -> None:
    """Draw nodes, edges, labels and the legend onto ``fig``."""
    from matplotlib.lines import Line2D
    from matplotlib.collections import LineCollection
    from matplotlib import patheffects

    ax = fig.add_subplot(1, 1, 1)
    ax.set_axis_off()
    ax.set_aspect("equal")
    if title:
        ax.set_title(title, fontsize=18, fontweight="bold", color="#1f2933", pad=14)
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    if n == 0:
        ax.text(0.5, 0.5, "(empty graph)", ha="center", va="center", color="#6b7785", transform=ax.transAxes)
        return
    degree = dict(graph.degree())
    top = max(degree.values()) or 1
    big = n > 150
    size = {v: (10 if big else 160) + (160 if big else 900) * math.sqrt(degree[v] / top) for v in graph}
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]

    edges = list(_edge_rows(graph))
    if m > 400:
        segs = [(pos[u], pos[v]) for u, v, *_ in edges if u != v]
        ax.add_collection(LineCollection(segs, colors="#a3acb9", linewidths=0.35, alpha=0.5, zorder=1))
    else:
        for u, v, data, rad in edges:
            if u == v:
                continue
            arrow = "-" if data.get("symmetric") else "-|>,head_length=0.5,head_width=0.25"
            ax.annotate("", xy=pos[v], xytext=pos[u], zorder=1,
                        arrowprops=dict(arrowstyle=arrow, color="#8792a2", lw=0.9,
                                        shrinkA=math.sqrt(size[u]) / 2 + 1, shrinkB=math.sqrt(size[v]) / 2 + 2,
                                        connectionstyle=f"arc3,rad={rad}"))
            if m <= 80:
                (x1, y1), (x2, y2) = pos[u], pos[v]
                x, y = (x1 + x2) / 2 + rad / 2 * (y2 - y1), (y1 + y2) / 2 - rad / 2 * (x2 - x1)
                text = data.get("label_zh" if labels == "zh" else "label_en") or data.get("relation") or ""
                ax.text(x, y, text, fontsize=8.5, color="#52606d", ha="center", va="center", zorder=3,
                        path_effects=halo)

    for type_, (_, _, fill, border, _, marker) in _TYPES.items():
        members = [v for v in graph if _node_type(graph.nodes[v]) == type_]
        if members:
            ax.scatter([pos[v][0] for v in members], [pos[v][1] for v in members], s=[size[v] for v in members],
                       c=fill, edgecolors=border, linewidths=0.8, marker=marker, zorder=2)

    shown = sorted(graph, key=lambda v: (-degree[v], str(v)))[: 60 if big else n]
    for v in shown:
        name = str(graph.nodes[v].get("name") or v)
        ax.annotate(name, pos[v], xytext=(0, -(math.sqrt(size[v]) / 2 + 5)), textcoords="offset points",
                    ha="center", va="top", fontsize=7 if big else 11, color="#1f2933", zorder=4, path_effects=halo)

    present = Counter(_node_type(graph.nodes[v]) for v in graph)
    handles = [Line2D([], [], linestyle="", marker=_TYPES[t][5], markersize=8, markerfacecolor=_TYPES[t][2],
                      markeredgecolor=_TYPES[t][3], label=f"{_TYPES[t][0 if labels == 'zh' else 1]} ({present[t]})")
               for t in _TYPES if present[t]]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=True, framealpha=0.92,
              edgecolor="#e3e7ec", fontsize=10, borderpad=0.7)
    ax.margins(0.08)


def _edge_rows(graph: nx.Graph):
    """Yield ``(u, v, data, rad)``; parallel and reciprocal edges get distinct curvature."""
    rows = [(u, v, d) for u, v, d in graph.edges(data=True)]
    per_pair = Counter(frozenset((u, v)) for u, v, _ in rows)
    seen: dict[tuple, int] = defaultdict(int)
    for u, v, d in rows:
        if per_pair[frozenset((u, v))] > 1:
            i = seen[(u, v)]
            seen[(u, v)] += 1
            yield u, v, d, round(0.15 + 0.2 * i, 2)
        else:
            yield u, v, d, 0.0


def _node_type(attrs: dict) -> str:
    type_ = attrs.get("type")
    return type_ if type_ in _TYPES else "OTHER"


def _figsize(pos: dict) -> tuple[float, float]:
    """About 1.6 inches per layout unit (the length of a link), within 6-22 inches."""
    if not pos:
        return 6.0, 4.0
    w = (max(p[0] for p in pos.values()) - min(p[0] for p in pos.values()) + 1.5) * 1.6
    h = (max(p[1] for p in pos.values()) - min(p[1] for p in pos.values()) + 1.5) * 1.6
    shrink = min(1.0, 22.0 / w, 22.0 / h)
    return max(6.0, w * shrink), max(4.0, h * shrink)


def _layout_positions(graph: nx.Graph, seed: int = 7) -> dict:
    """Spring-layout positions where linked nodes sit about one unit apart; deterministic.

    Each connected component is laid out on its own (with
    :func:`networkx.spring_layout`; from 500 nodes networkx needs SciPy for
    that, so without SciPy a chunked NumPy Fruchterman-Reingold runs instead)
    and scaled so its median edge is one unit long. Components are packed in
    rows, biggest first, and entities without relations go in a compact grid
    underneath, so nothing drifts to the edge of the picture.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph, key=str))
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    boxes, lonely = [], []
    for component in sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(map(str, c)))):
        if len(component) == 1:
            lonely.extend(component)
            continue
        sub = simple.subgraph(sorted(component, key=str))
        n = sub.number_of_nodes()
        if n <= _SMALL_COMPONENT:
            local = _force_layout(sub, seed=seed)
        else:
            iterations = 50 if n <= 3000 else 30
            try:
                local = nx.spring_layout(sub, seed=seed, iterations=iterations)
            except ImportError:  # SciPy missing
                local = _fruchterman_reingold(sub, seed=seed, iterations=iterations)
        lengths = sorted(math.dist(local[u], local[v]) for u, v in sub.edges())
        scale = 1.0 / max(lengths[len(lengths) // 2], 1e-6)
        local = {v: (float(x) * scale, float(y) * scale) for v, (x, y) in local.items()}
        xs, ys = [p[0] for p in local.values()], [p[1] for p in local.values()]
        boxes.append((local, min(xs), min(ys), max(xs) - min(xs) + 1.0, max(ys) - min(ys) + 1.0))
    cols = max(1, math.ceil(math.sqrt(len(lonely) * 2)))
    row_width = max([b[3] for b in boxes] + [math.sqrt(sum(b[3] * b[4] for b in boxes)) * 1.5, cols * 0.8])
    pos, x, y, row_height = {}, 0.0, 0.0, 0.0
    for local, x0, y0, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        for v, (px, py) in local.items():
            pos[v] = (px - x0 + x, py - y0 + y - h)
        x += w
        row_height = max(row_height, h)
    per_row = max(1, min(len(lonely), int(row_width / 0.8) + 1))
    top = y - row_height - (0.5 if boxes else 0.0)
    for i, v in enumerate(lonely):
        pos[v] = (0.4 + (i % per_row) * 0.8, top - 0.4 - (i // per_row) * 0.6)
    if not pos:
        return {}
    cx = (min(p[0] for p in pos.values()) + max(p[0] for p in pos.values())) / 2
    cy = (min(p[1] for p in pos.values()) + max(p[1] for p in pos.values())) / 2
    return {v: (round(px - cx, 4), round(py - cy, 4)) for v, (px, py) in pos.items()}


#: Components up to this size get the same force layout as the HTML view (dense, several starts).
_SMALL_COMPONENT = 300


def _force_layout(sub: nx.Graph, *, seed: int, iterations: int = 300) -> dict:
    """The HTML view's force layout in NumPy: springs, hub-weighted repulsion, gravity, cooling.

    Runs from several seeded starts and keeps the result with the fewest edge
    crossings. Links come out about one unit long.
    """
    import numpy as np

    nodes = list(sub)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in sub.edges()], dtype=np.int64).reshape(-1, 2)
    src, dst = edges[:, 0], edges[:, 1]
    count = np.bincount(edges.ravel(), minlength=n).astype(float)
    mass = 1.0 + np.sqrt(count)
    strength = 1.0 / np.minimum(count[src], count[dst])
    bias = count[src] / (count[src] + count[dst])
    charge, gravity, eps2 = -700.0 / 140.0 ** 2, 0.1, (1.0 / 140.0) ** 2  # the view's px settings, in units
    decay = 1 - 0.001 ** (1 / iterations)
    best, best_crossings = None, None
    starts = 8 if n <= 80 else 3
    for start in range(starts):
        rng = np.random.default_rng(seed + start)
        radius, angle = np.sqrt(n * rng.random(n)), 2 * np.pi * rng.random(n)
        x, y = radius * np.cos(angle), radius * np.sin(angle)
        vx, vy = np.zeros(n), np.zeros(n)
        alpha = 1.0
        for _ in range(iterations):
            alpha -= alpha * decay
            dx = x[dst] + vx[dst] - x[src] - vx[src]
            dy = y[dst] + vy[dst] - y[src] - vy[src]
            d = np.maximum(np.hypot(dx, dy), 1e-9)
            f = (d - 1.0) / d * alpha * strength
            dx, dy = dx * f, dy * f
            np.add.at(vx, dst, -dx * bias)
            np.add.at(vy, dst, -dy * bias)
            np.add.at(vx, src, dx * (1 - bias))
            np.add.at(vy, src, dy * (1 - bias))
            DX, DY = x[None, :] - x[:, None], y[None, :] - y[:, None]
            w = charge * alpha * mass[None, :] / np.maximum(DX * DX + DY * DY, eps2)
            np.fill_diagonal(w, 0.0)
            vx = (vx + (DX * w).sum(1) - x * gravity * alpha) * 0.6
            vy = (vy + (DY * w).sum(1) - y * gravity * alpha) * 0.6
            x, y = x + vx, y + vy
        crossings = _crossings(x, y, src, dst)
        if best is None or crossings < best_crossings:
            best, best_crossings = (x, y), crossings
        if crossings == 0:
            break
    x, y = best
    return {v: (float(x[i]), float(-y[i])) for i, v in enumerate(nodes)}


def _crossings(x, y, src, dst) -> int:
    """Number of pairs of edges (without a shared end) that cross."""
    import numpy as np

    if len(src) < 2:
        return 0
    a, b = np.triu_indices(len(src), 1)
    p1, p2, p3, p4 = src[a], dst[a], src[b], dst[b]
    apart = (p1 != p3) & (p1 != p4) & (p2 != p3) & (p2 != p4)

    def orient(i, j, k):
        return (x[j] - x[i]) * (y[k] - y[i]) - (y[j] - y[i]) * (x[k] - x[i])

    cross = (orient(p3, p4, p1) * orient(p3, p4, p2) < 0) & (orient(p1, p2, p3) * orient(p1, p2, p4) < 0)
    return int((cross & apart).sum())


def _fruchterman_reingold(simple: nx.Graph, *, seed: int, iterations: int) -> dict:
    import numpy as np

    nodes = list(simple)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in simple.edges()], dtype=np.int64).reshape(-1, 2)
    pos = np.random.default_rng(seed).random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))
    temperature = 0.1
    cool = temperature / (iterations + 1)
    block = max(1, 2_000_000 // n)
    xs, ys = pos[:, 0], pos[:, 1]  # views: updating pos updates them
    for _ in range(iterations):
        disp = np.zeros((n, 2), dtype=np.float32)
        for a in range(0, n, block):
            dx = xs[a:a + block, None] - xs[None, :]
            dy = ys[a:a + block, None] - ys[None, :]
            inv = dx * dx
            inv += dy * dy
            np.maximum(inv, np.float32(1e-6), out=inv)
            np.divide(k * k, inv, out=inv)
            disp[a:a + block, 0] = (dx * inv).sum(1)
            disp[a:a + block, 1] = (dy * inv).sum(1)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            pull = delta * (np.sqrt((delta * delta).sum(1)) / k)[:, None]
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        length = np.maximum(np.sqrt((disp * disp).sum(1)), np.float32(1e-9))
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cool
    pos -= pos.mean(0)
    scale = np.abs(pos).max() or 1.0
    return dict(zip(nodes, (pos / scale).tolist()))


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a picture for a report is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
