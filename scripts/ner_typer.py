"""Train the second-stage entity typer (``newsloom.entities.typer``) for a trained NER model.

    .venv/bin/python scripts/ner_typer.py                 # the shipped model folder
    .venv/bin/python scripts/ner_typer.py --model /tmp/ner

Reads the gold spans of the NorNE Bokmål, NorNE Nynorsk and DaN+ train splits (never the dev
splits), describes each with the model's own word vectors and hashed context words, fits a
multinomial logistic regression (scikit-learn, C = 1) and writes ``typer.npz`` into the model
folder. ``scripts/train_ner.py`` runs this after it writes a model.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy  # noqa: E402
from scipy import sparse  # noqa: E402

from newsloom.entities.conll import read_conll  # noqa: E402
from newsloom.entities.typer import (  # noqa: E402
    TYPER_FILE,
    SpanTyper,
    hash_features,
    span_features,
    vector_lookup,
)

TRAIN = (
    ("norne-nob", "train.conll", "no"),
    ("norne-nno", "train.conll", "no"),
    ("danplus-news", "train.tsv", "da"),
)


def train_typer(model: Path, data: Path, regularisation: float = 1.0) -> SpanTyper:
    """Fit the typer on the train splits under ``data`` with the word vectors of ``model``."""
    import spacy
    from sklearn.linear_model import LogisticRegression

    import newsloom.entities.architecture  # noqa: F401  (registers the model's embedding layer)

    nlp = spacy.load(model)
    lookup, dims = vector_lookup(nlp.vocab.vectors, nlp.vocab.strings)
    dense_rows: list[Any] = []
    names: list[list[str]] = []
    labels: list[str] = []
    for corpus, name, group in TRAIN:
        path = data / corpus / name
        if not path.is_file():
            sys.exit(f"missing {path}: give --data the folder holding {corpus}/")
        for sentence in read_conll(path):
            for entity in sentence.entities:
                row, span_names = span_features(
                    sentence.words, entity.start, entity.end, group, lookup, dims
                )
                dense_rows.append(row)
                names.append(span_names)
                # DaN+ has no event type; its events are MISC
                labels.append("MISC" if group == "da" and entity.label == "EVT" else entity.label)
    dense = numpy.array(dense_rows, dtype=numpy.float32)
    matrix = sparse.hstack([sparse.csr_matrix(dense), hash_features(names)]).tocsr()
    started = time.process_time()
    classifier = LogisticRegression(C=regularisation, max_iter=300)
    classifier.fit(matrix, labels)
    weights = numpy.asarray(classifier.coef_, dtype=numpy.float32)
    hashed = weights[:, dense.shape[1] :]
    columns = numpy.flatnonzero(numpy.abs(hashed).max(axis=0) > 1e-4)
    print(
        f"typer: {len(labels):,} train spans, {len(columns):,} hashed features, "
        f"{time.process_time() - started:.0f} CPU-s",
        flush=True,
    )
    return SpanTyper(
        tuple(str(label) for label in classifier.classes_),
        weights[:, : dense.shape[1]],
        columns,
        hashed[:, columns].T.copy(),
        numpy.asarray(classifier.intercept_, dtype=numpy.float32),
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ner")
    parser.add_argument(
        "--model", type=Path, default=ROOT / "src" / "newsloom" / "entities" / "model"
    )
    parser.add_argument("-C", type=float, default=1.0, help="inverse regularisation strength")
    args = parser.parse_args()
    typer = train_typer(args.model, args.data, args.C)
    typer.save(args.model)
    print(f"typer written to {args.model / TYPER_FILE}", flush=True)


if __name__ == "__main__":
    main()
