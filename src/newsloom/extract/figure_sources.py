"""Who a figure is credited to: the source the article cites for that number.

- the sources of the figure's own sentence (:mod:`newsloom.extract.attribution`), a chain kept
  outermost first (``Reuters skriver at lokale nyhetsbyråer melder at …``);
- an attributing sentence just after it (``Det oplyser sundhedsministeriet``), or a sentence closing
  the paragraph with its source (``…, police said.``);
- a source named in the sentence just before, in the same paragraph (the same or an adjacent
  sentence, as an annotator reads it); a source named further back, or in an earlier paragraph,
  was cited for something else, so it covers nothing here;
- a part of a group just counted (``Seks af dem er indlagt``) takes the source of the whole;
- none when the article states the number on its own authority.

Within a sentence, a figure is credited only to the clause that reports it: with several reporting
clauses (``X said 11 …, and Y confirmed five``) the nearest one before it, a trailing ``…, sier
X`` reports the words before it, not a description after it, and an ``X said that …`` reports the
clause after its verb, not a figure before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsloom.extract.attribution import Source, next_sentence_sources, sources_in
from newsloom.extract.cues import words_between
from newsloom.extract.sentences import Sentence
from newsloom.records import Figure

_SENTENCE_END = re.compile(r"[.!?:;…»”\"')]\s*$")
_ACRONYM = re.compile(
    r"(?P<name>[A-ZÆØÅÄÖ][\w-]+(?:\s+[\w-]+){0,4})\s+\((?P<acronym>[A-ZÆØÅÄÖ]{2,8})\)"
)
# what every match of _ACRONYM holds: the cheap test before it (most articles have none)
_ACRONYM_BRACKET = re.compile(r"\s\([A-ZÆØÅÄÖ]{2,8}\)")
# the words before an acronym in brackets, within its clause, that may spell it out
_NOT_IN_WORD = r"[^\s.,;:!?()«»\"“”]"
_BEFORE_ACRONYM = re.compile(
    rf"(?<!{_NOT_IN_WORD})(?P<words>{_NOT_IN_WORD}+(?:\s+{_NOT_IN_WORD}+){{0,11}})\s+$"
)


def _acronyms(text: str) -> dict[str, str]:
    """Acronyms in brackets and the names they stand for: the longest run of words before the
    bracket whose capitalised words' initials spell the acronym (``Organización para la
    Prohibición de las Armas Químicas (OPAQ)``, ``Observatorio Sirio para los Derechos Humanos
    (OSDH)``), else a capitalised word and up to four more (an acronym of another language:
    ``Fuerzas Democráticas Sirias (SDF)``)."""
    found: dict[str, str] = {}
    for bracket in _ACRONYM_BRACKET.finditer(text):
        acronym = bracket.group(0).strip()[1:-1]
        before = _BEFORE_ACRONYM.search(text, max(0, bracket.start() - 200), bracket.start() + 1)
        words = before.group("words").split() if before else []
        spelt = next(
            (
                at
                for at in range(len(words))
                if words[at][:1].isupper()
                and "".join(word[0] for word in words[at:] if word[:1].isupper()) == acronym
            ),
            None,
        )
        if spelt is not None:
            found[acronym] = f"{' '.join(words[spelt:])} ({acronym})"
            continue
        match = _ACRONYM.search(text, max(0, bracket.start() - 200), bracket.end())
        while match is not None and match.end() < bracket.end():
            match = _ACRONYM.search(text, match.start() + 1, bracket.end())
        if match is not None and match.group("acronym") == acronym:
            found[acronym] = match.group(0)
    return found


LOOKAHEAD_SENTENCES = 3  # "Det oplyser X" may come a few sentences after the figure
# "seks af dem", "two of them": a part of the group counted just before
_ANAPHORIC_PART = re.compile(
    r"[\w-]+\s+(?:af|av|of|de|von|di|d'|utav)\s*(?:dem|dei|them|those|these|ellos|ellas|ihnen|eux"
    r"|elles|loro|dessa|desse|disse)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    chain: tuple[str, ...]
    paragraph: int  # where the attributing sentence is (for the figure's date)
    span: tuple[int, int]


@dataclass(slots=True)
class FigureSources:
    """The sources of an article's figures, sentence by sentence (``units``: paragraph index and
    sentence, in reading order; ``found``: the figures of each unit)."""

    units: Sequence[tuple[int, Sentence]]
    languages: dict[int, str | None]
    captions: set[int]  # captions and other non-body paragraphs: they cite no one and carry nothing
    quoted: set[int]  # paragraphs with quotes: a speaker there is no source for what follows
    found: Sequence[Sequence[Figure]]
    text: str  # the article's
    _named: dict[int, tuple[str, ...]] = field(default_factory=dict, init=False)  # by position
    _acronyms: dict[str, str] | None = field(default=None, init=False)

    @property
    def acronyms(self) -> dict[str, str]:
        """Acronyms and what they stand for ("JRCC" → "Joint Rescue Coordination Centre (JRCC)"),
        read from the article once, when a figure's source is named."""
        if self._acronyms is None:
            self._acronyms = _acronyms(self.text) if _ACRONYM_BRACKET.search(self.text) else {}
        return self._acronyms

    def attribution(self, position: int, previous: Figure | None) -> Attribution:
        """The sources of the figures of one sentence (``previous``: the article's figure before
        them, whose sources a part of its group shares)."""
        paragraph_index, sentence = self.units[position]
        attribution = _attribution(position, self.units, self.captions, self.found, self.languages)
        chain = attribution.chain
        if not chain and paragraph_index not in self.captions:
            chain = self._earlier_in_paragraph(position)
        if chain:
            chain = tuple(self.acronyms.get(name, name) for name in chain)
        if (
            not chain
            and previous is not None
            and _part_of_previous(self.found[position][0], sentence)
        ):
            chain = previous.attribution_chain  # "Seks af dem er indlagt": the source of "dem"
        return Attribution(chain, attribution.paragraph, attribution.span)

    def figure_chain(
        self, figure: Figure, position: int, attribution: Attribution
    ) -> tuple[str, ...]:
        """One figure's chain: the sentence's, narrowed to the clause that reports the figure."""
        paragraph_index, sentence = self.units[position]
        named = sources_in(sentence.text, self.languages.get(paragraph_index))
        chain = attribution.chain
        if attribution.span == (sentence.start, sentence.end) and len(chain) > 1:
            clause_sources = [
                source
                for source in named
                if source.rank == 2 and self.acronyms.get(source.name, source.name) in chain
            ]
            chain = _clause_chain(figure, sentence, clause_sources, chain, self.acronyms)
        if any(source.trailing or source.leading for source in named):
            chain = _within_reach(figure, sentence, named, chain, self.acronyms)
        return chain

    def _earlier_in_paragraph(self, position: int) -> tuple[str, ...]:
        """The sources of the sentence just before, in the same paragraph: a source covers the
        sentence that names it and the next one, not a paragraph's later sentences (which may
        state facts of their own: "…, según el OSDH. En casi tres años de guerra han muerto más
        de 130.000 sirios.")."""
        earlier = position - 1
        if earlier < self._paragraph_start(position):
            return ()
        if earlier not in self._named:
            skipped = self.captions | self.quoted
            self._named[earlier] = _named_sources(self.units[earlier], skipped, self.languages)
        return self._named[earlier]

    def _paragraph_start(self, position: int) -> int:
        """The first unit of the paragraph of ``position``; a line that ends mid-sentence (text
        with hard line breaks) belongs to the paragraph of the line it continues."""
        start = position
        while start > 0:
            previous_paragraph, previous = self.units[start - 1]
            same = previous_paragraph == self.units[start][0]
            if not same and _SENTENCE_END.search(previous.text):
                break
            start -= 1
        return start


