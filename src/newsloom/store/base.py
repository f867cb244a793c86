"""The SQLite connection, transactions and migrations shared by every table group."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
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
        self._depth = 0
        self._lock_depth = 0
        self._lock_fd: int | None = None
        self._thread_lock = threading.RLock()
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
                self.connection.execute("PRAGMA synchronous = NORMAL")
                if not self._up_to_date():
                    with self.writer_lock():  # two first runs on a new file must not race
                        self.connection.execute("PRAGMA journal_mode = WAL")
                        self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"database {self.path}: {error}") from error

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

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Hold the database's one writer lock: one process (and thread) at a time assigns.

        An exclusive ``flock`` on ``<database>.lock`` beside the file, so it spans processes and
        is released when a process dies. Re-entrant within one store object.
        """
        if self.read_only:
            raise StoreError(f"database {self.path} is open read-only")
        with self._thread_lock:
            if self._lock_depth == 0:
                lock_path = f"{self.path}.lock"
                try:
                    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
                except OSError as error:
                    raise StoreError(
                        f"database {self.path}: cannot open the writer lock {lock_path}: {error}"
                    ) from error
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                except BaseException:
                    os.close(fd)
                    raise
                self._lock_fd = fd
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
                if self._lock_depth == 0 and self._lock_fd is not None:
                    fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
                    os.close(self._lock_fd)
                    self._lock_fd = None

    def write_generation(self) -> int:
        """How many assign commits the database has seen, by any process."""
        row = self.connection.execute(
            "SELECT generation FROM writer_generation WHERE id = 1"
        ).fetchone()
        return int(row["generation"]) if row else 0

    def bump_generation(self) -> int:
        """Count one more assign commit (inside the caller's transaction); the new generation."""
        with self.transaction() as connection:
            connection.execute(
                "INSERT INTO writer_generation (id, generation) VALUES (1, 1)"
                " ON CONFLICT (id) DO UPDATE SET generation = generation + 1"
            )
        return self.write_generation()

    def applied_migrations(self) -> list[str]:
        rows = self.connection.execute("SELECT name FROM migrations ORDER BY name").fetchall()
        return [row["name"] for row in rows]

    def _up_to_date(self) -> bool:
        """Whether the file is in WAL mode with every migration applied (no lock needed then)."""
        mode = self.connection.execute("PRAGMA journal_mode").fetchone()[0]
        try:
            done = set(self.applied_migrations())
        except sqlite3.OperationalError:  # no migrations table yet
            return False
        return str(mode).lower() == "wal" and done >= {name for name, _ in MIGRATIONS}

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
                applied = self.connection.execute(
                    "SELECT 1 FROM migrations WHERE name = ?", (name,)
                ).fetchone()
                if applied is not None:  # another process applied it since we looked
                    self.connection.commit()
                    continue
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
