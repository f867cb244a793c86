"""Speakers in the languages newsloom was not tuned on, read off unlabelled SemEval-2022 news
(issue 22): Polish subject-less verbs, verbal nouns, French relative "selon lequel"."""

from __future__ import annotations

from extraction_seeds import quotes_with_people, text_article
from newsloom.extract.quotes import extract_quotes
from newsloom.records import Quote


def quotes(language: str, *paragraphs: str) -> tuple[Quote, ...]:
    return extract_quotes(text_article(*paragraphs, language=language))


def quotes_naming(language: str, people: list[str], *paragraphs: str) -> tuple[Quote, ...]:
    """The quotes, with ``people`` as the recogniser's person mentions wherever they stand."""
    return quotes_with_people(language, *paragraphs, people=tuple(people))


def test_a_polish_verb_first_with_only_an_adverb_leaves_the_subject_out() -> None:
    # Polish drops a subject pronoun: "Podkreślił jednak, że …" is the last speaker's
    found = quotes(
        "pl",
        "Wiceminister zdrowia Waldemar Kraska poinformował, że szpitale są gotowe. "
        "Podkreślił jednak, że sytuacja jest poważna. "
        "Zaznaczył jednocześnie, że na Mazowszu jest najwięcej zakażeń.",
    )
    assert [q.speaker for q in found] == ["Waldemar Kraska"] * 3


def test_a_polish_verbal_noun_is_no_reporting_verb() -> None:
    # "podanie się do dymisji" is a noun ("resigning"), not "podał" (said)
    found = quotes(
        "pl",
        "Według rozmówców portalu, podanie się do dymisji przez głowę państwa to wariant "
        "ostateczny.",
    )
    assert all(q.text != "Według rozmówców portalu" for q in found)


def test_a_polish_fronted_phrase_is_no_subject() -> None:
    # "Z satysfakcją dodała, że …" (with satisfaction she added): the subject is left out;
    # "Pod koniec kwietnia Play podał, że …": the subject follows the fronted phrase
    found = quotes(
        "pl",
        "Ambasador Joanna Wronecka oceniła, że kadencja była udana. "
        "Z satysfakcją dodała zarazem, że w Radzie dało się zaobserwować zmiany.",
        "Pod koniec kwietnia Play podał, że P4 zawarł umowę sprzedaży udziałów.",
    )
    assert [q.speaker for q in found] == ["Joanna Wronecka", "Joanna Wronecka", "Play"]


def test_a_polish_subject_after_a_fronted_phrase_is_kept() -> None:
    # a common noun in the nominative ("firma") or a name after the fronted phrase is the subject
    found = quotes(
        "pl",
        "Prezes Jan Nowak odwiedził Warszawę. "
        "Pod koniec kwietnia firma poinformowała, że zwiększy swoje zadłużenie o 2 mld zł.",
        "W środę 11 marca Światowa Organizacja Zdrowia podczas konferencji prasowej podała, że "
        "epidemię należy określić mianem pandemii.",
    )
    assert [q.speaker or q.speaker_role for q in found] == ["firma", "Światowa Organizacja Zdrowia"]


def test_french_selon_lequel_is_a_relative_clause_not_a_source() -> None:
    found = quotes(
        "fr",
        "Il existe un argument solide selon lequel M. Trump gère le processus au hasard.",
        "Le ministre a commenté un document selon lequel Sofia conditionnera l'adhésion.",
    )
    assert all(q.speaker_role != "lequel" for q in found)


def test_an_adjective_before_the_source_noun_belongs_to_the_source() -> None:
    # "Według lokalnych mediów" (according to local media): the adjective is not the source
    polish = quotes("pl", "Według lokalnych mediów ofiary należały do rodziny LeBaron.")
    assert [(q.speaker_role, q.text) for q in polish] == [
        ("lokalnych mediów", "ofiary należały do rodziny LeBaron")
    ]
    data = quotes("pl", "Według ostatnich danych zarejestrowano 242 tysiące chorych w Rosji.")
    assert [q.speaker_role for q in data] == ["ostatnich danych"]
    french = quotes("fr", "Selon les dernières informations, le bilan s'élève à douze morts.")
    assert [q.text for q in french] == ["le bilan s'élève à douze morts"]


