"""Person names that go on across a lowercase particle (``Mohamed el Dabi``, ``Ursula von der
Leyen``, ``Lula da Silva``): a recogniser that knows no such particle splits the name in two
(``Mohamed`` and ``Dabi``), and every later stage would see two names (issue 22). The entity
stage joins them, so the article's mentions carry the whole name, typed as a person.

The particles are the tables' ``name_particles``. Those written without a hyphen are the
language's own (es "el", "ben", "von der"): two mentions of a person or of something unnamed,
with only such particles between them, are one person's name. Those written with one (fr "al-",
"el-"; every table's) join a surname by a hyphen (``Bachar al-Assad``, ``Abd al-Fattah``): a
word a recogniser does not take in, since it opens with a small letter, so a mention of a person
or of something unnamed goes on over such words right after it. The name joined is a person's,
or a place where it stands right after "in" (``en Sharm el Sheij``) or the exonym table holds it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from newsloom.entities.exonyms import is_place_name
from newsloom.extract.name_spans import after_in
from newsloom.extract.resources import own_words
from newsloom.extract.role_words import NAME_PARTICLE
from newsloom.records import EntityMention, EntityType, Paragraph

_NAME_TYPES = (EntityType.PERSON, EntityType.OTHER)
# a surname joined to its particle by a hyphen (``al-Assad``, ``el-Sisi``), as role_words reads it
_PARTICLE_SURNAME = rf"{NAME_PARTICLE}[A-ZÆØÅÄÖÜÉ][\w'’]*(?:-[A-ZÆØÅÄÖÜÉ][\w'’]*)*"
_SURNAMES_AFTER = re.compile(rf"(?: {_PARTICLE_SURNAME})+(?![\w'’-])")
_PARTICLE_WORD = re.compile(_PARTICLE_SURNAME)


@cache
def _gap(language: str | None) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """What may stand between two parts of one name in ``language``: its particles, each
    between single spaces (``" von der "``), None where its table has none; and their words."""
    particles = sorted(
        (word for word in own_words(language, "name_particles") if not word.endswith("-")),
        key=len,
        reverse=True,
    )
    if not particles:
        return None, frozenset()
    words = "|".join(re.escape(word).replace(r"\ ", " ") for word in particles)
    return re.compile(rf" (?:(?:{words}) )+"), frozenset(" ".join(particles).split())


def _joinable(mention: EntityMention, particles: frozenset[str] = frozenset()) -> bool:
    """A mention of a person or of something unnamed, of capitalised words and ``particles``
    only (not ``Gobierno de Muamar``: a body's name, the person after its "de"; ``Saif el
    Islam`` joined here may go on), and no place."""
    return (
        mention.type in _NAME_TYPES
        and all(
            word[:1].isupper() or word in particles or _PARTICLE_WORD.fullmatch(word)
            for word in mention.text.split()
        )
        and not is_place_name(mention.text)
    )


def _with_surnames(mention: EntityMention, text: str) -> EntityMention:
    """``mention`` with the surnames joined to a particle by a hyphen right after it taken in
    (``Bachar`` → ``Bachar al-Assad``), as a person's; the mention as it is where none follows,
    or where it is no name of a person, or a place."""
    found = _SURNAMES_AFTER.match(text, mention.end)
    if found is None or not _joinable(mention):
        return mention
    return _name(text, mention.paragraph, mention.start, found.end())


def _name(text: str, paragraph: int, start: int, end: int) -> EntityMention:
    """The joined name at ``start:end`` of the paragraph's ``text``: a place where the exonym
    table holds it or it stands right after "in" (the tables' ``in_prepositions``: ``en Sharm
    el Sheij``), else a person."""
    name = text[start:end]
    place = is_place_name(name) or after_in(text, start)
    kind = EntityType.LOCATION if place else EntityType.PERSON
    return EntityMention(name, kind, paragraph, start, end)


def joined_across_particles(
    paragraphs: Sequence[Paragraph], entities: Sequence[EntityMention], language: str | None
) -> tuple[EntityMention, ...]:
    """``entities`` with each name the recogniser split at a particle made one mention
    (``Mohamed`` + ``Dabi`` → ``Mohamed el Dabi``, ``Bachar`` → ``Bachar al-Assad``), in text
    order; the mentions as they are where nothing was split."""
    if not entities:
        return ()
    gaps = {
        paragraph.index: (paragraph.text, *_gap(paragraph.language or language))
        for paragraph in paragraphs
    }
    ordered = sorted(entities, key=lambda mention: (mention.paragraph, mention.start, mention.end))
    found: list[EntityMention] = []
    for mention in ordered:
        text, gap, particles = gaps.get(mention.paragraph, ("", None, frozenset()))
        last = found[-1] if found else None
        if last is not None and last.paragraph == mention.paragraph and mention.start < last.end:
            continue  # within the surnames taken in by the mention before
        mention = _with_surnames(mention, text)
        if (
            gap is not None
            and last is not None
            and last.paragraph == mention.paragraph
            and _joinable(last, particles)
            and _joinable(mention)
            and mention.text[:1].isupper()
            and gap.fullmatch(text, last.end, mention.start) is not None
        ):
            found[-1] = _name(text, mention.paragraph, last.start, mention.end)
            continue
        found.append(mention)
    if found == ordered:
        return tuple(entities)
    return _one_type_each(found, frozenset(ordered))


def _one_type_each(
    found: list[EntityMention], given: frozenset[EntityMention]
) -> tuple[EntityMention, ...]:
    """``found`` with each name joined here that the article names as a place once (``en
    Sharm el Sheij``) a place everywhere in it (``la cumbre de Sharm el Sheij``)."""
    places = {
        mention.text
        for mention in found
        if mention.type is EntityType.LOCATION and mention not in given
    }
    return tuple(
        replace(mention, type=EntityType.LOCATION)
        if mention.text in places and mention not in given
        else mention
        for mention in found
    )
