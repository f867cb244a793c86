"""Reporting verbs of two words split by what verb-second order puts between them ("slo
imidlertid fast at", "slår Roar Flåthen fast at"), subjects after the verb of a fronted clause,
and what is no one's speech (#16). The sentences are from NorNE's training documents, which no
quote gold covers."""

from __future__ import annotations

from extraction_seeds import quotes
from newsloom.records import Quote


def who(quote: Quote) -> str | None:
    return quote.speaker or quote.speaker_role


def test_a_sentence_adverb_between_verb_and_particle() -> None:
    (found,) = quotes(
        "Vatikanets tidligere butler ble dømt i går.",
        "Dommeren slo imidlertid fast at ingenting tyder på at han hadde medsammensvorne.",
    )
    assert found.kind == "reported"
    assert found.text.startswith("ingenting tyder på")
    assert who(found) == "Dommeren"


def test_the_subject_between_verb_and_particle_after_a_fronted_phrase() -> None:
    (found,) = quotes(
        "LO vil ikke samarbeide med Venstre.",
        "Overfor Klassekampen slår Roar Flåthen fast at det ikke er aktuelt for LO å åpne "
        "for noe samarbeid med Venstre.",
    )
    assert found.speaker == "Roar Flåthen"
    assert found.text.startswith("det ikke er aktuelt")


