"""Speakers as news in English, Spanish and French writes them (issue 22): the order of
subject and verb, subject-less verbs, place and manner phrases, and a body a role belongs to.

Every sentence here is invented; each test names the general rule it exercises.
"""

from __future__ import annotations

import pytest

from extraction_seeds import text_article
from newsloom.extract.quotes import extract_quotes
from newsloom.extract.role_words import split_title
from newsloom.extract.speakers import parse_speaker
from newsloom.records import EntityMention, EntityType, Quote


def quotes(language: str, *paragraphs: str) -> tuple[Quote, ...]:
    return extract_quotes(text_article(*paragraphs, language=language))


def test_an_english_sentence_that_ends_in_its_speaker_and_verb_is_reported_speech() -> None:
    found = quotes(
        "en",
        "The bridge will stay closed until March, Sgt. Mary Olsen of the Harbour Police said.",
        "Only two lorries were allowed across this winter, Olsen said on Monday.",
    )
    assert [(q.text, q.speaker, q.kind) for q in found] == [
        ("The bridge will stay closed until March", "Mary Olsen", "reported"),
        ("Only two lorries were allowed across this winter", "Mary Olsen", "reported"),
    ]


def test_the_verb_first_order_is_not_read_as_subject_first_in_other_languages() -> None:
    # Norwegian puts the verb first ("…, sa Olsen."); no English rule applies there
    found = quotes("nb", "Brua blir stengt til mars, sa Mary Olsen.")
    assert [(q.speaker, q.kind) for q in found] == [("Mary Olsen", "direct")]


def test_a_second_quote_after_he_said_is_the_same_speaker() -> None:
    found = quotes(
        "en",
        "Mary Olsen of the Harbour Police Department spoke after the storm.",
        "“We have closed two lanes,” she said. “The rest stays open for now.”",
    )
    assert [q.speaker for q in found] == ["Mary Olsen", "Mary Olsen"]


def test_a_pronoun_is_not_resolved_to_an_organisation_named_after_the_person() -> None:
    found = quotes(
        "en",
        "Mary Olsen of the Harbour Police Department said the lanes would reopen.",
        "“It will take a week,” she said.",
    )
    assert found[-1].speaker == "Mary Olsen"


def test_a_spanish_place_or_manner_phrase_after_the_speaker_is_not_the_speaker() -> None:
    found = quotes(
        "es",
        "El alcalde Juan Pérez visitó el puerto.",
        '"No vamos a cerrar el puerto", dijo el alcalde en Cádiz, a 100 kilómetros de Sevilla.',
        '"Hay trabajo para todos", afirmó Pérez en unas declaraciones a la radio.',
        '"Seguiremos aquí", dijo el alcalde hablando de la empresa.',
    )
    assert [q.speaker for q in found] == ["Juan Pérez", "Juan Pérez", "Juan Pérez"]


def test_a_spanish_sentence_adverb_before_the_verb_leaves_the_subject_out() -> None:
    found = quotes(
        "es",
        "El alcalde Juan Pérez habló ayer con los vecinos.",
        "También añadió que el puerto abrirá en verano.",
    )
    assert [(q.text, q.speaker) for q in found] == [("el puerto abrirá en verano", "Juan Pérez")]


def test_a_reported_clause_holding_a_quoted_phrase_gives_both() -> None:
    found = quotes(
        "es",
        'Pérez dijo ayer que defenderá el puerto con "todos los medios posibles" este año.',
    )
    assert sorted((q.kind, q.speaker) for q in found) == [
        ("direct", "Pérez"),
        ("reported", "Pérez"),
    ]


def test_a_clause_that_is_only_the_quote_is_given_once() -> None:
    found = quotes("es", 'El informe confirma que "la policía cerró el puerto dos días".')
    assert [q.kind for q in found] == ["direct"]


