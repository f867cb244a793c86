"""Training the static piece vectors onto encoder targets, tokenlearn-style (issue 17)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import tokenlearn_targets
import tokenlearn_train


def _problem(seed: int) -> tuple[object, numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """Texts as bags of 60 pieces; the teacher is a linear map of the start rows plus noise."""
    rng = numpy.random.default_rng(seed)
    start = rng.normal(size=(60, 8)).astype(numpy.float32)
    counts = sparse.csr_matrix(
        (rng.random((400, 60)) < 0.08).astype(numpy.float32), dtype=numpy.float32
    )
    teacher = start @ rng.normal(size=(8, 8)) + 0.7 * rng.normal(size=(60, 8))
    goals = tokenlearn_train.unit(numpy.asarray(counts @ teacher)).astype(numpy.float32)
    return counts, goals, start, teacher


def test_the_linear_map_alone_recovers_a_teacher_that_is_a_linear_map_of_the_rows() -> None:
    rng = numpy.random.default_rng(1)
    counts, _, start, _ = _problem(1)
    goals = tokenlearn_train.unit(numpy.asarray(counts @ (start @ rng.normal(size=(8, 8)))))
    rows = tokenlearn_train.train(counts, goals, start, tokenlearn_train.Options(epochs=0))
    assert tokenlearn_train.loss(counts, rows, goals) < 0.05
    assert tokenlearn_train.loss(counts, start, goals) > 0.3


def test_training_the_rows_brings_texts_nearer_their_targets_than_the_map_alone() -> None:
    counts, goals, start, _ = _problem(2)
    mapped = tokenlearn_train.train(counts, goals, start, tokenlearn_train.Options(epochs=0))
    options = tokenlearn_train.Options(epochs=20, rate=0.03, batch=32)
    trained = tokenlearn_train.train(counts, goals, start, options)
    before = tokenlearn_train.loss(counts, mapped, goals)
    after = tokenlearn_train.loss(counts, trained, goals)
    assert after < 0.5 * before, (before, after)
    untouched = numpy.asarray(counts.sum(axis=0)).ravel() == 0
    numpy.testing.assert_allclose(trained[untouched], mapped[untouched])  # lazy: unused rows stay


def test_a_fold_never_trains_on_a_text_of_its_held_out_pairs() -> None:
    records = [
        {"text": "a", "source": "semeval", "pairs": [0, 3]},
        {"text": "b", "source": "semeval", "pairs": [1]},
        {"text": "c", "source": "uci", "pairs": []},
        {"text": "d", "source": "semeval", "pairs": [2, 1]},
    ]
    assert tokenlearn_train.trainable(records, {1}) == [0, 2]
    assert tokenlearn_train.trainable(records, {3, 2}) == [1, 2]


def test_texts_are_cut_as_an_embedding_sees_them_and_sentences_grouped(tmp_path: Path) -> None:
    assert tokenlearn_targets.cut("Oslo  kommune\nvedtok   budsjettet", 20) == "Oslo kommune vedtok"
    conll = tmp_path / "train.conll"
    sentences = [["Det", "regner", "."], ["Bergen", "er", "våt", "."], ["Ja", "."]]
    conll.write_text(
        "\n\n".join("\n".join(f"{word}\tO" for word in words) for words in sentences) + "\n",
        encoding="utf-8",
    )
    windows = list(tokenlearn_targets.sentence_windows(conll, 20))
    assert windows == ["Det regner . Bergen er våt .", "Ja ."]
