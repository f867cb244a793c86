"""German and Polish speakers as news writes them (issue 22, sixth round): a role that refers
back to a person, names in the cases a preposition or a noun puts them in.

Every sentence here is invented; each test names the general rule it exercises.
"""

from __future__ import annotations

from extraction_seeds import text_article
from newsloom.extract.name_cases import nominative
from newsloom.extract.quotes import extract_quotes
from newsloom.records import EntityMention, EntityType, Quote


def quotes(language: str, *paragraphs: str) -> tuple[Quote, ...]:
    return extract_quotes(text_article(*paragraphs, language=language))


def test_a_role_far_from_where_it_was_resolved_is_the_same_person() -> None:
    # the last sentence of reported speech is far from "die Berliner Verkehrssenatorin": it is
    # still her, as the quotes before it were
    found = quotes(
        "de",
        "Die Berliner Umweltsenatorin Regine Günther hat die Pläne verteidigt. „Wir brauchen mehr"
        " Platz für Radfahrer“, sagte die Berliner Verkehrssenatorin am Montag. Die Stadt habe"
        " seit Jahren zu wenig in die Radwege investiert, viele Hauptstraßen in den äußeren"
        " Bezirken seien für Radfahrer und Fußgänger gleichermaßen gefährlich. Der Umbau der"
        " ersten zwölf Kreuzungen solle noch vor dem Sommer beginnen. Das Geld für den Umbau sei"
        " im Haushalt bereits eingeplant.",
    )
    assert [q.speaker for q in found] == ["Berliner Umweltsenatorin Regine Günther"] * 4


def test_a_polish_name_after_according_to_is_given_in_the_nominative() -> None:
    # "według" and "zdaniem" take the genitive; the speaker is the person, as named
    found = quotes(
        "pl",
        "Według Tomasza Kowalczewskiego w głosowaniu złamano regulamin programu.",
        "Zarzut zabójstwa nie został jeszcze postawiony - pisze agencja Reutera.",
    )
    assert [q.speaker for q in found] == ["Tomasz Kowalczewski", "Reuter"]


def test_a_polish_body_named_in_the_genitive_is_left_as_written() -> None:
    # a common word ("Spraw") makes it a body's name, whose words agree with each other
    assert nominative("Spraw Zagranicznych Rosji", "pl") == "Spraw Zagranicznych Rosji"
    assert nominative("Agnieszki Szydłowskiej", "pl") == "Agnieszka Szydłowska"
    assert nominative("Maria Zacharowa", "pl") == "Maria Zacharowa"
    assert nominative("Tomasza Kowalczewskiego", "de") == "Tomasza Kowalczewskiego"


def test_a_polish_name_a_preposition_governs_is_not_the_subject_of_the_verb() -> None:
    found = quotes(
        "pl",
        "Minister przedsiębiorczości Jadwiga Emilewicz w liście do szefa Rady Mediów Narodowych"
        ' Krzysztofa Czabańskiego napisała: "Mało jest w naszym kraju wydarzeń kulturowych,'
        ' które stanowią tak ważne doświadczenie."',
    )
    assert [q.speaker for q in found] == ["Jadwiga Emilewicz"]


def test_a_polish_place_after_a_preposition_is_not_the_speaker_the_role_is() -> None:
    # "na swoim koncie w Twitterze" is where the president wrote, not who
    found = quotes(
        "pl",
        "Do doniesień Onetu odniósł się także sam Andrzej Duda. „Dla mnie to jest fejk dnia”"
        " - napisał prezydent na swoim koncie w Twitterze.",
    )
    assert [q.speaker for q in found] == ["Andrzej Duda"]


