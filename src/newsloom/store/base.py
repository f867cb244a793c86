"""The SQLite connection, transactions and migrations shared by every table group."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from newsloom.errors import StoreError
from newsloom.store.migrations import MIGRATIONS


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteBase:
    """Owns the connection. Table groups (articles, analyses, reuse, stories) build on it."""

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            if read_only:
                if not self.path.exists():
                    raise StoreError(f"database {self.path} does not exist")
                self.connection = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
                )
            else:
                if self.path.parent and not self.path.parent.exists():
                    raise StoreError(
                        f"database {self.path}: folder {self.path.parent} does not exist"
                    )
                self.connection = sqlite3.connect(self.path, check_same_thread=False)
            self.connection.row_factory = sqlite3.Row
            self.connection.execute("PRAGMA foreign_keys = ON")
            self.connection.execute("PRAGMA busy_timeout = 30000")
            if not read_only:
                self.connection.execute("PRAGMA journal_mode = WAL")
                self.connection.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"database {self.path}: {error}") from error
        self._depth = 0

    def close(self) -> None:
        self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A unit of work: everything inside commits together or not at all. Nests."""
        if self.read_only:
            raise StoreError(f"database {self.path} is open read-only")
        if self._depth == 0:
            self.connection.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield self.connection
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.connection.rollback()
            raise
        self._depth -= 1
        if self._depth == 0:
            self.connection.commit()

    def applied_migrations(self) -> list[str]:
        rows = self.connection.execute("SELECT name FROM migrations ORDER BY name").fetchall()
        return [row["name"] for row in rows]

    def _migrate(self) -> None:
        self.connection.execute(
            "CREATE TABLE IF NOT EXISTS migrations"
            " (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        self.connection.commit()
        done = set(self.applied_migrations())
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            try:
                self.connection.execute("BEGIN IMMEDIATE")
                for statement in _statements(sql):
                    self.connection.execute(statement)
                self.connection.execute(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, utc_now())
                )
                self.connection.commit()
            except sqlite3.DatabaseError as error:
                self.connection.rollback()
                raise StoreError(
                    f"database {self.path}: migration {name} failed: {error}"
                ) from error


def _statements(sql: str) -> list[str]:
    return [part.strip() for part in sql.split(";") if part.strip()]
