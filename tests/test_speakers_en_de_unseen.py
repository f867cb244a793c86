"""English and German speakers as wire copy writes them (issue 22, read off unlabelled SemEval
and example text): a German particle verb that closes its attribution (``…, teilte die Polizei
mit.``), an impersonal closing (``…, hieß es weiter.``) and an abbreviated title that names the
holder of a role (``Gov. …`` then ``the governor said``).

Every sentence here is invented; each test names the general rule it exercises.
"""

from __future__ import annotations

from extraction_seeds import text_article
from newsloom.extract.quotes import extract_quotes
from newsloom.records import EntityMention, EntityType, Quote


def quotes(language: str, *paragraphs: str) -> tuple[Quote, ...]:
    return extract_quotes(text_article(*paragraphs, language=language))


def test_a_german_particle_verb_ends_the_attribution_not_the_speaker() -> None:
    # "teilte … mit", "fügte … hinzu": the subject stands between verb and particle
    found = quotes(
        "de",
        "Brand in Lagerhalle",
        "Das Feuer sei gegen Mitternacht ausgebrochen, teilte die Feuerwehr mit.",
        "Die Produktion werde für mehrere Wochen ruhen, fügte der Konzern hinzu.",
        "Der Schaden liege im Millionenbereich, teilte Bürgermeisterin Anja Berger mit.",
    )
    assert [q.speaker for q in found] == ["Feuerwehr", "Konzern", "Anja Berger"]


def test_an_impersonal_closing_is_no_part_of_the_reported_words() -> None:
    # "…, hieß es weiter." after the Konjunktiv: the last source's words, which end before it
    found = quotes(
        "de",
        "Kliniken rüsten auf",
        "Die ersten Patienten seien bereits aufgenommen worden, sagte der Chefarzt Peter Lang."
        " Für das Personal würden auf dem Gelände Unterkünfte gebaut, hieß es weiter."
        " Die Zahl der Betten werde verdoppelt, hiess es.",
    )
    assert [(q.speaker, q.text) for q in found[1:]] == [
        ("Peter Lang", "Für das Personal würden auf dem Gelände Unterkünfte gebaut"),
        ("Peter Lang", "Die Zahl der Betten werde verdoppelt"),
    ]


def test_an_abbreviated_title_names_the_holder_of_the_role() -> None:
    # "Gov. Ann Marsh" is the governor; "Sen." the senator, "Lt." the lieutenant
    found = quotes(
        "en",
        'Gov. Ann Marsh will veto the budget bill. "We cannot spend money'
        ' we do not have," the governor said.',
        'Sen. Robert Hale disagreed. "The state can afford it," the senator told reporters.',
        "Lt. Dana Cole of the county sheriff's office confirmed the arrest. \"He was taken into"
        ' custody without incident," the lieutenant said.',
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Ann Marsh", "governor"),
        ("Robert Hale", "senator"),
        ("Dana Cole", "lieutenant"),
    ]


def test_a_clause_without_that_after_a_day_or_the_one_told() -> None:
    # wire copy leaves "that" out after "said on Tuesday", "said in a statement" and after
    # "told" and whom (by name) the speaker told
    found = quotes(
        "en",
        "The health ministry said on Tuesday the death toll had risen to 45.",
        "Carla Mendes told Reuters she would not stand for re-election in the autumn.",
        "The utility said in a statement it had restored power to most homes by Sunday.",
        "Mayor Tom Reid told AFP on Wednesday the bridge would reopen next month.",
    )
    assert [(q.speaker, q.speaker_role, q.text) for q in found] == [
        ("health ministry", None, "the death toll had risen to 45"),
        ("Carla Mendes", None, "she would not stand for re-election in the autumn"),
        (None, "utility", "it had restored power to most homes by Sunday"),
        ("Tom Reid", "Mayor", "the bridge would reopen next month"),
    ]


