"""What one web app holds: where the store is, the single writer, and a cache of dossiers.

Readers open their own read-only connection per request (SQLite WAL and PostgreSQL let them read
while the writer writes). Writes go through one :class:`~newsloom.pipeline.Pipeline`, created on
the first write (loading models is slow) and used under a lock, so concurrent POSTs are serialised
and none is lost.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsloom.errors import StoreError
from newsloom.pipeline import Pipeline
from newsloom.records import RawDocument, RunReport
from newsloom.settings import Settings
from newsloom.store import Store, is_url, open_store
from newsloom.story.dossier import Dossier, build_dossier
from newsloom.story.render import dossier_to_dict

CACHED_DOSSIERS = 256


class DossierCache:
    """Built dossiers by story id, rebuilt when the story's set of articles changes."""

    def __init__(self, capacity: int = CACHED_DOSSIERS) -> None:
        self.capacity = capacity
        self._entries: OrderedDict[str, tuple[tuple[str, ...], Dossier, dict[str, Any]]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()

    def get(self, store: Store, story_id: str) -> tuple[Dossier, dict[str, Any]]:
        """The dossier of ``story_id`` (a unique prefix will do) and its JSON dict."""
        row = store.get_story_row(story_id)
        key = tuple(sorted(row.article_ids)) if row is not None else None
        if row is not None and key is not None:
            with self._lock:
                entry = self._entries.get(row.id)
                if entry is not None and entry[0] == key:
                    self._entries.move_to_end(row.id)
                    return entry[1], entry[2]
        dossier = build_dossier(store, story_id)
        as_dict = dossier_to_dict(dossier)
        with self._lock:
            self._entries[dossier.id] = (tuple(sorted(dossier.article_ids)), dossier, as_dict)
            self._entries.move_to_end(dossier.id)
            while len(self._entries) > self.capacity:
                self._entries.popitem(last=False)
        return dossier, as_dict


class WebState:
    """The store location, the one writer and the dossier cache of one app."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.read_only = settings.serve.read_only
        self.dossiers = DossierCache()
        self._write_lock = threading.Lock()
        self._writer: Store | None = None
        self._pipeline: Pipeline | None = None
        if self.read_only:
            if not is_url(settings.db) and not Path(settings.db).exists():
                raise StoreError(
                    f"database {settings.db} does not exist; a read-only server needs one"
                    " (run 'newsloom demo' or 'newsloom ingest' first)"
                )
            open_store(settings.db, read_only=True).close()
        else:
            self._writer = open_store(settings.db)  # creates and migrates the database

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only store of its own for one request."""
        store = open_store(self.settings.db, read_only=True)
        try:
            yield store
        finally:
            store.close()

    def ingest(self, documents: Sequence[RawDocument], report: RunReport) -> RunReport:
        """Run ``documents`` through the whole pipeline, one writer at a time."""
        if self._writer is None:
            raise StoreError(f"database {self.settings.db} is served read-only")
        with self._write_lock:
            store = self._writer
            run_id = store.start_run()
            try:
                if self._pipeline is None:
                    self._pipeline = Pipeline.open(self.settings, store)
                self._pipeline.ingest_documents(documents, report)
            except BaseException:
                self._pipeline = None  # its in-memory state may be ahead of the store: reload
                raise
            finally:
                store.finish_run(run_id, report)
        return report

    def story_of(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        with self.reader() as store:
            return {article_id: store.story_of(article_id) for article_id in article_ids}

    def close(self) -> None:
        with self._write_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
            self._pipeline = None
