"""Who a claim is attributed to: ``ifølge Reuters``, ``det oplyser sundhedsministeriet``,
``Reuters skriver at lokale nyhetsbyråer melder at …``, ``…, police said``.

Nested sources are kept as a chain, outermost first: the source the article itself cites comes first
and the sources that source cites follow. ``Reuters skriver at lokale nyhetsbyråer melder at 8 er
drept`` → ``("Reuters", "lokale nyhetsbyråer")``; ``Ifølge indenrigsministeriet har 8 mistet
livet. Det rapporterer lokale medier.`` → ``("lokale medier", "indenrigsministeriet")``. A figure's
``attributed_to`` is the first element.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from newsloom.extract.letter_skip import letter_branches, lowered_odd, skipping_alternatives
from newsloom.extract.quote_words import (
    ATTRIBUTION_PREPOSITIONS,
    AUXILIARIES,
    ESTIMATE_VERBS,
    REPORTING_VERBS,
    SOURCE_TABLE_VERBS,
    THAT_WORDS,
)
from newsloom.extract.resources import own_word_set, table_words, words_pattern
from newsloom.extract.source_names import LEADING_DETERMINER, NOT_SOURCES, clean_source
from newsloom.process_cache import compile_pattern

_TABLE_ESTIMATES = "|".join(re.escape(verb) for verb in table_words("estimate_verbs"))
_VERBS = (
    words_pattern(
        {*REPORTING_VERBS.split("|"), *ESTIMATE_VERBS.split("|"), *table_words("estimate_verbs")},
        whole=False,
        literal=True,
    )
    + "|"
    + SOURCE_TABLE_VERBS
)
# an auxiliary (the tables' ``auxiliaries``) and up to three adverbs before the verb: "har hittil
# kun bekreftet"
_AUXILIARY = rf"(?:{AUXILIARIES}\s+(?:[\w]+\s+){{0,3}}?)?"
# the tables' ``source_verbs``: the reporting verbs a V2 language puts before their source
# ("Det oplyser politiet", "…, sier politiet"), as an alternation of plain words (each followed
# by a space or a word's end, so their order changes no match)
_SOURCE_VERBS = "|".join(re.escape(verb) for verb in table_words("source_verbs"))
# "Det oplyser politiet.", "Det fremgår af …", "That is according to …": the tables'
# ``next_sentence_openers`` (a space in one matches any whitespace), then a ``source_verbs`` word
# or a ``next_sentence_phrases`` phrase (a space in one matches a space); plain words and phrases
# followed by a space or a word's end, so their order changes no match
_NEXT_OPENERS = "|".join(
    re.escape(opener).replace(r"\ ", r"\s+") for opener in table_words("next_sentence_openers")
)
_NEXT_PHRASES = "|".join(re.escape(phrase) for phrase in table_words("next_sentence_phrases"))
_NEXT_SENTENCE = compile_pattern(
    rf"^(?:{_NEXT_OPENERS})\s+(?:{_SOURCE_VERBS}|{_NEXT_PHRASES})\b\s+(?P<source>[^.;:!?]+)",
    re.IGNORECASE,
)
_PREPOSITIONS_ONLY = ATTRIBUTION_PREPOSITIONS.replace(
    "|oplyser|opplyser|uppger|reports|reported", ""
)
# ``(?<!\w)(?P<cue>ifølge|…)\s+…``, written so that a search skips to the words' first letters
# (issue 19)
_CUE = skipping_alternatives(_PREPOSITIONS_ONLY, r"\w")
_PREPOSITION = compile_pattern(
    rf"(?P<cue>{_CUE})"
    r"\s+(?P<source>[^,.;:!?«»\"“”]+)",
    re.IGNORECASE,
)
# English "per the ministry" is Italian, Dutch … "for": outside English it names no source
_CUE_NOT_ENGLISH = skipping_alternatives(_PREPOSITIONS_ONLY.replace("|per|", "|", 1), r"\w")
_PREPOSITION_NOT_ENGLISH = compile_pattern(
    rf"(?P<cue>{_CUE_NOT_ENGLISH})"
    r"\s+(?P<source>[^,.;:!?«»\"“”]+)",
    re.IGNORECASE,
)
# the documents a source issues (the tables' ``statement_nouns``)
_STATEMENT_WORDS = tuple(table_words("statement_nouns"))
# the tables' ``statement_verbs`` before them ("heter det", "said"; a space matches a space),
# phrases followed by a space, so their order changes no match
_STATEMENT_VERBS = "|".join(re.escape(verb) for verb in table_words("statement_verbs"))
_STATEMENT = compile_pattern(
    rf"(?:{_STATEMENT_VERBS})\s+(?:i|in)\s+"
    r"(?:en|ei|et|a)?"
    rf"\s*(?:{'|'.join(_STATEMENT_WORDS)})\s+(?:fra|från|from)\s+(?P<source>[^,.;:!?]+)",
    re.IGNORECASE,
)
# "…, oplyser politiet." / "…, siger X." / "…, police said." (source after the verb, V2 languages)
# and the tables' ``trailing_source_verbs`` ("…, dijo el ministro")
_INVERTED_VERBS = "|".join(
    [_SOURCE_VERBS, *(re.escape(verb) for verb in table_words("trailing_source_verbs"))]
)
_AFTER_INVERTED = rf"\s*(?P<verb>{_INVERTED_VERBS})\s+" r"(?P<source>[^,.;:!?«»\"“”]+)"
# the tables' ``opening_adverbs`` before the verb at a sentence's start ("Desuden oplyser X")
_OPENING_ADVERBS = "|".join(re.escape(adverb) for adverb in table_words("opening_adverbs"))
_INVERTED = compile_pattern(
    rf"(?:,|^(?:{_OPENING_ADVERBS})?|\b(?:{_INVERTED_VERBS})){_AFTER_INVERTED}",
    re.IGNORECASE,
)
# the same past a sentence's start (after a comma or a verb), written so that a search skips to
# a comma or a verb's first letter (issue 19); ``\b`` before a letter is ``(?<!\w)``
_INVERTED_FILED = letter_branches(_INVERTED_VERBS)
_INVERTED_LATER = (
    compile_pattern(
        rf"(?-i:[,{_INVERTED_FILED[0]}])(?:(?<=,)|(?<=(?<!\w).)(?:{_INVERTED_FILED[1]}))"
        + _AFTER_INVERTED,
        re.IGNORECASE,
    )
    if _INVERTED_FILED is not None
    else compile_pattern(rf"(?:,|\b(?:{_INVERTED_VERBS})){_AFTER_INVERTED}", re.IGNORECASE)
)


def _from_start(
    sentence: str, pattern: re.Pattern[str], later: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(sentence)``, where ``later`` is ``pattern`` without its ``^``
    alternative: the match at the start, where ``^`` may stand, then those of ``later`` from
    where it ends (no ``^`` stands past the start; at the start, ``later`` matches only where
    ``pattern`` does)."""
    opening = pattern.match(sentence)
    if opening is not None:
        yield opening
    yield from later.finditer(sentence, opening.end() if opening is not None else 0)


