"""Who is speaking: a speaker phrase split into a name, a role and a type.

``politiinspektør Mette Holm``-style phrases (role + name) give a ``person`` with a role;
``Frederiksens pressetjeneste``-style phrases (a name that owns a common noun) an ``organisation``;
``talsmanden`` a ``role`` alone; ``han``/``she`` a ``pronoun`` for the caller to resolve. Entity
mentions, when given, decide what a person's name is; otherwise capitalised words do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newsloom.extract.name_sexes import pronoun_sex
from newsloom.extract.quote_words import (
    DETERMINERS,
)
from newsloom.extract.resources import table_word_set, table_words, words_pattern
from newsloom.extract.role_owners import (
    BEFORE_NAME as BEFORE_NAME,
)
from newsloom.extract.role_owners import owns_role
from newsloom.extract.role_words import (
    COMMON_COMPOUND,
    NAME_PARTICLE,
    ROLE,
    ROLE_WORD,
    capitalise_particles,
    ends_in_role,
    is_organisation_name,
    restore_particles,
    role_title,
    split_title,
    without_honorific,
)
from newsloom.extract.speaker_adjuncts import cut_trailing_time, subject_phrase
from newsloom.extract.speaker_phrases import (
    CONNECTORS as CONNECTORS,
)
from newsloom.extract.speaker_phrases import (
    COPULAS,
    DATELINE_END,
    DETERMINER_WORD,
    GERUND,
    PLACE_PHRASE,
    SPACED_ABBREVIATION,
    SPEAKER_STOP,
    TRAILING_DETERMINER,
    after_leading_place,
    before_verb,
    body_name,
    ends_in_second_verb_opener,
    role_for_body,
    without_medium,
)
from newsloom.extract.speaker_phrases import (
    LEADING_WORDS as LEADING_WORDS,
)
from newsloom.extract.speaker_words import (
    COORDINATORS as COORDINATORS,
)
from newsloom.extract.speaker_words import (
    FUNCTION_WORDS as FUNCTION_WORDS,
)
from newsloom.extract.speaker_words import (
    PLURAL_PRONOUNS as PLURAL_PRONOUNS,
)
from newsloom.extract.speaker_words import (
    TRAILING_MODALS,
    speaker_of_words,
    without_clause,
)
from newsloom.extract.speaker_words import (
    Speaker as Speaker,
)
from newsloom.extract.told import told_before_subject

# (an elided article, "l'AFP", needs no space; "O'Donaghey" opens with no article)
_DETERMINER = re.compile(rf"^{DETERMINERS}(?:(?<=['’])|\s+)(?=\S)", re.IGNORECASE)


# a lowercase description, then a full name at the end of the speaker phrase
_DESCRIBED_NAME = re.compile(
    r"^(?P<role>(?:[^,]*?\s)?[a-zæøåäöüé][\w'’-]*(?:,\s*|\s+))"
    r"(?P<name>[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]+)+)$"
)
# a full name, then what it belongs to: "X Y of the …", "X Y fra …" (the connector, lowercase)
_NAME_OF = re.compile(
    r"(?<![\w'’-])(?P<name>[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+)+)\s+"
    r"(?:of|from|at|fra|frå|från|von|vom|du|de|del|della|van)\s+\S"
)
# a role of a body, then a first name and a surname ("Deputy Minister of Health Waldemar
# Kraska"), or all of the name after a body's acronym ("Secretario General de la OTAN Anders
# Fogh Rasmussen")
_ROLE_OF_NAME = re.compile(
    r"^(?P<role>(?:\S+\s+)*?(?P<role_word>[\w'’-]+)\s+"
    r"(?:of|for|to|de|del|de\s+la|du|de\s+l['’]|des)\s+(?:the\s+)?"
    r"(?:[A-ZÆØÅÄÖÜÉ]{2,}(?=\s+[A-ZÆØÅÄÖÜÉ][a-zæøåäöüé])"
    r"|[A-ZÆØÅÄÖÜÉ][\w'’-]*(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’-]*)*?(?=\s+\S+\s+\S+$)))"
    r"\s+(?P<name>[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+)+)$"
)


# "… Arne Sandstø til fvn": the medium told (after the tables' ``told_prepositions``), one word
# after a capitalised name, is no part of it
_TOLD_AFTER_NAME = re.compile(
    r"(?<![\w'’-])([A-ZÆØÅÄÖÜÉ][\w'’-]+)\s+"
    rf"{words_pattern(table_words('told_prepositions'), whole=False)}\s+\S+$"
)
# "direktør i Datatilsynet, Georg Apenes, i går": a role at a body, then the full name set off by
# a comma (and what follows it: a party, a time, the place of the body, the medium told)
_ROLE_COMMA_NAME = re.compile(
    r"^(?P<role>(?:[a-zæøåäöüé]|[A-ZÆØÅÄÖÜÉ]\w*-[a-zæøåäöüé]).*?),\s+(?P<name>[A-ZÆØÅÄÖÜÉ][\w'’.-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]+)+)"
    r"(?:\s*\(.*|,.*|\s+(?:ved|i|på|fra|frå|från|hos|at|of|in|til|till|to)\s.*)?$"
)


# a word of a name: capitalised, or an initial ("Georg K. Gundersen")
_NAME_WORD = r"[A-ZÆØÅÄÖÜÉ](?:[\w'’-]+|\.(?=\s))"
# a full name set off by a comma before what follows ("Dmitrij Peskov, talsmann for …"), and a
# name (one word or more) right before a comma
_NAME_THEN_REST = re.compile(rf"^({_NAME_WORD}(?:\s+{_NAME_WORD})+),\s*(.+)$")
# two capitalised words or more in a row, ending the phrase
_FULL_NAME = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})+\s*$")
_NAME_THEN_COMMA = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD})*,")
# one lowercase word for a role, then a full name ("produktchef Lars Bred")
_ROLE_THEN_NAME = re.compile(
    rf"^(?P<role>[a-zæøåäöüé][\w-]*)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})+)$"
)


# a full name set off by a comma at the end of a phrase, lowercase words of a description before
# it or none (", Mark Lyall Grant", ", el contraalmirante británico Russell Harding")
_SET_OFF_NAME_END = re.compile(
    rf",\s+(?:[a-zæøåäöüéèêàâçîôûáíóúñ][\w'’-]*\s+)*{_NAME_WORD}(?:\s+{_NAME_WORD})+\s*$"
)


def _without_place(phrase: str) -> str:
    """The phrase without a place or manner phrase after the speaker (``dijo el líder libio en
    Sebha``), but with a full name set off at its end, the holder of the role before the place
    (``el embajador del Reino Unido ante la ONU, Mark Lyall Grant``, ``el corresponsal de TVE en
    Washington, Lorenzo Milá``)."""
    place = PLACE_PHRASE.search(phrase)
    if place is None:
        return phrase
    named = _SET_OFF_NAME_END.search(place.group(0))
    before = [word for word in phrase[: place.start()].split() if not is_determiner(word)]
    if (
        named is None
        or not before
        or not (before[0][:1].islower() and ROLE.ends(before[0]))
        # "en Washington, Lorenzo Milá": a place or a body before the comma; "junto a su
        # homólogo francés, Jean Marc Ayrault" sets a name off after someone else
        or not place.group(0)[: named.start()].split()[-1][:1].isupper()
    ):
        return phrase[: place.start()]
    return phrase[: place.start()] + named.group(0)


def _role_at_body(phrase: str, entities: Sequence[str]) -> Speaker | None:
    """``leiar i Noregs Mållag Hege Myklebust``, ``dagleg leiar ved Bil & Dekkservice, Tore
    Olsen``: a role of a body (a role word, then where) and the person who holds it, named after
    it as a person the article names or set off by a comma. The words of the body would
    otherwise run into the name, or be cut off with it at ``i``/``ved``."""
    words = phrase.split()
    if len(words) < 3:
        return None
    head, comma, _ = phrase.partition(",")
    named = _role_then_name(head) if comma else None
    if named is not None:
        # "produktchef Lars Bred, Tholstrup Cheese": a role and the name, then where the
        # person works (a body the recogniser may read as a person)
        return named
    role_word = words[0][:1].islower() and any(
        ROLE_WORD.fullmatch(word.strip(",")) or ROLE.ends(word.strip(",")) for word in words[:3]
    )
    if not role_word:
        # "medeigar på Byrkjelo Camping, Kristin Sindre Bjørkelo", "EU-ambassadør i Norge,
        # Percy Westerlund": a noun no table lists as a role, then where (the tables'
        # ``before_place``), then a full name set off by a comma: the role and its holder
        return _role_comma_name(phrase) if _noun_at_body(words) else None
    for entity in sorted(entities, key=len, reverse=True):
        at = phrase.find(entity)
        if (
            " " in entity
            and all(word[:1].isupper() for word in entity.split())  # a name, not "X for Y"
            and at > 0
            and phrase[at - 1] == " "
            and not is_organisation_name(entity)
            and phrase[:at].split()[-1].lower() not in (*CONNECTORS, "i", "ved", "på", "hos")
            # "portavoz de la Casa Blanca, Sean Spicer": the body the role belongs to
            and not owns_role(phrase[:at])
        ):
            before = phrase[:at].split()
            if ROLE.ends(before[-1]) and any(word.lower() in CONNECTORS for word in before):
                return None  # "talsmann for Russlands president Vladimir Putin" is not Putin
            # ("leiar i Stortingets Kyrkje-, utdannings- og forskingskomite, X": an "og" within
            # the body's name joins no two people)
            bare = phrase[:at]
            for other in entities:
                bare = bare.replace(other, " ")
            joined = " ".join(bare.split())
            if re.search(r"\s(?:og|and|und|y|et|och|e)\s", f" {joined} ") and any(
                other != entity
                and other in phrase[:at]
                and all(word[:1].isupper() for word in other.split())
                for other in entities
            ):
                return None  # "prosjektleiar X og leiar av Y Z": two people, not Z alone
            return Speaker(entity, _DETERMINER.sub("", phrase[:at].strip(" ,")), "person")
    return _role_comma_name(phrase)


def _role_comma_name(phrase: str) -> Speaker | None:
    """The role before a comma and the full name set off after it (``_ROLE_COMMA_NAME``)."""
    comma = _ROLE_COMMA_NAME.match(phrase)
    if comma is not None and not is_organisation_name(comma.group("name")):
        role = _DETERMINER.sub("", comma.group("role").strip())
        return Speaker(comma.group("name").rstrip("-"), role, "person")
    return None


# where a role is held ("i", "ved", "på"; the tables' ``before_place``, not "og"), and the
# pronouns and function words that may stand before it and are no role ("sa han i et intervju")
_AT_BODY = table_word_set("before_place") - COORDINATORS
_NO_ROLE = table_word_set("pronouns") | FUNCTION_WORDS
# a noun opening a role: lowercase, or a compound whose capitalised part ends in a hyphen
# ("EU-ambassadør", "Ap-leiar")
_ROLE_NOUN = re.compile(r"(?:[a-zæøåäöüé]|[A-ZÆØÅÄÖÜÉ][\w]*-[a-zæøåäöüé])[\w-]{3,}")


# words of the tables that open no role: prepositions ("a France Presse Yasir Dawan"),
# "according to" ("según Al Arabiya"), articles ("el Alto Comisionado, Antonio Guterrez")
_NOT_ROLES = (
    _NO_ROLE
    | table_word_set("prepositions")
    | table_word_set("according_to")
    | table_word_set("told_prepositions")
    | table_word_set("determiners")
)
SHORTEST_ROLE = 4  # letters of a role word ("leder", "chef"); shorter ones are function words


def _role_then_name(text: str) -> Speaker | None:
    """One lowercase word that may be a role, then a full name (``produktchef Lars Bred``): the
    person with that role; None for any other text."""
    named = _ROLE_THEN_NAME.match(text.strip())
    if named is None or not _may_be_role(named.group("role")):
        return None
    return Speaker(named.group("name"), named.group("role"), "person")


def _may_be_role(word: str) -> bool:
    """Whether one lowercase word before a full name may be the person's role."""
    return len(word) >= SHORTEST_ROLE and word.lower() not in _NOT_ROLES and not is_determiner(word)


