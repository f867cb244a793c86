"""A Scandinavian definite role written as a compound or after adjectives, read by
:mod:`newsloom.extract.speaker_resolution` (issue 16): ``sier NRL-leiaren``, ``seier
Høgre-representanten``, ``seier den sindige noregsmeisteren``, ``seier 46-åringen`` refer back,
like a pronoun, to the person the article named before — the one it named as the subject of the
last sentence that names anyone (``Mathisen mener Gauseth hadde flaks. ¶ - …, sier
21-åringen``), not a name inside words quoted before (``… Daniel, David og Jonas på guttesiden.
¶ Leah er jo et slikt bibelsk navn, sier forskeren``) — for a one-word definite role too."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.named_people import NamedPerson
from newsloom.extract.object_names import WEAK_ADJECTIVE, after_preposition
from newsloom.extract.role_words import ends_in_role
from newsloom.extract.speaker_names import ArticleNames
from newsloom.extract.speaker_reading import AGE_NOUN, PERSON_NOUN
from newsloom.records import Quote

# a noun in a definite form, a compound with a hyphen allowed ("NRL-leiaren",
# "Høgre-representanten"); the article a suffix
_DEFINITE_WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*(?:en|a|et|n)$")


def definite_person_role(role: str, names: ArticleNames) -> str | None:
    """The definite noun for a person that ends ``role`` — a compound (``NRL-leiaren``), after
    weak adjectives (``sindige noregsmeisteren``) or an age (``46-åringen``) — else None (a
    plain one-word noun is the caller's; a thing, ``rapporten``, names no one). An age only
    where the article gives no one an age (``Kari Nes (31)``): there an age no one was given
    is someone else's."""
    words = role.split()
    if not words or not weak_adjectives(words[:-1]):
        return None
    last = words[-1]
    if AGE_NOUN.search(last):
        return None if names.gives_ages() else last
    if len(words) == 1 and "-" not in last:
        return None
    if _DEFINITE_WORD.match(last) and (ends_in_role(last) or PERSON_NOUN.search(last)):
        return last
    return None


def weak_adjectives(words: Sequence[str]) -> bool:
    """Whether ``words`` (before a definite noun) are all weak adjectives (``sindige``,
    ``anonyme``), none a conjunction the speaker patterns took in (``siden mannen``)."""
    return all(WEAK_ADJECTIVE.match(word) for word in words)


def _inside_quote(person: NamedPerson, quotes: Sequence[Quote]) -> bool:
    return any(
        quote.paragraph == person.paragraph and quote.start <= person.start < quote.end
        for quote in quotes
    )


def subject_named_last(
    resolved: Sequence[Quote], quote: Quote, names: ArticleNames, language: str | None
) -> str | None:
    """The first person the last sentence naming anyone before the quote names, outside the
    words quoted (``resolved``) and governed by no preposition: the subject a definite role
    refers back to."""
    before = [
        person
        for person in names.people
        if (person.paragraph, person.start) < (quote.paragraph, quote.start)
        and not _inside_quote(person, (*resolved, quote))
    ]
    if not before:
        return None
    last = before[-1].paragraph
    subject = next(
        (
            person
            for person in before
            if person.paragraph == last
            and not after_preposition(
                names.paragraphs.get(person.paragraph, ""), person.start, language
            )
        ),
        None,
    )
    if subject is None or _unnamed_spoke_since(subject, resolved, quote):
        return None
    return subject.name


def _unnamed_spoke_since(person: NamedPerson, resolved: Sequence[Quote], quote: Quote) -> bool:
    """Whether someone the article left unnamed spoke after ``person`` was named — a role no
    one holds, other than this quote's (``Gunnar Hagen …. ¶ - …, vedgår kvinna …. ¶ - …, mener
    48-åringen``): the role refers to someone who came in since, not to ``person``."""
    return any(
        (person.paragraph, person.start) < (said.paragraph, said.start)
        and said.speaker is None
        and said.speaker_role
        and said.speaker_role != quote.speaker_role
        for said in resolved
    )


def named_last_outside_quotes(
    resolved: Sequence[Quote], quote: Quote, names: ArticleNames
) -> str | None:
    """The last person named before the quote outside the words quoted before it (``…
    Daniel, David og Jonas på guttesiden. ¶ Leah er jo et slikt bibelsk navn, sier forskeren``
    after ``navneforsker Ivar Utne``): a name said is no one a definite role refers back to."""
    person = person_named_last_outside_quotes(resolved, quote, names)
    return person.name if person is not None else None


def person_named_last_outside_quotes(
    resolved: Sequence[Quote], quote: Quote, names: ArticleNames
) -> NamedPerson | None:
    """The mention :func:`named_last_outside_quotes` names."""
    for person in reversed(names.people):
        if (person.paragraph, person.start) < (quote.paragraph, quote.start) and not (
            _inside_quote(person, (*resolved, quote))
        ):
            return person
    return None
