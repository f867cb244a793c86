"""Embedding vectors as NumPy arrays, with the arithmetic of plain Python and a compact text form.

The story clusterer adds, centres and compares 384-value embeddings for every article
(:mod:`newsloom.analyze.embeddings`). Done on lists of Python floats this was a large share of
the one assigner's time (issue 19); here it is done on float64 arrays, with the same results bit
for bit:

- elementwise ``+``, ``-`` and ``/`` round each value exactly as Python's float operations do;
- :func:`dot` multiplies elementwise, then adds the products **left to right** with
  ``numpy.add.accumulate``, as ``sum()`` does on Python 3.11 (``numpy.dot`` and
  ``numpy.sum`` add in another order and may differ in the last bits). On Python 3.12 and later
  ``sum()`` of floats compensates its rounding, so there the values before this change were the
  interpreter's; now they are the same on every Python.

Vectors are stored as text (:func:`pack`: ``f8:`` then the little-endian float64 bytes in base64,
about half the characters of JSON and far cheaper to write and read); :func:`unpack` also reads the
JSON lists stored before (JSON keeps a float's shortest round-tripping form, so both give back the
same values).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["PACKED", "Vector", "as_vector", "dot", "pack", "unpack"]

Vector = npt.NDArray[np.float64]
PACKED = "f8:"  # prefix of a packed vector (a JSON list starts with "[")


def as_vector(values: Sequence[float] | Vector) -> Vector:
    """``values`` as a float64 array (not a copy when it is one already)."""
    return np.asarray(values, dtype=np.float64)


def dot(left: Vector, right: Vector) -> float:
    """The dot product, summed left to right as Python's ``sum(map(operator.mul, …))``."""
    if left.shape != right.shape:
        raise ValueError(f"vectors of {left.size} and {right.size} values")
    if not left.size:
        return 0.0
    return float(np.add.accumulate(left * right)[-1])


def pack(vector: Vector) -> str:
    """The vector as text: :data:`PACKED` and its float64 bytes (little-endian) in base64."""
    return PACKED + base64.b64encode(vector.astype("<f8", copy=False).tobytes()).decode("ascii")


def unpack(text: str | bytes) -> Vector:
    """A vector :func:`pack` wrote, or a JSON list of numbers (the earlier form)."""
    if isinstance(text, bytes):
        text = text.decode("ascii")
    if text.startswith(PACKED):
        raw = base64.b64decode(text[len(PACKED) :], validate=True)
        if len(raw) % 8:
            raise ValueError(f"a packed vector of {len(raw)} bytes")
        return np.frombuffer(raw, dtype="<f8").astype(np.float64)
    values = json.loads(text)
    if not isinstance(values, list):
        raise ValueError("a stored vector is not a list")
    return np.array([float(value) for value in values], dtype=np.float64)
