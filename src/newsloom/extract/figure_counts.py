"""Which numbers in a sentence count people (:mod:`newsloom.extract.figures`): not dates,
years, ages, clock times, ordinals, measures, decimals, money, addresses or parts of a name
(``54-årig``, ``kl. 14.30``, ``76. luftbårne``, ``30 procent``, ``MH-17``), each told by what
stands right before or after the number within a bounded window (extraction stays linear)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.cues import ONE_WORDS, has_cue
from newsloom.extract.figure_words import YEAR_BEFORE_WORDS, month_before, own_measures, unit_words
from newsloom.extract.numbers import AMBIGUOUS_WORDS
from newsloom.extract.quantity import Quantity
from newsloom.extract.resources import own_word_set, words_pattern
from newsloom.extract.subject_words import PERSON_NOUNS
from newsloom.process_cache import compile_pattern

MAX_VALUE = 50_000_000


DAYS_IN_MONTH = 31


# Ambiguous number words and the languages in which they are numbers.
_AMBIGUOUS_LANGUAGES: dict[str, frozenset[str]] = {
    "to": frozenset({"da", "nb", "nn", "no"}),
    "ti": frozenset({"da", "nb", "nn", "no"}),
    "ni": frozenset({"da", "nb", "nn", "no"}),
    "tres": frozenset({"es"}),
    "sex": frozenset({"sv"}),
    "once": frozenset({"es"}),
    "elf": frozenset({"de"}),
    "fire": frozenset({"da", "nb", "nn", "no"}),
    "fem": frozenset({"da", "nb", "nn", "no", "sv"}),
    "seks": frozenset({"da", "nb", "nn", "no"}),
    "tolv": frozenset({"da", "nb", "nn", "no", "sv"}),
}


# The words before a count that name people, as tries (is_count only asks whether one follows:
# a trie turns a word down at its first letters, where the alternation tried each word in turn)
_ADJECTIVES = (
    "svensk norsk dansk finsk islandsk isländsk swedish norwegian danish finnish icelandic ung"
    " ældre eldre äldre yngre"
)
_PEOPLE = (
    "person personer mand mann man kvinde kvinne kvinna dreng gutt pojke pige jente flicka barn"
    " medborgare statsborger borger woman boy girl child citizen hombre mujer sivil civil"
    " civilian soldat soldier betjent politibetjent polis officer demonstrant protester"
    " journalist arbejder arbeider arbetare worker turist tourist passager* niño persona"
    " dødsfal* dödsfall* death arrest* anholdelse* pågripelse*"
)
_PERSON_ADJECTIVES = words_pattern(_ADJECTIVES.split(), whole=False)
_PERSON_WORDS = words_pattern(_PEOPLE.split(), whole=False)
_PERSON_NOUN = compile_pattern(
    rf"\s+(?:(?:{_PERSON_ADJECTIVES}|\w+årig|\w+-årig)\w*\s+)?(?:{_PERSON_WORDS})\b"
    rf"|\s+{PERSON_NOUNS}",
    re.IGNORECASE,
)


# "eine von ihnen starb", "one of them died", "uno de ellos murió": one person of a group
_ONE_OF_THEM = re.compile(
    r"\s+(?:af|av|of|de|von|di|van|z|d')\s*(?:dem|dei|them|those|ellos|ellas|ihnen|eux|elles"
    r"|loro|eles|elas|hen|nich)\b",
    re.IGNORECASE,
)


_ADDRESS_BEFORE = re.compile(
    r"(?<!\w)(?:vej|vei|gade|gate|gata|väg|vägen|veien|vejen|gaden|gatan|street|road|avenue|allé|plads"
    r"|plass|torg|nr|nummer|number|no|calle|avenida|side|sida|page|kapitel|chapter|paragraf"
    r"|bus|linje|line|flight|fly|route|rute|(?-i:E)|rv)\.?\s*$",
    re.IGNORECASE,
)


CONTEXT_WINDOW = 300  # characters around a number its tests look at (keeps extraction linear)


_CLOCK_BEFORE = re.compile(
    r"(?<!\w)(?:kl\.?|klokken|klokka|klockan|um|a las|hacia las|godz\.?|godzinie|ore|às)\s*$",
    re.IGNORECASE,
)


_CLOCK_AFTER = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?|o'clock|uhr|horas|h)\b", re.IGNORECASE)


_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥]|US\$|kr\.?|DKK|NOK|SEK|EUR|USD)\s*$", re.IGNORECASE)


_YEAR_RANGE_AFTER = re.compile(
    r"\s+(?:y|and|og|och|et|e|und|en|to|til|till|à|a|bis)\s+(?:1[89]|20)\d\d\b", re.IGNORECASE
)


_YEAR_RANGE_BEFORE = re.compile(
    r"\b(?:1[89]|20)\d\d(?:\s*[-–]\s*|\s+(?:y|and|og|och|et|e|und|en|to|til|till|à|a|bis)\s+)$",
    re.IGNORECASE,
)


# one word between a number and its unit ("nuevos casos", "weitere Jahre")
_WORD_BEFORE_UNIT = re.compile(r"\s+([^\W\d_][\w-]*)\s+")
_GRAMMAR_FIELDS = ("linking_prepositions", "joiners", "subject_coordinators", "or_words")

# "1948, 1967, 2008": a number after a year and a comma is one of a list of years.
_YEAR_LIST_BEFORE = re.compile(r"\b(?:1[89]|20)\d\d\s*,\s*$")

# A year-like number that ends its sentence with no noun after it ("starb 2018.") is a year: a
# count written in those digits names whom it counts ("starben 2018 Menschen").
_SENTENCE_END_AFTER = re.compile(r"(?:\.\.\.|…)?\s*[.!?;](?:\s|$)")


_YEAR_BEFORE = re.compile(
    r"(?:\b(?:i|in|en|im|år|året|siden|since|desde|sedan|fra|from|frem til|until|til|del|de|"
    rf"of|år|vinter|sommer|forår|efterår|høst|valget|election)|(?<!\w){YEAR_BEFORE_WORDS}|[(/])\s*$",
    re.IGNORECASE,
)


_DECADE_AFTER = re.compile(r"['’]?(?:erne|erna|ene|s)\b")


_NAME_BEFORE = re.compile(r"[^\W\d_]-$")


_ORDINAL_AFTER = re.compile(r"\.\s*[a-zæøåäöéü]|\.\s+\S|(?:st|nd|rd|th|º|ª|e|te)\b")


_PERCENT_AFTER = re.compile(r"\s*%")


# The longest text the context tests below match before the whitespace that ends them:
# "paragraf.", "hacia las", "US$"
_ADDRESS_REACH = 9


_CLOCK_REACH = 9


_CURRENCY_REACH = 3


_BRACKET_BEFORE = re.compile(r"\(\s*$")


def ends_within(pattern: re.Pattern[str], before: str, reach: int) -> bool:
    """``pattern.search(before)`` for a pattern of at most ``reach`` characters and then only
    whitespace up to the end (``…\\s*$``): such a match starts within ``reach`` characters of
    where the trailing whitespace begins, so it is searched from there, not from the start of
    the context window (the look-behinds still see the text before)."""
    end = len(before)
    while end and before[end - 1].isspace():
        end -= 1
    return pattern.search(before, max(0, end - reach)) is not None


# the first and the last of three or more numbers joined by dashes (a phone number, a date, a
# case number): no head count; two are a range ("450-500 soldados")
_DIGIT_CHAIN_AFTER = re.compile(r"[-–]\d+[-–]\d")
_DIGIT_CHAIN_BEFORE = re.compile(r"\d[-–]\d+[-–]$")


_NUMBER_AFTER_DASH = re.compile(r"[-–](\d+)(?!\d|[.,]\d)")
_NUMBER_BEFORE_DASH = re.compile(r"(?<![\d.,])(\d+)[-–]$")


def _falling_pair(quantity: Quantity, before: str, after: str) -> bool:
    """Whether the number is one of two joined by a dash whose second is smaller than the first:
    no range (a range goes up: "450-500 soldados") but a case number or a score."""
    following = _NUMBER_AFTER_DASH.match(after)
    if following is not None and int(following.group(1)) < quantity.low:
        return True
    preceding = _NUMBER_BEFORE_DASH.search(before)
    return preceding is not None and int(preceding.group(1)) > quantity.high


def _unit_after_a_word(after: str, language: str | None) -> bool:
    """``37 nuevos casos``, ``20 new cases``: one word, then a unit of the language. The word
    is no casualty word and none of the language's words of grammar (``cientos de miles``: "de"
    then the Spanish thousands, not English miles; ``miles y miles``)."""
    between = _WORD_BEFORE_UNIT.match(after)
    if language is None or between is None:
        return False
    if not own_measures(language).match(after, between.end()):
        return False
    word = between[1].lower()
    return word not in own_word_set(language, *_GRAMMAR_FIELDS) and not has_cue(word, language)


def is_count(
    quantity: Quantity, text: str, language: str | None, time_spans: Sequence[tuple[int, int]]
) -> bool:
    """False for dates, years, ages, clock times, ordinals, measures, decimals, money."""
    before = text[max(0, quantity.start - CONTEXT_WINDOW) : quantity.start]  # bounded: linear
    after = text[quantity.end : quantity.end + CONTEXT_WINDOW]
    word = quantity.text.lower()
    if word in ONE_WORDS:
        return _PERSON_NOUN.match(after) is not None or _ONE_OF_THEM.match(after) is not None
    if word in AMBIGUOUS_WORDS and (
        word not in _AMBIGUOUS_LANGUAGES or language not in _AMBIGUOUS_LANGUAGES[word]
    ):
        return False
    if _DECADE_AFTER.match(after) or ends_within(_ADDRESS_BEFORE, before, _ADDRESS_REACH):
        return False  # decades ("70'erne", "1990s"), addresses, page and line numbers
    if ends_within(_NAME_BEFORE, before, 2):
        return False  # part of a name: "covid-19", "MH-17", "F-16"
    if any(start < quantity.end and quantity.start < end for start, end in time_spans):
        return False
    if _ORDINAL_AFTER.match(after):
        return False  # ordinal: "76. luftbårne", "19. januar", "3rd"
    if unit_words(language).match(after.lstrip(" -–")):
        return False
    if _unit_after_a_word(after, language):
        return False
    if _PERCENT_AFTER.match(after) or ends_within(_CURRENCY_BEFORE, before, _CURRENCY_REACH):
        return False
    if not quantity.written and not quantity.vague:
        digits = quantity.text
        if quantity.high <= DAYS_IN_MONTH and month_before(language).search(before):
            return False  # "Jan 1": a day
        if (
            ends_within(_CLOCK_BEFORE, before, _CLOCK_REACH)
            or _CLOCK_AFTER.match(after)
            or re.fullmatch(r"\d{1,2}[:.]\d{2}", digits)
        ):
            return False
        if quantity.low != int(quantity.low):
            return False  # decimals are measures, not head counts ("2,5 millioner" has a magnitude)
        if re.fullmatch(r"(?:1[89]|20)\d\d", digits) and (
            _YEAR_BEFORE.search(before)
            or re.match(r"\s*[,)/:]", after)
            or re.match(r"[-–](?:1[89]|20)?\d\d\b", after)  # "2010-2011", "2010–11"
            or _YEAR_RANGE_AFTER.match(after)  # "entre 1984 y 2014"
            or _YEAR_RANGE_BEFORE.search(before)
            or _YEAR_LIST_BEFORE.search(before)
            or _SENTENCE_END_AFTER.match(after)
            or not after.strip()
        ):
            return False
        if ends_within(_BRACKET_BEFORE, before, 1) and re.match(r"\s*\)", after):
            return False  # "Anna Berg (19)": an age in brackets
        if re.match(r"\s*[/:]\s*\d", after) or re.search(r"\d\s*[/:]\s*$", before):
            return False  # scores, ratios, dates "4/1"
        if (
            _DIGIT_CHAIN_AFTER.match(after)
            or _DIGIT_CHAIN_BEFORE.search(before)
            or (after[:1] in "-–" and after[1:2].isdigit() and re.search(r"\d[-–]$", before))
        ):
            return False  # one of three or more numbers joined: "1-866-411-8477", "2020-01-05"
        if _falling_pair(quantity, before, after):
            return False  # "200618-3", a case number; "5-4", a score: a range goes up
    return not (quantity.low <= 0 or quantity.high > MAX_VALUE)
