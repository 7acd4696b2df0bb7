"""Show the interactive view inline in Jupyter (and anywhere an ``<iframe>`` goes).

The view is a complete page placed in an ``<iframe srcdoc="...">``: it keeps its
own styles and scripts away from the notebook's, works offline, and the
sandbox lets its scripts run without access to the notebook's origin.

The same recipe embeds a view in any report page or wiki that accepts raw
HTML, without a second file::

    from html import escape
    from guanxi.graph.html import render_html

    page = render_html(graph, title="OpenAI 离职风波", height="600px")
    frame = (f'<iframe srcdoc="{escape(page, quote=True)}" sandbox="allow-scripts" '
             f'style="width:100%;height:696px;border:0" title="OpenAI 离职风波"></iframe>')

``escape(..., quote=True)`` turns the page into one attribute value (``&``,
``<``, ``>``, ``"``, ``'`` escaped); :func:`to_iframe` does exactly this. To
paste the view into a page directly instead, use
``render_html(graph, fragment=True)`` (or ``guanxi render --fragment``).
"""

from __future__ import annotations

import html
import re

import networkx as nx

from ..errors import Errors, GuanxiError
from .html import _css_length, render_html

__all__ = ["show", "to_iframe"]

#: Room for the toolbar and the page margin around the drawing area.
_CHROME_PX = 96


def to_iframe(graph: nx.Graph, *, height: str | int = "600px", **kwargs) -> str:
    """Return an ``<iframe srcdoc>`` holding the full view of ``graph``.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A guanxi graph.
    height : str or int
        Height of the drawing area (CSS length or pixels); the frame adds
        room for the toolbar when this is in pixels.
    **kwargs
        Passed to :func:`guanxi.graph.html.render_html` (``title``,
        ``labels``, ``layout``).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("OpenAI", name="OpenAI", type="ORG")
    >>> frame = to_iframe(G, height=400, title="<demo>")
    >>> frame.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    True
    >>> 'sandbox="allow-scripts"' in frame and "height:496px" in frame
    True
    """
    height = _css_length(height)
    kwargs.pop("fragment", None)
    page = render_html(graph, height=height, **kwargs)
    px = re.fullmatch(r"(\d+(?:\.\d+)?)px", height)
    frame_height = f"{float(px.group(1)) + _CHROME_PX:g}px" if px else height
    title = html.escape(str(kwargs.get("title") or "guanxi"), quote=True)
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{frame_height};border:0" title="{title}" loading="lazy"></iframe>')


def show(graph: nx.Graph, **kwargs):
    """Display the interactive view of ``graph`` inline in a Jupyter notebook.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A guanxi graph.
    **kwargs
        ``height`` (default ``"600px"``), ``title``, ``labels``, ``layout``:
        see :func:`to_iframe` and :func:`guanxi.graph.html.render_html`.

    Returns
    -------
    IPython.display.HTML
        Shown when it is the last expression of a cell.

    Raises
    ------
    GuanxiError
        If IPython is not installed.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Jan Leike", name="Jan Leike", type="PERSON")
    >>> show(G, title="Jan Leike").data[:41]
    '<div class="guanxi-view"><iframe srcdoc="'
    """
    try:
        from IPython.display import HTML
    except ImportError:
        raise GuanxiError(Errors.E107) from None
    # A wrapper element: IPython warns about bare <iframe> outputs and suggests IFrame (which needs a URL).
    return HTML('<div class="guanxi-view">' + to_iframe(graph, **kwargs) + "</div>")