def test_a_german_role_after_the_article_refers_back_to_the_person_named() -> None:
    # "der CDU-Politiker", "der derzeitige Umfragefavorit": a definite noun phrase (adjectives
    # between the article and the role allowed), no name of its own
    found = quotes(
        "de",
        "Der hessische Kultusminister Alexander Lorz will den Regelbetrieb prüfen. „Ich finde"
        " diese Idee sehr spannend“, sagte der CDU-Politiker der „Frankfurter Rundschau“.",
        "Bernie Sanders hat jede Einflussnahme verbeten. „Mir ist es egal, wen Putin will“,"
        " erklärte der derzeitige Umfragefavorit im demokratischen Bewerberfeld.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Kultusminister Alexander Lorz", "CDU-Politiker"),
        ("Bernie Sanders", "derzeitige Umfragefavorit"),
    ]


def test_a_german_role_after_a_quote_is_the_speaker_going_on_not_the_person_addressed() -> None:
    # the last person named is whom she wrote to; the role is hers, who spoke just before
    found = quotes(
        "de",
        "„Breonna Taylor verdient Gerechtigkeit“, schrieb Beyoncé dem Generalstaatsanwalt von"
        " Kentucky, Daniel Cameron. „Ihr Amt hat die Macht und die Verantwortung dazu“, schrieb"
        " die 38-jährige Künstlerin.",
    )
    assert [q.speaker for q in found] == ["Beyoncé", "Beyoncé"]


def test_a_polish_bare_role_after_a_quote_is_the_speaker_going_on() -> None:
    # "wiceminister" is a role word; the person named last is the photographer's credit line,
    # the speaker going on is the one quoted just before
    found = quotes(
        "pl",
        '"Uruchamiamy następne szpitale" - poinformował Waldemar Kraska z resortu zdrowia.'
        " / Jakub Kaczmarczyk / PAP",
        "Myślę, że tych miejsc będziemy potrzebowali coraz więcej - dodał wiceminister.",
    )
    assert [q.speaker for q in found] == ["Waldemar Kraska"] * 2


def test_polish_as_before_a_reporting_verb_names_the_source_after_it() -> None:
    # "Jak wyjaśnia Onet, …" reads as "według Onetu, …"; "Jak oceniasz …?" asks the reader
    found = quotes(
        "pl",
        "Jak wyjaśnia Onet, jeśli prezydent dobrowolnie podałby się do dymisji, to głową państwa"
        " zostanie marszałek Sejmu. Jak oceniasz decyzję prezydenta o podpisaniu ustawy?",
    )
    assert [(q.speaker, q.kind) for q in found] == [("Onet", "reported")]
    assert found[0].text.startswith("jeśli prezydent dobrowolnie")


def test_a_german_clause_in_the_subjunctive_after_a_comma_is_reported_speech() -> None:
    # "sagte, die Lage sei …" leaves "dass" out: the Konjunktiv I marks the reported words
    found = quotes(
        "de",
        "Innenminister Horst Seehofer äußerte sich am Montag in Berlin. Er sagte, die Lage sei"
        " unter Kontrolle.",
        "Biden sagte anschließend dem Sender CBS, die Proteste seien ein Wendepunkt.",
    )
    assert [(q.text, q.speaker, q.kind) for q in found] == [
        ("die Lage sei unter Kontrolle", "Innenminister Horst Seehofer", "reported"),
        ("die Proteste seien ein Wendepunkt", "Biden", "reported"),
    ]


def test_a_participle_before_a_subjunctive_clause_reports_nothing() -> None:
    # "bestätigten" is an adjective here, "bestätigt werden" a passive: no one spoke
    found = quotes(
        "de",
        "In dem Gefängnis gebe es noch keine bestätigten Fälle von Covid-19, zudem habe die"
        " Anstalt Schutzmaßnahmen eingeführt.",
        "Sollte dort der Entscheid bestätigt werden, werde er alle Gerichte bemühen.",
    )
    assert found == ()