# "…, a indiqué Human Rights Watch.", "…, riferisce Amnesty International." (the tables' verbs)
_INVERTED_TABLE = compile_pattern(
    rf",\s*(?:{AUXILIARIES}\s+)?(?P<verb>{SOURCE_TABLE_VERBS}|{_TABLE_ESTIMATES})\s+(?!{THAT_WORDS})"
    r"(?P<source>[^,.;:!?«»\"“”]+)",
    re.IGNORECASE,
)
# a word of a source's name; a web site keeps its domain ("AllAfrica.com", "VG.no")
_NAME_WORD = r"[\w'’-]+(?:\.(?-i:[a-z]{2,4})(?!\w))?"
# "confirmaron este lunes que": a time the tables' demonstratives open, after the verb
_DEMONSTRATIVES = words_pattern(table_words("demonstratives"), whole=False)
# "han informado de seis muertos", "hablan de 64 muertos": the preposition that opens what a
# reporting verb reports (the tables' ``about_prepositions``), read in its own languages only
_ABOUT = words_pattern(table_words("about_prepositions"))
_ABOUT_AFTER = compile_pattern(rf"\s+{_ABOUT}", re.IGNORECASE)
# "Reuters skriver at …" / "Police said that …" / "…, police said." / "…, una comisión del
# Consejo de Derechos Humanos egipcio calculó en 685 muertos …" (an estimate verb and "en")
_SUBJECT_THAT = "at|att|that|que"
# what follows a subject's reporting verb: "that", the clause's end, a time or "en" (any language)
_VERB_FOLLOWS = (
    r"\s*(?:,?\s*(?:at|att|that|que|om)\b|[.,;]|$)|\s+(?:on|in|i|på|late|early|earlier"
    rf"|tidligere|tidigare|\w+dag|\w+day|en|{_DEMONSTRATIVES})\b"
)
_VERB_FOLLOWED = compile_pattern(_VERB_FOLLOWS, re.IGNORECASE)
_AFTER_SUBJECT_OPENING = (
    rf"(?P<source>(?:{_NAME_WORD}\s+){{0,7}}?{_NAME_WORD})\s+"
    rf"{_AUXILIARY}(?P<verb>{_VERBS})\b(?={_VERB_FOLLOWS}|\s+{_ABOUT})"
)
_SUBJECT_FIRST = compile_pattern(
    rf"(?:^|,\s*|\b(?:{_SUBJECT_THAT})\s+){_AFTER_SUBJECT_OPENING}", re.IGNORECASE
)
# the same past a sentence's start (after a comma or "that"), written so that a search skips to
# a comma or the first letter of "that" (issue 19), as :data:`_INVERTED_LATER`
_SUBJECT_FILED = letter_branches(_SUBJECT_THAT)
_SUBJECT_LATER = (
    compile_pattern(
        rf"(?-i:[,{_SUBJECT_FILED[0]}])(?:(?<=,)\s*|(?<=(?<!\w).)(?:{_SUBJECT_FILED[1]})\s+)"
        + _AFTER_SUBJECT_OPENING,
        re.IGNORECASE,
    )
    if _SUBJECT_FILED is not None
    else compile_pattern(
        rf"(?:,\s*|\b(?:{_SUBJECT_THAT})\s+){_AFTER_SUBJECT_OPENING}", re.IGNORECASE
    )
)
# the clause word after a subject's reporting verb ("Reuters skriver at …", "… consideran que")
_THAT_AFTER_VERB = compile_pattern(rf"\s*,?\s*(?:at|att|that|que|om|{THAT_WORDS})(?!\w)", re.I)
# "Nachdem die Berliner Polizei zuerst nur drei Verletzte meldete, …", "wie die Polizei am
# Abend mitteilte": German puts the verb of a subordinate clause last, after its subject and
# the figure (the tables' verbs that end a clause)
_FINAL_VERBS = table_words("final_verbs")
_VERB_LAST = compile_pattern(
    r"\b(?:nachdem|wie|als|da|weil|während)\s+(?P<source>(?:der|die|das|den)\s+"
    r"(?:(?-i:[A-ZÄÖÜ])[\w-]*\s+){0,3}(?-i:[A-ZÄÖÜ])[\w-]*)\s+(?:[\w.-]+\s+){0,6}?"
    rf"(?:{'|'.join(re.escape(verb) for verb in _FINAL_VERBS)})\b",
    re.IGNORECASE,
)
# "El documento, cuyo contenido fue difundido por …, señala que …": a subject, a relative clause
# set off by commas, then its reporting verb
_SUBJECT_RELATIVE = compile_pattern(
    rf"^(?P<source>(?:{_NAME_WORD}\s+){{0,4}}?{_NAME_WORD}),\s+(?:cuyo|cuya|cuyos|cuyas|que|quien"
    r"|quienes|which|who|whose|der|die|das|dessen|deren|som|qui|dont|che|il cui|la cui|cujo|cuja"
    rf"|waarvan|który|która|które)\b[^.;:!?]*?,\s*{_AUXILIARY}(?P<verb>{_VERBS})\b",
    re.IGNORECASE,
)
# "Police said 12 people were killed." (a source opening the sentence)
_OPENING_SOURCE = compile_pattern(
    rf"^(?P<source>(?:{_NAME_WORD}\s+){{0,4}}?{_NAME_WORD})\s+{_AUXILIARY}(?P<verb>{_VERBS})\b",
    re.IGNORECASE,
)
# "Local officials, cited by AFP, gave …": the relaying source is outer, the cited one inner
_CITED_BY = compile_pattern(
    r"(?<![\w'’-])(?P<inner>(?:[\w'’-]+\s+){0,3}[\w'’-]+),\s+(?:cited by|quoted by|citeret af"
    r"|citert av|sitert av|citerad av|citerade av)\s+(?P<outer>[^,.;:!?«»\"“”]+),",
    re.IGNORECASE,
)
# what _CITED_BY needs in a sentence: a cheap test before it
_CITED_WORDS = tuple(table_words("cited_words"))  # the tables' ``cited_words``
_CITED_CUE = compile_pattern(rf"(?:{'|'.join(_CITED_WORDS)})\s", re.IGNORECASE)
# The words each of _CITED_CUE, _STATEMENT and _VERB_LAST needs, looked for with ``in`` in the
# sentence lowered (a few string searches, not a scan of the sentence at every character); a
# sentence with a character of _ODD_CASES (``ſ``, ``İ``, the Kelvin sign …) is searched as it
# is, since its lowered form may not hold a word the patterns read in it without case
_ODD_CASES = lowered_odd([*_CITED_WORDS, *_STATEMENT_WORDS, *_FINAL_VERBS])
_FINAL_LOWERED = tuple(verb.lower() for verb in _FINAL_VERBS)