def test_a_german_laut_source_keeps_its_genitive() -> None:
    # the genitive is read with the source; the ministry that owns the information is the
    # speaker (issue 22: an account names its owner, the de table's ``account_nouns``)
    found = quotes("de", "Laut Information des Gesundheitsministeriums hat sich die Zahl erhöht.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Gesundheitsministerium", "hat sich die Zahl erhöht")
    ]


def test_a_spanish_plural_verb_with_no_group_named_gets_no_singular_speaker() -> None:
    # "Denuncian además que …" (they denounce): not the last person named
    found = quotes(
        "es",
        "El ministro Juan Pérez visitó la frontera el lunes.",
        "Denuncian además que se están colocando minas en la zona desmilitarizada.",
    )
    assert [(q.text, q.speaker or q.speaker_role) for q in found] == [
        ("se están colocando minas en la zona desmilitarizada", None)
    ]
    singular = quotes(
        "es",
        "El ministro Juan Pérez visitó la frontera el lunes. "
        "Afirmó además que se están colocando minas en la zona desmilitarizada.",
    )
    assert [q.speaker for q in singular] == ["Juan Pérez"]


def test_a_german_comma_ends_the_laut_source() -> None:
    found = quotes(
        "de", "Laut Information des Gesundheitsministeriums, Stand 18 Uhr, ist die Zahl gestiegen."
    )
    assert [q.speaker for q in found] == ["Gesundheitsministerium"]


def test_a_name_after_in_is_a_place_not_whom_a_left_out_subject_means() -> None:
    found = quotes(
        "pl",
        "Minister Jan Kowalski mówił o atakach z serwerów zlokalizowanych w Sankt Petersburgu. "
        "Twierdzi też, że nadal nie jesteśmy gotowi na takie ataki.",
    )
    assert [q.speaker for q in found] == ["Jan Kowalski"]


def test_german_words_after_a_surname_are_whom_he_told_or_what_he_did_next() -> None:
    found = quotes(
        "de",
        "Der Staatssekretär Günter Krings (CDU) ist gegen eine Klarnamen-Pflicht.",
        '"Ich bin nicht der Auffassung, dass wir das brauchen", sagte Krings der Düsseldorfer '
        '"Rheinischen Post".',
        '"Diensteanbieter müssen das melden", sagte Krings und forderte zudem Maßnahmen.',
        "Der Zukunftsforscher Matthias Horx sieht Vertrauen.",
        '"Es ist ein Vertrauen in die Politik", sagte er zu der deutschen Presseagentur.',
        "Der Fahrer (62) bremste stark ab. Er sah sechs Jugendliche davonrennen, wie er der "
        "Polizei gegenüber berichtete.",
    )
    speakers = [q.speaker or q.speaker_role for q in found]
    assert speakers[:3] == ["Günter Krings"] * 2 + ["Matthias Horx"]
    assert "Polizei" not in speakers


def test_a_short_source_set_off_by_punctuation_is_whole() -> None:
    # "according to local authorities.": the adjective is not the source, nor a name before it
    found = quotes(
        "en",
        "Christopher Noxon's son died in a skiing accident in Utah on New Year's Eve, according "
        "to local authorities.",
        "Twelve people have died from the disease, according to the health ministry.",
    )
    assert [q.speaker or q.speaker_role for q in found] == [
        "local authorities",
        "health ministry",
    ]


