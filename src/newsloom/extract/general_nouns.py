"""A Scandinavian definite noun for anyone as a speaker (issue 16): ``sier kvinnen``, ``fortel
mannen``, ``siger kvinden``, ``säger kvinnan`` (the tables' ``person_nouns``) say what the
speaker is, not who. The news writes them for someone it leaves unnamed — the victim, a
suspect, the woman next door — as often as for the person it named last. Read off the NorNE
pseudo-documents: after ``Oda og Selma var fint, mente kona``, ``mente mannen`` is the husband,
not Selma; after ``søker trøst hos nabokvinnen``, ``sier kvinnen`` is the neighbour, not the
girl named last; after ``Henrietta Jonasson …. ¶ Hun begynte …`` and ``Like etter tok Henrietta
kontakt``, ``sier mannen`` is the man she contacted. So such a noun is the person introduced
with it (``Kari Holm er en sterk kvinne``, ``en mann, Per Hansen,``); else the person named
last, unless that person is of the other sex (by the names table, or by the he or she the
article opens the next sentence with) or the article has called someone by such a noun
unnamed since (``kona``, ``nabokvinnen``, ``Mannen ble varetektsfengslet`` after the victim's
name); else the one person named with a role whose first name is of the noun's sex
(``Naboen Kari Olsen … sier kvinnen``); else it stays the role."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.name_sexes import name_sex, pronoun_sex
from newsloom.extract.named_people import NamedPerson
from newsloom.extract.role_antecedents import general_person, noun_sex, relative
from newsloom.extract.role_back import person_named_last_outside_quotes, weak_adjectives
from newsloom.extract.role_going_on import introduced_as, introduced_unnamed, role_before
from newsloom.extract.speaker_names import ArticleNames
from newsloom.records import Quote

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_SHORTEST_HEAD = 3  # letters of a compound's first part ("nabo-kvinnen")


def general_noun_holder(
    resolved: Sequence[Quote], quote: Quote, names: ArticleNames, language: str | None
) -> str | None:
    """Whom the definite noun for anyone ending ``quote``'s role means (see the module); None
    where it stays the role."""
    role = quote.speaker_role or ""
    words = role.split()
    if not words or not weak_adjectives(words[:-1]):
        return None  # "siden mannen": a conjunction the speaker patterns took in
    introduced = introduced_as(words[-1], quote, names, language)
    if introduced is not None:
        return introduced
    sex = noun_sex(role, language)
    person = person_named_last_outside_quotes(resolved, quote, names)
    if (
        person is not None
        and not introduced_unnamed(words[-1], quote, names, language)
        and (sex is None or _sex_of(person, names) in (None, sex))
        and not _someone_unnamed_since(person, quote, names, language)
    ):
        return person.name
    if sex is None:
        return None
    fitting = {
        names.fullest(person.name)
        for person in names.people
        if (person.paragraph, person.start) < (quote.paragraph, quote.start)
        and _given_a_role(person, names, language)
    }
    of_sex = [name for name in fitting if name_sex(name) == sex]
    return of_sex[0] if len(of_sex) == 1 else None


def _given_a_role(person: NamedPerson, names: ArticleNames, language: str | None) -> bool:
    """Whether the article names ``person`` with a role (``leder Stian Larsen``) or as someone's
    relative or neighbour right before the name (``Naboen Kari Olsen``, ``kona Kirsten``)."""
    before = names.paragraphs.get(person.paragraph, "")[: person.start].split()[-1:]
    return role_before(person, names) or (bool(before) and relative(before[0], language))


def _sex_of(person: NamedPerson, names: ArticleNames) -> str | None:
    """The sex of ``person``: the names table's for the first name the article gives them, else
    the he or she opening the sentence after one that names them alone (``Det var i høst
    Henrietta Jonasson meldte seg inn …. ¶ Hun begynte …``); None where neither tells."""
    full = names.fullest(person.name)
    known = name_sex(full)
    if known is not None:
        return known
    for mention in names.people:
        if names.fullest(mention.name) != full:
            continue
        text = names.paragraphs.get(mention.paragraph, "")
        if any(
            other.paragraph == mention.paragraph and names.fullest(other.name) != full
            for other in names.people
        ):
            continue  # someone else named beside: whom the pronoun means is not told
        stop = _SENTENCE_END.search(text, mention.start + len(mention.name))
        following = text[stop.end() :] if stop else ""
        if not following.strip():
            following = names.paragraphs.get(mention.paragraph + 1, "")
        first = _WORD.match(following.lstrip())
        if first is not None and (sex := pronoun_sex(first.group(0))) is not None:
            return sex
    return None


def _someone_unnamed_since(
    person: NamedPerson, quote: Quote, names: ArticleNames, language: str | None
) -> bool:
    """Whether, in the paragraphs from ``person``'s mention up to the quote's, the article
    writes a definite noun for someone with no name after it: a relative or a neighbour
    (``mente kona``), a noun for anyone (``Mannen ble varetektsfengslet`` after the victim's
    name), or a compound of one (``hos nabokvinnen``) — someone the article refers to unnamed,
    whom the quote's noun may mean rather than the person named."""
    for index in range(person.paragraph, quote.paragraph):
        text = names.paragraphs.get(index, "")
        start = person.start + len(person.name) if index == person.paragraph else 0
        for word in _WORD.finditer(text, start):
            lowered = word.group(0).lower()
            following = text[word.end() :].split()[:1]
            if following and following[0][:1].isupper():
                continue  # "kona Kirsten": named
            if relative(lowered, language) or _of_a_general_noun(lowered, language):
                return True
    return False


def _of_a_general_noun(word: str, language: str | None) -> bool:
    """Whether ``word`` is a definite noun for anyone or a compound ending in one
    (``kvinnen``, ``nabokvinnen``)."""
    return general_person(word, language) or any(
        general_person(word[at:], language) for at in range(_SHORTEST_HEAD, len(word) - 2)
    )
