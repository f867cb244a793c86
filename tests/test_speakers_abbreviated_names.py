"""An abbreviated first name (``Chr. Petersen``, ``Th. Nielsen``) is part of the speaker's name,
as an initial is (``Georg K. Gundersen``): its point ends no speaker phrase (#16). The sentences
are written as DaN+'s Danish and NorNE's Bokmål news sentences, which no quote gold covers."""

from __future__ import annotations

from extraction_seeds import quotes, speakers_and_roles


def test_an_abbreviated_first_name_stays_in_the_name() -> None:
    found = quotes(
        '"Det var et uheld, at bilen kørte ind i butikken," siger politikommissær Chr. Madsen.',
        language="da",
    )
    assert speakers_and_roles(found) == [("Chr. Madsen", "politikommissær")]
    found = quotes("- Vi har ikke hørt noe fra dem, sier styreleder Th. Berg.", language="nb")
    assert speakers_and_roles(found) == [("Th. Berg", "styreleder")]


def test_a_short_name_with_a_vowel_still_ends_a_sentence() -> None:
    found = quotes("- Vi kommer tilbake, sa Ole. Han gikk ut.", language="nb")
    assert [speaker for speaker, _ in speakers_and_roles(found)] == ["Ole"]
