"""Whom a speaker told, standing alone after the verb: ``«…», dijo a la BBC.``,
``«…», ha declarado a la agencia Reuters.``, ``«…», dijo a la prensa.``. The preposition of the
language's ``told_after_verb`` never opens a subject, so where what follows the verb is that
preposition and one noun phrase, the verb's subject is left out (the last speaker goes on); the
one told is no speaker. A preposition the language also writes as an article (Portuguese ``a``:
``disse a Petrobras``, its ``determiners``) tells nothing and is passed over.

Used by :func:`newsloom.extract.quote_speakers.speaker_after`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsloom.extract.resources import own_words, words_pattern

_CAPITAL = r"(?-i:[A-ZÆØÅÄÖÜÉÁÍÓÚÑ])"
_LOWER = r"(?-i:[a-zæøåäöüéèáíóúñàìòù])"


@cache
def _told_alone(language: str) -> re.Pattern[str] | None:
    articles = {word.lower() for word in own_words(language, "determiners")}
    told = [word for word in own_words(language, "told_after_verb") if word.lower() not in articles]
    if not told:
        return None
    article = words_pattern(sorted(articles)) if articles else r"(?!)"
    media = words_pattern(own_words(language, "medium_nouns"))
    # a name ("la BBC", "France Presse", "la agencia Reuters", "RTVE.es") of two capitalised
    # words at most, one after a medium noun (more is the medium and the speaker's name: "a la
    # AFP Karim Bitar", "a la agencia Reuters Mohammad Salam"); or a common noun and maybe an
    # adjective, no second article after it ("la prensa", not "la AFP el portavoz")
    capitalised = rf"{_CAPITAL}[\w'’.-]*"
    named = (
        rf"(?:{media}\s+(?:{_LOWER}[\w-]*\s+)?{capitalised}"
        rf"|{capitalised}(?:\s+{capitalised})?)"
    )
    common = rf"(?!{article}\s){_LOWER}[\w-]*(?:\s+(?!{article}\s){_LOWER}[\w-]*)?"
    preposition = rf"(?-i:{words_pattern(told, whole=False)})"
    return re.compile(
        rf"^{preposition}\s+(?:(?:{article})\s+)?(?:{named}|{common})[\s.]*$", re.IGNORECASE
    )


def told_alone(phrase: str, language: str | None, names: Sequence[str] = ()) -> bool:
    """Whether ``phrase``, what follows a verb after a quote, is only whom the speaker told; two
    capitalised words only where ``names`` gives them as one name ("a France Presse"), else
    they may be the medium and the speaker ("a ELMUNDO.es Jaled")."""
    if language is None:
        return False
    pattern = _told_alone(language)
    found = pattern.match(phrase.strip()) if pattern is not None else None
    if found is None:
        return False
    run = [word.rstrip(".") for word in found.group(0).split() if word[:1].isupper()]
    return len(run) < 2 or " ".join(run) in names
