"""Story-clustering evaluation: BCubed and the pairwise clustering F1 of Miranda et al. (2018).

Gold sets understood:

- the bundled example corpus: a ``gold.json`` (``stories``: article id → story key) beside an
  ``articles.jsonl`` (or the folder holding both);
- the UCI News Aggregator headline stream (CSV with ``ID,TITLE,...,STORY,...,TIMESTAMP``).

:func:`evaluate_clustering` runs the real pipeline code on the gold articles (normalize, language,
reuse, :class:`~newsloom.assign.cluster.StoryClusterer`) in publication order, in memory.
"""

from __future__ import annotations

import csv
import json
import random
import tempfile
import time
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from newsloom.analyze.prepare import Prepared, analyze_prepared, analyzer_for, prepare_document
from newsloom.errors import EvaluationError
from newsloom.memo import Remembered
from newsloom.normalize.article import normalize
from newsloom.normalize.language import detect_languages
from newsloom.records import Article, RawDocument, RunReport
from newsloom.settings import AnalyzeSettings, Settings
from newsloom.time_order import as_utc

# documents analysed in this process, by analyze settings: an evaluation repeated with other
# cluster settings (a tuning loop, the time prior on and off) analyses each document once
REMEMBERED_DOCUMENTS = 30_000
_PREPARED: Remembered[RawDocument, Prepared] = Remembered(REMEMBERED_DOCUMENTS)


