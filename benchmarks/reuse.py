"""Speed and memory of the reuse index against plain datasketch MinHashLSH, at growing corpus sizes.

Articles are built from real sentences (NorNE, DaN+, ML-Crisis) with half of their words replaced
by words drawn from the same text, so every original is new text with a realistic word
distribution; 30% of articles are edited copies (light or heavy) of earlier ones. Each
configuration runs in its own process, reading the corpus as a stream, and reports articles/s,
the peak resident memory of that process and the throughput of each tenth of the run (how cost
grows with the corpus).

    .venv/bin/python benchmarks/reuse.py --sizes 10000 100000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reuse_corpus import (
    Editor,
    at,
    crisis_articles,
    derive,
    make_article,
    progress,
    sentence_articles,
    vocabulary_of,
)

from newsloom.records import Article


def write_corpus(path: Path, size: int, seed: int) -> None:
    rng = random.Random(seed)
    pool = sentence_articles(rng) + crisis_articles()
    sentences = [p for paragraphs in pool for p in paragraphs if len(p.split()) >= 4]
    vocabulary = vocabulary_of(pool)
    editor = Editor(rng, vocabulary)
    recent: list[list[str]] = []
    with path.open("w", encoding="utf-8") as output:
        for _ in progress(size, "corpus"):
            if recent and rng.random() < 0.3:
                source = recent[rng.randrange(len(recent))]
                strength = rng.choice(("verbatim", "light", "heavy"))
                paragraphs = derive(editor, [source], strength, None).paragraphs
            else:
                paragraphs = []
                for _ in range(rng.randint(6, 16)):
                    words = rng.choice(sentences).split()
                    paragraphs.append(
                        " ".join(
                            word if rng.random() < 0.5 else rng.choice(vocabulary) for word in words
                        )
                    )
                recent.append(paragraphs)
                if len(recent) > 2000:
                    recent.pop(rng.randrange(len(recent)))
            output.write(json.dumps(paragraphs, ensure_ascii=False) + "\n")


def read_corpus(path: Path, size: int) -> Iterator[Article]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= size:
                return
            yield make_article(f"a{number}", json.loads(line), at(number))


def batches(path: Path, size: int, batch: int) -> Iterator[list[Article]]:
    """The corpus in lists of ``batch`` articles, so reading is never timed with indexing."""
    articles: list[Article] = []
    for article in read_corpus(path, size):
        articles.append(article)
        if len(articles) == batch:
            yield articles
            articles = []
    if articles:
        yield articles


def measure(method: str, path: Path, size: int) -> dict[str, object]:
    """Run one method over the first ``size`` articles; only indexing time is counted.

    Wall time (``perf_counter``) and CPU time of this process (``process_time``) are both
    taken per batch of articles, and the CPU throughput of every tenth of the run is kept.
    """
    step = max(1, size // 10)
    batch = min(step, 500)
    while step % batch:
        batch -= 1
    add = _newsloom_adder() if method == "newsloom" else _datasketch_adder()
    wall = cpu = 0.0
    tenth_cpu = tenth_count = 0.0
    tenths: list[float] = []
    found = 0
    for articles in batches(path, size, batch):
        started_wall, started_cpu = time.perf_counter(), time.process_time()
        for article in articles:
            found += add(article)
        spent_cpu = time.process_time() - started_cpu
        wall += time.perf_counter() - started_wall
        cpu += spent_cpu
        tenth_cpu += spent_cpu
        tenth_count += len(articles)
        if tenth_count >= step:
            tenths.append(tenth_count / tenth_cpu)
            tenth_cpu = tenth_count = 0.0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "method": method,
        "articles": size,
        "per_second": size / wall,
        "cpu_per_second": size / cpu,
        "peak_mb": peak_mb,
        "first_tenth": tenths[0] if tenths else 0.0,
        "last_tenth": tenths[-1] if tenths else 0.0,
        "with_matches": found,
        "load": os.getloadavg()[0],
    }


def _newsloom_adder() -> Callable[[Article], bool]:
    from newsloom.assign.reuse import ReuseIndex
    from newsloom.settings import ReuseSettings

    index = ReuseIndex(ReuseSettings())

    def add(article: Article) -> bool:
        result = index.add(article)
        return bool(result.passages or result.duplicate_of)

    return add


def _datasketch_adder() -> Callable[[Article], bool]:
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        sys.exit(
            "datasketch is not installed: pip install -e '.[benchmarks]' (or --methods newsloom)"
        )

    lsh = MinHashLSH()

    def add(article: Article) -> bool:
        words = article.text.lower().split()
        shingles = {" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2)}
        minhash = MinHash()
        minhash.update_batch(list(shingles))
        found = bool(lsh.query(minhash))
        lsh.insert(article.id, minhash)
        return found

    return add


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--methods", nargs="+", default=["newsloom", "datasketch"])
    parser.add_argument(
        "--measure", nargs=3, metavar=("METHOD", "CORPUS", "SIZE"), help=argparse.SUPPRESS
    )
    arguments = parser.parse_args()
    if arguments.measure:
        method, corpus, size = arguments.measure
        print(json.dumps(measure(method, Path(corpus), int(size))))
        return
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        write_corpus(corpus, max(arguments.sizes), arguments.seed)
        rows = []
        for size in arguments.sizes:
            for method in arguments.methods:
                output = subprocess.run(
                    [sys.executable, __file__, "--measure", method, str(corpus), str(size)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                rows.append(json.loads(output))
    baseline = {row["articles"]: row for row in rows if row["method"] == "datasketch"}
    print(
        f"{'method':<11} {'articles':>9} {'art/s':>7} {'CPU art/s':>10} {'peak MB':>8}"
        f" {'vs datasketch':>14} {'first 10%':>10} {'last 10%':>9} {'growth':>7}"
        f" {'matched':>8} {'load':>5}"
    )
    for row in rows:
        other = baseline.get(row["articles"])
        ratio = row["cpu_per_second"] / other["cpu_per_second"] if other else float("nan")
        growth = row["first_tenth"] / row["last_tenth"] if row["last_tenth"] else float("nan")
        print(
            f"{row['method']:<11} {row['articles']:>9} {row['per_second']:>7.0f}"
            f" {row['cpu_per_second']:>10.0f} {row['peak_mb']:>8.0f} {ratio:>13.2f}x"
            f" {row['first_tenth']:>10.0f} {row['last_tenth']:>9.0f} {growth:>6.2f}x"
            f" {row['with_matches']:>8} {row['load']:>5.1f}"
        )
    print(
        "art/s: wall time, CPU art/s: CPU time of the process, both indexing only (one core);"
        " vs datasketch: CPU art/s ratio at the same size; first/last 10%: CPU art/s in that"
        " tenth of the run; growth: cost per article in the last tenth / in the first;"
        " matched: articles with a duplicate or reused passage (datasketch: a duplicate);"
        " load: 1-minute load average at the end of the row."
    )


if __name__ == "__main__":
    main()