def _noun_at_body(words: Sequence[str]) -> bool:
    """Whether a phrase opens with a noun, then where (``medeigar på``, ``styrar ved``)."""
    return (
        _ROLE_NOUN.fullmatch(words[0]) is not None
        and words[0].lower() not in _NO_ROLE
        and words[1].lower() in _AT_BODY
    )


def is_determiner(word: str) -> bool:
    """Whether ``word`` is an article of a table (also the Romance object clitics "le", "la")."""
    return DETERMINER_WORD.fullmatch(word) is not None


# the tables' auxiliaries ("has", "han"; lowercase: not the name "Han"): no speaker phrase
# ends with one
_AUXILIARIES = table_word_set("auxiliaries")


def parse_speaker(
    phrase: str, entities: Sequence[str] = (), language: str | None = None
) -> Speaker | None:
    """``borgmester Anne Holm`` → Speaker("Anne Holm", "borgmester", "person"); ``language``,
    the text's, where known, reads its own pronouns as pronouns (Danish ``han lavt``)."""
    return _remembered_speaker(phrase, tuple(entities), language)


# phrases whose speaker is remembered: the quote readers parse the same phrase with the same
# names several times (11,708 calls for 5,734 pairs over the 1,000-article stream); the answer
# depends on nothing else (the text's language is part of the key; every table and pattern it
# reads is fixed at import, and a Speaker is frozen), and a long run meets phrases without end,
# so the memory is bounded
SPEAKERS_REMEMBERED = 4096


