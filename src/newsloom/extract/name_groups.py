"""People named together (``Per Egil Hegge, Sylfest Lomheim og Helene Uri``), whom a plural
pronoun after them means (:mod:`newsloom.extract.quote_context`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.records import EntityMention

# what joins names into one group: a comma, or "and" in the languages' spellings, which may be
# followed by the next person's description ("Støre og den tidligere presidenten Jimmy Carter")
_JOINED = re.compile(
    r"\s*(?:,|,?\s+(?P<and>og|and|och|und|et|y|e|en|i|a|oraz)(?:\s+[a-zæøåäöüé][\w-]*){0,5})\s+"
)


def last_group(text: str, people: Sequence[EntityMention], end: int | None = None) -> str | None:
    """The last names of ``text`` (before ``end``) joined into one group: ``Per Egil Hegge,
    Sylfest Lomheim og Helene Uri`` (two names or more, each joined to the next by a comma or
    "and"), the names alone."""
    spans = sorted(
        (person.start, person.end, person.text)
        for person in people
        if end is None or person.end <= end
    )
    found: str | None = None
    first = 0
    conjunction = "og"
    for at in range(1, len(spans) + 1):
        joined = (
            _JOINED.fullmatch(text[spans[at - 1][1] : spans[at][0]]) if at < len(spans) else None
        )
        if joined is not None:
            conjunction = joined.group("and") or conjunction
            continue
        if at - first >= 2:
            names = [name for _, _, name in spans[first:at]]
            found = f"{', '.join(names[:-1])} {conjunction} {names[-1]}"
        first = at
        conjunction = "og"
    return found
