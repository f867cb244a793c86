"""Where a run of capitalised words stands in running text, to tell a person's name from a place,
a building, a body or a word capitalised because a sentence opens with it.

After "in" (``en Khan Sheikhoun``) or an article (``at the National Palace``) a run names a thing;
an organisation or place mention over it names no person; a recogniser's span that opens with an
article and a noun (``L'exclusion de Thilo Sarrazin``) holds the person after its connector.
:class:`newsloom.extract.speaker_names.ArticleNames` and the quote readers ask these questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.quote_words import DETERMINERS
from newsloom.extract.resources import table_words
from newsloom.extract.role_words import (
    MIN_ROLE_COMPOUND,
    ends_in_role,
    is_organisation_name,
    is_role_word,
)
from newsloom.records import EntityMention, EntityType

# "na serwerach w Sankt Petersburgu", "in Den Haag": a run of capitalised words right after "in"
# (the tables' ``in_prepositions``) is a place, not a person a later "he" or left-out subject
# may mean
_IN_WORDS = table_words("in_prepositions")
AFTER_IN = re.compile(rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, _IN_WORDS)) or '(?!)'})\s+$")
_IN_LONGEST = max(map(len, _IN_WORDS), default=0)
_DETERMINER_BEFORE = re.compile(rf"(?<![\w'’-])(?:{DETERMINERS})\s+$", re.IGNORECASE)
# whether every determiner is one word (no whitespace in the pattern): then a match ending at a
# name starts within the word before the whitespace there
_ONE_WORD_DETERMINERS = r"\s" not in DETERMINERS and not any(c.isspace() for c in DETERMINERS)


# a recogniser's "person" that opens with an article and a common noun ("L'expulsion de
# Sarrazin", "La llegada de Omar Suleimán"): the person is the name after the noun's "de"
_ARTICLE_AND_NOUN = re.compile(rf"^(?:[A-Z][’'][a-zà-ÿ]|(?i:{DETERMINERS})\s+[a-zà-ÿ])")
_OWNER_CONNECTORS = frozenset(table_words("name_connectors")) | frozenset(
    table_words("role_connectors")
)


def person_in_phrase(name: str) -> str:
    """The person's name in a recogniser's span that opens with an article and a lowercase
    noun (``L'exclusion de Thilo Sarrazin`` → ``Thilo Sarrazin``): the capitalised words after
    the last connector; the span as it is where they are none or it opens otherwise (``Charles
    de Gaulle``)."""
    if _ARTICLE_AND_NOUN.match(name) is None or not name[:1].isupper():
        return name
    words = name.split()
    cut = max((at for at, word in enumerate(words) if word in _OWNER_CONNECTORS), default=-1)
    rest = words[cut + 1 :]
    if cut < 1 or not rest or not all(word[:1].isupper() for word in rest):
        return name
    return " ".join(rest)


# the "according to" phrases of several words of every table ("nach angaben von"), and the
# tables' determiners
_SOURCE_PHRASES = frozenset(
    phrase.lower() for phrase in table_words("according_to") if " " in phrase
)
_DETERMINER_WORDS = frozenset(word.lower() for word in table_words("determiners"))
_SPAN_WORD = re.compile(r"\S+")


def without_source_words(text: str, start: int, name: str) -> tuple[str, int]:
    """A recogniser's span that took in the rest of an "according to" phrase the word before it
    opens (``Nach`` + ``Angaben der Staatsanwaltschaft``: the table's ``nach angaben``): the name
    after those words and an article, and where it starts; the span as it is otherwise."""
    before = text[:start].split()
    words = list(_SPAN_WORD.finditer(name))
    if not before or len(words) < 2:
        return name, start
    phrase, cut = before[-1].lower(), 0
    while cut < len(words) - 1 and f"{phrase} {words[cut].group(0).lower()}" in _SOURCE_PHRASES:
        phrase, cut = f"{phrase} {words[cut].group(0).lower()}", cut + 1
    while 0 < cut < len(words) - 1 and words[cut].group(0).lower() in _DETERMINER_WORDS:
        cut += 1
    if cut == 0:
        return name, start
    return name[words[cut].start() :], start + words[cut].start()


def after_in(text: str, end: int) -> bool:
    """Whether :data:`AFTER_IN` ends at ``end`` (``AFTER_IN.search(text, 0, end)``) — searched
    from the word before the whitespace that ends there, not from the paragraph's start for
    every name in it: the word ends where that whitespace begins."""
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    if start == end:
        return False  # no whitespace ends there, so no match of the pattern does
    return AFTER_IN.search(text, max(0, start - _IN_LONGEST), end) is not None


def names_a_thing(text: str, start: int, run: str) -> bool:
    """Whether a capitalised run at ``start`` is a place, a building or a day rather than a
    person: after "in" (``en Khan Sheikhoun``), or after an article (``at the National
    Palace``) unless a role opens it (German capitalises its nouns: ``der Zukunftsforscher
    Matthias Horx``): news writes a person's name without an article."""
    head = run.split()[0] if run.split() else ""
    role = is_role_word(head) or (len(head) >= MIN_ROLE_COMPOUND and ends_in_role(head))
    return after_in(text, start) or (after_determiner(text, start) and not role)


def after_determiner(text: str, end: int) -> bool:
    """Whether :data:`_DETERMINER_BEFORE` ends at ``end`` (``search(text, 0, end)``) — searched
    from the word before the whitespace that ends there, not from the paragraph's start for
    every name in it: a determiner of one word ends where that whitespace begins, so it starts
    within that word."""
    if not _ONE_WORD_DETERMINERS:
        return _DETERMINER_BEFORE.search(text, 0, end) is not None
    word_end = end
    while word_end > 0 and text[word_end - 1].isspace():
        word_end -= 1
    if word_end == end:
        return False  # no whitespace ends there, so no match of the pattern does
    start = word_end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return _DETERMINER_BEFORE.search(text, start, end) is not None


_BODY_TYPES = (EntityType.ORGANISATION, EntityType.LOCATION)


def may_name_a_person(
    name: str, paragraph: int, start: int, entities: Sequence[EntityMention]
) -> bool:
    """Whether a run of capitalised words may name a person: its words name no organisation
    (``Pasadena Police Department``) and no organisation or place mention covers it."""
    end = start + len(name)
    return not is_organisation_name(name) and not any(
        e.paragraph == paragraph and e.type in _BODY_TYPES and e.start < end and start < e.end
        for e in entities
    )


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:]\s)[\W\d]*$")
_NO_LETTER = re.compile(r"[\W\d]")


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (after a bullet or a number too,
    ``* Utvalet``, ``27. Dei``): where a subject, what the sentence is about, stands.

    ``_SENTENCE_OPENING`` searched in ``text[:start]``, from where the characters that are no
    letters before ``start`` begin (a match holds nothing else), not from the paragraph's start
    for every name in it."""
    run = start
    while run > 0 and _NO_LETTER.match(text, run - 1):
        run -= 1
    return _SENTENCE_OPENING.search(text, run, start) is not None
