"""Norwegian reported speech without "at" after a verb of opinion, whose clause opens with a
noun in its "-a" form, a genitive, or a determiner, an adjective and a noun; a that-clause
fronted before the verb; two people named as the subject (issue 16)."""

from __future__ import annotations

import pytest

from extraction_seeds import quotes, quotes_with_people


@pytest.mark.parametrize(
    ("language", "text", "speaker", "content"),
    [
        (
            "nn",
            "Rektor Kari Lunde meiner skulebygga må få eit nytt tak før vinteren.",
            "Kari Lunde",
            "skulebygga må få eit nytt tak før vinteren",
        ),
        (
            "nb",
            "Politimester Per Olsen mener ranernes bil var stjålet i Drammen.",
            "Per Olsen",
            "ranernes bil var stjålet i Drammen",
        ),
        (
            "nn",
            "Ordførar Liv Nes meiner den nye vegen bør opne før sommaren.",
            "Liv Nes",
            "den nye vegen bør opne før sommaren",
        ),
    ],
)
def test_a_clause_without_at_after_a_verb_of_opinion(
    language: str, text: str, speaker: str, content: str
) -> None:
    found = quotes(text, language=language)
    assert [(quote.speaker, quote.text, quote.kind) for quote in found] == [
        (speaker, content, "reported")
    ]


def test_a_that_clause_fronted_before_the_verb_has_no_subject_before_the_verb() -> None:
    found = quotes(
        "At møtet blir flytta, i alle fall ikkje avlyst, synest styret er positivt.",
        language="nn",
    )
    assert found == ()


def test_two_people_named_together_are_both_the_speaker() -> None:
    found = quotes_with_people(
        "nn",
        "Kari Lunde og varaordførar Per Hansen meinte at kommunen burde ha venta.",
        people=("Kari Lunde", "Per Hansen"),
    )
    assert [(quote.speaker, quote.text) for quote in found] == [
        ("Kari Lunde og Per Hansen", "kommunen burde ha venta")
    ]