@pytest.mark.parametrize(
    ("phrase", "name", "role", "kind"),
    [
        ("vice-président de la CENI", None, "vice-président de la CENI", "role"),
        ("Mike Davis", "Mike Davis", None, "person"),  # "avis" is no organisation inside a name
        ("Lt. Pete Dale of the Pasadena Police Department", "Pete Dale", "Lt.", "person"),
        ("Saleh dijo ayer", "Saleh", None, "person"),
        ("the report", None, "report", "role"),  # a determiner makes "report" a noun
        ("New Hampshire officials", None, "New Hampshire officials", "role"),
        ("Danish police", "Danish police", None, "organisation"),
        ("Prime Minister", None, "Prime Minister", "role"),
        ("Hamburger Wissenschaftssenatorin", None, "Hamburger Wissenschaftssenatorin", "role"),
        ("Donald Trump", "Donald Trump", None, "person"),  # "mp" ends no name in a role
    ],
)
def test_speaker_phrases(phrase: str, name: str | None, role: str | None, kind: str) -> None:
    speaker = parse_speaker(phrase)
    assert speaker is not None
    assert (speaker.name, speaker.role, speaker.type) == (name, role, kind)


def test_german_subjunctive_sentences_are_the_last_speakers_reported_words() -> None:
    found = quotes(
        "de",
        "„Wir bauen die Brücke neu“, sagte Bürgermeisterin Anna Weber am Montag. Die Arbeiten "
        "würden zwei Jahre dauern. Das Geld sei bereits im Haushalt eingeplant.",
    )
    assert [(q.kind, q.speaker) for q in found] == [
        ("direct", "Anna Weber"),
        ("reported", "Anna Weber"),
        ("reported", "Anna Weber"),
    ]


def test_a_subjunctive_sentence_with_no_speaker_before_it_is_no_quote() -> None:
    assert quotes("de", "Die Arbeiten würden zwei Jahre dauern, heißt es in der Vorlage.") == ()


def test_a_german_wie_clause_names_the_source_of_its_sentence() -> None:
    found = quotes(
        "de", "Zwei Männer wurden am Abend festgenommen, wie die Polizei am Dienstag mitteilte."
    )
    assert [(q.text, q.speaker, q.kind) for q in found] == [
        ("Zwei Männer wurden am Abend festgenommen", "Polizei", "reported")
    ]


def test_an_english_say_without_that_opens_reported_speech() -> None:
    found = quotes("en", "Harbour officials say they closed two lanes after the storm.")
    assert [q.text for q in found] == ["they closed two lanes after the storm"]


@pytest.mark.parametrize(
    ("language", "text", "content", "speaker"),
    [
        # a Scandinavian clause after the verb without "at": a pronoun and a finite verb
        ("nn", "Bjurstrøm meiner det er for dyrt å byggje nytt.", "det er for dyrt", "Bjurstrøm"),
        # a second verb of the same subject after "men" (but)
        (
            "nb",
            "Kari Holm ser ingen grunn til ny lov, men mener det er på tide å prøve saken.",
            "det er på tide",
            "Kari Holm",
        ),
        # a fronted adverbial, then the verb before its subject (V2)
        (
            "nn",
            "I eit intervju med Dagsavisen i helga sa Bjurstrøm at tunnelen må stengjast.",
            "tunnelen må stengjast",
            "Bjurstrøm",
        ),
        (
            "nb",
            "På pressekonferansen sa statsministeren at alt går bra.",
            "alt går bra",
            "statsministeren",
        ),
    ],
)
def test_scandinavian_reported_speech_word_orders(
    language: str, text: str, content: str, speaker: str
) -> None:
    found = quotes(language, text)
    assert len(found) == 1
    assert found[0].text.startswith(content)
    assert speaker in (found[0].speaker or found[0].speaker_role or "")


def test_a_fronted_adverbial_with_no_subject_after_the_verb_gives_no_speaker() -> None:
    assert quotes("nb", "På møtet sa noen at det var for sent.") == ()


def test_she_said_after_a_named_hospital_is_the_person_named_before_it() -> None:
    found = quotes(
        "en",
        "Mary Olsen began her career at the old Grace Hospital, now known as B.C. Women’s "
        "Hospital. “The head nurse I had was like an army officer,” she said.",
    )
    assert [q.speaker for q in found] == ["Mary Olsen"]


def test_a_speaker_phrase_ending_in_a_named_group_is_that_group() -> None:
    speaker = parse_speaker("snowmobile crashes into tree New Hampshire officials")
    assert speaker is not None
    assert (speaker.role, speaker.type) == ("New Hampshire officials", "role")


