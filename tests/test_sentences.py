"""Sentence splitting: the glued split reuses the plain one where no point is glued (issue 19);
a sentence may open with a numeral, not after an ordinal or an abbreviation (issue 22)."""

from __future__ import annotations

import pytest

from newsloom.extract.sentences import split_sentences


def test_glued_split_is_the_plain_split_without_a_glued_point() -> None:
    text = "Tres personas murieron el lunes. La policía detuvo a dos hombres."
    plain = split_sentences(text)
    assert split_sentences(text, glued=True) == plain
    assert [sentence.text for sentence in plain] == [
        "Tres personas murieron el lunes.",
        "La policía detuvo a dos hombres.",
    ]


def test_glued_split_still_ends_at_a_glued_point() -> None:
    text = "Murieron tres reclusos.También hubo dos heridos. Nadie fue detenido."
    assert [sentence.text for sentence in split_sentences(text)] == [
        "Murieron tres reclusos.También hubo dos heridos.",
        "Nadie fue detenido.",
    ]
    assert [sentence.text for sentence in split_sentences(text, glued=True)] == [
        "Murieron tres reclusos.",
        "También hubo dos heridos.",
        "Nadie fue detenido.",
    ]


def test_a_sentence_may_open_with_a_numeral() -> None:
    # SemEval-2022 sample, a German row: the count after the point is the next sentence's
    text = (
        "Gezählt wurden auch 24 Firmlinge, 73 Kirchenaustritte und 3 Wiedereintritte. "
        "98 Gemeindemitglieder sind verstorben."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Gezählt wurden auch 24 Firmlinge, 73 Kirchenaustritte und 3 Wiedereintritte.",
        "98 Gemeindemitglieder sind verstorben.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Det skjedde 19. januar og varte lenge.",  # an ordinal
        "He left on Jan. 5 and came back.",  # a month's abbreviation
        "Na miejscu było ok. 30 osób.",  # Polish "about"
        "Spotkanie zaczęło się o godz. 14 w ratuszu.",
        "Han kom kl. 14 og dro.",
    ],
)
def test_a_numeral_after_an_abbreviation_goes_on_the_sentence(text: str) -> None:
    assert len(split_sentences(text)) == 1


def test_an_ordinal_day_before_a_capitalised_month_ends_no_sentence() -> None:
    # SemEval-2022 sample, German rows: "am 19. November 2018", "am 12. Oktober"
    text = "Am 19. November 2018 wurde Ghosn festgenommen und in Tokio angeklagt."
    assert len(split_sentences(text)) == 1
