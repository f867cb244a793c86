from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsloom.dates import find_dateline, parse_date, parse_published, split_date_header
from newsloom.records import DateOrigin, DatePrecision

CET = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2022", datetime(2022, 1, 1), DatePrecision.YEAR),
        ("2022-01", datetime(2022, 1, 1), DatePrecision.MONTH),
        ("2022-01-05", datetime(2022, 1, 5), DatePrecision.DAY),
        ("2022-01-05 10:32", datetime(2022, 1, 5, 10, 32), DatePrecision.TIME),
        ("2022-01-05T10:32:00+01:00", datetime(2022, 1, 5, 10, 32, tzinfo=CET), DatePrecision.TIME),
        ("2022-01-05T09:32:00Z", datetime(2022, 1, 5, 9, 32, tzinfo=UTC), DatePrecision.TIME),
        (
            "Wed, 05 Jan 2022 10:32:00 +0100",
            datetime(2022, 1, 5, 10, 32, tzinfo=CET),
            DatePrecision.TIME,
        ),
        ("05.01.2022 kl. 10.32", datetime(2022, 1, 5, 10, 32), DatePrecision.TIME),
        ("5.1.2022", datetime(2022, 1, 5), DatePrecision.DAY),
        ("5. januar 2022", datetime(2022, 1, 5), DatePrecision.DAY),
        ("onsdag 5. januar 2022 kl. 10.32", datetime(2022, 1, 5, 10, 32), DatePrecision.TIME),
        ("den 5 januari 2022", datetime(2022, 1, 5), DatePrecision.DAY),
        ("5. desember 2021", datetime(2021, 12, 5), DatePrecision.DAY),
        ("January 4, 2022", datetime(2022, 1, 4), DatePrecision.DAY),
        ("4 March 2014", datetime(2014, 3, 4), DatePrecision.DAY),
        ("januar 2022", datetime(2022, 1, 1), DatePrecision.MONTH),
        ("marts 2020", datetime(2020, 3, 1), DatePrecision.MONTH),
    ],
)
def test_parse_date_gives_value_and_precision(
    text: str, value: datetime, precision: DatePrecision
) -> None:
    assert parse_date(text) == (value, precision)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "i går", "onsdag", "natten til torsdag", "2022-13", "31.02.2022", "5. januar"],
)
def test_parse_date_refuses_relative_incomplete_and_impossible_dates(text: str) -> None:
    assert parse_date(text) is None


def test_parse_published_keeps_origin() -> None:
    published = parse_published("2022-01", DateOrigin.HEADER)
    assert published is not None
    assert published.precision is DatePrecision.MONTH
    assert published.origin is DateOrigin.HEADER
    assert parse_published(None, DateOrigin.METADATA) is None
    assert parse_published("not a date", DateOrigin.METADATA) is None


def test_split_date_header_removes_prefix_only_when_it_is_a_date() -> None:
    assert split_date_header(" date 2022-01 Politiet siger") == ("2022-01", "Politiet siger")
    assert split_date_header("date 2021-12-24 Text") == ("2021-12-24", "Text")
    assert split_date_header("date nights are fun") == (None, "date nights are fun")
    assert split_date_header("Text date 2022-01 here") == (None, "Text date 2022-01 here")


def test_find_dateline_reads_labels_and_date_lines() -> None:
    found = find_dateline(["Af Hans Hansen", "Publiceret 5. januar 2022 kl. 10.32", "Tekst."])
    assert found is not None
    index, published = found
    assert index == 1
    assert published.value == datetime(2022, 1, 5, 10, 32)
    assert published.precision is DatePrecision.TIME
    assert published.origin is DateOrigin.TEXT
    assert find_dateline(["Oppdatert 07.01.2022"]) is not None


def test_find_dateline_ignores_dates_inside_body_sentences() -> None:
    sentence = "Hun blev født 5. januar 1970 i en lille by og flyttede siden til hovedstaden."
    assert find_dateline([sentence]) is None


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)))
def test_iso_round_trip(value: datetime) -> None:
    minute = value.replace(second=0, microsecond=0)
    assert parse_date(minute.isoformat(timespec="minutes")) == (minute, DatePrecision.TIME)
    day = datetime(value.year, value.month, value.day)
    assert parse_date(day.date().isoformat()) == (day, DatePrecision.DAY)


# --- epoch timestamps and one way to show a date (issue 18) ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1394470370698", datetime(2014, 3, 10, 16, 52, 50, 698000, tzinfo=UTC)),  # milliseconds
        ("1394470370", datetime(2014, 3, 10, 16, 52, 50, tzinfo=UTC)),  # seconds
        ("1394470370.5", datetime(2014, 3, 10, 16, 52, 50, 500000, tzinfo=UTC)),
    ],
)
def test_epoch_timestamps(text: str, expected: datetime) -> None:
    assert parse_date(text) == (expected, DatePrecision.TIME)


@pytest.mark.parametrize("text", ["123456789012", "9999999999", "12345", "99999999999999"])
def test_numbers_outside_the_epoch_years_are_no_dates(text: str) -> None:
    assert parse_date(text) is None  # 1973, 2286, too short, too long


@given(st.datetimes(min_value=datetime(1991, 1, 1), max_value=datetime(2099, 1, 1)))
def test_epoch_milliseconds_round_trip(moment: datetime) -> None:
    moment = moment.replace(microsecond=moment.microsecond // 1000 * 1000, tzinfo=UTC)
    milliseconds = (moment - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(milliseconds=1)
    assert parse_date(str(milliseconds)) == (moment, DatePrecision.TIME)


def test_dates_are_shown_at_their_precision_never_as_a_made_up_day() -> None:
    from newsloom.dates import date_iso, date_label, iso_label

    month = datetime(2022, 1, 1)
    assert date_label(month, DatePrecision.MONTH) == "Jan 2022"
    assert date_iso(month, DatePrecision.MONTH) == "2022-01"
    assert date_label(datetime(2022, 1, 6), "day", DateOrigin.INFERRED) == "6 Jan 2022 (inferred)"
    assert date_iso(datetime(2022, 1, 6), "day") == "2022-01-06"  # no midnight time
    assert date_label(datetime(2022, 1, 6), "night") == "night to 6 Jan 2022"
    assert date_label(datetime(2022, 1, 6, 14, 5), "time") == "6 Jan 2022 14:05"
    assert date_label(datetime(2022, 1, 6, 14, 5, tzinfo=UTC), "time") == "6 Jan 2022 14:05 UTC"
    assert date_label(None, None) == "undated"
    assert iso_label("2022") == "2022"
    assert iso_label(date_iso(month, "month")) == "Jan 2022"
