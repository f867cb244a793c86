"""``newsloom export``: the JSON contract, JSON Lines, CSV, Parquet and SQLite tables (#21)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from newsloom.cli.browse import _date, _until_day
from newsloom.cli.common import app, resolve_story_id, store_of
from newsloom.errors import NotFoundError, SettingsError
from newsloom.export import article_lines, write_export
from newsloom.export_tables import TABLES, Selection, table_rows
from newsloom.export_writers import write_csv, write_jsonl, write_parquet, write_sqlite
from newsloom.store import Store

FORMATS = ("json", "jsonl", "csv", "parquet", "sqlite")
SUFFIXES = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".db": "sqlite",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
}


def choose_format(given: str | None, output: Path | None) -> str:
    """``--format`` if given, else the output file's suffix, else the JSON contract."""
    if given is not None:
        if given.lower() not in FORMATS:
            raise SettingsError(f"--format {given!r}: available formats: {', '.join(FORMATS)}")
        return given.lower()
    if output is None or not output.suffix:
        return "json"
    found = SUFFIXES.get(output.suffix.lower())
    if found is None:
        raise SettingsError(
            f"--output {output}: cannot tell the format from {output.suffix!r}; give --format"
            f" ({', '.join(FORMATS)}) or one of the suffixes {', '.join(SUFFIXES)}"
        )
    return found


def choose_table(given: str | None, output_format: str) -> str | None:
    if given is None:
        return None
    if given.lower() not in TABLES:
        raise SettingsError(f"--table {given!r}: available tables: {', '.join(TABLES)}")
    if output_format == "json":
        raise SettingsError(
            "--table works with --format jsonl, csv, parquet or sqlite; --format json is the"
            " whole contract (articles and stories) in one object"
        )
    return given.lower()


@app.command("export")
def export_command(
    context: typer.Context,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="json (the contract: one object), jsonl (one article or row a line), csv,"
            " parquet (needs pyarrow) or sqlite (a file of plain tables for Datasette)."
            " Default: from the --output suffix, else json.",
        ),
    ] = None,
    table: Annotated[
        str | None,
        typer.Option(
            help="articles, figures, quotes, entities or stories (default articles; sqlite"
            " writes all five unless one is named)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (default stdout).")
    ] = None,
    story: Annotated[str | None, typer.Option(help="Only the articles of this story.")] = None,
    language: Annotated[str | None, typer.Option(help="Only this language (da, nb…).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[
        str | None, typer.Option(help="Published on or before (YYYY-MM-DD, the whole day).")
    ] = None,
) -> None:
    """Export articles, stories and what was found in them: the JSON contract (DESIGN.md), or
    tables of articles, figures, quotes, entities or stories for pandas, Datasette or Parquet."""
    chosen = choose_format(output_format, output)
    chosen_table = choose_table(table, chosen)
    if chosen == "sqlite" and output is None:
        raise SettingsError("--format sqlite writes a database file: give --output FILE.db")
    if chosen == "parquet" and output is None and sys.stdout.isatty():
        raise SettingsError("--format parquet is binary: give --output FILE.parquet or redirect it")
    if output is not None and not output.parent.is_dir():
        raise SettingsError(f"--output {output}: the folder {output.parent} does not exist")
    with store_of(context, read_only=True) as store:
        selection = Selection(
            story=_story(store, story) if story else None,
            language=language,
            outlet=outlet,
            since=_date(since, "--since"),
            until=_until_day(until),
        )
        try:
            if chosen == "sqlite":
                assert output is not None
                names = [chosen_table] if chosen_table else list(TABLES)
                write_sqlite(
                    {name: (TABLES[name], table_rows(store, name, selection)) for name in names},
                    output,
                )
            else:
                _write(store, chosen, chosen_table, selection, output)
        except OSError as error:
            if output is None:
                raise
            raise SettingsError(
                f"--output {output}: cannot write it ({error.strerror or error})"
            ) from error


def _story(store: Store, given: str) -> str:
    try:
        return resolve_story_id(store, given)
    except NotFoundError as error:
        raise NotFoundError(
            f"--story {given!r}: no story with this id or id prefix, nor an article in one"
            f" ({error})"
        ) from error


def _write(
    store: Store, chosen: str, table: str | None, selection: Selection, output: Path | None
) -> None:
    """Write one table (or the contract) to ``output`` via a partial file, or to stdout."""
    name = table or "articles"
    if output is None:
        if chosen == "parquet":
            write_parquet(TABLES[name], table_rows(store, name, selection), sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            _write_text(store, chosen, table, selection, sys.stdout)
        return
    partial = output.with_name(output.name + ".partial")
    try:
        if chosen == "parquet":
            write_parquet(TABLES[name], table_rows(store, name, selection), partial)
        else:
            with partial.open("w", encoding="utf-8", newline="") as handle:
                _write_text(store, chosen, table, selection, handle)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(output)


def _write_text(
    store: Store, chosen: str, table: str | None, selection: Selection, out: TextIO
) -> None:
    name = table or "articles"
    if chosen == "json":
        write_export(store, out, selection)
    elif chosen == "jsonl" and name == "articles":
        write_jsonl(article_lines(store, selection), out)
    elif chosen == "jsonl":
        write_jsonl(table_rows(store, name, selection), out)
    else:
        write_csv(TABLES[name], table_rows(store, name, selection), out)
