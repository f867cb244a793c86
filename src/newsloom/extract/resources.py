"""Per-language resources for figures and quotes, read from ``extract/languages/<code>.toml``.

One table per language (format in ``docs/languages.md``): casualty cues per figure kind, subjects,
qualifiers, reporting verbs and the words around them, and how numbers are written. A single word
in a table matches its inflected forms (``tuer`` → ``tuées``, ``tués`` …): the forms come from
simplemma's dictionaries, inverted once by ``scripts/build_language_forms.py`` into
``languages/forms.json`` so nothing heavy runs when newsloom starts. ``word*`` matches any ending;
a phrase of several words matches as written. Month names come from CLDR (``babel``) and number
words from ``text2num`` where it covers the language.

The extractors build their patterns from the union of every table (news in one language quotes
names and agencies from others), and use :func:`resources_for` to say which resources an article's
language had: a language without a table degrades to numerals and quotation marks.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources as package_resources
from typing import Any

from newsloom.errors import NewsloomError
from newsloom.extract.quote_fields import QUOTE_FIELDS as QUOTE_FIELDS
from newsloom.normalize.language import SCANDINAVIAN_CODES

# Ranges of the vague-quantity names a table may use (see numbers.py for the conventions).
VAGUE_RANGES: dict[str, tuple[float, float]] = {
    "dozens": (24.0, 99.0),
    "tens": (20.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "tens_of_thousands": (20000.0, 99999.0),
    "hundreds_of_thousands": (200000.0, 999999.0),
}
QUALIFIER_NAMES = frozenset(["at least", "more than", "about", "up to", "nearly", "less than"])
NUMBER_ENGINES = frozenset(["text2num", "tables"])
TEXT2NUM_LANGUAGES = frozenset(["en", "fr", "es", "de", "it", "nl", "pt"])
# newsloom's language codes that share a table ("no" is py3langid's label for Bokmål).
ALIASES = {"no": "nb"}
# Danish, Norwegian and Swedish (with "no"): a suffixed definite article ("professoren")
SCANDINAVIAN = SCANDINAVIAN_CODES


class LanguageTableError(NewsloomError):
    """A language table is malformed (names the file, the field and what would be valid)."""


@dataclass(frozen=True, slots=True)
class LanguageTable:
    code: str
    name: str
    number_engine: str
    one_words: tuple[str, ...] = ()
    several: tuple[str, ...] = ()
    approximate: dict[str, int] = field(default_factory=dict)
    magnitudes: dict[str, int] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    vague: dict[str, tuple[str, ...]] = field(default_factory=dict)
    measures: tuple[str, ...] = ()
    year_before: tuple[str, ...] = ()
    fillers: tuple[str, ...] = ()
    denials: tuple[str, ...] = ()
    or_words: tuple[str, ...] = ()
    joiners: tuple[str, ...] = ()
    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    subjects: dict[str, tuple[str, ...]] = field(default_factory=dict)
    qualifiers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    quotes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude_forms: tuple[str, ...] = ()


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LanguageTableError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(item.lower() for item in value)


def _string_lists(value: object, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise LanguageTableError(f"{where}: expected a table of lists, got {value!r}")
    return {str(key): _strings(item, f"{where}.{key}") for key, item in value.items()}


def _integers(value: object, where: str) -> dict[str, int]:
    if not isinstance(value, dict) or not all(isinstance(v, int) for v in value.values()):
        raise LanguageTableError(f"{where}: expected word = integer pairs, got {value!r}")
    return {str(key).lower(): int(item) for key, item in value.items()}


def _known(names: Iterable[str], valid: Iterable[str], message: str) -> None:
    """Raise for the first name not in ``valid``; ``message`` has a ``{}`` for the name."""
    allowed = sorted(valid) if isinstance(valid, set | frozenset) else list(valid)
    unknown = sorted(set(names) - set(allowed))
    if unknown:
        raise LanguageTableError(f"{message.format(unknown[0])}; valid: {', '.join(allowed)}")


def parse_table(code: str, data: dict[str, object], where: str) -> LanguageTable:
    """A :class:`LanguageTable` from a parsed TOML document; errors name the file and field."""
    numbers = data.get("numbers", {})
    if not isinstance(numbers, dict):
        raise LanguageTableError(f"{where}: [numbers] must be a table")
    engine = numbers.get("engine", "tables")
    if engine not in NUMBER_ENGINES:
        raise LanguageTableError(
            f"{where}: numbers.engine is {engine!r}; valid: {', '.join(sorted(NUMBER_ENGINES))}"
        )
    if engine == "text2num" and code not in TEXT2NUM_LANGUAGES:
        raise LanguageTableError(
            f"{where}: text2num does not cover {code!r} (it covers "
            f'{", ".join(sorted(TEXT2NUM_LANGUAGES))}); use engine = "tables"'
        )
    vague = _string_lists(numbers.get("vague", {}), f"{where}: numbers.vague")
    _known(vague, VAGUE_RANGES, f"{where}: numbers.vague.{{}} is not a known range")
    qualifiers = _string_lists(data.get("qualifiers", {}), f"{where}: qualifiers")
    _known(qualifiers, QUALIFIER_NAMES, f"{where}: qualifier '{{}}' is not one of the qualifiers")
    quotes = _string_lists(data.get("quotes", {}), f"{where}: quotes")
    _known(quotes, QUOTE_FIELDS, f"{where}: quotes.{{}} is not a known field")
    forms = data.get("forms", {})
    name = data.get("name", code)
    return LanguageTable(
        code=code,
        name=str(name),
        number_engine=str(engine),
        one_words=_strings(numbers.get("one", []), f"{where}: numbers.one"),
        several=_strings(numbers.get("several", []), f"{where}: numbers.several"),
        approximate=_integers(numbers.get("approximate", {}), f"{where}: numbers.approximate"),
        magnitudes=_integers(numbers.get("magnitudes", {}), f"{where}: numbers.magnitudes"),
        words=_integers(numbers.get("words", {}), f"{where}: numbers.words"),
        vague=vague,
        measures=_strings(numbers.get("measures", []), f"{where}: numbers.measures"),
        year_before=_strings(numbers.get("year_before", []), f"{where}: numbers.year_before"),
        fillers=_strings(numbers.get("fillers", []), f"{where}: numbers.fillers"),
        denials=_strings(numbers.get("denials", []), f"{where}: numbers.denials"),
        or_words=_strings(numbers.get("or_words", []), f"{where}: numbers.or_words"),
        joiners=_strings(numbers.get("joiners", []), f"{where}: numbers.joiners"),
        kinds=_string_lists(data.get("figures", {}), f"{where}: figures"),
        subjects=_string_lists(data.get("subjects", {}), f"{where}: subjects"),
        qualifiers=qualifiers,
        quotes=quotes,
        exclude_forms=_strings(
            forms.get("exclude", []) if isinstance(forms, dict) else [], f"{where}: forms.exclude"
        ),
    )


@cache
def load_tables() -> dict[str, LanguageTable]:
    """Every shipped language table, by language code."""
    folder = package_resources.files("newsloom.extract").joinpath("languages")
    tables: dict[str, LanguageTable] = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".toml"):
            continue
        code = entry.name.removesuffix(".toml")
        where = f"extract/languages/{entry.name}"
        try:
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise LanguageTableError(f"{where}: {error}") from error
        tables[code] = parse_table(code, data, where)
    return tables


@cache
def load_forms() -> dict[str, dict[str, tuple[str, ...]]]:
    """Inflected forms per language and table word (built by scripts/build_language_forms.py)."""
    path = package_resources.files("newsloom.extract").joinpath("languages", "forms.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        code: {word: tuple(forms) for word, forms in words.items()} for code, words in data.items()
    }


def resources_for(language: str | None) -> LanguageTable | None:
    """The table for a language code (``no`` reads the Bokmål table), or None."""
    if language is None:
        return None
    code = ALIASES.get(language, language)
    return load_tables().get(code)


def describe_resources(language: str | None) -> str:
    """What figures and quotes could use for this language, for the analysis record."""
    table = resources_for(language)
    if table is None:
        return f"{language or 'unknown'}: no language table; numerals and quotation marks only"
    numbers = "text2num number words" if table.number_engine == "text2num" else "number tables"
    return f"{table.code}: language table {table.code}.toml, {numbers}, CLDR month names"


def expand(code: str, entries: Iterable[str]) -> list[str]:
    """Table entries with the inflected forms of single words added (``word*`` stems and phrases
    are kept as written)."""
    forms = load_forms().get(code, {})
    table = load_tables().get(code)
    excluded = set(table.exclude_forms) if table else set()
    words: set[str] = set()
    for entry in entries:
        words.add(entry)
        if " " not in entry and not entry.endswith("*"):
            words.update(set(forms.get(entry, ())) - excluded)
    return sorted(words)


def words_pattern(words: Iterable[str], *, whole: bool = True, literal: bool = False) -> str:
    """One regular expression (a non-capturing group) for words and phrases, as a trie so a long
    list costs little to match: a word matches whole, ``stem*`` with any ending, an elided word
    (``qu'``) runs into the next, and a space in a phrase matches any run of whitespace. An empty
    list gives a pattern that never matches.

    ``whole=False`` leaves out the end-of-word test: the trie then matches what the alternation of
    the words sorted longest first matches, in the same order of preference (a longer word is
    tried before a word it begins with), for patterns that say themselves what may follow.

    ``literal=True`` (with ``whole=False``) makes every character match only itself: the trie of
    an alternation of plain words (``"sagt|sagte|teilte mit"``, sorted longest first), which
    matches the same at a fraction of the cost, as it tries one word's letters at a time."""
    trie, characters = words_trie(words, whole=whole, literal=literal)
    return node_pattern(trie, characters) if trie else "(?!)"


def words_trie(
    words: Iterable[str], *, whole: bool, literal: bool
) -> tuple[dict[str, Any], dict[str, str]]:
    """The trie :func:`words_pattern` writes, and how it writes the characters of its keys."""
    trie: dict[str, Any] = {}
    if literal:
        for word in {word.lower() for word in words}:
            node = trie
            for character in word:
                node = node.setdefault(character, {})
            node[_PREFIX] = {}
        return trie, {}
    for word in {word.lower().replace("’", "'") for word in words if word.strip("*")}:
        node = trie
        for character in word.rstrip("*"):
            node = node.setdefault(character, {})
        ending = _END if whole else _PREFIX
        node[_STEM if word.endswith("*") else _OPEN if word.endswith("'") else ending] = {}
    return trie, _CHARACTERS


FIRST_LETTERS_PER_GROUP = 8  # first letters behind one look-ahead (see first_letter_alternation)


def first_letter_alternation(lists: Sequence[tuple[Iterable[str], bool, str]]) -> str:
    """``(?:words_pattern(a, whole=False, literal=…)after_a|words_pattern(b, …)after_b|…)``, each
    list given as ``(words, literal, after)``, with the lists' tries merged at their first letter:
    ``(?:x(?:rest of a after_a|rest of b after_b)|y(?:…))``. At a place where no word starts, one
    letter is tried per first letter instead of one per list and letter. The same matches in the
    same order of preference: every first letter is a plain letter (no two of them match the same
    character, case-insensitively), so a text's first character enters one group at most, where
    the lists' words are tried in the same order as before."""
    groups: dict[str, list[str]] = {}
    for words, literal, after in lists:
        trie, characters = words_trie(words, whole=False, literal=literal)
        for key in sorted(trie):
            if not (key.isalpha() and key == key.upper().lower()):
                raise ValueError(f"a word opens with {key!r}, not a plain letter")
            groups.setdefault(key, []).append(node_pattern(trie[key], characters) + after)
    branches = [
        re.escape(key) + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})")
        for key, rests in sorted(groups.items())
    ]
    if len(branches) <= FIRST_LETTERS_PER_GROUP:
        return f"(?:{'|'.join(branches)})" if branches else "(?!)"
    # The engine tries a group's branches one after another at every word start (a branch
    # opening with a letter compared without case is entered to be turned down), so the
    # branches are cut into groups, each behind a look-ahead of its first letters: a word start
    # tries a few classes and one group, not every letter. A class of letters matches, with or
    # without case, what the letters alone match, and the order of the branches is kept.
    letters, size = sorted(groups), FIRST_LETTERS_PER_GROUP
    grouped = [
        f"(?=[{''.join(map(re.escape, letters[at : at + size]))}])"
        f"(?:{'|'.join(branches[at : at + size])})"
        for at in range(0, len(branches), size)
    ]
    return f"(?:{'|'.join(grouped)})"


