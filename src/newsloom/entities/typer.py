"""Second-stage entity typing: a span classifier that may change the type the tagger gave.

The transition-based tagger reads two tokens either side of each word; its commonest error on the
dev splits is the right span with the wrong type (a town that is a football club, an unknown
single name taken for a person). :class:`SpanTyper` looks at the whole span at once: the word
vectors of the span (mean, first, last word) and of the words around it, and hashed words and
suffixes (the two words before, the word after, the last word's ending, the lower-cased span).
It is a multinomial logistic regression trained by ``scripts/ner_typer.py`` on the gold spans of
the NorNE and DaN+ train splits and shipped as ``typer.npz`` beside the tagger. A span's type is
replaced only where the classifier gives another type a probability of at least ``THRESHOLD``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy

TYPER_FILE = "typer.npz"
HASH_FEATURES = 2**18
THRESHOLD = 0.7  # chosen on the dev splits (0.5-0.9 tried)

Vector = numpy.ndarray[Any, Any]
Lookup = Callable[[str], Vector]


def span_features(
    words: Sequence[str], start: int, end: int, group: str, lookup: Lookup, dims: int
) -> tuple[Vector, list[str]]:
    """Dense and hashed features of ``words[start:end]``; ``group`` is ``da`` or ``no``."""
    span = words[start:end]
    zeros = numpy.zeros(dims, dtype=numpy.float32)
    dense = numpy.concatenate(
        [
            numpy.mean([lookup(word) for word in span], axis=0),
            lookup(span[0]),
            lookup(span[-1]),
            lookup(words[start - 1]) if start > 0 else zeros,
            lookup(words[end]) if end < len(words) else zeros,
        ]
    )
    before = words[start - 1].lower() if start > 0 else "<s>"
    before2 = words[start - 2].lower() if start > 1 else "<s>"
    after = words[end].lower() if end < len(words) else "</s>"
    last = span[-1].lower()
    names = [
        f"p1={before}",
        f"p2={before2}",
        f"n1={after}",
        f"p12={before2}_{before}",
        f"suf3={last[-3:]}",
        f"suf4={last[-4:]}",
        f"suf5={last[-5:]}",
        f"len={min(end - start, 4)}",
        f"caps={span[0].isupper()}",
        f"digit={any(character.isdigit() for word in span for character in word)}",
        f"first={span[0].lower()}",
        f"lastw={last}",
        f"text={' '.join(span).lower()}",
    ]
    names += [f"{group}:{name}" for name in names[:3]] + [f"lang={group}"]
    return dense, names


def hash_features(names: Sequence[list[str]]) -> Any:
    """The hashed (sparse) part of the features, one row per span."""
    return _hasher().transform(names)


@functools.cache
def _hasher() -> Any:
    from sklearn.feature_extraction import FeatureHasher  # imported once, on first use

    return FeatureHasher(n_features=HASH_FEATURES, input_type="string", alternate_sign=False)


def vector_lookup(vectors: Any, strings: Any) -> tuple[Lookup, int]:
    """A word → row function over a spaCy vectors table (exact form, else lower case, else 0)."""
    data = numpy.asarray(vectors.data, dtype=numpy.float32)
    dims = int(data.shape[1]) if data.ndim == 2 and data.shape[0] else 0
    zeros = numpy.zeros(dims, dtype=numpy.float32)

    def lookup(word: str) -> Vector:
        for form in (word, word.lower()):
            row = int(vectors.find(key=strings[form]))
            if row >= 0:
                result: Vector = data[row]
                return result
        return zeros

    return lookup, dims


@dataclass(frozen=True)
class SpanTyper:
    """The trained classifier: class names, dense weights, non-zero hashed columns, intercepts."""

    classes: tuple[str, ...]
    dense: Vector  # classes × dense features
    columns: Vector  # hashed feature ids with a weight
    hashed: Vector  # len(columns) × classes
    intercept: Vector
    _full: Vector = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        full = numpy.zeros((HASH_FEATURES, len(self.classes)), dtype=numpy.float32)
        full[self.columns] = self.hashed
        object.__setattr__(self, "_full", full)
        # scikit-learn (about 1 s to import) loads with the first span to type: text in a
        # language the rules handle (Spanish, English, …) never needs it

    @classmethod
    def load(cls, folder: Path) -> SpanTyper | None:
        """The typer in ``folder`` (a model folder), or None if the model has none."""
        path = folder / TYPER_FILE
        if not path.is_file():
            return None
        with numpy.load(path) as stored:
            return cls(
                tuple(str(name) for name in stored["classes"]),
                stored["dense"].astype(numpy.float32),
                stored["columns"].astype(numpy.int64),
                stored["hashed"].astype(numpy.float32),
                stored["intercept"].astype(numpy.float32),
            )

    def save(self, folder: Path) -> None:
        numpy.savez_compressed(
            folder / TYPER_FILE,
            classes=numpy.array(self.classes),
            dense=self.dense.astype(numpy.float16),
            columns=self.columns.astype(numpy.int32),
            hashed=self.hashed.astype(numpy.float16),
            intercept=self.intercept.astype(numpy.float32),
        )

    def probabilities(self, dense: Vector, names: Sequence[list[str]]) -> Vector:
        """Class probabilities, one row per span."""
        sparse = hash_features(names)
        scores = dense @ self.dense.T + sparse @ self._full + self.intercept
        scores = numpy.asarray(scores, dtype=numpy.float64)
        scores -= scores.max(axis=1, keepdims=True)
        exp = numpy.exp(scores)
        result: Vector = exp / exp.sum(axis=1, keepdims=True)
        return result

    def retype(
        self,
        spans: Sequence[tuple[Sequence[str], int, int, str]],
        group: str,
        lookup: Lookup,
        dims: int,
    ) -> list[str]:
        """The type of each ``(words, start, end, label)``: another class only if confident."""
        if not spans:
            return []
        features = [span_features(w, s, e, group, lookup, dims) for w, s, e, _ in spans]
        dense = numpy.array([row for row, _ in features], dtype=numpy.float32)
        probabilities = self.probabilities(dense, [names for _, names in features])
        labels: list[str] = []
        for (_, _, _, label), row in zip(spans, probabilities, strict=True):
            best = int(row.argmax())
            confident = row[best] >= THRESHOLD and self.classes[best] != label
            # DaN+ has no event type: a Danish typer never turns an event into MISC
            keep = label == "EVT" and self.classes[best] == "MISC"
            labels.append(self.classes[best] if confident and not keep else label)
        return labels
