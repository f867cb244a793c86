"""Figures in real news sentences, one group per language newsloom lists (issue 22).

Each sentence is quoted, short, from a text in ``../shared/data`` (its source is in the comment
beside it: SemEval-2022 sample row and side, NorNE or DaN+ file); none is from an article of the
dev gold in ``evaluation/gold``. The tests need no shared data: the sentences are here. Italian,
Portuguese, Dutch and Swedish have no real news text in ``../shared/data`` (the SemEval sample's
Italian rows are machine translations), so their figures are tested on invented sentences in
``test_languages.py`` only.
"""

from __future__ import annotations

import pytest

from newsloom.extract.figure_words import unit_words
from test_figures import figures

CASES = [
    # English: SemEval row 1585, sides 1 and 2; row 7773 side 2
    (
        "en",
        "At least two people were killed as the eastern parts of Australia’s two most "
        "populous states continued to get torched.",
        ("killed", 2, "at least"),
    ),
    (
        "en",
        "Since Monday, seven people have died as destructive wildfires tore through "
        "communities in New South Wales and Victoria on Australia's southeast coast.",
        ("killed", 7, None),
    ),
    (
        "en",
        "airstrike in which at least 25 militiamen were killed in Iraq and Syria.",
        ("killed", 25, "at least"),
    ),
    # German: SemEval row 7382 side 1
    (
        "de",
        "Mindestens 25 Menschen kommen dabei ums Leben, 50 werden verletzt - und die Iraker "
        "sind nicht etwa hocherfreut.",
        ("killed", 25, "at least"),
    ),
    (
        "de",
        "Mindestens 25 Menschen kommen dabei ums Leben, 50 werden verletzt - und die Iraker "
        "sind nicht etwa hocherfreut.",
        ("injured", 50, None),
    ),
    # German: SemEval row 845 side 2 (a relative clause between the count and its verb), row
    # 3243 side 1 ("verstarben", and "insgesamt" between the verb and the count)
    (
        "de",
        "Zwei weitere Personen, die dem Mann helfen wollten, wurden leicht verletzt.",
        ("injured", 2, None),
    ),
    (
        "de",
        "Im gleichen Zeitraum verstarben insgesamt 82.303 Personen, zwei Prozent weniger als im "
        "Vorjahr.",
        ("killed", 82303, None),
    ),
    # Spanish: SemEval row 5883, sides 1 and 2
    (
        "es",
        "Una pelea en un criminal de Cieneguillas, en el estado musicano central de "
        "Zacatecas, dejó 16 muertos y cinco heridos durante el martes por la tarde, informaron "
        "las autoridades locales el miércoles.",
        ("injured", 5, None),
    ),
    (
        "es",
        "Una pelea en una prisión en la cárcel en el norte de México dejó al menos 16 reclusos "
        "muertos y cinco heridos, según las autoridades locales.",
        ("killed", 16, "at least"),
    ),
    # French: SemEval row 1281 side 2 (a headline)
    (
        "fr",
        "Niger : 20 morts dans une bousculade devant un centre de distribution à Diffa",
        ("killed", 20, None),
    ),
    # Polish: SemEval rows 2090 side 1, 640 side 2, 7759 side 1, 4414 side 1
    ("pl", "W sprawie zatrzymano dwóch dwudziestolatków.", ("arrested", 2, None)),
    ("pl", "W sumie 698 pacjentów zginęło z powodu koronawirusa.", ("killed", 698, None)),
    ("pl", "15 kolejnych ludzi nie żyje.", ("killed", 15, None)),
    ("pl", "Tej nocy zmarło dwóch pacjentów zarażonych koronawirusem.", ("killed", 2, None)),
    ("pl", "Od początku epidemii zmarło 2305 osób.", ("killed", 2305, None)),
    # Danish: DaN+ news, train.tsv
    (
        "da",
        "Familien Knudsen i landsbyen Akkerup ved Assens var lamslåede øjenvidner til en "
        "tragisk flyulykke søndag middag, hvor tre omkom.",
        ("killed", 3, None),
    ),
    (
        "da",
        "I Slavonski Brod, en kroatisk by på grænsen til Bosnien, blev otte børn og to kvinder "
        "dræbt, da en bombe fra et jugoslavisk fly ødelagde deres beskyttelsesrum, siger lokale "
        "forsvarsmyndigheder.",
        ("killed", 8, None),
    ),
    # Bokmål: NorNE nob, train.conll
    (
        "nb",
        "I de samme dagene ble fem hundre forsvarsløse sivile drept i Øst-Kongo på grensen mot "
        "Sudan.",
        ("killed", 500, None),
    ),
    ("nb", "Tre prester var blitt drept og en misjonærstasjon brent ned.", ("killed", 3, None)),
    # Nynorsk: NorNE nno, dev.conll and train.conll
    (
        "nn",
        "Det er mindre enn ein månad sidan at tre personar vart arresterte etter eit større "
        "slagsmål i Florø.",
        ("arrested", 3, None),
    ),
    (
        "nn",
        "Minst 137.000 menneske er drepne i Irak, Afghanistan og Pakistan i USAs kamp mot terror.",
        ("killed", 137000, "at least"),
    ),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), CASES)
