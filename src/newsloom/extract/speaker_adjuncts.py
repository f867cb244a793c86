"""What stands around a speaker without being the speaker: the adverbs, days and people told
between an inverted reporting verb and its subject (``a déclaré aux journalistes X``, ``ha detto
ai giornalisti mercoledì il ministro``, ``dijo el jueves un funcionario``), a time or the paper
told after it (``a déclaré Netanyahu ce week-end``, ``sagte X der Deutschen Presse-Agentur``).

:func:`subject_phrase` cleans the start of a speaker phrase (None where no subject is left: the
language left it out); :func:`cut_trailing_time` its end. Used by
:func:`newsloom.extract.speakers.parse_speaker`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from newsloom.extract.quote_words import AUXILIARIES, DETERMINERS, PRONOUNS
from newsloom.extract.resources import load_tables, own_word_set, table_words, words_pattern
from newsloom.extract.role_words import ends_in_role
from newsloom.process_cache import compile_pattern

_DETERMINER_WORD = re.compile(DETERMINERS, re.IGNORECASE)

_LOWER_LETTERS = "a-zæøåäöüéèêëàâçîïôûùÿñáíóúãõìòłśżźćńęą"


# words that point a day or a part of it at the time of the report ("el pasado viernes", "am
# Mittwoch", "ce matin", "lunedì scorso")
_DEICTIC = (
    "el|la|le|il|lo|o|a|am|on|w|we|the|this|last|este|esta|ese|esa|ce|cette|questo|questa|dieser"
    "|diesen"
    "|pasado|pasada|passé|dernier|scorso|scorsa"
)


@cache
def _time_words() -> str:
    """A day or a part of one (``el jueves``, ``ieri sera``, ``la noche del domingo``, ``ce
    matin``), from the days, the words for yesterday and today and the parts of the day of every
    table's language (dateparser and CLDR data via
    :func:`~newsloom.extract.date_words.date_words`): a pattern."""
    from newsloom.extract.date_words import date_words

    words = date_words(tuple(sorted(load_tables())))
    # Portuguese "segunda", "quinta" … (for "segunda-feira") are ordinals in Spanish and Italian
    weekdays = {day for day in words.weekdays if f"{day}-feira" not in words.weekdays}
    days = words_pattern(sorted({*weekdays, *words.relative}))
    parts = words_pattern(sorted(words.parts))
    after = (
        rf"(?:\s+(?:{parts}|pasado|pasada|dernier|passé|scorso|scorsa))?"
        rf"(?:\s+(?:por|dans|in|en|am)\s+(?:la\s+|el\s+|le\s+|the\s+)?(?:{parts}|soirée|serata))?"
    )
    dates = _dates(words.months)
    return (
        rf"(?:(?:{_DEICTIC})\s+)*(?:{dates}|{days}(?:,?\s+{dates})?{after}"
        rf"|{parts}(?:\s+(?:del|de|di|du|von)\s+(?:{_DEICTIC}\s+)?{days})?)"
    )


def _dates(months: Collection[str]) -> str:
    """A calendar date with its day or year (``30 de noviembre``, ``6. März 2020``, ``March
    11``, ``noviembre de 2009``), or a month or a year after "in" (``en julio``, ``in 1981``):
    when something was said, never who said it. A month alone is no date (``May``); a date
    after "de"/"del" is a noun's (``un cable del 26 de octubre``, ``a fines de octubre``)."""
    month = rf"{words_pattern(sorted(months))}\.?"
    year = r"(?:1[89]|20)\d\d(?!\d)"
    return (
        r"(?<!\bde\s)(?<!\bdel\s)"
        rf"(?:\d{{1,2}}(?:º|\.)?\s+(?:de\s+)?{month}(?:,?\s+(?:de\s+|del\s+)?{year})?"
        rf"|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,?\s+{year})?"
        rf"|{month}\s+(?:de\s+)?{year}"
        rf"|(?:en|in)\s+(?:{month}|{year}))"
    )


