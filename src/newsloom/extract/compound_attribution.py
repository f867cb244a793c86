"""A statement without quotation marks closed by a reporting verb in a compound past and its
subject after it, as French and Italian wire copy writes it: ``…, a indiqué un militant joint
par téléphone.``, ``…, ha detto all'Ansa un testimone.`` (the Nordic ``…, sa X.`` is read by
:func:`newsloom.extract.quote_patterns.unmarked_attribution`).

The auxiliaries come from the tables' ``closing_auxiliaries``, so a language without them is not
read this way (Spanish "…, ha anunciado su dimisión" closes with an object, not a subject). What
follows the verb opens as a subject does: an article, a capitalised name or the medium told
(``à l'AFP``), not a possessive (``sa démission``); a statement that is a name set off by commas
(``Le ministre, Moustafa Abdel Jalil, a annoncé …``) is the subject itself, no statement.
"""

from __future__ import annotations

import re
from functools import cache

from newsloom.extract.quote_patterns import (
    AFTER_VERBS,
    AUXILIARY_ADVERB,
    UNMARKED_CONTENT,
)
from newsloom.extract.quote_words import ABBREVIATION, DETERMINERS
from newsloom.extract.resources import own_words, table_words, words_pattern

# what a subject after the verb opens with: an article, a capital, the medium told (the tables'
# ``told_after_verb``: "à l'AFP", "alla Stampa")
_SUBJECT_OPENING = re.compile(
    rf"(?:{DETERMINERS})(?:\s|(?<=['’]))|[A-ZÆØÅÄÖÜÉ]"
    rf"|{words_pattern(table_words('told_after_verb'), whole=False)}\s",
    re.IGNORECASE,
)
# a statement ending in a name set off by a comma: the subject and its apposition
_NAME_SET_OFF = re.compile(r",\s*(?:[A-ZÆØÅÄÖÜÉ][\w'’.-]*\s*)+$")


@cache
def _pattern(language: str | None) -> re.Pattern[str] | None:
    auxiliaries = own_words(language, "closing_auxiliaries")
    if not auxiliaries:
        return None
    return re.compile(
        rf"^{UNMARKED_CONTENT}\s*,\s*(?:{words_pattern(auxiliaries)})\s+{AUXILIARY_ADVERB}"
        rf"(?P<verb>{AFTER_VERBS})\s+"
        rf"(?P<speaker>(?:{ABBREVIATION}[^.;:!?«»\"“”„]|(?<=[^\W\d_])\.(?=[^\W\d_]))+?)"
        r"\s*[.!?]?\s*$",
        re.IGNORECASE,
    )


# a comma, then a finite verb after the subject: the sentence goes on after an incise
_RESUMED = re.compile(r",\s*(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)\s+[^\W\d_]")


def resumed_predicate(found: re.Match[str], language: str | None) -> int:
    """Where the sentence's own predicate resumes after an attribution set in it as an incise
    (``Moubarak, a expliqué le vice-président Omar Souleimane, a décidé de …``: the subject
    before the incise, its verb after it), an auxiliary or a copula of the table after the
    subject's comma; 0 where the attribution closes the sentence."""
    resumed = _RESUMED.search(found.group("speaker"))
    verbs = {*own_words(language, "auxiliaries"), *own_words(language, "copulas")}
    if resumed is None or resumed.group("word").lower() not in verbs:
        return 0
    return found.start("speaker") + resumed.start("word")


def compound_attribution(text: str, language: str | None) -> tuple[re.Match[str], str] | None:
    """The statement and the subject of its closing compound-past attribution, or None."""
    pattern = _pattern(language)
    if pattern is None or "," not in text:
        return None
    found = pattern.match(text)
    if found is None:
        return None
    speaker = found.group("speaker")
    if _SUBJECT_OPENING.match(speaker) is None:
        return None  # "…, a annoncé sa démission": an object after the verb
    if _NAME_SET_OFF.search(found.group("content")):
        return None  # "Le ministre, Moustafa Abdel Jalil, a annoncé …": the subject, no statement
    return found, speaker