# "…, while organisers put the number at 4,000", "…, and Norway's police confirmed five arrests":
# a coordinated clause with its own source
_CLAUSE_SOURCE = compile_pattern(
    r"(?:,\s*(?:and|but|og|men|och|while|whereas|mens|medan)|\b(?:while|whereas|mens|medan))\s+"
    rf"(?P<source>(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)\s+{_AUXILIARY}(?P<verb>{_VERBS}|put|puts|set"
    r"|sets|placed)\b",
    re.IGNORECASE,
)
# a cited source's own words: no clause words, dates or conjunctions inside it
_CITED_WORD = compile_pattern(
    r"(?:(?!(?:and|og|och|y|at|att|that|on|in|i|på|while|mens|medan|when|da|när|but|men)\b)"
    r"[\w'’-]+\s*)+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    position: int
    rank: int  # lower is outer
    coordinate: bool = False  # subject of a clause joined by "and"/"while", not a relay
    # "…, sier X": the source follows the words it reports and covers only what comes before it
    trailing: bool = False
    # the subject of a subordinate clause ("Nachdem die Polizei drei Verletzte meldete, …"):
    # it reports its own clause, not the sentences after it
    local: bool = False
    # "X consideran que …", "Police said that …": the source reports the clause after its verb,
    # not the words before it
    leading: bool = False


def _about_elsewhere(verb: str, sentence: str, verb_end: int, language: str | None) -> bool:
    """Whether ``verb`` (ending at ``verb_end``) is read as a source's only for the preposition
    after it (the tables' ``about_prepositions``), where the sentence's language has no such
    preposition (es "de" is the Nordic "they") or the verb is none of the language's
    ``about_verbs`` ("hablan de 64 muertos", not "advirtió de una intervención")."""
    after = _ABOUT_AFTER.match(sentence, verb_end)
    if after is None or _VERB_FOLLOWED.match(sentence, verb_end) is not None:
        return False
    return after.group(0).strip().lower() not in own_word_set(
        language, "about_prepositions"
    ) or verb.lower() not in own_word_set(language, "about_verbs")


def sources_in(sentence: str, language: str | None = None) -> list[Source]:
    """Sources named in one sentence, outermost first."""
    return list(_sources_in(sentence, language))


@lru_cache(maxsize=4096)
def _sources_in(sentence: str, language: str | None = None) -> tuple[Source, ...]:
    """:func:`sources_in`, cached: figures and quotes look at the same sentences several times."""
    found: list[Source] = []
    seen: set[str] = set()

    def add(
        phrase: str,
        position: int,
        rank: int,
        coordinate: bool = False,
        trailing: bool = False,
        local: bool = False,
        leading: bool = False,
    ) -> None:
        name = clean_source(phrase, language)
        if name and name.lower() not in seen:
            seen.add(name.lower())
            found.append(Source(name, position, rank, coordinate, trailing, local, leading))

    lowered = sentence.lower()
    odd = _ODD_CASES.search(sentence) is not None

    def holds(words: tuple[str, ...]) -> bool:
        """Whether the sentence may hold one of ``words`` (as a pattern without case reads)."""
        return odd or any(word in lowered for word in words)

    cited = holds(_CITED_WORDS) and _CITED_CUE.search(sentence)
    for match in _CITED_BY.finditer(sentence) if cited else ():
        add(match.group("outer"), match.start("inner"), 1)
        words = match.group("inner").split()
        while len(words) > 1 and not _CITED_WORD.fullmatch(" ".join(words)):
            words = words[1:]  # "… on Tuesday and Local officials" → "Local officials"
        inner = LEADING_DETERMINER.sub("", " ".join(words))
        if inner and inner.split()[0].lower() not in NOT_SOURCES and inner.lower() not in seen:
            seen.add(inner.lower())  # a short noun phrase as written ("Local officials")
            found.append(Source(inner, match.start("inner"), 2))
    for match in _STATEMENT.finditer(sentence) if holds(_STATEMENT_WORDS) else ():
        add(match.group("source"), match.start(), 3)
    for match in _from_start(sentence, _SUBJECT_FIRST, _SUBJECT_LATER):
        source = match.group("source")
        verb = match.group("verb")
        if verb.lower() == "according to" or _about_elsewhere(
            verb, sentence, match.end("verb"), language
        ):
            continue
        leading = _THAT_AFTER_VERB.match(sentence, match.end("verb")) is not None
        add(source, match.start("source"), 2, leading=leading)
    for match in _CLAUSE_SOURCE.finditer(sentence):
        add(match.group("source"), match.start("source"), 2, coordinate=True)
    for match in _VERB_LAST.finditer(sentence) if holds(_FINAL_LOWERED) else ():
        add(match.group("source"), match.start("source"), 2, local=True)
    relative = _SUBJECT_RELATIVE.match(sentence)
    if relative and relative.group("verb").lower() != "according to":
        add(relative.group("source"), 0, 2)
    opening = _OPENING_SOURCE.match(sentence)
    if opening and opening.group("verb").lower() != "according to":
        add(opening.group("source"), 0, 2)
    for match in _from_start(sentence, _INVERTED, _INVERTED_LATER):
        add(match.group("source"), match.start(), 2, trailing=match.group(0).startswith(","))
    for match in _INVERTED_TABLE.finditer(sentence):
        add(match.group("source"), match.start(), 2, trailing=True)
    preposition = _PREPOSITION if language in (None, "en") else _PREPOSITION_NOT_ENGLISH
    for match in preposition.finditer(sentence):
        # a trailing "ifølge X" after another source cites the source it follows: outermost
        rank = 1 if found and match.start() > min(s.position for s in found) else 3
        add(match.group("source"), match.start(), rank)
    return tuple(sorted(found, key=lambda source: (source.rank, source.position)))


def next_sentence_sources(sentence: str, language: str | None = None) -> list[str]:
    """``Det oplyser sundhedsministeriet torsdag.`` → ``["sundhedsministeriet"]``, outermost first.

    ``Det skriver mediet Zakon ifølge Reuters`` → ``["Reuters", "Zakon"]``.
    """
    match = _NEXT_SENTENCE.match(sentence.strip())
    if match is None:
        return []
    name = clean_source(match.group("source"), language)
    if name is None:
        return []
    outer = [
        source.name
        for source in sources_in(sentence, language)
        if source.name.lower() != name.lower()
        and name.lower() not in source.name.lower()
        and _PREPOSITION.match(sentence, source.position)
    ]
    return [*outer, name]
