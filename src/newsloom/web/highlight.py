"""What to highlight in an article's paragraphs: entities, figures and quotes.

Spans are character offsets within a paragraph (the JSON twin); segments cut the paragraph into
plain and highlighted pieces for the HTML page: quotes on the outside, entities and figures inside.
The text of a segment is always the article's own text; the template escapes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsloom.dates import date_label
from newsloom.records import Analysis, Article, EntityMention, Figure
from newsloom.story.credits import QuoteCredit, credit_quote
from newsloom.story.figure_claims import chain_label
from newsloom.story.glance import entity_type_name, vague_label
from newsloom.story.glance import figure_label as amount_label

QUOTE = "quote"
FIGURE = "figure"
ENTITY = "entity"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # entity | figure | quote
    label: str
    link: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kind: str | None = None  # None: plain text
    label: str = ""
    link: str | None = None
    children: tuple[Segment, ...] = ()


def entity_key(entity_type: str, text: str) -> tuple[str, str]:
    return (entity_type, " ".join(text.casefold().split()))


def _locate(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    """Offsets of ``phrase`` in ``text``: the stored ones when they fit, else the first match."""
    if 0 <= start < end <= len(text) and (not phrase or text[start:end].strip()):
        return start, end
    if phrase:
        found = text.find(phrase)
        if found >= 0:
            return found, found + len(phrase)
    return None


def figure_label(figure: Figure) -> str:
    amount = (
        vague_label(figure.vague, figure.qualifier)
        if figure.vague
        else amount_label(figure.low, figure.high, figure.qualifier)
    )
    parts = [figure.kind + ":", amount]
    if figure.subject:
        parts.append(f"({figure.subject})")
    attribution = chain_label(figure.attribution_chain, figure.attributed_to)
    if attribution:
        parts.append(f"according to {attribution}")
    if figure.as_of:
        parts.append(f"as of {date_label(figure.as_of, figure.as_of_precision)}")
    return " ".join(part for part in parts if part)


def quote_label(credit: QuoteCredit | None) -> str:
    return f"quote: {credit.label}" if credit else "quote (speaker unknown)"


def _entity_span(
    mention: EntityMention, text: str, links: Mapping[tuple[str, str], str]
) -> Span | None:
    located = _locate(text, mention.start, mention.end, mention.text)
    if located is None:
        return None
    kind = mention.type.value
    return Span(
        start=located[0],
        end=located[1],
        kind=ENTITY,
        label=f"{entity_type_name(kind)}: {mention.text}",
        link=links.get(entity_key(kind, mention.text)),
    )


def paragraph_spans(
    article: Article,
    analysis: Analysis | None,
    entity_links: Mapping[tuple[str, str], str] | None = None,
    known_names: Iterable[str] = (),
) -> dict[int, list[Span]]:
    """Paragraph index → its highlighted spans, in text order."""
    if analysis is None:
        return {}
    links = entity_links or {}
    texts = {paragraph.index: paragraph.text for paragraph in article.paragraphs}
    spans: dict[int, list[Span]] = {}

    def add(paragraph: int, span: Span | None) -> None:
        if span is not None and paragraph in texts:
            spans.setdefault(paragraph, []).append(span)

    for mention in analysis.entities:
        if mention.paragraph in texts:
            add(mention.paragraph, _entity_span(mention, texts[mention.paragraph], links))
    for figure in analysis.figures:
        if figure.paragraph in texts:
            located = _locate(texts[figure.paragraph], figure.start, figure.end, figure.text)
            if located:
                add(figure.paragraph, Span(*located, kind=FIGURE, label=figure_label(figure)))
    for quote in analysis.quotes:
        if quote.paragraph in texts:
            located = _locate(texts[quote.paragraph], quote.start, quote.end, quote.text)
            if located:
                credit = credit_quote(quote, article, analysis.entities, known_names)
                add(quote.paragraph, Span(*located, kind=QUOTE, label=quote_label(credit)))
    return {index: sorted(found, key=lambda s: (s.start, -s.end)) for index, found in spans.items()}


def _without_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Spans in the order given, skipping any that overlaps one already kept; sorted by start."""
    kept: list[Span] = []
    for span in spans:
        if all(span.end <= other.start or span.start >= other.end for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _flat(text: str, offset: int, spans: list[Span]) -> list[Segment]:
    """``text`` (at ``offset`` in the paragraph) cut around the ``spans`` inside it."""
    pieces: list[Segment] = []
    position = 0
    for span in spans:
        start, end = span.start - offset, span.end - offset
        if start < position or end > len(text):
            continue
        if start > position:
            pieces.append(Segment(text[position:start]))
        pieces.append(Segment(text[start:end], span.kind, span.label, span.link))
        position = end
    if position < len(text):
        pieces.append(Segment(text[position:]))
    return pieces


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """The paragraph as plain and highlighted pieces; quotes contain their entities and figures."""
    spans = list(spans)
    quotes = _without_overlaps(
        sorted((s for s in spans if s.kind == QUOTE), key=lambda s: (s.start, -s.end))
    )
    inner_candidates = sorted(
        (s for s in spans if s.kind != QUOTE),
        key=lambda s: (s.kind != FIGURE, s.start, -s.end),  # figures win over entities
    )
    inner = [
        span
        for span in _without_overlaps(inner_candidates)
        if all(
            (span.start >= q.start and span.end <= q.end)
            or span.end <= q.start
            or span.start >= q.end
            for q in quotes
        )
    ]
    result: list[Segment] = []
    position = 0
    for quote in quotes:
        if quote.start > position:
            result += _flat(text[position : quote.start], position, inner)
        children = _flat(text[quote.start : quote.end], quote.start, inner)
        result.append(
            Segment(text[quote.start : quote.end], QUOTE, quote.label, None, tuple(children))
        )
        position = quote.end
    if position < len(text):
        result += _flat(text[position:], position, inner)
    return result
