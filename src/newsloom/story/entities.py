"""The story's entities: one entry per person, organisation or place, whatever its spellings.

Uses the entity stage's ``canonicalize`` when it is installed; otherwise groups the raw mentions
itself: the same type and text up to case and a genitive ``s``, near-identical spellings
(``Kasym-Jomart`` / ``Kassym-Jomart``), and a person's surname alone joined to the full name.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from newsloom.records import EntityMention, EntityType

SAME_SPELLING = 90.0  # rapidfuzz ratio above which two names of one type are spellings of one


@dataclass(frozen=True, slots=True)
class StoryEntity:
    id: str
    name: str
    type: str
    variants: tuple[str, ...]
    mentions: int
    articles: tuple[str, ...]


def entity_id(entity_type: str, name: str) -> str:
    return "e" + hashlib.sha256(f"{entity_type}\n{name.casefold()}".encode()).hexdigest()[:12]


def _canonicalizer() -> Callable[..., Any] | None:
    for module_name in ("newsloom.entities", "newsloom.entities.canonical"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, "canonicalize", None)
        if callable(function):
            return function  # type: ignore[no-any-return]
    return None


def story_entities(
    mentions_by_article: Mapping[str, Sequence[EntityMention]],
    languages: Mapping[str, str | None],
) -> tuple[StoryEntity, ...]:
    """Canonical entities of a story, most mentioned first."""
    canonicalize = _canonicalizer()
    if canonicalize is not None:
        try:
            canonical = canonicalize(mentions_by_article, languages)
            return tuple(_from_canonical(entity) for entity in canonical)
        except (TypeError, AttributeError, ValueError):
            pass  # an incompatible version of the entity stage: group the mentions here
    return group_mentions(mentions_by_article)


def _from_canonical(entity: Any) -> StoryEntity:
    entity_type = entity.type.value if isinstance(entity.type, EntityType) else str(entity.type)
    mentions = entity.mentions
    articles = tuple(getattr(entity, "articles", ()) or ())
    return StoryEntity(
        id=str(entity.id),
        name=str(entity.name),
        type=entity_type,
        variants=tuple(entity.variants),
        mentions=mentions if isinstance(mentions, int) else len(mentions),
        articles=articles,
    )


def _base(text: str) -> str:
    return " ".join(text.casefold().split())


def group_mentions(
    mentions_by_article: Mapping[str, Sequence[EntityMention]],
) -> tuple[StoryEntity, ...]:
    """Group raw mentions into entities without the entity stage's help."""
    # (type, base text) → spelling counts and articles
    spellings: dict[tuple[str, str], dict[str, int]] = {}
    articles: dict[tuple[str, str], list[str]] = {}
    for article_id, mentions in mentions_by_article.items():
        for mention in mentions:
            key = (mention.type.value, _base(mention.text))
            counts = spellings.setdefault(key, {})
            counts[mention.text] = counts.get(mention.text, 0) + 1
            seen = articles.setdefault(key, [])
            if article_id not in seen:
                seen.append(article_id)
    keys = sorted(spellings, key=lambda k: (-sum(spellings[k].values()), k))
    parent = {key: key for key in keys}

    def find(key: tuple[str, str]) -> tuple[str, str]:
        while parent[key] != key:
            key = parent[key]
        return key

    for position, first in enumerate(keys):
        for second in keys[position + 1 :]:
            if first[0] != second[0] or find(first) == find(second):
                continue
            if _same_entity(first[1], second[1], first[0]):
                parent[find(second)] = find(first)
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key in keys:
        groups.setdefault(find(key), []).append(key)
    entities: list[StoryEntity] = []
    for root, members in groups.items():
        merged: dict[str, int] = {}
        for member in members:
            for spelling, count in spellings[member].items():
                merged[spelling] = merged.get(spelling, 0) + count
        # the name: the most frequent of the longest spellings (full names over surnames)
        longest = max(len(s.split()) for s in merged)
        name = max((s for s in merged if len(s.split()) == longest), key=lambda s: (merged[s], s))
        entity_articles = list(dict.fromkeys(a for m in members for a in articles[m]))
        entities.append(
            StoryEntity(
                id=entity_id(root[0], name),
                name=name,
                type=root[0],
                variants=tuple(sorted(merged, key=lambda s: (-merged[s], s))),
                mentions=sum(merged.values()),
                articles=tuple(entity_articles),
            )
        )
    entities.sort(key=lambda e: (-len(e.articles), -e.mentions, e.name))
    return tuple(entities)


def _same_entity(first: str, second: str, entity_type: str) -> bool:
    if first.rstrip("s") == second.rstrip("s") or first + "s" == second or second + "s" == first:
        return True
    if fuzz.ratio(first, second) >= SAME_SPELLING:
        return True
    if entity_type == EntityType.PERSON.value:
        first_words, second_words = first.split(), second.split()
        short, long = sorted((first_words, second_words), key=len)
        if len(short) == 1 and len(long) > 1:
            surname = long[-1]
            return short[0] in (surname, surname + "s") or fuzz.ratio(short[0], surname) >= 90
    return False
