"""Reported speech with "according to": ``Ifølge CNN gjenstår det telling i sør.``,
``…, selon le ministère.``, ``Según la policía, …``.

The words come from the ``according_to`` field of every language table. The source is the
phrase after the word: up to a comma, else determiners and adjectives up to a run of capitalised
words (with the noun a genitive owns: ``CNNs prognoser``), else one noun (``ifølge politiet``;
:mod:`newsloom.extract.according_source` finds where it ends).
The content is the rest of the sentence: what comes after the source when the sentence opens with
it, what comes before it when it closes the sentence, the whole sentence otherwise. A sentence
with a casualty cue (``…, 12 injured, according to police``) is left to figures, which store the
source with the count, in the Scandinavian languages; in the others it is a quote as well
(``Entre los muertos hay 11 niños, según el OSDH``), as their gold guides count it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsloom.extract.according_source import COMPOUND_SOURCE, after_verb, end_of_source
from newsloom.extract.cues import has_cue
from newsloom.extract.figures import states_figures
from newsloom.extract.letter_skip import lowered_odd, skipping_words
from newsloom.extract.quote_context import make_quote
from newsloom.extract.quote_words import BRACKETED
from newsloom.extract.resources import (
    SCANDINAVIAN,
    own_words,
    table_words,
    words_pattern,
)
from newsloom.extract.role_words import is_role_word
from newsloom.extract.sentences import split_sentences
from newsloom.extract.source_clauses import (
    CLAUSE,
    CLAUSE_OPENING,
    MAX_SOURCE_WORDS,
    RELATIVE_AFTER,
    addresses_reader,
    apposed_name_end,
    ordinal,
    relative_quote,
    source_goes_on,
)
from newsloom.extract.source_phrase import names_a_rule
from newsloom.extract.source_phrases import (
    AFTER_WORDS,
    MIN_CONTENT_WORDS,
    OPENING_SOURCE,
    POSTPOSITIONS,
    PRONOUN_ACCORDING,
    READ_IN,
    SUMMARY_WORDS,
    SUMMED_UP,
    account_source,
    document_owner,
    paragraph_screen,
    postposed,
    pronoun_source,
    summed_up,
)
from newsloom.extract.speaker_phrases import VERB_FORMS
from newsloom.extract.speakers import (
    COORDINATORS,
    Speaker,
    parse_speaker,
)
from newsloom.extract.subject_openings import possessive_source
from newsloom.records import Quote


def _quote(content: str, speaker: Speaker, paragraph: int, kind: str, start: int) -> Quote:
    """A quote of ``content`` starting at ``start`` in its paragraph."""
    return make_quote(content, speaker, paragraph, kind, start, start + len(content))


# a party, an age or a place in brackets right after a source
_BRACKET = re.compile(BRACKETED)


@cache
def _according() -> re.Pattern[str]:
    words = [w for w in table_words("according_to") if w.lower() not in POSTPOSITIONS]
    return re.compile(rf"(?<![\w'’-]){words_pattern(words)}(?![\w'’-])", re.IGNORECASE)


@cache
def _according_lowered() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`_according` with case, for the text lowered (a third faster), and the characters
    of a text it cannot be read on (:func:`lowered_odd`)."""
    words = [w for w in table_words("according_to") if w.lower() not in POSTPOSITIONS]
    return re.compile(_according().pattern), lowered_odd(words)


# "as" before a reporting verb, which then has the source as its subject (the tables'
# ``as_reporting``: Polish "Jak wyjaśnia Onet, …", "Jak zaznaczył iracki prezydent …")
_AS_WORDS = table_words("as_reporting")
_NOT_BEFORE = r"[\w'’-]"  # what stands before none of them (searched skipping to their letters)
_AS = (
    re.compile(rf"{skipping_words(_AS_WORDS, _NOT_BEFORE)}\s+(?P<verb>[^\W\d_]+)", re.IGNORECASE)
    if _AS_WORDS
    else None
)


def _as_reporting(text: str) -> re.Match[str] | None:
    """The first "as" word of ``text`` a reporting verb follows (``Jak wyjaśnia``), or None."""
    if _AS is None:
        return None
    for found in _AS.finditer(text):
        if found.group("verb").lower() in VERB_FORMS:
            return found
    return None


def _without_conjunction(before: str, language: str | None) -> str:
    """What stands before "according to" in its sentence, none where that is a conjunction
    or a focus word alone (``Mais selon l'opposition, il …``: the content is what follows the
    source); Scandinavian verb-second sentences aside (``Men ifølge X er det …``)."""
    if language in SCANDINAVIAN:
        return before
    word = before.strip(" ,").lower()
    return "" if word in COORDINATORS or word in own_words(language, "leading_words") else before


