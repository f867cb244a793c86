"""Someone talking over paragraphs that carry no first-person word, a second reporting verb in a
sentence whose first has no speaker, and roles a body owns (#16). The sentences are from NorNE's
training documents, which no quote gold covers."""

from __future__ import annotations

import re

from extraction_seeds import quotes, text_article
from newsloom.extract.quotes import extract_quotes
from newsloom.extract.speakers import parse_speaker
from newsloom.records import EntityMention, EntityType


def test_a_dash_quote_goes_on_over_a_fragment_when_the_talk_resumes() -> None:
    found = quotes(
        "Han hadde planlagt selvmordet sitt.",
        "- Jeg skar meg med barberbladet i håndleddet.",
        "Én gang, og to ganger.",
        "Jeg så blodet renne.",
        "David Bowie sang på radioen.",
        "Han våknet på sykehuset.",
    )
    assert [q.paragraph for q in found] == [1, 2, 3]


def test_sentences_about_whom_the_quote_talks_of_go_on_until_the_talk_resumes() -> None:
    found = quotes(
        "Vi møter Peter Tatchell, en av Justins nærmeste venner.",
        "- Jeg visste først ikke engang hvem han var.",
        "Fotballspilleren.",
        "Og han lyste opp ethvert rom med sitt smil.",
        "Han fikk folk til å føle seg vel.",
        "Da vi ble venner, var han bare 20.",
        "Seine kvelder satt Fashanu på sitt hotell og ringte Tatchell.",
    )
    assert [q.paragraph for q in found] == [1, 2, 3, 4, 5]


def test_narrative_that_never_returns_to_the_talk_is_the_journalists() -> None:
    found = quotes(
        "- Øynene mine var helt vidåpne.",
        "Borte.",
        "Martin rister på hodet.",
        "Han tenker på Abdon Porte, landslagsspilleren fra Uruguay.",
        "Vi snakker om noe annet.",
    )
    # "Martin …" names a person: the journalist writes again before "Vi" comes
    assert [q.paragraph for q in found] == [0]


def test_a_reporting_verb_after_the_writers_own_opinion_is_read() -> None:
    found = quotes(
        "Jeg syns det er positivt at finansministeren bekrefter at man i departementet "
        "arbeider med formuesskattens fremtid.",
    )
    assert [(q.speaker_role, q.kind, q.text) for q in found] == [
        ("finansministeren", "reported", "man i departementet arbeider med formuesskattens fremtid")
    ]


def test_words_before_a_second_verb_with_no_subject_give_no_quote() -> None:
    # "kan det være at": no one is the subject of the verb after the writer's own words
    found = quotes(
        "Når man legger til grunn at Norge er et sekularisert samfunn, kan det være krevende "
        "for både majoritet og minoritet at enkelte har en religiøs identitet.",
    )
    assert found == ()


def test_a_role_the_body_owns_is_the_speaker_not_the_body() -> None:
    assert parse_speaker("Klassekampens kjelde", ["Klassekampens"]) == parse_speaker(
        "Klassekampens kjelde"
    )
    owned = parse_speaker("Høgre sin leiar", ["Høgre"])
    assert owned is not None
    assert (owned.name, owned.role) == (None, "Høgre sin leiar")
    # a name with no genitive before a lowercase word stays the name
    plain = parse_speaker("Kari Holm i går", ["Kari Holm"])
    assert plain is not None
    assert plain.name == "Kari Holm"


def test_a_passive_with_an_empty_subject_names_no_speaker() -> None:
    # "Det vart sagt at …": nobody is said to speak; no quote with a verb for a speaker
    assert quotes("Det vart sagt at Bøckman tok affære.", language="nn") == ()
    assert (
        quotes(
            "Dessutan er det streka under at Språkrådet har ansvar for å ta initiativ.",
            language="nn",
        )
        == ()
    )


