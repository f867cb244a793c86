"""``newsloom export`` tables and formats (issue 21): JSON Lines, CSV, Parquet and SQLite on the
bundled example corpus, checked against what the store holds, and the README's pandas and
Datasette recipes run as written. The corpus is ingested once per store (SQLite, PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import DATABASES, REPO, databases
from typer.testing import CliRunner

import newsloom
from newsloom.cli import app
from newsloom.export_tables import TABLES, Row
from newsloom.export_writers import write_csv, write_jsonl
from newsloom.store import ArticleFilter, open_store
from test_cli import run


@pytest.fixture(scope="module", params=DATABASES)
def database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The example corpus ingested and analysed once per store (SQLite file, PostgreSQL schema)."""
    with databases(request.param, tmp_path_factory.mktemp("export")) as make:
        url = make()
        run(url, "demo")
        yield url


@pytest.fixture(scope="module")
def stored(database: str) -> Iterator[dict[str, Any]]:
    """What the store holds, read through the store (not the export)."""
    store = open_store(str(database), read_only=True)
    try:
        articles = store.list_articles(ArticleFilter(limit=None))
        analyses = {a.id: store.get_analysis(a.id) for a in articles}
        yield {
            "articles": articles,
            "figures": sum(len(x.figures) for x in analyses.values() if x),
            "quotes": sum(len(x.quotes) for x in analyses.values() if x),
            "stories": store.list_stories(limit=None),
            "story_of": {a.id: store.story_of(a.id) for a in articles},
            "analyses": analyses,
        }
    finally:
        store.close()


def export(database: str, *args: str) -> str:
    """``newsloom export`` run in this process (the CLI itself, without a process start per
    call; the error cases and the README recipes run as processes)."""
    result = CliRunner().invoke(app, ["--db", str(database), "export", *args])
    if result.exit_code != 0:
        raise AssertionError(f"export {' '.join(args)} failed: {result.output}{result.exception}")
    return result.stdout


def csv_rows(database: str, *args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export(database, "--format", "csv", *args))))


def test_jsonl_is_one_article_a_line_with_the_contract_fields(
    database: str, stored: dict[str, Any]
) -> None:
    lines = export(database, "--format", "jsonl").splitlines()
    assert len(lines) == len(stored["articles"])
    records = [json.loads(line) for line in lines]
    contract = json.loads(export(database))["articles"]
    assert [r["id"] for r in records] == [a["id"] for a in contract]
    for record, article in zip(records, contract, strict=True):
        assert {key: record[key] for key in article} == article  # the contract's fields, same
        assert record["story"] == stored["story_of"][record["id"]]
        assert set(record) >= {"outlet", "story_title", "original", "copy_of", "figures"}


def test_articles_csv_has_its_columns_and_one_row_an_article(
    database: str, stored: dict[str, Any]
) -> None:
    rows = csv_rows(database)
    assert list(rows[0]) == [column.name for column in TABLES["articles"]]
    assert {row["id"] for row in rows} == {a.id for a in stored["articles"]}
    by_id = {a.id: a for a in stored["articles"]}
    for row in rows:
        article = by_id[row["id"]]
        assert row["outlet"] == (article.source or "")
        assert row["story"] == stored["story_of"][row["id"]]
        # the date at its precision: a month-precision date has no made-up day
        if article.published_precision == "month":
            assert re.fullmatch(r"\d{4}-\d{2}", row["published"])
        assert row["original"] in ("true", "false")
        assert (row["original"] == "true") == (row["copy_of"] == "")
        analysis = stored["analyses"][row["id"]]
        assert int(row["figures"]) == (len(analysis.figures) if analysis else 0)
    copies = [row for row in rows if row["original"] == "false"]
    assert copies, "the example corpus has reprinted agency text: some article is a copy"
    assert all(row["copy_of"] in by_id for row in copies)


def test_figures_and_quotes_tables_hold_what_analyze_stored(
    database: str, stored: dict[str, Any]
) -> None:
    figures = csv_rows(database, "--table", "figures")
    assert len(figures) == stored["figures"] > 0
    assert list(figures[0]) == [column.name for column in TABLES["figures"]]
    for row in figures:
        analysis = stored["analyses"][row["article"]]
        assert any(f.text == row["text"] and f.kind == row["kind"] for f in analysis.figures)
        assert row["story"] == stored["story_of"][row["article"]]
        if row["high"]:
            assert float(row["low"]) <= float(row["high"])
    quotes = csv_rows(database, "--table", "quotes")
    assert len(quotes) == stored["quotes"] > 0
    assert {row["kind"] for row in quotes} <= {"direct", "reported"}
    for row in quotes:
        assert row["text"] in {q.text for q in stored["analyses"][row["article"]].quotes}


