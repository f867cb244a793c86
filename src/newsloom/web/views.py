"""The data behind every page and its JSON twin: one function per page, returning a schema.

``/stories`` and ``/api/stories`` both call :func:`story_list`, ``/stories/{id}`` and
``/api/stories/{id}`` both call :func:`story_view`, and so on. SQL stays in the store.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from newsloom.dates import date_iso, date_label, iso_label
from newsloom.errors import InputError, NotFoundError
from newsloom.records import Analysis, Article, Figure, ReusedPassage
from newsloom.store import SearchQuery, Store, StoryRow
from newsloom.store.catalog import MARK_END, MARK_START, STORY_ORDERS, StoryQuery
from newsloom.store.codec import to_jsonable
from newsloom.story.credits import credited_quotes
from newsloom.story.dossier import Dossier
from newsloom.story.figure_claims import chain_label
from newsloom.story.glance import at_a_glance, entity_type_name
from newsloom.web.highlight import entity_key, paragraph_spans
from newsloom.web.schemas import (
    ArticleBrief,
    ArticleOut,
    CoMention,
    EntityArticle,
    EntityOut,
    EntityStory,
    FacetOut,
    KeyFigureOut,
    ParagraphOut,
    ReuseLink,
    SearchFilters,
    SearchHitOut,
    SearchOut,
    SnippetPart,
    SpanOut,
    StoryBrief,
    StoryFilters,
    StoryList,
    StoryOut,
    StoryRef,
)
from newsloom.web.state import DossierCache

MAX_LIMIT = 500


def story_link(story_id: str) -> str:
    return f"/stories/{story_id}"


def article_link(article_id: str, paragraph: int | None = None) -> str:
    return f"/articles/{article_id}" + (f"#p{paragraph}" if paragraph is not None else "")


def entity_link(entity_id: str) -> str:
    return f"/entities/{entity_id}"


def parse_day(value: str | None, name: str) -> datetime | None:
    """A query parameter holding a date (``2025-03-04``) or date-time; empty means none."""
    if value is None or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"query parameter {name!r}", f"{value!r} is not a date; use YYYY-MM-DD"
        ) from None
    return parsed


def article_facets(store: Store) -> tuple[list[FacetOut], list[FacetOut]]:
    """The languages and outlets of the stored articles, with their counts (for filters)."""
    return (
        [FacetOut(value=f.value, articles=f.articles) for f in store.article_facets("language")],
        [FacetOut(value=f.value, articles=f.articles) for f in store.article_facets("source")],
    )


def _until(value: str | None) -> datetime | None:
    """The ``until`` parameter: a bare day counts whole (its articles are kept)."""
    until = parse_day(value, "until")
    if until is not None and value and len(value.strip()) == 10:
        until = datetime.combine(until.date() + timedelta(days=1), time())
    return until


def check_limit(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError("query parameter 'limit'", f"{limit} is not between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise InputError("query parameter 'offset'", f"{offset} is negative")


def _brief(row: StoryRow, dossier: Dossier | None = None) -> StoryBrief:
    brief = StoryBrief(
        id=row.id,
        title=row.title,
        articles=len([i for i in row.article_ids if i]),
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        languages=list(row.languages),
        outlets=list(row.outlets),
        link=story_link(row.id),
    )
    if dossier is None:
        return brief
    glance = at_a_glance(dossier)
    return brief.model_copy(
        update={
            "lead": glance.lead,
            "key_figures": [
                KeyFigureOut(
                    kind=figure.kind,
                    subject=figure.subject,
                    label=figure.label,
                    vague=figure.vague,
                    as_of=figure.as_of.isoformat() if figure.as_of else None,
                    precision=figure.precision,
                    outlets=figure.outlets,
                    articles=figure.articles,
                    values=figure.values,
                    disputed=figure.disputed,
                )
                for figure in glance.key_figures
            ],
            "independent_articles": glance.independent_articles,
            "named_sources": len(glance.named_sources),
            "copied_share": round(glance.copied_share, 3),
        }
    )


def _dossier_or_none(store: Store, dossiers: DossierCache, story_id: str) -> Dossier | None:
    try:
        return dossiers.get(store, story_id)[0]
    except NotFoundError:  # the story changed between listing and reading it
        return None


def story_list(
    store: Store, filters: StoryFilters, dossiers: DossierCache | None = None
) -> StoryList:
    """Stories (newest or biggest first) filtered by language, outlet, dates and words.

    With ``dossiers``, each story also carries its lead, key figures and source counts.
    """
    check_limit(filters.limit, filters.offset)
    if filters.order not in STORY_ORDERS:
        raise InputError(
            "query parameter 'order'",
            f"{filters.order!r} is not one of {', '.join(STORY_ORDERS)}",
        )
    until = _until(filters.until)
    page = store.find_stories(
        StoryQuery(
            language=filters.language or None,
            outlet=filters.outlet or None,
            since=parse_day(filters.since, "since"),
            until=until,
            text=filters.q or None,
            order=filters.order,
            limit=filters.limit,
            offset=filters.offset,
        )
    )
    languages, outlets = article_facets(store)
    return StoryList(
        stories=[
            _brief(row, _dossier_or_none(store, dossiers, row.id) if dossiers else None)
            for row in page.stories
        ],
        total=page.total,
        filters=filters,
        languages=languages,
        outlets=outlets,
    )


def _published(article: Article) -> str | None:
    return date_iso(article.published, article.published_precision)


def _published_label(article: Article) -> str:
    return date_label(article.published, article.published_precision, article.published_origin)


def _precision(article: Article) -> str | None:
    return article.published_precision.value if article.published_precision else None


def story_view(store: Store, dossiers: DossierCache, story_id: str) -> StoryOut:
    """A story's dossier and its articles with what of each is copied."""
    dossier, as_dict = dossiers.get(store, story_id)
    briefs: list[ArticleBrief] = []
    for article in dossier.articles:
        reuse = store.get_reuse(article.id)
        briefs.append(
            ArticleBrief(
                id=article.id,
                title=article.title,
                source=article.source,
                language=article.language,
                published=_published(article),
                published_label=_published_label(article),
                duplicate_of=reuse.duplicate_of if reuse else None,
                reused_share=round(reuse.reused_share, 3) if reuse else None,
                link=article_link(article.id),
            )
        )
    return StoryOut(story=as_dict, articles=briefs)