def test_a_pronoun_and_a_role_with_a_name_between_verb_and_particle_in_nynorsk() -> None:
    found = quotes(
        "Birger Nygård er ordførar i Tokke.",
        "Nok ein gong peikar han på at Dalen ligg geografisk sett sentralt til i Vest-Telemark.",
        "I Naturvernforbundet minner leiar Lars Haltbrekken om at sytti prosent av husa "
        "våre i 2030 alt står her.",
        language="nn",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [
        (1, "Birger Nygård"),
        (2, "Lars Haltbrekken"),
    ]
    assert found[1].speaker_role == "leiar"


def test_a_negation_between_verb_and_particle() -> None:
    (found,) = quotes(
        "Marte Løvik er nestleder i Senterpartiet.",
        "Men Løvik legger ikke skjul på at hun mener et nytt samarbeid vil gi en bedre politikk.",
    )
    assert found.speaker == "Marte Løvik"


def test_noticing_and_planning_are_no_ones_speech() -> None:
    assert not quotes(
        "Ingen legger merke til at tiåringen forsvinner ut i natten.",
        "Stortingsfleirtalet legg opp til at det skal vere valfritt for styra.",
    )


def test_a_role_or_a_body_after_the_verb_of_a_fronted_phrase_is_the_subject() -> None:
    found = quotes(
        "Operaen i Oslo er blitt kjent i utlandet.",
        "Som et eksempel trekker utenriksministeren fram at den nye operaen ble forsidesak.",
        "Når det gjelder straffeutmålingen viser retten til at domfelte er funnet skyldig i "
        "drap av to unge mennesker.",
    )
    assert [(q.paragraph, who(q)) for q in found] == [(1, "utenriksministeren"), (2, "retten")]


def test_a_fronted_clause_with_a_verb_of_its_own_is_no_speaker() -> None:
    found = quotes(
        "Elevane var på besøk hos bygdekvinnene.",
        "Som ein del av stafetten skal elevane skrive ned oppskriftene dei har lært av "
        "bygdekvinnene.",
        language="nn",
    )
    assert not [q for q in found if q.speaker_role and "stafetten" in q.speaker_role]


def test_a_subordinate_clause_whose_own_verb_reports_keeps_its_subject() -> None:
    (found,) = quotes(
        "Fesil stengde verket i 2001.",
        "Fordi eigarane i selskapet Fesil hevda at stenginga berre var mellombels, fekk dei "
        "behalde kraftkontrakten sin.",
        language="nn",
    )
    assert found.text.startswith("stenginga berre var mellombels")
    assert who(found) is not None


def test_antyde_reports() -> None:
    (found,) = quotes(
        "Carl Hagen holdt pressekonferanse.",
        "I går antydet han at slike avtaler kan brukes til å sikre støtte for budsjettet.",
    )
    assert found.speaker == "Carl Hagen"


def test_a_party_or_an_age_in_brackets_between_the_speaker_and_the_verb() -> None:
    found = quotes(
        "Kommunestyret møttest i går.",
        "Kvam-ordførar Astrid Farestveit Selsvold (Ap) seier ho er svært spent på rapportane.",
        "Nissedølen Kjell Asbjørn Solberg (Ap) sa klart ifrå at for han er det uaktuelt å "
        "diskutere saka.",
        language="nn",
    )
    assert [(q.paragraph, q.kind) for q in found] == [(1, "reported"), (2, "reported")]
    assert found[0].speaker == "Astrid Farestveit Selsvold"
    assert (found[1].speaker or "").endswith("Kjell Asbjørn Solberg")  # the entities say whom
    (aged,) = quotes("Filmregissør Erik Poppe (48) mener han må være kongen av føling i fjæra.")
    assert (aged.speaker or "").endswith("Erik Poppe")
    assert aged.text.startswith("han må være kongen")


def test_a_clause_without_at_whose_pronoun_has_a_tensed_verb() -> None:
    found = quotes(
        "Per Staveland er 58 år.",
        "Han sier han løper eller sykler nesten hver dag.",
        "Tiltalte hevder han skrapte med nøkler.",
    )
    assert [(q.paragraph, q.kind, q.text.split()[:2]) for q in found] == [
        (1, "reported", ["han", "løper"]),
        (2, "reported", ["han", "skrapte"]),
    ]
    assert found[0].speaker == "Per Staveland"


def test_a_participle_a_superlative_or_a_closing_attribution_is_no_such_clause() -> None:
    assert not quotes(
        "Kartet på veggen bak ambassadøren fortel det meste om tryggingsinteressene.",
        language="nn",
    )
    (closed,) = quotes(
        "Fiskeord er i skotet, somme seier dei brukar det i staden for banning, seier Hasund.",
        language="nn",
    )
    assert closed.kind == "direct"
    assert closed.text.startswith("Fiskeord")


def test_a_bracket_after_an_according_to_source_is_no_content() -> None:
    (found,) = quotes(
        "Møtet var i går.",
        "Ifølge Per Olsen (H) er saken avgjort for lenge siden.",
    )
    assert found.speaker == "Per Olsen"
    assert "(H)" not in found.text


def test_a_noun_that_is_also_a_reporting_verb_opening_a_sentence_is_no_verb() -> None:
    # Nynorsk "lova" is both "the law" and "promised": verb-second order opens a statement
    # with its subject, so a reporting verb opening it has a pronoun after it, not a noun
    assert (
        quotes(
            "Stortinget vedtok ei ny kulturlov i fjor.",
            "Lova fastset at offentlege styresmakter har ansvar for kulturlivet.",
            language="nn",
        )
        == ()
    )
    (found,) = quotes(
        "Kari Holm var ordførar i fire år.",
        "Sa ho at kommunen har ansvar for kulturlivet?",
        language="nn",
    )
    assert found.speaker == "Kari Holm"


def test_a_pronoun_opening_the_clause_of_the_reporting_verb_is_its_subject() -> None:
    # Scandinavian "han" (he) is Spanish "han" (have): after "når" it is the subject
    (found,) = quotes(
        "Lars Sponheim er leiar i Venstre.",
        "Leiaren var klår i går når han har slått fast at samarbeid er heilt uaktuelt.",
        language="nn",
    )
    assert (found.speaker, found.text) == ("Lars Sponheim", "samarbeid er heilt uaktuelt")


def test_an_adverb_of_manner_between_the_parts_of_a_split_verb() -> None:
    (found,) = quotes(
        "Kari Holm ble statsråd i 2005.",
        "I talen slo hun kontant fast at skolen må få mer penger.",
    )
    assert (found.speaker, found.text) == ("Kari Holm", "skolen må få mer penger")
    assert quotes("Han la merke til at skolen var stengt.") == ()
