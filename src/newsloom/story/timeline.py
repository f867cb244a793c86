"""The story's timeline: dated events, one line each, in order, at the right precision, cited.

An event is a body sentence carrying a resolved time expression (from the analyze stage). The same
event told by several articles (agency copies, light edits) becomes one line citing all of them.
Each line keeps the precision of its date: a day, a night (``natten til torsdag``), a month, a year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz

from newsloom.records import Analysis, Article, DatePrecision, ParagraphKind, TimeExpression
from newsloom.story.copies import CopyGroups
from newsloom.story.sentences import Sentence, article_sentences, find_sentence, text_key

# A night is named after the morning it ends in ("the night to Thursday"), so it comes before that
# day's events; months and years come before the days they contain.
_PRECISION_ORDER = {
    DatePrecision.YEAR: 0,
    DatePrecision.MONTH: 1,
    DatePrecision.NIGHT: 2,
    DatePrecision.DAY: 3,
    DatePrecision.TIME: 3,
}
# Prepositions that make a date a deadline rather than an event ("in force until 19 January").
_UNTIL = re.compile(
    r"\b(?:(?:frem|fram)\s+till?|indtil|inntil|until|till|tills|hasta|bis|jusqu'?au?|"
    r"til\s+og\s+med|till\s+och\s+med)\s+(?:den\s+|el\s+|the\s+)?$",
    re.IGNORECASE,
)
SHORT_SENTENCE_WORDS = 6  # a dated sentence this short borrows the sentence before it
SAME_EVENT = 88.0  # rapidfuzz ratio of two sentences' text keys above which they are one event
MAX_EVENTS = 60  # a timeline longer than this keeps its best-supported events


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: date  # first day of the period for month and year precision; the morning for a night
    precision: DatePrecision
    text: str
    articles: tuple[str, ...]  # every article that tells it, earliest first
    independent_sources: int = 1  # copies of the same agency text count once
    inferred: bool = False  # resolved against an inferred publication date

    @property
    def label(self) -> str:
        return format_date(self.date, self.precision)


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """A body sentence and the date it tells about."""

    sentence: Sentence
    date: date
    precision: DatePrecision
    expression: str  # the time expression, "" when the date is the publication date
    inferred: bool = False


def format_date(value: date, precision: DatePrecision) -> str:
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    if precision == DatePrecision.NIGHT:
        return f"night to {value.isoformat()}"
    return value.isoformat()


def dated_sentences(
    article: Article,
    times: Iterable[TimeExpression],
    sentences: Sequence[Sentence] | None = None,
) -> list[DatedSentence]:
    """Each body sentence with a resolved time expression, dated by its most precise expression."""
    if sentences is None:
        sentences = list(article_sentences(article))
    paragraphs = {p.index: p for p in article.paragraphs}
    best: dict[tuple[int, int], DatedSentence] = {}
    for expression in times:
        if expression.value is None or expression.precision is None:
            continue
        paragraph = paragraphs.get(expression.paragraph)
        if paragraph is None or paragraph.kind != ParagraphKind.BODY:
            continue
        if _UNTIL.search(paragraph.text[max(0, expression.start - 24) : expression.start]):
            continue
        sentence = find_sentence(sentences, expression.paragraph, expression.start)
        if sentence is None:
            continue
        if sentence.text.rstrip().endswith(":"):
            continue  # it introduces what follows (a post, a quote): not an event by itself
        sentence = _with_context(sentence, sentences)
        candidate = DatedSentence(
            sentence, expression.value, expression.precision, expression.text, expression.inferred
        )
        key = (sentence.paragraph, sentence.start)
        current = best.get(key)
        if (
            current is None
            or _PRECISION_ORDER[candidate.precision] > _PRECISION_ORDER[current.precision]
        ):
            best[key] = candidate
    return sorted(best.values(), key=lambda d: (d.sentence.paragraph, d.sentence.start))


def _with_context(sentence: Sentence, sentences: Sequence[Sentence]) -> Sentence:
    """A short sentence that only dates or attributes the one before it ("The ministry said so on
    Thursday.") is told together with that sentence, which says what happened."""
    if len(sentence.text.split()) > SHORT_SENTENCE_WORDS:
        return sentence
    index = sentences.index(sentence)
    if index == 0:
        return sentence
    previous = sentences[index - 1]
    if previous.article != sentence.article or sentence.paragraph - previous.paragraph > 1:
        return sentence
    if previous.paragraph != sentence.paragraph:
        return replace(previous, text=f"{previous.text} {sentence.text}")
    return replace(previous, end=sentence.end, text=f"{previous.text} {sentence.text}")


def build_timeline(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    copies: CopyGroups | None = None,
    max_per_date: int = 6,
    max_events: int = MAX_EVENTS,
) -> tuple[TimelineEvent, ...]:
    """The story's dated events in order, deduplicated across copies, each citing its articles.

    A big story keeps its ``max_events`` best-supported events (most independent sources first).
    """
    copies = copies or CopyGroups()
    copies.attach_articles(articles)
    order = {article.id: rank for rank, article in enumerate(sorted(articles, key=_published_key))}
    candidates: list[DatedSentence] = []
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        candidates.extend(dated_sentences(article, analysis.times))
    events = merge_events(candidates, copies, order, max_per_date)
    if len(events) <= max_events:
        return events
    ranked = sorted(
        range(len(events)),
        key=lambda index: (
            -events[index].independent_sources,
            -len(events[index].articles),
            -_PRECISION_ORDER[events[index].precision],
            index,
        ),
    )
    return tuple(events[index] for index in sorted(ranked[:max_events]))


def merge_events(
    candidates: Sequence[DatedSentence],
    copies: CopyGroups,
    order: Mapping[str, int],
    max_per_date: int,
) -> tuple[TimelineEvent, ...]:
    """One event per (date, precision) and sentence text; near-identical sentences merge."""
    groups: dict[tuple[date, DatePrecision], list[list[DatedSentence]]] = {}
    for candidate in sorted(
        candidates, key=lambda c: (order.get(c.sentence.article, 0), c.sentence.position)
    ):
        slot = groups.setdefault((candidate.date, candidate.precision), [])
        key = text_key(candidate.sentence.text)
        for group in slot:
            if _same_event(key, group, candidate, copies):
                group.append(candidate)
                break
        else:
            slot.append([candidate])
    events: list[TimelineEvent] = []
    for (when, precision), slot in groups.items():
        ranked = sorted(slot, key=lambda group: _event_rank(group, copies))
        for group in ranked[:max_per_date]:
            events.append(_event(when, precision, group, copies, order))
    events.sort(key=lambda e: (e.date, _PRECISION_ORDER[e.precision], -e.independent_sources))
    return tuple(events)


def _same_event(
    key: str, group: Sequence[DatedSentence], candidate: DatedSentence, copies: CopyGroups
) -> bool:
    first = group[0]
    if text_key(first.sentence.text) == key:
        return True
    linked = copies.same_text(
        (first.sentence.article, first.sentence.paragraph),
        (candidate.sentence.article, candidate.sentence.paragraph),
    )
    threshold = SAME_EVENT - 10 if linked else SAME_EVENT
    return fuzz.ratio(text_key(first.sentence.text), key) >= threshold


def _event_rank(group: Sequence[DatedSentence], copies: CopyGroups) -> tuple[int, int, int]:
    support = copies.independent((d.sentence.article, d.sentence.paragraph) for d in group)
    articles = len({d.sentence.article for d in group})
    return (-support, -articles, min(d.sentence.position for d in group))


def _event(
    when: date,
    precision: DatePrecision,
    group: Sequence[DatedSentence],
    copies: CopyGroups,
    order: Mapping[str, int],
) -> TimelineEvent:
    articles = sorted({d.sentence.article for d in group}, key=lambda a: (order.get(a, 0), a))
    return TimelineEvent(
        date=when,
        precision=precision,
        text=group[0].sentence.text,
        articles=tuple(articles),
        independent_sources=copies.independent(
            (d.sentence.article, d.sentence.paragraph) for d in group
        ),
        inferred=all(d.inferred for d in group),
    )


def _published_key(article: Article) -> tuple[int, str, str]:
    if article.published is None:
        return (1, "", article.id)
    return (0, article.published.replace(tzinfo=None).isoformat(), article.id)
