"""Searching articles: the one store function behind ``newsloom search``, ``/search`` and
``GET /api/search``, and keeping the index's keys in step with stored articles.

The query language and its folding across spellings are in :mod:`newsloom.store.query_syntax`
and :mod:`newsloom.store.fulltext`; snippets in :mod:`newsloom.store.snippets`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsloom.dates import date_iso
from newsloom.store.articles import article_clauses, article_from_rows
from newsloom.store.base import StoreBase
from newsloom.store.codec import analysis_from_json
from newsloom.store.connection import Connection
from newsloom.store.fulltext import index_article, index_names, names_of, search_sql
from newsloom.store.query_syntax import parse_query, wanted_terms
from newsloom.store.snippets import Marker, snippet

SEARCH_KEYS_MIGRATION = "012_search_keys"
SNIPPET_WORDS = 16


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A search: FTS5-style ``text`` (:mod:`~newsloom.store.query_syntax`) and filters."""

    text: str
    language: str | None = None
    outlet: str | None = None
    since: datetime | None = None  # published on or after
    until: datetime | None = None  # published before
    story: str | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """A search hit; ``snippet`` marks matched words with MARK_START … MARK_END."""

    article_id: str
    title: str
    snippet: str
    score: float
    source: str | None
    language: str | None
    published: str | None  # ISO 8601 at the date's precision
    story_id: str | None
    published_origin: str | None = None
    published_precision: str | None = None
    story_title: str | None = None

    @property
    def published_at(self) -> datetime | None:
        """The publication date as a value (at ``published_precision``)."""
        return datetime.fromisoformat(self.published) if self.published else None


@dataclass(frozen=True, slots=True)
class SearchPage:
    hits: tuple[ArticleHit, ...]
    total: int  # articles matching, before limit and offset


class SearchQueries(StoreBase):
    def search_articles(self, query: SearchQuery) -> SearchPage:
        """Articles matching ``query``, best first, each with its outlet, date and story.

        Raises :class:`~newsloom.errors.QueryError` for a query that is not well formed.
        """
        node = parse_query(query.text)
        if node is None:
            return SearchPage(hits=(), total=0)
        clauses, values = article_clauses(query.language, query.outlet, query.since, query.until)
        if query.story:
            clauses.append("sa.story_id = ?")
            values.append(query.story)
        sql, match_values = search_sql(
            self.dialect,
            node,
            columns="a.source, a.language, a.published, a.published_precision,"
            " a.published_origin, sa.story_id, s.title AS story_title",
            joins="JOIN articles a ON a.id = f.article_id"
            " LEFT JOIN story_articles sa ON sa.article_id = f.article_id"
            " LEFT JOIN stories s ON s.id = sa.story_id",
            where=" AND ".join(clauses),
        )
        all_values = [*match_values, *values]
        total = self.connection.execute(
            f"SELECT count(*) FROM ({sql}) AS matched", all_values
        ).fetchone()[0]
        rows = self.connection.execute(
            f"{sql} ORDER BY score DESC, a.published_utc IS NULL, a.published_utc DESC,"
            " f.article_id LIMIT ? OFFSET ?",
            [*all_values, query.limit, query.offset],
        ).fetchall()
        marker = Marker.of(wanted_terms(node))
        hits = tuple(
            ArticleHit(
                article_id=row["article_id"],
                title=row["title"],
                snippet=snippet(row["body"], marker, SNIPPET_WORDS),
                score=float(row["score"]),
                source=row["source"],
                language=row["language"],
                published=_iso(row["published"], row["published_precision"]),
                story_id=row["story_id"],
                published_origin=row["published_origin"],
                published_precision=row["published_precision"],
                story_title=row["story_title"],
            )
            for row in rows
        )
        return SearchPage(hits=hits, total=int(total))

    def _after_migration(self, name: str, connection: Connection) -> None:
        super()._after_migration(name, connection)
        if name == SEARCH_KEYS_MIGRATION:
            reindex_articles(connection)


def _iso(published: str | None, precision: str | None) -> str | None:
    if not published:
        return None
    return date_iso(datetime.fromisoformat(published), precision or None)


def reindex_articles(connection: Connection, batch_size: int = 500) -> int:
    """Index every stored article again: text, word keys and, from stored analyses, name keys
    (the migration that added the keys runs this on existing databases). How many."""
    done = 0
    last = ""
    while True:
        rows = connection.execute(
            "SELECT * FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch_size)
        ).fetchall()
        if not rows:
            return done
        for row in rows:
            paragraphs = connection.execute(
                "SELECT * FROM paragraphs WHERE article_id = ? ORDER BY position", (row["id"],)
            ).fetchall()
            article = article_from_rows(row, paragraphs)
            body = "\n\n".join(p.text for p in article.body)
            index_article(connection, article.id, article.language, article.title, body)
            stored = connection.execute(
                "SELECT payload FROM analyses WHERE article_id = ?", (article.id,)
            ).fetchone()
            if stored is not None:
                analysis = analysis_from_json(stored["payload"])
                names = names_of(article.id, article.language, analysis.entities)
                index_names(connection, article.id, names)
            done += 1
        last = rows[-1]["id"]
