"""Which casualty cue a number belongs to: the nearest cue word after or before it, within a few
words, with the exceptions news prose needs (partitives, relative clauses, "the number of … to N",
tolls, individuals described by "a man who …").

Used by :mod:`newsloom.extract.figures`; cue words per kind are in
:mod:`newsloom.extract.figure_words`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cache

from newsloom.extract.cue_search import opening_pattern
from newsloom.extract.figure_words import (
    KIND_CUES,
    OBJECT_CUES,
    PROTEST_ACTS,
    QUALIFIERS,
    TABLE_ONE_WORDS,
    TOLL_WORDS,
)
from newsloom.extract.quantity import Quantity
from newsloom.extract.resources import kind_patterns, number_words, resources_for, words_pattern

_WORD = re.compile(r"\w[\w'’-]*")

CROWD_KINDS = ("protesters", "deployed", "on_board", "victims")
FORWARD_WINDOW = 8  # words between a number and a cue after it
BACKWARD_WINDOW = 3  # words between a cue and a number after it (qualifiers not counted)
PARTITIVE_WINDOW = 20  # "Tre af de personer, der blev anholdt ved …, er blevet varetægtsfængslet"
# Crowd-like kinds need their cue close: (words after the number, words before it).
CROWD_WINDOWS = {"protesters": (3, 2), "deployed": (2, 1), "on_board": (5, 0), "victims": (1, 0)}
# "en person", "one man", "ein mann": an article-like word counts as 1 before a person noun.
ONE_WORDS = (
    frozenset({"en", "et", "ett", "ein", "eitt", "a", "an", "un", "una", "uno", "ei", "one"})
    | TABLE_ONE_WORDS
)
_PARTITIVE = re.compile(
    r"^\s+(?:af|av|of|de|von)\s+(?:dem|dei|de|the|them|those|los|las|disse|desse|ihnen|den)\b",
    re.IGNORECASE,
)
# a comma, a semicolon or a sentence end ("heridos.- Otras cuatro personas fallecen"; the point
# of "ca." is no end)
_CLAUSE_BREAK = re.compile(r"[,;!?]|(?<!\bca)\.")
CLAUSE_PENALTY = 2  # words a comma between a cue and the number after it counts as
_BACKWARD_FILLER = re.compile(
    r"^(?:\W*(?:nu|now|yderligere|ytterligere|ytterlegare|another|further|hele|alle|all|in all"
    r"|i alt|totalt|sammanlagt|i alt|mindst|minst|at least|mere end|mer enn|mer än|more than"
    r"|over|omkring|about|around|nearly|næsten|nesten|nästan|op mod|opp mot|upp mot|up to|cirka"
    r"|ca\.|rundt|drygt|godt|some|al menos|más de|unos|unas|la vida de|the lives of|på|de|of"
    r"|om lag|kring|til sammen|til saman|tilsammen|dei|the|these|those|disse|desse"
    r"|er|is|are|var|was|were|blev|ble|vart|es|son|fueron|a"
    # and the tables' qualifiers ("Zmarło ponad 500", "Murieron más de 50") and fillers
    # ("starben insgesamt 82.303", "sono state arrestate in tutto 25")
    rf"|{words_pattern(QUALIFIERS)}|{words_pattern(number_words('fillers'))})\W*)*$",
    re.IGNORECASE,
)
_TOLL = re.compile(
    r"dødstal|dødstall|dödstal|dödssiffr|death toll|toll|cifra de muertos|balance de muertos"
    rf"|dødsofre|number of dead|{TOLL_WORDS}",
    re.IGNORECASE,
)
TOLL_WINDOW = 8  # "Dødstallet efter stormen er steget til 14"
# "antallet af sårede … er steget til 17", "the number of people detained in the case to 19",
# "die Zahl der Verletzten stieg auf 17", "le nombre de blessés est passé à 17", "liczba
# rannych wzrosła do 17": a cue inside a "number of" phrase counts the number its "to" leads to.
# (Dutch, Swedish and Polish put the counted noun right after "number", without a preposition.)
_NUMBER_OF = re.compile(
    r"(?<!\w)(?:antallet|antalet|tallet|talet|the number|number|the total|totalen|(?:gesamt)?zahl"
    r"|anzahl|número|numero|nombre|cifra|totale|aantal|liczba|liczby)"
    r"(?:\s+(?:af|av|of|på|der|von|de|des|du|di|dei|degli|delle|dos|das|van))?"
    r"(?:\s+[\w-]+){0,2}?\s*$",
    re.IGNORECASE,
)
_TO_NUMBER = re.compile(
    r"(?<!\w)(?:til|till|to|at|auf|a|à|para|tot|naar|op|do)\s+"
    rf"(?:{words_pattern(QUALIFIERS)}\s+)?$",
    re.IGNORECASE,
)
# "Éin av dei to som …": the size of the set a partitive picks from, not a count of its own
_PARTITIVE_SET = re.compile(
    r"(?<!\w)(?:af|av|of|de)\s+(?:dem|dei|de|the|those|los|las|disse|desse)\s*$", re.IGNORECASE
)
# "Among the dead is a Swedish citizen", "Entre los muertos en el ataque … hay 11 niños",
# "Unter den Toten sind drei Kinder": people counted into a group the cue names before them
_AMONG = re.compile(
    r"(?<!\w)(?:among|blandt|bland|blant|entre|unter|parmi|tra|fra|onder|wśród)"
    r"\s+(?:the|de|dei|los|las|den|les|i|gli|le|os|as)?\s*$",
    re.IGNORECASE,
)
# Where the counted people are (in hospital, in intensive care): a place phrase may open the
# clause, its verb and adverbs between it and the count
PLACE_KINDS = ("hospitalised", "critical_condition")
PLACE_WINDOW = 6
AMONG_WINDOW = 20  # "among the dead" opens its sentence; the count comes after its verb
# "en 38-årig mand, der blev anholdt …": a person described by a relative clause
_INDIVIDUAL_RELATIVE = re.compile(
    r"(?:\s+[\w-]+){0,3}\s*,?\s+(?:der|som|who|that|which)\b", re.IGNORECASE
)
# "Tre af de personer, der blev anholdt …, er varetægtsfængslet": the cue in the relative clause
# describes the set; a later cue is what happened to the counted people.
_RELATIVE = re.compile(
    r"^(?:\s+[\w-]+)?\s*,?\s+(?:der|som|who|that|which|que|die)\b", re.IGNORECASE
)


_PROTEST_ACT = re.compile("|".join(PROTEST_ACTS), re.IGNORECASE)
_OBJECT_CUE = re.compile("|".join(OBJECT_CUES), re.IGNORECASE)


# Kinds that are part of the injured: "400 sårede er indlagt" counts the hospitalised.
_PART_KINDS = ("critical_condition", "hospitalised")
_CLAUSE_END = re.compile(r"[.;:!?–—]|,\s|\s(?:og|and|och|men|but|mens|while)\s")


def part_kind(text: str, start: int, end: int) -> str | None:
    """For injured people counted at ``text[start:end]``: ``hospitalised`` (``critical_condition``)
    when the figure's own clause says they are in hospital (in critical condition), else None."""
    rest = text[end:]
    clause_end = _CLAUSE_END.search(rest)
    clause = text[start:end] + " " + (rest[: clause_end.start()] if clause_end else rest)
    for kind in _PART_KINDS:
        if kind in KIND_CUES and cue_pattern(KIND_CUES[kind]).search(clause):
            return kind
    return None


