"""A story at a glance: its lead, key figures, how many outlets and sources, and readable labels.

What a reader looks at first on a story page or in a story list (as Google News Full Coverage and
Ground News put outlets and source counts first). Everything here is read from the dossier the
earlier stages built; nothing re-reads article text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from newsloom.extract.numbers import vague_name
from newsloom.records import Article, ParagraphKind
from newsloom.story.dossier import Dossier
from newsloom.story.track_records import FigureTrack, TrackValue

__all__ = [
    "ENTITY_TYPE_NAMES",
    "Glance",
    "KeyFigure",
    "at_a_glance",
    "entity_type_name",
    "figure_label",
    "glance_dict",
    "is_vague",
    "key_figures",
    "lead_paragraph",
    "source_labels",
    "vague_label",
    "value_label",
]

KEY_FIGURES = 4

# Entity types in words, for readers (the models' labels stay the stored values).
ENTITY_TYPE_NAMES = {
    "PER": "person",
    "ORG": "organisation",
    "LOC": "place",
    "GPE": "place",
    "EVT": "event",
    "MISC": "other name",
}


def entity_type_name(code: str | None) -> str:
    """``LOC`` → ``place``; an unknown code is shown lower-cased rather than hidden."""
    if not code:
        return "name"
    return ENTITY_TYPE_NAMES.get(code.upper(), code.lower())


def _amount(value: float) -> str:
    return f"{int(value):,}".replace(",", " ") if float(value).is_integer() else f"{value:g}"


def figure_label(low: float | None, high: float | None, qualifier: str | None) -> str:
    """A figure as a reader says it: ``at least 27``, ``dozens``, ``200+``, ``5–7``.

    A vague count (a range the phrase allows, such as 24–99 for "dusinvis") is named in words;
    an open end (``high`` None or infinite) is ``N+`` unless a qualifier says so; another range
    is ``low–high``.
    """
    if low is None or not math.isfinite(low):
        text = "?"
    elif high is None or not math.isfinite(high):
        text = _amount(low) if qualifier else f"{_amount(low)}+"  # "more than 200" says it
    elif high == low:
        text = _amount(low)
    else:
        text = vague_name(low, high) or f"{_amount(low)}–{_amount(high)}"
    return f"{qualifier} {text}" if qualifier else text


def is_vague(low: float | None, high: float | None) -> bool:
    return low is not None and high is not None and vague_name(low, high) is not None


def vague_label(words: str, qualifier: str | None = None) -> str:
    """A vague count in the article's words, quoted: ``“dusinvis”`` (never a number range)."""
    amount = f"“{words.strip(chr(39) + chr(34))}”"
    return f"{qualifier} {amount}" if qualifier else amount


def value_label(value: TrackValue) -> str:
    """A track value as a reader says it: the article's words for a vague count."""
    if value.vague is not None:
        return vague_label(value.vague, value.qualifier)
    return figure_label(value.low, value.high, value.qualifier)


def _outlet_of(article: Article) -> str | None:
    if article.source and article.source.strip():
        return article.source.strip()
    if article.url:
        host = urlsplit(article.url.strip()).hostname
        if host:
            return host.removeprefix("www.")
    if article.agencies:
        return article.agencies[0]
    return None


def source_labels(articles: Sequence[Article]) -> dict[str, str]:
    """A short name per article for citation chips: its outlet, never a hex id.

    The outlet (else the web site of its URL, else its wire agency); an outlet with several
    articles in the list numbers them in the list's order (``Nunyt 2``); an article with no
    outlet at all is ``article N`` by its place in the list.
    """
    outlets = [_outlet_of(article) for article in articles]
    counts: dict[str, int] = {}
    for outlet in outlets:
        if outlet:
            counts[outlet] = counts.get(outlet, 0) + 1
    seen: dict[str, int] = {}
    labels: dict[str, str] = {}
    for position, (article, outlet) in enumerate(zip(articles, outlets, strict=True), start=1):
        if outlet is None:
            labels[article.id] = f"article {position}"
        elif counts[outlet] == 1:
            labels[article.id] = outlet
        else:
            seen[outlet] = seen.get(outlet, 0) + 1
            labels[article.id] = f"{outlet} {seen[outlet]}"
    return labels


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """A figure track's latest value, as a reader sees it first."""

    kind: str
    subject: str | None
    label: str  # "at least 27", "dozens"
    vague: bool
    as_of: date | None
    precision: str | None
    outlets: int  # outlets (known ones) stating a value of this figure
    articles: int  # articles stating a value of it
    values: int  # how many values the track has (1: it never changed)
    disputed: bool  # sources disagree somewhere on the track


