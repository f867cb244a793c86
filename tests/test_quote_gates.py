"""The cheap tests and rewritten patterns of quote extraction (issue 19) answer as the patterns
they stand for: on words built from their own lists and on the example corpus."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from newsloom.extract import quote_patterns, sentences, speakers
from newsloom.extract.cue_search import alternatives
from newsloom.extract.quote_words import (
    ORGANISATION_ENDINGS,
    REPORTING_VERBS,
    ROLE_ENDINGS,
    TABLE_VERBS,
)
from newsloom.extract.resources import table_words, words_pattern

EXAMPLE = Path(__file__).resolve().parents[1] / "src/newsloom/data/example/articles.jsonl"
NOISE = ["", " ", "\n", "-", "'", "’", "s", "x", "É", "ø", "A", ".", "ſ", "K"]


def example_words() -> list[str]:
    words: list[str] = []
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        words.extend(json.loads(line)["text"].split())
    return words


def samples(words: list[str], suffixes: list[str], seed: int, count: int) -> list[str]:
    """Texts that end, or nearly end, in one of ``words`` (with a suffix, case changes, noise)."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        word = rng.choice(words)
        if rng.random() < 0.5:
            word = word.upper() if rng.random() < 0.3 else word.capitalize()
        cut = rng.randrange(len(word) + 1) if rng.random() < 0.2 else 0
        found.append(
            rng.choice(NOISE)
            + rng.choice(["", "Utenriks", "Davis ", "x", "’"])
            + word[cut:]
            + rng.choice(suffixes)
            + rng.choice(NOISE)
        )
    return found


def test_endings_answer_as_the_end_anchored_patterns() -> None:
    short = "|".join(w for w in ORGANISATION_ENDINGS.split("|") if len(w) <= 4)
    long = "|".join(w for w in ORGANISATION_ENDINGS.split("|") if len(w) > 4)
    suffixes = "en|et|n|e|er|erne|ene|s|es|in|innen"
    patterns = {
        speakers._ORGANISATION: re.compile(rf"(?:(?<![\w'’])(?:{short})|(?:{long}))$", re.I),
        speakers._ROLE: re.compile(rf"(?:{ROLE_ENDINGS})(?:{suffixes})?$", re.I),
    }
    plain = speakers._literals(ORGANISATION_ENDINGS) + speakers._literals(ROLE_ENDINGS)
    texts = [*samples(plain, ["", *suffixes.split("|")], 19, 8000), *example_words()[:8000]]
    texts += [" ".join(texts[at : at + 3]) for at in range(0, 1500, 3)]
    matched = 0
    for ending, pattern in patterns.items():
        for text in texts:
            assert ending.ends(text) == (pattern.search(text) is not None), text
            matched += ending.ends(text)
    assert 500 < matched < len(texts)  # the samples reach both answers


def test_the_last_word_read_backwards_is_the_last_word() -> None:
    pattern = re.compile(r"(\w+)\W*$")
    text = " ".join(example_words()[:3000]) + " ¿ca. 3.5 kl.\n»Dr.« St. u.s.a.  - ...\n"
    backwards = text[::-1]
    rng = random.Random(19)
    for _ in range(20_000):
        start = rng.randrange(len(text))
        end = rng.randrange(start, min(len(text), start + 300) + 1)
        found = pattern.search(text[start:end])
        expected = found.group(1) if found is not None else None
        assert sentences._last_word(backwards, start, end) == expected


def test_verbs_filed_under_first_letters_match_as_the_two_tries() -> None:
    built_in = set(REPORTING_VERBS.split("|")) - {"according to", "uttalelse"}
    two_tries = words_pattern(built_in, whole=False, literal=True) + "|" + TABLE_VERBS
    before = re.compile(rf"(?:{two_tries})", re.IGNORECASE)
    after = re.compile(rf"(?:{quote_patterns.VERBS})", re.IGNORECASE)
    verbs = random.Random(19).sample(sorted(built_in | set(table_words("verbs"))), 3000)
    text = " ".join(example_words()[:20_000]) + " " + " ".join(verbs)
    text += " SAGDE Sa’ SIER-NO Sſ ſagde Kerklärte K \u212aunngjorde İnformó"
    matched = 0
    for word in re.finditer(r"(?<!\w)\w", text):
        old, new = before.match(text, word.start()), after.match(text, word.start())
        assert (old and old.span()) == (new and new.span()), text[word.start() : word.end() + 20]
        matched += old is not None
    assert matched > 3000
    # no two first letters match the same character
    letters = [branch[0] for branch in alternatives(quote_patterns.VERBS[3:-1])]
    assert len(letters) > 20
    for first in letters:
        assert [other for other in letters if re.fullmatch(first, other, re.I)] == [first]