CUE_START = r"(?<!\w)"  # every cue pattern starts at a word start


@cache
def cue_pattern(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(CUE_START + r"(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    start: int
    end: int


@cache
def _cue_search(language: str) -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    """A language's cue pattern per kind (the shared hand-made lists, then its table's) and the
    one scan for the places where any of them matches (:mod:`newsloom.extract.cue_search`)."""
    kinds = [(kind, cue_pattern(patterns)) for kind, patterns in KIND_CUES.items()]
    kinds.extend(kind_patterns(language).items())
    bodies = []
    for kind, pattern in kinds:
        if not pattern.pattern.startswith(CUE_START) or not pattern.flags & re.IGNORECASE:
            raise ValueError(f"the {kind} cue pattern is not {CUE_START}… without case")
        bodies.append(pattern.pattern.removeprefix(CUE_START))
    return opening_pattern(bodies), tuple(kinds)


def find_cues(text: str, language: str | None = None) -> list[Cue]:
    """Cue words of every kind: the shared hand-made lists and the language's own table."""
    opening, kinds = _cue_search(language or "")
    starts = [match.start() for match in opening.finditer(text)]
    cues: list[Cue] = []
    for kind, pattern in kinds:
        end = 0  # what finditer finds: matches tried left to right, none inside the one before
        for start in starts:
            if start >= end and (match := pattern.match(text, start)) is not None:
                cues.append(Cue(kind, start, match.end()))
                end = match.end()
    return sorted(cues, key=lambda cue: (cue.start, -(cue.end - cue.start)))


def has_cue(text: str, language: str | None = None) -> bool:
    """Whether ``text`` has a cue word of any kind (``find_cues`` is not empty)."""
    return _cue_search(language or "")[0].search(text) is not None


# a cue phrase ending in a preposition ("la muerte de 105 yihadistas") introduces the count after it
_INTRODUCING = re.compile(r"\s(?:de|a|of|di|von|av|af|à)$", re.IGNORECASE)
NEGATION_REACH = 3  # words between the denying word and the cue


@cache
def _denial(language: str) -> re.Pattern[str] | None:
    """ "sin dejar heridos", "uten at noen ble skadd": a table's ``denials`` (per language: Spanish
    "sin" is Scandinavian "his") up to :data:`NEGATION_REACH` words before a cue."""
    table = resources_for(language)
    if table is None or not table.denials:
        return None
    words = "|".join(re.escape(word) for word in table.denials)
    return re.compile(
        rf"(?<![\w'’-])(?:{words})\s+(?:[\w'’-]+\s+){{0,{NEGATION_REACH}}}$", re.IGNORECASE
    )


def denied(cue: Cue, text: str, language: str | None) -> bool:
    """Whether a word that denies the casualty stands just before the cue ("sin dejar heridos",
    "ohne Verletzte"): no one counted there was hurt."""
    pattern = _denial(language) if language is not None else None
    return (
        pattern is not None and pattern.search(text, max(0, cue.start - 80), cue.start) is not None
    )


def modifies_a_noun(cue: Cue, text: str) -> bool:
    """Whether the cue is the first part of a hyphened modifier ("injury-riddled seasons",
    "toll-free", "injured-reserve list"): it then names no casualty of its own."""
    return re.match(r"-[^\W\d_]", text[cue.end : cue.end + 2]) is not None


def words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end])) if end > start else 0


