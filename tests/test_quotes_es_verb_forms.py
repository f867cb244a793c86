"""Spanish reporting verbs in forms the dictionary lacks, read off unlabelled ML-Crisis news
(issue 22): the compound past with a participle it lemmatises as a noun or an adjective
("ha dicho", "ha asegurado", "ha añadido"), the conditional and future of hearsay ("habría
dicho"), "ya" between a subject and its verb, and verbs with no forms there ("aseveró")."""

from __future__ import annotations

from extraction_seeds import quotes_with_people, speakers_and_roles
from newsloom.records import Quote


def quotes(*paragraphs: str, people: tuple[str, ...] = ()) -> tuple[Quote, ...]:
    return quotes_with_people("es", *paragraphs, people=people)


def test_a_compound_past_with_the_medium_told_before_the_speaker() -> None:
    found = quotes(
        '"Mubarak no va a abandonar Egipto, morirá en Egipto, es su derecho", ha asegurado a '
        "BBC el ministro de finanzas, Samir Radwan.",
        people=("Samir Radwan",),
    )
    assert speakers_and_roles(found) == [("Samir Radwan", "ministro de finanzas")]


def test_ha_dicho_after_a_quote_names_the_speaker() -> None:
    found = quotes(
        "En su turno, el secretario de Estado John Kerry ha advertido que Asad no formará parte "
        'del gobierno transitorio. "Solo vemos una opción: negociar un gobierno transitorio '
        'nacido del consenso mutuo", ha dicho Kerry.',
        people=("John Kerry", "Kerry"),
    )
    assert any(
        quote.speaker == "John Kerry" and quote.text.startswith("Solo vemos") for quote in found
    )


def test_ha_anadido_without_a_subject_goes_on_with_the_speaker_before() -> None:
    found = quotes(
        '"Han muerto tres guardias del campo y otros empleados han resultado heridos", ha dicho '
        'el viceministro de Exteriores, Jaled Kaim. "No hay duda de que esta agresión va contra '
        'el derecho internacional", ha añadido.',
        people=("Jaled Kaim",),
    )
    assert [quote.speaker for quote in found] == ["Jaled Kaim", "Jaled Kaim"]


def test_ha_asegurado_que_opens_reported_speech() -> None:
    found = quotes(
        "El mediador para Siria, Lajdar Brahimi, ha asegurado que el Gobierno sirio autorizará "
        "la salida de mujeres y niños de Homs.",
        people=("Lajdar Brahimi",),
    )
    assert [quote.speaker for quote in found] == ["Lajdar Brahimi"]


def test_habria_dicho_is_hearsay_of_the_subject_named_before() -> None:
    found = quotes(
        "Su hijo, Seif Al Islam Gadafi, sugirió que las fuerzas del régimen avanzarían hacia "
        'Bengasi. "Envié un mensaje a nuestros hermanos y amigos en el este. Allá vamos", '
        "habría dicho en un mitin en la capital.",
        people=("Seif Al Islam Gadafi",),
    )
    assert [quote.speaker for quote in found if quote.kind == "direct"] == ["Seif Al Islam Gadafi"]


def test_ya_before_the_verb_is_no_part_of_the_speaker() -> None:
    found = quotes(
        "El enviado especial de la ONU para el Yemen, Yamal Benomar, ya había confirmado ayer "
        "que el partido gobernante y la oposición habían alcanzado un acuerdo.",
        people=("Yamal Benomar",),
    )
    assert speakers_and_roles(found) == [("Yamal Benomar", None)]


def test_asevero_closes_a_quote() -> None:
    found = quotes(
        '"No habríamos dado este paso si no confiáramos en que el dinero llegará a la gente", '
        "aseveró la portavoz Victoria Nuland.",
        people=("Victoria Nuland",),
    )
    assert speakers_and_roles(found) == [("Victoria Nuland", "portavoz")]
