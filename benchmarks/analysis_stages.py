"""CPU seconds of each per-article stage of ``newsloom ingest`` (issue 19): normalize, language,
entities, times, quotes, figures and story terms, over the 1,000-article synthetic stream of
``pipeline.py``, in one warm process.

    .venv/bin/python benchmarks/analysis_stages.py            # one pass, as JSON
    .venv/bin/python benchmarks/analysis_stages.py --data ../shared/data

The stream is built from ../shared/data at run time (never copied here). The stages run as
``newsloom ingest`` runs them (``prepare_document``, then ``analyze_prepared`` with the default
analyze settings: the accurate NER, no stored embedding), after a warm-up on the first 60
articles that loads the models, patterns and dictionaries; each stage's timer reads
``time.process_time`` instead of the wall clock, so the figures are CPU seconds of this process
alone. Compare two versions by running them in turn, several rounds.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import reuse_corpus
from pipeline_stream import write_stream

import newsloom.timing
from newsloom.analyze.prepare import analyze_prepared, analyzer_for, prepare_document
from newsloom.ingest import read_sources
from newsloom.records import RunReport
from newsloom.settings import AnalyzeSettings, IngestSettings

WARM_UP = 60


def stage_seconds(data: Path, size: int) -> dict[str, float]:
    reuse_corpus.DATA = data
    with tempfile.TemporaryDirectory() as folder:
        stream = Path(folder) / "stream.jsonl"
        write_stream(stream, size)
        documents = list(read_sources([str(stream)], IngestSettings(), RunReport()))
    analyzer = analyzer_for(AnalyzeSettings())
    for document in documents[:WARM_UP]:
        analyze_prepared(prepare_document(document), analyzer)
    newsloom.timing.perf_counter = time.process_time  # the stage timers read CPU time
    seconds: dict[str, float] = {}
    start = time.process_time()
    for document in documents:
        analyze_prepared(prepare_document(document, seconds), analyzer, seconds)
    seconds["total"] = time.process_time() - start
    return {stage: round(value, 3) for stage, value in seconds.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=reuse_corpus.DATA)
    parser.add_argument("--size", type=int, default=1000)
    arguments = parser.parse_args()
    print(json.dumps(stage_seconds(arguments.data, arguments.size)))


if __name__ == "__main__":
    main()
