"""Infer the publication day of articles whose date is known only to the month (or not at all).

An article dated ``2022-01`` that says ``natten til torsdag`` and ``onsdag`` cannot be placed on a
day by itself. The story it belongs to usually can: another article carries a full date, or an
embedded post says ``January 4, 2022``. :func:`infer_publication_dates` uses that evidence:

1. Anchors: explicit dates that state their year (in any paragraph of any article of the story,
   embedded posts included) and the publication days of the story's articles dated to the day.
2. Candidates for an undated article: the days from three days before the earliest anchor to a week
   after the latest, inside the month (or year) the article is known to fall in, and not before a
   dated post embedded in the article itself.
3. Each candidate is scored by how far back its weekday mentions reach (``onsdag`` published on a
   Thursday reaches back one day); the candidate where they reach back least wins, then the one
   nearest an anchor. Without weekday mentions no day is inferred: the month is all the text says.

The result is marked ``inferred`` with ``day`` precision and the evidence it rests on;
:func:`reanchor` resolves an article's time expressions and figures again against it. Evidence
comes only from the story's own articles as they were given: an inferred date is never an anchor
for another. :func:`revise_dates` works out, whenever a story changes, which stored articles take
a new inferred date and which go back to the date they came with (the pipeline stores both, so
every view shows the same date).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from newsloom.dates import PublishedDate
from newsloom.extract.times import reresolve, resolve_rule
from newsloom.records import (
    Analysis,
    Article,
    DateOrigin,
    DatePrecision,
    ParagraphKind,
    ReuseResult,
    TimeExpression,
)

_DAY_PRECISE = (DatePrecision.DAY, DatePrecision.NIGHT, DatePrecision.TIME)
_YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b")
BEFORE_ANCHOR_DAYS = 3
AFTER_ANCHOR_DAYS = 7
COPY_SHARE = 0.3  # share of an article's words reused from one source that makes it a copy


@dataclass(frozen=True, slots=True)
class InferredDate:
    value: date
    precision: DatePrecision
    inferred: bool
    evidence: str  # what the inference rests on, for people to check


def _explicit_dates(times: Iterable[TimeExpression]) -> list[date]:
    return [
        time.value
        for time in times
        if time.value is not None
        and time.rule == "absolute"
        and time.precision == DatePrecision.DAY
        and _YEAR_IN_TEXT.search(time.text)
    ]


def _post_dates(article: Article, times: Iterable[TimeExpression]) -> list[date]:
    """Dates of posts embedded in the article: the article cannot be older than they are."""
    posts = {p.index for p in article.paragraphs if p.kind == ParagraphKind.SOCIAL_POST}
    return [
        time.value
        for time in times
        if time.value is not None
        and time.rule == "absolute"
        and time.precision == DatePrecision.DAY
        and (
            time.paragraph in posts or time.end == len(article.paragraphs[time.paragraph].text)
            if time.paragraph < len(article.paragraphs)
            else False
        )
    ]


def _window(article: Article) -> tuple[date, date] | None:
    if article.published is None or article.published_precision is None:
        return None
    start = article.published.date()
    if article.published_precision == DatePrecision.MONTH:
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start.replace(day=1), following - timedelta(days=1)
    if article.published_precision == DatePrecision.YEAR:
        return date(start.year, 1, 1), date(start.year, 12, 31)
    return None


def _analyses_by_id(analyses: Mapping[str, Analysis] | Sequence[Analysis]) -> dict[str, Analysis]:
    if isinstance(analyses, Mapping):
        return dict(analyses)
    return {analysis.article_id: analysis for analysis in analyses}


def _copied_from(
    article: Article, reuse: Mapping[str, ReuseResult], given_days: Mapping[str, date]
) -> tuple[date, str] | None:
    """The day of the dated article this one copies (a near-duplicate, or most of its text reused
    from one article): a wire copy runs on or after its source's day, usually the same day."""
    result = reuse.get(article.id)
    if result is None:
        return None
    original = result.duplicate_of
    if original is not None and original in given_days:
        return given_days[original], original
    if result.reused_share < COPY_SHARE:
        return None
    sources = Counter(p.other_article for p in result.passages if p.other_article in given_days)
    if not sources:
        return None
    source = sources.most_common(1)[0][0]
    return given_days[source], source


