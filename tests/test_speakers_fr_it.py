"""Speakers in French and Italian news sentences (issue 22): what the extractor missed or got
wrong on the unlabelled SemEval-2022 French and Italian texts in ``../shared/data`` and in
sentences written the way French and Italian wire copy (AFP, ANSA) words them. Where a sentence
is from a SemEval text its row is given; none is from an article of the dev golds. The tests need
no shared data; where a test says so, the recogniser's person mentions are given.
"""

from __future__ import annotations

from extraction_seeds import quotes_with_people, who_spoke

quotes = quotes_with_people


speakers = who_spoke


def test_an_italian_auxiliary_and_adverbs_opening_a_sentence_leave_the_subject_out() -> None:
    # "Ha poi aggiunto che …": no subject, the last one named (not "Ha poi")
    found = quotes(
        "it",
        "Il portavoce del governo, Moussa Ibrahim, ha detto che i ribelli sono stati respinti. "
        "Ha poi aggiunto che la Nato sta uccidendo civili. "
        "Ha inoltre spiegato che il regime è pronto a trattare.",
        people=("Moussa Ibrahim",),
    )
    assert speakers(found) == ["Moussa Ibrahim"] * 3


def test_an_auxiliary_after_a_name_is_no_part_of_it() -> None:
    # SemEval row 1546 (it): '"…", Giuliani ha detto ai giornalisti'
    found = quotes(
        "it",
        "L'avvocato del presidente, Rudy Giuliani, è pronto a testimoniare. "
        '"Mi piacerebbe provare il caso", Giuliani ha detto ai giornalisti.',
        people=("Rudy Giuliani",),
    )
    assert speakers(found) == ["Rudy Giuliani"]


def test_according_to_him_opening_a_sentence_is_the_last_one_named() -> None:
    found = quotes(
        "fr",
        "Nicolas Sarkozy a reçu les représentants des rebelles à l'Elysée. "
        "Selon lui, le régime de Tripoli n'a plus aucune légitimité.",
        people=("Nicolas Sarkozy",),
    )
    assert speakers(found) == ["Nicolas Sarkozy"]
    found = quotes(
        "it",
        "Franco Frattini ha incontrato i ministri europei a Bruxelles. "
        "Secondo lui, l'Europa deve parlare con una sola voce.",
        people=("Franco Frattini",),
    )
    assert speakers(found) == ["Franco Frattini"]


def test_according_to_what_someone_reported_is_that_someone() -> None:
    # "secondo quanto riferito dall'agenzia Ansa", "selon ce qu'a rapporté la télévision": the
    # source is the verb's agent or subject; "Secondo quanto riferito," (reportedly) names no one
    found = quotes(
        "it",
        "Secondo quanto riferito dall'agenzia Ansa, i ribelli hanno preso il controllo di Brega.",
        "Secondo quanto riferisce la tv di Stato, almeno venti persone sono state uccise.",
        "Secondo quanto riferito, almeno 10 voli sono stati cancellati all'aeroporto.",
    )
    assert speakers(found) == ["Ansa", "tv di Stato"]
    found = quotes(
        "fr",
        "Selon ce qu'a rapporté la télévision d'Etat, vingt personnes sont mortes à Deraa.",
    )
    assert speakers(found) == ["télévision d'Etat"]


def test_a_relative_clause_after_according_to_is_the_source_named_before_it() -> None:
    # "…, secondo cui …" after a reporting verb: what the clause hangs on spoke; "selon
    # laquelle" after no reporting verb names no one
    found = quotes(
        "it",
        "Lo riferisce la tv satellitare Al Jazeera, secondo cui i ribelli hanno conquistato Brega.",
    )
    assert speakers(found) == ["Al Jazeera"]
    assert found[0].text == "i ribelli hanno conquistato Brega"
    found = quotes(
        "fr",
        "La chaîne Al-Jazira, selon laquelle les rebelles ont pris Brega, a diffusé des images.",
    )
    assert found == ()


