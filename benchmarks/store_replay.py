"""The store stage alone: its CPU seconds and the database it writes, to compare two versions.

``--capture`` ingests the synthetic stream of ``pipeline.py`` once and pickles every article and
analysis the pipeline hands the store (stage timers in CPU seconds are printed). ``--replay``
writes them into a fresh SQLite file, each article with its analysis in one transaction as the
pipeline does (``add_article(article, analysis)`` where the checkout has it, else
``add_article`` then ``put_analysis``), and prints the CPU seconds of those calls; ``--dump``
also writes every table (rowids included, timestamps blanked) and the FTS5 vocabulary (term,
article, column, offset) as JSON, for ``cmp`` across checkouts.

    PYTHONPATH=src .venv/bin/python benchmarks/store_replay.py --capture /tmp/stream.pkl
    PYTHONPATH=../main/src .venv/bin/python benchmarks/store_replay.py --replay /tmp/stream.pkl \
        --dump /tmp/before.json
    PYTHONPATH=src .venv/bin/python benchmarks/store_replay.py --replay /tmp/stream.pkl \
        --dump /tmp/after.json && cmp /tmp/before.json /tmp/after.json
"""

from __future__ import annotations

import argparse
import inspect
import json
import pickle
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuse_corpus
from pipeline_stream import write_stream

BLANKED = ("ingested_at", "applied_at")  # when it was written: differs run to run


def capture(out: Path, size: int) -> None:
    import newsloom.timing
    from newsloom.pipeline import ingest
    from newsloom.settings import load_settings
    from newsloom.store import open_store
    from newsloom.store.analyses import AnalysisQueries
    from newsloom.store.articles import ArticleQueries

    newsloom.timing.perf_counter = time.process_time  # stage timers in CPU seconds
    handed: list[Any] = []
    add, put = ArticleQueries.add_article, AnalysisQueries.put_analysis

    def add_article(self: Any, article: Any, analysis: Any = None) -> bool:
        handed.append((article, analysis))
        if analysis is None:  # a checkout whose add_article takes no analysis
            return add(self, article)
        return add(self, article, analysis)  # type: ignore[call-arg]

    def put_analysis(self: Any, analysis: Any) -> None:
        handed.append((None, analysis))
        put(self, analysis)

    ArticleQueries.add_article = add_article  # type: ignore[method-assign]
    AnalysisQueries.put_analysis = put_analysis  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as directory:
        stream, database = Path(directory) / "stream.jsonl", str(Path(directory) / "x.db")
        write_stream(stream, size)
        settings = load_settings(environ={}, db=database)
        ingest_settings = settings.ingest.model_copy(update={"max_file_mb": 100_000.0})
        settings = settings.model_copy(update={"ingest": ingest_settings})
        store = open_store(database)
        try:
            report = ingest([str(stream)], settings, store)
        finally:
            store.close()
    pairs = []
    for article, analysis in handed:  # each article with the analysis stored after it
        if article is not None:
            pairs.append([article, analysis])
        elif pairs and pairs[-1][1] is None and pairs[-1][0].id == analysis.article_id:
            pairs[-1][1] = analysis
    out.write_bytes(pickle.dumps(pairs))
    seconds = sorted(report.seconds.items(), key=lambda item: -item[1])
    print(", ".join(f"{stage} {value:.2f}" for stage, value in seconds))


def replay(pickled: Path, dump: Path | None) -> None:
    from newsloom.store import open_store

    pairs = pickle.loads(pickled.read_bytes())
    with tempfile.TemporaryDirectory() as directory:
        database = str(Path(directory) / "x.db")
        store = open_store(database)
        together = "analysis" in inspect.signature(store.add_article).parameters
        cpu = 0.0
        for article, analysis in pairs:
            with store.transaction():  # the commit is not the store stage's (as in the pipeline)
                started = time.process_time()
                if together:
                    store.add_article(article, analysis)  # type: ignore[call-arg]
                else:
                    store.add_article(article)
                    if analysis is not None:
                        store.put_analysis(analysis)
                cpu += time.process_time() - started
        store.close()
        print(f"store: {cpu:.3f} CPU s for {len(pairs)} articles")
        if dump:
            dump.write_text(json.dumps(tables(database), default=str), encoding="utf-8")


def tables(database: str) -> dict[str, Any]:
    connection = sqlite3.connect(database)
    found: dict[str, Any] = {}
    names = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'articles_fts_%' ORDER BY name"
    ).fetchall()
    for (table,) in names:
        columns = [c[0] for c in connection.execute(f'SELECT * FROM "{table}" LIMIT 0').description]
        if table != "sqlite_sequence":
            columns = ["rowid", *columns]
        selected = ", ".join(f'"{column}"' if column != "rowid" else "rowid" for column in columns)
        rows = connection.execute(f'SELECT {selected} FROM "{table}"').fetchall()
        blank = [column in BLANKED for column in columns]
        kept = [[None if b else v for b, v in zip(blank, row, strict=True)] for row in rows]
        found[table] = [columns, kept]
    connection.execute(
        "CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, 'articles_fts', 'instance')"
    )
    found["fts vocabulary"] = connection.execute(
        "SELECT * FROM temp.vocabulary ORDER BY 1, 2, 3, 4"
    ).fetchall()
    connection.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=reuse_corpus.DATA, help="../shared/data")
    parser.add_argument("--capture", type=Path, help="ingest the stream, pickle what is stored")
    parser.add_argument("--size", type=int, default=1000, help="articles in the stream")
    parser.add_argument("--replay", type=Path, help="a --capture file to store again")
    parser.add_argument("--dump", type=Path, help="with --replay: the tables as JSON here")
    arguments = parser.parse_args()
    reuse_corpus.DATA = arguments.data
    if arguments.capture:
        capture(arguments.capture, arguments.size)
    if arguments.replay:
        replay(arguments.replay, arguments.dump)


if __name__ == "__main__":
    main()
