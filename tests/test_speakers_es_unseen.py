"""Spanish speakers read off unlabelled ML-Crisis news (issue 22): phrases of manner, place or
time that a preposition opens are no speaker, a second verb after "y" or "pero" is the first
verb's subject's, a relative clause up to the verb hangs on the subject."""

from __future__ import annotations

from extraction_seeds import quotes_with_people, speakers_and_roles, text_article
from newsloom.extract.quotes import extract_quotes
from newsloom.records import EntityMention, EntityType, Quote


def quotes(*paragraphs: str, people: tuple[str, ...] = ()) -> tuple[Quote, ...]:
    return quotes_with_people("es", *paragraphs, people=people)


speakers = speakers_and_roles


def test_a_manner_phrase_after_the_verb_is_no_speaker() -> None:
    # "escribe con gran esperanza en …": how she wrote, not who; the subject is left out
    found = quotes(
        "La bloguera Nadia Salem publicó un largo mensaje en su página. "
        '"La libertad llegará pronto a todos los rincones del país", escribe con gran '
        "esperanza en lo que vendrá.",
        people=("Nadia Salem",),
    )
    assert speakers(found) == [("Nadia Salem", None)]


def test_por_su_parte_is_no_part_of_the_speaker() -> None:
    found = quotes(
        '"Las fuerzas leales controlan toda la costa", indicó por su parte la televisión estatal.'
    )
    assert [quote.speaker or quote.speaker_role for quote in found] == ["televisión estatal"]


def test_a_phrase_set_off_by_commas_before_the_verb_leaves_the_subject_before_it() -> None:
    found = quotes(
        "El clérigo Ahmed Karim, con gran influencia en la región, ha pedido a los gobiernos "
        "que escuchen a sus ciudadanos.",
        people=("Ahmed Karim",),
    )
    assert speakers(found) == [("Ahmed Karim", "clérigo")]


def test_a_phrase_and_a_participle_after_a_quote_are_no_subject_and_verb() -> None:
    # "«…» por el ataque denunciado ayer": a cause and a participle, not "the attack denounced"
    found = quotes(
        "El presidente Juan Ortega ha amenazado a los rebeldes con hacerles pagar "
        '"un precio muy alto" por el ataque denunciado ayer en la capital.',
        people=("Juan Ortega",),
    )
    assert speakers(found) == [("Juan Ortega", "presidente")]


def test_a_second_verb_after_y_is_the_first_verbs_subjects() -> None:
    found = quotes(
        "Marta Ruiz comparó la crisis con la del banco de Pedro Gómez y dijo que "
        '"nadie estaba preparado para algo así".',
        people=("Marta Ruiz", "Pedro Gómez"),
    )
    assert [quote.speaker for quote in found] == ["Marta Ruiz"]


def test_a_second_verb_after_pero_is_the_subject_before_the_auxiliary() -> None:
    found = quotes(
        "También el Gobierno chileno ha apoyado a Estados Unidos pero ha pedido que la "
        "comunidad internacional mantenga la calma."
    )
    assert [quote.speaker for quote in found] == ["Gobierno chileno"]


def test_a_name_the_recogniser_missed_opens_the_sentence_of_a_second_verb() -> None:
    found = quotes(
        "Ramírez defendió la operación policial y aseguró que nadie resultó herido durante "
        "el desalojo."
    )
    assert [quote.speaker for quote in found] == ["Ramírez"]


def test_a_relative_clause_up_to_the_verb_hangs_on_the_subject() -> None:
    found = quotes(
        "Salazar, quien dirigió la investigación de la fiscalía durante dos años aseguró: "
        '"No encontramos ninguna prueba de fraude en las cuentas".',
        people=("Salazar",),
    )
    assert [quote.speaker for quote in found] == ["Salazar"]


def test_a_noun_phrase_opening_the_sentence_is_the_subject_of_its_second_verb() -> None:
    # "saben" is a verb (its dictionary lemma "saber" ends in an infinitive ending): the noun
    # phrase before it is the subject of "han anunciado" too, not the last person named
    found = quotes(
        "El coronel Khalil Ahmed dirige la defensa de la ciudad.",
        "Los milicianos saben que en la capital se librará la batalla final y han anunciado "
        "que atacarán el aeropuerto esta semana.",
        people=("Khalil Ahmed",),
    )
    assert [(quote.speaker, quote.speaker_role) for quote in found] == [(None, "milicianos")]


def test_por_before_an_infinitive_opens_a_second_verb_of_the_subject() -> None:
    # "por considerar que": because he considers, the sentence's subject
    found = quotes(
        "El ministro británico de Exteriores, William Hague, calificó de decepcionante el "
        "nuevo gabinete, por considerar que no representa a los ciudadanos.",
        people=("William Hague",),
    )
    assert [quote.speaker for quote in found] == ["William Hague"]