def _attribution(
    position: int,
    units: Sequence[tuple[int, Sentence]],
    skipped: set[int],
    found: Sequence[Sequence[Figure]],
    languages: dict[int, str | None],
) -> Attribution:
    """Sources in the figure's sentence, plus an attributing sentence ("Det oplyser X") after it."""
    paragraph_index, sentence = units[position]
    chain = [source.name for source in sources_in(sentence.text, languages.get(paragraph_index))]
    looked = 0
    for following in range(position + 1, len(units)):
        next_index, next_sentence = units[following]
        if next_index in skipped:
            continue
        looked += 1
        if looked > LOOKAHEAD_SENTENCES:
            break
        language = languages.get(next_index)
        outer = next_sentence_sources(next_sentence.text, language)
        if outer:
            chain = [*outer, *(name for name in chain if name not in outer)]
            return Attribution(tuple(chain), next_index, (next_sentence.start, next_sentence.end))
        trailing = sources_in(next_sentence.text, language)
        if (
            not chain
            and trailing
            and next_index == paragraph_index
            and _closes_sentence(next_sentence.text, trailing)
        ):  # "27 treated. Six remain in hospital, police said.": it closes the paragraph
            names = tuple(source.name for source in trailing)
            return Attribution(names, next_index, (next_sentence.start, next_sentence.end))
        if trailing or found[following]:
            break
    return Attribution(tuple(chain), paragraph_index, (sentence.start, sentence.end))


