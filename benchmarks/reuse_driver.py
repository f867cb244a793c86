"""The driver's reuse stage alone, on the synthetic stream of ``pipeline.py``, at growing sizes.

``assign: reuse`` is what the pipeline times around ``ReuseIndex.add``, ``store.put_reuse`` and
the signature writes of each article (``pipeline.Pipeline._assign_one``). This runs exactly that,
with the store calls the pipeline makes, on the stream ``pipeline_stream.py`` builds from the
ML-Crisis Spanish texts (read from ../shared/data at run time), without the other stages:
documents are normalized (no language id, which reuse does not read) before the clock starts,
and fed in the pipeline's order (chunks of 500 sorted by publication time). Each size runs in
its own process on a prefix of one stream and prints the reuse seconds (index, store), articles
per second of the stage, peak resident memory, the cost per article in the last tenth of the run
over the first (growth), and a digest of every reuse result, to compare runs of two versions.

    .venv/bin/python benchmarks/reuse_driver.py --sizes 5000 20000
    .venv/bin/python benchmarks/reuse_driver.py --sizes 5000 --db postgresql://127.0.0.1/test
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import hashlib
import json
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuse_corpus
from pipeline import LARGE_MB, _empty_postgres, child_result, machine, print_table
from pipeline_stream import write_stream

from newsloom.records import Article


def _articles(path: Path, size: int) -> Iterator[list[Article]]:
    """The stream's first ``size`` articles, normalized, in the pipeline's chunks and order."""
    from newsloom.ingest import read_sources
    from newsloom.normalize.article import normalize
    from newsloom.pipeline import CHUNK
    from newsloom.records import RunReport
    from newsloom.settings import IngestSettings
    from newsloom.time_order import time_key

    chunk: list[Article] = []
    documents = read_sources([str(path)], IngestSettings(max_file_mb=LARGE_MB), RunReport())
    for number, raw in enumerate(documents):
        if number >= size:
            break
        chunk.append(normalize(raw))
        if len(chunk) == CHUNK:
            yield sorted(chunk, key=lambda article: time_key(article.published))
            chunk = []
    if chunk:
        yield sorted(chunk, key=lambda article: time_key(article.published))


def measure(path: Path, size: int, database: str, profile: Path | None) -> dict[str, Any]:
    from newsloom.assign_state import load_reuse_index, write_reuse
    from newsloom.settings import ReuseSettings
    from newsloom.store import open_store

    store = open_store(database)
    index = load_reuse_index(store, ReuseSettings())
    seconds = {"index": 0.0, "store": 0.0, "cpu": 0.0}
    digest = hashlib.sha256()
    links = duplicates = 0
    tenths: list[float] = []
    tenth_seconds = 0.0
    tenth_count = 0
    step = max(1, size // 10)
    profiler = cProfile.Profile() if profile else None
    for chunk in _articles(path, size):
        for article in chunk:
            with store.transaction():
                store.add_article(article)
                if profiler:
                    profiler.enable()
                started, started_cpu = time.perf_counter(), time.process_time()
                reuse = index.add(article)
                indexed = time.perf_counter()
                store.put_reuse(reuse)
                write_reuse(store, index.snapshot(article.id))
                done, cpu = time.perf_counter(), time.process_time() - started_cpu
                if profiler:
                    profiler.disable()
            seconds["index"] += indexed - started
            seconds["store"] += done - indexed
            seconds["cpu"] += cpu
            tenth_seconds += cpu
            tenth_count += 1
            if tenth_count == step:
                tenths.append(tenth_seconds / tenth_count)
                tenth_seconds, tenth_count = 0.0, 0
            digest.update(json.dumps(dataclasses.asdict(reuse), sort_keys=True).encode())
            links += len(reuse.passages)
            duplicates += reuse.duplicate_of is not None
    store.close()
    if profiler and profile:
        profiler.dump_stats(profile)
    return {
        "size": size,
        "seconds": seconds,
        "growth": tenths[-1] / tenths[0] if len(tenths) > 1 else float("nan"),
        "tenths": tenths,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "links": links,
        "duplicates": duplicates,
        "digest": digest.hexdigest()[:12],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--db", help="a PostgreSQL URL (emptied first); default: SQLite")
    parser.add_argument("--data", type=Path, default=reuse_corpus.DATA, help="../shared/data")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the stage per size")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        stream, size, out = arguments.child
        database = arguments.db or str(Path(out).with_suffix(".db"))
        if arguments.db:
            _empty_postgres(arguments.db)
        profile = arguments.profile.with_suffix(f".{size}.prof") if arguments.profile else None
        result = measure(Path(stream), int(size), database, profile)
        Path(out).write_text(json.dumps(result), encoding="utf-8")
        return
    reuse_corpus.DATA = arguments.data
    print(f"machine: {machine()}", flush=True)
    rows = [
        "| articles | reuse s | index s | store s | articles/s | CPU s | per CPU s | growth |"
        " peak MB | links | duplicates | digest |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    curves: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsloom-reuse-") as directory:
        stream = Path(directory) / "stream.jsonl"
        write_stream(stream, max(arguments.sizes))
        for size in arguments.sizes:
            out = Path(directory) / f"result-{size}.json"
            command = [sys.executable, __file__, "--child", str(stream), str(size), str(out)]
            if arguments.db:
                command += ["--db", arguments.db]
            if arguments.profile:
                command += ["--profile", str(arguments.profile)]
            result = child_result(command, out)
            index, store = result["seconds"]["index"], result["seconds"]["store"]
            cpu = result["seconds"]["cpu"]
            row = (
                f"| {size:,} | {index + store:.1f} | {index:.1f} | {store:.1f} |"
                f" {size / (index + store):.0f} | {cpu:.1f} | {size / cpu:.0f} |"
                f" {result['growth']:.2f}× |"
                f" {result['peak_mb']:.0f} | {result['links']:,} | {result['duplicates']:,} |"
                f" {result['digest']} |"
            )
            rows.append(row)
            print(row, flush=True)
            tenths = " · ".join(f"{1000 * seconds:.1f}" for seconds in result["tenths"])
            curves.append(f"{size:,}: CPU ms per article, per tenth of the run: {tenths}")
    print_table(rows)
    print("\n".join(curves))
    print(
        "reuse s: wall seconds of ReuseIndex.add (index) + put_reuse and the signature writes"
        " (store); articles/s: of that stage alone; CPU s: its CPU seconds (per CPU s: articles"
        " per CPU second); growth: its CPU cost per article in the last tenth over the first;"
        " digest: of every ReuseResult, in order (equal digests, equal links)."
    )


if __name__ == "__main__":
    main()
