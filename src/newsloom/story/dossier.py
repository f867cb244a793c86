"""The story dossier: everything the consolidate stage says about one story.

:func:`consolidate` is a pure function of the story's records (articles, analyses, reuse results);
:func:`build_dossier` reads them from a store. Renderers live in :mod:`newsloom.story.render`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from rapidfuzz import fuzz, process

from newsloom.errors import NotFoundError
from newsloom.records import Analysis, Article, EntityMention, ReuseResult
from newsloom.store import AnalysisStore, ArticleFilter, ArticleStore, ReuseStore, StoryStore
from newsloom.story.copies import CopyGroups
from newsloom.story.coverage import Coverage, measure_coverage
from newsloom.story.credits import QuoteCredit, credit_quote, story_names
from newsloom.story.entities import StoryEntity, story_entities
from newsloom.story.figure_claims import vague_phrase
from newsloom.story.sentences import text_key
from newsloom.story.summary import SummarySentence, main_language, summarize
from newsloom.story.timeline import TimelineEvent, build_timeline, split_background
from newsloom.story.track_records import FigureTrack
from newsloom.story.tracks import FigureMention, build_tracks
from newsloom.time_order import publication_key

__all__ = [
    "Dossier",
    "StoryEntity",
    "StoryFigure",
    "StoryQuote",
    "StoryRecords",
    "build_dossier",
    "consolidate",
]


@dataclass(frozen=True, slots=True)
class StoryQuote:
    speaker: str | None
    text: str
    article: str  # the earliest article carrying the quote
    paragraph: int
    articles: tuple[str, ...] = ()  # every article carrying it (copies included)
    speaker_role: str | None = None
    on_behalf_of: str | None = None  # whom a spokesperson or press office speaks for
    credit: str | None = None  # speaker with role, as every view shows it (None: unknown)


@dataclass(frozen=True, slots=True)
class StoryFigure:
    kind: str
    subject: str | None
    low: float
    high: float
    qualifier: str | None
    text: str
    article: str
    paragraph: int
    attributed_to: str | None
    as_of: date | None
    vague: str | None = None  # the words of a vague quantity ("dusinvis"): not a number
    attribution_chain: tuple[str, ...] = ()  # outermost first: ("Reuters", "lokale nyhetsbyråer")


@dataclass(frozen=True, slots=True)
class Dossier:
    id: str
    title: str
    articles: tuple[Article, ...]  # in publication order
    languages: tuple[str, ...]
    outlets: tuple[str, ...]
    first_seen: datetime | None
    last_seen: datetime | None
    main_language: str | None
    entities: tuple[StoryEntity, ...]
    quotes: tuple[StoryQuote, ...]
    figures: tuple[StoryFigure, ...]
    figure_tracks: tuple[FigureTrack, ...]
    timeline: tuple[TimelineEvent, ...]
    summary: tuple[SummarySentence, ...]
    coverage: Coverage
    # dated events well before the story began ("built in 2009"), kept apart from the timeline
    background: tuple[TimelineEvent, ...] = ()
    names: frozenset[str] = frozenset()  # the story's names quotes are credited with (credits.py)

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(article.id for article in self.articles)

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)


def story_id_for(articles: Sequence[Article]) -> str:
    """A stable id for a set of articles that was never assigned one (library use)."""
    digest = hashlib.sha256("\n".join(sorted(a.id for a in articles)).encode()).hexdigest()
    return "s" + digest[:15]


def consolidate(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    reuse: Mapping[str, ReuseResult],
    *,
    story_id: str | None = None,
    title: str | None = None,
) -> Dossier:
    """Build the dossier of one story from its records (no store needed)."""
    articles, analyses = date_articles(articles, analyses, reuse)
    ordered = tuple(sorted(articles, key=publication_key))
    copies = CopyGroups.from_reuse(reuse)
    copies.attach_articles(ordered)
    coverage = measure_coverage(ordered, reuse, copies)
    language = main_language(ordered, copies)
    mentions = [
        FigureMention(article, figure, analyses[article.id].times)
        for article in ordered
        if article.id in analyses
        for figure in analyses[article.id].figures
    ]
    timeline, background = split_background(
        build_timeline(ordered, analyses, copies, language=language),
        coverage.first_seen.date() if coverage.first_seen is not None else None,
    )
    entity_mentions: dict[str, Sequence[EntityMention]] = {
        article.id: analyses[article.id].entities for article in ordered if article.id in analyses
    }
    return Dossier(
        id=story_id or story_id_for(ordered),
        title=title or _title(ordered, copies),
        articles=ordered,
        languages=coverage.language_codes,
        outlets=coverage.outlet_names,
        first_seen=coverage.first_seen,
        last_seen=coverage.last_seen,
        main_language=language,
        entities=story_entities(entity_mentions, {a.id: a.language for a in ordered}),
        quotes=_quotes(ordered, analyses, copies),
        names=story_names(analyses.values()),
        figures=tuple(_story_figure(m) for m in mentions),
        figure_tracks=build_tracks(mentions, copies),
        timeline=timeline,
        summary=summarize(ordered, copies, language, analyses=analyses),
        coverage=coverage,
        background=background,
    )


def date_articles(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    reuse: Mapping[str, ReuseResult] | None = None,
) -> tuple[list[Article], dict[str, Analysis]]:
    """Articles dated only to the month get the day the story's evidence points to.

    Their time expressions and figures are resolved again against that day. Uses the extraction
    stage's :mod:`newsloom.story.anchor` when it is installed; otherwise changes nothing.
    """
    dated, resolved = list(articles), dict(analyses)
    try:
        from newsloom.story.anchor import infer_publication_dates, reanchor
    except ImportError:
        return dated, resolved
    inferred = infer_publication_dates(dated, resolved, reuse)
    for index, article in enumerate(dated):
        if article.id in inferred and article.id in resolved:
            dated[index], resolved[article.id] = reanchor(
                article, resolved[article.id], inferred[article.id]
            )
    return dated, resolved


class StoryRecords(ArticleStore, AnalysisStore, ReuseStore, StoryStore, Protocol):
    """Where a story's records are read from: its row, its articles, their analyses and reuse."""


