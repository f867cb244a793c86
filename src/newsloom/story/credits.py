"""Who a quote is credited to, as every view shows it: the speaker with their role.

Read from what the analyze stage stored on the quote (speaker, role) and the article's entity
mentions; nothing is extracted again. A credit names a person, an organisation or a named role:

- a speaker with a role reads ``Kari Holm, pressetalsperson``;
- a role that speaks *for* the named person (``talsmann for statsminister`` right before
  ``Per Berg`` in the text) credits the spokesperson, not the person they speak for:
  ``talsmann for statsminister Per Berg``;
- a genitive (``Bergs`` in ``Bergs pressetjeneste``: a name the article also gives without
  the ``s``) credits the body it owns, ``Bergs pressetjeneste``, on behalf of the person;
- a name that is no entity mention of the article, no organisation or role word and not named with
  its role (``politiinspektør Anne Holmvik``), or a role without a role word
  (``protesterne voksede``), is no speaker: the quote's speaker is unknown.
  (An article without entity mentions, analysed without a recogniser, accepts a capitalised name.)

The rules sit here, after extraction, until the extractors apply them themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsloom.extract.quote_words import ORGANISATION_ENDINGS, ROLE_ENDINGS
from newsloom.records import Analysis, Article, EntityMention, Quote

_ENDINGS = [e for e in f"{ROLE_ENDINGS}|{ORGANISATION_ENDINGS}".split("|") if e]
_SUFFIX = r"(?:en|et|n|e|er|erne|ene|s|ens|ets)?"
# Long endings match the end of a compound (``polititalsmand``); short ones (``fn``, ``mp``) only a
# whole word.
_ROLE_WORD = re.compile(
    r"^(?:\w*(?:"
    + "|".join(sorted((e for e in _ENDINGS if len(e) > 3), key=len, reverse=True))
    + r")|(?:"
    + "|".join(sorted((e for e in _ENDINGS if len(e) <= 3), key=len, reverse=True))
    + rf")){_SUFFIX}$",
    re.IGNORECASE,
)
# Prepositions that make a role someone's agent: "spokesman for", "talsmand for", "chef för".
_FOR = re.compile(r"\s(?:for|of|til|för|hos|für|de|di|du|del|af|av)\s", re.IGNORECASE)
_GENITIVE = re.compile(r"(?:['’]s|s)$")
_HEAD_AFTER = re.compile(r"\s+([^\W\d_][\w-]*)")
_PROPER_NAME = re.compile(r"^(?:[A-ZÆØÅÄÖÜÉ][\w'’.-]*)(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]*)*$")


@dataclass(frozen=True, slots=True)
class QuoteCredit:
    speaker: str | None  # the person or body that spoke, when the article names it
    role: str | None  # their role as the article gives it
    on_behalf_of: str | None  # whom a spokesperson or press office speaks for
    label: str  # how every view shows the credit


def story_names(analyses: Iterable[Analysis]) -> frozenset[str]:
    """The names a story's articles give (their entity mentions): what every view passes to
    :func:`credit_quote` as ``known_names``, so a quote is credited alike everywhere."""
    return frozenset(mention.text for analysis in analyses for mention in analysis.entities)


def credited_quotes(
    article: Article, analysis: Analysis, known_names: Iterable[str]
) -> list[tuple[Quote, QuoteCredit | None]]:
    """The article's quotes with their credits, as the article page, the CLI and the export
    tables show them (``known_names``: :func:`story_names` of the article's story)."""
    known = list(known_names)
    return [
        (quote, credit_quote(quote, article, analysis.entities, known)) for quote in analysis.quotes
    ]


def credit_quote(
    quote: Quote,
    article: Article,
    entities: Sequence[EntityMention],
    known_names: Iterable[str] = (),
) -> QuoteCredit | None:
    """The credit of a quote, or None when the stored speaker is no person, body or named role.

    ``known_names`` are more names the story gives (for a genitive's base form)."""
    text = next((p.text for p in article.paragraphs if p.index == quote.paragraph), "")
    names = [m.text for m in entities] + list(known_names)
    role = _clean(quote.speaker_role)
    if role is not None and not any(_ROLE_WORD.match(word) for word in _words(role)):
        role = None
    name = _clean(quote.speaker)
    if name is not None:
        base = _genitive_base(name, names)
        if base is not None:
            head = _HEAD_AFTER.match(text[text.find(name) + len(name) :]) if name in text else None
            if head is None or not head.group(1)[0].islower():
                name = None
            else:
                owners = sorted(n for n in names if n.casefold().endswith(base.casefold()))
                owner = max(owners, key=len)  # sorted first: ties never depend on set order
                body = f"{name} {head.group(1)}"
                return QuoteCredit(body, role, owner, body)
        elif not (
            _is_mention(name, names)
            or _ROLE_WORD.match(_words(name)[-1])
            or (not entities and _PROPER_NAME.match(name))  # no entity mentions to check against
            or (role is not None and _PROPER_NAME.match(name) and _named_with(role, name, text))
        ):
            name = None
    if name is None:
        return QuoteCredit(None, role, None, role) if role else None
    if role is None or role.casefold() in name.casefold():
        return QuoteCredit(name, None, None, name)
    if (
        _FOR.search(f" {role} ")
        and f"{role} {name}".casefold() in " ".join(text.split()).casefold()
    ):
        # "talsmann for Russlands president Vladimir Putin": the name is whom the role serves
        return QuoteCredit(None, role, name, f"{role} {name}")
    return QuoteCredit(name, role, None, f"{name}, {role}")


def _named_with(role: str, name: str, text: str) -> bool:
    """Whether the text names the speaker with their role: ``politiinspektør Anne Holmvik``,
    ``Anne Holmvik, politiinspektør`` (a named-role mention)."""
    folded = " ".join(text.split()).casefold()
    return any(phrase.casefold() in folded for phrase in (f"{role} {name}", f"{name}, {role}"))


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split()).strip(" ,:;")
    return value or None


def _words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", text) or [text]


def _is_mention(name: str, names: Sequence[str]) -> bool:
    folded = name.casefold()
    for mention in names:
        other = mention.casefold()
        if other == folded or has_word(other, folded) or has_word(folded, other):
            return True
    return False


def _word_character(character: str) -> bool:
    return character.isalnum() or character == "_"  # what ``\w`` matches in a str pattern


def has_word(text: str, part: str) -> bool:
    r"""Whether ``part`` stands in ``text`` with no word character right before or after it: the
    search ``(?<!\w)PART(?!\w)`` without compiling a pattern for every pair of names (a story's
    export compared millions of pairs and re's cache of 512 patterns could not hold them)."""
    start = text.find(part)
    while start != -1:
        end = start + len(part)
        if (start == 0 or not _word_character(text[start - 1])) and (
            end == len(text) or not _word_character(text[end])
        ):
            return True
        start = text.find(part, start + 1)
    return False


def _genitive_base(name: str, names: Sequence[str]) -> str | None:
    """The name without its genitive ending when the story also gives it without (``Bergs`` and
    ``Berg``), else None."""
    match = _GENITIVE.search(name)
    if match is None:
        return None
    base = name[: match.start()]
    if len(base) < 2:
        return None
    for mention in names:
        folded = mention.casefold()
        if folded == base.casefold() or folded.endswith(" " + base.casefold()):
            return base
    return None
