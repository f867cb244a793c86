"""Quote and figure extraction on real articles: a dump to compare two versions byte for byte, and
CPU seconds (issue 19).

    .venv/bin/python benchmarks/extract_real.py build /tmp/articles.pickle     # inputs, once
    .venv/bin/python benchmarks/extract_real.py dump /tmp/articles.pickle out.json
    .venv/bin/python benchmarks/extract_real.py time /tmp/articles.pickle      # best of 3
    .venv/bin/python benchmarks/extract_real.py import                         # import cost

``build`` reads the articles (from ../shared/data at run time, never copied here; ``--data`` names
another folder): the ML-Crisis Spanish texts, a 1,000-article stream made of them
(``pipeline_stream.py``), the example corpus, the gold-real Norwegian articles, SemEval
English, German and French texts and, as a set of their own, SemEval's Italian ones (the sample
has no Portuguese); normalizes them and finds their languages and entities (the
fast model) as ``newsloom ingest`` does, and pickles them, so that two versions of the extractors
read the same input. ``dump`` writes the times, quotes and figures of every article as JSON
(compare two dumps with ``cmp``); ``time`` gives the CPU seconds (``time.process_time``) of quote
and figure extraction over the 1,000-article stream, best of three passes; ``import`` the CPU
seconds of importing both extractors in a fresh process.
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import reuse_corpus
from pipeline_stream import write_stream

from newsloom.analyze.analyzer import TIMELESS_KINDS
from newsloom.analyze.prepare import prepare_document
from newsloom.records import Article, EntityMention, RawDocument, RunReport
from newsloom.settings import IngestSettings

SEMEVAL_PER_LANGUAGE = 300
SEMEVAL_LANGUAGES = ("en", "de", "fr")
SEMEVAL_ITALIAN = ("it",)  # its own set after the others, so their dump lines stay as they were
Inputs = list[tuple[str, Article, tuple[EntityMention, ...]]]


def _read(paths: list[str]) -> Iterator[RawDocument]:
    from newsloom.ingest import read_sources

    yield from read_sources(paths, IngestSettings(max_file_mb=10_000.0), RunReport())


def _semeval(data: Path, languages: tuple[str, ...]) -> Iterator[RawDocument]:
    csv.field_size_limit(sys.maxsize)
    path = data / "similarity" / "semeval2022-sample" / "train.csv"
    seen: dict[str, set[str]] = {language: set() for language in languages}
    with path.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            for side in ("1", "2"):
                language, text = row[f"lang{side}"], row[f"text{side}"]
                texts = seen.get(language)
                if texts is None or text in texts or len(texts) >= SEMEVAL_PER_LANGUAGE:
                    continue
                texts.add(text)
                origin = f"semeval:{row['pair_id']}:{side}"
                yield RawDocument(text=text, origin=origin, format="jsonl")


def _gold_real(data: Path) -> Iterator[RawDocument]:
    for name in ("ndt-dev.quotes.jsonl", "ndt-dev.figures.jsonl"):
        for number, line in enumerate((data / "gold-real" / name).read_text().splitlines()):
            record = json.loads(line)
            yield RawDocument(
                text=record["text"],
                origin=f"{name}:{number}",
                language=record.get("language"),
                external_id=record.get("id"),
                format="jsonl",
            )


def raw_sets(data: Path) -> dict[str, list[RawDocument]]:
    """The raw documents of every set, by name, in dump order (``prepare_real.py`` reads them
    too)."""
    reuse_corpus.DATA = data
    crisis = data / "timelines" / "ml-crisis" / "es"
    with tempfile.TemporaryDirectory() as folder:
        stream = Path(folder) / "stream.jsonl"
        write_stream(stream, 1000)
        example = Path(__file__).resolve().parents[1] / "src/newsloom/data/example/articles.jsonl"
        return {
            "ml-crisis": list(_read(sorted(str(p) for p in crisis.glob("*/*/*.txt")))),
            "stream": list(_read([str(stream)])),
            "example": list(_read([str(example)])),
            "gold-real": list(_gold_real(data)),
            "semeval": list(_semeval(data, SEMEVAL_LANGUAGES)),
            "semeval-it": list(_semeval(data, SEMEVAL_ITALIAN)),
        }


def build(data: Path, output: Path) -> None:
    from newsloom.entities.ner import EntityRecognizer

    sets = raw_sets(data)
    recognizer = EntityRecognizer.load(model="fast")
    inputs: Inputs = []
    for name, documents in sets.items():
        articles = [p.article for p in map(prepare_document, documents) if p.article is not None]
        entities = recognizer.find_entities_batch(articles)
        inputs.extend(
            (name, article, found) for article, found in zip(articles, entities, strict=True)
        )
        print(f"{name}: {len(articles)} articles", flush=True)
    output.write_bytes(pickle.dumps(inputs))


def _without_timeless(article: Article) -> Article:
    kept = tuple(p for p in article.paragraphs if p.kind not in TIMELESS_KINDS)
    return replace(article, paragraphs=kept) if len(kept) < len(article.paragraphs) else article


def _plain(value: Any) -> Any:
    return str(value) if not isinstance(value, int | float | str | None) else value


def dump(inputs: Inputs, output: Path) -> None:
    from newsloom.extract.figures import extract_figures
    from newsloom.extract.quotes import extract_quotes
    from newsloom.extract.times import resolve_times

    with output.open("w", encoding="utf-8") as out:
        for name, article, entities in inputs:
            times = resolve_times(_without_timeless(article))
            record = {
                "set": name,
                "id": article.id,
                "times": [asdict(t) for t in times],
                "quotes": [asdict(q) for q in extract_quotes(article)],
                "quotes_entities": [asdict(q) for q in extract_quotes(article, entities)],
                "figures": [asdict(f) for f in extract_figures(article, times)],
            }
            out.write(json.dumps(record, ensure_ascii=False, default=_plain) + "\n")


def cpu_seconds(inputs: Inputs, repeat: int) -> None:
    from newsloom.extract.attribution import _sources_in
    from newsloom.extract.figures import extract_figures
    from newsloom.extract.quotes import extract_quotes
    from newsloom.extract.speakers import _remembered_speaker
    from newsloom.extract.times import resolve_times

    stream = [(a, e, resolve_times(_without_timeless(a))) for n, a, e in inputs if n == "stream"]
    best = {"quotes": float("inf"), "figures": float("inf")}
    for _ in range(repeat):
        _sources_in.cache_clear()
        _remembered_speaker.cache_clear()  # each pass parses its speakers anew
        start = time.process_time()
        for article, entities, _times in stream:
            extract_quotes(article, entities)
        middle = time.process_time()
        for article, _entities, times in stream:
            extract_figures(article, times)
        end = time.process_time()
        best = {
            "quotes": min(best["quotes"], middle - start),
            "figures": min(best["figures"], end - middle),
        }
    print(
        f"{len(stream)} stream articles, best of {repeat}: "
        + ", ".join(f"{k} {v:.2f} CPU s" for k, v in best.items())
    )


_IMPORT = (
    "import time; start = time.process_time(); "
    "import newsloom.extract.quotes, newsloom.extract.figures; "
    "print(time.process_time() - start)"
)


def import_seconds(repeat: int) -> None:
    # newsloom.records and the language tables are loaded first: the cost is the extractors' own
    setup = (
        "import newsloom.records, newsloom.extract.resources as r; "
        "r.load_tables(); r.load_forms(); "
    )
    command = [sys.executable, "-c", setup + _IMPORT]
    runs = [
        float(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        for _ in range(repeat)
    ]
    each = ", ".join(f"{run:.2f}" for run in runs)
    print(
        f"import newsloom.extract.quotes, .figures: best of {repeat} {min(runs):.2f} CPU s ({each})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["build", "dump", "time", "import"])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--data", type=Path, default=reuse_corpus.DATA)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    if arguments.mode == "build":
        build(arguments.data, arguments.paths[0])
    elif arguments.mode == "import":
        import_seconds(arguments.repeat)
    else:
        inputs: Inputs = pickle.loads(arguments.paths[0].read_bytes())
        if arguments.mode == "dump":
            dump(inputs, arguments.paths[1])
        else:
            cpu_seconds(inputs, arguments.repeat)


if __name__ == "__main__":
    main()
