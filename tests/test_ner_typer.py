"""The second-stage span typer: features, confidence threshold, loading, use (issue 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy
import pytest

from newsloom.entities.ner import MODEL_PATH, EntityRecognizer
from newsloom.entities.typer import (
    HASH_FEATURES,
    TYPER_FILE,
    SpanTyper,
    hash_features,
    span_features,
)

DIMS = 2


def lookup(word: str) -> numpy.ndarray:  # type: ignore[type-arg]
    return numpy.array([len(word), 1.0 if word[:1].isupper() else 0.0], dtype=numpy.float32)


def typer_preferring_loc_after(word: str, weight: float) -> SpanTyper:
    """A hand-made typer: PER by default, LOC when ``word`` comes just before the span."""
    classes = ("LOC", "MISC", "PER")
    column = int(hash_features([[f"p1={word}"]]).indices[0])
    hashed = numpy.array([[weight, 0.0, 0.0]], dtype=numpy.float32)
    return SpanTyper(
        classes,
        numpy.zeros((3, 5 * DIMS), dtype=numpy.float32),
        numpy.array([column]),
        hashed,
        numpy.array([0.0, -5.0, 1.0], dtype=numpy.float32),
    )


def test_features_read_the_span_and_the_words_around_it() -> None:
    words = ["Han", "bor", "i", "Nye", "Horsens", "nu"]
    dense, names = span_features(words, 3, 5, "da", lookup, DIMS)
    assert dense.shape == (5 * DIMS,)
    assert dense[:2].tolist() == [5.0, 1.0]  # mean of "Nye" (3, 1) and "Horsens" (7, 1)
    assert {"p1=i", "p2=bor", "n1=nu", "text=nye horsens", "da:p1=i", "lang=da"} <= set(names)
    _, at_start = span_features(words, 0, 1, "no", lookup, DIMS)
    assert "p1=<s>" in at_start
    assert "no:p1=<s>" in at_start


def test_only_a_confident_other_type_replaces_the_taggers() -> None:
    words = ["Han", "bor", "i", "Horsens", "og", "Jensen", "kommer"]
    spans = [(words, 3, 4, "PER"), (words, 5, 6, "PER"), (words, 3, 4, "EVT")]
    confident = typer_preferring_loc_after("i", 6.0)
    assert confident.retype(spans, "da", lookup, DIMS) == ["LOC", "PER", "LOC"]
    unsure = typer_preferring_loc_after("i", 1.2)  # LOC at about 0.55: below the threshold
    assert unsure.retype(spans, "da", lookup, DIMS) == ["PER", "PER", "EVT"]
    assert confident.retype([], "da", lookup, DIMS) == []


def test_an_event_is_not_turned_into_misc() -> None:
    typer = SpanTyper(
        ("MISC", "PER"),
        numpy.zeros((2, 5 * DIMS), dtype=numpy.float32),
        numpy.array([], dtype=numpy.int64),
        numpy.zeros((0, 2), dtype=numpy.float32),
        numpy.array([5.0, 0.0], dtype=numpy.float32),
    )
    words = ["OL", "i", "Oslo"]
    assert typer.retype([(words, 0, 1, "EVT"), (words, 0, 1, "PER")], "no", lookup, DIMS) == [
        "EVT",
        "MISC",
    ]


def test_save_and_load_give_the_same_probabilities(tmp_path: Path) -> None:
    typer = typer_preferring_loc_after("i", 6.0)
    typer.save(tmp_path)
    loaded = SpanTyper.load(tmp_path)
    assert loaded is not None
    assert loaded.classes == typer.classes
    dense, names = span_features(["i", "Oslo"], 1, 2, "no", lookup, DIMS)
    expected = typer.probabilities(dense[None, :], [names])
    assert numpy.allclose(loaded.probabilities(dense[None, :], [names]), expected, atol=1e-3)
    assert SpanTyper.load(tmp_path / "nothing") is None
    assert int(loaded.columns.max()) < HASH_FEATURES


def test_the_shipped_model_has_a_typer_and_a_model_without_one_still_tags(
    tmp_path: Path,
) -> None:
    assert (MODEL_PATH / TYPER_FILE).is_file()
    recognizer = EntityRecognizer.load(model="fast")
    assert recognizer.typer is not None
    assert set(recognizer.typer.classes) >= {"PER", "ORG", "LOC", "MISC"}
    bare = tmp_path / "model"
    shutil.copytree(MODEL_PATH, bare, ignore=shutil.ignore_patterns(TYPER_FILE))
    plain = EntityRecognizer.load(bare, model="fast")
    assert plain.typer is None
    sentence = ["Statsminister", "Jonas", "Gahr", "Støre", "besøkte", "Bergen", "."]
    found = plain.find_in_tokens([sentence], language="nb")[0]
    assert [(span.start, span.end) for span in found] == [(1, 4), (5, 6)]


@pytest.mark.parametrize("language", ["da", "nb"])
def test_typed_results_are_the_same_in_a_batch_and_one_by_one(language: str) -> None:
    recognizer = EntityRecognizer.load(model="fast")
    sentences = [
        ["Brøndby", "slog", "Horsens", "i", "går", "."],
        ["Hun", "flyttede", "til", "Horsens", "sidste", "år", "."],
        ["Novo", "Nordisk", "hyrede", "Lars", "Jensen", "."],
    ]
    together = recognizer.find_in_tokens(sentences, language=language)
    alone = [recognizer.find_in_tokens([s], language=language)[0] for s in sentences]
    assert together == alone
