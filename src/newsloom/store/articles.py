"""Articles, their paragraphs and the full-text index."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from newsloom.dates import PublishedDate
from newsloom.records import Analysis, Article, DateOrigin, DatePrecision, Paragraph, ParagraphKind
from newsloom.store.analyses import put_analysis, write_analysis
from newsloom.store.base import StoreBase, utc_now
from newsloom.store.connection import Row
from newsloom.store.fulltext import index_article, names_of
from newsloom.store.rows import ArticleRows, indexed_text
from newsloom.time_order import utc_sort_key

__all__ = ["ArticleFilter", "ArticleQueries", "article_clauses", "article_from_rows"]


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    language: str | None = None
    source: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    story: str | None = None
    limit: int | None = 50
    offset: int = 0
    newest_first: bool = False  # publication order (undated last) unless set


def article_from_rows(row: Row, paragraphs: Sequence[Row]) -> Article:
    return Article(
        id=row["id"],
        content_hash=row["content_hash"],
        title=row["title"],
        paragraphs=tuple(
            Paragraph(
                index=p["position"],
                text=p["text"],
                kind=ParagraphKind(p["kind"]),
                language=p["language"],
            )
            for p in paragraphs
        ),
        language=row["language"],
        published=datetime.fromisoformat(row["published"]) if row["published"] else None,
        published_precision=(
            DatePrecision(row["published_precision"]) if row["published_precision"] else None
        ),
        published_origin=DateOrigin(row["published_origin"]) if row["published_origin"] else None,
        source=row["source"],
        url=row["url"],
        agencies=tuple(json.loads(row["agencies"])),
        external_id=row["external_id"],
        origin=row["origin"],
        published_evidence=row["published_evidence"],
    )


def article_clauses(
    language: str | None, source: str | None, since: datetime | None, until: datetime | None
) -> tuple[list[str], list[object]]:
    """SQL conditions (on ``articles a``) and their values for the common article filters."""
    clauses: list[str] = []
    values: list[object] = []
    if language:
        clauses.append("a.language = ?")
        values.append(language)
    if source:
        clauses.append("lower(a.source) = lower(?)")
        values.append(source)
    if since:
        clauses.append("a.published_utc >= ?")
        values.append(utc_sort_key(since))
    if until:
        clauses.append("a.published_utc < ?")
        values.append(utc_sort_key(until))
    return clauses, values


def _filtered(select: str, where: ArticleFilter) -> tuple[str, list[object]]:
    """``select`` (over ``articles a``) with the conditions of ``where``, and their values."""
    clauses, values = article_clauses(where.language, where.source, where.since, where.until)
    if where.story:
        clauses.append("a.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        values.append(where.story)
    return (f"{select} WHERE {' AND '.join(clauses)}" if clauses else select), values


class ArticleQueries(StoreBase):
    def has_article(self, article_id: str) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return row is not None

    def add_article(
        self, article: Article, analysis: Analysis | None = None, rows: ArticleRows | None = None
    ) -> bool:
        """Store an article; False (and the article not written) when its id is already stored.

        With ``analysis`` store that too, as ``put_analysis`` would, also when the article was
        stored before; a new article's text is then indexed once, with the names the analysis
        found (indexing it and then its names costs two passes over the text). ``rows``, the
        values :func:`~newsloom.store.rows.article_rows` made of this article and analysis
        where they were made, are written as they are instead of being made again.
        """
        with self.transaction() as connection:
            if self.has_article(article.id):
                if analysis is not None:
                    put_analysis(connection, analysis)
                return False
            connection.execute(
                "INSERT INTO articles (id, content_hash, title, language, published,"
                " published_utc, published_precision, published_origin, source, url, agencies,"
                " external_id, origin, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.content_hash,
                    article.title,
                    article.language,
                    article.published.isoformat() if article.published else None,
                    utc_sort_key(article.published),
                    article.published_precision,
                    article.published_origin,
                    article.source,
                    article.url,
                    json.dumps(list(article.agencies)),
                    article.external_id,
                    article.origin,
                    utc_now(),
                ),
            )
            connection.insert_rows(
                "paragraphs",
                ("article_id", "position", "text", "kind", "language"),
                [
                    (article.id, p.index, p.text, p.kind.value, p.language)
                    for p in article.paragraphs
                ],
            )
            title, body = indexed_text(article)
            names = forms = None
            if analysis is not None and analysis.article_id == article.id:
                if rows is not None and rows.article_id == article.id:
                    write_analysis(connection, analysis, rows.payload)
                    names, forms = rows.names, rows.forms
                else:
                    write_analysis(connection, analysis)
                    names = names_of(article.id, article.language, analysis.entities)
            index_article(connection, article.id, article.language, title, body, names, forms)
            if analysis is not None and analysis.article_id != article.id:
                put_analysis(connection, analysis)
        return True

    def put_inferred_date(self, article_id: str, inferred: PublishedDate | None) -> None:
        """Date an article as its story infers (the date it was given is kept aside), or with
        ``None`` give it back the date it came with."""
        with self.transaction() as connection:
            given = connection.execute(
                "SELECT * FROM given_dates WHERE article_id = ?", (article_id,)
            ).fetchone()
            if inferred is None:
                if given is not None:
                    connection.execute(
                        "UPDATE articles SET published = ?, published_utc = ?,"
                        " published_precision = ?, published_origin = ?,"
                        " published_evidence = NULL WHERE id = ?",
                        (
                            given["published"],
                            utc_sort_key(
                                datetime.fromisoformat(given["published"])
                                if given["published"]
                                else None
                            ),
                            given["published_precision"],
                            given["published_origin"],
                            article_id,
                        ),
                    )
                    connection.execute(
                        "DELETE FROM given_dates WHERE article_id = ?", (article_id,)
                    )
                return
            if given is None:
                connection.execute(
                    "INSERT INTO given_dates (article_id, published, published_precision,"
                    " published_origin) SELECT id, published, published_precision,"
                    " published_origin FROM articles WHERE id = ?",
                    (article_id,),
                )
            connection.execute(
                "UPDATE articles SET published = ?, published_utc = ?, published_precision = ?,"
                " published_origin = ?, published_evidence = ? WHERE id = ?",
                (
                    inferred.value.isoformat(),
                    utc_sort_key(inferred.value),
                    inferred.precision,
                    inferred.origin,
                    inferred.evidence,
                    article_id,
                ),
            )

    def given_dates(self, article_ids: Sequence[str]) -> dict[str, PublishedDate | None]:
        """The dates articles came with, for those whose date their story inferred since."""
        found: dict[str, PublishedDate | None] = {}
        for start in range(0, len(article_ids), 500):
            part = list(article_ids[start : start + 500])
            rows = self.connection.execute(
                f"SELECT * FROM given_dates WHERE article_id IN ({', '.join('?' * len(part))})",
                part,
            ).fetchall()
            for row in rows:
                found[row["article_id"]] = (
                    PublishedDate(
                        datetime.fromisoformat(row["published"]),
                        DatePrecision(row["published_precision"] or DatePrecision.TIME),
                        DateOrigin(row["published_origin"] or DateOrigin.METADATA),
                    )
                    if row["published"]
                    else None
                )
        return found

    def stories_to_date(self, story_ids: Sequence[str]) -> list[str]:
        """Those of ``story_ids`` with an article not dated to the day, or dated by inference."""
        found: list[str] = []
        for start in range(0, len(story_ids), 500):
            part = list(story_ids[start : start + 500])
            rows = self.connection.execute(
                "SELECT DISTINCT sa.story_id FROM story_articles sa JOIN articles a"
                " ON a.id = sa.article_id WHERE sa.story_id IN"
                f" ({', '.join('?' * len(part))}) AND (a.published IS NULL"
                " OR a.published_precision IN ('year', 'month')"
                " OR a.published_origin = 'inferred')",
                part,
            ).fetchall()
            found.extend(row["story_id"] for row in rows)
        return sorted(found)

    def get_article(self, article_id: str) -> Article | None:
        row = self.connection.execute(
            "SELECT * FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        paragraphs = self.connection.execute(
            "SELECT * FROM paragraphs WHERE article_id = ? ORDER BY position", (article_id,)
        ).fetchall()
        return article_from_rows(row, paragraphs)

    def find_article_ids(self, prefix: str) -> list[str]:
        """Ids starting with ``prefix`` (users type short ids) or equal to an external id/URL."""
        rows = self.connection.execute(
            "SELECT id FROM articles WHERE id LIKE ? OR external_id = ? OR url = ?"
            " ORDER BY id LIMIT 10",
            (prefix.replace("%", "").replace("_", r"\_") + "%", prefix, prefix),
        ).fetchall()
        return [row["id"] for row in rows]

    def list_articles(self, where: ArticleFilter | None = None) -> list[Article]:
        where = where or ArticleFilter()
        sql, values = _filtered("SELECT a.id FROM articles a", where)
        if where.newest_first:
            sql += " ORDER BY a.published_utc IS NULL, a.published_utc DESC, a.rowid DESC"
        else:
            sql += " ORDER BY a.published_utc IS NULL, a.published_utc, a.rowid"
        if where.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            values += [where.limit, where.offset]
        ids = [row["id"] for row in self.connection.execute(sql, values).fetchall()]
        return [article for article in map(self.get_article, ids) if article is not None]

    def iter_articles(self, batch_size: int = 500) -> Iterator[Article]:
        """Every stored article in publication order (undated last)."""
        offset = 0
        while True:
            batch = self.list_articles(ArticleFilter(limit=batch_size, offset=offset))
            if not batch:
                return
            yield from batch
            offset += batch_size

    def count_articles(self, where: ArticleFilter | None = None) -> int:
        """How many articles there are, or match ``where`` (its limit and offset aside)."""
        sql, values = _filtered("SELECT count(*) AS n FROM articles a", where or ArticleFilter())
        return int(self.connection.execute(sql, values).fetchone()["n"])

    def article_ids_with_hash(self, content_hash: str) -> list[str]:
        rows = self.connection.execute(
            "SELECT id FROM articles WHERE content_hash = ?"
            " ORDER BY published_utc IS NOT NULL, published_utc, rowid",
            (content_hash,),
        ).fetchall()
        return [row["id"] for row in rows]
