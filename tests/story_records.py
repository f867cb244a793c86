"""Hand-built records for the consolidate-stage tests (dossier, tracks, timeline, summary)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from newsloom.records import (
    Article,
    DatePrecision,
    Figure,
    Paragraph,
    ParagraphKind,
    TimeExpression,
)


def make_article(
    article_id: str,
    paragraphs: Sequence[str | tuple[str, ParagraphKind]],
    published: datetime | None = None,
    *,
    language: str = "da",
    source: str | None = None,
    precision: DatePrecision | None = DatePrecision.DAY,
) -> Article:
    built = []
    for index, item in enumerate(paragraphs):
        text, kind = (item, ParagraphKind.BODY) if isinstance(item, str) else item
        built.append(Paragraph(index=index, text=text, kind=kind, language=language))
    return Article(
        id=article_id,
        content_hash=article_id,
        title=built[0].text[:80],
        paragraphs=tuple(built),
        language=language,
        published=published,
        published_precision=precision if published else None,
        source=source,
    )


def make_figure(
    kind: str,
    low: float,
    high: float | None = None,
    *,
    subject: str | None = None,
    qualifier: str | None = None,
    paragraph: int = 0,
    attributed_to: str | None = None,
    as_of: date | None = None,
    text: str = "",
    vague: str | None = None,
) -> Figure:
    return Figure(
        kind=kind,
        subject=subject,
        low=low,
        high=low if high is None else high,
        qualifier=qualifier,
        text=text or f"{low:g} {kind}",
        paragraph=paragraph,
        attributed_to=attributed_to,
        as_of=as_of,
        as_of_precision=DatePrecision.DAY if as_of else None,
        vague=vague,
    )


def time_in(
    article: Article,
    phrase: str,
    value: date,
    precision: DatePrecision = DatePrecision.DAY,
    paragraph: int | None = None,
) -> TimeExpression:
    """A time expression for the first occurrence of ``phrase`` in the article."""
    for candidate in article.paragraphs:
        if paragraph is not None and candidate.index != paragraph:
            continue
        start = candidate.text.find(phrase)
        if start >= 0:
            return TimeExpression(
                text=phrase,
                paragraph=candidate.index,
                start=start,
                end=start + len(phrase),
                value=value,
                precision=precision,
            )
    raise AssertionError(f"{phrase!r} is not in article {article.id}")


def figure_in(
    article: Article,
    phrase: str,
    kind: str,
    low: float,
    *,
    qualifier: str | None = None,
    attributed_to: str | None = None,
    subject: str | None = None,
) -> Figure:
    """A figure at the first occurrence of ``phrase`` in the article, as analyze finds it."""
    for paragraph in article.paragraphs:
        start = paragraph.text.find(phrase)
        if start >= 0:
            return Figure(
                kind=kind,
                subject=subject,
                low=low,
                high=low,
                qualifier=qualifier,
                text=phrase,
                paragraph=paragraph.index,
                attributed_to=attributed_to,
                start=start,
                end=start + len(phrase),
            )
    raise AssertionError(f"{phrase!r} is not in article {article.id}")
