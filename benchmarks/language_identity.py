"""The language stage's outputs and CPU time on real and synthetic text, to compare two versions.

Articles (normalized, before the language stage) come from: the bundled example corpus, the seeds,
the synthetic 1,000-article stream of ``pipeline.py``, the ML-Crisis Spanish articles, the SemEval
sample's texts (with and without the input's language), NorNE/DaN+ sentences grouped into
articles, and generated articles that mix paragraphs of those languages. ``--dump`` writes every
article's and paragraph's language as JSON; run it on two checkouts and ``--compare`` the files.
``--check-guesses`` compares every paragraph's guess by the batch path with py3langid's alone
(language, confidence and sibling evidence). ``--time`` prints the CPU seconds of the language
stage on the 1,000-article stream.

    PYTHONPATH=src .venv/bin/python benchmarks/language_identity.py --dump /tmp/after.json
    PYTHONPATH=../main/src .venv/bin/python benchmarks/language_identity.py --dump /tmp/before.json
    .venv/bin/python benchmarks/language_identity.py --compare /tmp/before.json /tmp/after.json
    PYTHONPATH=src .venv/bin/python benchmarks/language_identity.py --time 3
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuse_corpus
from pipeline_stream import write_stream

from newsloom.ingest import read_sources
from newsloom.normalize import language
from newsloom.normalize.article import normalize
from newsloom.normalize.language import detect_languages
from newsloom.records import Article, RawDocument, RunReport
from newsloom.settings import IngestSettings

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "src" / "newsloom" / "data" / "example"


def _normalized(documents: Iterator[RawDocument]) -> list[Article]:
    articles = []
    for document in documents:
        try:
            articles.append(normalize(document))
        except Exception:  # rejected by normalize: not the language stage's input
            continue
    return articles


def _read(source: Path) -> list[Article]:
    settings = IngestSettings(max_file_mb=100_000.0)
    return _normalized(read_sources([str(source)], settings, RunReport()))


def stream_articles(size: int = 1000) -> list[Article]:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "stream.jsonl"
        write_stream(path, size)
        return _read(path)


def _raw(texts: list[str], origin: str, language: str | None = None) -> Iterator[RawDocument]:
    for number, text in enumerate(texts):
        yield RawDocument(text=text, origin=f"{origin}:{number}", language=language)


def semeval_articles(data: Path) -> list[Article]:
    path = data / "similarity" / "semeval2022-sample" / "train.csv"
    documents: list[RawDocument] = []
    with path.open(encoding="utf-8", newline="") as file:
        for number, row in enumerate(csv.DictReader(file)):
            for side in ("1", "2"):
                text = row[f"text{side}"]
                # every other text keeps the input's language, to test the hint's path too
                hint = row[f"lang{side}"] if number % 2 else None
                documents.append(RawDocument(text=text, origin=f"semeval:{number}", language=hint))
    return _normalized(iter(documents))


def mixed_articles(sources: list[list[str]], count: int, seed: int = 19) -> list[Article]:
    """Articles whose paragraphs come from articles of different languages."""
    rng = random.Random(seed)
    documents = []
    for number in range(count):
        paragraphs: list[str] = []
        for _ in range(rng.randint(2, 9)):
            paragraphs.append(rng.choice(rng.choice(sources)))
        hint = rng.choice((None, None, "da", "nb", "nn", "sv", "en", "es"))
        documents.append(
            RawDocument(text="\n\n".join(paragraphs), origin=f"mixed:{number}", language=hint)
        )
    return _normalized(iter(documents))


def corpora(data: Path) -> dict[str, list[Article]]:
    found: dict[str, list[Article]] = {"example": _read(EXAMPLE / "articles.jsonl")}
    seeds = reuse_corpus.DATA.parent / "seeds"
    if seeds.is_dir():
        found["seeds"] = _read(seeds)
    if not data.is_dir():
        return found
    found["stream"] = stream_articles()
    crisis = reuse_corpus.crisis_articles()
    found["crisis"] = _normalized(_raw(["\n\n".join(a) for a in crisis], "crisis"))
    found["semeval"] = semeval_articles(data)
    sentences = reuse_corpus.sentence_articles(random.Random(19))
    found["sentences"] = _normalized(_raw(["\n\n".join(a) for a in sentences], "sentences"))
    english = [
        row["TITLE"]
        for row in csv.DictReader(
            (data / "clustering" / "uci-headlines" / "dev.csv").open(encoding="utf-8")
        )
    ]
    english_articles = [english[i : i + 6] for i in range(0, len(english) - 6, 6)]
    semeval_paragraphs = [
        [p.text for p in article.paragraphs] for article in found["semeval"][:400]
    ]
    found["mixed"] = mixed_articles(
        crisis[:200] + sentences[:600] + english_articles[:200] + semeval_paragraphs, 3000
    )
    return found


def outputs(articles: list[Article]) -> list[list[object]]:
    result: list[list[object]] = []
    for article in articles:
        detected = detect_languages(article)
        result.append([detected.language, [p.language for p in detected.paragraphs]])
    return result


def check_guesses(found: dict[str, list[Article]]) -> int:
    """Every paragraph's guess (language, confidence, sibling evidence) by the batch path and by
    py3langid one text at a time; the number that differ."""
    plain = getattr(language, "plain_guess_language", None)
    if plain is None:
        raise SystemExit("this checkout has no plain_guess_language to compare with")
    differ = 0
    for name, articles in found.items():
        language._GUESSES.clear()
        texts = 0
        for article in articles:
            batch = [p.text for p in article.paragraphs]
            for text, guess in zip(batch, language.guess_languages(batch), strict=True):
                texts += 1
                if guess != plain(text):
                    differ += 1
                    print(f"  {name}: {text[:80]!r}")
        print(f"{name}: {texts} paragraphs, {differ} guesses differ so far")
    return 1 if differ else 0


def compare(before: Path, after: Path) -> int:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    differences = 0
    for name in sorted(set(old) | set(new)):
        a, b = old.get(name, []), new.get(name, [])
        paragraphs = sum(len(item[1]) for item in a)
        if len(a) != len(b):
            print(f"{name}: {len(a)} articles before, {len(b)} after")
            differences += 1
            continue
        changed = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        differences += len(changed)
        print(f"{name}: {len(a)} articles, {paragraphs} paragraphs, {len(changed)} differ")
        for i in changed[:5]:
            print(f"  article {i}: {a[i]} -> {b[i]}")
    return 1 if differences else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=reuse_corpus.DATA, help="../shared/data")
    parser.add_argument("--dump", type=Path, help="write every corpus's languages here")
    parser.add_argument("--compare", type=Path, nargs=2, help="two --dump files")
    parser.add_argument("--time", type=int, metavar="RUNS", help="CPU s on the 1,000 stream")
    parser.add_argument("--no-cache", action="store_true", help="remember no guesses")
    parser.add_argument(
        "--check-guesses", action="store_true", help="batch guesses = plain ones, every paragraph"
    )
    arguments = parser.parse_args()
    reuse_corpus.DATA = arguments.data
    if arguments.compare:
        raise SystemExit(compare(*arguments.compare))
    if arguments.check_guesses:
        raise SystemExit(check_guesses(corpora(arguments.data)))
    if arguments.dump:
        found = corpora(arguments.data)
        dump = {name: outputs(articles) for name, articles in found.items()}
        arguments.dump.write_text(json.dumps(dump), encoding="utf-8")
        print({name: len(articles) for name, articles in found.items()})
    if arguments.time:
        articles = stream_articles()
        detect_languages(articles[0])  # load the model outside the timing
        if arguments.no_cache and hasattr(language, "GUESS_CACHE_SIZE"):
            language.GUESS_CACHE_SIZE = 0
        for _ in range(arguments.time):
            getattr(language, "_GUESSES", {}).clear()  # each run meets the stream anew
            started = time.process_time()
            for article in articles:
                detect_languages(article)
            print(f"language: {time.process_time() - started:.3f} CPU s")


if __name__ == "__main__":
    main()
