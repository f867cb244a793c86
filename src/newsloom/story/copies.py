"""Which passages of a story are copies of each other, so copied agency text counts once.

Built from the assign stage's reuse results: a near-duplicate article is a
copy of the article it duplicates, as a whole; a reused passage links one paragraph to another. Two
article paragraphs with the same :meth:`CopyGroups.origin` carry the same text.

The *origin* of a shared text is the article the reuse view names for it (the earliest article
carrying it, as the assign stage found), else the earliest article of the group; its *agency* is
the wire agency the origin signs, else the one its copies sign (``/ritzau/``, ``(NTB)``): reprints
often carry the signature the first publication left out. Every view reads both from here, so
figure tracks and coverage agree with the reuse view.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from newsloom.records import Article, ReuseResult
from newsloom.time_order import time_key

Node = tuple[str, int]  # (article id, paragraph index); paragraph -1 stands for the whole article
WHOLE = -1


class CopyGroups:
    """A union-find over article paragraphs linked by near-duplication and passage reuse."""

    def __init__(self) -> None:
        self._parent: dict[Node, Node] = {}
        self._duplicate_of: dict[str, str] = {}
        self._declared: dict[Node, str] = {}  # paragraph → origin article the reuse view named
        self._declared_agency: dict[Node, str] = {}
        self._articles: dict[str, Article] = {}
        self._groups: dict[Node, list[Node]] | None = None  # root → its nodes, built on demand

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
            node = (passage.article, passage.paragraph)
            self._union(node, (passage.other_article, passage.other_paragraph))
            if passage.origin_article:
                self._declared[node] = passage.origin_article
            if passage.origin_agency:
                self._declared_agency[node] = passage.origin_agency

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
            self._articles[article.id] = article
            self.attach(article.id, (paragraph.index for paragraph in article.paragraphs))

    def text_origin(self, article_id: str, paragraph: int) -> str | None:
        """The origin article of the text of this paragraph when other articles carry it too
        (None for a text only one article carries)."""
        members = self._members(self._find((article_id, paragraph)))
        articles = {article for article, _ in members} | {article_id}
        if len(articles) < 2:
            return None
        declared = [self._declared[node] for node in members if node in self._declared]
        if article_id in self._duplicate_of or any(a in self._duplicate_of for a in articles):
            declared.append(self.article_origin(article_id))
        return min(declared or articles, key=self._age)

    def text_agency(self, article_id: str, paragraph: int) -> str | None:
        """The wire agency of a shared text: the origin's signature, else the one most of its
        copies sign, else the one the reuse view named."""
        origin = self.text_origin(article_id, paragraph)
        if origin is None:
            return None
        signed = self._articles.get(origin)
        if signed is not None and signed.agencies:
            return signed.agencies[0]
        members = self._members(self._find((article_id, paragraph)))
        counts: Counter[str] = Counter()
        for article in dict.fromkeys(a for a, _ in members):
            known = self._articles.get(article)
            if known is not None and known.agencies:
                counts[known.agencies[0]] += 1
        if counts:
            return min(counts, key=lambda agency: (-counts[agency], agency))
        return next((self._declared_agency[n] for n in members if n in self._declared_agency), None)

    def shared_texts(self) -> list[tuple[str, str | None, tuple[str, ...]]]:
        """Every text more than one article carries: its origin article, agency and the articles
        that copy it (earliest first)."""
        seen: set[Node] = set()
        found: dict[str, tuple[str | None, list[str]]] = {}
        for node in list(self._parent):
            root = self._find(node)
            if root in seen:
                continue
            seen.add(root)
            origin = self.text_origin(*node)
            if origin is None:
                continue
            _, copies = found.setdefault(origin, (self.text_agency(*node), []))
            for article, _ in self._members(root):
                if article != origin and article not in copies:
                    copies.append(article)
        return [
            (origin, agency, tuple(sorted(copies, key=self._age)))
            for origin, (agency, copies) in sorted(
                found.items(), key=lambda item: self._age(item[0])
            )
        ]

    def _members(self, root: Node) -> list[Node]:
        if self._groups is None:
            self._groups = {}
            for node in list(self._parent):
                self._groups.setdefault(self._find(node), [self._find(node)]).append(node)
        return self._groups.get(root) or [root]

    def _age(self, article_id: str) -> tuple[int, float, str]:
        article = self._articles.get(article_id)
        return (*time_key(article.published if article is not None else None), article_id)

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
            self._groups = None
            # keep the lexically smaller node as root so results do not depend on input order
            low, high = sorted((first_root, second_root))
            self._parent[high] = low
