"""Per-article analysis: entities, quotes, figures, time expressions (the static embedding too,
when ``analyze.embeddings`` asks for it to be stored).

Pure and parallelisable.

Models load once per process (:meth:`Analyzer.load`); :meth:`Analyzer.analyze` is a function
of the article alone, so batches can run anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsloom.analyze.static_embeddings import article_embedding
from newsloom.errors import ModelError
from newsloom.extract.resources import describe_resources
from newsloom.extract.times import resolve_times
from newsloom.records import (
    Analysis,
    Article,
    EntityMention,
    Figure,
    ParagraphKind,
    Quote,
    TimeExpression,
)
from newsloom.settings import AnalyzeSettings
from newsloom.timing import timed

if TYPE_CHECKING:
    from newsloom.entities.ner import EntityRecognizer

# The quote and figure extractors compile their patterns on import (seconds): they are imported
# when an article is first analysed, so a process that analyses nothing (the Dask driver, a
# re-run over stored articles, a command that only opens the pipeline) never pays for them.


# paragraph kinds whose time expressions no stage reads (cookie notices, "read more", newsletters)
TIMELESS_KINDS = frozenset({ParagraphKind.BOILERPLATE})


def _without(article: Article, kinds: frozenset[ParagraphKind]) -> Article:
    """``article`` without paragraphs of ``kinds`` (the others keep their indices)."""
    if not any(paragraph.kind in kinds for paragraph in article.paragraphs):
        return article
    kept = tuple(paragraph for paragraph in article.paragraphs if paragraph.kind not in kinds)
    return replace(article, paragraphs=kept)


@dataclass(slots=True)
class Analyzer:
    settings: AnalyzeSettings
    recognizer: EntityRecognizer | None
    problem: str | None = None  # why a part is off (e.g. the entity model is missing)

    @classmethod
    def load(cls, settings: AnalyzeSettings) -> Analyzer:
        if not settings.entities:
            return cls(settings, None)
        try:
            from newsloom.entities.ner import EntityRecognizer

            return cls(settings, EntityRecognizer.load(model=settings.ner))
        except (ModelError, ImportError) as error:
            return cls(settings, None, problem=f"entities off: {error}")

    def analyze(self, article: Article, seconds: dict[str, float] | None = None) -> Analysis:
        """The analysis of ``article``; with ``seconds``, the time of each part is added to it."""
        entities: tuple[EntityMention, ...] = ()
        if self.recognizer:
            with timed(seconds, "analyze: entities"):
                entities = self.recognizer.find_entities(article)
        times: tuple[TimeExpression, ...] = ()
        if self.settings.times:
            with timed(seconds, "analyze: times"):
                times = resolve_times(_without(article, TIMELESS_KINDS))
        quotes: tuple[Quote, ...] = ()
        if self.settings.quotes:
            from newsloom.extract.quotes import extract_quotes

            with timed(seconds, "analyze: quotes"):
                quotes = extract_quotes(article, entities)
        figures: tuple[Figure, ...] = ()
        if self.settings.figures:
            from newsloom.extract.figures import extract_figures

            with timed(seconds, "analyze: figures"):
                figures = extract_figures(article, times)
        embedding: tuple[float, ...] = ()
        if self.settings.embeddings:
            with timed(seconds, "analyze: stored embedding"):
                embedding = article_embedding(article)
        return Analysis(
            article_id=article.id,
            embedding=embedding,
            entities=entities,
            quotes=quotes,
            figures=figures,
            times=times,
            extraction_resources=describe_resources(article.language),
        )

    def analyze_batch(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        for article in articles:
            yield self.analyze(article)
