"""Person names that go on across a lowercase particle of the language's table (issue 22),
read off unlabelled ML-Crisis Spanish news: the recogniser split ``Mohamed el Dabi`` into
``Mohamed`` and ``Dabi``, and the quote after it went to another name."""

from __future__ import annotations

from extraction_seeds import text_article
from newsloom.extract.particle_names import joined_across_particles
from newsloom.extract.quotes import extract_quotes
from newsloom.records import EntityMention, EntityType

_DABI = (
    "Mientras los jefes de la diplomacia árabe aún se encontraban reunidos discutiendo el futuro "
    "de la misión, su máximo responsable, el general sudanés Mohamed el Dabi, ha anunciado su "
    "dimisión alegando un supuesto sesgo de la organización panárabe."
)
_DABI_SAID = (
    '"No trabajaré ni una sola vez más en el marco de la Liga Árabe. Desempeñé mi trabajo con '
    'una integridad plena, pero no lo haré otra vez porque aquí la situación es sesgada", ha '
    "declarado a la agencia Reuters."
)


def _mention(text: str, paragraph: int, words: str, kind: EntityType) -> EntityMention:
    start = text.index(words)
    return EntityMention(words, kind, paragraph, start, start + len(words))


def _split_dabi() -> list[EntityMention]:
    """The mentions the recogniser gave the two paragraphs (ML-Crisis, as it tagged them)."""
    return [
        _mention(_DABI, 0, "Mohamed", EntityType.OTHER),
        _mention(_DABI, 0, "Dabi", EntityType.OTHER),
        _mention(_DABI_SAID, 1, "Liga Árabe", EntityType.PERSON),
        _mention(_DABI_SAID, 1, "Reuters", EntityType.ORGANISATION),
    ]


def test_a_name_split_at_a_particle_is_one_person() -> None:
    article = text_article(_DABI, _DABI_SAID, language="es")
    joined = joined_across_particles(article.paragraphs, _split_dabi(), "es")
    people = [(m.text, m.start) for m in joined if m.type is EntityType.PERSON]
    assert people == [("Mohamed el Dabi", _DABI.index("Mohamed")), ("Liga Árabe", 52)]


def test_the_quote_after_a_name_with_a_particle_is_that_persons() -> None:
    # before: the quote went to "Liga", a word of the quote itself
    article = text_article(_DABI, _DABI_SAID, language="es")
    found = extract_quotes(article, _split_dabi())
    assert [q.speaker for q in found if q.paragraph == 1] == ["Mohamed el Dabi"]


def test_a_place_a_body_or_a_table_without_the_particle_stays_split() -> None:
    place = "Mubarak suele recibir a personalidades extranjeras en Sharm el Sheij."
    body = "Es el Gobierno de Muamar el Gadafi."
    article = text_article(place, body, language="es")
    mentions = [
        _mention(place, 0, "Sharm", EntityType.OTHER),
        _mention(place, 0, "Sheij", EntityType.OTHER),
        _mention(body, 1, "Gobierno de Muamar", EntityType.PERSON),
        _mention(body, 1, "Gadafi", EntityType.OTHER),
    ]
    assert joined_across_particles(article.paragraphs, mentions, "es") == tuple(mentions)
    # German joins nouns with "von der": its table has no such particle
    german = "Die Befreiung von der Steuer"
    nouns = [
        _mention(german, 0, "Befreiung", EntityType.OTHER),
        _mention(german, 0, "Steuer", EntityType.OTHER),
    ]
    article = text_article(german, language="de")
    assert joined_across_particles(article.paragraphs, nouns, "de") == tuple(nouns)
