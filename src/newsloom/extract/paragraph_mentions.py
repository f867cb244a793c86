"""Whom an article names, paragraph by paragraph, and where: the person a paragraph names before
an offset, the sentence subjects a pronoun may look back to, people named together, the last
capitalised run that may name a person. What :class:`~newsloom.extract.quote_context.QuoteContext`
looks up to resolve a pronoun; no reading changes it but the paragraphs it keeps.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.assign.features import dictionary_lemma
from newsloom.extract.name_groups import last_group
from newsloom.extract.object_names import after_preposition
from newsloom.extract.quote_patterns import DASH_OPENING, MARKS
from newsloom.extract.role_words import is_role_word
from newsloom.extract.speaker_names import may_name_a_person, names_a_thing, opens_sentence
from newsloom.extract.speakers import CAPITALISED_NAME, Speaker, parse_speaker
from newsloom.records import EntityMention, EntityType

SPEAKER_TYPES = (EntityType.PERSON, EntityType.ORGANISATION)
_PEOPLE = (EntityType.PERSON,)


class ParagraphMentions:
    """The article's mentions by paragraph, the surnames it gives in full, and the paragraphs
    read so far (for a pronoun's look back)."""

    def __init__(self, entities: Sequence[EntityMention]) -> None:
        self.entities = entities
        self._by_paragraph: dict[int, list[EntityMention]] = {}  # the mentions of each paragraph
        self._surnames = {
            mention.text.split()[-1]
            for mention in entities
            if mention.type == EntityType.PERSON
            and len(mention.text.split()) >= 2
            and mention.text.split()[-1][:1].isupper()
        }
        # a surname to the full name the article gives it (for the sex of its first name)
        self._full_names = {
            mention.text.split()[-1]: mention.text
            for mention in entities
            if mention.type == EntityType.PERSON and len(mention.text.split()) >= 2
        }
        for mention in entities:
            self._by_paragraph.setdefault(mention.paragraph, []).append(mention)
        self._texts: dict[int, str] = {}  # the paragraphs read, for a pronoun's look back

    def read(self, paragraph: int, text: str) -> None:
        """Keep a paragraph's text for a later pronoun's look back."""
        self._texts[paragraph] = text

    def mentions(self, paragraph: int) -> list[EntityMention]:
        """The mentions the recogniser found in the paragraph."""
        return self._by_paragraph.get(paragraph, [])

    def names_in(self, paragraph: int, types: tuple[EntityType, ...] = SPEAKER_TYPES) -> list[str]:
        """The names of ``types`` the recogniser found in the paragraph."""
        return [e.text for e in self._by_paragraph.get(paragraph, ()) if e.type in types]

    def group_before(self, text: str, paragraph: int, end: int) -> str | None:
        """People named together in this paragraph before ``end`` (for a plural pronoun)."""
        people = [e for e in self._by_paragraph.get(paragraph, ()) if e.type in _PEOPLE]
        return last_group(text, people, end)

    def full_name(self, name: str) -> str:
        """The full name the article gives a surname alone (``name`` where it gives none)."""
        return self._full_names.get(name, name)

    def _surname_alone(self, text: str, word: re.Match[str], language: str | None) -> bool:
        """Whether a word the article uses as a person's surname stands for that person here:
        alone (not after another capitalised word: ``Casa Blanca``, ``Consejo Militar``), and
        no word of the language's dictionary (``Exteriores`` of ``Asuntos Exteriores``, which
        the recogniser took for a person)."""
        name = word.group(0)
        previous = text[: word.start()].split()[-1:]
        return (
            len(name) >= _SHORTEST_SURNAME
            and not name.isupper()
            and not (previous and previous[0][:1].isupper())
            and dictionary_lemma(name.lower(), language) is None
        )

    def named_before(
        self,
        text: str,
        paragraph: int,
        language: str | None,
        at: int,
        since: int = 0,
        subjects: bool = False,
    ) -> tuple[int, str] | None:
        """The last person the paragraph ``text`` names before ``at``, outside quotation marks
        and not in a paragraph of someone's words: a sentence's subject before one named in
        passing (``Kramp-Karrenbauer, chef … de la chancelière Angela Merkel, a confirmé``)."""
        if DASH_OPENING.match(text):
            return None
        quoted = [(match.start(), match.end()) for match in MARKS.finditer(text, 0, at)]
        mentions = self._by_paragraph.get(paragraph, [])
        found = [(e.start, e.text) for e in mentions if e.type == EntityType.PERSON]
        # a surname alone, of a person the article names in full ("Kramp-Karrenbauer a
        # déclaré" after "Annegret Kramp-Karrenbauer"), which the recogniser may miss
        found += [
            (word.start(), word.group(0))
            for word in _WORD.finditer(text, since, at)
            if word.group(0) in self._surnames and self._surname_alone(text, word, language)
        ]
        people = [
            (start, name)
            for start, name in found
            if since <= start
            and start + len(name) <= at
            and not any(low <= start < high for low, high in quoted)
            and not names_a_thing(text, start, name)
            and not after_preposition(text, start, language)
        ]
        opening = [(start, name) for start, name in people if subject_at(text, start)]
        chosen = opening if subjects else opening or people
        return max(chosen) if chosen else None

    def subjects_back(
        self, first: int, paragraph: int, text: str, at: int | None
    ) -> list[tuple[int, int, str]]:
        """The people named as a sentence's subject from paragraph ``first`` up to
        ``paragraph`` (whose ``text`` is read up to ``at``), outside quotation marks and
        paragraphs of someone's words: (paragraph, start, name) each."""
        found: list[tuple[int, int, str]] = []
        for back in range(max(0, first), paragraph + 1):
            read = text if back == paragraph else self._texts.get(back, "")
            end = at if back == paragraph and at is not None else len(read)
            quoted = [(m.start(), m.end()) for m in MARKS.finditer(read, 0, end)]
            found += [
                (back, mention.start, mention.text)
                for mention in self._by_paragraph.get(back, ())
                if mention.type == EntityType.PERSON
                and mention.end <= end
                and not DASH_OPENING.match(read)
                and not any(low <= mention.start < high for low, high in quoted)
                and subject_at(read, mention.start)
            ]
        return found


def last_person_run(
    text: str, paragraph: int, mentions: Sequence[EntityMention]
) -> tuple[int, str] | None:
    """The last run of capitalised words in ``text`` that may name a person and names no thing,
    and where it starts: the runs tried from the last, since a later one is all that counts."""
    for run in reversed(list(CAPITALISED_NAME.finditer(text))):
        name = run.group(0)
        if may_name_a_person(name, paragraph, run.start(), mentions) and not names_a_thing(
            text, run.start(), name
        ):
            return run.start(), name
    return None


def as_person(name: str) -> Speaker:
    """A person's name as a speaker (its role split off where it has one)."""
    return parse_speaker(name) or Speaker(name, None, "person")


_SHORTEST_SURNAME = 3  # "W" of "George W. Bush" is no surname
_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_END = re.compile(r"[.!?:;]\s")
_MOST_ROLE_WORDS = 3  # "Administrerende direktør Boris Benulic": a role before a subject's name


def subject_at(text: str, start: int) -> bool:
    """Whether the name at ``start`` is a sentence's subject: it opens the sentence, alone or
    after a role (``Statsråd Marit Arnstad``, ``Sogndal-ordførar Jarle Aarvoll``)."""
    if opens_sentence(text, start):
        return True
    opening = max((end.end() for end in _SENTENCE_END.finditer(text, 0, start)), default=0)
    words = text[opening:start].split()
    return (
        0 < len(words) <= _MOST_ROLE_WORDS
        and all(word[:1].islower() for word in words[1:])
        and is_role_word(words[-1])
    )
