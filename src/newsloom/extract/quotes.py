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
from newsloom.extract.colon_quotes import colon_dash_quote, headline_quote
from newsloom.extract.mark_runs import mark_runs
from newsloom.extract.pointed_back import pointed_back_paragraph
from newsloom.extract.quote_context import QuoteContext, make_quote
from newsloom.extract.quote_patterns import (
    AFTER,
    AFTER_NO_SUBJECT,
    CONTEXT_WINDOW,
    DASH_OPENING,
    MARKS,
    MIN_DIRECT_WORDS,
    PAIRS,
    REPORTED,
    TRAILING_CLAUSE,
    split_attribution,
)
from newsloom.extract.quote_runs import continue_runs
from newsloom.extract.quote_speakers import (
    THAT_BEFORE,
    after_fronted_phrase,
    introduced_speaker,
    name_before,
    opening_person,
    plural_verb,
    sentence_subject,
    speaker_after,
    speaker_before,
    speaker_earlier_in_sentence,
    subject_before_object,
)
from newsloom.extract.quote_words import THAT_WORDS
from newsloom.extract.reported import reported_quotes
from newsloom.extract.resources import SCANDINAVIAN, own_words, resources_for
from newsloom.extract.role_words import AGENCIES
from newsloom.extract.sentences import split_sentences
from newsloom.extract.speaker_names import ArticleNames
from newsloom.extract.speaker_resolution import resolve_speakers
from newsloom.extract.speakers import Speaker, parse_speaker
from newsloom.extract.talk import is_spoken
from newsloom.records import Article, EntityMention, EntityType, ParagraphKind, Quote

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
        speaker = parse_speaker(trailing.group("speaker"), names) if trailing else None
        split = split_attribution(text[dash.end() :]) if trailing is None else None
        if split is not None:
            body_end = dash.end() + split[0].end("content")  # "- …, legg han til."
            speaker = parse_speaker(split[1], names)
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
            and context.nearby_body is None
            and context.last_group is None
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
            speaker = name_before(before[:sentence_start], people) or speaker
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
        quotes.extend(_inline_dash_quotes(text, paragraph, names, context, quotes, language))
    return quotes


# "… reżimów. – PiS zaczęło cenzurować. – mówił kandydat Jan Nowak.": Polish (and Russian,
# Czech) news opens a quote inside a paragraph with a spaced dash after a sentence end and closes
# it with a second dash followed by the reporting verb and its subject
_INLINE_DASH = re.compile(r"(?:(?<=[.!?:…])|(?<=[.!?:…][”\"»]))\s+[–—-]\s+(?=[^\W\d_])")
_CLOSING_DASH = re.compile(r"\s[–—-]\s+(?=[^\W\d_])")
# the subject after the verb, before or after a place or time phrase: a full name in the clause
_FULL_NAME = re.compile(r"(?<!\w)[A-ZÆØÅÄÖÜÉŁŚŻŹĆŃ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉŁŚŻŹĆŃ][\w'’-]+)+")
# a run of capitalised words, one or more, not inside quotation marks
_CAPITALISED_RUN = re.compile(
    r"(?<![\w„“”\"«»'’-])[A-ZÆØÅÄÖÜÉŁŚŻŹĆŃ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉŁŚŻŹĆŃ][\w'’-]+)*(?![\w„“”\"«»])"
)
# "Jan Nowak - prezes spółki - powiedział, że …": a dash before a verb that opens a that-clause
# sets off an apposition of the subject; it closes no quote
_THAT_AFTER_VERB = re.compile(rf"^\s*,?\s*(?:{THAT_WORDS})(?!\w)", re.IGNORECASE)
MIN_DASH_SENTENCE_WORDS = 3


def _dash_attribution(
    text: str, closing: re.Match[str], language: str | None, names: Sequence[str]
) -> Speaker | None:
    """The speaker of the attribution after a closing dash (``– mówił kandydat Jan Nowak w
    TVN24.``): a name in its clause that no quotation marks hold and no preposition opens
    (``– powiedział w programie „Kropka” w TVP3 Warszawa wiceminister Jan Nowak``, ``–
    stwierdził w rozmowie z „Daily Mail” Miller``), a full name before a single word; else the
    words after the verb, after a phrase a preposition opens the subject that follows it; a verb
    alone (``– zaznaczył.``, ``– dodali.``) leaves the subject out: the last one named."""
    rest = text[closing.start() :]
    verb = AFTER.match(rest)
    if verb is None:
        after = text[closing.end() :]
        alone = AFTER_NO_SUBJECT.match(after)
        if alone is None or _THAT_AFTER_VERB.match(after[alone.end() :]):
            return None
        return Speaker(None, None, "pronoun", plural=plural_verb(alone.group("verb"), language))
    # the clause up to the sentence's end or a comma ("– mówi Małecki, cytowany przez RMF FM")
    clause = re.split(r"[,;:!?]", split_sentences(rest[verb.start("speaker") :])[0].text)[0]
    prepositions = own_words(language, "fronting_prepositions")

    def free(run: re.Match[str]) -> bool:  # no quotation mark open and no preposition before
        before = clause[: run.start()]
        last = before.split()[-1:]
        return not _unbalanced(before) and not (last and last[0].lower() in prepositions)

    runs = [run for run in _CAPITALISED_RUN.finditer(clause) if free(run)]
    full = [run for run in runs if " " in run.group(0)]
    if full:
        return parse_speaker(full[0].group(0), names)
    if runs:
        # a single name: with the words before it ("agencja Reutera", "pani Renata") unless a
        # preposition stands among them
        before = clause[: runs[0].start()].split()
        if any(word.lower() in prepositions for word in before):
            before = []
        return parse_speaker(" ".join([*before, runs[0].group(0)]), names)
    phrase = verb.group("speaker")
    speaker = parse_speaker(phrase, names)
    words = phrase.split()
    if words and words[0].lower() in prepositions and speaker is not None:
        read = (speaker.role or speaker.name or "").split()
        if read and read[0].lower() in prepositions:
            # "– potwierdziły w laboratoriach 295 przypadków": no subject after the phrase
            subject = after_fronted_phrase(read)
            return parse_speaker(subject, names) if subject is not None else None
    return speaker


