"""Which role speakers a later pronoun may go on with (:mod:`newsloom.extract.quote_context`):
one person's role with no name ("…, forklarar vitskapshistorikaren. ¶ …, seier han"), a
relative or a neighbour ("sier moren. ¶ …, sier hun"), and the sex a role's noun gives."""

from __future__ import annotations

import re

from newsloom.extract.resources import own_word_set, own_words
from newsloom.extract.role_words import ends_in_role
from newsloom.extract.speaker_reading import AGE_NOUN, PERSON_NOUN

_PLURAL_DEFINITE = re.compile(r"(?:ene|ane|rne)$")  # "naboene", "bøndane", "lærerne"


def one_person_role(role: str | None, language: str | None = None) -> bool:
    """Whether a role speaker is one person: its last word a noun for a person or a role
    (``mannen``, ``24-åringen``, ``Høgre-representanten``) or a relative (``moren``,
    ``naboen``), not in a plural definite form (``naboene``, ``lederne``), nor words the
    speaker patterns misread (``tysk aksent``)."""
    words = (role or "").split()
    if not words or _PLURAL_DEFINITE.search(words[-1]):
        return False
    last = words[-1]
    return bool(
        PERSON_NOUN.search(last)
        or AGE_NOUN.search(last)
        or ends_in_role(last)
        or relative(role, language)
    )


def _definite_of(word: str, nouns: frozenset[str], language: str | None) -> bool:
    """Whether ``word`` is one of ``nouns`` with the table's definite article suffixed
    (``moren``, ``mora``, ``kona`` of "kone", ``bestemora``)."""
    lowered = word.lower()
    for suffix in own_words(language, "definite_suffixes"):
        stem = lowered[: -len(suffix)] if lowered.endswith(suffix) else None
        if stem and (stem in nouns or stem + "e" in nouns):
            return True
    return False


def relative(role: str | None, language: str | None) -> bool:
    """Whether a role is a relative or a neighbour in the definite form (the table's
    ``relative_nouns``: ``moren``, ``bestemora``, ``naboen``, ``kona``): someone else's, whom
    a later he or she may mean."""
    words = (role or "").split()
    nouns = own_word_set(language, "relative_nouns")
    return bool(words) and _definite_of(words[-1], nouns, language)


def general_person(role: str | None, language: str | None) -> bool:
    """Whether a role ends in a noun for anyone in the definite form (the table's
    ``person_nouns``: ``mannen``, ``kvinnen``, ``jenta``, ``den anonyme mannen``, da
    ``kvinden``, sv ``kvinnan``): what the person is, not a title or whose relative
    (``nabokvinnen``, ``moren`` are not)."""
    words = (role or "").split()
    return bool(words) and _definite_of(words[-1], own_word_set(language, "person_nouns"), language)


def noun_sex(role: str | None, language: str | None) -> str | None:
    """``"f"`` for a role whose last noun is a woman's (the table's ``feminine_nouns``:
    ``moren``, ``kvinnen``, ``kona``), ``"m"`` for a man's (``faren``, ``gutten``), else None
    (``naboen``, ``statsråden``: a role carries no sex unless its word does)."""
    words = (role or "").split()
    if not words:
        return None
    if _definite_of(words[-1], own_word_set(language, "feminine_nouns"), language):
        return "f"
    if _definite_of(words[-1], own_word_set(language, "masculine_nouns"), language):
        return "m"
    return None
