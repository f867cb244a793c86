"""The web UI in a real browser: Playwright drives Debian's chromium against a real uvicorn server
over a database holding the bundled example corpus."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from chromium_browser import ingested
from newsloom.web import create_app
from web_server import running_server

pytestmark = pytest.mark.browser

TOKEN = "browser-test"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over a database filled with the example corpus; writes need TOKEN."""
    settings = ingested(tmp_path_factory.mktemp("browser"), [])
    settings = settings.model_copy(
        update={"serve": settings.serve.model_copy(update={"token": TOKEN})}
    )
    with running_server(create_app(settings)) as base:
        yield base


def test_open_a_story_and_follow_a_citation_to_its_article(page: Any, server: str) -> None:
    listing = httpx.get(f"{server}/api/stories", params={"order": "biggest"}).json()
    biggest = listing["stories"][0]
    page.goto("/stories?order=biggest")
    links = page.locator("a.story-link")
    assert links.count() == listing["total"]
    assert links.first.inner_text().strip() == biggest["title"]
    links.first.click()
    page.wait_for_url(f"**/stories/{biggest['id']}")
    dossier = httpx.get(f"{server}/api/stories/{biggest['id']}").json()["story"]
    assert page.locator("#story-title").inner_text().strip() == dossier["title"]
    assert page.locator("#summary ol.summary > li").count() == len(dossier["summary"])
    assert page.locator("#timeline ol.timeline > li").count() == len(dossier["timeline"])
    marks = (
        page.locator("#figures svg.chart").count() + page.locator("#figures svg.sparkline").count()
    )
    assert marks == len(dossier["figure_tracks"])  # a chart, or a sparkline where it never changed
    assert page.locator("#coverage table.articles tbody tr").count() == len(dossier["articles"])
    assert dossier["summary"], "the biggest example story should have a summary"
    cited = dossier["summary"][0]["articles"][0]
    page.locator("#summary a.cite").first.click()
    page.wait_for_url(f"**/articles/{cited}")
    article = httpx.get(f"{server}/api/articles/{cited}").json()
    assert page.locator("#article-title").inner_text().strip() == article["title"]
    assert page.locator("#story-link").get_attribute("href") == f"/stories/{biggest['id']}"
    first_sentence = dossier["summary"][0]["text"]
    assert first_sentence[:40] in page.locator("div.text").inner_text().replace("\n", " ")
    shown = page.locator("div.paragraph").count()
    assert shown == len(article["paragraphs"])
    spans = sum(len(p["spans"]) for p in article["paragraphs"])
    assert page.locator("div.text .hl").count() >= min(spans, 1)


def test_figure_chart_points_link_to_the_sources(page: Any, server: str) -> None:
    stories = httpx.get(f"{server}/api/stories", params={"order": "biggest"}).json()["stories"]
    for story in stories:
        dossier = httpx.get(f"{server}/api/stories/{story['id']}").json()["story"]
        changing = [
            t
            for t in dossier["figure_tracks"]
            if len({(v["low"], v["high"], v["qualifier"]) for v in t["values"]}) > 1
        ]
        if changing:
            break
    else:
        pytest.fail("no example story has a figure track that changes")
    page.goto(f"/stories/{dossier['id']}")
    track = changing[0]  # the first chart: only figures that change get one (#21)
    chart = page.locator("#figures svg.chart").first
    assert chart.locator("a.point").count() == len(track["values"])
    disagreeing = sum(v["change"] == "disagreement" for v in track["values"])
    assert chart.locator("a.point.disagreement").count() == disagreeing
    source = track["values"][0]["sources"][0]
    chart.locator("a.point").first.click()
    page.wait_for_url(f"**/articles/{source['article']}#p{source['paragraph']}")
    assert page.locator(f"#p{source['paragraph']}").is_visible()


def test_filter_and_search(page: Any, server: str) -> None:
    page.goto("/stories")
    page.select_option("select[name=language]", "sv")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/stories?*language=sv*")
    expected = httpx.get(f"{server}/api/stories", params={"language": "sv"}).json()
    assert page.locator("a.story-link").count() == expected["total"] > 0
    page.fill("header form.search input[name=q]", "Havørn")
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    hits = httpx.get(f"{server}/api/search", params={"q": "Havørn"}).json()["hits"]
    assert page.locator("ol.hits > li").count() == len(hits) > 0
    assert page.locator("ol.hits mark").count() > 0
    page.locator("a.hit-link").first.click()
    page.wait_for_url(f"**/articles/{hits[0]['article']}")


def test_script_in_article_text_does_not_execute(page: Any, server: str) -> None:
    hostile = {
        "title": "<script>window.__pwned = 'title'</script>Vindauge knust i Nordvik",
        "text": "Eit vindauge vart knust i Nordvik natt til fredag, melder politiet."
        ' <img src="x" onerror="window.__pwned = \'img\'"> Ingen vart skadde.\n\n'
        "<script>window.__pwned = 'body'</script> Politiet etterforskar saka vidare.",
        "source": "<b onmouseover=\"window.__pwned='outlet'\">Nordvik Tidend</b>",
    }
    response = httpx.post(
        f"{server}/api/articles",
        json=hostile,
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=300,
    )
    assert response.status_code == 200, response.text
    item = response.json()["articles"][0]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in (
        f"/articles/{item['id']}",
        f"/stories/{item['story']}",
        "/search?q=vindauge",
        "/stories?q=vindauge",
    ):
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator("script").count() == 0, url
        assert page.locator("img").count() == 0, url
    page.goto(f"/articles/{item['id']}")
    assert (
        "<script>window.__pwned = 'title'</script>" in page.locator("#article-title").inner_text()
    )
    assert 'onerror="window.__pwned' in page.locator("div.text").inner_text()
    assert dialogs == []
