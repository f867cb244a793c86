"""Publication dates: what inputs give, with the precision they state and where they came from.

Handles ISO 8601 (``2022``, ``2022-01``, ``2022-01-05``, ``2022-01-05T10:32:00+01:00``), Nordic
numeric dates (``05.01.2022 kl. 10.32``), RFC 2822 from feeds, Unix epoch seconds and milliseconds
(``1394470370698``, read as UTC), and absolute dates written with month names in Danish,
Norwegian, Swedish, English and German (``5. januar 2022``, ``January 4, 2022``) and, through
dateparser's tables, in the other languages newsloom identifies.
Relative dates (``i går``, ``onsdag``) are not publication dates and are left to the time resolver.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any

from newsloom.records import DateOrigin, DatePrecision


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """A publication date with the precision it was given in and where it was found."""

    value: datetime  # first instant of the period for year/month/day precision
    precision: DatePrecision
    origin: DateOrigin
    evidence: str | None = None  # what an inferred date rests on, for people to check


MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("januar", "january", "januari", "janvier", "jan"),
        ("februar", "february", "februari", "feb", "febr"),
        ("marts", "mars", "march", "märz", "mar", "mrz"),
        ("april", "apr"),
        ("maj", "mai", "may", "mei"),
        ("juni", "june", "jun"),
        ("juli", "july", "jul"),
        ("august", "augusti", "aug"),
        ("september", "sep", "sept"),
        ("oktober", "october", "okt", "oct"),
        ("november", "nov"),
        ("december", "desember", "dezember", "dec", "des", "dez"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

_MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
_TIME = (
    r"(?:\s*,?\s*(?:kl\.?|klokken|klockan|at|um)?\s*"
    r"(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d))?"
)

_ISO_PARTIAL = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
_NUMERIC = re.compile(
    r"(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>\d{4})" + _TIME, re.IGNORECASE
)
_DAY_MONTH_YEAR = re.compile(
    r"(?P<day>[0-3]?\d)\.?\s+(?P<month>" + _MONTH_PATTERN + r")\.?\s+(?P<year>\d{4})" + _TIME,
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    r"(?P<month>" + _MONTH_PATTERN + r")\.?\s+(?P<day>[0-3]?\d),?\s+(?P<year>\d{4})" + _TIME,
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(r"(?P<month>" + _MONTH_PATTERN + r")\.?\s+(?P<year>\d{4})", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"^(?:(?:man|tirs|tis|ons|tors|tor|fre|lør|lau|sun|søn|mon|tue|wed|thu|fri|sat)\w*\.?,?\s+(?:d\.|den)?\s*)",
    re.IGNORECASE,
)
# "date 2022-01 " at the very start of a plain-text article: a header, not part of the text.
_DATE_HEADER = re.compile(
    r"\A[ \t]*date[ \t]+(?P<value>\d{4}(?:-\d{2}){0,2}"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)[ \t]+"
)
# Lines that announce a publication date near the top of an article.
PUBLISHED_LABEL = re.compile(
    r"^(?:publiceret|publisert|publicerad|published|posted|udgivet|opdateret|oppdatert"
    r"|uppdaterad|updated|sist oppdatert|senest opdateret|dato|datum|date)\b\s*:?\s*",
    re.IGNORECASE,
)


def _within(value: int, low: int, high: int) -> bool:
    return low <= value <= high


def _build(
    year: int, month: int = 1, day: int = 1, hour: str | None = None, minute: str | None = None
) -> datetime | None:
    try:
        if hour is not None and minute is not None:
            return datetime(year, month, day, int(hour), int(minute))
        return datetime(year, month, day)
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> tuple[datetime, DatePrecision] | None:
    year = int(match["year"])
    month_text = match["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
    day = int(match["day"])
    hour, minute = match.groupdict().get("hour"), match.groupdict().get("minute")
    value = _build(year, month, day, hour, minute)
    if value is None:
        return None
    return value, DatePrecision.TIME if hour is not None else DatePrecision.DAY


def _parse_iso(text: str) -> tuple[datetime, DatePrecision] | None:
    partial = _ISO_PARTIAL.fullmatch(text)
    if partial:
        year = int(partial["year"])
        if partial["day"]:
            value = _build(year, int(partial["month"]), int(partial["day"]))
            return (value, DatePrecision.DAY) if value else None
        if partial["month"]:
            value = _build(year, int(partial["month"]))
            return (value, DatePrecision.MONTH) if value else None
        return (datetime(year, 1, 1), DatePrecision.YEAR) if _within(year, 1, 9999) else None
    if not re.match(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", text):
        return None
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1)), DatePrecision.TIME
    except ValueError:
        return None


def _parse_rfc2822(text: str) -> tuple[datetime, DatePrecision] | None:
    if not re.search(r"\d{1,2}:\d{2}", text) or not re.search(r"[A-Za-z]{3}", text):
        return None
    try:
        return parsedate_to_datetime(text), DatePrecision.TIME
    except (TypeError, ValueError, IndexError):
        return None


@cache
def _dateparser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["da", "nb", "nn", "sv", "en", "de"],
        settings={
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["year", "month"],
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


_DATEPARSER_PERIODS = {"year": DatePrecision.YEAR, "month": DatePrecision.MONTH}


def _parse_with_dateparser(text: str) -> tuple[datetime, DatePrecision] | None:
    if not re.search(r"\d{4}", text) or len(text) > 80:
        return None
    data = _dateparser().get_date_data(text)
    value = data.date_obj
    if not isinstance(value, datetime):
        return None
    precision = _DATEPARSER_PERIODS.get(str(data.period), DatePrecision.DAY)
    if precision is DatePrecision.DAY and re.search(
        r"\d{1,2}[:.]\d{2}\s*$|\b(?:kl|klokken|klockan|at|um)\b", text
    ):
        precision = DatePrecision.TIME
    if precision is not DatePrecision.TIME:
        value = value.replace(hour=0, minute=0, second=0, microsecond=0)
    return value, precision


# Epoch timestamps are believed between these years (a 10- or 13-digit number outside is an id).
EPOCH_YEARS = (1990, 2100)
_EPOCH = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")


def _parse_epoch(text: str) -> tuple[datetime, DatePrecision] | None:
    """Unix time in seconds (``1394470370``) or milliseconds (``1394470370698``), as UTC."""
    if not _EPOCH.fullmatch(text):
        return None
    whole, _, fraction = text.partition(".")
    milliseconds = len(whole) >= 12
    try:
        value = datetime.fromtimestamp(int(whole) // 1000 if milliseconds else int(whole), UTC)
    except (OverflowError, OSError, ValueError):
        return None
    if milliseconds:
        value += timedelta(milliseconds=int(whole) % 1000)
    elif fraction:
        value += timedelta(microseconds=round(float(f"0.{fraction}") * 1_000_000))
    if not EPOCH_YEARS[0] <= value.year <= EPOCH_YEARS[1]:
        return None
    return value, DatePrecision.TIME


def parse_date(text: str) -> tuple[datetime, DatePrecision] | None:
    """The absolute date in ``text`` (a whole date string) and its precision, or None."""
    cleaned = " ".join(text.split()).strip(" ,.")
    if not cleaned:
        return None
    for parser in (_parse_iso, _parse_epoch, _parse_numeric, _parse_named, _parse_rfc2822):
        parsed = parser(cleaned)
        if parsed is not None:
            return parsed
    return _parse_with_dateparser(cleaned)


def _parse_numeric(text: str) -> tuple[datetime, DatePrecision] | None:
    match = _NUMERIC.fullmatch(_WEEKDAY.sub("", text))
    return _from_match(match) if match else None


def _parse_named(text: str) -> tuple[datetime, DatePrecision] | None:
    stripped = _WEEKDAY.sub("", text)
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.fullmatch(stripped)
        if match:
            return _from_match(match)
    match = _MONTH_YEAR.fullmatch(stripped)
    if match:
        value = _build(int(match["year"]), MONTHS[match["month"].lower()])
        return (value, DatePrecision.MONTH) if value else None
    return None


def unreadable_published(value: str | None) -> bool:
    """Whether an input gave a publication date that is not one (for the run report)."""
    return bool(value and value.strip()) and parse_date(value or "") is None


def parse_published(value: str | None, origin: DateOrigin) -> PublishedDate | None:
    """Parse a publication date string given by an input (header or metadata)."""
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        return None
    return PublishedDate(value=parsed[0], precision=parsed[1], origin=origin)


def split_date_header(text: str) -> tuple[str | None, str]:
    """Split a ``date 2022-01 `` header off the start of a plain-text article.

    Returns ``(date string, rest of the text)``; ``(None, text)`` when there is no header.
    """
    match = _DATE_HEADER.match(text)
    if match is None or parse_date(match["value"]) is None:
        return None, text
    return match["value"], text[match.end() :]


_SEARCHES = (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC)
_ISO_IN_TEXT = re.compile(
    r"(?<![\d-])\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])"
)


_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>[01]\d)[/-](?P<day>[0-3]\d)(?=[/_.-]|$)"
    r"|[/_-](?P<compact>(?:19|20)\d{2}[01]\d[0-3]\d)(?=[/_.-]|$)"
)


URL_EARLIEST_YEAR = 1991  # no article on the web is older; ``/19040101_title`` is an id


def date_from_url(url: str | None) -> PublishedDate | None:
    """A day in a URL path (``/2025/03/26/``, ``/2025-03-26-title``), origin ``url``."""
    if not url:
        return None
    latest = datetime.now(UTC).year + 1
    for match in _URL_DATE.finditer(url):
        compact = match["compact"]
        if compact:
            value = _build(int(compact[:4]), int(compact[4:6]), int(compact[6:]))
        else:
            value = _build(int(match["year"]), int(match["month"]), int(match["day"]))
        if value is not None and URL_EARLIEST_YEAR <= value.year <= latest:
            return PublishedDate(value, DatePrecision.DAY, DateOrigin.URL)
    return None


def find_dateline(lines: Sequence[str], max_words: int = 14) -> tuple[int, PublishedDate] | None:
    """A publication date stated near the top of an article, and the index of its line.

    Only short lines count: a date label (``Publiceret 5. januar 2022 kl. 10.32``), a line that is
    a date, or a dateline (``KØBENHAVN, 5. januar 2022``). A date inside a body sentence
    (``født 5. januar 1970``) is an event, not a publication date.
    """
    for index, line in enumerate(lines):
        if len(line.split()) > max_words:
            continue
        labelled = PUBLISHED_LABEL.match(line) is not None
        candidate = PUBLISHED_LABEL.sub("", line)
        parsed = parse_date(candidate)
        if parsed is None and (labelled or len(line.split()) <= 8):
            for pattern in (_ISO_IN_TEXT, *_SEARCHES):
                match = pattern.search(candidate)
                if match:
                    parsed = parse_date(match.group(0))
                    if parsed:
                        break
        if parsed is not None:
            return index, PublishedDate(parsed[0], parsed[1], DateOrigin.TEXT)
    return None


# --- one way to show a date ------------------------------------------------------------------

_MONTH_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def date_iso(value: date | None, precision: DatePrecision | str | None) -> str | None:
    """``value`` as ISO 8601 at its precision: ``2022``, ``2022-01``, ``2022-01-06``, or the full
    time for time precision (never a made-up day or midnight). For JSON, exports and the API."""
    if value is None:
        return None
    known = DatePrecision(precision) if precision else None
    if known is DatePrecision.YEAR:
        return f"{value.year:04d}"
    if known is DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, datetime):
        if known is DatePrecision.TIME or known is None:
            return value.isoformat()
        return value.date().isoformat()
    return value.isoformat()


def date_label(
    value: date | None,
    precision: DatePrecision | str | None,
    origin: DateOrigin | str | None = None,
    *,
    days: bool = False,
) -> str:
    """``value`` for people, at its precision: ``2022``, ``Jan 2022``, ``6 Jan 2022``, ``night to
    6 Jan 2022``, ``6 Jan 2022 14:05``; ``(inferred)`` when the story inferred it. The one display
    function for dates: the CLI, the web pages, the dossier and the exports' labels all use it.
    ``days=True`` leaves out the time of day (spans and short references)."""
    if value is None:
        return "undated"
    known = DatePrecision(precision) if precision else None
    month = _MONTH_ABBREVIATIONS[value.month - 1]
    if known is DatePrecision.YEAR:
        label = f"{value.year:04d}"
    elif known is DatePrecision.MONTH:
        label = f"{month} {value.year:04d}"
    else:
        label = f"{value.day} {month} {value.year:04d}"
        if known is DatePrecision.NIGHT:
            label = f"night to {label}"
        elif isinstance(value, datetime) and known in (DatePrecision.TIME, None) and not days:
            label += f" {value:%H:%M}"
            offset = value.utcoffset()
            if offset is not None:
                label += " UTC" if not offset else f" {value:%z}"
    if origin is not None and DateOrigin(origin) is DateOrigin.INFERRED:
        label += " (inferred)"
    return label


def iso_label(
    text: str | None, origin: DateOrigin | str | None = None, *, days: bool = False
) -> str:
    """The :func:`date_label` of an ISO string at its precision (as :func:`date_iso` writes)."""
    if not text:
        return "undated"
    parsed = _parse_iso(text)
    if parsed is None:
        return text
    return date_label(parsed[0], parsed[1], origin, days=days)


def stored_iso(text: str | None) -> str | None:
    """``published|precision`` as a store query combines them (so that the earliest published value
    keeps its own precision) → :func:`date_iso`."""
    if not text:
        return None
    if text.count("|") == 2:  # utc|published|precision: the UTC sort key went first
        text = text.partition("|")[2]
    value, _, precision = text.partition("|")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return date_iso(moment, precision or None)
