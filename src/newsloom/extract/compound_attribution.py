"""A statement without quotation marks closed by a reporting verb in a compound past and its
subject after it, as French and Italian wire copy writes it: ``…, a indiqué un militant joint
par téléphone.``, ``…, ha detto all'Ansa un testimone.`` (the Nordic ``…, sa X.`` is read by
:func:`newsloom.extract.unmarked.unmarked_attribution`).

French also closes a statement with its verb and a subject pronoun joined by hyphens (``…, a-t-il
ajouté.``, ``…, estime-t-elle.``, ``…, a-t-elle déclaré mercredi à Reuters.``): the pronoun, read
from the own table's ``pronouns``, means the one named before it.

The attribution may open with "as" and a pronoun for the statement (``…, comme l'a annoncé la
compagnie jeudi.``: the tables' ``final_after`` and ``statement_pronouns``).

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
from newsloom.extract.speaker_phrases import VERB_FORMS
from newsloom.process_cache import compile_pattern

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
    # "…, comme l'a annoncé la compagnie.": a final_after word ("as") and the pronoun that
    # stands for the statement (the own table's ``statement_pronouns``) may open the attribution
    after = own_words(language, "final_after")
    pronouns = own_words(language, "statement_pronouns")
    pronoun = rf"(?:{words_pattern(pronouns)}\s*)?" if pronouns else ""
    opening = rf"(?:{words_pattern(after)}\s+{pronoun})?" if after else ""
    return compile_pattern(
        rf"^{UNMARKED_CONTENT}\s*,\s*{opening}(?:{words_pattern(auxiliaries)})\s+{AUXILIARY_ADVERB}"
        rf"(?P<verb>{AFTER_VERBS})\s+"
        rf"(?P<speaker>(?:{ABBREVIATION}[^.;:!?«»\"“”„]|(?<=[^\W\d_])\.(?=[^\W\d_]))+?)"
        r"\s*[.!?]?\s*$",
        re.IGNORECASE,
    )


@cache
def _inverted_pattern(language: str | None) -> re.Pattern[str] | None:
    """``…, a-t-il ajouté.``: a verb (or an auxiliary) joined by hyphens to a subject pronoun of
    ``language``'s own table, a participle after an auxiliary, up to six more words (a time, the
    one told), then the sentence's end or a comma and a lowercase clause (``…, a-t-elle déclaré
    à Reuters, poursuivant …``)."""
    pronouns = own_words(language, "pronouns")
    if not pronouns:
        return None
    return re.compile(
        rf"^{UNMARKED_CONTENT}\s*,\s*(?P<verb>[^\W\d_]+)-(?:t-)?(?P<speaker>{words_pattern(pronouns)})"
        r"(?:\s+(?P<participle>[^\W\d_]+))?(?:\s+[^\s,.;:!?«»\"“”„]+){0,6}?"
        r"\s*(?:[.!?]?\s*$|,\s+(?-i:[a-zà-ÿ])[^«»\"“”„]*$)",
        re.IGNORECASE,
    )


def inverted_attribution(text: str, language: str | None) -> tuple[re.Match[str], str] | None:
    """The statement and the pronoun of its closing ``…, a-t-il ajouté.``, or None where the
    verb (or the participle after an auxiliary) reports no speech (``…, a-t-il fallu``)."""
    pattern = _inverted_pattern(language)
    if pattern is None or "-" not in text:
        return None
    found = pattern.match(text)
    if found is None:
        return None
    verb, participle = found.group("verb").lower(), (found.group("participle") or "").lower()
    auxiliaries = {word.lower() for word in own_words(language, "auxiliaries")}
    if verb not in VERB_FORMS and not (verb in auxiliaries and participle in VERB_FORMS):
        return None
    return found, found.group("speaker")


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
    """The statement and the subject of its closing compound-past attribution (or of its
    closing verb joined to a pronoun), or None."""
    pattern = _pattern(language)
    if pattern is None or "," not in text:
        return None
    if (inverted := inverted_attribution(text, language)) is not None:
        return inverted
    found = pattern.match(text)
    if found is None:
        return None
    speaker = found.group("speaker")
    if _SUBJECT_OPENING.match(speaker) is None:
        return None  # "…, a annoncé sa démission": an object after the verb
    if _NAME_SET_OFF.search(found.group("content")):
        return None  # "Le ministre, Moustafa Abdel Jalil, a annoncé …": the subject, no statement
    return found, speaker
