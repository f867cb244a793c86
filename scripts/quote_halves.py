"""Quote text / speaker F1 on the even and odd halves of every quote gold, and a before/after table.

The even half of a gold file (records 0, 2, 4, … in line order) is where rules are read from;
the odd half is held out: this script prints errors for the even half only (``--errors``), never
for the odd one. ``--save NAME`` keeps the scores in ``build/halves/NAME.json``; ``--against
NAME`` prints each score as ``before → after``.

    python scripts/quote_halves.py --save before
    python scripts/quote_halves.py --against before
    python scripts/quote_halves.py --errors fr          # even-half errors of build/gold/fr
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newsloom.evaluate.extraction import analysis_of, load_gold, select_records
from newsloom.evaluate.figures import evaluate_figures
from newsloom.evaluate.quotes import evaluate_quotes

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared/data")
LANGUAGES = ("de", "en", "es", "fr", "pl")


def gold_files() -> dict[str, Path]:
    """Every quote gold this script scores, by a short name."""
    files = {
        language: ROOT / "build" / "gold" / f"{language}.quotes.jsonl" for language in LANGUAGES
    }
    files["nb gold-real"] = SHARED / "gold-real" / "ndt-dev.quotes.jsonl"
    files["own gold"] = ROOT / "tests" / "data" / "gold" / "quotes.jsonl"
    files["example"] = ROOT / "src" / "newsloom" / "data" / "example" / "gold.json"
    return files


def _pair(report: dict[str, Any]) -> tuple[float, float]:
    fields = report["fields"]
    return fields["text"]["f1"], fields["speaker"]["f1"]


def score_all() -> dict[str, dict[str, list[float]]]:
    """``{gold: {subset: [text F1, speaker F1]}}``, plus figures per language (value+kind and
    attribution F1, whole file)."""
    scores: dict[str, dict[str, list[float]]] = {}
    for name, path in gold_files().items():
        if not path.exists():
            print(f"{name}: {path} absent, skipped", file=sys.stderr)
            continue
        subsets = ("all",) if path.suffix == ".json" else ("even", "odd", "all")
        scores[name] = {
            subset: list(_pair(evaluate_quotes(path, subset=subset))) for subset in subsets
        }
    for language in LANGUAGES:
        path = ROOT / "build" / "gold" / f"{language}.figures.jsonl"
        if path.exists():
            fields = evaluate_figures(path)["fields"]
            scores[f"{language} figures"] = {
                "all": [fields["value_kind"]["f1"], fields["attribution"]["f1"]]
            }
    return scores


def _cell(now: list[float] | None, before: list[float] | None) -> str:
    if now is None:
        return ""
    text = f"{now[0]:.3f} / {now[1]:.3f}"
    if before is None or before == now:
        return text
    return f"{before[0]:.3f} / {before[1]:.3f} → {text}"


def print_table(scores: dict[str, Any], before: dict[str, Any] | None) -> None:
    print("| gold (quotes: text / speaker F1; figures: value+kind / attribution F1)", end="")
    print(" | even | odd | whole |")
    print("|---|---|---|---|")
    for name, subsets in scores.items():
        old = (before or {}).get(name, {})
        cells = [_cell(subsets.get(subset), old.get(subset)) for subset in ("even", "odd", "all")]
        print(f"| {name} | " + " | ".join(cells) + " |")


def print_errors(name: str) -> None:
    """Errors of the even half of one gold (never the odd half)."""
    report = evaluate_quotes(gold_files()[name], subset="even")
    for error in report["errors"]:
        print(json.dumps(error, ensure_ascii=False))
    print(_pair(report))


def show_even(name: str) -> None:
    """Text, gold quotes and found quotes of each record of one gold's even half."""
    records, _ = load_gold(gold_files()[name])
    for record in select_records(records, "even"):
        print(f"=== {record.key}")
        for number, paragraph in enumerate(record.article.paragraphs):
            print(f"[{number}] {paragraph.text}")
        for quote in record.quotes:
            print(f"  gold  {quote.get('speaker')!r:30} {quote.get('kind')}: {quote.get('text')}")
        for found in analysis_of(record.article, None).quotes:
            speaker = found.speaker or found.speaker_role
            print(f"  found {speaker!r:30} {found.paragraph}: {found.text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", help="keep the scores under this name")
    parser.add_argument("--against", help="compare with scores saved under this name")
    parser.add_argument("--errors", help="print the even half's errors of this gold")
    parser.add_argument("--show", help="print the even half's texts and quotes of this gold")
    arguments = parser.parse_args()
    if arguments.show:
        show_even(arguments.show)
        return
    if arguments.errors:
        print_errors(arguments.errors)
        return
    scores = score_all()
    folder = ROOT / "build" / "halves"
    before = None
    if arguments.against:
        before = json.loads((folder / f"{arguments.against}.json").read_text())
    print_table(scores, before)
    if arguments.save:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{arguments.save}.json").write_text(json.dumps(scores, indent=1))


if __name__ == "__main__":
    main()
