"""One writer assigns: two writers at once give what running them one after the other gives.

Real processes on a real SQLite file: ``newsloom ingest`` subprocesses, and the web app serving
over HTTP while a CLI ingest writes the same database.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from tests.web_server import running_server

from newsloom.pipeline import ingest
from newsloom.settings import Settings, load_settings
from newsloom.store import open_store
from newsloom.store.migrations import MIGRATIONS
from newsloom.web import create_app

Outcome = tuple[
    frozenset[frozenset[str]], frozenset[tuple[object, ...]], frozenset[tuple[str, str]]
]


def environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSLOOM_")}
    env.update(extra)
    return env


def cli(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsloom", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(),
    )


def finish(process: subprocess.Popen[str]) -> str:
    stdout, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, f"{process.args} failed:\n{stdout}\n{stderr}"
    return stdout


def outcome(db: Path) -> Outcome:
    """The stories (as sets of article ids), every reuse link and duplicate in ``db``."""
    connection = sqlite3.connect(db)
    try:
        stories: dict[str, set[str]] = {}
        for article_id, story_id in connection.execute(
            "SELECT article_id, story_id FROM story_articles"
        ):
            stories.setdefault(story_id, set()).add(article_id)
        links = connection.execute(
            "SELECT article_id, paragraph, other_article, other_paragraph, origin_article"
            " FROM reused_passages"
        ).fetchall()
        duplicates = connection.execute("SELECT article_id, duplicate_of FROM duplicates")
        return (
            frozenset(frozenset(ids) for ids in stories.values()),
            frozenset(tuple(link) for link in links),
            frozenset((a, b) for a, b in duplicates.fetchall()),
        )
    finally:
        connection.close()


def split_corpus(example_dir: Path, folder: Path, parts: int) -> list[Path]:
    """The example corpus dealt round-robin into ``parts`` JSON Lines files (shared stories)."""
    lines = [
        line
        for line in (example_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    paths = []
    for part in range(parts):
        path = folder / f"part{part}.jsonl"
        path.write_text("\n".join(lines[part::parts]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def serial(db: Path, *batches: list[str]) -> Outcome:
    """Ingest ``batches`` one after the other, each with a freshly opened pipeline."""
    settings = load_settings(environ={}, db=str(db))
    for batch in batches:
        store = open_store(db)
        try:
            report = ingest(batch, settings, store)
            assert report.rejected == []
        finally:
            store.close()
    return outcome(db)


def wait_for_runs(db: Path, count: int, timeout: float = 120.0) -> None:
    """Until ``count`` runs have started in ``db`` (the processes are past opening the store)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        connection = sqlite3.connect(db)
        try:
            started = connection.execute("SELECT count(*) FROM runs").fetchone()[0]
        except sqlite3.OperationalError:
            started = 0
        finally:
            connection.close()
        if started >= count:
            return
        time.sleep(0.1)
    raise AssertionError(f"{count} runs did not start in {db} within {timeout} s")


def test_two_ingests_at_once_equal_one_after_the_other(tmp_path: Path, example_dir: Path) -> None:
    first, second = (str(path) for path in split_corpus(example_dir, tmp_path, 2))
    references = {
        serial(tmp_path / "first-second.db", [first], [second]),
        serial(tmp_path / "second-first.db", [second], [first]),
    }
    db = tmp_path / "both.db"
    holder = open_store(db)
    try:
        with holder.writer_lock():  # both processes start, then race for the lock together
            processes = [cli(db, "ingest", first, "--json"), cli(db, "ingest", second, "--json")]
            wait_for_runs(db, 2)
        reports = [json.loads(finish(process)) for process in processes]
    finally:
        holder.close()
    assert sum(report["new"] for report in reports) == 49
    result = outcome(db)
    assert result in references
    stories, links, _ = result
    assert sum(len(story) for story in stories) == 49
    assert links  # the two halves copy each other: lost links would show


def test_two_ingests_of_the_same_file_store_it_once(tmp_path: Path, example_dir: Path) -> None:
    db = tmp_path / "same.db"
    source = str(split_corpus(example_dir, tmp_path, 2)[0])
    total = len(Path(source).read_text(encoding="utf-8").splitlines())
    reference = serial(tmp_path / "once.db", [source])
    holder = open_store(db)
    try:
        with holder.writer_lock():
            processes = [cli(db, "ingest", source, "--json") for _ in range(2)]
            wait_for_runs(db, 2)
        reports = [json.loads(finish(process)) for process in processes]
    finally:
        holder.close()
    assert sorted(report["new"] for report in reports) == [0, total]
    assert sorted(report["unchanged"] for report in reports) == [0, total]
    assert outcome(db) == reference


def post(base: str, path: Path) -> dict[str, object]:
    articles = [
        {key: record.get(key) for key in ("id", "url", "title", "text", "published", "source")}
        for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    ]
    response = httpx.post(f"{base}/api/articles/batch", json={"articles": articles}, timeout=600)
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def copy_of(source: Path, folder: Path) -> tuple[Path, str]:
    """A later article by another outlet that copies the first article of ``source``."""
    record = json.loads(source.read_text(encoding="utf-8").splitlines()[0])
    copied = {
        "id": "copy-1",
        "url": "https://copies.example/1",
        "title": record["title"] + " (copy)",
        "text": record["text"],
        "published": record.get("published"),
        "source": "Copies Daily",
    }
    path = folder / "copy.jsonl"
    path.write_text(json.dumps(copied, ensure_ascii=False) + "\n", encoding="utf-8")
    return path, str(record["id"])


def test_serve_sees_what_a_cli_ingest_stored(tmp_path: Path, example_dir: Path) -> None:
    first, second = split_corpus(example_dir, tmp_path, 2)
    copy, original = copy_of(second, tmp_path)
    reference = serial(tmp_path / "serial.db", [str(first)], [str(second)], [str(copy)])
    db = tmp_path / "served.db"
    settings: Settings = load_settings(environ={}, db=str(db))
    with running_server(create_app(settings)) as base:
        post(base, first)  # serve's pipeline loads its state now
        finish(cli(db, "ingest", str(second), "--json"))  # another process writes meanwhile
        post(base, copy)
    result = outcome(db)
    assert result == reference
    store = open_store(db, read_only=True)
    try:
        (copy_id,) = store.find_article_ids("copy-1")
        (original_id,) = store.find_article_ids(original)
        reuse = store.get_reuse(copy_id)
        assert reuse is not None
        assert reuse.duplicate_of == original_id or any(
            passage.other_article == original_id for passage in reuse.passages
        )
        assert store.story_of(copy_id) == store.story_of(original_id)
    finally:
        store.close()


OPEN_SCRIPT = """
import sys, time
from pathlib import Path
from newsloom.store import open_store
start = Path(sys.argv[2])
while not start.exists():
    time.sleep(0.005)
open_store(sys.argv[1]).close()
"""


@pytest.mark.parametrize("round_", range(3))
def test_first_runs_at_once_do_not_race_in_the_migrations(tmp_path: Path, round_: int) -> None:
    db = tmp_path / f"new{round_}.db"
    start = tmp_path / "start"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_SCRIPT, str(db), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(),
        )
        for _ in range(6)
    ]
    time.sleep(2.0)  # every process waits at the start line
    start.touch()
    failures = []
    for process in processes:
        _, stderr = process.communicate(timeout=120)
        if process.returncode != 0:
            failures.append(stderr.strip().splitlines()[-1:])
    assert failures == []
    store = open_store(db, read_only=True)
    try:
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
    finally:
        store.close()
