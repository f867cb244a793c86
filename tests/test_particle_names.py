"""Person names that go on across a lowercase particle of the language's table (issue 22),
read off unlabelled ML-Crisis Spanish news: the recogniser split ``Mohamed el Dabi`` into
``Mohamed`` and ``Dabi``, and the quote after it went to another name. The entity stage joins
them, so every later stage (quotes, stories' entities, views, export) reads one person."""

from __future__ import annotations

from extraction_seeds import text_article
from newsloom.entities.ner import EntityRecognizer
from newsloom.entities.particle_names import joined_across_particles
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


def test_the_recogniser_gives_a_name_with_a_particle_as_one_person() -> None:
    article = text_article(_DABI, _DABI_SAID, language="es")
    found = EntityRecognizer.load().find_entities(article)
    names = [(m.text, m.type) for m in found if m.paragraph == 0]
    assert ("Mohamed el Dabi", EntityType.PERSON) in names
    assert not {"Mohamed", "Dabi"} & {text for text, _ in names}


def test_the_quote_after_a_name_with_a_particle_is_that_persons() -> None:
    # before: the quote went to "Liga", a word of the quote itself
    article = text_article(_DABI, _DABI_SAID, language="es")
    found = extract_quotes(article, EntityRecognizer.load().find_entities(article))
    assert [q.speaker for q in found if q.paragraph == 1] == ["Mohamed el Dabi"]


def test_a_body_or_a_table_without_the_particle_stays_split() -> None:
    body = "Es el Gobierno de Muamar el Gadafi."
    article = text_article(body, language="es")
    mentions = [
        _mention(body, 0, "Gobierno de Muamar", EntityType.PERSON),
        _mention(body, 0, "Gadafi", EntityType.OTHER),
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


def test_a_surname_hyphened_to_its_particle_belongs_to_the_name() -> None:
    # the rules take "Bashar" and stop at "al-Assad", a word with a small first letter
    text = (
        "El presidente de Siria, Bashar al-Assad, se ha mantenido en el poder pese a la "
        "presión internacional, y Abd al-Fattah al-Sisi gobierna Egipto desde 2014."
    )
    found = EntityRecognizer.load().find_entities(text_article(text, language="es"))
    people = {m.text for m in found if m.type is EntityType.PERSON}
    assert {"Bashar al-Assad", "Abd al-Fattah al-Sisi"} <= people
    assert not {"Bashar", "Abd"} & {m.text for m in found}


def test_a_name_with_a_particle_right_after_in_is_one_place() -> None:
    place = "Mubarak suele recibir a personalidades extranjeras en Sharm el Sheij."
    found = EntityRecognizer.load().find_entities(text_article(place, language="es"))
    assert ("Sharm el Sheij", EntityType.LOCATION) in {(m.text, m.type) for m in found}


def test_a_name_joined_at_one_particle_goes_on_at_the_next() -> None:
    text = (
        "Las fuerzas leales dispararon contra la multitud. Saif el Islam el Gadafi, el hijo del "
        "líder libio, habló después por televisión, como antes Zine el Abidine ben Ali."
    )
    found = EntityRecognizer.load().find_entities(text_article(text, language="es"))
    people = {m.text for m in found if m.type is EntityType.PERSON}
    assert {"Saif el Islam el Gadafi", "Zine el Abidine ben Ali"} <= people
