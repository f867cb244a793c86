"""Server-rendered HTML pages; each one shows what its JSON twin under ``/api`` returns."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, PackageLoader

from newsloom.dates import date_label, iso_label, parse_date
from newsloom.errors import QueryError
from newsloom.story.glance import entity_type_name
from newsloom.web import views
from newsloom.web.api import (
    FiltersDependency,
    ReaderDependency,
    SearchFiltersDependency,
    StateDependency,
)
from newsloom.web.charts import changes, sparkline, track_chart, value_label
from newsloom.web.highlight import Span, segments
from newsloom.web.schemas import SearchFilters, SearchOut

router = APIRouter(include_in_schema=False)


def template_environment() -> Environment:
    """Jinja2 with autoescape on for every template: article text can never become markup."""
    environment = Environment(
        loader=PackageLoader("newsloom.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["percent"] = lambda share: f"{share:.0%}" if share is not None else "–"
    environment.globals["short"] = lambda identifier: str(identifier)[:8]
    environment.globals["day"] = lambda value: iso_label(value, days=True)
    environment.globals["published"] = published_label
    environment.globals["amount"] = value_label  # a figure value as words: "dozens", "at least 5"
    environment.globals["type_name"] = entity_type_name
    return environment


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    environment = request.app.state.templates
    assert isinstance(environment, Environment)
    html = environment.get_template(name).render(request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/stories", status_code=307)


@router.get("/stories")
def stories_page(
    request: Request, state: StateDependency, store: ReaderDependency, filters: FiltersDependency
) -> HTMLResponse:
    listing = views.story_list(store, filters, state.dossiers)
    return render(
        request,
        "stories.html",
        listing=listing,
        json_link="/api" + str(request.url).removeprefix(str(request.base_url).rstrip("/")),
    )


@router.get("/stories/{story_id}")
def story_page(
    request: Request, story_id: str, state: StateDependency, store: ReaderDependency
) -> HTMLResponse:
    view = views.story_view(store, state.dossiers, story_id)
    story = view.story
    articles = {brief.id: brief for brief in view.articles}
    # one chart per figure that changes; a figure that never changed is a sparkline
    charts = [
        (track, track_chart(track) if changes(track) else None, sparkline(track))
        for track in story.get("figure_tracks", [])
    ]
    return render(
        request,
        "story.html",
        view=view,
        story=story,
        articles=articles,
        charts=charts,
        json_link=f"/api/stories/{story['id']}",
    )


@router.get("/articles/{article_id}")
def article_page(
    request: Request, article_id: str, state: StateDependency, store: ReaderDependency
) -> HTMLResponse:
    article = views.article_view(store, state.dossiers, article_id)
    pieces = {
        paragraph.index: segments(
            paragraph.text,
            [Span(s.start, s.end, s.kind, s.label, s.link) for s in paragraph.spans],
        )
        for paragraph in article.paragraphs
    }
    return render(
        request,
        "article.html",
        article=article,
        pieces=pieces,
        safe_url=safe_url(article.url),
        json_link=f"/api/articles/{article.id}",
    )


@router.get("/entities/{entity_id}")
def entity_page(
    request: Request, entity_id: str, state: StateDependency, store: ReaderDependency
) -> HTMLResponse:
    entity = views.entity_view(
        store, state.dossiers, entity_id, state.settings.serve.request_seconds
    )
    return render(request, "entity.html", entity=entity, json_link=f"/api/entities/{entity.id}")


@router.get("/search")
def search_page(
    request: Request, store: ReaderDependency, filters: SearchFiltersDependency
) -> HTMLResponse:
    """The search form and its hits; a malformed query is shown above the form (400)."""
    results: SearchOut | None = None
    problem: str | None = None
    try:
        results = views.search_view(store, filters)
    except QueryError as error:
        problem = str(error)
    languages, outlets = views.article_facets(store)
    return render(
        request,
        "search.html",
        status_code=400 if problem else 200,
        results=results,
        problem=problem,
        filters=filters,
        query=filters.q,
        languages=languages,
        outlets=outlets,
        page_link=search_link,
        json_link="/api" + str(request.url).removeprefix(str(request.base_url).rstrip("/")),
    )


def search_link(filters: SearchFilters, offset: int) -> str:
    """The search page for ``filters`` starting at hit ``offset``."""
    values = filters.model_dump(exclude_none=True) | {"offset": offset}
    return "/search?" + urlencode({k: v for k, v in values.items() if v != ""})


def published_label(value: str | None, precision: str | None) -> str:
    """An ISO date shown at its precision (:func:`newsloom.dates.date_label`)."""
    parsed = parse_date(value) if value else None
    return date_label(parsed[0], precision or parsed[1]) if parsed else iso_label(value)


def safe_url(url: str | None) -> str | None:
    """Only web links become ``href`` s (no ``javascript:`` or ``data:`` URLs from input)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None