def test_an_emphatic_si_before_the_verb_is_no_speaker() -> None:
    found = quotes(
        'El portavoz del partido, Gustavo Medina, sí ha denunciado el "doble rasero de la '
        'comunidad internacional" en los casos de Libia y Siria.',
        people=("Gustavo Medina",),
    )
    assert [quote.speaker for quote in found] == ["Gustavo Medina"]


def test_a_definite_role_after_a_quote_is_the_person_going_on() -> None:
    # "insiste el político": the minister quoted just before, not a new, unnamed speaker
    found = quotes(
        'El exministro de Interior, Carlos Vega, ha afirmado que "el Gobierno lo sabía todo".',
        '"Tengo documentos que lo demuestran", insiste el político.',
        people=("Carlos Vega",),
    )
    assert [quote.speaker for quote in found] == ["Carlos Vega", "Carlos Vega"]


def test_a_definite_role_goes_on_in_the_same_paragraph() -> None:
    found = quotes(
        "La ministra de Defensa, Ana Torres, ha visitado este martes la base de Rota. "
        '"Cumpliremos cualquier orden que dé el Gobierno", ha afirmado. "Las tropas están '
        'listas para partir", ha insistido la ministra, en declaraciones a la radio pública.',
        people=("Ana Torres",),
    )
    assert [quote.speaker for quote in found] == ["Ana Torres", "Ana Torres"]


def test_an_indefinite_role_is_someone_new() -> None:
    found = quotes(
        'El exministro de Interior, Carlos Vega, ha afirmado que "el Gobierno lo sabía todo".',
        '"Todavía hay combates en el norte", dijo un militar rebelde.',
        people=("Carlos Vega",),
    )
    assert [(quote.speaker, quote.speaker_role) for quote in found][1] == (
        None,
        "militar rebelde",
    )


def test_a_definite_role_after_someone_new_is_not_the_last_speaker() -> None:
    # "Una alta fuente …. La fuente señaló": the source brought in between, not the minister
    found = quotes(
        'El exministro de Interior, Carlos Vega, ha afirmado que "el Gobierno lo sabía todo".',
        "Una alta fuente del Ministerio habló después con la radio pública. La fuente, que "
        'pidió el anonimato, aseguró que "nadie había leído el informe".',
        people=("Carlos Vega",),
    )
    assert [(quote.speaker, quote.speaker_role) for quote in found][1] == (None, "fuente")


def test_a_definite_role_after_another_person_named_is_not_the_last_speaker() -> None:
    # the reporter named with a role after the quote is "el periodista", not the minister
    found = quotes(
        '"El tribunal no tiene jurisdicción sobre nuestro país", dijo el viceministro de '
        "Exteriores, Omar Salem, de acuerdo con la crónica del enviado especial de la radio, "
        "Pablo Ríos.",
        'El periodista explicó que "nadie en el Ministerio quiso confirmar la noticia".',
        people=("Omar Salem", "Pablo Ríos"),
    )
    assert [(quote.speaker, quote.speaker_role) for quote in found][-1] == (None, "periodista")


def test_whom_a_source_told_is_no_part_of_it() -> None:
    # "según informaron fuentes médicas a la cadena CNN": the sources spoke, the channel heard
    found = quotes(
        "Al menos 12 civiles murieron en el bombardeo del mercado, según informaron fuentes "
        "médicas a la cadena británica BBC.",
        '"Los heridos no dejan de llegar al hospital", dijo un médico a la televisión estatal.',
    )
    assert speakers(found) == [(None, "fuentes médicas"), (None, "médico")]


def test_what_a_source_is_close_to_stays_in_it() -> None:
    found = quotes(
        "Según fuentes cercanas a la familia, el empresario fue liberado la noche del domingo."
    )
    assert speakers(found) == [(None, "fuentes cercanas a la familia")]


def test_the_kind_of_medium_and_its_name_before_the_speakers_name_are_whom_it_told() -> None:
    # "asegura a la agencia Reuters Mohammad Salam": the agency told, then who spoke
    found = quotes(
        '"Los bombardeos no han parado en toda la noche", asegura a la agencia Reuters '
        "Karim Haddad, un comerciante del barrio antiguo.",
        people=("Karim Haddad",),
    )
    assert [quote.speaker for quote in found] == ["Karim Haddad"]


def test_a_medium_with_an_adjective_before_the_subjects_article_is_no_role() -> None:
    found = quotes(
        '"No habrá marcha atrás", declaró a la cadena británica BBC el portavoz militar '
        "Omar Lutfi.",
        people=("Omar Lutfi",),
    )
    assert speakers(found) == [("Omar Lutfi", "portavoz militar")]


