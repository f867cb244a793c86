"""Score quote extraction against a gold file (format: :mod:`newsloom.evaluate.extraction`).

A predicted quote matches a gold quote when their texts share at least half of the shorter one's
words; *speaker* also needs the same speaker name (one containing the other).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from newsloom.evaluate.extraction import (
    Counts,
    analysis_of,
    load_gold,
    paragraph_pairs,
    report,
    select_records,
    unmatched,
)
from newsloom.records import Quote
from newsloom.settings import AnalyzeSettings


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _quote_matches(gold: dict[str, Any], quote: Quote) -> bool:
    expected, found = _words(str(gold.get("text", ""))), _words(quote.text)
    if not expected or not found:
        return False
    return len(expected & found) >= 0.5 * min(len(expected), len(found))


def _speaker_matches(gold: str | None, quote: Quote) -> bool:
    predicted = quote.speaker or quote.speaker_role
    if not gold or not predicted:
        return not gold and not predicted
    wanted, found = gold.lower(), predicted.lower()
    return wanted == found or wanted in found or found in wanted


def evaluate_quotes(
    path: Path, subset: str = "all", settings: AnalyzeSettings | None = None
) -> dict[str, Any]:
    """P/R/F1 of quotes on a gold file: text (overlap) and text + speaker.

    ``subset`` ``even``/``odd`` keeps the records at even/odd positions (a tuning and a held-out
    half of one file); ``all`` keeps every record.
    """
    records, skipped = load_gold(Path(path))
    records = select_records(records, subset)
    counts = {"text": Counts(), "speaker": Counts()}
    errors: list[dict[str, Any]] = []
    for record in records:
        predicted = analysis_of(record.article, settings).quotes
        for paragraph, gold, found, pairs in paragraph_pairs(
            record.quotes, predicted, _quote_matches, counts, "text"
        ):
            for expected, quote in pairs:
                if _speaker_matches(expected.get("speaker"), quote):
                    counts["speaker"].correct += 1
                else:
                    errors.append(
                        {
                            "record": record.key,
                            "paragraph": paragraph,
                            "gold_speaker": expected.get("speaker"),
                            "predicted_speaker": quote.speaker or quote.speaker_role,
                        }
                    )
            errors += unmatched(
                record.key,
                paragraph,
                gold,
                found,
                pairs,
                lambda item: str(item.get("text"))[:80],
                lambda quote: {"spurious": quote.text[:80], "speaker": quote.speaker},
            )
    return report(path, records, skipped, counts, "speaker", errors, "quotes")
