"""The edges of reported words without quotation marks, beyond the quote patterns' own: a
clause without "that" after a day or the one told (English ``said on Monday the toll had
risen``, ``told Reuters he would``), and a closing attribution that names no one (German ``…,
hieß es weiter.``), which is no part of the words; and the per-language patterns of a final or
fronted attribution and of a reported mood (German ``…, sagte er.``, ``Wie X mitteilte, …``,
Konjunktiv I)."""

from __future__ import annotations

import re
from functools import cache

from newsloom.extract.quote_patterns import INDIRECT_QUESTION, reported_pattern, reported_tail
from newsloom.extract.resources import (
    own_words,
    resources_for,
    table_word_set,
    table_words,
    words_pattern,
)
from newsloom.extract.speaker_phrases import VERB_FORMS
from newsloom.process_cache import compile_pattern


@cache
def impersonal_closing(language: str | None) -> re.Pattern[str] | None:
    """A closing attribution whose subject names no one (the table's ``function_words``), with
    up to two lowercase words after it (German ``…, hieß es weiter.``): the words of whoever
    spoke before, which end before it. None for a language without ``final_verbs``."""
    table = resources_for(language)
    verbs = table.quotes.get("final_verbs", ()) if table is not None else ()
    subjects = table.quotes.get("function_words", ()) if table is not None else ()
    if not verbs or not subjects:
        return None
    return compile_pattern(
        rf"\s*,\s*(?:{words_pattern(verbs)})\s+(?:{words_pattern(subjects)})"
        r"(?-i:\s+[a-zäöüß]+){0,2}\s*[.!?]?\s*$",
        re.IGNORECASE,
    )


# what opens an English clause without "that" (as after "said" in REPORTED), or a number
_CLAUSE_OPENING = r"(?=\s+(?:the|a|an|it|he|she|they|we|his|her|its|their|there|this|\d))\b"


@cache
def reported_after_adjunct(language: str | None) -> re.Pattern[str] | None:
    """REPORTED with the two more ways into a clause of :func:`_adjuncts`, or None."""
    adjuncts = _adjuncts(language)
    if adjuncts is None:
        return None
    return compile_pattern(reported_pattern(INDIRECT_QUESTION, adjuncts), re.IGNORECASE)


@cache
def _adjunct_tail(language: str | None) -> re.Pattern[str] | None:
    """:func:`reported_after_adjunct` after its speaker, behind a blank (as ``REPORTED_TAIL``)."""
    adjuncts = _adjuncts(language)
    if adjuncts is None:
        return None
    return compile_pattern(rf"(?<=\s){reported_tail(INDIRECT_QUESTION, adjuncts)}", re.IGNORECASE)


def adjunct_search(masked: str, language: str | None) -> re.Match[str] | None:
    """``reported_after_adjunct(language).search(masked)`` (None without the pattern), after the
    cheap test that its tail matches somewhere."""
    pattern, tail = reported_after_adjunct(language), _adjunct_tail(language)
    if pattern is None or tail is None or tail.search(masked) is None:
        return None
    return pattern.search(masked)


@cache
def _adjuncts(language: str | None) -> str | None:
    """Two more ways into a clause without "that" (REPORTED's alternatives), for a language
    whose table lists ``telling_verbs`` (English): after "said" or "says", the day it was said
    or the words it was said in (``said on Monday the toll had risen``, ``said Tuesday it
    would``, ``said in a statement it would``); after a verb of telling, the one told, by name,
    and such a day (``told Reuters on Tuesday he would``), or a group of the table's
    ``told_groups`` (``told reporters the company was``). The days are the language's calendar
    words (:func:`~newsloom.extract.date_words.date_words`)."""
    telling = own_words(language, "telling_verbs")
    if not telling or language is None:
        return None
    from newsloom.extract.date_words import date_words

    words = date_words((language,))
    day = (
        rf"(?:(?:late|early)\s+)?(?:on\s+)?{words_pattern(sorted(words.weekdays))}"
        rf"(?:\s+{words_pattern(sorted(words.parts))})?|{words_pattern(sorted(words.relative))}"
    )
    when = rf"(?:\s+(?:{day}|in\s+(?:a|an)\s+[a-z]+))"
    told = "|".join(f"(?<={re.escape(verb)})" for verb in telling)
    named = r"(?-i:[A-Z][\w'’.&-]*)(?:\s+(?-i:[A-Z][\w'’.&-]*)){0,3}"
    groups = own_words(language, "told_groups")  # "told reporters the company was"
    if groups:
        named = rf"(?:{named}|{words_pattern(groups)})"
    return (
        rf"|(?:(?<=said)|(?<=says)){when}{{1,2}}{_CLAUSE_OPENING}"
        rf"|(?:{told})\s+{named}{when}?{_CLAUSE_OPENING}"
    )