def _with_cnn(*paragraphs: str) -> tuple[Quote, ...]:
    """Quotes of paragraphs whose first names CNN, as the recogniser would (an organisation)."""
    cnn = EntityMention("CNN", EntityType.ORGANISATION, 0, 0, 3)
    return extract_quotes(text_article(*paragraphs, language="nb"), [cnn])


def test_a_body_named_by_a_common_noun_is_the_last_organisation_named() -> None:
    found = _with_cnn(
        "CNN erklærer nå at Obama vinner California.",
        "TV-kanalen mener at Senatet vil bestå av 48 demokrater.",
    )
    assert [(q.speaker, q.speaker_type) for q in found][-1] == ("CNN", "organisation")


def test_a_common_noun_body_far_from_any_named_one_stays_as_written() -> None:
    found = _with_cnn(
        "CNN erklærer nå at Obama vinner California.",
        *["Valget fortsetter i natt."] * 4,
        "TV-kanalen mener at Senatet vil bestå av 48 demokrater.",
    )
    assert found[-1].speaker == "TV-kanalen"


def test_the_police_named_by_a_common_noun_stay_the_police() -> None:
    found = _with_cnn(
        "CNN erklærer nå at Obama vinner California.",
        "Det var uro i natt, og politiet opplyser at to personer er pågrepet.",
    )
    assert found[-1].speaker != "CNN"


def test_a_polish_dash_quote_inside_a_paragraph_closes_at_a_dash_before_the_verb() -> None:
    # Polish news opens a quote with a spaced dash after a sentence end and closes it with a
    # second dash, the reporting verb, a place phrase and the subject (issue 22)
    found = quotes(
        "pl",
        "Rada miasta zebrała się w poniedziałek. – Nie zamkniemy szkoły. To byłby błąd – "
        "powiedział na sesji rady burmistrz Adam Wiśniewski. Sesja trwała trzy godziny.",
    )
    assert [(q.text, q.speaker, q.kind) for q in found] == [
        ("Nie zamkniemy szkoły. To byłby błąd", "Adam Wiśniewski", "direct")
    ]


def test_a_dash_inside_a_sentence_without_a_reporting_verb_is_no_quote() -> None:
    found = quotes(
        "pl",
        "Most otwarto w maju. – Ruch był duży – zwłaszcza rano. Kierowcy czekali godzinę.",
    )
    assert found == ()


def test_a_spanish_role_ending_in_a_is_not_read_as_a_nordic_definite_form() -> None:
    # "-a" marks the definite form only in Nordic nouns ("professora" is not "the professor")
    found = quotes(
        "es",
        "Los bomberos llegaron a Villa Rosa por la tarde.",
        "Según la periodista, el puente fue cerrado durante toda la noche.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [(None, "periodista")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "El puente sigue cerrado al tráfico pesado, según informó ayer el Ayuntamiento.",
            "Ayuntamiento",
        ),
        (
            "El puente sigue cerrado al tráfico pesado, según revela este lunes la cadena RTV.",
            "RTV",
        ),
    ],
)
def test_a_reporting_verb_after_according_to_puts_the_source_after_it(
    sentence: str, speaker: str
) -> None:
    # "según informó X": the verb's subject, after the verb and a time phrase, is the source
    found = quotes("es", sentence)
    assert [(q.text, q.speaker or q.speaker_role) for q in found] == [
        ("El puente sigue cerrado al tráfico pesado", speaker)
    ]


def test_a_polish_role_without_a_name_is_the_person_named_before() -> None:
    # Polish has no articles: "wyjaśnił rzecznik" after "rzecznik Jan Kowal" is Kowal, and so is
    # a bare role that was never written next to his name ("oświadczył polityk")
    found = quotes(
        "pl",
        "Posłanka Anna Nowak z Lublina odwiedziła szpital w sobotę.",
        "Polityk oświadczył, że oddział zostanie otwarty w marcu.",
        "– Pracujemy nad tym od roku – wyjaśnił ordynariusz diecezji.",
    )
    assert [(q.speaker, q.kind) for q in found] == [
        ("Anna Nowak", "reported"),
        ("Anna Nowak", "direct"),
    ]


