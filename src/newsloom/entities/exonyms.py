"""Names of countries, regions and major cities in English, Danish, Bokmål, Nynorsk and Swedish.

General reference data (not tied to any story) in ``exonyms.txt``: one line per place,
``English | da | nb | nn | sv``, alternatives within a column separated by commas, an empty column
meaning "same as English".
Used to merge exonyms into one canonical entity and as the place gazetteer of the rule-based
recogniser.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

_TABLE_PATH = Path(__file__).resolve().parent / "exonyms.txt"


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFC", name).casefold().replace(".", "").replace("-", " ")
    return " ".join(text.split())


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for line in _TABLE_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        columns = [column.strip() for column in line.split("|")]
        english = columns[0].split(",")[0].strip()
        for column in columns:
            for variant in column.split(","):
                if variant.strip():
                    index.setdefault(_fold(variant), english)
    return index


def exonym_key(name: str) -> str | None:
    """The English name of a country, region or major city given in any of the five languages."""
    return _index().get(_fold(name))


def is_place_name(name: str) -> bool:
    return exonym_key(name) is not None


def variants_of(english: str) -> tuple[str, ...]:
    """All folded spellings that map to ``english`` (for tests and documentation)."""
    return tuple(sorted(key for key, value in _index().items() if value == english))
