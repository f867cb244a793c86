"""The story's timeline: dated events, one line each, in order, at the right precision, cited.

An event is a body sentence carrying a resolved time expression (from the analyze stage). The same
event told by several articles (agency copies, light edits) becomes one line citing all of them.
Each line keeps the precision of its date: a day, a night (``natten til torsdag``), a month, a year.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz

from newsloom.dates import date_label
from newsloom.records import Analysis, Article, DatePrecision, ParagraphKind, TimeExpression
from newsloom.story.copies import CopyGroups
from newsloom.story.sentences import Sentence, article_sentences, find_sentence, text_key
from newsloom.time_order import publication_key

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
# A sentence that only names the source of the one before it: a pronoun and a verb of saying
# ("Det opplyser X til NTB fredag.", "This was confirmed by X on Monday.", "It said so on Friday.").
_ATTRIBUTION_ONLY = re.compile(
    r"^\W*(?:det|dette|detta|this|that|it|så|so)\s+(?:\w+\s+)?"
    r"(?:opplyser|opplyste|oplyser|oplyste|sier|sa|siger|sagde|säger|sade|uppger|uppgav|"
    r"meddeler|meddelte|meddelar|meddelade|bekrefter|bekreftet|bekræfter|bekræftede|"
    r"bekräftar|bekräftade|skriver|skrev|melder|meldte|rapporterer|rapporterte|"
    r"upplyser|opplyser|said|says|told|confirmed|confirms|reported|reports|was\s+\w+\s+by)\b",
    re.IGNORECASE,
)
SHORT_SENTENCE_WORDS = 6  # a dated sentence this short borrows the sentence before it
SAME_EVENT = 88.0  # rapidfuzz ratio of two sentences' text keys above which they are one event
MAX_EVENTS = 60  # a timeline longer than this keeps its best-supported events
BACKGROUND_DAYS = 7  # events ending this long before the story's first article are background
SAME_EVENT_ACROSS = 0.45  # weighted share of stems and numbers that makes two tellings one event
STEM_LETTERS = 4
# Spellings that differ across the languages for one sound (kaptajn/captain, politi/police).
_SOUNDS = (("th", "t"), ("ph", "f"), ("c", "k"), ("q", "k"), ("w", "v"), ("z", "s"))
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l"})
# Number words of the languages newsloom reads most, so "tre" and "3" and "three" match.
_NUMBER_WORDS = {
    word: str(value)
    for value, spelled in enumerate(
        (
            "",
            "one én éin",
            "two to två tvo",
            "three tre",
            "four fire fyra",
            "five fem",
            "six seks sex",
            "seven syv sju",
            "eight otte åtte åtta",
            "nine ni nio",
            "ten ti tio",
        )
    )
    for word in spelled.split()
}


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


def event_tokens(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Language-independent tokens of a sentence: the first letters of its longer words, lower-cased
    and with diacritics folded (cognates across da/nb/nn/sv/en share them, names always do), and
    its numbers (digits and number words). Returns (stems, numbers)."""
    stems: set[str] = set()
    numbers: set[str] = set()
    for token in re.findall(r"\w+", text.casefold()):
        if token.isdigit():
            numbers.add(token.lstrip("0") or "0")
        elif (number := _NUMBER_WORDS.get(token)) is not None:
            numbers.add(number)
        elif len(token) >= 4:
            folded = unicodedata.normalize("NFKD", token.translate(_FOLD))
            folded = "".join(c for c in folded if not unicodedata.combining(c))
            for spelling, sound in _SOUNDS:
                folded = folded.replace(spelling, sound)
            stems.add(folded[:STEM_LETTERS])
    return frozenset(stems), frozenset(numbers)


def event_similarity(
    first: tuple[frozenset[str], frozenset[str]],
    second: tuple[frozenset[str], frozenset[str]],
    weight: Mapping[str, float],
) -> float:
    """How much of the shorter telling the other shares, rare stems weighing more (0 when both
    give numbers and none agree)."""
    if first[1] and second[1] and not first[1] & second[1]:
        return 0.0
    tokens_first = first[0] | {f"#{n}" for n in first[1]}
    tokens_second = second[0] | {f"#{n}" for n in second[1]}
    total_first = sum(weight.get(t, 1.0) for t in tokens_first)
    total_second = sum(weight.get(t, 1.0) for t in tokens_second)
    if not total_first or not total_second:
        return 0.0
    shared = sum(weight.get(t, 1.0) for t in tokens_first & tokens_second)
    return shared / min(total_first, total_second)


def split_background(
    events: Sequence[TimelineEvent], first_seen: date | None, days: int = BACKGROUND_DAYS
) -> tuple[tuple[TimelineEvent, ...], tuple[TimelineEvent, ...]]:
    """(the story's events, background): events whose period ends more than ``days`` before the
    story's first article ("built in 2009", a drill weeks earlier) are background."""
    if first_seen is None:
        return tuple(events), ()
    main: list[TimelineEvent] = []
    background: list[TimelineEvent] = []
    for event in events:
        (background if (first_seen - _period_end(event)).days > days else main).append(event)
    return tuple(main), tuple(background)


