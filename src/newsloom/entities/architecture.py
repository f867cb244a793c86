"""The token-embedding layer of newsloom's NER model, registered with spaCy.

spaCy's ``MultiHashEmbed`` gives every attribute table the full width and mixes them with a 3-piece
maxout, which costs more than the rest of a small model on one CPU core. ``newsloom.SlimEmbed.v1``
lets each attribute table have its own width and the mixing layer its own number of pieces, so the
word-form table can be wide while prefix, suffix and shape stay narrow.

With ``include_static_vectors`` the mixer also reads a frozen row of the vocabulary's vectors table
(``nlp.vocab.vectors``: word vectors distilled from multilingual-e5-small by
``scripts/train_ner.py``) for each token: the exact form first, the lower-cased form (``NORM``)
when the exact form has no row, zeros when neither has. Unlike spaCy's ``StaticVectors`` there is
no separate projection: the mixer's own weights project the rows.

Importing this module registers the architecture; :mod:`newsloom.entities.ner` imports it before
loading the model, and ``scripts/train_ner.py`` before building one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import numpy
from spacy.attrs import NORM, ORTH
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vectors import Vectors
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ragged

# id(vectors table) -> (table, sorted keys, row of each sorted key); the table is kept so its id
# cannot be reused while the entry exists.
_INDEX: dict[int, tuple[Vectors, numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]]] = {}


def _sorted_keys(vectors: Vectors) -> tuple[numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]]:
    cached = _INDEX.get(id(vectors))
    if cached is None or cached[0] is not vectors or len(cached[1]) != len(vectors.key2row):
        keys = numpy.fromiter(vectors.key2row.keys(), dtype=numpy.uint64, count=len(vectors))
        rows = numpy.fromiter(vectors.key2row.values(), dtype=numpy.int64, count=len(vectors))
        order = numpy.argsort(keys)
        cached = (vectors, keys[order], rows[order])
        _INDEX[id(vectors)] = cached
    return cached[1], cached[2]


def _find_rows(vectors: Vectors, keys: numpy.ndarray[Any, Any]) -> numpy.ndarray[Any, Any]:
    """Row of each key in the table, -1 where it has none (vectorised ``Vectors.find``)."""
    sorted_keys, rows = _sorted_keys(vectors)
    if not len(sorted_keys):
        return numpy.full(len(keys), -1, dtype=numpy.int64)
    position = numpy.minimum(numpy.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return numpy.where(sorted_keys[position] == keys, rows[position], -1)


def static_rows(dropout: float = 0.0) -> Model[list[Doc], Ragged]:
    """Frozen rows of ``doc.vocab.vectors`` per token (exact form, else lower case, else zeros).

    In training, each token's row is zeroed with probability ``dropout``, so the model also learns
    to tag words that have no vector (every train word has one; a tenth of the dev words do not).
    """
    return Model("static_rows", _static_rows_forward, attrs={"dropout": dropout})


def _static_rows_forward(
    model: Model[list[Doc], Ragged], docs: list[Doc], is_train: bool
) -> tuple[Ragged, Callable[[Ragged], list[Doc]]]:
    lengths = model.ops.asarray1i([len(doc) for doc in docs])
    vectors = docs[0].vocab.vectors if docs else None
    width = vectors.shape[1] if isinstance(vectors, Vectors) and vectors.shape[0] else 0
    total = int(sum(len(doc) for doc in docs))
    if vectors is None or not width or not total:
        return Ragged(model.ops.alloc2f(total, width), lengths), lambda gradient: []
    exact = numpy.concatenate([doc.to_array(ORTH) for doc in docs]).astype(numpy.uint64)
    rows = _find_rows(vectors, exact)
    missing = rows < 0
    if missing.any():
        lower = numpy.concatenate([doc.to_array(NORM) for doc in docs]).astype(numpy.uint64)
        rows[missing] = _find_rows(vectors, lower[missing])
    data = numpy.asarray(vectors.data)[numpy.maximum(rows, 0)].astype(numpy.float32)
    data[rows < 0] = 0.0
    dropout = float(model.attrs["dropout"])
    if is_train and dropout > 0.0:
        data[numpy.random.random(len(data)) < dropout] = 0.0
    return Ragged(model.ops.asarray2f(data), lengths), lambda gradient: []


def slim_embed(
    width: int,
    attrs: list[str],
    rows: list[int],
    widths: list[int],
    pieces: int,
    include_static_vectors: bool = False,
    vector_dropout: float = 0.0,
) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of ``attrs`` (table i: ``rows[i]`` × ``widths[i]``) mixed to ``width``.

    With ``include_static_vectors`` the token's row of the vocabulary's vectors is mixed in too,
    zeroed in training with probability ``vector_dropout`` (see :func:`static_rows`).
    """
    if not len(attrs) == len(rows) == len(widths):
        raise ValueError(f"attrs, rows and widths differ in length: {attrs}, {rows}, {widths}")
    tables: list[Any] = [
        HashEmbed(widths[index], rows[index], column=index, seed=8 + index, dropout=0.0)
        for index in range(len(attrs))
    ]
    mix = Maxout(width, dropout=0.0, nP=pieces, normalize=True)
    layers: list[Any] = [
        FeatureExtractor(cast(Any, attrs)),
        list2ragged(),
        with_array(concatenate(*tables)),
    ]
    if include_static_vectors:
        layers = [concatenate(chain(*layers), static_rows(vector_dropout))]
    model: Any = chain(*layers, with_array(mix), ragged2list())
    return cast(Model[list[Doc], list[Floats2d]], model)


registry.architectures.register("newsloom.SlimEmbed.v1", func=slim_embed)