def test_a_role_of_a_body_then_a_name_is_that_person() -> None:
    found = quotes(
        "en",
        "On Saturday, Deputy Minister of Health Waldemar Kraska announced that more hospitals "
        "will be opened.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Waldemar Kraska", "Deputy Minister of Health")
    ]
    spanish = quotes(
        "es",
        '"La situación debe merecer la intervención de la OTAN", dijo el Secretario General de '
        "la OTAN Anders Fogh Rasmussen.",
    )
    assert [q.speaker for q in spanish] == ["Anders Fogh Rasmussen"]


def test_french_a_after_an_inverted_speaker_is_whom_he_told() -> None:
    found = quotes(
        "fr",
        '"Nous ne soutenons pas cette idée", a déclaré Kurz à notre rédaction et à son journal '
        "partenaire Ouest-France.",
    )
    assert [q.speaker for q in found] == ["Kurz"]


def test_a_polish_fronted_phrase_before_a_quote_in_marks_is_no_speaker() -> None:
    found = quotes(
        "pl",
        "Prezydent USA Donald Trump napisał na Twitterze, że za atakiem stoi Teheran. "
        'W późniejszych wpisach zapewnił, że "Iran zostanie pociągnięty do pełnej '
        'odpowiedzialności".',
    )
    # (the acronym of the body the role belongs to, "USA", is no part of the name)
    assert [q.speaker for q in found] == ["Donald Trump"] * 2


def test_the_name_in_an_apposition_is_whose_spokesman_the_speaker_is() -> None:
    # "X, porte-parole du ministre Y, a déclaré que …": X spoke, not Y
    french = quotes(
        "fr",
        "Pierre Dupont, porte-parole du ministre Jean Martin, a déclaré que la réunion était "
        "annulée.",
    )
    spanish = quotes(
        "es",
        "Juan Pérez, portavoz del presidente Pedro Sánchez, dijo que la reunión fue cancelada.",
        "En Madrid, el portavoz de Exteriores Luis Gómez dijo que no habrá otra reunión.",
    )
    assert [q.speaker for q in french + spanish] == ["Pierre Dupont", "Juan Pérez", "Luis Gómez"]


def test_a_role_of_a_place_is_a_role_not_the_place() -> None:
    # "ministro de Exteriores", "líderes alauitas de Siria": "de" joins the role to what it
    # belongs to (it is also a Nordic determiner, which once hid it); the place is no speaker
    found = quotes(
        "es",
        "Su fe es distinta al islam chiita, insisten los líderes alauitas de Siria.",
        '"El subidrector de policía de Anatolia dice que está manteniendo alejados de la '
        'conferencia de la oposición siria a cientos de manifestantes a favor del régimen".',
    )
    assert [q.speaker or q.speaker_role for q in found] == [
        "líderes alauitas de Siria",
        "subidrector de policía de Anatolia",
    ]


def test_a_verb_alone_after_a_quote_then_a_sentence_or_a_clause_leaves_the_subject_out() -> None:
    # "«…», ha advertido. Pero …" and "«…», ha concluido, pidiendo …": no subject after the
    # verb, so the last speaker (not the auxiliary "ha" as a role)
    found = quotes_naming(
        "es",
        ["Walid al Mualem", "Ban"],
        "El ministro de Exteriores sirio, Walid al Mualem, ha respondido directamente a Kerry. "
        '"Nadie tiene el derecho para dar o retirar la legitimidad de un presidente, un gobierno '
        'o una ley en Siria salvo los sirios", ha advertido. Pero la mayor parte del discurso de '
        "Muallem ha tenido como objetivo a la oposición.",
        '"La violencia debe acabar, y todas las partes deben abstenerse de actos de terror", ha '
        'pedido Ban. "Les llamo a todos ustedes a que muestren visión humanitaria y política", ha '
        "concluido, pidiendo además a todas las partes implicadas a mostrar la máxima contención.",
    )
    assert [q.speaker for q in found] == ["Walid al Mualem", "Ban", "Ban"]