class RememberingEngine:
    """normalize → language → analyze as the local engine and the pipeline run them, once per
    document and analyze settings in this process (the analysis is a function of the document
    alone, so a remembered one is the one the pipeline would make)."""

    analyzes = True

    def __init__(self, settings: AnalyzeSettings) -> None:
        self.analyzer = analyzer_for(settings)
        self.key = settings.model_dump_json()

    def prepare(self, documents: Iterable[RawDocument], report: RunReport) -> Iterator[Prepared]:
        def run(raws: list[RawDocument]) -> list[Prepared]:
            seconds = report.seconds
            return [
                analyze_prepared(prepare_document(raw, seconds), self.analyzer, seconds)
                for raw in raws
            ]

        for raw in documents:
            yield _PREPARED.through([f"{self.key}\x00{raw!r}"], [raw], run)[0]


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One gold article: its key in the gold file, the document to ingest, its gold story."""

    key: str
    document: RawDocument
    story: str


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def bcubed(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> dict[str, float]:
    """BCubed precision, recall and F1 (Bagga & Baldwin 1998; Amigó et al. 2009).

    Both map item → cluster label; items missing from ``predicted`` count as singletons.
    """
    if not gold:
        raise EvaluationError("BCubed: the gold clustering is empty")
    predicted_full: dict[str, Hashable] = {
        item: predicted.get(item, ("singleton", item)) for item in gold
    }
    cell = Counter((gold[item], predicted_full[item]) for item in gold)
    gold_size = Counter(gold.values())
    predicted_size = Counter(predicted_full.values())
    precision = sum(
        cell[(gold[item], predicted_full[item])] / predicted_size[predicted_full[item]]
        for item in gold
    ) / len(gold)
    recall = sum(
        cell[(gold[item], predicted_full[item])] / gold_size[gold[item]] for item in gold
    ) / len(gold)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def clustering_f1(
    gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]
) -> dict[str, float]:
    """Pairwise precision/recall/F1 over item pairs, as in Miranda et al.'s evaluation script.

    A pair of items is a true positive when both clusterings put it together.
    """
    if not gold:
        raise EvaluationError("clustering F1: the gold clustering is empty")
    predicted_full: dict[str, Hashable] = {
        item: predicted.get(item, ("singleton", item)) for item in gold
    }

    def pairs(counts: Counter[Hashable] | Counter[tuple[Hashable, Hashable]]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    together = pairs(Counter((gold[item], predicted_full[item]) for item in gold))
    predicted_pairs = pairs(Counter(predicted_full.values()))
    gold_pairs = pairs(Counter(gold.values()))
    precision = _ratio(together, predicted_pairs) if predicted_pairs else 1.0
    recall = _ratio(together, gold_pairs) if gold_pairs else 1.0
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


# --- loaders ------------------------------------------------------------------------------------


def load_example_gold(path: Path | str) -> list[GoldItem]:
    """The example corpus: ``gold.json`` beside ``articles.jsonl`` (either file or their folder)."""
    location = Path(path)
    folder = location if location.is_dir() else location.parent
    gold_path = (
        folder / "gold.json" if location.is_dir() or location.suffix == ".jsonl" else location
    )
    articles_path = location if location.suffix == ".jsonl" else folder / "articles.jsonl"
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except OSError as error:
        raise EvaluationError(f"gold file {gold_path}: {error.strerror or error}") from error
    except json.JSONDecodeError as error:
        raise EvaluationError(f"gold file {gold_path}: not valid JSON ({error})") from error
    stories = gold.get("stories") if isinstance(gold, dict) else None
    if not isinstance(stories, dict):
        raise EvaluationError(f"gold file {gold_path}: no 'stories' object (article id → story)")
    items: list[GoldItem] = []
    try:
        lines = articles_path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise EvaluationError(
            f"articles file {articles_path}: {error.strerror or error}"
        ) from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{articles_path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{where}: not valid JSON ({error})") from error
        key = str(record.get("id", ""))
        if key not in stories:
            continue
        if not record.get("text"):
            raise EvaluationError(f"{where}: field 'text' is missing or empty")
        document = RawDocument(
            text=str(record["text"]),
            origin=where,
            title=record.get("title"),
            url=record.get("url"),
            published=record.get("published"),
            source=record.get("source"),
            language=record.get("language"),
            external_id=key,
            format="jsonl",
        )
        items.append(GoldItem(key, document, str(stories[key])))
    if not items:
        raise EvaluationError(f"{articles_path}: no article of {gold_path} found")
    return items


UCI_COLUMNS = ("ID", "TITLE", "PUBLISHER", "STORY", "TIMESTAMP")


def load_uci_headlines(path: Path | str) -> list[GoldItem]:
    """The UCI News Aggregator stream: one headline per row, ``TIMESTAMP`` in milliseconds."""
    location = Path(path)
    items: list[GoldItem] = []
    try:
        with location.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in UCI_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise EvaluationError(
                    f"{location}: not a UCI headlines file, columns {', '.join(missing)} missing"
                )
            for number, row in enumerate(reader, start=2):
                try:
                    stamp = datetime.fromtimestamp(int(row["TIMESTAMP"]) / 1000, tz=UTC)
                except (TypeError, ValueError) as error:
                    raise EvaluationError(
                        f"{location}:{number}: TIMESTAMP {row['TIMESTAMP']!r} is not milliseconds"
                    ) from error
                document = RawDocument(
                    text=row["TITLE"],
                    origin=f"{location}:{number}",
                    title=row["TITLE"],
                    url=row.get("URL"),
                    published=stamp.isoformat(),
                    source=row["PUBLISHER"],
                    language="en",
                    external_id=row["ID"],
                    format="csv",
                )
                items.append(GoldItem(row["ID"], document, row["STORY"]))
    except OSError as error:
        raise EvaluationError(f"gold file {location}: {error.strerror or error}") from error
    if not items:
        raise EvaluationError(f"{location}: no rows")
    return items


def load_gold(path: Path | str) -> tuple[str, list[GoldItem]]:
    """Detect the gold format: ``("example", items)`` or ``("uci-headlines", items)``."""
    location = Path(path)
    if not location.exists():
        raise EvaluationError(f"gold file {location} does not exist")
    if location.suffix.lower() == ".csv":
        return "uci-headlines", load_uci_headlines(location)
    if location.is_dir() or location.suffix.lower() in (".json", ".jsonl"):
        return "example", load_example_gold(location)
    raise EvaluationError(
        f"{location}: unknown gold format; expected a UCI headlines .csv, an example gold.json, "
        "its articles.jsonl or their folder"
    )


# --- running ------------------------------------------------------------------------------------


def _published(document: RawDocument) -> datetime | None:
    """The gold document's ISO publication time, if it has a readable one."""
    try:
        return datetime.fromisoformat((document.published or "").replace("Z", "+00:00"))
    except ValueError:
        return None


