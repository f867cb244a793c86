"""Danish speaker phrases that are clauses, not noun phrases (#16): a question word, a negation,
a modal or a first-person pronoun inside the words before a reporting verb makes them a clause
fragment, no role or organisation (``Hvad angår skatten``, ``ikke``, ``kan nok ikke``)."""

from __future__ import annotations

from extraction_seeds import text_article
from newsloom.extract.quotes import extract_quotes
from newsloom.extract.speakers import parse_speaker
from newsloom.records import EntityMention, EntityType, Quote


def quotes(*paragraphs: str) -> tuple[Quote, ...]:
    return extract_quotes(text_article(*paragraphs, language="da"))


def test_a_fronted_what_concerns_phrase_is_no_organisation_the_pronoun_after_the_verb_speaks() -> (
    None
):
    found = quotes(
        "Lars Møller er ny direktør i banken.",
        "Hvad angår regnskabet fremhævede han, at underskuddet er mindre end ventet.",
    )
    assert [(q.speaker, q.speaker_type) for q in found] == [("Lars Møller", "person")]


def test_a_negation_after_the_name_is_no_part_of_its_role() -> None:
    found = quotes(
        "Chefen for hospitalet, overlæge Bent Frost, afviser ikke, at afdelingen kan lukke."
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [("Bent Frost", "overlæge")]


def test_a_clause_with_a_subject_pronoun_is_that_pronoun_not_a_role() -> None:
    found = quotes(
        "Mange vælgere har svært ved at forstå, hvorfor de f.eks. mener, at skatten skal ned."
    )
    assert [(q.speaker_role, q.speaker_type) for q in found] == [(None, "pronoun")]


def test_clause_fragments_name_no_one() -> None:
    assert parse_speaker("kan nok ikke") is None
    assert parse_speaker("har jeg ladet mig") is None
    assert parse_speaker("Hvad angår den indenrigspolitiske front") is None


def test_a_name_the_recogniser_finds_only_as_an_organisation_speaks_as_one() -> None:
    text = "Firmaet Nordtek har i dag lukket to fabrikker, skriver Dagposten."
    mentions = [
        EntityMention("Nordtek", EntityType.ORGANISATION, 0, 8, 15),
        EntityMention("Dagposten", EntityType.ORGANISATION, 0, 54, 63),
    ]
    found = extract_quotes(text_article(text, language="da"), mentions)
    assert [(q.speaker, q.speaker_type) for q in found] == [("Dagposten", "organisation")]


def test_a_definite_body_noun_opening_the_sentence_is_an_organisation() -> None:
    found = quotes("Anklagemyndigheden mener, at de tiltalte kendte hinanden i forvejen.")
    assert [(q.speaker, q.speaker_type) for q in found] == [("Anklagemyndigheden", "organisation")]


def test_a_common_noun_with_its_article_opening_the_sentence_is_no_name() -> None:
    found = quotes("Naboen fortalte, at bilen holdt parkeret hele natten.")
    assert [(q.speaker, q.speaker_role, q.speaker_type) for q in found] == [
        (None, "Naboen", "role")
    ]
