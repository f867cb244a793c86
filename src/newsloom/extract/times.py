"""Time expressions resolved against the publication date, in every language with locale data.

Rule-based, because the phrases news uses most are the ones date parsers do not resolve:
``natten til torsdag``, ``tirsdagens``, ``onsdag aften``, ``sent onsdag``, ``i nat``,
``i forgårs``, ``for to dage siden``. Each expression carries a ``rule`` saying how it resolves
(``absolute``, ``offset:-2``, ``weekday:2:past``, ``years:-2``), so an expression found in an
article whose date is only known to the month can be resolved later against an inferred date
(:func:`reresolve`, used by :mod:`newsloom.story.anchor`).

Conventions: ``value`` is the day meant (the first day of the period for month/year precision). For
nights (``natten til torsdag``, ``i nat``) ``value`` is the day the night ends on and the precision
is ``night``. A bare weekday means the most recent such day on or before the publication day;
``på``/``næste``/``next`` look forward, ``sidste``/``forrige``/``last``/Swedish ``i tisdags`` look
strictly back. When the publication date is known only to the month or not at all, relative
expressions get ``value=None`` and ``precision=None`` (the rule is kept).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta

from newsloom.extract.date_words import DEFAULT_LANGUAGES, languages_for
from newsloom.extract.numbers import UNITS
from newsloom.extract.time_patterns import (
    FORWARD,
    KeyedGate,
    Lexicon,
    WordGate,
    ago_finditer,
    lexicon_for,
    words_of,
)
from newsloom.records import Article, DatePrecision, TimeExpression

_DAY_PRECISE = (DatePrecision.DAY, DatePrecision.NIGHT, DatePrecision.TIME)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else UNITS.get(word.lower(), 1)


def _ago_rule(text: str, lexicon: Lexicon) -> str | None:
    for item in lexicon.words.ago:
        found = item.pattern.fullmatch(text)
        if found is None:
            continue
        count = found["count"]
        if not count.isdigit() and count.lower() not in UNITS:
            continue
        amount = item.sign * _count(count)
        if item.unit == "year":
            return f"years:{amount}"
        return f"offset:{amount * (7 if item.unit == 'week' else 1)}"
    return None


def _rule_for(name: str, match: re.Match[str], lexicon: Lexicon) -> tuple[str, str | None] | None:
    """The resolution rule and part of day of one match, or None when it is not a time."""
    groups = match.groupdict()
    if name == "night_to":
        return f"weekday:{lexicon.weekdays[groups['weekday'].lower()]}:near", "night"
    if name == "weekday_sv_past":
        return f"weekday:{lexicon.weekdays[groups['weekday'].lower()]}:back", lexicon.parts.get(
            (groups["part"] or "").lower()
        )
    if name == "weekday":
        weekday = groups["weekday"]
        direction = (groups["direction"] or "").lower()
        mode = "past"
        if direction and re.fullmatch(FORWARD, direction):
            mode = "forward"
        elif direction:
            mode = "back"
        part_word = (groups["part"] or groups["part2"] or "").lower()
        part = lexicon.parts.get(part_word) if part_word else None
        if groups["late"]:
            part = "late" if groups["late"].lower() in ("sent", "late") else "morning"
        return f"weekday:{lexicon.weekdays[weekday.lower()]}:{mode}", part
    if name == "ago":
        rule = _ago_rule(match.group(0), lexicon)
        return (rule, None) if rule else None
    if name == "relative":
        offset, part = lexicon.relative[match.group(0).lower()]
        return f"offset:{offset}", part
    return "absolute", None


def _absolute(
    name: str, match: re.Match[str], anchor: date | None, lexicon: Lexicon
) -> tuple[date, DatePrecision] | None:
    groups = match.groupdict()
    try:
        if name == "year":
            return date(int(groups["year"]), 1, 1), DatePrecision.YEAR
        if name == "numeric":
            return _numeric_date(match, lexicon.words.date_order), DatePrecision.DAY
        month_text = groups["month"]
        month = int(month_text) if month_text.isdigit() else lexicon.months[month_text.lower()]
        if name == "month_year":
            return date(int(groups["year"]), month, 1), DatePrecision.MONTH
        day = int(groups["day"])
        if groups.get("year"):
            return date(int(groups["year"]), month, day), DatePrecision.DAY
        if anchor is None:
            return None
        return _nearest_day(month, day, anchor), DatePrecision.DAY
    except (ValueError, KeyError):
        return None


def _numeric_date(match: re.Match[str], order: str) -> date:
    """``03/10/2014`` in the locale's order (10 March in English, 3 October in Danish); a first
    number above 12 can only be the day."""
    first, second = int(match["first"]), int(match["second"])
    month, day = (first, second) if order.startswith("M") else (second, first)
    if month > 12 >= day:
        month, day = day, month
    return date(int(match["year"]), month, day)


def _nearest_day(month: int, day: int, anchor: date) -> date:
    """The ``day`` of ``month`` nearest ``anchor`` (last December, next January)."""
    candidates = []
    for shift in (-1, 0, 1):
        try:
            candidates.append(date(anchor.year + shift, month, day))
        except ValueError:
            continue
    if not candidates:
        raise ValueError(f"no day {day} in month {month}")
    return min(candidates, key=lambda value: abs((value - anchor).days))


def resolve_rule(rule: str, anchor: date) -> date:
    """The day a relative ``rule`` means when the reference day is ``anchor``."""
    kind, _, argument = rule.partition(":")
    if kind == "offset":
        return anchor + timedelta(days=int(argument))
    if kind == "years":
        return date(anchor.year + int(argument), 1, 1)
    if kind == "weekday":
        weekday_text, _, mode = argument.partition(":")
        weekday = int(weekday_text)
        back = (anchor.weekday() - weekday) % 7
        if mode == "forward":
            return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
        if mode == "back":
            return anchor - timedelta(days=back or 7)
        if mode == "near" and back == 6:  # "natten til torsdag" published on a Wednesday
            return anchor + timedelta(days=1)
        return anchor - timedelta(days=back)
    raise ValueError(f"time rule {rule!r}: expected offset:N, years:N or weekday:D:mode")


def _resolve(rule: str, part: str | None, anchor: date) -> date:
    """The day of a relative rule; "Tuesday night" is the night to Wednesday (a night is dated by
    the morning it ends in, as ``natten til onsdag`` is)."""
    value = resolve_rule(rule, anchor)
    if part == "night" and rule.startswith("weekday:") and not rule.endswith(":near"):
        value += timedelta(days=1)
    return value


def _precision_for(rule: str, part: str | None) -> DatePrecision:
    if rule.startswith("years:"):
        return DatePrecision.YEAR
    return DatePrecision.NIGHT if part == "night" else DatePrecision.DAY


def _matches(text: str, lexicon: Lexicon) -> Iterator[tuple[str, re.Match[str]]]:
    """Non-overlapping matches, earlier patterns first (longer, more specific phrases win)."""
    starts: list[int] = []  # the taken spans, sorted and not overlapping: a look-up is a
    ends: list[int] = []  # binary search, so the work stays linear in the text (issue 20)
    found: list[tuple[str, re.Match[str]]] = []
    lowered = text.lower()
    gates = lexicon.gate_list
    # per gate: where in the text its first find is (no match of its patterns starts more than
    # their lead before it), -1 when it is shut; each gate searched once
    firsts: list[int | None] = [None] * len(gates)
    words: list[str] | None = None  # the lowered text's words, for every word gate
    # the lowered text's positions are the text's: no character lowered into two, none that
    # matches a letter without case and lowers to another
    aligned: bool | None = None
    for name, pattern, gate_at, lead in lexicon.plan:
        start = 0
        if gate_at >= 0:
            first = firsts[gate_at]
            if first is None:
                first = -1
                gate = gates[gate_at]
                if isinstance(gate, WordGate):
                    words = words_of(lowered) if words is None else words
                    if gate.opens(words):
                        present = gate.forms.intersection(words)
                        first = min(lowered.find(form) for form in present)
                elif isinstance(gate, KeyedGate):
                    words = words_of(lowered) if words is None else words
                    if gate.keys.opens(words):
                        opening = gate.pattern.search(lowered)
                        first = -1 if opening is None else opening.start()
                else:
                    opening = gate.search(lowered)
                    first = -1 if opening is None else opening.start()
                firsts[gate_at] = first
            if first < 0:
                continue
            if aligned is None:
                aligned = len(lowered) == len(text) and (
                    lexicon.odd is None or lexicon.odd.search(text) is None
                )
            if aligned:
                start = max(first - lead, 0)
        if name == "ago":
            words = words_of(lowered) if words is None else words
            matches: Iterable[re.Match[str]] = ago_finditer(text, lowered, lexicon, words)
        else:
            matches = pattern.finditer(text, start)
        for match in matches:
            if match.end() == match.start():
                continue
            at = bisect.bisect_right(starts, match.start())
            if (at and ends[at - 1] > match.start()) or (
                at < len(starts) and starts[at] < match.end()
            ):
                continue
            starts.insert(at, match.start())
            ends.insert(at, match.end())
            found.append((name, match))
    yield from sorted(found, key=lambda item: item[1].start())


def find_times(
    text: str,
    paragraph: int,
    published: datetime | None,
    precision: DatePrecision | None,
    inferred: bool = False,
    language: str | None = None,
) -> list[TimeExpression]:
    """Time expressions of one paragraph, resolved against ``published`` with its precision.

    ``language`` chooses the calendar words read (its family and English; all the main
    languages when it is None).
    """
    lexicon = lexicon_for(languages_for(language))
    anchor = published.date() if published is not None else None
    relative_anchor = anchor if precision in _DAY_PRECISE else None
    year_anchor = (
        anchor if precision in (*_DAY_PRECISE, DatePrecision.MONTH, DatePrecision.YEAR) else None
    )
    found: list[TimeExpression] = []
    for name, match in _matches(text, lexicon):
        rule_and_part = _rule_for(name, match, lexicon)
        if rule_and_part is None:
            continue
        rule, part = rule_and_part
        value: date | None = None
        value_precision: DatePrecision | None = None
        if rule == "absolute":
            resolved = _absolute(name, match, year_anchor, lexicon)
            if resolved is not None:
                value, value_precision = resolved
            elif name in ("day_month", "month_day") and year_anchor is None:
                month = lexicon.months.get(match.group("month").lower())
                if month is None:
                    continue
                rule = f"date:{month}:{int(match.group('day'))}"
            else:
                continue
        elif relative_anchor is not None:
            value = _resolve(rule, part, relative_anchor)
            value_precision = _precision_for(rule, part)
        elif rule.startswith("years:") and year_anchor is not None:
            value = resolve_rule(rule, year_anchor)
            value_precision = DatePrecision.YEAR
        found.append(
            TimeExpression(
                text=match.group(0),
                paragraph=paragraph,
                start=match.start(),
                end=match.end(),
                value=value,
                precision=value_precision,
                inferred=inferred and value is not None and rule != "absolute",
                rule=rule,
                part_of_day=part,
            )
        )
    return found


def resolve_times(article: Article) -> tuple[TimeExpression, ...]:
    """Every time expression in the article, resolved against its publication date, each
    paragraph read in its own language (else the article's)."""
    found: list[TimeExpression] = []
    for paragraph in article.paragraphs:
        found.extend(
            find_times(
                paragraph.text,
                paragraph.index,
                article.published,
                article.published_precision,
                language=paragraph.language or article.language,
            )
        )
    return tuple(found)


def reresolve(
    times: tuple[TimeExpression, ...],
    anchor: date | None,
    precision: DatePrecision | None = DatePrecision.DAY,
    inferred: bool = True,
) -> tuple[TimeExpression, ...]:
    """Resolve relative expressions again against publication day ``anchor``.

    Absolute dates stay as they are. With an inferred ``anchor`` the expressions resolved this way
    are marked ``inferred``; ``inferred=False`` resolves them against a given date again (and an
    ``anchor`` of None, or one not known to the day, leaves them unresolved, as the analyze stage
    does).
    """
    resolved: list[TimeExpression] = []
    for expression in times:
        rule = expression.rule
        if rule is None or not rule.startswith(("offset", "weekday", "years", "date")):
            resolved.append(expression)
            continue
        if anchor is None or (
            precision not in (*_DAY_PRECISE, None)
            and not rule.startswith("years:")
            and not inferred
        ):
            resolved.append(replace(expression, value=None, precision=None, inferred=False))
            continue
        if rule.startswith("date:"):
            _, month_text, day_text = rule.split(":")
            try:
                month = int(month_text) if month_text.isdigit() else _any_month(month_text)
                value = _nearest_day(month, int(day_text), anchor)
            except (ValueError, KeyError):
                resolved.append(expression)
                continue
            resolved.append(
                replace(expression, value=value, precision=DatePrecision.DAY, inferred=inferred)
            )
            continue
        value = _resolve(rule, expression.part_of_day, anchor)
        value_precision: DatePrecision | None = _precision_for(rule, expression.part_of_day)
        if precision not in _DAY_PRECISE and not rule.startswith("years:"):
            value_precision = precision
        resolved.append(
            replace(expression, value=value, precision=value_precision, inferred=inferred)
        )
    return tuple(resolved)


def _any_month(name: str) -> int:
    return lexicon_for(DEFAULT_LANGUAGES).months[name.lower()]
