"""Issue 20: exit codes tell the truth. 0 all stored, 1 some inputs rejected (the rest stored),
2 usage error, 3 nothing could run (store missing or unreachable). The program's entry point each
time; a real process where the code comes from the interpreter's exit (usage errors, the help)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import newsloom

GOOD = "Politiet i Nordby oplyser, at tre personer er anholdt efter branden på færgen i nat."


def stored(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])


def test_ingest_of_a_missing_file_exits_1_issue_20(tmp_path: Path) -> None:
    result = newsloom("--db", str(tmp_path / "x.db"), "ingest", "/nonexistent/file.txt")
    assert result.returncode == 1
    assert "/nonexistent/file.txt: no such file or directory" in result.stderr


def test_deep_and_long_inputs_are_named_the_good_ones_stored_exit_1_issue_20(
    tmp_path: Path,
) -> None:
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    long = tmp_path / "long.jsonl"
    long.write_text(json.dumps({"text": ("Ord " * 300_000).strip()}) + "\n")
    good = tmp_path / "good.jsonl"
    good.write_text(
        "".join(
            json.dumps({"id": f"g{i}", "text": f"{GOOD} Nummer {i}."}) + "\n" for i in range(60)
        )
    )
    db = tmp_path / "mixed.db"
    result = newsloom("--db", str(db), "ingest", str(deep), str(long), str(good))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{deep}:1: JSON nested too deeply" in result.stderr
    assert f"{long}:1" in result.stderr
    assert "max_paragraph_characters" in result.stderr
    assert stored(db) == 60
    again = newsloom("--db", str(db), "ingest", str(good))
    assert again.returncode == 0  # everything read was stored (here: already)


def test_usage_errors_exit_2_and_invalid_settings_too_issue_20(tmp_path: Path) -> None:
    assert newsloom("ingest", process=True).returncode == 2  # a missing argument
    assert newsloom("stories", "--no-such-flag").returncode == 2
    bad = newsloom(
        "--db",
        str(tmp_path / "x.db"),
        "ingest",
        "-",
        environment={"NEWSLOOM_REUSE__MIN_SIMILARITY": "7"},
    )
    assert bad.returncode == 2
    assert "reuse.min_similarity" in bad.stderr


def test_a_missing_database_exits_3_and_is_not_created_issue_20(tmp_path: Path) -> None:
    typo = tmp_path / "typo.db"
    for command in (["stories"], ["search", "brann"], ["serve", "--port", "0"]):
        result = newsloom("--db", str(typo), *command)
        assert result.returncode == 3, (command, result.stderr)
        assert "does not exist" in result.stderr
    assert not typo.exists()


def test_serve_refuses_an_empty_token_issue_20(tmp_path: Path) -> None:
    result = newsloom(
        "--db", str(tmp_path / "new.db"), "serve", "--create", "--port", "0",
        environment={"NEWSLOOM_TOKEN": ""},
    )  # fmt: skip
    assert result.returncode == 2
    assert "NEWSLOOM_TOKEN" in result.stderr
    assert "set but empty" in result.stderr


def test_the_exit_codes_are_in_the_help_issue_20() -> None:
    result = newsloom("--help", process=True)
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for part in ("0 all stored", "1 some inputs rejected", "2 usage error", "3 nothing could run"):
        assert part in text
