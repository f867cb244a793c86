"""``newsloom watch``: poll RSS/Atom feeds and run their new items through the pipeline.

Each poll is a conditional GET (``If-None-Match`` / ``If-Modified-Since`` from the feed's last
answer), so an unchanged feed costs one small request. Items are read by the feed reader
(:func:`newsloom.ingest.feed.feed_documents`), skipping the items seen in earlier polls before
their pages are fetched; the rest go through one :class:`~newsloom.pipeline.Pipeline` that stays
open across polls (models load once). A failing feed backs off: after ``n`` failures in a row it
is left alone for ``every × 2**n`` (at most :data:`MAX_BACKOFF_SECONDS`). Validators, failures,
back-off and seen items live in the store, so a restarted watcher carries on where it stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from newsloom.errors import InputError
from newsloom.ingest.context import ReadContext
from newsloom.ingest.feed import document_key, feed_documents
from newsloom.records import RawDocument, RunReport
from newsloom.store import FeedState, FeedStore, RunStore

if TYPE_CHECKING:  # the pipeline loads the extractors: only ``newsloom watch`` needs them
    from newsloom.pipeline import Pipeline

MAX_BACKOFF_SECONDS = 6 * 3600.0


class WatchStore(FeedStore, RunStore, Protocol):
    """What the watcher itself keeps: each feed's state and a run report per poll (the
    pipeline stores the articles)."""


@dataclass(slots=True)
class Poll:
    """What one poll of one feed did."""

    url: str
    status: str  # new | unchanged | not-modified | failed | backing-off
    report: RunReport = field(default_factory=RunReport)
    error: str | None = None
    next_poll: float | None = None  # epoch seconds, when backing off

    def describe(self) -> str:
        if self.status == "failed":
            return f"failed ({self.error}); backing off until {_clock(self.next_poll)}"
        if self.status == "backing-off":
            return f"backing off until {_clock(self.next_poll)} ({self.error})"
        if self.status == "not-modified":
            return "not modified"
        report = self.report
        text = f"{report.read} new item(s): {report.new} new article(s)"
        if report.unchanged:
            text += f", {report.unchanged} already stored"
        if report.rejected:
            text += f", {len(report.rejected)} rejected"
        return text


def _clock(epoch: float | None) -> str:
    if epoch is None:
        return "now"
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class Watcher:
    """Polls ``feeds`` into ``pipeline``'s store; :meth:`poll` is one round over every feed."""

    def __init__(self, feeds: Sequence[str], pipeline: Pipeline, every_seconds: float) -> None:
        if not feeds:
            raise InputError("watch", "no feeds given")
        if every_seconds <= 0:
            raise InputError("watch", f"--every must be positive, not {every_seconds:g} s")
        self.feeds = list(dict.fromkeys(feeds))
        self.pipeline = pipeline
        self.every_seconds = every_seconds

    @property
    def store(self) -> WatchStore:
        return self.pipeline.store

    def poll(self, now: float | None = None) -> list[Poll]:
        """One round: every feed that is not backing off, in order."""
        return [self.poll_feed(url, time.time() if now is None else now) for url in self.feeds]

    def poll_feed(self, url: str, now: float) -> Poll:
        state = self.store.feed_state(url)
        if state.next_poll is not None and now < state.next_poll:
            return Poll(url, "backing-off", error=state.last_status, next_poll=state.next_poll)
        report = RunReport()
        context = ReadContext(self.pipeline.settings.ingest, report)
        run_id = self.store.start_run()
        try:
            fetched = context.fetcher.get(
                url, context.settings.max_document_mb, state.etag, state.last_modified
            )
            if fetched.not_modified:
                self._succeeded(state, fetched.etag, fetched.last_modified, "not modified")
                return Poll(url, "not-modified", report)
            seen = self.store.seen_feed_items(url)
            keys: list[str] = []
            documents = _remembered(feed_documents(fetched.body, url, context, seen), keys)
            self.pipeline.ingest_documents(documents, report)
        except InputError as error:
            report.reject(error.item, error.reason)
            return self._failed(state, str(error), now, report)
        finally:
            context.close()
            self.store.finish_run(run_id, report)
        poll = Poll(url, "new" if report.read else "unchanged", report)
        self._succeeded(state, fetched.etag, fetched.last_modified, poll.describe())
        self.store.add_feed_items(url, keys)
        return poll

    def _succeeded(
        self, state: FeedState, etag: str | None, last_modified: str | None, status: str
    ) -> None:
        self.store.put_feed_state(
            FeedState(state.url, etag, last_modified, failures=0, last_status=status)
        )

    def _failed(self, state: FeedState, error: str, now: float, report: RunReport) -> Poll:
        failures = state.failures + 1
        wait = min(self.every_seconds * 2**failures, MAX_BACKOFF_SECONDS)
        self.store.put_feed_state(
            replace(state, failures=failures, next_poll=now + wait, polled_at=None,
                    last_status=error)
        )  # fmt: skip
        return Poll(state.url, "failed", report, error=error, next_poll=now + wait)

    def run(
        self,
        rounds: int | None = None,
        show: Callable[[Poll], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Poll every ``every_seconds`` for ``rounds`` rounds (None: until interrupted)."""
        done = 0
        while rounds is None or done < rounds:
            started = time.monotonic()
            for poll in self.poll():
                if show:
                    show(poll)
            done += 1
            if rounds is None or done < rounds:
                sleep(max(0.0, self.every_seconds - (time.monotonic() - started)))


def _remembered(documents: Iterable[RawDocument], keys: list[str]) -> Iterator[RawDocument]:
    """``documents``, with each one's item key appended to ``keys`` as it is read."""
    for document in documents:
        key = document_key(document)
        if key:
            keys.append(key)
        yield document


def parse_every(text: str) -> float:
    """``90`` or ``90s``, ``5m``, ``2h`` → seconds."""
    units = {"s": 1.0, "m": 60.0, "h": 3600.0}
    value = text.strip().lower()
    scale = units.get(value[-1:])
    number = value[:-1] if scale else value
    try:
        seconds = float(number) * (scale or 1.0)
    except ValueError:
        raise InputError("--every", f"{text!r} is not a duration such as 90s, 5m or 1h") from None
    if seconds <= 0:
        raise InputError("--every", f"{text!r} must be positive")
    return seconds