def prepare_article(document: RawDocument) -> Article:
    """normalize + language, filling a publication date/language the stages left empty."""
    article = detect_languages(normalize(document))
    if article.published is None and document.published:
        published = _published(document)
        if published is not None:
            article = replace(article, published=published)
    if article.language is None and document.language:
        article = replace(article, language=document.language)
    return article


def _in_time_order(items: Sequence[GoldItem]) -> list[GoldItem]:
    """The items by publication instant (undated last), ties in their given order."""
    times = {id(item): _published(item.document) for item in items}
    return sorted(
        items,
        key=lambda item: (
            (moment := times[id(item)]) is None,
            as_utc(moment).timestamp() if moment else 0.0,
        ),
    )


def cluster_gold(
    items: Sequence[GoldItem],
    settings: Settings,
    rejected: list[str] | None = None,
    *,
    shuffle_seed: int | None = None,
) -> dict[str, str]:
    """Ingest the articles of ``items`` in time order, as ``newsloom ingest`` does: gold key →
    story id.

    The articles go through the product's own :class:`~newsloom.pipeline.Pipeline` (normalize,
    language, analyze, reuse, stories) into a temporary SQLite store, so the score describes
    what ingest does, analysis included. Items that a stage rejects get no story (they score as
    singletons); their reasons are appended to ``rejected``. With ``shuffle_seed`` the articles
    come in a random order instead and all at one time, so only their content decides.
    """
    from newsloom.pipeline import Pipeline
    from newsloom.records import RunReport
    from newsloom.store import SQLiteStore
    from newsloom.store.articles import ArticleFilter

    ordered = _in_time_order(items)
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(ordered)
        moment = "2000-01-01T00:00:00+00:00"
        ordered = [
            replace(item, document=replace(item.document, published=moment)) for item in ordered
        ]
    report = RunReport()
    with tempfile.TemporaryDirectory(prefix="newsloom-eval-") as folder:
        store = SQLiteStore(Path(folder) / "eval.db")
        try:
            pipeline = Pipeline.open(settings, store, RememberingEngine(settings.analyze))
            pipeline.ingest_documents((item.document for item in ordered), report)
            by_origin = {
                article.origin: article.id
                for article in store.list_articles(ArticleFilter(limit=None))
            }
            story_of = {
                article_id: story.id
                for story in store.list_stories(limit=None)
                for article_id in story.article_ids
            }
        finally:
            store.close()
    if rejected is not None:
        rejected.extend(f"{item.item}: {item.reason}" for item in report.rejected)
    predicted: dict[str, str] = {}
    for item in ordered:
        article_id = by_origin.get(item.document.origin)
        if article_id is None:  # the same text as an earlier item: ingest stored it once
            article = prepare_document(item.document).article
            article_id = article.id if article is not None else None
        if article_id is not None and article_id in story_of:
            predicted[item.key] = story_of[article_id]
    return predicted


TIME_GAP_SECONDS = 60.0


def time_gap_baseline(items: Sequence[GoldItem]) -> dict[str, int]:
    """A content-blind baseline: a new story whenever a minute passes with no article."""
    timed: list[tuple[float, str]] = []
    for item in items:
        stamp = _published(item.document)
        if stamp is not None:
            timed.append((as_utc(stamp).timestamp(), item.key))
    timed.sort()
    story, previous, predicted = 0, None, {}
    for moment, key in timed:
        if previous is not None and moment - previous > TIME_GAP_SECONDS:
            story += 1
        predicted[key] = story
        previous = moment
    return predicted


INTERLEAVE_HOURS = 6.0


