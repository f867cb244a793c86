"""Pronouns and left-out subjects by position (issue 22, seventh round): in a long paragraph a
"she said" or a verb with no subject means someone named before the quote, in its paragraph or
earlier, not whoever the paragraph names last, nor a speaker of a quote further on.

Every sentence here is invented after the French SemEval and Spanish ML-Crisis texts; each test
names the general rule it exercises.
"""

from __future__ import annotations

import re

from extraction_seeds import text_article
from newsloom.extract.quotes import extract_quotes
from newsloom.records import EntityMention, EntityType, Quote


def quotes(language: str, people: tuple[str, ...], *paragraphs: str) -> tuple[Quote, ...]:
    """The quotes of the paragraphs, with every mention of ``people`` a person mention."""
    entities = [
        EntityMention(name, EntityType.PERSON, index, found.start(), found.end())
        for index, text in enumerate(paragraphs)
        for name in people
        for found in re.finditer(re.escape(name), text)
    ]
    return extract_quotes(text_article(*paragraphs, language=language), entities)


def test_a_pronoun_means_the_surname_named_before_it_in_its_paragraph() -> None:
    # the paragraph before names the chancellor last, in passing; this one opens with the
    # surname of the person named in full before (which the recogniser may not call a person)
    found = quotes(
        "fr",
        ("Annegret Kramp-Karrenbauer", "Angela Merkel"),
        "La dauphine de la chancelière, Annegret Kramp-Karrenbauer, chef de la CDU d'Angela"
        " Merkel, a confirmé lundi qu'elle renonçait à la chancellerie.",
        "Kramp-Karrenbauer a parlé lors d'une conférence de presse à Berlin. Elle a déclaré"
        " qu'elle resterait ministre de la Défense jusqu'à la fin de la législature.",
    )
    assert [q.speaker for q in found if q.paragraph == 1] == ["Annegret Kramp-Karrenbauer"]


def test_a_left_out_subject_is_not_the_speaker_of_a_later_quote() -> None:
    # the quotes in marks are read first; the reported sentence between them means the
    # minister named before it, not the spokesman of the last quote
    found = quotes(
        "es",
        ("Ana López", "Juan Pérez", "Luis Gómez"),
        "«Hay que esperar a los análisis», dijo Ana López, directora del hospital. El ministro"
        " Juan Pérez visitó el centro el lunes por la tarde. Aseguró además que la situación"
        " está bajo control. «No hay ningún motivo para el pánico», añadió el portavoz Luis Gómez.",
    )
    reported = [q for q in found if q.kind == "reported"]
    assert [q.speaker for q in reported] == ["Juan Pérez"]