def test_a_clause_without_that_after_a_group_told() -> None:
    # "told reporters" as "told Reuters": the group told is no speaker, a clause follows
    found = quotes(
        "en",
        "Chief executive Anna Holt told reporters the company was doing all it could.",
        "The minister told journalists on Friday he would not resign over the affair.",
    )
    assert [(q.speaker, q.speaker_role, q.text) for q in found] == [
        ("Anna Holt", "Chief executive", "the company was doing all it could"),
        (None, "minister", "he would not resign over the affair"),
    ]


def test_an_english_role_with_the_refers_back_to_the_person_named() -> None:
    # "the Bavarian premier" after "Markus Albrecht said": no one is named with that role, so
    # it is the person named last; not several ("the researchers") and not a role written
    # before as someone new ("A store manager …")
    found = quotes(
        "en",
        'Markus Albrecht said the situation was improving. "We did not have to go through what'
        ' others did," the Bavarian premier said.',
        'A store manager saw the robbery. "He told me to open the case," the store manager said.',
        "Helen Ford chaired the panel. The lakes are unusual, the researchers said.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Markus Albrecht", None),
        ("Markus Albrecht", "Bavarian premier"),
        (None, "store manager"),
        (None, "researchers"),
    ]


def test_a_recognisers_span_over_the_rest_of_according_to_is_the_source_after_it() -> None:
    # the recogniser took "Angaben der Feuerwehr" for a person: "nach angaben" is the table's
    # "according to", so the source is what follows it
    text = "Nach Angaben der Feuerwehr sollen zwei Kinder den Brand gelegt haben."
    start = text.index("Angaben")
    entity = EntityMention(
        "Angaben der Feuerwehr", EntityType.PERSON, 0, start, start + len("Angaben der Feuerwehr")
    )
    found = extract_quotes(text_article(text, language="de"), (entity,))
    assert [q.speaker for q in found] == ["Feuerwehr"]


def test_an_english_clause_without_that_opened_by_a_plural_or_a_name_after_said() -> None:
    # "said" then a clause without "that" whose subject is a plural, a word of quantity or a
    # name, with a finite verb right after it; a question word ("say what would happen"), a
    # preposition before a month ("said on May 3") and a singular bare noun in a headline
    # ("…, says rebound could take years") open none
    found = quotes(
        "en",
        "Local resident Amina Farouk said commuters were tired of the delays on the line.",
        "The district council said several schools would stay closed until Friday.",
        "Mayor Ana Lopes said Lisbon had no plans to raise taxes this year.",
        "The company was unable to say what eventually would happen to the old trains.",
        "The ferries resumed service on the northern route, the port authority said on May 3.",
    )
    assert [(q.speaker or q.speaker_role, q.text) for q in found] == [
        ("Amina Farouk", "commuters were tired of the delays on the line"),
        ("district council", "several schools would stay closed until Friday"),
        ("Ana Lopes", "Lisbon had no plans to raise taxes this year"),
        ("port authority", "The ferries resumed service on the northern route"),
    ]


def _with_people(language: str, text: str, *names: str) -> tuple[Quote, ...]:
    """The quotes of ``text`` with ``names`` as the recogniser's person spans."""
    entities = tuple(
        EntityMention(name, EntityType.PERSON, 0, text.index(name), text.index(name) + len(name))
        for name in names
    )
    return extract_quotes(text_article(text, language=language), entities)


def test_a_title_a_recogniser_read_into_a_name_is_the_role_not_the_name() -> None:
    # German capitalises its role nouns and English its titles, so a recogniser's person span
    # may open with them ("Chefvolkswirt", "US President") or with words describing the role
    # before it ("Hamburger Grünen-Spitzenkandidatin", "Iran's Foreign Minister"): the speaker
    # is the person's name, the title its role
    found = [
        *_with_people(
            "de",
            "Die Exporte seien eingebrochen, sagte Chefvolkswirt Thomas Gitzel von der VP Bank.",
            "Chefvolkswirt Thomas Gitzel",
        ),
        *_with_people(
            "de",
            "„Grün-Rot ist mein Favorit“, sagte die Hamburger Grünen-Spitzenkandidatin Katharina"
            " Fegebank am Abend.",
            "Hamburger Grünen-Spitzenkandidatin Katharina Fegebank",
        ),
        *_with_people(
            "en",
            "Iran’s Foreign Minister Mohammad Javad Zarif said the trip served that purpose.",
            "Iran’s Foreign Minister Mohammad Javad Zarif",
        ),
        *_with_people(
            "en",
            '"We have to do what we have to do," US President Donald Trump told reporters.',
            "US President Donald Trump",
        ),
    ]
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Thomas Gitzel", "Chefvolkswirt"),
        ("Katharina Fegebank", "Hamburger Grünen-Spitzenkandidatin"),
        ("Mohammad Javad Zarif", "Iran’s Foreign Minister"),
        ("Donald Trump", "US President"),
    ]


