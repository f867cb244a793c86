"""General rules for figures in the languages of issue 22, each on invented sentences: number
words and forms, numbers that are days or clock times, word orders that tie a count to its cue.

Every sentence here is invented; each test names the rule it exercises.
"""

from __future__ import annotations

import pytest

from newsloom.extract.numbers import find_quantities
from newsloom.extract.sentences import split_sentences
from test_figures import figures


def found(text: str, language: str) -> list[tuple[str, float, str | None]]:
    return [(f.kind, f.low, f.qualifier) for f in figures(text, language=language)]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("zginęły dwie osoby", 2, 2),
        ("zatrzymano trzech mężczyzn", 3, 3),
        ("rannych zostało pięciu policjantów", 5, 5),
        ("dwadzieścia trzy osoby", 23, 23),
        ("pięć tysięcy osób", 5000, 5000),
        ("dwa tysiące pięćset", 2500, 2500),
        ("kilka tysięcy ludzi", 2000, 9999),
        ("setki tysięcy ludzi", 200000, 999999),
    ],
)
def test_polish_number_words_in_their_case_forms(text: str, low: int, high: int) -> None:
    quantities = [(q.low, q.high) for q in find_quantities(text, "pl")]
    assert (float(low), float(high)) in quantities, quantities


def test_a_tables_number_words_are_read_only_in_its_language() -> None:
    # "sto" is 100 in Polish and "I am" in Italian
    assert [q.low for q in find_quantities("Sto osób", "pl")] == [100.0]
    assert find_quantities("Sto bene, grazie", "it") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "cientos de miles de personas"),
        ("en", "hundreds of thousands of people"),
        ("fr", "des centaines de milliers de personnes"),
        ("de", "Hunderttausende Menschen"),
        ("nl", "honderdduizenden mensen"),
    ],
)
def test_hundreds_of_thousands_is_one_range(language: str, text: str) -> None:
    quantities = [(q.low, q.high) for q in find_quantities(text, language)]
    assert quantities == [(200000.0, 999999.0)]


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [
        ("en", "Lagos, Jan 3 (AFP): At least nine people were killed on Wednesday.", 3),
        ("en", "On March 14 five protesters were arrested.", 14),
        ("es", "El pasado marzo 12 murieron cuatro personas.", 12),
    ],
)
def test_a_number_after_a_month_name_is_a_day(language: str, text: str, day: int) -> None:
    assert float(day) not in [low for _, low, _ in found(text, language)]
    assert found(text, language)  # the sentence's real count is still there


def test_a_polish_clock_time_is_no_count() -> None:
    assert found("W Łodzi po godz. 22 jedna osoba zginęła w pożarze.", "pl") == [
        ("killed", 1.0, None)
    ]


@pytest.mark.parametrize(
    ("language", "text", "kind", "low"),
    [
        ("de", "Die Zahl der Verletzten stieg am Abend auf 17.", "injured", 17),
        ("de", "Damit stieg die Gesamtzahl der dort Gestorbenen auf 1.302.", "killed", 1302),
        ("fr", "Le nombre de blessés est passé à 30 dans la soirée.", "injured", 30),
        ("es", "El número de heridos ascendió a 40 en la noche.", "injured", 40),
        ("nl", "Het aantal doden steeg tot 12.", "killed", 12),
        ("pl", "Liczba rannych wzrosła do 15.", "injured", 15),
    ],
)
def test_the_number_of_a_kind_rose_to_a_count(
    language: str, text: str, kind: str, low: int
) -> None:
    assert (kind, float(low), None) in found(text, language)


@pytest.mark.parametrize(
    ("language", "text", "wrong"),
    [
        ("en", "Three fires killed two people on Sunday.", 3),
        ("pl", "Strażacy gasili 40 pożarów, w których zginęły dwie osoby.", 40),
    ],
)
def test_a_cue_with_its_own_count_after_it_is_not_an_earlier_numbers(
    language: str, text: str, wrong: int
) -> None:
    lows = [low for _, low, _ in found(text, language)]
    assert 2.0 in lows
    assert float(wrong) not in lows