def test_a_place_phrase_opening_the_sentence_is_no_name_of_the_subject() -> None:
    # "En Yemen, los rebeldes …": where, set off by a comma, then the subject
    paragraph = "En Somalia, los milicianos islamistas aseguraron que la ofensiva había fracasado."
    place = EntityMention("Somalia", EntityType.LOCATION, 0, 3, 10)
    found = extract_quotes(text_article(paragraph, language="es"), [place])
    assert [(quote.speaker, quote.speaker_role) for quote in found] == [
        (None, "milicianos islamistas")
    ]


def test_a_source_of_its_own_reckoning_is_the_sentences_subject() -> None:
    # "según sus cálculos": whose reckoning, the subject's; not "sus cálculos"
    found = quotes(
        "Los sindicatos convocaron una huelga general en todo el país, en la que, según sus "
        "datos, participaron más de dos millones de trabajadores."
    )
    assert [quote.speaker or quote.speaker_role for quote in found] == ["sindicatos"]


def test_a_possessive_person_as_the_source_stays_the_source() -> None:
    found = quotes("La policía cerró todos los accesos a la plaza, según su portavoz.")
    assert [quote.speaker_role for quote in found] == ["su portavoz"]


def test_no_point_inside_a_doubled_letter_abbreviation_ends_a_sentence() -> None:
    from newsloom.extract.sentences import split_sentences

    text = "Las tropas de EE. UU. saldrán del país. Los RR. HH. de la empresa lo confirmaron."
    assert [s.text for s in split_sentences(text)] == [
        "Las tropas de EE. UU. saldrán del país.",
        "Los RR. HH. de la empresa lo confirmaron.",
    ]
    # the last point of the name ends a sentence as any word's does
    assert len(split_sentences("El avión aterrizó en EE. UU. Nadie resultó herido.")) == 2


def test_a_name_set_off_after_a_role_of_a_doubled_letter_abbreviation_is_the_source() -> None:
    found = quotes(
        "Las sanciones entrarán en vigor la semana próxima, según anunció la subsecretaria "
        "de Comercio de EE. UU., Laura Méndez.",
        people=("Laura Méndez",),
    )
    assert [quote.speaker for quote in found] == ["Laura Méndez"]


def test_the_medium_told_before_a_full_name_is_no_part_of_it() -> None:
    # the recogniser reads the agency and the name as one person ("AFP Omar Haddad")
    found = quotes(
        '"Los bombardeos no han cesado en toda la noche", dijo a la AFP Omar Haddad.',
        people=("AFP Omar Haddad",),
    )
    assert [quote.speaker for quote in found] == ["Omar Haddad"]


def test_a_web_medium_told_keeps_its_point_and_the_speaker_follows() -> None:
    found = quotes(
        '"Nadie sabe cuánto durará la tregua", explica a ELPAIS.es Laura Gil, profesora de '
        "la Universidad de Sevilla.",
        people=("Laura Gil",),
    )
    assert [quote.speaker for quote in found] == ["Laura Gil"]


def test_a_source_set_off_between_the_verb_and_que_leaves_the_subject_the_speaker() -> None:
    # "según la agencia X" tells where the words were read, not who said them
    found = quotes(
        "Ana Torres, portavoz de la ONG en Ginebra, dijo, según la agencia Reuters, que los "
        "convoyes no habían podido entrar en la ciudad.",
        people=("Ana Torres",),
    )
    assert [(quote.speaker, quote.text) for quote in found] == [
        ("Ana Torres", "los convoyes no habían podido entrar en la ciudad")
    ]


def test_a_name_set_off_closing_a_source_after_the_content_is_its_holder() -> None:
    found = quotes(
        "El gobierno prepara una nueva ley de asilo, según el portavoz del ejecutivo "
        "regional, Pablo Serra.",
        people=("Pablo Serra",),
    )
    assert [(quote.speaker, quote.text) for quote in found] == [
        ("Pablo Serra", "El gobierno prepara una nueva ley de asilo")
    ]


# A document a source issued (the table's account_nouns): its owner speaks, given after "de" or
# a participle's "por"; "el comunicado" later refers back to the one brought in (issue 22).


def test_the_owner_of_a_communique_after_segun_is_the_source() -> None:
    found = quotes(
        "Los bombardeos dejaron al menos doce muertos en la ciudad, según un comunicado del "
        "Ministerio de Sanidad."
    )
    assert speakers(found) == [("Ministerio de Sanidad", None)]


