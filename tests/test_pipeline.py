"""The pipeline's unit of work: an article's writes in a savepoint, several articles a commit."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

import newsloom.pipeline
from newsloom.assign.reuse import ReuseEntry, ReuseIndex
from newsloom.export import write_export
from newsloom.pipeline import ingest
from newsloom.records import Article, ReuseResult
from newsloom.settings import load_settings
from newsloom.store import open_store


def _example(example_dir: Path, folder: Path, count: int) -> str:
    lines = (example_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    path = folder / "some.jsonl"
    path.write_text("\n".join(lines[:count]) + "\n", encoding="utf-8")
    return str(path)


def _export(url: str) -> dict[str, Any]:
    store = open_store(url)
    try:
        out = io.StringIO()
        write_export(store, out)
    finally:
        store.close()
    exported: dict[str, Any] = json.loads(out.getvalue())
    return exported


def test_an_article_that_fails_is_undone_alone_and_a_rerun_finishes_the_job_issue_19(
    example_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    """Articles share a commit (a savepoint each): when the sixth fails while it is assigned,
    the five before it are stored, it is not, and its error goes on; running again stores the
    rest and gives what one uninterrupted run gives."""
    monkeypatch.setattr(newsloom.pipeline, "COMMIT_ARTICLES", 4)  # a failure mid-commit
    source = _example(example_dir, tmp_path, 12)
    settings = load_settings(environ={}, db=db_url)
    add = ReuseIndex.add
    added: list[str] = []

    def failing_add(
        index: ReuseIndex, article: Article, made: ReuseEntry | None = None
    ) -> ReuseResult:
        if len(added) == 5:
            raise RuntimeError("the reuse index failed")
        added.append(article.id)
        return add(index, article, made)

    monkeypatch.setattr(ReuseIndex, "add", failing_add)
    store = open_store(db_url)
    try:
        with pytest.raises(RuntimeError, match="reuse index failed"):
            ingest([source], settings, store)
    finally:
        store.close()
    stored = [article["id"] for article in _export(db_url)["articles"]]
    assert sorted(stored) == sorted(added)
    monkeypatch.setattr(ReuseIndex, "add", add)
    store = open_store(db_url)
    try:
        report = ingest([source], settings, store)
    finally:
        store.close()
    assert (report.new, report.unchanged) == (7, 5)
    once = str(tmp_path / "once.db")
    store = open_store(once)
    try:
        ingest([source], load_settings(environ={}, db=once), store)
    finally:
        store.close()
    assert _export(db_url) == _export(once)
