"""How a quote's speaker was read, before it is resolved over the article: a pronoun with a
manner word after it, a common noun for a body, a bare role, a role the patterns took for a name,
the adjectives before a role, a role written with an article that refers back. Split from
``speaker_resolution`` (issues 16 and 22), which asks these of each quote."""

from __future__ import annotations

import re

from newsloom.extract.body_nouns import is_kind_of_body
from newsloom.extract.resources import SCANDINAVIAN, resources_for
from newsloom.extract.role_going_on import (
    HOLDER_AFTER,
    ROLE_REACH,
    distance,
    introduced_as_someone,
    nearest_mention,
)
from newsloom.extract.role_words import ends_in_role, is_role_word
from newsloom.extract.speaker_names import ArticleNames, names_a_thing
from newsloom.extract.speakers import PLURAL_PRONOUNS
from newsloom.records import Quote

DEFINITE = re.compile(r"^[^\W\d_]+(?:en|a|et|n)$")  # one word in a definite form
# a person named by age: "24-åringen" (nb, nn, da, sv), "the 24-year-old", "der 24-Jährige"
AGE_NOUN = re.compile(r"(?<![\w-])(\d{1,3})-(?:år(?:ing|ige)\w*|years?-old|jährige\w*)$", re.I)


def pronoun_with_manner(quote: Quote, language: str | None) -> bool:
    """Whether a "role" is the language's singular pronoun and one lowercase word
    (``han fornøyd``): a speaker and how they spoke, not a role (``de éstos``, Spanish ``han
    manifestado`` are not: the words are not that language's pronouns)."""
    table = resources_for(language)
    words = (quote.speaker_role or "").split()
    return (
        quote.speaker_type == "role"
        and table is not None
        and len(words) == 2
        and words[0].lower() in table.quotes.get("pronouns", ())
        and words[0].lower() not in PLURAL_PRONOUNS
        and words[1].islower()
    )


def common_organisation(quote: Quote) -> bool:
    """A speaker that is a common noun for a body: lowercase words (the first may open a
    sentence or a compound, ``TV-kanalen``) ending in an organisation word."""
    phrase = quote.speaker or quote.speaker_role or ""
    words = phrase.split()
    if not words or quote.speaker_type not in ("organisation", "role"):
        return False
    head = words[0].split("-")[-1]
    return (
        all(word[:1].islower() for word in words[1:])
        # a common noun: lowercase, or the lowercase tail of a compound ("TV-kanalen"); one
        # capitalised word ("Reuters", "Utenriksdepartementet") is a name of its own
        and head[:1].islower()
        # the noun last (TV-kanalen, the channel) or first (la organización humanitaria) is a
        # kind of body, not an institution that is a speaker as written ("politiet", "the army")
        # (the tables' ``body_kinds``)
        and any(is_kind_of_body(word) for word in (words[0], words[-1]))
        and not any(word.isupper() for word in words)
    )


def bare_role(quote: Quote, language: str | None) -> bool:
    """Whether the quote's speaker is a person's role in a language without articles (its table
    lists no determiners: Polish), which writes a role that refers back to the person named
    before as it writes any role (``wyjaśnił ordynariusz diecezji``). With articles a role refers
    back as often to someone never named (``dijo el portavoz``), so those stay roles."""
    table = resources_for(language)
    role = quote.speaker_role or ""
    return (
        table is not None
        and not table.quotes.get("determiners")
        and any(is_role_word(word) for word in role.split())
    )


# a noun for a person in the definite form, as one capitalised word: opening a sentence
# ("Fredsprisvinneren", "Forsvareren") or a compound with a lowercase noun after its hyphen
# ("Portsmouth-spilleren", "Ap-lederen"): an agent suffix (-er, -ar, -ør, -ist, -ant, -ent, -an,
# "sjef", "lending") before the article "-en" — not "Trontalen" (a speech), not "Stemningen"
# (-ing: mostly things), not the patronymic "Hansen", and no kin ("Datteren", "Morfaren"): a
# relative is someone else's, not the person named last
_PERSON_DEFINITE = (
    r"(?:(?<![dD]att)(?<![sS]øst)(?<![sS]yst)er|(?<![fF])ar|ør|ist|ant|ent|an|sjef|lending)en"
)
CAPITALISED_DEFINITE = re.compile(
    rf"^(?:[^\W\d_][^\W_]*-[a-zæøå]*|[A-ZÆØÅ][a-zæøå]{{3,}}){_PERSON_DEFINITE}$"
)


