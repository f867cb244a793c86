"""The HTTP API under ``/api``: JSON twins of the pages, and POST of articles into the pipeline."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from newsloom.errors import NewsloomError
from newsloom.ingest import read_sources, split_date_prefix
from newsloom.ingest.web import is_url
from newsloom.normalize.article import normalize
from newsloom.records import DateOrigin, RawDocument, RunReport
from newsloom.store import Store
from newsloom.store.catalog import StoryQuery
from newsloom.web import listing, views
from newsloom.web.schemas import (
    ArticleBatch,
    ArticleIn,
    ArticleList,
    ArticleListFilters,
    ArticleOut,
    EntityList,
    EntityListFilters,
    EntityOut,
    ErrorOut,
    IngestedArticle,
    IngestResult,
    RejectionOut,
    SearchFilters,
    SearchOut,
    StatusOut,
    StoryFilters,
    StoryList,
    StoryOut,
)
from newsloom.web.security import check_write_allowed
from newsloom.web.state import WebState

ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorOut, "description": "A parameter newsloom cannot use"},
    404: {"model": ErrorOut, "description": "No such story, article or entity"},
    422: {"model": ErrorOut, "description": "The request does not validate; 'detail' says where"},
}
WRITE_ERRORS: dict[int | str, dict[str, object]] = {
    **ERRORS,
    401: {"model": ErrorOut, "description": "A token is set (NEWSLOOM_TOKEN) and was not sent"},
    403: {"model": ErrorOut, "description": "The server is read-only"},
    413: {"model": ErrorOut, "description": "The body is larger than max_request_mb"},
}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


def web_state(request: Request) -> WebState:
    state = request.app.state.web
    assert isinstance(state, WebState)
    return state


def reader(state: Annotated[WebState, Depends(web_state)]) -> Iterator[Store]:
    with state.reader() as store:
        yield store


StateDependency = Annotated[WebState, Depends(web_state)]
ReaderDependency = Annotated[Store, Depends(reader)]


FiltersDependency = Annotated[StoryFilters, Query()]


def package_version() -> str:
    try:
        return version("newsloom")
    except PackageNotFoundError:
        return "unknown"


@router.get("/status", summary="What the server holds and allows")
def status(state: StateDependency, store: ReaderDependency) -> StatusOut:
    serve = state.settings.serve
    return StatusOut(
        version=package_version(),
        articles=store.count_articles(),
        stories=store.find_stories(StoryQuery(limit=0)).total,
        read_only=serve.read_only,
        writes_need_token=bool(serve.token),
        max_request_mb=serve.max_request_mb,
        allow_url_fetch=serve.allow_url_fetch,
    )


@router.get("/stories", summary="Stories, newest or biggest first, filtered")
def list_stories(
    state: StateDependency, store: ReaderDependency, filters: FiltersDependency
) -> StoryList:
    return views.story_list(store, filters, state.dossiers)


@router.get("/stories/{story_id}", summary="A story's dossier")
def get_story(story_id: str, state: StateDependency, store: ReaderDependency) -> StoryOut:
    return views.story_view(store, state.dossiers, story_id)


@router.get("/articles/{article_id}", summary="An article with what was found in it")
def get_article(article_id: str, state: StateDependency, store: ReaderDependency) -> ArticleOut:
    return views.article_view(store, state.dossiers, article_id)


@router.get("/articles", summary="Articles, newest first, filtered, a page at a time")
def list_articles(
    store: ReaderDependency,
    filters: Annotated[ArticleListFilters, Query()],
) -> ArticleList:
    return listing.article_list(store, filters)


@router.get("/entities", summary="Entities of every story, most mentioned first")
def list_entities(
    state: StateDependency,
    store: ReaderDependency,
    filters: Annotated[EntityListFilters, Query()],
) -> EntityList:
    return listing.entity_list(store, state.dossiers, filters, state.settings.serve.request_seconds)


@router.get("/entities/{entity_id}", summary="An entity: its spellings and stories")
def get_entity(entity_id: str, state: StateDependency, store: ReaderDependency) -> EntityOut:
    return views.entity_view(store, state.dossiers, entity_id, state.settings.serve.request_seconds)


SearchFiltersDependency = Annotated[SearchFilters, Query()]


@router.get("/search", summary="Search articles across spellings and languages")
def search(store: ReaderDependency, filters: SearchFiltersDependency) -> SearchOut:
    """Articles matching ``q`` and the filters, best first; a malformed ``q`` is a 400 saying
    what is wrong."""
    return views.search_view(store, filters)


def _fetched(item: ArticleIn, origin: str, state: WebState, report: RunReport) -> list[RawDocument]:
    """The documents at ``item.url``, fetched by the server, with the item's fields on top."""
    url = item.url or ""
    documents = list(read_sources([url], state.settings.ingest, report))
    overrides = {
        name: value
        for name, value in (
            ("title", item.title),
            ("published", item.published),
            ("source", item.source),
            ("language", item.language),
            ("external_id", item.id),
        )
        if value
    }
    if item.published:
        overrides["published_origin"] = DateOrigin.METADATA
    return [
        dataclasses.replace(document, origin=f"{origin} {url}", **overrides)
        for document in documents
    ]


