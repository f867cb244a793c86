"""End-to-end speed and memory of ``newsloom ingest`` against the floor, at growing stream sizes.

The stream is synthetic but real text (``pipeline_stream.py``: ML-Crisis Spanish articles with
paragraphs shuffled and names and numbers varied, read from ../shared/data at run time), written
as JSON Lines. Each configuration runs in its own process on the same file:

- ``floor``: read + parse the JSON Lines + one SQLite row per article (no newsloom stages);
- ``floor+langid``: and py3langid on every paragraph;
- ``floor+langid+tokens``: and spaCy's blank tokenizer on every paragraph;
- ``local``: ``newsloom ingest`` in one process (SQLite);
- ``dask-1``, ``dask-2``: ``newsloom ingest --engine dask`` with 1 or 2 local worker processes;
- ``postgres``: ``local`` into the PostgreSQL database given with ``--db`` (it is emptied first);
- ``dask-2-lean``: ``dask-2`` with entities, quotes, figures and times off, so a 100k stream runs
  in minutes: the driver's memory (reader, assign state, store) at that size.

For each it prints articles/s (wall and per CPU second of the processes doing the work), the
peak resident memory of the driver and of the largest worker, and where the time went per stage.

    .venv/bin/python benchmarks/pipeline.py --sizes 1000 10000
    .venv/bin/python benchmarks/pipeline.py --sizes 100000 --configs floor dask-2
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuse_corpus
from pipeline_stream import write_stream

CONFIGS = (
    "floor",
    "floor+langid",
    "floor+langid+tokens",
    "local",
    "dask-1",
    "dask-2",
    "postgres",
    "dask-2-lean",
)
DEFAULT_CONFIGS = CONFIGS[:6]
LARGE_MB = 100_000.0  # the 100k stream is 630 MB, over the default max_file_mb


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _documents(path: Path, progress: Callable[[int], None] | None) -> Iterator[Any]:
    from newsloom.ingest import read_sources
    from newsloom.records import RunReport
    from newsloom.settings import IngestSettings

    for document in read_sources([str(path)], IngestSettings(max_file_mb=LARGE_MB), RunReport()):
        if progress:
            progress(1)
        yield document


def run_floor(config: str, path: Path, workdir: Path) -> dict[str, Any]:
    """read + parse + SQLite rows, optionally with language id and tokens per paragraph."""
    from newsloom.cli.ingest import progress_bar

    identifier: Any = None
    tokenizer: Any = None
    if "langid" in config:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if "tokens" in config:
        import spacy

        tokenizer = spacy.blank("es").tokenizer
    database = sqlite3.connect(workdir / f"{config}.db")
    database.execute("CREATE TABLE article (id TEXT PRIMARY KEY, title TEXT, text TEXT, lang TEXT)")
    seconds: dict[str, float] = {}
    count = 0
    with progress_bar(config) as progress:
        for document in _documents(path, progress):
            paragraphs = [p for p in document.text.split("\n\n") if p.strip()]
            languages = []
            if "langid" in config:
                started = time.perf_counter()
                languages = [identifier.classify(p)[0] for p in paragraphs]
                seconds["language"] = seconds.get("language", 0.0) + time.perf_counter() - started
            if "tokens" in config:
                started = time.perf_counter()
                for paragraph in paragraphs:
                    tokenizer(paragraph)
                seconds["tokens"] = seconds.get("tokens", 0.0) + time.perf_counter() - started
            database.execute(
                "INSERT INTO article VALUES (?, ?, ?, ?)",
                (document.external_id, document.title, document.text, ",".join(languages)),
            )
            count += 1
            if count % 500 == 0:
                database.commit()
    database.commit()
    database.close()
    return {"articles": count, "seconds": seconds}


def _empty_postgres(url: str) -> None:
    import psycopg  # the PostgreSQL store's driver (installed with newsloom's postgres extra)

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")


def run_newsloom(config: str, path: Path, workdir: Path, db_url: str | None) -> dict[str, Any]:
    from newsloom.cli.ingest import progress_bar
    from newsloom.engine import DaskEngine, close_engine, open_engine
    from newsloom.pipeline import ingest
    from newsloom.settings import load_settings
    from newsloom.store import open_store

    if config == "postgres":
        if not db_url:
            raise SystemExit("postgres needs --db postgresql://...")
        _empty_postgres(db_url)
        database = db_url
    else:
        database = str(workdir / f"{config}.db")
    settings = load_settings(environ={}, db=database)
    ingest_settings = settings.ingest.model_copy(update={"max_file_mb": LARGE_MB})
    settings = settings.model_copy(update={"ingest": ingest_settings})
    engine_settings = settings.engine
    if config.startswith("dask-"):
        engine_settings = engine_settings.model_copy(
            update={"name": "dask", "workers": int(config.split("-")[1])}
        )
    if config.endswith("-lean"):  # the driver's side alone: workers only normalize and language
        off = dict.fromkeys(("entities", "quotes", "figures", "times"), False)
        settings = settings.model_copy(update={"analyze": settings.analyze.model_copy(update=off)})
    engine = open_engine(
        engine_settings, settings.analyze, settings.cluster.embedded_by, settings.reuse
    )
    store = open_store(database)
    worker_peaks: list[float] = []
    worker_cpu = 0.0
    try:
        with progress_bar(config) as progress:
            report = ingest([str(path)], settings, store, progress, engine)
        if isinstance(engine, DaskEngine):
            usage = engine.run_on_workers(_worker_usage)
            worker_peaks = [peak for peak, _ in usage]
            worker_cpu = sum(cpu for _, cpu in usage)
    finally:
        store.close()
        close_engine(engine)
    return {
        "articles": report.new,
        "rejected": len(report.rejected),
        "seconds": report.seconds,
        "worker_peak_mb": max(worker_peaks, default=0.0),
        "worker_cpu": worker_cpu,
    }


def _worker_usage() -> tuple[float, float]:
    return _peak_mb(), _cpu_seconds()


def child(config: str, path: Path, workdir: Path, db_url: str | None, out: Path) -> None:
    started = time.perf_counter()
    if config.startswith("floor"):
        result = run_floor(config, path, workdir)
    else:
        result = run_newsloom(config, path, workdir, db_url)
    result["wall"] = time.perf_counter() - started
    result["cpu"] = _cpu_seconds() + result.get("worker_cpu", 0.0)
    result["peak_mb"] = _peak_mb()
    out.write_text(json.dumps(result), encoding="utf-8")


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{platform.node()}: {os.cpu_count()} cores ({model or platform.processor()}), "
        f"{memory:.0f} GB, Python {platform.python_version()}, load average {load}"
    )


def child_result(command: list[str], out: Path) -> dict[str, Any]:
    """Run one measurement in its own process; the result it wrote to ``out`` as JSON."""
    subprocess.run(command, check=True)
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def print_table(rows: list[str]) -> None:
    print(f"\nmachine: {machine()}")
    print("\n".join(rows))


def _stages(seconds: dict[str, float]) -> str:
    top = sorted(seconds.items(), key=lambda item: -item[1])[:6]
    return ", ".join(f"{name} {value:.1f}" for name, value in top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--configs", nargs="+", choices=CONFIGS, default=list(DEFAULT_CONFIGS))
    parser.add_argument("--db", help="a PostgreSQL URL: adds the postgres configuration")
    parser.add_argument("--data", type=Path, default=reuse_corpus.DATA, help="../shared/data")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        config, path, workdir, out = arguments.child
        child(config, Path(path), Path(workdir), arguments.db, Path(out))
        return
    reuse_corpus.DATA = arguments.data
    configs = list(arguments.configs)
    if arguments.db and "postgres" not in configs:
        configs.append("postgres")
    print(f"machine: {machine()}", flush=True)
    header = "| size | run | wall s | articles/s | per CPU s | peak MB | worker MB | stages (s) |"
    rows = [header, "|---|---|---|---|---|---|---|---|"]
    results: list[dict[str, Any]] = []
    for size in arguments.sizes:
        with tempfile.TemporaryDirectory(prefix="newsloom-bench-") as directory:
            workdir = Path(directory)
            stream = workdir / f"stream-{size}.jsonl"
            megabytes = write_stream(stream, size) / 2**20
            print(f"stream of {size} articles: {megabytes:.1f} MB", flush=True)
            for config in configs:
                out = workdir / f"{config}.json"
                command = [sys.executable, __file__, "--child", config, str(stream), directory]
                command.append(str(out))
                if arguments.db:
                    command += ["--db", arguments.db]
                result = child_result(command, out) | {"size": size, "config": config}
                if result.get("rejected"):
                    print(f"warning: {config} rejected {result['rejected']} item(s)", flush=True)
                results.append(result)
                rate = result["articles"] / result["wall"]
                per_cpu = result["articles"] / result["cpu"] if result["cpu"] else 0.0
                row = (
                    f"| {size:,} | {config} | {result['wall']:.1f} | {rate:.0f} | {per_cpu:.0f} | "
                    f"{result['peak_mb']:.0f} | {result.get('worker_peak_mb', 0):.0f} | "
                    f"{_stages(result['seconds'])} |"
                )
                rows.append(row)
                print(row, flush=True)
    print_table(rows)
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