# the Scandinavian tables' nouns for a person ("mann", "kvinne", "gutt"), ending a definite noun
PERSON_NOUN = re.compile(
    rf"(?:{_PERSON_DEFINITE}|(?:"
    + "|".join(
        sorted(
            {
                re.escape(word)
                for code in SCANDINAVIAN
                if (table := resources_for(code)) is not None
                for word in table.quotes.get("person_nouns", ())
            }
        )
    )
    + r")(?:en|a|n|et))$",
    re.IGNORECASE,
)


def role_read_as_name(quote: Quote, names: ArticleNames, language: str | None) -> bool:
    """Whether a "person" speaker is a role the recogniser took for a name, in a language whose
    roles refer back with an article (its table's ``referring_articles``; German capitalises its
    nouns): it ends in a role noun and an article stands before it (``sagte die Hamburger
    Wissenschaftssenatorin``): a name is written without an article."""
    table = resources_for(language)
    speaker = quote.speaker or ""
    words = speaker.split()
    if (
        table is None
        or not table.quotes.get("referring_articles")
        or not words
        or not ends_in_role(words[-1])
    ):
        return False
    text = names.paragraphs.get(quote.paragraph, "")
    nearest = nearest_mention(text, speaker, quote)
    if nearest is None:
        return False
    articles = table.quotes["referring_articles"]
    before = text[: nearest.start()].split()
    # "der derzeitige Umfragefavorit", "die 38-jährige Künstlerin": adjectives between
    while before and before[-1].lower() not in articles and _ADJECTIVE.fullmatch(before[-1]):
        before.pop()
    return names_a_thing(text, nearest.start(), speaker) or (
        # "sagte der CDU-Politiker": a role word after the article, which names_a_thing keeps
        # as a title before a name; no name follows it here
        bool(before) and before[-1].lower() in articles and len(words) == 1
    )


# a lowercase attributive adjective (an inflected ending, or an age: "38-jährige")
_ADJECTIVE = re.compile(r"(?:\d+-)?[a-zäöüß]+(?:e|en|er|es)")


def role_with_adjectives(quote: Quote, names: ArticleNames, language: str | None) -> str:
    """The role a "person" speaker is, with the adjectives the speaker patterns took as its
    role before it (``derzeitige`` ``Umfragefavorit``) where the text writes them so."""
    speaker = quote.speaker or ""
    role = quote.speaker_role or ""
    table = resources_for(language)
    articles = table.quotes.get("determiners", ()) if table is not None else ()
    adjectives = role.split()
    if (
        adjectives
        and all(_ADJECTIVE.fullmatch(word) and word not in articles for word in adjectives)
        and f"{role} {speaker}" in names.paragraphs.get(quote.paragraph, "")
    ):
        return f"{role} {speaker}"
    return speaker


def role_refers_back(quote: Quote, names: ArticleNames, language: str | None) -> bool:
    """Whether a role speaker is written with an article the language's table lists as one
    that refers back (de ``referring_articles``: ``sagte die Hamburger Wissenschaftssenatorin``
    after ``Die … Spitzenkandidatin Katharina Fegebank hat …``): the role's nearest mention to
    the quote has that article right before it, no name set off after it (``der
    Generalsekretär der PLO, Saeb Erekat`` names its holder there; ``ein Sprecher`` is someone
    new) and nothing it belongs to (``der Minister der Kultur``)."""
    table = resources_for(language)
    role = quote.speaker_role or ""
    articles = table.quotes.get("referring_articles", ()) if table is not None else ()
    if not articles or not role.split() or not ends_in_role(role.split()[-1]):
        return False
    last = role.split()[-1].lower()
    if last.endswith("s") and is_role_word(last[:-1]):
        return False  # "the researchers said": several, not the one person named last
    if table is not None and introduced_as_someone(role, quote, names, table.one_words):
        return False  # "A store manager told …. …, the store manager said": that one, unnamed
    text = names.paragraphs.get(quote.paragraph, "")
    nearest = nearest_mention(text, role, quote)
    if nearest is None or distance(nearest, quote) > ROLE_REACH:
        return False  # a quote the role's speaker went on with, far from where it was named
    before = text[: nearest.start()].split()
    after = text[nearest.end() :]
    words = after.split()
    connectors = table.quotes.get("role_connectors", ()) if table is not None else ()
    return (
        bool(before)
        and before[-1] in articles
        and not after.startswith(",")
        and HOLDER_AFTER.match(after) is None
        # "der Minister der Kultur" is a minister of something, whom the article may name
        # elsewhere; "sagte die Senatorin der „Welt“" told a paper in marks
        and not (len(words) > 1 and words[0] in connectors and words[1][:1].isupper())
    )
