"""A figure track as a small server-rendered SVG chart: the value over time, disagreements marked.

Input is a track of the dossier dict (``dossier_to_dict``): values with ``low``/``high`` (``None``
for an open end), ``as_of`` (``None`` when undated), ``change`` and ``sources``. Times are columns
in date order (undated last); a value stated as a range is drawn as a bar from low to high, except
a vague count ("dusinvis", "hundreds"): words with no number, a hollow point on the chart's top
edge labelled in the article's words, off the scale and off the line;
the line follows the best-sourced value of each column. Only a track whose value changes gets a
chart; a track that never changes gets a sparkline, a mark the size of a word. Nothing here escapes
text: the template does.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsloom.story.glance import figure_label, vague_label

WIDTH = 560
HEIGHT = 220
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
DISAGREEMENT = "disagreement"


@dataclass(frozen=True, slots=True)
class ChartPoint:
    x: float
    y: float
    y_top: float  # top of the range bar (== y for a single value)
    label: str  # the value as shown beside the point
    title: str  # tooltip: date, value, change, sources
    change: str
    link: str | None
    open_ended: bool  # "at least": the bar runs to the top of the chart
    vague: bool = False  # "dozens": drawn as a word, never as a bar


@dataclass(frozen=True, slots=True)
class ChartTick:
    position: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    points: tuple[ChartPoint, ...]
    line: str  # SVG polyline points
    x_ticks: tuple[ChartTick, ...]
    y_ticks: tuple[ChartTick, ...]
    disagreements: tuple[float, ...]  # x of the columns where sources disagree
    description: str


def _finite(value: Any) -> float | None:
    if isinstance(value, int | float) and math.isfinite(value):
        return float(value)
    return None


def nice_step(maximum: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) giving about ``ticks`` ticks up to ``maximum``."""
    raw = max(maximum, 1.0) / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return float(max(factor * power, 1))
    return float(10 * power)


def value_label(value: Mapping[str, Any]) -> str:
    qualifier = str(value["qualifier"]) if value.get("qualifier") else None
    if value.get("vague"):
        return vague_label(str(value["vague"]), qualifier)
    return figure_label(_finite(value.get("low")), _finite(value.get("high")), qualifier)


def _vague(value: Mapping[str, Any]) -> bool:
    """A vague count ("dusinvis"): words with no place on a number axis."""
    return bool(value.get("vague"))


def _drawn(value: Mapping[str, Any]) -> bool:
    return _vague(value) or _finite(value.get("low")) is not None


def changes(track: Mapping[str, Any]) -> bool:
    """Whether the track's value changes: two or more values that read differently."""
    return len({value_label(value) for value in track.get("values") or []}) > 1


def value_link(value: Mapping[str, Any]) -> str | None:
    sources = value.get("sources") or []
    if not sources:
        return None
    first = sources[0]
    return f"/articles/{first['article']}#p{first['paragraph']}"


