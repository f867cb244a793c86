"""The patterns time expressions are found with, per set of languages (issue 18).

Built from the locale tables of :mod:`newsloom.extract.date_words` and a hand-kept supplement
(parts of the day, relative phrases with a part of the day in them, "N days ago"); compiled
once per set of languages and used by :mod:`newsloom.extract.times`, which resolves what they
find against the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from newsloom.extract.date_words import DateWords, date_words
from newsloom.extract.letter_skip import case_class
from newsloom.extract.numbers import UNITS
from newsloom.extract.resources import words_pattern

# Hand-kept supplement to the locale tables (:mod:`newsloom.extract.date_words`): parts of the day
# CLDR leaves empty for Danish and Spanish, and relative phrases with a part of the day in them.
_PARTS_EXTRA: dict[str, str] = {}
for _part, _words in {
    "night": "nat natt natten nattens night overnight noche madrugada nacht nuit notte",
    "morning": "morgen morgon morning morges morse mañana formiddag förmiddag formiddagen"
    " förmiddagen formiddags",
    "afternoon": "eftermiddag ettermiddag eftermiddagen ettermiddagen afternoon tarde nachmittag",
    "evening": "aften aftenen aftes kveld kvelden kväll kvällen evening abend",
    "late": "sent late",
}.items():
    for _word in _words.split():
        _PARTS_EXTRA[_word] = _part

# Relative days with a part of the day, and a few the tables lack: phrase → (offset, part).
_RELATIVE_EXTRA: dict[str, tuple[int, str | None]] = {
    "i gær": (-1, None),
    "i forgårs": (-2, None),
    "i forgår": (-2, None),
    "i förrgår": (-2, None),
    "the day before yesterday": (-2, None),
    "i overmorgen": (2, None),
    "i övermorgon": (2, None),
    "i nat": (0, "night"),
    "i natt": (0, "night"),
    "last night": (0, "night"),
    "overnight": (0, "night"),
    "esta madrugada": (0, "night"),
    "anoche": (-1, "evening"),
    "hier soir": (-1, "evening"),
    "ieri sera": (-1, "evening"),
    "gestern abend": (-1, "evening"),
    "i aftes": (-1, "evening"),
    "i går aftes": (-1, "evening"),
    "i går aften": (-1, "evening"),
    "i går kveld": (-1, "evening"),
    "i gårkveld": (-1, "evening"),
    "i går kväll": (-1, "evening"),
    "igår kväll": (-1, "evening"),
    "i går morges": (-1, "morning"),
    "i går morgen": (-1, "morning"),
    "i morges": (0, "morning"),
    "i morse": (0, "morning"),
    "this morning": (0, "morning"),
    "esta mañana": (0, "morning"),
    "ce matin": (0, "morning"),
    "stamattina": (0, "morning"),
    "heute morgen": (0, "morning"),
    "i formiddag": (0, "morning"),
    "i förmiddags": (0, "morning"),
    "i eftermiddag": (0, "afternoon"),
    "i ettermiddag": (0, "afternoon"),
    "i eftermiddags": (0, "afternoon"),
    "this afternoon": (0, "afternoon"),
    "i aften": (0, "evening"),
    "i kveld": (0, "evening"),
    "i kväll": (0, "evening"),
    "ikväll": (0, "evening"),
    "this evening": (0, "evening"),
    "tonight": (0, "evening"),
    "esta noche": (0, "evening"),
    "ce soir": (0, "evening"),
    "stasera": (0, "evening"),
}

FORWARD = (
    r"på|nu på|næste|neste|nästa|kommende|komande|kommande|next|this coming|el próximo|próximo"
    r"|nächsten|am kommenden|prochain|prossimo"
)
_BACK = r"sidste|sist|forrige|førre|förra|last|el pasado|pasado|vergangenen|letzten|dernier|scorso"
_ORDINAL = r"(?:st|nd|rd|th|er|º|°)"


_WORD_RUN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class WordGate:
    r"""A gate of whole words: any of ``forms`` as a run of word characters of its own, which is
    what ``(?<!\w)(?:form|…)(?!\w)`` finds in the same text when every form is word characters
    only. A set look-up per word of the paragraph, its words found once for every such gate,
    instead of trying every form at every word start."""

    forms: frozenset[str]

    def search(self, lowered: str) -> bool:
        return self.opens(words_of(lowered))

    def opens(self, words: Iterable[str]) -> bool:
        return not self.forms.isdisjoint(words)


def words_of(lowered: str) -> list[str]:
    """The runs of word characters a :class:`WordGate` looks up."""
    return _WORD_RUN.findall(lowered)


@dataclass(frozen=True, slots=True)
class KeyedGate:
    r"""``pattern`` (``(?<!\w)(?:phrase|…)(?!\w)`` over the lowered text) behind a :class:`WordGate`
    of ``keys``, one word of each phrase (its longest run of word characters): every run of a
    phrase found so stands in the text as a run of its own, so a paragraph holding none of the
    keys is shut without the search."""

    keys: WordGate
    pattern: re.Pattern[str]

    def search(self, lowered: str) -> bool:
        return self.keys.search(lowered) and self.pattern.search(lowered) is not None


def keyed_gate(phrases: Iterable[str], pattern: re.Pattern[str]) -> KeyedGate | re.Pattern[str]:
    """``pattern`` behind the keys of ``phrases`` (lower case); ``pattern`` alone where a phrase
    has no word characters."""
    keys = []
    for phrase in phrases:
        runs = sorted(_WORD_RUN.findall(phrase))
        if not runs:
            return pattern
        keys.append(max(runs, key=len))
    return KeyedGate(WordGate(frozenset(keys)), pattern)


Gate = re.Pattern[str] | WordGate | KeyedGate


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled patterns and word tables for one set of languages."""

    words: DateWords
    weekdays: dict[str, int]
    months: dict[str, int]
    parts: dict[str, str]
    relative: dict[str, tuple[int, str | None]]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    gates: dict[str, Gate]  # searched in the lowered text before the pattern
    # the "ago" pattern's alternatives, each with the literal words it cannot match without
    ago: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the patterns in order, each with the index of its gate in ``gate_list`` (-1: none), so that
    # a paragraph's open gates are a list by index instead of a dict hashing every gate, and the
    # most characters a match can hold before what its gate finds (LEADS)
    plan: tuple[tuple[str, re.Pattern[str], int, int], ...] = ()
    gate_list: tuple[Gate, ...] = ()
    # characters of a text that ``re`` matches to a letter of these words without case but whose
    # lower case is not that letter (``ſ``, ``ı``, ``İ``): where one stands, the lowered text's
    # positions say nothing of where the patterns match
    odd: re.Pattern[str] | None = None