@pytest.mark.parametrize(
    ("language", "text", "kind", "low", "subject"),
    [
        ("en", "At least 20 people were killed, including five children.", "killed", 5, "children"),
        ("es", "Murieron 30 personas, incluidos 12 niños.", "killed", 12, "children"),
        (
            "de",
            "Bei dem Angriff wurden 14 Menschen verletzt, darunter drei Kinder.",
            "injured",
            3,
            "children",
        ),
    ],
)
def test_a_count_after_including_is_part_of_the_figure_before_it(
    language: str, text: str, kind: str, low: int, subject: str
) -> None:
    summary = [(f.kind, f.low, f.subject) for f in figures(text, language=language)]
    assert (kind, float(low), subject) in summary, summary


def test_the_number_is_down_to_restates_the_figure_before_it() -> None:
    text = "Last year nine were arrested, and this year the number is down to four, police said."
    assert ("arrested", 4.0, None) in found(text, "en")


@pytest.mark.parametrize(
    ("language", "text", "low"),
    [
        ("de", "Unter den Toten sind drei Kinder.", 3),
        (
            "es",
            "Entre los muertos en el ataque de la madrugada, en el norte del país, hay 9 niños.",
            9,
        ),
        ("fr", "Parmi les morts figurent quatre enfants.", 4),
    ],
)
def test_among_the_dead_counts_the_people_after_it(language: str, text: str, low: int) -> None:
    assert ("killed", float(low), None) in found(text, language)


def test_a_place_opening_the_clause_is_where_the_counted_people_are() -> None:
    text = "Auf den Intensivstationen des Landes lagen am Montag 283 Personen."
    assert ("critical_condition", 283.0, None) in found(text, "de")
    # a place in another clause does not count
    assert found("Im Krankenhaus sagte ein Arzt, 5 Menschen seien getötet worden.", "de") == [
        ("killed", 5.0, None)
    ]


def test_a_sentence_glued_to_the_one_before_ends_at_its_point() -> None:
    text = "Murieron 26 policías y 189 reclusos.También resultaron heridos 30 agentes."
    assert [s.text for s in split_sentences(text, glued=True)] == [
        "Murieron 26 policías y 189 reclusos.",
        "También resultaron heridos 30 agentes.",
    ]
    assert len(split_sentences(text)) == 1  # quotes keep the plain splitter
    assert [s.text for s in split_sentences("Die U.S.Army und nrk.no", glued=True)] == [
        "Die U.S.Army und nrk.no"
    ]
    assert ("killed", 189.0, None) in found(text, "es")


def test_an_adjective_before_injuries_keeps_the_cue() -> None:
    text = "The two officers in the patrol car were treated for minor injuries at the hospital."
    assert [kind for kind, low, _ in found(text, "en") if low == 2.0] == ["injured"]


def test_a_qualifier_between_a_verb_and_its_count_keeps_them_together() -> None:
    assert ("killed", 500.0, "more than") in found("Zmarło ponad 500 osób.", "pl")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Vier Menschen wurden verletzt, eine von ihnen starb."),
        ("en", "Three people were hurt and one of them died in hospital."),
        ("es", "Tres personas resultaron heridas y una de ellas murió."),
    ],
)
def test_one_of_them_counts_one(language: str, text: str) -> None:
    assert ("killed", 1.0, None) in found(text, language)


def sources(text: str, language: str) -> list[str | None]:
    return [f.attributed_to for f in figures(text, language=language)]


@pytest.mark.parametrize(
    ("language", "text", "source"),
    [
        # German: the verb of a subordinate clause comes last, after its subject and the figure
        (
            "de",
            "Nachdem die Hamburger Polizei zunächst zwei Verletzte meldete, wurde die Zahl "
            "korrigiert.",
            "Hamburger Polizei",
        ),
        # a relative clause between the subject and its reporting verb
        (
            "es",
            "El informe, cuyo contenido fue publicado por el diario «El País», señala que "
            "murieron 12 personas.",
            "informe",
        ),
        # a reporting verb between "according to" and the source
        ("es", "Murieron 12 personas, según informó la policía local.", "policía local"),
        # a time adverb between an inverted verb and its subject
        (
            "es",
            "Al menos 30 personas han muerto en los bombardeos, reportó hoy el Observatorio "
            "de Derechos Humanos.",
            "Observatorio de Derechos Humanos",
        ),
        # a long subject before an estimate verb and "en"
        (
            "es",
            "El lunes, una comisión del Consejo Nacional de Derechos Humanos calculó en 40 "
            "muertos las víctimas.",
            "comisión del Consejo Nacional de Derechos Humanos",
        ),
    ],
)
def test_a_source_in_the_word_orders_of_the_language(language: str, text: str, source: str) -> None:
    assert source in sources(text, language)


