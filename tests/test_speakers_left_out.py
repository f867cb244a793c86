"""A verb with its subject left out after a quote (Spanish ``«…», agrega``, ``«…», ha
concluido``) goes on with the speaker the attribution of the quote before it names, not with the
person named last (issue 22; sentences of ML-Crisis articles, Spanish news no gold covers)."""

from __future__ import annotations

from extraction_seeds import quotes_with_people, who_spoke

speakers = who_spoke


def test_a_left_out_subject_is_the_speaker_named_after_the_quote_before() -> None:
    # the centre's namesake, named last in the apposition, is not who "agrega"
    found = quotes_with_people(
        "es",
        '"Por supuesto que mereció la pena la revolución. Antes era un sueño votar en unas '
        'elecciones libres. Ahora es una realidad", replica a ELMUNDO.es Ahmed Seif, un veterano '
        "activista y fundador del centro de derechos humanos Hisham Mubarak. "
        '"Hay que esperar y tener paciencia. La revolución continuará hasta lograr todas las '
        'demandas, pero no será pronto. Al menos hemos roto el muro del miedo", agrega.',
        people=("Ahmed Seif", "Hisham Mubarak"),
    )
    assert speakers(found) == ["Ahmed Seif", "Ahmed Seif"]


def test_a_left_out_subject_is_not_a_place_in_the_speakers_title() -> None:
    found = quotes_with_people(
        "es",
        '"La comunidad internacional debe dar prioridad a la necesidad de poner fin a estos '
        'terribles y arraigados abusos", ha señalado Philip Luther, director del programa de AI '
        'para Oriente Medio y el norte de África. "Rusia lleva años utilizando su derecho de veto '
        'en el Consejo de Seguridad de la ONU para proteger a su aliado", ha concluido.',
        people=("Philip Luther", "Oriente Medio"),
    )
    assert speakers(found) == ["Philip Luther", "Philip Luther"]


def test_a_left_out_subject_goes_on_with_a_speaker_given_by_role() -> None:
    # "este testigo" spoke the quotes before; the planes named earlier say nothing
    found = quotes_with_people(
        "es",
        "Los aviones F-15 sobrevolaron la ciudad. "
        '"Es una situación catastrófica", ha explicado este testigo. "Los tanques han empezado '
        'a lanzar sus obuses esta mañana". "Francotiradores también participan en la operación. '
        'Un coche con niños en su interior ha sido alcanzado", ha explicado.',
        people=("F-15",),
    )
    assert speakers(found)[-1] == "este testigo"


def test_someone_who_spoke_in_between_stops_the_speaker_going_on() -> None:
    # "según declaró una habitante": another speaker since the neighbour's words
    found = quotes_with_people(
        "es",
        '"No sabemos lo que está pasando. Todo lo que puedo oír son disparos ocasionales", dijo '
        'un vecino de un céntrico barrio de la capital. La pasada noche fue "un infierno", según '
        "declaró una habitante del barrio rico residencial de Ben Achur. "
        '"Todo el barrio estaba sin electricidad y en la calle se escuchaban tiros sin cesar por '
        'todas partes", afirmó.',
    )
    assert "vecino" not in (speakers(found)[-1] or "")