# The most characters a match holds before the word its gate finds (the weekday, the month, the
# year, the relative phrase): ``the night till ``; ``am kommenden tidligt on el ``; ``30th. de ``;
# ``in ``; ``30/12/``; ``depuis ``. A search may start that far before the gate's first find.
LEADS: dict[str, int] = {
    "night_to": len("the night till "),
    "weekday_sv_past": len("i "),
    "weekday": max(map(len, f"{FORWARD}|{_BACK}".split("|"))) + len(" tidligt on el "),
    "relative": 0,
    "day_month": len("30th. de "),
    "month_day": 0,
    "iso": 0,
    "numeric": len("30/12/"),
    "month_year": len("in "),
    "year": len("depuis "),
}


def _odd_characters(words: Iterable[str]) -> re.Pattern[str] | None:
    """What :attr:`Lexicon.odd` searches for, for these (lower-case) words."""
    odd = {
        character
        for letter in {c for word in words for c in word}
        for character in case_class(letter)
        if character.lower() != letter
    }
    return re.compile(f"[{re.escape(''.join(sorted(odd)))}]") if odd else None


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def _word_gate(words: Iterable[str], suffix: str = "") -> Gate:
    """Any of ``words`` (lower case) as a whole word, ``suffix`` allowed after it; where a word
    does not end in a letter or digit, only its start is asked for. Words of word characters only
    make a :class:`WordGate` (the same answer, cheaper)."""
    listed = set(words)
    forms = frozenset(word + ending for word in listed for ending in ["", *suffix.split("|")])
    if all(_WORD_RUN.fullmatch(form) for form in forms):
        return WordGate(forms)
    end = r"(?!\w)" if all(re.search(r"\w$", word) for word in listed) else ""
    return re.compile(rf"(?<!\w)(?:{_alternation(listed)})(?:{suffix})?{end}")


