"""Person names that go on across a lowercase particle (``Mohamed el Dabi``, ``Ursula von der
Leyen``, ``Lula da Silva``): a recogniser that knows no such particle splits the name in two
(``Mohamed`` and ``Dabi``), and the quote after it goes to another name (issue 22).

The particles are the language's table's ``name_particles`` written without a hyphen (es "el",
"ben", "von der"); those written with one (fr "al-") join a surname by a hyphen and are read by
:mod:`newsloom.extract.role_words`. Two mentions of a person or of something unnamed, with only
such particles between them, are one person's name; so is a mention and the capitalised word
after its particles that no mention takes in. A place (``en Sharm el Sheikh``) is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsloom.entities.exonyms import is_place_name
from newsloom.extract.name_spans import after_in
from newsloom.extract.resources import own_words
from newsloom.records import EntityMention, EntityType, Paragraph

_NAME_TYPES = (EntityType.PERSON, EntityType.OTHER)


@cache
def _gap(language: str | None) -> re.Pattern[str] | None:
    """What may stand between two parts of one name in ``language``: its particles, each
    between single spaces (``" von der "``); None where its table has none."""
    particles = sorted(
        (word for word in own_words(language, "name_particles") if not word.endswith("-")),
        key=len,
        reverse=True,
    )
    if not particles:
        return None
    words = "|".join(re.escape(word).replace(r"\ ", " ") for word in particles)
    return re.compile(rf" (?:(?:{words}) )+")


def _joinable(mention: EntityMention) -> bool:
    """A mention of a person or of something unnamed, of capitalised words only (not ``Gobierno
    de Muamar``: a body's name, the person after its "de"), and no place."""
    return (
        mention.type in _NAME_TYPES
        and all(word[:1].isupper() for word in mention.text.split())
        and not is_place_name(mention.text)
    )


def joined_across_particles(
    paragraphs: Sequence[Paragraph], entities: Sequence[EntityMention], language: str | None
) -> tuple[EntityMention, ...]:
    """``entities`` with each person's name the recogniser split at a particle of the
    language's table made one person mention (``Mohamed`` + ``Dabi`` → ``Mohamed el Dabi``);
    the mentions as they are where the table has no particle or nothing was split."""
    if len(entities) < 2:
        return tuple(entities)  # nothing to join
    gaps = {
        paragraph.index: (paragraph.text, _gap(paragraph.language or language))
        for paragraph in paragraphs
    }
    ordered = sorted(entities, key=lambda mention: (mention.paragraph, mention.start, mention.end))
    found: list[EntityMention] = []
    for mention in ordered:
        text, gap = gaps.get(mention.paragraph, ("", None))
        last = found[-1] if found else None
        if (
            gap is not None
            and last is not None
            and last.paragraph == mention.paragraph
            and _joinable(last)
            and _joinable(mention)
            and mention.text[:1].isupper()
            and gap.fullmatch(text, last.end, mention.start) is not None
            and not is_place_name(text[last.start : mention.end])
            and not after_in(text, last.start)
        ):
            found[-1] = EntityMention(
                text[last.start : mention.end],
                EntityType.PERSON,
                mention.paragraph,
                last.start,
                mention.end,
            )
            continue
        found.append(mention)
    if len(found) == len(ordered):
        return tuple(entities)
    return tuple(found)
