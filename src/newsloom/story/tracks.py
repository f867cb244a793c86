"""Figure tracks: how each figure of a story (people killed, injured, arrested …) evolved.

Figures are grouped by (kind, subject) across the story's articles and ordered by the time they
refer to (the figure's ``as_of`` when the analyze stage found one, else the article's publication
date). Within a track:

- copies of the same agency text, near-duplicate articles and identical attributions count once
  (one *report* with every article carrying it as a source);
- reports of compatible values for the same time merge into one value (``at least 8`` and ``8``);
- a later report of the same value **confirms** it; a later report with a new value (even one an
  open-ended earlier statement allowed: ``at least 12`` then ``19``) is an **update**; different
  values for the same day from different sources are a **disagreement**; when the time cannot
  tell them apart (a month-precision date, no date) the change is **unclear**.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from newsloom.records import Article, DatePrecision, Figure
from newsloom.story.copies import CopyGroups

FIRST = "first"
UPDATE = "update"
CONFIRMED = "confirmed"
DISAGREEMENT = "disagreement"
UNCLEAR = "unclear"

# Subjects that say nothing more than "people": figures with them share the kind's general track.
GENERIC_SUBJECTS = frozenset(("", "people", "persons", "person", "individuals"))
_CONJUNCTION = re.compile(r"\s*(?:,|&|\band\b|\bog\b|\boch\b|\by\b)\s*")
_PRECISE = (DatePrecision.DAY, DatePrecision.NIGHT, DatePrecision.TIME)
_AT_LEAST = ("at least", "more than", "over", "at_least", "more_than", "minimum", "upwards of")
_AT_MOST = ("up to", "at most", "less than", "fewer than", "under", "up_to", "at_most", "maximum")
_ABOUT = ("about", "around", "approximately", "nearly", "almost", "some", "roughly")


@dataclass(frozen=True, slots=True)
class FigureSource:
    """One article stating a figure."""

    article: str
    paragraph: int
    text: str  # the phrase stating the figure in this article
    attributed_to: str | None
    outlet: str | None
    published: datetime | None
    copy: bool = False  # the text is a copy of another source's (agency text, near-duplicate)


@dataclass(frozen=True, slots=True)
class TrackValue:
    """A value of a figure at one time, with every article that states it."""

    low: float
    high: float
    qualifier: str | None
    text: str
    as_of: date | None
    precision: DatePrecision | None
    change: str  # first | update | confirmed | disagreement | unclear
    sources: tuple[FigureSource, ...]
    independent_sources: int  # copies of the same text count once

    @property
    def attributions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.attributed_to for s in self.sources if s.attributed_to))


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Different values for the same time from different sources."""

    as_of: date
    precision: DatePrecision
    values: tuple[TrackValue, ...]


@dataclass(frozen=True, slots=True)
class FigureTrack:
    kind: str
    subject: str | None
    values: tuple[TrackValue, ...]
    disagreements: tuple[Disagreement, ...]

    @property
    def latest(self) -> TrackValue:
        return self.values[-1]


@dataclass(frozen=True, slots=True)
class FigureMention:
    """A figure as found in one article (the input of :func:`build_tracks`)."""

    article: Article
    figure: Figure


@dataclass(slots=True)
class _Report:
    """Mentions of one value that are one report: copies, repeats and identical attributions."""

    mentions: list[FigureMention]

    @property
    def first(self) -> FigureMention:
        return min(self.mentions, key=_mention_order)

    @property
    def when(self) -> tuple[date | None, DatePrecision | None]:
        return reference_time(self.first)


