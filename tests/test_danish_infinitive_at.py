"""Danish "at" marks an infinitive as well as a reported clause: a verb that takes an infinitive
("lover at fortsætte", "synes at støtte", "afviser at udlægge") reports nothing (#16). The
sentences are written as DaN+'s Danish news sentences, which no quote gold covers."""

from __future__ import annotations

from extraction_seeds import quotes
from newsloom.records import Quote


def reported(found: tuple[Quote, ...]) -> list[str]:
    return [quote.text for quote in found if quote.kind == "reported"]


def test_an_infinitive_after_at_is_no_reported_clause() -> None:
    for sentence in (
        "Demonstranterne lover at fortsætte til 1. september.",
        "Hovedparten af soldaterne synes også at støtte oprørerne.",
        "Forfatteren afviser at udlægge romanen.",
        "Ministeren afviser ikke at gå af.",
    ):
        assert reported(quotes(sentence, language="da")) == [], sentence


def test_a_verb_with_an_infinitive_closes_no_statement() -> None:
    found = quotes(
        "Da han blev sendt til Irak, lovede både hans mor og hans far at skrive til ham.",
        language="da",
    )
    assert found == ()


def test_a_clause_after_at_is_still_reported() -> None:
    assert reported(quotes("Regeringen lover at skatten skal sænkes.", language="da")) == [
        "skatten skal sænkes"
    ]
    assert reported(quotes("Han mener at de har ret.", language="da")) == ["de har ret"]
    assert reported(quotes("Hun siger, at hun er træt.", language="da")) == ["hun er træt"]


def test_a_closing_attribution_after_an_infinitive_stays() -> None:
    found = quotes("Vi lover at fortsætte kampen, siger Hansen.", language="da")
    assert [quote.text for quote in found] == ["Vi lover at fortsætte kampen"]


def test_a_definite_plural_after_the_marker_opens_a_clause() -> None:
    # "at tyskerne …", sv "att tyskarna …": a noun the dictionary leads back to its stem is the
    # clause's subject, not an infinitive, with no comma before the marker too
    for language, sentence in (
        ("da", "Af indenrigspolitiske årsager siger Kohl at tyskerne ikke behøver at frygte."),
        ("sv", "Av inrikespolitiska skäl säger Kohl att tyskarna inte behöver frukta något."),
    ):
        assert [q.speaker for q in quotes(sentence, language=language)] == ["Kohl"], language