def test_headlines_under_a_most_read_heading_are_links_not_the_article() -> None:
    from newsloom.normalize.boilerplate import classify_paragraphs
    from newsloom.records import ParagraphKind

    kinds = classify_paragraphs(
        [
            "Más de 20 muertos en un ataque en el norte",
            "Lo más leído",
            "Un terremoto deja 11 muertos en Perú",
            "Escribe un comentario",
            "Lea: Al menos 14 niños mueren en un bombardeo",
            "Lea Müller sagte, dass fünf Menschen starben.",
        ]
    )
    assert kinds[0] is ParagraphKind.HEADING  # the article's own title
    assert kinds[1:3] == [ParagraphKind.BOILERPLATE, ParagraphKind.BOILERPLATE]
    assert kinds[4] is ParagraphKind.BOILERPLATE  # "Lea:" labels a link
    assert kinds[5] is ParagraphKind.BODY  # Lea is also a name


def test_a_subordinate_clauses_source_does_not_cover_the_sentences_after_it() -> None:
    text = (
        "Nachdem die Hamburger Polizei zunächst zwei Verletzte meldete, wurde die Zahl "
        "korrigiert. Am Abend starben drei Menschen im Krankenhaus."
    )
    assert sources(text, "de") == ["Hamburger Polizei", None]


@pytest.mark.parametrize(
    ("language", "text", "kind", "low"),
    [
        ("de", "Bei den Kämpfen starben insgesamt 40 Menschen.", "killed", 40),
        ("it", "Sono state arrestate in tutto 25 persone.", "arrested", 25),
        ("es", "La policía detuvo a otros 16 manifestantes.", "arrested", 16),
        ("fr", "Ont été blessés au total 30 civils.", "injured", 30),
        ("nl", "Bij de brand raakten nog 12 mensen gewond.", "injured", 12),
    ],
)
def test_a_total_or_further_word_between_a_verb_and_its_count_keeps_them_together(
    language: str, text: str, kind: str, low: int
) -> None:
    # each table's [numbers] fillers ("insgesamt", "in tutto", "otros", "au total", "nog")
    assert (kind, float(low)) in [(k, n) for k, n, _ in found(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "kind", "low"),
    [
        ("de", "Drei Männer, die vor der Disco standen, wurden festgenommen.", "arrested", 3),
        (
            "en",
            "Four people, who had been waiting at the station for hours, were injured.",
            "injured",
            4,
        ),
        ("da", "Fem personer, som var på vej hjem fra en fest i byen, blev dræbt.", "killed", 5),
    ],
)
def test_a_relative_clause_on_the_counted_people_does_not_part_them_from_their_verb(
    language: str, text: str, kind: str, low: int
) -> None:
    assert (kind, float(low)) in [(k, n) for k, n, _ in found(text, language)]


def test_a_cue_before_a_sentence_end_yields_to_the_next_sentences_own_verb() -> None:
    # "…una treintena de heridos.- Otras cuatro personas fallecen": the four died
    text = "La granada deja una treintena de heridos.- Otras cuatro personas fallecen en Adén."
    kinds = {n: k for k, n, _ in found(text, "es")}
    assert kinds.get(4.0) == "killed", kinds


@pytest.mark.parametrize(
    ("language", "text", "deaths"),
    [
        ("de", "Bisher gibt es 12.000 Fälle und 300 Tote.", 300),
        ("es", "Italia suma otros 5.000 contagios y 400 fallecidos.", 400),
        ("fr", "On compte 9 000 cas confirmés et 120 décès.", 120),
        ("it", "Sono stati registrati 3.000 casi e 90 morti.", 90),
        ("nb", "Det er påvist 18.000 tilfeller av viruset, og 260 er døde.", 260),
    ],
)
def test_cases_of_a_disease_are_not_a_count_of_the_dead(
    language: str, text: str, deaths: int
) -> None:
    assert [(k, n) for k, n, _ in found(text, language)] == [("killed", float(deaths))]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Dos bombas estallan en Dresde sin dejar heridos."),
        ("en", "Two bombs exploded without injuring anyone."),
        ("de", "Zwei Bomben explodierten, ohne Verletzte zu fordern."),
        ("nb", "To bomber gikk av uten at noen ble skadd."),
        ("fr", "Deux bombes ont explosé sans faire de blessés."),
    ],
)
def test_a_casualty_word_denied_counts_no_one(language: str, text: str) -> None:
    assert found(text, language) == []


