"""A quote over paragraphs in French, Italian and English news (issue 22): each paragraph of the
run opens with the mark again and only the last closes it (``« … ¶ « … », a assuré X.``): every
paragraph is the closing speaker's. Read off the real dump (ML-Crisis Spanish with « », SemEval
English with “ ”); a paragraph in between that does not open with the mark ends that reading
(``la lista de «Time …`` ¶ ``Ghonim, …`` ¶ ``«…», explica …``: a title, no run)."""

from __future__ import annotations

from extraction_seeds import quotes_with_people, who_spoke


def test_a_mark_repeated_at_each_paragraph_is_one_run_of_the_closing_speaker() -> None:
    found = quotes_with_people(
        "fr",
        "« Nous sommes prêts. Les équipes sont sur place depuis la nuit dernière.",
        "« Le dispositif sera renforcé dès demain », a assuré le préfet Jean Dupont.",
        people=("Jean Dupont",),
    )
    assert who_spoke(found) == ["Jean Dupont", "Jean Dupont"]
    found = quotes_with_people(
        "it",
        "«Siamo pronti. Le squadre sono sul posto dalla notte scorsa.",
        "«Il dispositivo sarà rafforzato domani», ha assicurato il prefetto Mario Rossi.",
        people=("Mario Rossi",),
    )
    assert who_spoke(found) == ["Mario Rossi", "Mario Rossi"]


def test_a_paragraph_without_the_mark_again_ends_the_run() -> None:
    found = quotes_with_people(
        "es",
        "La lista difundida hoy por «Time de las cien personas más influyentes está liderada por "
        "un bloguero egipcio.",
        "Ghonim, un símbolo para Occidente.",
        "«Wael ayudó a iniciar la revolución pacífica», explica el Nobel de la Paz Mohamed el "
        "Baradei.",
        people=("Mohamed el Baradei",),
    )
    assert [quote.paragraph for quote in found] == [2]
