"""A story at a glance (#21): figure labels in words, outlet labels, key figures, the lead."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from newsloom.extract.numbers import SEVERAL, VAGUE, find_quantities, vague_name
from newsloom.records import Analysis, ParagraphKind, Quote, ReuseResult
from newsloom.story.dossier import Dossier, consolidate
from newsloom.story.glance import (
    at_a_glance,
    entity_type_name,
    figure_label,
    key_figures,
    lead_paragraph,
    source_labels,
)
from newsloom.story.render import dossier_to_dict, render_html, render_text
from story_records import make_article, make_figure


@pytest.mark.parametrize("phrase", sorted(VAGUE))
def test_every_vague_word_is_named_again_in_words(phrase: str) -> None:
    low, high = VAGUE[phrase]
    name = vague_name(low, high)
    assert name
    assert not any(ch.isdigit() for ch in name)
    assert figure_label(low, high, None) == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dusinvis af demonstranter", "dozens"),
        ("hundratals människor", "hundreds"),
        ("flere hundre mennesker", "hundreds"),
        ("noen tusen mennesker", "a few thousand"),
        ("several million people", "several million"),
        ("tens of thousands of people", "tens of thousands"),
    ],
)
def test_vague_quantities_read_back_as_words(text: str, expected: str) -> None:
    quantity = find_quantities(text)[0]
    assert quantity.vague
    assert figure_label(quantity.low, quantity.high, None) == expected


def test_every_several_word_before_a_magnitude_has_a_name() -> None:
    for word in SEVERAL:
        quantity = find_quantities(f"{word} hundrede")[0]
        assert vague_name(quantity.low, quantity.high), word


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "expected"),
    [
        (27, 27, "at least", "at least 27"),
        (60000, 60000, None, "60 000"),
        (200, float("inf"), None, "200+"),
        (200, None, "more than", "more than 200"),
        (5, 7, None, "5–7"),  # a stated range is not vague
        (24, 98, None, "24–98"),
        (2.5, 2.5, None, "2.5"),
        (None, None, None, "?"),
    ],
)
def test_figure_label(
    low: float | None, high: float | None, qualifier: str | None, expected: str
) -> None:
    assert figure_label(low, high, qualifier) == expected


def test_entity_types_in_words() -> None:
    assert [entity_type_name(code) for code in ("LOC", "PER", "ORG", "MISC", "loc")] == [
        "place",
        "person",
        "organisation",
        "other name",
        "place",
    ]
    assert entity_type_name("WORK") == "work"  # unknown codes are shown, lower-cased
    assert entity_type_name(None) == "name"


def test_source_labels_name_outlets_and_never_ids() -> None:
    articles = [
        make_article("a" * 16, ["Tekst."], source="Nunyt"),
        make_article("b" * 16, ["Tekst."], source="Kystavisen"),
        make_article("c" * 16, ["Tekst."], source="Nunyt"),
        replace(make_article("d" * 16, ["Tekst."]), url="https://www.example-avis.dk/a/1"),
        replace(make_article("e" * 16, ["Tekst."]), agencies=("Ritzau",)),
        make_article("f" * 16, ["Tekst."]),
    ]
    assert list(source_labels(articles).values()) == [
        "Nunyt 1",
        "Kystavisen",
        "Nunyt 2",
        "example-avis.dk",
        "Ritzau",
        "article 6",
    ]


def _dossier() -> Dossier:
    day = datetime(2025, 6, 2, 8)
    first = make_article(
        "x1",
        ["Skybrud i Vesterby", "Dusinvis af beboere er evakueret.", "To er såret."],
        day,
        source="Vesterby Avis",
    )
    first = replace(first, title="Skybrud i Vesterby")
    second = make_article(
        "x2", ["Hundredvis af beboere er evakueret. To er såret."], day.replace(hour=18)
    )
    analyses = {
        "x1": Analysis(
            article_id="x1",
            figures=(
                make_figure(
                    "evacuated", 24, 99, paragraph=1, attributed_to="beredskabet", vague="Dusinvis"
                ),
                make_figure("injured", 2, paragraph=2),
            ),
            quotes=(
                Quote(text="Det er slemt", speaker="Ole Hansen", speaker_role=None, paragraph=1),
            ),
        ),
        "x2": Analysis(
            article_id="x2",
            figures=(
                make_figure("evacuated", 200, 999, attributed_to="Beredskabet", vague="Hundredvis"),
                make_figure("injured", 2),
            ),
        ),
    }
    reuse = {"x1": ReuseResult(article_id="x1"), "x2": ReuseResult(article_id="x2")}
    return consolidate([first, second], analyses, reuse, story_id="s-flood")


def test_key_figures_take_each_tracks_latest_value_best_sourced_first() -> None:
    dossier = _dossier()
    figures = key_figures(dossier.figure_tracks)
    by_kind = {figure.kind: figure for figure in figures}
    assert by_kind["evacuated"].label == "“Hundredvis”"  # the article's words, never 200–999
    assert by_kind["evacuated"].vague
    assert by_kind["evacuated"].values == 2
    assert by_kind["injured"].label == "2"
    assert not by_kind["injured"].vague
    assert by_kind["injured"].articles == 2
    assert by_kind["injured"].outlets == 1  # the second article has no outlet
    assert key_figures(dossier.figure_tracks, limit=1)[0].kind == figures[0].kind


def test_glance_counts_outlets_sources_and_names_the_lead() -> None:
    dossier = _dossier()
    glance = at_a_glance(dossier)
    # the title paragraph repeats the title, so the lead is the next body paragraph
    assert glance.lead == "Dusinvis af beboere er evakueret."
    assert glance.lead_articles == ("x1",)
    assert glance.outlets == 1
    assert glance.articles == 2
    # "beredskabet" and "Beredskabet" are one source; the quoted speaker is another
    assert sorted(name.casefold() for name in glance.named_sources) == ["beredskabet", "ole hansen"]
    assert glance.labels == {"x1": "Vesterby Avis", "x2": "article 2"}
    as_json = dossier_to_dict(dossier)["glance"]
    assert isinstance(as_json, dict)
    assert as_json["lead"] == glance.lead
    assert [figure["label"] for figure in as_json["key_figures"]] == [
        figure.label for figure in glance.key_figures
    ]


def test_lead_skips_non_body_paragraphs() -> None:
    article = make_article(
        "y1",
        [("Foto: Scanpix", ParagraphKind.CAPTION), "Regeringen er gået af.", "Mere tekst."],
        datetime(2025, 1, 1),
    )
    dossier = consolidate(
        [article],
        {"y1": Analysis(article_id="y1")},
        {"y1": ReuseResult(article_id="y1")},
        title="Noget helt andet",
    )
    assert lead_paragraph(dossier) == ("Regeringen er gået af.", ("y1",))


def test_text_dossier_shows_vague_counts_and_types_in_words() -> None:
    dossier = _dossier()
    text = render_text(dossier)
    assert "“Dusinvis”" in text  # the articles' words
    assert "“Hundredvis”" in text
    assert "24–99" not in text
    assert "200–999" not in text


def test_html_dossier_cites_outlets_and_leads_with_the_glance() -> None:
    html = render_html(_dossier())
    assert '<p class="lead">Dusinvis af beboere er evakueret.</p>' in html
    assert "[Vesterby Avis]" in html
    assert "<td>article 2 (citing" in html  # the figure table names the outlet-less article
    assert "x1 (citing" not in html
    assert "<b>“Hundredvis”</b>" in html
