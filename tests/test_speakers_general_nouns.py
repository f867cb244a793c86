"""A Scandinavian definite noun for anyone as a speaker (``sier mannen``, ``siger kvinden``),
read off the NorNE pseudo-documents (issue 16): the person introduced with the noun, else the
person named last where that person is of the noun's sex and no one came in unnamed since,
else the one person named with a role whose first name is of the noun's sex; else the role."""

from __future__ import annotations

from extraction_seeds import quotes_with_people


def test_a_noun_for_anyone_is_not_the_woman_named_last() -> None:
    found = quotes_with_people(
        "nb",
        "I høst meldte Henrietta Larsen seg inn i foreningen.",
        "Hun la til flere av medlemmene som venner.",
        "Like etter tok Henrietta Larsen kontakt med en av dem.",
        "- Hun skrev at hun nettopp hadde flyttet til byen, sier mannen til avisen.",
        people=("Henrietta Larsen",),
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [(None, "mannen")]


def test_a_noun_for_anyone_is_not_the_child_the_neighbour_comforted() -> None:
    found = quotes_with_people(
        "nb",
        "Sofie løper hjemmefra og søker trøst hos nabokvinnen.",
        "Hun vil ringe barnevernet, men vegrer seg.",
        "- Jeg angrer på at jeg ikke gjorde noe, sier kvinnen.",
        people=("Sofie",),
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [(None, "kvinnen")]


def test_a_noun_for_anyone_is_the_one_person_of_its_sex_named_with_a_role() -> None:
    found = quotes_with_people(
        "nb",
        "Naboen Cathrine Berg hørte skuddene like etter midnatt.",
        "Politimester Erik Dahl sier at etterforskningen er i gang.",
        "- Jeg turte ikke å gå ut, sier kvinnen.",
        people=("Cathrine Berg", "Erik Dahl"),
    )
    assert [(q.speaker, q.speaker_role) for q in found][-1] == ("Cathrine Berg", "kvinnen")


def test_a_noun_for_anyone_is_the_person_set_off_beside_its_indefinite_form() -> None:
    found = quotes_with_people(
        "da",
        "En kvinde, Mette Holm, blev fundet bevidstløs i opgangen.",
        "Politiinspektør Jens Lund oplyser, at en mand er anholdt.",
        "- Jeg husker ingenting, siger kvinden.",
        people=("Mette Holm", "Jens Lund"),
    )
    assert [(q.speaker, q.speaker_role) for q in found][-1] == ("Mette Holm", "kvinden")


def test_a_noun_for_anyone_is_the_man_named_last_where_no_one_else_came_in() -> None:
    found = quotes_with_people(
        "nb",
        "Per Hansen (45) ble lurt for 200 000 kroner på nettet i fjor.",
        "- Jeg føler meg dum, sier mannen.",
        people=("Per Hansen",),
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [("Per Hansen", "mannen")]
