"""Browsing queries for the web UI and HTTP API: filtered story lists, facets, search hits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsloom.dates import stored_iso
from newsloom.store.articles import article_clauses
from newsloom.store.base import StoreBase
from newsloom.store.fulltext import matching_ids, search_sql
from newsloom.store.stories import PUBLISHED_AT_PRECISION, StoryRow, _story_row

MARK_START = "\ue000"  # private-use characters around matched words in search snippets
MARK_END = "\ue001"
STORY_ORDERS = {  # aggregates spelled out: PostgreSQL takes no output names in expressions
    "newest": "max(a.published) IS NULL, max(a.published) DESC, s.id",
    "biggest": "count(*) DESC, max(a.published) IS NULL, max(a.published) DESC, s.id",
    "oldest": "min(a.published) IS NULL, min(a.published), s.id",
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


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """A full-text search hit; ``snippet`` marks matched words with MARK_START … MARK_END."""

    article_id: str
    title: str
    snippet: str
    score: float
    source: str | None
    language: str | None
    published: str | None  # ISO 8601 at the date's precision
    story_id: str | None
    published_origin: str | None = None


class CatalogQueries(StoreBase):
    def find_stories(self, query: StoryQuery) -> StoryPage:
        """Stories with an article matching every filter, in ``query.order``."""
        if query.order not in STORY_ORDERS:
            raise ValueError(f"order must be one of {', '.join(STORY_ORDERS)}, not {query.order!r}")
        clauses, values = article_clauses(query.language, query.outlet, query.since, query.until)
        if query.text and query.text.strip():
            subquery, subquery_values = matching_ids(self.dialect, query.text)
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

    def search_articles(self, text: str, limit: int = 20, offset: int = 0) -> list[ArticleHit]:
        """Full-text search over titles and body text, best first, with each hit's story."""
        sql, values = search_sql(
            self.dialect,
            text,
            marks=(MARK_START, MARK_END),
            snippet_words=16,
            columns="a.source, a.language, a.published, a.published_precision,"
            " a.published_origin, sa.story_id",
            joins="JOIN articles a ON a.id = f.article_id"
            " LEFT JOIN story_articles sa ON sa.article_id = f.article_id",
        )
        rows = self.connection.execute(
            sql + " LIMIT ? OFFSET ?", [*values, limit, offset]
        ).fetchall()
        return [
            ArticleHit(
                article_id=row["article_id"],
                title=row["title"],
                snippet=row["snippet"],
                score=float(row["score"]),
                source=row["source"],
                language=row["language"],
                published=stored_iso(f"{row['published']}|{row['published_precision'] or ''}")
                if row["published"]
                else None,
                story_id=row["story_id"],
                published_origin=row["published_origin"],
            )
            for row in rows
        ]
