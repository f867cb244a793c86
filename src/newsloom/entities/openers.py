"""Which paragraphs the accurate NER model may skip: those whose only capitals open sentences with
plain words (issue 19).

In Scandinavian news most capitals are names; the rest stand first in a sentence (``Det``,
``Han``, ``Etter``). A text whose every capitalised word is such an opener holds no name the
model could find, so it is not run through the encoder. The openers of each language are the
words that, in the NER train splits (NorNE Bokmål and Nynorsk, DaN+), occur lower-case inside
sentences at least :data:`MIN_LOWER` times and inside named entities at most
:data:`MAX_NAMED_SHARE` times as often (``scripts/build_ner_openers.py`` writes them to
``data/ner_openers.json``; its ``--check`` builds them from half of each train split and counts
what the other half loses). A language without a list (Swedish: no train split) is always tagged.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path

OPENERS_FILE = Path(__file__).parent.parent / "data" / "ner_openers.json"
MIN_LOWER = 5  # lower-case occurrences a word needs in the train splits to count as plain
# at most this share of a word's plain count inside entities (chosen on halves of the train
# splits: 0 skips 24-28 % of held-out sentences, 0.01 skips 30-42 %, losing 0.24-0.31 % of the
# gold entities, which those sentences hold)
MAX_NAMED_SHARE = 0.01
_LANGUAGE_OF = {"no": "nb"}
# tokens after which a word opens a sentence (a speech dash too: "– Det er …")
_SENTENCE_ENDS = frozenset([".", "!", "?", ":", "…", "–", "—", "-", "...", "?!", "!?"])


@cache
def openers(language: str | None) -> frozenset[str]:
    """The lower-case words of ``language`` that open sentences and are never part of a name."""
    code = _LANGUAGE_OF.get(language or "", language or "")
    if not OPENERS_FILE.is_file():
        return frozenset()
    table: dict[str, list[str]] = json.loads(OPENERS_FILE.read_text(encoding="utf-8"))
    return frozenset(table.get(code, ()))


def may_hold_a_name(
    words: Sequence[str], language: str | None, plain: frozenset[str] | None = None
) -> bool:
    """False when every capitalised word of ``words`` (a tokenised paragraph) stands first in its
    sentence and is one of the language's plain openers (``plain``: another list); else True."""
    plain = openers(language) if plain is None else plain
    opening = True
    for word in words:
        if not any(character.isalnum() for character in word):
            opening = opening or word in _SENTENCE_ENDS or word.endswith((".", "!", "?"))
            continue  # a quotation mark or a bracket keeps the sentence where it was
        if any(character.isupper() for character in word) and not (
            opening and word.lower() in plain and not (word.isupper() and len(word) > 1)
        ):
            return True
        opening = False
    return False
