"""Per-article analysis: entities, quotes, figures, time expressions. Pure and parallelisable.

Models load once per process (:meth:`Analyzer.load`); :meth:`Analyzer.analyze` is a function
of the article alone, so batches can run anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsloom.errors import ModelError
from newsloom.extract.figures import extract_figures
from newsloom.extract.quotes import extract_quotes
from newsloom.extract.resources import describe_resources
from newsloom.extract.times import resolve_times
from newsloom.records import Analysis, Article
from newsloom.settings import AnalyzeSettings

if TYPE_CHECKING:
    from newsloom.entities.ner import EntityRecognizer


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

            return cls(settings, EntityRecognizer.load())
        except (ModelError, ImportError) as error:
            return cls(settings, None, problem=f"entities off: {error}")

    def analyze(self, article: Article) -> Analysis:
        entities = self.recognizer.find_entities(article) if self.recognizer else ()
        times = resolve_times(article) if self.settings.times else ()
        return Analysis(
            article_id=article.id,
            entities=entities,
            quotes=extract_quotes(article, entities) if self.settings.quotes else (),
            figures=extract_figures(article, times) if self.settings.figures else (),
            times=times,
            extraction_resources=describe_resources(article.language),
        )

    def analyze_batch(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        for article in articles:
            yield self.analyze(article)