def track_chart(track: Mapping[str, Any]) -> Chart | None:
    """The chart of one track, or None when it has no value to draw."""
    values: Sequence[Mapping[str, Any]] = [
        value for value in track.get("values") or [] if _drawn(value)
    ]
    if not values:
        return None
    dates = sorted({str(v["as_of"]) for v in values if v.get("as_of")})
    columns: list[str | None] = [
        *dates,
        *([None] if any(not v.get("as_of") for v in values) else []),
    ]
    top_value = max(
        (
            max(_finite(v.get("high")) or 0.0, _finite(v.get("low")) or 0.0)
            for v in values
            if not _vague(v)  # words: not on the axis
        ),
        default=1.0,
    )
    step = nice_step(top_value)
    y_max = step * math.ceil(max(top_value, 1.0) * 1.05 / step)
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    column_width = plot_width / len(columns)

    def y_of(amount: float) -> float:
        return TOP + plot_height * (1 - amount / y_max)

    disagreeing = {str(d.get("as_of")) for d in track.get("disagreements") or []}
    points: list[ChartPoint] = []
    line: list[tuple[float, float]] = []
    disagreement_x: list[float] = []
    for index, column in enumerate(columns):
        in_column = [v for v in values if (v.get("as_of") or None) == column]
        center = LEFT + column_width * (index + 0.5)
        spread = min(14.0, column_width / (len(in_column) + 1))
        if (column is not None and column in disagreeing) or any(
            v.get("change") == DISAGREEMENT for v in in_column
        ):
            disagreement_x.append(center)
        best = max(in_column, key=lambda v: int(v.get("independent_sources") or 0))
        for position, value in enumerate(in_column):
            x = center + spread * (position - (len(in_column) - 1) / 2)
            low = _finite(value.get("low")) or 0.0
            high = _finite(value.get("high"))
            sources = value.get("sources") or []
            outlets = ", ".join(
                dict.fromkeys(str(s.get("outlet") or s["article"]) for s in sources)
            )
            change = str(value.get("change") or "")
            vague = _vague(value)
            # a vague count is words: a hollow mark on the top edge, labelled, off the scale
            y = TOP if vague else y_of(low)
            point = ChartPoint(
                x=round(x, 1),
                y=round(y, 1),
                y_top=round(y if vague else y_of(high if high is not None else y_max), 1),
                label=value_label(value),
                title=f"{column or 'undated'}: {value_label(value)} ({change}) — {outlets}",
                change=change,
                link=value_link(value),
                open_ended=high is None,
                vague=vague,
            )
            points.append(point)
            if value is best and not vague:
                line.append((point.x, point.y))
    tick_count = round(y_max / step)
    y_ticks = tuple(
        ChartTick(round(y_of(step * k), 1), f"{step * k:g}") for k in range(tick_count + 1)
    )
    x_ticks = tuple(
        ChartTick(round(LEFT + column_width * (i + 0.5), 1), column or "undated")
        for i, column in enumerate(columns)
    )
    name = str(track.get("kind") or "figure")
    if track.get("subject"):
        name += f" ({track['subject']})"
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        points=tuple(points),
        line=" ".join(f"{x},{y}" for x, y in line),
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        disagreements=tuple(disagreement_x),
        description=f"{name} over time: " + "; ".join(f"{p.title}" for p in points),
    )


SPARK_WIDTH = 96
SPARK_HEIGHT = 22


@dataclass(frozen=True, slots=True)
class Sparkline:
    """A word-sized mark of a track: one dot when the value never changed."""

    width: int
    height: int
    points: tuple[tuple[float, float], ...]
    line: str
    vague: bool  # the value is a vague count: a hollow dot, the word beside it
    label: str
    description: str


def sparkline(track: Mapping[str, Any]) -> Sparkline | None:
    """The track's best-sourced value per date as a tiny line (a single dot for one point)."""
    values = [v for v in track.get("values") or [] if _drawn(v)]
    if not values:
        return None
    columns: dict[str | None, Mapping[str, Any]] = {}
    for value in values:
        column = value.get("as_of") or None
        best = columns.get(column)
        if best is None or int(value.get("independent_sources") or 0) > int(
            best.get("independent_sources") or 0
        ):
            columns[column] = value
    ordered = [columns[c] for c in sorted(columns, key=lambda c: (c is None, c or ""))]
    counted = [_finite(v.get("low")) or 0.0 for v in ordered if not _vague(v)]
    top, bottom = max(counted, default=0.0), min(counted, default=0.0)
    # a vague count (words) is drawn at the middle line, not at a number
    amounts = [(top + bottom) / 2 if _vague(v) else _finite(v.get("low")) or 0.0 for v in ordered]
    span = (top - bottom) or 1.0
    pad = 4.0
    step = (SPARK_WIDTH - 2 * pad) / max(len(ordered) - 1, 1)
    points = tuple(
        (
            round(pad + step * i if len(ordered) > 1 else SPARK_WIDTH / 2, 1),
            round(
                SPARK_HEIGHT / 2
                if top == bottom
                else pad + (SPARK_HEIGHT - 2 * pad) * (1 - (a - bottom) / span),
                1,
            ),
        )
        for i, a in enumerate(amounts)
    )
    last = ordered[-1]
    name = str(track.get("kind") or "figure")
    return Sparkline(
        width=SPARK_WIDTH,
        height=SPARK_HEIGHT,
        points=points,
        line=" ".join(f"{x},{y}" for x, y in points) if len(points) > 1 else "",
        vague=_vague(last),
        label=value_label(last),
        description=f"{name}: " + ", ".join(value_label(v) for v in ordered),
    )
