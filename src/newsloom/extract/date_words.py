"""Calendar words per language, from well-kept locale data rather than hand lists.

Month and weekday names (with their abbreviations and the inflected forms the tables list),
relative days (``i går``, ``igår``, ``yesterday``, ``ayer``, ``hier``, ``ieri``, ``gestern``,
``anteayer``) and "N days/weeks/years ago" phrases come from dateparser's per-language tables
(``dateparser.data.date_translation_data``, built from CLDR); parts of the day (``night``,
``aften``, ``kväll``, ``Abend``, ``soir``) from CLDR's day periods through ``babel``. Both ship
inside the installed packages, so nothing is downloaded.

A small supplement of phrases that neither table has (``i aftes``, ``i nat``, ``esta madrugada``,
Danish and Spanish day parts, which CLDR leaves empty) lives in :mod:`newsloom.extract.times`.

Words that mean two things are left to the more specific rule: a relative day that is also a part
of the day (Spanish ``mañana``, German and Dutch ``morgen``) is read as the part of the day, and
abbreviations shorter than three letters (``mo``, ``di``, ``lu``) are not used at all.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

# Languages whose words are looked up when a paragraph's language is unknown.
DEFAULT_LANGUAGES = ("da", "nb", "nn", "sv", "en", "de", "fr", "es", "it", "nl", "pt")
# Siblings read together: language identification confuses them on short text.
FAMILIES: dict[str, tuple[str, ...]] = {
    "da": ("da", "nb", "nn", "sv"),
    "nb": ("nb", "nn", "da", "sv"),
    "nn": ("nn", "nb", "da", "sv"),
    "sv": ("sv", "da", "nb", "nn"),
    "no": ("nb", "nn", "da", "sv"),
}
_MONTH_KEYS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_WEEKDAY_KEYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_PERIODS = {
    "morning1": "morning",
    "morning2": "morning",
    "afternoon1": "afternoon",
    "afternoon2": "afternoon",
    "evening1": "evening",
    "evening2": "evening",
    "night1": "night",
    "night2": "night",
}
_NUMBER = r"(\d++[.,]?\d*+)"
_RELATIVE_KEY = re.compile(r"^(?:(?P<ago>\d+) day ago|in (?P<ahead>\d+) days?)$")
_PATTERN_KEY = re.compile(r"^(?:\\1 (?P<unit>day|week|year) ago|in \\1 (?P<unit2>day|week|year))$")
_LEADING_PREPOSITION = re.compile(
    r"^(?:på|in the|at|du|de la|de l’|de l'|di|del|della|la|el|der|am|om|i)\s+", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class AgoPattern:
    """One "N units ago / in N units" phrase: a regex with a ``count`` group, and its meaning."""

    pattern: re.Pattern[str]
    unit: str  # day | week | year
    sign: int  # -1 for "ago", +1 for "in"


@dataclass(frozen=True, slots=True)
class DateWords:
    """The calendar words of a set of languages, lower-cased."""

    languages: tuple[str, ...]
    months: dict[str, int]  # name or abbreviation → 1..12
    weekdays: dict[str, int]  # full name or inflected form → 0 (Monday) .. 6
    relative: dict[str, int]  # phrase → offset in days from the publication day
    parts: dict[str, str]  # word → night | morning | afternoon | evening
    ago: tuple[AgoPattern, ...]
    date_order: str = "DMY"  # how the first language writes numeric dates (CLDR: DMY, MDY, YMD)


def _table(language: str) -> dict[str, Any] | None:
    code = {"no": "nb"}.get(language, language)
    try:
        module = importlib.import_module(f"dateparser.data.date_translation_data.{code}")
    except ImportError:
        return None
    info = getattr(module, "info", None)
    return info if isinstance(info, dict) else None


def _words(values: Iterable[object], shortest: int) -> list[str]:
    found: list[str] = []
    for value in values:
        word = str(value).strip().lower().rstrip(".")
        if len(word) >= shortest and not word.isdigit() and not re.search(r"[\\()\[\]]", word):
            found.append(word)
    return found


def _cldr_parts(language: str) -> dict[str, str]:
    from babel.core import UnknownLocaleError  # loaded on first use: a required dependency
    from babel.dates import get_period_names

    parts: dict[str, str] = {}
    for context in ("stand-alone", "format"):
        for width in ("wide", "abbreviated"):
            try:
                names = get_period_names(width, context, language)
            except (UnknownLocaleError, ValueError, KeyError):
                continue
            for key, name in dict(names).items():
                part = _PERIODS.get(str(key))
                word = _LEADING_PREPOSITION.sub("", str(name).strip().lower())
                if part and len(word) >= 3 and not re.search(r"[\s.]", word):
                    parts.setdefault(word, part)
    return parts


def _ago_patterns(table: dict[str, Any]) -> list[AgoPattern]:
    patterns: list[AgoPattern] = []
    for key, phrases in (table.get("relative-type-regex") or {}).items():
        meaning = _PATTERN_KEY.match(str(key))
        if meaning is None:
            continue
        unit = meaning["unit"] or meaning["unit2"]
        sign = -1 if meaning["unit"] else 1
        for phrase in phrases:
            text = str(phrase).lower()
            if _NUMBER not in text:
                continue
            after = text.split(_NUMBER, 1)[1].split()
            if not after or len(after[0]) < 3:  # "for 3 d siden", "3d ago": too terse for prose
                continue
            body = text.replace(_NUMBER, r"(?P<count>\d+|[^\W\d_]+)")
            try:
                compiled = re.compile(body, re.IGNORECASE)
            except re.error:
                continue
            patterns.append(AgoPattern(compiled, unit, sign))
    return patterns


@cache
def date_words(languages: tuple[str, ...]) -> DateWords:
    """The calendar words of ``languages`` (ISO 639-1 codes), merged in the order given."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    relative: dict[str, int] = {}
    parts: dict[str, str] = {}
    ago: list[AgoPattern] = []
    orders: list[str] = []
    for language in languages:
        table = _table(language)
        parts.update({k: v for k, v in _cldr_parts(language).items() if k not in parts})
        if table is None:
            continue
        orders.append(str(table.get("date_order") or "DMY"))
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for word in _words(table.get(key, ()), 3):
                months.setdefault(word, number)
        for number, key in enumerate(_WEEKDAY_KEYS):
            # abbreviations of weekdays (man, ons, sat, mar) are ordinary words in running text
            for word in _words(table.get(key, ()), 5):
                weekdays.setdefault(word, number)
        for key, phrases in (table.get("relative-type") or {}).items():
            meaning = _RELATIVE_KEY.match(str(key))
            if meaning is None:
                continue
            offset = -int(meaning["ago"]) if meaning["ago"] else int(meaning["ahead"])
            for phrase in _words(phrases, 3):
                if "till" not in phrase.split():
                    relative.setdefault(phrase, offset)
        ago.extend(_ago_patterns(table))
    for word in list(relative):
        if word in parts:  # mañana, morgen: "morning" as often as "tomorrow"
            del relative[word]
    return DateWords(
        languages=languages,
        months=months,
        weekdays=weekdays,
        relative=relative,
        parts=parts,
        ago=tuple(ago),
        date_order=orders[0] if orders else "DMY",
    )


def languages_for(language: str | None) -> tuple[str, ...]:
    """The languages whose words are read in text of ``language`` (English always too: embedded
    posts and agency copy quote it)."""
    if not language:
        return DEFAULT_LANGUAGES
    family = FAMILIES.get(language, (language,))
    return (*family, "en") if "en" not in family else family
