"""The CLI as a user runs it: its entry point (a real process where only a process will do), a
real SQLite file or PostgreSQL schema."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.cli_runner import newsloom
from tests.conftest import REPO

from newsloom.errors import StoreError
from newsloom.store import is_url, open_store


def run(
    db: Path | str,
    *args: str,
    check: bool = True,
    stdin: str | None = None,
    process: bool = False,
) -> subprocess.CompletedProcess[str]:
    """``newsloom --db DB ARGS`` (in this process unless ``process``: see tests/cli_runner.py)."""
    result = newsloom("--db", str(db), *args, stdin=stdin, process=process)
    if check and result.returncode != 0:
        raise AssertionError(f"newsloom {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def test_ingest_seeds_then_again_reports_unchanged(db_url: str, seeds_dir: Path) -> None:
    first = json.loads(run(db_url, "ingest", str(seeds_dir), "--json").stdout)
    assert (first["read"], first["new"], first["unchanged"], first["rejected"]) == (3, 3, 0, [])
    second = json.loads(run(db_url, "ingest", str(seeds_dir), "--json").stdout)
    assert (second["read"], second["new"], second["unchanged"]) == (3, 0, 3)


def test_articles_article_and_search(db_url: str, seeds_dir: Path) -> None:
    run(db_url, "ingest", str(seeds_dir))
    listed = json.loads(run(db_url, "articles", "--json").stdout)
    assert len(listed) == 3
    first = listed[0]["id"]
    shown = run(db_url, "article", first[:8]).stdout
    assert first in shown
    shown_json = json.loads(run(db_url, "article", first, "--json").stdout)
    assert shown_json["article"]["id"] == first
    found = json.loads(run(db_url, "search", "borgmesterkontoret", "--json").stdout)
    assert found["total"] == len(found["hits"]) >= 1


def test_unknown_article_is_a_clear_error(db_url: str, seeds_dir: Path) -> None:
    run(db_url, "ingest", str(seeds_dir))
    result = run(db_url, "article", "does-not-exist", check=False)
    assert result.returncode == 1
    assert "no article" in result.stderr
    assert "does-not-exist" in result.stderr


def test_reading_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = run(tmp_path / "none.db", "articles", check=False)
    assert result.returncode == 3  # issue 20: nothing could run
    assert "does not exist" in result.stderr


def test_a_mistyped_option_is_a_usage_error_not_a_traceback(db_path: Path) -> None:
    result = run(db_path, "ingest", "somewhere", "--dbase", "x.db", check=False)
    assert result.returncode == 2
    assert "No such option: --dbase" in result.stderr
    assert "Traceback" not in result.stderr
    missing = run(db_path, "eval", "clustering", check=False)  # a required argument left out
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr


def test_bad_settings_are_named(db_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[reuse]\nmin_similarity = 7\n")
    result = run(db_path, "--config", str(config), "articles", check=False)
    assert result.returncode == 2  # issue 20: invalid settings are a usage error
    assert "reuse.min_similarity" in result.stderr


def test_ingest_from_stdin(db_url: str) -> None:
    line = json.dumps(
        {"text": "En artikel om noget helt tredje, der blev skrevet i dag i København."}
    )
    report = json.loads(run(db_url, "ingest", "-", "--json", stdin=line + "\n").stdout)
    assert report["new"] == 1


def test_export_follows_the_contract(db_url: str, seeds_dir: Path) -> None:
    run(db_url, "ingest", str(seeds_dir))
    exported = json.loads(run(db_url, "export", "--format", "json").stdout)
    assert set(exported) == {"articles", "stories"}
    article_fields = {
        "id", "source", "url", "title", "language", "published", "published_precision",
        "paragraphs", "duplicate_of", "reused", "story",
    }  # fmt: skip
    for article in exported["articles"]:
        assert article_fields <= set(article)
        for paragraph in article["paragraphs"]:
            assert {"text", "language", "kind"} <= set(paragraph)
    story_fields = {
        "id", "title", "articles", "languages", "outlets", "first_seen", "last_seen", "entities",
        "quotes", "figures", "figure_tracks", "timeline", "summary",
    }  # fmt: skip
    assert exported["stories"]
    for story in exported["stories"]:
        assert story_fields <= set(story)
    again = json.loads(run(db_url, "export").stdout)
    assert [a["id"] for a in again["articles"]] == [a["id"] for a in exported["articles"]]


def test_stories_and_story_show_the_seed_story(db_url: str, seeds_dir: Path) -> None:
    run(db_url, "ingest", str(seeds_dir))
    stories = json.loads(run(db_url, "stories", "--json").stdout)
    assert len(stories) == 1
    assert len(stories[0]["article_ids"]) == 3
    dossier = json.loads(run(db_url, "story", stories[0]["id"][:6], "--format", "json").stdout)
    assert dossier["id"] == stories[0]["id"]
    assert sorted(dossier["articles"]) == sorted(stories[0]["article_ids"])
    assert stories[0]["title"] in run(db_url, "story", stories[0]["id"]).stdout


def test_demo_refuses_a_database_with_other_articles_unless_forced(
    db_url: str, seeds_dir: Path
) -> None:
    run(db_url, "ingest", str(seeds_dir))
    refused = run(db_url, "demo", check=False)
    assert refused.returncode == 1
    assert "3 articles, 3 of them not from the example corpus" in refused.stderr
    report = json.loads(run(db_url, "demo", "--force", "--json").stdout)
    assert report["new"] == report["read"] > 3
    listed = json.loads(run(db_url, "articles", "--json", "--limit", "500").stdout)
    assert len(listed) == report["new"]  # the seeds are gone


def test_export_to_a_file(db_url: str, seeds_dir: Path, tmp_path: Path) -> None:
    run(db_url, "ingest", str(seeds_dir))
    target = tmp_path / "out.json"
    run(db_url, "export", "--output", str(target))
    assert len(json.loads(target.read_text())["articles"]) == 3


def commands() -> list[str]:
    import typer.main

    from newsloom.cli import app

    group = typer.main.get_command(app)
    names = list(group.commands)  # type: ignore[attr-defined]
    nested = group.commands["eval"].commands  # type: ignore[attr-defined]
    return names + [f"eval {name}" for name in nested]


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    import typer.main

    from newsloom.cli import app

    group = typer.main.get_command(app)
    for name in commands():
        parts = name.split()
        command = group.commands[parts[0]]  # type: ignore[attr-defined]
        if len(parts) == 2:
            command = command.commands[parts[1]]
        assert (command.help or "").strip(), f"`newsloom {name}` has no help text"
        assert re.search(rf"newsloom (--db \S+ )?{re.escape(name)}\b", readme), (
            f"`newsloom {name}` is not shown in README.md"
        )


def test_readme_starts_with_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    lines = [line for line in readme.splitlines() if line.startswith("python3 -m venv")]
    assert len(lines) >= 2
    assert "newsloom demo" in lines[0]
    assert "pytest" in lines[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in ci


TOTAL = 800


@pytest.mark.slow
def test_kill_9_mid_ingest_loses_nothing_and_a_rerun_completes(db_url: str, tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    words = "politiet meldte at brannen i lageret var slukket etter flere timers arbeid".split()  # noqa: SIM905
    with source.open("w", encoding="utf-8") as handle:
        for number in range(TOTAL):
            text = " ".join(words[(number + i) % len(words)] for i in range(40))
            handle.write(
                json.dumps({"id": f"n{number}", "text": f"Sak nummer {number}. {text}."}) + "\n"
            )
    # what is tested is the store's durability, not the models: the light ones keep the rerun short
    light = {"NEWSLOOM_ANALYZE__NER": "fast", "NEWSLOOM_CLUSTER__EMBEDDING_MODEL": "static"}
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("NEWSLOOM_")
    } | light
    process = subprocess.Popen(
        [sys.executable, "-m", "newsloom", "--db", db_url, "ingest", str(source)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    stored = 0
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        try:
            reader = open_store(db_url, read_only=True)
        except StoreError:
            continue  # not created yet
        try:
            stored = reader.count_articles()
        except reader.connection.errors:  # type: ignore[attr-defined]
            continue  # a moment the database does not allow (a SQLite checkpoint)
        finally:
            reader.close()
        if stored >= 20:
            break
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()
    if not is_url(db_url):
        connection = sqlite3.connect(db_url)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        connection.close()
    reader = open_store(db_url, read_only=True)
    kept = reader.count_articles()
    unanalysed = reader.article_ids_without_analysis()
    reader.close()
    assert kept >= stored > 0
    assert unanalysed == []  # each article's results were committed with it
    rerun = newsloom("--db", db_url, "ingest", str(source), "--json", environment=light)
    report = json.loads(rerun.stdout)
    assert report["unchanged"] == kept
    assert report["new"] == TOTAL - kept
