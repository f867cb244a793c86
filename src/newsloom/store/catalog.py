"""Browsing queries for the web UI and HTTP API: filtered story lists and facets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsloom.store.articles import article_clauses
from newsloom.store.base import StoreBase
from newsloom.store.fulltext import matching_ids
from newsloom.store.query_syntax import parse_query
from newsloom.store.snippets import MARK_END, MARK_START
from newsloom.store.stories import PUBLISHED_AT_PRECISION, StoryRow, _story_row

STORY_ORDERS = {  # aggregates spelled out: PostgreSQL takes no output names in expressions
    "newest": "max(a.published_utc) IS NULL, max(a.published_utc) DESC, s.id",
    "biggest": "count(*) DESC, max(a.published_utc) IS NULL, max(a.published_utc) DESC, s.id",
    "oldest": "min(a.published_utc) IS NULL, min(a.published_utc), s.id",
}


@dataclass(frozen=True, slots=True)
class StoryQuery:
    """Which stories to list: those with at least one article matching every given filter."""

    language: str | None = None
    outlet: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None  # full-text search over the stories' articles
    order: str = "newest"
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class StoryPage:
    stories: tuple[StoryRow, ...]
    total: int  # stories matching the filters, before limit and offset


@dataclass(frozen=True, slots=True)
class Facet:
    value: str
    articles: int


__all__ = ["MARK_END", "MARK_START", "CatalogQueries", "Facet", "StoryPage", "StoryQuery"]


class CatalogQueries(StoreBase):
    def find_stories(self, query: StoryQuery) -> StoryPage:
        """Stories with an article matching every filter, in ``query.order``."""
        if query.order not in STORY_ORDERS:
            raise ValueError(f"order must be one of {', '.join(STORY_ORDERS)}, not {query.order!r}")
        clauses, values = article_clauses(query.language, query.outlet, query.since, query.until)
        node = parse_query(query.text or "")
        if node is not None:
            subquery, subquery_values = matching_ids(self.dialect, node)
            clauses.append(f"a.id IN ({subquery})")
            values += subquery_values
        matched = "SELECT DISTINCT sa.story_id FROM story_articles sa"
        matched += " JOIN articles a ON a.id = sa.article_id"
        if clauses:
            matched += " WHERE " + " AND ".join(clauses)
        total = self.connection.execute(
            f"SELECT count(*) FROM ({matched}) AS matched", values
        ).fetchone()[0]
        rows = self.connection.execute(
            "SELECT s.id, s.title, count(*) AS size,"
            f" min({PUBLISHED_AT_PRECISION}) AS first_seen,"
            f" max({PUBLISHED_AT_PRECISION}) AS last_seen,"
            " group_concat(DISTINCT a.language) AS languages,"
            " group_concat(DISTINCT a.source) AS outlets,"
            " group_concat(a.id) AS article_ids"
            " FROM stories s JOIN story_articles sa ON sa.story_id = s.id"
            " JOIN articles a ON a.id = sa.article_id"
            f" WHERE s.id IN ({matched})"
            f" GROUP BY s.id ORDER BY {STORY_ORDERS[query.order]} LIMIT ? OFFSET ?",
            [*values, query.limit, query.offset],
        ).fetchall()
        return StoryPage(stories=tuple(_story_row(row) for row in rows), total=int(total))

    def article_facets(self, column: str) -> list[Facet]:
        """Distinct values of ``language`` or ``source`` with their article counts, most first."""
        if column not in ("language", "source"):
            raise ValueError(f"facet column must be language or source, not {column!r}")
        rows = self.connection.execute(
            f"SELECT {column} AS value, count(*) AS n FROM articles"
            f" WHERE {column} IS NOT NULL AND {column} != ''"
            f" GROUP BY {column} ORDER BY n DESC, {column}"
        ).fetchall()
        return [Facet(value=row["value"], articles=int(row["n"])) for row in rows]
