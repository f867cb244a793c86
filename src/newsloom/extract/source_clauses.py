"""Where a source after "according to" ends and the clauses that name it elsewhere (used by
:mod:`newsloom.extract.according`): a body's name written whole ("selon l'Observatoire syrien
des droits de l'homme, …"), a name or a role's description set off after the source; a relative
clause ("…, secondo cui …", "selon lequel"), a "what" clause whose verb's subject or agent is
the source ("secondo quanto riferito dall'agenzia Ansa", "selon ce qu'a rapporté la
télévision"), the Italian ordinal "il secondo turno", which is no "according to" at all, and a
source set off after the content that goes on ("…, secondo un rapporto, che è stato …")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.quote_context import make_quote
from newsloom.extract.quote_patterns import VERBS
from newsloom.extract.quote_speakers import antecedent
from newsloom.extract.quote_words import AUXILIARIES
from newsloom.extract.resources import own_words, table_words, words_pattern
from newsloom.extract.role_words import ends_in_role
from newsloom.extract.sentences import Sentence
from newsloom.extract.source_phrases import MIN_CONTENT_WORDS
from newsloom.extract.speaker_phrases import VERB_FORMS
from newsloom.extract.speakers import CONNECTORS, is_determiner
from newsloom.process_cache import compile_pattern
from newsloom.records import Quote

MAX_SOURCE_WORDS = 8  # "ifølge en talsmann for politiet, Mickey Rosenfeld,"

# French "selon lequel/laquelle", Italian "secondo cui" open a relative clause ("un document
# selon lequel …"): the source is what it hangs on, where a reporting verb comes before it
# ("Lo riferisce la tv Al Jazeera, secondo cui …"), else none is named
RELATIVE_AFTER = re.compile(
    r"\s+(?:lequel|laquelle|lesquels|lesquelles|quoi|cui|il\s+quale|la\s+quale|i\s+quali"
    r"|le\s+quali)(?![\w'’-])",
    re.I,
)
_VERB_WORD = compile_pattern(rf"(?<![\w'’-])(?:{VERBS})(?![\w'’-])", re.IGNORECASE)
# the tables' ``according_to_clause``: "what" opening a clause after "according to" ("selon ce
# qu'a rapporté la télévision", "secondo quanto riferito dall'agenzia Ansa"): the source is the
# subject or the agent after its verb; none where the clause names no one ("Secondo quanto
# riferito, …": reportedly)
_CLAUSE_WORDS = table_words("according_to_clause")
# the prepositions of a passive's agent (the tables' ``agent_prepositions``: "riferito dall'Ansa")
_AGENT_WORDS = table_words("agent_prepositions")
_AGENT = words_pattern(_AGENT_WORDS) if _AGENT_WORDS else "(?!)"
CLAUSE = (
    compile_pattern(
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


PREPOSITION_LENGTH = 3  # "de", "per", "des": a short word before an article inside a name


def named_body(words: Sequence[str]) -> bool:
    """Whether ``words`` are a body's name as French and Italian write it: an article, a first
    word alone capitalised, an adjective or a connector after it (``l'Observatoire syrien des
    droits de l'homme``, ``il Consiglio nazionale di transizione``); not a name, then a clause
    (``Staberg frykter de ikke …``, ``Reuters il governo ha deciso …``)."""
    elided = re.split(r"(?<=['’])", words[0], maxsplit=1)
    if len(elided) == 2 and elided[1] and is_determiner(elided[0]):
        rest = [elided[1], *words[1:]]  # "l'Observatoire"
    elif is_determiner(words[0]):
        rest = list(words[1:])  # "il Consiglio"
    else:
        return False
    return (
        len(rest) >= 2
        and rest[0][:1].isupper()
        and all(word[:1].islower() for word in rest[1:])
        # an article inside only after a preposition ("des droits de l'homme", "per i
        # diritti"), not after a verb ("la ONU comportaría una catástrofe")
        and all(
            not is_determiner(re.split(r"(?<=['’])", word)[0])
            or word.lower() in CONNECTORS  # "des", "del": "of the"
            or (at > 1 and len(rest[at - 1]) <= PREPOSITION_LENGTH)
            for at, word in enumerate(rest[1:], start=1)
        )
    )


_APPOSITION_CLOSED = re.compile(
    r"\s*[A-ZÆØÅÄÖÜÉ][\w'’.-]*(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]*)*\s*(?:,|[.!?]?\s*$)"
)
_DESCRIPTION_SET_OFF = re.compile(r"\s*(?P<words>[A-ZÆØÅÄÖÜÉ][^,.;:!?]*),")


def apposition_closed(text: str, at: int) -> bool:
    """Whether what follows the comma at ``at`` after a source is set off as part of it: a
    name closed by a comma or the sentence's end (``…, Mickey Rosenfeld, …``), or a
    description holding a role closed by a comma (``…, Midtøsten-ekspert ved Universitetet i
    Oslo, …``); not the content's subject (``selon le ministère, Kadhafi a fui …``)."""
    if _APPOSITION_CLOSED.match(text, at):
        return True
    described = _DESCRIPTION_SET_OFF.match(text, at)
    if described is None:
        return False
    words = described.group("words").split()
    return len(words) <= MAX_SOURCE_WORDS and any(ends_in_role(word) for word in words)


# a content before its source has more words than a fronted phrase of time or place
_MOST_FRONTED_WORDS = 5


def source_goes_on(text: str, opening: int, source_end: int, language: str | None) -> bool:
    """Whether what follows a source set off after the content still tells of the source, so
    the content is what stands before it: a relative clause on it (``…, secondo il rapporto
    dell'Onu, che è stato pubblicato oggi``) or the rest of its phrase up to the sentence's
    end, where no comma closes it (``…, secondo un rapporto di metà anno della RIAA.``)."""
    before = text[:opening].rstrip()
    if not before.endswith(",") or len(before.split()) < _MOST_FRONTED_WORDS:
        return False  # "En la actualidad, según la Constitución, que …, solo permite …"
    after = text[source_end:].rstrip(" .!?")
    if not after.startswith(","):
        return "," not in after and bool(after.strip())
    words = after.lstrip(" ,").split(maxsplit=1)
    if not words or words[0].lower() not in own_words(language, "relative_pronouns"):
        return False
    # "que"/"che" is also "that": after a reporting verb ("X dijo, según la agencia, que …")
    # it opens what was said
    verb = text[:opening].rstrip(" ,").rsplit(maxsplit=1)[-1].lower()
    return not (words[0].lower() in own_words(language, "that") and verb in VERB_FORMS)


# maybe the rest of a source's phrase, a few words, then its holder's full name set off by a
# comma, closing the sentence: "…, según el ministro de RR. EE. del país europeo, Luigi Di Maio."
_APPOSED_NAME = re.compile(
    r"(?:\s+[^\W\d_A-ZÆØÅÄÖÜÉ][^,;:!?«»\"“”]{0,40}?)?\s*,\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+"
    r"(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+)+\s*\.?\s*$"
)


def apposed_name_end(text: str, source_end: int) -> int:
    """Where a source closing its sentence ends: after the name set off at the sentence's end
    where only the rest of the source's phrase stands before it, else at ``source_end``."""
    if _APPOSED_NAME.match(text, source_end) is None:
        return source_end
    return len(text.rstrip(" .")) if len(text[source_end:].split()) <= 8 else source_end


def addresses_reader(source: str, language: str | None) -> bool:
    """Whether an "according to" source is the reader addressed (the table's ``addressed``
    words and no name: "según tus preferencias", "according to your needs"): a page's offer to
    its reader, no one's words."""
    words = source.split()
    return (
        bool(words)
        and words[0].lower() in own_words(language, "addressed")
        and not any(word[:1].isupper() for word in words[1:])
    )