def test_the_owner_after_an_adjective_or_a_participles_agent_is_the_source() -> None:
    found = quotes(
        "La represión aumentó durante el último año en todo el país, según el informe anual "
        "de Human Rights Watch.",
        "Las medidas reflejan la histeria de algunos gobiernos vecinos, de acuerdo con un "
        "comunicado difundido por la Embajada de Francia.",
        "El presupuesto de defensa se duplicó en apenas dos años, según un documento publicado "
        "por el diputado opositor Carlos Peña.",
        people=("Carlos Peña",),
    )
    assert [quote.speaker for quote in found] == [
        "Human Rights Watch",
        "Embajada de Francia",
        "Carlos Peña",
    ]


def test_a_definite_document_refers_back_to_the_one_its_owner_issued() -> None:
    found = quotes(
        "El Ejército informó en un comunicado de que dos soldados resultaron heridos.",
        '"Los heridos fueron trasladados al hospital de la ciudad", añadió la nota.',
        "La petición figura en un nuevo comunicado del Consejo Supremo de las Fuerzas Armadas.",
        "El mensaje dice que las protestas están afectando a la seguridad del país.",
    )
    # (the third paragraph brings the document in, no quote)
    assert [quote.speaker for quote in found] == [
        "Ejército",
        "Ejército",
        "Consejo Supremo de las Fuerzas Armadas",
    ]


def test_a_document_brought_in_without_an_owner_names_no_one() -> None:
    # "un comunicado" of no one named, and a document said "in" no one's words, stay documents
    found = quotes(
        "El Ministerio de Defensa anunció nuevas medidas. Más tarde se conoció un comunicado "
        "sobre los ataques.",
        '"La situación en la frontera es crítica y empeora cada día", señala el comunicado.',
    )
    assert speakers(found)[-1] == (None, "comunicado")


def _quotes_with_bodies(
    *paragraphs: str, people: tuple[str, ...], bodies: tuple[str, ...]
) -> tuple[Quote, ...]:
    mentions = [
        EntityMention(name, kind, index, at, at + len(name))
        for kind, names in ((EntityType.PERSON, people), (EntityType.ORGANISATION, bodies))
        for index, text in enumerate(paragraphs)
        for name in names
        for at in range(len(text))
        if text.startswith(name, at)
    ]
    return extract_quotes(text_article(*paragraphs, language="es"), mentions)


def test_the_medium_told_alone_after_the_verb_is_no_speaker() -> None:
    # "«…», dijo a la BBC.": whom she told; the subject is left out, the person before goes on
    found = _quotes_with_bodies(
        "La ministra Ana Torres visitó ayer el hospital de la ciudad.",
        '"La situación es muy grave y necesitamos ayuda", dijo a la BBC.',
        people=("Ana Torres",),
        bodies=("BBC",),
    )
    assert speakers(found) == [("Ana Torres", None)]


def test_a_left_out_subject_is_not_a_person_a_preposition_governs() -> None:
    # "acabar con el coronel X": X is the object; the verb with no subject goes on with the
    # subject named before
    found = _quotes_with_bodies(
        "El general Juan Pérez se reunió ayer con la prensa tras la batalla.",
        "La operación no pretendía acabar con el coronel Luis Ramos. "
        '"Nuestro objetivo es proteger a la población", ha declarado a la agencia Reuters.',
        people=("Juan Pérez", "Luis Ramos"),
        bodies=("Reuters",),
    )
    assert speakers(found) == [("Juan Pérez", None)]
    found = quotes(
        "El general Juan Pérez habló ayer de la ofensiva contra el coronel Luis Ramos. "
        '"Nuestro objetivo es proteger a la población", ha declarado.',
        people=("Juan Pérez", "Luis Ramos"),
    )
    assert speakers(found) == [("Juan Pérez", None)]


def test_a_common_noun_told_before_the_speaker_is_no_part_of_its_role() -> None:
    # "explica a este diario Cheikh, un conocido miembro …": whom he told ("este diario"), the
    # same reader as "a la AFP Karim Bitar" (issue 22: one reader of whom the speaker told)
    found = quotes(
        '"Se tomaron decisiones económicas correctas al liberalizar el sector industrial", '
        "explica a este diario Hasan Malek, un conocido miembro de los Hermanos Musulmanes.",
        people=("Hasan Malek",),
    )
    assert speakers(found) == [("Hasan Malek", None)]


def test_a_demonstrative_after_according_to_opens_the_source_not_a_time() -> None:
    # "Según explicó ese grupo de naciones": a demonstrative before a noun that is no day or
    # part of the day is the source's (the time words come from the date words, issue 22)
    found = quotes(
        "Quizás sea afortunado que el G7 haya decidido no imponer nuevas sanciones a Moscú. "
        "Según explicó ese grupo de naciones, fue con la intención de no aislar a Rusia."
    )
    assert [quote.speaker_role for quote in found] == ["ese grupo de naciones"]
