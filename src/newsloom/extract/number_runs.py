"""Spelled-out numbers in a language's own words: runs of number words that text2num reads
(``vingt-trois``, ``doscientos``), or that a language table lists (Polish ``dwie``, ``pięciu``),
added to what :mod:`newsloom.extract.numbers` found with its own word lists."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from newsloom.extract import resources
from newsloom.extract.quantity import THOUSAND, Quantity


def with_table_words(
    text: str, table: resources.LanguageTable, found: list[Quantity]
) -> list[Quantity]:
    """Add the spelled-out numbers of a language's own ``[numbers] words`` (Polish ``dwie``,
    ``pięciu``, ``dwadzieścia trzy``): runs of its number words and magnitudes outside ``found``,
    read like :func:`newsloom.extract.numbers.parse_words`. Only in that language's text: ``sto``
    is 100 in Polish and a verb in Italian."""
    values = {**table.words, **dict.fromkeys(table.one_words, 1)}
    starts = [quantity.start for quantity in found]
    ends = [quantity.end for quantity in found]
    absorbed: set[int] = set()  # "pięć tysięcy": a bare magnitude word joins the run before it
    added: list[Quantity] = []
    run: list[re.Match[str]] = []
    for token in _TOKEN.finditer(text):
        lowered = token.group(0).lower()
        at = bisect.bisect_right(starts, token.start()) - 1
        inside = at >= 0 and token.start() < ends[at]
        if run and lowered in table.magnitudes and (not inside or found[at].text == token.group(0)):
            run.append(token)
            if inside:
                absorbed.add(at)
            continue
        if not inside and lowered in values:
            run.append(token)
            continue
        if run:
            added.append(_table_run(text, run, values, table.magnitudes))
        run = []
    if run:
        added.append(_table_run(text, run, values, table.magnitudes))
    added.extend(quantity for index, quantity in enumerate(found) if index not in absorbed)
    return sorted(added, key=lambda quantity: quantity.start)


def _table_run(
    text: str, run: list[re.Match[str]], values: dict[str, int], magnitudes: dict[str, int]
) -> Quantity:
    """One quantity for a run of a table's number words (``dwa tysiące pięćset`` → 2500)."""
    total = current = 0.0
    for token in run:
        word = token.group(0).lower()
        if word in values:
            current += values[word]
        else:
            current = (current or 1) * magnitudes[word]
            if magnitudes[word] >= THOUSAND:
                total, current = total + current, 0.0
    value = total + current
    start, end = run[0].start(), run[-1].end()
    return Quantity(value, value, start, end, text[start:end], written=True)


_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_JOINER_WORDS = frozenset(resources.number_words("joiners"))  # the tables' joiners
MAX_NUMBER_WORDS = 8  # a spelled-out number longer than this is not read as one
# words whose reading is remembered: a long run (a feed watched for months) meets a vocabulary
# that grows without end
WORDS_REMEMBERED = 200_000


@lru_cache(maxsize=WORDS_REMEMBERED)
def _word_value(word: str, language: str) -> float | None:
    """A single token's value through text2num (``vingt-trois`` → 23), or None."""
    from text_to_num import text2num

    try:
        return float(text2num(word, language))
    except ValueError:
        return None


@lru_cache(maxsize=WORDS_REMEMBERED)
def _is_number_word(word: str, language: str) -> bool:
    """Whether text2num reads a lower-case token as a number. "unos", "uns": text2num reads them
    as 1; only the table's one-words count as 1."""
    value = _word_value(word, language)
    if value is None:
        return False
    table = resources.resources_for(language)
    return value != 1 or (table is not None and word in table.one_words)


class _Read:
    """The tokens of a language read so far, as written: those text2num reads as numbers and the
    rest, so that a sentence whose words are all known costs one set test."""

    LIMIT = 200_000  # tokens kept per language; then it starts again (a long run's vocabulary)

    def __init__(self) -> None:
        self.numbers: set[str] = set()
        self.others: set[str] = set()

    def numbers_in(self, words: list[str], language: str) -> set[str]:
        """The number words among ``words``."""
        if self.others.issuperset(words):
            return set()
        if len(self.others) > self.LIMIT:
            self.numbers.clear()
            self.others.clear()
        present = set(words)
        for word in present - self.numbers - self.others:
            (self.numbers if _is_number_word(word.lower(), language) else self.others).add(word)
        return present & self.numbers


_READ: dict[str, _Read] = {}


def with_text2num(text: str, language: str, found: list[Quantity]) -> list[Quantity]:
    """Add spelled-out numbers read by text2num in runs of number words outside ``found``."""
    words = _TOKEN.findall(text)
    present = _READ.setdefault(language, _Read()).numbers_in(words, language)
    if not present:
        return found  # most sentences: no number word, so no run
    if _all_read(text, found, words, present):
        return found  # "un", "dos": the number pattern has read them already
    numbers = [word in present for word in words]
    # ``found`` comes from one finditer: sorted and not overlapping, so the span a token may be
    # inside is the last one starting at or before it (a binary search, not a scan per token)
    starts = [quantity.start for quantity in found]
    ends = [quantity.end for quantity in found]

    def inside(position: int) -> bool:
        at = bisect.bisect_right(starts, position) - 1
        return at >= 0 and position < ends[at]

    tokens = list(_TOKEN.finditer(text))
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for token, word, number in zip(tokens, words, numbers, strict=True):
        lowered = word.lower()
        within = inside(token.start())
        is_number = number and not within
        if is_number and len(run) < MAX_NUMBER_WORDS:
            run.append(token)
            continue
        if run and lowered in _JOINER_WORDS and not within:
            run.append(token)
            continue
        if run:
            runs.append(run)
        run = [token] if is_number else []
    if run:
        runs.append(run)
    added = list(found)
    for run_words in runs:
        while run_words and run_words[-1].group(0).lower() in _JOINER_WORDS:
            run_words = run_words[:-1]
        added.extend(_read_run(text, language, run_words))
    return sorted(added, key=lambda quantity: quantity.start)


def _all_read(text: str, found: list[Quantity], words: list[str], present: set[str]) -> bool:
    """Whether every number word among the tokens ``words`` of ``text`` starts inside a span of
    ``found`` (sorted, not overlapping): the number words counted in all of ``words`` and then
    in the tokens from each span's start (a few words each), not in a second tokenisation of
    the whole text. A span that opens right after a ``-`` or an apostrophe may open inside a
    token (``l'un``): then False, and the caller looks token by token."""
    total = sum(map(present.__contains__, words))
    within = 0
    for quantity in found:
        start = quantity.start
        if start and text[start - 1] in _JOINING_MARKS:
            return False
        for token in _TOKEN.finditer(text, start):
            if token.start() >= quantity.end:
                break
            within += token.group(0) in present
    return within == total


_JOINING_MARKS = "-'’"


def _read_run(text: str, language: str, words: list[re.Match[str]]) -> list[Quantity]:
    """The longest readings of a run of number words, left to right."""
    from text_to_num import text2num

    quantities: list[Quantity] = []
    index = 0
    while index < len(words):
        for end in range(len(words), index, -1):
            start_at, end_at = words[index].start(), words[end - 1].end()
            phrase = text[start_at:end_at]
            try:
                value = float(text2num(re.sub(r"\s+", " ", phrase.lower()), language))
            except ValueError:
                continue
            quantities.append(Quantity(value, value, start_at, end_at, phrase, written=True))
            index = end
            break
        else:
            index += 1
    return quantities