_STEM, _END, _OPEN, _PREFIX = "\x00stem", "\x00end", "\x00open", "\x00prefix"
_LEAVES = {_STEM: r"\w*", _END: r"(?!\w)", _OPEN: "", _PREFIX: ""}
_CHARACTERS = {" ": r"\s+", "'": "['’]"}


def node_pattern(node: dict[str, Any], characters: dict[str, str]) -> str:
    branches = [
        _LEAVES[key]
        if key in _LEAVES
        else characters.get(key, re.escape(key)) + node_pattern(node[key], characters)
        for key in sorted(node, key=lambda key: (key in _LEAVES, key))
    ]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def table_words(field_name: str) -> list[str]:
    """One quotes field across every table (``verbs``, ``request_verbs`` and ``person_nouns`` with
    their forms), longest first (then alphabetically: the same order in every process)."""
    return list(_table_words(field_name))


@cache  # the tables are read once (load_tables); many patterns ask for the same field
def _table_words(field_name: str) -> tuple[str, ...]:
    found: set[str] = set()
    for table in load_tables().values():
        entries = table.quotes.get(field_name, ())
        if field_name in ("verbs", "person_nouns", "request_verbs"):
            entries = tuple(expand(table.code, entries))
        found.update(entries)
    return tuple(sorted(found, key=lambda word: (-len(word), word)))