def build_dossier(store: StoryRecords, story_id: str) -> Dossier:
    """Read a story's records from ``store`` and consolidate them."""
    row = store.get_story_row(story_id)
    if row is None:
        candidates = store.find_story_ids(story_id)
        if len(candidates) == 1:
            row = store.get_story_row(candidates[0])
    if row is None:
        raise NotFoundError(f"story {story_id!r}: no such story in the store")
    articles = store.list_articles(ArticleFilter(story=row.id, limit=None))
    if not articles:
        articles = [a for a in (store.get_article(i) for i in row.article_ids) if a is not None]
    analyses = {a.id: analysis for a in articles if (analysis := store.get_analysis(a.id))}
    reuse = {a.id: result for a in articles if (result := store.get_reuse(a.id))}
    title = row.title if row.title and row.title != row.id else None
    return consolidate(articles, analyses, reuse, story_id=row.id, title=title)


def names_of_story(store: StoryRecords, story_id: str | None) -> frozenset[str]:
    """The names quotes of ``story_id``'s articles are credited with (:attr:`Dossier.names`),
    without building the dossier: for views of one article (CLI, export tables)."""
    row = store.get_story_row(story_id) if story_id is not None else None
    if row is None:
        return frozenset()
    return story_names(
        analysis for article_id in row.article_ids if (analysis := store.get_analysis(article_id))
    )


def _title(articles: Sequence[Article], copies: CopyGroups) -> str:
    """The title most independent articles share, else the earliest article's."""
    if not articles:
        return ""
    counts: dict[str, set[str]] = {}
    for article in articles:
        counts.setdefault(text_key(article.title), set()).add(copies.article_origin(article.id))
    best = max(counts, key=lambda key: len(counts[key]))
    if len(counts[best]) > 1:
        return next(a.title for a in articles if text_key(a.title) == best)
    return articles[0].title


def _quotes(
    articles: Sequence[Article], analyses: Mapping[str, Analysis], copies: CopyGroups
) -> tuple[StoryQuote, ...]:
    """Every quote once, citing each article that carries it (earliest first), credited to the
    first speaker some article names (see :mod:`newsloom.story.credits`)."""
    known = story_names(analyses.values())
    groups: list[tuple[str, list[tuple[Article, int, QuoteCredit | None]]]] = []
    texts: list[str] = []
    exact: dict[str, int] = {}
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        for quote in analysis.quotes:
            key = text_key(quote.text)
            if not key:
                continue
            credit = credit_quote(quote, article, analysis.entities, known)
            entry = (article, quote.paragraph, credit)
            index = exact.get(key)
            if index is None and len(key) > 20:
                match = process.extractOne(key, texts, scorer=fuzz.ratio, score_cutoff=90)
                index = match[2] if match is not None else None
            if index is None:
                exact[key] = len(texts)
                texts.append(key)
                groups.append((quote.text, [entry]))
            else:
                groups[index][1].append(entry)
    quotes: list[StoryQuote] = []
    for text, entries in groups:
        first = entries[0]
        credit = next((e[2] for e in entries if e[2] is not None), None)
        quotes.append(
            StoryQuote(
                speaker=credit.speaker if credit else None,
                text=text,
                article=first[0].id,
                paragraph=first[1],
                articles=tuple(dict.fromkeys(e[0].id for e in entries)),
                speaker_role=credit.role if credit else None,
                on_behalf_of=credit.on_behalf_of if credit else None,
                credit=credit.label if credit else None,
            )
        )
    return tuple(quotes)


def _story_figure(mention: FigureMention) -> StoryFigure:
    figure = mention.figure
    return StoryFigure(
        kind=figure.kind,
        subject=figure.subject,
        low=figure.low,
        high=figure.high,
        qualifier=figure.qualifier,
        text=figure.text,
        article=mention.article.id,
        paragraph=figure.paragraph,
        attributed_to=figure.attributed_to,
        as_of=figure.as_of,
        vague=vague_phrase(figure),
        attribution_chain=figure.attribution_chain,
    )