def interleaved(items: Sequence[GoldItem], hours: float = INTERLEAVE_HOURS) -> list[GoldItem]:
    """The stream with each gold story's articles spread at random over ``hours`` from its start.

    UCI stories come one after another in a minute each; spread over hours, several run at once,
    as in a real feed, so a time signal that only follows the crawl blocks stops paying. The
    spread is seeded (the same stream every run); undated items keep no time.
    """
    generator = random.Random(0)
    starts: dict[str, float] = {}
    moments: list[tuple[GoldItem, float | None]] = []
    for item in items:
        stamp = _published(item.document)
        if stamp is None:
            moments.append((item, None))
            continue
        moment = as_utc(stamp).timestamp()
        starts[item.story] = min(starts.get(item.story, moment), moment)
        moments.append((item, moment))
    spread: list[GoldItem] = []
    for item, when in moments:
        if when is None:
            spread.append(item)
            continue
        shifted = starts[item.story] + generator.random() * hours * 3600.0
        published = datetime.fromtimestamp(shifted, UTC).isoformat()
        spread.append(replace(item, document=replace(item.document, published=published)))
    return spread


def evaluate_clustering(
    gold_path: Path | str, settings: Settings, *, other_orders: bool = True
) -> dict[str, object]:
    """Cluster the gold articles and score the result (BCubed and pairwise F1).

    On UCI headlines the articles are also ingested shuffled and interleaved (two more runs of
    the pipeline); ``other_orders=False`` scores the stream alone.
    """
    started = time.perf_counter()
    kind, items = load_gold(gold_path)
    rejected: list[str] = []
    predicted = cluster_gold(items, settings, rejected)
    seconds = time.perf_counter() - started
    gold = {item.key: item.story for item in items}
    scores = bcubed(gold, predicted)
    pairwise = clustering_f1(gold, predicted)
    halves: dict[str, float] = {}
    content_only: dict[str, float] = {}
    if kind == "uci-headlines" and other_orders:
        # This stream comes story by story (its TIMESTAMP is when the aggregator's story page was
        # read): a rule that knows only the times scores near 1. The shuffled run, with no
        # times, shows what the content alone gets right.
        content_only["time_gap_baseline_f1"] = round(
            bcubed(gold, time_gap_baseline(items))["f1"], 4
        )
        shuffled = cluster_gold(items, settings, shuffle_seed=0)
        content_only["shuffled_f1"] = round(bcubed(gold, shuffled)["f1"], 4)
        # the same stories overlapping in time, as in a real feed
        spread = cluster_gold(interleaved(items), settings)
        content_only["interleaved_f1"] = round(bcubed(gold, spread)["f1"], 4)
    if kind == "uci-headlines":
        # the stream in time order, cut in two (UTC ISO times sort)
        ordered = sorted(items, key=lambda item: (item.document.published or "", item.key))
        middle = len(ordered) // 2
        for name, part in (("first", ordered[:middle]), ("second", ordered[middle:])):
            part_gold = {item.key: item.story for item in part}
            part_predicted = {key: predicted[key] for key in part_gold if key in predicted}
            halves[name] = round(bcubed(part_gold, part_predicted)["f1"], 4)
    return {
        "gold": str(gold_path),
        "format": kind,
        "articles": len(items),
        "gold_stories": len(set(gold.values())),
        "stories": len(set(predicted.values())),
        "rejected": len(rejected),
        "rejected_examples": rejected[:3],
        "precision": round(scores["precision"], 4),
        "recall": round(scores["recall"], 4),
        "f1": round(scores["f1"], 4),
        "clustering_precision": round(pairwise["precision"], 4),
        "clustering_recall": round(pairwise["recall"], 4),
        "clustering_f1": round(pairwise["f1"], 4),
        "f1_by_half": halves,
        **content_only,
        "min_similarity": settings.cluster.min_similarity,
        "idle_penalty": settings.cluster.idle_penalty,
        "burst_weight": settings.cluster.burst_weight,
        "time_prior": settings.cluster.time_prior,
        "embeddings": settings.cluster.embeddings,
        "seconds": round(seconds, 2),
        "articles_per_second": round(len(items) / seconds, 1) if seconds else None,
    }
