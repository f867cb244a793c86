"""Interviews written as questions and answers: who the answers belong to (#16)."""

from __future__ import annotations

from extraction_seeds import quotes, text_article
from newsloom.extract.quotes import extract_quotes


def test_questions_without_a_dash_that_say_you_make_an_interview() -> None:
    # the journalist's questions carry no dash, the answers do ("Hva er benkpress?" is an
    # answer, not a question of the journalist's)
    found = quotes(
        "Vi møter sprinteren Eva Lid i Bergen. Lid løper 60 meter.",
        "Hvor ofte trener du?",
        "- Hver dag, også når jeg bor på hotell.",
        "Hvor mange kilo tar du i benkpress?",
        "- Hva er benkpress?",
        "Jeg trener kondisjon.",
        language="nb",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (2, "Eva Lid"),
        (4, "Eva Lid"),
        (5, "Eva Lid"),
    ]


def test_one_question_without_a_dash_is_no_interview() -> None:
    found = quotes(
        "Vi møter sprinteren Eva Lid i Bergen. Lid løper 60 meter.",
        "Hvor ofte trener du?",
        "- Hver dag, også når jeg bor på hotell.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(2, None)]


def test_a_rhetorical_question_without_you_makes_no_interview() -> None:
    found = quotes(
        "Vi møter sprinteren Eva Lid i Bergen. Lid løper 60 meter.",
        "Hvordan skulle hun klare det?",
        "- Det visste jeg ikke.",
        "Hva skulle hun gjøre?",
        "- Jeg ventet.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(2, None), (4, None)]


def test_in_an_interview_words_no_one_is_named_for_are_the_interviewees() -> None:
    # a dash paragraph after the journalist's narrative, not after a question, is still the
    # person interviewed talking
    found = quotes(
        "Vi møter regissør Erik Dahl hjemme. Dahl har laget fem filmer.",
        "- Er du pompøs?",
        "- Jo da, litt.",
        "- Hvem kaller deg det?",
        "- Andre regissører.",
        "Det var Harald Zwart som fant på begrepet.",
        "- Jeg kjenner Harald godt, og han er ingen primitiv fyr.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (2, "Erik Dahl"),
        (4, "Erik Dahl"),
        (6, "Erik Dahl"),
    ]


def test_a_person_called_by_first_name_is_the_full_name_the_article_gave() -> None:
    found = quotes(
        "Vi møter Cathrine Langfjell Torsvik i Bergen.",
        "Cathrine var ti år da moren ble syk.",
        "- Det var ingen som passet på oss, sier Cathrine.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(2, "Cathrine Langfjell Torsvik")]


def test_a_first_name_two_people_share_or_a_surname_stays_as_written() -> None:
    from newsloom.extract.speaker_names import ArticleNames
    from newsloom.records import EntityMention, EntityType, Paragraph

    texts = ["Per Holm og Per Dahl kom.", "Kari Nes og Nes Olsen kom.", "Per smilte. Nes lo."]
    paragraphs = tuple(Paragraph(i, text) for i, text in enumerate(texts))
    mentions = [
        EntityMention("Per Holm", EntityType.PERSON, 0, 0, 8),
        EntityMention("Per Dahl", EntityType.PERSON, 0, 12, 20),
        EntityMention("Kari Nes", EntityType.PERSON, 1, 0, 8),
        EntityMention("Nes Olsen", EntityType.PERSON, 1, 12, 21),
    ]
    names = ArticleNames(paragraphs, mentions)
    assert names.fullest("Per") == "Per"  # two people called Per
    assert names.fullest("Nes") == "Kari Nes"  # a surname first: the surname's person
    assert names.fullest("Kari") == "Kari Nes"


def test_a_role_at_a_body_then_the_person_who_holds_it() -> None:
    from newsloom.extract.speakers import parse_speaker

    cases = [
        # the body's capitalised words run into the name: the name the article knows
        ("leiar i Noregs Mållag Hege Myklebust", ["Hege Myklebust"], "Hege Myklebust"),
        ("professor i farmasi Espen Molden ved Universitetet i Oslo", ["Espen Molden"], None),
        # the name set off by a comma, then a time or a party
        ("direktør i Datatilsynet, Georg Apenes, i går", [], "Georg Apenes"),
        ("dagleg leiar ved Bil & Dekkservice, Tore Olsen", [], "Tore Olsen"),
        ("dagleg leiar ved Dekkmann, Frode Romarheim til Firda", [], "Frode Romarheim"),
        ("el portavoz de la Casa Blanca, Sean Spicer", [], "Sean Spicer"),
    ]
    for phrase, entities, name in cases:
        speaker = parse_speaker(phrase, entities)
        assert speaker is not None
        assert speaker.name == (name or entities[0]), phrase
        assert speaker.type == "person"
    assert parse_speaker("el portavoz de la Casa Blanca, Sean Spicer").role == (  # type: ignore[union-attr]
        "portavoz de la Casa Blanca"
    )
    assert parse_speaker("leiar i Noregs Mållag Hege Myklebust", ["Hege Myklebust"]).role == (  # type: ignore[union-attr]
        "leiar i Noregs Mållag"
    )


def test_a_role_at_a_body_then_two_people_is_not_the_second_alone() -> None:
    from newsloom.extract.speakers import parse_speaker

    speaker = parse_speaker(
        "prosjektleiar Nicolai Riise og leiar av Dyrskun Solveig Hellevig",
        ["Nicolai Riise", "Solveig Hellevig"],
    )
    assert speaker is None or speaker.name != "Solveig Hellevig"


def test_an_age_noun_is_the_person_the_article_gave_that_age() -> None:
    found = quotes(
        "Firooza Mushteri (24) og Kari Nes (31) kom til Norge i fjor.",
        "Nes ble i Oslo.",
        "- Afghanistan trenger jordmødre, sier 24-åringen.",
        "- Jeg vil hjem, sier 50-åringen.",
    )
    assert [(q.paragraph, q.speaker, q.speaker_role) for q in found] == [
        (2, "Firooza Mushteri", "24-åringen"),
        (3, None, "50-åringen"),  # no one given that age: the role stays, no guess
    ]


def test_the_people_a_speaker_names_are_not_whom_the_attribution_pronoun_means() -> None:
    found = quotes(
        "Som folkemusikarar flest var heller ikkje Sara Lid nøgd med innsatsen.",
        "- Eg var ganske nervøs då eg gjekk på scena.",
        "Men det gjekk betre med slåtten som eg har lært av Tarjei Romtveit.",
        "Den var eg veldig nøgd med, seier ho.",
        language="nn",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (1, "Sara Lid"),
        (2, "Sara Lid"),
        (3, "Sara Lid"),
    ]


def test_a_described_name_then_the_medium_told() -> None:
    from newsloom.extract.speakers import parse_speaker

    speaker = parse_speaker("en sur og irritert Start-trener Arne Sandstø til fvn")
    assert speaker is not None
    assert (speaker.name, speaker.role) == ("Arne Sandstø", "sur og irritert Start-trener")
    speaker = parse_speaker("tidligere statsminister Kjell Magne Bondevik til NTB")
    assert speaker is not None
    assert speaker.name == "Kjell Magne Bondevik"
    speaker = parse_speaker("rektor Jean-Pierre Dupont")  # a hyphen inside a first name stays
    assert speaker is not None
    assert speaker.name == "Jean-Pierre Dupont"


def test_a_dash_statement_before_an_undashed_question_is_the_journalist_s_premise() -> None:
    # the journalist dashes their turns ("– Var …?" answered by "– Nei, …"): a dash statement
    # right before a question that a dash paragraph answers is part of the question
    found = quotes(
        "- Var invasjonen eit forsvar for demokratiet?",
        "- Nei, han var ikkje det.",
        "- Du er lege og har 20 års erfaring.",
        "Er du overraska over dommen?",
        "- Eg har respekt for andre sine vurderingar.",
        language="nn",
    )
    assert [q.paragraph for q in found] == [1, 4]


def test_a_dash_answer_before_an_undashed_question_stays_where_no_question_is_dashed() -> None:
    found = quotes(
        "Hvor reiste du sist?",
        "- Til Dubai.",
        "Hva gjorde du der?",
        "- Jeg hadde min første ferie på seks år.",
        "Hva er ditt favorittreisemål?",
        "- Afrika.",
    )
    assert [q.paragraph for q in found] == [1, 3, 5]


def test_the_one_who_asks_is_not_the_one_who_answers() -> None:
    # the nearest attribution after the answers is a question someone else puts ("spør
    # hun"): the answers belong to the one who answers next
    found = quotes(
        "Hvor mange tilbud har du fått?",
        "- Jeg har fått fire tilbud.",
        "Hvorfor har du sagt nei?",
        "- Jeg vil velge selv.",
        "Ned fra andre etasje kommer kona Kari Moe.",
        "- Er han flink? spør hun.",
        "- Jeg prater for mye, svarer Erik.",
        "Kari Moe jobber i NRK.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (1, "Erik"),
        (3, "Erik"),
        (5, "Kari Moe"),
        (6, "Erik"),
    ]


def test_a_name_ending_in_a_lowercase_word_is_not_counted_by_that_word() -> None:
    # "Aleksander den store" named once in an answer: "store" (big) elsewhere in the interview
    # does not name him again, so the interview is not with him
    from newsloom.records import EntityMention, EntityType

    paragraphs = (
        "Hvor reiser du i sommer?",
        "- Til store byer, helst to store byer i Asia.",
        "Hvorfor velger du det?",
        "- Byene har vært viktige siden Aleksander den store.",
        "Ser du store forskjeller?",
        "- Store forskjeller, ja.",
    )
    name = "Aleksander den store"
    start = paragraphs[3].index(name)
    mention = EntityMention(name, EntityType.PERSON, 3, start, start + len(name))
    found = extract_quotes(text_article(*paragraphs, language="nb"), [mention])
    assert [q.speaker for q in found] == [None, None, None]


def test_a_dash_question_between_someone_s_talk_and_its_answer_is_the_journalist_s() -> None:
    # no "I", "we" or "you" in the question, the talk before it and the answer after it: the
    # journalist asking, not the speaker (#16)
    found = quotes(
        "Knut H. Alfsen er forskingsdirektør ved Cicero.",
        "- I fagmiljøa er det mange sindige, nøkterne folk som er opprørte.",
        "Det burde motivere til handling, seier Alfsen.",
        "- Så kvifor skjer det ikkje meir?",
        "Ein grunn kan vere at tiltak som kostar, utløyser motkrefter.",
        "Vi ser det mellom anna i kampanjane mot IPCC.",
        language="nn",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (1, "Alfsen"),
        (2, "Alfsen"),
        (4, "Alfsen"),
        (5, "Alfsen"),
    ]


def test_a_dash_question_saying_we_is_the_speaker_s_own() -> None:
    found = quotes(
        "- Då er ikkje bustadfelt nok, sa Høgres Are Einevoll.",
        "- Skal vi ikkje ha politiske vyar?",
        "Idrettsbarnehagen er noko heilt nytt, og vi har jobba grundig med saka.",
        language="nn",
    )
    assert 1 in [q.paragraph for q in found]


def test_the_person_a_question_calls_by_name_answers_it() -> None:
    # "Kva trur du, professor i økonomi Steinar Strøm?": the journalist asks that person, who
    # answers, though the article names him only there (#16)
    found = quotes(
        "- Det går mange rykte om at Hellas vil verta kasta ut av euroen.",
        "Kva trur du, professor i økonomi Steinar Strøm?",
        "- Dei vert verande.",
        "Hellas går ikkje friviljug.",
        "- Trur du Hellas vil greia dette?",
        "- Ja, om dei får redusert gjelda nok.",
        language="nn",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (2, "Steinar Strøm"),
        (3, "Steinar Strøm"),
        (5, "Steinar Strøm"),
    ]


def test_a_first_name_is_the_one_full_name_also_written_in_the_genitive() -> None:
    from newsloom.extract.speaker_names import ArticleNames
    from newsloom.records import EntityMention, EntityType, Paragraph

    texts = ["Geir Hansen gir seg som trener.", "Geir Hansens hemmelighet kom ut.", "Geir lo."]
    paragraphs = [Paragraph(index, text) for index, text in enumerate(texts)]
    names = ["Geir Hansen", "Geir Hansens", "Geir"]
    mentions = [
        EntityMention(name, EntityType.PERSON, index, text.find(name), text.find(name) + len(name))
        for index, (text, name) in enumerate(zip(texts, names, strict=True))
    ]
    assert ArticleNames(paragraphs, mentions).fullest("Geir") == "Geir Hansen"
