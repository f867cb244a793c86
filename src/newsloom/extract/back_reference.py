"""A reporting clause that gives the words before it to a speaker by pointing back at them:
French ``C'est ce qu'a déclaré le ministre``, ``Voilà ce qu'affirme X``, Italian ``È quanto ha
dichiarato il ministro``, ``Lo ha detto il portavoce``, Norwegian ``Det skriver X`` (the tables'
``back_reference``, and ``back_reference_verbs`` where a table lists the verbs), after a
quote in marks (``«…», c'est ce qu'a déclaré X``) or opening the sentence after a statement
without marks (``La France est prête à agir. C'est ce qu'a déclaré X.``). What follows the
words is read as a reporting verb and its subject after a quote.
"""

from __future__ import annotations

import re
from functools import cache

from newsloom.extract.resources import own_words, words_pattern


@cache
def _opening(language: str | None) -> re.Pattern[str] | None:
    words = own_words(language, "back_reference")
    if not words:
        return None
    verbs = own_words(language, "back_reference_verbs")
    # (where the table lists them, only those verbs may follow: nb "Det sier X", not "Det
    # krever mot", where "det" is the subject)
    verb = rf"(?={words_pattern(verbs)}\s)" if verbs else ""
    return re.compile(rf"^[\s,.]*(?:{words_pattern(words)})(?:\s+|(?<=['’])){verb}", re.IGNORECASE)


def back_reference(text: str, language: str | None) -> int:
    """Where the words pointing back at a statement end, at the start of ``text`` (after a
    quote's closing mark, or a sentence); 0 where ``text`` does not open with them."""
    opening = _opening(language)
    found = opening.match(text) if opening is not None else None
    return found.end() if found is not None else 0
