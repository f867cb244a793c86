"""Role nouns as ``ArticleNames.role_holder`` looks for their holders: the stem a role is
found by (``statsministeren`` → ``statsminist``), the abbreviations written for it (``Gov.``),
the patterns of a role right before or after a name, and roles no one person holds (a plural,
an account). Split from ``speaker_names`` (issues 16 and 22)."""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.extract.resources import table_words
from newsloom.extract.role_words import ROLE

# definite and plural endings of a role noun (statsministeren → statsminist): every table's
# ``role_endings``, longest first, so the first that ends a word is its whole ending
_ROLE_ENDINGS = tuple(table_words("role_endings"))


def plural_role(word: str) -> bool:
    """``testigos``, ``líderes``, ``sources``: a role word in the plural ("-s", "-es" after a
    role), whom no one person holds."""
    lowered = word.lower()
    return (
        lowered.endswith("s")
        and not lowered.endswith("ss")
        and (ROLE.ends(lowered[:-1]) or (lowered.endswith("es") and ROLE.ends(lowered[:-2])))
    )


MIN_ROLE_STEM = 4
# abbreviated titles and the roles they stand for ("gov.:governor"), every table's
_ROLE_ABBREVIATIONS = tuple(
    tuple(entry.lower().split(":", 1)) for entry in table_words("role_abbreviations")
)

# an account (the tables' ``account_nouns``) is no one's role
_ACCOUNTS = frozenset(word.lower() for word in table_words("account_nouns"))


def is_account(role: str) -> bool:
    """``Prognose``: an account (the tables' ``account_nouns``), which no one holds."""
    return role.lower() in _ACCOUNTS


def role_stem(word: str) -> str | None:
    """The stem a role word is looked for by: its definite or plural ending cut where what is
    left is long enough (``statsministeren`` → ``statsminist``; ``faren`` is ``far`` with
    ``-en``, too short to stand for a role, not ``fare`` with ``-n``); None for a word too short
    to stand for a role."""
    stem = word.lower()
    for ending in _ROLE_ENDINGS:
        if stem.endswith(ending):
            if len(stem) - len(ending) >= MIN_ROLE_STEM:
                stem = stem[: -len(ending)]
            break
    return stem if len(stem) >= MIN_ROLE_STEM else None


def role_written(stem: str) -> str:
    """The pattern of a role stem as news writes it: itself, or an abbreviation the tables'
    ``role_abbreviations`` give for the role ("Gov. Kay Ivey" holds "governor")."""
    written = [re.escape(stem)] + [
        re.escape(short) for short, role in _ROLE_ABBREVIATIONS if role.startswith(stem)
    ]
    return f"(?:{'|'.join(written)})"


# role stems whose patterns are kept: a stream meets a few hundred ("president", "ministr", …);
# more than ``re``'s own cache of 512 patterns holds beside every other module's
ROLE_STEMS_REMEMBERED = 4096


@lru_cache(maxsize=ROLE_STEMS_REMEMBERED)
def role_patterns(stem: str, whole: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The role (``stem``, a pattern; ``whole``: no ending after it) right before a name
    (``statsminister Jonas Støre``) and within three words after one (``Harald Hove, skolebyråd
    i …``): compiled once per role in a process, not once per article. A whole role is only
    read before a name, so no pattern after one is compiled for it (the stems are mostly an
    article's own, 1,373 different in 3,826 over the 1,000-article stream: compiling goes on)."""
    ending = "" if whole else r"\w*"
    before = re.compile(rf"(?<!\w){stem}{ending},?\s+$", re.IGNORECASE)
    if whole:
        return before, _NO_MATCH
    after = re.compile(rf"^,\s+(?:[\w-]+\s+){{0,3}}?{stem}", re.IGNORECASE)
    return before, after


_NO_MATCH = re.compile(r"(?!)")


def _alternatives(*fields: str, elided: bool = True) -> str:
    """The one-word entries of these fields of every table, as a pattern (longest first)."""
    words = {
        re.escape(word)
        for field in fields
        for word in table_words(field)
        if " " not in word and (elided or not word.endswith(("'", "’")))
    }
    return "|".join(sorted(words, key=len, reverse=True))


# what a role belongs to, between it and its holder's name ("le bourgmestre de la Ville de
# Bruxelles, Philippe Close", "l'ex primo ministro dell'Uttar Pradesh"): a connector of the
# tables' ``role_connectors`` or ``name_connectors`` (or a word elided before a capital:
# "dell'", "d'"), then articles, connectors and capitalised words, the last one capitalised
_CAPITALISED = r"(?:[^\W\d_]+['’])?[A-ZÀ-ÖØ-Þ][\w.'’-]*"
_OWNER = (
    rf"(?:\s+(?:{_alternatives('role_connectors', 'name_connectors')})\s+"
    r"|\s+[^\W\d_]+['’](?=[A-ZÀ-ÖØ-Þ]))"
    rf"(?:(?:{_alternatives('role_connectors', 'name_connectors', 'determiners', elided=False)})"
    rf"\s+|{_CAPITALISED}\s+){{0,6}}?{_CAPITALISED}"
)
OWNED_ROLE_REACH = 120  # characters of a role and what it belongs to before its holder's name


@lru_cache(maxsize=ROLE_STEMS_REMEMBERED)
def owned_role_pattern(stem: str) -> re.Pattern[str]:
    """The role (``stem``, a pattern) and what it belongs to, right before a name, set off by a
    comma or not (``bourgmestre de la Ville de Bruxelles, Philippe Close``, ``ministro
    dell'Ambiente Sergio Costa``): what it belongs to is the group ``owner``."""
    return re.compile(rf"(?<!\w)(?i:{stem})\w*(?P<owner>{_OWNER}),?\s+$")
