"""What a source's phrase, as a pattern of :mod:`newsloom.extract.attribution` read it, names:
its noun phrase without the clause, time or verb words around it (``nyhedsbureauet Reuters onsdag``
→ ``Reuters``), widened to a body's whole name (``Organización Nacional para los Derechos
Humanos``); nothing for a pronoun, an impersonal subject or a demonstrative left alone. Split from
``attribution`` (issue 19: that module had passed 500 lines)."""

from __future__ import annotations

import re

from newsloom.extract import resources
from newsloom.extract.numbers import UNITS
from newsloom.extract.quote_words import AUXILIARIES, REPORTING_VERBS
from newsloom.extract.resources import table_word_set, table_words
from newsloom.extract.source_clauses import MAX_SOURCE_WORDS
from newsloom.extract.source_phrase import source_as_read
from newsloom.extract.speaker_phrases import body_name
from newsloom.process_cache import compile_pattern

_STOP = compile_pattern(
    r"\s(?:at|att|that|que|som|der|who|which|om|about|til|to|after|efter|etter|in|i|på|on|under|"
    r"mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tisdag|lördag|söndag|monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miércoles|jueves|viernes"
    r"|sábado|domingo|tidligere|tidlegare|tidigare|earlier|sent|late|lørdag|i dag|i går|igår"
    r"|today|yesterday|ayer|hoy|nu|now|også|også|also|og|and|y|och|men|but|mens|while|har|have"
    r"|has|hadde|havde|had|er|is|var|was|were|blev|ble|vart|blir|bliver|skal|skulle|kan|kunne"
    r"|ville|vil|will|would|con|are|been|now|nu|cited|citing|as|är|ska|hans|hennes|deres|dens"
    r"|sitt|sin|sine|sina)\b.*$",
    re.IGNORECASE,
)
_LEADING_TIME = compile_pattern(
    r"^\s+(?:hoy|ayer|today|yesterday|heute|gestern|aujourd'hui|hier|oggi|ieri|hoje|ontem"
    r"|vandaag|gisteren|dziś|dzisiaj|wczoraj|i dag|i går|igår|idag)\s+",
    re.IGNORECASE,
)
# "según informó la policía", "jak poinformowała policja": a reporting verb (as the tables write
# it, without other forms: "informes" is also a noun) between "according to" and the source
_LEADING_VERB = compile_pattern(
    rf"^\s+(?:(?:{AUXILIARIES})\s+)?"
    + resources.words_pattern(
        verb for table in resources.load_tables().values() for verb in table.quotes.get("verbs", ())
    )
    + r"\s+",
    re.IGNORECASE,
)
# the tables' ``source_articles`` at a phrase's start ("en talsmand for politiet"), each a plain
# word followed by a space (so their order changes no match)
LEADING_DETERMINER = compile_pattern(
    rf"^(?:{'|'.join(re.escape(article) for article in table_words('source_articles'))})\s+",
    re.IGNORECASE,
)
# what a source's phrase names no source with alone: the tables' ``not_sources`` (pronouns,
# impersonal subjects as "Se calcula que …", demonstratives left when the noun after them was cut
# as "Esta organización calcula", articles) and ``opening_adverbs`` ("Desuden oplyser X, at …")
NOT_SOURCES = table_word_set("not_sources") | table_word_set("opening_adverbs")


# prepositions inside a source's noun phrase ("talsmann for politiet", "comisión del Consejo"):
# the tables' ``name_connectors``
_CONNECTORS = table_word_set("name_connectors")
_VERB_LIKE = frozenset(
    (
        REPORTING_VERBS
        + "|er|is|are|was|were|har|have|has|had|var|blev|ble|vart|blir|bliver|gjelder"
        "|gælder|gäller|ligg|ligger|står|anslår|anslog|estimated|estimates|estimerer|mener|tror"
        "|regner|venter|put|puts|gave|gav|gives|giver|now|nu|no|also|også|fortsatt|framleis|fortsat"
        "|stadig|still|fortfarande|allerede|already|nå"
    ).split("|")
)


def _noun_phrase(words: list[str]) -> list[str]:
    """The source's noun phrase at the start of ``words`` (stops at verbs, times, clauses)."""
    kept: list[str] = []
    for index, word in enumerate(words):
        bare = word.strip("()").lower()
        if word.startswith("(") and kept:
            kept.append(word)  # "(MRCC)"
            continue
        if bare in _VERB_LIKE and kept:
            break
        if bare in _CONNECTORS:
            following = words[index + 1] if index + 1 < len(words) else ""
            if not kept or not following or following.lower() in _VERB_LIKE:
                break
            kept.append(word)
            continue
        if (
            kept
            and word[:1].isupper() != kept[-1][:1].isupper()
            and kept[-1].lower() not in _CONNECTORS
        ):
            if word[:1].isupper() and all(
                w[:1].islower() and w.lower() not in _CONNECTORS for w in kept
            ):
                kept = [word]  # "nyhetsbyrået AFP" → "AFP"
                continue
            if word[:1].islower() and kept[-1][:1].isupper():
                adjectival = re.search(r"(?:s|'s|’s|sk|ske|ska|ish|ian|ese|ch)$", kept[-1])
                organisation = re.search(
                    r"(?:distrikt|politi|polis|kommune|kommun|direktorat)\w*$", bare
                )
                if not (adjectival or organisation):
                    break
        kept.append(word)
        if len(kept) >= MAX_SOURCE_WORDS:
            break
    while kept and kept[-1].lower() in _CONNECTORS:
        kept.pop()
    return kept


def clean_source(phrase: str, language: str | None = None) -> str | None:
    """``nyhedsbureauet Reuters onsdag`` → ``Reuters``; ``en talsmand for politiet`` → itself;
    None for what names no source in ``language`` (``pero`` in ``…, pero aseguraron``)."""
    read = source_as_read(phrase, language)
    if read is None:
        return None
    text = " " + read.strip().strip("'\"«»“”")
    text = _LEADING_TIME.sub(" ", text)  # "…, reportó hoy el Observatorio": the verb's adverb
    text = _LEADING_VERB.sub(" ", text)
    text = _STOP.sub("", text).strip(" ,")
    text = LEADING_DETERMINER.sub("", text)
    words = _whole_body(_noun_phrase(text.split()), text.split())
    if (
        not words
        or words[0].lower() in NOT_SOURCES
        or re.match(r"\d", words[0])
        or (words[0].lower() in UNITS)
    ):
        return None
    return _without_loose_marks(" ".join(words)) or None


MAX_BODY_WORDS = 12  # "Organización para la Prohibición de las Armas Químicas"


def _whole_body(words: list[str], phrase: list[str]) -> list[str]:
    """``Organización Nacional`` → ``Organización Nacional para los Derechos Humanos`` where the
    phrase goes on with a body's name (:func:`~newsloom.extract.speaker_phrases.body_name`: a
    word of the tables' ``organisations``, ``body_connectors`` and more capitalised words),
    which the noun phrase stopped at its first lowercase connector."""
    if not words or words[0] not in phrase:
        return words
    start = phrase.index(words[0])
    for end in range(min(len(phrase), start + MAX_BODY_WORDS), start + len(words), -1):
        named = body_name(" ".join(phrase[start:end]))
        if named is not None:
            return named.split()
    return words


def _without_loose_marks(name: str) -> str:
    """``ONU)``, ``ONU-`` → ``ONU``: a bracket or a dash the phrase around the source left."""
    name = name.rstrip("-–")
    if name.endswith(")") and name.count(")") > name.count("("):
        name = name[:-1]
    return name
