"""A small rule-based sentence splitter with character offsets (no model, Latin-script languages).

A sentence ends at ``.``, ``!`` or ``?`` (optionally followed by closing quotes) when the next
sentence starts with an upper-case letter, a digit-free dash line or an opening quote. Abbreviations
(``kl.``, ``ca.``, ``bl.a.``, ``Mr.``) and ordinals (``19. januar``, ``76. luftbårne``) do not end a
sentence because what follows is lower-case or a digit, or the word is a known abbreviation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from newsloom.extract.resources import table_words

# words written short with a point that ends no sentence ("kl. 14", "Mr. Smith", "sierż. Jan
# Nowak"): every table's ``abbreviated_words``; a single letter's point ends none either
# (:func:`split_sentences`)
ABBREVIATIONS = frozenset(word.lower() for word in table_words("abbreviated_words"))
# (French, Italian and Portuguese sentences may open with a capital grave or circumflex: "À
# Paris, …", "È quanto ha detto …", "Ça …")
# A sentence may also open with a numeral ("… 3 Wiedereintritte. 98 Gemeindemitglieder sind
# verstorben."), where the word before the point is a word, not a number ("19. januar") and not
# an abbreviation or a month's ("ca. 50", "Jan. 5": :func:`_before_numeral`)
# Both alternatives open with the same point, consumed before the letters of the second are
# looked behind, so that a search skips from point to point (issue 19): the same matches as
# ``[.!?]+[»"…]*(?=…[A-Z…])|(?<=[^\W\d_]{2})[.!?]+[»"…]*(?=\s+\d)``.
_END = re.compile(
    r"[.!?](?:[.!?]*[»\"”’')\]]*(?=\s+[\"“«»„'‘(\[–—-]?\s*[A-ZÆØÅÄÖÜÉÁÍÓÚÑÀÂÈÊÎÔÛÙÌÒÇ¿¡])"
    r"|(?<=[^\W\d_]{2}[.!?])[.!?]*[»\"”’')\]]*(?=\s+\d))"
)
# the last word of a text (``(\w+)\W*$``), matched on the reversed text from its start
_LAST_WORD_BACKWARDS = re.compile(r"\W*(\w+)")


def _last_word(backwards: str, start: int, end: int) -> str | None:
    """The last word of ``text[start:end]``, read in ``backwards``, the text reversed."""
    found = _LAST_WORD_BACKWARDS.match(backwards, len(backwards) - end, len(backwards) - start)
    return found.group(1)[::-1] if found is not None else None


# "… 189 reclusos.También resultaron …": a sentence glued to the one before it (a space lost in
# scraping) — a point between a lower-case word and a capitalised one; "U.S.", "e.V." and
# "nrk.no" do not match. The point comes first and the letters before it are looked behind
# from after it, so that a search jumps from point to point.
_GLUED = re.compile(r"\.(?<=[a-zæøåäöüéáíóúñ]{3}\.)(?=[A-ZÆØÅÄÖÜÉÁÍÓÚÑ][a-zæøåäöüéáíóúñ]{2})")


def _spaced(phrase: str) -> str:
    """``phrase`` as a pattern whose words any run of spaces separates."""
    return r"\s+".join(re.escape(part) for part in phrase.split())


@cache
def _phrase_abbreviations() -> re.Pattern[str]:
    """Abbreviations of several words the language tables list (``n. med.``, Polish "nauk
    medycznych"), ending at a point: their last word alone ends sentences elsewhere (Norwegian
    "med."). Matched at the end of the text searched."""
    phrases = [_spaced(phrase.rstrip(".")) for phrase in table_words("abbreviations")]
    if not phrases:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w.])(?:{'|'.join(phrases)})\.$", re.IGNORECASE)


@cache
def _phrase_last_words() -> re.Pattern[str] | None:
    """The last words of :func:`_phrase_abbreviations` (``med`` of ``n. med.``), which the word
    before a point must be for one to end there; None where one of them is not all word
    characters (then the word tells nothing)."""
    lasts = [phrase.rstrip(".").split()[-1:] for phrase in table_words("abbreviations")]
    if not all(last and re.fullmatch(r"\w+", last[0]) for last in lasts):
        return None
    words = sorted({last[0] for last in lasts})
    return re.compile("|".join(map(re.escape, words)) or "(?!)", re.IGNORECASE)


def _ends_a_phrase(word: str | None) -> bool:
    """Whether a listed abbreviation of several words may end with ``word``, the word before a
    point (:func:`_last_word`): its last word, written without case, is all word characters,
    so it is the whole word before the point; any other word spares the search of the text
    (issue 19)."""
    last = _phrase_last_words()
    return last is None or (word is not None and last.fullmatch(word) is not None)


@cache
def _inner_points() -> re.Pattern[str]:
    """The abbreviations of several words the tables list, matched from their start: a point
    inside one ends no sentence (Spanish "EE. UU.", "RR. EE.": no sentence ends after "EE.").
    A name's last point, written in capitals, ends a sentence as any word's does ("viajó a
    EE. UU. El presidente …"); a title's, lowercase, does not (:func:`_phrase_abbreviations`)."""
    phrases = [_spaced(phrase) for phrase in table_words("abbreviations") if " " in phrase.strip()]
    if not phrases:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w.])(?:{'|'.join(phrases)})", re.IGNORECASE)