def _nearest(days: Sequence[int], day: int) -> int:
    """Days from ``day`` to the nearest of ``days`` (sorted ordinals): a binary search, as a
    story's anchors (every date its articles state) can number in the hundreds."""
    at = bisect.bisect_left(days, day)
    return min(abs(day - other) for other in days[max(at - 1, 0) : at + 1])


def _best_day(
    low: date, high: date, weekday_rules: Sequence[str], anchor_days: Sequence[int]
) -> tuple[tuple[int, int, int], date] | None:
    """The first day in ``low``–``high`` with the lowest score (how far its weekday mentions
    reach at most and in all, then how far the nearest anchor is), with that score.

    How far a weekday mention reaches depends on the day's weekday alone, so the reach is taken
    once per weekday and only the days of the best weekdays are looked at (a story stating a date
    decades back spans thousands of days).
    """
    reach_of: dict[int, tuple[int, int]] = {}
    day = low
    while day <= high and len(reach_of) < 7:
        reach = [abs((day - resolve_rule(rule, day)).days) for rule in weekday_rules]
        reach_of[day.weekday()] = (max(reach), sum(reach))
        day += timedelta(days=1)
    if not reach_of:
        return None
    least = min(reach_of.values())
    best: tuple[tuple[int, int, int], date] | None = None
    for offset in range(min(7, (high - low).days + 1)):
        day = low + timedelta(days=offset)
        if reach_of[day.weekday()] != least:
            continue
        while day <= high:
            score = (*least, _nearest(anchor_days, day.toordinal()))
            if best is None or score < best[0] or (score == best[0] and day < best[1]):
                best = (score, day)
            day += timedelta(days=7)
    return best


def infer_publication_dates(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis] | Sequence[Analysis],
    reuse: Mapping[str, ReuseResult] | None = None,
) -> dict[str, InferredDate]:
    """Inferred publication days for the story's articles dated only to the month, year or not.

    ``reuse`` (optional) links wire copies to their sources: a copy without weekday mentions takes
    its dated source's day, and one with them is not placed before that day.
    """
    by_id = _analyses_by_id(analyses)
    given_days = {
        a.id: a.published.date()
        for a in articles
        if a.published is not None
        and a.published_precision in _DAY_PRECISE
        and a.published_origin != DateOrigin.INFERRED
    }
    anchors: list[tuple[date, str]] = []
    for article in articles:
        analysis = by_id.get(article.id)
        if article.published_origin == DateOrigin.INFERRED:
            continue  # an inference is no evidence for another
        if article.published is not None and article.published_precision in _DAY_PRECISE:
            anchors.append((article.published.date(), f"publication date of {article.id}"))
        if analysis is not None:
            anchors.extend(
                (value, f"date stated in {article.id}") for value in _explicit_dates(analysis.times)
            )
    if not anchors:
        return {}
    earliest = min(value for value, _ in anchors)
    latest = max(value for value, _ in anchors)
    anchor_days = sorted({value.toordinal() for value, _ in anchors})
    inferred: dict[str, InferredDate] = {}
    for article in articles:
        if article.published_precision in _DAY_PRECISE and article.published is not None:
            continue
        analysis = by_id.get(article.id)
        if analysis is None:
            continue
        weekday_rules = [t.rule for t in analysis.times if t.rule and t.rule.startswith("weekday:")]
        window = _window(article)
        copied = _copied_from(article, reuse or {}, given_days)
        if copied is not None and window is not None and not window[0] <= copied[0] <= window[1]:
            copied = None  # the copy's own month says otherwise
        if not weekday_rules:
            if copied is not None:
                inferred[article.id] = InferredDate(
                    copied[0],
                    DatePrecision.DAY,
                    inferred=True,
                    evidence=f"copy of {copied[1]} (published {copied[0].isoformat()})",
                )
            continue
        low = earliest - timedelta(days=BEFORE_ANCHOR_DAYS)
        high = latest + timedelta(days=AFTER_ANCHOR_DAYS)
        if copied is not None:
            low = max(low, copied[0])
        own_posts = _post_dates(article, analysis.times)
        if own_posts:
            low = max(low, max(own_posts))
        if window is not None:
            low, high = max(low, window[0]), min(high, window[1])
        best = _best_day(low, high, weekday_rules, anchor_days)
        if best is None:
            continue
        anchor_value, anchor_evidence = min(anchors, key=lambda item: abs((best[1] - item[0]).days))
        inferred[article.id] = InferredDate(
            value=best[1],
            precision=DatePrecision.DAY,
            inferred=True,
            evidence=(
                f"{len(weekday_rules)} weekday mention(s) fit {best[1].isoformat()} best, "
                f"near {anchor_evidence} ({anchor_value.isoformat()})"
            ),
        )
    return inferred


