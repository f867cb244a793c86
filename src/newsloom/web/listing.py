"""Lists behind ``GET /api/articles`` and ``GET /api/entities``: filtered, newest (or most
mentioned) first, a page at a time, with the total before the page."""

from __future__ import annotations

from typing import Protocol

from newsloom.dates import date_iso, date_label
from newsloom.errors import InputError
from newsloom.store import ArticleFilter, ArticleStore, Store, StoryStore
from newsloom.story.glance import ENTITY_TYPE_NAMES, entity_type_name
from newsloom.web.schemas import (
    ArticleItem,
    ArticleList,
    ArticleListFilters,
    EntityBrief,
    EntityList,
    EntityListFilters,
)
from newsloom.web.state import DossierCache
from newsloom.web.views import _until, article_link, check_limit, entity_link, parse_day


class ArticleListing(ArticleStore, StoryStore, Protocol):
    """What the article list reads: the articles, and each one's story."""


def article_list(store: ArticleListing, filters: ArticleListFilters) -> ArticleList:
    """Stored articles matching the filters, newest first (oldest first when asked)."""
    check_limit(filters.limit, filters.offset)
    story = filters.story or None
    if story is not None and store.get_story_row(story) is None:
        raise InputError("query parameter 'story'", f"no story {story!r}")
    where = ArticleFilter(
        language=filters.language or None,
        source=filters.outlet or None,
        since=parse_day(filters.since, "since"),
        until=_until(filters.until),
        story=story,
        limit=filters.limit,
        offset=filters.offset,
        newest_first=not filters.oldest,
    )
    articles = store.list_articles(where)
    return ArticleList(
        total=store.count_articles(where),
        limit=filters.limit,
        offset=filters.offset,
        filters=filters,
        articles=[
            ArticleItem(
                id=article.id,
                title=article.title,
                url=article.url,
                source=article.source,
                language=article.language,
                published=date_iso(article.published, article.published_precision),
                published_precision=article.published_precision,
                published_label=date_label(
                    article.published, article.published_precision, article.published_origin
                ),
                story=store.story_of(article.id),
                link=article_link(article.id),
            )
            for article in articles
        ],
    )


def entity_list(
    store: Store, dossiers: DossierCache, filters: EntityListFilters, budget: float
) -> EntityList:
    """Entities of every story, most mentioned first, by type and name prefix (any spelling)."""
    check_limit(filters.limit, filters.offset)
    wanted = _entity_types(filters.type)
    prefix = (filters.prefix or "").strip().casefold()
    matching = [
        entity
        for entity in dossiers.entity_catalog(store, budget)
        if (wanted is None or entity.type in wanted)
        and (not prefix or any(v.casefold().startswith(prefix) for v in entity.variants))
    ]
    page = matching[filters.offset : filters.offset + filters.limit]
    return EntityList(
        total=len(matching),
        limit=filters.limit,
        offset=filters.offset,
        filters=filters,
        entities=[
            EntityBrief(
                id=entity.id,
                name=entity.name,
                type=entity.type,
                type_name=entity_type_name(entity.type),
                variants=list(entity.variants),
                mentions=entity.mentions,
                articles=entity.articles,
                stories=entity.stories,
                link=entity_link(entity.id),
            )
            for entity in page
        ],
    )


def _entity_types(given: str | None) -> set[str] | None:
    """The type codes a ``type`` parameter means: a code (``LOC``) or a word (``place``)."""
    value = (given or "").strip()
    if not value:
        return None
    codes = {
        code
        for code, name in ENTITY_TYPE_NAMES.items()
        if value.upper() == code or value.casefold() == name
    }
    if not codes:
        known = ", ".join(f"{code} ({name})" for code, name in ENTITY_TYPE_NAMES.items())
        raise InputError("query parameter 'type'", f"{given!r} is not one of {known}")
    return codes
