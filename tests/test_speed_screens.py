"""The cheap screens of issue 19's later rounds answer as what they stand for: where a screen
turns a text down, the patterns it spares find nothing there, and the patterns written to skip to
their first letters match as the plain ones (words whole, cut, in every case, glued to letters
and noise such as ``ſ``, ``İ`` and the Kelvin sign, and the example corpus)."""

from __future__ import annotations

import json
import random
import re
from functools import partial
from pathlib import Path
from typing import Any

from newsloom.extract import according, attribution, quote_patterns, sentences, source_phrases
from newsloom.extract.letter_skip import (
    letter_branches,
    lowered_odd,
    lowered_screen,
    skipping_alternatives,
)
from newsloom.extract.resources import own_words, table_words, words_pattern
from newsloom.extract.talk import table_pattern

EXAMPLE = Path(__file__).resolve().parents[1] / "src/newsloom/data/example/articles.jsonl"
NOISE = ["", " ", "\n", "-", "'", "’", "x", "É", "ſ", "İ", "ı", "\u212a", ",", ".", "\u00a0"]


def example_texts(size: int = 25, count: int = 400) -> list[str]:
    words: list[str] = []
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        words.extend(json.loads(line)["text"].split())
    return [" ".join(words[at : at + size]) for at in range(0, size * count, size)]


def soups(words: list[str], seed: int, count: int, fillers: tuple[str, ...] = ()) -> list[str]:
    """Texts of a few words of ``words`` (cut, in capitals or capitalised), fillers and noise."""
    rng = random.Random(seed)
    pieces = [*fillers, "la", "casa", "Reuters", "the police", "sagt", "said", "y", "und"]
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            word = rng.choice(words) if rng.random() < 0.5 else rng.choice(pieces)
            if rng.random() < 0.3:
                word = word.upper() if rng.random() < 0.5 else word.capitalize()
            if rng.random() < 0.15:
                word = word[rng.randrange(len(word) + 1) :]
            if rng.random() < 0.1:
                word = word.replace("s", "ſ").replace("i", "ı").replace("k", "\u212a")
            parts.append(rng.choice(NOISE) + word + rng.choice(NOISE))
        texts.append(" ".join(parts))
    return texts


def test_lowered_screen_finds_every_word_a_pattern_without_case_finds() -> None:
    """Where the plain patterns without case match a text free of :func:`lowered_odd`'s
    characters, the screen finds a match in the text lowered; a free word is found wherever it
    stands in the text lowered; a word opening with a blank is tried everywhere."""
    bounded = ["según", "according to", "d'après", "ifølge", "laut", "jak"]
    free = ["aldus", "takimi", "czytamy w"]
    screen = lowered_screen(
        [(bounded, r"(?![\w'’-])"), (["jak"], r"\s+[^\W\d_]")], free, "[\\w'’-]"
    )
    assert screen.pattern.startswith("a(?:")  # each branch opens with its letter
    plain = re.compile(rf"(?<![\w'’-]){words_pattern(bounded)}(?![\w'’-])", re.IGNORECASE)
    odd = lowered_odd(bounded)
    found = 0
    for text in soups([*bounded, *free], 71, 4000) + example_texts():
        lowered = text.lower()
        hit = screen.search(lowered) is not None
        if odd.search(text) is None and plain.search(text) is not None:
            assert hit, text
            found += 1
        if any(word in lowered for word in free):
            assert hit, text
    assert found > 100
    assert lowered_screen([([" x"], "")], [], "a").search("b x") is not None
    assert lowered_screen([], [""], "a").search("") is not None
    assert lowered_screen([], [], "a").search("anything") is None


def test_paragraph_screen_turns_down_only_paragraphs_without_a_source_word() -> None:
    """``according_quotes`` returns early on a paragraph the screen turns down only where each of
    its own tests finds nothing: the "according to" words, "as" before a verb, "according to
    him", and the words after a source, of summing up and of reading in."""
    screen, odd = source_phrases.paragraph_screen()
    pattern = according._according()
    words = [
        *table_words("according_to"),
        *table_words("according_to_pronoun"),
        *table_words("as_reporting"),
        *source_phrases.AFTER_WORDS,
        *source_phrases.SUMMARY_WORDS,
        *source_phrases.READ_IN,
    ]
    texts = soups(words, 73, 6000, ("wyjaśnia", "powiedział", "ha dicho")) + example_texts()
    turned_down = 0
    for text in texts:
        lowered = text.lower()
        if odd.search(text) is not None or screen.search(lowered) is not None:
            continue
        turned_down += 1
        pronoun = source_phrases.PRONOUN_ACCORDING
        assert pattern.search(text) is None, text
        assert according._as_reporting(text) is None, text
        assert pronoun is None or pronoun.search(text) is None, text
        for field in ("AFTER_WORDS", "SUMMARY_WORDS", "READ_IN"):
            assert not any(word in lowered for word in getattr(source_phrases, field)), text
    assert 1000 < turned_down < len(texts) - 1000


