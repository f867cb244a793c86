"""A journalist's question split over two sentences (issue 16): a dash statement, then a
question without a dash, then the dash answer (``– Mange har kjøpt elbil. ¶ Vil også de bilene
…? ¶ – …``) is no quote of the one who answers, in an interview or not; a question in the first
person there is the speaker's own talk (``Skal vi tie …?``)."""

from __future__ import annotations

from extraction_seeds import quotes_with_people


def test_a_premise_and_its_question_split_over_two_sentences_are_no_quote() -> None:
    found = quotes_with_people(
        "nb",
        "– Det er alvorlige problemer med støv fra veiene i vinter, sier lege Hans Berg.",
        "– Mange har kjøpt elbil de siste årene.",
        "Vil også disse bilene gi mindre støv enn bensinbiler?",
        "– Piggdekkene lager mest støv, uansett hva slags bil du kjører, sier Berg.",
        people=("Hans Berg", "Berg"),
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(0, "Hans Berg"), (3, "Hans Berg")]


def test_a_question_of_the_speaker_in_the_first_person_is_their_talk() -> None:
    found = quotes_with_people(
        "nb",
        "Talsmann Ola Brekke forsvarte supporterne etter kampen.",
        "– Vi står for det vi gjorde, og vi angrer ikke.",
        "Skal vi tie hver gang noen blir fornærmet?",
        "– Det var en tabbe, og det beklager vi, sier styreleder Kari Moe.",
        people=("Ola Brekke", "Kari Moe"),
    )
    assert [q.paragraph for q in found] == [1, 2, 3]


def test_a_dash_headline_before_the_question_quotes_the_story_below() -> None:
    found = quotes_with_people(
        "nn",
        "Eit tredje alternativ er at landet slår seg sjølv konkurs.",
        "– Vi har vore for naive |",
        "Så kvar gjekk det gale?",
        "– Vi har vore for naive i fleire år no, seier Kari Lien.",
        people=("Kari Lien",),
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(1, "Kari Lien"), (3, "Kari Lien")]
