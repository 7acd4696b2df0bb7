"""guanxi (关系): knowledge graphs from Chinese news.

Text goes through :mod:`guanxi.extractors` into :class:`~guanxi.model.Triple`
records; :mod:`guanxi.graph` turns those into one networkx graph, answers
questions about it and draws it.
"""

from .errors import GuanxiError
from .model import Document, Triple

__all__ = ["Document", "GuanxiError", "Triple", "__version__"]
__version__ = "0.1.0"