@cache
def lexicon_for(languages: tuple[str, ...]) -> Lexicon:
    words = date_words(languages)
    weekdays = dict(words.weekdays)
    months = dict(words.months)
    parts = {**_PARTS_EXTRA, **words.parts}
    relative: dict[str, tuple[int, str | None]] = {
        phrase: (offset, None) for phrase, offset in words.relative.items()
    }
    relative.update(_RELATIVE_EXTRA)
    weekday = _alternation(weekdays)
    month = _alternation(months)
    part = _alternation(parts)
    count = r"\d+|" + _alternation(w for w, v in UNITS.items() if v <= 30)
    alternatives = tuple(
        (item.pattern.pattern.replace(_COUNT_GROUP, f"(?:{count})"), _literal_words(item.pattern))
        for item in words.ago
    )
    patterns = tuple(
        (name, re.compile(pattern, re.IGNORECASE))
        for name, pattern in (
            # natten til torsdag / natt til torsdag / natten mot torsdag / the night to Thursday
            (
                "night_to",
                r"\b(?:natten|natt|nat|the night)"
                rf" (?:til|till|mot|to|før) (?P<weekday>{weekday})s?\b",
            ),
            # Swedish "i tisdags" (last Tuesday), "i tisdags kväll"
            ("weekday_sv_past", rf"\bi (?P<weekday>{weekday})s(?: (?P<part>{part}))?\b"),
            # sent onsdag / late Wednesday / onsdag aften / tirsdagens / på fredag / last Friday
            (
                "weekday",
                rf"(?:\b(?P<direction>{FORWARD}|{_BACK}) )?"
                r"(?:\b(?P<late>sent|late|tidligt|tidlig|early) (?:on )?)?"
                rf"\b(?:(?:el|on|le|il|am) )?(?P<weekday>{weekday})(?P<genitive>ens|s|en)?"
                rf"(?: (?:(?P<part>{part})|(?:i|om|på|in the|por la|en la|am|au|in) "
                rf"(?P<part2>{part})))?\b",
            ),
            ("ago", r"(?!x)x"),  # matched alternative by alternative (ago_finditer)
            ("relative", rf"(?<!\w)(?:{_alternation(relative)})(?!\w)"),
            # 19. januar 2022 / 4 January 2022 / 4 de enero de 2022 / le 4 mars / den 4. jan.
            (
                "day_month",
                rf"\b(?P<day>[0-3]?\d){_ORDINAL}?\.? (?:de |of )?(?P<month>{month})\b"
                r"(?:,? (?:de |del )?(?P<year>(?:19|20)\d\d)\b)?",
            ),
            # January 4, 2022 / January 4
            (
                "month_day",
                rf"\b(?P<month>{month})\.? (?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
                r"(?:,? (?P<year>(?:19|20)\d\d)\b)?",
            ),
            ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
            (
                "numeric",
                r"\b(?P<first>[0-3]?\d)[./](?P<second>[0-3]?\d)[./](?P<year>(?:19|20)\d\d)\b",
            ),
            (
                "month_year",
                r"\b(?:(?:i|in|en|im|au|a|di|de) )?"
                rf"(?P<month>{month}) (?:de |del |of )?(?P<year>(?:19|20)\d\d)\b",
            ),
            (
                "year",
                r"\b(?:i|in|en|im|år|siden|since|desde|sedan|fra|from|depuis|dal|seit) "
                r"(?P<year>(?:19|20)\d\d)\b(?![.,]\d)",
            ),
        )
    )
    # What a pattern cannot match without, searched in the lowered text: a paragraph lacking it
    # skips that pattern (the patterns try their optional prefixes at every position). Every
    # pattern naming a weekday or a month has it as a whole word (a weekday perhaps with a
    # genitive or plural ending), so "mayoría" or "declaró" do not open the month patterns;
    # patterns sharing a gate share its search.
    weekday_gate = _word_gate((word.lower() for word in weekdays), suffix="ens|s|en")
    month_gate = _word_gate(word.lower() for word in months)
    # a year alone, as all three have it: ``(?<!\w)(?:19|20)\d\d(?!\w)``, with the look-behind
    # after the first two digits (three characters back: the one before them), so that the
    # search skips to a 1 or a 2 instead of trying the pattern at every position
    year_gate = re.compile(r"(?:19|20)(?<!\w..)\d\d(?!\w)")
    gates: dict[str, Gate] = {
        "night_to": weekday_gate,
        "weekday_sv_past": weekday_gate,
        "weekday": weekday_gate,
        # the phrases themselves: matching lowered text case by case is cheaper than the pattern
        # as a trie of their letters: the same matches as their alternation, longest first
        "relative": keyed_gate(
            (p.lower() for p in relative),
            re.compile(
                rf"(?<!\w){words_pattern((p.lower() for p in relative), whole=False, literal=True)}"
                r"(?!\w)"
            ),
        ),
        "day_month": month_gate,
        "month_day": month_gate,
        "month_year": month_gate,
        "iso": year_gate,
        "numeric": year_gate,
        "year": year_gate,
    }
    gate_list = tuple(dict.fromkeys(gates.values()))
    at = {gate: index for index, gate in enumerate(gate_list)}
    plan = tuple(
        (name, pattern, at[gates[name]], LEADS[name]) if name in gates else (name, pattern, -1, 0)
        for name, pattern in patterns
    )
    odd = _odd_characters(word.lower() for word in [*weekdays, *months, *relative])
    return Lexicon(
        words,
        weekdays,
        months,
        parts,
        relative,
        patterns,
        gates,
        alternatives,
        plan,
        gate_list,
        odd,
    )


