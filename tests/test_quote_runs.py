"""Quotes continued over paragraphs and speakers resolved over the article (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.evaluate.extraction import evaluate_quotes
from newsloom.extract.quotes import extract_quotes
from newsloom.extract.speakers import parse_speaker
from newsloom.records import Article, Paragraph, Quote

GOLD_REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "gold-real"


def quotes(*paragraphs: str, language: str = "nb") -> tuple[Quote, ...]:
    return extract_quotes(
        Article(
            id="t",
            content_hash="t",
            title="",
            language=language,
            paragraphs=tuple(Paragraph(index=i, text=t) for i, t in enumerate(paragraphs)),
        )
    )


def test_a_dash_quote_continued_over_paragraphs_takes_the_closing_speaker() -> None:
    found = quotes(
        "Ordfører Kari Nilsen i Bygdeby var fornøyd etter møtet.",
        "- Vi fikk det vi ba om.",
        "Nå skal vi bygge skolen ferdig.",
        "Det blir bra for alle, sa Nilsen.",
        "Møtet varte i tre timer.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (1, "Kari Nilsen"),
        (2, "Kari Nilsen"),
        (3, "Kari Nilsen"),
    ]


def test_nynorsk_verbs_and_a_colon_introducing_the_speaker() -> None:
    found = quotes(
        "Då Ola Vik fekk ordet, starta han med ei melding:",
        "- Eg har vore ordførar lengst.",
        "Eg veit kva eg snakkar om.",
        "Vik trekte fram skulen då han fekk ordet att.",
        "- Skulen må bli, fortel Vik.",
        language="nn",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (1, "Ola Vik"),
        (2, "Ola Vik"),
        (4, "Ola Vik"),
    ]


def test_interview_questions_are_not_quotes() -> None:
    found = quotes(
        "Journalisten møtte regissør Eva Lid hjemme.",
        "Lid har laget fem filmer.",
        "- Hvorfor lager du film?",
        "- Fordi jeg liker historier.",
        "- Er du fornøyd med den nye?",
        "- Ja, veldig.",
    )
    assert [q.paragraph for q in found] == [3, 5]
    assert all(q.speaker == "Eva Lid" for q in found)


def test_role_and_surname_resolve_to_the_named_person() -> None:
    found = quotes(
        "Statsminister Per Dahl besøkte byen mandag.",
        "- Dette er en viktig dag, sier statsministeren.",
        "Senere sa Dahl at regjeringen vil hjelpe.",
    )
    assert [q.speaker for q in found] == ["Per Dahl", "Per Dahl"]


def test_fronted_clause_puts_the_subject_after_the_verb() -> None:
    found = quotes("Etter en lang debatt, mener Bygdeby tingrett at saken er klar.")
    assert found[0].speaker == "Bygdeby tingrett"


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("rektor ved Bygdeby skole, Anne Lie", "Anne Lie", "rektor ved Bygdeby skole"),
        (
            "Dmitrij Peskov, spokesman for the president",
            "Dmitrij Peskov",
            "spokesman for the president",
        ),
        ("styreleder og tidligere dommer Ola Berg", "Ola Berg", "styreleder og tidligere dommer"),
    ],
)
def test_roles_are_kept_beside_the_name(phrase: str, name: str, role: str) -> None:
    speaker = parse_speaker(phrase)
    assert speaker is not None
    assert (speaker.name, speaker.role) == (name, role)


def test_a_spokesman_for_a_named_president_is_not_the_president() -> None:
    speaker = parse_speaker("talsmann for Russlands president Vladimir Putin")
    assert speaker is not None
    assert speaker.name is None


@pytest.mark.skipif(
    not (GOLD_REAL / "ndt-dev.quotes.jsonl").exists(),
    reason="../shared/data/gold-real is not here (independent Norwegian quote gold)",
)
def test_gold_real_scores_do_not_fall() -> None:
    scores = evaluate_quotes(GOLD_REAL / "ndt-dev.quotes.jsonl")["fields"]
    assert scores["text"]["f1"] >= 0.63
    assert scores["speaker"]["f1"] >= 0.40
