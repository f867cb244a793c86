"""Who covered a story, in which languages, when, who was first, and how much of it is copied."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from newsloom.records import Article, ReuseResult
from newsloom.story.copies import CopyGroups
from newsloom.story.sentences import words
from newsloom.time_order import publication_key


@dataclass(frozen=True, slots=True)
class SharedText:
    """Text several articles of the story carry: where it first appeared and whose wire it is."""

    origin: str  # the earliest article carrying it (the reuse view's origin)
    agency: str | None  # signed by the origin, else by its copies (/ritzau/, (NTB))
    copies: tuple[str, ...]  # the later articles carrying it


@dataclass(frozen=True, slots=True)
class Coverage:
    articles: int
    independent_articles: int  # near-duplicates count once
    duplicates: int
    outlets: tuple[tuple[str, int], ...]  # outlet and how many articles it published, most first
    languages: tuple[tuple[str, int], ...]
    agencies: tuple[tuple[str, int], ...]  # wire agencies signed, and in how many articles
    first_seen: datetime | None
    last_seen: datetime | None
    first_article: str | None  # who published first
    first_outlet: str | None
    original_share: float  # share of the story's body words not copied from another article
    copied_share: float
    shared_texts: tuple[SharedText, ...] = ()  # reused text by origin, with its wire agency

    @property
    def outlet_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.outlets)

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.languages)


def _ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def measure_coverage(
    articles: Sequence[Article],
    reuse: Mapping[str, ReuseResult],
    copies: CopyGroups | None = None,
) -> Coverage:
    """Coverage figures of a story from its articles and their reuse results."""
    if copies is None:
        copies = CopyGroups.from_reuse(reuse)
        copies.attach_articles(articles)
    outlets = Counter(a.source for a in articles if a.source)
    languages = Counter(a.language for a in articles if a.language)
    agencies = Counter(agency for a in articles for agency in dict.fromkeys(a.agencies))
    dated = sorted((a for a in articles if a.published), key=publication_key)
    duplicates = sum(1 for a in articles if (r := reuse.get(a.id)) and r.duplicate_of)
    total_words = copied_words = 0.0
    for article in articles:
        size = sum(len(words(p.text)) for p in article.body)
        result = reuse.get(article.id)
        share = 0.0
        if result is not None:
            share = 1.0 if result.duplicate_of else min(1.0, max(0.0, result.reused_share))
        total_words += size
        copied_words += size * share
    copied = copied_words / total_words if total_words else 0.0
    first = dated[0] if dated else None
    return Coverage(
        articles=len(articles),
        independent_articles=len(articles) - duplicates,
        duplicates=duplicates,
        outlets=_ranked(outlets),
        languages=_ranked(languages),
        agencies=_ranked(agencies),
        first_seen=dated[0].published if dated else None,
        last_seen=dated[-1].published if dated else None,
        first_article=first.id if first else None,
        first_outlet=first.source if first else None,
        original_share=round(1.0 - copied, 4),
        copied_share=round(copied, 4),
        shared_texts=tuple(
            SharedText(origin, agency, copied_by)
            for origin, agency, copied_by in copies.shared_texts()
        ),
    )
