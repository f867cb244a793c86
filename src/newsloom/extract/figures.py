"""Figures: how many were killed, injured, arrested, missing, evacuated, protesting, deployed.

Rule-based, per sentence:

1. numbers in digits, words and vague phrases (:mod:`newsloom.extract.numbers`), minus what is not a
   count of people: dates, years, ages (``54-årig``), clock times (``kl. 14.30``), ordinals
   (``76. luftbårne division``), measures (``to uger``, ``30 procent``) and decimals;
2. the nearest casualty cue (``dræbt``, ``kommet til skade``, ``arrested``, ``heridos`` …) within a
   few words, after or before the number (crowd and troop cues only right next to it);
3. the subject named next to the number (``politibetjente`` → police), the qualifier just before it
   (``mindst`` → at least), the attribution (:mod:`newsloom.extract.attribution`), including a
   following ``Det oplyser X`` sentence, and the date the figure refers to: a time expression in the
   same sentence (or in the attributing sentence), else the publication date with its precision.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from newsloom.extract.cues import (
    Cue,
    choose_cue,
    claimed_cues,
    cue_pattern,
    denied,
    find_cues,
    has_cue,
    listed_cues,
    modifies_a_noun,
    part_kind,
)
from newsloom.extract.figure_counts import CONTEXT_WINDOW, is_count
from newsloom.extract.figure_sources import FigureSources
from newsloom.extract.figure_words import QUALIFIERS
from newsloom.extract.numbers import find_quantities
from newsloom.extract.quantity import Quantity
from newsloom.extract.resources import number_words, resources_for
from newsloom.extract.sentences import Sentence, split_sentences
from newsloom.extract.subject_words import SUBJECTS
from newsloom.records import Article, DatePrecision, Figure, ParagraphKind, TimeExpression

DETAINED_KINDS = ("arrested", "remanded", "released")
UNIFORMED = ("police", "military", "emergency personnel")
# "ingen", "none", "nadie": ``(?<!\w)(?:ingen|inga|none|nobody|no one|nadie|ninguna|ninguno)(?!\w)``
# without case, written so that a search skips from one i or n to the next: a class of what the
# first letters match without case (every code point checked by a test) is consumed first, which
# the engine jumps to; the word start and the first letter are then looked behind. The same
# matches at a third of the cost of trying the words at every character of every sentence.
_NONE_FIRST_LETTERS = "IiİıNn"
_NONE_WORDS = re.compile(
    rf"(?-i:[{_NONE_FIRST_LETTERS}])(?<=(?<!\w).)"
    r"(?:(?<=i)(?:ngen|nga)|(?<=n)(?:one|obody|o one|adie|inguna|inguno))(?!\w)",
    re.IGNORECASE,
)
_CAPTION = re.compile(r"\b(?:Foto|Photo|Bilde|Bild|Billede|Arkivfoto|Foto ?:)\s*:", re.IGNORECASE)
_QUOTE_DASH = re.compile(r"\s*[-–—]\s")  # a paragraph opening with a dash quotes someone
_QUOTE_MARKS = re.compile(r"[«»“”„\"]")
_SKIPPED_PARAGRAPHS = (ParagraphKind.CREDIT, ParagraphKind.BYLINE, ParagraphKind.BOILERPLATE)
_WORD = re.compile(r"\w[\w'’-]*")
_JOINERS = re.compile(r"^\s*(?:og|and|y|och|und|samt|&|,)\s*$", re.IGNORECASE)
_RANGE = re.compile(
    r"^\s*(?:-|–|til|to|till|à|a|og|and|y|och|bis|et|e|en|und|tot)\s*$", re.IGNORECASE
)
_OR_WORDS = frozenset(number_words("or_words"))  # the tables' or_words
_RANGE_OPENERS = re.compile(
    r"(?:mellem|mellom|mellan|between|entre|zwischen|tra|fra|tussen)\s*$", re.IGNORECASE
)
# "…, while Y put the number at seven": a restated count of the figure before it in the sentence
_RESTATED = re.compile(
    r"(?<!\w)(?:put|puts|putting|set|sets|placed|places|anslår|anslog|satte|sætter|setter|sätter"
    r"|opgjorde|opgør|opgjør)\s+(?:(?:the|its|their|det|den)\s+)?(?:number|figure|toll|tally"
    r"|count|tallet|antallet|antalet|siffran|talet)\s+(?:at|til|till|på)\s*$",
    re.IGNORECASE,
)
# "the number is down to three": a restated count of the figure before it
_RESTATED_NUMBER = re.compile(
    r"(?<!\w)(?:the\s+)?(?:number|figure|toll|tally|count|total)\s+(?:is|was|has|had|rose|fell"
    r"|climbed|dropped|went)(?:\s+(?:been|now|down|up|risen|fallen|climbed|dropped))*\s+(?:to|at)"
    r"\s*$",
    re.IGNORECASE,
)
# "52 killed, including 12 children", "incluidos más de mil 201 niños", "darunter drei Kinder":
# a count of part of the figure before it, which has that figure's kind
_INCLUDING = re.compile(
    r"(?<!\w)(?:including|among them|incluidos|incluidas|incluyendo|entre ellos|entre ellas"
    r"|darunter|dont|parmi eux|parmi lesquels|parmi lesquelles|tra cui|fra cui|tra questi"
    r"|inclusive|incluindo|entre eles|entre elas|waaronder|onder wie|däribland|bland dem|varav"
    r"|deriblant|heriblant|herav|heraf|heriblandt|blandt dem|w tym|wśród nich)\s*$",
    re.IGNORECASE,
)
# "80 passagerer og 36 besætningsmedlemmer": a count joined to a figure whose cue came first
_CLAUSE_BREAK = re.compile(r"[,;:.!?()]")
_COORDINATED = re.compile(r"^\s*,?\s*(?:og|and|och|samt|y|und|&)\s*$", re.IGNORECASE)


def _merge_ranges(quantities: list[Quantity], text: str) -> list[Quantity]:
    merged: list[Quantity] = []
    for quantity in quantities:
        if merged:
            previous = merged[-1]
            between = text[previous.end : quantity.start]
            opener = _RANGE_OPENERS.search(
                text[max(0, previous.start - CONTEXT_WINDOW) : previous.start]
            )
            is_range = (
                bool(re.fullmatch(r"\s*[-–]\s*", between))
                or (
                    _RANGE.match(between) is not None
                    and between.strip().lower() in ("til", "to", "till", "à", "a", "bis")
                )
                # "vier oder fünf Personen", "four or five people": a count not known exactly
                or between.strip().lower() in _OR_WORDS
                or (opener is not None and _RANGE.match(between) is not None)
            )
            if is_range and previous.high < quantity.low and not previous.vague:
                merged[-1] = Quantity(
                    previous.low,
                    quantity.high,
                    previous.start,
                    quantity.end,
                    text[previous.start : quantity.end],
                    written=previous.written,
                )
                continue
        merged.append(quantity)
    return merged


def _subject_of(word: str) -> str | None:
    for name, patterns in SUBJECTS.items():
        if cue_pattern(patterns).match(word):
            return name
    return None


def _subject(quantity: Quantity, cue: Cue, text: str) -> tuple[str | None, int]:
    """The subject named right after the number (``otte politibetjente``, ``dozens of people``).

    Up to three words may come first (``af``, adjectives); ``politifolk og militære`` gives
    ``police and military``. Returns the subject and where its phrase ends.
    """
    limit = cue.start if cue.start >= quantity.end else len(text)
    names: list[str] = []
    end = quantity.end
    skipped = 0
    for word_match in _WORD.finditer(text, quantity.end, limit):
        word = word_match.group(0)
        if _CLAUSE_BREAK.search(text, end if names else quantity.end, word_match.start()):
            break  # "… to 19, Norway's national police said": the phrase ended at the comma
        name = _subject_of(word)
        if name is not None:
            if name not in names and not (name == "people" and names):
                names.append(name)
            end = word_match.end()
        elif names and _JOINERS.match(word):
            continue
        elif names:
            break
        else:
            skipped += 1
            if skipped > 3:
                break
    if not names:
        cue_subject = _subject_of(text[cue.start : cue.end])
        if cue_subject is not None and cue.start >= quantity.end:
            return cue_subject, cue.end  # "tusindvis af demonstranter", "1,200 troops"
        return None, quantity.end
    return " and ".join(names), end


def _qualifier(quantity: Quantity, text: str) -> tuple[str | None, int]:
    before = text[max(0, quantity.start - CONTEXT_WINDOW) : quantity.start].rstrip(" '\"«»“”‘’")
    lowered = before.lower()
    for phrase in sorted(QUALIFIERS, key=len, reverse=True):
        if lowered.endswith(phrase) and (
            len(lowered) == len(phrase) or not lowered[-len(phrase) - 1].isalnum()
        ):
            return QUALIFIERS[phrase], len(before) - len(phrase)
    return None, quantity.start


def _times_within(
    times: Sequence[TimeExpression],
) -> Callable[[int, int, int], Sequence[TimeExpression]]:
    """A look-up of the time expressions starting in a span of a paragraph (in log time)."""
    by_paragraph: dict[int, list[TimeExpression]] = {}
    for time in sorted(times, key=lambda time: (time.paragraph, time.start)):
        by_paragraph.setdefault(time.paragraph, []).append(time)
    starts = {index: [time.start for time in found] for index, found in by_paragraph.items()}

    def within(paragraph: int, start: int, end: int) -> Sequence[TimeExpression]:
        found = by_paragraph.get(paragraph, [])
        at = starts.get(paragraph, [])
        return found[bisect.bisect_left(at, start) : bisect.bisect_left(at, end)]

    return within


def _time_in(
    paragraph: int, span: tuple[int, int], times: Sequence[TimeExpression]
) -> TimeExpression | None:
    """The first resolved time expression (finer than a year) inside a sentence."""
    for time in times:
        if (
            time.paragraph == paragraph
            and span[0] <= time.start < span[1]
            and time.value is not None
            and time.precision != DatePrecision.YEAR
        ):
            return time
    return None


def extract_figures(article: Article, times: Sequence[TimeExpression] = ()) -> tuple[Figure, ...]:
    """Figures in every paragraph except credits, bylines and boilerplate."""
    units: list[tuple[int, Sentence]] = []
    for paragraph in article.paragraphs:
        if paragraph.kind not in _SKIPPED_PARAGRAPHS:
            units.extend(
                (paragraph.index, sentence)
                for sentence in split_sentences(paragraph.text, glued=True)
            )
    languages = {p.index: p.language or article.language for p in article.paragraphs}
    captions = {  # "Foto:" has a colon: a paragraph without one is not searched
        p.index
        for p in article.paragraphs
        if p.kind != ParagraphKind.BODY or (":" in p.text and _CAPTION.search(p.text))
    }
    quoted = {
        p.index
        for p in article.paragraphs
        if _QUOTE_DASH.match(p.text) or _QUOTE_MARKS.search(p.text)
    }
    published = article.published.date() if article.published is not None else None
    figures: list[Figure] = []
    # each sentence is scanned once; the attribution look-ahead reuses these
    within = _times_within(times)
    found_by_unit = [
        _figures_in_sentence(
            sentence,
            paragraph_index,
            languages.get(paragraph_index),
            within(paragraph_index, sentence.start, sentence.end),
        )
        for paragraph_index, sentence in units
    ]
    sources = FigureSources(
        units=units,
        languages=languages,
        captions=captions,
        quoted=quoted,
        found=found_by_unit,
        text=article.text,
    )
    for position, (paragraph_index, sentence) in enumerate(units):
        found = found_by_unit[position]
        if not found:
            continue
        attribution = sources.attribution(position, figures[-1] if figures else None)
        time = _time_in(
            paragraph_index,
            (sentence.start, sentence.end),
            within(paragraph_index, sentence.start, sentence.end),
        ) or _time_in(
            attribution.paragraph,
            attribution.span,
            within(attribution.paragraph, *attribution.span),
        )
        for figure in found:
            own = sources.figure_chain(figure, position, attribution)
            figures.append(
                replace(
                    figure,
                    attributed_to=own[0] if own else None,
                    attribution_chain=own,
                    as_of=time.value if time else published,
                    as_of_precision=time.precision if time else article.published_precision,
                )
            )
    return tuple(figures)


def states_figures(text: str, language: str | None) -> bool:
    """Whether the sentence ``text`` states a figure as :func:`extract_figures` reads one: a
    count with the cue word of its kind (``tre personer er pågrepet``, not ``en bil`` in a
    sentence about someone who ``flyktet``)."""
    return bool(_figures_in_sentence(Sentence(0, len(text), text), 0, language, ()))


def _figures_in_sentence(
    sentence: Sentence, paragraph: int, language: str | None, times: Sequence[TimeExpression]
) -> list[Figure]:
    text = sentence.text
    if not has_cue(text, language):
        # no cue word, so no count has a cue (nor inherits one): the one cue scan, cheaper than
        # finding and testing the sentence's numbers (most sentences hold no cue)
        return []
    time_spans = [
        (t.start - sentence.start, t.end - sentence.start)
        for t in times
        if t.paragraph == paragraph
        and sentence.start <= t.start < sentence.end
        and t.rule == "absolute"
    ]
    found_quantities = find_quantities(text, language)
    if language is not None and resources_for(language) is None:
        # no table for this language: numerals only (see resources.describe_resources)
        found_quantities = [q for q in found_quantities if not q.written]
    quantities = [q for q in found_quantities if is_count(q, text, language, time_spans)]
    all_time_spans = [
        (t.start - sentence.start, t.end - sentence.start)
        for t in times
        if t.paragraph == paragraph and sentence.start <= t.start < sentence.end
    ]
    quantities.extend(
        Quantity(0.0, 0.0, match.start(), match.end(), match.group(0), written=True)
        for match in _NONE_WORDS.finditer(text)
    )
    if not quantities:
        return []  # no count, so no cue search (the costliest step)
    quantities.sort(key=lambda quantity: quantity.start)
    quantities = _merge_ranges(quantities, text)
    cues = [
        cue
        for cue in find_cues(text, language)
        if not denied(cue, text, language) and not modifies_a_noun(cue, text)
    ]
    claimed = claimed_cues(cues, quantities, text)
    chosen = listed_cues(
        quantities,
        [choose_cue(quantity, cues, text, all_time_spans, claimed) for quantity in quantities],
        lambda quantity: _qualifier(quantity, text)[1],
        text,
    )
    found: list[Figure] = []
    previous: tuple[Figure, Cue, Quantity] | None = None
    for quantity, cue in zip(quantities, chosen, strict=True):
        inherited: Figure | None = None
        if cue is None and previous is not None:
            inherited = _inherited(quantity, text, *previous)
            cue = previous[1] if inherited is not None else None
        if cue is None:
            continue
        subject, subject_end = _subject(quantity, cue, text)
        kind = cue.kind
        if inherited is not None:
            kind = inherited.kind
            if subject is None or _RESTATED.search(text, 0, quantity.start):
                subject = inherited.subject
        if subject is None and inherited is None and previous is not None:
            # "åtte politifolk er drept og 317 skadet": a count with no noun of its own, joined to
            # the figure before it, counts the same people
            joined = text[previous[0].end - sentence.start : quantity.start]
            if _COORDINATED.match(joined):
                subject = previous[0].subject
        if kind == "protesters" and subject in UNIFORMED:
            kind = "deployed"
        if kind in DETAINED_KINDS and subject in ("people", None):
            subject = "suspects"
        if subject is None and kind != "without_power":
            subject = "people"  # a head count that names no group counts people
        qualifier, qualifier_start = _qualifier(quantity, text)
        if qualifier is None and quantity.implied_qualifier:
            qualifier = quantity.implied_qualifier
        start = min(qualifier_start, quantity.start, cue.start)
        end = max(quantity.end, cue.end, subject_end)
        if inherited is not None:  # the shared cue lies before the earlier figure
            start = min(qualifier_start, quantity.start)
            end = max(quantity.end, subject_end)
        if kind == "injured":  # "400 sårede er indlagt": the injured in hospital
            kind = part_kind(text, start, end) or kind
        found.append(
            Figure(
                kind=kind,
                subject=subject,
                low=quantity.low,
                high=quantity.high,
                qualifier=qualifier,
                text=text[start:end],
                paragraph=paragraph,
                start=sentence.start + start,
                end=sentence.start + end,
                vague=_vague_words(quantity),
            )
        )
        previous = (found[-1], cue, quantity)
    return found


def _vague_words(quantity: Quantity) -> str | None:
    """The words of a vague quantity ("dusinvis", "noen tusen"); None for a number, including an
    approximate one ("ett fyrtiotal": about 40)."""
    if not quantity.vague or quantity.high <= quantity.low:
        return None
    return quantity.text.strip("'\"«»“”‘’")


def _inherited(
    quantity: Quantity, text: str, figure: Figure, cue: Cue, counted: Quantity
) -> Figure | None:
    """The earlier figure whose kind a cue-less count shares: a restatement ("put the number at
    seven", "the number is down to three"), a part of it ("including 12 children") or a
    coordinated count after a shared cue ("carrying 80 passengers and 12 crew")."""
    _, qualifier_start = _qualifier(quantity, text)
    if (
        _RESTATED.search(text, 0, qualifier_start)
        or _RESTATED_NUMBER.search(text, 0, qualifier_start)
        or _INCLUDING.search(text, 0, qualifier_start)
    ):
        return figure
    if cue.start < counted.start:
        subject_end = _subject(counted, cue, text)[1]
        if _COORDINATED.match(text[max(subject_end, counted.end) : quantity.start]):
            return figure
    return None
