"""Indirect questions as reported speech (``X spør kor viktig …``, ``Han lurer på om …``): which
matches of the reported-speech pattern opened by a question word, or by ``om`` after a verb of
asking, are someone's question, and not a relative clause, a thing explained, the writer's own
question or a sentence its speaker closes (issue 16). Read by :mod:`newsloom.extract.reported`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsloom.extract.quote_patterns import (
    QUESTION_WORDS,
    RELATIVE_PRONOUNS,
    SENTENCE_ADVERBS,
)
from newsloom.extract.resources import (
    SCANDINAVIAN,
    expand,
    resources_for,
    table_word_set,
    table_words,
)
from newsloom.extract.role_words import is_role_word
from newsloom.extract.speakers import CAPITALISED_NAME
from newsloom.extract.unmarked import unmarked_attribution


def own_pronoun(word: str, language: str | None) -> bool:
    """Whether ``word`` is a subject pronoun of ``language``'s table."""
    table = resources_for(language) if language else None
    return table is not None and word.lower() in table.quotes.get("pronouns", ())


QUESTION_OPENING = re.compile(rf"(?:{QUESTION_WORDS})\s", re.IGNORECASE)
# question words that also open relative clauses (the tables' ``relative_question_words``)
RELATIVE_QUESTION_WORDS = table_word_set("relative_question_words")
# before a verb, words that make it no one's statement of a question: an infinitive ("for å
# fortelle hvor …", "å bli fortalt hvordan …"), a modal ("kan forklare kvifor …"): the tables'
# ``modals``
_NOT_TELLING_BEFORE = table_word_set("modals")
_NEGATIONS = table_word_set("negations")
# words of amount between a verb and a question word: the question is what the verb is about
# ("forteller litt om hvordan …", "seier noko om kva …", "regulerer dels i kva …"): the tables'
# ``amounts``
_AMOUNTS = table_word_set("amounts")
# at most this many words between a reporting verb and the question word of its indirect
# question ("spør rett ut hvorfor", "forteller legen i detalj hvordan")
MAX_BEFORE_QUESTION = 4


def _between_verb_and_question(words: Sequence[str]) -> bool:
    """Whether ``words`` may stand between a reporting verb and the question word of an
    indirect question: a few words, none of amount, no punctuation."""
    return len(words) <= MAX_BEFORE_QUESTION and all(
        word.isalpha() and word.lower() not in _AMOUNTS for word in words
    )


# a thing as the subject ("Det forklarer kvifor …", "Det jeg lurer på er om …")
_THING_SUBJECTS = table_word_set("thing_subjects")


@cache
def _own_verbs(language: str) -> frozenset[str]:
    """The reporting verbs (with their forms) and verbs of asking of ``language``'s table, and of
    the other Scandinavian tables for a Scandinavian language (a Nynorsk text may be read as
    Bokmål paragraph by paragraph)."""
    table = resources_for(language)
    if table is None:
        return frozenset()
    codes = SCANDINAVIAN if table.code in SCANDINAVIAN else {table.code}
    verbs: set[str] = set()
    for code in codes:
        if (other := resources_for(code)) is not None:
            verbs.update(expand(other.code, other.quotes.get("verbs", ())))
            verbs.update(other.quotes.get("question_verbs", ()))
    return frozenset(verbs)


# at most this many words name the speaker in a closing attribution ("…, sier Tommy Harland.",
# "…, seier Myren, som …"): more are the statement itself ("…, understreka også kor viktig …")
MAX_ATTRIBUTION_WORDS = 4


def closed_by_attribution(sentence: str) -> bool:
    """Whether ``sentence`` is a statement closed by its speaker (``…, sier X.``)."""
    attributed = unmarked_attribution(sentence)
    return attributed is not None and (
        len(attributed[1].split(",")[0].split()) <= MAX_ATTRIBUTION_WORDS
    )


# the writer asking ("Jeg spurte om …", "Vi lurer på hva …"): questions the journalist asks are
# no quotes
QUESTION_VERBS = frozenset(table_words("question_verbs"))
_FIRST_PERSON = table_word_set("first_person")


def writers_question(match: re.Match[str]) -> bool:
    """Whether a match is the writer asking: a verb of asking after "jeg", "vi", "eg", "me"."""
    first = match.group("speaker").split()[0].lower()
    return match.group("verb").lower() in QUESTION_VERBS and first in _FIRST_PERSON


def _someone(subject: str, names: Sequence[str], language: str | None) -> bool:
    """Whether a subject is someone who can tell a question: a name of the paragraph's
    entities or a full name (two capitalised words), a personal pronoun of the language's
    table, or a word naming a role."""
    words = subject.split()
    return (
        any(name in subject for name in names)
        or CAPITALISED_NAME.search(subject) is not None
        or any(own_pronoun(word, language) for word in words)
        or any(is_role_word(word.strip(",")) for word in words)
    )


def question_kept(match: re.Match[str], names: Sequence[str], language: str | None) -> bool:
    """Whether a match of REPORTED is kept: any that-clause is; an indirect question (opened by a
    question word, or by "om" after a verb of asking) only after a finite verb of the text's
    own language whose subject is no thing, and a question word that also opens relative
    clauses only right after the verb or its sentence adverbs."""
    content = match.group("content")
    opening = QUESTION_OPENING.match(content)
    joint = match.string[match.end("adverbs") : match.start("content")].strip().lower()
    if opening is None and not joint.endswith("om"):
        return True
    if closed_by_attribution(match.string):
        return False  # "Da spør kunden om …, sier Tommy Harland.": the sentence is a statement
    adverbs = match.group("adverbs").split()
    if opening is not None and not _between_verb_and_question(adverbs):
        return False  # "seier noko om kva …": what the verb is about, not a question
    if (
        opening is not None
        and opening.group(0).strip().lower() in RELATIVE_QUESTION_WORDS
        and any(word.lower() not in SENTENCE_ADVERBS | _NEGATIONS | {"om"} for word in adverbs)
    ):
        return False  # "forteller om byen hvor han vokste opp": a relative clause
    if language and (own := _own_verbs(language)) and match.group("verb").lower() not in own:
        return False  # French "dit" in "flytte seg dit hvor …"
    subject = match.group("speaker")
    if subject.split()[0].lower() in RELATIVE_PRONOUNS:
        subject = match.string[: match.end("speaker")]  # "X, som står i spissen, understreka"
    if opening is not None and not _someone(subject, names, language):
        return False  # "Funnet forklarer kvifor …": a thing accounts for it, no one tells
    words = [word.lower() for word in subject.split()]
    while words and (words[-1] in SENTENCE_ADVERBS or words[-1] in _NEGATIONS):
        words.pop()
    return bool(words) and words[-1] not in _NOT_TELLING_BEFORE and words[0] not in _THING_SUBJECTS
