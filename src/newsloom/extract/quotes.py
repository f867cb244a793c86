"""Direct and reported quotes with their speakers (da, nb, nn, sv, en, es, de typography).

Direct quotes: a paragraph opened by a dash (``- I nat …, siger polititalsmand X.``), or text
between ``« »``, ``» «``, ``„ “``, ``“ ”`` or ``" "``. Reported speech: ``X siger/sa/säger/said (,)
at/att/that …`` and ``…, siger X.`` without marks.

The speaker phrase next to the reporting verb is split into a role and a name:
``politiinspektør Mette Holm`` → role ``politiinspektør``, speaker ``Mette Holm``
(type ``person``); ``Frederiksens pressetjeneste`` → an ``organisation``; ``talsmanden`` → a role;
``han``/``she`` → the previous named speaker (or the last person mentioned) where there is one.
Entity mentions, when the recogniser provides them, decide what is a person's name; otherwise
capitalised words do. When the verb's subject is a news agency quoting someone named earlier in the
sentence (``X gav regeringen skylden for »…«, skriver Ritzau``), the speaker is that someone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from newsloom.extract.according import according_quotes
from newsloom.extract.colon_quotes import headline_quote
from newsloom.extract.inline_dash import inline_dash_quotes
from newsloom.extract.mark_runs import mark_runs
from newsloom.extract.pointed_back import pointed_back_paragraph
from newsloom.extract.quote_context import QuoteContext, make_quote
from newsloom.extract.quote_patterns import (
    CONTEXT_WINDOW,
    DASH_OPENING,
    MARKS,
    MIN_DIRECT_WORDS,
    PAIRS,
    TRAILING_CLAUSE,
    split_attribution,
)
from newsloom.extract.quote_runs import continue_runs
from newsloom.extract.quote_speakers import (
    THAT_BEFORE,
    introduced_speaker,
    name_before,
    opening_person,
    sentence_subject,
    speaker_after,
    speaker_before,
    speaker_earlier_in_sentence,
    subject_before_object,
)
from newsloom.extract.reported import reported_quotes
from newsloom.extract.resources import own_words, resources_for
from newsloom.extract.role_words import AGENCIES
from newsloom.extract.run_speakers import run_closer
from newsloom.extract.sentences import split_sentences
from newsloom.extract.speaker_names import ArticleNames
from newsloom.extract.speaker_resolution import resolve_speakers
from newsloom.extract.speakers import Speaker, parse_speaker
from newsloom.extract.talk import is_spoken
from newsloom.extract.talk_runs import SENTENCE_END
from newsloom.records import Article, EntityMention, EntityType, Paragraph, ParagraphKind, Quote

MAX_TITLE_WORDS = 5
_SHORT_WORD = 5  # "della", "of", "für": the words a title leaves in lowercase


def _is_title(words: Sequence[str]) -> bool:
    """``«Corriere della Sera»``, ``«Miss Germany»``: a name in marks, not words someone said —
    a few words, most of them capitalised (two at least) and the others short, no sentence
    punctuation (``„Wir bauen die Brücke neu“`` is a sentence: German capitalises its nouns)."""
    capitalised = [word for word in words if word[:1].isupper()]
    return (
        len(words) <= MAX_TITLE_WORDS
        and len(capitalised) >= 2
        and 2 * len(capitalised) > len(words)
        and all(len(word) <= _SHORT_WORD for word in words if not word[:1].isupper())
        and not any(word.endswith((".", ",", "!", "?", ":", ";")) for word in words)
    )


def _names_a_work(before: str, language: str | None) -> bool:
    """Whether the word right before a mark is a noun for a work (the table's ``work_nouns``,
    compounds included: ``die Reality-Show «Get the F*ck out of my House»``, ``Im Buch „Wir,
    Mädchen in Auschwitz“``), or that noun and a name, its author's (``piosenka Kazika „Twój
    ból …”``): the words in marks are its title, not someone's words."""
    nouns = tuple(own_words(language, "work_nouns"))
    words = before.split()
    if not nouns or not words:
        return False
    # or the author's name between noun and title: "piosenka Kazika „Twój ból …”"
    return words[-1].strip("(,").lower().endswith(nouns) or (
        len(words) > 1 and words[-1][:1].isupper() and words[-2].lower().endswith(nouns)
    )


_OPENINGS = frozenset(opening for opening, _ in PAIRS)


def _work_title(text: str, match: re.Match[str], language: str | None) -> bool:
    """Whether the words in marks of ``match`` are a work's title: after a noun for a work
    (:func:`_names_a_work`), opening as a title does, with a capital or a digit (``the series
    “had wrapped filming …”`` is someone's words about the series)."""
    inner = next((value for value in match.groups() if value is not None), "").lstrip()
    return (inner[:1].isupper() or inner[:1].isdigit()) and _names_a_work(
        text[max(0, match.start() - CONTEXT_WINDOW) : match.start()], language
    )


def _titles(text: str, language: str | None) -> list[tuple[int, int]]:
    """The spans of words in marks after a noun for a work (:func:`_names_a_work`)."""
    if not own_words(language, "work_nouns") or not any(mark in text for mark in _OPENINGS):
        return []
    return [
        (match.start(), match.end())
        for match in MARKS.finditer(text)
        if _work_title(text, match, language)
    ]