def test_one_name_before_the_verb_is_the_subject_not_the_phrase_after_it() -> None:
    # the same rule in English: "after the raids last Tuesday" is when, Europol who
    found = quotes(
        "en",
        "Europol said after the raids last Tuesday that the network had laundered money through"
        " property purchases in Spain and Dubai.",
    )
    assert [(q.speaker, q.kind) for q in found] == [("Europol", "reported")]


def test_german_sagte_er_closing_a_statement_names_the_person_before() -> None:
    # German "er" is a pronoun, not the Norwegian verb "er"; the person is named in the same
    # paragraph or the one before
    found = quotes(
        "de",
        "Innenminister Horst Seehofer äußerte sich am Montag in Berlin.",
        "Die Lage sei unter Kontrolle, sagte er am Abend.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("Die Lage sei unter Kontrolle", "Horst Seehofer")
    ]
    found = quotes(
        "de",
        "Innenminister Horst Seehofer äußerte sich am Montag in Berlin. Die Lage sei unter"
        " Kontrolle, sagte er.",
    )
    assert [q.speaker for q in found] == ["Horst Seehofer"]


def test_a_german_wie_clause_opening_a_sentence_names_the_source_of_the_rest() -> None:
    found = quotes(
        "de",
        "Wie die Polizei am Dienstag mitteilte, wurden zwei Männer in Köln festgenommen.",
        "Wie er sagte, sei die Lage ernst.",
    )
    assert [(q.text, q.speaker, q.kind) for q in found] == [
        ("wurden zwei Männer in Köln festgenommen", "Polizei", "reported")
    ]


def test_german_zufolge_after_its_source_reports_the_rest_of_the_sentence() -> None:
    # the source a report belongs to is the one after its genitive article; a verb before
    # "zufolge" makes the words before it no source
    found = quotes(
        "de",
        "Der Polizei zufolge wurden drei Personen am Bahnhof festgenommen.",
        "Einem Bericht der Zeitung zufolge soll das Gesetz im Mai in Kraft treten.",
        "Die Zahl der Toten stieg Behördenangaben zufolge auf zwanzig Menschen.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("wurden drei Personen am Bahnhof festgenommen", "Polizei"),
        ("soll das Gesetz im Mai in Kraft treten", "Zeitung"),
    ]


def test_a_polish_place_right_after_the_verb_leaves_the_subject_out() -> None:
    # "napisał na Twitterze": where he wrote; the subject is the person named before
    found = quotes(
        "pl",
        'Szymon Hołownia skomentował decyzję. "To nowy poziom wazeliniarstwa" - napisał na'
        " Twitterze.",
        '"Nie zgadzam się z tym" - napisała na Facebooku Agnieszka Szydłowska.',
    )
    assert [q.speaker for q in found] == ["Szymon Hołownia", "Agnieszka Szydłowska"]


def test_a_foreign_name_after_a_polish_role_in_the_genitive_is_given_in_the_nominative() -> None:
    # "ministra" is the genitive of "minister"; the name it stands with is in the same case
    found = quotes("pl", "Według szwedzkiego ministra obrony Igemana za atakiem stoi Rosja.")
    assert [q.speaker for q in found] == ["Igeman"]
    assert nominative("Igemana", "pl") == "Igemana"  # no role: no case to read


def test_according_to_him_or_her_is_the_person_named_before() -> None:
    found = quotes(
        "pl",
        "Minister Peter Hultqvist stwierdził, że za atakiem stoi Rosja. Jego zdaniem sytuacja"
        " jest poważna i wymaga reakcji.",
    )
    assert [(q.text, q.speaker) for q in found][1:] == [
        ("sytuacja jest poważna i wymaga reakcji", "Peter Hultqvist")
    ]
    # inside a sentence it says whose view a word is, not who spoke
    assert (
        quotes("de", "Tausende protestierten gegen die ihrer Meinung nach strikten Regeln.") == ()
    )


