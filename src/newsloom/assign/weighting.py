"""Weighting: the IDF-weighted cosine similarity of article features that the clusterer and the
similarity evaluation share (:mod:`newsloom.assign.features` makes the features)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from newsloom.assign.features import Features

LANGUAGE_FREE_WEIGHT = 0.5  # across languages: similarity of names and numbers alone, weighted


def cosine(left: Mapping[str, float], right: Mapping[str, float], right_norm: float) -> float:
    """Cosine of a unit vector ``left`` and a vector ``right`` of norm ``right_norm``."""
    if right_norm <= 0.0:
        return 0.0
    if len(left) > len(right):
        dot = sum(weight * left.get(key, 0.0) for key, weight in right.items())
    else:
        dot = sum(weight * right.get(key, 0.0) for key, weight in left.items())
    return dot / right_norm


def language_free(vector: Mapping[str, float]) -> dict[str, float]:
    """The part of a vector that means the same in every language: names and numbers."""
    return {key: weight for key, weight in vector.items() if key[0] in "n#"}


def vector_norm(vector: Mapping[str, float]) -> float:
    return math.sqrt(sum(weight * weight for weight in vector.values()))


class DocumentFrequencies:
    """Online document frequencies and the IDF weighting the clusterer and similarity share."""

    __slots__ = ("counts", "documents")

    def __init__(self, counts: dict[str, int] | None = None, documents: int = 0) -> None:
        self.counts: dict[str, int] = counts if counts is not None else {}
        self.documents = documents

    def add(self, features: Iterable[str]) -> None:
        self.documents += 1
        counts = self.counts
        for key in features:
            counts[key] = counts.get(key, 0) + 1

    def idf(self, key: str) -> float:
        return math.log((self.documents + 1) / (self.counts.get(key, 0) + 1)) + 1.0

    def share(self, key: str) -> float:
        return self.counts.get(key, 0) / self.documents if self.documents else 0.0

    def weigh(self, features: Mapping[str, float]) -> dict[str, float]:
        """TF-IDF weights scaled to unit length."""
        weighted = {key: weight * self.idf(key) for key, weight in features.items()}
        length = vector_norm(weighted)
        if length == 0.0:
            return weighted
        return {key: weight / length for key, weight in weighted.items()}


def similarity(
    left: Features,
    right: Features,
    frequencies: DocumentFrequencies,
    left_language: str | None = None,
    right_language: str | None = None,
) -> float:
    """The similarity the clusterer uses, between two articles' feature bags.

    Across languages, the cosine of names and numbers alone (weighted by
    ``LANGUAGE_FREE_WEIGHT``) counts when it is higher, as it does against a story.
    """
    weighted_left = frequencies.weigh(left)
    weighted_right = frequencies.weigh(right)
    score = cosine(weighted_left, weighted_right, vector_norm(weighted_right))
    if left_language != right_language:
        names_left = language_free(weighted_left)
        names_right = language_free(weighted_right)
        left_length, right_length = vector_norm(names_left), vector_norm(names_right)
        if left_length > 0.0 and right_length > 0.0:
            shared = cosine(names_left, names_right, right_length) / left_length
            score = max(score, LANGUAGE_FREE_WEIGHT * shared)
    return score
