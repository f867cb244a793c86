"""The snippet shown under a search hit: the stretch of body text with most matched words.

Made the same way for SQLite and PostgreSQL, from the words of the query and their keys
(:func:`newsloom.store.fulltext.term_keys`), so a word found through its spelling variant
(``Ukraina`` for ``Ukraine``) is marked as well as one written as searched. Matched words
are wrapped in :data:`MARK_START` … :data:`MARK_END` (private-use characters; pages turn them into
``<mark>``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from newsloom.store.fulltext import term_keys, word_key
from newsloom.store.query_syntax import WORD, Term

MARK_START = "\ue000"
MARK_END = "\ue001"
# a query word this long also marks longer words it begins (an inflection, as a stemmer finds)
STEM_LENGTH = 4


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Marker:
    """Which words of a text a query's terms match."""

    words: frozenset[str]  # plain (case- and accent-folded) words of the query
    prefixes: tuple[str, ...]  # plain words, or keys, that may go on
    keys: frozenset[str]  # one-word keys of the terms

    @classmethod
    def of(cls, terms: Sequence[Term]) -> Marker:
        words: set[str] = set()
        prefixes: list[str] = []
        keys: set[str] = set()
        for term in terms:
            plain = [_plain(word) for word in term.words]
            words.update(plain)
            prefixes += [word for word in plain if len(word) >= STEM_LENGTH]
            for sequence in term_keys(term):
                keys.update(sequence)
                if term.prefix:
                    prefixes.append(sequence[-1])
            if term.prefix:
                prefixes.append(plain[-1])
        return cls(frozenset(words), tuple(prefixes), frozenset(keys))

    def matches(self, word: str) -> bool:
        plain = _plain(word)
        if plain in self.words or plain.startswith(self.prefixes):
            return True
        key = word_key(word)
        return key in self.keys or key.startswith(self.prefixes)


def snippet(text: str, marker: Marker, words: int = 16) -> str:
    """The ``words``-word stretch of ``text`` with most matches (the first such), matches marked,
    ``…`` where text was cut."""
    spans = [(match.start(), match.end()) for match in WORD.finditer(text)]
    if not spans:
        return ""
    hits = [marker.matches(text[start:end]) for start, end in spans]
    best, best_count, count = 0, -1, 0
    for index in range(len(spans)):
        count += hits[index]
        if index >= words:
            count -= hits[index - words]
        first = max(0, index - words + 1)
        if count > best_count:
            best, best_count = first, count
    last = min(len(spans), best + words) - 1
    pieces: list[str] = ["… "] if best > 0 else []
    position = spans[best][0] if best > 0 else 0
    for index in range(best, last + 1):
        start, end = spans[index]
        pieces.append(text[position:start])
        word = text[start:end]
        pieces.append(f"{MARK_START}{word}{MARK_END}" if hits[index] else word)
        position = end
    cut = last + 1 < len(spans)
    pieces.append(text[position : spans[last + 1][0] if cut else len(text)])
    if cut:
        pieces.append(" …")
    return " ".join("".join(pieces).split())