def reference_time(mention: FigureMention) -> tuple[date | None, DatePrecision | None]:
    """The time a figure refers to: its ``as_of`` or its article's publication day, the later.

    A count stated in a later article ("five are now confirmed dead after the fire on the night
    to Tuesday") is the count as it stood when that article was published, not on the day of the
    event its sentence dates; a count dated after a month-precision publication date keeps its day.
    """
    figure = mention.figure
    published = mention.article.published
    precision = mention.article.published_precision or DatePrecision.DAY
    if precision == DatePrecision.TIME:
        precision = DatePrecision.DAY
    publication = (published.date(), precision) if published is not None else None
    if figure.as_of is None:
        return publication if publication is not None else (None, None)
    as_of = (figure.as_of, figure.as_of_precision or DatePrecision.DAY)
    if publication is None or publication[1] not in _PRECISE or publication[0] <= as_of[0]:
        return as_of
    return publication


def value_range(figure: Figure) -> tuple[float, float]:
    """The interval of counts the figure allows, with its qualifier taken into account."""
    low, high = figure.low, max(figure.high, figure.low)
    qualifier = (figure.qualifier or "").casefold()
    if any(word in qualifier for word in _AT_LEAST):
        return low, math.inf
    if any(word in qualifier for word in _AT_MOST):
        return 0.0, high
    if any(word in qualifier for word in _ABOUT):
        return low * 0.85, high * 1.15
    return low, high


def compatible(first: Figure, second: Figure) -> bool:
    """Whether two statements of a figure can both be true at the same time."""
    first_low, first_high = value_range(first)
    second_low, second_high = value_range(second)
    return first_low <= second_high and second_low <= first_high


def build_tracks(
    mentions: Iterable[FigureMention], copies: CopyGroups | None = None
) -> tuple[FigureTrack, ...]:
    """Group figures into tracks by (kind, subject) and tell updates from disagreements."""
    copies = copies or CopyGroups()
    mentions = list(mentions)
    copies.attach_articles({m.article.id: m.article for m in mentions}.values())
    keys = {_track_key(mention.figure) for mention in mentions}
    by_key: dict[tuple[str, str], list[FigureMention]] = {}
    for mention in mentions:
        by_key.setdefault(_merged_key(_track_key(mention.figure), keys), []).append(mention)
    tracks = [_build_track(key[1], group, copies) for key, group in by_key.items()]
    tracks.sort(key=lambda track: (-_independent(track), track.kind, track.subject or ""))
    return tuple(tracks)


def _independent(track: FigureTrack) -> int:
    return sum(value.independent_sources for value in track.values)


def _track_key(figure: Figure) -> tuple[str, str]:
    subject = " ".join((figure.subject or "").casefold().split())
    return figure.kind.casefold().strip(), "" if subject in GENERIC_SUBJECTS else subject


def _merged_key(key: tuple[str, str], keys: set[tuple[str, str]]) -> tuple[str, str]:
    """A compound subject ("police and military") joins the track of its first part ("police")
    when the story has one."""
    kind, subject = key
    parts = [part.strip() for part in _CONJUNCTION.split(subject) if part.strip()]
    if len(parts) > 1 and (kind, parts[0]) in keys:
        return kind, parts[0]
    return key


def _mention_order(mention: FigureMention) -> tuple[int, str, str, int]:
    published = mention.article.published
    stamp = published.replace(tzinfo=None).isoformat() if published else ""
    return (0 if published else 1, stamp, mention.article.id, mention.figure.paragraph)


def _same_report(first: FigureMention, second: FigureMention, copies: CopyGroups) -> bool:
    if (first.figure.low, first.figure.high) != (second.figure.low, second.figure.high):
        return False
    if first.article.id == second.article.id:
        return True  # an article repeating its own figure (caption and body, lead and body)
    if copies.same_text(
        (first.article.id, first.figure.paragraph), (second.article.id, second.figure.paragraph)
    ):
        return True
    attribution = _normal(first.figure.attributed_to)
    return (
        bool(attribution)
        and attribution == _normal(second.figure.attributed_to)
        and (_normal(first.figure.text) == _normal(second.figure.text))
    )


