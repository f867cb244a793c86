"""A PostgreSQL connection that runs the store's SQLite-flavoured SQL (psycopg 3).

The table groups write one SQL text for both databases; :func:`translate` turns the few SQLite
spellings they use into PostgreSQL's: ``?`` placeholders, ``group_concat``, case-insensitive
``LIKE``, ``INSERT OR IGNORE`` and ``INSERT OR REPLACE`` (an upsert on the table's primary key).
Every table has a ``rowid`` identity column (see :mod:`newsloom.store.migrations`), so ``ORDER BY
rowid`` means insertion order on both. Bulk inserts use COPY. A transaction takes an advisory
lock per schema, PostgreSQL's counterpart of SQLite's ``BEGIN IMMEDIATE``: one writer at a time.
Inside a transaction statements are pipelined: sent without waiting for each answer.

The URL is libpq's: ``postgresql://[user@]host[:port]/database[?options=-csearch_path%3Dschema]``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, suppress
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsloom.errors import StoreError
from newsloom.store.connection import Values

if TYPE_CHECKING:
    import psycopg

SCHEMES = ("postgresql", "postgres")
COPY_ROWS = 64  # a bulk insert of this many rows or more uses COPY
LOCK_TIMEOUT = "30s"  # how long a writer waits for another one, as SQLite's busy timeout

_GROUP_CONCAT = re.compile(r"\bgroup_concat\(([^()]*)\)", re.IGNORECASE)
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*\(([^)]*)\)", re.I)
_LIKE = re.compile(r"\bLIKE\b")


def display_url(url: str) -> str:
    """``url`` without its password, for messages."""
    return re.sub(r"(//[^:/@]+):[^@/]*@", r"\1:***@", url)


@lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """The PostgreSQL spelling of a store statement (outside string literals)."""
    parts = sql.split("'")
    for index in range(0, len(parts), 2):  # even parts are outside quotes
        part = parts[index].replace("%", "%%").replace("?", "%s")
        part = _GROUP_CONCAT.sub(_string_agg, part)
        parts[index] = _LIKE.sub("ILIKE", part)
    return "'".join(parts)


def _string_agg(match: re.Match[str]) -> str:
    argument = match.group(1)
    return f"string_agg({argument})" if "," in argument else f"string_agg({argument}, ',')"


class Row:
    """A result row by column name or position, like ``sqlite3.Row``."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: Sequence[Any]) -> None:
        self._index = index
        self._values = values

    def __getitem__(self, key: str | int) -> Any:
        return self._values[key if isinstance(key, int) else self._index[key]]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: Any) -> Any:
    names = [column.name for column in cursor.description or ()]
    index = {name: position for position, name in enumerate(names)}
    return lambda values: Row(index, values)