def test_entities_and_stories_tables(database: str, stored: dict[str, Any]) -> None:
    entities = csv_rows(database, "--table", "entities")
    assert entities
    assert len({row["id"] for row in entities}) == len(entities)  # one row an entity
    assert {row["type_name"] for row in entities} <= {
        "person", "organisation", "place", "event", "other name",
    }  # fmt: skip
    mentions = [int(row["mentions"]) for row in entities]
    assert mentions == sorted(mentions, reverse=True)
    assert all(int(row["articles"]) <= int(row["mentions"]) for row in entities)
    stories = csv_rows(database, "--table", "stories")
    assert {row["id"] for row in stories} == {row.id for row in stored["stories"]}
    sizes = {row.id: len(row.article_ids) for row in stored["stories"]}
    assert all(int(row["articles"]) == sizes[row["id"]] for row in stories)
    assert sum(int(row["articles"]) for row in stories) == len(stored["articles"])


def test_filters_narrow_every_table(database: str, stored: dict[str, Any]) -> None:
    norwegian = {a.id for a in stored["articles"] if a.language == "nb"}
    assert norwegian
    rows = csv_rows(database, "--language", "nb")
    assert {row["id"] for row in rows} == norwegian
    figures = csv_rows(database, "--table", "figures", "--language", "nb")
    assert figures
    assert {row["article"] for row in figures} <= norwegian
    biggest = max(stored["stories"], key=lambda row: len(row.article_ids))
    in_story = csv_rows(database, "--story", biggest.id[:8])
    assert {row["id"] for row in in_story} == set(biggest.article_ids)
    exported = json.loads(export(database, "--story", biggest.id))
    assert [s["id"] for s in exported["stories"]] == [biggest.id]
    day = min(a.published.isoformat() for a in stored["articles"] if a.published)[:10]
    on_day = csv_rows(database, "--since", day, "--until", day)
    stored_on_day = {
        a.id for a in stored["articles"] if a.published and a.published.isoformat()[:10] == day
    }
    assert on_day
    assert {row["id"] for row in on_day} == stored_on_day


def test_format_from_the_output_suffix_and_bad_choices(database: str, tmp_path: Path) -> None:
    target = tmp_path / "quotes.csv"
    export(database, "--table", "quotes", "-o", str(target))
    assert target.read_text(encoding="utf-8").startswith("article,story,outlet")
    missing = tmp_path / "no such folder" / "out.csv"
    for args, code, named in (
        (["--format", "xml"], 2, "json, jsonl, csv, parquet, sqlite"),
        (
            ["--table", "people", "--format", "csv"],
            2,
            "articles, figures, quotes, entities, stories",
        ),
        (["-o", str(tmp_path / "out.txt")], 2, "'.txt'"),
        (["--format", "sqlite"], 2, "--output"),
        (["-o", str(missing)], 2, f"the folder {missing.parent} does not exist"),
        (["--story", "nosuch", "--format", "csv"], 1, "--story 'nosuch': no story"),
    ):
        result = run(database, "export", *args, check=False)
        assert result.returncode == code, args
        assert named in result.stderr, args
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.txt").exists()


def test_parquet_round_trips_through_pyarrow(
    database: str, stored: dict[str, Any], tmp_path: Path
) -> None:
    parquet = pytest.importorskip("pyarrow.parquet", reason="pyarrow is in the test extra")
    target = tmp_path / "figures.parquet"
    export(database, "--table", "figures", "-o", str(target))
    table = parquet.read_table(target)
    assert table.num_rows == stored["figures"]
    assert table.column_names == [column.name for column in TABLES["figures"]]
    assert str(table.schema.field("low").type) == "double"


