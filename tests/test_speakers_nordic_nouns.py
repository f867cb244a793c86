"""Norwegian and Danish speakers named by a noun, a role or a surname, read off the NorNE and
DaN+ pseudo-documents (issue 16): a definite noun for someone introduced unnamed, a relative,
a role at a body and the name set off after it, whom a speaker told, a surname after a full
name with a Roman number."""

from __future__ import annotations

from extraction_seeds import quotes, quotes_with_people
from newsloom.extract.speakers import Speaker, parse_speaker


def test_a_definite_noun_for_someone_introduced_unnamed_is_not_the_person_named_last() -> None:
    found = quotes(
        "Cathrine Langfjell Torsvik er ti år og utslitt.",
        "I nabolaget på Askøy står eneboligene tett.",
        "En nabokvinne forteller at hun ofte hørte lyden av fest og drikking fra Cathrines hus.",
        "- Det gikk rykter om at barna gikk for lut og kaldt vann i store perioder, sier "
        "nabokvinnen.",
    )
    assert [(q.paragraph, q.speaker, q.speaker_role) for q in found][-1] == (
        3,
        None,
        "nabokvinnen",
    )


def test_a_man_introduced_by_an_indefinite_article_is_not_the_patient_named() -> None:
    found = quotes_with_people(
        "nb",
        "Tre kvinner i grønne frakker og en mann med sterkt etterbarberingsvann, sto over ham.",
        "- Hva gjør jeg her? spurte Martin Bengtsson, med sprukken stemme.",
        "- Husker du ikke? sier mannen.",
        people=("Martin Bengtsson",),
    )
    assert [(q.paragraph, q.speaker, q.speaker_role) for q in found] == [
        (1, "Martin Bengtsson", None),
        (2, None, "mannen"),
    ]


def test_a_title_or_a_description_with_an_indefinite_article_introduces_no_one() -> None:
    # a title written with "en" for whoever may hold it; a noun after "er" describing the
    # person named: the definite noun still refers back to the person named last
    coach = quotes(
        "Ola Berg tok over laget i fjor.",
        "Klubben hadde lenge lett etter en ny trener.",
        "- Vi skal vinne serien, sier treneren.",
    )
    woman = quotes(
        "Kari Holm er en sterk kvinne.",
        "- Jeg gir meg ikke, sier kvinnen.",
    )
    assert [(q.speaker, q.speaker_role) for q in coach] == [("Ola Berg", "treneren")]
    assert [(q.speaker, q.speaker_role) for q in woman] == [("Kari Holm", "kvinnen")]


