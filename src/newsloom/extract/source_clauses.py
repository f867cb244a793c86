"""Clauses after "according to" that name the source elsewhere (used by
:mod:`newsloom.extract.according`): a relative clause ("…, secondo cui …", "selon lequel"), a
"what" clause whose verb's subject or agent is the source ("secondo quanto riferito
dall'agenzia Ansa", "selon ce qu'a rapporté la télévision"), and the Italian ordinal "il secondo
turno", which is no "according to" at all."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.quote_context import make_quote
from newsloom.extract.quote_patterns import VERBS
from newsloom.extract.quote_speakers import antecedent
from newsloom.extract.quote_words import AUXILIARIES
from newsloom.extract.resources import own_words, table_words, words_pattern
from newsloom.extract.sentences import Sentence
from newsloom.extract.source_phrases import MIN_CONTENT_WORDS
from newsloom.records import Quote

# French "selon lequel/laquelle", Italian "secondo cui" open a relative clause ("un document
# selon lequel …"): the source is what it hangs on, where a reporting verb comes before it
# ("Lo riferisce la tv Al Jazeera, secondo cui …"), else none is named
RELATIVE_AFTER = re.compile(
    r"\s+(?:lequel|laquelle|lesquels|lesquelles|quoi|cui|il\s+quale|la\s+quale|i\s+quali"
    r"|le\s+quali)(?![\w'’-])",
    re.I,
)
_VERB_WORD = re.compile(rf"(?<![\w'’-])(?:{VERBS})(?![\w'’-])", re.IGNORECASE)
# the tables' ``according_to_clause``: "what" opening a clause after "according to" ("selon ce
# qu'a rapporté la télévision", "secondo quanto riferito dall'agenzia Ansa"): the source is the
# subject or the agent after its verb; none where the clause names no one ("Secondo quanto
# riferito, …": reportedly)
_CLAUSE_WORDS = table_words("according_to_clause")
# the prepositions of a passive's agent (the tables' ``agent_prepositions``: "riferito dall'Ansa")
_AGENT_WORDS = table_words("agent_prepositions")
_AGENT = words_pattern(_AGENT_WORDS) if _AGENT_WORDS else "(?!)"
CLAUSE = (
    re.compile(
        rf"\s*(?:{words_pattern(_CLAUSE_WORDS)})\s*(?:(?:{AUXILIARIES})\s+)?(?P<verb>{VERBS})"
        rf"(?![\w'’-])\s*(?:{_AGENT}(?:\s+|(?<=['’])))?",
        re.IGNORECASE,
    )
    if _CLAUSE_WORDS
    else None
)


def relative_quote(
    sentence: Sentence, opening: int, clause: int, names: Sequence[str], paragraph: int
) -> Quote | None:
    """The relative clause after "according to" (``…, secondo cui …``, its word at
    ``opening``, the clause from ``clause`` on) as the words of what it hangs on, where a
    reporting verb comes before it (``Lo riferisce la tv Al Jazeera, secondo cui …``); None
    otherwise (``un document selon lequel …``: no one named)."""
    lead = sentence.text[:opening].rstrip()
    verbs = list(_VERB_WORD.finditer(lead))
    if not verbs or not lead.endswith(","):
        return None
    hung = antecedent(lead[verbs[-1].end() :], names)
    content = sentence.text[clause:].strip().rstrip(" .")
    if hung is None or hung.type == "pronoun" or len(content.split()) < MIN_CONTENT_WORDS:
        return None
    start = sentence.start + sentence.text.index(content, clause)
    return make_quote(content, hung, paragraph, "reported", start, start + len(content))


def ordinal(before: str, language: str | None) -> bool:
    """Whether the word before an "according to" word makes it an ordinal (Italian "secondo"
    is also "second": "il secondo turno", "del secondo semestre"; the tables'
    ``ordinal_before``)."""
    words = before.split()
    if not words:
        return False
    last = words[-1].lower()
    return any(
        last == word or (word.endswith(("'", "’")) and last.endswith(word))
        for word in own_words(language, "ordinal_before")
    )


CLAUSE_OPENING = re.compile(
    rf"\s*(?:{words_pattern(_CLAUSE_WORDS) if _CLAUSE_WORDS else '(?!)'})(?![\w-])", re.IGNORECASE
)