@cache
def _time_phrase() -> re.Pattern[str]:
    """A time opening a speaker phrase (``Este martes``, ``el domingo por la noche``)."""
    return compile_pattern(rf"{_time_words()}(?![\w'’-])", re.IGNORECASE)


@cache
def _leading_adjunct() -> re.Pattern[str]:
    """What may stand between an inverted reporting verb and its subject: an adverb (a table's
    sentence adverbs, a Romance ``-ment``/``-mente`` adverb: ``a répondu brusquement Gantz``), a
    day (``ha detto mercoledì il ministro``), the people told (``a déclaré aux journalistes
    Kemmerich``, ``dijo a los periodistas el portavoz``) — when a subject (a determiner or a
    capital) follows."""
    adverbs = words_pattern(sorted(word for word in table_words("adverbs") if " " not in word))
    told_to = (
        r"(?:(?:à|aux|au|ai|agli|alle|alla|al|ao|aos|às|to)\s+"
        r"(?:(?:la|les|le|los|las|the|o|os|as|i|gli)\s+|l['’])?"
        # bare "a" only before an article ("a los periodistas"; English "a statement" is none)
        r"|a\s+(?:(?:la|las|los|el|les|le|o|os|as|un|una|une)\s+|l['’]))"
    )
    told = rf"{told_to}[{_LOWER_LETTERS}][\w'’-]*"
    # a kind of medium (the tables' ``medium_nouns``), maybe an adjective, and the one word of
    # its name before the subject's name: "asegura a la agencia Reuters Mohammad Salam"
    kind = words_pattern(table_words("medium_nouns"))
    medium_kind = (
        # (all of its name before the subject's determiner, "a la cadena estadounidense CNN el
        # portavoz", "a la cadena Al Jazeera una persona"; else one word)
        rf"{told_to}{kind}(?:\s+[{_LOWER_LETTERS}][\w'’-]*)?"
        rf"(?:(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]*)+(?=\s+(?:{DETERMINERS})\s)"
        r"|\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]*(?=\s+[A-ZÆØÅÄÖÜÉ]))"
    )
    # the paper or channel told, named after its common noun: "a la agencia AFP", "a la cadena
    # Al Jazeera" (before the subject's determiner)
    medium = rf"{told}(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]*)+(?=\s+(?:{DETERMINERS})\s)"
    # the agency or channel told by its name alone: "ha detto all'Afp il portavoce", "a
    # déclaré à l'AFP le porte-parole", "ha detto ad Al Jazeera il ministro"
    named = (
        r"(?:(?:à|a|ad|al|alla|ai|agli|au|aux)\s+(?:l['’])?|all['’]|à\s+l['’])"
        rf"[A-ZÆØÅÄÖÜÉ][\w'’.-]*(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]*)*(?=\s+(?:{DETERMINERS})\s)"
    )
    return compile_pattern(
        rf"^(?:[{_LOWER_LETTERS}]{{3,}}(?:ment|mente)|{adverbs}|{_time_words()}|{medium_kind}"
        rf"|{medium}|{named}"
        rf"|{told}),?\s+"
    )


# a place or medium phrase: "en el canal", "dans un entretien", "im Fernsehen", "on television"
_PREPOSITION_START = re.compile(
    r"^(?:en|dans|con|avec|durante|pendant|lors|in|im|nel|nella|no|na|em|during|at|on|auf|bei"
    r"|desde|depuis|from|aus|von|da|dal|dalla|w|we|podczas)\s+"
    rf"(?:(?:{DETERMINERS})\s|l['’]|[A-ZÆØÅÄÖÜÉ])"
)
# a possessive opening a subject ("explicó ayer su padre, Javier García")
_POSSESSIVES = (
    "su|sus|son|sa|ses|leur|leurs|suo|sua|suoi|sue|seu|seus|suas|sein|seine|seiner|ihr|ihre"
    "|his|her|its|their|zijn|haar|hun|jego|jej|ich"
)
# nothing, or a phrase that says where, how or with whom: no subject ("el domingo por la noche")
_NO_SUBJECT = re.compile(
    r"^(?:$|(?:por|en|dans|in|con|avec|tras|desde|depuis|durante|pendant|junto|ante"
    # (no Polish "w", "na": Polish puts a place phrase before a subject it keeps, "w sobotę na
    # Facebooku Agnieszka Szydłowska")
    r"|según|after|before|at|on|during|nach|vor|bei|im|am|auf|nel|nella"
    r"|dopo|prima|da|dal|dalla|lors|après|avant)(?![\w'’-]))",
    re.IGNORECASE,
)
_SUBJECT_START = re.compile(rf"^(?:(?:{DETERMINERS}|{_POSSESSIVES})\s|[A-ZÆØÅÄÖÜÉŁŚŻ])")


