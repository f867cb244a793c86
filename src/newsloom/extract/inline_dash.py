"""Quotes a spaced dash opens inside a paragraph and a dash before a reporting verb closes.

Polish (and Russian, Czech) news writes ``… reżimów. – PiS zaczęło cenzurować. – mówił kandydat
Jan Nowak.``; agency style may leave the opening dash out, and the sentence the closing dash and
its verb end is the quote. Split from ``quotes`` (issue 16), which calls ``inline_dash_quotes``
for each paragraph after the quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.colon_quotes import colon_dash_quote
from newsloom.extract.quote_context import QuoteContext, make_quote
from newsloom.extract.quote_patterns import AFTER, AFTER_NO_SUBJECT, MIN_DIRECT_WORDS, REPORTED
from newsloom.extract.quote_speakers import after_fronted_phrase, plural_verb
from newsloom.extract.quote_words import THAT_WORDS
from newsloom.extract.resources import SCANDINAVIAN, own_words
from newsloom.extract.sentences import split_sentences
from newsloom.extract.speakers import Speaker, parse_speaker
from newsloom.records import Quote

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
        return parse_speaker(full[0].group(0), names, language)
    if runs:
        # a single name: with the words before it ("agencja Reutera", "pani Renata") unless a
        # preposition stands among them
        before = clause[: runs[0].start()].split()
        if any(word.lower() in prepositions for word in before):
            before = []
        return parse_speaker(" ".join([*before, runs[0].group(0)]), names, language)
    phrase = verb.group("speaker")
    speaker = parse_speaker(phrase, names, language)
    words = phrase.split()
    if words and words[0].lower() in prepositions and speaker is not None:
        read = (speaker.role or speaker.name or "").split()
        if read and read[0].lower() in prepositions:
            # "– potwierdziły w laboratoriach 295 przypadków": no subject after the phrase
            subject = after_fronted_phrase(read)
            return parse_speaker(subject, names, language) if subject is not None else None
    return speaker


def _unbalanced(text: str) -> bool:
    """Whether ``text`` leaves a quotation mark open or closes one it did not open."""
    return (
        text.count('"') % 2 == 1
        or (text.count("„") + text.count("“") + text.count("”")) % 2 == 1
        or text.count("«") != text.count("»")
    )


def inline_dash_quotes(
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
