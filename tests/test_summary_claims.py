"""Summary sentences as claims (#16): the newest telling of a claim; a figure keeps its source."""

from __future__ import annotations

from datetime import date, datetime

from newsloom.records import Analysis
from newsloom.story.summary import summarize
from newsloom.story.summary_claims import superseded
from story_records import figure_in, make_article

EARLY, LATE = date(2022, 1, 5), date(2022, 1, 6)


def test_a_later_day_telling_the_same_claim_supersedes_the_earlier() -> None:
    texts = [
        "Præsidenten har erklæret undtagelsestilstand i to provinser i den vestlige del af landet.",
        "Regeringen har erklæret undtagelsestilstand i hele landet frem til den nittende januar.",
        "Demonstranter har stormet borgmesterkontoret i den største by om eftermiddagen.",
    ]
    assert superseded(texts, [EARLY, LATE, EARLY], [True, True, True]) == {0: 1}


def test_the_same_day_or_an_unrelated_sentence_supersedes_nothing() -> None:
    texts = [
        "Præsidenten har erklæret undtagelsestilstand i to provinser i den vestlige del af landet.",
        "Regeringen har erklæret undtagelsestilstand i hele landet frem til den nittende januar.",
        "Demonstranter har stormet borgmesterkontoret i den største by om eftermiddagen.",
    ]
    assert superseded(texts, [EARLY, EARLY, LATE], [True, True, True]) == {}
    assert superseded(texts, [EARLY, LATE, LATE], [True, False, True]) == {}


def test_the_summary_tells_the_newest_claim() -> None:
    early = make_article(
        "e1",
        [
            "Præsidenten har onsdag erklæret undtagelsestilstand i to provinser i vest.",
            "Demonstranterne stormede borgmesterkontoret i den største by om eftermiddagen.",
            "Regeringen gik af efter flere dages voldsomme protester mod højere brændstofpriser.",
        ],
        datetime(2022, 1, 5, 9),
        source="A",
    )
    late = make_article(
        "l1",
        [
            "Landet har erklæret undtagelsestilstand overalt frem til den nittende januar.",
            "Politiet siger at mange demonstranter blev anholdt i løbet af natten til torsdag.",
            "Regeringen gik af efter flere dages voldsomme protester mod højere brændstofpriser.",
        ],
        datetime(2022, 1, 6, 9),
        source="B",
    )
    texts = [s.text for s in summarize([early, late], count=4)]
    assert not any("to provinser" in text for text in texts)
    assert any("overalt" in text for text in texts)


def test_a_figure_keeps_the_sentence_naming_its_source() -> None:
    article = make_article(
        "f1",
        [
            "Politiet i landet har natten til torsdag dræbt dusinvis af demonstranter i byen.",
            "Det skete, da demonstranterne forsøgte at storme en række bygninger i centrum.",
            "Det oplyser en talsmand for politiet.",
        ],
        datetime(2022, 1, 6, 9),
    )
    figure = figure_in(
        article, "dusinvis af demonstranter", "killed", 24, attributed_to="talsmand for politiet"
    )
    analyses = {"f1": Analysis("f1", figures=(figure,))}
    (claim,) = [s for s in summarize([article], count=3, analyses=analyses) if "dræbt" in s.text]
    assert claim.text.endswith("… Det oplyser en talsmand for politiet.")
    without = [s for s in summarize([article], count=3) if "dræbt" in s.text]
    assert without[0].text.endswith("demonstranter i byen.")


def test_a_source_no_sentence_names_is_carried_for_the_views() -> None:
    article = make_article(
        "f2",
        [
            "Mindst otte betjente har mistet livet under de voldelige sammenstød i byen.",
            "Urolighederne begyndte i starten af ugen efter stigende priser på brændstof.",
        ],
        datetime(2022, 1, 6, 9),
    )
    figure = figure_in(article, "Mindst otte betjente", "killed", 8, attributed_to="ministeriet")
    analyses = {"f2": Analysis("f2", figures=(figure,))}
    (claim,) = [s for s in summarize([article], count=3, analyses=analyses) if "otte" in s.text]
    assert claim.attributed_to == "ministeriet"