def test_a_role_of_something_is_held_by_whom_the_article_gives_that_role() -> None:
    # the holder of "embajador de Francia" is an embajador, not a person or country named
    # next to "Francia"; a whole role right before a name is that person's
    found = quotes(
        "es",
        "Una vez más, la decepción de Reino Unido, Francia o Estados Unidos se puso de "
        'manifiesto. "Es un día triste, pero no nos pararemos aquí", dijo entonces el embajador '
        "de Francia ante la ONU, Gérard Araud.",
    )
    assert [q.speaker for q in found] != ["Reino Unido"]
    held = quotes_naming(
        "es",
        ["Abdelkarim Guebaili"],
        "Manifestantes y policías se enfrentaron durante horas con un saldo provisional de tres "
        "muertos y 38 heridos, según Abdelkarim Guebaili, director del hospital Al Jala de "
        "Bengasi, citado por el diario privado Quryna. El director del centro sanitario indicó "
        "que la mayoría de los heridos eran agentes.",
    )
    assert [q.speaker for q in held][-1] == "Abdelkarim Guebaili"
    # a "presidente" named elsewhere, of something else, does not hold "presidente del tribunal"
    other = quotes_naming(
        "es",
        ["Htin Kyaw"],
        "El presidente Htin Kyaw visitó Rangún el lunes.",
        "El presidente del tribunal ruso señaló que la piloto perpetró el asesinato.",
    )
    assert [q.speaker for q in other] == [None]


def test_a_plural_verb_alone_after_a_quote_is_no_singular_speaker() -> None:
    # "«…», dicen.": they (the people in the square), not the last body or person named
    found = quotes(
        "es",
        "Amnistía Internacional denunció los abusos. Pero los otros documentos que enseñan no "
        'son más que tarjetas de identidad. "Es un mercenario de Gadafi, aquí está la prueba", '
        "dicen.",
    )
    assert [(q.text, q.speaker) for q in found if q.text.startswith("Es un")] == [
        ("Es un mercenario de Gadafi, aquí está la prueba", None)
    ]


def test_a_person_the_recogniser_found_after_en_is_no_referent() -> None:
    # the recogniser reads "Khan Sheikhoun" (a town) as a person; after "en" it is a place,
    # so "dijo" means the man named before it
    found = quotes_naming(
        "es",
        ["Abdul Hamid Youssef", "Khan Sheikhoun"],
        "Abdul Hamid Youssef perdió a su esposa, a sus gemelos de 11 meses, a dos hermanos, a su "
        "primo y a muchos de sus vecinos en el ataque del 4 de abril en Khan Sheikhoun.",
        "Describió la escena a las puertas de su casa.",
        '"Estaban temblando, y les salía espuma por las orejas", dijo.',
    )
    assert [q.speaker for q in found] == ["Abdul Hamid Youssef"]


def test_a_name_opening_the_sentence_before_appositions_is_the_subject() -> None:
    # the name that opens the sentence speaks; the appositions after it (with a bracket, a
    # relative clause, another name) only describe it
    french = quotes_naming(
        "fr",
        ["Annegret Kramp-Karrenbauer", "Angela Merkel"],
        "Annegret Kramp-Karrenbauer, chef des chrétiens-démocrates (CDU) de la chancelière "
        "Angela Merkel, a confirmé lundi qu'elle ne se présenterait pas aux élections fédérales "
        "de l'année prochaine.",
    )
    italian = quotes(
        "it",
        "Monica Kelsey, fondatrice di Safe Haven Baby Boxes, che è stata lei stessa abbandonata "
        "da bambina, ha affermato che lo sforzo di dotare le caserme dei pompieri di baby box "
        "continua.",
    )
    english = quotes(
        "en",
        "Emad Badi, analyst at Middle East Institute, told Al Jazeera that the inaction of "
        "countries has created a vacuum.",
    )
    assert [q.speaker for q in (*french, *italian, *english)] == [
        "Annegret Kramp-Karrenbauer",
        "Monica Kelsey",
        "Emad Badi",
    ]


