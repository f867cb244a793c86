"""The subject a sentence opens with, for a second verb of it (``Sean Spicer comparó a Hitler
con Bashar al Assad y dijo que «…»``, ``Haley defendió la acción militar y aseguró que``): a
name at the sentence's start, which the recogniser may have missed (split out of
:mod:`newsloom.extract.quote_speakers`)."""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.assign.features import dictionary_lemma, word_forms
from newsloom.extract.quote_patterns import MARKS
from newsloom.extract.resources import own_words, table_words
from newsloom.extract.speakers import Speaker, is_determiner, parse_speaker
from newsloom.process_cache import compile_pattern


def first_named(sentence: str, names: Sequence[str], language: str | None = None) -> Speaker | None:
    """The capitalised words opening ``sentence`` where they are a name (:func:`opening_name`),
    else the name of ``names`` that stands first in it (outside quotation marks), as a person;
    None where there is neither."""
    sentence = MARKS.sub(lambda quoted: " " * len(quoted.group(0)), sentence)
    opening = opening_name(sentence, names, language) or noun_phrase_before_verb(
        sentence, names, language
    )
    if opening is not None:
        return opening  # "Sean Spicer comparó …": a name the recogniser may have missed
    found = [(at, name) for name in names if name and (at := sentence.find(name)) >= 0]
    return Speaker(min(found)[1], None, "person") if found else None


# words that open a sentence before its subject, or stand where one would and name no one: the
# tables' leading words, sentence adverbs, determiners, prepositions and pronouns
_NOT_OPENING_NAMES = frozenset(
    word.lower()
    for field in (
        "leading_words",
        "adverbs",
        "determiners",
        "phrase_prepositions",
        "fronting_prepositions",
        "pronouns",
        "plural_pronouns",
        "function_words",
        "not_speakers",
        "second_verb_openers",
    )
    for word in table_words(field)
)
_OPENING_RUN = compile_pattern(
    r"^[\s\"«“„'-]*(?P<name>[A-ZÆØÅÄÖÜÉÁÍÓÚŁŚŻ][\w'’.-]*"
    r"(?:\s+(?:(?:al|el|de|del|bin|ben|von|van|der)\s+)?[A-ZÆØÅÄÖÜÉÁÍÓÚŁŚŻ][\w'’.-]*)*)"
    r"(?=\s+[a-zæøåäöüéáíóúñ])"
)


def opening_name(
    sentence: str, names: Sequence[str], language: str | None = None
) -> Speaker | None:
    """The capitalised words opening ``sentence`` before a lowercase word (``Haley defendió la
    acción …``, ``Obama, sin embargo, …``): the subject of its first verb, a name the recogniser
    missed. Not where its first word is one the tables list as opening a sentence or standing
    in for a subject (``Pero``, ``El``, ``Ella``), nor where every word is a common word of the
    language's dictionary (``Paralelamente``, ``Dos``, ``Estados Unidos``); None without a
    dictionary for the language."""
    found = _OPENING_RUN.match(sentence.split(",")[0] + " x")
    if found is None or found.group("name").split()[0].lower() in _NOT_OPENING_NAMES:
        return None
    run = found.group("name").rstrip(".")
    if not word_forms(language) or all(_common_word(word, language) for word in run.split()):
        return None
    speaker = parse_speaker(run, names, language)
    return speaker if speaker is not None and speaker.name else None


def _common_word(word: str, language: str | None) -> bool:
    """Whether ``word`` is a common word of the language's dictionary (a name it knows, such as
    ``Ramírez``, has a capitalised lemma)."""
    lemma = dictionary_lemma(word.lower(), language)
    return lemma is not None and lemma[:1].islower()


MOST_SUBJECT_WORDS = 6  # words of a noun phrase opening a sentence before its first verb


def noun_phrase_before_verb(
    sentence: str, names: Sequence[str], language: str | None
) -> Speaker | None:
    """The noun phrase opening ``sentence`` with an article, up to its first verb (``El
    presidente también ofreció reformas y denunció que``, ``Los rebeldes saben que … y han
    anunciado que``): a word the language's dictionary gives a lemma ending in one of the
    table's ``infinitive_endings`` (es "ar", "er", "ir") is a verb. None where the sentence
    opens otherwise, no verb comes within a few words, or the table lists no endings."""
    endings = own_words(language, "infinitive_endings")
    words = sentence.split(",")[0].split()
    if not endings or len(words) < 2 or not is_determiner(words[0]):
        return None
    end = None  # a sentence adverb between subject and verb ("El presidente también ofreció")
    for at, word in enumerate(words[1 : MOST_SUBJECT_WORDS + 1], start=1):
        if word.lower() in _ADVERBS:
            end = end or at
            continue
        lemma = dictionary_lemma(word.lower(), language)
        if lemma is not None and lemma != word.lower() and lemma.endswith(endings):
            phrase = words[: end or at]
            speaker = parse_speaker(" ".join(phrase), names, language) if len(phrase) > 1 else None
            return speaker if speaker is not None and speaker.type != "pronoun" else None
    return None


_ADVERBS = frozenset(word.lower() for word in table_words("adverbs"))


def possessive_source(
    source: str, before: str, names: Sequence[str], language: str | None
) -> Speaker | None:
    """``según sus cálculos``: a source opened by one of the table's ``possessives`` and naming
    one of its ``account_nouns`` is the reckoning of the sentence's own subject, the noun phrase
    or the capitalised words opening the sentence before its first verb (``Los rebeldes sirios
    denunciaron … según sus cálculos``, ``Estados Unidos utilizó, según sus propias
    informaciones, …``; not ``según su portavoz``); None where the source is none such or no
    such subject opens the sentence."""
    words = source.lower().strip(" ,.").split()
    if (
        not words
        or words[0] not in own_words(language, "possessives")
        or not set(words[1:3]) & set(own_words(language, "account_nouns"))
    ):
        return None
    opening = noun_phrase_before_verb(before, names, language)
    run = _OPENING_RUN.match(before.split(",")[0] + " x") if opening is None else None
    if run is not None and run.group("name").split()[0].lower() not in _NOT_OPENING_NAMES:
        opening = parse_speaker(run.group("name").rstrip("."), names, language)
    return opening if opening is not None and opening.type != "pronoun" else None