def reanchor(
    article: Article, analysis: Analysis, inferred: InferredDate
) -> tuple[Article, Analysis]:
    """The article dated to the inferred day, with its times and figures resolved against it."""
    published = datetime(inferred.value.year, inferred.value.month, inferred.value.day)
    dated = replace(
        article,
        published=published,
        published_precision=inferred.precision,
        published_origin=DateOrigin.INFERRED,
        published_evidence=inferred.evidence,
    )
    times = reresolve(analysis.times, inferred.value, inferred.precision)
    from newsloom.extract.figures import extract_figures  # its patterns compile on import

    return dated, replace(analysis, times=times, figures=extract_figures(dated, times))


def as_given(
    article: Article, analysis: Analysis | None, given: PublishedDate | None
) -> tuple[Article, Analysis | None]:
    """The article with the date it came with, its times and figures resolved against that."""
    dated = replace(
        article,
        published=given.value if given else None,
        published_precision=given.precision if given else None,
        published_origin=given.origin if given else None,
        published_evidence=None,
    )
    if analysis is None:
        return dated, None
    anchor = given.value.date() if given else None
    times = reresolve(analysis.times, anchor, given.precision if given else None, inferred=False)
    from newsloom.extract.figures import extract_figures  # its patterns compile on import

    figures = extract_figures(dated, times) if analysis.figures else ()
    return dated, replace(analysis, times=times, figures=figures)


@dataclass(frozen=True, slots=True)
class DateRevision:
    """A stored article's new date: inferred from its story, or ``None``: the date it came with."""

    article_id: str
    date: PublishedDate | None
    analysis: Analysis | None  # its times and figures resolved against that date


def revise_dates(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    given: Mapping[str, PublishedDate | None],
    reuse: Mapping[str, ReuseResult] | None = None,
) -> list[DateRevision]:
    """What changes in a story's stored dates: ``articles`` as stored (inferred dates included),
    ``given`` the dates that inferred articles came with. Unchanged articles are left out."""
    originals: list[Article] = []
    original_analyses: dict[str, Analysis] = {}
    for article in articles:
        analysis = analyses.get(article.id)
        if article.published_origin == DateOrigin.INFERRED:
            article, analysis = as_given(article, analysis, given.get(article.id))
        originals.append(article)
        if analysis is not None:
            original_analyses[article.id] = analysis
    inferred = infer_publication_dates(originals, original_analyses, reuse)
    stored = {article.id: article for article in articles}
    revisions: list[DateRevision] = []
    for article in originals:
        now = stored[article.id]
        analysis = original_analyses.get(article.id)
        found = inferred.get(article.id)
        if found is None:
            if now.published_origin == DateOrigin.INFERRED:
                revisions.append(DateRevision(article.id, None, analysis))
            continue
        published = datetime(found.value.year, found.value.month, found.value.day)
        if (
            now.published_origin == DateOrigin.INFERRED
            and now.published == published
            and now.published_evidence == found.evidence
        ):
            continue
        if analysis is not None:
            analysis = reanchor(article, analysis, found)[1]
        revisions.append(
            DateRevision(
                article.id,
                PublishedDate(published, found.precision, DateOrigin.INFERRED, found.evidence),
                analysis,
            )
        )
    return revisions
