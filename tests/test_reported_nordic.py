"""Indirect questions as reported speech in Norwegian (issue 16): a question word after a
reporting verb, "om" after a verb of asking, and what is no one's question."""

from __future__ import annotations

import pytest

from extraction_seeds import quotes


@pytest.mark.parametrize(
    ("language", "text", "speaker", "content"),
    [
        (
            "nn",
            "Svein Hansen, som står i spissen for aksjonen, understreka også kor viktig "
            "nærleiken til sjukehusa er for nordfjordingane.",
            "Svein Hansen",
            "kor viktig nærleiken til sjukehusa er for nordfjordingane",
        ),
        (
            "nb",
            "Fred Selnes lurer på hva Utenriksdepartementet vil oppnå.",
            "Fred Selnes",
            "hva Utenriksdepartementet vil oppnå",
        ),
        (
            "nb",
            "Kathrine Aspaas hyller Larsen og spør hvorfor kvinner ikke tilbyr mer.",
            "Kathrine Aspaas",
            "hvorfor kvinner ikke tilbyr mer",
        ),
        (
            "nb",
            "Fred Selnes, professor på BI, spør seg om Norge kan få en internasjonal posisjon.",
            "Fred Selnes",
            "Norge kan få en internasjonal posisjon",
        ),
    ],
)
def test_an_indirect_question_is_reported_speech(
    language: str, text: str, speaker: str, content: str
) -> None:
    found = quotes(text, language=language)
    assert [(quote.speaker, quote.text, quote.kind) for quote in found] == [
        (speaker, content, "reported")
    ]


def test_a_question_asked_at_the_end_of_an_unmarked_statement_names_its_speaker() -> None:
    found = quotes(
        "Er dette også ein del av planen for kommunen, spurde Ragnvald Christenson.",
        language="nn",
    )
    assert [(quote.speaker, quote.kind) for quote in found] == [("Ragnvald Christenson", "direct")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a thing accounts for it: no one tells
        ("nn", "Funnet forklarer mellom anna kvifor så mange bønder kunne vere representerte."),
        ("nn", "Det kan forklare kvifor så mange bønder kunne vere representerte på Eidsvoll."),
        # what the verb is about, not a question
        ("nb", "Helikoptertrafikken på Færøyene forteller litt om hvordan samfunnet fungerer."),
        # an infinitive, a relative "hvor" after a noun
        ("nb", "Pikene flokker seg rundt ham for å fortelle hvor slemme andre gutter er."),
        ("nb", "Kari Holm forteller om byen hvor hun vokste opp."),
        # a reporting verb of another language ("dit") before a relative "hvor"
        ("nb", "En del av skattegrunnlaget kan nå flytte seg dit hvor skatten er lavest."),
    ],
)
def test_what_is_no_ones_indirect_question(language: str, text: str) -> None:
    assert quotes(text, language=language) == ()


def test_a_statement_closed_by_its_speaker_stays_one_direct_quote() -> None:
    found = quotes(
        "Da spør kunden om bilens utslipp eller forbruk, sier Tommy Harland.", language="nb"
    )
    assert [(quote.speaker, quote.kind) for quote in found] == [("Tommy Harland", "direct")]
    assert found[0].text.startswith("Da spør kunden")


def test_those_asked_in_a_survey_ask_nothing() -> None:
    found = quotes(
        "Ei undersøking frå 2008 syner at meir enn 40 prosent av dei spurde nordmennene "
        "opplever at «talet på innvandrarar vil utgjera eit trugsmål mot samfunnet».",
        language="nn",
    )
    assert found == ()


def test_the_writers_own_question_is_no_quote() -> None:
    assert quotes("Vi lurer på hva Crosby tenker om at NHL kan utvides til Europa.") == ()
