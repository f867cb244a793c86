"""Shared pieces of the browser tests: Debian's chromium driven by Playwright, and a database
filled through the real pipeline for the server to serve."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from newsloom.pipeline import ingest
from newsloom.settings import Settings, load_settings
from newsloom.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
EXAMPLE = Path(__file__).resolve().parent.parent / "src" / "newsloom" / "data" / "example"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless chromium (skips the test when Debian's chromium is not installed)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def ingested(folder: Path, sources: Sequence[Path]) -> Settings:
    """Settings for a new database in ``folder`` holding ``sources`` (the example corpus first)."""
    if not (EXAMPLE / "articles.jsonl").exists():
        pytest.skip("the bundled example corpus is missing")
    path = folder / "served.db"
    settings = load_settings(environ={}, db=str(path))
    store = open_store(path)
    try:
        report = ingest([str(EXAMPLE / "articles.jsonl"), *map(str, sources)], settings, store)
    finally:
        store.close()
    assert report.new > 0, report.to_dict()
    assert not report.rejected, report.to_dict()
    return settings
