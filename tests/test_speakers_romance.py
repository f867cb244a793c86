"""Speakers in real French and Spanish news sentences (issue 22, sixth speakers round).

Each sentence is quoted from a text in ``../shared/data`` (its source beside it: SemEval-2022
sample row and side, or ML-Crisis path); none is from an article of the dev golds. The tests need
no shared data: the sentences are here. Where a test says so, the recogniser's person mentions
are given as it found them.
"""

from __future__ import annotations

from extraction_seeds import quotes_with_people
from newsloom.records import Quote

quotes = quotes_with_people


def speakers(found: tuple[Quote, ...]) -> list[str | None]:
    return [quote.speaker for quote in found]


def test_a_one_word_name_before_an_incise_set_off_by_commas_is_the_subject() -> None:
    # ML-Crisis es egypt/2013-07-04/ext_119, syria/2018-04-08/ext_166, syria/2016-10-27/ext_39,
    # libya/2011-08-24/ext_19: what the commas set off is no subject, nor a body named in it
    found = quotes(
        "es",
        "Morsi, por su parte, ha exclamado que las medidas anunciadas por el jefe de las Fuerzas "
        'Armadas son un "golpe" de Estado.',
        "Moscú desmintió con firmeza estas informaciones. Teherán, otro aliado de Damasco, "
        'consideró que estas acusaciones son un nuevo "complot" contra el régimen sirio.',
        "UNICEF, la agencia de la ONU para la infancia, dijo que los ataques pueden constituir un "
        "crimen de guerra.",
        "Heinonen, en cualquier caso, ha señalado que el acuerdo de desarme permitió desmantelar "
        "el programa nuclear libio.",
    )
    assert speakers(found) == ["Morsi", "Teherán", "UNICEF", "Heinonen"]
    # SemEval row 11861 side 1
    found = quotes(
        "fr",
        "Sarrazin, membre du SPD depuis 1973, a annoncé qu'il ferait appel devant la Cour "
        "fédérale d'arbitrage du SPD.",
    )
    assert speakers(found) == ["Sarrazin"]


def test_a_sentence_adverb_before_an_incise_is_no_name() -> None:
    # ML-Crisis es: "Además", a word of the dictionary, opens the sentence as a name would
    found = quotes("es", "Además, en una entrevista, dijo que no dejará el poder.")
    assert speakers(found) != ["Además"]


def test_a_relative_pronoun_right_before_the_verb_keeps_its_antecedent() -> None:
    # ML-Crisis es yemen/2011-04-08/ext_17: "quien dijo" is Meyer's, not the sentence's subject
    found = quotes(
        "es",
        "Remnick, judío estadounidense y director del The New Yorker, cita a Golda Meyer, quien "
        "dijo en una ocasión que el único Gobierno que había gustado a Haaretz era el Mandato "
        "británico.",
    )
    assert speakers(found) == ["Golda Meyer"]


def test_a_person_span_opening_with_an_article_and_a_noun_is_the_name_after_it() -> None:
    # SemEval row 12214 side 2: the recogniser took the headline's noun into the person
    found = quotes(
        "fr",
        "BERLIN – L’expulsion de Sarrazin du SPD confirmée",
        "L'expulsion par le Parti social-démocrate (SPD) de l'ancien sénateur controversé des "
        "Finances et auteur de Berlin, Thilo Sarrazin, est légitime, a jugé une commission "
        "d'arbitrage du SPD de Berlin.",
        "Sarrazin a annoncé qu'il avait l'intention de faire appel de la décision devant le "
        "tribunal d'arbitrage du SPD de Berlin.",
        people=("L’expulsion de Sarrazin", "Thilo Sarrazin"),
    )
    assert speakers(found)[-1] == "Thilo Sarrazin"


def test_initials_name_the_person_named_in_full_before() -> None:
    # SemEval (English) Deutsche Welle on the CDU: "AKK, as she is also known"
    found = quotes(
        "en",
        "At a meeting of the governing Christian Democrats (CDU), party leader Annegret "
        "Kramp-Karrenbauer told delegates that she would no longer be running for chancellor.",
        "AKK said she would also be stepping down as party leader.",
        people=("Annegret Kramp-Karrenbauer",),
    )
    assert speakers(found) == ["Annegret Kramp-Karrenbauer", "Annegret Kramp-Karrenbauer"]


def test_a_spanish_plural_name_is_no_genitive() -> None:
    # ML-Crisis es syria/2018-12-20/ext_127; the recogniser read "Reino Unido" as a person
    found = quotes(
        "es",
        "Estados Unidos anunció este miércoles que ha comenzado a retirar sus tropas de Siria.",
        "14 abril: EEUU, Reino Unido y Francia bombardean varias instalaciones donde sospecha que "
        "el régimen desarrolla armas químicas.",
        people=("Estados Unidos", "Reino Unido"),
    )
    assert speakers(found)[0] == "Estados Unidos"


