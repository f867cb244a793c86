"""``/docs`` in a real browser: Swagger UI draws every operation from newsloom's own files, with
nothing fetched from elsewhere and no Content-Security-Policy violation (issue 21)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chromium_browser import assert_drawn
from newsloom.settings import load_settings
from newsloom.web import create_app
from test_web_api import fill_store
from web_server import running_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path: Path = tmp_path_factory.mktemp("docs") / "docs.db"
    fill_store(path)
    with running_server(create_app(load_settings(environ={}, db=str(path)))) as base:
        yield base


def test_docs_draw_the_operations_offline(page: Any, server: str, tmp_path: Path) -> None:
    problems: list[str] = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.goto("/docs")
    page.wait_for_selector(".opblock", timeout=30_000)
    summaries = page.locator(".opblock-summary-path")
    paths = [path.replace("\u200b", "") for path in summaries.all_inner_texts()]
    assert {"/api/articles", "/api/entities", "/api/search", "/api/stories"} <= set(paths)
    summaries.nth(paths.index("/api/articles")).click()
    page.wait_for_selector(".opblock.is-open .parameters")
    assert "oldest" in page.locator(".opblock.is-open .parameters").inner_text()
    assert_drawn(page.screenshot(path=str(tmp_path / "docs.png"), full_page=True), 1000, 600)
    assert not [p for p in problems if "Content Security Policy" in p], problems
