"""Quotes: direct quotes in each typography, reported speech, speakers with roles."""

from __future__ import annotations

from pathlib import Path

import pytest

from extraction_seeds import seed, text_article
from newsloom.extract.quotes import extract_quotes
from newsloom.extract.speakers import parse_speaker
from newsloom.records import Article, EntityMention, EntityType, ParagraphKind, Quote


def article(*paragraphs: str, kinds: dict[int, ParagraphKind] | None = None) -> Article:
    return text_article(*paragraphs, kinds=kinds)


def quotes(*paragraphs: str) -> tuple[Quote, ...]:
    return extract_quotes(article(*paragraphs))


def test_seed_dash_quote_is_attributed_to_the_police_spokesman(seeds_dir: Path) -> None:
    found = extract_quotes(seed(seeds_dir, "000"))
    quote = next(q for q in found if q.text.startswith("I nat forsøgte"))
    assert (quote.speaker, quote.speaker_role, quote.speaker_type) == (
        "Saltanat Azirbek",
        "polititalsmand",
        "person",
    )
    assert quote.kind == "direct"
    assert quote.paragraph == 3
    assert quote.text.endswith("blev elimineret")  # the speaker clause is not part of the quote


def test_seed_quote_of_a_press_service_and_one_relayed_by_an_agency(seeds_dir: Path) -> None:
    found = extract_quotes(seed(seeds_dir, "002"))
    press = next(q for q in found if q.text.startswith("De bærer"))
    assert (press.speaker, press.speaker_type) == ("Tokajevs pressetjeneste", "organisation")
    relayed = next(q for q in found if q.text.startswith("den nuværende"))
    assert relayed.speaker == "Kasym-Jomart Tokajev"  # "…, skriver Ritzau" relays Tokajev


def test_seed_reported_speech_with_names_and_roles(seeds_dir: Path) -> None:
    found = {q.paragraph: q for q in extract_quotes(seed(seeds_dir, "001"))}
    assert found[5].speaker == "Jen Psaki"
    assert found[5].kind == "reported"
    assert found[5].text == "USA følger situasjonen nøye"
    assert found[4].speaker is None
    assert found[4].speaker_role == "talsmann for Russlands president Vladimir Putin"
    assert found[25].speaker == "Kassym-Jomart Tokajev"  # the fullest name the article gives


@pytest.mark.parametrize(
    ("text", "speaker", "role", "quoted"),
    [
        ("- Vi er klar, siger borgmester Anne Holm.", "Anne Holm", "borgmester", "Vi er klar"),
        (
            "– Vi har inga uppgifter, säger presstalesperson Anna Berg.",
            "Anna Berg",
            "presstalesperson",
            "Vi har inga uppgifter",
        ),
        (
            "»Det er en tragedie,« siger direktør Ole Lund.",
            "Ole Lund",
            "direktør",
            "Det er en tragedie,",
        ),
        (
            "«Vi følger situasjonen tett», skriver Utenriksdepartementet.",
            "Utenriksdepartementet",
            None,
            "Vi følger situasjonen tett",
        ),
        (
            "„Wir sind erschüttert“, sagte Bürgermeister Hans Weber.",
            "Hans Weber",
            "Bürgermeister",
            "Wir sind erschüttert",
        ),
        (
            "“The situation is under control,” said fire chief John Miller.",
            "John Miller",
            "fire chief",
            "The situation is under control,",
        ),
        ('"We will not give up," Ahmed Hassan said.', "Ahmed Hassan", None, "We will not give up,"),
        (
            "”Vi överklagar”, säger UD:s presschef Karin Berg.",
            "Karin Berg",
            "UD:s presschef",
            "Vi överklagar",
        ),
    ],
)
def test_direct_quotes_in_each_typography(
    text: str, speaker: str, role: str | None, quoted: str
) -> None:
    (quote,) = quotes(text)
    assert (quote.speaker, quote.speaker_role, quote.kind) == (speaker, role, "direct")
    assert quote.text == quoted


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Direktør Pia Lund siger, at virksomheden må fyre 200.",
            "Pia Lund",
            "virksomheden må fyre 200",
        ),
        ("Politiadvokat Jon Berg sier til VG at mannen er siktet.", "Jon Berg", "mannen er siktet"),
        ("Åklagaren uppger att mannen nekar till brott.", "Åklagaren", "mannen nekar till brott"),
        (
            "Police said that two suspects had been detained.",
            "Police",
            "two suspects had been detained",
        ),
        ("Tidligere sagde minister Lars Holm, at aftalen holder.", "Lars Holm", "aftalen holder"),
    ],
)
def test_reported_speech(text: str, speaker: str, content: str) -> None:
    (quote,) = quotes(text)
    assert (quote.speaker or quote.speaker_role, quote.kind, quote.text) == (
        speaker,
        "reported",
        content,
    )


