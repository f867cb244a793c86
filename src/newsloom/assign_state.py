"""The assign stage's state in the store: read before assigning, written with each article.

The stages in :mod:`newsloom.assign` compute and never touch the store: they load from plain
records, and after each article hand back a snapshot of what it changed. The pipeline reads and
writes those here, each article's snapshots inside that article's transaction.
"""

from __future__ import annotations

from typing import Protocol

from newsloom.assign.cluster import StoryClusterer, StorySnapshot, StreamCounts
from newsloom.assign.reuse import ReuseIndex, ReuseSnapshot
from newsloom.records import Article
from newsloom.settings import ClusterSettings, ReuseSettings
from newsloom.store import ClusterStore, ReuseStore, StoryStore, Transactional


class ReuseState(ReuseStore, Protocol):
    """The reuse store, and the articles the index rereads (those stored without a signature)."""

    def get_article(self, article_id: str) -> Article | None: ...


class StoryState(StoryStore, ClusterStore, Protocol):
    """The stories and the clusterer's counts over the stream."""


class StoryWriter(StoryState, Transactional, Protocol):
    """The story state, written in one transaction per article."""


def load_reuse_index(store: ReuseState, settings: ReuseSettings) -> ReuseIndex:
    """The reuse index rebuilt from what :func:`write_reuse` stored."""
    return ReuseIndex.load(
        settings, store.reuse_index_rows(), store.passage_origins(), store.get_article
    )


def write_reuse(store: ReuseStore, snapshot: ReuseSnapshot) -> None:
    """Store what the reuse index learned from one article: its signatures."""
    for scheme, signature in snapshot.signatures:
        store.put_signature(snapshot.article_id, scheme, signature)


def load_clusterer(store: StoryState, settings: ClusterSettings) -> StoryClusterer:
    """The clusterer resumed from what :func:`write_story` stored (it reads archived stories
    through ``store`` as it assigns)."""
    counts = StreamCounts(
        terms=store.cluster_terms(),
        gaps=store.cluster_gaps(),
        embeddings=store.cluster_embeddings(),
        latest_activity=store.latest_story_activity(),
    )
    return StoryClusterer.load(settings, counts, store)


def write_story(store: StoryWriter, snapshot: StorySnapshot) -> None:
    """Store one assignment: the story row, the membership, then the article's counts."""
    with store.transaction():
        store.put_story(
            snapshot.story_id, snapshot.title, snapshot.state, last_activity=snapshot.last_activity
        )
        store.assign_story(snapshot.article_id, snapshot.story_id)
        counts = snapshot.counts
        if counts is not None:
            store.add_cluster_terms(counts.features)
            if counts.gaps:
                store.add_cluster_gaps(counts.gaps)
            if counts.embedding_total is not None:
                store.put_cluster_embedding(*counts.embedding_total)
