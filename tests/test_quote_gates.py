"""The cheap tests and rewritten patterns of quote extraction (issue 19) answer as the patterns
they stand for: on words built from their own lists and on the example corpus."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from newsloom.extract import sentences, speakers
from newsloom.extract.quote_words import ORGANISATION_ENDINGS, ROLE_ENDINGS

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
    texts = [*samples(plain, ["", *suffixes.split("|")], 19, 20_000), *example_words()]
    texts += [" ".join(texts[at : at + 3]) for at in range(0, 3000, 3)]
    matched = 0
    for ending, pattern in patterns.items():
        for text in texts:
            assert ending.ends(text) == (pattern.search(text) is not None), text
            matched += ending.ends(text)
    assert 1000 < matched < len(texts)  # the samples reach both answers


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