def _clause_chain(
    figure: Figure,
    sentence: Sentence,
    clause_sources: Sequence[Source],
    chain: tuple[str, ...],
    acronyms: dict[str, str],
) -> tuple[str, ...]:
    """With several clause subjects reporting in one sentence ("X said 11 …, and Y confirmed
    five …"), a figure's source is the last one before it, and the other clauses' sources are not
    part of its chain (they are not relaying it)."""
    if len(clause_sources) < 2 or not any(source.coordinate for source in clause_sources):
        return chain  # one reporting clause, or sources relaying one another
    offset = figure.start - sentence.start
    before = [source for source in clause_sources if source.position <= offset]
    if not before:
        return chain
    names = {acronyms.get(source.name, source.name) for source in clause_sources}
    name = acronyms.get(before[-1].name, before[-1].name)
    return (name, *(other for other in chain if other not in names))


def _within_reach(
    figure: Figure,
    sentence: Sentence,
    named: Sequence[Source],
    chain: tuple[str, ...],
    acronyms: dict[str, str],
) -> tuple[str, ...]:
    """The chain without the sources whose verb does not reach the figure: a "…, sier X" before
    it reports the words before itself, and a number after it ("…», skriv X, mannen som er sikta
    for å ha drepe 86") is the article's own description; an "X said that …" after it reports the
    clause after its verb, and a number before it ("Tras el atentado …, en el que murieron 23
    personas, muchos cristianos consideran que …") is not what it reports."""
    start = figure.start - sentence.start
    end = figure.end - sentence.start  # "un joven manifestante, testigos dicen que fue muerto"
    out_of_reach = {
        acronyms.get(s.name, s.name)
        for s in named
        if (s.trailing and s.position < start) or (s.leading and s.position >= end)
    }
    return tuple(name for name in chain if name not in out_of_reach)


def _part_of_previous(figure: Figure, sentence: Sentence) -> bool:
    """Whether the figure counts a part of a group the text has just counted ("Seks af dem er
    indlagt", "two of them critically"): its source is the source of the whole."""
    return _ANAPHORIC_PART.match(sentence.text, figure.start - sentence.start) is not None


def _closes_sentence(text: str, sources: Sequence[Source]) -> bool:
    """True when the sentence ends with its attribution (``…, enligt polisen.``, ``…, police
    said on Wednesday.``): the source stands in the second half with at most three words after."""
    last = max(sources, key=lambda source: source.position)
    at = text.rfind(last.name)
    return (
        2 * last.position >= len(text)
        and at >= 0
        and (words_between(text, at + len(last.name), len(text)) <= 3)
    )


def _named_sources(
    unit: tuple[int, Sentence], skipped: set[int], languages: dict[int, str | None]
) -> tuple[str, ...]:
    """The sources a sentence names outside quotes (none in a skipped paragraph)."""
    paragraph_index, sentence = unit
    if paragraph_index in skipped:
        return ()
    language = languages.get(paragraph_index)
    return tuple(
        next_sentence_sources(sentence.text, language)
        or [source.name for source in sources_in(sentence.text, language) if not source.local]
    )