def readme_recipe(name: str) -> list[str]:
    """The commands of the README's export recipe block ``name`` (a fenced block after the
    ``<!-- recipe: NAME -->`` marker), one a line."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- recipe: {name} -->\s*```\w*\n(.*?)```", readme, re.DOTALL)
    assert match, f"README.md has no recipe {name!r}"
    return [line for line in match.group(1).splitlines() if line.strip()]


def shell(database: str, folder: Path, command: str) -> subprocess.CompletedProcess[str]:
    """Run a README line in a shell as a user would, ``newsloom`` and ``python`` being this
    checkout's (the database is given as ``NEWSLOOM_DB``)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLOOM_")}
    environment["NEWSLOOM_DB"] = database
    source = str(Path(newsloom.__file__).resolve().parents[1])  # the newsloom under test
    environment["PYTHONPATH"] = os.pathsep.join(
        part for part in (source, environment.get("PYTHONPATH")) if part
    )
    python = shlex.quote(sys.executable)
    command = re.sub(r"^newsloom\b", f"{python} -m newsloom", command)
    command = re.sub(r"^python\b", python, command)
    return subprocess.run(
        command,
        shell=True,
        cwd=folder,
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


def test_the_readme_pandas_recipe_runs_as_written(
    database: str, stored: dict[str, Any], tmp_path: Path
) -> None:
    pytest.importorskip("pandas", reason="pandas is in the test extra")
    lines = readme_recipe("pandas")
    for line in lines:
        result = shell(database, tmp_path, line)
        assert result.returncode == 0, f"{line}\n{result.stderr}"
    assert len((tmp_path / "figures.csv").read_text().splitlines()) == stored["figures"] + 1
    assert result.stdout.strip(), "the recipe's last line prints what pandas read"


def test_the_readme_datasette_recipe_gives_plain_tables(
    database: str, stored: dict[str, Any], tmp_path: Path
) -> None:
    lines = readme_recipe("datasette")
    export = next(line for line in lines if line.startswith("newsloom export"))
    result = shell(database, tmp_path, export)
    assert result.returncode == 0, result.stderr
    files = list(tmp_path.glob("*.db"))
    assert len(files) == 1
    connection = sqlite3.connect(files[0])
    try:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert set(TABLES) <= names
        (figures,) = connection.execute("SELECT count(*) FROM figures").fetchone()
        assert figures == stored["figures"]
        (articles,) = connection.execute("SELECT count(*) FROM articles").fetchone()
        assert articles == len(stored["articles"])
        orphans = connection.execute(
            "SELECT count(*) FROM figures WHERE article NOT IN (SELECT id FROM articles)"
        ).fetchone()
        assert orphans == (0,)
    finally:
        connection.close()
    beside = Path(sys.executable).parent / "datasette"
    datasette = str(beside) if beside.exists() else shutil.which("datasette")
    if datasette is None:
        pytest.skip("datasette is not installed (it is in the test extra)")
    served = subprocess.run(
        [datasette, str(files[0]), "--get", f"/{files[0].stem}/figures.json?_shape=array"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert served.returncode == 0, served.stderr
    assert len(json.loads(served.stdout)) == min(figures, 100)


def test_parquet_without_pyarrow_says_how_to_get_it(database: str, tmp_path: Path) -> None:
    """A Python where ``import pyarrow`` fails (a package of that name that raises ImportError
    shadows the installed one): the export names the install command and leaves no file."""
    blocker = tmp_path / "blocked" / "pyarrow"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('no pyarrow here')\n")
    source = str(Path(newsloom.__file__).resolve().parents[1])
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLOOM_")}
    environment["PYTHONPATH"] = os.pathsep.join((str(blocker.parent), source))
    target = tmp_path / "figures.parquet"
    result = subprocess.run(
        [sys.executable, "-m", "newsloom", "--db", database, "export", "--table", "figures",
         "-o", str(target)],
        capture_output=True, text=True, env=environment, timeout=300,
    )  # fmt: skip
    assert result.returncode == 2
    assert "pip install pyarrow" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()
    assert not list(tmp_path.glob("*.partial"))


def test_docs_describe_every_column() -> None:
    """docs/export.md has a section per table whose rows name exactly that table's columns."""
    docs = (REPO / "docs" / "export.md").read_text(encoding="utf-8")
    for name, columns in TABLES.items():
        match = re.search(rf"### `{name}`\n\n(.*?)(?:\n\n|\Z)", docs, re.DOTALL)
        assert match, f"docs/export.md has no section for the {name} table"
        named = re.findall(r"^\| `(\w+)` \|", match.group(1), re.MULTILINE)
        assert named == [column.name for column in columns], name


@pytest.mark.parametrize("writer", ["csv", "jsonl"])
def test_writers_write_each_row_as_it_comes(writer: str) -> None:
    """Rows go out before the next is asked for: an export never gathers the store first."""
    columns = TABLES["stories"]
    out = io.StringIO()

    def rows() -> Iterator[Row]:
        for number in range(5):
            lines = out.getvalue().count("\n") - (writer == "csv")  # the CSV header
            assert lines == number, "a row was held back"
            row: Row = {column.name: None for column in columns}
            row["id"] = f"s{number}"
            yield row

    if writer == "csv":
        assert write_csv(columns, rows(), out) == 5
    else:
        assert write_jsonl(rows(), out) == 5
    assert out.getvalue().count("\n") == 5 + (writer == "csv")
