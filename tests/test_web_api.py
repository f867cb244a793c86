"""The HTTP API and pages: JSON twins, filters, escaping, token, read-only, size limit, validation,
and writes through the pipeline while pages are served (a real uvicorn server on 127.0.0.1)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from conftest import DATABASES, databases
from ingest_server import CannedServer, canned_server
from newsloom.errors import StoreError
from newsloom.records import (
    Analysis,
    Article,
    DatePrecision,
    EntityMention,
    EntityType,
    Figure,
    Paragraph,
    Quote,
    ReusedPassage,
    ReuseResult,
)
from newsloom.settings import Settings, load_settings
from newsloom.store import open_store
from newsloom.web import create_app
from web_server import running_server

__all__ = ["canned_server"]

XSS_TITLE = '<script>window.__xss = "title"</script>Brann på ferja'
XSS_TEXT = 'Ein person er død etter brannen. <img src=x onerror="window.__xss = 1"> Slutt.'
SHARED_TEXT = "Tre personer savnes efter brand på færgen Havlit, oplyser politiet i Nordby."


def _article(
    article_id: str, title: str, paragraphs: list[str], language: str, source: str, day: str
) -> Article:
    return Article(
        id=article_id,
        content_hash=article_id,
        title=title,
        paragraphs=tuple(
            Paragraph(index=i, text=text, language=language) for i, text in enumerate(paragraphs)
        ),
        language=language,
        published=datetime.fromisoformat(day),
        published_precision=DatePrecision.TIME,
        source=source,
        url=f"https://news.example/{article_id}",
    )


def _mention(paragraph: str, index: int, text: str, kind: EntityType) -> EntityMention:
    start = paragraph.index(text)
    return EntityMention(text=text, type=kind, paragraph=index, start=start, end=start + len(text))


def fill_store(path: Path | str) -> None:
    """Two stories: a ferry fire (Danish original, Norwegian copy with hostile markup), football."""
    first_text = [SHARED_TEXT, "- Vi leder stadig efter dem, siger politiinspektør Anne Holmvik."]
    first = _article(
        "a1", "Brand på færge: tre savnes", first_text, "da", "Kystbladet", "2025-03-04T06:00:00"
    )
    second = _article(
        "a2", XSS_TITLE, [XSS_TEXT, SHARED_TEXT], "nb", "Fjordposten", "2025-03-05T08:00:00"
    )
    third = _article(
        "a3",
        "Fotbollsfesten i Lindvik",
        ["Lindvik vann derbyt med 3–1 inför 9000 åskådare."],
        "sv",
        "Västbladet",
        "2025-02-01T12:00:00",
    )
    store = open_store(path)
    try:
        for article in (first, second, third):
            store.add_article(article)
        store.put_analysis(
            Analysis(
                article_id="a1",
                entities=(_mention(SHARED_TEXT, 0, "Havlit", EntityType.LOCATION),),
                figures=(
                    Figure(
                        kind="missing",
                        subject=None,
                        low=3,
                        high=3,
                        qualifier=None,
                        text="Tre personer savnes",
                        paragraph=0,
                        attributed_to="politiet",
                        start=0,
                        end=19,
                    ),
                ),
                quotes=(
                    Quote(
                        text="Vi leder stadig efter dem",
                        speaker="Anne Holmvik",
                        speaker_role="politiinspektør",
                        paragraph=1,
                        start=2,
                        end=27,
                    ),
                ),
            )
        )
        store.put_analysis(
            Analysis(
                article_id="a2",
                entities=(_mention(SHARED_TEXT, 1, "Havlit", EntityType.LOCATION),),
                figures=(
                    Figure(
                        kind="killed",
                        subject=None,
                        low=1,
                        high=1,
                        qualifier=None,
                        text="Ein person er død",
                        paragraph=0,
                    ),
                ),
            )
        )
        store.put_reuse(ReuseResult(article_id="a1"))
        store.put_reuse(
            ReuseResult(
                article_id="a2",
                passages=(
                    ReusedPassage(
                        article="a2",
                        paragraph=1,
                        other_article="a1",
                        other_paragraph=0,
                        similarity=1.0,
                        origin_article="a1",
                    ),
                ),
                reused_share=0.5,
            )
        )
        store.put_reuse(ReuseResult(article_id="a3"))
        store.put_story("s-ferry", "Brand på færge: tre savnes")
        store.assign_story("a1", "s-ferry")
        store.assign_story("a2", "s-ferry")
        store.put_story("s-football", "Fotbollsfesten i Lindvik")
        store.assign_story("a3", "s-football")
    finally:
        store.close()


@pytest.fixture
def filled_settings(db_url: str) -> Settings:
    fill_store(db_url)
    return load_settings(environ={}, db=db_url)


@pytest.fixture
def client(filled_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(filled_settings)) as test_client:
        yield test_client


def _with_serve(settings: Settings, **changes: object) -> Settings:
    return settings.model_copy(update={"serve": settings.serve.model_copy(update=changes)})


# --- reads ---------------------------------------------------------------------------------


def test_story_list_page_and_json_twin_show_the_same_stories(client: TestClient) -> None:
    listing = client.get("/api/stories").json()
    assert [story["id"] for story in listing["stories"]] == ["s-ferry", "s-football"]  # newest
    assert listing["total"] == 2
    assert listing["stories"][0]["articles"] == 2
    assert listing["stories"][0]["languages"] == ["da", "nb"]
    page = client.get("/stories")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    for story in listing["stories"]:
        assert f'href="/stories/{story["id"]}"' in page.text
    biggest = client.get("/api/stories", params={"order": "biggest"}).json()
    assert biggest["stories"][0]["id"] == "s-ferry"
    oldest = client.get("/api/stories", params={"order": "oldest"}).json()
    assert oldest["stories"][0]["id"] == "s-football"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"language": "sv"}, ["s-football"]),
        ({"language": "nb"}, ["s-ferry"]),
        ({"outlet": "fjordposten"}, ["s-ferry"]),
        ({"since": "2025-03-01"}, ["s-ferry"]),
        ({"until": "2025-02-01"}, ["s-football"]),
        ({"since": "2025-03-05", "until": "2025-03-05"}, ["s-ferry"]),
        ({"q": "derbyt"}, ["s-football"]),
        ({"q": "savnes"}, ["s-ferry"]),
        ({"q": "nothinglikethis"}, []),
        ({"language": "", "outlet": "", "since": "", "q": ""}, ["s-ferry", "s-football"]),
    ],
)
def test_story_filters(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    listing = client.get("/api/stories", params=params).json()
    assert [story["id"] for story in listing["stories"]] == expected
    assert listing["total"] == len(expected)
    page = client.get("/stories", params=params)
    assert page.status_code == 200
    assert sum(f'href="/stories/{story_id}"' in page.text for story_id in expected) == len(expected)


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("/api/stories?since=yesterday", "since"),
        ("/api/stories?until=2025-13-40", "until"),
        ("/api/stories?order=random", "order"),
        ("/api/stories?limit=0", "limit"),
        ("/api/stories?limit=many", "limit"),
        ("/api/search?q=x&limit=100000", "limit"),
    ],
)
def test_bad_query_parameters_are_422_naming_the_parameter(
    client: TestClient, url: str, named: str
) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert named in response.json()["detail"]
    page = client.get(url.removeprefix("/api"))
    assert page.status_code == 422
    assert named in page.text


def test_story_dossier_json_and_page(client: TestClient) -> None:
    view = client.get("/api/stories/s-ferry").json()
    story = view["story"]
    assert story["id"] == "s-ferry"
    assert set(story["articles"]) == {"a1", "a2"}
    assert {brief["id"]: brief["reused_share"] for brief in view["articles"]} == {
        "a1": 0.0,
        "a2": 0.5,
    }
    assert {track["kind"] for track in story["figure_tracks"]} == {"missing", "killed"}
    page = client.get("/stories/s-ferry").text
    assert "Brand på færge: tre savnes" in page
    for section in ("summary", "timeline", "figures", "quotes", "entities", "coverage"):
        assert f'id="{section}"' in page
    # one mark per figure track: a chart where the value changes, else a sparkline (#21)
    assert page.count('<svg class="chart"') + page.count('<svg class="sparkline"') == len(
        story["figure_tracks"]
    )
    assert "Anne Holmvik" in page
    for sentence in story["summary"]:
        for article_id in sentence["articles"]:
            assert f'href="/articles/{article_id}"' in page
    # a unique prefix of the story id is enough
    assert client.get("/api/stories/s-foot").json()["story"]["id"] == "s-football"


def test_article_page_marks_entities_figures_quotes_and_reuse(client: TestClient) -> None:
    article = client.get("/api/articles/a1").json()
    assert article["story"]["id"] == "s-ferry"
    spans = {
        (span["kind"], span["start"], span["end"]) for span in article["paragraphs"][0]["spans"]
    }
    assert ("figure", 0, 19) in spans
    start = SHARED_TEXT.index("Havlit")
    assert ("entity", start, start + len("Havlit")) in spans
    assert article["paragraphs"][1]["spans"][0]["kind"] == "quote"
    copied_by = article["paragraphs"][0]["reuse"]
    assert [(link["direction"], link["article"], link["paragraph"]) for link in copied_by] == [
        ("copied_by", "a2", 1)
    ]
    page = client.get("/articles/a1").text
    assert '<mark class="hl figure"' in page
    assert 'class="hl quote"' in page
    assert 'href="/articles/a2#p1"' in page  # the copy, linked
    entity_link = next(
        s["link"] for s in article["paragraphs"][0]["spans"] if s["kind"] == "entity"
    )
    assert entity_link
    assert entity_link.startswith("/entities/")
    assert f'href="{entity_link}"' in page
    copy = client.get("/api/articles/a2").json()
    assert copy["reused_share"] == 0.5
    assert copy["paragraphs"][1]["reuse"][0]["direction"] == "copied_from"
    assert 'class="paragraph kind-body reused"' in client.get("/articles/a2").text
    # external ids, URLs and prefixes find the article too
    assert client.get("/api/articles/a").status_code == 404  # ambiguous prefix
    assert client.get("/api/articles/a3").json()["title"] == "Fotbollsfesten i Lindvik"


def test_article_text_is_escaped(client: TestClient) -> None:
    page = client.get("/articles/a2").text
    assert "<script>window.__xss" not in page
    assert "&lt;script&gt;window.__xss" in page
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=" in page
    for url in ("/stories", "/stories/s-ferry", "/search?q=brannen"):
        text = client.get(url).text
        assert "<script>" not in text
        assert "<img src=x" not in text
    policy = client.get("/articles/a2").headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_entity_page_lists_spellings_and_stories(client: TestClient) -> None:
    entities = client.get("/api/stories/s-ferry").json()["story"]["entities"]
    place = next(entity for entity in entities if entity["name"] == "Havlit")
    entity = client.get(f"/api/entities/{place['id']}").json()
    assert entity["name"] == "Havlit"
    assert "Havlit" in entity["variants"]
    assert [story["id"] for story in entity["stories"]] == ["s-ferry"]
    assert entity["mentions"] == place["mentions"]
    page = client.get(f"/entities/{place['id']}").text
    assert 'href="/stories/s-ferry"' in page


def test_story_list_json_carries_lead_key_figures_and_counts(client: TestClient) -> None:
    """#21: what the story list shows at a glance is in its JSON twin too."""
    listing = client.get("/api/stories").json()
    ferry = next(story for story in listing["stories"] if story["id"] == "s-ferry")
    assert ferry["lead"] == SHARED_TEXT  # the titled article's first body paragraph
    assert {figure["kind"]: figure["label"] for figure in ferry["key_figures"]} == {
        "missing": "3",
        "killed": "1",
    }
    assert ferry["named_sources"] == 2  # politiet (a figure's source) and Anne Holmvik (quoted)
    assert ferry["independent_articles"] == 2
    page = client.get("/stories").text
    assert SHARED_TEXT in page
    assert 'class="source-count"><span class="count">2</span>' in page


