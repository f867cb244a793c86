"""The story page, story list and entity page read at a glance (#21), checked in a real browser.

Playwright drives Debian's chromium against a real uvicorn server over the bundled example corpus
plus a small invented story with no outlet and vague counts. Each test looks at what a reader sees
(DOM text) and at a screenshot of it: the screenshot must be drawn (not blank, a sensible size)
and where it can be, what is drawn is checked (the original-vs-copied bar's colours, a vague
count's hollow point).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from chromium_browser import assert_drawn, image_of, ingested, share_of
from newsloom.web import create_app
from web_server import running_server

pytestmark = pytest.mark.browser

HEX_ID = re.compile(r"^[0-9a-f]{6,16}$")

# An invented story: no outlet, no URL; a count that grows from "dozens" to "hundreds" (a figure
# that changes, both values vague) and an injured count every article repeats (one point).
FLOOD = [
    {
        "id": "flood-1",
        "title": "Skybrud over Vesterby: veje under vand",
        "text": "Et voldsomt skybrud ramte Vesterby natten til mandag, og flere veje står under"
        " vand.\n\nIfølge beredskabet er dusinvis af beboere blevet evakueret fra deres hjem i den"
        " nordlige bydel.\n\nTo personer er kommet til skade, oplyser politiet.",
        "published": "2025-06-02T07:00:00+02:00",
        "language": "da",
    },
    {
        "id": "flood-2",
        "title": "Hundredvis evakueret efter skybrud i Vesterby",
        "text": "Hundredvis af beboere er nu evakueret efter skybruddet over Vesterby, oplyser"
        " beredskabet mandag aften.\n\nTo personer er kommet til skade, oplyser politiet.\n\n"
        "Vandet står fortsat højt i den nordlige bydel af Vesterby efter skybruddet.",
        "published": "2025-06-02T19:00:00+02:00",
        "language": "da",
    },
]


GREEN = (0x1E, 0x6B, 0x35)  # newsloom.css: svg.sharebar .original
PURPLE = (0xA8, 0x74, 0xD1)  # svg.sharebar .copied


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("pages")
    flood = folder / "flood.jsonl"
    flood.write_text("\n".join(json.dumps(item) for item in FLOOD) + "\n", encoding="utf-8")
    with running_server(create_app(ingested(folder, [flood]))) as base:
        yield base


def api(server: str, path: str, **params: Any) -> Any:
    response = httpx.get(f"{server}{path}", params=params, timeout=120)
    assert response.status_code == 200, response.text
    return response.json()


def story_titled(server: str, word: str) -> dict[str, Any]:
    listing = api(server, "/api/stories", limit=100)
    for story in listing["stories"]:
        if word in story["title"]:
            return story
    pytest.fail(f"no story titled with {word!r}")


def changing(track: dict[str, Any]) -> bool:
    """Independently of the page code: does the track hold two different values?"""
    return len({(v["low"], v["high"], v["qualifier"]) for v in track["values"]}) > 1


# --- the story page ----------------------------------------------------------------------------


def test_story_page_shows_lead_counts_outlets_and_key_figures_first(
    page: Any, server: str, tmp_path: Path
) -> None:
    biggest = api(server, "/api/stories", order="biggest")["stories"][0]
    view = api(server, f"/api/stories/{biggest['id']}")
    story, glance = view["story"], view["story"]["glance"]
    page.goto(f"/stories/{biggest['id']}")

    assert page.locator("#lead").inner_text().startswith(glance["lead"][:60])
    outlets = story["coverage"]["outlets"]
    assert len(outlets) > 1
    assert page.locator("#outlet-count").inner_text().split() == [str(len(outlets)), "outlets"]
    assert page.locator("#article-count .number").inner_text() == str(len(story["articles"]))
    sources = page.locator("#source-count .number").inner_text()
    assert sources == str(len(glance["named_sources"])) != "0"
    shown = [name.split(" ×")[0].strip() for name in page.locator("#outlets li").all_inner_texts()]
    assert shown == [item["outlet"] for item in outlets]
    # the glance comes before the summary, as outlets and counts do on Ground News
    glance_box = page.locator("#at-a-glance").bounding_box()
    assert glance_box["y"] < page.locator("#summary").bounding_box()["y"]

    key = page.locator("#key-figures li.key-figure")
    assert key.count() == len(glance["key_figures"]) > 0
    for index, figure in enumerate(glance["key_figures"]):
        assert key.nth(index).locator(".figure-value").inner_text() == figure["label"]

    # the original-vs-copied bar is drawn in its two colours, in proportion
    bar = image_of(page.locator("svg.sharebar").screenshot())
    green, purple = share_of(bar, GREEN), share_of(bar, PURPLE)
    assert abs(green / (green + purple) - story["coverage"]["original_share"]) < 0.08
    shot = page.locator("#at-a-glance").screenshot(path=str(tmp_path / "glance.png"))
    assert_drawn(shot, 500, 60)


def test_citation_chips_name_outlets_never_ids(page: Any, server: str) -> None:
    biggest = api(server, "/api/stories", order="biggest")["stories"][0]
    view = api(server, f"/api/stories/{biggest['id']}")
    outlet_of = {brief["id"]: brief["source"] for brief in view["articles"]}
    page.goto(f"/stories/{biggest['id']}")
    chips = page.locator("a.cite")
    assert chips.count() > 10
    for index in range(chips.count()):
        chip = chips.nth(index)
        article_id = chip.get_attribute("href").split("/articles/")[1].split("#")[0]
        text = chip.inner_text().strip()
        assert not HEX_ID.match(text), text
        assert text.startswith(outlet_of[article_id]), (text, outlet_of[article_id])

    flood = story_titled(server, "Vesterby")
    page.goto(flood["link"])
    labels = set(page.locator("a.cite").all_inner_texts())
    assert labels == {"article 1", "article 2"}  # no outlet known: numbered, not hex
    assert page.locator("#outlet-count").inner_text() == "outlets unknown"


def test_one_chart_per_changing_figure_and_sparklines_for_the_rest(
    page: Any, server: str, tmp_path: Path
) -> None:
    biggest = api(server, "/api/stories", order="biggest")["stories"][0]
    tracks = api(server, f"/api/stories/{biggest['id']}")["story"]["figure_tracks"]
    page.goto(f"/stories/{biggest['id']}")
    expected_charts = sum(changing(track) for track in tracks)
    assert page.locator("#figures svg.chart").count() == expected_charts
    assert page.locator("#figures svg.sparkline").count() == len(tracks) - expected_charts
    assert len(tracks) - expected_charts > 0, "the example story has figures that never change"
    # a copy badge only where the source is a copy (the `{% if source.copy %}` bug, #20)
    shown = [t["values"] if changing(t) else t["values"][-1:] for t in tracks]
    copies = sum(bool(s["copy"]) for values in shown for v in values for s in v["sources"])
    assert page.locator("#figures .badge.copy").count() == copies
    sparkline = page.locator("#figures svg.sparkline").first
    assert_drawn(sparkline.screenshot(), 90, 20, min_colours=3)
    chart = page.locator("#figures svg.chart").first
    assert_drawn(chart.screenshot(path=str(tmp_path / "chart.png")), 400, 150)


def test_vague_counts_are_words_never_range_bars(page: Any, server: str, tmp_path: Path) -> None:
    flood = story_titled(server, "Vesterby")
    tracks = api(server, flood["link"].replace("/stories/", "/api/stories/"))["story"][
        "figure_tracks"
    ]
    evacuated = next(t for t in tracks if t["kind"] == "evacuated")
    # the articles' words, no number (#16)
    assert [(v["low"], v["high"], v["vague"]) for v in evacuated["values"]] == [
        (None, None, "dusinvis"),
        (None, None, "Hundredvis"),
    ]
    page.goto(flood["link"])
    chart = page.locator("#figures div.track.changing svg.chart")
    assert chart.count() == 1
    assert chart.locator("text.value").all_text_contents() == ["“dusinvis”", "“Hundredvis”"]
    assert chart.locator("line.range").count() == 0
    cells = page.locator("#figures div.track.changing td.figure-value").all_inner_texts()
    assert cells == ["“dusinvis”", "“Hundredvis”"]
    text = page.locator("#figures").inner_text()
    assert "24–99" not in text
    assert "200–999" not in text
    # the vague points are hollow: white at the centre, the accent colour on the ring
    image = image_of(chart.screenshot(path=str(tmp_path / "vague.png")))
    box = chart.bounding_box()
    scale = box["width"] / float(chart.get_attribute("viewBox").split()[2])
    for circle in chart.locator("a.point.vague circle").all():
        cx = float(circle.get_attribute("cx")) * scale
        cy = float(circle.get_attribute("cy")) * scale
        centre = image.getpixel((round(cx), round(cy)))
        assert min(centre) > 200, f"the centre of a vague point is filled: {centre}"
        ring = [image.getpixel((round(cx + dx * scale), round(cy))) for dx in (4.0, 4.5, 5.0)]
        assert any(b > r + 40 for r, _, b in ring), f"no ring drawn: {ring}"
    assert_drawn(page.locator("#figures").screenshot(), 500, 150)


# --- the story list ----------------------------------------------------------------------------


def test_story_list_shows_lead_key_figure_and_source_counts(
    page: Any, server: str, tmp_path: Path
) -> None:
    listing = api(server, "/api/stories", order="biggest")
    first = listing["stories"][0]
    page.goto("/stories?order=biggest")
    item = page.locator("li.story-item").first
    assert item.locator("a.story-link").inner_text() == first["title"]
    assert first["lead"]
    assert item.locator("p.lead").inner_text()[:60] == first["lead"][:60]
    assert item.locator(".outlet-count .count").inner_text() == str(len(first["outlets"]))
    assert item.locator(".article-count .count").inner_text() == str(first["articles"])
    assert item.locator(".source-count .count").inner_text() == str(first["named_sources"])
    key = first["key_figures"][0]
    assert item.locator(".key-figure .figure-value").inner_text() == key["label"]
    shot = item.screenshot(path=str(tmp_path / "story-item.png"))
    image = assert_drawn(shot, 600, 70)
    # the lead is drawn under the title: the item is at least three lines of text high
    assert image.size[1] >= 3 * 20
    vague = page.locator("li.story-item .key-figure .figure-value.vague")
    flood = next(s for s in listing["stories"] if "Vesterby" in s["title"])
    assert flood["key_figures"][0]["vague"]
    assert vague.all_inner_texts() == [flood["key_figures"][0]["label"]]


# --- entity pages ------------------------------------------------------------------------------


def test_entity_page_names_the_type_and_lists_articles_and_co_mentions(
    page: Any, server: str, tmp_path: Path
) -> None:
    biggest = api(server, "/api/stories", order="biggest")["stories"][0]
    entities = api(server, f"/api/stories/{biggest['id']}")["story"]["entities"]
    place = next(e for e in entities if e["type"] == "LOC" and len(e["articles"]) > 1)
    entity = api(server, f"/api/entities/{place['id']}")
    page.goto(f"/entities/{place['id']}")
    assert page.locator("#entity-meta .entity-type").inner_text() == "place"
    assert "LOC" not in page.locator("main").inner_text()
    rows = page.locator("#entity-articles tbody tr")
    assert rows.count() == len(entity["articles"]) >= len(place["articles"])
    titles = page.locator("#entity-articles a.article-link").all_inner_texts()
    assert titles == [article["title"] for article in entity["articles"]]
    others = page.locator("#co-mentioned li")
    assert others.count() == len(entity["co_mentioned"]) > 0
    assert_drawn(page.locator("#entity-articles").screenshot(), 500, 60)
    assert_drawn(page.screenshot(path=str(tmp_path / "entity.png"), full_page=True), 1000, 600)
    # co-mention is mutual: the first co-mentioned entity's page names this one
    page.locator("#co-mentioned a.entity").first.click()
    page.wait_for_url(f"**{entity['co_mentioned'][0]['link']}")
    assert place["name"] in page.locator("#co-mentioned").inner_text()
    # the story page names entity types in words too
    page.goto(f"/stories/{biggest['id']}")
    kinds = {t.split(" · ")[0] for t in page.locator("#entities .meta").all_inner_texts()}
    assert kinds <= {"person", "organisation", "place", "other name", "event"}
