"""Word-list patterns written so that a search skips to their first letters (issue 19).

``(?<![\\w'’-])(?:according to|ifølge|…)`` searched without case is tried at every character of
every paragraph: the engine can only skip ahead to a character in a set when the pattern opens
by consuming one from a set of characters without case. :func:`skipping_words` writes the same
pattern that way: a class of every character the words' first letters match without case is
consumed first, then what may not stand before a word and each first letter are looked behind,
then the rest of each word as :func:`newsloom.extract.resources.words_pattern` writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from newsloom.extract.resources import node_pattern, words_trie

# characters that ``re`` matches to others without case beyond their upper, title and lower
# case forms (its extra cases: ``ı`` and ``i``, ``ſ`` and ``s``, Greek and Cyrillic variants),
# and those whose lower case is not what their letter's upper case gives back (``İ``, the Kelvin
# sign, the Ångström sign, ``Ω``, ``ϴ``, ``ẞ``); a test checks this against every code point
_CASE_ODDITIES = (
    "\u0069\u0073\u00b5\u0130\u0131\u017f\u0345\u0390\u03b0\u03b2\u03b5\u03b8"
    "\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6"
    "\u03f0\u03f1\u03f4\u03f5\u0432\u0434\u043e\u0441\u0442\u044a\u0463\u1c80"
    "\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e61\u1e9b\u1e9e\u1fbe"
    "\u1fd3\u1fe3\u2126\u212a\u212b\ua64b\ufb05\ufb06"
)


@cache
def case_class(letter: str) -> str:
    """Every character ``letter`` matches without case (``re.IGNORECASE``), sorted: ``k`` →
    ``Kk`` and the Kelvin sign. The candidates (the letter's case forms and the odd ones) are
    put to the engine itself, so the answer is the engine's."""
    forms = {letter, letter.lower(), letter.upper(), letter.title()}
    forms |= {form.upper() for form in list(forms)} | {form.lower() for form in list(forms)}
    for odd in _CASE_ODDITIES:
        forms |= {odd, odd.upper(), odd.lower(), odd.title()}
    pattern = re.compile(re.escape(letter), re.IGNORECASE)
    return "".join(sorted(c for c in forms if len(c) == 1 and pattern.fullmatch(c)))


def skipping_words(words: Iterable[str], before: str) -> str:
    """``(?<!before)`` and ``words_pattern(words)``, for a pattern compiled without case, written
    so that a search skips to the words' first letters (``before``: what no word may follow, a
    class such as ``[\\w'’-]``). The same matches in the same order of preference; words that
    open with anything but a letter give the plain pattern."""
    trie, characters = words_trie(words, whole=True, literal=False)
    if not trie:
        return f"(?<!{before})(?!)"
    if not all(len(key) == 1 and key.isalpha() for key in trie):
        return f"(?<!{before}){node_pattern(trie, characters)}"
    letters = "".join(sorted({c for key in trie for c in case_class(key)}))
    branches = "|".join(
        f"(?<={re.escape(key)}){node_pattern(trie[key], characters)}" for key in sorted(trie)
    )
    return _skipping(re.escape(letters), before, branches)


def letter_branches(alternation: str) -> tuple[str, str] | None:
    """The alternatives of ``alternation`` (``a|b|…`` of escaped words: no group, class or
    escaped bar) filed under their first letters, for a pattern compiled without case: a class
    of every character those letters match without case, and ``(?<=x)(?:rest|…)|(?<=y)(?:…)``
    to follow a character of it, in the order given among the alternatives of one letter
    (those of two letters never match at the same place). None where one opens with anything
    but a letter alone, or two first letters match one character."""
    if any(c in alternation for c in "()[") or "\\|" in alternation:
        return None
    rests: dict[str, list[str]] = {}
    for alternative in alternation.split("|"):
        if not alternative[:1].isalpha() or alternative[1:2] in ("*", "+", "?", "{"):
            return None
        rests.setdefault(alternative[0], []).append(alternative[1:])
    classes = [case_class(letter) for letter in rests]
    letters = "".join(sorted({c for cased in classes for c in cased}))
    if len(letters) < sum(map(len, classes)):
        return None  # two first letters match one character without case
    branches = "|".join(
        f"(?<={re.escape(letter)})(?:{'|'.join(rest)})" for letter, rest in rests.items()
    )
    return re.escape(letters), branches


def skipping_alternatives(alternation: str, before: str) -> str:
    """``(?<!before)(?:alternation)`` for a pattern compiled without case, written so that a
    search skips to the alternatives' first letters (:func:`letter_branches`): a class of the
    characters they match is consumed first, then ``before`` and each letter are looked behind,
    then the rest of each alternative. The same matches in the same order of preference; the
    plain pattern where :func:`letter_branches` gives none."""
    filed = letter_branches(alternation)
    if filed is None:
        return f"(?<!{before})(?:{alternation})"
    letters, branches = filed
    return _skipping(letters, before, branches)


def _skipping(letters: str, before: str, branches: str) -> str:
    """The skipping form both :func:`skipping_words` and :func:`skipping_alternatives` write: a
    class of the first letters (``letters``, escaped) consumed with case, then ``before`` and
    the letter looked behind, then ``branches``, each opening with its letter looked behind."""
    return f"(?-i:[{letters}])(?<=(?<!{before}).)(?:{branches})"


def lowered_odd(words: Iterable[str]) -> re.Pattern[str]:
    """The characters of a text on which a pattern of ``words`` compiled without case does not
    match as it does compiled with case on the text lowered (``str.lower``): those the words'
    letters match without case that do not lower to them (``ſ`` to ``s``, ``ı`` to ``i``), ``İ``,
    which lowers into two characters, and a capital sigma, which lowers by its neighbours."""
    letters = {c for word in words for c in word.lower() if c.isalpha()}
    odd = {c for letter in letters for c in case_class(letter) if c.lower() != letter}
    odd |= {"\u0130", *("\u03a3" for letter in letters if letter in "\u03c3\u03c2")}
    return re.compile(f"[{re.escape(''.join(sorted(odd)))}]")


def cased_words_pattern(words: Iterable[str]) -> str:
    """``words_pattern(words)`` for a pattern compiled without case, each letter written as the
    class of the characters it matches without case (``k``: ``K``, ``k`` and the Kelvin sign):
    the engine passes over a branch opening with such a class at one test, where a letter
    compared without case is entered to be turned down. The same matches in the same order of
    preference."""
    trie, characters = words_trie(words, whole=True, literal=False)
    if not trie:
        return "(?!)"
    written = dict(characters)
    pending = [trie]
    while pending:
        node = pending.pop()
        for key, child in node.items():
            if len(key) == 1 and key not in written:
                cased = case_class(key)
                written[key] = re.escape(key) if len(cased) == 1 else f"(?-i:[{re.escape(cased)}])"
            pending.append(child)
    return node_pattern(trie, written)


def lowered_screen(
    bounded: Sequence[tuple[Iterable[str], str]], free: Iterable[str], before: str
) -> re.Pattern[str]:
    """One pattern, searched on a text lowered (``str.lower``), that finds every place where a
    word of several lists may stand: a word of a ``bounded`` list (``(words, after)``: the words
    as :func:`newsloom.extract.resources.words_pattern` writes them, then the pattern ``after``)
    with no ``before`` character (a class) in front of it, or a ``free`` word, as written,
    anywhere. Where a pattern ``(?<!before)words_pattern(words)after`` compiled without case
    matches a text that holds no character of :func:`lowered_odd` of the words (``after`` reading
    no letter by its case), the screen finds a match in the text lowered, and where a free word
    is ``in`` it, too: a search that finds nothing rules them all out at once. Each branch opens
    with its first letter, so that the search skips to those letters (issue 19)."""
    branches: dict[str, tuple[list[str], list[str]]] = {}
    unskipped: list[str] = []  # words opening with anything but a letter, tried everywhere
    for words, after in bounded:
        trie, characters = words_trie(words, whole=True, literal=False)
        for key in sorted(trie):
            rest = node_pattern(trie[key], characters) + after
            if len(key) == 1 and key.isalpha():
                branches.setdefault(re.escape(key), ([], []))[0].append(rest)
            else:
                opening = node_pattern({key: trie[key]}, characters)
                unskipped.append(f"(?<!{before}){opening}{after}")
    for word in sorted(set(free)):
        if not word:
            return re.compile("")  # an empty word stands everywhere
        branches.setdefault(re.escape(word[0]), ([], []))[1].append(re.escape(word[1:]))
    alternatives = []
    for first, (rests, frees) in sorted(branches.items()):
        kept = [f"(?<=(?<!{before}).)(?:{'|'.join(rests)})"] if rests else []
        alternatives.append(f"{first}(?:{'|'.join([*kept, *frees])})")
    return re.compile("|".join([*alternatives, *unskipped]) or "(?!)")