def _unbalanced(text: str) -> bool:
    """Whether ``text`` leaves a quotation mark open or closes one it did not open."""
    return (
        text.count('"') % 2 == 1
        or (text.count("„") + text.count("“") + text.count("”")) % 2 == 1
        or text.count("«") != text.count("»")
    )


def _inline_dash_quotes(
    text: str,
    paragraph: int,
    names: Sequence[str],
    context: QuoteContext,
    found: Sequence[Quote],
    language: str | None = None,
) -> list[Quote]:
    """Quotes between a dash after a sentence end and a dash before a reporting verb, and
    sentences closed by such a dash with none opening them."""
    quotes: list[Quote] = []
    taken = [(quote.start, quote.end) for quote in found]
    if " – " not in text and " - " not in text and " — " not in text:
        return quotes  # the cheap test: no spaced dash, no inline quote

    def add(start: int, closing: re.Match[str], min_words: int) -> bool:
        body = text[start : closing.start()]
        speaker = _dash_attribution(text, closing, language, names)
        if speaker is None or len(body.split()) < min_words:
            return False
        context.move_to(start)
        resolved = context.resolve(speaker)
        if speaker.type == "pronoun" and (resolved is None or resolved.type == "pronoun"):
            return False  # "– dodali.": they, and no one named to be they
        quotes.append(make_quote(body, resolved, paragraph, "direct", start, closing.start()))
        taken.append((start, closing.start()))
        return True

    found_openings = list(_INLINE_DASH.finditer(text))
    openings = [opening.end() for opening in found_openings]
    for at, start in enumerate(openings):
        if any(low <= start < high for low, high in taken):
            continue
        stop = openings[at + 1] if at + 1 < len(openings) else len(text)
        closed = False
        for closing in _CLOSING_DASH.finditer(text, start, stop):
            if _dash_attribution(text, closing, language, names) is None and not AFTER.match(
                text[closing.start() :]
            ):
                continue
            closed = add(start, closing, MIN_DIRECT_WORDS)
            break
        # (Scandinavian news opens a new dash paragraph for such words: left to the runs)
        after_colon = text[: found_openings[at].start()].endswith(":")
        if not closed and after_colon and language not in SCANDINAVIAN:
            read = colon_dash_quote(text, found_openings[at].start(), start, stop, names)
            if read is not None:
                end, speaker = read
                resolved = context.resolve(speaker)
                quotes.append(
                    make_quote(text[start:end], resolved, paragraph, "direct", start, end)
                )
                taken.append((start, end))
    # "Nie spodziewał się, że … trop - poinformował rzecznik X.": Polish agency style leaves the
    # opening dash out; the sentence a closing dash and a reporting verb end is the quote (that
    # sentence only: the ones before it may be the journalist's). Scandinavian news opens every
    # dash quote with its dash, so a dash there closes no sentence of someone's words.
    if language in SCANDINAVIAN:
        return quotes
    for sentence in split_sentences(text):
        if text[sentence.start] in "–—-" or any(
            low < sentence.end and sentence.start < high for low, high in taken
        ):
            continue
        for closing in _CLOSING_DASH.finditer(text, sentence.start, sentence.end):
            if _dash_attribution(text, closing, language, names) is None:
                continue
            body = text[sentence.start : closing.start()]
            # a quotation mark left open (a quote cut off, or one the marks did not close), or a
            # reporting verb with its that-clause ("Kobieta zapewnia, że … – twierdzi położna"):
            # the sentence is not all quote; the that-clause is read as reported speech
            if not _unbalanced(body) and REPORTED.search(body) is None:
                add(sentence.start, closing, MIN_DASH_SENTENCE_WORDS)
            break
    return sorted(quotes, key=lambda quote: quote.start)


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


def extract_quotes(article: Article, entities: Sequence[EntityMention] = ()) -> tuple[Quote, ...]:
    """Direct and reported quotes of the article's text paragraphs, with speakers."""
    context = QuoteContext(entities)
    quotes: list[Quote] = []
    previous = ""
    unquoted: tuple[int, str] | None = None  # the paragraph before, where it holds no quote
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
        unquoted = None if direct or reported or back else (paragraph.index, paragraph.text)
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
