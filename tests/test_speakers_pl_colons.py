"""Polish headlines and colons (issue 22, seventh round): a ``Name: statement`` headline, a dash
after a colon, and a doctor's title of several abbreviated words before a name.

Every sentence here is invented; each test names the general rule it exercises.
"""

from __future__ import annotations

from extraction_seeds import text_article
from newsloom.extract.quotes import extract_quotes
from newsloom.extract.sentences import split_sentences
from newsloom.records import Quote


def quotes(language: str, *paragraphs: str) -> tuple[Quote, ...]:
    return extract_quotes(text_article(*paragraphs, language=language))


def test_a_headline_gives_a_named_persons_words_after_a_colon() -> None:
    # the surname before the colon is a person the article names in full below
    found = quotes(
        "pl",
        "Kowalczyk: Wybory odbędą się w maju",
        "Wicepremier Jan Kowalczyk zapowiedział w poniedziałek zmiany w kodeksie wyborczym.",
    )
    assert [(q.text, q.speaker) for q in found[:1]] == [
        ("Wybory odbędą się w maju", "Jan Kowalczyk")
    ]


def test_a_headline_gives_a_roles_words_after_a_colon() -> None:
    found = quotes(
        "pl",
        "Wiceminister zdrowia: Zachorowań będzie przybywać",
        "Resort zdrowia przygotowuje kolejne szpitale dla chorych.",
    )
    assert [(q.text, q.speaker_role) for q in found] == [
        ("Zachorowań będzie przybywać", "wiceminister zdrowia")
    ]


def test_a_headline_ends_where_the_lead_repeats_it() -> None:
    # scraped text joins headline and lead with no point between them
    found = quotes(
        "pl",
        "Premier: niech lekarze zostaną w szpitalach Niech lekarze zostaną w szpitalach, apelował"
        " w sobotę szef rządu.",
    )
    assert found[0].text == "niech lekarze zostaną w szpitalach"
    assert found[0].speaker_role == "premier"


def test_ordinary_colons_give_no_ones_words() -> None:
    # a label, a score, a source, a place: no person or role before the colon
    for headline in (
        "Wynik: Polska wygrała z Niemcami w Warszawie",
        "Uwaga: Utrudnienia na drodze krajowej numer siedem",
        "Źródło: Polska Agencja Prasowa podała nowe dane",
        "Watykan: Papież spotkał się z wiernymi na placu",
        "Dyskusyjny Klub Wiedzy: Cywilizacja, Społeczność, Jednostka",
    ):
        assert quotes("pl", headline, "W Watykanie Franciszek przyjął gości.") == (), headline


def test_a_dash_after_a_reporting_verb_and_a_colon_opens_the_words() -> None:
    found = quotes(
        "pl",
        "Rzecznik policji Jan Nowak powiedział: – Zatrzymaliśmy trzech mężczyzn podejrzanych"
        " o kradzież. Wszyscy usłyszeli zarzuty.",
    )
    assert [(q.text, q.speaker, q.speaker_role) for q in found] == [
        (
            "Zatrzymaliśmy trzech mężczyzn podejrzanych o kradzież. Wszyscy usłyszeli zarzuty.",
            "Jan Nowak",
            "Rzecznik policji",
        )
    ]


def test_a_dash_after_a_colon_with_no_one_before_it_is_no_quote() -> None:
    found = quotes(
        "en",
        "The market will grow. Read the full report: - Representing the developed world, the"
        " United States will keep growing.",
    )
    assert found == ()


def test_a_doctors_title_of_abbreviated_words_does_not_cut_the_speaker() -> None:
    # "dr n. med.": doctor of medical sciences; the point after "med." ends no sentence
    found = quotes(
        "pl",
        "– Szczepionka jest bezpieczna dla dzieci i dorosłych – powiedział dr n. med. Paweł"
        " Grzesiowski.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [("Paweł Grzesiowski", "dr")]


def test_a_title_of_abbreviated_words_ends_no_sentence() -> None:
    assert len(split_sentences("Jak mówi dr hab. n. med. Anna Nowak, to ważne. Potem.")) == 2
    # Norwegian "med." (with) still ends a sentence
    assert len(split_sentences("Han vil være med. Det er klart.")) == 2
