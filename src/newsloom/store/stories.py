"""Stories and which article belongs to which."""

from __future__ import annotations

from dataclasses import dataclass

from newsloom.store.base import SQLiteBase, utc_now


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: str
    title: str
    article_ids: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None
    languages: tuple[str, ...]
    outlets: tuple[str, ...]


class StoryQueries(SQLiteBase):
    def put_story(self, story_id: str, title: str, state: bytes | None = None) -> None:
        with self.transaction() as connection:
            connection.execute(
                "INSERT INTO stories (id, title, state, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                " state = coalesce(excluded.state, stories.state), updated_at = excluded.updated_at",
                (story_id, title, state, utc_now()),
            )

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
        orders = {"newest": "last_seen DESC", "biggest": "size DESC, last_seen DESC"}
        if order not in orders:
            raise ValueError(f"order must be one of {', '.join(orders)}, not {order!r}")
        sql = (
            "SELECT s.id, s.title, count(*) AS size, min(a.published) AS first_seen,"
            " max(a.published) AS last_seen,"
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
            "SELECT s.id, s.title, min(a.published) AS first_seen, max(a.published) AS last_seen,"
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
            "SELECT id FROM stories WHERE id LIKE ? LIMIT 10", (prefix.replace("%", "") + "%",)
        ).fetchall()
        return [row["id"] for row in rows]


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(sorted(part for part in (value or "").split(",") if part))


def _story_row(row: object) -> StoryRow:
    get = row.__getitem__  # sqlite3.Row
    return StoryRow(
        id=get("id"),
        title=get("title"),
        article_ids=tuple((get("article_ids") or "").split(",")),
        first_seen=get("first_seen"),
        last_seen=get("last_seen"),
        languages=_split(get("languages")),
        outlets=_split(get("outlets")),
    )
