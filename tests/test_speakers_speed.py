"""Speakers found for less (#19): ``parse_speaker`` remembers its answers by phrase and by the
names the article gives, in a bounded memory, and answers as it would parse anew; the runs of
capitalised words are found as with a word boundary before them."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from newsloom.extract.role_words import NAME_PARTICLE
from newsloom.extract.speakers import (
    CAPITALISED_NAME,
    SPEAKERS_REMEMBERED,
    _remembered_speaker,
    parse_speaker,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "src/newsloom/data/example/articles.jsonl"

_PHRASE = "leiar i Noregs Mållag Hege Myklebust"


def test_the_names_given_are_part_of_what_is_remembered() -> None:
    _remembered_speaker.cache_clear()
    for _ in range(2):
        named = parse_speaker(_PHRASE, ["Hege Myklebust"])
        plain = parse_speaker(_PHRASE)
        assert named is not None
        assert (named.name, named.role) == ("Hege Myklebust", "leiar i Noregs Mållag")
        assert plain is not None
        assert (plain.name, plain.role, plain.type) == (None, "leiar", "role")
    assert _remembered_speaker.cache_info().hits == 2


def test_a_remembered_answer_is_the_one_parsed_anew() -> None:
    phrases = [
        (_PHRASE, ("Hege Myklebust",)),
        ("Tillerson respecto a los acuerdos", ("Rex Tillerson",)),
        ("Tillerson respecto a los acuerdos", ()),
        ("el portavoz de la Casa Blanca, Sean Spicer", ()),
        ("han", ()),
    ]
    _remembered_speaker.cache_clear()
    for phrase, names in [*phrases, *reversed(phrases)]:
        fresh = _remembered_speaker.__wrapped__(phrase, names)
        assert parse_speaker(phrase, list(names)) == fresh
        assert parse_speaker(phrase, names) == fresh


def test_the_memory_is_bounded() -> None:
    assert _remembered_speaker.cache_info().maxsize == SPEAKERS_REMEMBERED


def test_capitalised_runs_are_the_runs_after_a_word_boundary() -> None:
    """The boundary tested after the capital finds the same runs, spans and all, as ``\\b``
    before it: word soups of names, particles and capitals glued to letters, digits, marks and
    apostrophes, and the example corpus."""
    boundary = re.compile(rf"\b[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+{NAME_PARTICLE}?[A-ZÆØÅÄÖÜÉ][\w'’-]+)+")
    rng = random.Random(19)
    pieces = ["Kari", "Holm", "al-Assad", "el-Sisi", "de", "la", "Casa", "Blanca", "ÆØ", "Åse"]
    pieces += ["xÉmile", "3Olsen", "_Berg", "’Neill", "O'Brien", "-Dahl", "«Aftenposten»", "(Ap)"]
    pieces += ["éÖ", "ñAndrés", "I", "A.", "\u00a0", "\n", "  ", ",", "said", "ΣΑ", "Ünal"]
    texts = [
        "".join(rng.choice([*pieces, " "]) for _ in range(rng.randint(1, 12))) for _ in range(3000)
    ]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    found = 0
    for text in texts:
        ours = [(run.span(), run.group(0)) for run in CAPITALISED_NAME.finditer(text)]
        assert ours == [(run.span(), run.group(0)) for run in boundary.finditer(text)], text
        found += len(ours)
    assert found > 2000
