"""What the clusterer keeps per story (persisted as JSON), how it titles one, an article's time,
and where it finds the stories it no longer holds (:class:`StoryArchive`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

import numpy as np

from newsloom.analyze.embeddings import vector_length
from newsloom.assign.weighting import cosine, vector_norm
from newsloom.errors import StoreError
from newsloom.records import Analysis, Article, DatePrecision
from newsloom.time_order import utc_seconds
from newsloom.vectors import Vector, as_vector, pack, unpack

# 2: the embedding sum and the weights of the centroid and the representatives packed
# (newsloom.vectors.pack: float64 in base64, far cheaper to write than JSON numbers); 1 still loads
STATE_VERSION = 2
READABLE_VERSIONS = (1, 2)
REPRESENTATIVES = 6  # articles kept per story as title candidates
REPRESENTATIVE_FEATURES = 40


class StoryArchive(Protocol):
    """Where the clusterer reads stories it does not hold in memory while it assigns.

    The stories of articles assigned before it was loaded and the stories around a late
    article's time. Every store satisfies it; the clusterer never writes through it.
    """

    def story_of(self, article_id: str) -> str | None: ...
    def story_state(self, story_id: str) -> bytes | None: ...
    def active_story_states(
        self, since: float, limit: int | None = None
    ) -> list[tuple[str, bytes]]: ...


@dataclass(frozen=True, slots=True)
class StreamCounts:
    """What the clusterer has learned from the stream so far, as stored: what
    :meth:`~newsloom.assign.cluster.StoryClusterer.load` resumes from (with the stories)."""

    terms: Mapping[str, int]  # feature → articles having it; "" → articles clustered
    gaps: Mapping[str, int]  # time-prior bucket (``same:KEY`` / ``other:KEY``) → count
    embeddings: Mapping[str, tuple[int, Vector]]  # language → (articles, sum of embeddings)
    latest_activity: float | None  # the newest story activity (epoch seconds); None: no stories


@dataclass(frozen=True, slots=True)
class ArticleCounts:
    """What one article adds to the stream's counts (the inverse of :class:`StreamCounts`)."""

    features: tuple[str, ...]  # one more article, and one more for each of its features
    gaps: Mapping[str, int]  # the time-prior counts it added
    # (language, articles, sum of embeddings) with this article's: what the store keeps
    embedding_total: tuple[str, int, Vector] | None = None


@dataclass(frozen=True, slots=True)
class StorySnapshot:
    """What one assignment leaves to store, written in this order inside the article's
    transaction: the story row, the article's membership, then the article's counts.

    ``state`` and ``last_activity`` are None for a story the clusterer does not hold (the row keeps
    what it had); ``counts`` is None when they were handed over already.
    """

    story_id: str
    title: str
    state: bytes | None
    last_activity: float | None
    article_id: str
    counts: ArticleCounts | None


@dataclass(frozen=True, slots=True)
class Assignment:
    article_id: str
    story_id: str
    new_story: bool
    similarity: float
    reason: str = "similar"  # new | similar | duplicate | reuse


@dataclass(slots=True)
class _Representative:
    article_id: str
    title: str
    language: str | None
    vector: dict[str, float]


