"""Who is speaking: a speaker phrase split into a name, a role and a type.

``politiinspektør Mette Holm``-style phrases (role + name) give a ``person`` with a role;
``Frederiksens pressetjeneste``-style phrases (a name that owns a common noun) an ``organisation``;
``talsmanden`` a ``role`` alone; ``han``/``she`` a ``pronoun`` for the caller to resolve. Entity
mentions, when given, decide what a person's name is; otherwise capitalised words do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsloom.extract.quote_words import (
    DETERMINERS,
    PRONOUNS,
)
from newsloom.extract.resources import table_word_set, table_words
from newsloom.extract.role_words import (
    COMMON_COMPOUND,
    MIN_ROLE_COMPOUND,
    NAME_PARTICLE,
    ORGANISATION,
    ROLE,
    ROLE_WORD,
    capitalise_particles,
    is_organisation_name,
    leading_roles,
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
    SHARE_OF_PEOPLE,
    SPACED_ABBREVIATION,
    SPEAKER_STOP,
    TOLD_MEDIUM,
    TRAILING_AUXILIARY,
    TRAILING_DETERMINER,
    after_leading_place,
    before_verb,
    body_name,
    ends_in_second_verb_opener,
    name_then_article,
    portfolio_before_name,
)
from newsloom.extract.speaker_phrases import (
    LEADING_WORDS as LEADING_WORDS,
)

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
# a capitalised run, then one lowercase word: "New Hampshire officials", "Danish police"
# what follows a name that owns a role: a genitive ("Høyres leder", "Høgre sin leiar", "the
# agency's spokesman"), then up to three lowercase words
_OWNED_ROLE = re.compile(
    r"(?P<mark>s|['’]s?|\s+(?:sin|si|sitt|sine))?(?:\s+[a-zæøåäöüé][\w-]*){1,3}"
)
_NAMED_GROUP = re.compile(r"(?:^|\s)(?:[A-ZÆØÅÄÖÜÉ][\w'’-]+\s+)+[a-zæøåäöüé][\w-]*$")
# words after which a capitalised run names a place or a body, not the person described
BEFORE_NAME = frozenset(
    [
        *CONNECTORS,
        *("i", "ved", "på", "fra", "frå", "från", "from", "in", "at", "on", "hos", "med", "with"),
        *("til", "till", "to", "en", "em", "im", "am", "bei", "aus", "dans", "à", "a", "al", "og"),
        *("and", "och", "und", "et", "y", "e", "en", "hjå", "mot", "vid", "við", "för", "hjá"),
        *("bij", "chez", "presso", "para", "per", "for", "of", "af", "av", "um", "about"),
    ]
)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    role: str | None
    type: str  # person | organisation | role | pronoun
    plural: bool = False  # a plural pronoun ("dei", "they"): a group or a body, not one person


# third-person reflexives (the tables' ``reflexives``, Scandinavian "seg", "sig"): after the
# subject of a verb they make it reflexive
REFLEXIVES = table_word_set("reflexives")
# conjunctions before a second verb of the same subject ("…, men mener at", "and said that")
COORDINATORS = frozenset(
    [
        *(
            "og",
            "and",
            "y",
            "och",
            "und",
            "men",
            "but",
            "pero",
            "mais",
            "aber",
            "ma",
            "mas",
            "maar",
        ),
        "ale",
    ]
)
# the tables' sentence adverbs ("jednocześnie", "además", "zudem"): no subject
_ADVERBS = frozenset(word.lower() for word in table_words("adverbs") if " " not in word)
# third-person plural subject pronouns (the tables' ``plural_pronouns``: "Dei hevdar at", "they
# said"); German "sie" and Dutch "zij" are also "she", so they stay singular
PLURAL_PRONOUNS = table_word_set("plural_pronouns")


# "… Arne Sandstø til fvn": the medium told, one word after a capitalised name, is no part of it
_TOLD_AFTER_NAME = re.compile(r"(?<![\w'’-])([A-ZÆØÅÄÖÜÉ][\w'’-]+)\s+(?:til|till|to)\s+\S+$")
# "direktør i Datatilsynet, Georg Apenes, i går": a role at a body, then the full name set off by
# a comma (and what follows it: a party, a time, the place of the body, the medium told)
_ROLE_COMMA_NAME = re.compile(
    r"^(?P<role>[a-zæøåäöüé].*?),\s+(?P<name>[A-ZÆØÅÄÖÜÉ][\w'’.-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]+)+)"
    r"(?:\s*\(.*|,.*|\s+(?:ved|i|på|fra|frå|från|hos|at|of|in|til|till|to)\s.*)?$"
)


def _role_at_body(phrase: str, entities: Sequence[str]) -> Speaker | None:
    """``leiar i Noregs Mållag Hege Myklebust``, ``dagleg leiar ved Bil & Dekkservice, Tore
    Olsen``: a role of a body (a role word, then where) and the person who holds it, named after
    it as a person the article names or set off by a comma. The words of the body would
    otherwise run into the name, or be cut off with it at ``i``/``ved``."""
    words = phrase.split()
    if (
        len(words) < 3
        or not words[0][:1].islower()
        or not any(
            ROLE_WORD.fullmatch(word.strip(",")) or ROLE.ends(word.strip(",")) for word in words[:3]
        )
    ):
        return None
    for entity in sorted(entities, key=len, reverse=True):
        at = phrase.find(entity)
        if (
            " " in entity
            and all(word[:1].isupper() for word in entity.split())  # a name, not "X for Y"
            and at > 0
            and phrase[at - 1] == " "
            and not is_organisation_name(entity)
            and phrase[:at].split()[-1].lower() not in (*CONNECTORS, "i", "ved", "på", "hos")
        ):
            before = phrase[:at].split()
            if ROLE.ends(before[-1]) and any(word.lower() in CONNECTORS for word in before):
                return None  # "talsmann for Russlands president Vladimir Putin" is not Putin
            if re.search(r"\s(?:og|and|und|y|et|och|e)\s", phrase[:at]) and any(
                other != entity
                and other in phrase[:at]
                and all(word[:1].isupper() for word in other.split())
                for other in entities
            ):
                return None  # "prosjektleiar X og leiar av Y Z": two people, not Z alone
            return Speaker(entity, _DETERMINER.sub("", phrase[:at].strip(" ,")), "person")
    comma = _ROLE_COMMA_NAME.match(phrase)
    if comma is not None and not is_organisation_name(comma.group("name")):
        role = _DETERMINER.sub("", comma.group("role").strip())
        return Speaker(comma.group("name").rstrip("-"), role, "person")
    return None


def is_determiner(word: str) -> bool:
    """Whether ``word`` is an article of a table (also the Romance object clitics "le", "la")."""
    return DETERMINER_WORD.fullmatch(word) is not None


# the tables' auxiliaries ("has", "han"; lowercase: not the name "Han"): no speaker phrase
# ends with one
_AUXILIARIES = table_word_set("auxiliaries") | {"har", "has"}


def parse_speaker(phrase: str, entities: Sequence[str] = ()) -> Speaker | None:
    """``borgmester Anne Holm`` → Speaker("Anne Holm", "borgmester", "person")."""
    phrase = without_honorific(DATELINE_END.sub("", phrase))  # "M. Assad" is Assad
    capitalised, joined = capitalise_particles(phrase)  # "Bachar al-Assad": "Al-Assad"
    speaker = _parse_speaker(capitalised, entities)
    if speaker is None or not joined:
        return speaker
    name, role = restore_particles(speaker.name, joined), restore_particles(speaker.role, joined)
    return Speaker(name, role, speaker.type, speaker.plural)


def _parse_speaker(phrase: str, entities: Sequence[str] = ()) -> Speaker | None:
    phrase_words = phrase.split()
    while len(phrase_words) > 1 and phrase_words[-1] in _AUXILIARIES:
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
    subject = subject_phrase(phrase)
    if subject is None:
        # "Este martes ha anunciado que", "sagte er dem Sender": no subject but a time, or a
        # pronoun and whom it told
        words = phrase.split()
        if not words:
            return None
        return Speaker(None, None, "pronoun", plural=words[0] in PLURAL_PRONOUNS)
    phrase = subject
    after_place = after_leading_place(phrase.strip())
    if after_place == "":
        return Speaker(None, None, "pronoun")  # "«…», ha declarado en un discurso ante …"
    if after_place is not None:
        phrase = after_place
    phrase = GERUND.sub("", PLACE_PHRASE.sub("", before_verb(phrase)))
    phrase_words = phrase.split(" ")
    copula = next((at for at, word in enumerate(phrase_words) if at and word in COPULAS), None)
    if copula is not None:
        # "los manifestantes eran partidarios del mandatario (que gritaban)": a clause; its
        # subject stands before the verb
        phrase = " ".join(phrase_words[:copula])
    body = body_name(phrase.strip(), COORDINATORS)
    if body is not None:  # "el Observatorio Sirio de Derechos Humanos": a body's whole name
        return Speaker(body, None, "organisation")
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
    if role_of is not None and role_title(role_of.group("role_word")):
        # "Deputy Minister of Health Waldemar Kraska", "Secretary of State Mike Pompeo"
        role_text = _DETERMINER.sub("", role_of.group("role"))
        return Speaker(role_of.group("name"), role_text, "person")
    described = _DESCRIBED_NAME.match(_TOLD_AFTER_NAME.sub(r"\1", phrase.strip().rstrip(" .!?")))
    if (
        described is not None
        and described.group("role").split()[-1].lower() not in BEFORE_NAME
        # "il New York Times": an article alone describes no one
        and not DETERMINER_WORD.fullmatch(described.group("role").strip(" ,"))
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
    if apposition:  # "formanden for partiet X, Rakul Hansen"
        role_text = _DETERMINER.sub("", TOLD_MEDIUM.sub("", apposition.group("role")))
        return Speaker(apposition.group("name"), role_text, "person")
    named_first = re.match(r"^([A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+)+),\s*(.+)$", text)
    if named_first and named_first.group(2)[:1].islower():
        # "Dmitrij Peskov, talsmann for presidenten": the name, and the role kept
        return Speaker(named_first.group(1), _DETERMINER.sub("", named_first.group(2)), "person")
    if re.match(r"^[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+)*,", text):
        text = text.split(",")[0]  # "Elin Mortensen, a political scientist at …"
    text = text.split(",")[0].strip()
    text = TRAILING_DETERMINER.sub("", TOLD_MEDIUM.sub("", text))
    text = _DETERMINER.sub("", text)
    words = text.split()
    if len(words) >= 2 and words[-2][:1].isupper() and TRAILING_AUXILIARY.fullmatch(words[-1]):
        # "«…», Giuliani ha detto ai giornalisti": the verb's auxiliary after the subject
        words = words[:-1]
        text = " ".join(words)
    named = name_then_article(words)
    if named:
        # "dijo Putin el mismo día del atentado (19 de diciembre)", "dijo Spicer a los
        # periodistas": an article and a common noun after a name open when, where or to whom
        # it spoke; no one's name goes on that way
        words = words[:named]
        text = " ".join(words)
    if not words or len(words) > 8 or SHARE_OF_PEOPLE.match(text):
        return None  # "37 pour cent des hommes ont déclaré": a poll's answers, not a speaker
    if len(words) > 1 and words[1].lower() in REFLEXIVES:
        return None  # "forsikra ho seg om at": a reflexive verb (made sure), not speech
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Speaker(None, None, "pronoun", plural=words[0].lower() in PLURAL_PRONOUNS)
    if len(words) == 1 and words[0].lower() in _ADVERBS:
        # "Zaznaczył jednocześnie, że", "«…», ha dicho además": a sentence adverb where the
        # subject would stand; the language left the subject out (the last one named)
        return Speaker(None, None, "pronoun")
    if len(words) == 1 and DETERMINER_WORD.fullmatch(words[0]):
        # "«…» la denuncia de …", "le pidió al Consejo que": an article or a clitic alone (the
        # subject is elsewhere or left out), no one who spoke
        return None
    if len(words) == 1 and words[0].lower() in COORDINATORS:
        # "X ha precisado que …, pero ha reconocido que «…»", "betonte aber, …": a second verb
        # of a subject before the conjunction, not the conjunction (the quote's reader looks
        # for that subject earlier in the sentence)
        return None
    if len(words) == 1 and words[0].lower() in (FUNCTION_WORDS | NOT_SPEAKERS):
        return None  # "forklarer dette med at", "sier imidlertid at": not who spoke
    if words[0].lower() in IMPERSONAL and all(word[:1].islower() for word in words[1:]):
        return None  # "se puede leer que", "se vio obligada a": a clause, no subject named
    if len(words) == 1 and ROLE_WORD.fullmatch(words[0]):
        return Speaker(None, text, "role")  # "so der Sprecher": a capitalised noun, not a name
    tail_role = _NAMED_GROUP.search(text)
    if (
        tail_role is not None
        and tail_role.start() > 0
        and ROLE.ends(words[-1])
        and text[: tail_role.start()].split()[-1].lower() not in (*CONNECTORS, *BEFORE_NAME)
    ):
        # "snowmobile crashes into tree New Hampshire officials": the group the words end with
        return Speaker(None, tail_role.group(0).strip(), "role")
    if all(word[:1].isupper() for word in words) and (
        ROLE_WORD.fullmatch(words[-1])
        or (len(words[-1]) >= MIN_ROLE_COMPOUND and ROLE.ends(words[-1]))
    ):
        return Speaker(None, text, "role")  # "Prime Minister", "Hamburger Wissenschaftssenatorin"
    trailing = len(words)
    while trailing > 0 and words[trailing - 1][:1].isupper():
        trailing -= 1
    if (
        entities
        and 0 < trailing <= len(words) - 2
        and words[trailing - 1][:1].islower()
        and ROLE.ends(words[trailing - 1])
        and not any(word.lower() in CONNECTORS for word in words[:trailing])
    ):
        # "SPCA North Peace branch manager Candace Buchamer": a body's name before the role is
        # no speaker; the full name after the role is
        return Speaker(" ".join(words[trailing:]), " ".join(words[:trailing]), "person")
    for entity in sorted(entities, key=len, reverse=True):
        if entity and entity in text:
            owned = _OWNED_ROLE.fullmatch(text[text.index(entity) + len(entity) :])
            if (
                owned is not None
                and (owned.group("mark") or entity.endswith("s"))
                and ROLE.ends(words[-1])
            ):
                # "Høyres leder", "Høgre sin leiar": the body owns the role; its holder spoke
                return Speaker(None, text, "role")
            role = text[: text.index(entity)].strip(" ,") or None
            if role and not role[:1].islower():
                role = None
            if is_organisation_name(entity):  # "The World Health Organization says"
                return Speaker(entity, role, "organisation")
            after = text[text.index(entity) + len(entity) :]
            if (portfolio := portfolio_before_name(role, entity, after)) is not None:
                role, entity = portfolio  # "ministro degli Esteri Franco Frattini"
            title, name = split_title(entity)
            return Speaker(name, " ".join(part for part in (role, title) if part) or None, "person")
    first_name = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if first_name is None:
        last = words[-1]
        if ORGANISATION.ends(last) and not ROLE.ends(last):
            return Speaker(text, None, "organisation")
        return Speaker(None, text, "role")
    leading = leading_roles(words)
    if leading and all(word[:1].isupper() for word in words[leading:]):
        # "Direktør Pia Lund", "Bürgermeister Hans Weber": a capitalised role before a name
        return Speaker(" ".join(words[leading:]), " ".join(words[:leading]), "person")
    trailing = len(words)
    while trailing > 0 and words[trailing - 1][:1].isupper():
        trailing -= 1
    connectors = CONNECTORS
    if (
        0 < trailing < len(words)
        and ROLE.ends(words[trailing - 1])
        and any(word.lower() in connectors for word in words[:trailing])
    ):
        return Speaker(None, text, "role")  # "talsmann for Russlands president X" is not X
    if (
        0 < trailing < len(words)
        and ROLE.ends(words[trailing - 1])
        and (len(words) - trailing >= 2 or words[trailing - 1][:1].islower())
    ):  # "UD:s presschef Annika Wester", "chief executive Helene Brattli"
        return Speaker(" ".join(words[trailing:]), " ".join(words[:trailing]), "person")
    name_words = words[first_name:]
    role_words = words[:first_name]
    if words[0].lower() in FUNCTION_WORDS:
        return None
    run = 0
    while run < len(words) and words[run][:1].isupper():
        run += 1
    if run == 1 and run < len(words) and words[0].lower() in PRONOUNS:
        # "Han sa", "Ella añadió"
        return Speaker(None, None, "pronoun", plural=words[0].lower() in PLURAL_PRONOUNS)
    if 1 <= run < len(words) and ROLE.ends(words[run]):
        return Speaker(None, text, "role")  # "New Hampshire officials", "Kremls talsmann"
    if 1 <= run < len(words) and ORGANISATION.ends(words[run]):
        return Speaker(text, None, "organisation")  # "Danish police", "Norsk Hydros ledelse"
    if (
        run == 1 < len(words)
        and all(word[:1].islower() for word in words[1:])
        # not "Unidos de utilizar", "Mahmud al-Naggar": a connector or a particle of a name
        and words[1].lower() not in CONNECTORS
        and not DETERMINER_WORD.fullmatch(words[1])
        and "-" not in words[1]
        and any(" " in entity and entity.split()[-1] == words[0] for entity in entities)
    ):
        # "agregó Tillerson respecto a los acuerdos": the surname of someone the article names,
        # then what the words are about
        return Speaker(words[0], None, "person")
    if (
        run >= 2
        and run < len(words)
        and all(word[:1].islower() and word.lower() not in connectors for word in words[run:])
    ):  # "Per Olsen innhyllet i røyk": a full name, then what the person was doing
        name = " ".join(words[:run])
        if is_organisation_name(name):
            return Speaker(name, None, "organisation")
        return Speaker(name, None, "person")
    joining = role_words[-2:] if role_words else []
    if len(joining) == 2 and (
        not DETERMINER_WORD.fullmatch(joining[1]) or joining[1].lower() in CONNECTORS
    ):
        # "vice-président de la CENI": a determiner after the connector; "ministro de
        # Exteriores": "de" is a connector, though also a determiner in another language
        joining = joining[1:]
    if any(w[:1].islower() for w in name_words) or (
        joining and joining[0].lower() in (*CONNECTORS, "fra", "från", "from", *_PREPOSITIONS)
    ):
        # Polish "napisał prezydent na swoim koncie w Twitterze": a preposition's object is a
        # place or a medium, the role before it spoke
        # "Frederiksens pressetjeneste", "talsmann for Russlands president"
        if any(ROLE.ends(word) for word in role_words):
            return Speaker(None, text, "role")
        return Speaker(text, None, "organisation")
    name = " ".join(name_words)
    if is_organisation_name(name):
        return Speaker(name, " ".join(role_words) or None, "organisation")
    return Speaker(name, " ".join(role_words) or None, "person")


# the prepositions of the tables that list them (Polish ``fronting_prepositions``): a
# capitalised word after one is its object, no speaker
_PREPOSITIONS = table_word_set("fronting_prepositions")


# pronouns, demonstratives and "there" that stand where a subject would and name no one
FUNCTION_WORDS = table_word_set("function_words")
# adverbs and demonstratives that stand where a speaker would (V2 word order), the Romance
# impersonal "se" ("se estima que", "se dice que"), Italian "si" ("Si dice che"): nobody in
# particular (the tables' ``not_speakers``)
NOT_SPEAKERS = table_word_set("not_speakers")
# the Romance impersonal or reflexive clitic opening a clause ("se puede leer que", "se vio
# obligada a"), the tables' ``impersonal``; not Italian "si", also Spanish "if" ("Si bien los
# expertos consideran que")
IMPERSONAL = table_word_set("impersonal")
CAPITALISED_NAME = re.compile(
    rf"\b[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+{NAME_PARTICLE}?[A-ZÆØÅÄÖÜÉ][\w'’-]+)+"
)
