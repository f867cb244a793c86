"""normalize → language → analyze for raw documents: per-article work that can run anywhere.

:func:`prepare_document` makes one :class:`Prepared` record from a raw document; the local engine
calls it in the pipeline's process and analyzes later, the Dask engine calls
:func:`prepare_shard` on a worker, which also analyzes. Nothing here imports an engine, and the
analyzer's models load once per process (:func:`analyzer_for`), so a worker pays for them once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from newsloom.analyze.analyzer import Analyzer
from newsloom.assign.features import Features, article_features
from newsloom.errors import NewsloomError
from newsloom.normalize.article import normalize
from newsloom.normalize.language import detect_languages
from newsloom.records import Analysis, Article, RawDocument
from newsloom.settings import AnalyzeSettings
from newsloom.timing import timed


@dataclass(frozen=True, slots=True)
class Prepared:
    """One raw document after normalize and language, and after analyze when it was run.

    ``article`` is None when normalize rejected the document (``problem`` says why);
    ``analysis_problem`` says why analyze rejected the article. ``features`` are the terms the
    story clusterer compares, made with the analysis (where the language's dictionaries are
    loaded anyway) so that the assigning process need not load them.
    """

    origin: str
    article: Article | None = None
    published: str | None = None  # the publication date as the input gave it
    problem: str | None = None
    analysis: Analysis | None = None
    analysis_problem: str | None = None
    features: Features | None = None


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
    prepared: Prepared, analyzer: Analyzer, seconds: dict[str, float] | None = None
) -> Prepared:
    """``prepared`` with its analysis (or the reason analyze rejected it)."""
    if prepared.article is None or prepared.analysis is not None or prepared.analysis_problem:
        return prepared
    try:
        analysis = analyzer.analyze(prepared.article, seconds)
        with timed(seconds, "analyze: story terms"):
            features = article_features(prepared.article, analysis)
    except NewsloomError as error:
        return replace(prepared, analysis_problem=str(error))
    except Exception as error:  # a bug must not stop the run: named, reported, skipped
        return replace(prepared, analysis_problem=unexpected(error))
    return replace(prepared, analysis=analysis, features=features)


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


def prepare_shard(documents: list[RawDocument], settings: AnalyzeSettings) -> ShardResult:
    """normalize, language and analyze for a shard of documents, in order, with stage times."""
    seconds: dict[str, float] = {}
    analyzer = analyzer_for(settings)
    prepared = [
        analyze_prepared(prepare_document(raw, seconds), analyzer, seconds) for raw in documents
    ]
    return ShardResult(prepared, seconds, analyzer.problem)
