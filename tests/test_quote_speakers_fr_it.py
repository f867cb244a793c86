"""French and Italian speakers and quote spans read off unlabelled news (issue 22): a
conjunction opening the sentence or joining a second verb, the paper told after an inverted
subject, "si legge nella nota", and a source set off after the content that goes on.

Every sentence here is invented; each test names the general rule it exercises.
"""

from __future__ import annotations

from extraction_seeds import quotes_with_people, text_article
from newsloom.extract.quotes import extract_quotes
from newsloom.records import Quote


def quotes(language: str, *paragraphs: str) -> tuple[Quote, ...]:
    return extract_quotes(text_article(*paragraphs, language=language))


def test_an_italian_conjunction_opening_the_sentence_is_no_part_of_the_speaker() -> None:
    found = quotes(
        "it",
        "Ma la sindaca Chiara Conti ha detto che il ponte riaprirà a marzo.",
        "E il prefetto ha aggiunto che i controlli continueranno per tutto l'inverno.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Chiara Conti", "sindaca"),
        (None, "prefetto"),
    ]


def test_an_italian_second_verb_after_e_has_the_first_verbs_subject() -> None:
    found = quotes(
        "it",
        "Un portavoce della Protezione civile ha confermato i dati, come previsto dal piano, "
        "e ha affermato che altre squadre arriveranno domani.",
    )
    assert [(q.text, q.speaker_role) for q in found] == [
        ("altre squadre arriveranno domani", "portavoce della Protezione civile")
    ]


def test_the_paper_told_after_an_inverted_name_is_not_the_speaker() -> None:
    french = quotes(
        "fr",
        "« Nous ne fermerons pas la ligne », a déclaré Hélène Marchal à notre rédaction et "
        "à son partenaire Radio Sud.",
    )
    italian = quotes(
        "it",
        "«Il cantiere chiuderà entro l'estate», ha riferito Paolo Ferri questa settimana su "
        "Radio Valle.",
        "«Non ci saranno ritardi», ha detto Giulia Bianchi alla Gazzetta di Lecco.",
    )
    assert [q.speaker for q in french] == ["Hélène Marchal"]
    assert [q.speaker for q in italian] == ["Paolo Ferri", "Giulia Bianchi"]


def test_words_read_in_a_document_are_the_documents() -> None:
    italian = quotes("it", "«Il servizio riprenderà lunedì», si legge nella nota dell'azienda.")
    french = quotes(
        "fr", "« Le service reprendra lundi », peut-on lire dans le communiqué de la société."
    )
    assert [q.speaker or q.speaker_role for q in italian] == ["nota dell'azienda"]
    assert [q.speaker or q.speaker_role for q in french] == ["communiqué de la société"]


def test_a_source_set_off_after_the_content_that_goes_on_is_no_part_of_the_quote() -> None:
    found = quotes(
        "it",
        "Le vendite di biciclette sono cresciute del 12 per cento nel primo semestre, "
        "secondo un rapporto dell'Ancma, che è stato presentato ieri a Milano.",
        "Gli affitti in centro sono saliti di un quinto in due anni, secondo uno studio di "
        "fine anno 2023 della Camera di commercio di Torino.",
    )
    assert [q.text for q in found] == [
        "Le vendite di biciclette sono cresciute del 12 per cento nel primo semestre",
        "Gli affitti in centro sono saliti di un quinto in due anni",
    ]


def test_a_that_clause_after_the_set_off_source_keeps_the_sentence() -> None:
    # "que" after a reporting verb is "that", not a relative pronoun on the source (the source
    # set off between the verb and "que" is where the words were read, the subject said them);
    # and a short fronted phrase before the source is no content of its own
    found = quotes(
        "es",
        "El alcalde del municipio dijo, según la agencia local, que el puente abrirá en marzo.",
        "Hasta ahora, según el presidente del club, que fue elegido en 2019, solo pueden "
        "votar los socios.",
    )
    assert [q.text for q in found] == [
        "el puente abrirá en marzo",
        "Hasta ahora, según el presidente del club, que fue elegido en 2019, solo pueden votar "
        "los socios",
    ]
    assert found[0].speaker_role == "alcalde del municipio"


def test_a_clause_opening_with_be_names_no_speaker() -> None:
    # "C'est peu dire que …", "È qualcosa che …": a cleft or an impersonal "it is", not a name
    french = quotes("fr", "C'est peu dire que la fermeture de l'usine a surpris la région.")
    italian = quotes("it", "È chiaro che il nuovo orario non piace ai pendolari della valle.")
    assert [q.speaker or q.speaker_role for q in french + italian] == []


def test_italian_reported_speech_in_the_infinitive_after_di() -> None:
    # "ha detto di aver …", "afferma di essere …": what was said, in the infinitive
    found = quotes(
        "it",
        "La sindaca Chiara Conti ha detto di aver scritto alla Regione per i fondi del ponte.",
        "La società afferma di essere pronta a riaprire la linea entro l'estate.",
    )
    assert [(q.text, q.speaker or q.speaker_role) for q in found] == [
        ("scritto alla Regione per i fondi del ponte", "Chiara Conti"),
        ("pronta a riaprire la linea entro l'estate", "società"),
    ]


def test_a_statement_closed_by_a_verb_joined_to_its_pronoun_is_the_one_named_before() -> None:
    # French wire copy closes unquoted words with the verb and its subject pronoun joined by
    # hyphens ("…, a-t-il ajouté.", "…, estime-t-elle."); the pronoun is the one named before.
    # A verb that reports no speech ("a-t-il fallu") closes no statement.
    found = quotes(
        "fr",
        "La maire de Lunel, Claire Vidal, a annoncé lundi la fermeture du pont.",
        "La circulation sera déviée par la route de Nîmes, estime-t-elle.",
        "Les travaux pourraient durer jusqu'à l'été, a-t-elle précisé mardi à France Bleu, "
        "annonçant une réunion publique.",
        "Pour refaire la chaussée, combien de mois a-t-il fallu.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("La circulation sera déviée par la route de Nîmes", "Claire Vidal"),
        ("Les travaux pourraient durer jusqu'à l'été", "Claire Vidal"),
    ]