def test_a_subject_after_a_clause_opener_is_still_read() -> None:
    found = quotes(
        "Det er riktig som statsråden sier, at markedsreguleringssystemet er en unik ordning.",
    )
    assert [(q.speaker_role, q.kind) for q in found] == [("statsråden", "reported")]


def test_a_particle_verb_of_the_table_reports_speech() -> None:
    found = quotes(
        "Folkerettsekspert Geir Ulfstein strekar under at Ban Ki-moon ikkje kan sjefe over "
        "Sikkerheitsrådet.",
        language="nn",
    )
    assert [(q.speaker, q.kind) for q in found] == [("Geir Ulfstein", "reported")]


def test_an_attribution_with_a_second_verb_gives_both_statements_to_the_speaker() -> None:
    found = quotes(
        "Saka vart meld av tannlege Petter Øgar.",
        "Men dette er uansett kritikkverdig, seier Øgar og viser til at dette er noko legane "
        "burde ha spurt pasienten om.",
        language="nn",
    )
    assert [(q.speaker, q.kind, q.text) for q in found] == [
        ("Petter Øgar", "direct", "Men dette er uansett kritikkverdig"),
        ("Petter Øgar", "reported", "dette er noko legane burde ha spurt pasienten om"),
    ]


def test_a_swedish_attribution_with_a_second_verb_after_och() -> None:
    found = quotes(
        "Ärendet anmäldes av tandläkaren Petter Holm.",
        "Men det här är ändå kritikvärdigt, säger Holm och pekar på att det är något läkarna "
        "borde ha frågat patienten om.",
        language="sv",
    )
    assert [(q.speaker, q.kind) for q in found] == [
        ("Petter Holm", "direct"),
        ("Petter Holm", "reported"),
    ]


def test_saying_no_and_then_saying_that_names_no_speaker_of_the_first_part() -> None:
    found = quotes(
        "Ein annan fraksjon seier nei til alle typar hjelp og seier at Tyskland skal vente.",
        language="nn",
    )
    assert all(q.kind == "reported" for q in found)


def test_a_dash_quote_no_one_spoke_before_goes_to_whom_the_article_next_quotes() -> None:
    found = quotes(
        "Fotoklassen hadde førebudd seg grundig til 16 dagar i Egypt.",
        "- Fredag fekk vi beskjed frå kontakten vår i Kairo om at det går greitt.",
        "Planen var å lande i Kairo natt til onsdag.",
        "- Natt til søndag bestemte vi oss for å avlyse turen, fortel fotolærar Arne Håberg.",
        language="nn",
    )
    assert next((q.paragraph, q.speaker) for q in found) == (1, "Arne Håberg")


def test_a_question_no_one_spoke_before_gets_no_speaker_from_later() -> None:
    found = quotes(
        "- Er det en dyster bok?",
        "Boka kom ut i fjor.",
        "- Ja, det er den, sier Ekern.",
    )
    assert next((q.paragraph, q.speaker) for q in found) == (0, None)


