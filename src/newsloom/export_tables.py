"""Flat tables of what the store holds, for pandas, Datasette, spreadsheets and Parquet (#21).

Five tables, each a fixed list of typed columns and a stream of rows: ``articles``, and what the
earlier stages stored for them — ``figures`` and ``quotes`` as analyze found them in each
article, ``entities`` grouped across spellings as every story view groups them, and ``stories``.
Everything is read from the store (articles, the analyses payload, reuse results, story
membership); no text is parsed again. Rows are produced one article (or story) at a time, so a
store of any size streams through.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from newsloom.dates import date_iso, date_label
from newsloom.records import Article, EntityMention
from newsloom.store import ArticleFilter, Store
from newsloom.store.catalog import StoryQuery
from newsloom.store.stories import StoryRow
from newsloom.story.entities import story_entities
from newsloom.story.figure_claims import vague_phrase
from newsloom.story.glance import entity_type_name

__all__ = [
    "TABLES",
    "Column",
    "Row",
    "Selection",
    "Value",
    "article_records",
    "iter_selected",
    "selected_stories",
    "table_rows",
]

Value = str | int | float | bool | None
Row = dict[str, Value]
BATCH = 500


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # text | integer | real | boolean
    help: str


def _columns(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(name, kind, text) for name, kind, text in specs)


TABLES: dict[str, tuple[Column, ...]] = {
    "articles": _columns(
        ("id", "text", "article id (stable across runs)"),
        ("url", "text", "where it was published"),
        ("outlet", "text", "outlet name"),
        ("title", "text", "headline"),
        ("language", "text", "ISO 639-1 code of the article's language"),
        ("published", "text", "publication date in ISO 8601 at its precision (2022-01 is a month)"),
        ("published_precision", "text", "year, month, day, night or time"),
        ("published_label", "text", "the date as the CLI and pages show it"),
        ("story", "text", "story id"),
        ("story_title", "text", "story title"),
        ("original", "boolean", "true when no text of it was found earlier in another article"),
        ("copy_of", "text", "the article it duplicates, else the one most of its reuse is from"),
        ("reused_share", "real", "share of its body words found in other articles (0-1)"),
        ("agencies", "text", "wire-agency signatures, separated by '; '"),
        ("paragraphs", "integer", "number of paragraphs"),
        ("entity_mentions", "integer", "named-entity mentions analyze found"),
        ("quotes", "integer", "quotes analyze found"),
        ("figures", "integer", "figures analyze found"),
    ),
    "figures": _columns(
        ("article", "text", "article id"),
        ("story", "text", "story id"),
        ("outlet", "text", "outlet of the article"),
        ("published", "text", "the article's publication date at its precision"),
        ("kind", "text", "what is counted: killed, injured, arrested, ..."),
        ("subject", "text", "who is counted: police, demonstrators, ... (empty: not said)"),
        ("low", "real", "lowest value the phrase allows"),
        ("high", "real", "highest value the phrase allows (empty: open-ended, 'more than')"),
        ("qualifier", "text", "at least, more than, about, ..."),
        ("vague", "text", "the words of a vague count ('dusinvis'); low-high is then a range"),
        ("text", "text", "the phrase stating the figure"),
        ("source", "text", "who the article says gave the figure"),
        ("source_chain", "text", "the full chain of sources, outermost first, '; '"),
        ("date", "text", "the date the figure refers to, ISO 8601 at its precision"),
        ("date_precision", "text", "year, month, day, night or time"),
        ("paragraph", "integer", "paragraph index in the article"),
    ),
    "quotes": _columns(
        ("article", "text", "article id"),
        ("story", "text", "story id"),
        ("outlet", "text", "outlet of the article"),
        ("published", "text", "the article's publication date at its precision"),
        ("speaker", "text", "who said it, as every view credits it (empty: not found)"),
        ("speaker_role", "text", "the speaker's role as the article gives it"),
        ("on_behalf_of", "text", "whom a spokesperson or press office speaks for"),
        ("credit", "text", "the credit as the pages and the dossier show it"),
        ("speaker_type", "text", "person, organisation, role or pronoun (as extracted)"),
        ("text", "text", "the quote"),
        ("kind", "text", "direct or reported"),
        ("paragraph", "integer", "paragraph index in the article"),
    ),
    "entities": _columns(
        ("id", "text", "entity id (the id of its page, /entities/ID)"),
        ("name", "text", "canonical name"),
        ("type", "text", "type code: PER, ORG, LOC, EVT, MISC"),
        ("type_name", "text", "type in words: person, organisation, place, event, other name"),
        ("mentions", "integer", "mentions in the exported articles"),
        ("articles", "integer", "articles mentioning it"),
        ("stories", "integer", "stories mentioning it"),
        ("variants", "text", "spellings found, separated by '; '"),
    ),
    "stories": _columns(
        ("id", "text", "story id"),
        ("title", "text", "story title"),
        ("first_seen", "text", "earliest article date at its precision"),
        ("last_seen", "text", "latest article date at its precision"),
        ("articles", "integer", "number of articles"),
        ("outlets", "integer", "number of outlets"),
        ("outlet_names", "text", "outlets, separated by '; '"),
        ("languages", "text", "languages, separated by '; '"),
    ),
}


@dataclass(frozen=True, slots=True)
class Selection:
    """Which articles to export (every filter must hold); stories and entities follow them."""

    story: str | None = None
    language: str | None = None
    outlet: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def articles(self, limit: int | None, offset: int = 0) -> ArticleFilter:
        return ArticleFilter(
            language=self.language,
            source=self.outlet,
            since=self.since,
            until=self.until,
            story=self.story,
            limit=limit,
            offset=offset,
        )

    @property
    def filters_articles(self) -> bool:
        return any((self.language, self.outlet, self.since, self.until))


def iter_selected(store: Store, selection: Selection) -> Iterator[Article]:
    """The selected articles in publication order, read ``BATCH`` at a time."""
    offset = 0
    while True:
        batch = store.list_articles(selection.articles(BATCH, offset))
        yield from batch
        if len(batch) < BATCH:
            return
        offset += BATCH


@dataclass(slots=True)
class _StoryTitles:
    """Story id → title, read once per story."""

    store: Store
    titles: dict[str, str] = field(default_factory=dict)

    def __call__(self, story_id: str | None) -> str | None:
        if story_id is None:
            return None
        if story_id not in self.titles:
            row = self.store.get_story_row(story_id)
            self.titles[story_id] = row.title if row is not None else ""
        return self.titles[story_id] or None


def _published(article: Article) -> str | None:
    return date_iso(article.published, article.published_precision)


def _text(value: str | None) -> str | None:
    """A plain ``str`` (enum members become their value)."""
    return None if value is None else str(value)


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def article_row(article: Article, store: Store, titles: _StoryTitles) -> Row:
    story = store.story_of(article.id)
    reuse = store.get_reuse(article.id)
    analysis = store.get_analysis(article.id)
    origins = Counter(
        passage.origin_article or passage.other_article
        for passage in (reuse.passages if reuse else ())
        if (passage.origin_article or passage.other_article) != article.id
    )
    copy_of = reuse.duplicate_of if reuse else None
    if copy_of is None and origins:
        copy_of = origins.most_common(1)[0][0]
    return {
        "id": article.id,
        "url": article.url,
        "outlet": article.source,
        "title": article.title,
        "language": article.language,
        "published": _published(article),
        "published_precision": _text(article.published_precision),
        "published_label": date_label(
            article.published, article.published_precision, article.published_origin
        ),
        "story": story,
        "story_title": titles(story),
        "original": copy_of is None,
        "copy_of": copy_of,
        "reused_share": round(reuse.reused_share, 4) if reuse else 0.0,
        "agencies": "; ".join(article.agencies) or None,
        "paragraphs": len(article.paragraphs),
        "entity_mentions": len(analysis.entities) if analysis else 0,
        "quotes": len(analysis.quotes) if analysis else 0,
        "figures": len(analysis.figures) if analysis else 0,
    }


def _figure_rows(store: Store, selection: Selection) -> Iterator[Row]:
    for article in iter_selected(store, selection):
        analysis = store.get_analysis(article.id)
        if analysis is None or not analysis.figures:
            continue
        story = store.story_of(article.id)
        for figure in analysis.figures:
            yield {
                "article": article.id,
                "story": story,
                "outlet": article.source,
                "published": _published(article),
                "kind": figure.kind,
                "subject": figure.subject,
                "low": _finite(figure.low),
                "high": _finite(figure.high),
                "qualifier": figure.qualifier,
                "vague": vague_phrase(figure),
                "text": figure.text,
                "source": figure.attributed_to,
                "source_chain": "; ".join(figure.attribution_chain) or None,
                "date": date_iso(figure.as_of, figure.as_of_precision),
                "date_precision": _text(figure.as_of_precision) if figure.as_of else None,
                "paragraph": figure.paragraph,
            }


def _quote_rows(store: Store, selection: Selection) -> Iterator[Row]:
    """Each quote with the credit every view gives it (:func:`credit_quote`, the story's names)."""
    from newsloom.story.credits import credited_quotes
    from newsloom.story.dossier import names_of_story

    names: dict[str | None, frozenset[str]] = {}
    for article in iter_selected(store, selection):
        analysis = store.get_analysis(article.id)
        if analysis is None or not analysis.quotes:
            continue
        story = store.story_of(article.id)
        if story not in names:
            names[story] = names_of_story(store, story)
        for quote, credit in credited_quotes(article, analysis, names[story]):
            yield {
                "article": article.id,
                "story": story,
                "outlet": article.source,
                "published": _published(article),
                "speaker": credit.speaker if credit else None,
                "speaker_role": credit.role if credit else None,
                "on_behalf_of": credit.on_behalf_of if credit else None,
                "credit": credit.label if credit else None,
                "speaker_type": quote.speaker_type,
                "text": quote.text,
                "kind": quote.kind,
                "paragraph": quote.paragraph,
            }


def selected_stories(store: Store, selection: Selection) -> Iterator[StoryRow]:
    if selection.story is not None:
        row = store.get_story_row(selection.story)
        if row is not None:
            yield row
        return
    offset = 0
    while True:
        page = store.find_stories(
            StoryQuery(
                language=selection.language,
                outlet=selection.outlet,
                since=selection.since,
                until=selection.until,
                order="oldest",
                limit=BATCH,
                offset=offset,
            )
        )
        yield from page.stories
        if len(page.stories) < BATCH:
            return
        offset += BATCH


def _story_articles(store: Store, selection: Selection, row: StoryRow) -> Sequence[Article]:
    story_only = Selection(
        story=row.id,
        language=selection.language,
        outlet=selection.outlet,
        since=selection.since,
        until=selection.until,
    )
    return store.list_articles(story_only.articles(limit=None))


def _story_rows(store: Store, selection: Selection) -> Iterator[Row]:
    for row in selected_stories(store, selection):
        yield {
            "id": row.id,
            "title": row.title,
            "first_seen": row.first_seen,
            "last_seen": row.last_seen,
            "articles": len(row.article_ids),
            "outlets": len(row.outlets),
            "outlet_names": "; ".join(row.outlets) or None,
            "languages": "; ".join(row.languages) or None,
        }


@dataclass(slots=True)
class _EntityTotal:
    name: str
    type: str
    mentions: int = 0
    articles: int = 0
    stories: int = 0
    variants: set[str] = field(default_factory=set)
    names: Counter[str] = field(default_factory=Counter)


def _entity_rows(store: Store, selection: Selection) -> Iterator[Row]:
    """Entities grouped per story as its dossier groups them (same ids as the entity pages),
    then summed over stories: an entity in two stories is one row."""
    totals: dict[str, _EntityTotal] = {}
    for row in selected_stories(store, selection):
        articles = _story_articles(store, selection, row)
        mentions: dict[str, Sequence[EntityMention]] = {
            article.id: analysis.entities
            for article in articles
            if (analysis := store.get_analysis(article.id)) is not None
        }
        languages = {article.id: article.language for article in articles}
        for entity in story_entities(mentions, languages):
            total = totals.setdefault(entity.id, _EntityTotal(entity.name, entity.type))
            total.mentions += entity.mentions
            total.articles += len(entity.articles)
            total.stories += 1
            total.variants.update(entity.variants)
            total.names[entity.name] += entity.mentions
    ranked = sorted(totals.items(), key=lambda item: (-item[1].mentions, item[1].name, item[0]))
    for entity_id, total in ranked:
        yield {
            "id": entity_id,
            "name": total.names.most_common(1)[0][0] if total.names else total.name,
            "type": total.type,
            "type_name": entity_type_name(total.type),
            "mentions": total.mentions,
            "articles": total.articles,
            "stories": total.stories,
            "variants": "; ".join(sorted(total.variants)) or None,
        }


def article_records(store: Store, selection: Selection) -> Iterator[tuple[Article, Row]]:
    """Each selected article with its row of the ``articles`` table."""
    titles = _StoryTitles(store)
    for article in iter_selected(store, selection):
        yield article, article_row(article, store, titles)


def _article_rows(store: Store, selection: Selection) -> Iterator[Row]:
    return (row for _, row in article_records(store, selection))


_ROWS = {
    "articles": _article_rows,
    "figures": _figure_rows,
    "quotes": _quote_rows,
    "entities": _entity_rows,
    "stories": _story_rows,
}


def table_rows(store: Store, table: str, selection: Selection) -> Iterator[Row]:
    """The rows of ``table`` (a key of :data:`TABLES`) for the selected articles."""
    return _ROWS[table](store, selection)
