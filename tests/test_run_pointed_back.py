"""A speech-dash run closed by a paragraph that only points back at it (issue 16): ``– A. ¶ B.
¶ Det fortel X.`` (one sentence a paragraph, as NDT and gold-real write news) is X's talk, every
paragraph of it, and B no reported statement of its own; not where the pointing paragraph names
no one (``Det forteller de deg gjerne``) or says nothing of anyone (``Det forklarer ingenting``)."""

from __future__ import annotations

import pytest

from extraction_seeds import quotes_with_people


@pytest.mark.parametrize(
    ("language", "paragraphs", "people", "speaker"),
    [
        (
            "nn",
            (
                "– Vi har aldri hatt så mange besøkjande, seier kinosjef Mari Lunde.",
                "I haust kjem det ein ny film om bygda.",
                "– Eg var med på innspelinga i fjor.",
                "Det var ei lang og kald veke, med mykje venting mellom opptaka.",
                "Det fortel skodespelar Ola Haugen frå Førde.",
            ),
            ("Mari Lunde", "Ola Haugen"),
            "Ola Haugen",
        ),
        (
            "nb",
            (
                "– Vi må bygge flere boliger i sentrum, sier ordfører Kari Holm.",
                "Saken skal behandles i bystyret neste uke.",
                "– Jeg har bodd i gaten i tretti år.",
                "Trafikken har økt hvert år siden tunnelen åpnet, og støyen er blitt verre.",
                "Det sier nabo Per Olav Dahl til avisen.",
            ),
            ("Kari Holm", "Per Olav Dahl"),
            "Per Olav Dahl",
        ),
    ],
)
def test_the_run_is_the_words_of_the_one_its_closing_names(
    language: str, paragraphs: tuple[str, ...], people: tuple[str, ...], speaker: str
) -> None:
    found = quotes_with_people(language, *paragraphs, people=people)
    assert [(q.paragraph, q.speaker, q.kind) for q in found if q.paragraph >= 2] == [
        (2, speaker, "direct"),
        (3, speaker, "direct"),
    ]


def test_a_closing_that_says_nothing_of_anyone_does_not_end_the_talk() -> None:
    found = quotes_with_people(
        "nn",
        "– Det er ikkje noko godt argument å seie at nokon sutrar.",
        "Det forklarer ingenting, det er berre eit reint motåtak.",
        "Eg oppmodar heller folk til å diskutere dette opent, seier Nilsen.",
        people=("Nilsen",),
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (0, "Nilsen"),
        (1, "Nilsen"),
        (2, "Nilsen"),
    ]


def test_a_pronoun_pointing_back_names_no_one() -> None:
    found = quotes_with_people(
        "nb",
        "– Jeg ser ingen prinsipiell forskjell, sier forsker Thomas Lie.",
        "Lurer du på hva kjendisene gjør i ferien?",
        "Det forteller de deg gjerne på nettet.",
        people=("Thomas Lie",),
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(0, "Thomas Lie")]
