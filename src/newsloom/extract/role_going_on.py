"""A role that refers back to the person quoted just before it (es ``"…", insiste el
político`` after the quote of a minister named before), and the helpers that find a role's
mention near a quote, and the checks that keep an English or German role from referring back
(someone introduced with "a", the unnamed role that spoke just before), and a Scandinavian
definite noun for someone introduced unnamed (``En nabokvinne …. – …, sier nabokvinnen``); read by
:mod:`newsloom.extract.speaker_resolution`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.named_people import NamedPerson
from newsloom.extract.resources import SCANDINAVIAN, own_words, resources_for, table_word_set
from newsloom.extract.role_words import ends_in_role, is_role_word
from newsloom.extract.speaker_names import ArticleNames
from newsloom.records import Quote

ROLE_REACH = 200  # characters between a quote and the role it refers back with


def distance(mention: re.Match[str], quote: Quote) -> int:
    return (
        quote.start - mention.end() if mention.end() <= quote.start else mention.start() - quote.end
    )


# a span of a text as a match: what nearest_mention gives for the mention it found by hand
_SPAN = re.compile(r".*", re.DOTALL)


def _word_character(character: str) -> bool:
    """What ``[\\w-]`` matches: a letter, digit or underscore (``\\w``), or a hyphen."""
    return character.isalnum() or character in "_-"


def _mention_starts(text: str, phrase: str) -> list[int]:
    """Where ``phrase`` stands in ``text`` as whole words, as ``(?<![\\w-])phrase(?![\\w-])``
    finds it (left to right, none inside the one before), found with ``str.find``: no pattern
    is compiled for each role."""
    starts: list[int] = []
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not _word_character(text[at - 1])) and (
            end == len(text) or not _word_character(text[end])
        ):
            starts.append(at)
            at = text.find(phrase, end)
        else:
            at = text.find(phrase, at + 1)
    return starts


def nearest_mention(text: str, phrase: str, quote: Quote) -> re.Match[str] | None:
    """The mention of ``phrase`` in ``text`` nearest to the quote (before or after it)."""
    if not phrase:
        return _empty_mention(text, quote)
    starts = _mention_starts(text, phrase)
    if not starts:
        return None
    length = len(phrase)
    at = min(
        starts,
        key=lambda start: abs(
            quote.start - (start + length) if start + length <= quote.start else start - quote.end
        ),
    )
    return _SPAN.match(text, at, at + length)


def _empty_mention(text: str, quote: Quote) -> re.Match[str] | None:
    """:func:`nearest_mention` of no phrase: the nearest place between two non-words."""
    mentions = list(re.finditer(r"(?<![\w-])(?![\w-])", text))
    if not mentions:
        return None
    return min(mentions, key=lambda mention: abs(distance(mention, quote)))


# a name set off by commas after a role and what it belongs to ("der Generalsekretär der PLO,
# Saeb Erekat"): the role's holder is named there
HOLDER_AFTER = re.compile(r"^(?:\s+[^\s,.;:]+){0,6}\s*,\s+[^\W\d_][\w-]*\s+[^\W\d_]")


_ORGANISATION_WORDS = table_word_set("organisations")


def role_goes_on(quote: Quote, names: ArticleNames, language: str | None) -> bool:
    """Whether a role no one holds is the person who spoke just before going on (the table's
    ``going_on_articles``: ``"…", insiste el político`` after the quote of a minister named
    before): one of them stands right before the role's mention near the quote, a word of the
    role is a role word, and no name is set off after it (``el portavoz, Juan Díaz``)."""
    table = resources_for(language)
    role = quote.speaker_role or ""
    articles = table.quotes.get("going_on_articles", ()) if table is not None else ()
    words = role.lower().split()
    if (
        not articles
        or not any(is_role_word(word) for word in words)
        # "la agencia oficial de noticias", "la televisión oficial siria": a body
        or any(word in _ORGANISATION_WORDS for word in words)
    ):
        return False
    text = names.paragraphs.get(quote.paragraph, "")
    nearest = nearest_mention(text, role, quote)
    if nearest is None or distance(nearest, quote) > ROLE_REACH:
        return False
    before = text[: nearest.start()].split()
    after = text[nearest.end() :]
    named = HOLDER_AFTER.match(after)
    # "el portavoz, Juan Díaz": a name set off after it; not "el ex ministro, refiriéndose a"
    return (
        bool(before)
        and before[-1].lower() in articles
        and (named is None or not_a_name_after(after))
    )


def not_a_name_after(after: str) -> bool:
    """Whether the words set off by a comma after a role are no name: they open lowercase."""
    words = after.partition(",")[2].split()
    return not words or not words[0][:1].isupper()


def role_before(person: NamedPerson, names: ArticleNames, *, set_off: bool = False) -> bool:
    """Whether a role word stands among the words before this mention in its sentence (``El
    ministro de Justicia, Mustafa Jalil``) or set off after it (``Ahmed Yarba, presidente de
    …``); ``set_off``: only a role before the name set off by a comma (``el enviado especial de
    teleSUR, Rolando Segura``)."""
    text = names.paragraphs.get(person.paragraph, "")
    before = re.split(r"[.;:!?]", text[max(0, person.start - 120) : person.start])[-1]
    if set_off:
        return before.rstrip().endswith(",") and any(
            ends_in_role(word.strip(",")) for word in before.split()[-6:]
        )
    after = text[person.start + len(person.name) : person.start + len(person.name) + 60]
    words = before.split()[-6:] + (after.split()[:4] if after.startswith(",") else [])
    return any(ends_in_role(word.strip(",")) for word in words)


def given_a_role(speaker: str, names: ArticleNames) -> bool:
    """Whether the article names ``speaker`` with a role (:func:`role_before`)."""
    return any(
        role_before(person, names)
        for person in names.people
        if person.name in speaker or speaker in person.name
    )


def someone_new_between(text: str, language: str | None) -> bool:
    """Whether ``text`` (between the quote before and a role going on) brings someone new in: a
    determiner that does not refer back (es ``una``, ``los``) with a role word within three
    words after it (``Una destacada fuente del Gobierno manifiesta …. La fuente señaló``)."""
    table = resources_for(language)
    if table is None:
        return False
    referring = set(table.quotes.get("going_on_articles", ()))
    others = {word for word in table.quotes.get("determiners", ()) if word not in referring}
    words = text.split()
    return any(
        word.lower() in others and any(ends_in_role(after) for after in words[at + 1 : at + 4])
        for at, word in enumerate(words)
    )


def introduced_as_someone(
    role: str, quote: Quote, names: ArticleNames, articles: Sequence[str]
) -> bool:
    """Whether the article wrote the role with an indefinite article (the table's ``one``
    words: ``a``, ``ein``) right before it, before the quote: someone new, whom the role with the
    definite article refers back to (not ``a gaming labour activist`` in ``A Macau gaming labour
    activist group``, a word between)."""
    if not articles:
        return False
    written = (
        "\n".join(text for index, text in names.paragraphs.items() if index < quote.paragraph)
        + "\n"
        + names.paragraphs.get(quote.paragraph, "")[: quote.start]
    )
    pattern = rf"(?<![\w-])(?:{'|'.join(map(re.escape, articles))})\s+{re.escape(role)}(?![\w-])"
    return re.search(pattern, written, re.IGNORECASE) is not None


def role_spoke_unnamed(resolved: Sequence[Quote], quote: Quote) -> bool:
    """Whether the quote before, in this paragraph or the one before, is the same role's, with
    no one named for it (``The store manager told News4 …`` then ``…, the store manager said``):
    the role goes on speaking, not the person named last."""
    if not resolved:
        return False
    before = resolved[-1]
    return (
        before.speaker is None
        and before.speaker_role == quote.speaker_role
        and quote.paragraph - 1 <= before.paragraph <= quote.paragraph
    )


MOST_WORDS_BETWEEN = 2  # adjectives between an indefinite article and its noun ("en sped mann")


def _indefinite_mentions(
    role: str, quote: Quote, names: ArticleNames, language: str | None
) -> list[tuple[int, str, re.Match[str]]]:
    """Where the noun of a one-word definite ``role`` (``mannen``, ``nabokvinnen``) stands in
    its indefinite form before the quote, after the table's ``one`` words and at most
    :data:`MOST_WORDS_BETWEEN` words (``En nabokvinne``, ``en sped mann``): each paragraph's
    index, text and the words found, in the article's order. None for a title
    (``forskeren``, ``treneren``: written with "en" for anyone who might hold it, ``klubben
    trenger en ny trener``). Scandinavian only: the article is a suffix there, the
    indefinite form the noun without it."""
    table = resources_for(language)
    words = role.split()
    if language not in SCANDINAVIAN or table is None or not table.one_words or len(words) != 1:
        return []
    word = words[0].lower()
    if ends_in_role(word):
        return []
    stems = {
        word[: -len(suffix)]
        for suffix in own_words(language, "definite_suffixes")  # "mannen", "vitne-t", "kvinn-a"
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_NOUN_STEM
    }
    if not stems:
        return []
    forms = sorted({form for stem in stems for form in (stem, f"{stem}e")}, key=len, reverse=True)
    one = "|".join(map(re.escape, table.one_words))
    nouns = "|".join(map(re.escape, forms))
    pattern = re.compile(
        rf"(?<![\w-])(?:{one})\s+(?:[^\W\d_]+\s+){{0,{MOST_WORDS_BETWEEN}}}?(?:{nouns})(?![\w-])",
        re.IGNORECASE,
    )
    found: list[tuple[int, str, re.Match[str]]] = []
    for index, text in sorted(names.paragraphs.items()):
        if index > quote.paragraph:
            continue
        end = quote.start if index == quote.paragraph else len(text)
        found += [(index, text, mention) for mention in pattern.finditer(text, 0, end)]
    return found


def _describes(text: str, found: re.Match[str], language: str | None) -> bool:
    """Whether the noun ``found`` follows a predicative verb (``Holm er en erfaren forsker``):
    a description of someone named, not someone new."""
    previous = text[: found.start()].split()[-1:]
    return bool(previous) and previous[0].lower() in own_words(language, "predicative_verbs")


def introduced_unnamed(role: str, quote: Quote, names: ArticleNames, language: str | None) -> bool:
    """Whether a definite noun for a person (``nabokvinnen``, ``mannen``, ``vitnet``) was
    introduced before the quote in its indefinite form (:func:`_indefinite_mentions`), with
    no name set off beside it (``En nabokvinne forteller at …``, ``En sped mann.``, not ``en
    forsker ved UiO, Kari Holm``): someone new, left unnamed, whom the definite noun refers to — not
    the person the article named last (the girl the neighbour talks of, the patient at whose bed
    the man stands)."""
    return any(
        not _describes(text, found, language)
        and not any(
            person.paragraph == index and _set_off(text, found, person) for person in names.people
        )
        for index, text, found in _indefinite_mentions(role, quote, names, language)
    )


def introduced_as(role: str, quote: Quote, names: ArticleNames, language: str | None) -> str | None:
    """The person the article introduced before the quote with the indefinite noun of a
    one-word definite ``role``: named beside it (``en mann, Per Hansen,``) or described by it
    (``Kari Holm er en sterk kvinne``: the person named last before it in its sentence); the
    last such, else None."""
    for index, text, found in reversed(_indefinite_mentions(role, quote, names, language)):
        here = [person for person in names.people if person.paragraph == index]
        if _describes(text, found, language):
            opening = max(
                (stop.end() for stop in _SENTENCE_STOP.finditer(text, 0, found.start())),
                default=0,
            )
            subjects = [person for person in here if opening <= person.start < found.start()]
            if subjects:
                return subjects[-1].name
        elif beside := [person for person in here if _set_off(text, found, person)]:
            return beside[0].name
    return None


APPOSITION_WORDS = 5  # words between a noun and the name set off after it ("ved UiO, Kari Holm")


def _set_off(text: str, found: re.Match[str], person: NamedPerson) -> bool:
    """Whether ``person`` is named in apposition to the noun ``found``: set off by a comma
    right before it (``Kari Holm, en nabokvinne``) or after it, a few words on (``en forsker
    ved UiO, Kari Holm``)."""
    before = text[person.start + len(person.name) : found.start()]
    after = text[found.end() : person.start]
    return (person.start < found.start() and before.strip() == ",") or (
        person.start >= found.end()
        and "," in after
        and len(after.split()) <= APPOSITION_WORDS
        and not _SENTENCE_STOP.search(after)
    )


_SENTENCE_STOP = re.compile(r"[.!?:](?=\s|$)")


MIN_NOUN_STEM = 3  # "mann", "gutt": no shorter stem names a person
