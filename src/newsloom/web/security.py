"""Guards: request size limit, security headers, write permission (token, read-only)."""

from __future__ import annotations

import hmac
import json

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsloom.settings import ServeSettings

MEGABYTE = 1024 * 1024
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none';"
    " connect-src 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
TOKEN_HEADER = "x-newsloom-token"


async def _send_json(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail, "errors": []}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodySizeLimit:
    """Refuses a request body larger than ``max_bytes`` with 413, before the app parses it.

    The body is read (up to the limit) and replayed to the app, so a chunked upload without a
    Content-Length header is limited as well.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> str:
        return (
            f"request body is larger than {self.max_bytes / MEGABYTE:g} MB (max_request_mb);"
            " send fewer articles per request"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _send_json(send, 413, self._too_large())
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _send_json(send, 413, self._too_large())
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SecurityHeaders:
    """Adds a strict Content-Security-Policy (no inline script, nothing from other hosts)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(header for header in SECURITY_HEADERS if header[0] not in present),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


def check_write_allowed(request: Request, serve: ServeSettings) -> None:
    """Raise 403 in read-only mode, 401 when a token is set and the request lacks it."""
    if serve.read_only:
        raise HTTPException(
            status_code=403, detail="this server is read-only (--read-only); writes are refused"
        )
    if not serve.token:
        return
    given = request.headers.get(TOKEN_HEADER)
    authorization = request.headers.get("authorization", "")
    if given is None and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given:
        raise HTTPException(
            status_code=401,
            detail="writes need the token set in NEWSLOOM_TOKEN: send 'Authorization: Bearer"
            " <token>' or 'X-Newsloom-Token: <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(given.encode(), serve.token.encode()):
        raise HTTPException(
            status_code=401,
            detail="the token sent does not match NEWSLOOM_TOKEN",
            headers={"WWW-Authenticate": "Bearer"},
        )


def check_query(request: Request) -> None:
    """400 for a ``q`` longer than serve.max_query_characters or with too many distinct words.

    Free text is the one parameter whose cost grows with what is sent: a search for one word
    repeated a thousand times took 29 s (issue 20). Applies to every route, pages and API.
    """
    text = request.query_params.get("q")
    if not text:
        return
    serve = request.app.state.web.settings.serve
    if len(text) > serve.max_query_characters:
        raise HTTPException(
            status_code=400,
            detail=f"q: {len(text):,} characters, more than {serve.max_query_characters:,}"
            " (serve.max_query_characters); search for fewer words",
        )
    terms = {word.casefold() for word in text.split()}
    if len(terms) > serve.max_query_terms:
        raise HTTPException(
            status_code=400,
            detail=f"q: {len(terms)} different words, more than {serve.max_query_terms}"
            " (serve.max_query_terms); search for fewer words",
        )
