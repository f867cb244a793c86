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


def test_a_name_after_a_noun_a_preposition_governs_is_not_whom_he_means() -> None:
    # "over det amerikanske magasinet X": X names the magazine, not a person
    assert _speakers(
        "nb",
        "Kari Lunde leder arkitektkontoret i Bergen.",
        "Kontoret fikk i fjor omtale i det amerikanske magasinet Design Review.",
        "– Det var en stor dag for oss, sier hun.",
        people=("Kari Lunde", "Design Review"),
    ) == ["Kari Lunde"]


def test_the_doer_of_a_passive_is_whom_he_may_mean() -> None:
    # "lagt fram av X": the one who did it, not an object
    assert _speakers(
        "nb",
        "Per Nes er leder i utvalget.",
        "Forslaget ble lagt fram av Ola Dahl i går.",
        "– Dette er viktig for bygda, sier han.",
        people=("Per Nes", "Ola Dahl"),
    ) == ["Ola Dahl"]