def test_a_role_word_inside_a_body_name_keeps_the_name_whole() -> None:
    # a role word further in needs a full name after it: "Estado Mayor Conjunto" is a body
    # ("Mayor" is the English role), "Carlos Fuentes" a surname ending in a role's letters
    from newsloom.extract.role_words import split_title

    assert split_title("Estado Mayor Conjunto") == (None, "Estado Mayor Conjunto")
    assert split_title("Carlos Fuentes Pérez") == (None, "Carlos Fuentes Pérez")
    assert split_title("Jerusalem Ministerpräsident Netanjahu") == (
        "Jerusalem Ministerpräsident",
        "Netanjahu",
    )


def _with_spans(language: str, text: str, kind: EntityType, *names: str) -> tuple[Quote, ...]:
    """The quotes of ``text`` with ``names`` as the recogniser's spans of ``kind``."""
    entities = tuple(
        EntityMention(name, kind, 0, text.index(name), text.index(name) + len(name))
        for name in names
    )
    return extract_quotes(text_article(text, language=language), entities)


def test_a_spokesperson_of_a_named_body_is_the_role_not_the_body() -> None:
    # the noun that ends an English phrase is its head: "a Europol spokesperson" is a
    # spokesperson (the recogniser's span over the body names whose), "a Health Ministry
    # spokeswoman" keeps "Health" ("a" before capitalised words is the article, not Spanish
    # "a", to, before a medium told), and the capitalised body after "spokesman for the" is
    # no person's name
    found = [
        *_with_spans(
            "en",
            '"We have no record of the transfer," a Europol spokesperson said.',
            EntityType.ORGANISATION,
            "Europol",
        ),
        *quotes("en", "Schools will stay closed until March, a Health Ministry spokeswoman said."),
        *quotes(
            "en",
            "The spokesman for the Harbour Police Department said the ferry had been towed away.",
        ),
    ]
    assert [(q.speaker, q.speaker_role) for q in found] == [
        (None, "Europol spokesperson"),
        (None, "Health Ministry spokeswoman"),
        (None, "spokesman for the Harbour Police Department"),
    ]


def test_a_german_role_noun_before_der_and_a_body_is_that_bodys_role() -> None:
    # "der" and a capitalised noun after a role noun is the genitive of the body the role
    # belongs to ("ein Sprecher der Polizei"), not the dative of a paper told, which a medium's
    # noun marks ("sagte ein Polizeisprecher der Deutschen Presse-Agentur"); a recogniser's span
    # over the role and its body is no person either
    found = [
        *quotes(
            "de",
            "Die Straße bleibe bis Freitag gesperrt, sagte ein Sprecher der Polizei.",
            "Laut einem Sprecher der Feuerwehr brach das Feuer in einer Garage aus.",
            "Die Ursache sei noch unklar, sagte ein Polizeisprecher der Deutschen Presse-Agentur.",
        ),
        *_with_spans(
            "de",
            "Der Markt bleibe am Wochenende geschlossen, sagte ein Sprecher der Stadt.",
            EntityType.PERSON,
            "Sprecher der Stadt",
        ),
    ]
    assert [(q.speaker, q.speaker_role) for q in found] == [
        (None, "Sprecher der Polizei"),
        (None, "Sprecher der Feuerwehr"),
        (None, "Polizeisprecher"),
        (None, "Sprecher der Stadt"),
    ]
