"""Roles and whose they are, as a speaker phrase writes them: a name that owns a role ("Høyres
leder", "the agency's spokesman"), an office, a role's head after a body's name ("UN spokesman"),
a role of a body ("Sprecher der Polizei"). Split from ``speaker_words`` (issues 16 and 22)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.resources import (
    table_word_set,
)
from newsloom.extract.role_words import (
    ORGANISATION,
    ROLE,
    leading_roles,
)
from newsloom.extract.speaker_phrases import (
    CONNECTORS,
    DETERMINER_WORD,
    portfolio_before_name,
)

# a capitalised run, then one lowercase word: "New Hampshire officials", "Danish police"
# what follows a name that owns a role: a genitive ("Høyres leder", "Høgre sin leiar", "the
# agency's spokesman"), then up to three lowercase words
OWNED_ROLE = re.compile(
    r"(?P<mark>s|['’]s?|\s+(?:sin|si|sitt|sine))?(?:\s+[a-zæøåäöüé][\w-]*){1,3}"
)
NAMED_GROUP = re.compile(r"(?:^|\s)(?:[A-ZÆØÅÄÖÜÉ][\w'’-]+\s+)+[a-zæøåäöüé][\w-]*$")
# words after which a capitalised run names a place or a body, not the person described: the
# tables' ``role_connectors`` and ``before_place`` (and Icelandic and Faroese "við", "hjá",
# languages without a table)
BEFORE_NAME = frozenset([*CONNECTORS, *table_word_set("before_place"), "við", "hjá"])


def owns_role(before: str) -> bool:
    """Whether a name after the words ``before`` is what a role belongs to, not its holder: a
    role word among them, and a connector last, with determiners after it (``portavoz de la``
    Casa Blanca, ``porte-parole de`` Boris Johnson, ``presidente de`` Estados Unidos). A
    recogniser's span there (even one it types as a person) owns the role; the person who
    spoke is named elsewhere (set off after it: ``…, Sean Spicer``) or not at all."""
    words = before.replace(",", " ").split()
    while words and DETERMINER_WORD.fullmatch(words[-1]) and words[-1].lower() not in CONNECTORS:
        words.pop()  # "de la", "de l'": the article after the connector
    return (
        len(words) >= 2 and words[-1].lower() in CONNECTORS and _has_role_word(words[:-1])
    ) or _role_of_a_role(before)


def _has_role_word(words: list[str]) -> bool:
    """Whether one of ``words`` is a lowercase role word (``portavoz``, ``porte-parole``)."""
    return any(word[:1].islower() and ROLE.ends(word) for word in words)


MOST_INNER_ROLE_WORDS = 3  # "Premier ministre israélien", "Prime Minister"


def _role_of_a_role(before: str) -> bool:
    """Whether a name right after ``before`` (no comma between) holds a role that is itself
    what a role before it belongs to: a role word, a connector, then a role of at most three
    words (``porte-parole du Premier ministre`` Boris Johnson, ``portavoce del primo
    ministro``, ``spokesman for Prime Minister``). The name is the inner role's holder; the
    one who spoke holds the first role and is not named there."""
    if before.rstrip().endswith(","):
        return False  # "le porte-parole du ministre, X": set off, the whole phrase's holder
    words = before.split()
    at = max((at for at, word in enumerate(words) if word.lower() in CONNECTORS), default=0)
    inner = words[at + 1 :]
    while inner and DETERMINER_WORD.fullmatch(inner[0]) and inner[0].lower() not in CONNECTORS:
        inner = inner[1:]  # "del", "de la": the article after the connector
    return (
        at > 0
        and 0 < len(inner) <= MOST_INNER_ROLE_WORDS
        and any(ROLE.ends(word) for word in inner)
        # one noun phrase: no article inside it ("membres du gouvernement le président X")
        and not any(DETERMINER_WORD.fullmatch(word) for word in inner)
        and _has_role_word(words[:at])
    )


def office_of(role: str | None) -> bool:
    """Whether a role speaker is one office of a named owner: a singular role word before a
    connector, a capitalised word after it (``vice-président de la CENI``, ``portavoz de la
    Casa Blanca``; not ``expertos de la ONU``, several). One person holds it, whom a pronoun
    after it may mean."""
    words = (role or "").split()
    at = next((at for at, word in enumerate(words) if at and word.lower() in CONNECTORS), None)
    if at is None:
        return False
    head = words[at - 1]
    return (
        head[:1].islower()
        and ROLE.ends(head)
        and (not head.endswith("s") or head.endswith("ss"))
        and any(word[:1].isupper() for word in words[at + 1 :])
    )


def from_article(words: list[str]) -> str:
    """A role phrase from the article before its role word where lowercase words that are no
    role stand before that article: a verb the phrase took in (``ha avisado el enviado especial
    de la ONU``, ``anunció un portavoz de Naciones Unidas``) is no part of the role."""
    head = next(
        (at for at, word in enumerate(words) if word[:1].islower() and ROLE.ends(word)), None
    )
    if head is None:
        return " ".join(words)
    article = max(
        (
            at
            for at in range(1, head)
            if DETERMINER_WORD.fullmatch(words[at])
            # "entourage du ministre", "jefe de la diplomacia": an article of what it belongs to
            and words[at].lower() not in CONNECTORS
            and words[at - 1].lower() not in CONNECTORS
        ),
        default=None,
    )
    if article is None or not all(word[:1].islower() for word in words[:article]):
        return " ".join(words)
    return " ".join(words[article + 1 :])


def owner_of_role(text: str, entity: str) -> bool:
    """Whether the recogniser's span ``entity`` in the phrase ``text`` is what a role before it
    belongs to (:func:`owns_role`), and no name the span took in after it (``ministro degli
    Esteri Franco Frattini``: :func:`portfolio_before_name` splits that one)."""
    at = text.index(entity)
    role = text[:at].strip(" ,") or None
    return owns_role(text[:at]) and (
        portfolio_before_name(role, entity, text[at + len(entity) :]) is None
    )


# words that open a phrase or a clause after a name, not a noun it modifies: the tables'
# prepositions, articles and "as" ("Bashar Al Asad como responsable", "a DW el experto")
_NO_MODIFIER = (
    table_word_set("prepositions")
    | table_word_set("determiners")
    | table_word_set("final_after")
    | table_word_set("before_place")
    | table_word_set("function_words")
)
MOST_HEAD_WORDS = 2  # a role noun and one word before it ("chief minister")


def role_head(after: str) -> bool:
    """Whether the lowercase words ``after`` a name are the head of the noun phrase the name
    opens, a role (``UN spokesman``, ``Uttar Pradesh chief minister``): at most two words, the
    first no preposition, article or "as" (those open a phrase of their own)."""
    words = after.split()
    return (
        0 < len(words) <= MOST_HEAD_WORDS
        and all(word.isalpha() and word.islower() for word in words)
        and not any(word in _NO_MODIFIER or word in CONNECTORS for word in words)
    )


def role_of_body(words: Sequence[str]) -> bool:
    """Whether ``words`` are a capitalised role noun, a connector and the body whose role it is,
    with no one's name after it: one word (``Sprecher der Polizei``, ``Präsident der Ukraine``)
    or a body's name (``Sprecherin des Innenministeriums``, ``Leiter der Linzer
    Staatsanwaltschaft``)."""
    leading = leading_roles(words)
    return (
        leading == 1
        and len(words) >= 3
        and words[1].lower() in CONNECTORS
        and all(word[:1].isupper() for word in words[2:])
        and (len(words) == 3 or ORGANISATION.ends(words[-1]))
    )
