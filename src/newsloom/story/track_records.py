"""What a figure track holds: its values with every source stating them, the disagreements
between them, and the labels for how each value changed the track.

:func:`newsloom.story.tracks.build_tracks` builds the tracks; the dossier views read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from newsloom.records import DatePrecision

__all__ = [
    "CONFIRMED",
    "CONTEXT",
    "DISAGREEMENT",
    "FIRST",
    "PARTIAL",
    "RESTATED",
    "UNCLEAR",
    "UPDATE",
    "Disagreement",
    "FigureSource",
    "FigureTrack",
    "TrackValue",
]

FIRST = "first"
UPDATE = "update"
CONFIRMED = "confirmed"
DISAGREEMENT = "disagreement"
UNCLEAR = "unclear"
RESTATED = "restated"  # an earlier day's value told again (context, never a claim)
PARTIAL = "partial"  # an increment ("three more"), not a total (context)
CONTEXT = "context"  # a lesser value a source stated beside its main claim for the same day


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
    origin: bool = False  # the earliest article carrying a text others copied
    origin_article: str | None = None  # for a copy: the article it copies (the text's origin)
    agency: str | None = None  # the wire agency whose text it is (signed by the origin or a copy)
    attribution_chain: tuple[str, ...] = ()  # outermost first: ("Reuters", "lokale nyhetsbyråer")


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
    vague: str | None = None  # the words of a vague quantity ("dusinvis"): not a number

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
    # restatements of earlier days, partial counts and lesser same-source values, with sources
    context: tuple[TrackValue, ...] = ()
    part_of: str | None = None  # the kind this one is a part of (hospitalised → injured)
    also_called: tuple[str, ...] = ()  # other subjects one claim gave the same people

    @property
    def latest(self) -> TrackValue:
        return self.values[-1]
