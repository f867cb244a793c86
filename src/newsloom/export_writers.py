"""Write export tables as JSON Lines, CSV, Parquet or an SQLite file of plain tables (#21).

Every writer takes rows as they come and keeps at most one batch in memory. Parquet needs
pyarrow (an optional dependency); the others need only the standard library.
"""

from __future__ import annotations

import csv
import importlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import IO, Any, TextIO

from newsloom.errors import SettingsError
from newsloom.export_tables import Column, Row

__all__ = ["write_csv", "write_jsonl", "write_parquet", "write_sqlite"]

BATCH = 1000
SQL_TYPES = {"text": "TEXT", "integer": "INTEGER", "real": "REAL", "boolean": "INTEGER"}
PRIMARY_KEYS = {"articles": "id", "stories": "id", "entities": "id"}
# column → (table, column) it refers to, declared when both tables are written (Datasette links)
REFERENCES = {"article": ("articles", "id"), "story": ("stories", "id")}


def _batches(rows: Iterable[Row], size: int = BATCH) -> Iterator[list[Row]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def write_jsonl(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """One JSON object a line; the number written."""
    written = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str))
        out.write("\n")
        written += 1
    return written


def _csv_value(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def write_csv(columns: tuple[Column, ...], rows: Iterable[Row], out: TextIO) -> int:
    """A header line, then one line a row (empty cell: no value; booleans true/false)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.name for column in columns])
    written = 0
    for row in rows:
        writer.writerow([_csv_value(row[column.name]) for column in columns])
        written += 1
    return written


def _pyarrow() -> Any:
    try:
        pyarrow = importlib.import_module("pyarrow")
        importlib.import_module("pyarrow.parquet")
    except ImportError as error:
        raise SettingsError(
            "--format parquet needs pyarrow, which is not installed: pip install pyarrow"
            " (or pip install 'newsloom[parquet]'), or pick --format csv, jsonl or sqlite"
        ) from error
    return pyarrow


def write_parquet(
    columns: tuple[Column, ...], rows: Iterable[Row], target: Path | IO[bytes]
) -> int:
    """A Parquet file with one row group per batch of rows."""
    arrow = _pyarrow()
    types = {
        "text": arrow.string(),
        "integer": arrow.int64(),
        "real": arrow.float64(),
        "boolean": arrow.bool_(),
    }
    schema = arrow.schema([(column.name, types[column.type]) for column in columns])
    written = 0
    with arrow.parquet.ParquetWriter(target, schema) as writer:
        for batch in _batches(rows):
            table = arrow.Table.from_pylist(batch, schema=schema)
            writer.write_table(table)
            written += len(batch)
        if not written:
            writer.write_table(schema.empty_table())
    return written


def _create_table(name: str, columns: tuple[Column, ...], tables: Iterable[str]) -> str:
    parts = []
    for column in columns:
        part = f'"{column.name}" {SQL_TYPES[column.type]}'
        if PRIMARY_KEYS.get(name) == column.name:
            part += " PRIMARY KEY"
        parts.append(part)
    for column in columns:
        target = REFERENCES.get(column.name)
        if target is not None and target[0] in tables and target[0] != name:
            parts.append(f'FOREIGN KEY ("{column.name}") REFERENCES {target[0]}("{target[1]}")')
    return f'CREATE TABLE "{name}" ({", ".join(parts)})'


def write_sqlite(
    tables: Mapping[str, tuple[tuple[Column, ...], Iterable[Row]]], path: Path
) -> dict[str, int]:
    """An SQLite file holding one plain table per entry (what ``datasette FILE`` opens);
    rows written per table. Written beside ``path`` and moved into place when complete."""
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    connection = sqlite3.connect(partial)
    try:
        for name, (columns, _) in tables.items():
            connection.execute(_create_table(name, columns, tables))
        for name, (columns, rows) in tables.items():
            names = [column.name for column in columns]
            quoted = ", ".join(f'"{n}"' for n in names)
            sql = f'INSERT INTO "{name}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
            counts[name] = 0
            for batch in _batches(rows):
                connection.executemany(sql, [[row[n] for n in names] for row in batch])
                counts[name] += len(batch)
            connection.commit()
        for name, columns in ((name, spec[0]) for name, spec in tables.items()):
            for column in columns:
                if column.name in REFERENCES:
                    connection.execute(
                        f'CREATE INDEX "{name}_{column.name}" ON "{name}" ("{column.name}")'
                    )
        connection.commit()
    except BaseException:
        connection.close()
        partial.unlink(missing_ok=True)
        raise
    connection.close()
    partial.replace(path)
    return counts
