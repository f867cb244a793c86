"""Calendar words from locale data (dateparser's tables, CLDR via babel) in every language family:
relative days, weekdays, parts of day and written dates, resolved against the publication date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newsloom.extract.date_words import date_words, languages_for
from newsloom.extract.times import find_times, reresolve
from newsloom.records import DatePrecision

THURSDAY = datetime(2022, 1, 6, 12, 0)  # published Thursday 6 January 2022, noon
WEDNESDAY, TUESDAY, MONDAY = date(2022, 1, 5), date(2022, 1, 4), date(2022, 1, 3)


def resolved(text: str, language: str | None) -> dict[str, tuple[date | None, str | None]]:
    return {
        time.text.lower(): (time.value, time.precision.value if time.precision else None)
        for time in find_times(text, 0, THURSDAY, DatePrecision.TIME, language=language)
    }


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("da", "Det skete i går og i forgårs.", {"i går": WEDNESDAY, "i forgårs": TUESDAY}),
        ("nb", "Det skjedde i går og i forgårs.", {"i går": WEDNESDAY, "i forgårs": TUESDAY}),
        ("nn", "Det hende i går.", {"i går": WEDNESDAY}),
        ("sv", "Det hände igår och i förrgår.", {"igår": WEDNESDAY, "i förrgår": TUESDAY}),
        ("en", "It happened yesterday.", {"yesterday": WEDNESDAY}),
        ("de", "Es geschah gestern und vorgestern.", {"gestern": WEDNESDAY, "vorgestern": TUESDAY}),
        ("fr", "Cela s'est passé hier et avant-hier.", {"hier": WEDNESDAY, "avant-hier": TUESDAY}),
        ("es", "Ocurrió ayer y anteayer.", {"ayer": WEDNESDAY, "anteayer": TUESDAY}),
        ("it", "È successo ieri.", {"ieri": WEDNESDAY}),
    ],
)
def test_relative_days_in_each_language(
    language: str, text: str, expected: dict[str, date]
) -> None:
    found = resolved(text, language)
    assert {phrase: found[phrase][0] for phrase in expected} == expected


@pytest.mark.parametrize(
    ("language", "text", "phrase"),
    [
        ("da", "Mødet blev holdt tirsdag.", "tirsdag"),
        ("nb", "Møtet ble holdt tirsdag.", "tirsdag"),
        ("nn", "Møtet vart halde tysdag.", "tysdag"),
        ("sv", "Mötet hölls i tisdags.", "i tisdags"),
        ("en", "The meeting was held on Tuesday.", "on tuesday"),
        ("de", "Das Treffen fand am Dienstag statt.", "am dienstag"),
        ("fr", "La réunion a eu lieu mardi.", "mardi"),
        ("es", "La reunión se celebró el martes.", "el martes"),
        ("it", "La riunione si è tenuta martedì.", "martedì"),
    ],
)
def test_a_weekday_is_the_latest_such_day_before_publication(
    language: str, text: str, phrase: str
) -> None:
    assert resolved(text, language)[phrase] == (TUESDAY, "day")


@pytest.mark.parametrize(
    ("language", "text", "phrase", "expected"),
    [
        ("da", "Politiet greb ind natten til torsdag.", "natten til torsdag", THURSDAY.date()),
        ("da", "Han talte onsdag aften.", "onsdag aften", WEDNESDAY),
        ("en", "Shots were fired on Tuesday night.", "on tuesday night", WEDNESDAY),
        ("es", "Hubo disparos el martes por la noche.", "el martes por la noche", WEDNESDAY),
    ],
)
def test_parts_of_day(language: str, text: str, phrase: str, expected: date) -> None:
    value, precision = resolved(text, language)[phrase]
    assert value == expected
    if "night" in phrase or "natten" in phrase or "noche" in phrase:
        assert precision == "night"  # a night is dated by the morning it ends in


@pytest.mark.parametrize(
    ("language", "text", "phrase"),
    [
        ("en", "It began 3 days ago.", "3 days ago"),
        ("de", "Es begann vor 3 Tagen.", "vor 3 tagen"),
        ("fr", "Cela a commencé il y a 3 jours.", "il y a 3 jours"),
        ("es", "Comenzó hace tres días.", "hace tres días"),
        ("it", "È iniziato tre giorni fa.", "tre giorni fa"),
        ("da", "Det begyndte for tre dage siden.", "for tre dage siden"),
        ("sv", "Det började för tre dagar sedan.", "för tre dagar sedan"),
    ],
)
def test_days_ago(language: str, text: str, phrase: str) -> None:
    assert resolved(text, language)[phrase] == (MONDAY, "day")


@pytest.mark.parametrize(
    ("language", "text", "phrase"),
    [
        ("fr", "Le 4 janvier 2022, la police a tiré.", "4 janvier 2022"),
        ("it", "Il 4 gennaio 2022 la polizia ha sparato.", "4 gennaio 2022"),
        ("de", "Am 4. Januar 2022 schoss die Polizei.", "4. januar 2022"),
        ("es", "El 4 de enero de 2022 la policía disparó.", "4 de enero de 2022"),
        ("pt", "Em 4 de janeiro de 2022 a polícia disparou.", "4 de janeiro de 2022"),
        ("nl", "Op 4 januari 2022 schoot de politie.", "4 januari 2022"),
    ],
)
def test_written_dates_in_more_languages(language: str, text: str, phrase: str) -> None:
    assert resolved(text, language)[phrase] == (TUESDAY, "day")


def test_words_come_from_the_locale_tables_not_a_hand_list() -> None:
    words = date_words(("fi",))
    assert words.weekdays["keskiviikko"] == 2  # Finnish Wednesday: nobody typed it in here
    assert words.relative["eilen"] == -1  # Finnish "yesterday"
    assert date_words(("pl",)).months["stycznia"] == 1  # Polish genitive of January


def test_ambiguous_words_are_read_as_the_part_of_day() -> None:
    assert "mañana" not in date_words(("es",)).relative  # "tomorrow" and "morning"
    assert "morgen" not in date_words(("de",)).relative
    assert not resolved("Wir treffen uns morgen früh.", "de")


def test_scandinavian_siblings_read_each_others_words() -> None:
    assert {"da", "nb", "nn", "sv", "en"} <= set(languages_for("da"))
    assert resolved("Det hände i tisdags.", "da")["i tisdags"] == (TUESDAY, "day")


def test_an_unknown_language_reads_the_main_ones() -> None:
    assert resolved("ayer", None)["ayer"] == (WEDNESDAY, "day")


def test_undated_articles_keep_the_rule_and_resolve_later() -> None:
    found = find_times("Es geschah am Dienstag.", 0, None, None, language="de")
    assert [(t.value, t.rule) for t in found] == [(None, "weekday:1:past")]
    assert [t.value for t in reresolve(tuple(found), THURSDAY.date())] == [TUESDAY]
    assert [t.value for t in reresolve(tuple(found), None, None, inferred=False)] == [None]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "On 03/10/2014 the plane vanished.", date(2014, 3, 10)),  # CLDR en: month first
        ("da", "Den 03.10.2014 forsvandt flyet.", date(2014, 10, 3)),  # day first
        ("de", "Am 03.10.2014 verschwand das Flugzeug.", date(2014, 10, 3)),
        ("en", "On 25/12/2013 it began.", date(2013, 12, 25)),  # 25 can only be the day
    ],
)
def test_numeric_dates_follow_the_locale_order(language: str, text: str, expected: date) -> None:
    found = find_times(text, 0, THURSDAY, DatePrecision.TIME, language=language)
    assert [(t.value, t.precision) for t in found] == [(expected, DatePrecision.DAY)]