def states_a_figure(text: str, language: str | None) -> bool:
    """Whether the sentence counts casualties as figures.py reads them (``Ifølge politiet er
    tre personer pågrepet``): with its source, that is a figure's attribution, stored with the
    figure. A cue word without a count (``… skal foregå på sykehuset, ifølge NTB``, ``Ifølge
    politiet har gjerningsmannen flyktet fra stedet med en bil``) states no figure: the
    sentence is the source's account."""
    return has_cue(text, language) and states_figures(text, language)


def _opening_view_quotes(
    text: str,
    lowered: str,
    paragraph: int,
    taken: Sequence[tuple[int, int]],
    names: Sequence[str],
    language: str | None,
) -> list[Quote]:
    """Sentences that open with the table's ``according_to_opening`` word and a source set off
    by a comma (``Pour le vice-président de la CENI, le double scrutin se tient …``, ``Para el
    analista Karim Bitar, …``, ``Para Moscú, …``): the rest is the source's view. The source
    names someone — a name, or an article and a role word — so ``Pour la première fois, …`` and
    ``Para saber más, …`` are none."""
    openers = {word.lower() for word in own_words(language, "according_to_opening")}
    found: list[Quote] = []
    if not any(opener in lowered for opener in openers):
        return found  # (a sentence's first word lowered stands in the paragraph lowered)
    for sentence in split_sentences(text):
        words = sentence.text.split(maxsplit=1)
        if not words or words[0].lower() not in openers:
            continue
        if any(start < sentence.end and sentence.start < end for start, end in taken):
            continue
        comma = sentence.text.find(",")
        source_words = sentence.text[:comma].split()[1:] if comma > 0 else []
        if not 0 < len(source_words) <= MAX_SOURCE_WORDS or not (
            source_words[0][:1].isupper()
            # a role, or a compound of one ("le vice-président de la CENI")
            or (len(source_words) > 1 and is_role_word(source_words[1].rsplit("-", 1)[-1]))
        ):
            continue  # "Para saber más de …", "Pour voir un médecin": a purpose, no source
        speaker = parse_speaker(" ".join(source_words), names)
        content = sentence.text[comma + 1 :].strip().rstrip(" .")
        if speaker is None or speaker.type == "pronoun" or len(content.split()) < MIN_CONTENT_WORDS:
            continue
        start = sentence.start + sentence.text.index(content, comma)
        found.append(_quote(content, speaker, paragraph, "reported", start))
    return found