def test_a_statement_closed_by_a_body_informing_is_reported_speech_outside_scandinavia() -> None:
    # the gold guides count "…, informó X." as X's words; only the Scandinavian tables keep
    # "…, opplyser politiet." an announcement
    found = quotes(
        "es",
        "Los rebeldes controlan el norte de la ciudad, informó el Observatorio de la Paz.",
        "El puente seguirá cerrado hasta marzo, reportó la agencia estatal.",
    )
    assert [(q.text, q.speaker or q.speaker_role) for q in found] == [
        ("Los rebeldes controlan el norte de la ciudad", "Observatorio de la Paz"),
        ("El puente seguirá cerrado hasta marzo", "agencia estatal"),
    ]
    german = quotes("de", "Die Brücke bleibt bis März gesperrt, berichtete die Zeitung.")
    assert [q.text for q in german] == ["Die Brücke bleibt bis März gesperrt"]


def test_according_to_a_casualty_count_is_a_quote_too_outside_scandinavia() -> None:
    # the gold guides of these languages count "…, según X." as X's words even when the
    # sentence states a figure; the figure keeps X as its source as well
    found = quotes("es", "Entre los muertos hay cuatro niños, según la Cruz Roja.")
    assert [(q.text, q.speaker or q.speaker_role) for q in found] == [
        ("Entre los muertos hay cuatro niños", "Cruz Roja")
    ]
    english = quotes("en", "Three people were killed in the blast, according to the fire service.")
    assert len(english) == 1
    assert english[0].text.startswith("Three people were killed in the blast")
    assert quotes("nb", "Tre personer ble drept, ifølge politiet.") == ()


def test_german_according_to_reports_and_to_a_compound_of_the_source() -> None:
    # "nach Berichten der X", "nach Informationen des X", and "nach Polizeiangaben", whose source
    # is the first part of the compound
    found = quotes(
        "de",
        "Die Fähre habe nach Berichten der Hafenbehörde den ganzen Tag festgelegen.",
        "Zwei Beamte sind nach Polizeiangaben im Bahnhof angegriffen worden.",
        "Nach Behördenangaben blieb die Brücke bis Montag gesperrt.",
    )
    assert [q.speaker for q in found] == ["Hafenbehörde", "Polizei", "Behörde"]


def test_a_french_incise_with_a_joined_pronoun_reports_what_follows() -> None:
    found = quotes(
        "fr",
        "Le maire Jean Dupont a visité le chantier.",
        "Par conséquent, a-t-il poursuivi, tant que le pont n’est pas réparé, la route restera "
        "fermée.",
        "C’est pourquoi, dit-il, la mairie a dû fermer deux écoles.",
        "Peut-être, sans doute, la route rouvrira en mai.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("tant que le pont n’est pas réparé, la route restera fermée", "Jean Dupont"),
        ("la mairie a dû fermer deux écoles", "Jean Dupont"),
    ]


def test_a_speaker_the_recogniser_missed_still_gives_the_fullest_name() -> None:
    # the recogniser found one person, not the officer: the full name the quote patterns found
    # as a speaker stands for the surname and for a spelling one letter off
    article = text_article(
        "Crowds were smaller than at the Rose Parade, Lt. Pete Hettema of the city police said.",
        "Only three were arrested this year, Hettema said.",
        "“It was a very quiet night,” Hetteman said.",
        language="en",
    )
    parade = EntityMention("Rose Parade", EntityType.PERSON, 0, 33, 44)
    found = extract_quotes(article, [parade])
    assert [q.speaker for q in found] == ["Pete Hettema"] * 3


def test_the_romance_impersonal_se_is_nobody_in_particular() -> None:
    # "se estima que": it is estimated; no one is quoted
    assert quotes("es", "En seis años de guerra, se estima que cien mil personas han huido.") == ()


def test_a_share_of_a_group_answering_a_poll_is_no_speaker() -> None:
    assert quotes("en", "Forty per cent of voters said they would stay at home.") == ()
    assert (
        quotes("fr", "Trente-sept pour cent des hommes ont déclaré qu’ils n’étaient pas inquiets.")
        == ()
    )


