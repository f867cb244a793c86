"""Write ``src/newsloom/data/ner_openers.json``: each language's plain sentence
openers, read from the NER train splits (issue 19; see :mod:`newsloom.entities.openers`).

A word is an opener of a language when it occurs lower-case inside sentences of that language's
train split at least ``MIN_LOWER`` times and inside named entities (in any case) at most
``MAX_NAMED_SHARE`` times as often. Only the
train splits are read (``../shared/data/ner``); the dev splits stay for scoring.

    python scripts/build_ner_openers.py [--data ../shared/data] [--check]

``--check`` builds the lists from one half of each train split and prints how many sentences of
the other half would skip the model and how many gold entities they hold.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsloom.entities.conll import Sentence, read_conll  # noqa: E402
from newsloom.entities.openers import (  # noqa: E402
    MAX_NAMED_SHARE,
    MIN_LOWER,
    OPENERS_FILE,
    may_hold_a_name,
)

SPLITS = {
    "nb": Path("ner/norne-nob/train.conll"),
    "nn": Path("ner/norne-nno/train.conll"),
    "da": Path("ner/danplus-news/train.tsv"),
}


def plain_openers(sentences: Sequence[Sentence]) -> list[str]:
    """Words found lower-case inside sentences ``MIN_LOWER`` times or more and inside entities at
    most ``MAX_NAMED_SHARE`` times as often (``det``: thousands of times plain, a few times in
    ``Det hvite hus``)."""
    lower: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for sentence in sentences:
        inside = {i for span in sentence.entities for i in range(span.start, span.end)}
        for index, word in enumerate(sentence.words):
            if index in inside:
                named[word.lower()] += 1
            elif index > 0 and word.islower():
                lower[word] += 1
    return sorted(
        word
        for word, count in lower.items()
        if count >= MIN_LOWER and named[word] <= MAX_NAMED_SHARE * count
    )


def check(language: str, sentences: list[Sentence]) -> None:
    """Lists from the even sentences, scored on the odd ones (the file is not rewritten)."""
    words = frozenset(plain_openers(sentences[0::2]))
    held_out = [s for s in sentences[1::2] if s.words]
    skipped = [s for s in held_out if not may_hold_a_name(s.words, language, words)]
    entities = sum(len(s.entities) for s in held_out)
    lost = sum(len(s.entities) for s in skipped)
    print(
        f"{language}: {len(words):,} openers; {len(skipped):,} of {len(held_out):,} held-out "
        f"sentences skip the model ({len(skipped) / len(held_out):.0%}), holding {lost} of "
        f"{entities:,} gold entities ({lost / max(1, entities):.2%})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--check", action="store_true")
    arguments = parser.parse_args()
    table: dict[str, list[str]] = {}
    for language, split in SPLITS.items():
        path = arguments.data / split
        if not path.is_file():
            raise SystemExit(f"{path} not found: the NER train splits are needed")
        sentences = list(read_conll(path))
        if arguments.check:
            check(language, sentences)
        table[language] = plain_openers(sentences)
    if arguments.check:
        return
    OPENERS_FILE.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", "utf-8")
    sizes = ", ".join(f"{language} {len(words):,}" for language, words in table.items())
    print(f"wrote {OPENERS_FILE} ({OPENERS_FILE.stat().st_size:,} bytes; {sizes})")


if __name__ == "__main__":
    main()