def test_what_follows_a_name_after_the_verb_is_no_part_of_it() -> None:
    # ML-Crisis es (Spicer, Mullen, Putin): an article and common nouns, or "a"/"en" and a
    # lowercase word, after the name say when, how or to whom it spoke
    found = quotes(
        "es",
        "Sean Spicer, portavoz de la Casa Blanca, habló el lunes.",
        '"Si gaseas a un bebé, si lanzas una bomba barril sobre personas inocentes, verás una '
        'respuesta", dijo Spicer a los periodistas en su sesión informativa el lunes.',
        '"Ese es ciertamente, potencialmente, un posible resultado", ha declarado Mullen en '
        "declaraciones a la cadena de televisión NBC.",
        '"El crimen es, sin lugar a dudas, una provocación destinada a abortar la normalización", '
        "dijo Putin el mismo día del atentado (19 de diciembre), víspera de un encuentro en Moscú.",
        people=("Sean Spicer",),
    )
    assert speakers(found) == ["Sean Spicer", "Mullen", "Putin"]


def test_a_place_or_manner_phrase_right_after_the_verb_is_no_subject() -> None:
    # ML-Crisis es yemen (Saleh): "ha declarado en un discurso ante militares" leaves the
    # subject out (the one named last); a subject after the phrase is the speaker
    found = quotes(
        "es",
        "Tal vez nervioso ante la posibilidad de una condena de la ONU, Alí Abdalá Saleh ha "
        "criticado hoy a los diplomáticos extranjeros.",
        '"Se han dejado confundir por la oposición", ha declarado en un discurso ante militares '
        "retransmitido por la televisión estatal.",
        '"Se ha determinado la organización que ha cometido la acción", dijo en un comunicado el '
        "ministro turco del Interior.",
        people=("Alí Abdalá Saleh",),
    )
    assert [(quote.speaker, quote.speaker_role) for quote in found] == [
        ("Alí Abdalá Saleh", None),
        (None, "ministro turco del Interior"),
    ]


def test_the_organisation_after_a_body_that_spoke_is_that_body() -> None:
    # ML-Crisis es syria/2017-11-12/ext_181: the recogniser reads "Amnistía Internacional" as a
    # person; "la organización de defensa de los derechos humanos" is the body that spoke last
    found = quotes(
        "es",
        "Siria: crímenes de lesa humanidad",
        "Los asedios del régimen sirio a su población antes de alcanzar acuerdos de "
        '"reconciliación" con la oposición suponen crímenes de lesa humanidad y de guerra, '
        "dijo Amnistía Internacional este domingo 12 de noviembre de 2017.",
        "La organización de defensa de los derechos humanos indicó que llevó a cabo la "
        "investigación empleando videos e imágenes satelitales junto con entrevistas a 134 "
        "personas.",
        people=("Amnistía Internacional",),
    )
    assert speakers(found)[-1] == "Amnistía Internacional"
    # several bodies named by a common noun are no one named before
    found = quotes(
        "es",
        "Siria: crímenes de lesa humanidad",
        "Amnistía Internacional denunció que el régimen atacó barrios muy lejanos del frente.",
        "Las organizaciones humanitarias han denunciado que entre las víctimas hay miles de niños.",
        people=("Amnistía Internacional",),
    )
    assert speakers(found)[-1] != "Amnistía Internacional"


def test_a_speaker_phrase_ends_before_a_form_of_be() -> None:
    # ML-Crisis es egypt (Global Voices): "fueron rápidos en señalar que" — the subject is what
    # stands before the verb "be", not the clause
    found = quotes(
        "es",
        "Egipto: reacciones en Twitter",
        "Los tuiteros fueron rápidos en señalar que Shazly fue Jefe de Gabinete de las Fuerzas "
        "Armadas.",
    )
    assert [quote.speaker_role for quote in found] == ["tuiteros"]


def test_a_sentence_opening_with_for_and_a_named_source_is_its_view() -> None:
    # ML-Crisis es syria (Deutsche Welle, Global Voices): "Para el líder ruso, …", "Para Moscú,
    # …" are according to them; "Para saber más de …, …" is a purpose, no source
    found = quotes(
        "es",
        "Siria y Rusia",
        "Putin ha defendido a al-Asad desde que comenzó la rebelión contra él en 2011. Para el "
        "líder ruso, el alzamiento era una amenaza contra los intereses nacionales rusos.",
        "Para Moscú, el territorio sirio supone un puente hacia el Mediterráneo.",
        "Para saber más de Refugees of Rap, verifica su página de Facebook.",
        people=("Putin",),
    )
    assert [(quote.speaker_role, quote.text) for quote in found][1:] == [
        (None, "el territorio sirio supone un puente hacia el Mediterráneo")
    ]
    assert found[0].text == "el alzamiento era una amenaza contra los intereses nacionales rusos"
    assert found[1].speaker == "Moscú"
    opening = "Pour la première fois, les bureaux de vote ont ouvert à l'heure."
    assert quotes("fr", "Titre", opening) == ()


def test_an_indefinite_speaker_after_the_medium_told_is_the_speaker() -> None:
    # ML-Crisis es syria: "indicó a Efe una fuente occidental", "afirmó a la AFP un rescatista"
    found = quotes(
        "es",
        "Siria: el Consejo de Seguridad",
        'Rusia presentó una resolución propia. "Ya es hora de que el Consejo actúe. Tenemos que '
        'responder", indicó a Efe una fuente occidental del Consejo.',
        '"Es capital que [los expertos] acudan al lugar del ataque, todas las pruebas están '
        'allí", afirmó a la AFP un rescatista, que pidió el anonimato.',
    )
    roles = [quote.speaker_role for quote in found]
    assert roles == ["fuente occidental del Consejo", "rescatista"]