def own_words(language: str | None, field_name: str) -> tuple[str, ...]:
    """One quotes field of ``language``'s own table, as written (empty without a table)."""
    table = resources_for(language)
    return table.quotes.get(field_name, ()) if table is not None else ()


@cache
def own_word_set(language: str | None, *field_names: str) -> frozenset[str]:
    """Fields of ``language``'s own table, lowercased, as a set (for membership tests): made
    once per language and fields, not per call."""
    return frozenset(word.lower() for name in field_names for word in own_words(language, name))


def table_word_set(field_name: str) -> frozenset[str]:
    """One quotes field across every table, as a set (for membership tests)."""
    return frozenset(_table_words(field_name))


@cache
def month_names(code: str, *, abbreviated: bool = False) -> tuple[str, ...]:
    """Month names (wide, format and stand-alone) for a locale, from CLDR; with ``abbreviated``
    the abbreviations too, without their point (``jan``, ``sept``, ``févr``)."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return ()
    widths = ("wide", "abbreviated") if abbreviated else ("wide",)
    names: set[str] = set()
    for context in ("format", "stand-alone"):
        for width in widths:
            names.update(
                name.lower().rstrip(".") for name in locale.months[context][width].values()
            )
    return tuple(sorted((name for name in names if len(name) > 2), key=len, reverse=True))


@cache
def kind_patterns(language: str) -> dict[str, re.Pattern[str]]:
    """One pattern per figure kind from a language's table (its ``toll`` words count as killed).

    Per language, not a union: inflected forms of one language are ordinary words in another
    (Portuguese ``more``, a form of ``morrer``)."""
    table = resources_for(language)
    if table is None:
        return {}
    entries: dict[str, set[str]] = {}
    for kind, words in table.kinds.items():
        target = "killed" if kind == "toll" else kind
        entries.setdefault(target, set()).update(expand(table.code, words))
    return {
        kind: re.compile(r"(?<!\w)" + words_pattern(words), re.IGNORECASE)
        for kind, words in sorted(entries.items())
    }


def toll_pattern() -> str:
    """Words for a death toll ("bilan", "bilancio") across every table."""
    return words_pattern(
        word for table in load_tables().values() for word in table.kinds.get("toll", ())
    )


def subject_patterns() -> dict[str, str]:
    entries: dict[str, set[str]] = {}
    for table in load_tables().values():
        for subject, words in table.subjects.items():
            entries.setdefault(subject, set()).update(expand(table.code, words))
    return {subject: words_pattern(words) for subject, words in sorted(entries.items())}


def qualifier_phrases() -> dict[str, str]:
    """Qualifier phrase → canonical qualifier, over every table."""
    return {
        phrase: canonical
        for table in load_tables().values()
        for canonical, phrases in table.qualifiers.items()
        for phrase in phrases
    }


def measure_words(language: str | None = None) -> list[str]:
    """Words that make a number a measure in ``language``: its table's measures and CLDR month
    names; every table's for a language without a table (or none known)."""
    own = resources_for(language)
    found: set[str] = set()
    for table in [own] if own is not None else load_tables().values():
        found.update(table.measures)
        found.update(month_names(table.code))
    return sorted(found)


def number_words(field_name: str) -> list[str]:
    """``one``, ``several``, ``year_before``, ``fillers``, ``or_words`` or ``joiners`` words over
    every table."""
    attribute = {
        "one": "one_words",
        "several": "several",
        "year_before": "year_before",
        "fillers": "fillers",
        "or_words": "or_words",
        "joiners": "joiners",
    }[field_name]
    found: set[str] = set()
    for table in load_tables().values():
        found.update(getattr(table, attribute))
    return sorted(found, key=len, reverse=True)
