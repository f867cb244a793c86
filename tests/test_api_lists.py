"""``GET /api/articles`` and ``GET /api/entities``: filters, newest first, pages with a total,
bad parameters named; ``/docs`` served from newsloom itself (issue 21)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from newsloom.settings import Settings, load_settings
from newsloom.web import create_app
from test_web_api import fill_store


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    fill_store(db_url)
    settings: Settings = load_settings(environ={}, db=db_url)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def ids(answer: dict[str, list[dict[str, object]]], key: str = "articles") -> list[object]:
    return [item["id"] for item in answer[key]]


def test_articles_newest_first_with_total_and_pages(client: TestClient) -> None:
    everything = client.get("/api/articles").json()
    assert everything["total"] == 3
    assert ids(everything) == ["a2", "a1", "a3"]  # 5 Mar, 4 Mar, 1 Feb
    assert everything["articles"][0]["published_label"].startswith("5 Mar 2025")
    assert everything["articles"][0]["story"] == "s-ferry"
    assert everything["articles"][0]["link"] == "/articles/a2"
    oldest = client.get("/api/articles", params={"oldest": "true"}).json()
    assert ids(oldest) == ["a3", "a1", "a2"]
    second_page = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert (second_page["total"], ids(second_page)) == (3, ["a3"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"language": "da"}, ["a1"]),
        ({"outlet": "fjordposten"}, ["a2"]),  # outlets match whatever the case
        ({"story": "s-ferry"}, ["a2", "a1"]),
        ({"since": "2025-03-01"}, ["a2", "a1"]),
        ({"until": "2025-03-04"}, ["a1", "a3"]),  # a bare day counts whole
        ({"language": "sv", "since": "2025-03-01"}, []),
    ],
)
def test_articles_filters(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    answer = client.get("/api/articles", params=params).json()
    assert ids(answer) == expected
    assert answer["total"] == len(expected)


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 100_000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"since": "yesterday"}, "since"),
        ({"story": "no-such-story"}, "story"),
        ({"oldest": "perhaps"}, "oldest"),
    ],
)
def test_articles_bad_parameters_are_named(
    client: TestClient, params: dict[str, object], named: str
) -> None:
    answer = client.get("/api/articles", params=params)
    assert answer.status_code in (400, 422)
    assert named in answer.json()["detail"]


def test_entities_list_with_counts_type_and_prefix(client: TestClient) -> None:
    everything = client.get("/api/entities").json()
    names = {entity["name"]: entity for entity in everything["entities"]}
    assert everything["total"] == len(everything["entities"]) >= 1
    havlit = names["Havlit"]
    assert (havlit["type"], havlit["type_name"]) == ("LOC", "place")
    assert (havlit["articles"], havlit["stories"], havlit["mentions"]) == (2, 1, 2)
    assert client.get(havlit["link"].replace("/entities/", "/api/entities/")).status_code == 200
    for params in ({"type": "LOC"}, {"type": "place"}, {"prefix": "hav"}):
        assert "Havlit" in {
            e["name"] for e in client.get("/api/entities", params=params).json()["entities"]
        }
    assert client.get("/api/entities", params={"type": "PER"}).json()["entities"] == [
        e for e in everything["entities"] if e["type"] == "PER"
    ]
    assert client.get("/api/entities", params={"prefix": "zz"}).json()["total"] == 0
    bad = client.get("/api/entities", params={"type": "planet"})
    assert bad.status_code in (400, 422)
    assert "type" in bad.json()["detail"]


def test_docs_are_served_offline_under_the_content_security_policy(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "<script>" not in page.text  # no inline script: the policy would block it
    scripts = [part.split('"')[0] for part in page.text.split('<script src="')[1:]]
    styles = [part.split('"')[0] for part in page.text.split('<link rel="stylesheet" href="')[1:]]
    assert scripts
    assert styles
    for asset in scripts + styles:
        assert asset.startswith("/"), asset  # from this server, never a CDN
        answer = client.get(asset)
        assert answer.status_code == 200, asset
        assert len(answer.content) > 200, asset
    assert client.get("/redoc").status_code == 200
    assert client.head("/docs").status_code == 200  # link checkers and monitors ask HEAD first
