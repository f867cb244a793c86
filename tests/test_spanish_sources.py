"""Spanish sources of quotes and figures (issue 22): "de acuerdo a" beside "de acuerdo con",
"according to" a rule ("según la ley": in accordance with it, no one's words) and a body named by a
common noun ("la embajada estadounidense"), which no person the article names holds.

Every sentence here is invented; each test names the general rule it exercises.
"""

from __future__ import annotations

from extraction_seeds import text_article
from newsloom.extract.figures import extract_figures
from newsloom.extract.quotes import extract_quotes
from newsloom.records import EntityMention, EntityType


def test_de_acuerdo_a_names_the_source_as_de_acuerdo_con_does() -> None:
    article = text_article(
        "De acuerdo a los datos del Observatorio Sirio, cuatro civiles murieron en Idlib.",
        "Al menos 40 personas murieron este año en la provincia, de acuerdo a la ONU.",
        language="es",
    )
    figures = extract_figures(article)
    assert [(figure.low, figure.attribution_chain) for figure in figures] == [
        (4.0, ("Observatorio Sirio",)),
        (40.0, ("ONU",)),
    ]
    assert [quote.speaker for quote in extract_quotes(article)] == ["Observatorio Sirio", "ONU"]


def test_according_to_a_rule_is_in_accordance_with_it_and_names_no_source() -> None:
    article = text_article(
        "La cámara estará compuesta de 498 miembros elegidos, según la nueva ley electoral.",
        "Los tres acusados, que según la legislación egipcia podrían ser condenados, están "
        "detenidos.",
        "Alemania incluyó a Aragón en su lista de zonas de riesgo, de acuerdo a los criterios "
        "del Instituto Robert Koch.",
        language="es",
    )
    assert extract_quotes(article) == ()
    assert [figure.attribution_chain for figure in extract_figures(article)] == [()]


def test_a_body_named_by_a_common_noun_is_not_the_person_named_before() -> None:
    # "estadounidense" describes both the president and the embassy: the embassy is a body
    first = "El presidente estadounidense, Barack Obama, condenó el jueves la violencia en Saná."
    article = text_article(
        first,
        "«Los ataques contra los manifestantes son preocupantes», consideró el viernes la "
        "embajada estadounidense en Yemen.",
        language="es",
    )
    start = first.index("Barack Obama")
    obama = EntityMention("Barack Obama", EntityType.PERSON, 0, start, start + 12)
    found = extract_quotes(article, [obama])
    assert [(q.speaker, q.speaker_role) for q in found] == [(None, "embajada estadounidense")]


def test_a_role_of_a_body_still_refers_back_to_the_person_holding_it() -> None:
    first = "El portavoz del Gobierno, Moussa Ibrahim, habló el jueves en Trípoli."
    article = text_article(
        first,
        "«Nadie abandonará la ciudad», dijo el portavoz del Gobierno.",
        language="es",
    )
    start = first.index("Moussa Ibrahim")
    ibrahim = EntityMention("Moussa Ibrahim", EntityType.PERSON, 0, start, start + 14)
    assert [q.speaker for q in extract_quotes(article, [ibrahim])] == ["Moussa Ibrahim"]


def test_a_subject_that_speaks_or_informs_of_a_figure_is_its_source() -> None:
    # "hablar de", "informar de": the preposition opens what the subject reports
    article = text_article(
        "La oposición habla de seis muertos en la capital.",
        "En Saná, fuentes médicas han informado de que tres manifestantes fallecieron anoche.",
        language="es",
    )
    assert [(f.low, f.attribution_chain) for f in extract_figures(article)] == [
        (6.0, ("oposición",)),
        (3.0, ("fuentes médicas",)),
    ]


def test_an_adverb_or_an_auxiliary_alone_names_no_figure_source() -> None:
    # "…, ha explicado que": the auxiliary the subject pattern read is no one
    article = text_article(
        "Un superviviente, Abdulrahim Bashir, ha explicado que en total había 153 detenidos.",
        "El grupo opositor, que anteriormente había informado de nueve muertos, precisó que "
        "hubo ocho fallecidos.",
        language="es",
    )
    chains = [figure.attribution_chain for figure in extract_figures(article)]
    assert not any(word in chain for chain in chains for word in ("ha", "anteriormente"))
    assert chains[1:] == [("grupo opositor",), ("grupo opositor",)]
