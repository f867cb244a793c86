"""``newsloom serve``: a web UI and an HTTP API over the store.

:func:`create_app` builds everything from the settings (nothing happens at import time). Pages are
server-rendered (Jinja2, autoescape on); their JSON twins live under ``/api`` with an OpenAPI
schema at ``/api/openapi.json`` and Swagger UI at ``/docs``. CSS and scripts are served by newsloom
itself: it works offline.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsloom.errors import InputError, NewsloomError, NotFoundError, SettingsError, StoreError
from newsloom.settings import Settings
from newsloom.web.docs import add_docs
from newsloom.web.security import MEGABYTE, BodySizeLimit, SecurityHeaders, check_query
from newsloom.web.state import WebState

__all__ = ["create_app"]


def create_app(settings: Settings) -> FastAPI:
    """The web app over ``settings.db`` (created and migrated unless ``serve.read_only``)."""
    from newsloom.web import api, pages

    if settings.serve.token is not None and not settings.serve.token.strip():
        raise SettingsError(
            "NEWSLOOM_TOKEN (serve.token) is set but empty, which would leave writes open;"
            " set a token, or unset it to serve without one"
        )
    state = WebState(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="newsloom",
        summary="Stories from news articles: dossiers, figures, quotes, copied text.",
        version=api.package_version(),
        docs_url=None,  # FastAPI's docs load scripts from a CDN; newsloom serves its own
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
        dependencies=[Depends(check_query)],
    )
    app.state.web = state
    app.state.templates = pages.template_environment()
    static = Path(str(resources.files("newsloom.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=static), name="static")
    add_docs(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(NewsloomError, _handle_error)
    app.add_exception_handler(StarletteHTTPException, _handle_error)
    app.add_exception_handler(RequestValidationError, _handle_error)
    app.add_exception_handler(Exception, _handle_error)  # JSON (or a page), never plain text
    app.add_middleware(BodySizeLimit, max_bytes=int(settings.serve.max_request_mb * MEGABYTE))
    app.add_middleware(SecurityHeaders)
    return app


def _status_of(error: Exception) -> int:
    if isinstance(error, StarletteHTTPException):
        return error.status_code
    if isinstance(error, RequestValidationError):
        return 422
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, InputError):
        return 422
    if isinstance(error, SettingsError):
        return 400
    if isinstance(error, StoreError):
        return 503
    if not isinstance(error, NewsloomError):
        return 500
    return 400


def _location(parts: tuple[object, ...] | list[object]) -> str:
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def validation_problems(error: RequestValidationError) -> list[dict[str, str]]:
    """Each validation problem as ``{location, message}``; inputs are never echoed back."""
    problems = []
    for problem in error.errors():
        location = list(problem.get("loc", ()))
        message = str(problem.get("msg", "invalid")).removeprefix("Value error, ")
        if problem.get("type") == "json_invalid":  # loc is ("body", character position)
            reason = (problem.get("ctx") or {}).get("error", "")
            message = f"not valid JSON ({reason} at character {location[-1]})"
            location = location[:1]
        problems.append({"location": _location(location), "message": message})
    return problems


async def _handle_error(request: Request, error: Exception) -> Response:
    """The one error handler: JSON under /api, an HTML page elsewhere."""
    status = _status_of(error)
    problems: list[dict[str, str]] = []
    if isinstance(error, RequestValidationError):
        problems = validation_problems(error)
        detail = "; ".join(f"{p['location']}: {p['message']}" for p in problems[:10])
        detail = f"invalid request: {detail}" if detail else "invalid request"
    elif isinstance(error, StarletteHTTPException):
        detail = str(error.detail)
    elif status == 500:  # a bug: named, never the traceback or its data
        detail = f"internal error ({type(error).__name__}); please report it"
    else:
        detail = str(error)
    headers = getattr(error, "headers", None)
    if request.url.path.startswith("/api"):
        return JSONResponse(
            {"detail": detail, "errors": problems}, status_code=status, headers=headers
        )
    environment = request.app.state.templates
    html = environment.get_template("error.html").render(
        status=status, detail=detail, request_path=request.url.path
    )
    return HTMLResponse(html, status_code=status, headers=headers)
