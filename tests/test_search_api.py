"""``GET /api/search`` and the ``/search`` page (issue 21): the same store search, filters and
pagination, what each hit shows, and a malformed query as a 400 that says what is wrong."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient

from newsloom.records import DatePrecision
from newsloom.settings import load_settings
from newsloom.store import open_store
from newsloom.web import create_app
from test_search import TEXTS, article


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    store = open_store(db_url)
    try:
        for day, key in enumerate(TEXTS, start=1):
            precision = DatePrecision.DAY if key == "sv1" else DatePrecision.TIME
            store.add_article(article(key, day, published_precision=precision))
        store.put_story("story-k", "Uro i Kasakhstan")
        store.assign_story("da1", "story-k")
    finally:
        store.close()
    with TestClient(create_app(load_settings(environ={}, db=db_url))) as test_client:
        yield test_client


def hits(client: TestClient, **params: object) -> list[str]:
    response = client.get("/api/search", params=params)
    assert response.status_code == 200, response.text
    return sorted(hit["article"] for hit in response.json()["hits"])


def test_api_search_folds_spellings_and_filters(client: TestClient) -> None:
    assert hits(client, q="Kazakhstan") == ["da1", "sv1"]
    assert hits(client, q="Tokajev OR derbyet") == ["da2", "nb1"]
    assert hits(client, q="Kazakhstan", language="da") == ["da1"]
    assert hits(client, q="Kazakhstan", outlet="Outlet sv") == ["sv1"]
    assert hits(client, q="Kazakhstan OR Tokajev", since="2024-03-02") == ["nb1", "sv1"]
    assert hits(client, q="Kazakhstan OR Tokajev", until="2024-03-02") == ["da1", "nb1"]
    assert hits(client, q="Kazakhstan", story="story-k") == ["da1"]
    assert hits(client, q="") == []


def test_api_search_hit_fields_and_pagination(client: TestClient) -> None:
    result = client.get("/api/search", params={"q": "Kazakhstan"}).json()
    assert result["total"] == 2
    assert result["filters"]["q"] == "Kazakhstan"
    by_id = {hit["article"]: hit for hit in result["hits"]}
    danish, swedish = by_id["da1"], by_id["sv1"]
    assert (danish["story"], danish["story_title"]) == ("story-k", "Uro i Kasakhstan")
    assert danish["source"] == "Outlet da"
    assert danish["published_label"] == "1 Mar 2024 09:30"
    assert (swedish["published"], swedish["published_label"]) == ("2024-03-03", "3 Mar 2024")
    assert {"text": "Kazakstans", "match": True} in swedish["snippet_parts"]
    first = client.get("/api/search", params={"q": "Kazakhstan", "limit": 1}).json()
    second = client.get("/api/search", params={"q": "Kazakhstan", "limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] == 2
    assert {first["hits"][0]["article"], second["hits"][0]["article"]} == {"da1", "sv1"}


def test_a_malformed_query_or_filter_is_a_400_saying_what_is_wrong(client: TestClient) -> None:
    for query, problem in (('"Almaty', "never closed"), ("Almaty OR", "OR needs a word")):
        response = client.get("/api/search", params={"q": query})
        assert response.status_code == 400
        assert problem in response.json()["detail"]
        page = client.get("/search", params={"q": query})
        assert page.status_code == 400
        assert problem in page.text
        assert 'name="q"' in page.text  # the form is still there to correct it
    response = client.get("/api/search", params={"q": "Almaty", "since": "March"})
    assert response.status_code == 422
    assert "since" in response.json()["detail"]


def test_the_search_page_shows_date_outlet_story_and_pages(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Kazakhstan OR Tokajev", "limit": 2}).text
    assert "3 articles match" in page
    assert "<mark>Kasakhstan</mark>" in page
    assert "Outlet da" in page
    assert "1 Mar 2024 09:30" in page
    assert "Uro i Kasakhstan" in page  # the story's title, linked
    assert 'href="/stories/story-k"' in page
    assert 'rel="next"' in page
    next_link = page.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")
    params = parse_qs(urlparse(next_link).query)
    assert params["q"] == ["Kazakhstan OR Tokajev"]
    assert params["offset"] == ["2"]
    rest = client.get(next_link).text
    assert 'rel="prev"' in rest
    assert 'rel="next"' not in rest
    filtered = client.get("/search", params={"q": "Kazakhstan", "language": "sv"}).text
    assert "1 article matches" in filtered
    assert '<option value="sv" selected>' in filtered
