"""German and Polish speakers as news writes them (issue 22, sixth round): a role that refers
back to a person, names in the cases a preposition or a noun puts them in.

Every sentence here is invented; each test names the general rule it exercises.
"""

from __future__ import annotations

from extraction_seeds import text_article
from newsloom.extract.quotes import extract_quotes
from newsloom.records import Quote


def quotes(language: str, *paragraphs: str) -> tuple[Quote, ...]:
    return extract_quotes(text_article(*paragraphs, language=language))


def test_a_role_far_from_where_it_was_resolved_is_the_same_person() -> None:
    # the last sentence of reported speech is far from "die Berliner Verkehrssenatorin": it is
    # still her, as the quotes before it were
    found = quotes(
        "de",
        "Die Berliner Umweltsenatorin Regine Günther hat die Pläne verteidigt. „Wir brauchen mehr"
        " Platz für Radfahrer“, sagte die Berliner Verkehrssenatorin am Montag. Die Stadt habe"
        " seit Jahren zu wenig in die Radwege investiert, viele Hauptstraßen in den äußeren"
        " Bezirken seien für Radfahrer und Fußgänger gleichermaßen gefährlich. Der Umbau der"
        " ersten zwölf Kreuzungen solle noch vor dem Sommer beginnen. Das Geld für den Umbau sei"
        " im Haushalt bereits eingeplant.",
    )
    assert [q.speaker for q in found] == ["Berliner Umweltsenatorin Regine Günther"] * 4