def raw_documents(
    items: Sequence[ArticleIn], state: WebState, report: RunReport, route: str = "/api/articles"
) -> list[RawDocument]:
    """POSTed articles as the pipeline's input records; URLs fetched only when allowed."""
    serve = state.settings.serve
    for index, item in enumerate(items):
        if item.text is None:
            if not serve.allow_url_fetch:
                raise HTTPException(
                    status_code=422,
                    detail=f"articles[{index}]: no 'text', and this server does not fetch URLs"
                    " (serve.allow_url_fetch is off); send the article text",
                )
            if not is_url(item.url or ""):
                raise HTTPException(
                    status_code=422,
                    detail=f"articles[{index}]: url {item.url!r} is not an http(s) URL",
                )
    documents: list[RawDocument] = []
    for index, item in enumerate(items):
        origin = f"api:POST {route}[{index}]"
        if item.text is None:
            documents += _fetched(item, origin, state, report)
            continue
        text = item.text.replace("\r\n", "\n").replace("\r", "\n")
        published = item.published.strip() if item.published and item.published.strip() else None
        published_origin: str | None = DateOrigin.METADATA if published else None
        if published is None:
            published, text = split_date_prefix(text)
            published_origin = DateOrigin.HEADER if published else None
        documents.append(
            RawDocument(
                text=text,
                origin=origin,
                title=(item.title or "").strip() or None,
                url=(item.url or "").strip() or None,
                published=published,
                source=(item.source or "").strip() or None,
                language=(item.language or "").strip() or None,
                external_id=(item.id or "").strip() or None,
                format="api",
                published_origin=published_origin,
            )
        )
    return documents


def _article_ids(documents: Sequence[RawDocument]) -> list[str]:
    ids: list[str] = []
    for document in documents:
        try:
            ids.append(normalize(document).id)
        except NewsloomError:
            continue  # the pipeline rejects it and the report says why
    return list(dict.fromkeys(ids))


def _ingest(request: Request, state: WebState, items: Sequence[ArticleIn]) -> IngestResult:
    check_write_allowed(request, state.settings.serve)
    report = RunReport()
    documents = raw_documents(items, state, report, request.url.path)
    state.ingest(documents, report)
    ids = _article_ids(documents)
    stories = state.story_of(ids)
    return IngestResult(
        read=report.read,
        new=report.new,
        unchanged=report.unchanged,
        rejected=[
            RejectionOut(item=r.item, reason=r.reason, stage=r.stage) for r in report.rejected
        ],
        counters=dict(sorted(report.counters.items())),
        notes=list(report.notes),
        articles=[
            IngestedArticle(
                id=article_id, story=stories[article_id], link=views.article_link(article_id)
            )
            for article_id in ids
            if stories.get(article_id) is not None or article_id in report.new_ids
        ],
    )


@router.post(
    "/articles",
    summary="Ingest one article through the whole pipeline",
    responses=WRITE_ERRORS,
)
def post_article(request: Request, state: StateDependency, article: ArticleIn) -> IngestResult:
    return _ingest(request, state, [article])


@router.post(
    "/articles/batch",
    summary="Ingest a batch of articles through the whole pipeline",
    responses=WRITE_ERRORS,
)
def post_articles(request: Request, state: StateDependency, batch: ArticleBatch) -> IngestResult:
    return _ingest(request, state, batch.articles)