@cache
def final_attribution(language: str | None) -> re.Pattern[str] | None:
    """A sentence that ends in its speaker and then a reporting verb (``Last year, only seven
    were arrested, Hettema said.``), for a language whose table lists such ``final_verbs``."""
    table = resources_for(language)
    verbs = table.quotes.get("final_verbs", ()) if table is not None else ()
    if table is None or not verbs:
        return None
    after = table.quotes.get("final_after", ())
    opening = rf"(?:{words_pattern(after)})\s+" if after else ""  # German "…, wie X mitteilte."
    return compile_pattern(
        rf"^(?P<content>[^«»\"“”„]{{8,}}?)\s*,\s*{opening}"
        rf"(?P<speaker>(?:[\w.'’-]+\s+){{0,9}}?[\w'’-]+)\s+"
        rf"(?P<verb>{words_pattern(verbs)})(?:\s+[\w'’-]+){{0,3}}?\s*[.!?]?\s*$",
        re.IGNORECASE,
    )


@cache
def fronted_attribution(language: str | None) -> re.Pattern[str] | None:
    """A sentence opened by its attribution as a clause, then a comma and the statement
    (German ``Wie ein Sprecher der Feuerwehr mitteilte, brannte das Haus nieder.``), for a
    language whose table lists ``final_after`` words and ``final_verbs`` that end the clause."""
    table = resources_for(language)
    verbs = table.quotes.get("final_verbs", ()) if table is not None else ()
    after = table.quotes.get("final_after", ()) if table is not None else ()
    if table is None or not verbs or not after:
        return None
    return compile_pattern(
        rf"^(?:{words_pattern(after)})\s+(?P<speaker>(?:[\w.'’-]+\s+){{0,9}}?[\w'’-]+)\s+"
        rf"(?P<verb>{words_pattern(verbs)})(?:\s+(?:hat|haben|hatte|hatten))?\s*,\s*"
        r"(?P<content>[^«»\"“”„]{8,}?)\s*[.!?]?\s*$",
        re.IGNORECASE,
    )


@cache
def reported_mood(language: str | None) -> re.Pattern[str] | None:
    """Verb forms that make a sentence someone's reported words (German Konjunktiv I: ``Das
    seien herausfordernde Projekte``), for a language whose table lists ``reported_forms``."""
    table = resources_for(language)
    forms = table.quotes.get("reported_forms", ()) if table is not None else ()
    if not forms:
        return None
    return compile_pattern(rf"(?<![\w'’-]){words_pattern(forms)}(?![\w'’-])(?!\s+denn\b)")


# words after a "reporting verb" that make it a passive or perfect participle, no verb of speech
# (the tables' ``participle_auxiliaries``: "Sollte der Entscheid bestätigt werden, werde er …")
_AUXILIARY_AFTER = table_word_set("participle_auxiliaries")
# words before one that make it an attributive participle ("keine bestätigten Fälle")
_BEFORE_PARTICIPLE = frozenset(
    [*(word.lower() for word in table_words("determiners")), "kein", "keine", "keinen", "alle"]
)


def subjunctive_misread(match: re.Match[str]) -> bool:
    """Whether :data:`REPORTED` matched through :data:`SUBJUNCTIVE_CLAUSE` alone (a comma, no
    "dass") where its verb is no verb of speech: an attributive participle after an article
    (``keine bestätigten Fälle …, zudem habe``) or a participle with an auxiliary after it."""
    between = match.string[match.end("adverbs") : match.start("content")]
    if between.strip() != ",":
        return False
    before = match.string[: match.start("verb")].split()
    adverbs = match.group("adverbs").lower().split()
    return bool(
        (before and before[-1].lower() in _BEFORE_PARTICIPLE)
        or _AUXILIARY_AFTER.intersection(adverbs)
    )


# "…, dit-il, …", "…, a-t-il poursuivi, …", "…, estime-t-elle, …": a verb (or an auxiliary and a
# participle) joined to its subject pronoun, set off by commas inside a sentence
INVERTED_INCISE = compile_pattern(
    r"^(?P<before>[^,;:«»\"“”„]{2,80}?)\s*,\s*(?P<verb>[^\W\d_]+)-(?:t-)?"
    r"(?P<pronoun>il|elle|ils|elles)(?:\s+(?P<participle>[^\W\d_]+))?\s*,\s*"
    r"(?P<rest>[^«»\"“”„]{8,})$",
    re.IGNORECASE,
)


def incise_verb(incise: re.Match[str]) -> bool:
    """Whether the incise's verb (``dit``) or participle (``a-t-il poursuivi``) reports speech."""
    participle = incise.group("participle")
    word = participle if participle else incise.group("verb")
    return word.lower() in VERB_FORMS