@dataclass(frozen=True, slots=True)
class Glance:
    lead: str | None  # the lead paragraph of the article the story's title comes from
    lead_articles: tuple[str, ...]
    articles: int
    independent_articles: int
    outlets: int
    named_sources: tuple[str, ...]  # who the articles cite: figure sources and quoted speakers
    original_share: float
    copied_share: float
    key_figures: tuple[KeyFigure, ...]
    labels: dict[str, str]  # article id → citation chip label


def _latest(track: FigureTrack) -> TrackValue:
    dated = [value for value in track.values if value.as_of is not None]
    return dated[-1] if dated else track.latest


def _track_weight(track: FigureTrack) -> tuple[int, int, str]:
    outlets = {s.outlet or s.article for v in track.values for s in v.sources}
    independent = sum(value.independent_sources for value in track.values)
    return (-len(outlets), -independent, track.kind)


def key_figures(tracks: Sequence[FigureTrack], limit: int = KEY_FIGURES) -> tuple[KeyFigure, ...]:
    """The best-sourced figure tracks first (most outlets), each with its latest value."""
    chosen = sorted((t for t in tracks if t.values), key=_track_weight)[:limit]
    figures: list[KeyFigure] = []
    for track in chosen:
        value = _latest(track)
        figures.append(
            KeyFigure(
                kind=track.kind,
                subject=track.subject,
                label=value_label(value),
                vague=value.vague is not None,
                as_of=value.as_of,
                precision=str(value.precision) if value.precision else None,
                outlets=len({s.outlet for v in track.values for s in v.sources if s.outlet}),
                articles=len({s.article for v in track.values for s in v.sources}),
                values=len(track.values),
                disputed=bool(track.disagreements),
            )
        )
    return tuple(figures)


def _named_sources(dossier: Dossier) -> tuple[str, ...]:
    names: dict[str, str] = {}
    for track in dossier.figure_tracks:
        for value in (*track.values, *track.context):
            for source in value.sources:
                if source.attributed_to:
                    names.setdefault(source.attributed_to.casefold(), source.attributed_to)
    for quote in dossier.quotes:
        if quote.speaker:
            names.setdefault(quote.speaker.casefold(), quote.speaker)
    return tuple(names.values())


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def lead_paragraph(dossier: Dossier) -> tuple[str, tuple[str, ...]] | None:
    """The story's lead, as a news reader expects it: the first body paragraph (that does not
    merely repeat the title) of the article the story's title comes from, and that article's id.
    """
    titled = [a for a in dossier.articles if a.title == dossier.title] or list(dossier.articles)
    title = _folded(dossier.title)
    for article in titled[:1]:
        for paragraph in article.paragraphs:
            text = paragraph.text.strip()
            if (
                paragraph.kind is ParagraphKind.BODY
                and text
                and not title.startswith(_folded(text))
            ):
                return text, (article.id,)
    return None


def at_a_glance(dossier: Dossier) -> Glance:
    coverage = dossier.coverage
    lead = lead_paragraph(dossier)
    if lead is None and dossier.summary:
        lead = dossier.summary[0].text, dossier.summary[0].articles
    return Glance(
        lead=lead[0] if lead else None,
        lead_articles=lead[1] if lead else (),
        articles=coverage.articles,
        independent_articles=coverage.independent_articles,
        outlets=len(coverage.outlets),
        named_sources=_named_sources(dossier),
        original_share=coverage.original_share,
        copied_share=coverage.copied_share,
        key_figures=key_figures(dossier.figure_tracks),
        labels=source_labels(dossier.articles),
    )


def glance_dict(glance: Glance) -> dict[str, object]:
    """The glance as JSON (the ``glance`` object of a story in the export and the API)."""
    return {
        "lead": glance.lead,
        "lead_articles": list(glance.lead_articles),
        "articles": glance.articles,
        "independent_articles": glance.independent_articles,
        "outlets": glance.outlets,
        "named_sources": list(glance.named_sources),
        "original_share": glance.original_share,
        "copied_share": glance.copied_share,
        "key_figures": [
            {
                "kind": figure.kind,
                "subject": figure.subject,
                "label": figure.label,
                "vague": figure.vague,
                "as_of": figure.as_of.isoformat() if figure.as_of else None,
                "precision": figure.precision,
                "outlets": figure.outlets,
                "articles": figure.articles,
                "values": figure.values,
                "disputed": figure.disputed,
            }
            for figure in glance.key_figures
        ],
        "labels": dict(glance.labels),
    }
