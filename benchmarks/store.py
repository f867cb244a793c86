"""SQLite against PostgreSQL: the same ingest and export, timed per store.

Ingests the bundled example corpus (or any SOURCES) into a fresh SQLite file and a fresh
PostgreSQL schema, alternating, with the models loaded once beforehand, so the difference
between the rows is the store's. ``db s`` is the time spent in database calls (statements,
COPY, begin and commit); ``export s`` reads everything back as the JSON export does.

    .venv/bin/python benchmarks/store.py --repeat 3
    .venv/bin/python benchmarks/store.py --postgresql postgresql://127.0.0.1/test SOURCES...
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsloom.analyze.analyzer import Analyzer
from newsloom.export import write_export
from newsloom.pipeline import Pipeline
from newsloom.records import RunReport
from newsloom.settings import load_settings
from newsloom.store import open_store

EXAMPLE = Path(__file__).resolve().parent.parent / "src/newsloom/data/example/articles.jsonl"
TIMED = ("execute", "executemany", "insert_rows", "begin", "commit")


def timed_calls(connection: Any) -> list[float]:
    """Wrap the connection's database calls; the returned list holds their total seconds."""
    total = [0.0]

    def wrap(call: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                total[0] += time.perf_counter() - start

        return timed

    for name in TIMED:
        setattr(connection, name, wrap(getattr(connection, name)))
    return total


def run_once(url: str, sources: list[str], analyzer: Analyzer) -> dict[str, float]:
    settings = load_settings(environ={}, db=url)
    store = open_store(url)
    try:
        database = timed_calls(store.connection)  # type: ignore[attr-defined]
        pipeline = Pipeline.open(settings, store)
        pipeline.analyzer = analyzer  # loaded once, outside the timing
        report = RunReport()
        start = time.perf_counter()
        pipeline.ingest(sources, report)
        wall = time.perf_counter() - start
        ingest_database = database[0]
        start = time.perf_counter()
        write_export(store, io.StringIO())
        export = time.perf_counter() - start
    finally:
        store.close()
    return {
        "articles": report.new,
        "wall": wall,
        "database": ingest_database,
        "export": export,
    }


def new_schema(server: str) -> tuple[str, Callable[[], None]]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")

    separator = "&" if "?" in server else "?"
    return f"{server}{separator}options=-csearch_path%3D{schema}", drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", default=[str(EXAMPLE)])
    parser.add_argument("--postgresql", default="postgresql://127.0.0.1:5432/test")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = load_settings(environ={})
    analyzer = Analyzer.load(settings.analyze)
    results: dict[str, list[dict[str, float]]] = {"sqlite": [], "postgresql": []}
    with tempfile.TemporaryDirectory() as folder:
        for round_number in range(args.repeat):
            for kind in results:
                if kind == "sqlite":
                    url, drop = str(Path(folder) / f"bench{round_number}.db"), lambda: None
                else:
                    url, drop = new_schema(args.postgresql)
                try:
                    results[kind].append(run_once(url, args.sources, analyzer))
                finally:
                    drop()
                print(f"round {round_number + 1} {kind} done", file=sys.stderr)
    print(f"median of {args.repeat} runs, models loaded beforehand")
    print("| store | articles | ingest wall s | articles/s | db s | db share | export s |")
    print("|---|---|---|---|---|---|---|")
    for kind, runs in results.items():
        wall = statistics.median(r["wall"] for r in runs)
        database = statistics.median(r["database"] for r in runs)
        export = statistics.median(r["export"] for r in runs)
        articles = int(runs[0]["articles"])
        print(
            f"| {kind} | {articles} | {wall:.2f} | {articles / wall:.1f} | {database:.2f}"
            f" | {database / wall:.0%} | {export:.2f} |"
        )


if __name__ == "__main__":
    main()
