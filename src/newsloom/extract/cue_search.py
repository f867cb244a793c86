"""Where cue words of any figure kind start in a sentence, in one scan (issue 19).

Every cue pattern is ``(?<!\\w)(?:alternatives)``, tried case-insensitively. Scanning a sentence
once per kind tries every kind's alternatives at every word start; most words open no cue. The
scan here tries, at each word start, only the alternatives that can open with its first letter:
each alternative is filed under the letters it can start with (read from the regular expression;
one whose first letter cannot be read is tried everywhere). It finds exactly the places where
some kind's pattern matches, so each kind is then matched there alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from newsloom.extract.letter_skip import case_class
from newsloom.process_cache import compile_pattern

QUANTIFIERS = ("?", "*", "{")


def _syntax(pattern: str) -> Iterator[tuple[int, str]]:
    """The characters of a regular expression that are syntax: outside escapes and classes."""
    index = 0
    while index < len(pattern):
        character = pattern[index]
        if character == "\\":
            index += 2
            continue
        if character == "[":
            index += 1
            if pattern[index : index + 1] == "^":
                index += 1
            if pattern[index : index + 1] == "]":
                index += 1  # "[]…]": a closing bracket first is a character of the class
            while index < len(pattern) and pattern[index] != "]":
                index += 2 if pattern[index] == "\\" else 1
            index += 1
            continue
        yield index, character
        index += 1


def _nesting(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each syntax character of ``pattern`` with the depth of groups open after it."""
    depth = 0
    for index, character in _syntax(pattern):
        depth += {"(": 1, ")": -1}.get(character, 0)
        yield index, character, depth


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (``a|(?:b|c)d`` → ``a``, ``(?:b|c)d``)."""
    parts: list[str] = []
    start = 0
    for index, character, depth in _nesting(pattern):
        if character == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    parts.append(pattern[start:])
    return parts


def _group_end(pattern: str) -> int | None:
    """Where the group opening ``pattern`` closes (the index of its ``)``), None if it does not."""
    return next(
        (index for index, character, depth in _nesting(pattern) if character == ")" and not depth),
        None,
    )


def _units(alternative: str) -> list[str]:
    """``(?:a…|b…)`` alone is its alternatives, each filed under its own letter; else itself."""
    if alternative.startswith("(?:") and _group_end(alternative) == len(alternative) - 1:
        return [unit for part in alternatives(alternative[3:-1]) for unit in _units(part)]
    return [alternative]


def first_letters(alternative: str) -> frozenset[str] | None:
    """The lower-case letters a match of ``alternative`` can start with; None when that is not
    read (a class, an escape, an optional first letter …), so it may start with anything."""
    if alternative.startswith(r"\b"):
        alternative = alternative[2:]  # at a word start it consumes nothing
    if alternative[:1].isalpha():
        lowered = alternative[0].lower()
        if alternative[1:2] in QUANTIFIERS or len(lowered) != 1:
            return None
        return frozenset(lowered)
    if alternative.startswith("(?:"):
        end = _group_end(alternative)
        if end is None or alternative[end + 1 : end + 2] in QUANTIFIERS:
            return None
        letters: set[str] = set()
        for part in alternatives(alternative[3:end]):
            first = first_letters(part)
            if first is None:
                return None
            letters |= first
        return frozenset(letters)
    return None


def opening_pattern(bodies: Sequence[str]) -> re.Pattern[str]:
    """A pattern matching (empty) at every word start where one of ``bodies`` (the alternations of
    cue patterns ``(?<!\\w)(?:body)``) matches, trying the alternatives by first letter."""
    by_letter: dict[str, list[str]] = {}
    anywhere: list[str] = []
    for body in bodies:
        for alternative in alternatives(body):
            for unit in _units(alternative):
                letters = first_letters(unit)
                if letters is None:
                    anywhere.append(unit)
                for letter in sorted(letters or ()):
                    by_letter.setdefault(letter, []).append(unit)
    # Each letter's branch opens by consuming a character of its class written with case (every
    # character the letter matches without case): the engine passes over a branch whose class
    # the character is not in at one test, where a look-ahead is entered to be turned down (a
    # word start tried some 27 of them). The units are then looked for from that character, in
    # a look-behind of it; the whole stays inside the opening look-ahead, so nothing is consumed.
    branches = [
        f"(?-i:[{re.escape(case_class(letter))}])(?<=(?=(?:{'|'.join(units)})).)"
        for letter, units in sorted(by_letter.items())
    ]
    return compile_pattern(r"(?<!\w)(?=" + "|".join(branches + anywhere) + ")", re.IGNORECASE)
