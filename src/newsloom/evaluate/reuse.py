"""Reused-passage pairs and near-duplicates against the example corpus gold.

The articles (JSONL: ``id, url, title, text, published, source, language``) go through
normalize and the reuse index in publication order, as in the pipeline. A pair is
(article, paragraph, earlier article, paragraph) with paragraph numbers counted as positions in
``text.split("\\n\\n")`` and article ids as in the JSONL; precision, recall and F1 are over pairs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from newsloom.assign.reuse import ReuseIndex
from newsloom.errors import EvaluationError, NewsloomError
from newsloom.normalize.article import normalize
from newsloom.records import Article, RawDocument
from newsloom.settings import ReuseSettings
from newsloom.time_order import utc_seconds

Pair = tuple[str, int, str, int]


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float | int]:
    return {
        "precision": round(correct / predicted, 4) if predicted else 0.0,
        "recall": round(correct / gold, 4) if gold else 0.0,
        "f1": round(2 * correct / (predicted + gold), 4) if predicted + gold else 0.0,
        "gold": gold,
        "predicted": predicted,
        "correct": correct,
    }


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise EvaluationError(f"{path}: cannot read ({error.strerror or error})") from error
    except json.JSONDecodeError as error:
        raise EvaluationError(f"{path}: not valid JSON ({error})") from error


def read_documents(path: Path) -> list[RawDocument]:
    """The example corpus as raw documents (``id`` becomes the external id)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise EvaluationError(f"{path}: cannot read ({error.strerror or error})") from error
    documents = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            documents.append(
                RawDocument(
                    text=record["text"],
                    origin=f"{path}:{number}",
                    title=record.get("title"),
                    url=record.get("url"),
                    published=record.get("published"),
                    source=record.get("source"),
                    language=record.get("language"),
                    external_id=str(record["id"]),
                    format="jsonl",
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise EvaluationError(f"{path}:{number}: not an article record ({error})") from error
    return documents


def raw_positions(raw_text: str, article: Article) -> dict[int, int]:
    """Paragraph index in ``article`` → position in ``raw_text.split("\\n\\n")``."""
    parts = [" ".join(part.split()) for part in raw_text.split("\n\n")]
    mapping: dict[int, int] = {}
    cursor = 0
    for paragraph in article.paragraphs:
        text = " ".join(paragraph.text.split())
        for position in range(cursor, len(parts)):
            if parts[position] and (text in parts[position] or parts[position] in text):
                mapping[paragraph.index] = position
                cursor = position + 1
                break
        else:
            mapping[paragraph.index] = paragraph.index
    return mapping


def _time(article: Article, raw: RawDocument) -> float:
    published = article.published
    if published is None and raw.published:
        try:
            published = datetime.fromisoformat(raw.published)
        except ValueError:
            published = None
    seconds = utc_seconds(published)
    return math.inf if seconds is None else seconds


def evaluate_reuse(
    gold_path: Path,
    articles_path: Path | None = None,
    settings: ReuseSettings | None = None,
) -> dict[str, object]:
    """Pair precision/recall/F1 of reused passages (recall also per edit) and of duplicates."""
    articles_path = articles_path or gold_path.with_name("articles.jsonl")
    gold = _read_json(gold_path)
    if not isinstance(gold, dict) or "reuse" not in gold:
        raise EvaluationError(f"{gold_path}: no 'reuse' list in the gold file")
    documents = read_documents(articles_path)
    prepared: list[tuple[float, int, Article, RawDocument]] = []
    for order, raw in enumerate(documents):
        try:
            article = normalize(raw)
        except NewsloomError as error:
            raise EvaluationError(f"{raw.origin}: normalize failed ({error})") from error
        prepared.append((_time(article, raw), order, article, raw))
    prepared.sort(key=lambda item: (item[0], item[1]))
    time_of = {item[2].id: item[0] for item in prepared}
    index = ReuseIndex(settings or ReuseSettings())
    external = {item[2].id: item[3].external_id or item[2].id for item in prepared}
    positions = {item[2].id: raw_positions(item[3].text, item[2]) for item in prepared}
    predicted: set[Pair] = set()
    duplicates: set[tuple[str, str]] = set()
    for _, _, article, _ in prepared:
        result = index.add(article)
        if result.duplicate_of:
            duplicates.add((external[article.id], external[result.duplicate_of]))
        for passage in result.passages:
            if time_of[passage.other_article] > time_of[article.id]:
                continue  # only earlier articles can be sources
            predicted.add(
                (
                    external[article.id],
                    positions[article.id].get(passage.paragraph, passage.paragraph),
                    external[passage.other_article],
                    positions[passage.other_article].get(
                        passage.other_paragraph, passage.other_paragraph
                    ),
                )
            )
    try:
        gold_pairs = {
            (
                str(item["article"]),
                int(item["paragraph"]),
                str(item["source_article"]),
                int(item["source_paragraph"]),
            ): str(item.get("edit", ""))
            for item in gold["reuse"]
        }
        gold_duplicates = {
            (str(item["article"]), str(item["duplicate_of"])) for item in gold.get("duplicates", [])
        }
    except (KeyError, TypeError, ValueError) as error:
        raise EvaluationError(
            f"{gold_path}: malformed reuse or duplicates entry ({error})"
        ) from error
    # A pair found the other way round (the two articles' order is ambiguous, e.g. a date
    # without a time) is the same reused passage.
    predicted = {
        (pair[2], pair[3], pair[0], pair[1])
        if (pair[2], pair[3], pair[0], pair[1]) in gold_pairs
        else pair
        for pair in predicted
    }
    by_edit: dict[str, dict[str, float | int]] = {}
    for edit in sorted(set(gold_pairs.values())):
        wanted = {pair for pair, kind in gold_pairs.items() if kind == edit}
        found = len(wanted & predicted)
        by_edit[edit] = {
            "gold": len(wanted),
            "found": found,
            "recall": round(found / len(wanted), 4),
        }
    return {
        "articles": len(prepared),
        "passages": _prf(len(predicted & set(gold_pairs)), len(predicted), len(gold_pairs)),
        "by_edit": by_edit,
        "duplicates": _prf(
            len(duplicates & gold_duplicates), len(duplicates), len(gold_duplicates)
        ),
        "missed": sorted(set(gold_pairs) - predicted),
        "spurious": sorted(predicted - set(gold_pairs)),
    }


def format_report(report: dict[str, object], limit: int = 20) -> Sequence[str]:
    """The evaluation as lines of text (the CLI prints them)."""
    lines = [f"articles: {report['articles']}"]
    for name in ("passages", "duplicates"):
        row = report[name]
        assert isinstance(row, dict)
        lines.append(
            f"{name}: P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f}"
            f" (gold {row['gold']}, predicted {row['predicted']}, correct {row['correct']})"
        )
    by_edit = report["by_edit"]
    assert isinstance(by_edit, dict)
    for edit, row in by_edit.items():
        lines.append(f"  recall on {edit}: {row['recall']:.3f} ({row['found']}/{row['gold']})")
    for name in ("missed", "spurious"):
        items = report[name]
        assert isinstance(items, list)
        for item in items[:limit]:
            lines.append(f"  {name}: {item}")
    return lines
