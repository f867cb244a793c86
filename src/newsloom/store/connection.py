"""What the table groups need of a database connection, and SQLite's.

Store methods write SQLite-flavoured SQL with ``?`` placeholders; a connection runs it on its
database (:mod:`newsloom.store.postgres` translates it for PostgreSQL). Besides ``execute`` a
connection has ``insert_rows`` for bulk inserts (COPY on PostgreSQL) and the unit-of-work verbs
``begin`` / ``commit`` / ``rollback``; ``begin`` takes the database's write lock, so one writer at
a time runs a transaction (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock). Inside one,
``savepoint`` / ``release`` / ``rollback_to`` mark a part that can be undone alone.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from newsloom.errors import StoreError

Values = Sequence[Any]


class Row(Protocol):
    """A result row, read by column name or position (``sqlite3.Row`` and ours for PostgreSQL)."""

    def __getitem__(self, key: str | int, /) -> Any: ...


class Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    dialect: str  # "sqlite" or "postgresql"
    name: str  # what error messages call the database (a path, or a URL without password)
    errors: tuple[type[Exception], ...]  # what the driver raises for a failed statement

    def execute(self, sql: str, values: Values = ()) -> Cursor: ...
    def executemany(self, sql: str, rows: Iterable[Values]) -> None: ...
    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Values]) -> None: ...
    def begin(self) -> None: ...
    def lock_writer(self) -> None: ...  # wait for the database's one writer lock (across processes)
    def unlock_writer(self) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def savepoint(self, name: str) -> None: ...  # inside a transaction: a part undone alone
    def release(self, name: str) -> None: ...  # keep what the part wrote (in the transaction)
    def rollback_to(self, name: str) -> None: ...  # undo the part; the transaction goes on
    def close(self) -> None: ...


class SQLiteConnection:
    """One SQLite file (WAL, foreign keys on, 30 s busy timeout)."""

    dialect = "sqlite"
    errors: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)

    def __init__(self, path: Path, *, read_only: bool) -> None:
        self.path = path
        self.name = str(path)
        self._lock_fd: int | None = None
        try:
            if read_only:
                if not path.exists():
                    raise StoreError(f"database {path} does not exist")
                raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            else:
                if path.parent and not path.parent.exists():
                    raise StoreError(f"database {path}: folder {path.parent} does not exist")
                raw = sqlite3.connect(path, check_same_thread=False)
            raw.row_factory = sqlite3.Row
            raw.execute("PRAGMA foreign_keys = ON")
            raw.execute("PRAGMA busy_timeout = 30000")
            if not read_only:
                mode = str(raw.execute("PRAGMA journal_mode").fetchone()[0]).lower()
                if mode != "wal":  # two first runs on a new file must not switch it at once
                    self.lock_writer()
                    try:
                        raw.execute("PRAGMA journal_mode = WAL")
                    finally:
                        self.unlock_writer()
                raw.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"database {path}: {error}") from error
        self.raw = raw

    def execute(self, sql: str, values: Values = ()) -> sqlite3.Cursor:
        return self.raw.execute(sql, values)

    def executemany(self, sql: str, rows: Iterable[Values]) -> None:
        self.raw.executemany(sql, rows)

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Values]) -> None:
        marks = ", ".join("?" * len(columns))
        self.raw.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def begin(self) -> None:
        self.raw.execute("BEGIN IMMEDIATE")

    def lock_writer(self) -> None:
        """An exclusive ``flock`` on ``<database>.lock`` beside the file."""
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

    def unlock_writer(self) -> None:
        fd, self._lock_fd = self._lock_fd, None
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def commit(self) -> None:
        self.raw.commit()

    def rollback(self) -> None:
        self.raw.rollback()

    def savepoint(self, name: str) -> None:
        self.raw.execute(f"SAVEPOINT {name}")

    def release(self, name: str) -> None:
        self.raw.execute(f"RELEASE SAVEPOINT {name}")

    def rollback_to(self, name: str) -> None:
        self.raw.execute(f"ROLLBACK TO SAVEPOINT {name}")
        self.raw.execute(f"RELEASE SAVEPOINT {name}")

    def close(self) -> None:
        self.raw.close()