def test_italian_secondo_after_an_article_is_second_not_according_to() -> None:
    # SemEval rows 1214 and 1216 (it): "per evitare un secondo round", "passare al secondo turno"
    found = quotes(
        "it",
        "Il conteggio è ancora in corso con il signor Morales al primo posto, ma al momento non "
        "ha abbastanza vantaggio per evitare un secondo round.",
        "Giovedì l'Organizzazione degli Stati americani avvierà un audit dei risultati per "
        "decidere se i sondaggi debbano passare al secondo turno.",
        "Gli scontri sono proseguiti tutta la notte, secondo la polizia.",
    )
    assert speakers(found) == ["polizia"]


def test_a_french_courtesy_title_is_no_part_of_the_name() -> None:
    # "M. Assad" (Le Monde's style): the point after "M" ends no speaker phrase, and the name
    # is Assad; SemEval row 1089 (fr): "M. Rosen a déclaré que …"
    found = quotes(
        "fr",
        "« Le peuple syrien veut la stabilité », a déclaré M. Assad dans un discours à la nation.",
        "M. Rosen a déclaré que les problèmes ne sont liés à aucun changement dans ses effectifs.",
        "« Nous sommes prêts », a déclaré Mme Clinton lors d'une conférence de presse.",
    )
    assert speakers(found) == ["Assad", "Rosen", "Clinton"]


def test_a_body_set_off_after_according_to_is_named_whole() -> None:
    # "selon l'Observatoire syrien des droits de l'homme (OSDH), …": the body and its acronym
    # are the source, not "Observatoire" with "syrien des droits …" left in the content
    found = quotes(
        "fr",
        "Selon l'Observatoire syrien des droits de l'homme (OSDH), au moins quinze personnes ont "
        "été tuées vendredi.",
        "Selon l'Observatoire syrien des droits de l'homme, dix civils ont péri à Homs.",
    )
    assert speakers(found) == ["Observatoire syrien des droits de l'homme"] * 2
    assert [quote.text for quote in found] == [
        "au moins quinze personnes ont été tuées vendredi",
        "dix civils ont péri à Homs",
    ]
    found = quotes(
        "it",
        "Secondo il Consiglio nazionale di transizione, i ribelli controllano la città.",
    )
    assert speakers(found) == ["Consiglio nazionale di transizione"]
    assert found[0].text == "i ribelli controllano la città"


def test_a_name_then_a_clause_after_according_to_is_the_name_alone() -> None:
    # no article before the capitalised word, or an article after a verb: a name, then the
    # content (Norwegian V2 "Ifølge Staberg frykter de …"; Spanish "según la ONU comportaría")
    found = quotes(
        "nb", "Ifølge Staberg frykter de ikke bråk i salen, men skolen vil være føre var."
    )
    assert speakers(found) == ["Staberg"]
    assert found[0].text.startswith("frykter de ikke bråk")


def test_a_statement_closed_by_a_compound_past_and_its_subject() -> None:
    # French and Italian wire copy: "…, a indiqué un militant.", "…, ha detto all'Ansa un
    # testimone."; an object after the verb ("a annoncé sa démission") is no speaker, and a
    # name set off by commas is the subject of the sentence, no statement
    found = quotes(
        "fr",
        "Les forces de sécurité ont tué dix manifestants, a indiqué un militant joint par "
        "téléphone.",
        "Les forces de sécurité ont ouvert le feu sur la foule, a affirmé à l'AFP Rami Abdel "
        "Rahmane, président de l'OSDH.",
        "Le ministre de la Justice, Moustafa Abdel Jalil, a annoncé sa démission.",
    )
    assert speakers(found) == ["militant joint par téléphone", "Rami Abdel Rahmane"]
    found = quotes(
        "it",
        "Le forze di sicurezza hanno aperto il fuoco sulla folla, ha detto all'Ansa un testimone.",
        "Il ministro, Mustafa Abdel Jalil, ha annunciato le sue dimissioni.",
    )
    assert speakers(found) == ["testimone"]


