"""The story clusterer's inverted index: feature → the active stories whose centroid holds it.

:class:`~newsloom.assign.cluster.StoryClusterer` finds an article's candidate stories here
(:meth:`StoryIndex.votes`): the article's strongest features that are not too common each vote for
the newest few eligible stories holding them, by the product of the two weights, so the cost per
article stays flat as stories accumulate. Each posting keeps its stories oldest update first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from newsloom.assign.cluster_state import StoryState
from newsloom.assign.weighting import DocumentFrequencies

__all__ = [
    "MAX_SHARED_DF",
    "QUERY_FEATURES",
    "STORIES_PER_FEATURE",
    "StoryIndex",
]

QUERY_FEATURES = 40  # strongest article features used to find candidate stories
STORIES_PER_FEATURE = 25  # newest active stories looked at per feature
MAX_SHARED_DF = 0.25  # features in more than this share of articles do not find candidates


class StoryIndex:
    """Feature → story ids (oldest update first), over the stories the clusterer holds active."""

    def __init__(self) -> None:
        self.postings: dict[str, dict[str, None]] = {}
        self.lookups = 0  # stories looked at while finding candidates (for benchmarks and tests)

    def index(self, state: StoryState, previous: Iterable[str]) -> None:
        """File ``state`` under its centroid's features as its newest update (``previous``: the
        features it was filed under before)."""
        postings = self.postings
        for key in previous:
            if key not in state.centroid:
                posting = postings.get(key)
                if posting is not None:
                    posting.pop(state.id, None)
        for key in state.centroid:
            posting = postings.setdefault(key, {})
            posting.pop(state.id, None)
            posting[state.id] = None

    def unindex(self, state: StoryState) -> None:
        for key in state.centroid:
            posting = self.postings.get(key)
            if posting is not None:
                posting.pop(state.id, None)
                if not posting:
                    del self.postings[key]

    def drop_empty(self) -> None:
        for key in [key for key, posting in self.postings.items() if not posting]:
            del self.postings[key]

    def votes(
        self,
        vector: dict[str, float],
        frequencies: DocumentFrequencies,
        active: Mapping[str, StoryState],
        eligible: Callable[[StoryState], bool],
    ) -> dict[str, float]:
        """Story id → the summed products of the article's and the story's feature weights, over
        the article's strongest features that are not too common."""
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
            posting = self.postings.get(key)
            if not posting:
                continue
            taken = 0
            for story_id in reversed(posting):
                self.lookups += 1
                state = active[story_id]
                if not eligible(state):
                    continue
                votes[story_id] = votes.get(story_id, 0.0) + weight * state.centroid.get(key, 0.0)
                taken += 1
                if taken >= STORIES_PER_FEATURE:
                    break
        return votes
