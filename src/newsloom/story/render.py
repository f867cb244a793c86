"""A dossier as a dict (the JSON export's story object), terminal text, Markdown and HTML."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from importlib import resources

from jinja2 import Environment

from newsloom.dates import date_iso, date_label
from newsloom.records import Article
from newsloom.story.coverage import SharedText
from newsloom.story.dossier import Dossier
from newsloom.story.figure_claims import chain_label
from newsloom.story.glance import at_a_glance, entity_type_name, glance_dict, value_label
from newsloom.story.timeline import TimelineEvent, format_date
from newsloom.story.track_records import FigureTrack, TrackValue

__all__ = ["dossier_to_dict", "render_html", "render_markdown", "render_text"]


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _seen(dossier: Dossier, last: bool = False) -> Article | None:
    """The story's first (or last) dated article: its date, at its precision, is when the story was
    first (last) seen."""
    dated = [article for article in dossier.articles if article.published is not None]
    return (dated[-1] if last else dated[0]) if dated else None


def _seen_iso(dossier: Dossier, last: bool = False) -> str | None:
    article = _seen(dossier, last)
    return date_iso(article.published, article.published_precision) if article else None


def _seen_label(dossier: Dossier, last: bool = False) -> str:
    article = _seen(dossier, last)
    return _published_label(article) if article is not None else "?"


def _published_label(article: Article) -> str:
    return date_label(article.published, article.published_precision, article.published_origin)


def _number(value: float) -> int | float | None:
    if math.isinf(value) or math.isnan(value):
        return None
    return int(value) if float(value).is_integer() else value


def _value_dict(value: TrackValue, dossier: Dossier | None = None) -> dict[str, object]:
    return {
        # a vague value ("dusinvis") is words, not a count: no low or high
        "low": None if value.vague else _number(value.low),
        "high": None if value.vague else _number(value.high),
        "vague": value.vague,
        "label": _value_label(value),
        "qualifier": value.qualifier,
        "text": value.text,
        "as_of": _iso(value.as_of),
        "precision": str(value.precision) if value.precision else None,
        "change": value.change,
        "independent_sources": value.independent_sources,
        "sources": [
            {
                "article": source.article,
                "paragraph": source.paragraph,
                "outlet": source.outlet,
                "attributed_to": source.attributed_to,
                "attribution_chain": list(source.attribution_chain),
                "attribution": chain_label(source.attribution_chain, source.attributed_to),
                "text": source.text,
                "published": _source_published(source.article, source.published, dossier),
                "copy": source.copy,
                "origin": source.origin,
                "origin_article": source.origin_article,
                "agency": source.agency,
            }
            for source in value.sources
        ],
    }


def _source_published(
    article_id: str, published: datetime | None, dossier: Dossier | None
) -> str | None:
    """A source's publication date at its article's precision (ISO)."""
    article = dossier.article(article_id) if dossier is not None else None
    if article is None:
        return _iso(published)
    return date_iso(article.published, article.published_precision)


def _track_dict(track: FigureTrack, dossier: Dossier | None = None) -> dict[str, object]:
    return {
        "kind": track.kind,
        "subject": track.subject,
        "part_of": track.part_of,
        "also_called": list(track.also_called),
        "values": [_value_dict(value, dossier) for value in track.values],
        "disagreements": [
            {
                "as_of": _iso(disagreement.as_of),
                "precision": str(disagreement.precision),
                "values": [_value_dict(value, dossier) for value in disagreement.values],
            }
            for disagreement in track.disagreements
        ],
        "context": [_value_dict(value, dossier) for value in track.context],
    }


def _event_dict(event: TimelineEvent) -> dict[str, object]:
    return {
        "date": date_iso(event.date, event.precision),
        "precision": str(event.precision),
        "label": event.label,
        "text": event.text,
        "articles": list(event.articles),
        "independent_sources": event.independent_sources,
    }


def dossier_to_dict(dossier: Dossier) -> dict[str, object]:
    """The story object of the JSON export contract (DESIGN.md), plus ``coverage`` and extras."""
    coverage = dossier.coverage
    return {
        "id": dossier.id,
        "title": dossier.title,
        "articles": list(dossier.article_ids),
        "languages": list(dossier.languages),
        "outlets": list(dossier.outlets),
        "first_seen": _seen_iso(dossier),
        "last_seen": _seen_iso(dossier, last=True),
        "main_language": dossier.main_language,
        "entities": [
            {
                "id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "variants": list(entity.variants),
                "mentions": entity.mentions,
                "articles": list(entity.articles),
            }
            for entity in dossier.entities
        ],
        "quotes": [
            {
                "speaker": quote.speaker,
                "text": quote.text,
                "article": quote.article,
                "paragraph": quote.paragraph,
                "articles": list(quote.articles),
                "speaker_role": quote.speaker_role,
                "on_behalf_of": quote.on_behalf_of,
                "credit": quote.credit,
            }
            for quote in dossier.quotes
        ],
        "figures": [
            {
                "kind": figure.kind,
                "subject": figure.subject,
                "low": None if figure.vague else _number(figure.low),
                "high": None if figure.vague else _number(figure.high),
                "vague": figure.vague,
                "qualifier": figure.qualifier,
                "text": figure.text,
                "article": figure.article,
                "paragraph": figure.paragraph,
                "attributed_to": figure.attributed_to,
                "attribution_chain": list(figure.attribution_chain),
                "attribution": chain_label(figure.attribution_chain, figure.attributed_to),
                "as_of": _iso(figure.as_of),
            }
            for figure in dossier.figures
        ],
        "figure_tracks": [_track_dict(track, dossier) for track in dossier.figure_tracks],
        "timeline": [_event_dict(event) for event in dossier.timeline],
        "background": [_event_dict(event) for event in dossier.background],
        "summary": [
            {
                "text": sentence.text,
                "articles": list(sentence.articles),
                "independent_sources": sentence.independent_sources,
                "attributed_to": sentence.attributed_to,
            }
            for sentence in dossier.summary
        ],
        "coverage": {
            "articles": coverage.articles,
            "independent_articles": coverage.independent_articles,
            "duplicates": coverage.duplicates,
            "outlets": [{"outlet": name, "articles": count} for name, count in coverage.outlets],
            "languages": [
                {"language": code, "articles": count} for code, count in coverage.languages
            ],
            "agencies": [{"agency": name, "articles": count} for name, count in coverage.agencies],
            "first_seen": _seen_iso(dossier),
            "last_seen": _seen_iso(dossier, last=True),
            "first_article": coverage.first_article,
            "first_outlet": coverage.first_outlet,
            "original_share": coverage.original_share,
            "copied_share": coverage.copied_share,
            "shared_texts": [
                {"origin": text.origin, "agency": text.agency, "copies": list(text.copies)}
                for text in coverage.shared_texts
            ],
        },
        "glance": glance_dict(at_a_glance(dossier)),
    }


# --- text views ------------------------------------------------------------------------------


def _value_label(value: TrackValue) -> str:
    return value_label(value)  # a vague count in the article's words, not a range


def track_title(track: FigureTrack) -> str:
    """``killed (demonstrators, also called attackers)``, ``hospitalised (part of injured)``."""
    notes = [track.subject] if track.subject else []
    if track.also_called:
        notes.append("also called " + ", ".join(track.also_called))
    if track.part_of:
        notes.append(f"part of {track.part_of}")
    return track.kind + (f" ({'; '.join(notes)})" if notes else "")


def shared_label(dossier: Dossier, shared: SharedText) -> str:
    """``origin Outlet 1a2b3c4d [Ritzau], copied by 2: …``."""
    agency = f" [{shared.agency}]" if shared.agency else ""
    copies = ", ".join(_source_label(dossier, a) for a in shared.copies)
    return (
        f"origin {_source_label(dossier, shared.origin)}{agency},"
        f" copied by {len(shared.copies)}: {copies}"
    )


def _when(value: TrackValue) -> str:
    if value.as_of is None or value.precision is None:
        return "undated"
    return format_date(value.as_of, value.precision)


def _short(article_id: str) -> str:
    return article_id[:8]


def _source_label(dossier: Dossier, article_id: str) -> str:
    article = dossier.article(article_id)
    outlet = article.source if article is not None and article.source else None
    return f"{outlet} {_short(article_id)}" if outlet else _short(article_id)


def _sources(dossier: Dossier, value: TrackValue, labels: Mapping[str, str] | None = None) -> str:
    parts: list[str] = []
    for source in value.sources:
        label = (labels or {}).get(source.article) or _source_label(dossier, source.article)
        attribution = chain_label(source.attribution_chain, source.attributed_to)
        if attribution:
            label += f" (citing {attribution})"
        if source.copy:
            of = _short(source.origin_article) if source.origin_article else "?"
            label += f" [copy of {of}" + (f", {source.agency}]" if source.agency else "]")
        elif source.origin:
            label += " [origin" + (f", {source.agency}]" if source.agency else "]")
        parts.append(label)
    return "; ".join(parts)


def _lines(dossier: Dossier, markdown: bool) -> list[str]:
    heading = (lambda text: f"## {text}") if markdown else (lambda text: text.upper())
    bullet = "- " if markdown else "  "
    coverage = dossier.coverage
    lines = [f"# {dossier.title}" if markdown else dossier.title, ""]
    lines.append(
        f"Story {dossier.id} · {coverage.articles} articles ({coverage.duplicates} near-duplicates)"
        f" · {', '.join(dossier.outlets) or 'unknown outlets'}"
        f" · {', '.join(dossier.languages) or 'unknown language'}"
    )
    lines.append(
        f"First seen {_seen_label(dossier)} ({coverage.first_outlet or '?'}),"
        f" last seen {_seen_label(dossier, last=True)};"
        f" {coverage.original_share:.0%} original, {coverage.copied_share:.0%} copied"
    )
    for shared in coverage.shared_texts:
        lines.append(f"Reused text: {shared_label(dossier, shared)}")
    lines += ["", heading("Summary")]
    for sentence in dossier.summary:
        cited = ", ".join(_source_label(dossier, a) for a in sentence.articles)
        source = f" (according to {sentence.attributed_to})" if sentence.attributed_to else ""
        lines.append(f"{bullet}{sentence.text}{source} [{cited}]")
    lines += ["", heading("Timeline")]
    for event in dossier.timeline:
        cited = ", ".join(_source_label(dossier, a) for a in event.articles)
        lines.append(f"{bullet}{event.label}: {event.text} [{cited}]")
    if dossier.background:
        lines += ["", heading("Background")]
        for event in dossier.background:
            cited = ", ".join(_source_label(dossier, a) for a in event.articles)
            lines.append(f"{bullet}{event.label}: {event.text} [{cited}]")
    lines += ["", heading("Figures")]
    for track in dossier.figure_tracks:
        lines.append(f"{bullet}{track_title(track)}")
        for value in track.values:
            lines.append(
                f"{bullet}  {_when(value)}: {_value_label(value)} — {value.change}"
                f" — {_sources(dossier, value)}"
            )
        for disagreement in track.disagreements:
            values = " vs ".join(_value_label(v) for v in disagreement.values)
            lines.append(
                f"{bullet}  disagreement on"
                f" {format_date(disagreement.as_of, disagreement.precision)}: {values}"
            )
        for value in track.context:
            lines.append(
                f"{bullet}  also stated ({value.change}): {_when(value)}: {_value_label(value)}"
                f" — {_sources(dossier, value)}"
            )
    lines += ["", heading("Quotes")]
    for quote in dossier.quotes:
        speaker = quote.credit or "unknown speaker"
        lines.append(f"{bullet}{speaker}: “{quote.text}” [{_source_label(dossier, quote.article)}]")
    lines += ["", heading("Entities")]
    for entity in dossier.entities[:25]:
        variants = [v for v in entity.variants if v != entity.name]
        also = f" (also {', '.join(variants)})" if variants else ""
        kind = entity_type_name(entity.type)
        lines.append(f"{bullet}{entity.name} [{kind}]{also}: {entity.mentions} mentions")
    lines += ["", heading("Articles")]
    for article in dossier.articles:
        lines.append(
            f"{bullet}{_short(article.id)} {_published_label(article)}"
            f" {article.source or '?'} [{article.language or '?'}] {article.title}"
        )
    return lines


def render_text(dossier: Dossier) -> str:
    """The dossier for a terminal (plain text)."""
    return "\n".join(_lines(dossier, markdown=False)) + "\n"


def render_markdown(dossier: Dossier) -> str:
    return "\n".join(_lines(dossier, markdown=True)) + "\n"


def render_html(dossier: Dossier) -> str:
    """A standalone HTML page; every piece of article text is escaped (Jinja2 autoescape)."""
    source = resources.files("newsloom.story").joinpath("templates/dossier.html")
    environment = Environment(autoescape=True)
    template = environment.from_string(source.read_text(encoding="utf-8"))
    glance = at_a_glance(dossier)
    return template.render(
        d=dossier,
        c=dossier.coverage,
        g=glance,
        first_seen=_seen_label(dossier),
        label=lambda article_id: glance.labels.get(article_id) or _short(article_id),
        type_name=entity_type_name,
        when=_when,
        value=_value_label,
        sources=lambda value: _sources(dossier, value, glance.labels),
        track_title=track_title,
        shared=lambda text: shared_label(dossier, text),
        date=format_date,
        link=_safe_url,
    )


def _safe_url(url: str | None) -> str | None:
    """Only web links become ``href`` s (no ``javascript:`` or ``data:`` URLs from input)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None
