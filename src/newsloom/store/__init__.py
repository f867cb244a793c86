"""The article store, chosen by URL: a SQLite file (the default) or a PostgreSQL database."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newsloom.errors import StoreError
from newsloom.store.analyses import AnalysisQueries
from newsloom.store.articles import ArticleFilter, ArticleQueries
from newsloom.store.catalog import CatalogQueries
from newsloom.store.connection import Connection, SQLiteConnection
from newsloom.store.feeds import FeedQueries, FeedState
from newsloom.store.migrations import table_names
from newsloom.store.postgres import SCHEMES as POSTGRESQL_SCHEMES
from newsloom.store.postgres import PostgresConnection, display_url
from newsloom.store.protocol import (
    AnalysisStore,
    ArticleStore,
    CatalogStore,
    ClusterStore,
    FeedStore,
    ReuseStore,
    RunStore,
    SearchStore,
    Store,
    StoryStore,
    Transactional,
)
from newsloom.store.reuse import ReuseQueries
from newsloom.store.runs import RunQueries
from newsloom.store.search import ArticleHit, SearchPage, SearchQueries, SearchQuery
from newsloom.store.stories import StoryQueries, StoryRow

__all__ = [
    "AnalysisStore",
    "ArticleFilter",
    "ArticleHit",
    "ArticleStore",
    "CatalogStore",
    "ClusterStore",
    "DatabaseStore",
    "FeedState",
    "FeedStore",
    "ReuseStore",
    "RunStore",
    "SQLiteStore",
    "SearchPage",
    "SearchQuery",
    "SearchStore",
    "Store",
    "StoryRow",
    "StoryStore",
    "Transactional",
    "display_name",
    "is_url",
    "open_store",
    "remove_store",
]


class DatabaseStore(
    ArticleQueries,
    AnalysisQueries,
    ReuseQueries,
    StoryQueries,
    RunQueries,
    CatalogQueries,
    FeedQueries,
    SearchQueries,
):
    """Everything newsloom keeps, in one SQLite file or one PostgreSQL schema."""


class SQLiteStore(DatabaseStore):
    """Everything newsloom keeps, in one SQLite file."""

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        super().__init__(SQLiteConnection(Path(path), read_only=read_only), read_only=read_only)


def is_url(database: str | Path) -> bool:
    """Whether ``database`` names a server database (not a file): ``postgresql://…``."""
    return str(database).partition("://")[0] in POSTGRESQL_SCHEMES


def display_name(database: str | Path) -> str:
    """How messages name a database: its path, or its URL without the password."""
    return display_url(str(database)) if is_url(database) else str(database)


def remove_store(url: str | Path) -> None:
    """Delete everything newsloom keeps at ``url``: the SQLite file (with its journal files), or
    newsloom's tables in the PostgreSQL schema (nothing else in it)."""
    if not is_url(url):
        text = str(url).removeprefix("sqlite:///").removeprefix("sqlite://")
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{text}{suffix}").unlink(missing_ok=True)
        return
    connection = PostgresConnection(str(url), read_only=False)
    try:
        connection.begin()
        connection.execute(f"DROP TABLE IF EXISTS {', '.join(table_names())} CASCADE")
        connection.commit()
    finally:
        connection.close()


def open_store(url: str | Path, *, read_only: bool = False) -> Store:
    """Open the store named by ``url``: a file path, ``sqlite:///path`` or ``postgresql://…``.

    Available schemes: sqlite (default for plain paths), postgresql (also postgres).
    """
    text = str(url)
    connection: Connection
    if "://" in text:
        scheme, _, rest = text.partition("://")
        if scheme in POSTGRESQL_SCHEMES:
            connection = PostgresConnection(text, read_only=read_only)
            return DatabaseStore(connection, read_only=read_only)
        if scheme != "sqlite":
            raise StoreError(
                f"store URL {text!r}: unknown scheme {scheme!r}; available: sqlite, postgresql"
            )
        text = rest.removeprefix("/") if rest.startswith("//") else rest
    return SQLiteStore(Path(text), read_only=read_only)


if TYPE_CHECKING:

    def _backends_are_stores(sqlite: SQLiteStore, database: DatabaseStore) -> tuple[Store, Store]:
        """Never called: mypy checks here that both backends (a SQLite file; a PostgreSQL
        schema through :class:`DatabaseStore`) offer every method of every protocol."""
        return sqlite, database
