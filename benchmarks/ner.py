"""NER speed and peak memory: the contextual model ("accurate") against the fast one (issue 17).

Each model runs in its own process, on one thread and on two (OMP_NUM_THREADS / OPENBLAS
threads), over pre-tokenised sentences: NorNE Bokmål dev when ``../shared/data`` is beside the
checkout, else the example corpus's paragraphs split into words. It prints sentences per second
(wall clock and per CPU-second), peak resident memory and the ratio to the fast model.

    python benchmarks/ner.py [--sentences 2000] [--threads 1 2] [--contextual-model FILE ...]

The accurate model is measured twice: its encoder run by ONNX Runtime (``accurate-onnx``, int8,
when onnxruntime is installed) and by NumPy (``accurate-numpy``, float32). ``--contextual-model``
adds a row for each other file of the accurate model (named by its stem; ONNX Runtime when its
graph is beside it).
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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsloom.entities.contextual import Runtime

ROOT = Path(__file__).resolve().parent.parent
NORNE = ROOT.parent / "shared" / "data" / "ner" / "norne-nob" / "dev.conll"
RUNTIMES = ("auto", "onnx", "numpy")
EXAMPLE = ROOT / "src" / "newsloom" / "data" / "example" / "articles.jsonl"


def sentences(count: int) -> tuple[str, list[list[str]]]:
    if NORNE.is_file():
        from newsloom.entities.conll import read_conll

        found = [list(sentence.words) for sentence in read_conll(NORNE)]
        source = "NorNE Bokmål dev"
    else:
        found = []
        for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") or ""
            found += [paragraph.split() for paragraph in text.split("\n") if paragraph.strip()]
        source = "example corpus paragraphs"
    return source, [found[index % len(found)] for index in range(count)]


def measure(
    model: str, count: int, other: Path | None, runtime: Runtime
) -> dict[str, float | str | int]:
    from newsloom.entities.ner import EntityRecognizer

    source, batch = sentences(count)
    recognizer = EntityRecognizer.load(
        model="accurate" if model == "accurate" else "fast", contextual_model=other, runtime=runtime
    )
    recognizer.find_in_tokens(batch[:20], language="nb")  # load outside the timing
    cpu, wall = time.process_time(), time.perf_counter()
    recognizer.find_in_tokens(batch, language="nb")
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "model": model,
        "source": source,
        "sentences": count,
        "per_cpu_second": round(count / cpu, 1),
        "per_second": round(count / wall, 1),
        "peak_mb": round(peak, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--contextual-model", type=Path, nargs="*", default=[])
    parser.add_argument("--model", help=argparse.SUPPRESS)  # one measurement in this process
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--runtime", default="auto", choices=RUNTIMES, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.model:
        runtime: Runtime = arguments.runtime
        print(json.dumps(measure(arguments.model, arguments.sentences, arguments.file, runtime)))
        return
    columns = f"{'sent/s':>8} {'sent/CPU-s':>10} {'peak MB':>8} {'vs fast':>8}"
    print(f"{'model':14} {'threads':>7} {columns}")
    for threads in arguments.threads:
        environment = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            **{name: str(threads) for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")},
        }
        fast = 0.0
        runs: list[tuple[str, Path | None, Runtime]] = [("fast", None, "auto")]
        runs += [("accurate", None, "onnx"), ("accurate", None, "numpy")]
        runs += [("accurate", path.resolve(), "auto") for path in arguments.contextual_model]
        for model, other, runtime in runs:
            name = other.stem if other else model if model == "fast" else f"{model}-{runtime}"
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--model",
                    model,
                    "--sentences",
                    str(arguments.sentences),
                    *(["--file", str(other)] if other else []),
                    "--runtime",
                    runtime,
                ],
                capture_output=True,
                text=True,
                env=environment,
            )
            if done.returncode:
                print(f"{name:14} failed: {done.stderr.strip().splitlines()[-1:]}")
                continue
            row = json.loads(done.stdout.strip().splitlines()[-1])
            fast = fast or float(row["per_second"])
            ratio = float(row["per_second"]) / fast if fast else 0.0
            print(
                f"{name:14} {threads:>7} {row['per_second']:>8} {row['per_cpu_second']:>10} "
                f"{row['peak_mb']:>8} {ratio:>7.2f}x"
            )
    print(f"sentences: {arguments.sentences} ({sentences(1)[0]})")


if __name__ == "__main__":
    main()
