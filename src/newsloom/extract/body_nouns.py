"""Common nouns for a kind of body (the tables' ``body_kinds``: ``der Konzern``, ``la
compagnie``) that refer back to the body named before them."""

from __future__ import annotations

import re

from newsloom.extract.resources import resources_for, table_words
from newsloom.extract.role_going_on import nearest_mention
from newsloom.extract.speaker_names import ArticleNames
from newsloom.records import Quote

# stems of nouns for a kind of body that refer back to one named before ("the channel" after CNN),
# in every table ("kanal", "konzern", "compagnie"); the police, a government or an army are
# speakers as written
KINDS_OF_BODY = tuple(table_words("body_kinds"))


def is_kind_of_body(word: str) -> bool:
    """Whether ``word`` (the last part of a compound: ``SDAX-Unternehmen``) is a noun for a
    kind of body."""
    return word.split("-")[-1].lower().startswith(KINDS_OF_BODY)


def body_read_as_name(quote: Quote, names: ArticleNames, language: str | None) -> bool:
    """Whether a "person" speaker is one capitalised noun for a kind of body that the
    recogniser took for a name (German capitalises its nouns: ``teilte der Konzern mit``,
    ``wie das SDAX-Unternehmen mitteilte``): a definite article of the language (a determiner
    that is not its "one") stands right before its nearest mention; a name is written
    without one."""
    table = resources_for(language)
    speaker = quote.speaker or ""
    if table is None or " " in speaker or not speaker or not is_kind_of_body(speaker):
        return False
    definite = set(table.quotes.get("determiners", ())) - set(table.one_words)
    nearest = nearest_mention(names.paragraphs.get(quote.paragraph, ""), speaker, quote)
    if nearest is None:
        return False
    before = names.paragraphs.get(quote.paragraph, "")[: nearest.start()].split()
    return bool(before) and before[-1].lower() in definite


def body_compound(quote: Quote, names: ArticleNames) -> str:
    """The organisation a noun for a body (``Konzern``) stands for: the last one the recogniser
    found, up to the quote, that the article wrote with that noun as a compound (``der
    VW-Konzern`` … ``teilte der Konzern mit``: VW); else the noun as written. An organisation
    merely named before (a dateline, a fair the body stays away from) is not the body the noun
    refers back to."""
    speaker = quote.speaker or ""
    kind = speaker.split("-")[-1]
    found = {name for paragraph, _, name in names.organisations if paragraph <= quote.paragraph}
    if not found:
        return speaker
    compound = re.compile(
        rf"(?<![\w-])({'|'.join(map(re.escape, sorted(found)))})-{re.escape(kind)}(?![\w-])"
    )
    for paragraph in range(quote.paragraph, -1, -1):
        text = names.paragraphs.get(paragraph, "")
        end = quote.start if paragraph == quote.paragraph else len(text)
        named = [match.group(1) for match in compound.finditer(text[:end])]
        if named:
            return named[-1]
    return speaker
