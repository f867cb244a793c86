"""Which words name a role or a body: role words (``talsmann``, ``Bürgermeister``, ``statsråden``),
organisation names by their endings (``Norsk Hydro-konsernet``) and the wire agencies, and the
role words a recogniser took into a person's name (``Fraktionschef André Trepoll``). Read by
:mod:`newsloom.extract.speakers` and the modules that resolve speakers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newsloom.extract.quote_words import ORGANISATION_ENDINGS, ROLE_ENDINGS
from newsloom.extract.resources import table_word_set, table_words, words_pattern
from newsloom.process_cache import compile_pattern


class _Ending:
    """Whether a text ends in one of some words: the reversed text matched from its start against
    a trie of the reversed words (one walk, not a search at each of the last characters). The
    same answer as ``(?:words)$`` searched case-insensitively (``$`` also before a final
    newline, hence the optional newline first)."""

    def __init__(self, reversed_pattern: str) -> None:
        self.pattern = compile_pattern(rf"\n?{reversed_pattern}", re.IGNORECASE)

    def ends(self, text: str) -> bool:
        return self.pattern.match(text[::-1]) is not None


def _literals(alternation: str) -> list[str]:
    """The words of an alternation of plain words (escapes undone); refused for anything that
    can match more than it shows (``\\s+``, ``\\w*``, ``{2,}``)."""
    if re.search(r"[*+?{(\[]|\\[sSwWdDbB]", alternation):
        raise ValueError("an ending list holds more than plain words: it cannot be reversed")
    return [re.sub(r"\\(.)", r"\1", word) for word in alternation.split("|")]


def _reversed_words(words: list[str]) -> str:
    """A non-capturing group matching the reversed words (the trie :func:`words_pattern` writes)."""
    return f"(?:{words_pattern([word[::-1] for word in words], whole=False, literal=True)})"


_ROLE_SUFFIXES = "en|et|n|e|er|erne|ene|s|es|in|innen"
# (?:ROLE_ENDINGS)(?:_ROLE_SUFFIXES)?$
ROLE = _Ending(
    f"{_reversed_words(_literals(_ROLE_SUFFIXES))}?{_reversed_words(_literals(ROLE_ENDINGS))}"
)
MIN_ROLE_COMPOUND = 10  # "Wissenschaftssenatorin": a capitalised compound ending in a role
MIN_FULL_NAME = 2  # a first name and a surname


ROLE_WORD = compile_pattern(rf"(?:{ROLE_ENDINGS})(?:en|et|n|e|er|erne|ene|in)?", re.IGNORECASE)


def _endings(endings: str) -> _Ending:
    r"""A pattern for names ending in one of ``endings``: a long ending also as the last part of a
    compound (``Utenriksdepartementet``), a short one only as a word (``FN``, not ``Braun``;
    ``avis``, not ``Davis``) — ``(?:(?<![\w'’])(?:short)|(?:long))$``, reversed."""
    words = endings.split("|")
    short = _literals("|".join(word for word in words if len(word) <= 4))
    long = _literals("|".join(word for word in words if len(word) > 4))
    return _Ending(rf"(?:{_reversed_words(short)}(?![\w'’])|{_reversed_words(long)})")


ORGANISATION = _endings(ORGANISATION_ENDINGS)


AGENCIES = frozenset(
    [
        "ritzau",
        "ntb",
        "tt",
        "reuters",
        "afp",
        "ap",
        "dpa",
        "tass",
        "interfax",
        "bloomberg",
        "efe",
        "ansa",
        "xinhua",
        "ria",
        "novosti",
        "anadolu",
        "associated",
        "press",
        "france-presse",
        "bbc",
        "cnn",
    ]
)


def is_organisation_name(name: str) -> bool:
    """``Pasadena Police Department``? No; ``Norsk Hydro-konsernet``, ``Reuters``: yes."""
    return name.lower() in AGENCIES or ORGANISATION.ends(name)


def leading_roles(words: Sequence[str]) -> int:
    """How many words open with a role (``Direktør``, ``Bürgermeister``), one word left after."""
    leading = 0
    while leading < len(words) - 1 and ROLE.ends(words[leading]):
        leading += 1
    return leading


def _title_words(words: Sequence[str]) -> int:
    """How many words of a name a recogniser read open with a title: the role words at its start
    (:func:`leading_roles`), or up to the last role further in, after words that describe it
    (``Hamburger Grünen-Spitzenkandidatin``, ``Peking-treue Regierungschefin``, ``US
    President``). Further in, a role is a long compound ending in one (``Jerusalem
    Ministerpräsident Netanjahu``), or a role word with a full name after it (``IOC President
    Thomas Bach``; not ``Estado Mayor Conjunto``), so that a surname ending in a role's letters
    (``Fuentes``) or a body's name stays whole."""
    leading = leading_roles(words)
    for at in range(len(words) - 2, max(leading, 1) - 1, -1):
        word = words[at]
        if (len(word) >= MIN_ROLE_COMPOUND and ROLE.ends(word)) or (
            is_role_word(word) and at <= len(words) - MIN_FULL_NAME - 1
        ):
            return at + 1
    return leading


def split_title(name: str) -> tuple[str | None, str]:
    """``Fraktionschef André Trepoll`` → (``Fraktionschef``, ``André Trepoll``): the role words a
    recogniser took into a person's name, before at least one word of the name itself."""
    words = name.split()
    leading = _title_words(words)
    if not leading or not all(
        word[:1].isupper() and not is_role_word(word) for word in words[leading:]
    ):
        return None, name  # "Secretario General": a title throughout, no name after it
    return " ".join(words[:leading]), " ".join(words[leading:])


def ends_in_role(word: str) -> bool:
    """``Fraktionschef``, ``statsråden``: a word ending in a role (compounds included)."""
    return ROLE.ends(word)


# words before a role that keep it a title ("Deputy Minister"): the tables' ``title_modifiers``
_TITLE_MODIFIERS = table_word_set("title_modifiers")


def role_title(words: str) -> bool:
    """``Deputy Minister``, ``Secretario General``: a title, not a name (``Comandancia
    General`` is a body's name)."""
    split = words.split()
    first, last = split[0], split[-1]
    return is_role_word(last) and (is_role_word(first) or first.lower() in _TITLE_MODIFIERS)


# words whose answer is remembered: the same names and roles come back paragraph after paragraph
# (a long run's vocabulary grows without end, so the memory is bounded)
ROLE_WORDS_REMEMBERED = 200_000


@lru_cache(maxsize=ROLE_WORDS_REMEMBERED)
def is_role_word(word: str) -> bool:
    """``Bürgermeister``, ``politiadvokat``, ``talsmannen``: a word naming a role."""
    return ROLE_WORD.fullmatch(word) is not None


# "Høyanger-ordførar", "Start-trener", "Fritt Ord-styreleder": a compound whose last part is a
# common noun (lowercase after the hyphen), not a name
COMMON_COMPOUND = re.compile(r"-[a-zæøåäöüé]")


# courtesy titles before a name (the tables' ``honorifics``, French "M.", "Mme"): no part of it
_HONORIFICS = table_words("honorifics")
_HONORIFIC = re.compile(
    rf"(?<![\w'’.-])(?i:{'|'.join(map(re.escape, _HONORIFICS)) or '(?!)'})(?![\w'’-])\s*"
    r"(?=[A-ZÆØÅÄÖÜÉ])"
)


def without_honorific(name: str) -> str:
    """``name`` without the courtesy titles before it (``Mme Clinton`` → ``Clinton``)."""
    return _HONORIFIC.sub("", name) if _HONORIFICS else name


# particles joined by a hyphen to a capitalised surname (the tables' ``name_particles``, French
# "al-", "el-": "Bachar al-Assad"): part of the name
_PARTICLES = "|".join(
    re.escape(word.rstrip("-")) for word in table_words("name_particles") if word.endswith("-")
)
NAME_PARTICLE = rf"(?:(?:{_PARTICLES or '(?!)'})-)"
_PARTICLE_WORD = re.compile(
    rf"(?<![\w'’-]){NAME_PARTICLE}[A-ZÆØÅÄÖÜÉ][\w'’]*(?:-[A-ZÆØÅÄÖÜÉ][\w'’]*)*"
)


def capitalise_particles(phrase: str) -> tuple[str, frozenset[str]]:
    """``phrase`` with each particle joined to a surname capitalised (``al-Assad`` →
    ``Al-Assad``), so that it reads as part of a name, and the words changed."""
    joined = frozenset(found.group(0) for found in _PARTICLE_WORD.finditer(phrase))
    if not joined:
        return phrase, joined
    return _PARTICLE_WORD.sub(lambda found: found.group(0).capitalize(), phrase), joined


def restore_particles(text: str | None, joined: frozenset[str]) -> str | None:
    """``text`` with the words :func:`capitalise_particles` changed given back."""
    for word in joined:
        text = text.replace(word.capitalize(), word) if text else text
    return text
