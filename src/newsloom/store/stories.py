"""Stories and which article belongs to which."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsloom.dates import stored_iso
from newsloom.store.base import StoreBase, utc_now
from newsloom.store.connection import Row
from newsloom.vectors import Vector, pack, unpack

# The published value with its precision, so that the earliest and latest keep theirs (stored_iso).
# the earliest/latest instant, carrying the published value and precision it was given with
PUBLISHED_AT_PRECISION = (
    "a.published_utc || '|' || a.published || '|' || coalesce(a.published_precision, '')"
)


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: str
    title: str
    article_ids: tuple[str, ...]
    first_seen: str | None  # ISO 8601 at the precision of the earliest article's date
    last_seen: str | None
    languages: tuple[str, ...]
    outlets: tuple[str, ...]


class StoryQueries(StoreBase):
    def put_story(
        self,
        story_id: str,
        title: str,
        state: bytes | None = None,
        last_activity: float | None = None,
    ) -> None:
        """Create or update a story; ``last_activity``: its newest article's epoch seconds."""
        with self.transaction() as connection:
            connection.execute(
                "INSERT INTO stories (id, title, state, updated_at, last_activity)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                " state = coalesce(excluded.state, stories.state),"
                " updated_at = excluded.updated_at,"
                " last_activity = coalesce(excluded.last_activity, stories.last_activity)",
                (story_id, title, state, utc_now(), last_activity),
            )

    def story_state(self, story_id: str) -> bytes | None:
        """The clusterer's saved state of one story."""
        row = self.connection.execute(
            "SELECT state FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        return bytes(row["state"]) if row and row["state"] is not None else None

    def latest_story_activity(self) -> float | None:
        row = self.connection.execute("SELECT max(last_activity) AS latest FROM stories").fetchone()
        return float(row["latest"]) if row and row["latest"] is not None else None

    def active_story_states(
        self, since: float, limit: int | None = None
    ) -> list[tuple[str, bytes]]:
        """Saved states of the stories with an article at or after ``since`` (epoch seconds),
        least recently active first."""
        sql = (
            "SELECT id, state FROM stories WHERE last_activity >= ? AND state IS NOT NULL"
            " ORDER BY last_activity, id"
        )
        values: list[object] = [since]
        if limit is not None:
            sql += " LIMIT ?"
            values.append(limit)
        rows = self.connection.execute(sql, values).fetchall()
        return [(row["id"], bytes(row["state"])) for row in rows]

    def add_cluster_terms(self, features: Iterable[str]) -> None:
        """Count one more clustered article and, for each of its features, one more article."""
        with self.transaction() as connection:
            connection.executemany(
                "INSERT INTO cluster_terms (feature, articles) VALUES (?, 1)"
                " ON CONFLICT (feature) DO UPDATE SET articles = cluster_terms.articles + 1",
                [("",), *((feature,) for feature in set(features) if feature)],
            )

    def cluster_terms(self) -> dict[str, int]:
        """Feature → number of clustered articles having it; ``""`` → number of articles."""
        rows = self.connection.execute("SELECT feature, articles FROM cluster_terms").fetchall()
        return {row["feature"]: int(row["articles"]) for row in rows}

    def add_cluster_gaps(self, counts: Mapping[str, int]) -> None:
        """Add the clusterer's time-prior counts for one article
        (:mod:`newsloom.assign.cluster_gaps`)."""
        with self.transaction() as connection:
            connection.executemany(
                "INSERT INTO cluster_gaps (bucket, articles) VALUES (?, ?)"
                " ON CONFLICT (bucket) DO UPDATE"
                " SET articles = cluster_gaps.articles + excluded.articles",
                sorted(counts.items()),
            )

    def cluster_gaps(self) -> dict[str, int]:
        """Time-prior bucket (``same:KEY`` / ``other:KEY``) → count."""
        rows = self.connection.execute("SELECT bucket, articles FROM cluster_gaps").fetchall()
        return {row["bucket"]: int(row["articles"]) for row in rows}

    def put_cluster_embedding(self, language: str, articles: int, total: Vector) -> None:
        """Keep a language's running sum of embeddings: ``total`` over ``articles`` clustered
        articles (the clusterer keeps the sum; stored packed, :func:`newsloom.vectors.pack`)."""
        with self.transaction() as connection:
            connection.execute(
                "INSERT INTO cluster_embeddings (language, articles, total) VALUES (?, ?, ?)"
                " ON CONFLICT (language) DO UPDATE SET articles = excluded.articles,"
                " total = excluded.total",
                (language, articles, pack(total)),
            )

    def cluster_embeddings(self) -> dict[str, tuple[int, Vector]]:
        """Language → (clustered articles with an embedding, the sum of their embeddings)."""
        rows = self.connection.execute(
            "SELECT language, articles, total FROM cluster_embeddings"
        ).fetchall()
        return {row["language"]: (int(row["articles"]), unpack(row["total"])) for row in rows}

    def assign_story(self, article_id: str, story_id: str) -> None:
        with self.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO story_articles (article_id, story_id) VALUES (?, ?)",
                (article_id, story_id),
            )

    def story_of(self, article_id: str) -> str | None:
        row = self.connection.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row["story_id"] if row else None

    def story_states(self) -> list[tuple[str, bytes | None]]:
        rows = self.connection.execute("SELECT id, state FROM stories ORDER BY rowid").fetchall()
        return [(row["id"], row["state"]) for row in rows]

    def list_stories(
        self, *, order: str = "newest", limit: int | None = 50, language: str | None = None
    ) -> list[StoryRow]:
        undated_last = (
            "max(a.published_utc) IS NULL"  # NULLs sort first in SQLite, last in PostgreSQL
        )
        orders = {
            "newest": f"{undated_last}, last_seen DESC, s.id",
            "biggest": f"size DESC, {undated_last}, last_seen DESC, s.id",
        }
        if order not in orders:
            raise ValueError(f"order must be one of {', '.join(orders)}, not {order!r}")
        sql = (
            "SELECT s.id, s.title, count(*) AS size,"
            f" min({PUBLISHED_AT_PRECISION}) AS first_seen,"
            f" max({PUBLISHED_AT_PRECISION}) AS last_seen,"
            " group_concat(DISTINCT a.language) AS languages,"
            " group_concat(DISTINCT a.source) AS outlets,"
            " group_concat(a.id) AS article_ids"
            " FROM stories s JOIN story_articles sa ON sa.story_id = s.id"
            " JOIN articles a ON a.id = sa.article_id"
        )
        values: list[object] = []
        if language:
            sql += " WHERE s.id IN (SELECT sa2.story_id FROM story_articles sa2"
            sql += " JOIN articles a2 ON a2.id = sa2.article_id WHERE a2.language = ?)"
            values.append(language)
        sql += f" GROUP BY s.id ORDER BY {orders[order]}"
        if limit is not None:
            sql += " LIMIT ?"
            values.append(limit)
        return [_story_row(row) for row in self.connection.execute(sql, values).fetchall()]

    def get_story_row(self, story_id: str) -> StoryRow | None:
        for row in self.connection.execute(
            f"SELECT s.id, s.title, min({PUBLISHED_AT_PRECISION}) AS first_seen,"
            f" max({PUBLISHED_AT_PRECISION}) AS last_seen,"
            " group_concat(DISTINCT a.language) AS languages,"
            " group_concat(DISTINCT a.source) AS outlets, group_concat(a.id) AS article_ids"
            " FROM stories s JOIN story_articles sa ON sa.story_id = s.id"
            " JOIN articles a ON a.id = sa.article_id WHERE s.id = ? GROUP BY s.id",
            (story_id,),
        ).fetchall():
            return _story_row(row)
        return None

    def find_story_ids(self, prefix: str) -> list[str]:
        rows = self.connection.execute(
            "SELECT id FROM stories WHERE id LIKE ? ORDER BY id LIMIT 10",
            (prefix.replace("%", "") + "%",),
        ).fetchall()
        return [row["id"] for row in rows]


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(sorted(part for part in (value or "").split(",") if part))


def _story_row(row: Row) -> StoryRow:
    return StoryRow(
        id=row["id"],
        title=row["title"],
        article_ids=tuple((row["article_ids"] or "").split(",")),
        first_seen=stored_iso(row["first_seen"]),
        last_seen=stored_iso(row["last_seen"]),
        languages=_split(row["languages"]),
        outlets=_split(row["outlets"]),
    )