def _partitive_end(quantity: Quantity, text: str) -> int | None:
    """Where "af dem"/"av de skadde" ends after the number, for partitive figures."""
    match = _PARTITIVE.match(text[quantity.end :])
    if match is None:
        return None
    end = quantity.end + match.end()
    following = re.match(r"\s+[\w-]+", text[end:])
    if (
        match.group(0).split()[-1].lower() in ("de", "the", "los", "las", "disse", "desse")
        and following
    ):
        end += following.end()  # "av de skadde", "of the injured"
    return end


def claimed_cues(cues: Sequence[Cue], quantities: Sequence[Quantity], text: str) -> set[Cue]:
    """Cues with a count right after them, in the same clause ("w których zginęły dwie osoby",
    "fires that killed two people"): that count's cue, never one of a number before them."""
    starts = sorted(quantity.start for quantity in quantities)
    claimed: set[Cue] = set()
    for cue in cues:
        at = bisect.bisect_left(starts, cue.end)
        if at < len(starts):
            between = text[cue.end : starts[at]]
            if not _CLAIM_BREAK.search(between) and (
                not between.strip() or _BACKWARD_FILLER.match(between)
            ):
                claimed.add(cue)
    return claimed


_CLAIM_BREAK = re.compile(r"[^\w\s]")


