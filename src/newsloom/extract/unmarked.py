"""Statements without quotation marks closed by an attribution: ``Ledelsen burde ha visst, sa
styreleder X.``, ``…, slår X fast.``, and the verbs of announcement after which such a sentence is
a body's information rather than someone's words (``…, opplyser politiet.``).

Read by :mod:`newsloom.extract.reported`, :mod:`newsloom.extract.reported_questions` and
:mod:`newsloom.extract.quote_runs`; built from :mod:`newsloom.extract.quote_patterns`.
"""

from __future__ import annotations

import re

from newsloom.extract.quote_patterns import (
    AFTER_VERBS,
    PARTICLE_VERBS,
    RELATIVE_PRONOUNS,
    UNMARKED_CONTENT,
    split_attribution,
)
from newsloom.extract.quote_words import MIDDLE_INITIAL
from newsloom.extract.resources import table_word_set, table_words, words_pattern
from newsloom.process_cache import compile_pattern

# Verbs by which a body informs of facts ("…, opplyser politiet.", the tables' ``inform_verbs``):
# after an unmarked sentence, an announcement, not someone's words (with "that" they are reported
# speech as any other verb). Scandinavian only: the gold guides of the other languages count
# "…, informó el OSDH." as the body's reported words (issue 22).
INFORM_VERBS = words_pattern(table_words("inform_verbs"), whole=False, literal=True)
# A sentence that is a quote without marks: "Ledelsen burde ha visst, sa styreleder X."
UNMARKED = compile_pattern(
    rf"^{UNMARKED_CONTENT}\s*[\"”»]?\s*,\s*"
    rf"(?!(?:{INFORM_VERBS})\s)(?P<verb>{AFTER_VERBS})\s+"
    rf"(?P<speaker>(?:[^.;:!?«»\"“”„]|(?<=[^\W\d_])\.(?=[^\W\d_])|{MIDDLE_INITIAL})+?)\s*[.!?:]?\s*$",
    re.IGNORECASE,
)


# UNMARKED's attribution: a cheap test before it (a search from comma to comma, where UNMARKED
# tries every character of the statement)
UNMARKED_CLAUSE = compile_pattern(
    rf",\s*(?:{AFTER_VERBS})\s+(?:[^.;:!?«»\"“”„]|(?<=[^\W\d_])\.(?=[^\W\d_])|{MIDDLE_INITIAL})+?"
    r"\s*[.!?:]?\s*$",
    re.IGNORECASE,
)


# finite verbs of the tables' ``modals`` (not "å", "bli", "blitt"): a clause's verb
_FINITE_MODALS = table_word_set("modals") - {"å", "bli", "blitt"}


_SUBJECT_PRONOUNS = table_word_set("pronouns")


def _holds_a_clause(phrase: str) -> bool:
    """Whether what follows a closing verb is a clause of its own, not a subject: a finite
    auxiliary before any comma or relative pronoun (``meiner eit utvida samarbeid skal``,
    ``meiner han ein får`` is read elsewhere; ``sa Hansen, som er leiar`` is a subject). A
    subject pronoun opening it is the subject, not a verb of the same spelling (German
    ``sagte er am Montag``, where Norwegian "er" is a finite verb)."""
    words = phrase.split()
    if words and words[0].lower() in _SUBJECT_PRONOUNS:
        words = words[1:]
    for word in words:
        bare = word.strip(".,;:!?").lower()
        if bare in RELATIVE_PRONOUNS:
            return False
        if bare in _FINITE_MODALS:
            return True
        if word.endswith(","):
            return False
    return False


def unmarked_attribution(text: str) -> tuple[re.Match[str], str] | None:
    """A statement without marks and the subject of its closing attribution: ``…, sa
    styreleder X.`` or, with a particle verb holding its subject, ``…, slår X fast.``"""
    if "," not in text:
        return None  # both patterns need the comma before the attribution
    unmarked = UNMARKED.match(text) if UNMARKED_CLAUSE.search(text) is not None else None
    if unmarked is not None:
        if _holds_a_clause(unmarked.group("speaker")):
            return None  # "…, meiner eit utvida samarbeid skal gjere …": a that-less clause
        last = unmarked.group("speaker").split()[-1:]
        if last and (unmarked.group("verb").lower(), last[0].lower()) in PARTICLE_VERBS:
            # "…, teilte die Polizei mit.": the verb's particle closes it, no part of the subject
            return split_attribution(text) or (unmarked, unmarked.group("speaker"))
        return unmarked, unmarked.group("speaker")
    return split_attribution(text)