def _strip_adjuncts(phrase: str) -> str:
    """The speaker phrase after an inverted verb without the adverbs, days and the people told
    that stand before its subject (at most three of them), when a subject follows them."""
    stripped = phrase
    for _ in range(3):
        found = _leading_adjunct().match(stripped)
        if found is None:
            break
        stripped = stripped[found.end() :]
    if stripped != phrase and _PREPOSITION_START.match(stripped):
        return phrase  # "teraz na Facebooku prezydent": a place phrase may stand before a subject
    return stripped if stripped != phrase and _SUBJECT_START.match(stripped) else phrase


@cache
def _lower_stop() -> re.Pattern[str]:
    """Lowercase words that end a speaker phrase where the capitalised form may belong to a name
    (so matched with case): the days and yesterday/today words of the tables (``a déclaré
    Netanyahu ce week-end``, ``dijo Saleh el martes``), French ``ce``/``cette``, German ``nach``
    (``sagte Söder nach der Sitzung``), Polish ``podczas`` (not ``w``/``na``: Polish fronts
    place phrases before a subject, ``w środę do wiernych na placu papież powiedział``), the
    words for "after" and "while"
    (``dopo aver distribuito``)."""
    return compile_pattern(
        rf"\s(?:{_time_words()}|ce|cette|nach|podczas"
        # "after", "while": what the speaker did next ("… Varawut Silpa-Archa dopo aver …")
        # (with the infinitive "after" takes: "poco después" alone is "shortly after")
        r"|dopo\s+(?:aver|essere)|après\s+(?:avoir|être)|después\s+de|depois\s+de"
        r"|mentre|mientras|enquanto|nachdem|während|terwijl)"
        r"(?![\w'’-]).*$",
        re.DOTALL,
    )


# "sagte Ufo-Sprecher Nicolay Baublies der Deutschen Presse-Agentur", "sagte Krings der
# Düsseldorfer »Rheinischen Post«": after a name (a surname alone too: a German noun has an
# article there, "der Sprecher der Polizei"), "der"/"dem" + a capital is the paper or agency
# told (dative), not a genitive of the speaker's
_NAME_THEN_DATIVE = re.compile(
    r"(?<![\w'’-])(?P<name>[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+)?)\s+(?:der|dem)\s+[„\"»«“]?[A-ZÄÖÜ]"
)


# "a déclaré Kurz à notre rédaction", "ha detto Marco Rossi alla Stampa", "ha riferito Ron
# French su Bridge Magazine": after a name, "to" or "on" (the tables' ``told_after_name``)
# and what follows is the paper or channel told (the Romance form of the German dative above);
# not "al", a particle of Arabic names in Spanish ("Walid al Mualem")
_NAME_THEN_TOLD = re.compile(
    r"(?<![\w'’-])(?P<name>[A-ZÆØÅÄÖÜÉ][\w'’.-]*(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]*)*)"
    # (a time between them: "ha riferito Ron French questa settimana su Bridge Magazine")
    rf"(?:\s+[{_LOWER_LETTERS}][\w'’-]*){{0,2}}"
    # (an elided one, "all'", runs into the next word)
    rf"\s+{words_pattern(table_words('told_after_name'), whole=False)}(?:(?<=['’])|\s)"
)


# pronouns that are finite verbs in another language read with the same patterns (Nordic "er" is
# "is", Spanish "han" "have"): "det er i strid med" is no pronoun subject
_VERB_HOMOGRAPH = re.compile(rf"{AUXILIARIES}|er", re.IGNORECASE)


