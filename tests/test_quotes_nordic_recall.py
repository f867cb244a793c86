"""Norwegian reported speech the extractor missed, read off the NorNE pseudo-documents (issue 16):
a fronted one-word adverbial before the verb and its subject (verb-second order), a name ending
like a verb after a verb of opinion, a role and a name after the verb behind a fronted phrase
with a name in it, an adjective before the role after the verb; a second reporting verb of a
subject pronoun or a role word opening the sentence."""

from __future__ import annotations

from extraction_seeds import quotes, quotes_with_people


def _found(found: tuple[object, ...]) -> list[tuple[str | None, str | None, str]]:
    return [
        (q.speaker, q.speaker_role, q.text)  # type: ignore[attr-defined]
        for q in found
    ]


def test_a_fronted_dictionary_word_is_no_subject_the_name_after_the_verb_is() -> None:
    found = quotes_with_people(
        "nn",
        "Nyleg skreiv Verdens Gang at regjeringa vurderer å gå bort frå klimaforliket.",
        people=("Verdens Gang",),
    )
    assert [q.speaker for q in found] == ["Verdens Gang"]


def test_a_name_ending_like_a_verb_is_no_verb_of_a_clause_without_that() -> None:
    found = quotes_with_people(
        "nn",
        "Sjølv meiner Angelika Ridder at det er for mykje Hollywood i filmen.",
        people=("Angelika Ridder",),
    )
    assert _found(found) == [("Angelika Ridder", None, "det er for mykje Hollywood i filmen")]


def test_a_role_and_a_name_after_the_verb_behind_a_fronted_phrase_naming_a_paper() -> None:
    found = quotes_with_people(
        "nb",
        "Til Dagens Næringsliv sier valgforsker Bernt Aardal at partiet ligger dårlig an.",
        people=("Bernt Aardal",),
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [("Bernt Aardal", "valgforsker")]


def test_an_adjective_before_the_role_after_the_verb() -> None:
    found = quotes(
        "I debatten i fjor uttalte dåverande kulturminister at ho ikkje avviste ei lov.",
        language="nn",
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [(None, "dåverande kulturminister")]


def test_a_plural_adjective_alone_opens_a_clause_without_that() -> None:
    found = quotes(
        "Ola Berg leder partiet i byen.",
        "Han mener de rødgrønne i Trondheim heller bør se mot venstre.",
    )
    assert _found(found) == [
        ("Ola Berg", None, "de rødgrønne i Trondheim heller bør se mot venstre")
    ]


def test_a_fronted_phrase_before_the_verb_is_no_speaker_of_the_marked_words() -> None:
    found = quotes_with_people(
        "nn",
        "For to år sidan sa Kari Holm at «dette er ei god løysing for alle».",
        people=("Kari Holm",),
    )
    assert [(q.speaker, q.kind) for q in found] == [("Kari Holm", "reported")]


def test_a_pronoun_or_a_role_opening_the_sentence_is_the_subject_of_its_second_verb() -> None:
    pronoun = quotes(
        "Kari Holm er ordførar i kommunen.",
        "Ho er lei for at ho ikkje var merksam på paragrafen, og opplyser at vedtaket ikkje "
        "lenger er gyldig.",
        language="nn",
    )
    role = quotes(
        "Rektor ringte og fortalte at gutten hadde stengt vikaren inne på grupperommet.",
    )
    assert [q.speaker for q in pronoun] == ["Kari Holm"]
    assert [q.text for q in pronoun] == ["vedtaket ikkje lenger er gyldig"]
    assert [(q.speaker, q.speaker_role) for q in role] == [(None, "Rektor")]
