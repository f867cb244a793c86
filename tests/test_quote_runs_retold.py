"""Reported speech inside a dash quote run (issue 16): the speaker telling what was said or
thought goes on with the run, not a quote of its own that breaks it."""

from __future__ import annotations

from extraction_seeds import quotes


def test_first_person_reported_speech_inside_a_dash_run_is_the_run_speakers_words() -> None:
    found = quotes(
        "Etter noen få timer, var Firooza og nabofamilien trygt hjemme igjen.",
        "- Jeg har aldri vært så redd verken før eller siden.",
        "Men neste dag fortalte jeg faren min at jeg ville bli jordmor.",
        "Afghanistan trenger jordmødre, sier Firooza Mushteri.",
    )
    assert [(q.paragraph, q.kind, q.speaker) for q in found] == [
        (1, "direct", "Firooza Mushteri"),
        (2, "direct", "Firooza Mushteri"),
        (3, "direct", "Firooza Mushteri"),
    ]
    assert found[1].text == "Men neste dag fortalte jeg faren min at jeg ville bli jordmor."


def test_what_someone_else_said_told_inside_a_dash_run_keeps_the_run_together() -> None:
    found = quotes(
        "Vibeke Hein Bæra var til stede i retten.",
        "- Han sa at han ikke reagerte noe særlig på det.",
        "Han sa at det var som ventet.",
        "Kanskje ikke akkurat så spesifikt som latter, men en type utbrudd, sier "
        "forsvarer Vibeke Hein Bæra til VG Nett.",
    )
    assert [(q.paragraph, q.kind, q.speaker) for q in found] == [
        (1, "direct", "Vibeke Hein Bæra"),
        (2, "direct", "Vibeke Hein Bæra"),
        (3, "direct", "Vibeke Hein Bæra"),
    ]


def test_nynorsk_reported_speech_inside_a_dash_run() -> None:
    found = quotes(
        "Dramatisk endring i helga |",
        "- Fredag fekk vi beskjed frå kontakten vår i Kairo om at det går greitt, berre kom!",
        "Laurdag ettermiddag snakkast vi igjen, og då sa han at det ikkje lenger var tilrådeleg.",
        "Natt til søndag kom meldinga frå Utanriksdepartementet og då bestemte vi oss for å "
        "avlyse turen, fortel fotolærar Arne Håberg.",
        language="nn",
    )
    assert [(q.paragraph, q.kind, q.speaker) for q in found] == [
        (1, "direct", "Arne Håberg"),
        (2, "direct", "Arne Håberg"),
        (3, "direct", "Arne Håberg"),
    ]


def test_the_journalist_reporting_a_person_named_inside_a_run_still_ends_it() -> None:
    found = quotes(
        "Aksel Nærstad meiner Noreg bør kompensere noko med auka bistand.",
        "- Noreg tener mange milliardar kroner ekstra på denne situasjonen.",
        "Rett før ho gjekk av som minister, kom Thorhild Widvey med eit originalt forslag.",
        "Under ein debatt i Stavanger hevda Widvey at Noreg kunne hjelpe dei fattige landa.",
        "Oljeboring i nord ville bidra til ei meir rettferdig verd, meinte Widvey.",
        language="nn",
    )
    by_paragraph = {q.paragraph: (q.kind, q.speaker) for q in found}
    assert 2 not in by_paragraph
    assert by_paragraph[3] == ("reported", "Thorhild Widvey")
    assert by_paragraph[1] == ("direct", "Aksel Nærstad")


def test_reported_speech_no_attribution_follows_is_talk_only_when_it_says_i_or_we() -> None:
    found = quotes(
        "Karoline Grindaker har skrive om sjukesystrene.",
        "- Sjukesystrene har i ulik grad vore plaga av det som hende.",
        "Éi av kvinnene fortel at ho fekk oppnemnd forsvarar, men at han ikkje sa eitt "
        "einaste ord under rettssaka.",
        "Éi vart dømd til tre år i fengsel.",
        language="nn",
    )
    assert [(q.paragraph, q.kind) for q in found] == [(1, "direct"), (2, "reported")]