def according_quotes(
    text: str,
    paragraph: int,
    taken: Sequence[tuple[int, int]],
    names: Sequence[str] = (),
    language: str | None = None,
) -> list[Quote]:
    """Reported quotes of the sentences that attribute their content with "according to"."""
    pattern = _according()
    lowered = text.lower()  # once, not once per word looked for
    found: list[Quote] = _opening_view_quotes(text, lowered, paragraph, taken, names, language)
    lowered_pattern, odd = _according_lowered()
    screen, screen_odd = paragraph_screen()  # the words below at one search (none: none of them)
    if (language != "de" or not COMPOUND_SOURCE.search(text)) and (
        (screen_odd.search(text) is None and screen.search(lowered) is None)
        or (
            (pattern.search(text) if odd.search(text) else lowered_pattern.search(lowered)) is None
            and _as_reporting(text) is None
            and not any(word in lowered for word in AFTER_WORDS)
            and (PRONOUN_ACCORDING is None or PRONOUN_ACCORDING.search(text) is None)
            and (SUMMED_UP is None or not any(w in lowered for w in SUMMARY_WORDS))
            and not any(w in lowered for w in READ_IN)
        )
    ):
        # the words searched once in the paragraph, not in each sentence: a word a sentence
        # holds is found in the paragraph too (a sentence is set off by spaces)
        return found
    sentences = split_sentences(text)
    for index, sentence in enumerate(sentences):
        if any(start < sentence.end and sentence.start < end for start, end in taken):
            continue
        owned = document_owner(sentence.text, names, language)
        if owned is not None:
            # "Jesteśmy otwarci na współpracę. – czytamy w komunikacie ambasady": the words
            # before the clause, else the sentence before it
            owner, clause = owned
            content = sentence.text[:clause].strip().rstrip(" .,–—-").strip(' "„”“«»')
            start = sentence.start + sentence.text.find(content) if content else -1
            if len(content.split()) < MIN_CONTENT_WORDS and index > 0:
                previous = sentences[index - 1]
                if not any(s < previous.end and previous.start < e for s, e in taken):
                    content = previous.text.strip().rstrip(" .")
                    start = previous.start + previous.text.find(content)
            if len(content.split()) >= MIN_CONTENT_WORDS and start >= 0:
                found.append(_quote(content, owner, paragraph, "direct", start))
            continue
        match = pattern.search(sentence.text)
        if (
            match is None
            and not sentence.text.rstrip().endswith("?")  # "Jak oceniasz decyzję …?": asked
            and (as_match := _as_reporting(sentence.text)) is not None
        ):
            # "Jak wyjaśnia Onet, …": from the verb on, read as "according to"
            match = re.compile(r"\S+").match(sentence.text, as_match.start())
        compound = COMPOUND_SOURCE.search(sentence.text) if language == "de" else None
        summed = summed_up(sentence.text, names, language)
        if summed is not None:
            summed_speaker, content = summed
            start = sentence.start + sentence.text.find(content)
            found.append(_quote(content, summed_speaker, paragraph, "direct", start))
            continue
        pronoun_read = pronoun_source(sentence.text)
        if pronoun_read is not None:
            # "Jego zdaniem sytuacja jest poważna": his words; who he is, the resolver reads
            content, offset = pronoun_read
            start = sentence.start + offset
            found.append(
                _quote(content, Speaker(None, None, "pronoun"), paragraph, "reported", start)
            )
            continue
        if match is None and compound is None and OPENING_SOURCE is not None:
            # "Der Polizei zufolge wurden …", "…, aldus de politie."
            posted = postposed(sentence.text, names, language)
            if posted is not None:
                source_speaker, content, offset = posted
                start = sentence.start + offset
                found.append(_quote(content, source_speaker, paragraph, "reported", start))
                continue
        if (match is None and compound is None) or (
            language in SCANDINAVIAN and states_a_figure(sentence.text, language)
        ):
            # a Nordic casualty count with its source is a figure (figures.py), not a quote; the
            # other languages' gold guides count it as both (issue 22)
            continue
        speaker: Speaker | None
        if match is None and compound is not None:
            speaker = parse_speaker(compound.group("source"), names)
            opening, source_end = compound.start(), compound.end()
        else:
            assert match is not None
            if ordinal(sentence.text[: match.start()], language):
                continue  # "il secondo turno", "del secondo semestre": "second", no source
            relative = RELATIVE_AFTER.match(sentence.text, match.end())
            if relative is not None:
                hung = relative_quote(sentence, match.start(), relative.end(), names, paragraph)
                found.extend([hung] if hung is not None else [])
                continue
            what = CLAUSE.match(sentence.text, match.end()) if CLAUSE is not None else None
            if (
                what is None
                and CLAUSE is not None
                and CLAUSE_OPENING.match(sentence.text, match.end())
            ):
                continue  # "selon ce que …" with no reporting verb: no source read
            source_start = (
                what.end() if what is not None else after_verb(sentence.text, match.end(), language)
            )
            leading = _without_conjunction(sentence.text[: match.start()].rstrip(), language)
            set_off = not leading or leading.endswith(",")
            source_end = end_of_source(
                sentence.text, source_start, language, set_off, closing=bool(leading)
            )
            source_end = apposed_name_end(sentence.text, source_end) if leading else source_end
            source = sentence.text[source_start:source_end]
            if addresses_reader(source, language) or names_a_rule(source, language):
                continue  # "según tus preferencias", "según la ley": no one's words
            # (without the language: "ifølgje han er …" read as a pronoun is skipped below, and
            # the according readers resolve no pronoun source yet)
            speaker = account_source(source, names, language) or parse_speaker(source, names)
            opening = match.start()
            before = sentence.text[:opening]  # "según sus cálculos": the subject's own
            speaker = possessive_source(source, before, names, language) or speaker
            bracket = _BRACKET.match(sentence.text, source_end)
            if bracket is not None:
                source_end = bracket.end()  # "Ifølge Per Olsen (H) er …": the party is no content
        if speaker is None or speaker.type == "pronoun":
            continue
        before = _without_conjunction(sentence.text[:opening].rstrip(" ,"), language)
        after = sentence.text[source_end:].strip(" ,")
        if not before:
            content, offset = after, sentence.text.find(after, source_end) if after else -1
        elif not after.strip(" .!?") or source_goes_on(
            sentence.text, opening, source_end, language
        ):
            content, offset = before, 0
        else:
            content, offset = sentence.text.strip(), sentence.text.find(sentence.text.strip())
        content = content.rstrip(" .")
        if len(content.split()) < MIN_CONTENT_WORDS or offset < 0:
            continue
        start = sentence.start + offset
        found.append(_quote(content, speaker, paragraph, "reported", start))
    return found
