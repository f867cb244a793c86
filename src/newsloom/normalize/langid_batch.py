"""py3langid's probabilities for many texts at once, equal to its own to the last bit.

py3langid counts its byte n-gram features by walking a byte automaton in Python, one step per
byte, which is most of its time on news text. The automaton of its bundled model forgets: after
any :data:`WINDOW` bytes it is in the state it would be in had it started on them (checked over
every state by ``tests/test_langid_batch.py``), and byte 0 sends every state back to the start,
where no feature is counted. So the state after each byte of a text is the state the walk from
the start reaches on the (at most) :data:`WINDOW` bytes ending there, and those walks go side by
side for all bytes of all texts in :data:`WINDOW` array steps (texts joined by byte 0). Each
text's features and counts, in the order py3langid meets them, then go through py3langid's own
arithmetic (same numpy operations on the same float32 arrays), so the probabilities are
identical, not close.

:func:`batch_scorer` returns None when the identifier is not one this was checked on (another
model layout, unnormalized or aliased scores, or a self-check that disagrees): the caller then
uses py3langid itself.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

WINDOW = 6  # bytes: the automaton's state after a byte depends on no earlier byte
RESET = 0  # a byte that takes every state to the start, where no feature is counted
# texts for the self-check: scripts, cases and lengths py3langid treats differently
_CHECK_TEXTS = (
    "Regeringen har besluttet at hæve afgiften på benzin fra næste år.",
    "Eg veit ikkje kva ho meinte med det, men dei seier at ho kjem heim.",
    "THE PRIME MINISTER SAID ON TUESDAY THAT TALKS WOULD RESUME",
    "El presidente anunció ayer nuevas medidas económicas para la región.",
    "Президент заявил, что переговоры продолжатся.",
    "12 345",
    "",
)

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


class BatchScorer:
    """py3langid's ``_decide`` (normalized probabilities per class) for a list of texts."""

    def __init__(self, identifier: Any) -> None:
        self._encode = identifier._encode
        self._nextmove: npt.NDArray[np.unsignedinteger[Any]] = np.asarray(identifier.tk_nextmove)
        self._rowbase: IntArray = np.asarray(identifier._rowbase, dtype=np.int64)
        self._output: IntArray = np.asarray(identifier.tk_output, dtype=np.int64)
        # float32 as py3langid's product casts its float16 table (exact), once instead of per text
        self._table: FloatArray = np.asarray(identifier.nb_ptc, dtype=np.float32)
        self._prior: FloatArray = identifier.nb_pc
        self._classes = len(identifier.nb_classes)
        self._features = int(self._table.shape[0])

    def forgets(self) -> bool:
        """Whether byte :data:`RESET` sends every state to a start that counts no feature."""
        starts = self._nextmove[self._rowbase + RESET]
        return bool((starts == 0).all()) and int(self._output[0]) < 0

    def feature_counts(self, encoded: list[bytes]) -> tuple[IntArray, FloatArray, IntArray]:
        """The features of all texts and their counts, text after text, each text's in the order
        the byte walk first meets them; text ``i``'s are at ``bounds[i]:bounds[i + 1]``."""
        joined = bytes([RESET]) * (WINDOW - 1) + bytes([RESET]).join(encoded)
        data = np.frombuffer(joined, dtype=np.uint8).astype(np.int64)
        ends = len(data) - WINDOW + 1  # one state per byte after the leading resets
        state: npt.NDArray[Any] = np.zeros(max(ends, 0), dtype=np.int64)
        for step in range(WINDOW):
            state = self._nextmove[self._rowbase[state] + data[step : step + ends]]
        found = self._output[state]
        positions = np.flatnonzero(found >= 0)
        lengths = np.fromiter((len(text) + 1 for text in encoded), dtype=np.int64)
        starts = np.cumsum(lengths) - lengths  # of each text, in state positions
        texts = np.searchsorted(starts, positions, side="right") - 1
        keys = texts * self._features + found[positions]
        if len(encoded) * self._features < 2**31:
            keys = keys.astype(np.int32)  # sorts faster
        unique, first, counts = _first_seen(keys)
        order = np.argsort(first)  # by text, then by first occurrence
        unique, counts = unique[order], counts[order]
        bounds = np.searchsorted(unique // self._features, np.arange(len(encoded) + 1))
        return (unique % self._features).astype(np.int64), counts.astype(np.float32), bounds

    def scores(self, texts: list[str]) -> FloatArray:
        """For each text (a row), the probability of each class, as py3langid computes it.

        py3langid's steps for one text, ``scores = log1p(counts) @ table[features] + prior``,
        then ``scores *= 1 / sqrt(bytes)``, ``exp(scores - max)`` and ``scores /= sum``, are done
        on the rows of all texts at once where that cannot change a bit (element by element, and
        reductions along a row); the product, whose sum order depends on its operands, is one
        per text on operands equal to py3langid's.
        """
        encoded = [self._encode(text) for text in texts]
        features, counts, bounds = self.feature_counts(encoded)
        weights = np.log1p(counts)
        rows = self._table[features]
        scores = np.zeros((len(texts), self._classes), dtype=np.float32)
        limits = bounds.tolist()
        for i in range(len(texts)):
            start, end = limits[i], limits[i + 1]
            if end > start:
                scores[i] = weights[start:end] @ rows[start:end] + self._prior
        scales = np.array([1.0 / math.sqrt(len(text) or 1) for text in encoded])
        scores *= scales.astype(np.float32)[:, None]
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores


def _first_seen(keys: npt.NDArray[Any]) -> tuple[npt.NDArray[Any], IntArray, IntArray]:
    """The distinct keys, where each is first met and how often (``np.unique`` without a stable
    sort: the first place of a key is the least of its places)."""
    places = np.argsort(keys)
    ordered = keys[places]
    new = np.empty(len(ordered), dtype=bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    if not len(starts):
        return ordered, places, places
    first = np.minimum.reduceat(places, starts)
    counts = np.diff(np.append(starts, len(ordered)))
    return ordered[starts], first, counts


def batch_scorer(identifier: Any) -> BatchScorer | None:
    """A scorer equal to ``identifier`` on texts, or None when that cannot be vouched for."""
    try:
        if not identifier._norm_probs or identifier._alias_pairs:
            return None
        scorer = BatchScorer(identifier)
        if not scorer.forgets():
            return None
        fast = scorer.scores(list(_CHECK_TEXTS))
    except (AttributeError, TypeError, ValueError, IndexError):
        return None
    for text, scores in zip(_CHECK_TEXTS, fast, strict=True):
        if not np.array_equal(scores, identifier._decide(text)):
            return None
    return scorer
