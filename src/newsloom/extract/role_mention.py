"""The mention of a quote's role nearest the quote, read before the role's holder is looked for
elsewhere in the article (issue 22): a name set off right after it is the holder (``dijo el
portavoz, Guma el-Gamaty, a la BBC``), and an indefinite article right before it makes the role
someone new (``dijo un portavoz del gobierno``), not whom the article named with that role."""

from __future__ import annotations

import re

from newsloom.extract.resources import resources_for, table_word_set
from newsloom.extract.role_going_on import ROLE_REACH, distance, nearest_mention
from newsloom.extract.speaker_names import ArticleNames
from newsloom.extract.speaker_phrases import CONNECTORS
from newsloom.records import Quote

# up to six words after a role (what it belongs to, a relative clause), then a comma: the name
# set off after it
_SET_OFF = re.compile(r"(?:\s+[^\s,.;:]+){0,6}?\s*,\s+")
# what may open the words between a role and its holder's name: what it belongs to ("del
# tribunal ruso") or a relative clause ("que juzga a la piloto"), not a place ("nuevas protestas
# en la capital, El Cairo")
_OWNER_OPENERS = CONNECTORS | table_word_set("relative_pronouns")
# a capitalised word and up to three more before a comma, a point or a bracket: a name the
# recogniser did not find
_NAME_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[\w'’.-]+){1,3}?(?=\s*(?:[,.;)(]|$))")


def named_after_role(quote: Quote, names: ArticleNames) -> str | None:
    """The person named set off after the role's mention nearest the quote, outside the quote
    (``…», dijo el portavoz, Guma el-Gamaty, a la BBC``, ``señaló el presidente del tribunal que
    juzga a la piloto, Leonid Stepanenk.``): the role's holder is named there, whoever else the
    article gives that role. An empty name where a name the recogniser did not find stands
    there (the role is held, by no one the article names elsewhere); None where none does. A
    name opening the quote (``según el portavoz, Obama ha pedido …``) is what was said."""
    text = names.paragraphs.get(quote.paragraph, "")
    mention = nearest_mention(text, quote.speaker_role or "", quote)
    if mention is None or distance(mention, quote) > ROLE_REACH:
        return None
    set_off = _SET_OFF.match(text, mention.end())
    between = set_off.group(0).strip(" ,").split() if set_off is not None else []
    if set_off is None or (between and between[0].lower() not in _OWNER_OPENERS):
        return None
    if quote.start <= set_off.end() < quote.end:
        return None
    for person in names.people:
        if person.paragraph == quote.paragraph and person.start == set_off.end():
            return person.name
    return "" if _NAME_RUN.match(text, set_off.end()) else None


def written_indefinite(quote: Quote, names: ArticleNames, language: str | None) -> bool:
    """Whether the role's mention nearest the quote has an indefinite article (the table's
    ``one`` words) right before it (``dijo un portavoz del gobierno``, ``según un informe``):
    someone or something new, not whom the article named with that role before; not "one of"
    (``Jadiya Charif, una de las integrantes del grupo``)."""
    table = resources_for(language)
    text = names.paragraphs.get(quote.paragraph, "")
    mention = nearest_mention(text, quote.speaker_role or "", quote)
    if table is None or not table.one_words or mention is None:
        return False
    before = text[: mention.start()].split()
    role = (quote.speaker_role or "").split()
    return (
        bool(before)
        and before[-1].lower() in table.one_words
        and not (role and role[0].lower() in CONNECTORS)
    )
