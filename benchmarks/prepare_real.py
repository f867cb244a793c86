"""normalize and language id on real articles: a dump to compare two versions byte for byte, and
CPU seconds (issue 19).

    .venv/bin/python benchmarks/prepare_real.py build /tmp/raw.pickle --data ../shared/data
    .venv/bin/python benchmarks/prepare_real.py dump /tmp/raw.pickle out.json
    .venv/bin/python benchmarks/prepare_real.py time /tmp/raw.pickle      # best of 3

``build`` reads the raw documents of ``extract_real.py``'s sets (the 1,000-article stream, the
ML-Crisis Spanish texts, the example corpus, gold-real and SemEval) and pickles them; ``dump``
writes every prepared article (``prepare_document``: normalize, then language per paragraph) as
JSON, one a line; ``time`` gives the CPU seconds of normalize and of language id over the stream,
best of three passes, the language guesses' memory emptied before each (as in a fresh process).
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import extract_real
import reuse_corpus

from newsloom.records import RawDocument

Raw = dict[str, list[RawDocument]]


def build(data: Path, output: Path) -> None:
    every = extract_real.raw_sets(data)
    # (the sets and order this dump has always had: not the Italian SemEval texts)
    sets: Raw = {
        name: every[name] for name in ("stream", "ml-crisis", "example", "gold-real", "semeval")
    }
    output.write_bytes(pickle.dumps(sets))


def _plain(value: Any) -> Any:
    return str(value) if not isinstance(value, int | float | str | None) else value


def dump(sets: Raw, output: Path) -> None:
    from newsloom.analyze.prepare import prepare_document

    with output.open("w", encoding="utf-8") as out:
        for name, documents in sets.items():
            for document in documents:
                prepared = prepare_document(document)
                record = {
                    "set": name,
                    "origin": document.origin,
                    "problem": prepared.problem,
                    "article": asdict(prepared.article) if prepared.article else None,
                }
                out.write(json.dumps(record, ensure_ascii=False, default=_plain) + "\n")


def cpu_seconds(sets: Raw, repeat: int) -> None:
    from newsloom.normalize import language
    from newsloom.normalize.article import normalize

    stream = sets["stream"]
    language.detect_languages(normalize(stream[0]))  # the detector loaded before timing
    best = {"normalize": float("inf"), "language": float("inf")}
    for _ in range(repeat):
        start = time.process_time()
        articles = [normalize(document) for document in stream]
        language._GUESSES.clear()
        middle = time.process_time()
        for article in articles:
            language.detect_languages(article)
        end = time.process_time()
        best = {
            "normalize": min(best["normalize"], middle - start),
            "language": min(best["language"], end - middle),
        }
    print(
        f"{len(stream)} stream articles, best of {repeat}: "
        + ", ".join(f"{k} {v:.2f} CPU s" for k, v in best.items())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("mode", choices=["build", "dump", "time"])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--data", type=Path, default=reuse_corpus.DATA)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    if arguments.mode == "build":
        build(arguments.data, arguments.paths[0])
        return
    sets: Raw = pickle.loads(arguments.paths[0].read_bytes())
    if arguments.mode == "dump":
        dump(sets, arguments.paths[1])
    else:
        cpu_seconds(sets, arguments.repeat)


if __name__ == "__main__":
    main()
