"""Online story assignment. (Stub: replaced by the clustering owner.)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

from newsloom.records import Analysis, Article, ReuseResult
from newsloom.settings import ClusterSettings
from newsloom.store import Store


@dataclass(frozen=True, slots=True)
class Assignment:
    article_id: str
    story_id: str
    new_story: bool
    similarity: float


class StoryClusterer:
    def __init__(self, settings: ClusterSettings) -> None:
        self.settings = settings

    @classmethod
    def from_store(cls, store: Store, settings: ClusterSettings) -> Self:
        return cls(settings)

    def add(self, article: Article, analysis: Analysis | None, reuse: ReuseResult | None) -> Assignment:
        return Assignment(article.id, "s" + article.id, True, 0.0)

    def save(self, store: Store, assignment: Assignment) -> None:
        """Persist the story the article joined (inside the caller's transaction)."""
        store.put_story(assignment.story_id, assignment.story_id)
        store.assign_story(assignment.article_id, assignment.story_id)
