"""Train the static piece vectors onto the encoder's text embeddings, "tokenlearn"-style (issue 17).

Starting from the distilled vectors (``scripts/build_static_embeddings.py --output
/tmp/newsloom-static-distilled.npz``: each piece embedded alone), the piece vectors are trained
so that a text's static embedding (the sum of its pieces' rows, the runtime tokenizer's split)
points where the encoder's embedding of the same text points (targets from
``scripts/tokenlearn_targets.py``):

1. targets: the encoder vectors less their mean over the training texts, PCA-reduced to the
   model's dimensions (the same projection for every target), unit length;
2. a linear map from the current model's text embeddings to the targets is fitted by least squares
   and folded into every piece row (a mean of rows commutes with a linear map), the starting point;
3. the rows are trained by Adam (lazy: only the rows a batch uses) on ``1 − cosine(student,
   target)`` over mini-batches; ``--pull`` optionally decays them towards the starting rows;
4. the rows are stored as before (``src/newsloom/data/static_embeddings.npz``): 8 bits a value with
   one scale per row, pieces and scores unchanged.

Every choice is made without a rating: ``tune`` scores settings by the cosine loss on 10 % of the
non-SemEval texts held out; ``cv`` trains one model per SemEval fold (the folds of
``scripts/choose_embedding_weights.py``) without the texts of that fold's pairs and scores the
fold's pairs only; ``build`` writes the model trained on every text but SemEval's (``--semeval``
adds them). Settings chosen by ``tune``: step 0.1, 3 epochs, no pull (docs/embeddings.md).

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python scripts/tokenlearn_train.py tune
    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python scripts/tokenlearn_train.py cv
    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python scripts/tokenlearn_train.py build
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy  # noqa: E402
from choose_embedding_weights import WEIGHTS, centred_cosines, semeval_folds  # noqa: E402
from scipy import sparse  # noqa: E402
from tokenlearn_targets import CACHE, load_cache  # noqa: E402

from newsloom.analyze.embeddings import combined_similarity  # noqa: E402
from newsloom.analyze.static_embeddings import MODEL_FILE, StaticEmbedder  # noqa: E402
from newsloom.evaluate.similarity import pearson  # noqa: E402

Array = numpy.ndarray[Any, Any]
DISTILLED = Path("/tmp/newsloom-static-distilled.npz")  # build_static_embeddings.py --output


@dataclass(frozen=True)
class Options:
    epochs: int = 3
    rate: float = 0.1  # Adam step, relative to the rows' root mean square
    pull: float = 0.0  # share of the way back to the starting rows, each step
    batch: int = 256
    seed: int = 0


def piece_matrix(embedder: StaticEmbedder, texts: list[str]) -> Any:
    """Texts × pieces counts, split by the runtime tokenizer."""
    rows: list[int] = []
    columns: list[int] = []
    for row, text in enumerate(texts):
        ids = embedder.tokenizer.split(text)
        rows.extend([row] * len(ids))
        columns.extend(ids)
    shape = (len(texts), len(embedder.vectors))
    values = numpy.ones(len(rows), numpy.float32)
    return sparse.csr_matrix((values, (rows, columns)), shape=shape, dtype=numpy.float32)


def embed_with(model: StaticEmbedder) -> Callable[[list[str]], list[list[float]]]:
    def embed(texts: list[str]) -> list[list[float]]:
        result: list[list[float]] = model.embed(texts).tolist()
        return result

    return embed


def unit(rows: Array) -> Array:
    lengths = numpy.linalg.norm(rows, axis=1, keepdims=True)
    result: Array = rows / numpy.maximum(lengths, 1e-12)
    return result


def target_space(targets: Array, dimensions: int) -> tuple[Array, Array]:
    """Mean and PCA basis of the training targets: the one projection every target goes through."""
    mean = targets.mean(axis=0)
    centred = (targets - mean).astype(numpy.float64)
    _, eigenvectors = numpy.linalg.eigh(centred.T @ centred)
    return mean, eigenvectors[:, ::-1][:, :dimensions]


def train(
    counts: Any,
    goals: Array,
    start: Array,
    options: Options,
    watch: tuple[Any, Array] | None = None,
) -> Array:
    """Rows trained from ``start`` so that unit(counts @ rows) ≈ goals (unit rows)."""
    # the linear map from the starting embeddings to the goals, folded into the rows
    begin = unit(numpy.asarray(counts @ start))
    mapping, *_ = numpy.linalg.lstsq(begin, goals, rcond=None)
    initial = (start @ mapping).astype(numpy.float32)
    rows = initial.copy()
    if watch:
        print(f"  start (linear map only): held out {loss(watch[0], rows, watch[1]):.4f}")
    scale = float(numpy.sqrt((initial**2).mean()))
    step = options.rate * scale
    first = numpy.zeros_like(rows)
    second = numpy.zeros_like(rows)
    order = list(range(counts.shape[0]))
    shuffler = random.Random(options.seed)
    moment = 0
    for epoch in range(options.epochs):
        shuffler.shuffle(order)
        began = time.monotonic()
        total = 0.0
        for begin_at in range(0, len(order), options.batch):
            batch = order[begin_at : begin_at + options.batch]
            part = counts[batch]
            touched = numpy.unique(part.indices)  # lazy Adam: only the rows this batch uses
            local = part[:, touched]
            used = rows[touched]
            summed = numpy.asarray(local @ used)
            lengths = numpy.maximum(numpy.linalg.norm(summed, axis=1, keepdims=True), 1e-12)
            student = summed / lengths
            goal = goals[batch]
            agreement = (student * goal).sum(axis=1, keepdims=True)
            total += float((1.0 - agreement).sum())
            gradient_sum = -(goal - agreement * student) / lengths / len(batch)
            gradient = numpy.asarray(local.T @ gradient_sum)
            moment += 1
            first[touched] = 0.9 * first[touched] + 0.1 * gradient
            second[touched] = 0.999 * second[touched] + 0.001 * gradient**2
            used -= (
                step
                * (first[touched] / (1 - 0.9**moment))
                / (numpy.sqrt(second[touched] / (1 - 0.999**moment)) + 1e-8 * scale)
            )
            if options.pull:  # decoupled decay towards the starting rows
                used -= options.pull * (used - initial[touched])
            rows[touched] = used
        held = f", held out {loss(watch[0], rows, watch[1]):.4f}" if watch else ""
        print(
            f"  epoch {epoch + 1}: cosine loss {total / len(order):.4f}{held}"
            f" ({time.monotonic() - began:.0f} s)",
            flush=True,
        )
    return rows


def trainable(records: list[dict[str, Any]], held_out_pairs: set[int]) -> list[int]:
    """Records a fold may train on: none of the held-out pairs' texts."""
    return [
        i for i, record in enumerate(records) if not held_out_pairs.intersection(record["pairs"])
    ]


