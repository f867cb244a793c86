"""What one web app holds: where the store is, the single writer, and a cache of dossiers.

Readers open their own read-only connection per request (SQLite WAL and PostgreSQL let them read
while the writer writes). Writes go through one :class:`~newsloom.pipeline.Pipeline`, created on
the first write (loading models is slow) and used under a lock, so concurrent POSTs are serialised
and none is lost.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsloom.errors import StoreError
from newsloom.pipeline import Pipeline
from newsloom.records import RawDocument, RunReport
from newsloom.settings import Settings
from newsloom.store import ArticleFilter, Store, is_url, open_store
from newsloom.store.catalog import StoryQuery
from newsloom.story.dossier import Dossier, build_dossier
from newsloom.story.entities import StoryEntity, story_entities
from newsloom.story.render import dossier_to_dict

CACHED_DOSSIERS = 256


def story_entity_list(store: Store, story_id: str) -> tuple[StoryEntity, ...]:
    """A story's entities as its dossier has them, without building the dossier.

    :func:`~newsloom.story.dossier.consolidate` groups the same mentions with the same
    :func:`~newsloom.story.entities.story_entities`; only the entities are worked out here.
    """
    articles = store.list_articles(ArticleFilter(story=story_id, limit=None))
    mentions = {
        article.id: analysis.entities
        for article in articles
        if (analysis := store.get_analysis(article.id)) is not None
    }
    languages = {article.id: article.language for article in articles}
    return story_entities(mentions, languages)


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """One entity across every story: for the list of entities."""

    id: str
    name: str
    type: str
    variants: tuple[str, ...]
    mentions: int
    articles: int
    stories: int


class DossierCache:
    """Built dossiers by story id, rebuilt when the story's set of articles changes."""

    def __init__(self, capacity: int = CACHED_DOSSIERS) -> None:
        self.capacity = capacity
        self._entries: OrderedDict[str, tuple[tuple[str, ...], Dossier, dict[str, Any]]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()
        # entity id → stories mentioning it, kept up to date story by story (issue 20)
        self._index_lock = threading.Lock()
        self._indexed: dict[str, tuple[str, ...]] = {}  # story id → its articles when indexed
        self._story_entities: dict[str, dict[str, StoryEntity]] = {}
        self._entity_stories: dict[str, set[str]] = {}

    def stories_with_entity(self, store: Store, entity_id: str, budget: float) -> list[str]:
        """The ids of the stories that mention ``entity_id`` (see :meth:`_refresh`)."""
        with self._refreshed(store, budget):
            return sorted(self._entity_stories.get(entity_id, ()))

    def entity_catalog(self, store: Store, budget: float) -> list[EntitySummary]:
        """Every entity of every story, most mentioned first (see :meth:`_refresh`)."""
        with self._refreshed(store, budget):
            catalog: list[EntitySummary] = []
            for entity_id, story_ids in self._entity_stories.items():
                found = [self._story_entities[story][entity_id] for story in story_ids]
                first = max(found, key=lambda entity: entity.mentions)
                variants = dict.fromkeys(v for e in found for v in (e.name, *e.variants))
                catalog.append(
                    EntitySummary(
                        id=entity_id,
                        name=first.name,
                        type=first.type,
                        variants=tuple(variants),
                        mentions=sum(entity.mentions for entity in found),
                        articles=len({a for entity in found for a in entity.articles}),
                        stories=len(story_ids),
                    )
                )
        catalog.sort(key=lambda entity: (-entity.mentions, entity.name.casefold(), entity.id))
        return catalog

    @contextmanager
    def _refreshed(self, store: Store, budget: float) -> Iterator[None]:
        """The entity index brought up to date, held while the caller reads it.

        The index is built once and then only for stories whose articles changed, so an
        entity page no longer builds every story's dossier on each request (issue 20). One
        request indexes for at most ``budget`` seconds (and one story at least) and one at a
        time; a request that finds the index incomplete or busy gets a 503 and the work done
        is kept.
        """
        if not self._index_lock.acquire(blocking=False):
            raise StoreError("the entity index is being updated by another request; try again")
        try:
            deadline = time.monotonic() + budget
            current = {
                row.id: tuple(sorted(row.article_ids))
                for row in store.find_stories(StoryQuery(limit=1_000_000)).stories
            }
            for story_id in set(self._indexed) - set(current):
                self._unindex(story_id)
            stale = [story for story, key in current.items() if self._indexed.get(story) != key]
            for done, story_id in enumerate(stale):
                if done and time.monotonic() > deadline:  # each request indexes one at least
                    raise StoreError(
                        f"the entity index is being built ({len(current) - len(stale) + done} of"
                        f" {len(current)} stories); try again in a few seconds"
                    )
                entities = {entity.id: entity for entity in story_entity_list(store, story_id)}
                self._unindex(story_id)
                self._story_entities[story_id] = entities
                for entity in entities:
                    self._entity_stories.setdefault(entity, set()).add(story_id)
                self._indexed[story_id] = current[story_id]
            yield
        finally:
            self._index_lock.release()

    def _unindex(self, story_id: str) -> None:
        self._indexed.pop(story_id, None)
        for entity in self._story_entities.pop(story_id, {}):
            stories = self._entity_stories.get(entity)
            if stories is not None:
                stories.discard(story_id)
                if not stories:
                    del self._entity_stories[entity]

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
        """A read-only store of its own for one request, its queries within a time budget.

        Past ``serve.request_seconds`` SQLite interrupts the running query and the request
        ends with 503 (issue 20): one heavy request cannot hold a worker for long.
        """
        store = open_store(self.settings.db, read_only=True)
        budget = self.settings.serve.request_seconds
        deadline = time.monotonic() + budget
        raw = getattr(getattr(store, "connection", None), "raw", None)  # SQLite's own connection
        if isinstance(raw, sqlite3.Connection):
            raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        try:
            yield store
        except sqlite3.OperationalError as error:
            if "interrupted" not in str(error):
                raise
            raise StoreError(
                f"the request took longer than {budget:g} s (serve.request_seconds) and was"
                " stopped; ask for less (fewer words, a smaller page) or try again"
            ) from error
        finally:
            store.close()

    def ingest(self, documents: Sequence[RawDocument], report: RunReport) -> RunReport:
        """Run ``documents`` through the whole pipeline, one writer at a time."""
        if self._writer is None:
            raise StoreError(f"database {self.settings.db} is served read-only")
        wait = self.settings.serve.write_wait_seconds
        if not self._write_lock.acquire(timeout=wait):
            raise StoreError(
                f"another write has held the database for over {wait:g} s"
                " (serve.write_wait_seconds); try again later"
            )
        try:
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
        finally:
            self._write_lock.release()
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
