"""Whether a paragraph is about someone named before it: its first sentence's subject is a he
or a she (issue 16). Then the names in it are not whom the next "sier han" means
(:meth:`newsloom.extract.quote_context.QuoteContext.see`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsloom.extract.quote_patterns import SINGULAR_PRONOUN_OPENING
from newsloom.extract.resources import SCANDINAVIAN, own_word_set

# words before a he or she that the verb of the sentence put after itself: "Selv er han",
# "Nå mener hun", "I dag er han"
_MOST_BEFORE = 3
_WORD = re.compile(r"\S+")


def pronoun_subject(text: str, language: str | None, people: Iterable[int] = ()) -> bool:
    """Whether the paragraph ``text`` opens with a he or a she as its subject (``Hun tror
    Obama …``), or — where a short phrase opens the sentence and the verb comes second, as in
    the Scandinavian languages — right after the verb (``Selv er han …``, ``Nå mener hun at
    Per Hansen …``): two or three words before it, none a name (a person ``people`` starts
    at, or a capitalised word after the first), no comma, and no preposition, "that" or
    conjunction right before it (``Etter at han``, ``Sammen med han``)."""
    if SINGULAR_PRONOUN_OPENING.match(text):
        return True
    if language not in SCANDINAVIAN:
        return False
    singular = own_word_set(language, "pronouns") - own_word_set(language, "plural_pronouns")
    words = list(_WORD.finditer(text))[: _MOST_BEFORE + 1]
    at = next((i for i, word in enumerate(words) if word.group(0) in singular), None)
    if at is None or at < 2:
        return False
    before = [word.group(0) for word in words[:at]]
    right_before = before[-1]
    return (
        all(word.isalpha() for word in before)
        and all(word.islower() for word in before[1:])
        and right_before not in own_word_set(language, "prepositions", "that", "leading_words")
        and not any(start < words[at].start() for start in people)
    )
