"""Figure tracks: grouping, ordering by time, updates vs disagreements, copies counting once."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from newsloom.records import DatePrecision, ReusedPassage, ReuseResult
from newsloom.story.copies import CopyGroups
from newsloom.story.track_records import CONFIRMED, DISAGREEMENT, FIRST, UNCLEAR, UPDATE
from newsloom.story.tracks import FigureMention, build_tracks, compatible
from story_records import figure_in, make_article, make_figure

TEXT = ["The storm hit the coast.", "Officials gave new figures."]


def test_a_later_report_with_a_new_value_is_an_update() -> None:
    early = make_article("a1", TEXT, datetime(2023, 3, 5, 9), source="Herald")
    late = make_article("a2", TEXT, datetime(2023, 3, 6, 9), source="Gazette")
    tracks = build_tracks(
        [
            FigureMention(late, make_figure("injured", 1000, qualifier="more than", paragraph=1)),
            FigureMention(early, make_figure("injured", 317, paragraph=1)),
        ]
    )
    assert len(tracks) == 1
    track = tracks[0]
    assert [(v.low, v.change) for v in track.values] == [(317, FIRST), (1000, UPDATE)]
    assert [v.as_of for v in track.values] == [date(2023, 3, 5), date(2023, 3, 6)]
    assert track.values[1].sources[0].article == "a2"
    assert track.values[1].sources[0].outlet == "Gazette"
    assert track.disagreements == ()


def test_different_values_for_the_same_day_are_a_disagreement() -> None:
    first = make_article("b1", TEXT, datetime(2023, 3, 5, 9), source="Herald")
    second = make_article("b2", TEXT, datetime(2023, 3, 5, 15), source="Gazette")
    tracks = build_tracks(
        [
            FigureMention(first, make_figure("killed", 8, attributed_to="the ministry")),
            FigureMention(second, make_figure("killed", 12, attributed_to="a hospital")),
        ]
    )
    (track,) = tracks
    assert [v.change for v in track.values] == [DISAGREEMENT, DISAGREEMENT]
    (disagreement,) = track.disagreements
    assert disagreement.as_of == date(2023, 3, 5)
    assert sorted(v.low for v in disagreement.values) == [8, 12]
    attributions = {v.low: v.attributions for v in disagreement.values}
    assert attributions == {8: ("the ministry",), 12: ("a hospital",)}


def test_the_as_of_date_orders_values_when_publication_is_known_to_the_month() -> None:
    # Both articles dated only to the month: the days the figures refer to order them.
    late = make_article("c1", TEXT, datetime(2023, 3, 1), precision=DatePrecision.MONTH)
    early = make_article("c2", TEXT, datetime(2023, 3, 1), precision=DatePrecision.MONTH)
    tracks = build_tracks(
        [
            FigureMention(late, make_figure("arrested", 200, as_of=date(2023, 3, 5))),
            FigureMention(early, make_figure("arrested", 40, as_of=date(2023, 3, 4))),
        ]
    )
    assert [(v.low, v.as_of) for v in tracks[0].values] == [
        (40, date(2023, 3, 4)),
        (200, date(2023, 3, 5)),
    ]
    assert tracks[0].values[1].change == UPDATE


def test_a_later_article_reports_the_count_as_it_stood_when_published() -> None:
    # "Five are now confirmed dead after the fire on Tuesday", published on Wednesday, is
    # Wednesday's count: an update of Tuesday's, not a disagreement with it.
    tuesday = make_article("k1", TEXT, datetime(2023, 3, 7, 12))
    wednesday = make_article("k2", TEXT, datetime(2023, 3, 8, 9))
    (track,) = build_tracks(
        [
            FigureMention(tuesday, make_figure("killed", 1, as_of=date(2023, 3, 7))),
            FigureMention(wednesday, make_figure("killed", 5, as_of=date(2023, 3, 7))),
        ]
    )
    assert [(v.low, v.as_of, v.change) for v in track.values] == [
        (1, date(2023, 3, 7), FIRST),
        (5, date(2023, 3, 8), UPDATE),
    ]
    assert track.disagreements == ()


def test_after_a_disagreement_later_reports_compare_with_the_best_supported_value() -> None:
    articles = [make_article(f"m{i}", TEXT, datetime(2023, 3, 5, 8 + i)) for i in range(3)]
    later = make_article("m9", TEXT, datetime(2023, 3, 7, 8))
    (track,) = build_tracks(
        [
            FigureMention(articles[0], make_figure("killed", 5)),
            FigureMention(articles[1], make_figure("killed", 5)),
            FigureMention(articles[2], make_figure("killed", 2)),
            FigureMention(later, make_figure("killed", 5)),
        ]
    )
    assert len(track.disagreements) == 1
    assert track.values[-1].change == CONFIRMED


def test_copies_of_the_same_agency_text_count_once() -> None:
    origin = make_article("d1", TEXT, datetime(2023, 3, 5, 8), source="Agency wire")
    copy = make_article("d2", TEXT, datetime(2023, 3, 5, 9), source="Reprint")
    reuse = {
        "d2": ReuseResult(
            "d2",
            passages=(ReusedPassage("d2", 1, "d1", 1, 0.97, origin_article="d1"),),
            reused_share=0.5,
        )
    }
    mentions = [
        FigureMention(origin, make_figure("killed", 8, paragraph=1)),
        FigureMention(copy, make_figure("killed", 8, paragraph=1)),
    ]
    (track,) = build_tracks(mentions, CopyGroups.from_reuse(reuse))
    (value,) = track.values
    assert value.independent_sources == 1
    assert [(s.article, s.copy) for s in value.sources] == [("d1", False), ("d2", True)]
    # Without the reuse link the same two mentions are two independent reports.
    (independent,) = build_tracks(mentions)
    assert independent.values[0].independent_sources == 2


def test_near_duplicate_articles_count_once() -> None:
    origin = make_article("e1", TEXT, datetime(2023, 3, 5, 8))
    duplicate = make_article("e2", TEXT, datetime(2023, 3, 5, 9))
    reuse = {"e2": ReuseResult("e2", duplicate_of="e1", reused_share=1.0)}
    copies = CopyGroups.from_reuse(reuse)
    for article in (origin, duplicate):
        copies.attach(article.id, (p.index for p in article.paragraphs))
    (track,) = build_tracks(
        [
            FigureMention(origin, make_figure("injured", 30, paragraph=0)),
            FigureMention(duplicate, make_figure("injured", 30, paragraph=1)),
        ],
        copies,
    )
    assert track.values[0].independent_sources == 1


def test_identical_attributions_count_once_without_a_reuse_link() -> None:
    first = make_article("f1", TEXT, datetime(2023, 3, 5, 8))
    second = make_article("f2", TEXT, datetime(2023, 3, 5, 10))
    figure = make_figure("killed", 8, attributed_to="Reuters", text="at least eight killed")
    (track,) = build_tracks([FigureMention(first, figure), FigureMention(second, figure)])
    assert track.values[0].independent_sources == 1
    assert len(track.values[0].sources) == 2


def test_compatible_values_on_one_day_confirm_each_other() -> None:
    first = make_article("g1", TEXT, datetime(2023, 3, 5, 8))
    second = make_article("g2", TEXT, datetime(2023, 3, 5, 10))
    third = make_article("g3", TEXT, datetime(2023, 3, 6, 10))
    (track,) = build_tracks(
        [
            FigureMention(first, make_figure("killed", 8, qualifier="at least")),
            FigureMention(second, make_figure("killed", 8)),
            FigureMention(third, make_figure("killed", 8)),
        ]
    )
    assert [v.change for v in track.values] == [FIRST, CONFIRMED]
    assert track.values[0].independent_sources == 2
    assert track.values[0].qualifier is None  # the exact value stands for the group
    assert track.disagreements == ()


def test_month_precision_cannot_tell_update_from_disagreement() -> None:
    first = make_article("h1", TEXT, datetime(2023, 3, 1), precision=DatePrecision.MONTH)
    second = make_article("h2", TEXT, datetime(2023, 3, 1), precision=DatePrecision.MONTH)
    (track,) = build_tracks(
        [
            FigureMention(first, make_figure("injured", 317)),
            FigureMention(second, make_figure("injured", 1000, qualifier="more than")),
        ]
    )
    assert {v.change for v in track.values} == {UNCLEAR}
    assert track.disagreements == ()


def test_tracks_are_grouped_by_kind_and_subject() -> None:
    article = make_article("i1", TEXT, datetime(2023, 3, 5))
    tracks = build_tracks(
        [
            FigureMention(article, make_figure("killed", 8, subject="police")),
            FigureMention(article, make_figure("killed", 30, subject="protesters")),
            FigureMention(article, make_figure("injured", 300)),
            FigureMention(article, make_figure("killed", 8, subject="Police")),
        ]
    )
    keys = sorted((t.kind, (t.subject or "").lower(), len(t.values)) for t in tracks)
    assert keys == [("injured", "", 1), ("killed", "police", 1), ("killed", "protesters", 1)]


def test_compatible_reads_qualifiers() -> None:
    assert compatible(make_figure("killed", 8, qualifier="at least"), make_figure("killed", 12))
    assert not compatible(make_figure("killed", 8, qualifier="up to"), make_figure("killed", 12))
    assert compatible(make_figure("killed", 100, qualifier="about"), make_figure("killed", 110))
    assert not compatible(make_figure("killed", 317), make_figure("killed", 1000))


def test_generic_and_compound_subjects_join_the_main_track() -> None:
    first = make_article("j1", TEXT, datetime(2023, 3, 5))
    second = make_article("j2", TEXT, datetime(2023, 3, 6))
    tracks = build_tracks(
        [
            FigureMention(first, make_figure("killed", 8, subject="police and soldiers")),
            FigureMention(second, make_figure("killed", 9, subject="police")),
            FigureMention(first, make_figure("injured", 300)),
            FigureMention(second, make_figure("injured", 400, subject="people")),
        ]
    )
    summary = sorted((t.kind, t.subject, [v.low for v in t.values]) for t in tracks)
    assert summary == [("injured", None, [300, 400]), ("killed", "police", [8, 9])]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["killed", "injured"]),
            st.integers(min_value=1, max_value=40),
            st.integers(min_value=0, max_value=4),  # article index
            st.integers(min_value=1, max_value=5),  # day of the month
        ),
        min_size=1,
        max_size=20,
    )
)
def test_every_mention_lands_in_one_track_in_time_order(
    rows: list[tuple[str, int, int, int]],
) -> None:
    articles = [make_article(f"p{i}", TEXT, datetime(2023, 3, 6, 8 + i)) for i in range(5)]
    mentions = [
        FigureMention(articles[index], make_figure(kind, value, as_of=date(2023, 3, day)))
        for kind, value, index, day in rows
    ]
    tracks = build_tracks(mentions)
    assert sorted(t.kind for t in tracks) == sorted({kind for kind, *_ in rows})
    for track in tracks:
        # every statement is shown: as a value of the track or as context beside it
        cited = {(s.article, v.low) for v in (*track.values, *track.context) for s in v.sources}
        expected = {(f"p{index}", value) for kind, value, index, _ in rows if kind == track.kind}
        assert expected <= cited
        days = [v.as_of for v in track.values]
        assert days == sorted(days)  # type: ignore[type-var]
        for disagreement in track.disagreements:
            assert len({(v.low, v.high) for v in disagreement.values}) == len(disagreement.values)


def test_a_count_of_a_part_never_disagrees_with_a_count_of_the_whole() -> None:
    """#16: "12 police and military" and "8 police" on one day are a whole and its part."""
    day = datetime(2022, 1, 6, 9)
    whole = make_article("w1", ["12 politifolk og soldater blev dræbt."], day, source="A")
    part = make_article("w2", ["8 politifolk blev dræbt."], day, source="B")
    rival = make_article("w3", ["10 politifolk blev dræbt."], day, source="C")
    mentions = [
        FigureMention(
            whole,
            figure_in(
                whole, "12 politifolk og soldater", "killed", 12, subject="police and military"
            ),
        ),
        FigureMention(part, figure_in(part, "8 politifolk", "killed", 8, subject="police")),
    ]
    (track,) = build_tracks(mentions)
    assert not track.disagreements
    rival_mention = FigureMention(
        rival, figure_in(rival, "10 politifolk", "killed", 10, subject="police")
    )
    (track,) = build_tracks([*mentions, rival_mention])
    assert track.disagreements  # the control: two counts of the police still disagree
