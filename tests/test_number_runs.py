"""Spelled-out numbers read through text2num next to the number pattern's (issue 19: the
check that the pattern has read every number word already counts them span by span)."""

from __future__ import annotations

import pytest

from newsloom.extract.numbers import find_quantities


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (  # a number word after a hyphen or an apostrophe: "dos-tres", "l'un"
            "Murieron dos-tres personas y l'un de ellos, veintitrés en total.",
            "es",
            [("dos", 2.0, 9), ("tres", 3.0, 13), ("un", 1.0, 31), ("veintitrés", 23.0, 44)],
        ),
        (  # every number word inside a span of the pattern; "5un" is no number word
            "Hubo un herido y una víctima, además de 5un y dos mil 315 evacuados.",
            "es",
            [("un", 1.0, 5), ("una", 1.0, 17), ("un", 1.0, 41), ("dos mil 315", 2315.0, 46)],
        ),
        (  # text2num's own compounds outside the pattern's spans
            "Vingt-trois blessés, dont l'un grave, et quatre-vingt-dix évacués.",
            "fr",
            [("Vingt-trois", 23.0, 0), ("un", 1.0, 28), ("quatre-vingt-dix", 90.0, 41)],
        ),
    ],
)
def test_number_words_read_once(
    text: str, language: str, expected: list[tuple[str, float, int]]
) -> None:
    found = [(q.text, q.low, q.start) for q in find_quantities(text, language)]
    assert [item for item in found if item[0] not in ("en", "et")] == expected