def test_a_german_pronoun_then_der_and_a_noun_is_the_pronoun_and_whom_it_told() -> None:
    # "sagte er der Nachrichtenagentur AFP": "er" speaks, the agency is told (dative)
    found = quotes_naming(
        "de",
        ["Buschmann"],
        "Der parlamentarische Geschäftsführer der FDP-Bundestagsfraktion, Buschmann, "
        "appellierte an die Solidarität. „Wir bitten alle demokratischen Parteien, sich zu "
        "mäßigen“, sagte er der Nachrichtenagentur AFP.",
    )
    assert [q.speaker for q in found] == ["Buschmann"]


def test_an_impersonal_clitic_opens_no_speaker() -> None:
    # "¿Se puede considerar que …?", "Si dice che …": nobody in particular says it
    spanish = quotes("es", "¿Se puede considerar que Rusia ganó la guerra en Siria?")
    italian = quotes(
        "it",
        "Si dice che il presunto incidente sia avvenuto nella casa il 20 dicembre.",
    )
    assert [q.speaker or q.speaker_role for q in (*spanish, *italian)] == []


def test_a_sentence_opening_quienes_names_no_speaker() -> None:
    # "Quienes han estudiado su fe explican que …" (those who have studied it): whoever, not a
    # speaker named "Quienes"; "quienes" is the plural of the relative "quien"
    found = quotes(
        "es",
        "Quienes han estudiado su fe explican que los alauitas comparten creencias con el "
        "chiismo duodecimano.",
    )
    assert all(q.speaker != "Quienes" for q in found)


def test_a_capitalised_run_after_an_article_is_no_person_a_pronoun_means() -> None:
    # "at the National Palace": news writes a person's name without an article, so "he said"
    # is the president named before, not the palace
    found = quotes_naming(
        "en",
        ["Jovenel Moïse"],
        "PORT-AU-PRINCE, Haiti — Haitian President Jovenel Moïse broke with tradition on "
        "Wednesday and celebrated the country’s independence day in the capital.",
        "Moïse, whose government has been accused of corruption, denounced graft during his "
        "speech at the National Palace in Port-au-Prince and urged Haiti’s elite to work with "
        "the government and help create employment.",
        "“We’re still extremely poor,” he said.",
    )
    assert [q.speaker for q in found] == ["Jovenel Moïse"]


def test_a_spanish_medium_told_after_the_name_is_no_part_of_it() -> None:
    # "dijo Lukyanov a DW": "a" and what follows the name is whom he told (es told_prepositions)
    found = quotes_naming(
        "es",
        ["Fyodor Lukyanov"],
        "El politólogo Fyodor Lukyanov estuvo en Astaná. "
        '"Kazajistán desempeñó un papel muy importante", dijo Lukyanov a DW en la capital.',
    )
    assert [q.speaker for q in found] == ["Fyodor Lukyanov"]


def test_a_spanish_medium_of_two_words_before_the_speaker() -> None:
    # "comentó a BBC Mundo el analista": the medium told, then the role that spoke
    found = quotes(
        "es",
        '"Moscú teme que la región se convierta en una zona franca", comentó a BBC Mundo el '
        "analista internacional.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [(None, "analista internacional")]


def test_a_surname_then_what_the_words_are_about_is_the_person() -> None:
    # "agregó Tillerson respecto a los acuerdos": the surname of someone the article names
    found = quotes_naming(
        "es",
        ["Rex Tillerson"],
        "El secretario de Estado, Rex Tillerson, habló con la prensa. "
        '"Rusia debía destruir esas armas", agregó Tillerson respecto a los acuerdos firmados.',
    )
    assert [q.speaker for q in found] == ["Rex Tillerson"]


def test_an_english_body_before_a_role_and_a_full_name() -> None:
    # "said SPCA North Peace branch manager Candace Buchamer": the body, recognised as a name,
    # is not the speaker; the full name after the role is
    found = quotes_naming(
        "en",
        ["SPCA North Peace", "Candace Buchamer"],
        '"The puppies had been living in a trailer for weeks," said SPCA North Peace branch '
        "manager Candace Buchamer in a news release.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Candace Buchamer", "SPCA North Peace branch manager")
    ]


