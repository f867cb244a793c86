"""Speaker phrases read whole (#16, #22): a name with an initial (``Georg K. Gundersen``) with
its role, an "og" inside a body's name that joins no two people, and a group named by how many
(``Flere``, ``Algunos``) kept as a role rather than taken for a person."""

from __future__ import annotations

from extraction_seeds import quotes, text_article
from newsloom.extract.quotes import extract_quotes
from newsloom.records import EntityMention, EntityType


def test_a_name_with_a_middle_initial_is_the_whole_name_with_its_role() -> None:
    found = quotes(
        "- Vi gjev eit godt bidrag til landet, seier Georg K. Gundersen, landsjef for Statoil.",
        language="nn",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Georg K. Gundersen", "landsjef for Statoil")
    ]


def test_a_name_with_a_middle_initial_after_a_statement_without_marks() -> None:
    found = quotes(
        "Vi har gjort det vi kunne for å hjelpe, sa Hans P. Berg.",
        "Han dro hjem etterpå.",
    )
    assert [q.speaker for q in found] == ["Hans P. Berg"]


def test_a_group_named_by_how_many_is_kept_as_a_role_not_a_person() -> None:
    found = quotes(
        "Flere peker på at prisene har steget for raskt.",
        "Kari Nordvik er uenig.",
        "- Prisene er ikke problemet, sier hun.",
    )
    assert [(q.speaker, q.speaker_role, q.speaker_type) for q in found] == [
        (None, "Flere", "role"),
        ("Kari Nordvik", None, "person"),
    ]


def test_a_spanish_group_named_by_how_many_is_a_role() -> None:
    found = quotes(
        "Algunos dicen que el gobierno no ha hecho lo suficiente.",
        language="es",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [(None, "Algunos")]


def test_an_and_within_a_body_s_name_joins_no_two_people() -> None:
    text = (
        "- Det er eit viktig spørsmål, seier leiar i Stortingets Kyrkje-, utdannings- og "
        "forskingskomite, Rolf Reikvam (SV)."
    )
    mentions = [
        EntityMention(name, kind, 0, text.index(name), text.index(name) + len(name))
        for name, kind in (
            ("Stortingets", EntityType.ORGANISATION),
            ("Kyrkje-, utdannings- og forskingskomite", EntityType.ORGANISATION),
            ("Rolf Reikvam", EntityType.PERSON),
        )
    ]
    found = extract_quotes(text_article(text, language="nn"), mentions)
    assert [q.speaker for q in found] == ["Rolf Reikvam"]


def test_the_language_s_own_pronoun_after_a_clause_opener_is_no_other_language_s_auxiliary() -> (
    None
):
    # Spanish "han" (have) must not swallow Nynorsk "han" (he) deep in a long sentence
    found = quotes(
        "Ordføraren har både i år og i fjor vore tydeleg når han har slått fast at "
        "skulen skal liggje i bygda.",
        language="nn",
    )
    assert [(q.text, q.speaker_type) for q in found] == [("skulen skal liggje i bygda", "pronoun")]


def test_a_fronted_phrase_a_preposition_opens_is_no_speaker() -> None:
    # verb-second: a fronted adverbial opened by any of the table's prepositions ("av", "af",
    # "mot", "om"), then the verb, then its subject
    for language, sentence in (
        ("nb", "Av innenrikspolitiske grunner sier Kohl at tyskerne ikke trenger å frykte noe."),
        ("da", "Af indenrigspolitiske årsager siger Kohl, at tyskerne ikke behøver at frygte."),
        ("sv", "Av inrikespolitiska skäl säger Kohl att tyskarna inte behöver frukta något."),
        ("nn", "Mot slutten av møtet sa Kohl at tyskarane ikkje treng å frykte noko."),
    ):
        found = quotes(sentence, language=language)
        assert [q.speaker for q in found] == ["Kohl"], language


def test_how_a_named_speaker_was_is_no_role() -> None:
    # an indefinite article before lowercase words and the name: how the person was when
    # speaking ("en svært åpenhjertig Geir Hansen"), not what they are
    from newsloom.extract.speakers import parse_speaker

    for phrase, name in (
        ("en svært åpenhjertig Kari Nilsen til Bergens Tidende", "Kari Nilsen"),
        ("ein optimistisk Haugland", "Haugland"),
        ("en glad Anna Lindqvist", "Anna Lindqvist"),
    ):
        speaker = parse_speaker(phrase)
        assert speaker is not None
        assert (speaker.name, speaker.role) == (name, None)
    # a role among the words stays ("en lettet Vika-trener Per Moe"), as does a bare role
    speaker = parse_speaker("en lettet Vika-trener Per Moe")
    assert speaker is not None
    assert speaker.role == "lettet Vika-trener"
    speaker = parse_speaker("direktør Kari Holm")
    assert speaker is not None
    assert speaker.role == "direktør"
    # a preposition among the words: a phrase, not how someone was (es "en declaraciones a")
    speaker = parse_speaker("en declaraciones a Reuters")
    assert speaker is not None
    assert speaker.role == "declaraciones a"
