"""Figure charts and sparklines (#21): a chart only where the value changes, vague counts as
words off the number axis, never as range bars or numbers (#16)."""

from __future__ import annotations

from typing import Any

from newsloom.web.charts import changes, sparkline, track_chart, value_label


def value(
    low: float | None,
    high: float | None,
    as_of: str | None,
    qualifier: str | None = None,
    vague: str | None = None,
) -> dict[str, Any]:
    return {
        "low": low,
        "high": high,
        "vague": vague,
        "qualifier": qualifier,
        "as_of": as_of,
        "change": "first",
        "independent_sources": 1,
        "sources": [{"article": "a1", "paragraph": 0, "outlet": "Nunyt", "copy": False}],
    }


def track(*values: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "evacuated", "subject": None, "values": list(values), "disagreements": []}


def test_a_track_changes_only_when_its_values_read_differently() -> None:
    assert not changes(track(value(3, 3, "2025-01-01")))
    assert not changes(track(value(3, 3, "2025-01-01"), value(3, 3, "2025-01-02")))
    assert changes(track(value(3, 3, "2025-01-01"), value(5, 5, "2025-01-02")))
    assert changes(track(value(3, 3, "2025-01-01"), value(3, 3, "2025-01-02", "at least")))


def test_vague_counts_are_words_off_the_axis_without_a_bar() -> None:
    chart = track_chart(
        track(
            value(None, None, "2025-01-01", vague="dusinvis"),
            value(40, 40, "2025-01-02"),
            value(None, None, "2025-01-03", vague="hundredvis"),
        )
    )
    assert chart is not None
    assert [point.label for point in chart.points] == ["“dusinvis”", "40", "“hundredvis”"]
    assert [point.vague for point in chart.points] == [True, False, True]
    assert all(point.y_top == point.y for point in chart.points)  # no range bar
    assert {point.y for point in chart.points if point.vague} == {chart.top}  # at no number
    assert chart.line.count(",") == 1  # the line joins counts only
    # the axis is scaled to the counts (40), not to any range a word could stand for
    assert max(float(tick.label) for tick in chart.y_ticks) < 100


def test_a_stated_range_keeps_its_bar() -> None:
    chart = track_chart(track(value(5, 7, "2025-01-01"), value(9, 9, "2025-01-02")))
    assert chart is not None
    ranged = chart.points[0]
    assert ranged.label == "5–7"
    assert not ranged.vague
    assert ranged.y_top < ranged.y


def test_sparkline_of_one_point_is_a_dot_with_its_label() -> None:
    mark = sparkline(track(value(None, None, "2025-01-01", vague="dusinvis")))
    assert mark is not None
    assert len(mark.points) == 1
    assert mark.line == ""
    assert mark.label == "“dusinvis”"
    assert mark.vague
    x, y = mark.points[0]
    assert 0 < x < mark.width
    assert 0 < y < mark.height


def test_sparkline_follows_the_best_sourced_value_per_date() -> None:
    low = value(3, 3, "2025-01-01")
    better = value(5, 5, "2025-01-01") | {"independent_sources": 3}
    later = value(8, 8, "2025-01-03")
    mark = sparkline(track(low, better, later))
    assert mark is not None
    assert mark.label == "8"
    assert mark.description.endswith("5, 8")
    (x1, y1), (x2, y2) = mark.points
    assert x1 < x2
    assert y2 < y1  # higher value, higher on the line


def test_value_label_reads_the_json_value() -> None:
    assert value_label(value(27, 27, None, "at least")) == "at least 27"
    assert value_label(value(200, None, None)) == "200+"
