"""The one time rule for ordering articles: aware UTC inside, local only when shown.

A stored publication time may carry an outlet's UTC offset or none (a naive time is taken as UTC);
every ordering of articles — the pipeline's, the clusterer's, reuse provenance, the story views —
goes through :func:`utc_seconds` / :func:`publication_key`, never through the machine's zone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Published(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def published(self) -> datetime | None: ...


def as_utc(published: datetime) -> datetime:
    """``published`` as an aware UTC time (a naive time is taken as UTC)."""
    if published.tzinfo is None:
        return published.replace(tzinfo=UTC)
    return published.astimezone(UTC)


def utc_seconds(published: datetime | None) -> float | None:
    """Seconds since the epoch of a publication time, or None when undated."""
    return None if published is None else as_utc(published).timestamp()


def time_key(published: datetime | None) -> tuple[int, float]:
    """Sort key of a publication time: UTC order, undated last."""
    seconds = utc_seconds(published)
    return (1, 0.0) if seconds is None else (0, seconds)


def utc_sort_key(published: datetime | None) -> str | None:
    """What the store sorts publication times by (``articles.published_utc``): the UTC instant as
    ``YYYY-MM-DDTHH:MM:SS.mmm``, which orders as text in both stores. Migration 013 fills it the
    same way with SQL (SQLite's ``strftime('%Y-%m-%dT%H:%M:%f', …)``)."""
    if published is None:
        return None
    moment = as_utc(published)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def publication_key(article: Published) -> tuple[int, float, str]:
    """Sort key of an article: by UTC publication time, undated last, then by id."""
    return (*time_key(article.published), article.id)
