"""Whom a run of quoted paragraphs belongs to (read by :mod:`newsloom.extract.quote_runs`): the
attribution closing it (``…, sier Kari Holm.``, or a paragraph pointing back, ``Det fortel X.``),
the person a colon paragraph introduces, the one person a sentence of the journalist's is about,
the next attributed paragraph below a dash headline, the nearest attributed answer in an
interview, and the group an interview is with. Split from ``quote_runs`` (issue 16)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsloom.extract.pointed_back import pointing_speaker
from newsloom.extract.quote_patterns import (
    AFTER,
    DASH_OPENING,
    MARKS,
    TRAILING_CLAUSE,
    split_attribution,
)
from newsloom.extract.quote_speakers import speaker_from_subject
from newsloom.extract.resources import own_words
from newsloom.extract.speaker_names import ArticleNames
from newsloom.extract.speakers import Speaker, parse_speaker
from newsloom.extract.talk import asks, has_words
from newsloom.extract.talk_runs import paragraph_quote
from newsloom.extract.unmarked import unmarked_attribution
from newsloom.records import Paragraph, Quote

_END_PUNCTUATION = re.compile(r"^[\s.!?…]*$")
HEADLINE_REACH = 12  # paragraphs from a dash headline to the attribution in its story
INTERVIEW_REACH = 40  # paragraphs from an interview answer to a named attribution


def group_interviewed(
    body: Sequence[Paragraph], questions: set[int], names: ArticleNames, language: str | None
) -> str | None:
    """The group an interview is with, when most of its questions address several people
    (``Hvordan lader dere opp?``): the first organisation the article names before them."""
    asked = [p for p in body if p.index in questions]
    if sum(has_words(p, language, "addressed_group") for p in asked) * 2 <= len(asked):
        return None
    first_question = min(questions)
    return next(
        (name for paragraph, _, name in names.organisations if paragraph < first_question), None
    )


def closing_speaker(
    text: str, names: Sequence[str] = (), language: str | None = None
) -> Speaker | None:
    """The speaker of a paragraph in ``language`` that ends in an attribution (``…, sier Kari
    Holm.``)."""
    if DASH_OPENING.match(text):
        last: re.Match[str] | None = None
        for clause in TRAILING_CLAUSE.finditer(text):
            last = clause
        if last is None:
            split = split_attribution(DASH_OPENING.sub("", text))
            return parse_speaker(split[1], names, language) if split is not None else None
        if not _END_PUNCTUATION.match(text[last.end() :]):
            return None
        speaker = parse_speaker(last.group("speaker"), names, language)
    else:
        if MARKS.search(text):
            return None
        attributed = unmarked_attribution(text)
        speaker = parse_speaker(attributed[1], names, language) if attributed is not None else None
        if speaker is None and text.lstrip()[:1].islower():
            # a paragraph that is only the attribution of the one before (``spør Clough.``,
            # where a source puts each sentence in a paragraph of its own)
            alone = AFTER.match(text)
            if alone is not None and _END_PUNCTUATION.match(text[alone.end() :]):
                speaker = speaker_from_subject(alone.group("speaker"), names)
    if speaker is None or speaker.type not in ("person", "role", "organisation", "pronoun"):
        return None
    return speaker


def run_closer(paragraph: Paragraph, names: Sequence[str], language: str | None) -> Speaker | None:
    """The speaker a paragraph closing a dash run names: its attribution
    (:func:`closing_speaker`), or, where the paragraph is only an attribution pointing back at the
    words before it (``– … ¶ Det fortel filmarkivar Kjell Billing.``), whom it names
    (:func:`newsloom.extract.pointed_back.pointing_speaker`, with the ``names`` found in it)."""
    language = paragraph.language or language
    closer = closing_speaker(paragraph.text, language=language)
    if closer is None and not DASH_OPENING.match(paragraph.text):
        pointing = pointing_speaker(paragraph.text, names, language)
        if pointing is not None and pointing.type in ("person", "role", "organisation"):
            closer = pointing
    return closer


def closing_words(paragraph: Paragraph, source: Quote) -> Quote | None:
    """The words of a closing paragraph without marks or a dash before its attribution
    (``I utlandet bruker jeg det passet jeg vil, sa hun.``), as a quote of ``source``; None
    where the paragraph is the attribution alone or opens with a dash."""
    if DASH_OPENING.match(paragraph.text):
        return None
    attributed = unmarked_attribution(paragraph.text)
    if attributed is None:
        return None
    words = attributed[0].group("content").strip()
    start = paragraph.text.find(words)
    return paragraph_quote(paragraph, start, words, source) if words and start >= 0 else None


def with_speaker(quote: Quote, source: Quote | None) -> Quote:
    if source is None:
        return quote
    return replace(
        quote,
        speaker=source.speaker,
        speaker_role=source.speaker_role,
        speaker_type=source.speaker_type,
    )


def introducer(paragraph: Paragraph, names: ArticleNames) -> Quote | None:
    """``Longva starta med følgjande melding:`` — the person a colon paragraph introduces."""
    text = paragraph.text.rstrip()
    if not text.endswith(":"):
        return None
    sentence_start = max(text.rfind(". ", 0, len(text) - 1) + 1, 0)
    named = names.last_before(paragraph.index, len(text))
    if named is None:
        return None
    for comma in reversed([m.start() for m in _CLAUSE_COMMA.finditer(text, sentence_start)]):
        # "…, sier Rieber-Mohn, og tilføyer:": the person a reporting clause names
        said = AFTER.match(text[comma:])
        speaker = parse_speaker(said.group("speaker")) if said is not None else None
        if speaker is not None and speaker.type == "person" and speaker.name:
            return Quote("", speaker.name, None, paragraph.index, speaker_type="person")
    person = next(
        (p for p in names.people if p.paragraph == paragraph.index and p.start >= sentence_start),
        None,
    )
    name = person.name if person is not None else named
    return Quote("", name, None, paragraph.index, speaker_type="person")


_CLAUSE_COMMA = re.compile(r",\s")


def person_written_of(
    paragraph: Paragraph, names: ArticleNames, language: str | None
) -> Quote | None:
    """``Staveland pirker på noe i håndflata. ¶ – Mye ligger bare i en tåkedis.``: a dash
    quote no one is named for, right after a sentence of the journalist's about one person, is
    that person's. About: the one person it names other than after a preposition (``Diagnosen
    av Breivik``); in a language whose table lists no ``prepositions``, no one."""
    prepositions = own_words(paragraph.language or language, "prepositions")
    text = paragraph.text.rstrip()
    if not prepositions or text.endswith("?") or DASH_OPENING.match(text):
        return None
    about = set()
    for person in names.people:
        if person.paragraph != paragraph.index:
            continue
        before = text[: person.start].split()
        if before and before[-1].strip("«»\"'(").lower() in prepositions:
            continue
        about.add(names.fullest(person.name))
    if len(about) != 1:
        return None
    return Quote("", about.pop(), None, paragraph.index, speaker_type="person")


def next_attributed(
    body: Sequence[Paragraph],
    closing: Sequence[bool],
    by_paragraph: dict[int, list[Quote]],
    at: int,
) -> Quote | None:
    """A dash headline (``– Kan ikkje vente``) quotes the speaker of the story below it: the
    next paragraph with an attribution of its own."""
    for scan in range(at + 1, min(len(body), at + 1 + HEADLINE_REACH)):
        found = by_paragraph.get(body[scan].index)
        if closing[scan] and found and found[0].speaker:
            return found[0]
    return None


def nearest_attributed(
    body: Sequence[Paragraph],
    closing: Sequence[bool],
    by_paragraph: dict[int, list[Quote]],
    at: int,
) -> Quote | None:
    """The quote nearest before (else after) ``at`` whose paragraph names its speaker."""
    for scan in [
        *range(at - 1, max(-1, at - 1 - INTERVIEW_REACH), -1),
        *range(at + 1, min(len(body), at + 1 + INTERVIEW_REACH)),
    ]:
        found = by_paragraph.get(body[scan].index)
        if (
            closing[scan]
            and found
            and found[0].speaker
            and found[0].speaker_type == "person"
            # "– Er han flink? spør hun.": who asks is not who answers
            and not asks(body[scan], found[0])
        ):
            return found[0]
    return None