def test_the_subject_after_the_verb_when_an_adverbial_is_fronted() -> None:
    found = quotes(
        "Ordfører Kari Lunde var ikke fornøyd med svaret fra departementet.",
        "Etter en stund sa hun at kommunen vil klage på vedtaket.",
        "En gang forteller Lunde journalisten at hun vurderte å gå av.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(1, "Kari Lunde"), (2, "Kari Lunde")]


def test_the_subject_after_the_verb_in_nynorsk_and_swedish() -> None:
    nynorsk = quotes(
        "Kommunelege Per Vik har arbeidd i bygda i ti år.",
        "Då sa han at kontoret ikkje lenger kan haldast ope.",
        language="nn",
    )
    assert [q.speaker for q in nynorsk] == ["Per Vik"]
    swedish = quotes(
        "Eva Berg är rektor på skolan sedan i fjol.",
        "Sedan berättade hon att skolan får nya lokaler.",
        language="sv",
    )
    assert [q.speaker for q in swedish] == ["Eva Berg"]


def test_a_pronoun_before_the_verb_is_its_subject() -> None:
    found = quotes(
        "Advokat Knut Lie fulgte saken.",
        "Vi syntes han svarte så godt at vi ikke så grunn til å spørre mer, sier Lie.",
    )
    # "vi" is the subject of "syntes": the clause is no one's reported speech of "han"
    assert all(q.speaker != "Knut Lie" or q.kind == "direct" for q in found)


def test_a_determiner_after_the_verb_is_no_subject() -> None:
    found = quotes(
        "Teologen Paulus Berg skriv om brevskrivarane.",
        "For øvrig understrekar dei perspektiva eg har gjeve, kor fleksibel Berg var.",
        language="nn",
    )
    assert not any(q.speaker == "Paulus Berg" and q.paragraph == 1 for q in found)


def test_talk_that_names_whom_it_was_given_to_is_someone_elses() -> None:
    found = quotes(
        "Læreren husker eleven godt.",
        "En dag forteller Cathrine ham at hun ikke har matpakke med.",
        "- Det kan godt være at det skjedde ofte.",
        "Men jeg husker ikke Cathrine sånn.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (1, "Cathrine"),
        (2, None),
        (3, None),
    ]


def _people(paragraphs: tuple[str, ...], *names: str) -> list[EntityMention]:
    """Person mentions of every occurrence of ``names`` (what the recogniser would find)."""
    return [
        EntityMention(name, EntityType.PERSON, index, found.start(), found.end())
        for index, text in enumerate(paragraphs)
        for name in names
        for found in re.finditer(re.escape(name), text)
    ]


def test_a_pronoun_means_the_person_a_sentence_was_about() -> None:
    paragraphs = (
        "Statsminister Kari Holm fikk vite om avtalen og partnerens navn, Ola Berg, på morgenen.",
        "Senere sa hun at avtalen er et godt resultat for landet.",
        "Direktør Per Nes i firmaet, som Holm har møtt flere ganger, var også til stede.",
        "Han mener at forhandlingene tok for lang tid.",
    )
    found = extract_quotes(
        text_article(*paragraphs, language="nb"),
        _people(paragraphs, "Kari Holm", "Ola Berg", "Per Nes", "Holm"),
    )
    # the subjects, not the names last in the sentences (Ola Berg, Holm)
    assert [(q.paragraph, q.speaker) for q in found] == [(1, "Kari Holm"), (3, "Per Nes")]


def test_one_question_to_you_after_a_dash_is_the_journalists() -> None:
    found = quotes(
        "- Vi fikk ordre om å rykke ut med en gang, sier brannsjef Ola Dahl.",
        "- Var du redd da du kom fram?",
        "Jeg var mest opptatt av å få ut folk.",
        "Vi fikk alle ut i tide.",
    )
    # the question is out; the answer, with no dash, is the firefighter's
    assert [(q.paragraph, q.speaker) for q in found] == [
        (0, "Ola Dahl"),
        (2, "Ola Dahl"),
        (3, "Ola Dahl"),
    ]


def test_a_question_whose_attribution_follows_in_the_next_paragraph_is_a_quote() -> None:
    found = quotes(
        "Treneren Per Holm var streng med spillerne.",
        "- Kari, hvor går du når du vil ha brød?",
        "spør Holm.",
    )
    assert [q.paragraph for q in found] == [1]


def test_both_x_and_y_is_no_one_called_both() -> None:
    found = quotes(
        "Sverre Myhrvold har bodd i Spania siden 2000.",
        "Kari Kolås selger hus der.",
        "Både han og Kolås mener prisene vil fortsette å falle i flere år til.",
    )
    assert [q.speaker for q in found] == ["Kari Kolås"]


def test_an_apposition_with_an_ordinals_point_before_the_verb() -> None:
    found = quotes(
        "Lege Reidar Gjøtterud, som har sagt opp stillinga si frå 1. mai, meinte grunnen til "
        "legekrisa var mangel på kommunikasjon.",
        language="nn",
    )
    assert [q.speaker for q in found] == ["Reidar Gjøtterud"]


def test_a_clause_after_the_verb_is_no_closing_attribution() -> None:
    found = quotes(
        "Synnøve Lie, leiar i barnevernet i Vest-Telemark, meiner eit utvida samarbeid om "
        "barnevern skal gjere det lettare å rekruttere.",
        language="nn",
    )
    # "meiner [at] eit utvida samarbeid skal …": no one called "utvida samarbeid" says the
    # words before the comma
    assert not any(q.kind == "direct" for q in found)
    assert quotes("Dette er feil, seier Per Hansen, som er leiar i laget.", language="nn")[
        0
    ].speaker == ("Per Hansen")


def test_a_common_word_opening_the_sentence_is_no_speaker() -> None:
    found = quotes(
        "Dubbing av barne-tv er omstridt.",
        "Muligens mener de at barna lærer mindre engelsk av det.",
        "Retorikk betyr at man taler både til hjerte og hjerne.",
    )
    assert not any(q.speaker in ("Muligens", "Retorikk") for q in found)
    # a definite noun is a body or a role ("Utvalget mener at")
    bodies = quotes("Utvalget mener at kirken bør skilles fra staten.")
    assert [q.speaker for q in bodies] == ["Utvalget"]


def test_the_speakers_own_i_think_inside_a_closed_statement() -> None:
    found = quotes(
        "Poeten Olav Angell las frå den nye boka.",
        "Eg meiner eg har høyrt han før, seier Eli Sylta.",
        language="nn",
    )
    assert [(q.kind, q.speaker, q.text) for q in found] == [
        ("direct", "Eli Sylta", "Eg meiner eg har høyrt han før")
    ]


def test_one_sentence_without_first_person_words_bridges_talk_after_an_attribution() -> None:
    found = quotes(
        "Jeg forlot en stor del av livet mitt den dagen, sier Martin Larsen.",
        "Over.",
        "Jeg kan aldri trappe ned, spille i lavere divisjoner.",
        "Han spilte sesongen ut.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (0, "Martin Larsen"),
        (1, "Martin Larsen"),
        (2, "Martin Larsen"),
    ]


def test_a_bridge_about_someone_or_talk_naming_someone_is_the_journalists() -> None:
    about = quotes(
        "Da jeg var barn kunne jeg se kuer herfra, sier Joo Suk Lee.",
        "Siden har han vært her ukentlig.",
        "Etter å ha sjekket inn blir vi utdelt oransje munkedrakter.",
    )
    assert [q.paragraph for q in about] == [0]
    naming = quotes(
        "Vi må lære av historia, seier Kari Alnæs.",
        "I den tida gjekk bøndene til opprør.",
        "Thomas Müntzer slåst for det vi i dag ville kalle menneskerettar.",
        language="nn",
    )
    assert [q.paragraph for q in naming] == [0]


def test_an_interview_answer_naming_others_goes_on_until_the_next_question() -> None:
    found = quotes(
        "I helgen spiller vokalist Anne Berg på festivalen i Molde. Berg gleder seg.",
        "- Hvem er favorittene dine?",
        "- Vi har en lang tradisjon å være stolte av.",
        "Se bare på Rune Rudberg og Kari Bremnes.",
        "- Hva gjør du etter festivalen?",
        "- Jeg tar ferie.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (2, "Anne Berg"),
        (3, "Anne Berg"),
        (5, "Anne Berg"),
    ]


def test_an_answer_does_not_go_on_over_narrative_naming_others_without_a_next_question() -> None:
    found = quotes(
        "I helgen spiller vokalist Anne Berg på festivalen i Molde. Berg gleder seg.",
        "- Hvem er favorittene dine?",
        "- Vi har en lang tradisjon å være stolte av.",
        "- Hva gjør du etter festivalen?",
        "- Jeg tar ferie.",
        "Festivalen ble startet av Rune Rudberg i 1992.",
        "Den har vokst hvert år siden.",
    )
    assert [q.paragraph for q in found] == [2, 4]


def test_a_dash_quote_after_a_sentence_about_one_person_is_that_persons() -> None:
    found = quotes(
        "Konserten er over, og salen er tom.",
        "Øyvind Staveland pirker på noe inne i håndflata.",
        "- Mye ligger bare i en tåkedis.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(2, "Øyvind Staveland")]


def test_a_person_named_after_a_preposition_is_not_whom_the_sentence_is_about() -> None:
    found = quotes(
        "Konserten er over, og salen er tom.",
        "Diagnosen av Anders Breivik blir viktig for ettertida.",
        "- Dette handler ikke bare om straff.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(2, None)]


def test_a_sentence_between_two_attributions_to_the_same_person_is_theirs() -> None:
    found = quotes(
        "Den danske regissøren Per Fly lagar ein ny film.",
        "- Eg meiner marxismen kjem til kort, slår Fly fast.",
        "Om ein ser på Danmark i dag, ser ein at arbeidarklassen forsvinn.",
        "Og partia søv i timen, held Fly fram.",
        language="nn",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (1, "Per Fly"),
        (2, "Per Fly"),
        (3, "Per Fly"),
    ]


def test_a_sentence_before_a_new_quote_of_the_same_person_is_narrative() -> None:
    found = quotes(
        "Den danske regissøren Per Fly lagar ein ny film.",
        "- Eg meiner marxismen kjem til kort, slår Fly fast.",
        "Filmen har premiere i mars.",
        "- Partia søv i timen, seier Fly.",
        language="nn",
    )
    assert [q.paragraph for q in found] == [1, 3]


def test_a_first_person_statement_with_that_closed_by_its_attribution_is_the_speakers() -> None:
    found = quotes(
        "Vi i styret må erkjenne at vi ikkje kan halde fram slik vi har gjort, sa nestleiar "
        "Jorunn Ringstad.",
        language="nn",
    )
    assert [(q.kind, q.speaker, q.text) for q in found] == [
        (
            "direct",
            "Jorunn Ringstad",
            "Vi i styret må erkjenne at vi ikkje kan halde fram slik vi har gjort",
        )
    ]


def test_an_attribution_going_on_after_a_comma_to_a_second_verb_keeps_both_statements() -> None:
    found = quotes(
        "Økonomien i sentraliseringa blir vesentleg mindre dersom foreldra kan starta friskole, "
        "seier Sp-politikaren, og understrekar at han er heilt ueinig i denne lovendringa.",
        language="nn",
    )
    assert [(q.kind, q.speaker_role, q.text) for q in found] == [
        (
            "direct",
            "Sp-politikaren",
            "Økonomien i sentraliseringa blir vesentleg mindre dersom foreldra kan starta friskole",
        ),
        ("reported", "Sp-politikaren", "han er heilt ueinig i denne lovendringa"),
    ]


def test_a_sigh_closes_a_statement() -> None:
    found = quotes(
        "Det kom aldri, da er det bare å erkjenne ansvar, sukker 33-åringen.",
    )
    assert [(q.kind, q.speaker_role) for q in found] == [("direct", "33-åringen")]


def test_a_question_to_the_reader_after_a_quote_is_not_the_speakers_talk() -> None:
    found = quotes(
        "- Fangsten var god i år, og elva er full av fisk, sier Olav Nes.",
        "Har du også fått fisk?",
        "Send oss bilder til redaksjonen.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(0, "Olav Nes")]


def test_a_question_to_you_without_a_dash_answered_by_a_dash_is_the_journalists() -> None:
    found = quotes(
        "- Vi skriver alle låtene sammen, sier Per Lund.",
        "- De fleste døtre vil ikke ha faren sin som trener.",
        "Hvordan er det for datteren din å ha far som sjef i bandet?",
        "- Det er litt spesielt.",
    )
    # the premise and the question are the journalist's; the answer is a quote of its own
    assert [q.paragraph for q in found] == [0, 3]
