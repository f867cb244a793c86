"""A speaker phrase's words, once cleaned of what surrounds the subject, as a person, a role, an
organisation or a pronoun.

:func:`newsloom.extract.speakers.parse_speaker` cuts the phrase down to its subject (times, places,
whom it told, a body's whole name, a described name); :func:`speaker_of_words` reads what is left
word by word: a pronoun or an adverb where the subject would stand, a role alone, a role before a
name, a name the article's entities give, a body that owns a role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsloom.extract.name_sexes import pronoun_sex
from newsloom.extract.quote_words import PRONOUNS
from newsloom.extract.resources import (
    SCANDINAVIAN,
    load_tables,
    own_words,
    table_word_set,
    table_words,
)
from newsloom.extract.role_owners import (
    BEFORE_NAME,
    NAMED_GROUP,
    OWNED_ROLE,
    from_article,
    owner_of_role,
    role_head,
    role_of_body,
)
from newsloom.extract.role_words import (
    MIN_ROLE_COMPOUND,
    ORGANISATION,
    ROLE,
    ROLE_WORD,
    is_organisation_name,
    leading_roles,
    split_title,
)
from newsloom.extract.speaker_phrases import (
    CONNECTORS,
    DETERMINER_WORD,
    SHARE_OF_PEOPLE,
    TRAILING_AUXILIARY,
    name_then_article,
    portfolio_before_name,
    role_then_told,
)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    role: str | None
    type: str  # person | organisation | role | pronoun
    plural: bool = False  # a plural pronoun ("dei", "they"): a group or a body, not one person
    sex: str | None = None  # a singular pronoun's: "f" ("hun", "she"), "m" ("han"), else None


# third-person reflexives (the tables' ``reflexives``, Scandinavian "seg", "sig"): after the
# subject of a verb they make it reflexive
REFLEXIVES = table_word_set("reflexives")
# conjunctions before a second verb of the same subject (the tables' ``subject_coordinators``:
# "…, men mener at", "and said that")
COORDINATORS = table_word_set("subject_coordinators")
# the tables' sentence adverbs ("jednocześnie", "además", "zudem"): no subject
_ADVERBS = frozenset(word.lower() for word in table_words("adverbs") if " " not in word)
# third-person plural subject pronouns (the tables' ``plural_pronouns``: "Dei hevdar at", "they
# said"); German "sie" and Dutch "zij" are also "she", so they stay singular
PLURAL_PRONOUNS = table_word_set("plural_pronouns")


def pronoun_speaker(word: str) -> Speaker:
    """The speaker a subject pronoun stands for, still to resolve: plural ("dei", "they") or of
    a sex ("hun", "han")."""
    lowered = word.lower()
    plural = lowered in PLURAL_PRONOUNS
    return Speaker(None, None, "pronoun", plural=plural, sex=None if plural else pronoun_sex(word))


# the prepositions of the tables that list them (Polish ``fronting_prepositions``): a
# capitalised word after one is its object, no speaker
_PREPOSITIONS = table_word_set("fronting_prepositions")


# pronouns, demonstratives and "there" that stand where a subject would and name no one
FUNCTION_WORDS = table_word_set("function_words")
# adverbs and demonstratives that stand where a speaker would (V2 word order), the Romance
# impersonal "se" ("se estima que", "se dice que"), Italian "si" ("Si dice che"): nobody in
# particular (the tables' ``not_speakers``)
NOT_SPEAKERS = table_word_set("not_speakers")
# words that name a group by how many ("flere", "algunos"; the tables' ``quantifiers``)
QUANTIFIERS = table_word_set("quantifiers")
# the Romance impersonal or reflexive clitic opening a clause ("se puede leer que", "se vio
# obligada a"), the tables' ``impersonal``; not Italian "si", also Spanish "if" ("Si bien los
# expertos consideran que")
IMPERSONAL = table_word_set("impersonal")


def _nordic_words(*fields: str) -> frozenset[str]:
    """Some quotes fields of the verb-second (Scandinavian) tables, as one set."""
    return frozenset(
        word for code in SCANDINAVIAN for field in fields for word in own_words(code, field)
    )


def _other_words(*fields: str) -> frozenset[str]:
    """Some quotes fields of the other tables, as one set (Spanish "me", "han": no Nordic
    clause word in a Spanish phrase)."""
    return frozenset(
        word
        for code in load_tables()
        if code not in SCANDINAVIAN
        for field in fields
        for word in own_words(code, field)
    )


# words of a clause, never of a noun phrase naming who spoke, in the verb-second tables: a
# negation, a finite modal or auxiliary, a first-person pronoun, a question word, a
# subordinating conjunction (``kan nok ikke``, ``har jeg ladet mig``, ``hvorfor de f.eks.``,
# ``når man vil``); not a word another table reads as a pronoun, a person speaking, an auxiliary
# or an article (German "er", Spanish "me", "han"), nor a quantifier
# (Nynorsk "kvar", each)
CLAUSE_WORDS = (
    (
        _nordic_words("negations", "auxiliaries", "modals", "first_person", "question_words")
        | (
            _nordic_words("clause_openers")
            - _nordic_words("that", "relative_pronouns", "subject_coordinators", "leading_words")
            - _nordic_words("not_speakers")
        )
    )
    - _nordic_words("particles", "quantifiers")
    - _other_words("pronouns", "spoken", "auxiliaries", "determiners")
    - {"å"}
)
# the finite modals of the verb-second tables ("kan", "vil", "skal"; not "er", "blir": "be" and
# the passive, the tables' ``not_trailing_modals``): one last before the reporting verb is the
# subject's ("Flertallet vil understreke at", "Årdal kan melde at")
TRAILING_MODALS = (
    _nordic_words("modals") - _nordic_words("copulas") - _nordic_words("not_trailing_modals")
)
_LONE_AUXILIARIES = _nordic_words("auxiliaries")
# the third-person subject pronouns of the verb-second tables (``inverted_subjects``)
_SUBJECTS = _nordic_words("inverted_subjects")
# the question words of the verb-second tables, which open a clause capitalised too ("Hvad
# angår den indenrigspolitiske front fremhævede han")
_QUESTION_WORDS = _nordic_words("question_words") - _nordic_words("quantifiers")


def is_clause(phrase: str) -> bool:
    """Whether the role or name ``phrase`` holds a word of a clause (:data:`CLAUSE_WORDS`,
    lowercase; a question word opening it capitalised too): a clause fragment, no noun
    phrase."""
    words = [word.strip(",.;:") for word in phrase.split()]
    return any(word in CLAUSE_WORDS for word in words) or (
        bool(words) and words[0].lower() in _QUESTION_WORDS
    )


def without_clause(speaker: Speaker | None) -> Speaker | None:
    """``speaker`` without a clause fragment read as its role or name (:func:`is_clause`): no
    speaker where the name or a role alone is one, the name without its role where only the
    role is (``Børsen``, not ``hvad selv dagbladet``: the words before the name)."""
    if speaker is None or speaker.type == "pronoun" or speaker.role in _LONE_AUXILIARIES:
        # (an auxiliary alone, "har (sagt opp)": the callers read it as a verb's own)
        return speaker
    if speaker.name is not None and is_clause(speaker.name):
        return None
    if speaker.role is not None and is_clause(speaker.role):
        if speaker.name is None:
            # "hvorfor de f.eks. (mener at)", "tøver han ikke (med svaret)": a third-person
            # subject pronoun inside the clause is the verb's subject
            pronoun = next((word for word in speaker.role.split() if word in _SUBJECTS), None)
            if pronoun is None:
                return None
            return pronoun_speaker(pronoun)
        return Speaker(speaker.name, None, speaker.type, speaker.plural)
    return speaker


def _body_of_place(role: str | None) -> bool:
    """Whether ``role``, the words before a name, is a body and the connector to the place it
    serves (``polizia di``, ``dipartimento di polizia di``, ``ministero delle``): a body's word
    first, a connector last, no role word."""
    words = (role or "").split()
    return (
        len(words) >= 2
        and words[-1].lower() in CONNECTORS
        and ORGANISATION.ends(words[0])
        and not any(ROLE.ends(word) for word in words)
    )


def speaker_of_words(text: str, entities: Sequence[str] = ()) -> Speaker | None:
    """What the cleaned phrase ``text`` names: ``Han`` a pronoun, ``Prime Minister`` a role,
    ``UD:s presschef Annika Wester`` a person with a role, ``Danish police`` an organisation;
    None for words that name no one who spoke."""
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
    told = role_then_told(words)
    if told:
        # "según informaron fuentes médicas a la cadena CNN": whom the sources told
        words = words[:told]
        text = " ".join(words)
    if not words or len(words) > 8 or SHARE_OF_PEOPLE.match(text):
        return None  # "37 pour cent des hommes ont déclaré": a poll's answers, not a speaker
    if len(words) > 1 and words[1].lower() in REFLEXIVES:
        return None  # "forsikra ho seg om at": a reflexive verb (made sure), not speech
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return pronoun_speaker(words[0])
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
    if len(words) == 1 and words[0].lower() in QUANTIFIERS:
        # "Flere peker på at", "Algunos dicen que": a group by how many, as the text words it
        return Speaker(None, text, "role")
    if len(words) == 1 and ROLE_WORD.fullmatch(words[0]):
        return Speaker(None, text, "role")  # "so der Sprecher": a capitalised noun, not a name
    tail_role = NAMED_GROUP.search(text)
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
        if entity and text.endswith(entity) and role_of_body(entity.split()):
            # the recogniser read a role of a body as a person: "ein Sprecher der Polizei"
            return Speaker(None, text, "role")
        if entity and entity in text and not owner_of_role(text, entity):
            owned = OWNED_ROLE.fullmatch(text[text.index(entity) + len(entity) :])
            if (
                owned is not None
                and (owned.group("mark") or entity.endswith("s") or role_head(owned.group(0)))
                and ROLE.ends(words[-1])
            ):
                # "Høyres leder", "Høgre sin leiar": the body owns the role; its holder spoke;
                # "a Europol spokesperson", "UN officials": a name before the role noun that
                # ends the phrase only says whose; the role's holder spoke
                return Speaker(None, text, "role")
            role = text[: text.index(entity)].strip(" ,") or None
            if role and not role[:1].islower():
                role = None
            if is_organisation_name(entity):  # "The World Health Organization says"
                return Speaker(entity, role, "organisation")
            if _body_of_place(role):
                # "La polizia di Sioux Falls afferma": a body of the place the recogniser read
                # as a person, no one's role
                return Speaker(text[: text.index(entity) + len(entity)], None, "organisation")
            after = text[text.index(entity) + len(entity) :]
            if (portfolio := portfolio_before_name(role, entity, after, entities)) is not None:
                role, entity = portfolio  # "ministro degli Esteri Franco Frattini"
            title, name = split_title(entity)
            return Speaker(name, " ".join(part for part in (role, title) if part) or None, "person")
    first_name = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if first_name is None:
        last = words[-1]
        joined = next((at for at, word in enumerate(words) if word.lower() in CONNECTORS), 0)
        if (
            ORGANISATION.ends(last)
            and not ROLE.ends(last)
            # "porte-parole du gouvernement", "capo della polizia": a person's role in the body
            and not any(ROLE.ends(word) for word in words[:joined])
        ):
            return Speaker(text, None, "organisation")
        return Speaker(None, text, "role")
    leading = leading_roles(words)
    if leading and all(word[:1].isupper() for word in words[leading:]):
        # "Direktør Pia Lund", "Bürgermeister Hans Weber": a capitalised role before a name
        return Speaker(" ".join(words[leading:]), " ".join(words[:leading]), "person")
    if role_of_body(words):
        # "Sprecherin des Innenministeriums": a capitalised role noun, then whose it is; its
        # holder spoke, not the body
        return Speaker(None, text, "role")
    trailing = len(words)
    while trailing > 0 and words[trailing - 1][:1].isupper():
        trailing -= 1
    connectors = CONNECTORS
    if (
        0 < trailing < len(words)
        and ROLE.ends(words[trailing - 1])
        and any(word.lower() in connectors for word in words[:trailing])
    ):
        # "talsmann for Russlands president X" is not X
        return Speaker(None, from_article(words), "role")
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
        return pronoun_speaker(words[0])
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
            return Speaker(None, from_article(words), "role")
        return Speaker(text, None, "organisation")
    name = " ".join(name_words)
    if is_organisation_name(name):
        return Speaker(name, " ".join(role_words) or None, "organisation")
    return Speaker(name, " ".join(role_words) or None, "person")
