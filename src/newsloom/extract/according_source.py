"""Where the source after "according to" ends: ``ifølge politiet``, ``según fuentes oficiales,
…``, ``laut einem Bericht der „Bild“``, ``selon a indiqué hier le ministère`` (see
:mod:`newsloom.extract.according`, which reads the content around it)."""

from __future__ import annotations

import re
from functools import cache

from newsloom.extract.account_owner import account_owner_at, opens_name
from newsloom.extract.quote_words import AUXILIARIES
from newsloom.extract.resources import own_word_set, own_words, table_word_set, words_pattern
from newsloom.extract.sentences import points_hidden
from newsloom.extract.source_clauses import MAX_SOURCE_WORDS, apposition_closed, named_body
from newsloom.extract.source_phrase import time_words
from newsloom.extract.source_phrases import source_tokens
from newsloom.extract.speaker_phrases import VERB_FORMS
from newsloom.extract.speakers import CONNECTORS, is_determiner

# German "nach Polizeiangaben", "nach Behördenangaben": the source is the first part of the compound
COMPOUND_SOURCE = re.compile(
    r"(?<![\w'’-])[Nn]ach\s+(?P<source>[A-ZÄÖÜ][a-zäöüß]{2,}?)(?:s|n)?angaben(?![\w'’-])"
)


# "según revela este viernes la cadena BBC", "selon a indiqué hier le ministère": a reporting verb
# after the word puts its subject, the source, after the verb and a time phrase: one of the
# language's weekdays or words for yesterday and today (the date words the figure sources read:
# :func:`.source_phrase.time_words`), alone or after one of its ``demonstratives`` ("este
# viernes"), or a part of the day after one ("esta mañana"; not "esas dos organizaciones")
@cache
def _time_phrase(language: str | None) -> re.Pattern[str] | None:
    if language is None:
        return None
    from newsloom.extract.date_words import date_words

    demonstratives = words_pattern(own_words(language, "demonstratives"))
    days = words_pattern(sorted(time_words(language)))
    parts = words_pattern(sorted(part for part in date_words((language,)).parts if " " not in part))
    return re.compile(
        rf"\s*(?:{days}|{demonstratives}\s+(?:{days}|{parts}))(?![\w'’-])",
        re.IGNORECASE,
    )


# "según ha informado la cadena", "selon a indiqué le ministère": an auxiliary before the verb
_AUXILIARY = re.compile(rf"\s*(?:{AUXILIARIES})\s+(?=[^\W\d_])", re.IGNORECASE)


def after_verb(text: str, start: int, language: str | None) -> int:
    """Where the source starts: after a reporting verb (and its auxiliary) and a time phrase
    right after the word."""
    auxiliary = _AUXILIARY.match(text, start)
    verb = re.match(r"\s*([^\W\d_]+)(?![\w'’-])", text[auxiliary.end() if auxiliary else start :])
    if verb is None or verb.group(1).lower() not in VERB_FORMS:
        return start
    start = auxiliary.end() if auxiliary else start
    start += verb.end()
    pattern = _time_phrase(language)
    time = pattern.match(text, start) if pattern is not None else None
    return time.end() if time is not None else start


# an adjective before the source noun: a word with one of the language's ``adjective_endings``
# (Polish genitive adjectives: "według lokalnych mediów", "polskiej placówki"), or else one of the
# tables' ``front_adjectives``, the Romance adjectives that stand before their noun ("selon les
# dernières informations", "según las últimas cifras")
_FRONT_ADJECTIVES = table_word_set("front_adjectives")


@cache
def _adjective_ending(language: str | None) -> re.Pattern[str] | None:
    """A word with one of the ``adjective_endings`` of ``language``'s table, or None."""
    endings = own_words(language, "adjective_endings")
    if not endings:
        return None
    return re.compile(r"[^\W\d_]{2,}(?:" + "|".join(map(re.escape, endings)) + ")$")


def _attributive(word: str, language: str | None) -> bool:
    """Whether ``word`` is an adjective that stands before the noun it goes with."""
    if (ending := _adjective_ending(language)) is not None:
        return ending.match(word) is not None
    return word.lower() in _FRONT_ADJECTIVES


# a short source phrase set off by punctuation: "…, according to local authorities.",
# "según fuentes oficiales, …": all of it is the source
_SET_OFF_SOURCE = re.compile(
    r"\s*(?P<source>[^\W\d][^,;:.!?()\d]*?)(?P<bracket>\s*\([A-ZÆØÅÄÖÜÉ][^()]{0,19}\))?\s*"
    r"(?:[,;:!?]|\.\s*$)"
)
MAX_SET_OFF_WORDS = 5


# a name set off after the source: "ifølge en talsmann for politiet, Mickey Rosenfeld, …"
_APPOSITION = re.compile(r"\s*[A-ZÆØÅÄÖÜÉ][\w'’.-]*(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]*)*\s*,")


def _set_off_end(text: str, start: int, closing: bool = False) -> int | None:
    """Where a short source set off by punctuation whose head is a common noun ends (``…,
    according to the health ministry.``, ``según fuentes oficiales, …``); None where there is
    none, or a name stands in or after it (read word by word). ``closing``: the word follows
    the content (``…, según asegura la agencia … RIA Nóvosti.``), so a source ending the sentence
    with a name is all of it."""
    found = _SET_OFF_SOURCE.match(text, start)
    if found is None:
        return None
    words = found.group("source").split()
    if (
        closing
        and words[-1][:1].isupper()
        and not (len(words[-1]) <= 2 and words[-1].isupper())  # "de EE. UU.": cut at "EE."
        and len(words) <= MAX_SOURCE_WORDS
        and text[found.end() - 1] == "."
        and found.end() >= len(text.rstrip())
    ):
        return found.end("source")
    # a long source set off whole is a body's name ("selon l'Observatoire syrien des droits de
    # l'homme (OSDH), …"): its acronym in brackets, or the way its name is written
    most = MAX_SOURCE_WORDS if found.group("bracket") or named_body(words) else MAX_SET_OFF_WORDS
    if len(words) > most or not words[-1][:1].islower():
        return None
    if _APPOSITION.match(text, found.end()):
        return None
    return found.end("source")


