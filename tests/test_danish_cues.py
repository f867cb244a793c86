"""Danish reporting verbs Bokmål has too, and a that-clause closed by an attribution of its own
(#16). The sentences are written as DaN+'s Danish news sentences, which no quote gold covers."""

from __future__ import annotations

from extraction_seeds import quotes, quotes_with_people
from newsloom.records import Quote


def reported(found: tuple[Quote, ...]) -> list[tuple[str, str | None]]:
    return [(quote.text, quote.speaker) for quote in found if quote.kind == "reported"]


def test_danish_verbs_of_claiming_report_speech() -> None:
    found = quotes("Han hævder, at regeringen planlægger at skære i støtten.", language="da")
    assert [text for text, _ in reported(found)] == ["regeringen planlægger at skære i støtten"]
    found = quotes("Hun fastholder, at hun er uskyldig.", language="da")
    assert [text for text, _ in reported(found)] == ["hun er uskyldig"]


def test_a_second_verb_of_referring_keeps_the_speaker() -> None:
    found = quotes_with_people(
        "da",
        "Det er svært, siger Henrik Stenbjerre og henviser til, at tilsynet også skal inddrages.",
        people=("Henrik Stenbjerre",),
    )
    assert ("tilsynet også skal inddrages", "Henrik Stenbjerre") in reported(found)


def test_a_reported_clause_ends_before_the_paper_citing_it() -> None:
    found = quotes(
        "Ægteparret sagde, at de var blevet bestjålet for indbo, skriver Aalborg Stiftstidende.",
        language="da",
    )
    assert [text for text, _ in reported(found)] == ["de var blevet bestjålet for indbo"]
    found = quotes("Ekteparet sa at de var blitt frastjålet innbo, skriver Aftenposten.")
    assert [text for text, _ in reported(found)] == ["de var blitt frastjålet innbo"]
