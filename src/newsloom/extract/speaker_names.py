"""The people an article names, to resolve a speaker to the fullest name the article gives.

News names a person once in full (``Ordfører Kjartan Longva``) and then by surname
(``sa Longva``), pronoun (``han``) or role (``sier statsministeren``). :class:`ArticleNames`
collects the person names of an article — the recogniser's person mentions when analyze found
them, else runs of capitalised words that are names (a word capitalised only where a sentence
starts is not) — and answers: the fullest name for a short one, the named holder of a role, the
last person named before a paragraph, the person named most often.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from newsloom.extract.name_cases import body_before_name
from newsloom.extract.name_spans import (
    after_determiner as after_determiner,
)
from newsloom.extract.name_spans import (
    after_in as after_in,
)
from newsloom.extract.name_spans import (
    may_name_a_person as may_name_a_person,
)
from newsloom.extract.name_spans import (
    names_a_thing as names_a_thing,
)
from newsloom.extract.name_spans import (
    opens_sentence as opens_sentence,
)
from newsloom.extract.name_spans import (
    person_in_phrase as person_in_phrase,
)
from newsloom.extract.name_spans import without_source_words
from newsloom.extract.named_people import NamedPerson, capitalised_names, opens_no_name
from newsloom.extract.quote_patterns import AFTER, DASH_OPENING
from newsloom.extract.resources import SCANDINAVIAN, own_word_set, own_words, table_words
from newsloom.extract.role_stems import (
    MIN_ROLE_STEM,
    OWNED_ROLE_REACH,
    is_account,
    owned_role_pattern,
    plural_role,
    role_patterns,
    role_stem,
    role_written,
)
from newsloom.extract.role_words import (
    is_role_word,
    split_title,
    without_honorific,
)
from newsloom.extract.speakers import (
    CONNECTORS,
    FUNCTION_WORDS,
)
from newsloom.records import EntityMention, EntityType, Paragraph, Quote

_WORD = re.compile(r"[\w'’-]+")
MIN_RESPELT = 7  # letters in a surname that another spelling one letter off may stand for
ORGANISATION_REACH = 3  # paragraphs back that "the channel", "la organización" may refer
# an age given right after a name: "Firooza Mushteri (24)", "John Smith, 24,"
_GIVEN_AGE = re.compile(r"\s*(?:\(\s*(\d{1,3})\s*\)|,\s*(\d{1,3})\s*,)")
# "La", "The": an article opening a name ("La Vanguardia") is no one's first name
_NOT_FIRST_NAMES = frozenset(
    [*(word.lower() for word in table_words("determiners")), *FUNCTION_WORDS, "the", "a", "an"]
)


# a regnal or generational number after a surname ("Reno Harnish III", "John Paul II")
_ORDINAL = re.compile(r"[IVX]{1,4}")


def _without_ordinal(words: list[str]) -> list[str]:
    """A name's words without the Roman number that ends it: ``Reno Harnish III`` is called
    ``Harnish`` again, as a surname alone (not one word of a name alone: ``Juan Carlos I``)."""
    if len(words) > 2 and _ORDINAL.fullmatch(words[-1]):
        return words[:-1]
    return words


def _genitive_pair(first: str, second: str) -> bool:
    """``Andreassen`` / ``Andreassens``: one name and its genitive, not two spellings."""
    shorter, longer = sorted((first, second), key=len)
    return longer == shorter + "s"


class ArticleNames:
    """Person names of one article in reading order."""

    def __init__(self, paragraphs: Sequence[Paragraph], entities: Sequence[EntityMention]) -> None:
        self.paragraphs = {paragraph.index: paragraph.text for paragraph in paragraphs}
        languages = Counter(paragraph.language for paragraph in paragraphs if paragraph.language)
        self._language = languages.most_common(1)[0][0] if languages else None
        # a name's plural ending in a language without a genitive "-s" ("Estados Unidos")
        self._plural_endings = own_words(self._language, "plural_name_endings")
        # a "person" after "in" or an article is a place or a thing the recogniser misread
        # ("in Tel Aviv"): no one a pronoun or a role refers back to
        people = [
            e
            for e in entities
            if e.type == EntityType.PERSON
            and not names_a_thing(self.paragraphs.get(e.paragraph, ""), e.start, e.text)
        ]
        if people:
            # "Fraktionschef André Trepoll": the name without the role a recogniser took in;
            # "Nach Angaben der Staatsanwaltschaft": without the rest of "nach angaben"
            spans = [
                (e, *without_source_words(self.paragraphs.get(e.paragraph, ""), e.start, e.text))
                for e in people
            ]
            language = languages.most_common(1)[0][0] if languages else None
            self.people = [
                NamedPerson(
                    without_honorific(
                        person_in_phrase(body_before_name(split_title(name)[1], language)[1])
                    ),
                    e.paragraph,
                    start,
                )
                for e, name, start in spans
            ]
        else:
            self.people = [
                NamedPerson(without_honorific(person.name), person.paragraph, person.start)
                for person in capitalised_names(paragraphs)
                if may_name_a_person(person.name, person.paragraph, person.start, entities)
            ]
        self.people.sort(key=lambda person: (person.paragraph, person.start))
        self._person_mentions = {e.text for e in entities if e.type == EntityType.PERSON}
        self.organisations = sorted(
            (e.paragraph, e.start, e.text) for e in entities if e.type == EntityType.ORGANISATION
        )
        self._positions = [(person.paragraph, person.start) for person in self.people]
        self._fullest: dict[str, str] = {}
        self._holders: dict[str, list[NamedPerson]] = {}
        self._owned: dict[str, list[tuple[NamedPerson, str]]] = {}

    def add_speakers(self, quotes: Sequence[Quote]) -> None:
        """Add the full names (two words or more) the quote patterns found as speakers and the
        recogniser did not (``Lt. Pete Hettema of the … said``), where their quotes start."""
        known = {person.name for person in self.people}
        for quote in quotes:
            name = quote.speaker
            if (
                quote.speaker_type == "person"
                and name
                and name not in known
                and len(name.split()) >= 2
                and all(word[:1].isupper() for word in name.split())
                and not any(opens_no_name(word) for word in name.split())
            ):
                known.add(name)
                self.people.append(NamedPerson(name, quote.paragraph, quote.start))
        self.people.sort(key=lambda person: (person.paragraph, person.start))
        self._positions = [(person.paragraph, person.start) for person in self.people]
        self._fullest.clear()
        self._holders.clear()
        self._owned.clear()

    def named_in(self, paragraph: int) -> list[str]:
        """The people and organisations named in ``paragraph``."""
        people = [person.name for person in self.people if person.paragraph == paragraph]
        return people + [name for at, _, name in self.organisations if at == paragraph]

    def fullest(self, name: str) -> str:
        """The fullest name of the article for ``name``: the name mentioned most often (then
        first) among the longer ones ending with it (``Longva`` → ``Kjartan Longva``); a
        capitalised word before a known surname is dropped (``Abortmotstanderen Akin``)."""
        if name in self._fullest:
            return self._fullest[name]
        words = name.split()
        best = name
        first_names = {person.name.split()[0] for person in self.people}
        for drop in range(len(words)):
            if drop == 0 and len(words) > 1:
                continue  # a full name already: only a title word before it may go
            if drop and words[0] in first_names:
                break  # "Kari Holm" is not "Per Holm"
            tail = words[drop:]
            counts = Counter(
                person.name
                for person in self.people
                if person.name not in name
                and (drop == 0 or name not in person.name)
                and _without_ordinal(person.name.split())[-len(tail) :] == tail
            )
            if counts:
                ranked = max(counts, key=lambda full: (counts[full], -self._first(full)))
                best = ranked
                break
        if (
            best == name
            and re.fullmatch(r"\S+['’]?s", words[-1])
            and len(words[-1]) > 3
            and not words[-1].endswith(self._plural_endings)
        ):
            # a genitive the entity model keeps in the name ("Bybergs avhandling"): the person
            stem = " ".join([*words[:-1], words[-1][:-1].removesuffix("'").removesuffix("’")])
            if any(person.name.split()[-1] == stem.split()[-1] for person in self.people):
                best = self.fullest(stem)
        if best == name:
            best = self._respelt(words) or self._first_named(name) or self._initialled(name) or best
        self._fullest[name] = best
        return best

    def _first_named(self, name: str) -> str | None:
        """The one full name of the article that opens with ``name`` when ``name`` is a single
        word that is no one's surname: a person called by first name (``Cathrine`` for
        ``Cathrine Langfjell Torsvik``, as features and sports reports do after the first
        mention; a genitive of the name, ``Geir Hansens``, is the same person). Two people of
        that first name: none."""
        if (
            " " in name
            or not name[1:].islower()  # "LO", "PIENSO": a shouted word, not a first name
            or name.lower() in _NOT_FIRST_NAMES
            or any(" " in person.name and person.name.split()[-1] == name for person in self.people)
        ):
            return None
        full = {
            person.name
            for person in self.people
            if " " in person.name and person.name.split()[0] == name
        }
        # "Geir Hansens" (the entity model keeps a genitive in the name) is "Geir Hansen"
        full -= {genitive for genitive in full if genitive[:-1] in full and genitive[-1] == "s"}
        return next(iter(full)) if len(full) == 1 else None

    def _initialled(self, name: str) -> str | None:
        """The one full name of the article whose initials ``name`` is (``AKK`` for ``Annegret
        Kramp-Karrenbauer``, as news calls her after naming her in full). One letter doubled is
        a Spanish plural's abbreviation (``RR. EE.``, ``EE. UU.``), no one's initials."""
        if not (name.isalpha() and name.isupper() and 2 <= len(name) <= 4) or len(set(name)) == 1:
            return None
        full = {
            person.name
            for person in self.people
            if " " in person.name
            and "".join(part[:1] for part in re.split(r"[\s-]+", person.name)) == name
        }
        return next(iter(full)) if len(full) == 1 else None

    def _respelt(self, words: list[str]) -> str | None:
        """The person whose surname this name's differs from by one letter (``Andreasen`` for
        ``Tove Andreassen``, ``Tove Andreasen`` for ``Tove Andreassen``), a typo or a second
        spelling in the same article, when that spelling is the one the article uses most (then
        first). Short surnames (``Hansen``/``Jansen``) are left alone."""
        surname = words[-1]
        if len(surname) < MIN_RESPELT or len(words) > 2:
            return None
        counts = Counter(
            person.name
            for person in self.people
            if len(parts := person.name.split()) >= 2
            and len(parts[-1]) >= MIN_RESPELT
            and (len(words) == 1 or parts[:-1] == words[:-1])
            and Levenshtein.distance(parts[-1], surname) <= 1
            and not _genitive_pair(parts[-1], surname)
        )
        if len({full.split()[-1] for full in counts} - {surname}) != 1:
            return None
        # the spelling the article uses most (then first) stands for both
        best = max(counts, key=lambda full: (counts[full], -self._first(full)))
        return None if best.split()[-1] == surname else best

    def _first(self, name: str) -> int:
        return next(
            (at for at, person in enumerate(self.people) if person.name == name), len(self.people)
        )

    def role_holder(self, role: str, paragraph: int) -> str | None:
        """The person the article names with this role: ``statsministeren`` after
        ``statsminister Benjamin Netanyahu`` or ``Harald Hove, skolebyråd i …``. The role's
        head is its word before what it belongs to (``embajador`` of ``embajador de Francia``,
        not the country), unless the whole role stands right before a name (``gobernador del
        distrito de Achin, Esmail Shinwari``)."""
        words = role.split()
        if is_account(role):
            return None  # "laut einer Prognose": an account alone is held by no one
        joined = next(
            (at for at, word in enumerate(words) if at > 0 and word.lower() in CONNECTORS),
            len(words),
        )
        if words and plural_role(words[joined - 1]):
            return None  # "dijeron testigos", "los militares": several, no one person holds it
        bodies = own_word_set(self._language, "organisations")
        named = words[:joined]
        if any(word.lower() in bodies for word in named) and not any(map(is_role_word, named)):
            # "la embajada estadounidense", "el gobierno ruso": a body, which no person holds
            # (not "government spokesman": a role of the body)
            return None
        key = " ".join(words).lower()
        if len(words) > 1 and key not in self._holders:
            self._holders[key] = self._with_role(r"\s+".join(map(re.escape, words)), whole=True)
        if len(words) > 1 and self._holders[key]:
            return self._last_by(self._holders[key], paragraph)
        stem = role_stem(words[joined - 1] if words else "")
        if stem is None:
            return None
        if stem not in self._holders:
            self._holders[stem] = self._with_role(role_written(stem))
        holders = self._holders[stem]
        head = words[joined - 1]
        if head[:1].islower() and is_role_word(head) and self._language not in SCANDINAVIAN:
            # "le bourgmestre" after "le bourgmestre de la Ville de Bruxelles, Philippe Close":
            # the role's noun and what it belongs to before the name (the role's own owner where
            # it names one: "presidente de Egipto" is not "presidente del Tribunal"); not in
            # the Scandinavian languages, whose definite role nouns refer back to the person
            # named last as a pronoun does ("sier ordføreren")
            holders = sorted(
                {*holders, *self._owned_holders(re.escape(stem), words[joined + 1 :])},
                key=lambda person: (person.paragraph, person.start),
            )
        # what the role belongs to ("del tribunal ruso") is said near its holder too: a
        # "presidente" of something else is someone else
        owner = [word.lower() for word in words[joined + 1 :] if len(word) >= MIN_ROLE_STEM]
        if owner:
            holders = [person for person in holders if self._said_near(person, owner)]
        # a named owner ("presidente de Estados Unidos", "de EE UU"): each of its words, as a
        # word, near the holder; one of them alone is another body's ("Ministerio" of Russia)
        named = [word for word in words[joined + 1 :] if word[:1].isupper()]
        if named:
            holders = [person for person in holders if self._said_near(person, named, every=True)]
        return self._last_by(holders, paragraph) if holders else None

    def _owned_holders(self, stem: str, owner: list[str]) -> list[NamedPerson]:
        """The people named right after the role (``stem``, a pattern) and what it belongs to,
        where that holds each long word of ``owner`` (what the quote's role belongs to)."""
        if stem not in self._owned:
            pattern = owned_role_pattern(stem)
            self._owned[stem] = [
                (person, found.group("owner").lower())
                for person in self.people
                if (
                    found := pattern.search(
                        self.paragraphs.get(person.paragraph, "")[
                            max(0, person.start - OWNED_ROLE_REACH) : person.start
                        ]
                    )
                )
            ]
        wanted = [word.lower() for word in owner if len(word) >= MIN_ROLE_STEM]
        return [
            person
            for person, written in self._owned[stem]
            if all(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", written) for word in wanted)
        ]

    def _said_near(self, person: NamedPerson, words: list[str], every: bool = False) -> bool:
        text = self.paragraphs.get(person.paragraph, "")
        near = text[max(0, person.start - 200) : person.start + len(person.name) + 200]
        if every:
            return all(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", near) for word in words)
        return any(word in near.lower() for word in words)

    @staticmethod
    def _last_by(holders: list[NamedPerson], paragraph: int) -> str:
        earlier = [person for person in holders if person.paragraph <= paragraph]
        return (earlier[-1] if earlier else holders[0]).name

    def _with_role(self, stem: str, whole: bool = False) -> list[NamedPerson]:
        """The people named right after ``stem`` (a pattern) and words ending it, or with it
        after their name; ``whole``: right after the whole role, nothing else."""
        reach = 200 if whole else 60  # a whole role may be long ("gobernador del distrito de …")
        before, after = role_patterns(stem, whole)
        found = []
        for person in self.people:
            text = self.paragraphs.get(person.paragraph, "")
            end = person.start + len(person.name)
            if (
                before.search(text[max(0, person.start - reach) : person.start])
                or (
                    not whole
                    and after.match(text[end : end + 80])
                    # "– Det er hyggelig, Erik, sa faren": a name called to in the words after a
                    # speech dash, then the attribution; no role set off after a name
                    and not (DASH_OPENING.match(text) and AFTER.match(text[end : end + 80]))
                )
            ):
                found.append(person)
        return found

    def aged(self, age: str, paragraph: int) -> str | None:
        """The person the article gives this age (``Firooza Mushteri (24)``, ``John Smith, 24,``):
        the last one named so up to this paragraph, else the first after it."""
        found = [
            person
            for person in self.people
            if (
                given := _GIVEN_AGE.match(
                    self.paragraphs.get(person.paragraph, ""), person.start + len(person.name)
                )
            )
            and age in given.groups()
        ]
        earlier = [person for person in found if person.paragraph <= paragraph]
        return (earlier[-1] if earlier else found[0]).name if found else None

    def gives_ages(self) -> bool:
        """Whether the article gives anyone an age after the name (``Kari Nes (31)``)."""
        return any(
            _GIVEN_AGE.match(
                self.paragraphs.get(person.paragraph, ""), person.start + len(person.name)
            )
            for person in self.people
        )

    def last_before(self, paragraph: int, start: int | None = None) -> str | None:
        """The last person named before this paragraph (or before ``start`` within it)."""
        at = bisect_left(self._positions, (paragraph, start if start is not None else 0))
        return self.people[at - 1].name if at else None

    def organisation_before(self, paragraph: int, start: int) -> str | None:
        """The last organisation the recogniser found before this point, within
        :data:`ORGANISATION_REACH` paragraphs ("CNN …" then "TV-kanalen melder"): one named
        earlier in the same paragraph, else the last one that opens a sentence, where one does."""
        at = bisect_left(self.organisations, (paragraph, start, ""))
        reach = bisect_left(self.organisations, (paragraph - ORGANISATION_REACH, -1, ""))
        near = self.organisations[reach:at]
        if not near or near[-1][0] == paragraph:
            return near[-1][2] if near else None  # one named earlier in the same paragraph
        # one that opens a sentence (CNNs prognoser viser …) before one named in passing
        opening = [
            name
            for found, at_start, name in near
            if opens_sentence(self.paragraphs.get(found, ""), at_start)
        ]
        return opening[-1] if opening else near[-1][2]

    def only_organisation(self, name: str) -> bool:
        """Whether the recogniser found ``name`` as an organisation and the article names no
        person by it (nor by any of its words)."""
        return any(found == name for _, _, found in self.organisations) and not any(
            word in person.split() for person in self._person_mentions for word in name.split()
        )

    def most_named(self) -> str | None:
        """The person named most often (by surname): who an interview is with. A name's last
        word in lowercase (``Aleksander den store``) is no surname: as a word ("store", big) it
        is not that person named again."""
        surnames = {
            person.name.split()[-1]
            for person in self.people
            if person.name.split()[-1][:1].isupper()
        }
        counts = Counter(
            word
            for paragraph in self.paragraphs.values()
            for word in _WORD.findall(paragraph)
            if word in surnames
        )
        if not counts:
            return None
        surname, count = counts.most_common(1)[0]
        return self.fullest(surname) if count >= 2 else None