def test_patterns_rewritten_to_skip_match_as_the_plain_ones() -> None:
    """The tables' ``spoken`` words (:func:`table_pattern`) and "said" before a clause without
    "that" (:data:`ENGLISH_THATLESS`), written to skip to their first letters, find the same
    matches as written plainly."""
    before = r"(?<![\w'’-])"
    cases: list[tuple[re.Pattern[str], re.Pattern[str], list[str]]] = []
    for language in ("en", "es", "nb", "de", "pl"):
        ours = table_pattern(language, "spoken")
        assert ours is not None
        words = list(own_words(language, "spoken"))
        plain = re.compile(rf"{before}{words_pattern(words)}(?![\w'’-])", re.IGNORECASE)
        cases.append((ours, plain, words))
    said = ["said", "says", "say", "protesters were", "officials have", "Smith was", "several"]
    plain_said = rf"{before}(?:said|says|say){quote_patterns._ENGLISH_SUBJECT}"
    cases.append((quote_patterns.ENGLISH_THATLESS, re.compile(plain_said, re.IGNORECASE), said))
    matched = 0
    for seed, (ours, plain, words) in enumerate(cases):
        assert ours.pattern != plain.pattern
        for text in soups(words, 79 + seed, 3000) + example_texts():
            spans = [match.span() for match in ours.finditer(text)]
            assert spans == [match.span() for match in plain.finditer(text)], text
            matched += bool(spans)
    assert matched > 3000


def test_phrase_abbreviation_searched_only_after_its_last_word(monkeypatch: Any) -> None:
    """Sentences split with the screen of the word before a point are those split with the
    search at every point: listed abbreviations of several words in every case and spacing,
    after capitals, cut, glued, and the example corpus."""
    phrases = table_words("abbreviations")
    rng = random.Random(83)
    pieces = [*phrases, "Anna Nowak.", "dr", "med.", "EE.", "UU. El", "Hubo", "ſſ. mm.", "x."]
    texts = []
    for _ in range(3000):
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 8))]
        words = [w.upper() if rng.random() < 0.3 else w for w in words]
        texts.append(rng.choice([" ", "  ", ". ", ".\u00a0"]).join(words) + " Otra frase.")
    texts += example_texts(40, 200)
    split = sentences._split_sentences.__wrapped__  # type: ignore[attr-defined]
    sentences._split_sentences.cache_clear()
    screened = [split(text, glued) for text in texts for glued in (False, True)]
    assert sentences._phrase_last_words() is not None
    monkeypatch.setattr(sentences, "_phrase_last_words", lambda: None)
    sentences._split_sentences.cache_clear()
    assert screened == [split(text, glued) for text in texts for glued in (False, True)]
    sentences._split_sentences.cache_clear()


def test_sources_screened_by_their_words_are_the_sources_found_without(monkeypatch: Any) -> None:
    """The sources of a sentence are the same where the cited, statement and clause-final verb
    patterns run only on sentences that hold their words lowered, and where they always run."""
    words = [
        *attribution._CITED_WORDS,
        *attribution._STATEMENT_WORDS,
        *attribution._FINAL_VERBS,
    ]
    fillers = (
        "Local officials, cited by AFP,",
        "heißt es in einer",
        "said in a statement from",
        "the ministry",
        "nachdem die Berliner Polizei",
        "drei Verletzte",
        "12 people were killed",
        "Det heter i en pressemelding fra",
        "politiet",
    )
    texts = soups(words, 89, 4000, fillers) + example_texts()
    read = attribution._sources_in.__wrapped__  # type: ignore[attr-defined]
    ours = [read(text, "en") for text in texts]
    monkeypatch.setattr(attribution, "_ODD_CASES", re.compile(""))  # every sentence "odd"
    assert ours == [read(text, "en") for text in texts]
    assert sum(bool(found) for found in ours) > 500


def test_sentence_ends_found_from_their_point_as_with_the_letters_looked_behind_first() -> None:
    """:data:`sentences._END`, its two alternatives opening with the same point (so that a
    search skips from point to point), finds the same ends as written with the second's letters
    looked behind before its points: points, runs of them, closing marks, numerals, capitals
    and openers after them, and the example corpus."""
    marks = r"[»\"”’')\]]*"
    plain = re.compile(
        rf"[.!?]+{marks}(?=\s+[\"“«»„'‘(\[–—-]?\s*[A-ZÆØÅÄÖÜÉÁÍÓÚÑÀÂÈÊÎÔÛÙÌÒÇ¿¡])"
        rf"|(?<=[^\W\d_]{{2}})[.!?]+{marks}(?=\s+\d)"
    )
    rng = random.Random(97)
    pieces = ["casa", "ab", "x", "3", "12", "El", "«Hola", "(Y", "¿Qué", "– Ja", "É", "_", "ñó"]
    ends = [".", "!", "?", "..", "?!", ".»", '."', ".)", "’", "", " "]
    texts = [
        "".join(
            rng.choice(pieces) + rng.choice(ends) + rng.choice([" ", "  ", "\n", ""])
            for _ in range(8)
        )
        for _ in range(5000)
    ] + example_texts(40, 200)
    found = 0
    for text in texts:
        spans = [match.span() for match in sentences._END.finditer(text)]
        assert spans == [match.span() for match in plain.finditer(text)], text
        found += len(spans)
    assert found > 5000


