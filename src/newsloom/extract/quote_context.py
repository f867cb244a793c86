"""What a quote extractor remembers while it reads an article: the last speaker and the last
person named, to resolve a pronoun or a role; and the :class:`~newsloom.records.Quote` it makes.

Shared by :mod:`newsloom.extract.quotes` (quotes in marks and after a speech dash) and
:mod:`newsloom.extract.reported` (reported speech).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.assign.features import dictionary_lemma
from newsloom.extract.name_groups import last_group
from newsloom.extract.name_sexes import may_mean
from newsloom.extract.object_names import after_preposition
from newsloom.extract.pronoun_subjects import pronoun_subject
from newsloom.extract.quote_patterns import (
    AFTER_NO_SUBJECT,
    CONTEXT_WINDOW,
    DASH_OPENING,
    MARKS,
    VERBS,
)
from newsloom.extract.resources import SCANDINAVIAN
from newsloom.extract.role_antecedents import noun_sex, one_person_role, relative
from newsloom.extract.role_owners import office_of
from newsloom.extract.role_words import is_role_word
from newsloom.extract.speaker_names import (
    may_name_a_person,
    names_a_thing,
    opens_sentence,
)
from newsloom.extract.speakers import CAPITALISED_NAME, Speaker, parse_speaker
from newsloom.process_cache import compile_pattern
from newsloom.records import EntityMention, EntityType, Quote

SPEAKER_TYPES = (EntityType.PERSON, EntityType.ORGANISATION)
SEX_REACH = 8  # paragraphs a pronoun looks back over for one it may mean (:meth:`_named_of_sex`)
_PEOPLE = (EntityType.PERSON,)


# what QuoteContext.state leaves out: the article's mentions and texts, which no reading changes
_NOT_STATE = frozenset(("entities", "_by_paragraph", "_text", "_texts", "_surnames", "_full_names"))


class QuoteContext:
    """What the article said so far: the last named speaker and person, for pronouns."""

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
        self.last_speaker: Speaker | None = None
        self.last_person: str | None = None
        self.person_is_newer = False  # a person was named after the last quote's speaker
        self.last_source: Speaker | None = None  # the last speaker of any kind (police, a role)
        self.last_group: str | None = None  # the last people named together ("A, B og C")
        # a role of one person with no name that spoke after the last person named or speaking
        # (Scandinavian: "sier bestefaren. ¶ …, sier han" goes on with him)
        self.last_role: tuple[Speaker, str | None] | None = None
        self.nearby_body: str | None = None  # an organisation the last paragraph seen names
        self.talking = False  # the last paragraph seen was someone's words (a dash, marks)
        # the paragraph being read, where in it the quote being resolved stands, and where in it
        # the last speaker was resolved: a pronoun means someone named before it, not after
        self._text = ""
        self._texts: dict[int, str] = {}  # the paragraphs read, for a pronoun's look back
        self._spoke: tuple[tuple[int, int, str], ...] = ()  # where each speaker resolved spoke
        self._paragraph = -1
        self._language: str | None = None
        self._at: int | None = None
        self._speaker_at: int | None = None
        self._written_end = 0
        self._before: tuple[Speaker | None, str | None, bool] = (None, None, False)

    def state(self) -> dict[str, object]:
        """What the context remembers, to read a paragraph again: a copy of its attributes, of
        which :meth:`restore` puts back all but the mentions (taken for every paragraph, put
        back for few: the sorting out is left to the few, issue 19)."""
        return dict(vars(self))

    def restore(self, state: dict[str, object]) -> None:
        vars(self).update((name, value) for name, value in state.items() if name not in _NOT_STATE)

    def enter(self, text: str, paragraph: int, language: str | None = None) -> None:
        """Start reading a paragraph: what was known before it is kept for a pronoun that stands
        before the paragraph's first name."""
        self._text, self._paragraph, self._language = text, paragraph, language
        self._texts[paragraph] = text
        self._at = self._speaker_at = None
        self._written_end = 0  # where the last quote a speaker is written for ends
        self._before = (self.last_speaker, self.last_person, self.person_is_newer)

    def _surname_alone(self, text: str, word: re.Match[str]) -> bool:
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
            and dictionary_lemma(name.lower(), self._language) is None
        )

    def move_to(self, at: int) -> None:
        """Where in the paragraph the quote now resolved stands (a character offset)."""
        self._at = at

    def _named_before(
        self, at: int, since: int = 0, subjects: bool = False
    ) -> tuple[int, str] | None:
        """The last person the paragraph names before ``at``, outside quotation marks and not
        in a paragraph of someone's words: a sentence's subject before one named in passing
        (``Kramp-Karrenbauer, chef … de la chancelière Angela Merkel, a confirmé``)."""
        text = self._text
        if DASH_OPENING.match(text):
            return None
        quoted = [(match.start(), match.end()) for match in MARKS.finditer(text, 0, at)]
        mentions = self._by_paragraph.get(self._paragraph, [])
        found = [(e.start, e.text) for e in mentions if e.type == EntityType.PERSON]
        # a surname alone, of a person the article names in full ("Kramp-Karrenbauer a
        # déclaré" after "Annegret Kramp-Karrenbauer"), which the recogniser may miss
        found += [
            (word.start(), word.group(0))
            for word in _WORD.finditer(text, since, at)
            if word.group(0) in self._surnames and self._surname_alone(text, word)
        ]
        people = [
            (start, name)
            for start, name in found
            if since <= start
            and start + len(name) <= at
            and not any(low <= start < high for low, high in quoted)
            and not names_a_thing(text, start, name)
            and not after_preposition(text, start, self._language)
        ]
        opening = [(start, name) for start, name in people if _subject_at(text, start)]
        chosen = opening if subjects else opening or people
        return max(chosen) if chosen else None

    def names_in(self, paragraph: int, types: tuple[EntityType, ...] = SPEAKER_TYPES) -> list[str]:
        """The names of ``types`` the recogniser found in the paragraph."""
        return [e.text for e in self._by_paragraph.get(paragraph, ()) if e.type in types]

    def group_before(self, text: str, paragraph: int, end: int) -> str | None:
        """People named together in this paragraph before ``end`` (for a plural pronoun)."""
        people = [e for e in self._by_paragraph.get(paragraph, ()) if e.type in _PEOPLE]
        return last_group(text, people, end)

    def resolve(self, speaker: Speaker | None) -> Speaker | None:
        resolved = self._resolve(speaker)
        if resolved is not None and resolved.type == "person" and resolved.name:
            # who spoke, for a later pronoun that may not mean the one named last
            self._spoke = (*self._spoke, (self._paragraph, self._at or 0, resolved.name))
        if resolved is not None and (resolved.name or resolved.role):
            self.last_source = resolved
        return resolved

    def going_on(
        self, speaker: Speaker | None, before: Speaker | None, quote: re.Match[str]
    ) -> Speaker | None:
        """The speaker of the ``quote`` in marks: where a verb with its
        subject left out follows it (``«…», añadió``, ``«…», ha aggiunto``), the speaker of the
        paragraph's quote before (``before``) as :meth:`_spoken_before` finds it; else
        ``speaker`` as found. Where a speaker is written for it, remembers where it ends."""
        start, end = quote.span()
        if speaker is None:
            return None
        if speaker.type != "pronoun":
            self._written_end = end
            return speaker
        if speaker.plural or not AFTER_NO_SUBJECT.match(self._text[end : end + CONTEXT_WINDOW]):
            return speaker
        return self._spoken_before(before, self._written_end, start) or speaker

    def _spoken_before(self, before: Speaker | None, since: int, at: int) -> Speaker | None:
        """Whom a verb with its subject left out after a quote means: the speaker of the quote
        before it in the paragraph (``before``, which ended at ``since``), where the attribution
        right after that quote names that speaker and no one else is named or speaks between —
        ``…, replica Ahmed Seif, fundador del centro Hisham Mubarak. «…», agrega`` goes on with
        Seif, not the person named last. None where no one spoke before, or the words between
        do not name the one who did."""
        if before is None:
            return None
        capitalised = [word[:1].isupper() for word in (before.name or "").split()]
        if (capitalised and before.type == "person" and not capitalised[0]) or (
            any(capitalised) and not capitalised[-1]
        ):
            return None  # "asevera Price en": words the speaker patterns misread, no name
        if not before.name and before.role and before.role.split()[-1][:1].isupper():
            return None  # "portavoz del Departamento de Estado Victoria Nuland": a name in it
        between = self._text[since:at]
        end = _FULL_STOP.search(between)
        head = between[: end.end()] if end else between
        written = [before.name, before.name.split()[-1]] if before.name else [before.role]
        if not any(word and word in head for word in written):
            return None  # "«…», en palabras del portavoz, X. «…», aseguró": X spoke before
        if self._named_before(at, since=since + len(head)) is not None or _spoke(
            between[len(head) :]
        ):
            # "«…», dijo X. … Un dirigente, Y, aseguró que …. «…», afirmó", "«…», dijo un
            # vecino. …, según declaró una habitante. «…», afirmó": someone else spoke since
            return None
        return before if self._named_before(at, since=since, subjects=True) is None else None

    def _by_position(self) -> Speaker | None:
        """Whom a singular pronoun at the current offset means, where the paragraph tells: the
        last speaker resolved before it in the paragraph, unless a sentence's subject is named
        after that speaker; with no speaker before it, the person named last before it. A
        speaker resolved after the offset (a quote further on, read first) is set aside for
        what was known before the paragraph. None where the paragraph says nothing before the
        offset."""
        at = self._at
        if at is None or self._language in SCANDINAVIAN:
            # Scandinavian news writes short paragraphs, a quote in each: what the paragraphs
            # before said holds (``har sagt at Jolys måte …`` after Lagerfeld is his)
            return None
        spoke = self._speaker_at
        if spoke is not None and spoke <= at:
            subject = self._named_before(at, since=spoke + 1, subjects=True)
            return _person(subject[1]) if subject is not None else self.last_speaker
        named = self._named_before(at)
        if named is not None:
            return _person(named[1])
        if spoke is not None:
            speaker, person, newer = self._before
            if person is not None and (newer or speaker is None):
                return _person(person)
            return speaker
        return None

    def _resolve(self, speaker: Speaker | None) -> Speaker | None:
        if speaker is None:
            return None
        if speaker.type == "pronoun" and speaker.plural:
            if self.nearby_body is not None:
                return Speaker(self.nearby_body, None, "organisation")  # "X vil ikkje: Dei meiner"
            if self.last_group is not None:
                return Speaker(self.last_group, None, "person")  # "A, B og C …": "Dei hevdar"
            if (
                self._language not in SCANDINAVIAN
                and self.last_source is not None
                and self.last_source.type in ("role", "organisation")
            ):
                # "…, the researchers said. ¶ …, they said": the group that spoke last, not the
                # person named before it (not Scandinavian: "dei" there also sums up a count)
                return self.last_source
        if (
            speaker.type == "pronoun"
            and not speaker.plural
            and (placed := self._by_position()) is not None
            and self._may_mean(speaker, placed)
        ):
            return placed
        if speaker.type == "pronoun" and not speaker.plural and self.last_role is not None:
            role, named = self.last_role
            # "sier moren. ¶ …, sier hun" is hers; "sier moren. ¶ …, sier han" is not
            sex = noun_sex(role.role, self._language)
            if sex is not None and speaker.sex is not None:
                if sex == speaker.sex:
                    return role
            elif named is None or self._may_mean(speaker, _person(named)):
                return role
        if speaker.type == "pronoun":
            person = (
                None
                if self.last_person is None
                else parse_speaker(self.last_person) or Speaker(self.last_person, None, "person")
            )
            newer = self.person_is_newer or self.last_speaker is None
            candidates = [person, self.last_speaker] if newer else [self.last_speaker, person]
            chosen = next((c for c in candidates if c is not None), None)
            if chosen is not None and not self._may_mean(speaker, chosen):
                # "sier hun" after Per Hansen: the last one named she may be, else no one
                return self._named_of_sex(speaker)
            if chosen is not None:
                return chosen
            if self.last_source is not None and office_of(self.last_source.role):
                # "…, a indiqué le vice-président de la CENI. Par conséquent, a-t-il poursuivi":
                # no one named, the one office that spoke last
                return self.last_source
            return speaker
        if (
            speaker.type == "role"
            and self.last_speaker is not None
            and speaker.role
            and self.last_speaker.role
            and speaker.role.lower().startswith(self.last_speaker.role.lower()[:6])
        ):
            return self.last_speaker  # "talsmanden" after "polititalsmand X"
        if (
            speaker.type == "role"
            and not speaker.name
            and self._language in SCANDINAVIAN
            and one_person_role(speaker.role, self._language)
            and (relative(speaker.role, self._language) or self._someone_named_since())
        ):
            # a role with no name is a speaker too ("seier Friedman. ¶ Det var kjend at Einstein
            # …. ¶ …, forklarar vitskapshistorikaren. ¶ …, seier han"): the pronoun after it
            # goes on with it, not with someone named since the last speaker (where no one was,
            # the role is that speaker's, as the pronoun already finds)
            # (with the person named last, whom it may stand for: a pronoun of the other sex
            # means neither — "oppfordrer kjøpmannen" after Per Erik Landsvik, then "sier hun")
            self.last_role = (speaker, self.last_person)
        if speaker.type == "person":
            self.last_speaker = speaker
            self.person_is_newer = False
            self._speaker_at = self._at
            self.last_role = None
        return speaker

    def _someone_named_since(self) -> bool:
        """Whether someone other than the last speaker was named after that speaker spoke
        (or no one spoke yet): a role then may not be the last speaker's."""
        if self.last_speaker is None:
            return True
        spoke, named = self.last_speaker.name, self.last_person
        return (
            self.person_is_newer
            and named is not None
            and not (spoke and spoke.split()[-1] == named.split()[-1])
        )

    def _may_mean(self, pronoun: Speaker, candidate: Speaker) -> bool:
        """Whether a singular pronoun may mean a person: one whose first name the names table
        gives the other sex it may not (a surname alone read as the person the article named
        in full with it)."""
        name = candidate.name if candidate.type == "person" else None
        if name is not None and " " not in name:
            name = self._full_names.get(name, name)
        return may_mean(pronoun.sex, name)

    def _named_of_sex(self, pronoun: Speaker) -> Speaker | None:
        """Whom a pronoun means that may not mean the one it would (:meth:`_may_mean`): the
        last, within :data:`SEX_REACH` paragraphs, of the speakers resolved before it and the
        people named as a sentence's subject, whom it may mean; None where no one is. A person
        named in passing ("… i Wolf Trap", "… at Mayor Pete Buttigieg") is none."""
        reach = self._paragraph - SEX_REACH
        found = [spoke for spoke in self._spoke if spoke[0] >= reach]
        for paragraph in range(max(0, reach), self._paragraph + 1):
            text = self._text if paragraph == self._paragraph else self._texts.get(paragraph, "")
            end = self._at if paragraph == self._paragraph and self._at is not None else len(text)
            quoted = [(m.start(), m.end()) for m in MARKS.finditer(text, 0, end)]
            found += [
                (paragraph, mention.start, mention.text)
                for mention in self._by_paragraph.get(paragraph, ())
                if mention.type == EntityType.PERSON
                and mention.end <= end
                and not DASH_OPENING.match(text)
                and not any(low <= mention.start < high for low, high in quoted)
                and _subject_at(text, mention.start)
            ]
        for _paragraph, _start, name in sorted(found, reverse=True):
            person = parse_speaker(name) or Speaker(name, None, "person")
            if self._may_mean(pronoun, person):
                return person
        return None

    def see(self, text: str, paragraph: int, spoken: bool = False) -> None:
        """Remember the last person the paragraph names: a person mention, or a run of
        capitalised words that no mention calls something else and that is no organisation
        ("the Pasadena Police Department", "Women's Hospital"). Not in someone's words: a
        paragraph with a dash or quotation marks, or one talking in the first or second person
        (``spoken``) after such a paragraph — "– Eg var nervøs. ¶ Slåtten har eg lært av Tarjei
        Romtveit. ¶ Den var eg nøgd med, seier ho": the people the speaker names are not whom
        the attribution's pronoun means."""
        mentions = self._by_paragraph.get(paragraph, [])
        quoted = bool(DASH_OPENING.match(text) or MARKS.search(text))
        goes_on = spoken and self.talking
        self.talking = quoted or goes_on
        # "Hun tror Obama …", "Nå mener hun at …": a sentence whose subject is a he or she goes
        # on about the person before; the names in it are not whom the next "sier hun" means
        people = [e.start for e in mentions if e.type == EntityType.PERSON]
        if not (quoted or goes_on) and not pronoun_subject(text, self._language, people):
            # a "person" the recogniser found after "en"/"in" or an article ("en el ataque …
            # en Khan Sheikhoun", "at the National Palace") is a place it misread, as a
            # capitalised run there is
            names = [
                (e.start, e.text)
                for e in mentions
                if e.type == EntityType.PERSON and not names_a_thing(text, e.start, e.text)
            ]
            last_run = _last_person_run(text, paragraph, mentions)
            if last_run is not None:
                names.append(last_run)  # (the last of the runs: only the last name counts)
            # a name a preposition governs ("brev til Timoteus") is not whom "sier han" means
            # (Scandinavian: the pronoun is written; elsewhere _by_position places it)
            free = [n for n in names if not after_preposition(text, n[0], self._language)]
            if self._language in SCANDINAVIAN:
                names = free or (names if self.last_person is None else [])  # unless no one
            if names:
                # the last person a sentence is about (its subject opens it: "Stoltenberg
                # fikk vite om … navn, Leah Isadora, i …"), else the last one named
                subjects = [
                    (e.start, e.text)
                    for e in mentions
                    if e.type == EntityType.PERSON and _subject_at(text, e.start)
                ]
                self.last_person = max(subjects or names)[1]
                self.person_is_newer = True
                self.last_role = None
        group = last_group(text, [e for e in mentions if e.type == EntityType.PERSON])
        self.last_group = group or self.last_group
        # a body the paragraph is about: one that opens a sentence, as a subject does
        # ("Utanriksdepartementet vil ikkje la seg binde:"), not one named in passing
        bodies = [
            e.text
            for e in mentions
            if e.type == EntityType.ORGANISATION and opens_sentence(text, e.start)
        ]
        self.nearby_body = bodies[-1] if bodies else None


