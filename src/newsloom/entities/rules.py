"""Rule-based named entities for languages without a trained model (English, other Latin script).

Capitalised word sequences that do not merely start a sentence are candidates; their type comes from
a country/city gazetteer (the exonym table), cue words (``Ministry``, ``Party``, ``River``),
titles before a name (``President``, ``Mr``) and the preposition before it (``in``, ``from``).
Quality is modest and stated in ``docs/ner.md``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress
from operator import itemgetter, methodcaller

from newsloom.assign.features import is_known_word
from newsloom.entities.conll import Span
from newsloom.entities.exonyms import is_place_name


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# a word (letters, then word characters and inner ``'’.-``, ending in a word character), a number
# (inner ``.,``) or any other character; possessive, since no match ever gives back what it took
_TOKEN = re.compile(r"[^\W\d_]\w*+(?:['’.-]++\w++)*+|\d++(?:[.,]\d++)*+|\S")
_SENTENCE_END = frozenset({".", "!", "?", ":", "…", "\u201c", '"', "«", "»", "—", "–", "-"})
_CONNECTORS = frozenset({"of", "for", "de", "la", "von", "van", "der", "al", "bin"})
_ORG_CUES = _words(
    """
    agency airlines airways alliance association assembly authority bank board bureau church
    club co college commission committee company congress corp corporation council court
    department federation foundation front fund group inc institute league limited ltd
    ministry movement nations news office organisation organization parliament party police
    press reserve service society times tribunal union university house
    """
)
_LOC_CUES = _words(
    """
    avenue bay city coast county district island islands lake mount mountain mountains ocean
    province region republic river road sea square state street valley
    """
)
_EVENT_CUES = _words(
    """
    championship conference cup festival games olympics summit war
    """
)
_PERSON_TITLES = _words(
    """
    mr mrs ms dr president minister chancellor prime premier king queen prince princess
    senator governor mayor general colonel secretary spokesman spokeswoman spokesperson
    chairman pope sir lady lord judge journalist blogger correspondent
    """
)
_PLACE_PREPOSITIONS = frozenset({"in", "from", "to", "near", "across", "into", "throughout", "at"})
_NOT_NAMES = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december i
    """
)
_TITLE_QUALIFIERS = _words("of state foreign defence defense interior finance justice deputy vice")
# Well-known organisations that news text names without a cue word: agencies, media, platforms.
_KNOWN_ORGS = _words(
    """
    reuters afp ap bloomberg bbc cnn dpa tass xinhua ritzau ntb tt interfax efe ansa kyodo yonhap
    twitter facebook instagram tiktok youtube google apple amazon microsoft meta tesla spacex
    openai nvidia samsung toyota volvo ericsson nokia ikea maersk equinor
    """
)
_TITLE_WORDS = _PERSON_TITLES | _TITLE_QUALIFIERS
_FUNCTION_WORDS = _words(
    """
    a an the this that these those there here it its he she they we i you his her their our
    my your in on at of for from to by with as but and or if when while after before since
    during what who why how where which not no yes all some many most more also so then than
    """
)


_FIRST = itemgetter(slice(None, 1))  # a word's first character ("" for an empty word)
_MATCHED = methodcaller("group")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split text into (word, start, end); a word never ends in a dot (``U.S`` then ``.``)."""
    return [(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(text)]


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and (word[0].isalpha() or any(ch.isalpha() for ch in word))


def _acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return 2 <= len(letters) <= 6 and all(ch.isupper() for ch in letters)


def _common_word(word: str, language: str) -> bool:
    lowered = word.lower()
    if lowered in _FUNCTION_WORDS:
        return True
    if lowered in _KNOWN_ORGS or is_place_name(word):
        return False
    return is_known_word(lowered, language) and not _acronym(word)


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) and len(word) > 2 else word


@lru_cache(maxsize=100_000)  # names recur, and with them the words before them
def _label(words: tuple[str, ...], before: str | None) -> str:
    bare = [_without_possessive(word) for word in words]
    lowered = [word.lower() for word in bare]
    name = " ".join(bare)
    if lowered[-1] in _ORG_CUES or lowered[0] in _ORG_CUES or name.lower() in _KNOWN_ORGS:
        return "ORG"
    if lowered[-1] in _EVENT_CUES:
        return "EVT"
    if is_place_name(name) or lowered[-1] in _LOC_CUES:
        return "LOC"
    if before is not None and before.lower() in _TITLE_WORDS:
        return "PER"
    if len(words) == 1 and _acronym(words[0]):
        return "ORG"
    if before is not None and before.lower() in _PLACE_PREPOSITIONS and len(words) == 1:
        return "LOC"
    return "PER" if len(words) >= 2 else "MISC"


def find_spans(words: Sequence[str], language: str = "en") -> list[Span]:
    """Entity spans (token indices) in one tokenised text by capitalisation and cue rules."""
    spans: list[Span] = []
    index = 0
    count = len(words)
    # only a word whose first character is a capital can open a span: the others are skipped
    firsts = map(str.isupper, map(_FIRST, words))
    for candidate in list(compress(range(count), firsts)):
        if candidate < index:
            continue
        index = candidate
        word = words[index]
        if not _capitalised(word) or (index > 0 and words[index - 1] in ("@", "#")):
            continue
        end = index + 1
        while end < count:
            if _capitalised(words[end]):
                end += 1
            elif words[end] in _CONNECTORS and end + 1 < count and _capitalised(words[end + 1]):
                end += 2
            else:
                break
        start = index
        sentence_start = index == 0 or words[index - 1] in _SENTENCE_END
        titled = False
        while start < end and (
            words[start].lower() in _PERSON_TITLES
            or (titled and words[start].lower() in _TITLE_QUALIFIERS)
            or (start == index and sentence_start and _common_word(words[start], language))
        ):
            titled = titled or words[start].lower() in _PERSON_TITLES
            start += 1
        while start < end and words[end - 1].lower() in _NOT_NAMES:
            end -= 1
        if start < end and not (end - start == 1 and words[start].lower() in _NOT_NAMES):
            before = words[start - 1] if start > 0 else None
            spans.append(Span(start, end, _label(tuple(words[start:end]), before)))
        index = max(end, index + 1)
    return spans


def find_entities_in_text(text: str, language: str = "en") -> list[tuple[int, int, str]]:
    """Entities in a text as (start character, end character, label)."""
    # the tokens of :func:`tokenize`, their words read in C and their offsets only at spans
    tokens = list(_TOKEN.finditer(text))
    words = list(map(_MATCHED, tokens))
    found: list[tuple[int, int, str]] = []
    for span in find_spans(words, language):
        start = tokens[span.start].start()
        end = tokens[span.end - 1].end()
        if text[start:end].endswith(("'s", "’s")):
            end -= 2
        found.append((start, end, span.label))
    return found
