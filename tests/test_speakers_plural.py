"""A plural pronoun or a plural verb with its subject left out (``they added``, ``«…»,
dijeron``) means the group or body the paragraph before names or heard from; with none that
near, the quote keeps no speaker rather than the one person named last (issue 22)."""

from __future__ import annotations

from extraction_seeds import quotes_with_people, who_spoke


def test_they_go_on_with_the_group_that_spoke_in_the_paragraph_before() -> None:
    found = quotes_with_people(
        "en",
        "Hundreds of students gathered outside the town hall on Saturday morning.",
        '"We will not leave until the council listens to us," the protesters said.',
        '"We will come back every weekend if we have to," they added.',
    )
    assert who_spoke(found) == ["protesters", "protesters"]


def test_a_left_out_plural_subject_is_not_the_one_person_named_last() -> None:
    # the two leaders spoke three paragraphs up; the woman named since is not "they"
    found = quotes_with_people(
        "es",
        "Los dirigentes del sindicato, Juan Pérez y Luis Gómez, anunciaron una huelga general.",
        "La ministra de Trabajo, Carmen Ruiz, convocó a la patronal el lunes por la tarde.",
        "La reunión terminó sin acuerdo tras cuatro horas de negociación en el ministerio.",
        "El puerto seguirá cerrado durante toda la semana, según la autoridad portuaria.",
        '"No vamos a aceptar ningún recorte más en los salarios", dijeron.',
        people=("Juan Pérez", "Luis Gómez", "Carmen Ruiz"),
    )
    assert who_spoke(found)[-1] is None


def test_a_plural_subject_reported_speech_is_not_the_one_person_named_last() -> None:
    found = quotes_with_people(
        "en",
        "Paul Grant, 54, who lives next door, called the police just after 3 a.m.",
        "Officers arrived within minutes, and later they said that two men had been arrested.",
        people=("Paul Grant",),
    )
    assert who_spoke(found) == [None]
