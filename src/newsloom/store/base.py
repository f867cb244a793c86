"""The connection, transactions and migrations shared by every table group."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from newsloom.errors import StoreError
from newsloom.store.connection import Connection
from newsloom.store.migrations import MIGRATIONS, Migration, statements

MIGRATIONS_TABLE: Migration = (
    "000_migrations",
    "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StoreBase:
    """Owns the connection. Table groups (articles, analyses, reuse, stories) build on it."""

    def __init__(self, connection: Connection, *, read_only: bool = False) -> None:
        self.connection = connection
        self.dialect = connection.dialect
        self.read_only = read_only
        self._depth = 0
        self._lock_depth = 0
        self._thread_lock = threading.RLock()
        if not read_only:
            self._migrate()
        elif not self._has_migrations_table():
            connection.close()
            raise StoreError(f"database {connection.name} holds no newsloom tables yet")
        else:
            missing = [name for name, _ in MIGRATIONS if name not in self.applied_migrations()]
            if missing:
                connection.close()
                raise StoreError(
                    f"database {connection.name} lacks migrations {', '.join(missing)}; open it"
                    " for writing once (newsloom ingest, or serve without --read-only)"
                )

    def close(self) -> None:
        self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A unit of work: everything inside commits together or not at all. Nests.

        It holds the database's write lock, so writers take turns (SQLite ``BEGIN IMMEDIATE``, a
        PostgreSQL advisory lock); readers are never blocked.
        """
        if self.read_only:
            raise StoreError(f"database {self.connection.name} is open read-only")
        if self._depth == 0:
            self.connection.begin()
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
    def savepoint(self) -> Iterator[Connection]:
        """A unit of work inside a transaction that is undone alone when it raises (a SQL
        ``SAVEPOINT``): the transaction goes on with what was written before it, and commits it
        when it ends. Outside a transaction it is one (:meth:`transaction`)."""
        if self._depth == 0:
            with self.transaction() as connection:
                yield connection
            return
        name = f"newsloom_{self._depth}"
        self.connection.savepoint(name)
        self._depth += 1
        try:
            yield self.connection
            self.connection.release(name)  # PostgreSQL: raises what failed in it, pipelined
        except BaseException:
            self._depth -= 1
            self.connection.rollback_to(name)
            raise
        self._depth -= 1

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Hold the database's one writer lock: one process (and thread) at a time assigns.

        Spans processes and is released when a process dies (a ``flock`` beside a SQLite file,
        a session advisory lock on PostgreSQL). Re-entrant within one store object.
        """
        if self.read_only:
            raise StoreError(f"database {self.connection.name} is open read-only")
        with self._thread_lock:
            if self._lock_depth == 0:
                self.connection.lock_writer()
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
                if self._lock_depth == 0:
                    self.connection.unlock_writer()

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
                " ON CONFLICT (id) DO UPDATE SET generation = writer_generation.generation + 1"
            )
        return self.write_generation()

    def applied_migrations(self) -> list[str]:
        rows = self.connection.execute("SELECT name FROM migrations ORDER BY name").fetchall()
        return [row["name"] for row in rows]

    def _has_migrations_table(self) -> bool:
        try:
            self.connection.execute("SELECT count(*) FROM migrations").fetchone()
        except self.connection.errors:
            return False
        return True

    def _after_migration(self, name: str, connection: Connection) -> None:
        """Work a migration needs beyond SQL (a table group overrides it, calling ``super()``),
        in the migration's transaction."""

    def _migrate(self) -> None:
        for migration in (MIGRATIONS_TABLE, *MIGRATIONS):
            name = migration[0]
            try:
                with self.transaction() as connection:  # the write lock: one migrator at a time
                    if name != MIGRATIONS_TABLE[0] and name in self.applied_migrations():
                        continue
                    for statement in statements(migration, self.dialect):
                        connection.execute(statement)
                    self._after_migration(name, connection)
                    if name != MIGRATIONS_TABLE[0]:
                        connection.execute(
                            "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                            (name, utc_now()),
                        )
            except self.connection.errors as error:
                raise StoreError(
                    f"database {self.connection.name}: migration {name} failed: {error}"
                ) from error


SQLiteBase = StoreBase  # the name table groups used before PostgreSQL came
