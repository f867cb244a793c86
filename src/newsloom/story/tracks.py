"""Figure tracks: how each figure of a story (people killed, injured, arrested …) evolved.

Figures are grouped by (kind, subject) across the story's articles and ordered by the time they
refer to (the figure's ``as_of`` when the analyze stage found one, else the article's publication
date). Within a track:

- copies of the same agency text, near-duplicate articles and identical attributions count once
  (one *report* with every article carrying it as a source);
- reports of compatible values for the same time merge into one value (``at least 8`` and ``8``);
- a later report of the same value **confirms** it; a later report with a new value (even one an
  open-ended earlier statement allowed: ``at least 12`` then ``19``) is an **update**; different
  values for the same time from independent sources (different outlets, not copies) are a
  **disagreement**; when the time cannot tell them apart (a month-precision date, no date) the
  change is **unclear**.

What a statement claims is read before it is compared:

- its time is the time of the count, not of the event it follows from: in "five are now dead after
  the fire on the night to Tuesday" the night dates the fire, so the count stands as of the
  article's day; a time that dates the count itself ("on Tuesday two were dead", in Wednesday's
  paper) makes the statement a **restatement** of that earlier day, shown but never a claim;
- an increment ("three more bodies were found") is **partial**, not a total;
- when one source (an article, for one attribution) states several values of a figure for the same
  day, its largest, most specific statement is its claim and the others are **context**;
- a value that repeats one an earlier day already reported, while other sources have moved on, is a
  stale **restatement** rather than a disagreement;
- within a day, when articles carry their time, a value that no source states any more once a new
  one appears was updated, not contradicted.

Restatements, partial counts and context are kept, with their sources, in ``FigureTrack.context``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from newsloom.records import Article, DatePrecision, Figure
from newsloom.story.copies import CopyGroups
from newsloom.story.figure_claims import KIND_PARENTS, read_claims, vague_phrase
from newsloom.story.figure_reading import (
    PRECISE,
    FigureMention,
    compatible,
    is_partial,
    read_time,
    reference_time,
    value_range,
)
from newsloom.story.track_records import (
    CONFIRMED,
    CONTEXT,
    DISAGREEMENT,
    FIRST,
    PARTIAL,
    RESTATED,
    UNCLEAR,
    UPDATE,
    Disagreement,
    FigureSource,
    FigureTrack,
    TrackValue,
)
from newsloom.time_order import as_utc, publication_key

__all__ = [
    "FigureMention",
    "build_tracks",
    "compatible",
    "is_partial",
    "read_time",
    "reference_time",
    "value_range",
]

# Subjects that say nothing more than "people": figures with them share the kind's general track.
GENERIC_SUBJECTS = frozenset(("", "people", "persons", "person", "individuals"))
_CONJUNCTION = re.compile(r"\s*(?:,|&|\band\b|\bog\b|\boch\b|\by\b)\s*")


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


def build_tracks(
    mentions: Iterable[FigureMention], copies: CopyGroups | None = None
) -> tuple[FigureTrack, ...]:
    """Group figures into tracks by what they claim (kind, subject: see
    :mod:`newsloom.story.figure_claims`) and tell updates from disagreements."""
    copies = copies or CopyGroups()
    mentions = list(mentions)
    copies.attach_articles({m.article.id: m.article for m in mentions}.values())
    claims = read_claims(mentions)
    keys = {_track_key(mention.figure) for mention in claims.mentions}
    by_key: dict[tuple[str, str], list[FigureMention]] = {}
    for mention in claims.mentions:
        by_key.setdefault(_merged_key(_track_key(mention.figure), keys), []).append(mention)
    tracks = [
        replace(
            _build_track(key[1], group, copies),
            part_of=KIND_PARENTS.get(key[0]),
            also_called=claims.aliases.get(key[1], ()),
        )
        for key, group in by_key.items()
    ]
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


def _mention_order(mention: FigureMention) -> tuple[int, float, str, int]:
    return (*publication_key(mention.article), mention.figure.paragraph)


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


@dataclass(frozen=True, slots=True)
class _Reading:
    """A mention with the time it refers to and its role: a claim ("") or context."""

    mention: FigureMention
    slot: tuple[int, date, str]
    role: str  # "" for a claim, else PARTIAL or CONTEXT
    restated: bool = False  # about a day before its article's: its publication time says nothing


def _read(mention: FigureMention) -> _Reading:
    when, precision, earlier = read_time(mention)
    role = PARTIAL if is_partial(mention) else ""
    if when is None or precision is None:
        return _Reading(mention, (1, date.max, ""), role, earlier)
    slot = (0, when, str(precision) if precision not in PRECISE else "precise")
    return _Reading(mention, slot, role, earlier)


def _build_track(
    subject_key: str, mentions: Sequence[FigureMention], copies: CopyGroups
) -> FigureTrack:
    slots: dict[tuple[int, date, str], list[_Reading]] = {}
    for reading in map(_read, mentions):
        slots.setdefault(reading.slot, []).append(reading)
    values: list[TrackValue] = []
    context: list[TrackValue] = []
    disagreements: list[Disagreement] = []
    previous: TrackValue | None = None
    reported: set[tuple[float, float]] = set()  # values claimed on earlier days
    for slot in sorted(slots, key=lambda key: (key[0], key[1], key[2] == "precise")):
        precise = slot[2] == "precise"
        claims, side = _main_claims(slots[slot])
        groups = _merge_compatible(_reports([r.mention for r in claims], copies))
        stale = [g for g in groups if any(_amount(r.first) in reported for r in g)]
        if stale and len(stale) < len(groups):
            groups = [g for g in groups if g not in stale]
            context.extend(_track_value(g, RESTATED, copies) for g in stale)
        statements = [r for r in slots[slot] if r.role != PARTIAL]
        conflicting = _conflicts(groups, statements, copies, precise)
        slot_values: list[TrackValue] = []
        for index, group in enumerate(groups):
            if index in conflicting:
                change = DISAGREEMENT if precise else UNCLEAR
                slot_values.append(_track_value(group, change, copies))
                continue
            value = _track_value(group, _change(previous, group, precise), copies)
            slot_values.append(value)
            previous = value
        disagreeing = [v for v in slot_values if v.change == DISAGREEMENT]
        if len(disagreeing) > 1:
            first = next(i for i, g in enumerate(groups) if i in conflicting)
            when, precision = groups[first][0].when
            assert when is not None
            assert precision is not None
            disagreements.append(Disagreement(when, precision, tuple(disagreeing)))
        if conflicting:
            # after a disagreement, the value most independent sources gave is what later reports
            # confirm or update
            previous = max(slot_values, key=lambda value: value.independent_sources)
        values.extend(slot_values)
        reported.update(_amount(r.first) for g in groups for r in g)
        for role in (PARTIAL, CONTEXT):
            side_reports = _reports([r.mention for r in side if r.role == role], copies)
            context.extend(_track_value([report], role, copies) for report in side_reports)
    subject = next(
        (m.figure.subject for m in mentions if _track_key(m.figure)[1] == subject_key), None
    )
    if not subject_key:
        subject = None
    return FigureTrack(
        mentions[0].figure.kind, subject, tuple(values), tuple(disagreements), tuple(context)
    )


def _amount(mention: FigureMention) -> tuple[float, float]:
    return mention.figure.low, mention.figure.high


def _main_claims(readings: Sequence[_Reading]) -> tuple[list[_Reading], list[_Reading]]:
    """Each source's claim for the day, and everything else as context.

    A source is an article. When it states several values, its largest, most specific one is its
    claim ("the toll rose from three to five", "27 arrested in all, 11 of them in Malmö"); the
    others are context. An article weighing two authorities' counts loses one of them here, but
    the articles that report each count on its own still disagree.
    """
    claims: dict[str, list[_Reading]] = {}
    side = [r for r in readings if r.role]
    for reading in readings:
        if not reading.role:
            claims.setdefault(reading.mention.article.id, []).append(reading)
    chosen: list[_Reading] = []
    for group in claims.values():
        main = _amount(max(group, key=_claim_strength).mention)
        for reading in group:
            if _amount(reading.mention) == main:
                chosen.append(reading)
            else:
                side.append(_Reading(reading.mention, reading.slot, CONTEXT, reading.restated))
    return chosen, side


def _claim_strength(reading: _Reading) -> tuple[bool, float, float]:
    """A number before a vague range ("dozens"), then the larger."""
    figure = reading.mention.figure
    low, high = figure.low, max(figure.low, figure.high)
    specific = high - low <= max(1.0, 0.2 * low)
    return specific, low, -(high - low)


def _conflicts(
    groups: Sequence[Sequence[_Report]],
    statements: Sequence[_Reading],
    copies: CopyGroups,
    precise: bool,
) -> set[int]:
    """The groups that disagree with another: incompatible values from independent sources
    standing at the same time."""
    conflicting: set[int] = set()
    for first in range(len(groups)):
        for second in range(first + 1, len(groups)):
            one, other = groups[first], groups[second]
            if not _same_subject(one, other):
                continue  # "8 police" within "12 police and military": a part, not a rival count
            if not _independent_of(one, other, copies):
                continue
            if precise and not _concurrent(one, other, statements):
                continue
            conflicting.update((first, second))
    return conflicting


def _same_subject(one: Sequence[_Report], other: Sequence[_Report]) -> bool:
    """Whether two groups count the same people: a compound subject's track ("police and
    military" in the police track) holds counts of a larger group, which a count of its part
    never contradicts."""
    subjects = {_track_key(m.figure)[1] for report in one for m in report.mentions}
    return any(_track_key(m.figure)[1] in subjects for report in other for m in report.mentions)


def _independent_of(one: Sequence[_Report], other: Sequence[_Report], copies: CopyGroups) -> bool:
    """Whether some source of one group is neither the same outlet nor a copy of a source of
    the other."""
    for first in (m for report in one for m in report.mentions):
        for second in (m for report in other for m in report.mentions):
            if first.article.id == second.article.id:
                if _normal(first.figure.attributed_to) != _normal(second.figure.attributed_to):
                    return True  # one article reporting two sources' counts
                continue
            same_outlet = (
                bool(first.article.source) and first.article.source == second.article.source
            )
            if same_outlet or copies.article_origin(first.article.id) == copies.article_origin(
                second.article.id
            ):
                continue
            if not copies.same_text(
                (first.article.id, first.figure.paragraph),
                (second.article.id, second.figure.paragraph),
            ):
                return True
    return False


def _concurrent(
    one: Sequence[_Report], other: Sequence[_Report], statements: Sequence[_Reading]
) -> bool:
    """Whether both values were stated at the same time: one is still stated (by any source, as
    claim or context) once the other has appeared. Unknown times count as the same time."""
    spans: list[list[datetime]] = []
    for group in (one, other):
        figure = group[0].first.figure
        stamps: list[datetime] = []
        for reading in statements:
            if reading.restated or not compatible(reading.mention.figure, figure):
                continue
            stamp = _timestamp(reading.mention.article)
            if stamp is None:
                return True
            stamps.append(stamp)
        if not stamps:
            return True
        spans.append(stamps)
    first, second = spans
    if min(first) > min(second):
        first, second = second, first
    return max(first) >= min(second)


def _timestamp(article: Article) -> datetime | None:
    if article.published is None or article.published_precision != DatePrecision.TIME:
        return None
    return as_utc(article.published)


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


def _change(previous: TrackValue | None, group: Sequence[_Report], precise: bool) -> str:
    if previous is None:
        return FIRST
    figure = group[0].first.figure
    if (figure.low, figure.high) == (previous.low, previous.high):
        return CONFIRMED
    comparable = precise and previous.precision in PRECISE
    return UPDATE if comparable else UNCLEAR


def _track_value(group: Sequence[_Report], change: str, copies: CopyGroups) -> TrackValue:
    mentions = sorted((m for report in group for m in report.mentions), key=_mention_order)
    # The most specific statement stands for the group: a closed range beats an open one.
    representative = min(
        (report.first for report in group),
        key=lambda m: (value_range(m.figure)[1] - value_range(m.figure)[0], _mention_order(m)),
    )
    when, precision = reference_time(mentions[0])
    sources: list[FigureSource] = []
    for mention in mentions:
        if any(s.article == mention.article.id for s in sources):
            continue
        node = (mention.article.id, mention.figure.paragraph)
        origin = copies.text_origin(*node)  # the reuse view's origin of a shared text
        sources.append(
            FigureSource(
                article=mention.article.id,
                paragraph=mention.figure.paragraph,
                text=mention.figure.text,
                attributed_to=mention.figure.attributed_to,
                attribution_chain=mention.figure.attribution_chain,
                outlet=mention.article.source,
                published=mention.article.published,
                copy=origin is not None and origin != mention.article.id,
                origin=origin == mention.article.id,
                origin_article=origin if origin != mention.article.id else None,
                agency=copies.text_agency(*node) if origin is not None else None,
            )
        )
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
        vague=vague_phrase(figure),
    )
