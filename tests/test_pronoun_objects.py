"""A name a preposition governs (``kampen mot Lars Holm``, ``eit brev til Olav Haugen``) is not
whom the next "sier han" means: the person named before it is, unless no one was (issue 16).
Sentences written after NDT news."""

from __future__ import annotations

from extraction_seeds import quotes_with_people


def _speakers(language: str, *paragraphs: str, people: tuple[str, ...]) -> list[str | None]:
    return [q.speaker for q in quotes_with_people(language, *paragraphs, people=people)]


def test_a_name_after_a_preposition_is_not_whom_he_means() -> None:
    assert _speakers(
        "nb",
        "I pausen treffer vi Jon Berg, som er sjef for kanalen i Europa.",
        "Lanseringen er lagt til uken før kampen mot Lars Holm.",
        "– Vi har aldri hatt flere seere, sier han.",
        people=("Jon Berg", "Lars Holm"),
    ) == ["Jon Berg"]
    assert _speakers(
        "nn",
        "Per Nes er formann i laget.",
        "Brevet vart sendt til Olav Haugen i fjor.",
        "– Eg ville ha svar, seier han.",
        people=("Per Nes", "Olav Haugen"),
    ) == ["Per Nes"]
    assert _speakers(
        "da",
        "Søren Holm er formand for klubben.",
        "Kampen blev spillet sammen med Jens Lund.",
        "– Vi var bedst, siger han.",
        people=("Søren Holm", "Jens Lund"),
    ) == ["Søren Holm"]


def test_with_no_one_named_before_the_name_after_a_preposition_is_kept() -> None:
    # "skrevet av X": the only person named, whom the pronoun means
    assert _speakers(
        "nb",
        "Boken er skrevet av Olav Haugen.",
        "– Jeg ville fortelle det som det var, sier han.",
        people=("Olav Haugen",),
    ) == ["Olav Haugen"]
