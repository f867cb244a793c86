"""Whom a speaker told, right after the reporting verb (issue 22: one reader for the quote
speakers, the speaker phrases and the figure sources): the preposition of the language's
``told_after_verb`` (es "a", fr "à", it "all'"), maybe one of its ``determiners``, then the
medium: one of its ``medium_nouns``, maybe an adjective and the medium's name (``a la agencia
Reuters``), a name (``a la AFP``, ``a BBC Mundo``, ``a ELMUNDO.es``) or a common noun and maybe
an adjective (``a la prensa``). What follows is the subject, or nothing (``«…», dijo a la
BBC.``: the subject is left out and the last speaker goes on; the one told is no speaker).

A name of several capitalised words is the medium's where the paragraph's names give its first
two as one name (``a France Presse``), all of it before an article and a lowercase word (``a
BBC Mundo el analista``: the speaker is a role), else its first word (``a la AFP Karim Bitar``: the
medium, then the speaker's name). A preposition the language also writes as an article
(Portuguese ``a``: ``disse a Petrobras``) tells nothing and is passed over. Without a language,
every table that writes a told preposition after the verb is read.

Used by :mod:`newsloom.extract.quote_speakers`, :mod:`newsloom.extract.speaker_phrases` and
:mod:`newsloom.extract.source_phrase`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsloom.extract.resources import load_tables, own_words, words_pattern

_CAPITAL = r"(?-i:[A-ZÆØÅÄÖÜÉÁÍÓÚÑ])"
_LOWER = r"(?-i:[a-zæøåäöüéèáíóúñàìòù])"
_CAPITALISED = rf"{_CAPITAL}[\w'’.-]*"
_Patterns = tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]
_CONNECTOR_FIELDS = ("role_connectors", "genitive_words", "linking_prepositions")
_PRONOUN_FIELDS = ("pronouns", "relative_pronouns")
MAX_MEDIUM_BEFORE_ROLE = 3  # "a BBC Mundo el analista": a medium's name before a role
# two capitalised words the paragraph's names give as one ("a France Presse"); a longer name
# a recogniser read holds the speaker's too ("a la AFP Karim Bitar")
MAX_NAMED_MEDIUM = 2


@cache
def _told(language: str | None, field: str) -> _Patterns | None:
    """The patterns of the one told opening a phrase, of an article and a lowercase word (a
    role's subject after a medium) and of a subject's opening (a capital or an article), from
    ``language``'s table or, without one, from every table with prepositions in ``field``;
    None where no table writes one."""
    languages = (
        [language]
        if language is not None
        else [code for code in load_tables() if own_words(code, field)]
    )
    articles = {word.lower() for code in languages for word in own_words(code, "determiners")}
    told = {word for code in languages for word in own_words(code, field)}
    if language is not None:
        told -= articles
    if not told:
        return None
    article = words_pattern(sorted(articles), whole=False) if articles else r"(?!)"
    media = words_pattern(sorted({w for c in languages for w in own_words(c, "medium_nouns")}))
    spaced = r"(?:\s+|(?<=['’]))"  # a space, or none after an elided word ("all'ANSA")
    # (an adjective after the noun, no connector before or after it: "a la prensa local", not
    # "a la propuesta del Gobierno", "a través de"; no pronoun: "a quien apoya Rusia")
    connectors = sorted(
        {w.lower() for c in languages for f in _CONNECTOR_FIELDS for w in own_words(c, f)}
    )
    after_noun = rf"(?!(?:{article}|{words_pattern(connectors, whole=False)})\s)"
    pronouns = sorted(
        {w.lower() for c in languages for f in _PRONOUN_FIELDS for w in own_words(c, f)}
    )
    common = (
        rf"(?!(?:{article}|{words_pattern(pronouns, whole=False)})\s){_LOWER}[\w-]*"
        rf"(?:\s+{after_noun}{_LOWER}[\w-]*)?(?!\s+{words_pattern(connectors)})"
    )
    opening = re.compile(
        rf"(?-i:{words_pattern(sorted(told), whole=False)}){spaced}"
        rf"(?:{article}{spaced})?"
        rf"(?:(?P<medium>{media}\s+(?:{_LOWER}[\w-]*\s+)?{_CAPITALISED})"
        rf"|(?P<run>{_CAPITALISED}(?:\s+{_CAPITALISED})*)"
        rf"|(?P<common>{common}))(?![\w'’-])",
        re.IGNORECASE,
    )
    role = re.compile(rf"\s+{article}\s+{_LOWER}", re.IGNORECASE)
    subject = re.compile(rf"\s+(?={_CAPITAL}|(?:{article})\s)", re.IGNORECASE)
    return opening, role, subject


def told_end(
    text: str, language: str | None, names: Sequence[str] = (), field: str = "told_after_verb"
) -> int | None:
    """Where whom the speaker told ends in ``text`` that opens with it (see the module), None
    where it does not open with the one told. ``names``: the paragraph's names; ``field``: the
    tables' field of the told prepositions (the figure sources read ``told_prepositions``)."""
    patterns = _told(language, field)
    found = patterns[0].match(text) if patterns is not None else None
    if patterns is None or found is None:
        return None
    if found["run"] is None:
        return found.end()
    run = found["run"].split()
    if len(run) > 1 and " ".join(run[:MAX_NAMED_MEDIUM]).rstrip(".") in names:
        return found.start("run") + len(" ".join(run[:MAX_NAMED_MEDIUM]))
    if len(run) > 1 and not (
        len(run) <= MAX_MEDIUM_BEFORE_ROLE and patterns[1].match(text, found.end())
    ):
        return found.start("run") + len(run[0])
    return found.end()


def told_alone(phrase: str, language: str | None, names: Sequence[str] = ()) -> bool:
    """Whether ``phrase``, what follows a verb after a quote, is only whom the speaker told
    (``a la BBC.``; not ``a ELMUNDO.es Jaled``: the medium and the speaker)."""
    if language is None:
        return False
    text = phrase.strip()
    end = told_end(text, language, names)
    return end is not None and not text[end:].strip(" .")


def told_before_subject(text: str, names: Sequence[str] = ()) -> int | None:
    """Where the subject opens in ``text`` after whom the speaker told (``a Efe una fuente
    occidental``, ``a l'AFP Ahmed Ali``: a capital or an article after it), in any table's
    language; None where ``text`` opens with no one told or nothing of a subject follows."""
    patterns = _told(None, "told_after_verb")
    end = told_end(text, None, names)
    if patterns is None or end is None:
        return None
    subject = patterns[2].match(text, end)
    return subject.end() if subject is not None else None