class PostgresConnection:
    """One PostgreSQL database (and schema, from the URL's search_path)."""

    dialect = "postgresql"

    def __init__(self, url: str, *, read_only: bool) -> None:
        try:
            import psycopg
        except ImportError as error:
            raise StoreError(
                f"database {display_url(url)}: PostgreSQL needs the optional package psycopg"
                " (pip install 'newsloom[postgres]')"
            ) from error
        self.name = display_url(url)
        self.errors: tuple[type[Exception], ...] = (psycopg.Error,)
        libpq_url = "postgresql://" + url.partition("://")[2]
        try:
            self.raw: psycopg.Connection[Any] = psycopg.connect(
                libpq_url, autocommit=True, row_factory=_row_factory, connect_timeout=10
            )
            self.raw.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
            # as SQLite's WAL with synchronous=NORMAL: a server crash may lose the last commits
            # (never half of one); a killed client loses nothing committed
            self.raw.execute("SET synchronous_commit = off")
            if read_only:
                self.raw.execute("SET default_transaction_read_only = on")
            schema = self.raw.execute("SELECT current_schema()").fetchone()
        except psycopg.Error as error:
            raise StoreError(f"database {self.name}: {error}".strip()) from error
        if schema is None or schema[0] is None:
            raise StoreError(
                f"database {self.name}: no schema to work in (the search_path names none that"
                " exists; create it or drop the search_path option)"
            )
        self.schema: str = schema[0]
        self._primary_keys: dict[str, list[str]] | None = None
        self._pipeline: AbstractContextManager[Any] | None = None
        self._pipelined: Any = None  # the psycopg Pipeline it entered

    def execute(self, sql: str, values: Values = ()) -> Any:
        return self.raw.execute(self._translate(sql), tuple(values))

    def executemany(self, sql: str, rows: Iterable[Values]) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(self._translate(sql), [tuple(row) for row in rows])

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Values]) -> None:
        """Bulk insert: COPY from :data:`COPY_ROWS` rows on, a pipelined INSERT below that."""
        rows = list(rows)
        if not rows:
            return
        if len(rows) < COPY_ROWS:
            marks = ", ".join("?" * len(columns))
            self.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
            return
        pipelined = self._pipeline is not None
        if pipelined:
            self._leave_pipeline()  # COPY cannot run in a pipeline; the transaction goes on
        with (
            self.raw.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        if pipelined:
            self._enter_pipeline()

    def begin(self) -> None:
        """Start a transaction holding the schema's write lock, its statements pipelined (sent
        without waiting for each answer; reading a result waits for what came before)."""
        self._enter_pipeline()
        self.raw.execute("BEGIN")
        self.raw.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"newsloom:{self.schema}",))

    def lock_writer(self) -> None:
        """The schema's session advisory writer lock, waited for without the statement lock
        timeout (another writer may hold it for a whole chunk of articles)."""
        key = (f"newsloom-writer:{self.schema}",)
        while True:
            row = self.raw.execute("SELECT pg_try_advisory_lock(hashtext(%s))", key).fetchone()
            if row is not None and row[0]:
                return
            time.sleep(0.1)

    def unlock_writer(self) -> None:
        if not self.raw.closed:
            key = (f"newsloom-writer:{self.schema}",)
            self.raw.execute("SELECT pg_advisory_unlock(hashtext(%s))", key)

    def commit(self) -> None:
        try:
            self.raw.execute("COMMIT")
            self._leave_pipeline()  # raises what failed in the pipeline
        except BaseException:
            self.rollback()
            raise

    def rollback(self) -> None:
        if self._pipeline is not None:
            with suppress(*self.errors):  # the statement that failed raised its error already
                self._leave_pipeline()
        if not self.raw.closed:
            self.raw.execute("ROLLBACK")

    def savepoint(self, name: str) -> None:
        self.raw.execute(f"SAVEPOINT {name}")

    def release(self, name: str) -> None:
        """Keep the savepoint's writes; first wait for its pipelined statements, raising what
        failed among them (else the error would show at the commit, undoing the others)."""
        self.raw.execute(f"RELEASE SAVEPOINT {name}")
        if self._pipelined is not None:
            self._pipelined.sync()

    def rollback_to(self, name: str) -> None:
        """Undo to the savepoint; also after a failed statement, which left the transaction
        aborted (and the pipeline with it: it is left, its error already raised, and entered
        again)."""
        pipelined = self._pipeline is not None
        if pipelined:
            with suppress(*self.errors):  # the statement that failed raised its error already
                self._leave_pipeline()
        self.raw.execute(f"ROLLBACK TO SAVEPOINT {name}")
        self.raw.execute(f"RELEASE SAVEPOINT {name}")
        if pipelined:
            self._enter_pipeline()

    def _enter_pipeline(self) -> None:
        self._pipeline = self.raw.pipeline()
        self._pipelined = self._pipeline.__enter__()

    def _leave_pipeline(self) -> None:
        pipeline, self._pipeline, self._pipelined = self._pipeline, None, None
        if pipeline is not None:
            pipeline.__exit__(None, None, None)

    def close(self) -> None:
        self.raw.close()

    def _translate(self, sql: str) -> str:
        insert_or = _INSERT_OR.match(sql)
        if insert_or is None:
            return translate(sql)
        action, table, columns = insert_or.groups()
        sql = "INSERT INTO " + sql[insert_or.start(2) :]
        if action.upper() == "IGNORE":
            return translate(sql) + " ON CONFLICT DO NOTHING"
        keys = self.primary_keys().get(table)
        if not keys:
            raise StoreError(f"INSERT OR REPLACE INTO {table}: the table has no primary key")
        names = [name.strip() for name in columns.split(",")]
        updates = [f"{name} = excluded.{name}" for name in names if name not in keys]
        conflict = f" ON CONFLICT ({', '.join(keys)}) DO "
        conflict += "UPDATE SET " + ", ".join(updates) if updates else "NOTHING"
        return translate(sql) + conflict

    def primary_keys(self) -> dict[str, list[str]]:
        """Table → primary key columns, in this schema (read once)."""
        if self._primary_keys is None:
            rows = self.raw.execute(
                "SELECT c.table_name, k.column_name FROM information_schema.table_constraints c"
                " JOIN information_schema.key_column_usage k"
                " ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema"
                " WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = %s"
                " ORDER BY c.table_name, k.ordinal_position",
                (self.schema,),
            ).fetchall()
            keys: dict[str, list[str]] = {}
            for row in rows:
                keys.setdefault(row[0], []).append(row[1])
            self._primary_keys = keys
        return self._primary_keys
