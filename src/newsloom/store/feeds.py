"""What ``newsloom watch`` remembers per feed: validators, failures, back-off and items seen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsloom.store.base import SQLiteBase, utc_now


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0  # consecutive failed polls
    next_poll: float | None = None  # epoch seconds before which the feed is left alone
    polled_at: str | None = None
    last_status: str | None = None  # what the last poll did, as shown to the user


class FeedQueries(SQLiteBase):
    def feed_state(self, url: str) -> FeedState:
        row = self.connection.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            return FeedState(url)
        return FeedState(
            url=row["url"],
            etag=row["etag"],
            last_modified=row["last_modified"],
            failures=int(row["failures"]),
            next_poll=row["next_poll"],
            polled_at=row["polled_at"],
            last_status=row["last_status"],
        )

    def put_feed_state(self, state: FeedState) -> None:
        with self.transaction() as connection:
            connection.execute(
                "INSERT INTO feeds (url, etag, last_modified, failures, next_poll, polled_at,"
                " last_status) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,"
                " last_modified = excluded.last_modified, failures = excluded.failures,"
                " next_poll = excluded.next_poll, polled_at = excluded.polled_at,"
                " last_status = excluded.last_status",
                (
                    state.url,
                    state.etag,
                    state.last_modified,
                    state.failures,
                    state.next_poll,
                    state.polled_at or utc_now(),
                    state.last_status,
                ),
            )

    def seen_feed_items(self, url: str) -> set[str]:
        rows = self.connection.execute(
            "SELECT item_key FROM feed_items WHERE feed_url = ?", (url,)
        ).fetchall()
        return {row["item_key"] for row in rows}

    def add_feed_items(self, url: str, keys: Iterable[str]) -> None:
        """Record items of the feed at ``url`` as seen (the feed must have a state row)."""
        now = utc_now()
        with self.transaction() as connection:
            connection.executemany(
                "INSERT OR IGNORE INTO feed_items (feed_url, item_key, seen_at) VALUES (?, ?, ?)",
                [(url, key, now) for key in keys],
            )

    def list_feeds(self) -> list[FeedState]:
        rows = self.connection.execute("SELECT url FROM feeds ORDER BY url").fetchall()
        return [self.feed_state(row["url"]) for row in rows]
