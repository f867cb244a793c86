"""Online story assignment: every article joins the story it belongs to as it arrives.

Articles come in publication-time order. Each becomes an IDF-weighted, length-normalised vector of
:mod:`newsloom.features` (lemmas, names, numbers; title and lead weighted up), with document
frequencies counted online over everything seen so far. A story keeps the sum of its articles'
vectors (pruned to its strongest features). Candidate stories come from an inverted index
feature → stories holding only stories active within ``window_days``; only the newest few stories
per feature are looked at, so the cost per article stays flat as stories accumulate. The best
candidate wins if its cosine similarity, less a penalty that grows with the time gap, reaches
``min_similarity``; otherwise the article starts a new story. Near-duplicates and articles that
heavily reuse another article's text join that article's story outright.

The state after each article is a function of the ordered articles alone: feeding them one at a
time, in one batch, or rebuilding from the store and going on gives the same stories.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Self

from newsloom.errors import StoreError
from newsloom.features import (
    LANGUAGE_FREE_WEIGHT,
    DocumentFrequencies,
    article_features,
    cosine,
    language_free,
    vector_norm,
)
from newsloom.records import Analysis, Article, DatePrecision, ReuseResult
from newsloom.settings import ClusterSettings
from newsloom.store import Store

DAY = 86_400.0
QUERY_FEATURES = 40  # strongest article features used to find candidate stories
STORIES_PER_FEATURE = 25  # newest active stories looked at per feature
CANDIDATES = 30  # candidate stories scored exactly
CENTROID_FEATURES = 300  # features a story keeps (strongest first)
MAX_SHARED_DF = 0.25  # features in more than this share of articles do not find candidates
REPRESENTATIVES = 6  # articles kept per story as title candidates
REPRESENTATIVE_FEATURES = 40
TIME_PENALTY = 0.15  # subtracted from the similarity at a gap of ``window_days``
HEAVY_REUSE_SHARE = 0.3  # reused share of an article's words that makes it join the source's story
PURGE_EVERY = 500
LATE_STORIES = 5000  # most stories compared with one late (out-of-order) article
SIZE_BONUS = 0.2  # a big story's centroid is broad: its similarities count up by log(size)
# A story that has gone quiet is less likely to go on: ``cluster.idle_penalty × log(1 + missed)``
# is subtracted, ``missed`` being how many articles the story would have gained since its last one
# at its own rate (articles since its last update × the share of the stream it gained after its
# first). Off by default: it helps dense headline streams (UCI) and splits small slow corpora.
IDLE_MIN_COUNT = 5
STATE_VERSION = 1


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

    def to_bytes(self) -> bytes:
        payload = {
            "version": STATE_VERSION,
            "id": self.id,
            "sequence": self.sequence,
            "count": self.count,
            "first_time": self.first_time,
            "last_time": self.last_time,
            "centroid": self.centroid,
            "norm": self.norm,
            "name_norm": self.name_norm,
            "languages": self.languages,
            "outlets": self.outlets,
            "representatives": [
                [r.article_id, r.title, r.language, r.vector] for r in self.representatives
            ],
            "title": self.title,
            "first_sequence": self.first_sequence,
        }
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, story_id: str, data: bytes) -> StoryState:
        try:
            payload = json.loads(data)
            if payload.get("version") != STATE_VERSION:
                raise ValueError(f"state version {payload.get('version')!r}")
            return cls(
                id=payload["id"],
                sequence=int(payload["sequence"]),
                count=int(payload["count"]),
                first_time=float(payload["first_time"]),
                last_time=float(payload["last_time"]),
                centroid={str(k): float(v) for k, v in payload["centroid"].items()},
                norm=float(payload["norm"]),
                name_norm=float(payload["name_norm"]),
                languages={str(k): int(v) for k, v in payload["languages"].items()},
                outlets={str(k): int(v) for k, v in payload["outlets"].items()},
                representatives=[
                    _Representative(
                        str(a), str(t), language, {str(k): float(v) for k, v in vec.items()}
                    )
                    for a, t, language, vec in payload["representatives"]
                ],
                title=str(payload["title"]),
                first_sequence=int(payload.get("first_sequence", payload["sequence"])),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise StoreError(
                f"story {story_id}: stored clustering state unreadable ({error})"
            ) from error


def article_time(article: Article) -> float | None:
    """Publication time in seconds since the epoch (naive times taken as UTC)."""
    if article.published is None:
        return None
    published = article.published
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return published.timestamp()


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


class StoryClusterer:
    """Assigns articles to stories, one at a time, in publication order.

    ``StoryClusterer(settings)`` works in memory; :meth:`from_store` resumes from what
    :meth:`save` persisted.
    """

    def __init__(self, settings: ClusterSettings, store: Store | None = None) -> None:
        self.settings = settings
        self.window = settings.window_days * DAY
        self.frequencies = DocumentFrequencies()
        self._store = store
        self._active: dict[str, StoryState] = {}
        self._archive: dict[str, StoryState] = {}  # stories past the window (in-memory mode)
        self._postings: dict[str, dict[str, None]] = {}  # feature → story ids, oldest update first
        self._article_story: dict[str, str] = {}
        self._latest: float | None = None
        self._added_since_purge = 0
        self._pending: tuple[str, list[str]] | None = None
        self.lookups = 0  # stories looked at while finding candidates (for benchmarks and tests)

    # --- building ---------------------------------------------------------------------------

    @classmethod
    def from_store(cls, store: Store, settings: ClusterSettings) -> Self:
        clusterer = cls(settings, store)
        counts = store.cluster_terms()
        documents = counts.pop("", 0)
        clusterer.frequencies = DocumentFrequencies(counts, documents)
        latest = store.latest_story_activity()
        if latest is None:
            return clusterer
        clusterer._latest = latest
        states = [
            StoryState.from_bytes(story_id, data)
            for story_id, data in store.active_story_states(latest - clusterer.window)
        ]
        states.sort(key=lambda state: state.sequence)
        for state in states:
            clusterer._active[state.id] = state
            clusterer._index(state, ())
        return clusterer

    # --- the verbs --------------------------------------------------------------------------

    def add(
        self, article: Article, analysis: Analysis | None = None, reuse: ReuseResult | None = None
    ) -> Assignment:
        """Assign ``article`` to a story (existing or new) and update the stories."""
        features = article_features(article, analysis)
        self.frequencies.add(features)
        vector = self.frequencies.weigh(features)
        time = article_time(article)
        if time is None:
            time = mentioned_time(analysis)
        if time is None:
            time = self._latest if self._latest is not None else 0.0
        self._latest = time if self._latest is None else max(self._latest, time)

        story, score, reason = self._story_by_reuse(reuse)
        if story is None:
            if time < self._latest - self.window:  # a late article: look around its own time
                story, score = self._best_of(
                    self._stories_around(time), vector, time, article.language
                )
            else:
                story, score = self._best_candidate(vector, time, article.language)
            reason = "similar"
            if story is not None and score < self.settings.min_similarity:
                story = None
        if story is None:
            story = StoryState(
                id="s" + article.id,
                sequence=self.frequencies.documents,
                first_sequence=self.frequencies.documents,
                count=0,
                first_time=time,
                last_time=time,
            )
            reason = "new"
        self._update(story, article, vector, time)
        self._article_story[article.id] = story.id
        self._pending = (article.id, list(features))
        self._added_since_purge += 1
        if self._added_since_purge >= PURGE_EVERY:
            self._purge()
        return Assignment(article.id, story.id, reason == "new", round(score, 6), reason)

    def add_all(
        self, items: Iterable[tuple[Article, Analysis | None, ReuseResult | None]]
    ) -> list[Assignment]:
        """Assign a batch in publication order: the same as calling :meth:`add` on each."""
        return [self.add(article, analysis, reuse) for article, analysis, reuse in items]

    def save(self, store: Store, assignment: Assignment) -> None:
        """Persist the story the article joined (inside the caller's transaction)."""
        state = self._active.get(assignment.story_id) or self._archive.get(assignment.story_id)
        with store.transaction():
            if state is None:
                store.put_story(assignment.story_id, assignment.story_id)
            else:
                store.put_story(
                    state.id, state.title, state.to_bytes(), last_activity=state.last_time
                )
            store.assign_story(assignment.article_id, assignment.story_id)
            if self._pending is not None and self._pending[0] == assignment.article_id:
                store.add_cluster_terms(self._pending[1])
                self._pending = None

    def story(self, story_id: str) -> StoryState | None:
        """The in-memory state of a story (active or archived), if this clusterer holds it."""
        return self._active.get(story_id) or self._archive.get(story_id)

    @property
    def active_stories(self) -> int:
        return len(self._active)

    # --- internals --------------------------------------------------------------------------

    def _story_by_reuse(self, reuse: ReuseResult | None) -> tuple[StoryState | None, float, str]:
        if reuse is None:
            return None, 0.0, ""
        if reuse.duplicate_of:
            story = self._story_of_article(reuse.duplicate_of)
            if story is not None:
                return story, reuse.duplicate_similarity or 1.0, "duplicate"
        if reuse.passages and reuse.reused_share >= HEAVY_REUSE_SHARE:
            sources = Counter(passage.other_article for passage in reuse.passages)
            for other, _ in sorted(sources.items(), key=lambda item: (-item[1], item[0])):
                story = self._story_of_article(other)
                if story is not None:
                    return story, reuse.reused_share, "reuse"
        return None, 0.0, ""

    def _story_of_article(self, article_id: str) -> StoryState | None:
        story_id = self._article_story.get(article_id)
        if story_id is None and self._store is not None:
            story_id = self._store.story_of(article_id)
        if story_id is None:
            return None
        state = self._active.get(story_id) or self._archive.get(story_id)
        if state is None and self._store is not None:
            data = self._store.story_state(story_id)
            if data is not None:
                state = StoryState.from_bytes(story_id, data)
        return state

    def _eligible(self, state: StoryState) -> bool:
        return self._latest is None or state.last_time >= self._latest - self.window

    def _best_candidate(
        self, vector: dict[str, float], time: float, language: str | None
    ) -> tuple[StoryState | None, float]:
        frequencies = self.frequencies
        common = frequencies.documents >= 20
        query = sorted(vector.items(), key=lambda item: (-item[1], item[0]))
        votes: dict[str, float] = {}
        used = 0
        for key, weight in query:
            if used >= QUERY_FEATURES:
                break
            if common and frequencies.share(key) > MAX_SHARED_DF:
                continue
            used += 1
            posting = self._postings.get(key)
            if not posting:
                continue
            taken = 0
            for story_id in reversed(posting):
                self.lookups += 1
                state = self._active[story_id]
                if not self._eligible(state):
                    continue
                votes[story_id] = votes.get(story_id, 0.0) + weight * state.centroid.get(key, 0.0)
                taken += 1
                if taken >= STORIES_PER_FEATURE:
                    break
        ranked = sorted(votes.items(), key=lambda item: (-item[1], item[0]))[:CANDIDATES]
        return self._best_of(
            [self._active[story_id] for story_id, _ in ranked], vector, time, language
        )

    def _stories_around(self, time: float) -> list[StoryState]:
        """Stories within the window of ``time`` (for late articles): from the store or archive."""
        found: dict[str, StoryState] = {}
        if self._store is not None:
            for story_id, data in self._store.active_story_states(time - self.window, LATE_STORIES):
                found[story_id] = self._active.get(story_id) or StoryState.from_bytes(
                    story_id, data
                )
        else:
            for state in [*self._archive.values(), *self._active.values()]:
                if state.last_time >= time - self.window:
                    found[state.id] = state
        return [
            state for _, state in sorted(found.items()) if state.first_time - time <= self.window
        ]

    def _best_of(
        self,
        candidates: list[StoryState],
        vector: dict[str, float],
        time: float,
        language: str | None,
    ) -> tuple[StoryState | None, float]:
        best: StoryState | None = None
        best_score = -1.0
        names = language_free(vector)
        names_length = vector_norm(names)
        idle_penalty = self.settings.idle_penalty
        for state in candidates:
            gap = max(0.0, state.first_time - time, time - state.last_time)
            if gap > self.window:
                continue
            similarity = cosine(vector, state.centroid, state.norm)
            if language is not None and language not in state.languages and names_length > 0.0:
                # another language: shared names and numbers are the evidence that carries over
                shared = cosine(names, state.centroid, state.name_norm) / names_length
                similarity = max(similarity, LANGUAGE_FREE_WEIGHT * shared)
            score = (
                similarity * (1.0 + SIZE_BONUS * math.log(state.count))
                - TIME_PENALTY * gap / self.window
                - (idle_penalty * math.log1p(self._missed(state)) if idle_penalty else 0.0)
            )
            if score > best_score or (
                score == best_score and best is not None and state.id < best.id
            ):
                best, best_score = state, score
        return best, max(best_score, 0.0)

    def _missed(self, state: StoryState) -> float:
        """Articles the story would have gained since its last one, at its own rate so far."""
        if state.count < IDLE_MIN_COUNT:
            return 0.0  # too few articles to know the story's rate
        now = self.frequencies.documents
        idle = max(0, now - state.sequence)
        age = max(1, now - state.first_sequence)
        return idle * (state.count - 1) / age

    def _update(
        self, state: StoryState, article: Article, vector: dict[str, float], time: float
    ) -> None:
        previous = set(state.centroid)
        centroid = state.centroid
        for key, weight in vector.items():
            centroid[key] = centroid.get(key, 0.0) + weight
        if len(centroid) > CENTROID_FEATURES:
            strongest = sorted(centroid.items(), key=lambda item: (-item[1], item[0]))
            state.centroid = centroid = dict(strongest[:CENTROID_FEATURES])
        state.norm = vector_norm(centroid)
        state.name_norm = vector_norm(language_free(centroid))
        state.count += 1
        state.first_time = min(state.first_time, time)
        state.last_time = max(state.last_time, time)
        state.sequence = self.frequencies.documents
        if article.language:
            state.languages[article.language] = state.languages.get(article.language, 0) + 1
        if article.source:
            state.outlets[article.source] = state.outlets.get(article.source, 0) + 1
        self._choose_title(state, article, vector)
        self._archive.pop(state.id, None)
        self._active[state.id] = state
        self._index(state, previous)

    def _choose_title(self, state: StoryState, article: Article, vector: dict[str, float]) -> None:
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

    def _index(self, state: StoryState, previous: Iterable[str]) -> None:
        postings = self._postings
        for key in previous:
            if key not in state.centroid:
                posting = postings.get(key)
                if posting is not None:
                    posting.pop(state.id, None)
        for key in state.centroid:
            posting = postings.setdefault(key, {})
            posting.pop(state.id, None)
            posting[state.id] = None

    def _unindex(self, state: StoryState) -> None:
        for key in state.centroid:
            posting = self._postings.get(key)
            if posting is not None:
                posting.pop(state.id, None)
                if not posting:
                    del self._postings[key]

    def _purge(self) -> None:
        """Forget stories past the window (they can no longer gain articles by similarity)."""
        self._added_since_purge = 0
        expired = [state for state in self._active.values() if not self._eligible(state)]
        for state in expired:
            self._unindex(state)
            del self._active[state.id]
            if self._store is None:
                self._archive[state.id] = state
        for key in [key for key, posting in self._postings.items() if not posting]:
            del self._postings[key]


def story_assignments(articles: Iterable[Article], settings: ClusterSettings) -> dict[str, str]:
    """Cluster ``articles`` (in publication order) in memory: article id → story id."""
    clusterer = StoryClusterer(settings)
    return {a.article_id: a.story_id for a in (clusterer.add(article) for article in articles)}


def published_order(articles: Iterable[Article]) -> list[Article]:
    """Articles sorted by publication time (undated last, stable otherwise)."""
    dated = list(articles)
    return sorted(dated, key=lambda a: (article_time(a) is None, article_time(a) or 0.0))
