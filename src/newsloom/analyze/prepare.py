"""normalize → language → analyze for raw documents: per-article work that can run anywhere.

:func:`prepare_document` makes one :class:`Prepared` record from a raw document; the local engine
calls it in the pipeline's process and analyzes later, the Dask engine calls
:func:`prepare_shard` on a worker, which also analyzes and embeds. Nothing here imports an engine,
and the analyzer's models load once per process (:func:`analyzer_for`), so a worker pays for them
once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from newsloom.analyze.analyzer import Analyzer
from newsloom.assign.features import Features, article_features
from newsloom.assign.reuse import ReuseEntry, reuse_entry
from newsloom.errors import NewsloomError
from newsloom.normalize.article import normalize
from newsloom.normalize.language import detect_languages
from newsloom.records import Analysis, Article, ArticleRows, RawDocument
from newsloom.settings import AnalyzeSettings, EmbeddingModel, ReuseSettings
from newsloom.timing import timed

RowsMaker = Callable[[Article, Analysis], ArticleRows]  # newsloom.store.rows.article_rows


@dataclass(frozen=True, slots=True)
class Prepared:
    """One raw document after normalize and language, and after analyze when it was run.

    ``article`` is None when normalize rejected the document (``problem`` says why);
    ``analysis_problem`` says why analyze rejected the article. ``features`` are the terms the
    story clusterer compares, made with the analysis (where the language's dictionaries are
    loaded anyway) so that the assigning process need not load them; ``embedding`` is the
    article's title-and-lead vector by ``cluster.embedding_model`` (:func:`embed_prepared`), made
    beside the analysis for the same reason. ``rows`` are the values the store writes for the
    article and its analysis (the analysis encoded, the full-text index's keys), made here too so
    that the one writer only inserts them (made when the engine hands over the store's
    :data:`RowsMaker`); ``reuse`` is what the reuse index makes of the article alone (its words,
    signature and fingerprints), made when the reuse settings are given.
    """

    origin: str
    article: Article | None = None
    published: str | None = None  # the publication date as the input gave it
    problem: str | None = None
    analysis: Analysis | None = None
    analysis_problem: str | None = None
    features: Features | None = None
    embedding: tuple[float, ...] | None = None
    rows: ArticleRows | None = None
    reuse: ReuseEntry | None = None


def unexpected(error: Exception) -> str:
    """The reason given for an error newsloom did not expect (a bug to report)."""
    return f"unexpected error, please report it: {type(error).__name__}: {str(error)[:200]}"


def prepare_document(raw: RawDocument, seconds: dict[str, float] | None = None) -> Prepared:
    try:
        with timed(seconds, "normalize"):
            article = normalize(raw)
        with timed(seconds, "language"):
            article = detect_languages(article)
    except NewsloomError as error:
        return Prepared(origin=raw.origin, problem=str(error), published=raw.published)
    except Exception as error:  # a bug must not stop the run: named, reported, skipped
        return Prepared(origin=raw.origin, problem=unexpected(error), published=raw.published)
    return Prepared(origin=raw.origin, article=article, published=raw.published)


def analyze_prepared(
    prepared: Prepared,
    analyzer: Analyzer,
    seconds: dict[str, float] | None = None,
    reuse: ReuseSettings | None = None,
    rows_of: RowsMaker | None = None,
) -> Prepared:
    """``prepared`` with its analysis (or the reason analyze rejected it), with ``rows_of`` the
    store's rows and with ``reuse`` the reuse index's entry."""
    if prepared.article is None or prepared.analysis is not None or prepared.analysis_problem:
        return prepared
    try:
        analysis = analyzer.analyze(prepared.article, seconds)
        with timed(seconds, "analyze: story terms"):
            features = article_features(prepared.article, analysis)
        rows = None
        if rows_of is not None:
            with timed(seconds, "analyze: store rows"):
                rows = rows_of(prepared.article, analysis)
        made = None
        if reuse is not None:
            with timed(seconds, "analyze: reuse entry"):
                made = reuse_entry(prepared.article, reuse)
    except NewsloomError as error:
        return replace(prepared, analysis_problem=str(error))
    except Exception as error:  # a bug must not stop the run: named, reported, skipped
        return replace(prepared, analysis_problem=unexpected(error))
    return replace(prepared, analysis=analysis, features=features, rows=rows, reuse=made)


def embed_prepared(
    items: list[Prepared], model: EmbeddingModel | None, seconds: dict[str, float] | None = None
) -> list[Prepared]:
    """``items`` with the embedding by ``model`` of every analysed article that has none yet, in
    one batch (``model`` None: embeddings are off, nothing is added).

    A vector does not depend on the batch it is made in, so the local and the Dask engine, which
    batch differently, give the clusterer the same vectors.
    """
    todo = [
        (index, item.article)
        for index, item in enumerate(items)
        if item.article is not None and item.analysis is not None and item.embedding is None
    ]
    if model is None or not todo:
        return items
    from newsloom.analyze.embeddings import embed_articles

    with timed(seconds, "analyze: embeddings"):
        vectors = embed_articles([article for _, article in todo], model)
    embedded = list(items)
    for (index, _), vector in zip(todo, vectors, strict=True):
        embedded[index] = replace(items[index], embedding=tuple(vector))
    return embedded


@lru_cache(maxsize=4)
def _analyzer(settings_json: str) -> Analyzer:
    return Analyzer.load(AnalyzeSettings.model_validate_json(settings_json))


def analyzer_for(settings: AnalyzeSettings) -> Analyzer:
    """The analyzer for ``settings``, loaded once per process."""
    return _analyzer(settings.model_dump_json())


@dataclass(frozen=True, slots=True)
class ShardResult:
    prepared: list[Prepared]
    seconds: dict[str, float]  # time per stage on the worker
    problem: str | None = None  # why a part of analyze is off (the analyzer's note)


def prepare_shard(
    documents: list[RawDocument],
    settings: AnalyzeSettings,
    embedding_model: EmbeddingModel | None = None,
    reuse: ReuseSettings | None = None,
    rows_of: RowsMaker | None = None,
) -> ShardResult:
    """normalize, language, analyze and embed (by ``embedding_model``) a shard of documents, in
    order, with stage times (and the reuse index's entries and the store's rows, with ``reuse``
    and ``rows_of``)."""
    seconds: dict[str, float] = {}
    analyzer = analyzer_for(settings)
    prepared = [
        analyze_prepared(prepare_document(raw, seconds), analyzer, seconds, reuse, rows_of)
        for raw in documents
    ]
    embedded = embed_prepared(prepared, embedding_model, seconds)
    return ShardResult(embedded, seconds, analyzer.problem)
