"""Time expressions resolved against the publication date (da, nb, nn, sv, en, es, de).

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

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta

from newsloom.extract.numbers import UNITS
from newsloom.records import Article, DatePrecision, TimeExpression

WEEKDAYS: dict[str, int] = {}
for _index, _names in enumerate(
    (
        "mandag måndag monday lunes montag",
        "tirsdag tysdag tisdag tuesday martes dienstag",
        "onsdag wednesday miércoles miercoles mittwoch",
        "torsdag thursday jueves donnerstag",
        "fredag friday viernes freitag",
        "lørdag laurdag lördag saturday sábado sabado samstag",
        "søndag sundag söndag sunday domingo sonntag",
    )
):
    for _name in _names.split():
        WEEKDAYS[_name] = _index

MONTHS: dict[str, int] = {}
for _index, _names in enumerate(
    (
        "januar januari january enero jan",
        "februar februari february febrero feb",
        "marts mars march marzo märz mar",
        "april abril apr",
        "maj mai may mayo",
        "juni june junio jun",
        "juli july julio jul",
        "august augusti agosto aug",
        "september septiembre setiembre sep sept",
        "oktober october octubre okt oct",
        "november noviembre nov",
        "december desember diciembre dezember dec des dez",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _index

_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_COUNT = r"\d+|" + "|".join(sorted((w for w, v in UNITS.items() if v <= 30), key=len, reverse=True))

_PARTS: dict[str, str] = {}
for _part, _words in {
    "night": "nat natt natten nattens night overnight noche madrugada nacht",
    "morning": "morgen morgon morning morges morse mañana formiddag förmiddag formiddagen"
    " förmiddagen formiddags",
    "afternoon": "eftermiddag ettermiddag eftermiddagen ettermiddagen afternoon tarde nachmittag",
    "evening": "aften aftenen aftes kveld kvelden kväll kvällen evening abend",
    "late": "sent late",
}.items():
    for _word in _words.split():
        _PARTS[_word] = _part
_PART = "|".join(sorted(_PARTS, key=len, reverse=True))

# Relative days: phrase → offset in days from the publication day, part of day.
_RELATIVE: dict[str, tuple[int, str | None]] = {
    "i dag": (0, None),
    "idag": (0, None),
    "today": (0, None),
    "hoy": (0, None),
    "heute": (0, None),
    "i går": (-1, None),
    "igår": (-1, None),
    "i gær": (-1, None),
    "yesterday": (-1, None),
    "ayer": (-1, None),
    "gestern": (-1, None),
    "i forgårs": (-2, None),
    "i forgår": (-2, None),
    "i förrgår": (-2, None),
    "the day before yesterday": (-2, None),
    "anteayer": (-2, None),
    "vorgestern": (-2, None),
    "i morgen": (1, None),
    "i morgon": (1, None),
    "tomorrow": (1, None),
    "i overmorgen": (2, None),
    "i övermorgon": (2, None),
    "i nat": (0, "night"),
    "i natt": (0, "night"),
    "last night": (0, "night"),
    "overnight": (0, "night"),
    "esta madrugada": (0, "night"),
    "anoche": (-1, "evening"),
    "i aftes": (-1, "evening"),
    "i går aftes": (-1, "evening"),
    "i går aften": (-1, "evening"),
    "i går kveld": (-1, "evening"),
    "i gårkveld": (-1, "evening"),
    "i går kväll": (-1, "evening"),
    "i går morges": (-1, "morning"),
    "i går morgen": (-1, "morning"),
    "i morges": (0, "morning"),
    "i morse": (0, "morning"),
    "this morning": (0, "morning"),
    "i formiddag": (0, "morning"),
    "i förmiddags": (0, "morning"),
    "i eftermiddag": (0, "afternoon"),
    "i ettermiddag": (0, "afternoon"),
    "i eftermiddags": (0, "afternoon"),
    "this afternoon": (0, "afternoon"),
    "i aften": (0, "evening"),
    "i kveld": (0, "evening"),
    "i kväll": (0, "evening"),
    "this evening": (0, "evening"),
    "tonight": (0, "evening"),
}
_RELATIVE_PATTERN = "|".join(re.escape(k) for k in sorted(_RELATIVE, key=len, reverse=True))

_FORWARD = (
    r"på|nu på|næste|neste|nästa|kommende|komande|kommande|next|this coming|el próximo|próximo"
    r"|nächsten|am kommenden"
)
_BACK = r"sidste|sist|forrige|førre|förra|last|el pasado|pasado|vergangenen|letzten"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        # natten til torsdag / natt til torsdag / natten mot torsdag / the night to Thursday
        (
            "night_to",
            rf"\b(?:natten|natt|nat|the night) (?:til|till|mot|to|før) (?P<weekday>{_WEEKDAY})s?\b",
        ),
        # Swedish "i tisdags" (last Tuesday), "i tisdags kväll"
        ("weekday_sv_past", rf"\bi (?P<weekday>{_WEEKDAY})s(?: (?P<part>{_PART}))?\b"),
        # sent onsdag / late Wednesday / onsdag aften / tirsdagens / på fredag / last Friday
        (
            "weekday",
            rf"(?:\b(?P<direction>{_FORWARD}|{_BACK}) )?"
            r"(?:\b(?P<late>sent|late|tidligt|tidlig|early) (?:on )?)?"
            rf"\b(?:(?:el|on) )?(?P<weekday>{_WEEKDAY})(?P<genitive>ens|ens|s|en)?"
            rf"(?: (?:(?P<part>{_PART})|(?:i|om|på|in the) (?P<part2>{_PART})))?\b",
        ),
        (
            "ago",
            rf"\b(?:for (?P<n1>{_COUNT}) (?P<u1>dage|dager|døgn|dag|uger|uge|uker|uke|år) siden"
            rf"|för (?P<n2>{_COUNT}) (?P<u2>dagar|dag|veckor|vecka|år) sedan"
            rf"|(?P<n3>{_COUNT}) (?P<u3>days|day|weeks|week|years|year) ago"
            rf"|hace (?P<n4>{_COUNT}) (?P<u4>días|día|semanas|semana|años|año))\b",
        ),
        ("relative", rf"(?<!\w)(?:{_RELATIVE_PATTERN})(?!\w)"),
        # 19. januar 2022 / 4 January 2022 / 4 de enero de 2022 / den 4. jan.
        (
            "day_month",
            rf"\b(?P<day>[0-3]?\d)\.? (?:de )?(?P<month>{_MONTH})\b"
            r"(?:,? (?:de |del )?(?P<year>(?:19|20)\d\d)\b)?",
        ),
        # January 4, 2022 / January 4
        (
            "month_day",
            rf"\b(?P<month>{_MONTH})\.? (?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
            r"(?:,? (?P<year>(?:19|20)\d\d)\b)?",
        ),
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("numeric", r"\b(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>(?:19|20)\d\d)\b"),
        (
            "month_year",
            rf"\b(?:(?:i|in|en|im) )?(?P<month>{_MONTH}) (?:de |del )?(?P<year>(?:19|20)\d\d)\b",
        ),
        (
            "year",
            r"\b(?:i|in|en|im|år|siden|since|desde|sedan|fra|from) "
            r"(?P<year>(?:19|20)\d\d)\b(?![.,]\d)",
        ),
    )
)

_DAY_PRECISE = (DatePrecision.DAY, DatePrecision.NIGHT, DatePrecision.TIME)

# Words a pattern cannot match without: a paragraph lacking all of them skips that pattern (the
# patterns try their optional prefixes at every position; a substring test is far cheaper).
_WEEKDAY_WORDS = tuple(sorted({word.lower() for word in WEEKDAYS}))
_MONTH_WORDS = tuple(sorted({word.lower() for word in MONTHS}))
_GATES: dict[str, tuple[str, ...]] = {
    "night_to": _WEEKDAY_WORDS,
    "weekday_sv_past": _WEEKDAY_WORDS,
    "weekday": _WEEKDAY_WORDS,
    "ago": ("siden", "sedan", "ago", "hace"),
    "day_month": _MONTH_WORDS,
    "month_day": _MONTH_WORDS,
    "month_year": _MONTH_WORDS,
    "iso": tuple("0123456789"),
    "numeric": tuple("0123456789"),
    "year": ("19", "20"),
}


def _count(word: str) -> int:
    return int(word) if word.isdigit() else UNITS.get(word.lower(), 1)


def _rule_for(name: str, match: re.Match[str]) -> tuple[str, str | None] | None:
    """The resolution rule and part of day of one match, or None when it is not a time."""
    groups = match.groupdict()
    if name == "night_to":
        return f"weekday:{WEEKDAYS[groups['weekday'].lower()]}:near", "night"
    if name == "weekday_sv_past":
        return f"weekday:{WEEKDAYS[groups['weekday'].lower()]}:back", _PARTS.get(
            (groups["part"] or "").lower()
        )
    if name == "weekday":
        weekday = groups["weekday"]
        if weekday[0].isupper() and match.start() > 0 and groups["direction"] is None:
            pass  # capitalised weekdays are fine (sentence start, English)
        direction = (groups["direction"] or "").lower()
        mode = "past"
        if direction and re.fullmatch(_FORWARD, direction):
            mode = "forward"
        elif direction:
            mode = "back"
        part_word = (groups["part"] or groups["part2"] or "").lower()
        part = _PARTS.get(part_word) if part_word else None
        if groups["late"]:
            part = "late" if groups["late"].lower() in ("sent", "late") else "morning"
        if part_word in ("morgen", "mañana") and groups["part2"] is None:
            part = "morning"
        return f"weekday:{WEEKDAYS[weekday.lower()]}:{mode}", part
    if name == "ago":
        for index in "1234":
            if groups[f"n{index}"]:
                amount = _count(groups[f"n{index}"])
                unit = groups[f"u{index}"].lower()
                if unit.startswith(("år", "year", "añ")):
                    return f"years:{-amount}", None
                if unit.startswith(("uge", "uke", "veck", "week", "seman")):
                    return f"offset:{-7 * amount}", None
                return f"offset:{-amount}", None
        return None
    if name == "relative":
        offset, part = _RELATIVE[match.group(0).lower()]
        return f"offset:{offset}", part
    if name == "year":
        return "absolute", None
    return "absolute", None


def _absolute(
    name: str, match: re.Match[str], anchor: date | None
) -> tuple[date, DatePrecision] | None:
    groups = match.groupdict()
    try:
        if name == "year":
            return date(int(groups["year"]), 1, 1), DatePrecision.YEAR
        month_text = groups["month"]
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
        if name == "month_year":
            return date(int(groups["year"]), month, 1), DatePrecision.MONTH
        day = int(groups["day"])
        if groups.get("year"):
            return date(int(groups["year"]), month, day), DatePrecision.DAY
        if anchor is None:
            return None
        candidates = [date(anchor.year + shift, month, day) for shift in (-1, 0, 1)]
        return min(candidates, key=lambda value: abs((value - anchor).days)), DatePrecision.DAY
    except (ValueError, KeyError):
        return None


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


def _precision_for(rule: str, part: str | None) -> DatePrecision:
    if rule.startswith("years:"):
        return DatePrecision.YEAR
    return DatePrecision.NIGHT if part == "night" else DatePrecision.DAY


def _matches(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Non-overlapping matches, earlier patterns first (longer, more specific phrases win)."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, re.Match[str]]] = []
    lowered = text.lower()
    for name, pattern in _PATTERNS:
        gate = _GATES.get(name)
        if gate is not None and not any(word in lowered for word in gate):
            continue
        for match in pattern.finditer(text):
            if match.end() == match.start():
                continue
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append((name, match))
    yield from sorted(found, key=lambda item: item[1].start())


def find_times(
    text: str,
    paragraph: int,
    published: datetime | None,
    precision: DatePrecision | None,
    inferred: bool = False,
) -> list[TimeExpression]:
    """Time expressions of one paragraph, resolved against ``published`` with its precision."""
    anchor = published.date() if published is not None else None
    relative_anchor = anchor if precision in _DAY_PRECISE else None
    year_anchor = (
        anchor if precision in (*_DAY_PRECISE, DatePrecision.MONTH, DatePrecision.YEAR) else None
    )
    found: list[TimeExpression] = []
    for name, match in _matches(text):
        rule_and_part = _rule_for(name, match)
        if rule_and_part is None:
            continue
        rule, part = rule_and_part
        value: date | None = None
        value_precision: DatePrecision | None = None
        if rule == "absolute":
            resolved = _absolute(name, match, year_anchor)
            if resolved is not None:
                value, value_precision = resolved
            elif name in ("day_month", "month_day") and year_anchor is None:
                rule = f"date:{match.group('month')}:{match.group('day')}"
            else:
                continue
        elif relative_anchor is not None:
            value = resolve_rule(rule, relative_anchor)
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
    """Every time expression in the article, resolved against its publication date."""
    found: list[TimeExpression] = []
    for paragraph in article.paragraphs:
        found.extend(
            find_times(
                paragraph.text, paragraph.index, article.published, article.published_precision
            )
        )
    return tuple(found)


def reresolve(
    times: tuple[TimeExpression, ...], anchor: date, precision: DatePrecision = DatePrecision.DAY
) -> tuple[TimeExpression, ...]:
    """Resolve relative expressions again against an inferred publication day ``anchor``.

    Absolute dates stay as they are; expressions resolved this way are marked ``inferred``.
    """
    resolved: list[TimeExpression] = []
    for expression in times:
        rule = expression.rule
        if (
            rule is None
            or rule == "absolute"
            or (
                expression.value is not None
                and not rule.startswith(("offset", "weekday", "years", "date"))
            )
        ):
            resolved.append(expression)
            continue
        if rule.startswith("date:"):
            _, month_text, day_text = rule.split(":")
            month = MONTHS.get(month_text.lower())
            if month is None:
                resolved.append(expression)
                continue
            try:
                candidates = [
                    date(anchor.year + shift, month, int(day_text)) for shift in (-1, 0, 1)
                ]
            except ValueError:
                resolved.append(expression)
                continue
            value = min(candidates, key=lambda item: abs((item - anchor).days))
            resolved.append(
                replace(expression, value=value, precision=DatePrecision.DAY, inferred=True)
            )
            continue
        value = resolve_rule(rule, anchor)
        value_precision = _precision_for(rule, expression.part_of_day)
        if precision not in _DAY_PRECISE and not rule.startswith("years:"):
            value_precision = precision
        resolved.append(replace(expression, value=value, precision=value_precision, inferred=True))
    return tuple(resolved)