def test_the_scandinavian_possessive_sin_denies_nothing() -> None:
    assert ("killed", 2.0, None) in found("Han mistet sin kone, og to barn ble drept.", "nb")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Se calcula que hasta 1.200 personas fueron asesinadas."),
        ("fr", "On estime que 1 200 personnes ont été tuées."),
        ("it", "Si stima che 1.200 persone siano state uccise."),
    ],
)
def test_an_impersonal_subject_is_no_source(language: str, text: str) -> None:
    figures_found = figures(text, language=language)
    assert [f.low for f in figures_found] == [1200.0]
    assert figures_found[0].attributed_to is None


def test_the_death_of_counts_the_people_after_it_never_a_number_before_it() -> None:
    assert found("El OSDH contabiliza la muerte de 105 yihadistas.", "es") == [
        ("killed", 105.0, None)
    ]
    assert found("Tres balas en el cuerpo han causado la muerte de un hombre.", "es") == []


@pytest.mark.parametrize(
    ("language", "text", "counts"),
    [
        (
            "es",
            "143 soldados del régimen, 274 rebeldes y al menos 89 civiles han sido asesinados.",
            [143.0, 274.0, 89.0],
        ),
        ("en", "Three soldiers, two policemen and 12 civilians were killed.", [3.0, 2.0, 12.0]),
        (
            "de",
            "Vier Soldaten, zwei Polizisten und 12 Zivilisten wurden getötet.",
            [4.0, 2.0, 12.0],
        ),
    ],
)
def test_counts_listed_before_one_verb_share_it(
    language: str, text: str, counts: list[float]
) -> None:
    assert [(k, n) for k, n, _ in found(text, language)] == [("killed", n) for n in counts]


def test_a_count_with_a_verb_of_its_own_is_no_part_of_the_list_after_it() -> None:
    text = "2,5 millones de personas necesitan ayuda humanitaria y más de 250.000 han muerto."
    assert [(k, n) for k, n, _ in found(text, "es")] == [("killed", 250000.0)]


@pytest.mark.parametrize(
    ("text", "kind", "low"),
    [("Ewakuowano 25 osób.", "evacuated", 25), ("Zaginionych jest 12 osób.", "missing", 12)],
)
def test_polish_evacuated_and_missing(text: str, kind: str, low: int) -> None:
    assert (kind, float(low), None) in found(text, "pl")


@pytest.mark.parametrize(
    ("language", "text", "kind", "low"),
    [
        ("fr", "Le nombre total de victimes dans le monde est passé à 813.", "victims", 813),
        ("en", "The number of protesters rose to 5,000 in the evening.", "protesters", 5000),
        ("es", "La cifra de manifestantes ascendió a 2.000.", "protesters", 2000),
    ],
)
def test_the_number_of_a_crowd_rose_to_a_count(
    language: str, text: str, kind: str, low: int
) -> None:
    assert (kind, float(low)) in [(k, n) for k, n, _ in found(text, language)]


@pytest.mark.parametrize("verb", ["piden", "pidieron", "han pedido"])
def test_a_verb_of_asking_names_no_source_of_a_figure(verb: str) -> None:
    # request_verbs: those who ask for something did not count the dead
    text = f"Los rebeldes {verb} la liberación de 200 detenidos por la policía."
    assert [(f.kind, f.attributed_to) for f in figures(text, language="es")] == [("arrested", None)]


def test_a_reporting_verb_still_names_the_source_of_a_figure() -> None:
    text = "Los rebeldes informaron de que 200 personas fueron detenidas por la policía."
    assert [f.attributed_to for f in figures(text, language="es")] == ["rebeldes"]