def test_source_patterns_written_to_skip_match_as_the_plain_ones() -> None:
    """Attribution's "according to" words (``_PREPOSITION``, also without English "per"), its
    inverted sources and its sources before a verb (``_from_start``: the match at the start,
    then those after a comma, a verb or "that", written to skip to them) find what the plain
    patterns find."""
    from_start = attribution._from_start
    after = r"\s+(?P<source>[^,.;:!?«»\"“”]+)"
    alternation = attribution._PREPOSITIONS_ONLY
    plain_not_english = alternation.replace("|per|", "|", 1)
    verbs = attribution._INVERTED_VERBS
    cases = [
        (attribution._PREPOSITION.finditer, rf"(?<!\w)(?P<cue>{alternation}){after}"),
        (
            attribution._PREPOSITION_NOT_ENGLISH.finditer,
            rf"(?<!\w)(?P<cue>{plain_not_english}){after}",
        ),
        (
            partial(from_start, pattern=attribution._INVERTED, later=attribution._INVERTED_LATER),
            attribution._INVERTED.pattern,
        ),
        (
            partial(
                from_start, pattern=attribution._SUBJECT_FIRST, later=attribution._SUBJECT_LATER
            ),
            attribution._SUBJECT_FIRST.pattern,
        ),
    ]
    words = [*alternation.replace("\\", "").split("|"), *verbs.split("|"), "Reuters", "nå", "que"]
    fillers = (", ", "la policía", "politiet", "said", "dijo", "Police said that", "informó")
    texts = soups(words, 101, 4000, fillers) + example_texts()
    matched = 0
    for ours, plain in cases:
        pattern = re.compile(plain, re.IGNORECASE)
        for text in texts:
            spans = [(m.span(), m.group("source")) for m in ours(text)]
            assert spans == [(m.span(), m.group("source")) for m in pattern.finditer(text)], text
            matched += bool(spans)
    assert attribution._PREPOSITION.pattern.startswith("(?P<cue>(?-i:[")
    assert attribution._INVERTED_LATER.pattern.startswith("(?-i:[,")
    assert matched > 1000


def test_letter_branches_give_the_plain_pattern_where_letters_cannot_lead() -> None:
    """Alternatives opening with a mark, a quantified letter, a group, or two letters that match
    one character without case are not filed under letters."""
    for alternation in ("«x|y", "a?b|c", "(?:a)|b", "s|ſa", "a\\|b"):
        assert letter_branches(alternation) is None
        assert skipping_alternatives(alternation, r"\w") == rf"(?<!\w)(?:{alternation})"
    assert letter_branches("ab|ac|b") == ("ABab", "(?<=a)(?:b|c)|(?<=b)(?:)")


def test_reported_speech_screened_by_its_tail_is_the_plain_search() -> None:
    """Where :data:`~newsloom.extract.quote_patterns.REPORTED_TAIL` (the verb and clause behind
    a blank) matches nowhere, ``REPORTED`` matches nowhere either: the screened search gives the
    plain search's match, with or without the split verbs (and so for English "said on Monday
    …", "told Reuters he …"), on word soups of reporting verbs, that-words and speakers, on
    made-up reported sentences and on the example corpus."""
    from newsloom.extract.reported import _search, reported_search
    from newsloom.extract.reported_edges import adjunct_search, reported_after_adjunct

    english = reported_after_adjunct("en")
    assert english is not None

    verbs = [
        "sa",
        "sier",
        "said",
        "says",
        "told",
        "dijo",
        "sagte",
        "a déclaré",
        "meiner",
        "slår fast",
    ]
    words = [*verbs, "at", "that", "que", "dass", "hvordan", "om", "det er", "han har", "(Ap)"]
    fillers = ("Kari Holm", "ministeren", ",", "52,", "the", "protesters were", "Støre", "i går")
    fillers += ("Reuters", "on Tuesday", "in a statement", "he would", "it")
    rng = random.Random(89)
    sentences = [
        " ".join(
            rng.choice(options)
            for options in (fillers, fillers, words, verbs, fillers, words, words, fillers)
            if rng.random() < 0.8
        )
        for _ in range(6000)
    ]
    found = told = 0
    for text in soups(words, 83, 3000, fillers) + sentences + example_texts(size=14, count=700):
        plain = _search(text, quote_patterns.REPORTED, quote_patterns.REPORTED_UNSPLIT)
        screened = reported_search(text)
        assert (plain and (plain.span(), plain.groupdict())) == (
            screened and (screened.span(), screened.groupdict())
        ), text
        found += plain is not None
        adjunct = english.search(text)
        assert (adjunct and adjunct.span()) == ((m := adjunct_search(text, "en")) and m.span())
        told += adjunct is not None
    assert found >= 1000
    assert told >= 200