def find_article(store: Store, given: str) -> Article:
    """An article by id, unique id prefix, external id or URL."""
    article = store.get_article(given)
    if article is None:
        matches = store.find_article_ids(given)
        if len(matches) > 1:
            raise NotFoundError(f"article {given!r} matches several articles: {', '.join(matches)}")
        article = store.get_article(matches[0]) if matches else None
    if article is None:
        raise NotFoundError(f"article {given!r}: no such article in the store")
    return article


def _reuse_link(
    store: Store, passage: ReusedPassage, copied_from: bool, titles: dict[str, Article | None]
) -> ReuseLink:
    other_id, other_paragraph = (
        (passage.other_article, passage.other_paragraph)
        if copied_from
        else (passage.article, passage.paragraph)
    )
    if other_id not in titles:
        titles[other_id] = store.get_article(other_id)
    other = titles[other_id]
    return ReuseLink(
        direction="copied_from" if copied_from else "copied_by",
        article=other_id,
        paragraph=other_paragraph,
        similarity=round(passage.similarity, 3),
        title=other.title if other else None,
        source=other.source if other else None,
        origin_agency=passage.origin_agency,
        link=article_link(other_id, other_paragraph),
    )


def _quotes_out(article: Article, analysis: Analysis, known: set[str]) -> list[dict[str, Any]]:
    """The article's quotes as stored, each with the credit every view shows (speaker and role)."""
    return [
        {
            **to_jsonable(quote),
            "credit": credit.label if credit else None,
            "on_behalf_of": credit.on_behalf_of if credit else None,
        }
        for quote, credit in credited_quotes(article, analysis, known)
    ]


