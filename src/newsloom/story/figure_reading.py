"""Reading one figure statement: the time its count refers to, whether it is an increment or a part
of a group, and the interval of counts its value and qualifier allow.

The figure tracks (:mod:`newsloom.story.tracks`) compare statements through these readings. A count
stated in a later article is the count as it stood when that article was published; only a time
expression that dates the count itself (not an event the count follows from) takes it back.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from newsloom.records import Article, DatePrecision, Figure, TimeExpression
from newsloom.story.sentences import split_sentences

PRECISE = (DatePrecision.DAY, DatePrecision.NIGHT, DatePrecision.TIME)
_AT_LEAST = ("at least", "more than", "over", "at_least", "more_than", "minimum", "upwards of")
_AT_MOST = ("up to", "at most", "less than", "fewer than", "under", "up_to", "at_most", "maximum")
_ABOUT = ("about", "around", "approximately", "nearly", "almost", "some", "roughly")
# Words that open a clause dating an event rather than a count ("after the fire on Tuesday",
# "efter at der natten til tirsdag udbrød brand", "när färjan började brinna natten till tisdag").
_EVENT_CLAUSE = re.compile(
    r"\b(?:efter|etter|after|following|sedan|siden|since|när|når|da|då|when|during|under|"
    r"después|tras|durante|desde|cuando|nach|seit|als)\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?:['’]s\b|s\b|ens\b|ns\b)", re.IGNORECASE)  # Tuesday's, tirsdagens
_CLAUSE_BREAK = re.compile(r"[,;:–—(]")
# Words that put a count at the time of writing whatever time the sentence names.
_NOW = re.compile(
    r"\b(?:nu|nå|now|numera|hittil|hidtil|hittills|foreløbig|foreløpig|førebels|currently|"
    r"so\s+far|så\s+langt|indtil\s+videre|ahora|hasta\s+ahora|jetzt|bisher)\b",
    re.IGNORECASE,
)
# Words before a number that make it an increment rather than a total ("three more", "yderligere
# tre", "another five", "ytterligare två").
_INCREMENT_BEFORE = re.compile(
    r"\b(?:yderligere|ytterligere|ytterligare|ytterlegare|endnu|enda|ennå|endå|further|another|"
    r"additional|otros|otras|weitere)\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)
_INCREMENT_AFTER = re.compile(r"^\S+\s+(?:more|mere|mer|flere|fleire|fler)\b", re.IGNORECASE)
# A part of a group the sentence describes ("five of the people who were arrested have been
# remanded", "ni af de personer, der blev anholdt", "among the detained is a man"): not a total.
_SUBSET_AFTER = re.compile(
    r"^\S+\s+(?:of|af|av|de)\s+(?:the|those|de|dei|los|las)\s+\S+,?\s+"
    r"(?:who|that|which|der|som|sem|que)\b",
    re.IGNORECASE,
)
_AMONG_BEFORE = re.compile(
    r"\b(?:among|amongst|blandt|blant|bland|entre)\b[^.,;:]*$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class FigureMention:
    """A figure as found in one article (the input of :func:`build_tracks`)."""

    article: Article
    figure: Figure
    # the article's resolved time expressions; with them the time a count refers to is read from
    # its own sentence (without them, the publication day stands for a count dated earlier)
    times: tuple[TimeExpression, ...] = ()


def reference_time(mention: FigureMention) -> tuple[date | None, DatePrecision | None]:
    """The time a figure refers to (see :func:`read_time`)."""
    when, precision, _ = read_time(mention)
    return when, precision


def read_time(mention: FigureMention) -> tuple[date | None, DatePrecision | None, bool]:
    """The time a count refers to, and whether that is a day before its article's (a restatement).

    A count stated in a later article ("five are now confirmed dead after the fire on the night
    to Tuesday") is the count as it stood when that article was published, not on the day of the
    event its sentence dates. Only a time expression of the count's own sentence that dates the
    count itself ("on Tuesday two were dead") takes it back to an earlier day. A count dated after a
    month-precision publication date keeps its day.
    """
    figure = mention.figure
    published = mention.article.published
    precision = mention.article.published_precision or DatePrecision.DAY
    if precision == DatePrecision.TIME:
        precision = DatePrecision.DAY
    publication = (published.date(), precision) if published is not None else None
    own = _own_times(mention)
    if own is not None and not _NOW.search(_sentence_text(mention)):
        span = _sentence_span(mention)
        assert span is not None
        counting = [t for t in own if not _dates_an_event(t, mention, span[0])]
        if not own:
            counting = _told_before(mention, span[0])
        if counting:
            latest = max(counting, key=lambda t: t.value or date.min)
            assert latest.value is not None
            when = (latest.value, latest.precision or DatePrecision.DAY)
            if publication is not None and publication[1] in PRECISE:
                return when[0], when[1], when[0] < publication[0]
            return when[0], when[1], False
    if own and publication is not None:
        return publication[0], publication[1], False  # the sentence's times date an event
    if figure.as_of is None:
        return (*publication, False) if publication is not None else (None, None, False)
    as_of = (figure.as_of, figure.as_of_precision or DatePrecision.DAY)
    if publication is None or publication[1] not in PRECISE or publication[0] <= as_of[0]:
        return as_of[0], as_of[1], False
    return publication[0], publication[1], False


def paragraph_text(mention: FigureMention) -> str:
    for paragraph in mention.article.paragraphs:
        if paragraph.index == mention.figure.paragraph:
            return paragraph.text
    return ""


def _sentence_span(mention: FigureMention) -> tuple[int, int] | None:
    """The character span of the sentence that states the figure, when the figure is located."""
    figure = mention.figure
    text = paragraph_text(mention)
    if not text or figure.end <= figure.start or text[figure.start : figure.end] != figure.text:
        return None
    for start, end in split_sentences(text):
        if start <= figure.start < max(end, start + 1):
            return start, end
    return None


def _sentence_text(mention: FigureMention) -> str:
    span = _sentence_span(mention)
    return paragraph_text(mention)[span[0] : span[1]] if span else mention.figure.text


def _own_times(mention: FigureMention) -> list[TimeExpression] | None:
    """The resolved time expressions of the figure's sentence; None when that cannot be told."""
    if not mention.times:
        return None
    span = _sentence_span(mention)
    if span is None:
        return None
    return [
        t
        for t in mention.times
        if t.paragraph == mention.figure.paragraph
        and span[0] <= t.start < span[1]
        and t.value is not None
    ]


def _told_before(mention: FigureMention, sentence_start: int) -> list[TimeExpression]:
    """For a sentence that names no time: the time the paragraph's account runs in, the nearest
    time expression of an earlier sentence of the same paragraph that dates no event ("On Tuesday
    thousands marched. Organisers counted over 4,000.")."""
    text = paragraph_text(mention)
    spans = split_sentences(text)
    earlier = sorted(
        (
            t
            for t in mention.times
            if t.paragraph == mention.figure.paragraph
            and t.value is not None
            and t.start < sentence_start
        ),
        key=lambda t: t.start,
    )
    for expression in reversed(earlier):
        start = next((a for a, b in spans if a <= expression.start < b), 0)
        if not _dates_an_event(expression, mention, start):
            return [expression]
    return []


def _dates_an_event(expression: TimeExpression, mention: FigureMention, start: int) -> bool:
    """Whether the time expression dates an event the count follows from, not the count: it sits in
    a clause opened by "after", "since", "when" … or is a possessive ("Tuesday's fire")."""
    text = paragraph_text(mention)
    before = text[start : expression.start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    if _EVENT_CLAUSE.search(clause):
        return True
    return bool(_POSSESSIVE.match(text[expression.end : expression.end + 4]))


def is_partial(mention: FigureMention) -> bool:
    """Whether the figure counts an increment ("three more", "yderligere tre") or a part of a group
    ("five of the people who were arrested"), not a total."""
    text = paragraph_text(mention)
    figure = mention.figure
    if text and text[figure.start : figure.end] == figure.text:
        before = text[max(0, figure.start - 40) : figure.start]
        after = text[figure.start : figure.end + 40]
    else:
        before, after = "", figure.text
    opening = after.split(" ", 1)[0] + " "
    return bool(
        _INCREMENT_BEFORE.search(before)
        or _INCREMENT_BEFORE.match(opening)
        or _INCREMENT_AFTER.match(after)
        or _SUBSET_AFTER.match(after)
        or _AMONG_BEFORE.search(before)
    )


def value_range(figure: Figure) -> tuple[float, float]:
    """The interval of counts the figure allows, with its qualifier taken into account."""
    low, high = figure.low, max(figure.high, figure.low)
    qualifier = (figure.qualifier or "").casefold()
    if any(word in qualifier for word in _AT_LEAST):
        return low, math.inf
    if any(word in qualifier for word in _AT_MOST):
        return 0.0, high
    if any(word in qualifier for word in _ABOUT):
        return low * 0.85, high * 1.15
    return low, high


def compatible(first: Figure, second: Figure) -> bool:
    """Whether two statements of a figure can both be true at the same time."""
    first_low, first_high = value_range(first)
    second_low, second_high = value_range(second)
    return first_low <= second_high and second_low <= first_high