def test_making_known_is_a_reporting_verb() -> None:
    # "ha fatto sapere che", "ha reso noto che", "a fait savoir que"
    found = quotes(
        "it",
        "Gheddafi ha fatto sapere che non lascerà il paese.",
        "Il governo ha reso noto che i negoziati proseguiranno.",
    )
    assert speakers(found) == ["Gheddafi", "governo"]
    found = quotes("fr", "Kadhafi a fait savoir qu'il ne quitterait pas le pays.")
    assert speakers(found) == ["Kadhafi"]
    # "riporta" reports; the noun "riporto" (a carry-over, in a SemEval Italian text) does not
    found = quotes(
        "it",
        "Il Rapid City Journal riporta che la senatrice è stata nominata martedì.",
        "Includono 126 milioni di spese operative e di riporto di capitale, che saranno "
        "utilizzate per una serie di progetti.",
    )
    assert speakers(found) == ["Rapid City Journal"]


def test_for_a_compound_role_opening_a_sentence_is_its_view() -> None:
    # "Pour le vice-président de la CENI, …": a compound of a role ("vice-président")
    found = quotes(
        "fr",
        "Pour le vice-président de la CENI, le double scrutin se tient dans un contexte difficile.",
    )
    assert speakers(found) == ["vice-président de la CENI"]


def test_french_present_and_reflexive_reporting_verbs_after_a_quote() -> None:
    # "estime X" (a form the dictionary reads as the noun "l'estime"), "a martelé X", "s'est
    # félicité X", and "s'est réjoui X" closing a statement without marks
    found = quotes(
        "fr",
        "« Le régime doit partir », estime Burhan Ghalioun, président du Conseil national syrien.",
        "« C'est une victoire pour le peuple égyptien », s'est félicité Mohamed ElBaradei.",
        "« Nous ne partirons pas », a martelé un manifestant.",
        "Les rebelles ont pris la ville, s'est réjoui le porte-parole du CNT.",
    )
    assert speakers(found) == [
        "Burhan Ghalioun",
        "Mohamed ElBaradei",
        "manifestant",
        "porte-parole du CNT",
    ]


def test_a_conjunction_before_according_to_is_no_part_of_the_content() -> None:
    # "Mais selon l'opposition, il …": what follows the source is the content
    found = quotes(
        "fr",
        "Le président a promis de partir. Mais selon l'opposition, il cherche à gagner du temps.",
    )
    assert [quote.text for quote in found] == ["il cherche à gagner du temps"]
    found = quotes(
        "it",
        "Ma secondo l'opposizione, il presidente cerca di guadagnare tempo.",
    )
    assert [quote.text for quote in found] == ["il presidente cerca di guadagnare tempo"]


def test_the_subject_after_a_source_set_off_is_no_apposition_of_it() -> None:
    # "Selon le ministère de la Défense, Kadhafi a fui …": Kadhafi is the content's subject, not
    # a name set off after the source (that one is closed by a comma: "…, Mickey Rosenfeld, …")
    found = quotes("fr", "Selon le ministère de la Défense, Kadhafi a fui vers le sud.")
    assert speakers(found) == ["ministère de la Défense"]
    assert found[0].text == "Kadhafi a fui vers le sud"
    found = quotes(
        "es",
        "Según la Agencia Internacional de la Energía, Libia tardará al menos un año en "
        "recuperar su producción.",
    )
    assert found[0].text == "Libia tardará al menos un año en recuperar su producción"
    found = quotes(
        "nb",
        "Ifølge en talsmann for politiet, Mickey Rosenfeld, er situasjonen rolig.",
        people=("Mickey Rosenfeld",),
    )
    assert speakers(found) == ["Mickey Rosenfeld"]


def test_an_arabic_particle_joined_to_a_surname_is_part_of_the_name() -> None:
    # "Bachar al-Assad" (French spelling): the name after the role, and the one "il" means
    found = quotes(
        "fr",
        "Le président syrien Bachar al-Assad a affirmé mardi que les réformes se poursuivraient. "
        "« Le peuple syrien veut la stabilité », a-t-il ajouté.",
        "« Nous ne céderons pas », a déclaré le ministre Abdel Fattah al-Sissi.",
    )
    assert [quote.speaker for quote in found] == [
        "Bachar al-Assad",
        "Bachar al-Assad",
        "Abdel Fattah al-Sissi",
    ]


