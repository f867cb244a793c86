"""What a quote extractor remembers while it reads an article: the last speaker and the last
person named, to resolve a pronoun or a role; and the :class:`~newsloom.records.Quote` it makes.

Shared by :mod:`newsloom.extract.quotes` (quotes in marks and after a speech dash) and
:mod:`newsloom.extract.reported` (reported speech).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.name_groups import last_group
from newsloom.extract.name_sexes import may_mean
from newsloom.extract.object_names import after_preposition
from newsloom.extract.paragraph_mentions import (
    SPEAKER_TYPES,
    ParagraphMentions,
    as_person,
    last_person_run,
    subject_at,
)
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
from newsloom.extract.role_stems import plural_role
from newsloom.extract.speaker_names import names_a_thing, opens_sentence
from newsloom.extract.speakers import Speaker, parse_speaker
from newsloom.process_cache import compile_pattern
from newsloom.records import EntityMention, EntityType, Quote

SEX_REACH = 8  # paragraphs a pronoun looks back over for one it may mean (:meth:`_named_of_sex`)


# what QuoteContext.state leaves out: the article's mentions and the paragraph being read, which
# no reading changes (the article's paragraphs read are kept in it for every reading)
_NOT_STATE = frozenset(("article", "_text"))


class QuoteContext:
    """What the article said so far: the last named speaker and person, for pronouns."""

    def __init__(self, entities: Sequence[EntityMention]) -> None:
        self.article = ParagraphMentions(entities)  # whom each paragraph names; paragraphs read
        self.last_speaker: Speaker | None = None
        self.last_person: str | None = None
        self.person_is_newer = False  # a person was named after the last quote's speaker
        self.last_source: Speaker | None = None  # the last speaker of any kind (police, a role)
        self.last_group: str | None = None  # the last people named together ("A, B og C")
        # the paragraphs where the last source spoke, the last group and the last person were
        # named: a plural pronoun means no group or source with someone named since
        self._source_paragraph = -1
        self._group_paragraph = -1
        self._person_paragraph = -1
        # a role of one person with no name that spoke after the last person named or speaking
        # (Scandinavian: "sier bestefaren. ¶ …, sier han" goes on with him)
        self.last_role: tuple[Speaker, str | None] | None = None
        self.nearby_body: str | None = None  # an organisation the last paragraph seen names
        self.talking = False  # the last paragraph seen was someone's words (a dash, marks)
        # the paragraph being read, where in it the quote being resolved stands, and where in it
        # the last speaker was resolved: a pronoun means someone named before it, not after
        self._text = ""
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
        self.article.read(paragraph, text)
        self._at = self._speaker_at = None
        self._written_end = 0  # where the last quote a speaker is written for ends
        self._before = (self.last_speaker, self.last_person, self.person_is_newer)

    def move_to(self, at: int) -> None:
        """Where in the paragraph the quote now resolved stands (a character offset)."""
        self._at = at

    def _named_before(
        self, at: int, since: int = 0, subjects: bool = False
    ) -> tuple[int, str] | None:
        """The last person the paragraph names before ``at`` (see ``ParagraphMentions``)."""
        return self.article.named_before(
            self._text, self._paragraph, self._language, at, since, subjects
        )

    def names_in(self, paragraph: int, types: tuple[EntityType, ...] = SPEAKER_TYPES) -> list[str]:
        """The names of ``types`` the recogniser found in the paragraph."""
        return self.article.names_in(paragraph, types)

    def group_before(self, text: str, paragraph: int, end: int) -> str | None:
        """People named together in this paragraph before ``end`` (for a plural pronoun)."""
        return self.article.group_before(text, paragraph, end)

    def resolve(self, speaker: Speaker | None) -> Speaker | None:
        resolved = self._resolve(speaker)
        if resolved is not None and resolved.type == "person" and resolved.name:
            # who spoke, for a later pronoun that may not mean the one named last
            self._spoke = (*self._spoke, (self._paragraph, self._at or 0, resolved.name))
        if resolved is not None and (resolved.name or resolved.role):
            self.last_source = resolved
            self._source_paragraph = self._paragraph
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
            return as_person(subject[1]) if subject is not None else self.last_speaker
        named = self._named_before(at)
        if named is not None:
            return as_person(named[1])
        if spoke is not None:
            speaker, person, newer = self._before
            if person is not None and (newer or speaker is None):
                return as_person(person)
            return speaker
        return None

    def plural_antecedent(self) -> Speaker | None:
        """Whom a plural pronoun or a plural verb with its subject left out means: the body
        that opens a sentence of the paragraph before (``X vil ikkje: Dei meiner``), else the
        last people named together (``A, B og C …``: ``Dei hevdar``), else the last body or
        plural role that spoke in this paragraph or the one before (``…, the protesters said.
        ¶ …, they added``; not ``un residente``), where no one was named in a paragraph after
        them. Scandinavian keeps the people named together however far back and no source
        (``dei`` there also sums up a count; on NorNE's documents the nearer reading moved
        more wrong than the bar allows, issue 22). None where none is: a
        group with someone named since, or one person, is not whom ``they`` means."""
        if self.nearby_body is not None:
            return Speaker(self.nearby_body, None, "organisation")
        if self.last_group is not None and (
            self._language in SCANDINAVIAN or self._group_paragraph >= self._person_paragraph
        ):
            return Speaker(self.last_group, None, "person")
        source = self.last_source
        role_words = (source.role or "").split() if source is not None else []
        if (
            self._language not in SCANDINAVIAN
            and source is not None
            and (
                source.type == "organisation"
                or (source.type == "role" and bool(role_words) and plural_role(role_words[-1]))
            )
            and self._source_paragraph >= max(self._person_paragraph, self._paragraph - 1)
        ):
            return source
        return None

    def _resolve(self, speaker: Speaker | None) -> Speaker | None:
        if speaker is None:
            return None
        if speaker.type == "pronoun" and speaker.plural:
            antecedent = self.plural_antecedent()
            if antecedent is not None or self._language not in SCANDINAVIAN:
                # they, with no group or body just named: no one (not the one person named
                # last); Scandinavian reads on as for a singular pronoun (as before)
                return antecedent
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
            elif named is None or self._may_mean(speaker, as_person(named)):
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
            name = self.article.full_name(name)
        return may_mean(pronoun.sex, name)

    def _named_of_sex(self, pronoun: Speaker) -> Speaker | None:
        """Whom a pronoun means that may not mean the one it would (:meth:`_may_mean`): the
        last, within :data:`SEX_REACH` paragraphs, of the speakers resolved before it and the
        people named as a sentence's subject, whom it may mean; None where no one is. A person
        named in passing ("… i Wolf Trap", "… at Mayor Pete Buttigieg") is none."""
        reach = self._paragraph - SEX_REACH
        found = [spoke for spoke in self._spoke if spoke[0] >= reach]
        found += self.article.subjects_back(reach, self._paragraph, self._text, self._at)
        for _paragraph, _start, name in sorted(found, reverse=True):
            candidate = as_person(name)
            if self._may_mean(pronoun, candidate):
                return candidate
        return None

    def see(self, text: str, paragraph: int, spoken: bool = False) -> None:
        """Remember the last person the paragraph names: a person mention, or a run of
        capitalised words that no mention calls something else and that is no organisation
        ("the Pasadena Police Department", "Women's Hospital"). Not in someone's words: a
        paragraph with a dash or quotation marks, or one talking in the first or second person
        (``spoken``) after such a paragraph — "– Eg var nervøs. ¶ Slåtten har eg lært av Tarjei
        Romtveit. ¶ Den var eg nøgd med, seier ho": the people the speaker names are not whom
        the attribution's pronoun means."""
        mentions = self.article.mentions(paragraph)
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
            last_run = last_person_run(text, paragraph, mentions)
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
                    if e.type == EntityType.PERSON and subject_at(text, e.start)
                ]
                self.last_person = max(subjects or names)[1]
                self.person_is_newer = True
                self._person_paragraph = paragraph
                self.last_role = None
        group = last_group(text, [e for e in mentions if e.type == EntityType.PERSON])
        if group is not None:
            self.last_group, self._group_paragraph = group, paragraph
        # a body the paragraph is about: one that opens a sentence, as a subject does
        # ("Utanriksdepartementet vil ikkje la seg binde:"), not one named in passing
        bodies = [
            e.text
            for e in mentions
            if e.type == EntityType.ORGANISATION and opens_sentence(text, e.start)
        ]
        self.nearby_body = bodies[-1] if bodies else None


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
