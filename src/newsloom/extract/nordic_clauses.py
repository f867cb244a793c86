"""Danish, Norwegian and Swedish reporting verbs that other patterns miss: a two-word verb split
by what verb-second order puts between its parts (``slo imidlertid fast at``, ``slår Roar
Flåthen fast at``), and a clause without "at" whose subject pronoun has a tensed verb (``Han sier
han løper …``). Read by :mod:`newsloom.extract.quote_patterns` (the reported-speech pattern)
and :mod:`newsloom.extract.reported`."""

from __future__ import annotations

import re
from typing import Any

from newsloom.assign.features import dictionary_lemma
from newsloom.extract.letter_skip import case_class
from newsloom.extract.quote_words import AUXILIARIES, SPEAKER_BEFORE_VERB
from newsloom.extract.resources import SCANDINAVIAN, own_word_set, resources_for, words_pattern
from newsloom.process_cache import compile_pattern

# A Scandinavian particle verb split by what verb-second order and sentence adverbs put between
# its first word and the rest, before "at" ("Dommeren slo imidlertid fast at", "Overfor
# Klassekampen slår Roar Flåthen fast at", "peikar han på at", "minner leiar Lars Haltbrekken om
# at"): one to four words between, each a capitalised name, a pronoun, an adverb that is no one
# (the tables' ``not_speakers``, ``negations``), a role or a body in its definite form; not any
# word ("legger merke til at" is noticing, "legg opp til at" planning).
_SPLIT_TABLES = [table for code in sorted(SCANDINAVIAN) if (table := resources_for(code))]
_SPLIT_RESTS: dict[str, set[str]] = {}
for _table in _SPLIT_TABLES:
    for _verb in _table.quotes.get("verbs", ()):
        if len(_words := _verb.lower().split()) > 1:
            _SPLIT_RESTS.setdefault(_words[0], set()).add(" ".join(_words[1:]))
_GAP_WORDS = sorted(
    {
        word.lower()
        for table in _SPLIT_TABLES
        for field in ("not_speakers", "negations", "pronouns", "inverted_subjects", "organisations")
        for word in table.quotes.get(field, ())
    }
)
_GAP_ROLES = sorted(
    {word.lower() for table in _SPLIT_TABLES for word in table.quotes.get("roles", ())}
)
_GAP_WORD = (
    rf"(?:(?-i:[A-ZÆØÅÄÖ][\w.'’-]*)|{words_pattern(_GAP_WORDS)}"
    rf"|[\w-]*{words_pattern(_GAP_ROLES, whole=False)}(?:en|et|a|ane|ene|arne|erne)?(?![\w'’-])"
    r"|[a-zæøåäö]{3,}(?:en|et|ane|ene|inga|ingen|erne|arna|orna)(?![\w'’-])"
    # an adverb of manner made from an adjective ("slo han bastant fast at", "peker tydelig på
    # at", "viser samstemmig til at"): its endings, not a noun ("merke")
    r"|[a-zæøåäö]{3,}(?:ant|ent|ig|lig|igt|ligt|isk|iskt)(?![\w'’-]))"
)


def _split_rest(rests: set[str]) -> str:
    """What must follow a split verb's first word: one to four gap words, the rest, "at"."""
    return rf"(?=(?:\s+{_GAP_WORD}){{1,4}}?\s+{words_pattern(sorted(rests))}\s*,?\s+at\b)"


def _split_verbs(split_rests: dict[str, set[str]]) -> str:
    """The first words, each with what must follow it, as a trie of their letters behind a
    look-ahead of their first letters: the alternation of ``first(?=rest)`` in sorted order
    tried one word after the other at every word start (48 of them), the same matches in the
    same order of preference (a trie walked in sorted order, a word before the words it begins,
    is that order; a class of letters matches, with or without case, what the letters match)."""
    if not split_rests:
        return ""
    trie: dict[str, Any] = {}
    for first, rests in split_rests.items():
        node = trie
        for character in first:
            node = node.setdefault(character, {})
        node[""] = _split_rest(rests)

    def pattern(node: dict[str, Any]) -> str:
        branches = [node[""]] if "" in node else []
        branches += [re.escape(key) + pattern(node[key]) for key in sorted(node) if key]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    letters = "".join(re.escape(key) for key in sorted(trie))
    return f"(?=[{letters}]){pattern(trie)}"


SPLIT_VERBS = _split_verbs(_SPLIT_RESTS)
# Each split verb's look-ahead ends in a blank, "at" and a word's end: a text without them holds
# none, and the patterns that read them are searched without them there (the same matches, at
# half the cost of Spanish "la …"). Written to skip to its "t" (rarer than "a"), the letters as
# ``re`` matches them without case.
SPLIT_VERB_HINT = compile_pattern(rf"[{case_class('t')}](?<=\s[{case_class('a')}].)\b")
_ALL_RESTS = sorted({rest for rests in _SPLIT_RESTS.values() for rest in rests})
_SPLIT_REST_END = compile_pattern(
    rf"\s+{words_pattern(_ALL_RESTS)}\s*,?\s*$",
    re.IGNORECASE,
)


