"""A role and what it belongs to (issue 22): in ``el portavoz de la Casa Blanca``, ``le
porte-parole de Boris Johnson``, ``el presidente de Estados Unidos`` the name after the role and
its connector is the role's owner, not the speaker, even where the recogniser types it a person;
the holder is a name set off after it (also after a place phrase), or no one. Read off unlabelled
ML-Crisis and SemEval French news."""

from __future__ import annotations

from extraction_seeds import quotes_with_people, speakers_and_roles
from newsloom.extract.speakers import parse_speaker

speakers = speakers_and_roles


def test_a_body_after_a_role_and_an_article_is_no_speaker() -> None:
    found = quotes_with_people(
        "es",
        '"Esto es consecuencia de la debilidad de la última Administración", ha afirmado el '
        "portavoz de la Casa Blanca, Sean Spicer.",
        people=("Casa Blanca", "Sean Spicer"),
    )
    assert speakers(found) == [("Sean Spicer", "portavoz de la Casa Blanca")]


def test_a_person_a_role_belongs_to_is_no_speaker() -> None:
    found = quotes_with_people(
        "fr",
        "Le porte-parole de Boris Johnson a également assuré que Londres veut une promesse de "
        "Téhéran.",
        people=("Boris Johnson",),
    )
    assert speakers(found) == [(None, "porte-parole de Boris Johnson")]


def test_a_country_after_a_role_is_no_speaker() -> None:
    found = quotes_with_people(
        "es",
        '"Es otra misión exitosa", ha destacado el presidente de Estados Unidos desde el '
        "Despacho Oval.",
        people=("Estados Unidos",),
    )
    assert speakers(found) == [(None, "presidente de Estados Unidos")]


def test_a_name_the_recogniser_joined_to_the_portfolio_is_still_split() -> None:
    found = quotes_with_people(
        "es",
        '"Es una agresión contra un Estado soberano", dijo el vocero del Kremlin Dmitry Peskov.',
        people=("Kremlin Dmitry Peskov",),
    )
    assert speakers(found) == [("Dmitry Peskov", "vocero del Kremlin")]


def test_a_name_set_off_after_a_place_phrase_holds_the_role() -> None:
    found = quotes_with_people(
        "es",
        '"No se atacarían arsenales químicos", asegura el corresponsal de TVE en Washington, '
        "Lorenzo Milá.",
        people=("TVE", "Lorenzo Milá"),
    )
    assert speakers(found) == [("Lorenzo Milá", "corresponsal de TVE")]


def test_a_name_set_off_after_someone_else_in_the_place_phrase_is_not_the_speaker() -> None:
    speaker = parse_speaker(
        "Kerry en una comparecencia junto a su homólogo francés, Jean Marc Ayrault",
        ["Kerry", "Jean Marc Ayrault"],
    )
    assert speaker is not None
    assert speaker.name == "Kerry"


def test_a_verb_before_the_article_is_no_part_of_the_role() -> None:
    found = quotes_with_people(
        "es",
        'La violencia "debe parar inmediatamente", según anunció un portavoz de Naciones Unidas.',
        people=("Naciones Unidas",),
    )
    assert [quote.speaker_role for quote in found] == ["portavoz de Naciones Unidas"]


def test_a_feminine_role_before_a_country_and_a_set_off_name() -> None:
    found = quotes_with_people(
        "es",
        '"Deben dejar de matar", afirmó en su intervención la embajadora de EEUU ante la ONU, '
        "Susan Rice.",
        people=("EEUU", "ONU", "Susan Rice"),
    )
    assert speakers(found) == [("Susan Rice", "embajadora de EEUU")]


def test_a_role_of_a_body_names_someone_in_a_clause() -> None:
    found = quotes_with_people(
        "fr",
        '"Cela prendra beaucoup de temps", a déclaré Norbert Walter-Borjans après qu\'une '
        "porte-parole du SPD a déclaré qu'une décision finale sur le plan de relance serait "
        "reportée de mardi à mercredi.",
        people=("Norbert Walter-Borjans", "SPD"),
    )
    assert (None, "porte-parole du SPD") in speakers(found)


def test_a_pronoun_after_an_office_no_one_holds_by_name_is_that_office() -> None:
    found = quotes_with_people(
        "fr",
        "« Nous avons rédeployé le matériel électoral », a indiqué le vice-président de la "
        "CENI. Par conséquent, a-t-il poursuivi, ces bureaux de vote ne seront pas fermés.",
        people=("CENI",),
    )
    assert speakers(found) == [
        (None, "vice-président de la CENI"),
        (None, "vice-président de la CENI"),
    ]


def test_an_owner_role_resolves_only_to_someone_named_with_that_owner() -> None:
    # "el presidente de EE UU" is not the Syrian president named before
    found = quotes_with_people(
        "es",
        "El presidente sirio Bashar el Asad no ha respondido a las críticas.",
        '"Dos líderes han caído ya", señala el presidente de EE UU.',
        people=("Bashar el Asad", "EE UU"),
    )
    assert speakers(found)[-1] == (None, "presidente de EE UU")


def test_a_plural_role_is_no_one_named_before() -> None:
    # ", dijeron testigos" after a name: the witnesses, not the man the sentence names
    found = quotes_with_people(
        "es",
        "La policía de Hamás ha reprimido una manifestación en solidaridad con el pueblo que "
        "lucha por derrocar al régimen del presidente Hosni Mubarak, dijeron testigos.",
        people=("Hosni Mubarak",),
    )
    assert speakers(found) == [(None, "testigos")]