def test_a_polish_dash_summing_a_statement_up_gives_it_to_the_name_after_it() -> None:
    found = quotes(
        "pl",
        "Dla mnie to jest fejk dnia – takimi słowami prezydent Andrzej Duda odniósł się do"
        " plotki o swojej rzekomej dymisji.",
    )
    assert [(q.text, q.speaker) for q in found] == [("Dla mnie to jest fejk dnia", "Andrzej Duda")]


def test_a_polish_role_no_one_named_before_is_the_surname_a_later_quote_gives() -> None:
    # "rzecznik" is introduced by the role alone; "Frątczak" alone later refers back to him
    found = quotes(
        "pl",
        "Jak poinformował rzecznik komendanta głównego PSP, w Sylwestra strażacy wyjeżdżali do"
        " zdarzeń 2092 razy. Jak zaznaczył Frątczak, przyczyny tych pożarów nie są jeszcze znane.",
    )
    assert [q.speaker for q in found] == ["Frątczak", "Frątczak"]


def test_a_polish_statement_closed_by_we_read_in_a_document_is_its_owners() -> None:
    found = quotes(
        "pl",
        "Jesteśmy otwarci na współpracę ze szwedzkimi partnerami w tej sferze. - czytamy w"
        " komunikacie ambasady na Facebooku.",
        "Całość stworzył – czytamy w jednym z komentarzy na profilu.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("Jesteśmy otwarci na współpracę ze szwedzkimi partnerami w tej sferze", "ambasada")
    ]


def test_a_german_statement_closed_by_it_says_in_a_document_is_its_owners() -> None:
    # "…, heißt es in einer Mitteilung der Stadt.": what "it says in" a document is the words of
    # whom the document belongs to (after a genitive article or "von"), quoted or not; a
    # document alone ("in der Studie") names no one
    found = quotes(
        "de",
        "Die Brücke über die Lahn bleibt bis zum Frühjahr für Lastwagen gesperrt, heißt es in"
        " einer Mitteilung der Stadtverwaltung.",
        "„Die Sanierung hat für uns Vorrang“, hieß es in einer Erklärung von Greenpeace.",
        "Fast jeder dritte Pendler fahre inzwischen mit dem Rad, heißt es in der Studie.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        (
            "Die Brücke über die Lahn bleibt bis zum Frühjahr für Lastwagen gesperrt",
            "Stadtverwaltung",
        ),
        ("Die Sanierung hat für uns Vorrang", "Greenpeace"),
    ]


def test_a_german_sentence_in_the_konjunktiv_i_goes_on_with_the_reported_speech() -> None:
    # "prüfe" is the Konjunktiv I of "prüfen" (the indicative is "prüft")
    found = quotes(
        "de",
        "Ein Sprecher des Innenministeriums sagte, die Lage sei unter Kontrolle. Man prüfe"
        " weitere Maßnahmen für die kommenden Tage.",
    )
    assert [q.text for q in found] == [
        "die Lage sei unter Kontrolle",
        "Man prüfe weitere Maßnahmen für die kommenden Tage.",
    ]


def test_a_polish_title_after_a_work_noun_and_its_author_is_no_quote() -> None:
    found = quotes(
        "pl",
        '"Usunięcie piosenki z listy przebojów jest skandaliczne" - napisała na Twitterze'
        " wicepremier Jadwiga Emilewicz. Chodzi o głosowanie, w którym wygrała piosenka Kazika"
        ' "Twój ból jest lepszy niż mój".',
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("Usunięcie piosenki z listy przebojów jest skandaliczne", "Jadwiga Emilewicz")
    ]


def test_a_polish_sentence_opened_by_the_verb_and_that_leaves_the_subject_out() -> None:
    found = quotes(
        "pl",
        "Premier Mateusz Morawiecki zapowiedział, że rząd przygotuje nową tarczę.",
        "Dodał, że pieniądze trafią do firm w ciągu miesiąca.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("rząd przygotuje nową tarczę", "Mateusz Morawiecki"),
        ("pieniądze trafią do firm w ciągu miesiąca", "Mateusz Morawiecki"),
    ]