def verb_adverbs(match: re.Match[str]) -> str:
    """The words between a reported-speech match's verb and its clause, without the rest of a
    split particle verb (``slo imidlertid fast at``: `` imidlertid``)."""
    adverbs = match.group("adverbs")
    if match.group("verb").lower() in _SPLIT_RESTS:
        rest = _SPLIT_REST_END.search(adverbs)
        if rest is not None:
            return adverbs[: rest.start()]
    return adverbs


# A Scandinavian clause without "at" whose subject pronoun has a verb of the language's tenses
# right after the reporting verb, with no word between them ("Han sier han løper", "Tiltalte
# hevder han skrapte", "Han mener det svekker …"): not a participle or an adverb after the
# pronoun ("sier han smilende", "sa han etter møtet"), two more words at least. The pronouns
# are the Scandinavian tables' ``clause_pronouns``, the words with a tense ending that are no
# verb their ``untensed_words``.


def _split_words(field_name: str) -> str:
    """An alternation of one field of the Scandinavian tables."""
    words = {word for table in _SPLIT_TABLES for word in table.quotes.get(field_name, ())}
    return "|".join(map(re.escape, sorted(words))) or "(?!)"


_CLAUSE_PRONOUNS = _split_words("clause_pronouns")
# A that-less clause's subject after a verb of opinion may open with one of the Scandinavian
# tables' ``determiners``, an adjective (its -e form) and a noun ("Ekre meiner det totale
# elevomsynet burde vege tungt", "Nestegard meiner den ferske lokalavisa driv …"), or the
# adjective alone as the noun ("Han mener de rødgrønne i Trondheim bør …"); read by
# quote_patterns.SUBJECT_CLAUSE
DETERMINER_PHRASE = (
    rf"(?:{_split_words('determiners')})\s+[a-zæøåäö]{{2,}}e(?:\s+[a-zæøåäö]{{3,}})?(?![\w-])"
)
_NOT_TENSED = _split_words("untensed_words")
_TENSED_CLAUSE = (
    rf"(?:{_CLAUSE_PRONOUNS})\s+(?!(?:{_NOT_TENSED})\b)(?![a-zæøåäö]*(?:ende|ste)\b)"
    r"[a-zæøåäö]{2,}(?:er|ar|te|de)\s+\S+\s+\S"
)
_NORDIC_VERBS = words_pattern(
    sorted({verb for table in _SPLIT_TABLES for verb in table.quotes.get("verbs", ())})
)
TENSED_CLAUSE_HINT = compile_pattern(rf"{_NORDIC_VERBS}\s+{_TENSED_CLAUSE}", re.IGNORECASE)
REPORTED_TENSED = compile_pattern(
    rf"{SPEAKER_BEFORE_VERB}(?:{AUXILIARIES}\s+|hadde\s+)?(?P<verb>{_NORDIC_VERBS})(?P<adverbs>)\s+(?={_TENSED_CLAUSE})"
    r"(?P<content>\S.+)$",
    re.IGNORECASE,
)


# The tables' words that stand as a clause's subject (or open one) after "at": a pronoun, a
# determiner, a quantifier, a word before a subject ("mener at de …", "siger at mange …", "at både
# regeringen og …"); the others that end in a vowel
# after an infinitive marker are infinitives ("lover at fortsætte", "synes at støtte")
_SUBJECT_FIELDS = (
    "clause_pronouns",
    "pronouns",
    "first_person",
    "determiners",
    "demonstratives",
    "quantifiers",
    "function_words",
    "thing_subjects",
    "leading_words",
)
_MARKER_BEFORE = re.compile(r"(?P<comma>,)?\s*\b(?P<marker>\w+)\s*$")


def infinitive_after_that(match: re.Match[str], language: str | None) -> bool:
    """Whether the that-word before ``match``'s content is an infinitive marker (the table's
    ``infinitive_markers``: da "at", sv "att") with an infinitive after it, not a clause:
    no comma before it (Danish sets one before a clause's "at", never before an infinitive's),
    and the content's first word (after a negation) lowercase, ending in a vowel and no subject
    word ("afviser at udlægge", "lovede … at skrive", "synes også at støtte")."""
    markers = own_word_set(language, "infinitive_markers")
    if not markers or "content" not in match.re.groupindex or match.group("content") is None:
        return False
    before = _MARKER_BEFORE.search(match.string, 0, match.start("content"))
    if before is None or before.group("marker").lower() not in markers or before.group("comma"):
        return False
    negations = own_word_set(language, "negations")
    words = [word for word in re.findall(r"[\w'’-]+", match.group("content")) if word]
    while words and words[0].lower() in negations:
        words.pop(0)
    if not words:
        return False
    first = words[0]
    return (
        first.isalpha()
        and first.islower()
        and first[-1] in "aeiouyæøåäö"
        and first not in own_word_set(language, *_SUBJECT_FIELDS)
        # an inflected word the dictionary leads back to another form is no infinitive, which
        # is its own lemma: a definite plural noun ("at tyskerne …", sv "att tyskarna …")
        and dictionary_lemma(first, language) in (None, first)
    )
