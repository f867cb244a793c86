"""Sources written around "according to" in ways the plain reader does not take: after their
source (``Der Polizei zufolge …``, ``…, aldus de politie.``), as a pronoun (``Jego zdaniem …``,
``Seiner Ansicht nach …``), a dash summing the statement up (``… – takimi słowami prezydent
Andrzej Duda odniósł się do …``) and a document read in (``… – czytamy w komunikacie
ambasady``). Each reads one sentence and is driven by a field of the language tables
(``according_to_after``, ``according_to_pronoun``, ``summary_words``, ``read_in``), so a
language without the field is not read this way. Used by :mod:`newsloom.extract.according`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsloom.assign.features import dictionary_lemma
from newsloom.extract.account_owner import account_owner_at
from newsloom.extract.letter_skip import lowered_odd, lowered_screen, skipping_words
from newsloom.extract.resources import (
    own_word_set,
    own_words,
    table_word_set,
    table_words,
    words_pattern,
)
from newsloom.extract.speakers import CONNECTORS, Speaker, parse_speaker

MIN_CONTENT_WORDS = 3
# "according to" words after their source ("den Angaben zufolge"): the tables' according_to_after
POSTPOSITIONS = table_word_set("according_to_after")


# "according to" after its source: opening the sentence ("Der Polizei zufolge wurden …", "Den
# Angaben des Ministeriums zufolge, …") or closing it ("…, aldus de politie."); the source a
# noun phrase of capitalised words, articles and inflected adjectives, no verb
AFTER_WORDS = sorted(POSTPOSITIONS)
OPENING_SOURCE = (
    re.compile(
        rf"^(?P<source>(?:[\w.'’-]+\s+){{0,5}}?[\w.'’-]+)\s+(?:{words_pattern(AFTER_WORDS)})"
        r"(?![\w'’-])\s*,?\s*(?P<content>\S.*)$",
        re.IGNORECASE,
    )
    if AFTER_WORDS
    else None
)
_CLOSING_SOURCE = (
    re.compile(
        r"^(?P<content>.+?)\s*,\s*(?P<source>(?:[\w.'’-]+\s+){0,5}?[\w.'’-]+)\s+"
        rf"(?:{words_pattern(AFTER_WORDS)})\s*[.!?]?\s*$",
        re.IGNORECASE,
    )
    if AFTER_WORDS
    else None
)
# lowercase words a source phrase holds: articles, connectors and inflected adjectives ("Den
# jüngsten Angaben des Ministeriums"), not verbs ("Die Zahl stieg Behördenangaben zufolge")
_SOURCE_LOWERCASE = re.compile(r"[a-zäöüß]+(?:e|en|er|es|em)")
# (nor the finite verbs of the tables' ``not_in_source``: "werden", "sollen")
_NOT_IN_SOURCE = table_word_set("not_in_source")
_DETERMINERS = table_word_set("determiners")


MAX_BEFORE_ACCOUNT = 2  # an article and an adjective
_QUOTE_MARKS = "„“”\"«»‚‘’'"


def account_source(phrase: str, names: Sequence[str], language: str | None) -> Speaker | None:
    """The source a phrase naming an account (the table's ``account_nouns``) gives: the owner
    after a genitive word (``laut einem Bericht der „Bild“`` → Bild, ``Laut Information des
    Gesundheitsministeriums`` → Gesundheitsministeriums), the account itself as a role where
    none owns it (``laut einer Prognose``, ``Ersten Ermittlungen zufolge``: a document names
    no one); None for a phrase that names no account (``laut Polizei``)."""
    accounts = own_word_set(language, "account_nouns")
    pieces = source_tokens(language).findall(phrase.strip(" ,."))
    genitives = own_word_set(language, "genitive_words")
    # (an elided genitive keeps its apostrophe: "d'")
    words = [word if word in genitives else word.strip(_QUOTE_MARKS) for word in pieces]
    words = [word for word in words if word]
    # the account after an article and adjectives at most ("einem", "Ersten", "offizieller")
    at = next((at for at, word in enumerate(words) if word.lower() in accounts), None)
    if at is None or at > MAX_BEFORE_ACCOUNT:
        return None
    prepositions = {
        word.lower()
        for field in ("linking_prepositions", "place_prepositions")
        for word in own_words(language, field)
    }
    determiners = own_word_set(language, "determiners")
    if any(word.lower() in prepositions - determiners for word in words[:at]):
        return None  # "según reconocieron en un comunicado": where they said it, no source
    rest = words[at + 1 :]
    if not rest:
        named = [word for word in words if word.lower() not in _DETERMINERS]
        return Speaker(None, " ".join(named), "role")
    owned = account_owner_at(rest, language)
    if owned is not None:
        owner = rest[owned:]
        # the owner's noun in the genitive given as the dictionary has it ("des
        # Gesundheitsministeriums", "des Senders Rai"; not where the dictionary writes it in
        # lowercase: "del Gobierno" stays "Gobierno")
        lemma = dictionary_lemma(owner[0], language)
        owner[0] = lemma if lemma and lemma[:1].isupper() else owner[0]
        speaker = parse_speaker(" ".join(owner), names, language)
        before = words[: at + 1 + owned]
        return _fuller_owner(speaker, [*before, *owner], len(before), names)
    return None


def _fuller_owner(
    owner: Speaker | None, phrase: list[str], owned: int, names: Sequence[str]
) -> Speaker | None:
    """The owner of an account as the fuller name of two readings: the owner's words alone, or
    the whole ``phrase`` without the words before the owner (the first ``owned``: "datos del")
    (``según datos del Servicio Nacional de Protección Civil`` reads the body's whole name that
    way, where the owner alone ends at its "de")."""
    whole = parse_speaker(" ".join(phrase), names) if owner is not None else None
    if owner is None or whole is None or not whole.name or not owner.name:
        return owner
    name = whole.name.split()
    before = [word.lower() for word in phrase[:owned] if word.lower() not in _DETERMINERS]
    if [word.lower() for word in name[: len(before)]] == before:
        name = name[len(before) :]  # "datos del Servicio …" read as one name
    fuller = " ".join(name)
    if len(fuller) <= len(owner.name) or not fuller.startswith(owner.name):
        return owner
    return Speaker(fuller, owner.role, whole.type, whole.plural)


@cache
def source_tokens(language: str | None) -> re.Pattern[str]:
    """The words of a source phrase: runs of non-space, save that an elided genitive (one of the
    table's ``genitive_words`` ending in an apostrophe: French "d'", Italian "dell'") glued to a
    capital is a word of its own, so that an account's owner opens a word (``selon les
    informations d'Europe 1``, ``secondo i dati dell'Istat``)."""
    elided = [word for word in own_words(language, "genitive_words") if word.endswith(("'", "’"))]
    if not elided:
        return _WORD
    return re.compile(rf"(?:{'|'.join(map(re.escape, elided))})(?=[A-ZÀ-ÖØ-Þ])|\S+")


_WORD = re.compile(r"\S+")


def postposition_source(phrase: str, names: Sequence[str], language: str | None) -> Speaker | None:
    """The source a noun phrase before a postposed "according to" names: its owner after a
    genitive article (``Einem Bericht der Bild-Zeitung`` → Bild-Zeitung), else the phrase
    without its article; None where it holds a verb."""
    genitives = {word.lower() for word in own_words(language, "genitive_words")}
    words = phrase.split()
    if not any(word[:1].isupper() for word in words):
        return None
    for word in words:
        lowered = word.lower()
        if word[:1].islower() and (
            lowered in _NOT_IN_SOURCE
            or not (_SOURCE_LOWERCASE.fullmatch(word) or lowered in CONNECTORS)
        ):
            return None
    owner = next(
        (at + 1 for at, word in enumerate(words[1:-1], 1) if word.lower() in genitives),
        None,
    )
    if owner is not None and words[owner][:1].isupper():
        words = words[owner:]
    return parse_speaker(" ".join(words), names, language)


# "according to him/her" (the tables' ``according_to_pronoun``: pl "jego zdaniem", de "ihm
# zufolge"): the sentence is the reported speech of the person named last
_PRONOUN_PHRASES = table_words("according_to_pronoun")
_NOT_BEFORE = r"[\w'’-]"  # what stands before none of the phrases
PRONOUN_ACCORDING = (
    re.compile(
        # (?<![\w'’-])(?:{words_pattern(_PRONOUN_PHRASES)}), for a search that skips to them
        rf"{skipping_words(_PRONOUN_PHRASES, _NOT_BEFORE)}(?![\w'’-])\s*,?\s*",
        re.IGNORECASE,
    )
    if _PRONOUN_PHRASES
    else None
)


def pronoun_source(text: str) -> tuple[str, int] | None:
    """The content and its offset of a sentence attributed by "according to him/her": what
    follows the phrase where it opens the sentence, what precedes it where it closes it; None
    where the phrase stands inside it."""
    found = PRONOUN_ACCORDING.search(text) if PRONOUN_ACCORDING is not None else None
    if found is None:
        return None
    before = text[: found.start()].rstrip(" ,")
    after = text[found.end() :].strip().rstrip(" .")
    if not before:
        content = after
    elif not after.strip(" .!?"):
        content = before
    else:
        return None  # "gegen die ihrer Meinung nach zu strikten Regeln": whose view, in passing
    offset = text.find(content)
    if len(content.split()) < MIN_CONTENT_WORDS or offset < 0:
        return None
    return content, offset


# words summing up a statement after a dash as someone's (the tables' ``summary_words``: pl
# "Dla mnie to jest fejk dnia – takimi słowami prezydent Andrzej Duda odniósł się do …",
# "Niech lekarze … – taki apel wystosował biskup … Francesco Beschi")
SUMMARY_WORDS = table_words("summary_words")
SUMMED_UP = (
    re.compile(
        r"^(?P<content>[^–—-]{12,}?)\s+[–—-]\s+"
        rf"(?:{words_pattern(SUMMARY_WORDS)})\s+(?P<rest>[^–—]+)$",
        re.IGNORECASE,
    )
    if SUMMARY_WORDS
    else None
)
_FULL_NAME = re.compile(
    r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ][\w'’-]+)+"
)


def summed_up(text: str, names: Sequence[str], language: str | None) -> tuple[Speaker, str] | None:
    """The speaker and the statement of a sentence whose dash sums the statement up as
    someone's (``… – takimi słowami prezydent Andrzej Duda odniósł się do …``): the first full
    name after the summing word (without a common word opening it: ``Włoch Francesco
    Beschi``, "of Italy"), or None."""
    found = SUMMED_UP.match(text) if SUMMED_UP is not None else None
    if found is None:
        return None
    name = _FULL_NAME.search(found.group("rest"))
    if name is None:
        return None
    words = name.group(0).split()
    while (
        len(words) > 2
        and (lemma := dictionary_lemma(words[0].lower(), language))
        and (lemma[:1].islower())
    ):
        words.pop(0)
    speaker = parse_speaker(" ".join(words), names, language)
    if speaker is None or speaker.type == "pronoun":
        return None
    return speaker, found.group("content").strip()


# "we read in X's statement" after a statement (the tables' ``read_in``: pl "– czytamy w
# komunikacie ambasady"): the document's owner is the source; the statement is the sentence
# before, or the words before the dash
READ_IN = table_words("read_in")
_READ_IN_CLAUSE = (
    re.compile(
        r"(?:^|\s)[-–—]?\s*(?:jak\s+)?"
        rf"(?:{words_pattern(READ_IN)})\s+(?P<phrase>(?P<document>[^\W\d_]+)\s+"
        r"(?P<owner>[^\W\d_][\w'’-]*(?:\s+(?-i:[A-ZĄĆĘŁŃÓŚŹŻ])[\w'’-]*)*)[^.!?]*)[.!?]?\s*$",
        re.IGNORECASE,
    )
    if READ_IN
    else None
)


def document_owner(
    text: str, names: Sequence[str], language: str | None
) -> tuple[Speaker, int] | None:
    """The owner of the document a sentence-closing "we read in" names, and where that clause
    starts (``… – czytamy w komunikacie ambasady na Facebooku.`` → ambasada, ``…, heißt es in
    einer Mitteilung der Polizei.`` → Polizei), or None."""
    found = _READ_IN_CLAUSE.search(text) if _READ_IN_CLAUSE is not None else None
    if found is None:
        return None
    if genitives := {word.lower() for word in own_words(language, "genitive_words")}:
        # a language with articles names the document's owner after a genitive word ("heißt
        # es in einer Erklärung der Regierung" → Regierung); a document alone names no one
        # ("…, heißt es in der Vorlage.")
        phrase = found.group("phrase").strip()
        if not genitives.intersection(word.lower() for word in phrase.split()[1:-1]):
            return None
        speaker = postposition_source(phrase, names, language)
        if speaker is None or speaker.type == "pronoun":
            return None
        return speaker, found.start()
    owner = found.group("owner").split()
    if owner[0].lower() in own_words(language, "fronting_prepositions"):
        return None  # "czytamy w jednym z komentarzy": no document of someone's
    lemma = dictionary_lemma(owner[0].lower(), language) if owner[0][:1].islower() else None
    if lemma is not None:
        owner[0] = lemma  # "ambasady" → "ambasada": a common noun in the genitive
    speaker = parse_speaker(" ".join(owner), names, language)
    if speaker is None or speaker.type == "pronoun":
        return None
    return speaker, found.start()


def postposed(
    text: str, names: Sequence[str], language: str | None
) -> tuple[Speaker, str, int] | None:
    """The source, content and the content's offset of a sentence whose "according to" follows
    its source (``Der Polizei zufolge wurden drei Männer festgenommen.``), or None."""
    for pattern in (OPENING_SOURCE, _CLOSING_SOURCE):
        found = pattern.match(text) if pattern is not None else None
        if found is None:
            continue
        speaker = postposition_source(found.group("source"), names, language)
        content = found.group("content").strip().rstrip(" .")
        if speaker is None or speaker.type == "pronoun" or len(content.split()) < MIN_CONTENT_WORDS:
            continue
        return speaker, content, text.find(content)
    return None


@cache
def paragraph_screen() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What :func:`newsloom.extract.according.according_quotes` looks for in a paragraph before
    it reads the sentences — an "according to" word (not one after its source), an "as" before
    a word (``Jak wyjaśnia``), an "according to him" phrase and the words of the readers above —
    as one search of the paragraph lowered (:func:`lowered_screen`), and the characters of a
    text on which that search cannot be trusted. A paragraph without those characters in which
    the search finds nothing holds none of them (issue 19)."""
    according = [word for word in table_words("according_to") if word.lower() not in POSTPOSITIONS]
    as_words = table_words("as_reporting")
    screen = lowered_screen(
        [([*according, *_PRONOUN_PHRASES], r"(?![\w'’-])"), (as_words, r"\s+[^\W\d_]")],
        [*AFTER_WORDS, *SUMMARY_WORDS, *READ_IN],
        _NOT_BEFORE,
    )
    return screen, lowered_odd([*according, *_PRONOUN_PHRASES, *as_words])