def test_a_real_sentence_gives_its_figure(
    language: str, sentence: str, expected: tuple[str, int, str | None]
) -> None:
    kind, low, qualifier = expected
    found = [(f.kind, f.low, f.qualifier) for f in figures(sentence, language=language)]
    assert (kind, float(low), qualifier) in found, found


def test_cases_of_a_disease_are_no_figure_beside_the_deaths() -> None:
    # SemEval row 2175 side 2: the cases counted before the deaths are not killed
    sentence = (
        "The crisis in Spain has led to more than 232,000 cases of coronavirus and close to "
        "28,000 deaths."
    )
    found = [(f.kind, f.low) for f in figures(sentence, language="en")]
    assert found == [("killed", 28000.0)], found


@pytest.mark.parametrize(
    "sentence",
    [
        "34-latek zatrzymany Policja zatrzymała mężczyznę.",  # SemEval row 5530 side 1
        "Nie żyje 65-letni mężczyzna.",  # row 3831 side 2
    ],
)
def test_a_polish_age_is_no_count(sentence: str) -> None:
    assert figures(sentence, language="pl") == ()


def test_polish_illnesses_are_no_count_of_the_dead() -> None:
    # SemEval row 7327 side 2 (machine-garbled, but the counts are the article's)
    found = [
        (f.kind, f.low)
        for f in figures("Łącznie 395 zachorowań oraz trzy ofiary śmiertelne.", language="pl")
    ]
    assert found == [("killed", 3.0)], found


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # SemEval sample, German texts: a year after "dem", a year that ends its sentence
        (
            "de",
            "Benannt wurde „BepiColombo“ nach dem 1984 verstorbenen italienischen Mathematiker "
            "Giuseppe (Bepi) Colombo.",
        ),
        ("de", "Danni Büchner, die Witwe des TV-Emigranten Jens Büchner starb 2018."),
        # ML-Crisis Spanish: a year after "el"; a list of years
        (
            "es",
            "En el 2001 agredió a tres policías italianos con un extintor, en el 2004 fue "
            "detenido por conducir a 140 kilómetros por hora.",
        ),
        (
            "es",
            "Tierras ocupadas, cada una con su año: 1948, 1967, 2008...; miedos y odios, "
            "refugiados, olivos, colonos, víctimas, muros.",
        ),
    ],
)
def test_a_year_is_no_count(language: str, sentence: str) -> None:
    assert figures(sentence, language=language) == ()


def test_a_count_in_year_like_digits_with_its_noun_is_kept() -> None:
    # the same digits naming whom they count stay a count
    found = [(f.kind, f.low) for f in figures("Dabei starben 2018 Menschen.", language="de")]
    assert found == [("killed", 2018.0)], found


def test_new_cases_of_a_disease_are_no_count_of_the_dead() -> None:
    # ML-Crisis Spanish headlines: "new" between the number and the cases
    found = [
        (f.kind, f.low)
        for f in figures(
            "Italia informa de 37.255 nuevos contagios y 544 muertes por coronavirus",
            language="es",
        )
    ]
    assert ("killed", 37255.0) not in found, found
    cuba = "Cuba reporta 37 nuevos casos positivos de COVID-19, ningún fallecido y 82 altas médicas"
    assert figures(cuba, language="es") == ()


def test_thousands_after_hundreds_stay_a_spanish_number() -> None:
    # ML-Crisis Spanish: "miles" after "cientos de" is the Spanish thousands, not English miles
    sentence = "Jordania ha recibido a cientos de miles de refugiados sirios."
    assert figures(sentence, language="es") != ()


def test_a_unit_of_another_language_is_no_unit_after_a_word() -> None:
    # SemEval sample, German: French "an" (a year) is no unit in "an Bord"
    sentence = "Am 8. Januar waren alle 176 Menschen an Bord ums Leben gekommen."
    assert [(f.kind, f.low) for f in figures(sentence, language="de")] != [], sentence


def test_a_measure_of_another_language_is_no_measure() -> None:
    # NDT Bokmål: French "jour*" (days) is no measure in "journalistene"
    sentence = "Her går de to journalistene om bord i Clintons fly"
    assert [(f.kind, f.low) for f in figures(sentence, language="nb")] == [("on_board", 2.0)]


def test_a_day_of_a_listicle_title_is_no_count() -> None:
    # SemEval English: "5 Best Day Spas": one word, then an English unit
    sentence = "The 5 Best Day Spas In Long Beach Looking for a day of pampering?"
    assert figures(sentence, language="en") == ()


def test_measures_are_read_from_the_text_s_own_language() -> None:
    # French "an" (a year) is no unit in German "an Bord", English "miles" none in Spanish
    assert unit_words("fr").match("an plus tard")
    assert unit_words("de").match("an Bord") is None
    assert unit_words("en").match("miles away")
    assert unit_words("es").match("miles de sirios") is None
    assert unit_words("nn").match("åra")
    assert unit_words(None).match("an Bord")  # no language known: every table's measures
    assert unit_words("pl").match("%")