@lru_cache(maxsize=SPEAKERS_REMEMBERED)
def _remembered_speaker(
    phrase: str, entities: tuple[str, ...], language: str | None = None
) -> Speaker | None:
    phrase = without_honorific(DATELINE_END.sub("", phrase))  # "M. Assad" is Assad
    capitalised, joined = capitalise_particles(phrase)  # "Bachar al-Assad": "Al-Assad"
    speaker = _without_title(
        without_clause(_without_depiction(phrase, _parse_speaker(capitalised, entities, language)))
    )
    if speaker is None or not joined:
        return speaker
    name, role = restore_particles(speaker.name, joined), restore_particles(speaker.role, joined)
    return Speaker(name, role, speaker.type, speaker.plural)


def _without_title(speaker: Speaker | None) -> Speaker | None:
    """A person's name without the title read into it (``Chefvolkswirt Thomas Gitzel von der VP
    Bank``, ``US President Donald Trump``): the title joins the role, as a role set off before
    or after a name does."""
    if speaker is None or speaker.type != "person" or speaker.name is None:
        return speaker
    title, name = split_title(speaker.name)
    if title is None:
        return speaker
    # ("sagte die Hamburger Grünen-Spitzenkandidatin Katharina Fegebank": no article in the role)
    role = _DETERMINER.sub("", " ".join(part for part in (speaker.role, title) if part))
    return Speaker(name, role, speaker.type, speaker.plural)