def article_view(store: Store, dossiers: DossierCache, article_id: str) -> ArticleOut:
    """An article's text with its entities, figures, quotes and reused passages marked."""
    article = find_article(store, article_id)
    analysis = store.get_analysis(article.id)
    reuse = store.get_reuse(article.id)
    story_id = store.story_of(article.id)
    story: StoryRef | None = None
    links: dict[tuple[str, str], str] = {}
    known: set[str] = set()  # the story's names, for a speaker's genitive form (as the dossier)
    if story_id is not None:
        try:
            dossier, _ = dossiers.get(store, story_id)
        except NotFoundError:
            dossier = None
        if dossier is not None:
            story = StoryRef(id=dossier.id, title=dossier.title, link=story_link(dossier.id))
            known.update(dossier.names)
            for entity in dossier.entities:
                for variant in (entity.name, *entity.variants):
                    links.setdefault(entity_key(entity.type, variant), entity_link(entity.id))
    spans = paragraph_spans(article, analysis, links, known)
    titles: dict[str, Article | None] = {}
    reuse_by_paragraph: dict[int, list[ReuseLink]] = {}
    for passage in reuse.passages if reuse else ():
        reuse_by_paragraph.setdefault(passage.paragraph, []).append(
            _reuse_link(store, passage, True, titles)
        )
    for passage in store.reused_from(article.id):
        reuse_by_paragraph.setdefault(passage.other_paragraph, []).append(
            _reuse_link(store, passage, False, titles)
        )
    paragraphs = [
        ParagraphOut(
            index=paragraph.index,
            kind=paragraph.kind.value,
            language=paragraph.language,
            text=paragraph.text,
            spans=[
                SpanOut(start=s.start, end=s.end, kind=s.kind, label=s.label, link=s.link)
                for s in spans.get(paragraph.index, [])
            ],
            reuse=reuse_by_paragraph.get(paragraph.index, []),
        )
        for paragraph in article.paragraphs
    ]
    return ArticleOut(
        id=article.id,
        title=article.title,
        url=article.url,
        source=article.source,
        language=article.language,
        published=_published(article),
        published_precision=_precision(article),
        published_label=_published_label(article),
        published_origin=article.published_origin,
        published_evidence=article.published_evidence,
        agencies=list(article.agencies),
        external_id=article.external_id,
        story=story,
        duplicate_of=reuse.duplicate_of if reuse else None,
        reused_share=round(reuse.reused_share, 3) if reuse else None,
        paragraphs=paragraphs,
        entities=to_jsonable(list(analysis.entities)) if analysis else [],
        quotes=_quotes_out(article, analysis, known) if analysis else [],
        figures=[_figure_out(figure) for figure in analysis.figures] if analysis else [],
        times=to_jsonable(list(analysis.times)) if analysis else [],
    )


def _figure_out(figure: Figure) -> dict[str, object]:
    """A figure of the article API: a vague count is its words (no low or high), and its sources
    read as a chain (``Reuters citing lokale nyhetsbyråer``)."""
    data: dict[str, object] = to_jsonable(figure)
    if figure.vague:
        data["low"] = data["high"] = None
    data["attribution"] = chain_label(figure.attribution_chain, figure.attributed_to)
    return data


