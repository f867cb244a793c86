"""Numbers in news text: digits, number words and vague quantities, as ranges.

Covers Danish, Norwegian (Bokmål and Nynorsk), Swedish, English, Spanish and German. Every match is
a :class:`Quantity` with a ``low``/``high`` range: an exact number has ``low == high``; a vague one
(``dusinvis``, ``hundreds``, ``flere hundre``, ``miles``) spans the range the phrase allows.

Conventions for vague quantities (documented so figure tracks can compare them):

- dozens (``dusinvis``, ``dozens``, ``docenas``, ``Dutzende``) → 24–99
- scores / tens (``snesevis``, ``titals``, ``tiotals``, ``decenas``) → 20–99
- hundreds (``hundredvis``, ``hundreder``, ``hundratals``, ``cientos``) → 200–999
- thousands (``tusindvis``, ``tusenvis``, ``thousands``, ``miles``) → 2000–9999
- tens of thousands (``titusindvis``, ``tens of thousands``, ``decenas de miles``) → 20000–99999
- "several" / "some" before a magnitude (``flere hundre``, ``noen tusen``, ``several hundred``)
  → 2–9 times the magnitude (``noen``/``some``/``a few`` from 1 times for thousands: 1000–9999)
- a bare "several"/"many" is not a number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.extract import resources
from newsloom.extract.letter_skip import cased_words_pattern
from newsloom.extract.number_runs import with_table_words, with_text2num
from newsloom.extract.quantity import THOUSAND, Quantity
from newsloom.process_cache import compile_pattern

UNITS: dict[str, int] = {}
for _value, _words in {
    1: "en et ein eitt ett én éin eín one a an uno una un ein eine einer",
    2: "to två two dos zwei",
    3: "tre three tres drei",
    4: "fire fyra four cuatro vier",
    5: "fem five cinco fünf",
    6: "seks sex six seis sechs",
    7: "syv sju seven siete sieben",
    8: "otte åtte åtta eight ocho acht",
    9: "ni nio nine nueve neun",
    10: "ti tio ten diez zehn",
    11: "elleve elva eleven once elf",
    12: "tolv twelve doce zwölf",
    13: "tretten tretton thirteen trece dreizehn",
    14: "fjorten fjorton fourteen catorce vierzehn",
    15: "femten femton fifteen quince fünfzehn",
    16: "seksten sexton sixteen dieciséis sechzehn",
    17: "sytten sjutton seventeen diecisiete siebzehn",
    18: "atten arton aderton eighteen dieciocho achtzehn",
    19: "nitten nitton nineteen diecinueve neunzehn",
    20: "tyve tjue tjugo twenty veinte zwanzig",
    30: "tredive tretti tredve trettio thirty treinta dreißig",
    40: "fyrre førti fyrtio forty cuarenta vierzig",
    50: "halvtreds femti femtio fifty cincuenta fünfzig",
    60: "tres seksti sextio sixty sesenta sechzig",
    70: "halvfjerds sytti sjuttio seventy setenta siebzig",
    80: "firs åtti åttio eighty ochenta achtzig",
    90: "halvfems nitti nittio ninety noventa neunzig",
}.items():
    for _word in _words.split():
        UNITS.setdefault(_word, _value)
# "tres" is 3 in Spanish and 60 in Danish; "en"/"a" are articles as often as numbers: these
# ambiguous words count only before a magnitude word or a figure cue (see figures.py).
AMBIGUOUS_WORDS = frozenset(
    {
        "en",
        "et",
        "ein",
        "eitt",
        "ett",
        "a",
        "an",
        "un",
        "una",
        "uno",
        "tres",
        "ni",
        "to",
        "ti",
        "sex",
        "once",
        "elf",
        "eine",
        "einer",
        "fire",
        "fem",
        "seks",
        "tolv",
    }
)

MAGNITUDES: dict[str, int] = {}
for _value, _words in {
    100: "hundrede hundred hundre hundra cien ciento cientos hundert",
    1000: "tusind tusinde tusen thousand mil tausend",
    1_000_000: "million millioner millionen millones millón miljon miljoner mio",
}.items():
    for _word in _words.split():
        MAGNITUDES[_word] = _value
for _table in resources.load_tables().values():
    for _word, _value in _table.magnitudes.items():
        MAGNITUDES.setdefault(_word, _value)
# "une vingtaine", "una ventina", "une centaine": about a number (the tables' approximate words)
APPROXIMATE: dict[str, int] = {
    word: value
    for table in resources.load_tables().values()
    for word, value in table.approximate.items()
}

# Vague quantities written as one word (or a fixed phrase), with their ranges and the English
# word a reader is shown for the range (``vague_name``).
VAGUE: dict[str, tuple[float, float]] = {}
VAGUE_NAMES: dict[tuple[float, float], str] = {}
for _range, (_name, _phrases) in {
    (24.0, 99.0): ("dozens", "dusinvis|dussinvis|dussintals|dozens|docenas|dutzende"),
    (20.0, 99.0): ("scores", "snesevis|titals|tiotals|scores|tientallen|decenas|titalls"),
    (200.0, 999.0): (
        "hundreds",
        "hundredvis|hundrevis|hundreder|hundratals|hundreds|cientos|centenares|hunderte|hunderten",
    ),
    (2000.0, 9999.0): (
        "thousands",
        "tusindvis|tusenvis|tusentals|thousands|miles|millares|tausende",
    ),
    (20000.0, 99999.0): (
        "tens of thousands",
        "titusindvis|titusinder|titusenvis|titusener|tiotusentals|tens of thousands"
        "|decenas de miles|zehntausende",
    ),
    (200000.0, 999999.0): (
        "hundreds of thousands",
        "hundredtusindvis|hundretusenvis|hundratusentals|hundreds of thousands|cientos de miles"
        "|centenares de miles|hunderttausende",
    ),
}.items():
    VAGUE_NAMES[_range] = _name
    for _phrase in _phrases.split("|"):
        VAGUE[_phrase] = _range
for _table in resources.load_tables().values():
    for _name, _phrases_list in _table.vague.items():
        for _phrase in _phrases_list:
            VAGUE.setdefault(_phrase, resources.VAGUE_RANGES[_name])

# "flere hundre", "several hundred", "noen tusen", "et par hundrede": a few times a magnitude.
SEVERAL: dict[str, tuple[float, float]] = {}
SEVERAL_NAMES: dict[tuple[float, float], str] = {}
for _range, (_name, _words) in {
    (2.0, 9.0): ("several", "flere|flera|several|varios|varias|mehrere|adskillige"),
    (1.0, 9.0): (
        "a few",
        "noen|nogle|några|some|a few|algunos|algunas|einige|et par|ett par|eit par|ein par",
    ),
}.items():
    SEVERAL_NAMES[_range] = _name
    for _word in _words.split("|"):
        SEVERAL[_word] = _range
for _word in resources.number_words("several"):
    SEVERAL.setdefault(_word, (2.0, 9.0))


def several_range(factor: tuple[float, float], magnitude: int) -> tuple[float, float]:
    """``flere hundre`` → 200–999: the factors times the magnitude, up to the next factor."""
    low, high = factor
    if magnitude < 1_000_000:
        return low * magnitude, high * magnitude + magnitude - 1
    return low * magnitude, high * magnitude


def vague_name(low: float, high: float) -> str | None:
    """The words for a vague quantity's range (24–99 → ``dozens``), None for any other range.

    Figure tracks store a vague count as the range the phrase allows; this names it again for
    a reader, so that "dozens" is shown as a word and never as a 24–99 bar.
    """
    if (low, high) in VAGUE_NAMES:
        return VAGUE_NAMES[(low, high)]
    for factor, name in SEVERAL_NAMES.items():
        for word, magnitude in _MAGNITUDE_NAMES.items():
            if several_range(factor, magnitude) == (low, high):
                return f"{name} {word}"
    return None


_MAGNITUDE_NAMES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_WORD = r"[^\W\d_]+"
_DIGITS = (
    # 1.000 / 1,000 / 1 000
    r"\d{1,3}(?:(?:[.,](?=\d{3}\b)|\s(?=\d{3}\b(?![.,:]\d)))\d{3})+(?:,\d+)?"
    r"|\d+(?:[.,]\d+)?"
)
# tries of the word lists (a space matches any whitespace): each start costs a walk down the
# trie instead of a try of every word
_UNIT_WORDS = resources.words_pattern((w for w, v in UNITS.items() if v < 10), whole=False)
_TENS_WORDS = resources.words_pattern((w for w, v in UNITS.items() if v >= 20), whole=False)
_VAGUE_WORDS = resources.words_pattern(VAGUE, whole=False)
_SEVERAL_WORDS = resources.words_pattern(SEVERAL, whole=False)
_ALL_UNIT_WORDS = resources.words_pattern(UNITS, whole=False)
_MAGNITUDE_WORDS = resources.words_pattern(MAGNITUDES, whole=False)
_THOUSAND_WORDS = resources.words_pattern(
    (w for w, v in MAGNITUDES.items() if v == THOUSAND), whole=False
)
# right after a thousand word ("tres mil 315"): one fixed-width look-behind per word
_AFTER_THOUSAND = (
    "(?:"
    + "|".join(
        rf"(?<={re.escape(w)})" for w, v in MAGNITUDES.items() if v == THOUSAND and " " not in w
    )
    + ")"
)
_BASE_NUMBER = (
    rf"(?:{_UNIT_WORDS})og(?:{_TENS_WORDS})"  # Danish "femogtyve"
    rf"|(?:{_TENS_WORDS})(?:{_UNIT_WORDS})"  # Swedish/Norwegian "tjugofem", "tjuefem"
    rf"|(?:{_TENS_WORDS})-(?:{_UNIT_WORDS})"  # English "twenty-five"
    rf"|(?:{_ALL_UNIT_WORDS})"
)
# A spelled-out number: "otte", "tre hundrede", "seks hundre og tretti", "hundred".
_WORD_NUMBER = (
    rf"(?:{_BASE_NUMBER})(?:\s+(?:{_MAGNITUDE_WORDS})"
    rf"(?:\s+(?:og|and|y|und|och)\s+(?:{_BASE_NUMBER}))?)?"
    rf"|(?:{_MAGNITUDE_WORDS})"
)


def _opening_words() -> str:
    """What a match of the number pattern can open with, as one trie: a digit or one of these
    words, whole or (``*``) as the start of a longer one. It is a quick test at every word start
    before the pattern's branches are tried one after another (most words open no number); it
    never rejects a start the branches would match, so the matches are the same without it."""
    entries = {"ett", "hundra*", "tio*", "une", "una", "un", "uma", "um", "een", "ein", "a", "an"}
    for word, value in UNITS.items():
        entries.add(word)  # "tre", or a unit before its magnitude
        if value < 10:
            entries.add(word + "og*")  # Danish "femogtyve"
        elif value >= 20:
            entries.add(word + "*")  # "tjugofem", "twenty-five", "fyrtiotal"
    for words in (MAGNITUDES, VAGUE, SEVERAL, APPROXIMATE):
        entries.update(phrase.split()[0] for phrase in words)  # whole words: a space follows
    return cased_words_pattern(entries)  # a word start's first letter turned down at one test each


_NUMBER_START = r"(?<![\w.,])"
_NUMBER_OPENING = rf"(?=\d|{_opening_words()})"
_NUMBER_BRANCHES = (
    r"(?:"
    rf"(?P<vague>{_VAGUE_WORDS})"
    rf"|(?P<several>{_SEVERAL_WORDS})\s+(?P<several_magnitude>{_MAGNITUDE_WORDS})"
    rf"|(?P<digits>{_DIGITS})(?:\s+(?:(?P<digit_thousand>{_THOUSAND_WORDS})\s+"
    rf"(?P<digit_rest>\d{{3}})(?![\d.,]?\d)"  # "11 mil 612": 11,612 (Mexican agency style)
    rf"|(?P<digit_magnitude>{_MAGNITUDE_WORDS})))?"
    rf"|(?:ett\s+)?(?P<approximate>{_TENS_WORDS}|hundra|tio)tal"
    rf"|(?:(?:une|una|un|uma|um|een|ein|a|an)\s+)?(?P<approximate_word>"
    rf"{resources.words_pattern(APPROXIMATE)})"
    rf"|(?P<words>{_WORD_NUMBER})(?:{_AFTER_THOUSAND}\s+(?P<words_rest>\d{{3}})(?![\d.,]?\d))?"
    rf")(?![\w])"
)
NUMBER_PATTERN = compile_pattern(_NUMBER_START + _NUMBER_OPENING + _NUMBER_BRANCHES, re.IGNORECASE)


def parse_digits(text: str) -> float:
    """``1.000`` / ``1,000`` / ``1 000`` → 1000; ``2,5`` / ``2.5`` → 2.5."""
    compact = re.sub(r"\s", "", text)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", compact):
        return float(re.sub(r"[.,]", "", compact))
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+,\d+", compact):
        head, tail = compact.rsplit(",", 1)
        return float(re.sub(r"[.,]", "", head) + "." + tail)
    return float(compact.replace(",", "."))


_WORD_PARTS = compile_pattern(r"[\s-]+|(?<=[a-zæøå])og(?=[a-zæøå])")


@lru_cache(maxsize=4096)
def parse_words(text: str) -> float | None:
    """Spelled-out numbers: ``otte`` → 8, ``tre hundrede`` → 300, ``femogtyve`` → 25."""
    parts = [p for p in _WORD_PARTS.split(text.lower()) if p]
    parts = [p for p in parts if p not in ("og", "and", "y", "und", "och")]
    total = 0.0
    current = 0.0
    seen = False
    for part in parts:
        if part in UNITS:
            current += UNITS[part]
            seen = True
        elif part in MAGNITUDES:
            current = (current or 1) * MAGNITUDES[part]
            if MAGNITUDES[part] >= 1000:
                total += current
                current = 0
            seen = True
        else:
            compound = _split_compound(part)
            if compound is None:
                return None
            current += compound
            seen = True
    return total + current if seen else None


def _split_compound(word: str) -> int | None:
    for tens, value in UNITS.items():
        if value >= 20 and word.startswith(tens) and UNITS.get(word[len(tens) :], 10) < 10:
            return value + UNITS[word[len(tens) :]]
    return None


# the branch of NUMBER_PATTERN a match took, by the name of the last group it closed
# (``Match.lastgroup``): each branch closes its own groups only
_BRANCHES = {
    "approximate": "approximate",
    "approximate_word": "approximate",
    "vague": "vague",
    "several_magnitude": "several",
    "digits": "digits",
    "digit_rest": "digits",
    "digit_magnitude": "digits",
    "words": "words",
    "words_rest": "words",
}


def find_quantities(text: str, language: str | None = None) -> list[Quantity]:
    """Every number-like phrase in ``text`` with its value range (no filtering of dates etc.).

    With a ``language`` whose table reads number words through text2num, its spelled-out numbers
    (``vingt-trois``, ``duecento``, ``drieëntwintig``) are found too."""
    found: list[Quantity] = []
    for match in NUMBER_PATTERN.finditer(text):
        phrase = match.group(0)
        branch = _BRANCHES[match.lastgroup or ""]  # one look-up, not a test of each group
        if branch == "approximate":
            # "ett fyrtiotal", "une vingtaine", "una ventina": about a number
            if match.lastgroup == "approximate_word":
                value = float(APPROXIMATE[match.group("approximate_word").lower()])
            else:
                word = match.group("approximate").lower()
                value = float(UNITS.get(word) or MAGNITUDES.get(word) or 10)
            found.append(
                Quantity(
                    value,
                    value,
                    match.start(),
                    match.end(),
                    phrase,
                    vague=True,
                    written=True,
                    implied_qualifier="about",
                )
            )
        elif branch == "vague":
            low, high = VAGUE[match.group("vague").lower()]
            found.append(
                Quantity(low, high, match.start(), match.end(), phrase, vague=True, written=True)
            )
        elif branch == "several":
            magnitude = MAGNITUDES[match.group("several_magnitude").lower()]
            low, high = several_range(SEVERAL[match.group("several").lower()], magnitude)
            found.append(
                Quantity(
                    low,
                    high,
                    match.start(),
                    match.end(),
                    phrase,
                    vague=True,
                    written=True,
                )
            )
        elif branch == "digits":
            value = parse_digits(match.group("digits"))
            if match.group("digit_magnitude"):
                value *= MAGNITUDES[match.group("digit_magnitude").lower()]
            elif match.group("digit_rest"):
                value = value * THOUSAND + int(match.group("digit_rest"))
            found.append(Quantity(value, value, match.start(), match.end(), phrase))
        else:
            value_or_none = parse_words(match.group("words"))
            if value_or_none is not None and match.group("words_rest"):
                value_or_none += int(match.group("words_rest"))
            if value_or_none is not None:
                found.append(
                    Quantity(
                        value_or_none,
                        value_or_none,
                        match.start(),
                        match.end(),
                        phrase,
                        written=True,
                    )
                )
    table = resources.resources_for(language)
    if table is not None and table.number_engine == "text2num":
        found = with_text2num(text, table.code, found)
    elif table is not None and table.words:
        found = with_table_words(text, table, found)
    return found
