"""Words given after a colon: a ``Name: statement`` headline and a dash after a colon.

``Prezydent Duda: Dymisja? To fejk dnia`` — a headline opening the article gives a person's words
after their name (or role) and a colon; ``Minister powiedział: – Sytuacja jest poważna.`` and
``Rzecznik Jan Nowak: – …`` — a dash after a colon opens the words of whom the words before the
colon name. A colon after anything else (``Wynik: 3:1``, ``Uwaga: …``, a list's label) opens no
one's words: a headline speaker must be a role of the language's table or a person's name the
recogniser found or the article gives again, and the table must list the labels a colon also
follows (``label_words``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.quote_context import QuoteContext, make_quote
from newsloom.extract.quote_speakers import speaker_before
from newsloom.extract.resources import own_words
from newsloom.extract.sentences import split_sentences
from newsloom.extract.speakers import Speaker, parse_speaker
from newsloom.records import Quote

MIN_COLON_DASH_WORDS = 3


def _known(speaker: Speaker, names: Sequence[str]) -> bool:
    """A person or a role: a role, a name the recogniser found (a part of one, or one in it)
    or a full name (``Read the full report:`` is none of these)."""
    name = speaker.name
    if speaker.type == "pronoun" or (speaker.role and speaker.type != "organisation"):
        return True
    if not name or speaker.type != "person":
        return False
    full = len(name.split()) > 1 and all(word[:1].isupper() for word in name.split())
    return full or any(name in known or known in name for known in names)


def colon_dash_quote(
    text: str, colon: int, start: int, stop: int, names: Sequence[str]
) -> tuple[int, Speaker] | None:
    """``Minister powiedział: – Sytuacja jest poważna.``, ``Rzecznik policji Jan Nowak: – …``:
    a dash after a colon opens the words of whom the reporting verb before the colon names, or
    of the person's name alone before it; they run to the next dash after a sentence end (or
    the paragraph's end). Returns their end and the speaker."""
    lead = text[:colon]
    speaker = speaker_before(lead, names)
    if speaker is not None and not _known(speaker, names):
        return None  # "Read the full report: - …": no one the recogniser found, nor a role
    if speaker is None or speaker.type == "pronoun":
        sentence = split_sentences(lead)[-1].text.rstrip(":") if lead.strip() else ""
        bare = parse_speaker(sentence, names) if sentence else None
        if bare is None or bare.type != "person" or not any(name in sentence for name in names):
            return None
        speaker = bare
    end = stop
    while end > start and text[end - 1] in " –—-":
        end -= 1
    if len(text[start:end].split()) < MIN_COLON_DASH_WORDS:
        return None
    return end, speaker


# "Prezydent Duda: Dymisja? To fejk dnia", "Jacek Kurski: Oddaję się do dyspozycji …": a headline
# giving a person's words after their name and a colon (a few words, no sentence end, no digit)
_HEADLINE_COLON = re.compile(r"^(?P<head>[^\W\d_][^:.!?\d„“”\"«»()]{1,60}?):\s+(?P<body>[^\W\d_])")
MAX_HEADLINE_HEAD_WORDS = 4
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_WORDS = 12
MIN_STEM = 4  # a name longer than this is matched in any case ending


def _person_in(words: Sequence[str], people: Sequence[str], rest: str) -> bool:
    """Whether every one of ``words`` is a person's name, not an acronym (``RMF FM``): in any
    case, the last word of a person the recogniser found (``Terlecki:`` and ``Ryszarda
    Terleckiego``; not ``Watykan:`` and ``Watykanu Franciszek``), or a surname the article gives
    again below the headline after a first name (``Warchoł:``, ``Marcin Warchoł``)."""
    surnames = " ".join(person.split()[-1] for person in people if person.strip())

    def again(word: str) -> bool:  # in any case: "Terlecki:" and "Ryszarda Terleckiego"
        stem = re.escape(word[:-1] if len(word) > MIN_STEM else word)
        return re.search(rf"(?<!\w){stem}\w*", surnames) is not None or any(
            first.group(1)[:1].isupper()
            for first in re.finditer(rf"(?<![\w-])([^\W\d_][\w-]+)\s+{stem}\w*", rest)
        )

    return all(word[:1].isupper() and not word.isupper() and again(word) for word in words)


def _headline_end(body: Sequence[str]) -> int:
    """How many words of ``body`` (the words after the colon to the sentence end, or the next if
    the first is short) the headline holds: the lead below may follow with no point between
    (``… pana prezydenta W piątek wieczorem …``): it starts at a repetition of the headline's
    opening or, in a long run, at a capitalised word after a lower-case one."""
    opening = [word.lower() for word in body[:2]]
    for at in range(MIN_HEADLINE_WORDS, len(body) - 1):
        if body[at][:1].isupper() and [word.lower() for word in body[at : at + 2]] == opening:
            return at
    if len(body) > MAX_HEADLINE_WORDS:
        for at in range(MIN_HEADLINE_WORDS, len(body)):
            before = body[at - 1]
            if body[at][:1].isupper() and before[:1].islower() and before[-1:].isalpha():
                return at
    return len(body)


def headline_quote(
    text: str,
    paragraph: int,
    names: Sequence[str],
    context: QuoteContext,
    people: Sequence[str],
    below: str,
    language: str | None,
) -> Quote | None:
    """The statement of a ``Name: statement`` headline opening the article, where the language's
    table lists the labels a colon also follows (``label_words``: ``Źródło:``, ``Uwaga:``) and
    the words before the colon are a person the recogniser found or the article names again, or
    a role (``Wiceminister zdrowia:``). The statement ends at its first sentence end, or where
    the lead below repeats it (``… umierającym Niech lekarze udzielają …``)."""
    labels = own_words(language, "label_words")
    if not labels:
        return None
    # at the start, or after a kicker ("Wybory? Szumowski: Zacznijmy o tym rozmawiać …")
    match = next(
        (
            found
            for sentence in split_sentences(text)[:2]
            if (found := _HEADLINE_COLON.match(text, sentence.start)) is not None
        ),
        None,
    )
    if match is None:
        return None
    head = match.group("head").strip()
    words = head.split()
    if len(words) > MAX_HEADLINE_HEAD_WORDS or words[0].lower() in labels:
        return None
    # "Wiceminister zdrowia:", "Prezydent Duda:": a role's capital is the headline's
    role_first = words[0].lower() in own_words(language, "roles")
    speaker = parse_speaker(head[:1].lower() + head[1:] if role_first else head, names, language)
    if speaker is None or speaker.type not in ("person", "role"):
        return None
    if speaker.role and not role_first:
        return None
    role = {word.lower() for word in (speaker.role or "").split()}
    name = [word for word in words if word.lower() not in role]
    if name and not _person_in(name, people, f"{text[match.end() :]} {below}"):
        return None
    start = match.start("body")
    sentences = split_sentences(text[start:])
    end = start + sentences[0].end
    if len(sentences) > 1 and len(sentences[0].text.split()) < MIN_HEADLINE_WORDS:
        end = start + sentences[1].end  # "Dymisja? To fejk dnia"
    body = " ".join(text[start:end].split()).split(" ")
    held = _headline_end(body)
    if held < MIN_HEADLINE_WORDS:
        return None
    if held < len(body):
        end = start + text[start:end].index(" ".join(body[held : held + 2]))
    return make_quote(text[start:end], context.resolve(speaker), paragraph, "direct", start, end)
