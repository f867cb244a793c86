"""The article store: SQLite by default, chosen by URL; a Protocol so other backends can follow."""

from __future__ import annotations

from pathlib import Path

from newsloom.errors import StoreError
from newsloom.store.analyses import AnalysisQueries
from newsloom.store.articles import ArticleFilter, ArticleQueries, SearchHit
from newsloom.store.catalog import CatalogQueries
from newsloom.store.feeds import FeedQueries, FeedState
from newsloom.store.protocol import Store
from newsloom.store.reuse import ReuseQueries
from newsloom.store.runs import RunQueries
from newsloom.store.stories import StoryQueries, StoryRow

__all__ = [
    "ArticleFilter",
    "FeedState",
    "SQLiteStore",
    "SearchHit",
    "Store",
    "StoryRow",
    "open_store",
]


class SQLiteStore(
    ArticleQueries,
    AnalysisQueries,
    ReuseQueries,
    StoryQueries,
    RunQueries,
    CatalogQueries,
    FeedQueries,
):
    """Everything newsloom keeps, in one SQLite file."""


def open_store(url: str | Path, *, read_only: bool = False) -> Store:
    """Open the store named by ``url``: a file path or ``sqlite:///path``.

    Available schemes: sqlite (default for plain paths).
    """
    text = str(url)
    if "://" in text:
        scheme, _, rest = text.partition("://")
        if scheme != "sqlite":
            raise StoreError(f"store URL {text!r}: unknown scheme {scheme!r}; available: sqlite")
        text = rest.removeprefix("/") if rest.startswith("//") else rest
    return SQLiteStore(Path(text), read_only=read_only)