def _last_person_run(
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


def _person(name: str) -> Speaker:
    return parse_speaker(name) or Speaker(name, None, "person")


_SHORTEST_SURNAME = 3  # "W" of "George W. Bush" is no surname
_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_END = re.compile(r"[.!?:;]\s")
# a sentence's end: a space or a capitalised word after it ("…en Egipto.Poco después")
_REPORTING = compile_pattern(rf"(?<![\w'’-])(?:{VERBS})(?![\w'’-])", re.IGNORECASE)


def _spoke(text: str) -> bool:
    """Whether ``text`` reports someone speaking: a reporting verb outside quotation marks,
    other than one with its subject left out right after them (``«…», añadió``)."""
    kept = list(text)
    for quoted in MARKS.finditer(text):
        left_out = AFTER_NO_SUBJECT.match(text[quoted.end() :])
        end = quoted.end() + (left_out.end() if left_out else 0)
        kept[quoted.start() : end] = " " * (end - quoted.start())
    return _REPORTING.search("".join(kept)) is not None


_FULL_STOP = re.compile(r"[.!?](?:\s|(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ]))")
_MOST_ROLE_WORDS = 3  # "Administrerende direktør Boris Benulic": a role before a subject's name


def _subject_at(text: str, start: int) -> bool:
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


def make_quote(
    text: str, speaker: Speaker | None, paragraph: int, kind: str, start: int, end: int
) -> Quote:
    return Quote(
        text=text.strip(),
        speaker=speaker.name if speaker else None,
        speaker_role=speaker.role if speaker else None,
        paragraph=paragraph,
        kind=kind,
        start=start,
        end=end,
        speaker_type=speaker.type if speaker else None,
    )
