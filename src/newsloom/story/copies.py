"""Which passages of a story are copies of each other, so copied agency text counts once.

Built from the assign stage's reuse results: a near-duplicate article is a
copy of the article it duplicates, as a whole; a reused passage links one paragraph to another. Two
article paragraphs with the same :meth:`CopyGroups.origin` carry the same text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsloom.records import Article, ReuseResult

Node = tuple[str, int]  # (article id, paragraph index); paragraph -1 stands for the whole article
WHOLE = -1


class CopyGroups:
    """A union-find over article paragraphs linked by near-duplication and passage reuse."""

    def __init__(self) -> None:
        self._parent: dict[Node, Node] = {}
        self._duplicate_of: dict[str, str] = {}

    @classmethod
    def from_reuse(cls, reuse: Mapping[str, ReuseResult] | Iterable[ReuseResult]) -> CopyGroups:
        groups = cls()
        results = reuse.values() if isinstance(reuse, Mapping) else reuse
        for result in results:
            groups.add(result)
        return groups

    def add(self, result: ReuseResult) -> None:
        if result.duplicate_of is not None and result.duplicate_of != result.article_id:
            self._duplicate_of[result.article_id] = result.duplicate_of
            self._union((result.article_id, WHOLE), (result.duplicate_of, WHOLE))
        for passage in result.passages:
            self._union(
                (passage.article, passage.paragraph),
                (passage.other_article, passage.other_paragraph),
            )

    def article_origin(self, article_id: str) -> str:
        """The article that ``article_id`` is a near-duplicate of, followed to the end."""
        seen = {article_id}
        while article_id in self._duplicate_of:
            article_id = self._duplicate_of[article_id]
            if article_id in seen:
                break
            seen.add(article_id)
        return article_id

    def is_duplicate(self, article_id: str) -> bool:
        return article_id in self._duplicate_of

    def attach(self, article_id: str, paragraphs: Iterable[int]) -> None:
        """Link a near-duplicated article's paragraphs to the whole article (before any query)."""
        if not self._has_duplicates(article_id):
            return
        for paragraph in paragraphs:
            self._union((article_id, paragraph), (article_id, WHOLE))

    def attach_articles(self, articles: Iterable[Article]) -> None:
        for article in articles:
            self.attach(article.id, (paragraph.index for paragraph in article.paragraphs))

    def origin(self, article_id: str, paragraph: int) -> Node:
        """A representative of every paragraph that carries the same text as this one."""
        return self._find((article_id, paragraph))

    def independent(self, nodes: Iterable[Node]) -> int:
        """How many independent texts the given paragraphs are (copies count once)."""
        return len({self.origin(article, paragraph) for article, paragraph in nodes})

    def same_text(self, first: Node, second: Node) -> bool:
        return self.origin(*first) == self.origin(*second)

    def _has_duplicates(self, article_id: str) -> bool:
        return article_id in self._duplicate_of or article_id in self._duplicate_of.values()

    def _find(self, node: Node) -> Node:
        parent = self._parent.get(node, node)
        if parent == node:
            return node
        root = self._find(parent)
        self._parent[node] = root
        return root

    def _union(self, first: Node, second: Node) -> None:
        first_root, second_root = self._find(first), self._find(second)
        if first_root != second_root:
            # keep the lexically smaller node as root so results do not depend on input order
            low, high = sorted((first_root, second_root))
            self._parent[high] = low
