"""A local HTTP server on 127.0.0.1 serving canned feeds and pages for the ingest tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "ingest"


class CannedServer:
    """Routes path → (status, content type, body); ``base`` is the server's root URL.

    A route added with ``validators`` (``{"ETag": ..., "Last-Modified": ...}``) sends them and
    answers a conditional GET that matches them with 304 Not Modified.
    """

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.validators: dict[str, dict[str, str]] = {}
        self.delays: dict[str, float] = {}
        self.redirects: dict[str, str] = {}  # path → Location of a 302
        self.requests: list[str] = []
        self.conditional: list[str] = []  # paths of requests that carried validators
        self.base = ""

    def add(
        self,
        path: str,
        body: bytes,
        content_type: str,
        status: int = 200,
        validators: dict[str, str] | None = None,
    ) -> str:
        self.routes[path] = (status, content_type, body)
        self.validators[path] = dict(validators or {})
        return self.base + path

    def not_modified(self, path: str, etag: str | None, since: str | None) -> bool:
        validators = self.validators.get(path, {})
        if etag is not None and "ETag" in validators:
            return etag == validators["ETag"]
        return since is not None and since == validators.get("Last-Modified")


def _handler(server: CannedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append(self.path)
            time.sleep(server.delays.get(self.path, 0.0))
            if self.path in server.redirects:
                self.send_response(302)
                self.send_header("Location", server.redirects[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status, content_type, body = server.routes.get(
                self.path, (404, "text/plain", b"not found")
            )
            etag = self.headers.get("If-None-Match")
            since = self.headers.get("If-Modified-Since")
            if etag or since:
                server.conditional.append(self.path)
            if status == 200 and server.not_modified(self.path, etag, since):
                status, body = 304, b""
            try:
                self.send_response(status)
                for name, value in server.validators.get(self.path, {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def canned_server() -> Iterator[CannedServer]:
    canned = CannedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(canned))
    httpd.daemon_threads = True
    canned.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield canned
    finally:
        httpd.shutdown()
        httpd.server_close()


def serve_feed_and_pages(canned: CannedServer) -> str:
    """The canned RSS feed (links pointing at this server) and one of its two pages."""
    feed = (DATA / "feed.rss").read_text(encoding="utf-8").replace("{base}", canned.base)
    canned.add("/brand.html", (DATA / "page.html").read_bytes(), "text/html; charset=utf-8")
    return canned.add("/feed.rss", feed.encode("utf-8"), "application/rss+xml")