def test_a_plural_pronoun_joined_to_an_auxiliary_is_no_role() -> None:
    # "», ont-ils affirmé": the auxiliary and "they" joined by a hyphen, a pronoun (not a role
    # "ont-ils"); the people named together before are they
    found = quotes(
        "fr",
        "Alain Juppé et Hillary Clinton se sont entretenus à Paris. « Nous ne laisserons pas "
        "Kadhafi massacrer son peuple », ont-ils affirmé devant la presse.",
        people=("Alain Juppé", "Hillary Clinton"),
    )
    assert len(found) == 1
    assert found[0].speaker_role != "ont-ils"
    assert found[0].speaker_type != "role"


def test_chanting_is_a_reporting_verb() -> None:
    # slogans chanted by a crowd: "scandaient les manifestants", "scandivano i manifestanti"
    found = quotes(
        "fr",
        "« Le peuple veut la chute du régime », scandaient les manifestants sur la place Tahrir.",
    )
    assert speakers(found) == ["manifestants"]
    found = quotes(
        "it",
        '"Il popolo vuole la caduta del regime", scandivano i manifestanti in piazza.',
    )
    assert speakers(found) == ["manifestanti"]


def test_the_agency_told_by_its_name_is_no_part_of_the_role() -> None:
    # "ha detto all'Afp il portavoce …": the agency told, then the subject
    found = quotes(
        "it",
        '"Siamo pronti a combattere fino alla fine", ha detto all\'Afp il portavoce dei ribelli '
        "Abdel Hafiz Ghoga.",
        people=("Abdel Hafiz Ghoga",),
    )
    assert speakers(found) == ["Abdel Hafiz Ghoga"]
    assert found[0].speaker_role == "portavoce dei ribelli"


def test_a_portfolio_read_into_a_name_goes_back_to_the_role() -> None:
    # the recogniser's "Esteri Franco Frattini" after "il ministro degli": the portfolio is the
    # role's, the name is Franco Frattini
    found = quotes(
        "it",
        '"La situazione è molto grave", ha detto il ministro degli Esteri Franco Frattini.',
        people=("Esteri Franco Frattini",),
    )
    assert speakers(found) == ["Franco Frattini"]
    assert found[0].speaker_role == "ministro degli Esteri"


def test_words_pointing_back_give_the_statement_before_them() -> None:
    # "C'est ce qu'a déclaré X", "È quanto ha dichiarato X", "Lo ha detto X": the statement
    # before, in marks or not, is X's
    found = quotes(
        "fr",
        "La France est prête à intervenir militairement en Libye. C'est ce qu'a déclaré mardi "
        "le porte-parole du gouvernement, François Baroin.",
        "« La France ne restera pas les bras croisés », c'est ce qu'a affirmé le ministre "
        "Alain Juppé.",
        people=("François Baroin", "Alain Juppé"),
    )
    assert speakers(found) == ["François Baroin", "Alain Juppé"]
    assert found[0].text == "La France est prête à intervenir militairement en Libye"
    found = quotes(
        "it",
        "L'Italia è pronta a fare la sua parte in Libia. È quanto ha dichiarato il ministro "
        "Ignazio La Russa.",
        "La Nato guiderà le operazioni militari. Lo ha detto il portavoce dell'Alleanza.",
        people=("Ignazio La Russa",),
    )
    assert speakers(found) == ["Ignazio La Russa", "portavoce dell'Alleanza"]


def test_an_attribution_set_in_mid_sentence_leaves_the_predicate_after_it() -> None:
    # "Moubarak, a expliqué X, a décidé de …": the subject before the incise, its verb after
    found = quotes(
        "fr",
        "Moubarak, a expliqué le vice-président Omar Souleimane dans un message télévisé, a "
        "décidé de quitter ses fonctions.",
        people=("Omar Souleimane",),
    )
    assert speakers(found) == ["Omar Souleimane"]
    assert found[0].text == "Moubarak a décidé de quitter ses fonctions"


def test_portuguese_segundo_after_an_article_is_second_not_according_to() -> None:
    found = quotes(
        "pt",
        "O segundo turno das eleições presidenciais será realizado no próximo domingo.",
        "Os confrontos continuaram durante toda a noite, segundo a polícia.",
    )
    assert speakers(found) == ["polícia"]