def test_at_least_is_not_a_that_clause() -> None:
    assert quotes("Officials said at least 14 people had been injured.") == ()


def test_pronouns_resolve_to_the_person_named_before() -> None:
    found = quotes("Sarah Jones saw the blast. “It was like an earthquake,” she said.")
    assert [q.speaker for q in found] == ["Sarah Jones"]
    dash = quotes("- Vi er klar, siger indsatsleder Bo Dahl.", "- Vi venter, tilføjer han.")
    assert [q.speaker for q in dash] == ["Bo Dahl", "Bo Dahl"]


def test_role_only_speakers_and_definite_roles() -> None:
    (quote,) = quotes("- Det er dybt bekymrende, siger talsmanden.")
    assert (quote.speaker, quote.speaker_role, quote.speaker_type) == (None, "talsmanden", "role")


def test_entity_mentions_decide_the_name() -> None:
    text = "- Vi er klar, siger talsperson for politiet Jens la Cour."
    start = text.index("Jens")
    entities = [EntityMention("Jens la Cour", EntityType.PERSON, 0, start, start + 12)]
    (quote,) = extract_quotes(article(text), entities)
    assert quote.speaker == "Jens la Cour"


def test_a_second_quote_in_the_paragraph_keeps_the_speaker() -> None:
    found = quotes("“We will not give up,” said Ahmed Hassan. “Our demands are clear.”")
    assert [(q.text, q.speaker) for q in found] == [
        ("We will not give up,", "Ahmed Hassan"),
        ("Our demands are clear.", "Ahmed Hassan"),
    ]


def test_unmarked_quote_sentence_ending_in_a_speech_verb() -> None:
    (quote,) = quotes("Ledelsen burde ha visst, sa styreleder Harald Norvik.")
    assert (quote.text, quote.speaker) == ("Ledelsen burde ha visst", "Harald Norvik")
    assert quotes("Veien er stengt, opplyser politiet.") == ()  # a source, not a quote


def test_scare_quotes_and_captions_are_not_quotes() -> None:
    assert quotes("Dræbt 'dusinvis' af demonstranter i det, de kalder «oprør».") == ()
    caption = article("- Vi er klar, siger Anne Holm.", kinds={0: ParagraphKind.CAPTION})
    assert extract_quotes(caption) == ()


def test_parse_speaker() -> None:
    assert parse_speaker("han").type == "pronoun"  # type: ignore[union-attr]
    assert parse_speaker("There are") is None
    assert parse_speaker("Reuters").type == "organisation"  # type: ignore[union-attr]
    apposition = parse_speaker("formanden for partiet Framtid, Rakul Hansen")
    assert apposition is not None
    assert (apposition.name, apposition.role) == ("Rakul Hansen", "formanden for partiet Framtid")


# --- issue 6 regressions: misses found on the example corpus (sentences invented here) -----------


