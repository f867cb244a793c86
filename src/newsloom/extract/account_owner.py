"""Where the owner of an account opens: the body or person an account (the table's
``account_nouns``: ``informe``, ``Angaben``, ``datos``) belongs to is the source it gives, for
quotes and figures alike (``según un comunicado difundido por la Embajada``, ``laut Angaben der
Polizei``, ``según datos de la ONU``). Issue 22: one reader for :mod:`source_phrases
<newsloom.extract.source_phrases>`, :mod:`according_source
<newsloom.extract.according_source>` and :mod:`source_phrase
<newsloom.extract.source_phrase>`."""

from __future__ import annotations

import re

from newsloom.extract.resources import own_word_set
from newsloom.extract.role_words import is_role_word

MAX_AFTER_ACCOUNT = 2  # adjectives and a participle after an account ("informe anual",
# "comunicado difundido")


def opens_name(word: str, language: str | None) -> bool:
    """Whether ``word`` opens with a capital, maybe after an elided article glued to it (the
    table's ``determiners`` ending in an apostrophe: "l'Observatoire", "l'Istat")."""
    if word[:1].isupper():
        return True
    elided = re.split(r"(?<=['’])", word, maxsplit=1)
    return (
        len(elided) == 2
        and elided[0].lower() in own_word_set(language, "determiners")
        and elided[1][:1].isupper()
    )


def account_owner_at(rest: list[str], language: str | None, *, named: bool = True) -> int | None:
    """Where the owner opens in the words that follow an account (``rest``): after a genitive
    word (the table's ``genitive_words``: German "der", Spanish "de", "del") and maybe an
    article, or after the preposition of a participle's agent (``agent_prepositions``:
    ``comunicado difundido por la Embajada``), where a capital opens it; in a language that
    writes adjectives after the noun, lowercase words may stand between (``el informe anual
    de Reporteros sin Fronteras``). None where no owner is named (``según un comunicado
    oficial``, ``nota de prensa``). With ``named`` False (the figure sources, which read the
    group that gave a count as its source: ``según cifras de las organizaciones humanitarias``,
    ``un informe de varios juristas``), whatever follows the genitive is the owner."""
    genitives = own_word_set(language, "genitive_words")
    agents = own_word_set(language, "agent_prepositions")
    determiners = own_word_set(language, "determiners")
    for at, word in enumerate(rest[: MAX_AFTER_ACCOUNT + 1]):
        lowered = word.lower()
        # (after other words, a genitive that is an article too is no account's: "laut einer
        # Prognose bei der Regionalwahl")
        if (lowered in genitives and not (at and lowered in determiners)) or (
            at and lowered in agents
        ):
            owner = at + 1
            if owner + 1 < len(rest) and rest[owner].lower() in determiners:
                owner += 1
            bodies = own_word_set(language, "organisations")
            media = own_word_set(language, "medium_nouns")
            if lowered in agents and owner < len(rest) and rest[owner].lower() in media:
                return None  # "recogido por la agencia APS": a medium carried it, no owner
            if owner < len(rest) and (
                not named
                or opens_name(rest[owner], language)
                or is_role_word(rest[owner])
                or rest[owner].lower() in bodies
            ):
                # "del Ministerio", "publicado por el diputado Luis Florido", "elaborado por la
                # organización Human Rights Watch"
                return owner
            return None
        if not word[:1].islower() or lowered in determiners or word != word.rstrip(",.;:!?"):
            return None
    return None