def _name_goes_on(following: list[str]) -> bool:
    """Whether a body's name goes on after a connector or an article: a capital next, or an
    article and a capital (``para los Derechos Humanos``, ``Bashar el Asad``)."""
    return bool(following) and (
        following[0][:1].isupper()
        or (is_determiner(following[0]) and len(following) > 1 and following[1][:1].isupper())
    )


def end_of_source(
    text: str,
    start: int,
    language: str | None = None,
    set_off: bool = False,
    closing: bool = False,
) -> int:
    """Where the source phrase after "according to" ends (see the module doc); ``set_off``:
    the word opens the sentence or follows a comma, so a comma or the end may close it."""
    text = points_hidden(text)  # "según el secretario de Estado de EE. UU., Mike Pompeo"
    end = _set_off_end(text, start, closing) if set_off else None
    if end is not None:
        return end
    # (more words where an account's owner follows: the words before the owner do not count)
    tokens = list(source_tokens(language).finditer(text, start))[: 2 * MAX_SOURCE_WORDS]
    limit = MAX_SOURCE_WORDS
    end = start
    capitalised = genitive = adjective = False
    accounts = own_word_set(language, "account_nouns")
    owner: int | None = None
    owner_joins = own_word_set(language, "body_connectors")
    for at, token in enumerate(tokens):
        if at >= limit:
            break
        raw = token.group(0)
        word = raw.rstrip(',.;:!?»”"')
        if owner is not None and (
            at < owner
            or (
                not capitalised
                and raw == word
                and word[:1].islower()
                and any(t.group(0)[:1].isupper() for t in tokens[at + 1 : limit])
            )
        ):
            # "un comunicado difundido por": up to its owner; "por el diputado opositor
            # venezolano Luis Florido": the owner's role up to its name
            end = token.start() + len(word)
            continue
        if owner is None and raw == word and word.lower() in accounts:
            # "el informe anual de Amnistía", "un comunicado difundido por la Embajada": the
            # account's owner after it is the source
            owned = account_owner_at([t.group(0) for t in tokens[at + 1 :]], language)
            if owned is not None:
                owner = at + 1 + owned
                limit = owner + MAX_SOURCE_WORDS - 1  # the owner's phrase, as long as a source
                end = token.start() + len(word)
                # an owner after a genitive article, as the German branch below reads it (no
                # "-s" genitive after it: "des Gesundheitsministeriums hat")
                genitive = is_determiner(tokens[owner - 1].group(0))
                continue
        following = [t.group(0) for t in tokens[at + 1 : min(at + 3, limit)]]
        if (
            word[:1].isupper()
            or (genitive and word.lstrip('„“"»«')[:1].isupper())
            or (at == owner and opens_name(word, language))  # "de l'Observatoire"
        ):
            capitalised = True  # (an owner's name in marks after a genitive: "der „Bild“")
        elif (
            capitalised
            and language == "de"
            and word in ("des", "der")
            and raw == word
            and following[:1]
            and following[0].lstrip('„“"»«')[:1].isupper()
        ):
            # "laut Information des Gesundheitsministeriums", "laut einem Bericht der „Bild“": a
            # genitive owns the noun
            end = token.start() + len(word)
            capitalised, genitive = False, True
            continue
        elif (
            capitalised
            and language != "de"
            and raw == word
            and (
                word.lower() in CONNECTORS
                or (is_determiner(word) and tokens[at - 1].group(0).lower() in CONNECTORS)
            )
            and any(f[:1].isupper() for f in following)
        ):
            continue  # "la Agencia Internacional de la Energía": a connector inside a name
        elif (
            capitalised
            and owner is not None
            and raw == word
            and (word.lower() in owner_joins or is_determiner(word))
            and _name_goes_on(following)
        ):
            continue  # an owner's name: "del Observatorio Sirio para los Derechos Humanos"
        elif capitalised:
            previous = tokens[at - 1].group(0)
            if previous.endswith("s") and not genitive:
                end = token.start() + len(word)  # "CNNs prognoser"
            break
        elif at >= 3 and not any(f[:1].isupper() for f in following):
            break
        end = token.start() + len(word)
        if raw != word:  # punctuation: a comma before an apposition goes on, else the end
            if not (
                raw[len(word) :] == ","
                and following
                and following[0][:1].isupper()
                and language != "de"  # every German noun has a capital: "…, Stand 18 Uhr"
                # a name set off, closed by a comma or the sentence's end (not "selon le
                # ministère, Kadhafi a fui …": the content's subject)
                and apposition_closed(text, token.end())
            ):
                break
            capitalised = False
        elif (
            not capitalised
            and len(word) > 3
            and not (
                not adjective
                and _attributive(word, language)
                and following
                and following[0][:1].islower()
            )
            and not any(f[:1].isupper() for f in following)
            and not (following and following[0].lower() in CONNECTORS)
        ):
            break  # "ifølge politiet", "ifølge en pressemelding", "selon la police"
        adjective = adjective or (not capitalised and _attributive(word, language))
    return end
