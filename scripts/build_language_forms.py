"""Write ``extract/languages/forms.json``: inflected forms of the language tables' words.

    .venv/bin/python scripts/build_language_forms.py

For every single word in a table's ``[figures]``, ``[subjects]``, ``quotes.verbs`` and
``quotes.person_nouns`` (entries without ``*``), lists the forms that simplemma's dictionary for
that language lemmatises to the word (``tuer`` → ``tue``, ``tuée``, ``tuées`` …), so the extractors
match inflected text without loading the dictionaries at run time. Forms shorter than three letters
and those in the table's ``[forms] exclude`` are left out, and so are the gerunds of reporting
verbs (``dicendo che`` opens a clause of the sentence's subject). Run it after editing a table;
a test fails while forms.json is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsloom.extract.resources import LanguageTable, load_tables  # noqa: E402

# Gerunds and present participles of reporting verbs ("dicendo che", "disant que", "saying that")
# open a clause of the sentence's subject, not a speaker right before them: left out of verbs.
GERUND_ENDINGS = {
    "en": ("ing",),
    "fr": ("ant",),
    "it": ("ndo", "nte", "nti"),
    "es": ("ndo",),
    "pt": ("ndo",),
    "nl": ("end", "ende"),
    "de": ("end", "ende"),
    # Polish also makes verbal nouns of them ("podanie się do dymisji", "w oświadczeniu"): nouns,
    # not a finite verb with its subject
    "pl": (
        "ąc",
        *(
            f"{stem}{case}"
            for stem in ("ani", "eni")
            for case in ("e", "u", "em", "ach", "ami", "om")
        ),
    ),
}
OUTPUT = ROOT / "src" / "newsloom" / "extract" / "languages" / "forms.json"
MIN_LENGTH = 3


def table_words(table: LanguageTable) -> set[str]:
    """The single words of a table whose forms are looked up."""
    entries = [
        *(word for words in table.kinds.values() for word in words),
        *(word for words in table.subjects.values() for word in words),
        *table.quotes.get("verbs", ()),
        *table.quotes.get("person_nouns", ()),
    ]
    return {entry for entry in entries if " " not in entry and not entry.endswith("*")}


def build_forms(table: LanguageTable) -> dict[str, list[str]]:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    words = table_words(table)
    verbs = set(table.quotes.get("verbs", ()))
    gerunds = GERUND_ENDINGS.get(table.code, ())
    dictionary = DefaultDictionaryFactory().get_dictionary(table.code)
    found: dict[str, set[str]] = {word: set() for word in words}
    excluded = set(table.exclude_forms)
    for form, lemma in dictionary.items():
        key = str(lemma).lower()
        if key in found:
            lowered = str(form).lower()
            if len(lowered) < MIN_LENGTH or lowered == key or lowered in excluded:
                continue
            if key in verbs and gerunds and lowered.endswith(gerunds):
                continue
            found[key].add(lowered)
    return {word: sorted(forms) for word, forms in sorted(found.items()) if forms}


def main() -> None:
    forms = {code: build_forms(table) for code, table in sorted(load_tables().items())}
    OUTPUT.write_text(
        json.dumps(forms, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {sum(len(v) for v in forms.values())} words")


if __name__ == "__main__":
    main()