def test_a_spanish_second_verb_after_aunque_is_the_first_subjects() -> None:
    # "…, aunque matizó que": the subject of the first verb, not the conjunction
    found = quotes_naming(
        "es",
        ["Javad Zarif"],
        'El ministro iraní de Exteriores, Javad Zarif, dijo que "los grupos armados deben ser '
        'erradicados", aunque matizó que la retirada se hará con "pérdidas humanas mínimas".',
    )
    assert [q.speaker for q in found if q.kind == "direct"] == ["Javad Zarif", "Javad Zarif"]


def test_a_spanish_infinitive_after_the_quote_is_the_speakers_second_verb() -> None:
    # "…», aseguró X, antes de subrayar que «…»": no one called "antes"
    found = quotes_naming(
        "es",
        ["Jamal Ahmad"],
        '"Este es el principio del cambio", aseguró Jamal Ahmad, profesor universitario, '
        'antes de subrayar que "la revolución se volvió sangrienta".',
    )
    assert [q.speaker for q in found] == ["Jamal Ahmad", "Jamal Ahmad"]


def test_a_spanish_subject_before_an_auxiliary_then_para() -> None:
    # "Algunos blogueros también han aprovechado … para recordar que": the sentence's subject
    found = quotes(
        "es",
        "Algunos blogueros también han aprovechado la ocasión para recordar a sus lectores que "
        "la oposición convoca manifestaciones el lunes.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [("Algunos blogueros", None)]


def test_a_spanish_adverb_and_clitic_end_no_subject() -> None:
    # "Los ministros incluso le escribieron una carta para confirmar que": not "ministros incluso"
    found = quotes(
        "es",
        "Los ministros incluso le escribieron una carta para confirmar que la visita es la "
        "excepción.",
    )
    assert [q.speaker_role for q in found] == ["ministros"]


def test_an_auxiliary_after_the_quote_is_no_part_of_the_speaker() -> None:
    # "…, the force has said", "«…», les ha pedido": the auxiliary ends no speaker phrase
    found = quotes(
        "en",
        "The man's family have been informed and will be offered support, the force has said.",
    )
    assert [q.speaker_role for q in found] == ["force"]
    found = quotes_naming(
        "es",
        ["Muamar Gadafi"],
        'Muamar Gadafi habló por la televisión. "Salid a la calle, perseguidlos casa por casa", '
        "les ha pedido a sus partidarios.",
    )
    assert [q.speaker for q in found] == ["Muamar Gadafi"]


def test_an_english_adverb_or_though_around_the_subject() -> None:
    # "The Vatican previously said", "…, though investigators said": en adverbs, leading words
    found = quotes(
        "en",
        "The Vatican previously said it would wait for the end of the legal process.",
        "A caretaker found the damage on Dec. 19, though investigators said it is possible the "
        "graffiti was left in September.",
    )
    assert [q.speaker or q.speaker_role for q in found] == ["Vatican", "investigators"]


def test_an_irish_surname_keeps_its_o() -> None:
    # "O'Donaghey said": "O" is no article (Portuguese "o") before an apostrophe
    found = quotes_naming(
        "en",
        ["Jesse O'Donaghey"],
        "Cpl. Jesse O'Donaghey spoke to reporters. "
        '"We take matters such as these very seriously," O\'Donaghey said.',
    )
    assert [q.speaker for q in found] == ["Jesse O'Donaghey"]


def test_according_to_the_reader_addressed_is_no_source() -> None:
    # "según tus preferencias", "according to your preferences": a page's offer, no quote
    assert not quotes(
        "es",
        "Queremos conocerte para ofrecerte los contenidos según tus preferencias. "
        "¿Podrías respondernos unas breves preguntas?",
    )
    assert not quotes("en", "We choose the stories we show according to your reading history.")
    found = quotes("es", "Más de 50 personas murieron en el país, según el Observatorio Sirio.")
    assert [q.speaker for q in found] == ["Observatorio Sirio"]


def test_a_source_closing_the_sentence_with_a_name_is_all_of_it() -> None:
    # "…, según asegura la agencia de noticias estatal rusa RIA Nóvosti.": the source runs to the
    # name; the content is what stands before it
    found = quotes(
        "es",
        "Moscú y Ankara negocian un alto el fuego en Siria, según asegura la agencia de noticias "
        "estatal rusa RIA Nóvosti.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("Moscú y Ankara negocian un alto el fuego en Siria", "RIA Nóvosti")
    ]
    # opening the sentence, the word is followed by its source and then the content
    found = quotes("pl", "Według Igemana za atakiem na jego konto stoi Rosja.")
    assert [q.text for q in found] == ["za atakiem na jego konto stoi Rosja"]


def test_they_is_the_group_that_spoke_last_not_the_person_before_it() -> None:
    # "…, the researchers said. ¶ …, they said": not the professor quoted before them
    found = quotes_naming(
        "en",
        ["Jonathan Toner"],
        '"Phosphorus has long puzzled us," said Jonathan Toner, a professor at the university.',
        "Such lakes are found on all seven continents, the researchers said.",
        "Today these lakes support life ranging from microbes to flamingoes, they said.",
    )
    assert [q.speaker or q.speaker_role for q in found] == [
        "Jonathan Toner",
        "researchers",
        "researchers",
    ]


def test_a_date_after_the_reporting_verb_is_no_speaker() -> None:
    # "anunció el 12 de octubre que", "En agosto, reportó que": when it was said; the subject is
    # before the verb, or the one the language left out
    found = quotes(
        "es",
        "El portavoz del ministerio, Ahmed Saleh, anunció el 12 de octubre que las "
        "conversaciones quedaban suspendidas.",
        "«La ciudad está cercada», declaró el 3 de mayo de 2011 el general Juan Ortega.",
        "La misión visitó el puerto. En agosto, reportó que varios depósitos habían sido vaciados.",
    )
    assert [q.speaker for q in found] == ["Ahmed Saleh", "Juan Ortega", "Juan Ortega"]
    assert [q.speaker_role for q in found][:2] == [None, "general"]


def test_a_date_after_de_belongs_to_the_noun_before_it() -> None:
    # "un informe del 14 de enero": the report's date, part of the role
    found = quotes("es", '"El acuerdo es frágil", advierte un informe del 14 de enero.')
    assert [q.speaker_role for q in found] == ["informe del 14 de enero"]


def test_a_name_after_a_connector_is_no_subject_of_the_first_verb() -> None:
    # "A golpe de Twitter, Pedro Sánchez rectificó tras advertir que": Twitter is what the blow
    # is of; the subject of "rectificó" (and of "advertir") is Sánchez
    found = quotes_naming(
        "es",
        ["Twitter", "Pedro Sánchez"],
        "A golpe de Twitter, Pedro Sánchez rectificó tras advertir que no habría prórroga.",
    )
    assert [q.speaker for q in found] == ["Pedro Sánchez"]


def test_a_body_named_with_connectors_is_one_speaker() -> None:
    # "el Observatorio Libio de Derechos Humanos": one body, not a role and "Derechos Humanos"
    found = quotes(
        "es",
        "Al menos 12 personas murieron, según el Observatorio Libio de Derechos Humanos.",
        "El Comité Internacional de la Cruz Roja informó que 12 voluntarios fueron liberados.",
        "La Organización para la Prohibición de las Armas Químicas anunció que enviará "
        "inspectores.",
        "Al menos 8 civiles murieron, según el Observatorio Sirio de Derechos Humanos y los "
        "Comités de Coordinación Local.",
    )
    assert [(q.speaker, q.speaker_type) for q in found] == [
        ("Observatorio Libio de Derechos Humanos", "organisation"),
        ("Comité Internacional de la Cruz Roja", "organisation"),
        ("Organización para la Prohibición de las Armas Químicas", "organisation"),
        ("Observatorio Sirio de Derechos Humanos", "organisation"),
    ]


def test_whom_the_speaker_told_is_no_subject_after_the_verb() -> None:
    # "A soldier, who …, told TheCable that": English is no verb-second language; the name
    # after "told" is the paper told
    found = quotes(
        "en",
        "A soldier, who confirmed the attack, told TheCable that he got a call around 6pm.",
        "The nurse, who asked not to be named, told Reuters that the ward was full.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [(None, "soldier"), (None, "nurse")]


def test_a_pronoun_with_a_contracted_verb_opens_the_clause_said() -> None:
    # "said he's healthy enough now that …": "he's" is the clause's subject and verb, not an
    # inverted speaker before "that"
    found = quotes_naming(
        "en",
        ["Mike Daniels"],
        "Mike Daniels, who missed most of the season, said he's healthy enough now that he can "
        "play every day.",
    )
    assert [(q.speaker, q.text) for q in found] == [
        ("Mike Daniels", "he's healthy enough now that he can play every day")
    ]


def test_an_ambassador_to_a_country_is_a_role_before_the_name() -> None:
    found = quotes(
        "en",
        "Russian Ambassador to Italy Sergei Razov said the embassy had been informed.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Sergei Razov", "Russian Ambassador to Italy")
    ]


def test_an_agency_dateline_is_no_part_of_the_speaker() -> None:
    # "Madrid, 20 dic (EFE).- Estados Unidos anunció": the dateline ends at ".-"
    found = quotes(
        "es",
        "Bogotá, 3 mar (EFE).- Colombia anunció este lunes que cerrará su frontera con Venezuela.",
        "12.04.2011.- Francia responde a la Liga Árabe que no enviará tropas.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Colombia", None),
        ("Francia", None),
    ]