def _digit_after(text: str, at: int) -> bool:
    """Whether the first character after ``at`` that is no space is a digit (read in place, not
    by slicing the rest of the text at every point)."""
    while at < len(text) and text[at].isspace():
        at += 1
    return text[at : at + 1].isdigit()


def _before_numeral(word: str | None) -> bool:
    """Whether ``word`` before a point and a numeral is an abbreviation a number follows, not a
    sentence's last word: a month's (CLDR's, in any table's language: "Jan. 5", "sept. 2020"),
    or a short lowercase word (Polish "ok. 30" about, "godz. 14", "tys.", "tel.")."""
    return (
        word is None
        or word.lower() in _month_abbreviations()
        or (word.islower() and len(word) <= MAX_ABBREVIATION)
    )


MAX_ABBREVIATION = 4  # letters of an abbreviation a number follows ("godz.", "ok.", "tys.")


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _month_after(text: str, at: int) -> bool:
    """Whether the word after ``at`` is a month's name (CLDR's, in any table's language, in full:
    an abbreviation may be a word, Polish "sie" German "Sie"), as languages that capitalise
    months write a date ("19. November")."""
    found = _NEXT_WORD.match(text, at)
    return found is not None and found.group(1).lower() in _month_names()


@cache
def _month_names() -> frozenset[str]:
    from newsloom.extract.resources import load_tables, month_names

    return frozenset(name.lower() for code in load_tables() for name in month_names(code))


@cache
def _month_abbreviations() -> frozenset[str]:
    from newsloom.extract.resources import load_tables, month_names

    full = {name.lower() for code in load_tables() for name in month_names(code)}
    return frozenset(
        name.lower()
        for code in load_tables()
        for name in month_names(code, abbreviated=True)
        if name.lower() not in full  # "mars.", "juni." end a sentence
    )


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str, *, glued: bool = False) -> list[Sentence]:
    """Sentences of ``text`` with their character offsets (whitespace between them dropped).

    With ``glued``, a point with no space after it also ends a sentence when a lower-case word
    comes before it and a capitalised word after it (``reclusos.También``; figures use this).
    The last few texts are remembered: quote extraction splits each paragraph more than once."""
    return list(_split_sentences(text, glued))


@lru_cache(maxsize=64)
def _split_sentences(text: str, glued: bool) -> tuple[Sentence, ...]:
    if glued and _GLUED.search(text) is None:
        # no glued point: the plain split, which quote extraction has often just made
        return _split_sentences(text, False)
    sentences: list[Sentence] = []
    backwards = ""  # the text reversed, made where a point may close an abbreviation
    start = 0
    ends = list(_END.finditer(text))
    if glued:
        ends = sorted([*ends, *_GLUED.finditer(text)], key=lambda match: match.start())
    for match in ends:
        if match.group(0) == ".":
            backwards = backwards or text[::-1]
            word = _last_word(backwards, start, match.start())
            if word and (word.lower() in ABBREVIATIONS or len(word) == 1):
                continue
            if _digit_after(text, match.end()) and _before_numeral(word):
                continue  # "Jan. 5", "Abs. 2": an abbreviation before a number
            if word and word.isdigit() and _month_after(text, match.end()):
                continue  # "am 19. November 2018": an ordinal day before its month
            if _inside_abbreviation(text, match.start()):
                continue  # "de EE. UU.": the first point is inside one name
            if (
                _ends_a_phrase(word)
                and _phrase_abbreviations().search(text, start, match.start() + 1)
                and not _capitals_before(text, match.start())
            ):
                continue  # "dr n. med. Anna Nowak": "n. med." is one title
        end = match.end()
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return tuple(sentences)


def points_hidden(text: str) -> str:
    """``text`` with the points of the listed abbreviations of several words written ``_`` (as
    long as it, so that offsets hold): "de EE_ UU_, Mike Pompeo" reads as words and a comma."""
    if "." not in text:
        return text
    return _inner_points().sub(lambda found: found.group(0).replace(".", "_"), text)


def _inside_abbreviation(text: str, point: int) -> bool:
    """Whether the point at ``point`` stands inside a listed abbreviation of several words."""
    return any(
        found.start() < point < found.end() - 1
        for found in _inner_points().finditer(text, max(0, point - 20), point + 20)
    )


def _capitals_before(text: str, point: int) -> bool:
    """Whether the word before the point at ``point`` is written in capitals (a name's
    abbreviation, "UU."), not lowercase (a title's, "med.")."""
    word = re.search(r"(\w+)$", text[max(0, point - 10) : point])
    return word is not None and word.group(1).isupper()


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))