def _direct_quotes(
    text: str,
    paragraph: int,
    names: Sequence[str],
    context: QuoteContext,
    *,
    unattributed: bool = False,
    introduced: Speaker | None = None,
    language: str | None = None,
) -> list[Quote]:
    """Quotes in marks or after a speech dash; ``unattributed`` keeps those with no speaker;
    ``introduced`` is whom the paragraph before introduced (``I sin biografi sier Holm:``).

    Where the language has cue verbs, words in marks nobody is said to speak are a title or a
    term and are dropped; without a table nothing can tell them apart, so they are kept.
    """
    quotes: list[Quote] = []
    dash = DASH_OPENING.match(text)
    if dash:
        trailing = None
        for candidate in TRAILING_CLAUSE.finditer(text):
            trailing = candidate
        body_end = trailing.start() if trailing else len(text)
        speaker = parse_speaker(trailing.group("speaker"), names, language) if trailing else None
        split = split_attribution(text[dash.end() :]) if trailing is None else None
        if split is not None:
            body_end = dash.end() + split[0].end("content")  # "- …, legg han til."
            speaker = parse_speaker(split[1], names, language)
        # no attribution: provisionally the last speaker (the run's closing paragraph may name
        # another), a guess that must not count as the article naming that speaker again
        resolved = context.resolve(speaker) if speaker is not None else context.last_speaker
        quotes.append(
            make_quote(
                text[dash.end() : body_end],
                resolved,
                paragraph,
                "direct",
                dash.end(),
                body_end,
            )
        )
        return quotes
    paragraph_speaker: Speaker | None = None
    for match in MARKS.finditer(text):
        group = next(name for name, value in match.groupdict().items() if value is not None)
        inner = match.group(group)
        words = inner.split()
        if len(words) < MIN_DIRECT_WORDS or _is_title(words) or _work_title(text, match, language):
            continue
        speaker, _ = speaker_after(
            text[match.end() : match.end() + CONTEXT_WINDOW], names, language
        )
        # "«…», dijeron.", "«…», gritaban.": a left-out "they", and no group or body named to
        # be they: the quote stays, with no speaker (not the last person named)
        they = (
            speaker is not None
            and speaker.plural
            and speaker.name is None
            and context.plural_antecedent() is None
        )
        if they:
            speaker = None
        before = text[max(0, match.start() - CONTEXT_WINDOW) : match.start()]
        if speaker is None and not they:
            speaker = subject_before_object(before, names, language) or speaker_before(
                before, names, language
            )
        if speaker is not None and speaker.name and speaker.name.lower() in AGENCIES:
            subject = sentence_subject(before, names)
            if subject is not None and before.strip():
                speaker = subject
        if speaker is None and not they:
            speaker = speaker_earlier_in_sentence(before, names)
        if speaker is None and not they and THAT_BEFORE.search(before):
            # "Lomheim hev rett i at «…»": a that-clause in marks is what the sentence's
            # subject said or holds, when the sentence opens with a person's name
            speaker = opening_person(before, context.names_in(paragraph, (EntityType.PERSON,)))
        if speaker is None and len(words) < 4:
            continue  # a short phrase in quotes with no speaker: a term, not a quote
        speaker = context.going_on(speaker, paragraph_speaker, match)  # "«…», añadió"
        if speaker is not None and speaker.type == "pronoun":
            stripped = before.rstrip()
            sentence_start = (
                len(before)
                if not stripped or stripped[-1] in ".!?"
                else split_sentences(before)[-1].start
            )
            people = context.names_in(paragraph, (EntityType.PERSON,))
            # "she said": a person named before, not a body ("B.C. Women's Hospital")
            speaker = name_before(before[:sentence_start], people, language) or speaker
        if speaker is None and not they and paragraph_speaker is not None:
            speaker = paragraph_speaker  # a second quote of the same speaker
        if (
            speaker is None
            and not they
            and match.start() == 0
            and match.end() >= len(text.rstrip(" .")) - 1
        ):
            # a whole quoted paragraph: whom the paragraph before introduced, else it
            # continues the last speaker
            speaker = introduced or context.last_speaker
        if speaker is None and not unattributed and not they:
            continue  # words in quotation marks nobody is said to speak: a title or a term
        context.move_to(match.start())
        resolved = context.resolve(speaker)
        if resolved is not None and (resolved.name or resolved.role):
            paragraph_speaker = resolved  # "“…,” he said. “…”": the pronoun, resolved
        quotes.append(
            make_quote(
                inner,
                resolved,
                paragraph,
                "direct",
                match.start(group),
                match.end(group),
            )
        )
    if not unattributed:
        quotes.extend(inline_dash_quotes(text, paragraph, names, context, quotes, language))
    return quotes


