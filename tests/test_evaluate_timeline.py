"""Timeline evaluation: the metrics on hand-made timelines, and a gold run on Crisis (Spanish)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsloom.errors import EvaluationError
from newsloom.evaluate.timeline import (
    aligned_rouge_f,
    date_f1,
    evaluate_timeline,
    read_reference,
    rouge_f,
    score_timeline,
)

MONDAY, TUESDAY, FRIDAY = date(2013, 7, 1), date(2013, 7, 2), date(2013, 7, 5)


def test_rouge_counts_clipped_ngrams() -> None:
    assert rouge_f("el ejército toma el poder", "el ejército toma el poder", 1) == 1.0
    assert rouge_f("el el el el", "el ejército", 1) == pytest.approx(2 * 0.25 * 0.5 / 0.75)
    assert rouge_f("toma el poder", "el ejército toma", 2) == 0.0
    assert rouge_f("", "algo", 1) == 0.0


def test_date_f1() -> None:
    assert date_f1([MONDAY, TUESDAY], [TUESDAY, FRIDAY]) == 0.5
    assert date_f1([], [MONDAY]) == 0.0


def test_aligned_rouge_weights_by_distance() -> None:
    reference = {MONDAY: ["el ejército depone al presidente"]}
    same_day = aligned_rouge_f({MONDAY: ["el ejército depone al presidente"]}, reference, 1)
    next_day = aligned_rouge_f({TUESDAY: ["el ejército depone al presidente"]}, reference, 1)
    assert same_day == 1.0
    assert next_day == pytest.approx(0.5)
    assert score_timeline({MONDAY: ["x y z"]}, reference)["date_f1"] == 1.0


def test_read_reference_merges_entries_of_one_date(tmp_path: Path) -> None:
    path = tmp_path / "topic.txt"
    path.write_text(
        "2013-07-05\nPrimera frase .\n------\n2013-07-05\nSegunda frase .\n------\n"
        "2013-07-04\nOtra .\n------\n",
        encoding="utf-8",
    )
    reference = read_reference(path)
    assert reference == {date(2013, 7, 5): ["Primera frase .", "Segunda frase ."],
                         date(2013, 7, 4): ["Otra ."]}  # fmt: skip
    path.write_text("Sin fecha\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"topic\.txt:1"):
        read_reference(path)


def test_unknown_directory_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no reference/ folder"):
        evaluate_timeline(tmp_path)


@pytest.mark.gold
def test_crisis_spanish_timeline_beats_chance(gold_data: Path) -> None:
    directory = gold_data / "timelines" / "ml-crisis" / "es"
    if not (directory / "reference").is_dir():
        pytest.skip(f"Crisis timelines not found at {directory}")
    report = evaluate_timeline(directory, topics=["yemen"])
    scores = report["topics"]["yemen"]  # type: ignore[index]
    assert scores["articles"] > 50
    assert scores["system_dates"] == scores["reference_dates"]
    # Measured 0.324 / 0.511 / 0.123; the bounds leave room but fail if dating or selection breaks.
    assert scores["date_f1"] > 0.2
    assert scores["rouge1_f"] > 0.35
    assert scores["ar1_f"] > 0.07