def test_a_definite_noun_with_the_name_set_off_beside_it_is_that_person() -> None:
    found = quotes(
        "En forsker ved Universitetet i Oslo, Kari Holm, har sett på tallene.",
        "- Dette er alvorlig, sier forskeren.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [("Kari Holm", "forskeren")]


def test_a_name_called_to_in_a_quote_is_not_the_father_who_says_it() -> None:
    found = quotes_with_people(
        "nb",
        "Filmregissør Erik Poppe (48) mener han må være kongen av føling i fjæra.",
        "Det første han gjorde da han kom hjem, var å ringe faren.",
        "- Det er veldig hyggelig, Erik, sa faren og tok en pause:",
        people=("Erik Poppe", "Erik"),
    )
    assert [(q.paragraph, q.speaker, q.speaker_role) for q in found][-1] == (2, None, "faren")


def test_overfor_names_whom_the_speaker_told() -> None:
    found = quotes(
        "- Det er veldig sjeldent at samme mann vinner to konkurranser etter hverandre i "
        "verdenscupen, understreker Arnesen overfor Dagbladet.no.",
    )
    assert [q.speaker for q in found] == ["Arnesen"]


def test_a_surname_is_the_full_name_that_ends_in_a_roman_number() -> None:
    found = quotes_with_people(
        "nn",
        "- Vi ser på Aserbajdsjan som eit viktig land, seier USA-ambassadør Reno Harnish III.",
        "- Det er mange grunnar for USA til å vere opptekne av dette landet, forklarer Harnish.",
        people=("Reno Harnish III", "Harnish"),
    )
    assert [q.speaker for q in found] == ["Reno Harnish III", "Reno Harnish III"]


def test_a_noun_at_a_body_then_a_name_set_off_is_that_person() -> None:
    found = quotes(
        "- For vår del kunne minimumskravet gjerne vore fire meter, og vel så det, seier "
        "medeigar på Byrkjelo Camping, Kristin Sindre Bjørkelo.",
        "- Så viktig er klimaspørsmålet at vi må klare dette.",
        "Det kan bli krevende, men jeg tror det går, sier EU-ambassadør i Norge, Percy "
        "Westerlund, til Dagbladet.no.",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Kristin Sindre Bjørkelo", "medeigar på Byrkjelo Camping"),
        ("Percy Westerlund", "EU-ambassadør i Norge"),
        ("Percy Westerlund", "EU-ambassadør i Norge"),
    ]


def test_a_pronoun_before_where_is_no_role_of_the_name_after_it() -> None:
    found = quotes(
        "Statsråd Kari Holm la fram tallene.",
        "- Vi må gjøre mer, sa hun i et intervju med NRK, Dagsrevyen.",
    )
    assert [q.speaker for q in found] == ["Kari Holm"]


def test_a_danish_role_and_name_then_where_the_person_works_is_that_person() -> None:
    found = quotes(
        "- I år regner vi med at sælge 700 ton - det svarer til 2,8 millioner pakker, fortæller "
        "produktchef Lars Bred, Tholstrup Cheese.",
        '"Hvis der er tale om en dansk bog med lidt fremmedsprog i, så kan den godt få del i '
        'bibliotekspengene," siger bibliotekskonsulent Anna Johansen, Statens '
        "Bibliotekstjeneste.",
        language="da",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Lars Bred", "produktchef"),
        ("Anna Johansen", "bibliotekskonsulent"),
    ]


def test_an_article_or_a_preposition_before_a_name_is_no_role() -> None:
    # Spanish phrases after "dijo" in real news: an article and a title, then the holder set
    # off; "según" and a medium
    assert parse_speaker("el Alto Comisionado, Antonio Guterrez", ["Antonio Guterrez"]) == (
        Speaker("Antonio Guterrez", "Alto Comisionado", "person")
    )
    assert parse_speaker("según Al Arabiya, cadena de televisión", ["Al Arabiya"]) is None


def test_a_compound_or_described_definite_role_is_the_subject_named_last() -> None:
    # "NRL-leiaren" (a compound), "den sindige noregsmeisteren" (weak adjectives before it):
    # the subject of the last sentence naming someone, not the name governed after it
    leader = quotes_with_people(
        "nn",
        "Vi har vår rett til å eksistera, seier Nils Henrik Sara til Klassekampen.",
        "Han minner om at mineralutvinning skal ha elkraft.",
        "- Alt rammar vilkåra for reindrifta, seier NRL-leiaren.",
        people=("Nils Henrik Sara",),
    )
    champion = quotes_with_people(
        "nn",
        "Ånund Lid Byggland (17) frå Høydalsmo tok storeslem i helga.",
        "- Eg hadde ikkje tru på to gull, seier den sindige noregsmeisteren.",
        people=("Ånund Lid Byggland",),
    )
    striker = quotes_with_people(
        "nb",
        "Mathisen mener Gauseth hadde flaks som kom til målet.",
        "- Ballen går mellom beina på meg, og han er heldig, sier 21-åringen.",
        people=("Mathisen", "Gauseth"),
    )
    assert [(q.speaker, q.speaker_role) for q in leader][-1] == ("Nils Henrik Sara", "NRL-leiaren")
    assert [(q.speaker, q.speaker_role) for q in champion] == [
        ("Ånund Lid Byggland", "sindige noregsmeisteren")
    ]
    assert [(q.speaker, q.speaker_role) for q in striker][-1] == ("Mathisen", "21-åringen")


def test_a_definite_role_after_an_unnamed_speaker_is_not_the_name_before() -> None:
    found = quotes_with_people(
        "nb",
        "- Men dette er ting vi kan justere på, sa Gunnar Hagen.",
        "Bestemor på flukt med barnebarnet |",
        "- Jeg er livredd for hva som kan skje, vedgår kvinna fra sin nødhavn på Sørvestlandet.",
        "- Jeg har mitt eget hus og god plass til barnet, mener 48-åringen som selv har fostret "
        "fire barn.",
        people=("Gunnar Hagen",),
    )
    assert [(q.speaker, q.speaker_role) for q in found][-1] == (None, "48-åringen")


def test_a_definite_role_is_not_a_name_inside_the_words_quoted_before() -> None:
    found = quotes_with_people(
        "nb",
        "Prinsesse Märtha Louise og Ari Behn har igjen valgt et trendy navn, fastslår "
        "navneforsker Ivar Utne ved Universitetet i Bergen.",
        "- Det er veldig i vår tid å velge bibelske navn, som Rakel, Sara og Hanna på jentesiden "
        "og Daniel, David og Jonas på guttesiden.",
        "Leah er jo et slikt bibelsk navn, sier forskeren.",
        people=("Ivar Utne", "Jonas", "Ari Behn"),
    )
    assert [(q.paragraph, q.speaker, q.speaker_role) for q in found][-1] == (
        2,
        "Ivar Utne",
        "forskeren",
    )
