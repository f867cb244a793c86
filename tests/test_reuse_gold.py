"""Reused passages and duplicates on the bundled example corpus against its gold (issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.evaluate.reuse import evaluate_reuse, format_report

EXAMPLE = Path(__file__).resolve().parent.parent / "src" / "newsloom" / "data" / "example"


@pytest.mark.gold
def test_example_corpus_reuse_gold_is_met() -> None:
    gold = EXAMPLE / "gold.json"
    if not gold.is_file() or not (EXAMPLE / "articles.jsonl").is_file():
        pytest.skip(f"example corpus gold not found at {gold}")
    report = evaluate_reuse(gold)
    passages, duplicates = report["passages"], report["duplicates"]
    assert isinstance(passages, dict)
    assert isinstance(duplicates, dict)
    summary = "\n".join(format_report(report))
    assert passages["f1"] >= 0.9, summary
    assert passages["precision"] >= 0.9, summary
    assert duplicates["recall"] == 1.0, summary
    assert duplicates["precision"] == 1.0, summary