def test_a_statement_closed_by_as_it_and_a_compound_past_is_its_subjects() -> None:
    # "…, comme l'a annoncé la compagnie.": "as" and the pronoun standing for the statement
    # ("l'") open the closing attribution; its subject after the verb is the speaker
    found = quotes(
        "fr",
        "Le trafic reprendra progressivement à partir de lundi sur la ligne de Bayonne, comme "
        "l'a annoncé la SNCF mercredi à Bordeaux.",
        "Le projet avance bien, comme le montre la carte.",
    )
    assert [(q.text, q.speaker or q.speaker_role) for q in found] == [
        ("Le trafic reprendra progressivement à partir de lundi sur la ligne de Bayonne", "SNCF")
    ]


def test_an_account_after_according_to_is_its_owners() -> None:
    # SemEval fr: "Selon les informations du Progrès, …": the paper, not its information; an
    # owner after an elided genitive ("d'", "dell'") or an elided article ("de l'") too
    found = quotes(
        "fr",
        "Selon les informations du Progrès, deux départs de feu se seraient produits "
        "peu avant minuit.",
        "D'après les informations d'Ouest-France, le suspect a été interpellé mardi.",
        "Selon des informations du Parisien, le suspect a été placé en garde à vue.",
    )
    assert [quote.speaker for quote in found] == ["Progrès", "Ouest-France", "Parisien"]
    assert found[1].text == "le suspect a été interpellé mardi"
    found = quotes(
        "it",
        "Secondo le informazioni del Corriere, il ministro si dimetterà entro venerdì.",
        "Secondo i dati dell'Istat, la disoccupazione è scesa al 9 per cento.",
    )
    assert [quote.speaker for quote in found] == ["Corriere", "Istat"]
    assert found[1].text == "la disoccupazione è scesa al 9 per cento"


def test_an_italian_place_fronted_before_the_subject_is_no_speaker() -> None:
    # SemEval it: "In Inghilterra, il dipartimento di polizia … ha annunciato che …": where,
    # not who (Italian "in", "nel", … as French "en", "dans" and Spanish "en")
    found = quotes(
        "it",
        "In Inghilterra, il dipartimento di polizia della valle del Tamigi ha annunciato che "
        "smetterà di pubblicare foto di coltelli sequestrati.",
    )
    assert [(quote.speaker, quote.speaker_role) for quote in found] == [
        ("dipartimento di polizia della valle del Tamigi", None)
    ]


def test_a_name_after_a_role_of_a_role_holds_the_inner_role_not_the_speakers() -> None:
    # SemEval fr: "Le porte-parole officiel du Premier ministre Boris Johnson a déclaré que …":
    # with no comma before it, the name goes with the role right before it (the Prime Minister
    # it names); the spokesman who spoke is not named
    cases = [
        (
            "fr",
            "Le porte-parole du Premier ministre Jean Castex a déclaré que le gouvernement "
            "protesterait.",
            "Jean Castex",
            "porte-parole du Premier ministre Jean Castex",
        ),
        (
            "it",
            "Il portavoce del primo ministro Mario Draghi ha detto che il governo protesterà.",
            "Mario Draghi",
            "portavoce del primo ministro Mario Draghi",
        ),
        (
            "es",
            "El portavoz del presidente Pedro Sánchez dijo que el Gobierno protestaría.",
            "Pedro Sánchez",
            "portavoz del presidente Pedro Sánchez",
        ),
    ]
    for language, text, name, role in cases:
        found = quotes_with_people(language, text, people=(name,))
        assert [(quote.speaker, quote.speaker_role) for quote in found] == [(None, role)]


def test_a_role_with_an_owner_that_is_no_role_keeps_its_holder() -> None:
    # the rule above reads a role after the connector: a portfolio there ("de l'Intérieur")
    # leaves the name the role's holder, and so does a name set off by a comma
    text = "Le ministre de l'Intérieur Gérald Darmanin a déclaré que la marche était interdite."
    found = quotes_with_people("fr", text, people=("Gérald Darmanin",))
    assert [(quote.speaker, quote.speaker_role) for quote in found] == [
        ("Gérald Darmanin", "ministre de l'Intérieur")
    ]
    text = "Le porte-parole du ministre, Jean Dupont, a déclaré que la marche était interdite."
    found = quotes_with_people("fr", text, people=("Jean Dupont",))
    assert [quote.speaker for quote in found] == ["Jean Dupont"]


def test_the_people_told_right_after_the_verb_leave_the_subject_out() -> None:
    # "«…», ha detto ai giornalisti.": Italian joins the preposition to every article ("ai",
    # "agli", "alle", "allo"), French "à" to "les" ("aux"); the one told is no speaker, the
    # last one named goes on
    italian = quotes(
        "it",
        "La sindaca Chiara Conti vuole sapere chi ha demolito la casa.",
        "«È un buco nel terreno», ha detto ai giornalisti.",
        "«Nessuno mi ha avvisato», ha spiegato agli investigatori.",
    )
    french = quotes(
        "fr",
        "La maire Claire Dupont veut savoir qui a démoli la maison.",
        "« C'est un trou », a déclaré aux journalistes.",
    )
    assert [quote.speaker for quote in italian] == ["Chiara Conti", "Chiara Conti"]
    assert [quote.speaker for quote in french] == ["Claire Dupont"]
