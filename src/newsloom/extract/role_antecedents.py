"""Which role speakers a later pronoun may go on with (:mod:`newsloom.extract.quote_context`):
one person's role with no name ("…, forklarar vitskapshistorikaren. ¶ …, seier han")."""

from __future__ import annotations

import re

from newsloom.extract.role_words import ends_in_role
from newsloom.extract.speaker_reading import AGE_NOUN, PERSON_NOUN

_PLURAL_DEFINITE = re.compile(r"(?:ene|ane|rne)$")  # "naboene", "bøndane", "lærerne"


def one_person_role(role: str | None) -> bool:
    """Whether a role speaker is one person: its last word a noun for a person or a role
    (``mannen``, ``24-åringen``, ``Høgre-representanten``), not in a plural definite form
    (``naboene``, ``lederne``), nor words the speaker patterns misread (``tysk aksent``)."""
    words = (role or "").split()
    if not words or _PLURAL_DEFINITE.search(words[-1]):
        return False
    last = words[-1]
    return bool(PERSON_NOUN.search(last) or AGE_NOUN.search(last) or ends_in_role(last))
