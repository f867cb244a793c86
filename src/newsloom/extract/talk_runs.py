"""Quotes of whole paragraphs of talk: the quote a paragraph is, and talk that goes on after an
attribution (``– A, sier Holm. ¶ Vi må vente.``), and the journalist's dash question between
someone's talk and its answer. Read by :mod:`newsloom.extract.quote_runs`
and :mod:`newsloom.extract.mark_runs`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.quote_patterns import DASH_OPENING, MARKS
from newsloom.extract.sentences import split_sentences
from newsloom.extract.speaker_names import ArticleNames
from newsloom.extract.speakers import Speaker
from newsloom.extract.talk import (
    THIRD_PERSON_OPENING,
    answer_goes_on,
    bridges_talk,
    is_spoken,
    names_speaker,
)
from newsloom.records import Paragraph, ParagraphKind, Quote

MAX_RUN = 8  # paragraphs between a speech dash and its attribution
SENTENCE_END = re.compile(r"[.!?…:;»”\"')]\s*$")  # a sentence ends so; a headline does not


def paragraph_quote(paragraph: Paragraph, start: int, text: str, speaker: Quote | None) -> Quote:
    """A direct quote of ``text`` at ``start`` in ``paragraph``, credited as ``speaker`` is."""
    return Quote(
        text=text,
        speaker=speaker.speaker if speaker else None,
        speaker_role=speaker.speaker_role if speaker else None,
        paragraph=paragraph.index,
        kind="direct",
        start=start,
        end=start + len(text),
        speaker_type=speaker.speaker_type if speaker else None,
    )


def quote_of(paragraph: Paragraph, speaker: Quote | None) -> Quote:
    text = DASH_OPENING.sub("", paragraph.text).strip()
    start = paragraph.text.find(text[:20]) if text else 0
    return paragraph_quote(paragraph, max(start, 0), text, speaker)


def continue_after_attribution(
    body: Sequence[Paragraph],
    by_paragraph: dict[int, list[Quote]],
    dashed: Sequence[bool],
    closing: Sequence[bool],
    unended: Sequence[bool],
    questions: set[int],
    names: ArticleNames,
    language: str | None,
) -> None:
    """``– A, sier Holm. ¶ Vi må vente.``: sentences after an attribution go on with the
    speaker's words while they are someone talking (first- or second-person words) — where a
    source puts each sentence in a paragraph of its own, and where news writes the attribution
    after a quote's first paragraph."""
    at = 0
    while at < len(body):
        own = by_paragraph.get(body[at].index)
        if not (closing[at] and own and own[-1].speaker and own[-1].speaker_type == "person"):
            at += 1
            continue
        source = own[-1]

        def open_to_talk(scan: int, source: Quote = source) -> bool:
            following = body[scan]
            return not (
                following.kind == ParagraphKind.HEADING
                or following.index in questions
                or dashed[scan]
                or closing[scan]
                or unended[scan]
                or by_paragraph.get(following.index)
                or THIRD_PERSON_OPENING.match(following.text)
                or names_speaker(following, source)
            )

        scan = at + 1
        while scan < len(body) and scan - at <= MAX_RUN and open_to_talk(scan):
            if not (
                is_spoken(body[scan], language)
                # "…, seier Mitchell. ¶ Akademikarar som nekta, vart sparka. ¶ Det vart du
                # også om du laug.": one sentence without first- or second-person words goes
                # on with the talk when the talk resumes right after it
                or (
                    scan + 1 < len(body)
                    and open_to_talk(scan + 1)
                    and bridges_talk(body[scan], body[scan + 1], body[scan - 1], names, language)
                )
                or _closed_by_same(body, scan, by_paragraph, dashed, closing, source, names)
            ):
                break
            by_paragraph[body[scan].index] = [quote_of(body[scan], source)]
            scan += 1
        at = scan


def _closed_by_same(
    body: Sequence[Paragraph],
    at: int,
    by_paragraph: dict[int, list[Quote]],
    dashed: Sequence[bool],
    closing: Sequence[bool],
    source: Quote,
    names: ArticleNames,
) -> bool:
    """``– A, slår Fly fast. ¶ Om ein ser på Danmark i dag, … ¶ Og SF søv i timen, held Fly
    fram.``: a sentence between two attributions to the same person, the second with no dash
    or marks of its own (the talk goes on, not a new quote), is that person's words, unless it
    is the journalist writing about someone (see :func:`answer_goes_on`)."""
    if at + 1 >= len(body) or not closing[at + 1] or dashed[at + 1]:
        return False
    if MARKS.search(body[at + 1].text):
        return False
    closed = by_paragraph.get(body[at + 1].index, [])
    return (
        bool(closed)
        and closed[0].speaker == source.speaker
        and answer_goes_on(body[at], body[at - 1], names)
    )


def asked_between_talk(
    body: Sequence[Paragraph],
    at: int,
    by_paragraph: dict[int, list[Quote]],
    closers: Sequence[Speaker | None],
    names: ArticleNames,
    language: str | None,
) -> bool:
    """``…, seier Alfsen. ¶ – Så kvifor skjer det ikkje meir? ¶ Ein grunn kan vere at …``: a
    dash question of one sentence with no first- or second-person word, right after someone's
    talk and answered by a paragraph without a dash that is someone talking or that ends in an
    attribution, is the journalist's question, no quote (a speaker's own question says "I", "we"
    or "you": ``– Skal vi vere heilt grå?``)."""
    if at == 0 or at + 1 >= len(body):
        return False
    before, question = body[at - 1], body[at]
    if not by_paragraph.get(before.index) or before.text.rstrip().endswith(("?", ":")):
        return False  # "– Men dere var ikke like begeistret? ¶ – Nei?": an answer
    if is_spoken(question, language):
        return False
    if len(split_sentences(DASH_OPENING.sub("", question.text))) != 1:
        return False
    for scan in (at + 1, at + 2):  # the answer, maybe after one sentence without "I" or "you"
        if scan >= len(body) or not _answers(body[scan], by_paragraph, closers[scan]):
            return False
        if closers[scan] is not None or is_spoken(body[scan], language):
            return True
        if not answer_goes_on(body[scan], question, names):
            return False  # "Crosby ser ned på skøytene.": the journalist writes
    return False


def _answers(reply: Paragraph, by_paragraph: dict[int, list[Quote]], said: Speaker | None) -> bool:
    """Whether a paragraph after a question can be (part of) its answer: a statement without a
    dash, either attributed to a person or a pronoun, or with no quote of its own."""
    text = reply.text.rstrip()
    if (
        reply.kind != ParagraphKind.BODY
        or DASH_OPENING.match(text)
        or text.endswith("?")
        or SENTENCE_END.search(text) is None
    ):
        return False
    if said is not None:
        return said.type in ("person", "pronoun")
    return not by_paragraph.get(reply.index)