def _period_end(event: TimelineEvent) -> date:
    if event.precision == DatePrecision.YEAR:
        return date(event.date.year, 12, 31)
    if event.precision == DatePrecision.MONTH:
        following = date(event.date.year + event.date.month // 12, event.date.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return event.date


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """A body sentence and the date it tells about."""

    sentence: Sentence
    date: date
    precision: DatePrecision
    expression: str  # the time expression, "" when the date is the publication date
    inferred: bool = False


def format_date(value: date, precision: DatePrecision) -> str:
    """An event's or a figure's date for people (:func:`newsloom.dates.date_label`)."""
    return date_label(value, precision)


CHRONOLOGY_MIN_HEADS = 3  # paragraphs headed by a date that make an article a chronology


def chronology_dates(article: Article, times: Iterable[TimeExpression]) -> set[date]:
    """The days heading paragraphs of a chronology (``16 de enero: …``, ``4. januar – …``).

    An article is a chronology when at least :data:`CHRONOLOGY_MIN_HEADS` distinct days open its
    body or heading paragraphs; an editor picked those days as the story's key dates. Fewer, and
    the article is ordinary prose (no days returned).
    """
    kinds = {p.index: p.kind for p in article.paragraphs}
    heads = {
        expression.value
        for expression in times
        if expression.value is not None
        and expression.rule == "absolute"
        and expression.precision == DatePrecision.DAY
        and expression.start <= 2
        and kinds.get(expression.paragraph) in (ParagraphKind.BODY, ParagraphKind.HEADING)
    }
    return heads if len(heads) >= CHRONOLOGY_MIN_HEADS else set()


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
        if sentence is None:
            continue  # names a source and nothing else happened in it
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


def _with_context(sentence: Sentence, sentences: Sequence[Sentence]) -> Sentence | None:
    """A short sentence that only dates or attributes the one before it ("The ministry said so on
    Thursday.", "Det opplyser politiet til NTB fredag.") is told together with that sentence, which
    says what happened; an attribution with nothing before it to attribute is no event (None)."""
    attribution = bool(_ATTRIBUTION_ONLY.match(sentence.text))
    if len(sentence.text.split()) > SHORT_SENTENCE_WORDS and not attribution:
        return sentence
    index = sentences.index(sentence)
    previous = sentences[index - 1] if index > 0 else None
    if (
        previous is None
        or previous.article != sentence.article
        or sentence.paragraph - previous.paragraph > 1
    ):
        return None if attribution else sentence
    if previous.paragraph != sentence.paragraph:
        return replace(previous, text=f"{previous.text} {sentence.text}")
    return replace(previous, end=sentence.end, text=f"{previous.text} {sentence.text}")


def build_timeline(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    copies: CopyGroups | None = None,
    max_per_date: int = 6,
    max_events: int = MAX_EVENTS,
    language: str | None = None,
) -> tuple[TimelineEvent, ...]:
    """The story's dated events in order, deduplicated across copies, each citing its articles.

    The same event told in several languages or by several outlets is one line, in ``language``
    (the story's main language) when one of its tellings is. A big story keeps its ``max_events``
    best-supported events (most independent sources first).
    """
    copies = copies or CopyGroups()
    copies.attach_articles(articles)
    order = {article.id: rank for rank, article in enumerate(sorted(articles, key=publication_key))}
    candidates: list[DatedSentence] = []
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        candidates.extend(dated_sentences(article, analysis.times))
    languages = {article.id: article.language for article in articles}
    events = merge_events(candidates, copies, order, max_per_date, languages, language)
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
    languages: Mapping[str, str | None] | None = None,
    language: str | None = None,
) -> tuple[TimelineEvent, ...]:
    """One event per (date, precision) and sentence text; near-identical sentences merge, and so do
    tellings in other words or languages that share most of their stems, names and numbers."""
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
    weight = _stem_weights(candidates)
    events: list[TimelineEvent] = []
    for (when, precision), slot in groups.items():
        slot = _merge_tellings(slot, weight)
        ranked = sorted(slot, key=lambda group: _event_rank(group, copies))
        for group in ranked[:max_per_date]:
            events.append(_event(when, precision, group, copies, order, languages, language))
    events.sort(key=lambda e: (e.date, _PRECISION_ORDER[e.precision], -e.independent_sources))
    return tuple(events)


def _stem_weights(candidates: Sequence[DatedSentence]) -> dict[str, float]:
    """Rare tokens weigh more: a story's own names appear in most of its sentences."""
    frequency: Counter[str] = Counter()
    for candidate in candidates:
        stems, numbers = event_tokens(candidate.sentence.text)
        frequency.update(stems | {f"#{n}" for n in numbers})
    total = max(1, len(candidates))
    return {token: math.log(1 + total / count) for token, count in frequency.items()}


def _merge_tellings(
    slot: list[list[DatedSentence]], weight: Mapping[str, float]
) -> list[list[DatedSentence]]:
    """Join groups of one date whose sentences tell the same event in other words or languages."""
    tokens = [event_tokens(group[0].sentence.text) for group in slot]
    merged: list[list[DatedSentence]] = []
    merged_tokens: list[list[tuple[frozenset[str], frozenset[str]]]] = []
    for group, group_tokens in zip(slot, tokens, strict=True):
        articles = {d.sentence.article for d in group}
        for index, target in enumerate(merged):
            if articles & {d.sentence.article for d in target}:
                continue  # one article tells distinct events in distinct sentences
            if all(
                event_similarity(group_tokens, other, weight) >= SAME_EVENT_ACROSS
                for other in merged_tokens[index]
            ):
                target.extend(group)
                merged_tokens[index].append(group_tokens)
                break
        else:
            merged.append(list(group))
            merged_tokens.append([group_tokens])
    return merged


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
    languages: Mapping[str, str | None] | None = None,
    language: str | None = None,
) -> TimelineEvent:
    articles = sorted({d.sentence.article for d in group}, key=lambda a: (order.get(a, 0), a))
    languages = languages or {}
    told = next(
        (d for d in group if language and languages.get(d.sentence.article) == language), None
    )
    return TimelineEvent(
        date=when,
        precision=precision,
        text=(told or group[0]).sentence.text,
        articles=tuple(articles),
        independent_sources=copies.independent(
            (d.sentence.article, d.sentence.paragraph) for d in group
        ),
        inferred=all(d.inferred for d in group),
    )