def entity_view(
    store: Store, dossiers: DossierCache, entity_id: str, budget: float = 10.0
) -> EntityOut:
    """One entity across stories: its spellings, stories, articles and co-mentioned entities."""
    name = kind = None
    variants: dict[str, None] = {}
    mentions = 0
    stories: list[EntityStory] = []
    articles: dict[str, EntityArticle] = {}
    shared: dict[str, tuple[str, str, set[str]]] = {}  # co-mentioned id → name, type, articles
    for story_id in dossiers.stories_with_entity(store, entity_id, budget):
        dossier, _ = dossiers.get(store, story_id)
        entity = next((e for e in dossier.entities if e.id == entity_id), None)
        if entity is None:
            continue
        name = name or entity.name
        kind = kind or entity.type
        variants.update(dict.fromkeys((entity.name, *entity.variants)))
        mentions += entity.mentions
        stories.append(
            EntityStory(
                id=dossier.id,
                title=dossier.title,
                mentions=entity.mentions,
                articles=list(entity.articles),
                link=story_link(dossier.id),
            )
        )
        own = set(entity.articles)
        for article_id in entity.articles:
            article = dossier.article(article_id)
            if article is not None:
                articles[article_id] = _entity_article(article, dossier.id)
        for other in dossier.entities:
            common = own & set(other.articles)
            if other.id != entity_id and common:
                shared.setdefault(other.id, (other.name, other.type, set()))[2].update(common)
    if name is None or kind is None:
        raise NotFoundError(f"entity {entity_id!r}: no story mentions it")
    stories.sort(key=lambda s: -s.mentions)
    co_mentioned = [
        CoMention(
            id=other_id,
            name=other_name,
            type=other_type,
            type_name=entity_type_name(other_type),
            articles=len(common),
            link=entity_link(other_id),
        )
        for other_id, (other_name, other_type, common) in shared.items()
    ]
    co_mentioned.sort(key=lambda c: (-c.articles, c.name.casefold()))
    return EntityOut(
        id=entity_id,
        name=name,
        type=kind,
        type_name=entity_type_name(kind),
        variants=list(variants),
        mentions=mentions,
        stories=stories,
        articles=sorted(articles.values(), key=lambda a: a.published or "", reverse=True),
        co_mentioned=co_mentioned[:MAX_CO_MENTIONED],
    )


MAX_CO_MENTIONED = 30


def _entity_article(article: Article, story_id: str) -> EntityArticle:
    return EntityArticle(
        id=article.id,
        title=article.title,
        source=article.source,
        language=article.language,
        published=_published(article),
        published_precision=_precision(article),
        story=story_id,
        link=article_link(article.id),
    )


def snippet_parts(snippet: str) -> list[SnippetPart]:
    """A search snippet cut into plain and matched pieces."""
    parts: list[SnippetPart] = []
    for index, piece in enumerate(snippet.split(MARK_START)):
        if index == 0:
            if piece:
                parts.append(SnippetPart(text=piece, match=False))
            continue
        matched, _, rest = piece.partition(MARK_END)
        if matched:
            parts.append(SnippetPart(text=matched, match=True))
        if rest:
            parts.append(SnippetPart(text=rest, match=False))
    return parts


def search_view(store: Store, filters: SearchFilters) -> SearchOut:
    """Articles matching ``filters.q`` (words in any spelling or language, "phrases", prefix*,
    OR, NOT) and the filters, best first."""
    check_limit(filters.limit, filters.offset)
    page = store.search_articles(
        SearchQuery(
            text=filters.q,
            language=filters.language or None,
            outlet=filters.outlet or None,
            since=parse_day(filters.since, "since"),
            until=_until(filters.until),
            story=filters.story or None,
            limit=filters.limit,
            offset=filters.offset,
        )
    )
    return SearchOut(
        query=filters.q,
        hits=[
            SearchHitOut(
                article=hit.article_id,
                title=hit.title,
                snippet=hit.snippet.replace(MARK_START, "").replace(MARK_END, ""),
                snippet_parts=snippet_parts(hit.snippet),
                score=round(hit.score, 4),
                source=hit.source,
                language=hit.language,
                published=hit.published,
                published_precision=hit.published_precision,
                published_label=iso_label(hit.published, hit.published_origin),
                story=hit.story_id,
                story_title=hit.story_title,
                link=article_link(hit.article_id),
            )
            for hit in page.hits
        ],
        total=page.total,
        limit=filters.limit,
        offset=filters.offset,
        filters=filters,
    )


def day_of(value: str | None) -> date | None:
    """The date part of a stored ISO timestamp, for display."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None
