"""Sentence splitting: the glued split reuses the plain one where no point is glued (issue 19)."""

from __future__ import annotations

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