def test_an_italian_plural_article_opens_the_subject() -> None:
    # "hanno detto i testimoni": "i" is the article (not Nordic "in", a place phrase)
    found = quotes(
        "it",
        '"Abbiamo visto i carri armati entrare in città", hanno detto i testimoni.',
    )
    assert speakers(found) == ["testimoni"]


def test_a_sentence_may_open_with_a_capital_grave_or_circumflex() -> None:
    from newsloom.extract.sentences import split_sentences

    texts = [
        sentence.text
        for sentence in split_sentences(
            "La Francia è pronta a intervenire. È stato il ministro a dirlo. À Paris, rien."
        )
    ]
    assert texts == [
        "La Francia è pronta a intervenire.",
        "È stato il ministro a dirlo.",
        "À Paris, rien.",
    ]


def test_an_article_before_a_named_source_is_no_role() -> None:
    # "secondo il New York Times": the article describes no one (not the role "il")
    found = quotes(
        "it",
        "Gli scontri sono proseguiti per tutta la notte nella capitale, secondo il New York Times.",
        people=("New York Times",),
    )
    assert speakers(found) == ["New York Times"]
    assert found[0].speaker_role is None


def test_the_agency_told_with_an_elided_article_before_that() -> None:
    # "a indiqué à l'AFP que", "ha detto all'Ansa che": the one told stands between the verb
    # and its clause, with an elided article
    found = quotes(
        "fr",
        "Un habitant de Deraa a raconté à l'AFP que les soldats tiraient sur la foule.",
    )
    assert speakers(found) == ["habitant de Deraa"]
    assert found[0].text == "les soldats tiraient sur la foule"
    found = quotes(
        "it",
        "Il ministro dell'Interno ha detto all'Ansa che la situazione è sotto controllo.",
    )
    assert speakers(found) == ["ministro dell'Interno"]


def test_what_one_learned_from_a_source_is_the_source_s() -> None:
    # AFP's "a-t-on appris de source …", "a-t-on appris auprès de …": the source spoke
    found = quotes(
        "fr",
        "« Le suspect a été interpellé dans la nuit à Marseille », a-t-on appris auprès de la "
        "police.",
        "Trois manifestants ont été tués vendredi à Deraa, a-t-on appris de source médicale.",
    )
    assert speakers(found) == ["police", "source médicale"]


def test_a_body_of_several_words_a_recogniser_read_into_a_name_joins_the_role() -> None:
    # "il sindaco di South Bend Pete Buttigieg": the body ends where the recogniser's other
    # names of the paragraph tell (the person alone, the body alone) or with a word that ends
    # a body's name ("Agency"); the speaker is the full name after it
    found = [
        *quotes_with_people(
            "it",
            "Il sindaco di South Bend Pete Buttigieg ha annunciato mercoledì che la sua campagna"
            " ha raccolto 24 milioni di dollari. Buttigieg ha ringraziato i donatori.",
            people=("South Bend Pete Buttigieg", "Pete Buttigieg"),
        ),
        *quotes_with_people(
            "it",
            "Il portavoce della National Disaster Mitigation Agency Agus Wibowo ha affermato che"
            " le piogge hanno sommerso almeno 90 quartieri.",
            people=("National Disaster Mitigation Agency Agus Wibowo",),
        ),
    ]
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Pete Buttigieg", "sindaco di South Bend"),
        ("Agus Wibowo", "portavoce della National Disaster Mitigation Agency"),
    ]


def test_a_body_and_the_place_it_serves_is_an_organisation_not_a_person() -> None:
    # "La polizia di Sioux Falls": the recogniser read the place as a person; a body's word,
    # then a connector, is no one's role
    found = quotes_with_people(
        "it",
        "La polizia di Sioux Falls afferma che un uomo è stato arrestato dopo la rapina.",
        people=("Sioux Falls",),
    )
    assert [(q.speaker, q.speaker_type) for q in found] == [
        ("polizia di Sioux Falls", "organisation")
    ]
