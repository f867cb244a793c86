"""Whether a pronoun may mean a person: the sex of first names, read off unlabelled news text
by ``scripts/build_name_sexes.py`` into ``data/first_names.json`` (how, in its docstring and in
``docs/languages.md``), and the sex of the tables' third-person singular pronouns
(``feminine_pronouns``, ``masculine_pronouns``).

"sier hun" after a quote of Per Hansen is not his: a pronoun passes over a person whose first
name the table gives the other sex. A name the table does not hold (or a surname alone) may be
meant by either pronoun.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from newsloom.extract.resources import table_word_set

NAMES_FILE = Path(__file__).parent.parent / "data" / "first_names.json"


@cache
def _first_names() -> dict[str, str]:
    if not NAMES_FILE.is_file():
        return {}
    data: dict[str, str] = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    return data


@cache
def pronoun_sex(word: str) -> str | None:
    """``"f"`` for a feminine pronoun of any table ("hun", "ho", "sie"), ``"m"`` for a
    masculine one ("han", "er"), else None."""
    lowered = word.lower()
    if lowered in table_word_set("feminine_pronouns"):
        return "f"
    if lowered in table_word_set("masculine_pronouns"):
        return "m"
    return None


def name_sex(name: str | None) -> str | None:
    """The sex the table gives the first word of a name of two words or more, else None."""
    words = (name or "").split()
    return _first_names().get(words[0]) if len(words) >= 2 else None


def may_mean(sex: str | None, name: str | None) -> bool:
    """Whether a pronoun of ``sex`` (None: either) may mean the person ``name``."""
    known = name_sex(name)
    return sex is None or known is None or known == sex
