"""The people an article names, read from capitalised words where no recogniser gave person
mentions: a name's words, and the words that open no name. Split from ``speaker_names``
(issue 16)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsloom.extract.name_spans import after_in
from newsloom.extract.resources import table_words
from newsloom.extract.role_words import COMMON_COMPOUND, is_role_word
from newsloom.extract.speakers import CAPITALISED_NAME, FUNCTION_WORDS, LEADING_WORDS
from newsloom.records import Paragraph

_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;»«\"”“–—-]\s*|\(\s*)$")
# "Ifølgje Mitchell", "Selon Dupont": the tables' "according to" words open a sentence, not a name
_NOT_NAMES = frozenset(word.lower() for word in table_words("according_to"))


@dataclass(frozen=True, slots=True)
class NamedPerson:
    name: str
    paragraph: int
    start: int


def opens_no_name(word: str) -> bool:
    """``Según``, ``Men``, ``Statsminister``: a capitalised word that is no part of a name."""
    lowered = word.lower()
    return (
        lowered in _NOT_NAMES
        or lowered in FUNCTION_WORDS
        or lowered in LEADING_WORDS
        or is_role_word(word)
    )


def _sentence_initial(text: str, start: int) -> bool:
    return _SENTENCE_START.search(text[max(0, start - 3) : start]) is not None


def capitalised_names(paragraphs: Sequence[Paragraph]) -> list[NamedPerson]:
    """The person names of runs of capitalised words, without a recogniser: two words or more,
    not opened by a function word, a role, "according to" or a word the article also writes in
    lowercase where a sentence starts."""
    # words the article also writes in lowercase: common words, capitalised where a
    # sentence starts ("Då", "Men"), not names
    lowercase = {
        word for paragraph in paragraphs for word in _WORD.findall(paragraph.text) if word.islower()
    }
    found: list[NamedPerson] = []
    for paragraph in paragraphs:
        for match in CAPITALISED_NAME.finditer(paragraph.text):
            words = [(w.start(), w.group(0)) for w in _WORD.finditer(match.group(0))]
            while words and (
                words[0][1].lower() in FUNCTION_WORDS
                or words[0][1].lower() in LEADING_WORDS
                or COMMON_COMPOUND.search(words[0][1])
                or is_role_word(words[0][1])
                or words[0][1].lower() in _NOT_NAMES
                or (
                    words[0][1].lower() in lowercase
                    and _sentence_initial(paragraph.text, match.start() + words[0][0])
                )
            ):
                words.pop(0)
            start = match.start() + (words[0][0] if words else 0)
            if len(words) >= 2 and not after_in(paragraph.text, start):
                name = match.group(0)[words[0][0] :]
                found.append(NamedPerson(name, paragraph.index, start))
    return found