def test_story_json_labels_citations_by_outlet(client: TestClient) -> None:
    glance = client.get("/api/stories/s-ferry").json()["story"]["glance"]
    assert glance["labels"] == {"a1": "Kystbladet", "a2": "Fjordposten"}
    assert glance["outlets"] == 2
    page = client.get("/stories/s-ferry").text
    assert ">Kystbladet</a>" in page
    assert 'id="lead"' in page


def test_story_page_shows_a_copy_badge_only_on_copies(client: TestClient) -> None:
    """The figures table once showed "copy" on every source (a dict's .copy method is truthy)."""
    tracks = client.get("/api/stories/s-ferry").json()["story"]["figure_tracks"]
    copies = sum(s["copy"] for t in tracks for v in t["values"] for s in v["sources"])
    sources = sum(len(v["sources"]) for t in tracks for v in t["values"])
    assert sources > copies
    page = client.get("/stories/s-ferry").text
    figures = page[page.index('id="figures"') : page.index('id="quotes"')]
    assert figures.count('class="badge copy"') == copies


def test_entity_json_and_page_list_articles_and_type_in_words(client: TestClient) -> None:
    entities = client.get("/api/stories/s-ferry").json()["story"]["entities"]
    place = next(entity for entity in entities if entity["name"] == "Havlit")
    entity = client.get(f"/api/entities/{place['id']}").json()
    assert entity["type_name"] == "place"
    assert [article["id"] for article in entity["articles"]] == ["a2", "a1"]  # newest first
    assert {article["story"] for article in entity["articles"]} == {"s-ferry"}
    assert entity["co_mentioned"] == []  # no other entity in its articles
    page = client.get(f"/entities/{place['id']}").text
    assert 'class="entity-type">place<' in page
    assert 'href="/articles/a1"' in page
    assert "No other names in its articles." in page


