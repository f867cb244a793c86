"""CPU cost of the assigning process alone: analysed articles replayed into a fresh store.

``capture`` runs normalize, language, analyze and the embedding (what a Dask worker does,
``prepare.prepare_shard``, in this process) over a corpus once and pickles the results;
``replay`` feeds them to :class:`~newsloom.pipeline.Pipeline` through an engine that has done
the analysis already (as the Dask engine has), so only the driver's work runs: store, reuse,
stories. Stage times are CPU seconds of this process (``time.process_time`` instead of the wall
clock the run report uses), best of ``--repeat`` runs; each run's JSON export is hashed, so two
versions of newsloom can be compared on the same input for identical output.

    .venv/bin/python benchmarks/assign_replay.py capture corpus.jsonl /tmp/corpus.pickle
    # the UCI headlines in time order, as ``newsloom eval clustering`` ingests them first
    .venv/bin/python benchmarks/assign_replay.py capture \\
        uci:../shared/data/clustering/uci-headlines/dev.csv /tmp/uci.pickle
    .venv/bin/python benchmarks/assign_replay.py replay /tmp/corpus.pickle --repeat 3 \\
        --export /tmp/export.jsonl
    .venv/bin/python benchmarks/assign_replay.py replay /tmp/corpus.pickle --profile
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import pickle
import pstats
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

STAGES = ("store", "assign: reuse", "assign: stories", "assign: dates")


def capture(sources: list[str], out: Path) -> None:
    from newsloom.analyze.prepare import prepare_shard
    from newsloom.ingest import read_sources
    from newsloom.records import RunReport
    from newsloom.settings import Settings
    from newsloom.store.rows import article_rows

    settings = Settings()
    documents = []
    for source in sources:
        if source.startswith("uci:"):  # UCI headlines in time order, as eval clustering has them
            from newsloom.evaluate.clustering import _in_time_order, load_uci_headlines

            items = _in_time_order(load_uci_headlines(source.removeprefix("uci:")))
            documents.extend(item.document for item in items)
        else:
            documents.extend(read_sources([source], settings.ingest, RunReport()))
    prepared = []
    for start in range(0, len(documents), 25):
        shard = documents[start : start + 25]
        prepared.extend(
            prepare_shard(
                shard, settings.analyze, settings.cluster.embedded_by, settings.reuse, article_rows
            ).prepared
        )
    out.write_bytes(pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL))
    print(f"{len(prepared)} documents captured in {out}")


class ReplayEngine:
    """Hands back the captured records as if a Dask worker had just analysed them."""

    analyzes = True

    def __init__(self, prepared: list[object]) -> None:
        self._prepared = prepared

    def prepare(self, documents: Iterable[object], report: object) -> Iterator[object]:
        for _ in documents:  # read (counted) but not analysed again
            pass
        yield from self._prepared

    def close(self) -> None:
        pass


def replay_once(
    prepared: list[object], profiler: cProfile.Profile | None = None, export: bool = True
) -> tuple[dict[str, float], float, str, str]:
    import newsloom.timing
    from newsloom.export import write_export
    from newsloom.pipeline import Pipeline
    from newsloom.records import RunReport
    from newsloom.settings import Settings
    from newsloom.store import open_store

    newsloom.timing.perf_counter = time.process_time  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "replay.db")
        report = RunReport()
        start = time.process_time()
        if profiler is not None:
            profiler.enable()
        pipeline = Pipeline.open(Settings(), store, ReplayEngine(prepared))  # type: ignore[arg-type]
        pipeline.ingest_documents([], report)
        if profiler is not None:
            profiler.disable()
        total = time.process_time() - start
        out = io.StringIO()
        if export:
            write_export(store, out)
        store.close()
    text = out.getvalue()
    digest = hashlib.sha256(text.encode()).hexdigest()
    return {stage: report.seconds.get(stage, 0.0) for stage in STAGES}, total, digest, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    capturing = commands.add_parser("capture")
    capturing.add_argument("sources", nargs="+")
    capturing.add_argument("out", type=Path)
    replaying = commands.add_parser("replay")
    replaying.add_argument("captured", type=Path)
    replaying.add_argument("--repeat", type=int, default=3)
    replaying.add_argument("--export", type=Path, help="write the last run's JSON export here")
    replaying.add_argument(
        "--profile", action="store_true", help="cProfile one run's ingest instead (no export)"
    )
    arguments = parser.parse_args()
    if arguments.command == "capture":
        capture(arguments.sources, arguments.out)
        return
    prepared = pickle.loads(arguments.captured.read_bytes())
    if arguments.profile:
        profiler = cProfile.Profile()
        replay_once(prepared, profiler, export=False)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        return
    best: dict[str, float] = {}
    best_total = float("inf")
    digests: set[str] = set()
    text = ""
    for _ in range(arguments.repeat):
        seconds, total, digest, text = replay_once(prepared)
        for stage, value in seconds.items():
            best[stage] = min(best.get(stage, float("inf")), value)
        best_total = min(best_total, total)
        digests.add(digest)
    if arguments.export:
        arguments.export.write_text(text, encoding="utf-8")
    result = {
        "articles": len(prepared),
        "cpu_seconds_best": {stage: round(value, 3) for stage, value in best.items()},
        "ingest_cpu_seconds_best": round(best_total, 3),
        "export_sha256": sorted(digests),
    }
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
