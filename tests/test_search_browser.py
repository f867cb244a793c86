"""The search page in a real browser (issue 21): a search in another spelling, a filter chosen
from the form, the next page, and a malformed query shown beside the form; screenshots checked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from chromium_browser import assert_drawn
from newsloom.records import DatePrecision
from newsloom.settings import load_settings
from newsloom.store import open_store
from newsloom.web import create_app
from test_search import TEXTS, article
from web_server import running_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path: Path = tmp_path_factory.mktemp("search") / "search.db"
    store = open_store(path)
    try:
        for day, key in enumerate(TEXTS, start=1):
            store.add_article(article(key, day, published_precision=DatePrecision.DAY))
        store.put_story("story-k", "Uro i Kasakhstan")
        store.assign_story("da1", "story-k")
    finally:
        store.close()
    with running_server(create_app(load_settings(environ={}, db=str(path)))) as base:
        yield base


def test_search_in_another_spelling_filter_and_page(page: Any, server: str) -> None:
    page.goto("/search")
    page.fill("form.filters input[name=q]", "Kazakhstan OR Tokajev")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/search?q=*")
    expected = httpx.get(f"{server}/api/search", params={"q": "Kazakhstan OR Tokajev"}).json()
    items = page.locator("ol.hits > li")
    assert items.count() == expected["total"] == 3
    marked = {text.casefold() for text in page.locator("ol.hits mark").all_inner_texts()}
    assert {"kasakhstan", "tokayevs"} <= marked  # the spellings the articles use
    danish = items.filter(has_text="Uro i Kasakhstan").first
    assert danish.locator(".hit-outlet").inner_text() == "Outlet da"
    assert danish.locator(".hit-date").inner_text() == "1 Mar 2024"
    assert danish.locator("a.hit-story").inner_text() == "Uro i Kasakhstan"
    assert_drawn(page.screenshot(full_page=True), 1000, 400)

    page.select_option("form.filters select[name=language]", "sv")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/search?*language=sv*")
    assert page.locator("ol.hits > li").count() == 1
    assert page.locator("ol.hits .hit-link").inner_text() == "Möte i Moskva"

    page.goto("/search?q=Kazakhstan+OR+Tokajev&limit=2")
    page.click("a[rel=next]")
    page.wait_for_url("**/search?*offset=2*")
    assert page.locator("ol.hits > li").count() == 1
    assert page.locator("ol.hits").get_attribute("start") == "3"


def test_a_malformed_query_is_explained_beside_the_form(page: Any) -> None:
    response = page.goto('/search?q="Almaty')
    assert response.status == 400
    alert = page.locator("[role=alert]")
    assert "never closed" in alert.inner_text()
    assert page.locator("form.filters input[name=q]").input_value() == '"Almaty'
    assert_drawn(page.screenshot(), 1000, 400, min_colours=5)
