"""Quotes whose quotation marks span paragraphs.

News opens a long quote with a mark, goes on over whole paragraphs and closes it paragraphs
later (``«Jeg betalte tolv millioner for ham. ¶ Han klarte ikke å score.» sier X.``), French,
Italian and English news opening each paragraph of the run with the mark again (``« … ¶ « …»,
a assuré X.``): every paragraph of that run is one quote of one speaker. The speaker is whoever
the closing paragraph names after the mark, else whoever the opening paragraph names before it
(``X sa: «…``), else the last speaker before the run. A paragraph that opens with a mark never
closed within :data:`MAX_MARK_RUN` paragraphs is a quote on its own (a question list, a
letter's lines); a mark opened mid-paragraph and never closed is left alone (a title, a stray
mark).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsloom.extract.speakers import Speaker
from newsloom.extract.talk_runs import paragraph_quote
from newsloom.records import Paragraph, ParagraphKind, Quote

MAX_MARK_RUN = 4  # paragraphs after the opening one in which the closing mark must come
PAIRS = (("«", "»"), ("“", "”"))  # marks whose opening and closing differ
DANISH_PAIRS = (("»", "«"), ("“", "”"))  # Danish news opens with » and closes with «
# the two marks of each pair, found at once (the characters between them need not be read)
_MARKS = {pair: re.compile(f"[{re.escape(''.join(pair))}]") for pair in {*PAIRS, *DANISH_PAIRS}}
_LEAD = " \t*-–—"  # what may stand before a mark that opens a paragraph (a list star, a dash)

SpeakerFinder = Callable[[str], Speaker | None]


def _pairs(language: str | None) -> tuple[tuple[str, str], ...]:
    return DANISH_PAIRS if language == "da" else PAIRS


def _unclosed_opening(text: str, language: str | None) -> tuple[str, str, int] | None:
    """The opening mark left open at the end of ``text``, its closing mark and its position."""
    for opening, closing in _pairs(language):
        if opening not in text:
            continue
        depth = 0
        position = -1
        for mark in _MARKS[opening, closing].finditer(text):
            at, character = mark.start(), mark.group()
            if character == opening:
                if depth == 0:
                    position = at
                depth += 1
            elif character == closing and depth:
                depth -= 1
        if depth:
            return opening, closing, position
    return None


def _continued(text: str, opening: str) -> int:
    """Where the words of a paragraph a mark run goes on in start: after the opening mark French,
    Italian and English news repeat at the start of each paragraph of a long quote (``« …`` ¶
    ``« …», a assuré X.``), else at its start."""
    lead = len(text) - len(text.lstrip(_LEAD))
    return lead + 1 if text[lead : lead + 1] == opening else 0


def _closing_at(text: str, opening: str, closing: str) -> int | None:
    """Where a mark opened in an earlier paragraph closes in ``text``, if it does."""
    depth = 0
    for at, character in enumerate(text):
        if character == opening:
            depth += 1
        elif character == closing:
            if depth == 0:
                return at
            depth -= 1
    return None


def _span(paragraph: Paragraph, start: int, end: int, speaker: Speaker | None) -> Quote | None:
    text = paragraph.text[start:end]
    stripped = text.strip(" ,")
    if len(stripped.split()) < 2:
        return None
    credit = (
        Quote("", speaker.name, speaker.role, paragraph.index, speaker_type=speaker.type)
        if speaker
        else None
    )
    return paragraph_quote(paragraph, start + text.find(stripped), stripped, credit)


def mark_runs(
    paragraphs: Sequence[Paragraph],
    quotes: Sequence[Quote],
    after: SpeakerFinder,
    before: SpeakerFinder,
    introducer: SpeakerFinder | None = None,
    language: str | None = None,
) -> list[Quote]:
    """``quotes`` with the quotes of mark runs added (in paragraph order), where a paragraph of
    the run has no quote overlapping the run's words yet. ``after`` reads a speaker from the text
    after a closing mark, ``before`` from the text before an opening one, ``introducer`` from a
    paragraph before the run that ends in a colon (``I sin biografi sier Holm:``)."""
    body = [p for p in paragraphs if p.kind == ParagraphKind.BODY]
    added: list[Quote] = []
    at = 0
    while at < len(body):
        first = body[at]
        opened = _unclosed_opening(first.text, first.language or language)
        if opened is None:
            at += 1
            continue
        opening, closing, position = opened
        end: tuple[int, int] | None = None
        repeated = True  # every paragraph of the run so far opens with the mark again
        for scan in range(at + 1, min(len(body), at + 1 + MAX_MARK_RUN)):
            # a paragraph the run goes on in may open with the mark again ("« … ¶ « …. »,
            # a assuré X."): the run's, no new quote, where each paragraph before it did so too
            skip = _continued(body[scan].text, opening) if repeated else 0
            repeated = bool(skip)
            closes = _closing_at(body[scan].text[skip:], opening, closing)
            if closes is not None:
                end = (scan, skip + closes)
                break
            if opening in body[scan].text[skip:]:
                break
        if end is None and first.text[:position].strip(_LEAD):
            at += 1  # opened mid-paragraph and never closed: not a quote run
            continue
        last = end[0] if end else at
        speaker = after(body[last].text[end[1] + 1 :]) if end else None
        introduced: Speaker | None = None
        if speaker is None or not (speaker.name or speaker.role):
            speaker = before(first.text[:position])
        if (
            (speaker is None or not (speaker.name or speaker.role))
            and introducer is not None
            and at
            and not first.text[:position].strip(_LEAD)
        ):
            introduced = introducer(body[at - 1].text)
            if introduced is not None:
                speaker = introduced  # a pronoun ("Han sa:") is resolved with the article's names
        if speaker is None or not (
            speaker.name or speaker.role or (speaker.type == "pronoun" and speaker is introduced)
        ):
            earlier = [q for q in (*quotes, *added) if q.paragraph < first.index and q.speaker]
            if earlier:
                previous = max(earlier, key=lambda q: (q.paragraph, q.start))
                kind = previous.speaker_type or "person"
                speaker = Speaker(previous.speaker, previous.speaker_role, kind)
        for member in range(at, last + 1):
            paragraph = body[member]
            start = position + 1 if member == at else _continued(paragraph.text, opening)
            stop = end[1] if end and member == last else len(paragraph.text)
            if any(
                q.paragraph == paragraph.index and q.start < stop and q.end > start for q in quotes
            ):
                continue
            quote = _span(paragraph, start, stop, speaker)
            if quote is not None:
                added.append(quote)
        at = last + 1
    return sorted([*quotes, *added], key=lambda q: (q.paragraph, q.start))