def test_a_spanish_subordinate_clause_opens_the_reporting_verbs_subject() -> None:
    # "Los vecinos suspiraron cuando el gobierno confirmó que": the subject of "confirmó" is the
    # one after "cuando", not the main clause before it
    found = quotes(
        "es",
        "Los comerciantes celebraron la noticia cuando el ayuntamiento confirmó que el mercado "
        "abrirá en diciembre.",
    )
    assert [(q.speaker or q.speaker_role) for q in found] == ["ayuntamiento"]


def test_the_medium_told_before_an_inverted_subject_is_no_part_of_its_role() -> None:
    # "dijo a Reuters el abogado de 45 años Ahmed Helmi": whom he told, then the subject
    found = quotes(
        "es",
        '"No aceptaremos otra cosa", dijo a Reuters el abogado de 52 años Karim Nasser.',
        '"La ciudad está tranquila", declaró a Efe el portavoz de los rebeldes Omar Said.',
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Karim Nasser", "abogado de 52 años"),
        ("Omar Said", "portavoz de los rebeldes"),
    ]


def test_a_place_phrase_opening_the_sentence_leaves_the_subject_out() -> None:
    # "En su cuenta de Twitter escribió:": where he wrote, capitalised; the subject is the one
    # named before. "En una entrevista reciente Samir Amin manifestó": the name after it
    found = quotes_naming(
        "es",
        ["Gustavo Petro", "Twitter", "Laura Gómez"],
        "El presidente Gustavo Petro criticó la decisión. En su cuenta de Twitter escribió: "
        '"Es un error histórico".',
        "En una entrevista reciente Laura Gómez manifestó que la reforma no tiene apoyos.",
    )
    assert [q.speaker for q in found] == ["Gustavo Petro", "Laura Gómez"]
    assert [q.speaker_role for q in found] == [None, None]
