"""How well an article fits a candidate story: the terms of the story clusterer's score.

:class:`~newsloom.assign.cluster.StoryClusterer` scores each candidate story (the module doc there
says how candidates are found and why the score is what it is):

- the content similarity (:func:`content_similarity`): the cosine of the article's vector and the
  story's centroid; for an article in another language than the story's, at least the similarity
  of names and numbers alone (weighted); with embeddings, mixed with the embedding cosine;
- times a boost: a big story's centroid is broad, so its similarities count up by
  ``log(size)``; with ``cluster.burst_weight``, a story taking a large share of the stream right
  now (:func:`story_heat` over :func:`stream_heat`) pulls harder;
- less a penalty that grows with the time gap, and, with ``cluster.idle_penalty``, one for a
  story that has gone quiet at its own rate (:func:`missed_articles`);
- plus the learned time prior (:mod:`newsloom.assign.cluster_gaps`, never above 0).
"""

from __future__ import annotations

import math

from newsloom.analyze.embeddings import combined_similarity, embedding_cosine
from newsloom.assign.cluster_state import StoryState
from newsloom.assign.weighting import LANGUAGE_FREE_WEIGHT, cosine
from newsloom.settings import ClusterSettings
from newsloom.vectors import Vector

__all__ = [
    "IDLE_MIN_COUNT",
    "SIZE_BONUS",
    "TIME_PENALTY",
    "content_similarity",
    "missed_articles",
    "story_heat",
    "story_score",
    "stream_heat",
]

TIME_PENALTY = 0.15  # subtracted from the similarity at a gap of ``window_days``
SIZE_BONUS = 0.2  # a big story's centroid is broad: its similarities count up by log(size)
# A story that has gone quiet is less likely to go on: ``cluster.idle_penalty × log(1 + missed)``
# is subtracted, ``missed`` being how many articles the story would have gained since its last one
# at its own rate (articles since its last update × the share of the stream it gained after its
# first). Off by default: it helps dense headline streams (UCI) and splits small slow corpora.
IDLE_MIN_COUNT = 5


def content_similarity(
    state: StoryState,
    vector: dict[str, float],
    names: dict[str, float],
    names_length: float,
    language: str | None,
    embedding: Vector | None,
    embedding_weight: float,
) -> float:
    """The article's similarity to the story's content (``names`` is the language-free part of
    ``vector``, of norm ``names_length``; ``embedding`` the article's centred embedding)."""
    similarity = cosine(vector, state.centroid, state.norm)
    if language is not None and language not in state.languages and names_length > 0.0:
        # another language: shared names and numbers are the evidence that carries over
        shared = cosine(names, state.centroid, state.name_norm) / names_length
        similarity = max(similarity, LANGUAGE_FREE_WEIGHT * shared)
    if embedding is not None and state.embedding is not None:
        cosine_value = embedding_cosine(embedding, state.embedding, state.embedding_norm)
        similarity = combined_similarity(similarity, cosine_value, embedding_weight)
    return similarity


def story_score(
    similarity: float,
    state: StoryState,
    gap: float,
    window: float,
    documents: int,
    settings: ClusterSettings,
    stream_heat: float,
    prior: float,
) -> float:
    """The story's score for an article ``gap`` seconds from it, ``documents`` articles into the
    stream (``stream_heat`` is :func:`stream_heat` then, ``prior`` the weighted time prior)."""
    boost = 1.0 + SIZE_BONUS * math.log(state.count)
    burst_weight = settings.burst_weight
    if burst_weight:
        boost += burst_weight * story_heat(state, documents, settings.burst_articles) / stream_heat
    idle_penalty = settings.idle_penalty
    return (
        similarity * boost
        - TIME_PENALTY * gap / window
        - (idle_penalty * math.log1p(missed_articles(state, documents)) if idle_penalty else 0.0)
        + prior
    )


def story_heat(state: StoryState, documents: int, burst_articles: float) -> float:
    """The story's recent activity: its articles, each decayed by its age in the stream."""
    age = max(0, documents - state.sequence)
    return state.heat * math.exp(-age / burst_articles)


def stream_heat(documents: int, burst_articles: float) -> float:
    """The heat of the whole stream before the current article: Σ exp(-age / burst_articles)."""
    decay = math.exp(-1.0 / burst_articles)
    before = max(0, documents - 1)
    return max(1e-9, decay * (1.0 - decay**before) / (1.0 - decay))


def missed_articles(state: StoryState, documents: int) -> float:
    """Articles the story would have gained since its last one, at its own rate so far."""
    if state.count < IDLE_MIN_COUNT:
        return 0.0  # too few articles to know the story's rate
    idle = max(0, documents - state.sequence)
    age = max(1, documents - state.first_sequence)
    return idle * (state.count - 1) / age
