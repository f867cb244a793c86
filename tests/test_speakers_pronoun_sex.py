"""A "she" or "he" passes over a person whose first name has the other sex (issue 16), and a
dash run's closing paragraph whose pronoun means no one known is kept with the run."""

from __future__ import annotations

from extraction_seeds import quotes, quotes_with_people
from newsloom.extract.name_sexes import may_mean, name_sex, pronoun_sex


def test_the_names_table_and_the_pronouns_of_the_tables() -> None:
    assert name_sex("Per Hansen") == "m"
    assert name_sex("Marit Nilsen") == "f"
    assert name_sex("Hansen") is None  # a surname alone: either
    assert (pronoun_sex("hun"), pronoun_sex("ho"), pronoun_sex("han")) == ("f", "f", "m")
    assert pronoun_sex("de") is None
    assert not may_mean("f", "Per Hansen")
    assert may_mean("f", "Sanner")
    assert may_mean(None, "Per Hansen")


def test_she_passes_over_the_man_named_last() -> None:
    found = quotes_with_people(
        "nn",
        "– Det synest me er feil i ei så alvorleg sak, seier Sanner.",
        "Mottaksleiaren er ikkje samd med Gunnar Ruud i at personalet manglar kompetanse.",
        "– Alle dei me har treft er engasjerte og kompetente, seier ho.",
        people=("Sanner", "Gunnar Ruud"),
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(0, "Sanner"), (2, "Sanner")]


def test_he_passes_over_the_woman_named_last() -> None:
    found = quotes_with_people(
        "nb",
        "Ola Vik vant sprinten i helgen.",
        "– Jeg hadde ikke tro på gull, sa han etter løpet.",
        "Snøen i hjembygda til Hilde Berg tåler ikke mange slike dager.",
        "– Dette var en styrkeprøve, understreket han.",
        people=("Ola Vik", "Hilde Berg"),
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(1, "Ola Vik"), (3, "Ola Vik")]


def test_a_closing_paragraph_whose_pronoun_means_no_one_stays_with_its_run() -> None:
    found = quotes(
        "Hun har hatt dobbelt statsborgerskap i mange år.",
        "– Jeg er norsk i Norge og fransk i Frankrike.",
        "I utlandet bruker jeg det passet jeg vil, sa hun til avisen.",
    )
    assert [(q.paragraph, q.speaker, q.speaker_type) for q in found] == [
        (1, None, "pronoun"),
        (2, None, "pronoun"),
    ]


def test_he_goes_on_with_the_role_that_spoke_after_someone_named_in_passing() -> None:
    # a role with no name speaks after a person named in passing: the "han" after it is the
    # role's (here the historian named before), not the person named in passing
    found = quotes_with_people(
        "nn",
        "Vitskapshistorikar Per Hansen har skrive ei bok om relativitetsteorien.",
        "– Nyheita spreidde seg raskt, seier Hansen.",
        "Det var kjent at Albert Einstein var pasifist.",
        "Difor vart teorien brukt politisk, forklarar vitskapshistorikaren.",
        "– Mange såg det som eit åtak på sanninga, seier han.",
        people=("Per Hansen", "Hansen", "Albert Einstein"),
    )
    assert [(q.paragraph, q.speaker, q.speaker_role) for q in found][-1] == (
        4,
        "Per Hansen",
        "vitskapshistorikaren",
    )
