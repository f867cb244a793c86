"""HTTP fetching with httpx: timeouts, size limits, and errors that name the URL."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from newsloom.errors import InputError
from newsloom.settings import IngestSettings

MEGABYTE = 1024 * 1024
HTML_TYPES = frozenset(("text/html", "application/xhtml+xml"))
FEED_TYPES = frozenset(
    (
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    )
)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    content_type: str  # media type without parameters, lower case ("" when not given)
    body: bytes
    etag: str | None = None  # validators for the next conditional GET
    last_modified: str | None = None
    not_modified: bool = False  # HTTP 304: the copy from ``etag``/``last_modified`` is current

    @property
    def looks_like_html(self) -> bool:
        return self.content_type in HTML_TYPES

    @property
    def looks_like_feed(self) -> bool:
        return self.content_type in FEED_TYPES or self.content_type.endswith(("+xml", "/xml"))


class Fetcher:
    """One HTTP client for a run. ``get`` returns the body or raises an :class:`InputError`."""

    def __init__(self, settings: IngestSettings) -> None:
        self._timeout = settings.timeout_seconds
        self._client = httpx.Client(
            timeout=settings.timeout_seconds,
            follow_redirects=True,
            headers={"User-Agent": settings.user_agent},
        )

    def close(self) -> None:
        self._client.close()

    def get(
        self,
        url: str,
        limit_mb: float,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """The body at ``url``; with ``etag``/``last_modified``, a conditional GET that may
        answer ``not_modified`` with no body."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise InputError(url, "not an http:// or https:// URL with a host name")
        limit = int(limit_mb * MEGABYTE)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304 and headers:
                    return Fetched(str(response.url), "", b"", etag, last_modified, True)
                if response.status_code >= 400:
                    raise InputError(
                        url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
                    )
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise InputError(url, _too_large(int(declared), limit_mb))
                chunks: list[bytes] = []
                total = 0
                for chunk in response.iter_bytes():
                    total += len(chunk)
                    if total > limit:
                        raise InputError(url, _too_large(total, limit_mb))
                    chunks.append(chunk)
                content_type = response.headers.get("content-type", "")
                return Fetched(
                    url=str(response.url),
                    content_type=content_type.split(";", 1)[0].strip().lower(),
                    body=b"".join(chunks),
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                )
        except httpx.TimeoutException as error:
            raise InputError(
                url, f"no answer within {self._timeout:g} s (timeout_seconds)"
            ) from error
        except httpx.ConnectError as error:
            raise InputError(url, f"unreachable ({error or 'connection failed'})") from error
        except httpx.TooManyRedirects as error:
            raise InputError(url, "too many redirects") from error
        except httpx.InvalidURL as error:
            raise InputError(url, f"invalid URL ({error})") from error
        except httpx.HTTPError as error:
            raise InputError(url, f"fetch failed ({type(error).__name__}: {error})") from error


def _too_large(size: int, limit_mb: float) -> str:
    return f"response of {size / MEGABYTE:.1f}+ MB is over the {limit_mb:g} MB limit"
