"""Evaluate figure and quote extraction against gold files: precision, recall and F1 per field.

Two gold formats are read:

- newsloom's extraction gold (``tests/data/gold/figures.jsonl`` / ``quotes.jsonl``), one record a
  line: ``{"id", "language", "published", "text" | "source", "figures" | "quotes"}``. ``text`` is a
  paragraph (blank lines split paragraphs); ``source`` points into the shared data folder instead of
  copying it (``{"path": "timelines/ml-crisis/es/…/x.txt", "line": 3}``, lines counted from 1,
  or ``{"path":
  "ner/norne-nob/dev.conll", "sentence": 120}``, or ``"sentences": [112, 120]`` for a run of
  sentences, one paragraph each); records whose source is absent are skipped and
  counted. Expected figures: ``{"paragraph", "kind", "subject", "low", "high", "qualifier",
  "attributed_to"}``; quotes: ``{"paragraph", "speaker", "text"}``.
- the example corpus gold (``gold.json`` beside ``articles.jsonl``: ``figures`` / ``quotes`` lists
  keyed by article id and paragraph).

Each gold article goes through ingest's own analyze stage (entity mentions first, then quotes,
figures and times, as :class:`~newsloom.analyze.analyzer.Analyzer` runs them), so a score
describes what ``newsloom ingest`` stores. Matching happens within a paragraph; figures are scored
by :mod:`newsloom.evaluate.figures`, quotes by :mod:`newsloom.evaluate.quotes`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from newsloom.analyze.prepare import analyzer_for
from newsloom.errors import EvaluationError, NewsloomError
from newsloom.normalize.boilerplate import classify_paragraphs
from newsloom.records import Analysis, Article, DatePrecision, Paragraph
from newsloom.settings import AnalyzeSettings


@dataclass(slots=True)
class GoldParagraph:
    key: str  # record id or article id
    article: Article
    figures: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Counts:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def scores(self) -> dict[str, float | int]:
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = self.correct / self.gold if self.gold else 0.0
        f1 = 2 * self.correct / (self.predicted + self.gold) if self.predicted + self.gold else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def find_shared_data(start: Path) -> Path | None:
    """``../shared/data`` seen from ``start`` or any folder above it."""
    for folder in [start, *start.parents]:
        for candidate in (folder / "shared" / "data", folder.parent / "shared" / "data"):
            if candidate.is_dir():
                return candidate
    return None


def _conll_sentence(path: Path, index: int) -> str | None:
    sentence = 0
    tokens: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    if sentence == index:
                        return _detokenize(tokens)
                    sentence += 1
                    tokens = []
                continue
            if line.startswith("#"):
                continue
            tokens.append(line.split("\t")[0])
    return _detokenize(tokens) if tokens and sentence == index else None


def _detokenize(tokens: Sequence[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r"\s+([.,:;!?)»”])", r"\1", text)
    return re.sub(r"([(«„“])\s+", r"\1", text)


def _source_text(source: dict[str, Any], shared: Path | None) -> str | None:
    if shared is None:
        return None
    path = shared / str(source["path"])
    if not path.is_file():
        return None
    if "sentence" in source:
        return _conll_sentence(path, int(source["sentence"]))
    if "sentences" in source:  # an inclusive range, one paragraph a sentence
        first, last = (int(value) for value in source["sentences"])
        found = [_conll_sentence(path, index) for index in range(first, last + 1)]
        return None if None in found else "\n\n".join(text for text in found if text)
    lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n")]
    line = int(source.get("line", 1))  # 1-based, as editors and grep count
    return lines[line - 1] if 1 <= line <= len(lines) else None


def _published(value: Any) -> tuple[datetime | None, DatePrecision | None]:
    if not value:
        return None, None
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return datetime.fromisoformat(text + "-01"), DatePrecision.MONTH
    parsed = datetime.fromisoformat(text)
    return parsed, DatePrecision.TIME if "T" in text else DatePrecision.DAY


def _article(key: str, text: str, language: str | None, published: Any) -> Article:
    value, precision = _published(published)
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]
    # each paragraph's kind as ingest's normalize gives it (a photo credit is no body text a
    # pronoun could refer to), the gold's paragraph numbers kept
    kinds = classify_paragraphs(blocks)
    article = Article(
        id=key,
        content_hash=key,
        title=blocks[0][:80] if blocks else "",
        paragraphs=tuple(
            Paragraph(index=i, text=block, language=language, kind=kind)
            for i, (block, kind) in enumerate(zip(blocks, kinds, strict=True))
        ),
        language=language,
        published=value,
        published_precision=precision,
        external_id=key,
    )
    if language is None:
        from newsloom.normalize.language import detect_languages

        try:
            return detect_languages(article)
        except NewsloomError:
            return article
    return article


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise EvaluationError(f"gold file {path}: {error.strerror or error}") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{path}:{number}: not valid JSON ({error.msg})") from error
        if not isinstance(record, dict):
            raise EvaluationError(f"{path}:{number}: expected a JSON object")
        yield number, record


def load_gold(path: Path) -> tuple[list[GoldParagraph], int]:
    """Gold records as articles with expected items, and how many were skipped (data absent)."""
    if path.suffix == ".json":
        return _load_example_gold(path), 0
    shared = find_shared_data(path.resolve().parent)
    records: list[GoldParagraph] = []
    skipped = 0
    for number, record in _read_jsonl(path):
        key = str(record.get("id", f"{path.name}:{number}"))
        if "text" in record:
            text = str(record["text"])
        elif isinstance(record.get("source"), dict):
            found = _source_text(record["source"], shared)
            if found is None:
                skipped += 1
                continue
            text = found
        else:
            raise EvaluationError(f"{path}:{number}: a record needs 'text' or 'source'")
        for name in ("figures", "quotes"):
            if not isinstance(record.get(name, []), list):
                raise EvaluationError(f"{path}:{number}: field '{name}' must be a list")
        records.append(
            GoldParagraph(
                key=key,
                article=_article(key, text, record.get("language"), record.get("published")),
                figures=list(record.get("figures", [])),
                quotes=list(record.get("quotes", [])),
            )
        )
    return records, skipped


def _load_example_gold(path: Path) -> list[GoldParagraph]:
    articles_path = path.with_name("articles.jsonl")
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise EvaluationError(f"gold file {path}: {error}") from error
    if not articles_path.is_file():
        raise EvaluationError(f"gold file {path}: no articles.jsonl beside it")
    records: dict[str, GoldParagraph] = {}
    for _, item in _read_jsonl(articles_path):
        key = str(item["id"])
        records[key] = GoldParagraph(
            key, _article(key, str(item["text"]), item.get("language"), item.get("published"))
        )
    for name in ("figures", "quotes"):
        for expected in gold.get(name, []):
            record = records.get(str(expected.get("article")))
            if record is None:
                raise EvaluationError(
                    f"{path}: {name} names unknown article {expected.get('article')!r}"
                )
            getattr(record, name).append(expected)
    return list(records.values())


def pair(
    gold: list[dict[str, Any]],
    predicted: Sequence[Any],
    matches: Callable[[dict[str, Any], Any], bool],
) -> list[tuple[dict[str, Any], Any]]:
    """As many gold–prediction pairs as can match at once (a maximum bipartite matching by
    augmenting paths), so that a short gold item claiming a prediction another gold item needs
    does not hide a right answer; where a first-fit pass finds as many, its pairs are kept."""
    candidates = [
        [index for index, item in enumerate(predicted) if matches(expected, item)]
        for expected in gold
    ]
    owner: dict[int, int] = {}  # prediction index → gold index

    def augment(at: int, seen: set[int]) -> bool:
        free = next((index for index in candidates[at] if index not in owner), None)
        if free is not None:  # a free match first: the pairs of a first-fit pass where it suffices
            owner[free] = at
            return True
        for index in candidates[at]:
            if index in seen:
                continue
            seen.add(index)
            if augment(owner[index], seen):
                owner[index] = at
                return True
        return False

    for at in range(len(gold)):
        augment(at, set())
    by_gold = sorted((at, index) for index, at in owner.items())
    return [(gold[at], predicted[index]) for at, index in by_gold]


def by_paragraph(items: Iterable[Any]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    for item in items:
        index = item["paragraph"] if isinstance(item, dict) else item.paragraph
        grouped.setdefault(int(index), []).append(item)
    return grouped


def paragraph_pairs(
    gold_items: Sequence[dict[str, Any]],
    predicted: Sequence[Any],
    matches: Callable[[dict[str, Any], Any], bool],
    counts: dict[str, Counts],
    first: str,
) -> Iterator[tuple[int, list[dict[str, Any]], list[Any], list[tuple[dict[str, Any], Any]]]]:
    """Per paragraph of a record: its gold items, predictions and matched pairs. Every field
    counts the gold and predicted items; the ``first`` field counts the pairs as right."""
    gold_by_paragraph = by_paragraph(gold_items)
    predicted_by_paragraph = by_paragraph(predicted)
    for paragraph in sorted(set(gold_by_paragraph) | set(predicted_by_paragraph)):
        gold = gold_by_paragraph.get(paragraph, [])
        found = predicted_by_paragraph.get(paragraph, [])
        pairs = pair(gold, found, matches)
        for counter in counts.values():
            counter.gold += len(gold)
            counter.predicted += len(found)
        counts[first].correct += len(pairs)
        yield paragraph, gold, found, pairs


def unmatched(
    key: str,
    paragraph: int,
    gold: Sequence[dict[str, Any]],
    found: Sequence[Any],
    pairs: Sequence[tuple[dict[str, Any], Any]],
    missed: Callable[[dict[str, Any]], str],
    spurious: Callable[[Any], dict[str, Any]],
) -> list[dict[str, Any]]:
    """Error rows for the gold items no prediction matched and the predictions no gold did."""
    matched_gold = {id(expected) for expected, _ in pairs}
    matched_found = {id(item) for _, item in pairs}
    where = {"record": key, "paragraph": paragraph}
    rows = [{**where, "missed": missed(item)} for item in gold if id(item) not in matched_gold]
    rows += [{**where, **spurious(item)} for item in found if id(item) not in matched_found]
    return rows


def report(
    path: Path,
    records: Sequence[GoldParagraph],
    skipped: int,
    counts: dict[str, Counts],
    lead: str,
    errors: list[dict[str, Any]],
    kind: str,
) -> dict[str, Any]:
    """The scores of a run: ``lead``'s precision/recall/F1 first, then every field's; the
    languages are those of the records with gold ``kind`` (``figures`` or ``quotes``)."""
    fields = {name: counter.scores() for name, counter in counts.items()}
    return {
        **headline(fields[lead]),
        "file": str(path),
        "records": len(records),
        "skipped": skipped,
        "languages": sorted({r.article.language or "?" for r in records if getattr(r, kind)}),
        "fields": fields,
        "errors": errors,
    }


def headline(scores: dict[str, Any]) -> dict[str, Any]:
    """The field a report leads with, as top-level precision/recall/f1."""
    return {key: scores[key] for key in ("precision", "recall", "f1")}


def analysis_of(article: Article, settings: AnalyzeSettings | None) -> Analysis:
    """What ingest's analyze stage finds in ``article`` (entities first, so speakers and sources
    resolve as in the product): the score describes what ``newsloom ingest`` stores."""
    return analyzer_for(settings or AnalyzeSettings()).analyze(article)


SUBSETS = ("all", "even", "odd")


def select_records(records: list[GoldParagraph], subset: str) -> list[GoldParagraph]:
    """The records at even or odd positions of the file (``all``: every record)."""
    if subset not in SUBSETS:
        raise ValueError(f"records subset {subset!r}: expected one of {', '.join(SUBSETS)}")
    if subset == "all":
        return records
    return records[0 if subset == "even" else 1 :: 2]
