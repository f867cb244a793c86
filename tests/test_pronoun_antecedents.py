"""A "han" or "hun" after the verb is the subject of its paragraph, a relative or a neighbour is
one person a later pronoun may mean, with the sex its noun gives, and the first names' table
counts the same links (issue 16). Sentences written after NDT news."""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from extraction_seeds import quotes_with_people
from newsloom.extract.pronoun_subjects import pronoun_subject
from newsloom.extract.role_antecedents import noun_sex, one_person_role, relative

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import build_name_sexes


def _speakers(language: str, *paragraphs: str, people: tuple[str, ...]) -> list[object]:
    found = quotes_with_people(language, *paragraphs, people=people)
    return [(q.paragraph, q.speaker, q.speaker_role) for q in found]


def test_a_he_after_the_verb_is_the_paragraphs_subject() -> None:
    assert pronoun_subject("Selv er han en habil bassist.", "nb")
    assert pronoun_subject("Nå mener hun at Per Olsen har sviktet.", "nb")
    assert pronoun_subject("I dag er han leiar i laget.", "nn")
    assert not pronoun_subject("Sammen med han kom Kari Nilsen.", "nb")  # a preposition
    assert not pronoun_subject("Per Olsen møtte han i går.", "nb", people=(0,))  # a name
    assert not pronoun_subject("Etter at han kom, sa Kari Nilsen nei.", "nb")  # "that"
    assert not pronoun_subject("Nå mener hun at …", "es")


def test_names_in_a_paragraph_about_him_are_not_whom_the_next_he_means() -> None:
    assert _speakers(
        "nn",
        "Tore Kvæven (42) er lærar frå Sirdal, og no debuterer han med ein roman.",
        "– Eg byrja på romanen då eg var student, fortel Kvæven.",
        "Undervegs har han lese Snorre Sturlason og islendingesogene.",
        "– Særleg har eg vore interessert i periodar med store omveltingar, fortel han.",
        people=("Tore Kvæven", "Kvæven", "Snorre Sturlason"),
    ) == [(1, "Tore Kvæven", None), (3, "Tore Kvæven", None)]


def test_relatives_and_neighbours_are_one_person_with_the_sex_of_their_noun() -> None:
    assert all(relative(word, "nb") for word in ("moren", "bestemora", "kona", "naboen"))
    assert relative("naboen", "nn")
    assert not relative("statsråden", "nb")
    assert one_person_role("faren", "nb")
    assert not one_person_role("naboene", "nb")
    sexes = [noun_sex(word, "nb") for word in ("moren", "faren", "kona", "kvinnen", "naboen")]
    assert sexes == ["f", "m", "f", "f", None]


def test_a_pronoun_goes_on_with_the_relative_of_its_sex() -> None:
    boy = ("Ola Vik (12) ble funnet i skogen etter to døgn.",)
    people = ("Ola Vik",)
    mother = "– Vi er så glade, sier moren."
    father = "– Vi er så glade, sier faren."
    assert _speakers("nb", *boy, mother, "– Han var kald, sier hun.", people=people)[-1] == (
        2,
        None,
        "moren",
    )
    assert _speakers("nb", *boy, father, "– Han var kald, sier han.", people=people)[-1] == (
        2,
        None,
        "faren",
    )
    # "sier moren", then "sier han": the boy, not his mother
    assert _speakers("nb", *boy, mother, "– Jeg frøs, sier han.", people=people)[-1] == (
        2,
        "Ola Vik",
        None,
    )


def _links(*sentences: list[tuple[str | None, tuple[str, ...]]]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    build_name_sexes.count([("nb", list(sentences))], counts)
    return dict(counts)


def _words(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    """Words of ``text``, a name written ``[Per Hansen]``."""
    tokens: list[tuple[str | None, tuple[str, ...]]] = []
    for part in text.replace("[", "|[").replace("]", "]|").split("|"):
        if part.startswith("["):
            tokens.append((None, tuple(part.strip("[]").split())))
        else:
            tokens.extend((word, ()) for word in part.split())
    return tokens


def test_the_names_table_counts_a_he_after_the_verb_and_a_chain_of_pronouns() -> None:
    counts = _links(
        _words("[Tore Kvæven] er lærar frå Sirdal ."),
        _words("Undervegs har han lese islendingesogene ."),  # after the verb
        _words("Han les mykje ."),  # the chain goes on: about him still
        _words("Det var ikkje lett , seier hun ."),  # someone else
    )
    assert counts == {"Tore": Counter({"m": 2})}