def _reported_quotes(
    text: str,
    paragraph: int,
    names: Sequence[str],
    context: QuoteContext,
    taken: Sequence[tuple[int, int]],
    language: str | None,
) -> list[Quote]:
    """Reported speech, then "according to" sentences, outside the ``taken`` spans."""
    reported = reported_quotes(text, paragraph, names, context, taken, language)
    spans = [*taken, *((quote.start, quote.end) for quote in reported)]
    return reported + according_quotes(text, paragraph, spans, names, language)


def _run_goes_on(
    paragraph: Paragraph,
    talk_open: bool,
    quoted: bool,
    names: Sequence[str],
    language: str | None,
) -> bool:
    """Whether a speech-dash run is open after ``paragraph``: it opens with a dash and no
    attribution of its own, or a run was open before and ``paragraph`` holds no quote, no
    attribution and ends a sentence (a line without one, a subheading, ends the run, as in
    :func:`newsloom.extract.quote_runs.continue_runs`)."""
    closed = run_closer(paragraph, names, language) is not None
    if DASH_OPENING.match(paragraph.text):
        return not closed
    return (
        talk_open
        and not quoted
        and not closed
        and paragraph.kind == ParagraphKind.BODY
        and SENTENCE_END.search(paragraph.text) is not None
    )


def extract_quotes(article: Article, entities: Sequence[EntityMention] = ()) -> tuple[Quote, ...]:
    """Direct and reported quotes of the article's text paragraphs, with speakers."""
    context = QuoteContext(entities)
    quotes: list[Quote] = []
    previous = ""
    unquoted: tuple[int, str] | None = None  # the paragraph before, where it holds no quote
    talk_open = False  # a speech dash opened with no attribution yet: its run may go on
    people_named = [mention.text for mention in entities if mention.type == EntityType.PERSON]
    for paragraph in article.paragraphs:
        if paragraph.kind not in (ParagraphKind.BODY, ParagraphKind.HEADING):
            continue
        names = context.names_in(paragraph.index)
        introduced = introduced_speaker(previous, names)
        previous = paragraph.text
        language = paragraph.language or article.language
        if language is not None and resources_for(language) is None:
            # no table for this language: quotation marks only (see describe_resources)
            if not DASH_OPENING.match(paragraph.text):
                quotes.extend(
                    _direct_quotes(
                        paragraph.text, paragraph.index, names, context, unattributed=True
                    )
                )
            context.see(paragraph.text, paragraph.index)
            continue
        context.enter(paragraph.text, paragraph.index, language)
        state = context.state()
        read_direct = partial(
            _direct_quotes,
            paragraph.text,
            paragraph.index,
            names,
            context,
            introduced=introduced,
            language=language,
        )
        read_reported = partial(
            _reported_quotes, paragraph.text, paragraph.index, names, context, language=language
        )
        direct = read_direct()
        headline = (
            headline_quote(
                paragraph.text,
                paragraph.index,
                names,
                context,
                people_named,
                " ".join(p.text for p in article.paragraphs[1:4]),
                language,
            )
            if paragraph.index == article.paragraphs[0].index
            else None
        )
        if headline is not None and not any(
            quote.start < headline.end and headline.start < quote.end for quote in direct
        ):
            direct.insert(0, headline)
        # a work's title in marks is no quote, nor a sentence to read as reported speech
        taken = [(quote.start, quote.end) for quote in direct] + _titles(paragraph.text, language)
        if DASH_OPENING.match(paragraph.text):
            taken = [(0, len(paragraph.text))]
        reported = read_reported(taken)
        if direct and reported and reported[0].start < direct[0].start:
            # "Holm said she would …. “…,” she told the radio.": resolve in reading order (the
            # "according to" quotes read again too: "Według X …. Y – zauważył Z.")
            context.restore(state)
            reported = read_reported(taken)
            direct = read_direct()
        quotes.extend(sorted([*direct, *reported], key=lambda quote: quote.start))
        back = (  # "…. ¶ Det skriv X.": the paragraph before is X's words
            pointed_back_paragraph(unquoted, paragraph.text, names, context, language)
            if unquoted is not None and not (direct or reported)
            else None
        )
        quotes.extend([back] if back is not None else [])
        talk_open = _run_goes_on(paragraph, talk_open, bool(direct or reported), names, language)
        # "– A. ¶ B. ¶ Det fortel X.": B goes on with the run its closing gives to X (read by
        # quote_runs), no statement of X's of its own
        unquoted = (
            None if direct or reported or back or talk_open else (paragraph.index, paragraph.text)
        )
        # a paragraph talking on after someone's words, naming no speaker of its own
        talking = not (direct or reported) and is_spoken(paragraph, language)
        context.see(paragraph.text, paragraph.index, talking)
    known = [mention.text for mention in entities]
    quotes = mark_runs(
        article.paragraphs,
        quotes,
        after=lambda text: speaker_after(text[:CONTEXT_WINDOW], known)[0],
        before=lambda text: speaker_before(text, known),
        introducer=lambda text: introduced_speaker(text, known),
        language=article.language,
    )
    people = ArticleNames(article.paragraphs, entities)
    people.add_speakers(quotes)
    quotes = continue_runs(article.paragraphs, quotes, people, article.language)
    return tuple(resolve_speakers(quotes, people, article.language))
