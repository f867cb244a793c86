"""A name that stands after a preposition is no sentence's subject: ``…no se pretendía acabar
con el coronel Gadafi. «…», ha declarado …`` is not Gadafi's, and a verb whose subject is left
out goes on with the subject named before, not with the person a preposition governs. The
prepositions are the language's ``object_prepositions`` (its ``contracted_prepositions``, which
Arabic names also open with, only before a role word); between one and the name only its
``determiners`` and role words may stand (``con el coronel``, ``del presidente``), so a name
set off after a body (``el portavoz de la misión, X``) still opens the subject. In Scandinavian
text a noun phrase of a determiner, weak adjectives and a definite noun before the name (``med
den britiske avisen Daily Mail``, ``over det amerikanske tidsskriftet Architectural Record``) is
what the preposition governs, the name its apposition; without the determiner (``intervju med
broren John``, ``Med bøyd hode ruslet X``) the words may be anything, the name a subject.

Used by :func:`newsloom.extract.quote_speakers.name_before`,
:meth:`newsloom.extract.quote_context.QuoteContext._named_before` and
:func:`newsloom.extract.speaker_resolution.resolve_speakers` (:func:`last_subject_before`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsloom.assign.features import dictionary_lemma
from newsloom.extract.resources import SCANDINAVIAN, own_word_set, own_words
from newsloom.extract.role_words import is_role_word

if TYPE_CHECKING:
    from newsloom.extract.speaker_names import ArticleNames

# a weak adjective before a definite noun ends in -e ("den sindige", "den tidlegare", "den
# britiske"): not a conjunction the speaker patterns took in ("siden mannen")
WEAK_ADJECTIVE = re.compile(r"^[a-zæøå][^\W\d_]*e$")
_WORDS_BETWEEN = 3  # words at most between the preposition and the name ("a la joven activista")


def after_preposition(text: str, start: int, language: str | None) -> bool:
    """Whether the name at ``start`` of ``text`` is governed by one of ``language``'s
    ``object_prepositions``, with at most determiners and role words between."""
    prepositions = own_word_set(language, "object_prepositions")
    if not prepositions:
        return False
    articles = own_word_set(language, "determiners")
    # a preposition that Arabic names also open with is, right before a capitalised name, part
    # of it ("al Assad"); before a role word it is the preposition ("al presidente X")
    contracted = own_word_set(language, "contracted_prepositions")
    words = text[:start].split()
    apposed = bool(words) and _definite_noun(words[-1], language)  # "avisen Daily Mail"
    loose = determined = False  # a word no role nor article between; a determiner between
    for between, word in enumerate(reversed(words[-(_WORDS_BETWEEN + 1) :])):
        if word[-1:] in ',.;:!?()«»"“”':
            return False  # the name opens a clause or is set off: no object
        lower = word.lower()
        if lower in prepositions:
            # "el portavoz del Consejo Nacional": the body a role belongs to stands for the
            # role's holder, the subject; not in an apposition ("X, comandante del Y"), where
            # the role describes the name before it
            at = len(words) - between - 2
            owner = words[at] if at >= 0 else ""
            set_off = any(word.endswith(",") for word in words[max(0, at - 2) : max(0, at)])
            owned = owner[:1].islower() and is_role_word(owner) and not set_off
            # "med den britiske avisen X", not "med boren X", "Med bøyd hode ruslet X": the
            # noun phrase of a determiner, weak adjectives and a definite noun before the name
            governed = not loose or determined
            return governed and not owned and (between > 0 or lower not in contracted)
        determined = determined or lower in articles
        if lower in articles or (word[:1].islower() and is_role_word(word)):
            continue
        if not (apposed and (between == 0 or WEAK_ADJECTIVE.match(word))):
            return False
        loose = True
    return False


def _definite_noun(word: str, language: str | None) -> bool:
    """Whether ``word`` is a Scandinavian noun with the definite article suffixed (the table's
    ``definite_suffixes``): the dictionary's lemma with it (``avisen``, ``tidsskriftet``)."""
    if language not in SCANDINAVIAN or not word[:1].islower():
        return False
    lemma = dictionary_lemma(word.lower(), language)
    if lemma is None or lemma == word.lower():
        return False
    return any(
        word.lower() in (lemma + suffix, lemma[:-1] + suffix)
        for suffix in own_words(language, "definite_suffixes")
    )


def last_subject_before(
    names: ArticleNames, paragraph: int, start: int, language: str | None
) -> str | None:
    """The last person named before ``start`` of ``paragraph`` whom no preposition governs
    (:func:`after_preposition`): whom a left-out subject or a pronoun means."""
    for person in reversed(names.people):
        if (person.paragraph, person.start) >= (paragraph, start):
            continue
        if not after_preposition(
            names.paragraphs.get(person.paragraph, ""), person.start, language
        ):
            return person.name
    return None