def test_reported_speech_without_that_after_an_age_apposition() -> None:
    found = quotes(
        "Ingrid Dahl, 47, said she would step down as party leader after the summer. "
        "“It is time for someone else,” she told the local radio."
    )
    assert [(q.speaker, q.kind, q.text) for q in found] == [
        ("Ingrid Dahl", "reported", "she would step down as party leader after the summer"),
        ("Ingrid Dahl", "direct", "It is time for someone else,"),
    ]


def test_pronoun_after_reported_speech_in_the_same_paragraph_is_its_speaker() -> None:
    found = quotes(
        "“The plan came too late,” said Tor Berg, an economist.",
        "Hanna Lund said the plan would stay. “We will not back down,” she said.",
    )
    assert [q.speaker for q in found] == ["Tor Berg", "Hanna Lund", "Hanna Lund"]


def test_speaker_after_a_comma_before_the_verb() -> None:
    found = quotes("Utdanningsministeren, Kari Holm, sa til NTB at hun fortsatt står ved planen.")
    assert [(q.speaker, q.text) for q in found] == [("Kari Holm", "hun fortsatt står ved planen")]


def test_long_speaker_phrase_after_a_direct_quote() -> None:
    found = quotes("“We found the money,” Jonas Vik of the national fraud unit told reporters.")
    assert found[0].speaker is not None
    assert found[0].speaker.startswith("Jonas Vik")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("- Hvorfor skal vi betale mer, spør Per Olsen utenfor rådhuset.", "Per Olsen", "Hvorfor"),
        ("- Men det blir dyrere for alle, innvender Kari.", "Kari", "Men det blir"),
        ("– Varför nu, frågar Eva Lind.", "Eva Lind", "Varför nu"),
    ],
)
def test_questions_and_objections_are_speech(text: str, speaker: str, content: str) -> None:
    found = quotes(text)
    assert [q.speaker for q in found] == [speaker]
    assert found[0].text.startswith(content)


def test_an_unmarked_sentence_ending_in_a_pronoun_attribution_is_the_named_persons() -> None:
    found = quotes(
        "Ingrid Solvang leier utvalget.",
        "Vi kommer ikke til å gi oss før skolen er pusset opp, sier hun.",
    )
    assert [(q.text, q.speaker, q.kind) for q in found] == [
        ("Vi kommer ikke til å gi oss før skolen er pusset opp", "Ingrid Solvang", "direct")
    ]


def test_an_unmarked_pronoun_attribution_with_nobody_named_is_no_quote() -> None:
    assert quotes("Vi kommer ikke til å gi oss før skolen er pusset opp, sier hun.") == ()


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Ordfører Per Lid mener kommunen har råd til en ny hall.",
            "Per Lid",
            "kommunen har råd til en ny hall",
        ),
        (
            "Ordførar Siri Vik meiner Statens vegvesen må byggje tunnelen først.",
            "Siri Vik",
            "Statens vegvesen må byggje tunnelen først",
        ),
    ],
)
def test_opinion_verbs_take_a_clause_without_that(text: str, speaker: str, content: str) -> None:
    (quote,) = quotes(text)
    assert (quote.speaker, quote.text, quote.kind) == (speaker, content, "reported")


def test_an_opinion_verb_with_an_object_is_no_reported_speech() -> None:
    assert quotes("Ordfører Per Lid mener noe annet om saken.") == ()


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "content"),
    [
        (
            ("Heidi Brenna er leiar i laget.", "Vi må sjå på heile budsjettet, held Brenna fram."),
            "Heidi Brenna",
            "Vi må sjå på heile budsjettet",
        ),
        (
            ("Tor Aune er sjef.", "«Ingen har sagt noe om dette til oss», la Aune til i går."),
            "Tor Aune",
            "Ingen har sagt noe om dette til oss",
        ),
        (
            ("Tor Aune er sjef.", "- Dette er bare begynnelsen, slår Aune bestemt fast."),
            "Tor Aune",
            "Dette er bare begynnelsen",
        ),
    ],
)
def test_the_speaker_between_a_particle_verb_and_its_particle(
    paragraphs: tuple[str, ...], speaker: str, content: str
) -> None:
    quote = quotes(*paragraphs)[-1]
    assert (quote.speaker, quote.text) == (speaker, content)


