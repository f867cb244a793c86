"""CLI habits (issue 21): --version, global options after the command, --json everywhere,
newest first, and the ingest progress total counted from the inputs."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsloom.cli import app
from newsloom.cli.common import hoist_global_options
from newsloom.ingest.count import count_documents
from test_web_api import fill_store

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("newsloom ")


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        (["ingest", "--db", "x.db", "f"], ["--db", "x.db", "ingest", "f"]),
        (
            ["ingest", "f", "--config=c.toml", "--json"],
            ["--config=c.toml", "ingest", "f", "--json"],
        ),
        (["--db", "a.db", "articles"], ["--db", "a.db", "articles"]),
        (["search", "--", "--db"], ["search", "--", "--db"]),  # after -- it is an argument
        (["ingest", "--db"], ["ingest", "--db"]),  # no value: click names the problem
    ],
)
def test_global_options_after_the_command(given: list[str], meant: list[str]) -> None:
    assert hoist_global_options(given) == meant


def test_ingest_with_db_after_the_command(tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text("Brann i Bergen\n\nEin person er død etter brannen i natt.\n", "utf-8")
    database = tmp_path / "after.db"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLOOM_")}
    result = subprocess.run(
        [sys.executable, "-m", "newsloom", "ingest", "--db", str(database), str(source), "--json"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["new"] == 1
    assert database.exists()
    assert not (tmp_path / "newsloom.db").exists()


def test_articles_newest_first_and_story_json(db_path: Path) -> None:
    fill_store(db_path)
    listed = runner.invoke(app, ["--db", str(db_path), "articles", "--json"])
    assert listed.exit_code == 0, listed.output
    assert [a["id"] for a in json.loads(listed.output)] == ["a2", "a1", "a3"]
    oldest = runner.invoke(app, ["--db", str(db_path), "articles", "--oldest", "--json"])
    assert [a["id"] for a in json.loads(oldest.output)] == ["a3", "a1", "a2"]
    story = runner.invoke(app, ["--db", str(db_path), "story", "s-ferry", "--json"])
    assert story.exit_code == 0, story.output
    same = runner.invoke(app, ["--db", str(db_path), "story", "s-ferry", "--format", "json"])
    assert json.loads(story.output) == json.loads(same.output)
    assert json.loads(story.output)["id"] == "s-ferry"


def test_the_progress_total_is_counted_from_the_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Title\n\nText.\n", "utf-8")
    (folder / "b.html").write_text("<html><body><p>Text</p></body></html>", "utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG")  # not an article: not counted
    lines = [json.dumps({"title": f"t{i}", "text": "x"}) for i in range(7)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines[:4]) + "\n\n" + "\n".join(lines[4:]))
    assert count_documents([str(folder)]) == 2
    assert count_documents([str(folder), str(tmp_path / "many.jsonl")]) == 9
    with gzip.open(tmp_path / "packed.jsonl.gz", "wt") as packed:
        packed.write("\n".join(lines))
    for unknown in ("-", "https://news.example/feed", str(tmp_path / "packed.jsonl.gz")):
        assert count_documents([str(folder), unknown]) is None
    assert count_documents([str(tmp_path / "missing")]) is None  # the reader names it