def test_a_german_account_after_laut_names_its_owner_or_no_one() -> None:
    # "laut einem Bericht der „Bild“": the paper that owns the report is the source (its name in
    # marks, the genitive "des Gesundheitsministeriums" as the dictionary gives it); "laut einer
    # Prognose": an account no one owns is a role, held by no one named near it
    found = quotes(
        "de",
        "Laut einem Bericht der „Bild“ soll der Minister noch in dieser Woche zurücktreten.",
        "Laut Information des Gesundheitsministeriums hat sich die Zahl der Fälle verdoppelt.",
        "Der Chef der Lega, Matteo Salvini, könnte laut einer Prognose bei der Wahl verlieren.",
    )
    assert [(q.speaker, q.speaker_role, q.speaker_type) for q in found] == [
        ("Bild", None, "person"),
        ("Gesundheitsministerium", None, "organisation"),
        (None, "Prognose", "role"),
    ]


def test_a_german_noun_for_a_body_is_the_body_its_compound_named() -> None:
    lead = (
        "Nach fünfwöchiger Pause in der Corona-Krise hat der VW-Konzern am Montag die Produktion "
        "von Nutzfahrzeugen in seinen Werken in Polen langsam wieder hochgefahren."
    )
    vw = EntityMention("VW", EntityType.ORGANISATION, 0, lead.index("VW"), lead.index("VW") + 2)
    found = extract_quotes(
        text_article(
            lead,
            "Die Arbeit in Posen (Poznan) und an zwei weiteren Standorten werde zunächst mit 20 "
            "Prozent der Kapazität aufgenommen, teilte der Konzern am Montag mit.",
            language="de",
        ),
        [vw],
    )
    assert [(q.speaker, q.speaker_type) for q in found] == [("VW", "organisation")]


def test_a_german_noun_for_a_body_named_by_no_compound_is_a_body_not_a_person() -> None:
    found = quotes(
        "de",
        "Die private Österreichische Staatsdruckerei hat ihr Ziel, den im Börsegesetz "
        "vorgesehenen Mindeststreubesitz von 2 Prozent zu erreichen, verfehlt, wie das "
        "Unternehmen am Neujahrstag mitteilte.",
    )
    assert [(q.speaker, q.speaker_type) for q in found] == [("Unternehmen", "organisation")]


def _with_person(text: str, name: str) -> tuple[Quote, ...]:
    start = text.index(name)
    entity = EntityMention(name, EntityType.PERSON, 0, start, start + len(name))
    return extract_quotes(text_article(text, language="pl"), (entity,))


def test_a_polish_body_a_recogniser_ran_into_the_holders_name_joins_the_role() -> None:
    # the body a role belongs to stands in the genitive between the role and its holder's name
    # ("rzecznik Komendy Głównej Policji Mariusz Nowak", "prezydent USA"): inflected common
    # words and acronyms before a first name are the body, not the name; a span of body words
    # alone stays whole (no name after them)
    found = [
        *_with_person(
            "Rzecznik Komendy Głównej Policji Mariusz Nowak powiedział, że droga pozostanie"
            " zamknięta. Nowak dodał, że objazd jest oznakowany.",
            "Komendy Głównej Policji Mariusz Nowak",
        ),
        *_with_person(
            "Prezydent USA John Baker napisał, że sankcje zostaną utrzymane.",
            "USA John Baker",
        ),
        *_with_person(
            "Jak poinformował rzecznik Komendy Stołecznej Policji, zatrzymany spędził noc w"
            " areszcie.",
            "Komendy Stołecznej Policji",
        ),
    ]
    assert [q.speaker for q in found] == [
        "Mariusz Nowak",
        "Mariusz Nowak",
        "John Baker",
        "Komendy Stołecznej Policji",
    ]
    assert found[0].speaker_role == "Komendy Głównej Policji"