def test_spanish_estimo_closing_a_statement_reports_it() -> None:
    found = quotes(
        "es",
        "El gobierno es responsable del ataque en el norte del país, estimó la jefa de la "
        "diplomacia europea, Ana Ruiz.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("El gobierno es responsable del ataque en el norte del país", "Ana Ruiz")
    ]


def test_spanish_aclarar_and_pedir_report_a_clause() -> None:
    found = quotes(
        "es",
        "Rusia aclaró que su campaña aérea está dirigida contra los rebeldes.",
        "El alcalde pidió que la gente se quede en casa.",
    )
    assert [(q.text, q.speaker or q.speaker_role) for q in found] == [
        ("su campaña aérea está dirigida contra los rebeldes", "Rusia"),
        ("la gente se quede en casa", "alcalde"),
    ]


def test_a_second_reporting_verb_with_an_auxiliary_opens_its_own_quote() -> None:
    found = quotes(
        "es",
        "El líder ha afirmado que su gobierno no va a caer, y ha advertido a la ONU que la "
        "guerra llegará a Europa.",
    )
    assert [q.text for q in found] == ["su gobierno no va a caer", "la guerra llegará a Europa"]
    english = quotes(
        "en",
        "The minister said that the bridge would reopen, and has warned that the road will stay "
        "closed.",
    )
    assert [q.text for q in english] == ["the bridge would reopen", "the road will stay closed"]


def test_a_relative_clause_between_subject_and_verb_is_not_the_speaker() -> None:
    found = quotes(
        "es",
        "El informe, que abarca desde el 25 de enero hasta el 16 de febrero, señala que la "
        "policía disparó.",
    )
    assert [(q.text, q.speaker_role) for q in found] == [("la policía disparó", "informe")]
    english = quotes(
        "en", "The report, which covers January and February, says that police fired on crowds."
    )
    assert [(q.text, q.speaker or q.speaker_role) for q in english] == [
        ("police fired on crowds", "report")
    ]


def test_a_name_in_quotation_marks_is_a_title_not_a_quote() -> None:
    found = quotes(
        "pl",
        'W rozmowie z dziennikiem "Gazeta della Sera" biskup Jan Kowal powiedział: "Musimy '
        'pomagać chorym w domach".',
    )
    assert [q.text for q in found] == ["Musimy pomagać chorym w domach"]
    german = quotes("de", "Beide moderieren die Wahl zur «Miss Germany», sagte die Sprecherin.")
    assert "Miss Germany" not in [q.text for q in german]


def test_according_to_after_a_sentence_end_opens_the_next_sentence() -> None:
    # "». D'après le Figaro, …" is no attribution of the quote before the point
    found = quotes(
        "fr",
        "L'entourage du ministre Paul Martin explique au Figaro que « toutes les options sont "
        "ouvertes » et que « rien n'est décidé ». D'après le Figaro toutefois, un report serait "
        "à l'étude.",
    )
    assert [q.speaker or q.speaker_role for q in found[:2]] == [
        "entourage du ministre Paul Martin",
        "entourage du ministre Paul Martin",
    ]


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        ("Fraktionschef André Trepoll", "André Trepoll", "Fraktionschef"),
        ("Polizeisprecher Christoph Wickhorst", "Christoph Wickhorst", "Polizeisprecher"),
        ("Arbeidsminister Hanne Bjurstrøm", "Hanne Bjurstrøm", "Arbeidsminister"),
    ],
)
def test_a_role_the_recogniser_took_into_a_name_is_split_off(
    mention: str, name: str, role: str
) -> None:
    # "…", sagte Fraktionschef André Trepoll: a recogniser that tags capitalised nouns may give
    # the role and the name as one person mention; the speaker is the name, the role kept
    article = text_article(f"«Wir müssen das Ergebnis verdauen», sagte {mention}.", language="de")
    start = article.paragraphs[0].text.index(mention)
    entity = EntityMention(mention, EntityType.PERSON, 0, start, start + len(mention))
    found = extract_quotes(article, [entity])
    assert [(q.speaker, q.speaker_role) for q in found] == [(name, role)]


def test_a_title_with_no_name_after_it_stays_whole() -> None:
    assert split_title("Secretario General") == (None, "Secretario General")
    assert split_title("Präsident Donald Trump") == ("Präsident", "Donald Trump")
