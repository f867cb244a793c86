"""What a figure source's phrase, as a pattern of :mod:`newsloom.extract.attribution` read it,
holds of a name: the words of grammar of the paragraph's language that open no name (a
conjunction, "according to", a pronoun, a preposition), the one told before the subject, the
account a body gave (``laut Angaben der Polizei``: the police), the verb's time words. Every word
comes from the language tables (issue 22), split from ``attribution`` (issue 16)."""

from __future__ import annotations

from functools import cache

from newsloom.extract.account_owner import account_owner_at
from newsloom.extract.resources import own_word_set, own_words
from newsloom.extract.speaker_phrases import VERB_FORMS
from newsloom.extract.told import told_end as told_medium_end

# The fields of a language's table whose words, first in what a pattern read as a source, are
# no part of it: a conjunction or an adverb before the subject ("…, mientras Al Jazeera asegura",
# "…, pero aseguraron": nothing left), which is dropped …
_LEADING_FIELDS = ("leading_words", "clause_openers", "relative_pronouns", "adverbs", "auxiliaries")
# … "according to", a pronoun, a word that is never a speaker or a preposition, with which the
# phrase names no source ("Según apuntan fuentes": "según" reads that source; "Se habla e
# informa"; "Samtidig opplyser politiet": the source after the verb; "Tras producirse …")
_NOT_OPENING_FIELDS = (
    "according_to",
    "pronouns",
    "not_speakers",
    "linking_prepositions",
    "phrase_prepositions",
)
# … and words after which the reporting verb is a noun ("Dentro de esta cifra", "Pero la
# cifra"); not a quantifier, which may stand alone for the people who spoke ("others said")
_BEFORE_NOUN_FIELDS = ("determiners", "demonstratives")


@cache
def time_words(language: str) -> frozenset[str]:
    """The weekdays and the words for yesterday and today of ``language`` (dateparser's CLDR
    tables, :func:`~newsloom.extract.date_words.date_words`), one word each, lowered."""
    from newsloom.extract.date_words import date_words

    words = date_words((language,))
    return frozenset(word.lower() for word in [*words.weekdays, *words.relative] if " " not in word)


def _determiners(language: str) -> frozenset[str]:
    return own_word_set(language, "determiners")


def _elided(word: str, language: str) -> str:
    """``l'Associated`` → ``Associated``: the word without an elided determiner glued to it (the
    table's determiners that end in an apostrophe)."""
    for determiner in own_words(language, "determiners"):
        if determiner[-1:] in "'’" and word.lower().startswith(determiner) and len(word) > 2:
            return word[len(determiner) :]
    return word


def _incise(word: str, language: str) -> bool:
    """``a-t-il``, ``estime-t-elle``: a verb and its subject pronoun joined by hyphens."""
    head, _, pronoun = word.lower().rpartition("-")
    return bool(head) and pronoun in own_word_set(language, "pronouns")


def _owner_of_account(words: list[str], language: str) -> list[str]:
    """``Angaben der Polizei`` → ``Polizei``, ``informe anual conjunto de la Misión`` →
    ``Misión``: the owner of an account (the table's ``account_nouns``) is the source, where
    :func:`~newsloom.extract.account_owner.account_owner_at` reads one after it (any words
    after the genitive: ``cifras de las organizaciones humanitarias``)."""
    if len(words) > 1 and words[0].lower() in own_word_set(language, "account_nouns"):
        owned = account_owner_at(words[1:], language, named=False)
        if owned is not None:
            return words[1 + owned :]
    return words


def names_a_rule(phrase: str, language: str | None) -> bool:
    """Whether a phrase after "according to" names a rule (the table's ``rule_nouns``, first
    after the language's articles and possessives, or after one adjective): "según la nueva
    ley", "de acuerdo a los criterios del Instituto Robert Koch" mean "in accordance with", and
    name no one who said anything."""
    rules = own_word_set(language, "rule_nouns")
    if not rules:
        return False
    skipped = own_word_set(language, "determiners", "possessives")
    words = phrase.split()
    while words and words[0].lower() in skipped:
        words = words[1:]
    return bool(words) and (
        words[0].lower() in rules
        or (len(words) > 1 and words[0][:1].islower() and words[1].lower() in rules)
    )


def source_as_read(phrase: str, language: str | None) -> str | None:
    """``phrase`` (what a pattern read as a source) as it names a source in ``language``:
    without the words that open no source's name (:data:`_LEADING_FIELDS`), the verb's time
    words before the subject (``hanno detto mercoledì i paramedici``), an elided determiner, the
    account a body gave (``Angaben der Polizei``), the one told before the subject (es ``dijo a
    la AFP Rami Abdel Rahman``: :func:`~newsloom.extract.told.told_end`) or after
    it (``Vest politidistrikt overfor NTB``); None where it names no source. A capitalised word
    before another (``Al Jazeera``) is a name's."""
    words = phrase.split()
    if language is None or not words:
        return phrase
    if names_a_rule(phrase, language):
        return None
    leading = own_word_set(language, *_LEADING_FIELDS) | time_words(language)
    while words and words[0].lower() in leading:
        words = words[1:]
    if not words or words[-1].lower() in own_word_set(language, *_BEFORE_NOUN_FIELDS):
        return None
    if any(_incise(word, language) for word in words):
        return None
    # "según informaron fuentes médicas", "según ha declarado un activista": the reporting verb
    # (the tables' verbs, an auxiliary before one) between "according to" and its subject
    auxiliaries = own_word_set(language, "auxiliaries")
    verb = 1 if len(words) > 2 and words[0].lower() in auxiliaries else 0
    after_verb = (
        len(words) > verb + 1 and words[verb][:1].islower() and words[verb].lower() in VERB_FORMS
    )
    if after_verb:
        words = words[verb + 1 :]
    words = [_elided(words[0], language), *words[1:]]
    if len(words) > 1 and words[1][:1].islower() and words[0].lower() in _determiners(language):
        words = words[1:]  # "i paramedici": the language's own article, before a common noun
    words = _owner_of_account(words, language)
    first = words[0]
    told = own_word_set(language, "told_prepositions")
    told_end = told_medium_end(" ".join(words), language, field="told_prepositions")
    if told_end is not None:
        words = " ".join(words)[told_end:].split()
        if not words:
            return None
    else:
        name_particle = first[:1].isupper() and len(words) > 1 and words[1][:1].isupper()
        # (after the verb a phrase may stand before the subject: "según confirmó sobre el
        # terreno el Observatorio")
        opening = first.lower() in own_word_set(language, *_NOT_OPENING_FIELDS)
        if opening and not name_particle and not after_verb:
            return None
    # "Vest politidistrikt overfor NTB", "fuentes médicas a la CNN": the one told, a name after
    # the preposition (and an article); "organizaciones presentes en Siria": a place
    places = own_word_set(language, "in_prepositions")

    def ends(at: int) -> bool:
        lowered = words[at].lower()
        return lowered in places or (lowered in told and _names_next(words, at, language))

    cut = next((at for at in range(1, len(words)) if ends(at)), len(words))
    return " ".join(words[:cut]) or None


def _names_next(words: list[str], at: int, language: str) -> bool:
    """Whether a name or a medium (the table's ``medium_nouns``: ``a la cadena estadounidense
    CNN``) follows ``words[at]``, after one of the language's articles or none."""
    following = words[at + 1 : at + 3]
    if following and following[0].lower() in _determiners(language):
        following = following[1:]
    return bool(following) and (
        following[0][:1].isupper() or following[0].lower() in own_word_set(language, "medium_nouns")
    )