@dataclass(slots=True)
class StoryState:
    """What the clusterer keeps about one story (persisted as JSON in ``stories.state``)."""

    id: str
    sequence: int  # position of the story's last update in the stream
    count: int
    first_time: float
    last_time: float
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    name_norm: float = 0.0  # norm of the centroid's language-free part (names, numbers)
    languages: dict[str, int] = field(default_factory=dict)
    outlets: dict[str, int] = field(default_factory=dict)
    representatives: list[_Representative] = field(default_factory=list)
    title: str = ""
    first_sequence: int = 0  # position in the stream of the story's first article
    heat: float = (
        0.0  # articles gained, each decayed by exp(-age / burst_articles), at ``sequence``
    )
    embedding: Vector | None = None  # sum of its articles' centred embeddings
    embedding_norm: float = 0.0  # its length (not stored: computed again when loaded)

    def to_bytes(self) -> bytes:
        payload = {
            "version": STATE_VERSION,
            "id": self.id,
            "sequence": self.sequence,
            "count": self.count,
            "first_time": self.first_time,
            "last_time": self.last_time,
            "centroid": _packed_weights(self.centroid),
            "norm": self.norm,
            "name_norm": self.name_norm,
            "languages": self.languages,
            "outlets": self.outlets,
            "representatives": [
                [r.article_id, r.title, r.language, _packed_weights(r.vector)]
                for r in self.representatives
            ],
            "title": self.title,
            "first_sequence": self.first_sequence,
            "heat": self.heat,
            "embedding": None if self.embedding is None else pack(self.embedding),
        }
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, story_id: str, data: bytes) -> StoryState:
        try:
            payload = json.loads(data)
            if payload.get("version") not in READABLE_VERSIONS:
                raise ValueError(f"state version {payload.get('version')!r}")
            stored = payload.get("embedding")
            embedding = unpack(stored) if isinstance(stored, str) else None
            if isinstance(stored, list) and stored:  # version 1: a JSON list
                embedding = as_vector([float(value) for value in stored])
            return cls(
                id=payload["id"],
                sequence=int(payload["sequence"]),
                count=int(payload["count"]),
                first_time=float(payload["first_time"]),
                last_time=float(payload["last_time"]),
                centroid=_weights(payload["centroid"]),
                norm=float(payload["norm"]),
                name_norm=float(payload["name_norm"]),
                languages={str(k): int(v) for k, v in payload["languages"].items()},
                outlets={str(k): int(v) for k, v in payload["outlets"].items()},
                representatives=[
                    _Representative(str(a), str(t), language, _weights(vector))
                    for a, t, language, vector in payload["representatives"]
                ],
                title=str(payload["title"]),
                first_sequence=int(payload.get("first_sequence", payload["sequence"])),
                heat=float(payload.get("heat", 0.0)),
                embedding=embedding,
                embedding_norm=0.0 if embedding is None else vector_length(embedding),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise StoreError(
                f"story {story_id}: stored clustering state unreadable ({error})"
            ) from error


def _packed_weights(weights: dict[str, float]) -> list[object]:
    """Features and their weights, in order: ``[[keys…], packed weights]`` (state version 2)."""
    values = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
    return [list(weights), pack(values)]


def _weights(stored: object) -> dict[str, float]:
    """Weights as :func:`_packed_weights` stored them, or as a JSON object (state version 1)."""
    if isinstance(stored, dict):
        return {str(key): float(value) for key, value in stored.items()}
    if not isinstance(stored, list) or len(stored) != 2:
        raise ValueError("stored weights are neither an object nor [keys, values]")
    keys, packed = stored
    values: list[float] = unpack(packed).tolist()
    return dict(zip((str(key) for key in keys), values, strict=True))


def article_time(article: Article) -> float | None:
    """Publication time in seconds since the epoch (:mod:`newsloom.time_order`)."""
    return utc_seconds(article.published)


def mentioned_time(analysis: Analysis | None) -> float | None:
    """For an undated article: the latest full date its text states outright (noon UTC)."""
    if analysis is None:
        return None
    dates = [
        expression.value
        for expression in analysis.times
        if expression.value is not None
        and not expression.inferred
        and expression.precision in (DatePrecision.DAY, DatePrecision.NIGHT, DatePrecision.TIME)
    ]
    if not dates:
        return None
    latest = max(dates)
    return datetime(latest.year, latest.month, latest.day, 12, tzinfo=UTC).timestamp()


def choose_title(state: StoryState, article: Article, vector: dict[str, float]) -> None:
    """Keep the article among the story's representatives if central enough; retitle the story.

    The title is the most central representative headline in the story's majority language.
    """
    strongest = sorted(vector.items(), key=lambda item: (-item[1], item[0]))
    newcomer = _Representative(
        article.id, article.title, article.language, dict(strongest[:REPRESENTATIVE_FEATURES])
    )
    scored = [
        (cosine(r.vector, state.centroid, state.norm) / (vector_norm(r.vector) or 1.0), r)
        for r in [*state.representatives, newcomer]
    ]
    scored.sort(key=lambda item: (-item[0], item[1].article_id))
    state.representatives = [r for _, r in scored[:REPRESENTATIVES]]
    majority = (
        min(state.languages.items(), key=lambda item: (-item[1], item[0]))[0]
        if state.languages
        else None
    )
    for _, representative in scored:
        if representative.language == majority and representative.title.strip():
            state.title = representative.title
            return
    state.title = scored[0][1].title
