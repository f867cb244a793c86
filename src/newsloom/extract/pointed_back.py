"""A paragraph that only points back at the one before it and names who said it (nb ``Det
skriver X.``, nn ``Det skriv selskapet i ei pressemelding.``, after a statement without marks):
the statement is X's reported words. NDT and gold-real write one sentence a paragraph, so the
words pointed at stand in the paragraph before (within a paragraph :mod:`newsloom.extract.reported`
reads them)."""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.extract.back_reference import back_reference
from newsloom.extract.quote_context import QuoteContext, make_quote
from newsloom.extract.quote_patterns import AFTER, DASH_OPENING, SPLIT_AFTER
from newsloom.extract.quote_speakers import speaker_after
from newsloom.extract.resources import own_words
from newsloom.extract.sentences import Sentence, split_sentences
from newsloom.extract.speakers import Speaker
from newsloom.records import Quote

# words a statement pointed back at holds at least (as reported.MIN_CLAUSE_WORDS)
_MIN_WORDS = 3


def pointing_speaker(text: str, names: Sequence[str], language: str | None) -> Speaker | None:
    """The speaker of a paragraph that only points back at the words before it (nb ``Det sier
    advokat X.``, nn ``Det fortel X ved Norsk Filminstitutt.``): the table's ``back_reference``
    words, a reporting verb right after them and who spoke. None where ``text`` is more than that
    one sentence, introduces what follows (a colon), asks, or has no reporting verb right after
    those words, or names no one (a pronoun: ``Det sa han ikkje noko om``)."""
    back = back_reference(text, language)
    if not back or text.rstrip().endswith((":", "?")) or len(split_sentences(text)) > 1:
        return None
    rest = text[back:]
    after_verb = rest.lower().split()[1].strip(",.;!") if len(rest.split()) > 1 else ""
    if (AFTER.match(rest) is None and SPLIT_AFTER.match(rest) is None) or any(
        after_verb in own_words(language, field)
        for field in ("negations", "amounts", "first_person", "clause_pronouns")
    ):
        # "Dette meiner ikkje berre vi", "Det fortel noko om …", "Det forklarer ingenting, …",
        # "Det sa me klart nei til": no one else's words pointed at; "Det forteller de deg
        # gjerne": a pronoun, no one named
        return None
    speaker, _ = speaker_after(rest, names, language)
    if speaker is None or speaker.type == "pronoun":
        return None
    return speaker


def pointed_back_paragraph(
    previous: tuple[int, str],
    text: str,
    names: Sequence[str],
    context: QuoteContext,
    language: str | None,
) -> Quote | None:
    """The paragraph ``previous`` (its index and text, in which no quote was found) as the words
    of the speaker ``text`` names pointing back at it (:func:`pointing_speaker`); None where
    ``text`` does not point back, or where the paragraph before is a headline (``… |``), a
    question or a speech-dash line (a dash run and its closing are read by
    :mod:`newsloom.extract.quote_runs`)."""
    index, statement = previous
    statement = statement.strip()
    if (
        statement.endswith(("|", "?", ":"))
        or DASH_OPENING.match(statement)
        or len(statement.split()) < _MIN_WORDS
    ):
        return None
    speaker = pointing_speaker(text, names, language)
    if speaker is None:
        return None
    content = statement.rstrip(" .")
    start = previous[1].find(content)
    return make_quote(
        content, context.resolve(speaker), index, "reported", start, start + len(content)
    )


def pointed_back_sentence(
    sentence: Sentence, following: Sentence, names: Sequence[str], language: str | None
) -> tuple[str, Speaker, str, int] | None:
    """``sentence`` as the words of the one the next sentence names pointing back at it (``…
    C'est ce qu'a déclaré X.``, ``… Lo ha detto X.``): content, speaker, kind and start."""
    back = back_reference(following.text, language)
    if not back or len(sentence.text.split()) < _MIN_WORDS:
        return None
    speaker, _ = speaker_after(following.text[back:], names, language)
    if speaker is None or speaker.type == "pronoun":
        return None
    return sentence.text.rstrip(" ."), speaker, "reported", sentence.start