def _normal(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def _reports(mentions: Sequence[FigureMention], copies: CopyGroups) -> list[_Report]:
    reports: list[_Report] = []
    for mention in sorted(mentions, key=_mention_order):
        for report in reports:
            if any(_same_report(mention, other, copies) for other in report.mentions):
                report.mentions.append(mention)
                break
        else:
            reports.append(_Report([mention]))
    return reports


def _slot(report: _Report) -> tuple[int, date, str]:
    when, precision = report.when
    if when is None or precision is None:
        return (1, date.max, "")
    return (0, when, str(precision) if precision not in _PRECISE else "precise")


def _build_track(
    subject_key: str, mentions: Sequence[FigureMention], copies: CopyGroups
) -> FigureTrack:
    slots: dict[tuple[int, date, str], list[_Report]] = {}
    for report in _reports(mentions, copies):
        slots.setdefault(_slot(report), []).append(report)
    values: list[TrackValue] = []
    disagreements: list[Disagreement] = []
    previous: TrackValue | None = None
    for slot in sorted(slots, key=lambda key: (key[0], key[1], key[2] == "precise")):
        precise = slot[2] == "precise"
        merged = _merge_compatible(slots[slot])
        slot_values: list[TrackValue] = []
        for group in merged:
            change = _change(previous, group, precise, len(merged) > 1)
            value = _track_value(group, change, copies)
            slot_values.append(value)
        if precise and len(slot_values) > 1:
            when, precision = merged[0][0].when
            assert when is not None
            assert precision is not None
            disagreements.append(Disagreement(when, precision, tuple(slot_values)))
        values.extend(slot_values)
        # after a disagreement, the value most independent sources gave is what later reports
        # confirm or update
        previous = max(slot_values, key=lambda value: value.independent_sources)
    subject = next(
        (m.figure.subject for m in mentions if _track_key(m.figure)[1] == subject_key), None
    )
    if not subject_key:
        subject = None
    return FigureTrack(mentions[0].figure.kind, subject, tuple(values), tuple(disagreements))


def _merge_compatible(reports: Sequence[_Report]) -> list[list[_Report]]:
    groups: list[list[_Report]] = []
    for report in sorted(reports, key=lambda r: _mention_order(r.first)):
        for group in groups:
            if all(compatible(report.first.figure, other.first.figure) for other in group):
                group.append(report)
                break
        else:
            groups.append([report])
    return groups


def _change(
    previous: TrackValue | None, group: Sequence[_Report], precise: bool, split: bool
) -> str:
    if split:
        return DISAGREEMENT if precise else UNCLEAR
    if previous is None:
        return FIRST
    figure = group[0].first.figure
    if (figure.low, figure.high) == (previous.low, previous.high):
        return CONFIRMED
    comparable = precise and previous.precision in _PRECISE
    return UPDATE if comparable else UNCLEAR


def _track_value(group: Sequence[_Report], change: str, copies: CopyGroups) -> TrackValue:
    mentions = sorted((m for report in group for m in report.mentions), key=_mention_order)
    # The most specific statement stands for the group: a closed range beats an open one.
    representative = min(
        (report.first for report in group),
        key=lambda m: (value_range(m.figure)[1] - value_range(m.figure)[0], _mention_order(m)),
    )
    when, precision = reference_time(mentions[0])
    origins: set[tuple[str, int]] = set()
    sources: list[FigureSource] = []
    for mention in mentions:
        origin = copies.origin(mention.article.id, mention.figure.paragraph)
        seen_article = any(s.article == mention.article.id for s in sources)
        if seen_article:
            continue
        sources.append(
            FigureSource(
                article=mention.article.id,
                paragraph=mention.figure.paragraph,
                text=mention.figure.text,
                attributed_to=mention.figure.attributed_to,
                outlet=mention.article.source,
                published=mention.article.published,
                copy=origin in origins,
            )
        )
        origins.add(origin)
    figure = representative.figure
    return TrackValue(
        low=figure.low,
        high=figure.high,
        qualifier=figure.qualifier,
        text=figure.text,
        as_of=when,
        precision=precision,
        change=change,
        sources=tuple(sources),
        independent_sources=len(group),
    )
