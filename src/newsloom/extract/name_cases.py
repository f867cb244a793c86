"""A person's name in the nominative, in a language that declines names (Polish): ``według
Tomasza Kowalczewskiego`` and ``z Jackiem Kurskim`` name Tomasz Kowalczewski and Jacek Kurski.

Two sources, both per language: the table's ``name_case_endings`` (``"skiego:ski"``: the
endings of surnames declined as adjectives, which any surname of that shape follows) and
simplemma's dictionary, for a word whose lemma is itself a capitalised name (``Tomasza`` →
``Tomasz``, ``Jadwigi`` → ``Jadwiga``) reached by a regular change of its ending. A word with
one of the table's ``nominative_endings`` (``Zacharowa``, ``Szydłowska``) is left as written:
those are nominative forms the dictionary would read as another name's genitive.
"""

from __future__ import annotations

from functools import cache

from newsloom.assign.features import dictionary_lemma
from newsloom.extract.resources import own_words
from newsloom.extract.role_words import is_role_word


@cache
def _endings(language: str | None) -> tuple[tuple[str, str], ...]:
    """``(oblique, nominative)`` surname endings of ``language``, longest first."""
    pairs = [entry.split(":", 1) for entry in own_words(language, "name_case_endings")]
    return tuple(
        sorted(((oblique, nominative) for oblique, nominative in pairs), key=lambda p: -len(p[0]))
    )


def _regular_change(word: str, lemma: str, language: str | None) -> bool:
    """Whether ``lemma`` comes from ``word`` by a regular change of its ending: an ending cut
    off (``Tomasza``, ``Trumpa``; not from a nominative ending: ``Zacharowa``), a feminine
    ending for ``-a`` (``Jadwigi``, ``Hołowni``, ``Dudą``) or a fleeting ``e`` (``Jacka`` →
    ``Jacek``, ``Pawła`` → ``Paweł``)."""
    nominative = own_words(language, "nominative_endings")
    return (
        (
            word.startswith(lemma)
            and 0 < len(word) - len(lemma) <= 3
            and not any(word.lower().endswith(ending) for ending in nominative)
        )
        or (len(word) > 2 and lemma == word[:-1] + "a")
        or (len(word) > 3 and word.endswith("a") and lemma == word[:-2] + "e" + word[-2])
    )


def _nominative_word(word: str, language: str | None, oblique: bool = False) -> str | None:
    """``word`` in the nominative; None where it is an inflected common word (``Spraw``,
    ``Stadionu``), which makes its name a body's or place's, left as written. ``oblique``: the
    role before the name is in an oblique case, so a name no dictionary knows ending in one of
    the table's ``masculine_case_endings`` is a man's name in that case (``ministra
    Igemana``)."""
    lowered = word.lower()
    if not word[:1].isupper() or word.isupper() or "-" in word:
        return word
    for oblique_ending, nominative in _endings(language):
        if lowered.endswith(oblique_ending) and len(word) > len(oblique_ending) + 1:
            return word[: len(word) - len(oblique_ending)] + nominative
    lemma = dictionary_lemma(lowered, language)
    if lemma is None:
        if oblique:
            for ending in own_words(language, "masculine_case_endings"):
                if lowered.endswith(ending) and len(word) > len(ending) + 3:
                    return word[: -len(ending)]
        return word
    if lemma[:1].islower():
        return word if lemma == lowered else None
    # a word the dictionary knows only as a name ("Tomasza", "Jadwigi", "Reutera")
    return lemma if _regular_change(word, lemma, language) else word


def _oblique_role(role: str | None, language: str | None) -> bool:
    """Whether a role holds a role word in an oblique case (``szwedzkiego ministra obrony``,
    ``rzecznika``: the dictionary's lemma, a role word, differs from it)."""
    for word in (role or "").lower().split():
        lemma = dictionary_lemma(word, language)
        if lemma is not None and lemma != word and is_role_word(lemma):
            return True
    return False


def nominative(name: str, language: str | None, role: str | None = None) -> str:
    """``name`` with each capitalised word in the nominative, in a language whose table lists
    ``name_case_endings``; unchanged elsewhere, and where a word is an inflected common word
    of the language's dictionary (``Spraw Zagranicznych Rosji``, ``Archidiecezji Łódzkiej``).
    ``role``: the role written before the name, whose case the name shares."""
    if not _endings(language):
        return name
    oblique = _oblique_role(role, language)
    words = [_nominative_word(word, language, oblique) for word in name.split()]
    if any(word is None for word in words):
        return name
    return " ".join(word for word in words if word is not None)


def body_before_name(name: str, language: str | None) -> tuple[str | None, str]:
    """``Stanów Zjednoczonych Mark Esper`` → (``Stanów Zjednoczonych``, ``Mark Esper``): in a
    language whose table lists ``name_case_endings`` (one that declines names and nouns), the
    body a role belongs to stands in the genitive between the role and its holder's name
    (``sekretarz obrony Stanów Zjednoczonych Mark Esper``, ``prezydent USA Donald Trump``), and a
    recogniser may run it into the name. Its words are inflected common words of the
    dictionary (``Stanów``, ``Komendy Głównej Policji``) or acronyms (``USA``, ``MSZ``); the
    name is the two words or more after them. (None, ``name``) where no such words lead."""
    if not _endings(language):
        return None, name
    words = name.split()
    lead = 0
    while len(words) - lead > MIN_NAME_WORDS and _body_word(words[lead], language):
        lead += 1
    if not lead or _common_word(words[lead], language):
        return None, name  # "Komendy Stołecznej Policji", "Stałe Przedstawicielstwo": a body
    return " ".join(words[:lead]), " ".join(words[lead:])


MIN_NAME_WORDS = 2  # a first name and a surname


def _body_word(word: str, language: str | None) -> bool:
    """Whether a capitalised word is an acronym (``USA``, ``PiS``) or an inflected common word
    of ``language``'s dictionary (``Stanów`` of ``stan``), no word of a name in the nominative."""
    letters = [letter for letter in word if letter.isalpha()]
    capitals = sum(letter.isupper() for letter in letters)
    if len(letters) >= MIN_NAME_WORDS and capitals >= max(2, len(letters) - 1):
        return True
    return _common_word(word, language) and dictionary_lemma(word.lower(), language) != word.lower()


def _common_word(word: str, language: str | None) -> bool:
    """Whether the dictionary of ``language`` knows ``word`` as a common word (its lemma in
    lowercase), which no first name is."""
    lemma = dictionary_lemma(word.lower(), language)
    return lemma is not None and lemma[:1].islower()