def choose_cue(
    quantity: Quantity,
    cues: Sequence[Cue],
    text: str,
    time_spans: Sequence[tuple[int, int]] = (),
    claimed: Collection[Cue] = (),
) -> Cue | None:
    partitive = _partitive_end(quantity, text)
    # "en mand i 70-årsalderen": an article-like "one" counts only with a cue after it
    individual = quantity.text.lower() in ONE_WORDS
    best: tuple[tuple[int, int, int], Cue] | None = None
    for cue in cues:
        if cue.start < quantity.end and quantity.start < cue.end:
            continue
        crowd = cue.kind in CROWD_KINDS
        if individual and crowd:
            continue  # "a lancé un manifestant": one protester is a speaker, not a crowd
        if cue.start >= quantity.end:
            if _INTRODUCING.search(text, cue.start, cue.end):
                continue  # "la muerte de": the count it introduces follows it
            if _OBJECT_CUE.match(text, cue.start):
                continue  # "dei to … tok livet av": the number counts who did it
            if partitive is not None and cue.start < partitive:
                continue  # "Tre av de skadde er innlagt": the set, not the figure
            if cue in claimed:
                continue  # "1246 pożarów, w których zginęły dwie osoby": the cue is "dwie"'s
            distance = (
                words_between(text, partitive or quantity.end, cue.start)
                - _time_words_between(text, partitive or quantity.end, cue.start, time_spans)
                - _relative_clause_words(text, partitive or quantity.end, cue.start)
            )
            window = (
                CROWD_WINDOWS[cue.kind][0]
                if crowd and not _PROTEST_ACT.match(text, cue.start)
                else (PARTITIVE_WINDOW if partitive is not None else FORWARD_WINDOW)
            )
            direction = 0
        elif _TOLL.match(text, cue.start) or (
            # the short stretch after the cue first: "to" before the number is rare
            _TO_NUMBER.search(text, cue.end, quantity.start)
            and _NUMBER_OF.search(text, 0, cue.start)
        ):  # "the death toll rose to 57"
            distance = 0 if words_between(text, cue.end, quantity.start) <= TOLL_WINDOW else 99
            window, direction = 0, 1
        elif (
            not crowd
            and _AMONG.search(text, 0, cue.start)
            and words_between(text, cue.end, quantity.start) <= AMONG_WINDOW
        ):
            distance, window, direction = 0, 0, 1
        elif (
            cue.kind in PLACE_KINDS
            and not _CLAUSE_BREAK.search(text, cue.end, quantity.start)
            and words_between(text, cue.end, quantity.start) <= PLACE_WINDOW
        ):  # "Auf den Intensivstationen des Landes lagen nur noch 283 Personen"
            distance, window, direction = words_between(text, cue.end, quantity.start), 99, 1
        elif individual and not _AMONG.search(text, 0, cue.start):
            continue  # "Den første som omkom var en mand": who, not how many
        else:
            between = text[cue.end : quantity.start]
            if quantity.low == 0 or not _BACKWARD_FILLER.match(between):
                distance = words_between(text, cue.end, quantity.start)
                if distance > 0 or quantity.low == 0:
                    continue
            distance = 0 if _BACKWARD_FILLER.match(between) else distance
            if _CLAUSE_BREAK.search(between):
                # "… were killed, 50 were injured": a cue of the clause before the comma yields
                # to one in the number's own clause
                distance += CLAUSE_PENALTY
            window = CROWD_WINDOWS[cue.kind][1] if crowd else BACKWARD_WINDOW
            direction = 1
        if distance > window:
            continue
        score = (1 if crowd else 0, distance, direction)
        if best is None or score < best[0]:
            best = (score, cue)
    if best is None:
        return None
    if _PARTITIVE_SET.search(text, 0, quantity.start):
        return best[1]  # "én af de fem, som omkom": the set's own clause tells what it counts
    later = _after_relative_clause(quantity, best[1], cues, text, partitive)
    if individual and _INDIVIDUAL_RELATIVE.match(text, quantity.end):
        return later  # "en 38-årig mand, der blev anholdt": describes one person
    return later or best[1]