# the tables' ``depictive_articles``: an indefinite article before words describing how a named
# speaker was ("sier en svært åpenhjertig Geir Hansen", "fortel ein optimistisk Borgersen")
_DEPICTIVE_ARTICLES = table_word_set("depictive_articles")
# a preposition among the words makes them a phrase, not a description (es "en declaraciones a
# Reuters": "en" is a preposition there)
_PHRASE_WORDS = table_word_set("prepositions") | table_word_set("before_place")
_MOST_DEPICTIVE_WORDS = 4


def _without_depiction(phrase: str, speaker: Speaker | None) -> Speaker | None:
    """A named speaker without the "role" that is only how they were when they spoke: the
    lowercase words after an indefinite article before the name (``en litt fortvilet
    Hulsker``), none of them a role (``en lettet Vika-trener Gunnar Hagen`` keeps its role)."""
    if speaker is None or speaker.name is None or speaker.role is None:
        return speaker
    words = phrase.split()
    described = speaker.role.replace(",", " ").split()
    if (
        len(words) <= len(described)
        or words[0].lower() not in _DEPICTIVE_ARTICLES
        or words[1 : len(described) + 1] != speaker.role.split()
        or len(described) > _MOST_DEPICTIVE_WORDS
        or not all(word.isalpha() and word.islower() for word in described)
        or any(
            word in CONNECTORS or word in _PHRASE_WORDS or ROLE_WORD.fullmatch(word)
            for word in described
        )
        or any(ends_in_role(word) for word in described)
    ):
        return speaker
    return Speaker(speaker.name, None, speaker.type, speaker.plural)