def loss(counts: Any, rows: Array, goals: Array) -> float:
    student = unit(numpy.asarray(counts @ rows))
    return float((1.0 - (student * goals).sum(axis=1)).mean())


def prepared(
    embedder: StaticEmbedder, records: list[dict[str, Any]], targets: Array, chosen: list[int]
) -> tuple[Any, Array, Array, Array]:
    texts = [records[index]["text"] for index in chosen]
    mean, basis = target_space(targets[chosen], embedder.dimensions)
    return piece_matrix(embedder, texts), mean, basis, unit((targets[chosen] - mean) @ basis)


def tune(
    embedder: StaticEmbedder,
    records: list[dict[str, Any]],
    targets: Array,
    options: Options,
    grid: tuple[list[float], list[float]],
) -> None:
    """Held-out cosine loss by epoch for each step size and pull (no SemEval text, no rating)."""
    pool = [index for index, record in enumerate(records) if record["source"] != "semeval"]
    random.Random(1).shuffle(pool)
    held = pool[: len(pool) // 10]
    counts, mean, basis, goals = prepared(embedder, records, targets, pool[len(pool) // 10 :])
    held_counts = piece_matrix(embedder, [records[index]["text"] for index in held])
    watch = (held_counts, unit((targets[held] - mean) @ basis))
    print(f"{counts.shape[0]:,} texts trained on, {len(held):,} held out", flush=True)
    for rate in grid[0]:
        for pull in grid[1]:
            print(f"rate {rate}, pull {pull}:", flush=True)
            chosen = Options(options.epochs, rate, pull, options.batch, options.seed)
            train(counts, goals, embedder.vectors, chosen, watch)


def semeval_cv(
    embedder: StaticEmbedder,
    records: list[dict[str, Any]],
    targets: Array,
    data: Path,
    options: Options,
    folds: int,
    characters: int,
) -> None:
    path = data / "similarity" / "semeval2022-sample" / "train.csv"
    pairs, lexical, ratings, parts = semeval_folds(path, folds)

    def pearson_of(scores: list[float], rows: list[int]) -> float:
        return pearson([scores[i] for i in rows], [ratings[i] for i in rows])

    summary: dict[str, list[float]] = {}
    for fold in range(folds):
        test = set(parts[fold])
        train_rows = [i for i in range(len(pairs)) if i not in test]
        # the texts of the held-out fold's pairs are never trained on
        chosen = trainable(records, test)
        counts, _, _, goals = prepared(embedder, records, targets, chosen)
        print(f"fold {fold + 1}: {len(chosen):,} texts trained on", flush=True)
        for name, rows in (
            ("current", embedder.vectors),
            ("mapped", train(counts, goals, embedder.vectors, Options(epochs=0))),
            ("trained", train(counts, goals, embedder.vectors, options)),
        ):
            model = StaticEmbedder(embedder.tokenizer, rows.astype(numpy.float32))
            cosines = centred_cosines(pairs, characters, embed_with(model))
            combined = {
                weight: [
                    combined_similarity(x, c, weight) for x, c in zip(lexical, cosines, strict=True)
                ]
                for weight in WEIGHTS
            }
            best = max(WEIGHTS, key=lambda weight: -pearson_of(combined[weight], train_rows))
            figures = {
                f"{name} cosine alone": pearson_of(cosines, sorted(test)),
                f"{name} weight 0.1": pearson_of(combined[0.1], sorted(test)),
                f"{name} weight chosen": pearson_of(combined[best], sorted(test)),
            }
            for key, value in figures.items():
                summary.setdefault(key, []).append(value)
            print(
                f"  {name}: "
                + ", ".join(f"{k.split(' ', 1)[1]} {v:.4f}" for k, v in figures.items())
                + f" (weight {best})",
                flush=True,
            )
    print(f"SemEval {folds}-fold, {characters} characters, mean of held-out folds:")
    for key, values in summary.items():
        print(f"  {key}: {sum(values) / len(values):.4f}")


def write(start: Path, rows: Array, output: Path) -> None:
    """The trained rows as newsloom reads them: ``start``'s pieces and scores, int8 rows."""
    with numpy.load(start, allow_pickle=False) as data:
        kept = {name: data[name] for name in ("pieces", "offsets", "scores")}
    scales = numpy.abs(rows).max(axis=1) / 127.0
    scales[scales == 0.0] = 1.0
    quantized = numpy.round(rows / scales[:, None]).astype(numpy.int8)
    numpy.savez_compressed(output, **kept, vectors=quantized, scales=scales.astype(numpy.float32))
    print(
        f"wrote {output} ({len(rows):,} pieces × {rows.shape[1]},"
        f" {output.stat().st_size / 1e6:.1f} MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("tune", "cv", "build"))
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--model", type=Path, default=DISTILLED, help="the distilled model")
    parser.add_argument("--output", type=Path, default=MODEL_FILE)
    parser.add_argument("--epochs", type=int, default=Options.epochs)
    parser.add_argument("--rate", type=float, default=Options.rate)
    parser.add_argument("--pull", type=float, default=Options.pull)
    parser.add_argument("--rates", type=float, nargs="+", default=[0.003, 0.01, 0.03, 0.1])
    parser.add_argument("--pulls", type=float, nargs="+", default=[0.0, 0.001])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--characters", type=int, default=1000)
    parser.add_argument("--semeval", action="store_true", help="build: train on SemEval texts too")
    arguments = parser.parse_args()
    if not arguments.model.is_file():
        sys.exit(
            f"{arguments.model} missing: scripts/build_static_embeddings.py --output {DISTILLED}"
        )
    embedder = StaticEmbedder.load(arguments.model)
    records, targets = load_cache(arguments.cache)
    print(f"{len(records):,} texts with targets in {arguments.cache}", flush=True)
    options = Options(epochs=arguments.epochs, rate=arguments.rate, pull=arguments.pull)
    if arguments.command == "tune":
        tune(embedder, records, targets, options, (arguments.rates, arguments.pulls))
    elif arguments.command == "cv":
        semeval_cv(
            embedder,
            records,
            targets,
            arguments.data,
            options,
            arguments.folds,
            arguments.characters,
        )
    else:
        chosen = [
            index
            for index, record in enumerate(records)
            if arguments.semeval or record["source"] != "semeval"
        ]
        counts, _, _, goals = prepared(embedder, records, targets, chosen)
        write(arguments.model, train(counts, goals, embedder.vectors, options), arguments.output)


if __name__ == "__main__":
    main()
