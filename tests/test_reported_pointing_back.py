"""A paragraph that points back at the statement before it and names its speaker (issue 16):
nb ``Det skriver X.``, nn ``Det fortel X.``, one sentence a paragraph as NDT and gold-real
write news; not where ``det`` is the subject (``Det krever mot.``), nor a body informing."""

from __future__ import annotations

import pytest

from extraction_seeds import quotes


@pytest.mark.parametrize(
    ("language", "statement", "pointer", "speaker"),
    [
        (
            "nn",
            "Kinoen i Sogndal vart fullsett alt første kvelden etter opninga i 1962.",
            "Det fortel kinosjef Mari Lunde ved Sogndal kino.",
            "Mari Lunde",
        ),
        (
            "nb",
            "Skolen vil trolig stå ferdig til høsten, to år etter planen.",
            "Det skriver rektor Per Olav Dahl i et brev til foreldrene.",
            "Per Olav Dahl",
        ),
        (
            "nn",
            "Fylket treng ein ny bru over fjorden før trafikken aukar meir.",
            "Det meiner ordførar Kari Heggheim i Luster.",
            "Kari Heggheim",
        ),
    ],
)
def test_the_paragraph_before_is_the_words_of_the_one_named(
    language: str, statement: str, pointer: str, speaker: str
) -> None:
    found = quotes(statement, pointer, language=language)
    assert [(q.paragraph, q.speaker, q.text, q.kind) for q in found] == [
        (0, speaker, statement.rstrip("."), "reported")
    ]


@pytest.mark.parametrize(
    ("language", "statement", "pointer"),
    [
        ("nb", "Å bygge en ny bro over fjorden er dyrt.", "Det krever mot."),
        ("nn", "Tre personar er sakna etter brannen i natt.", "Det opplyser politiet til NTB."),
        ("nn", "Kva skjer med skulen no?", "Det seier rektor Kari Lunde."),
        ("nn", "Kommunen må spare meir.", "Dette meiner ikkje berre vi."),
        ("nn", "Regjeringa ville selje kraftverka.", "Det sa me klart nei til."),
        ("nb", "Skolen åpner i august.", "Det sa han."),
    ],
)
def test_no_one_is_pointed_at(language: str, statement: str, pointer: str) -> None:
    assert quotes(statement, pointer, language=language) == ()