def _before_dative(phrase: str) -> str:
    told = _NAME_THEN_TOLD.search(phrase)
    if told is not None and not _DETERMINER_WORD.fullmatch(told.group("name").split()[0]):
        phrase = phrase[: told.end("name")]
    named = _NAME_THEN_DATIVE.search(phrase)
    if named is None or _DETERMINER_WORD.fullmatch(named.group("name").split()[0]):
        return phrase  # "Der Sprecher der Polizei": a role and whose it is
    if _role_and_whose(named.group("name"), phrase[named.end("name") :]):
        return phrase
    return phrase[: named.end("name")]


# the tables' ``body_kinds`` ("zeitung", "agentur", "sender"): a noun for a medium a speaker
# tells
_MEDIUM_KINDS = table_words("body_kinds")


def _role_and_whose(noun: str, after: str) -> bool:
    """Whether ``der`` and a capitalised word after ``noun`` are the body a role belongs to, in
    the genitive (``ein Sprecher der Polizei``, ``die Leiterin der Linzer Staatsanwaltschaft``),
    not the paper or agency told, in the dative: ``noun`` is a role word and no medium follows
    (``sagte ein Polizeisprecher der Deutschen Presse-Agentur``, ``der „Welt“``)."""
    if " " in noun or not ends_in_role(noun):
        return False
    words = after.split()
    if len(words) < 2 or words[0] != "der" or not words[1][:1].isupper():
        return False
    told = " ".join(words[1:4]).lower()
    return not any(kind in told for kind in _MEDIUM_KINDS)


def _pronoun_first(phrase: str, language: str | None = None) -> bool:
    """``er dem US-Sender``, ``he in a statement``: a pronoun subject, then whom it told (or
    how it was said: ``sagde han lavt``, in a text whose language has ``han`` for a pronoun)."""
    first = phrase.split(maxsplit=2)
    return (
        len(first) > 1
        and first[0] in PRONOUNS
        and not _DETERMINER_WORD.fullmatch(first[0])
        and (
            not _VERB_HOMOGRAPH.fullmatch(first[0])
            # a pronoun of the text's own table is its pronoun there (Danish "han" is "he",
            # whatever Spanish "han" is)
            or first[0] in own_word_set(language, "pronouns")
            or first[1] in ("dem", "gegenüber", "am", "im", "zu")  # "sagte er dem Sender"
            # "wie er der Polizei gegenüber berichtete": whom he told, with a postposition
            or (first[1] == "der" and phrase.rstrip().endswith("gegenüber"))
            # "sagte er der Nachrichtenagentur AFP", "sagte sie der Zeitung": "der" and a noun
            # (capitalised) after a pronoun subject is whom it told (dative)
            or (first[1] == "der" and len(first) > 2 and first[2][:1].isupper())
        )
        and first[1][:1].islower()
    )


def subject_phrase(phrase: str, language: str | None = None) -> str | None:
    """``phrase`` from its subject on (the leading time, adverbs and people told dropped, a German
    dative paper after a full name cut), or None where no subject is there: a time alone or with
    a place after it (``Este martes``, ``el domingo por la noche``), the subject left out as
    Romance languages and Polish leave it; a pronoun and whom it told."""
    stripped = phrase.strip(" ,")
    timed = _time_phrase().match(stripped)
    if timed is not None:
        rest = stripped[timed.end() :].lstrip(" ,")
        if _NO_SUBJECT.match(rest):
            return None
        phrase = rest  # "dijo el miércoles investigadores de la ONU": the subject after it
    phrase = _before_dative(_strip_adjuncts(phrase.strip()))
    if not phrase or _pronoun_first(phrase, language):
        return None
    return phrase


def is_time_word(word: str) -> bool:
    """``ayer``, ``hier``, ``Montag``: a word that names a day (parse_speaker reads what
    follows it)."""
    return _time_phrase().fullmatch(word) is not None


def cut_trailing_time(text: str) -> str:
    """``text`` up to a time or place word after the speaker (see :func:`_lower_stop`)."""
    return _lower_stop().sub("", text)
