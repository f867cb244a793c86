"""Near-duplicate articles and passage-level text reuse. (Stub: replaced by the reuse owner.)"""

from __future__ import annotations

from typing import Self

from newsloom.records import Article, ReuseResult
from newsloom.settings import ReuseSettings
from newsloom.store import Store


class ReuseIndex:
    """Incremental index: ``add`` checks an article against everything seen so far, then adds it."""

    def __init__(self, settings: ReuseSettings) -> None:
        self.settings = settings

    @classmethod
    def from_store(cls, store: Store, settings: ReuseSettings) -> Self:
        return cls(settings)

    def add(self, article: Article) -> ReuseResult:
        return ReuseResult(article_id=article.id)

    def save(self, store: Store, article_id: str) -> None:
        """Persist what the index learned from ``article_id`` (inside the caller's transaction)."""
