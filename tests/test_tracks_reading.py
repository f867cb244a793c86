"""Figure tracks read what a statement claims: its own time, increments, a source's several values,
stale repeats, and whether two values stood at the same time."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from newsloom.records import DatePrecision
from newsloom.story.track_records import CONTEXT, DISAGREEMENT, PARTIAL, RESTATED, UPDATE
from newsloom.story.tracks import FigureMention, build_tracks, read_time
from story_records import figure_in, make_article, time_in

MONDAY, TUESDAY = date(2024, 5, 6), date(2024, 5, 7)


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _mention(
    article_id: str,
    text: str,
    published: datetime,
    outlet: str,
    phrase: str,
    low: float,
    times: tuple[tuple[str, date], ...] = (),
    **figure: str,
) -> FigureMention:
    article = make_article(
        article_id, [text], published, source=outlet, precision=DatePrecision.TIME
    )
    expressions = tuple(time_in(article, words, day) for words, day in times)
    return FigureMention(article, figure_in(article, phrase, "killed", low, **figure), expressions)


def test_a_time_that_dates_the_event_leaves_the_count_at_the_articles_day() -> None:
    mention = _mention(
        "e1",
        "Five people are now dead after the fire on Monday.",
        _at(TUESDAY, 9),
        "Herald",
        "Five people are now dead",
        5,
        (("on Monday", MONDAY),),
    )
    assert read_time(mention) == (TUESDAY, DatePrecision.DAY, False)


def test_a_time_that_dates_the_count_makes_a_restatement_of_that_day() -> None:
    mention = _mention(
        "e2",
        "On Monday evening two people had died, the police said.",
        _at(TUESDAY, 9),
        "Herald",
        "two people had died",
        2,
        (("On Monday", MONDAY),),
    )
    assert read_time(mention) == (MONDAY, DatePrecision.DAY, True)


def test_a_restatement_of_yesterday_is_not_a_disagreement_with_today() -> None:
    tracks = build_tracks(
        [
            _mention(
                "r1",
                "Police said two people had died.",
                _at(MONDAY, 20),
                "Herald",
                "two people had died",
                2,
            ),
            _mention(
                "r2",
                "Five people have died, police said.",
                _at(TUESDAY, 9),
                "Gazette",
                "Five people have died",
                5,
            ),
            _mention(
                "r3",
                "On Monday two people had died, the police said.",
                _at(TUESDAY, 10),
                "Courier",
                "two people had died",
                2,
                (("On Monday", MONDAY),),
            ),
        ]
    )
    (track,) = tracks
    assert track.disagreements == ()
    assert [(v.as_of, v.low, v.change) for v in track.values][-1] == (TUESDAY, 5, UPDATE)
    monday = [v for v in track.values if v.as_of == MONDAY]
    assert {s.article for v in monday for s in v.sources} == {"r1", "r3"}


def test_an_increment_is_partial_context_not_a_competing_total() -> None:
    tracks = build_tracks(
        [
            _mention(
                "i1",
                "Five people are dead, police said.",
                _at(TUESDAY, 9),
                "Herald",
                "Five people are dead",
                5,
            ),
            _mention(
                "i2",
                "Divers found another three dead in the hull.",
                _at(TUESDAY, 11),
                "Gazette",
                "three dead",
                3,
            ),
            _mention(
                "i3",
                "Five of the people who were arrested were released.",
                _at(TUESDAY, 12),
                "Courier",
                "Five of the people",
                5,
            ),
        ]
    )
    (track,) = tracks
    assert track.disagreements == ()
    assert [v.low for v in track.values] == [5]
    partial = [(v.low, v.sources[0].article) for v in track.context if v.change == PARTIAL]
    assert sorted(partial) == [(3, "i2"), (5, "i3")]


def test_one_articles_several_values_keep_the_largest_as_its_claim() -> None:
    text = "The toll rose to five on Tuesday. Earlier only two deaths had been confirmed."
    article = make_article(
        "m1", [text], _at(TUESDAY, 9), source="Herald", precision=DatePrecision.TIME
    )
    figures = [
        figure_in(article, "rose to five", "killed", 5),
        figure_in(article, "two deaths", "killed", 2),
    ]
    (track,) = build_tracks([FigureMention(article, f) for f in figures])
    assert [v.low for v in track.values] == [5]
    assert [(v.low, v.change) for v in track.context] == [(2, CONTEXT)]
    assert track.disagreements == ()


def test_repeating_an_earlier_days_value_while_others_moved_on_is_stale() -> None:
    tracks = build_tracks(
        [
            _mention(
                "s1",
                "Two people died, police said.",
                _at(MONDAY, 12),
                "Herald",
                "Two people died",
                2,
            ),
            _mention(
                "s2",
                "Five people died, police said.",
                _at(TUESDAY, 9),
                "Gazette",
                "Five people died",
                5,
            ),
            _mention(
                "s3",
                "Two people died, rescuers said.",
                _at(TUESDAY, 10),
                "Courier",
                "Two people died",
                2,
            ),
        ]
    )
    (track,) = tracks
    assert track.disagreements == ()
    assert [(v.low, v.change) for v in track.context] == [(2, RESTATED)]


def test_only_independent_concurrent_sources_disagree() -> None:
    morning = _mention(
        "c1", "One person died, police said.", _at(MONDAY, 8), "Herald", "One person died", 1
    )
    noon = _mention(
        "c2", "Two people died, police said.", _at(MONDAY, 12), "Herald", "Two people died", 2
    )
    (same_outlet,) = build_tracks([morning, noon])
    assert same_outlet.disagreements == ()  # one outlet updating itself
    later = _mention(
        "c3", "Two people died, rescuers said.", _at(MONDAY, 12), "Gazette", "Two people died", 2
    )
    (updated,) = build_tracks([morning, later])
    assert updated.disagreements == ()  # nobody says 1 once 2 is out: an update
    assert [v.change for v in updated.values][-1] == UPDATE
    still = _mention(
        "c4",
        "Police still count one dead, against rescuers' two.",
        _at(MONDAY, 13),
        "Courier",
        "one dead",
        1,
    )
    (disputed,) = build_tracks([morning, later, still])
    (disagreement,) = disputed.disagreements
    assert sorted(v.low for v in disagreement.values) == [1, 2]
    assert {v.change for v in disagreement.values} == {DISAGREEMENT}


def test_at_least_five_and_six_are_compatible() -> None:
    tracks = build_tracks(
        [
            _mention(
                "q1",
                "At least five people died, police said.",
                _at(MONDAY, 8),
                "Herald",
                "five people died",
                5,
                qualifier="at least",
            ),
            _mention(
                "q2",
                "Six people died, rescuers said.",
                _at(MONDAY, 8),
                "Gazette",
                "Six people died",
                6,
            ),
        ]
    )
    assert tracks[0].disagreements == ()


def test_without_time_expressions_the_publication_day_stands() -> None:
    """A caller that passes no time expressions gets the publication day for an earlier as_of."""
    article = make_article(
        "w1", ["Two died in the fire on Monday."], _at(TUESDAY, 9), precision=DatePrecision.TIME
    )
    figure = replace(
        figure_in(article, "Two died", "killed", 2),
        as_of=MONDAY,
        as_of_precision=DatePrecision.DAY,
    )
    assert read_time(FigureMention(article, figure)) == (TUESDAY, DatePrecision.DAY, False)