def _time_words_between(
    text: str, start: int, end: int, time_spans: Sequence[tuple[int, int]]
) -> int:
    """Words of time expressions ("lørdag morgen") between two points: they do not separate a
    number from its cue."""
    return sum(
        words_between(text, max(start, span_start), min(end, span_end))
        for span_start, span_end in time_spans
        if span_start < end and start < span_end
    )


# "Zwei weitere Personen, die dem Mann helfen wollten, wurden leicht verletzt": a relative clause
# between commas on the counted noun, closed before the cue
_RELATIVE_CLAUSE = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s*(?P<clause>,\s+(?:der|die|das|welche[rsnm]?|som|who|whom|which"
    r"|that|que|qui|quienes|cuales|che|cui|dont|wo|dat|wie|welke|który|która|które|których"
    r"|którzy)\b[^,.;:!?]*),",
    re.IGNORECASE,
)


def _relative_clause_words(text: str, start: int, end: int) -> int:
    """Words of a relative clause on the counted noun between a number and a cue after it: they
    do not separate the two."""
    if text.find(",", start, end) < 0:
        return 0  # the clause is between commas: none, no clause
    clause = _RELATIVE_CLAUSE.match(text, start, end)
    if clause is None:
        return 0
    return words_between(text, clause.start("clause"), clause.end("clause"))


def _after_relative_clause(
    quantity: Quantity, chosen: Cue, cues: Sequence[Cue], text: str, partitive: int | None
) -> Cue | None:
    """A later cue of another kind when the chosen one sits in a relative clause on the number."""
    head_end = partitive or quantity.end
    relative = _RELATIVE.match(text[head_end:])
    if relative is None or chosen.start < head_end + relative.start() or chosen.kind in CROWD_KINDS:
        return None
    for cue in cues:
        if (
            cue.start >= chosen.end
            and cue.kind != chosen.kind
            and cue.kind not in CROWD_KINDS
            and words_between(text, head_end, cue.start) <= PARTITIVE_WINDOW
        ):
            return cue
    return None


# "143 soldados del régimen, 274 rebeldes y al menos 89 civiles han sido asesinados": counts
# listed one after another, each with its noun, share the cue that closes the list; a longer
# stretch between two counts holds a verb of its own ("2,5 millones de personas necesitan ayuda y
# 250.000 se han refugiado")
LIST_NOUN_WORDS = 3
_LIST_LINK = re.compile(
    rf"^(?:\s+[\w'’-]+){{1,{LIST_NOUN_WORDS}}}?\s*"
    r"(?:,|\s(?:y|e|and|og|och|und|et|i|en|samt|sowie))\s+$",
    re.IGNORECASE,
)


def listed_cues(
    quantities: Sequence[Quantity],
    chosen: Sequence[Cue | None],
    start_of: Callable[[Quantity], int],
    text: str,
) -> list[Cue | None]:
    """The cues of counts in a list: a count with no cue of its own (or only the troop noun
    beside it, "143 soldados") takes the cue after the next count of the list; ``start_of`` tells
    where a count begins with its qualifier ("al menos 89")."""
    result = list(chosen)
    for at in range(len(quantities) - 2, -1, -1):
        following = result[at + 1]
        own = result[at]
        if following is None or following.start < quantities[at + 1].end:
            continue  # the next count's cue is not after it: no list closes here
        if following.kind in CROWD_KINDS or (own is not None and own.kind != "deployed"):
            continue
        if _LIST_LINK.match(text[quantities[at].end : start_of(quantities[at + 1])]):
            result[at] = following
    return result