_COUNT_GROUP = r"(?P<count>\d+|[^\W\d_]+)"


def _literal_words(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The words of an "ago" phrase around its count when all of them are plain text (a match
    contains each), else () (no gate: the phrase has regex syntax)."""
    words = pattern.pattern.replace(_COUNT_GROUP, " ").split()
    if all(re.escape(word) == word for word in words):
        return tuple(word.lower() for word in words)
    return ()


def ago_finditer(
    text: str, lowered: str, lexicon: Lexicon, words: list[str] | None = None
) -> Iterator[re.Match[str]]:
    r"""The matches of the "ago" alternation ``(?<!\w)(?:A|B|…)(?!\w)``, left to right.

    Each alternative is its own pattern, searched only when the text has all its words: at the
    leftmost position where any matches, the first in order wins, as in the alternation. The
    alternation itself tried every number word of every language at every word start.
    """
    languages = lexicon.words.languages
    runs = _ago_runs(languages)
    if (
        words is not None
        and len(lowered) == len(text)
        and (runs.odd is None or runs.odd.search(text) is None)
    ):
        chosen = runs.chosen(words)
    else:
        # each alternative's longest word tested first, once for all alternatives sharing it;
        # its other words only when it stands in the text
        chosen = [
            index
            for key, members in _ago_keys(languages)
            if key in lowered
            for index, others in members
            if all(word in lowered for word in others)
        ]
    patterns = [_ago_alternative(languages, index) for index in sorted(chosen)]
    position = 0
    while patterns and position <= len(text):
        best: re.Match[str] | None = None
        for pattern in patterns:
            found = pattern.search(text, position)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        if best is None:
            return
        yield best
        position = best.end() if best.end() > best.start() else best.start() + 1


@dataclass(frozen=True, slots=True)
class AgoRuns:
    """The "ago" alternatives by the runs of word characters of their words: every run of a
    phrase found stands as a word of the paragraph (the count stands apart from the words, and
    each word's own runs are cut by its own marks, ``weeks'``), so an alternative is searched
    only where all its runs are words of the paragraph. ``odd`` as :attr:`Lexicon.odd`: where
    one of those characters stands, the paragraph's words are not the text's."""

    keys: frozenset[str]  # each alternative's longest run
    members: dict[str, tuple[tuple[int, frozenset[str]], ...]]  # key → (index, other runs)
    always: tuple[int, ...]  # alternatives with regex syntax in their words: always searched
    odd: re.Pattern[str] | None

    def chosen(self, words: list[str]) -> list[int]:
        hits = self.keys.intersection(words)
        if not hits:
            return list(self.always)
        present = set(words)
        return [
            *self.always,
            *(i for key in hits for i, others in self.members[key] if others <= present),
        ]


@cache
def _ago_runs(languages: tuple[str, ...]) -> AgoRuns:
    members: dict[str, list[tuple[int, frozenset[str]]]] = {}
    always: list[int] = []
    every: set[str] = set()
    for index, item in enumerate(lexicon_for(languages).words.ago):
        tokens = [t for t in item.pattern.pattern.split(" ") if t != _COUNT_GROUP]
        if any(re.escape(token) != token for token in tokens):
            always.append(index)
            continue
        runs = sorted({run.lower() for token in tokens for run in _WORD_RUN.findall(token)})
        if not runs:
            always.append(index)
            continue
        key = max(runs, key=len)
        members.setdefault(key, []).append((index, frozenset(runs) - {key}))
        every.update(runs)
    return AgoRuns(
        frozenset(members),
        {key: tuple(found) for key, found in members.items()},
        tuple(always),
        _odd_characters(every),
    )


@cache
def _ago_keys(
    languages: tuple[str, ...],
) -> tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...]:
    """The "ago" alternatives by their longest word (the first of the longest in sorted order):
    that word, and each alternative's index and other words. An alternative without literal
    words is under the key "" (in every text)."""
    keyed: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for index, (_, words) in enumerate(lexicon_for(languages).ago):
        ordered = sorted(set(words))
        key = max(ordered, key=len) if ordered else ""
        keyed.setdefault(key, []).append((index, tuple(w for w in ordered if w != key)))
    return tuple((key, tuple(members)) for key, members in keyed.items())


@cache
def _ago_alternative(languages: tuple[str, ...], index: int) -> re.Pattern[str]:
    alternative = lexicon_for(languages).ago[index][0]
    return re.compile(rf"(?<!\w)(?:{alternative})(?!\w)", re.IGNORECASE)
