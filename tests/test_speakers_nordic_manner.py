"""A Scandinavian pronoun subject and how it spoke (``sagde han lavt``, ``sier han strengt``)
is a pronoun in Scandinavian text, though Spanish ``han`` is an auxiliary (#16). The sentences are
written as DaN+'s Danish and NorNE's Bokmål news sentences, which no quote gold covers."""

from __future__ import annotations

from extraction_seeds import quotes, quotes_with_people, speakers_and_roles, who_spoke


def test_he_and_the_manner_of_speaking_is_the_man_named_before() -> None:
    found = quotes_with_people(
        "da",
        "Politiassistent Jens Holm gik hen til døren.",
        "- Gå med ind lidt, sagde han lavt.",
        people=("Jens Holm",),
    )
    assert [speaker for speaker, _ in speakers_and_roles(found)] == ["Jens Holm"]
    found = quotes_with_people(
        "nb",
        "Overlege Per Dahl ved Ullevål er bekymret.",
        "- Hvis det settes feil vei, er det ganske alvorlig, sier han strengt.",
        people=("Per Dahl",),
    )
    assert [speaker for speaker, _ in speakers_and_roles(found)] == ["Per Dahl"]


def test_he_and_the_manner_of_speaking_is_no_role() -> None:
    found = quotes("- I hvert fald ikke, sagde han krænket.", language="da")
    assert who_spoke(found) == [None]  # "he", no one named before: no role "han krænket"
    found = quotes("- Det er ikke så farlig, sa han rolig.", language="nb")
    assert who_spoke(found) == [None]