def test_a_quote_below_a_colon_paragraph_is_whom_that_paragraph_introduces() -> None:
    found = quotes(
        "Ola Brenne trente laget i ti år. Stian Moe var hans spiss.",
        "I sin bok skriver Brenne:",
        "«Jeg betalte altfor mye for ham.",
        "Han scoret nesten aldri.»",
        "Moe ville ikke kommentere boka. Han sa det mange ganger:",
        "«Brenne har aldri forstått meg.»",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (2, "Ola Brenne"),
        (3, "Ola Brenne"),
        (5, "Stian Moe"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Valget i delstaten er avgjort, erklærer Statens valgstyre.",
            "Statens valgstyre",
            "Valget i delstaten er avgjort",
        ),
        (
            "Den greske historikeren Kari Lund skrev for nesten to tusen år siden at byen var rik.",
            "Kari Lund",
            "byen var rik",
        ),
        (
            "Dermed er hun enig med forskeren Ola Vik som i fjor sa at skolen må legges ned.",
            "Ola Vik",
            "skolen må legges ned",
        ),
    ],
)
def test_statements_of_bodies_long_adverbials_and_relative_clauses_on_a_name(
    text: str, speaker: str, content: str
) -> None:
    (quote,) = quotes(text)
    assert (quote.speaker, quote.text) == (speaker, content)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Det er bare «rådgivere» som styrer landet nå, skriver kommentator Eva Lie.",
            [("Eva Lie", "Det er bare «rådgivere» som styrer landet nå")],
        ),
        (
            "Talsmann Ola Berg hevdar somme land er uvillige til å sende fly.",
            [("Ola Berg", "somme land er uvillige til å sende fly")],
        ),
        (
            "Minister Kari Holm understrekar at ho ikkje vil ta avstand frå dette, men meiner "
            "også desse arbeidarane må få betre lønn.",
            [
                ("Kari Holm", "ho ikkje vil ta avstand frå dette"),
                ("Kari Holm", "desse arbeidarane må få betre lønn"),
            ],
        ),
        (
            "Partileiar Per Dal bekreftar at dei vil samarbeida med Venstre, men seier i same "
            "andedraget at det er eit ultimatum.",
            [("Per Dal", "dei vil samarbeida med Venstre"), ("Per Dal", "det er eit ultimatum")],
        ),
    ],
)
def test_scare_quotes_determiners_and_a_second_coordinated_statement(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(q.speaker, q.text) for q in quotes(text)] == expected


def test_words_with_points_stand_between_speaker_verb_and_that() -> None:
    (quote,) = quotes("Byrået A.P. erklærer klokka 03.05 at Romney vinner delstaten.")
    assert quote.text == "Romney vinner delstaten"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "I praksis, seier ordførar Siri Vik, er det bøndene sjølve som avgjer dette.",
            "Siri Vik",
            "er det bøndene sjølve som avgjer dette",
        ),
        (
            "Som Per Lund skriv (Vårt Land i går), er det uklart kven som betaler.",
            "Per Lund",
            "er det uklart kven som betaler",
        ),
        (
            "The plan, minister Anna Berg said, is dead after the vote.",
            "Anna Berg",
            "is dead after the vote",
        ),
    ],
)
def test_an_attribution_set_off_by_commas_before_the_predicate(
    text: str, speaker: str, content: str
) -> None:
    (quote,) = quotes(text)
    assert (quote.speaker, quote.text) == (speaker, content)


def test_a_comma_attribution_followed_by_more_narrative_is_not_a_parenthesis() -> None:
    assert [q.text for q in quotes("Kari Holm kom heim, sa naboen Per Lund, og la seg.")] != [
        "og la seg"
    ]
