"""The one scan for cue words (issue 19): first letters read from the patterns, and the same cues
as scanning each kind's pattern on its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.extract.cue_search import alternatives, first_letters
from newsloom.extract.cues import Cue, cue_pattern, find_cues, has_cue
from newsloom.extract.figure_words import KIND_CUES
from newsloom.extract.resources import kind_patterns

EXAMPLE = Path(__file__).resolve().parents[1] / "src/newsloom/data/example/articles.jsonl"
SENTENCES = (
    "Mindst 12 mennesker er dræbt og 40 DRÆBTE, ifølge politiet.",
    "Krigen har krevd om lag 300 sivile liv, og 8000 gikk i protesttog.",
    "At least 50 people were killed and dozens injured; the death toll rose to 57.",
    "Murieron 11 personas y 30 resultaron heridas, según la policía.",
    "Le bilan s'élève à 23 morts et 40 blessés.",
    "Mehr als 100 Menschen wurden verletzt, drei starben.",
    "Zginęło dwie osoby, a 17 zostało rannych.",
    "med 120 passagerer om bord; dødstallet er steget til 14",
    "MURIERON 11 PERSONAS Y 30 RESULTARON HERIDAS; DØDSTALLET ER STEGET TIL 14 (ſeven KİLLED)",
)


def per_kind(text: str, language: str | None) -> list[Cue]:
    """Every kind's pattern scanned on its own (what ``find_cues`` did before the one scan)."""
    found = [
        Cue(kind, match.start(), match.end())
        for kind, patterns in KIND_CUES.items()
        for match in cue_pattern(patterns).finditer(text)
    ]
    found.extend(
        Cue(kind, match.start(), match.end())
        for kind, pattern in kind_patterns(language or "").items()
        for match in pattern.finditer(text)
    )
    return sorted(found, key=lambda cue: (cue.start, -(cue.end - cue.start)))


def test_alternatives_and_first_letters() -> None:
    assert alternatives(r"a|(?:b|c)d|[|(]x|\||y") == ["a", "(?:b|c)d", "[|(]x", r"\|", "y"]
    assert first_letters(r"(?:drap|Mord)(?:et|ene)? på\b") == frozenset("dm")
    assert first_letters(r"\bmed\b(?=\s+\d)") == frozenset("m")
    assert first_letters(r"død(?:e|s)?\b") == frozenset("d")
    for unread in (r"s?x", r"(?:on|in)? the", r"[dD]x", r"\w+ed", r"(?:a|\d)x"):
        assert first_letters(unread) is None


@pytest.mark.parametrize(
    "language", ["da", "nb", "nn", "sv", "en", "de", "fr", "it", "pt", "nl", "pl", "es", None]
)
def test_the_one_scan_finds_what_each_kind_finds(language: str | None) -> None:
    texts = [json.loads(line)["text"] for line in EXAMPLE.read_text().splitlines()]
    for text in [*texts, *SENTENCES]:
        expected = per_kind(text, language)
        assert find_cues(text, language) == expected
        assert has_cue(text, language) == bool(expected)
