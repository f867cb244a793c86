"""HTTP fetching with httpx: timeouts, size limits, and errors that name the URL.

Unless ``ingest.allow_private_addresses`` is on, every connection (the first and each redirect)
goes only to a public address: the host name is resolved once, each address it resolves to is
checked, and the socket connects to the checked address, so a name that resolves differently a
moment later (DNS rebinding) cannot reach loopback, private, link-local or metadata addresses.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpcore
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


class PrivateAddressError(OSError):
    """A host name resolved to an address newsloom does not fetch from."""


def refused_address(address: str) -> str | None:
    """Why ``address`` (an IP) is not fetched from, or None for a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for test, what in (
        (ip.is_loopback, "loopback"),
        (ip.is_link_local, "link-local (cloud metadata)"),
        (ip.is_private, "private"),
        (ip.is_multicast, "multicast"),
        (ip.is_unspecified, "unspecified"),
    ):
        if test:
            return f"a {what} address ({address})"
    return None if ip.is_global else f"a non-public address ({address})"


class PublicOnlyBackend(httpcore.SyncBackend):
    """Connects only to public addresses: resolves, checks every address, connects to one."""

    def __init__(self, refuse: Callable[[str], str | None] = refused_address) -> None:
        self._refuse = refuse

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as error:
            raise httpcore.ConnectError(f"cannot resolve {host} ({error.strerror})") from error
        addresses = list(dict.fromkeys(str(entry[4][0]) for entry in found))
        for address in addresses:
            reason = self._refuse(address)
            if reason:
                raise PrivateAddressError(
                    f"{host} resolves to {reason}; newsloom fetches only public addresses"
                    " (ingest.allow_private_addresses turns this off)"
                )
        return super().connect_tcp(addresses[0], port, timeout, local_address, socket_options)


class Fetcher:
    """One HTTP client for a run. ``get`` returns the body or raises an :class:`InputError`."""

    def __init__(
        self, settings: IngestSettings, backend: httpcore.SyncBackend | None = None
    ) -> None:
        self._timeout = settings.timeout_seconds
        transport = httpx.HTTPTransport()
        if backend is None and not settings.allow_private_addresses:
            backend = PublicOnlyBackend()
        if backend is not None:
            pool = transport._pool  # httpx builds the pool; its backend opens the sockets
            pool._network_backend = backend
        self._client = httpx.Client(
            timeout=settings.timeout_seconds,
            follow_redirects=True,
            headers={"User-Agent": settings.user_agent},
            transport=transport,
            trust_env=settings.allow_private_addresses,  # no proxy around the address check
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
        except PrivateAddressError as error:
            raise InputError(url, f"refused: {error}") from error
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