def _parse_speaker(
    phrase: str, entities: Sequence[str] = (), language: str | None = None
) -> Speaker | None:
    phrase_words = phrase.split()
    if phrase_words and phrase_words[0].lower() in COPULAS:
        return None  # "C'est peu dire que", "È qualcosa che": a clause on "be", no speaker
    while len(phrase_words) > 1 and (
        phrase_words[-1] in _AUXILIARIES or phrase_words[-1] in TRAILING_MODALS
    ):
        phrase_words.pop()  # "…», the force has said", "lawyers have noted"
        phrase = " ".join(phrase_words)
        if len(phrase_words) == 1 and DETERMINER_WORD.fullmatch(phrase):
            return Speaker(None, None, "pronoun")  # "«…», les ha pedido": no subject named
    if len(phrase.split()) <= 2 and ends_in_second_verb_opener(phrase):
        # "…, antes de subrayar que «…»", "…», aunque matizó": a second verb of a subject named
        # before (the last one named)
        return Speaker(None, None, "pronoun")
    if "." in phrase:
        phrase = " ".join(SPACED_ABBREVIATION.sub("", phrase).split())
    subject = subject_phrase(phrase, language)
    if subject is None:
        # "Este martes ha anunciado que", "sagte er dem Sender": no subject but a time, or a
        # pronoun and whom it told
        words = phrase.split()
        if not words:
            return None
        plural = words[0] in PLURAL_PRONOUNS
        return Speaker(
            None, None, "pronoun", plural=plural, sex=None if plural else pronoun_sex(words[0])
        )
    phrase = subject
    told = told_before_subject(phrase, entities)
    if told is not None and _FULL_NAME.match(phrase, told):
        # "dijo a la AFP Karim Bitar", "explica a ELMUNDO.es Robert Springborg": the medium
        # told, then the speaker's full name (a recogniser may read both as one name)
        phrase = phrase[told:]
    after_place = after_leading_place(phrase.strip())
    if after_place == "":
        return Speaker(None, None, "pronoun")  # "«…», ha declarado en un discurso ante …"
    if after_place is not None:
        phrase = after_place
    phrase = GERUND.sub("", _without_place(before_verb(phrase)))
    phrase_words = phrase.split(" ")
    copula = next((at for at, word in enumerate(phrase_words) if at and word in COPULAS), None)
    if copula is not None:
        # "los manifestantes eran partidarios del mandatario (que gritaban)": a clause; its
        # subject stands before the verb
        phrase = " ".join(phrase_words[:copula])
    body = body_name(phrase.strip(), COORDINATORS)
    if body is not None:  # "el Observatorio Sirio de Derechos Humanos": a body's whole name
        return Speaker(body, None, "organisation")
    for_body = role_for_body(phrase)
    if for_body is not None:
        # "a spokesperson for the Crime Branch of the state police": the role's holder spoke
        return Speaker(None, _DETERMINER.sub("", for_body), "role")
    name_of = _NAME_OF.search(phrase)
    if (
        name_of is not None
        and "," not in phrase[: name_of.start()]
        and not is_organisation_name(name_of.group("name"))
        # "Deputy Minister of Health Waldemar Kraska": a role before "of", not a name
        and not role_title(name_of.group("name"))
        and not any(w.lower() in BEFORE_NAME for w in phrase[: name_of.start()].split()[-1:])
    ):
        # "Lt. Pete Hettema of the Pasadena Police Department", "Kari Holm fra Venstre"
        role_text = _DETERMINER.sub("", phrase[: name_of.start()].strip()) or None
        return Speaker(name_of.group("name"), role_text, "person")
    role_of = _ROLE_OF_NAME.match(phrase.strip().rstrip(" .!?"))
    if (
        role_of is not None
        and role_title(role_of.group("role_word"))
        # "Robert Springborg, profesor de la Naval Postgraduate School": the name set off first
        and "," not in role_of.group("role")
    ):
        # "Deputy Minister of Health Waldemar Kraska", "Secretary of State Mike Pompeo"
        role_text = _DETERMINER.sub("", role_of.group("role"))
        return Speaker(role_of.group("name"), role_text, "person")
    described = _DESCRIBED_NAME.match(_TOLD_AFTER_NAME.sub(r"\1", phrase.strip().rstrip(" .!?")))
    if (
        described is not None
        and described.group("role").split()[-1].lower() not in BEFORE_NAME
        # "il New York Times": an article alone describes no one
        and not DETERMINER_WORD.fullmatch(described.group("role").strip(" ,"))
        # "el portavoz de la Casa Blanca": the body the role belongs to, no name
        and not owns_role(described.group("role"))
        and (
            described.group("role").rstrip().endswith(",")
            or not any(word.lower() in CONNECTORS for word in described.group("role").split())
            # "talsperson for Det hvite hus Jen Psaki" is Psaki; "talsmann for Russlands
            # president Vladimir Putin" is not Putin: the role word before the name is his
            or not ROLE.ends(described.group("role").split()[-1])
        )
    ):
        # "rektor ved Askvoll skule, Rune Solheim", "styreleder og tidligere riksadvokat Per Dahl"
        described_role = _DETERMINER.sub("", described.group("role").strip(" ,"))
        name = described.group("name")
        first, _, rest = name.partition(" ")
        if COMMON_COMPOUND.search(first) and len(rest.split()) >= 2:
            # "sur og irritert Start-trener Arne Sandstø": a compound common noun (its part
            # after the hyphen lowercase) before a full name is the description, not the name
            return Speaker(rest, f"{described_role} {first}".strip(), "person")
        return Speaker(name, described_role, "person")
    placed = _role_at_body(phrase.strip(), entities)
    if placed is not None:
        return placed
    text = SPEAKER_STOP.sub("", " " + phrase.strip().strip("'\"«»“”„"))
    text = cut_trailing_time(text).strip(" ,-–")
    apposition = re.match(
        r"^(?P<role>[^,]+),\s+(?P<name>[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+)*)$", text
    )
    if apposition and re.search(r"-[a-zæøåäöüé]", apposition.group("name")):
        apposition = None  # "professor X, Midtøsten-ekspert ved …": a description, not a name
    named = _role_then_name(apposition.group("role")) if apposition else None
    if named is not None:
        # "produktchef Lars Bred, Tholstrup Cheese": a role and the name, then set off where
        # the person works; not "formanden for Dansk Folkeparti, Pia Kjærsgaard"
        return named
    if apposition:  # "formanden for partiet X, Rakul Hansen"
        role_text = _DETERMINER.sub("", without_medium(apposition.group("role")))
        return Speaker(apposition.group("name"), role_text, "person")
    named_first = _NAME_THEN_REST.match(text)
    if named_first and named_first.group(2)[:1].islower():
        # "Dmitrij Peskov, talsmann for presidenten": the name, and the role kept
        return Speaker(named_first.group(1), _DETERMINER.sub("", named_first.group(2)), "person")
    if _NAME_THEN_COMMA.match(text):
        text = text.split(",")[0]  # "Elin Mortensen, a political scientist at …"
    text = text.split(",")[0].strip()
    text = TRAILING_DETERMINER.sub("", without_medium(text))
    text = _DETERMINER.sub("", text)
    return speaker_of_words(text, entities)


# capitalised words in a row (a word boundary before the first: the capital, a word character,
# is after none; tested after the capital, so that ``re`` skips to a capital letter, not tries
# the whole pattern at every character)
CAPITALISED_NAME = re.compile(
    rf"[A-ZÆØÅÄÖÜÉ](?<!\w.)[\w'’-]+(?:\s+{NAME_PARTICLE}?[A-ZÆØÅÄÖÜÉ][\w'’-]+)+"
)
