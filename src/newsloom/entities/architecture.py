"""The token-embedding layer of newsloom's NER model, registered with spaCy.

spaCy's ``MultiHashEmbed`` gives every attribute table the full width and mixes them with a 3-piece
maxout, which costs more than the rest of a small model on one CPU core. ``newsloom.SlimEmbed.v1``
lets each attribute table have its own width and the mixing layer its own number of pieces, so the
word-form table can be wide while prefix, suffix and shape stay narrow.

Importing this module registers the architecture; :mod:`newsloom.entities.ner` imports it before
loading the model, and ``scripts/train_ner.py`` before building one.
"""

from __future__ import annotations

from typing import Any, cast

from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
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
from thinc.types import Floats2d


def slim_embed(
    width: int, attrs: list[str], rows: list[int], widths: list[int], pieces: int
) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of ``attrs`` (table i: ``rows[i]`` × ``widths[i]``) mixed to ``width``."""
    if not len(attrs) == len(rows) == len(widths):
        raise ValueError(f"attrs, rows and widths differ in length: {attrs}, {rows}, {widths}")
    tables: list[Any] = [
        HashEmbed(widths[index], rows[index], column=index, seed=8 + index, dropout=0.0)
        for index in range(len(attrs))
    ]
    mix = Maxout(width, sum(widths), nP=pieces, dropout=0.0, normalize=True)
    model: Any = chain(
        FeatureExtractor(cast(Any, attrs)),
        cast(Any, list2ragged()),
        with_array(concatenate(*tables)),
        with_array(mix),
        ragged2list(),
    )
    return cast(Model[list[Doc], list[Floats2d]], model)


registry.architectures.register("newsloom.SlimEmbed.v1", func=slim_embed)