def test_search_marks_the_matched_words(client: TestClient) -> None:
    result = client.get("/api/search", params={"q": "derbyt"}).json()
    assert [hit["article"] for hit in result["hits"]] == ["a3"]
    assert result["hits"][0]["story"] == "s-football"
    assert {"text": "derbyt", "match": True} in result["hits"][0]["snippet_parts"]
    page = client.get("/search", params={"q": "derbyt"}).text
    assert "<mark>derbyt</mark>" in page
    assert client.get("/api/search", params={"q": ""}).json()["hits"] == []
    malformed = client.get("/api/search", params={"q": '"unbalanced (AND'})
    assert malformed.status_code == 400
    assert "never closed" in malformed.json()["detail"]


def test_unknown_ids_are_404_in_json_and_html(client: TestClient) -> None:
    for path in ("/stories/nope", "/articles/nope", "/entities/nope"):
        response = client.get("/api" + path)
        assert response.status_code == 404
        assert "nope" in response.json()["detail"]
        page = client.get(path)
        assert page.status_code == 404
        assert page.headers["content-type"].startswith("text/html")
        assert "nope" in page.text
    assert client.get("/api/no-such-endpoint").status_code == 404


def test_openapi_schema_and_offline_assets(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/entities/{entity_id}",
        "/api/search",
        "/api/status",
    ):
        assert "get" in paths[path]
    assert "post" in paths["/api/articles"]
    assert "post" in paths["/api/articles/batch"]
    assert "/stories" not in paths  # pages are not API
    docs = client.get("/docs").text  # newsloom's own Swagger UI files (test_api_lists.py)
    assert "http://" not in docs
    assert "https://" not in docs
    assert "get" in paths["/api/articles"]
    assert "get" in paths["/api/entities"]
    css = client.get("/static/newsloom.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    page = client.get("/stories").text
    assert "http://" not in page.replace("http://testserver", "")  # nothing from elsewhere
    assert "https://" not in page
    assert client.get("/", follow_redirects=False).headers["location"] == "/stories"


def test_status(client: TestClient) -> None:
    status = client.get("/api/status").json()
    assert status["articles"] == 3
    assert status["stories"] == 2
    assert status["read_only"] is False
    assert status["writes_need_token"] is False


# --- write guards (refused before anything runs) --------------------------------------------


def test_writes_need_the_token_when_one_is_set(filled_settings: Settings) -> None:
    settings = _with_serve(filled_settings, token="s3cret")
    with TestClient(create_app(settings)) as client:
        article = {"text": "Ein kort tekst om vêret."}
        missing = client.post("/api/articles", json=article)
        assert missing.status_code == 401
        assert "NEWSLOOM_TOKEN" in missing.json()["detail"]
        wrong = client.post("/api/articles", json=article, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        assert "does not match" in wrong.json()["detail"]
        batch = client.post(
            "/api/articles/batch",
            json={"articles": [article]},
            headers={"X-Newsloom-Token": "wrong"},
        )
        assert batch.status_code == 401
        assert client.get("/api/status").json()["writes_need_token"] is True
        assert client.get("/api/stories").status_code == 200  # reads stay open
        assert client.get("/api/status").json()["articles"] == 3  # nothing was written


def test_token_comes_from_the_environment(tmp_path: Path) -> None:
    settings = load_settings(environ={"NEWSLOOM_TOKEN": "from-env"}, db=str(tmp_path / "t.db"))
    with TestClient(create_app(settings)) as client:
        assert client.post("/api/articles", json={"text": "Tekst."}).status_code == 401


def test_read_only_server_refuses_writes(filled_settings: Settings, tmp_path: Path) -> None:
    settings = _with_serve(filled_settings, read_only=True)
    with TestClient(create_app(settings)) as client:
        response = client.post("/api/articles", json={"text": "Ein tekst."})
        assert response.status_code == 403
        assert "read-only" in response.json()["detail"]
        assert client.get("/api/stories").json()["total"] == 2
        assert client.get("/api/status").json()["read_only"] is True
    missing = load_settings(environ={}, db=str(tmp_path / "missing.db"))
    with pytest.raises(StoreError, match="does not exist"):
        create_app(_with_serve(missing, read_only=True))


def test_request_size_limit(filled_settings: Settings) -> None:
    settings = _with_serve(filled_settings, max_request_mb=0.01)  # about 10 kB
    with TestClient(create_app(settings)) as client:
        big = {"text": "ord " * 5000}
        response = client.post("/api/articles", json=big)
        assert response.status_code == 413
        assert "max_request_mb" in response.json()["detail"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: the body is counted as it comes
            yield b'{"text": "'
            for _ in range(100):
                yield b"ord " * 100
            yield b'"}'

        chunked = client.post(
            "/api/articles", content=chunks(), headers={"content-type": "application/json"}
        )
        assert chunked.status_code == 413
        assert client.get("/api/status").json()["articles"] == 3


@pytest.mark.parametrize(
    ("path", "body", "expected"),
    [
        ("/api/articles", {"title": "Uten tekst"}, "give 'text'"),
        ("/api/articles", {"text": "   "}, "'text' is empty"),
        ("/api/articles", {"text": "Tekst.", "colour": "blue"}, "body.colour"),
        ("/api/articles", {"text": 42}, "body.text"),
        ("/api/articles", [{"text": "Tekst."}], "body"),
        ("/api/articles/batch", {"articles": []}, "body.articles"),
        ("/api/articles/batch", {"articles": [{"text": "ok"}, {"title": "x"}]}, "body.articles[1]"),
        ("/api/articles", {"url": "https://news.example/a"}, "allow_url_fetch"),
    ],
)
def test_validation_errors_are_422_with_clear_messages(
    client: TestClient, path: str, body: object, expected: str
) -> None:
    response = client.post(path, json=body)
    assert response.status_code == 422
    assert expected in response.json()["detail"]
    assert client.get("/api/status").json()["articles"] == 3


def test_invalid_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/api/articles", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert "JSON" in response.json()["detail"]


# --- writes through the pipeline -------------------------------------------------------------

STORY_TEXTS = [
    (
        "Skogbrann i Hallvik: {n} hus evakuert",
        "Brannvesenet i Hallvik evakuerte natt til tirsdag {n} hus da skogbrannen spreidde seg mot"
        " bustadfeltet ved Granlia, opplyser politiet.\n\nBrannen starta i eit hogstfelt, og"
        " mannskap frå fire kommunar kjempar mot flammane. Artikkel nummer {n}.",
    ),
    (
        "Vindkraft i Sørmo: klage nummer {n}",
        "Kommunestyret i Sørmo handsama klage nummer {n} på vindkraftverket på Heiane.\n\n"
        "Naboane meiner støyen frå turbinane er for høg om natta, medan utbyggjaren viser til"
        " målingar som er innanfor krava.",
    ),
]


@pytest.fixture(scope="module", params=DATABASES)
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Settings]]:
    """A real server with a token over an empty database (the pipeline loads on first POST)."""
    with databases(request.param, tmp_path_factory.mktemp("live")) as new_database:
        settings = _with_serve(load_settings(environ={}, db=new_database()), token="tok")
        with running_server(create_app(settings)) as base:
            yield base, settings


AUTH = {"Authorization": "Bearer tok"}


def test_post_one_article_and_a_batch_through_the_pipeline(live: tuple[str, Settings]) -> None:
    base, _ = live
    title, text = STORY_TEXTS[0]
    one = {
        "title": title.format(n=1),
        "text": text.format(n=1),
        "source": "Hallvik Avis",
        "published": "2025-06-03T07:00:00+02:00",
        "id": "ext-1",
    }
    response = httpx.post(f"{base}/api/articles", json=one, headers=AUTH, timeout=120)
    assert response.status_code == 200, response.text
    result = response.json()
    assert (result["read"], result["new"], result["unchanged"]) == (1, 1, 0)
    article_id = result["articles"][0]["id"]
    story_id = result["articles"][0]["story"]
    assert story_id
    article = httpx.get(f"{base}/api/articles/{article_id}").json()
    assert article["external_id"] == "ext-1"
    assert article["published"].startswith("2025-06-03")
    assert httpx.get(f"{base}/api/articles/ext-1").json()["id"] == article_id
    again = httpx.post(f"{base}/api/articles", json=one, headers=AUTH, timeout=120).json()
    assert (again["new"], again["unchanged"]) == (0, 1)
    assert again["articles"][0]["story"] == story_id
    batch = {
        "articles": [
            {"title": STORY_TEXTS[1][0].format(n=1), "text": STORY_TEXTS[1][1].format(n=1)},
            {"text": " date 2025-06 Kort melding frå Hallvik om vegarbeid på riksvegen i veke 23."},
        ]
    }
    result = httpx.post(f"{base}/api/articles/batch", json=batch, headers=AUTH, timeout=120).json()
    assert result["new"] == 2
    dated = httpx.get(f"{base}/api/articles/{result['articles'][1]['id']}").json()
    assert dated["published"].startswith("2025-06")  # the date prefix became the date
    assert dated["published_precision"] == "month"
    assert not dated["paragraphs"][0]["text"].startswith("date")
    dossier = httpx.get(f"{base}/api/stories/{story_id}").json()
    assert article_id in dossier["story"]["articles"]


def test_seeds_posted_through_the_api_are_stored_with_their_stories(
    live: tuple[str, Settings], seeds_dir: Path
) -> None:
    base, _ = live
    seeds = sorted(seeds_dir.glob("*.txt"))
    batch = {
        "articles": [{"id": seed.stem, "text": seed.read_text(encoding="utf-8")} for seed in seeds]
    }
    result = httpx.post(f"{base}/api/articles/batch", json=batch, headers=AUTH, timeout=300).json()
    assert result["read"] == len(seeds)
    assert result["new"] + result["unchanged"] == len(seeds)
    assert len(result["articles"]) == len(seeds)
    for item in result["articles"]:
        article = httpx.get(f"{base}/api/articles/{item['id']}").json()
        assert article["story"]["id"] == item["story"]
        story = httpx.get(f"{base}/api/stories/{item['story']}").json()
        assert item["id"] in story["story"]["articles"]
        page = httpx.get(f"{base}/stories/{item['story']}")
        assert page.status_code == 200
        assert f'href="/articles/{item["id"]}"' in page.text


def test_concurrent_posts_while_pages_are_served_lose_no_write(live: tuple[str, Settings]) -> None:
    base, _ = live
    before = httpx.get(f"{base}/api/status").json()["articles"]
    writers, per_writer = 3, 4
    posted: list[str] = []
    failures: list[str] = []
    reads = 0
    stop = threading.Event()
    lock = threading.Lock()

    def write(writer: int) -> None:
        with httpx.Client(base_url=base, headers=AUTH, timeout=300) as http:
            for index in range(per_writer):
                n = 100 + writer * per_writer + index
                title, text = STORY_TEXTS[n % 2]
                response = http.post(
                    "/api/articles", json={"title": title.format(n=n), "text": text.format(n=n)}
                )
                with lock:
                    if response.status_code != 200 or response.json()["new"] != 1:
                        failures.append(f"POST {n}: {response.status_code} {response.text[:200]}")
                    else:
                        posted.append(response.json()["articles"][0]["id"])

    def read() -> None:
        nonlocal reads
        with httpx.Client(base_url=base, timeout=60) as http:
            while not stop.is_set():
                for url in (
                    "/stories",
                    "/api/stories?order=biggest",
                    "/search?q=Hallvik",
                    "/api/status",
                ):
                    response = http.get(url)
                    with lock:
                        reads += 1
                        if response.status_code != 200:
                            failures.append(f"GET {url}: {response.status_code}")
                stories = http.get("/api/stories").json()["stories"]
                if stories:
                    response = http.get(stories[0]["link"])
                    if response.status_code != 200:
                        with lock:
                            failures.append(f"GET {stories[0]['link']}: {response.status_code}")

    readers = [threading.Thread(target=read) for _ in range(2)]
    writing = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    for thread in readers + writing:
        thread.start()
    for thread in writing:
        thread.join()
    stop.set()
    for thread in readers:
        thread.join()
    assert failures == []
    assert len(posted) == writers * per_writer
    assert reads > 0
    assert httpx.get(f"{base}/api/status").json()["articles"] == before + writers * per_writer
    for article_id in posted:
        article = httpx.get(f"{base}/api/articles/{article_id}").json()
        assert article["story"] is not None


def test_url_fetch_only_when_the_operator_enables_it(
    tmp_path: Path, canned_server: CannedServer
) -> None:
    page = (
        "<html><head><title>Flaum i Elvdal</title></head><body><article><h1>Flaum i Elvdal</h1>"
        "<p>Elva i Elvdal gjekk over sine breidder natt til onsdag, og tolv hus vart evakuerte"
        " av brannvesenet.</p><p>Kommunen har opna eit mottak på skulen for dei som måtte"
        " forlate heimen sin i natt.</p></article></body></html>"
    )
    url = canned_server.add("/flaum.html", page.encode(), "text/html; charset=utf-8")
    closed = load_settings(environ={}, db=str(tmp_path / "closed.db"))
    with TestClient(create_app(closed)) as client:
        refused = client.post("/api/articles", json={"url": url})
        assert refused.status_code == 422
        assert "allow_url_fetch" in refused.json()["detail"]
    assert canned_server.requests == []  # the server never fetched it
    settings = load_settings(environ={}, db=str(tmp_path / "open.db"))
    opened = _with_serve(settings, allow_url_fetch=True)
    with TestClient(create_app(opened)) as client:  # issue 20: 127.0.0.1 is refused by default
        result = client.post("/api/articles", json={"url": url}).json()
        assert result["new"] == 0
        assert "loopback address (127.0.0.1)" in result["rejected"][0]["reason"], result
    assert canned_server.requests == []
    ingest = settings.ingest.model_copy(update={"allow_private_addresses": True})
    opened = opened.model_copy(update={"ingest": ingest})
    with TestClient(create_app(opened)) as client:
        bad = client.post("/api/articles", json={"url": "file:///etc/passwd"})
        assert bad.status_code == 422
        result = client.post("/api/articles", json={"url": url, "source": "Elvdal Tidend"}).json()
        assert result["new"] == 1, result
        article = client.get(f"/api/articles/{result['articles'][0]['id']}").json()
        assert article["source"] == "Elvdal Tidend"
        assert "tolv hus" in " ".join(p["text"] for p in article["paragraphs"])
    assert canned_server.requests == ["/flaum.html"]


def test_dates_are_shown_to_their_precision() -> None:
    from newsloom.web.pages import published_label

    assert published_label("2022-01-01T00:00:00", "month") == "Jan 2022"
    assert published_label("2025-03-04T06:00:00", "day") == "4 Mar 2025"
    assert published_label("2025-03-04T06:00:00", "time") == "4 Mar 2025 06:00"
    assert published_label(None, None) == "undated"
