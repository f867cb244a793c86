"""What a figure claims (#16): vague quantities stay words, a hospitalised count is part of the
injured, one article's one count under two subjects is one claim, copies follow the reuse view."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from newsloom.extract.figures import extract_figures
from newsloom.records import Analysis, ReusedPassage, ReuseResult
from newsloom.store.codec import analysis_from_json, analysis_to_json
from newsloom.story.copies import CopyGroups
from newsloom.story.dossier import consolidate
from newsloom.story.render import dossier_to_dict, render_text
from newsloom.story.track_records import DISAGREEMENT
from newsloom.story.tracks import FigureMention, build_tracks
from story_records import figure_in, make_article

DAY = datetime(2022, 1, 6, 9)


def test_a_vague_quantity_is_shown_as_its_words_never_as_a_range() -> None:
    article = make_article("v1", ["Politiet har dræbt dusinvis af demonstranter."], DAY)
    figure = figure_in(article, "dusinvis af demonstranter", "killed", 24, subject="demonstrators")
    figure = replace(figure, high=99.0, vague="dusinvis")  # as analyze stores it
    dossier = consolidate([article], {"v1": Analysis("v1", figures=(figure,))}, {})
    (track,) = dossier.figure_tracks
    assert track.values[0].vague == "dusinvis"
    exported = dossier_to_dict(dossier)
    value = exported["figure_tracks"][0]["values"][0]  # type: ignore[index]
    assert value["vague"] == "dusinvis"
    assert (value["low"], value["high"]) == (None, None)  # words, not the range tracks compare
    assert value["label"] == "“dusinvis”"
    assert exported["figures"][0]["vague"] == "dusinvis"  # type: ignore[index]
    assert exported["figures"][0]["low"] is None  # type: ignore[index]
    text = render_text(dossier)
    assert "dusinvis" in text
    assert "24–99" not in text
    assert "24" not in text.split("FIGURES")[1]


def test_a_number_is_not_vague() -> None:
    article = make_article("n1", ["Politiet har dræbt 24 demonstranter."], DAY)
    figure = figure_in(article, "24 demonstranter", "killed", 24, subject="demonstrators")
    (track,) = build_tracks([FigureMention(article, figure)])
    assert track.values[0].vague is None


def _injured_pair(hospital_clause: str) -> tuple[FigureMention, FigureMention]:
    first = make_article(
        "h1", ["More than 1000 people have been injured, the ministry said."], DAY, source="A"
    )
    second = make_article("h2", [f"400 injured {hospital_clause}."], DAY, source="B", language="en")
    (counted,) = extract_figures(second)  # analyze reads the clause: in hospital or not
    return (
        FigureMention(
            first,
            figure_in(first, "More than 1000 people", "injured", 1000, qualifier="more than"),
        ),
        FigureMention(second, counted),
    )


def test_the_hospitalised_are_part_of_the_injured_not_a_rival_count() -> None:
    tracks = build_tracks(_injured_pair("are being treated in hospital"))
    assert not any(track.disagreements for track in tracks)
    by_kind = {track.kind: track for track in tracks}
    assert by_kind["hospitalised"].part_of == "injured"
    assert by_kind["hospitalised"].values[0].low == 400
    assert by_kind["injured"].values[0].low == 1000


def test_two_counts_of_the_injured_on_one_day_still_disagree() -> None:
    """The control: without the hospital the same two counts are rival counts of the injured."""
    tracks = build_tracks(_injured_pair("were counted in the city"))
    (track,) = tracks
    assert track.disagreements
    assert {value.change for value in track.values} == {DISAGREEMENT}


def test_one_police_claim_under_two_subjects_is_one_track() -> None:
    article = make_article(
        "p1",
        [
            "Politiet har dræbt dusinvis af demonstranter.",
            "- Dusinvis af gerningsmænd blev elimineret, siger en talsmand.",
        ],
        DAY,
    )
    demonstrators = figure_in(article, "dusinvis af demonstranter", "killed", 24)
    attackers = figure_in(article, "Dusinvis af gerningsmænd", "killed", 24)
    mentions = [
        FigureMention(
            article,
            replace(f, high=99.0, subject=subject),
        )
        for f, subject in ((demonstrators, "demonstrators"), (attackers, "attackers"))
    ]
    (track,) = build_tracks(mentions)
    assert (track.subject, track.also_called) == ("demonstrators", ("attackers",))
    assert "also called attackers" in render_text(
        consolidate(
            [article], {"p1": Analysis("p1", figures=tuple(m.figure for m in mentions))}, {}
        )
    )


def test_police_and_demonstrators_killed_stay_two_tracks() -> None:
    article = make_article("p2", ["Otte betjente og otte demonstranter blev dræbt."], DAY)
    police = figure_in(article, "Otte betjente", "killed", 8, subject="police")
    demonstrators = figure_in(article, "otte demonstranter", "killed", 8, subject="demonstrators")
    tracks = build_tracks([FigureMention(article, police), FigureMention(article, demonstrators)])
    assert sorted(track.subject or "" for track in tracks) == ["demonstrators", "police"]


def test_the_origin_is_the_reuse_views_not_the_smaller_id() -> None:
    """Both are dated to the same day and the copy's id sorts first; the origin is still the one
    the reuse view names, and the agency the copy signs names the text."""
    text = "Mindst otte politibetjente har mistet livet under sammenstødene, oplyser politiet."
    origin = make_article("z-origin", [text], DAY, source="Avisen")
    copy = make_article("a-copy", [text, "/ritzau/"], DAY, source="Bladet")
    copy = replace(copy, agencies=("Ritzau",))
    reuse = {
        "a-copy": ReuseResult(
            "a-copy",
            passages=(ReusedPassage("a-copy", 0, "z-origin", 0, 0.98, "z-origin", None),),
            reused_share=0.9,
        ),
        "z-origin": ReuseResult("z-origin"),
    }
    figures = {
        article.id: Analysis(
            article.id,
            figures=(
                figure_in(article, "Mindst otte politibetjente", "killed", 8, qualifier="at least"),
            ),
        )
        for article in (origin, copy)
    }
    dossier = consolidate([copy, origin], figures, reuse)
    (value,) = dossier.figure_tracks[0].values
    sources = {source.article: source for source in value.sources}
    assert sources["z-origin"].origin
    assert not sources["z-origin"].copy
    assert sources["a-copy"].copy
    assert sources["a-copy"].origin_article == "z-origin"
    assert {source.agency for source in value.sources} == {"Ritzau"}
    (shared,) = dossier.coverage.shared_texts
    assert (shared.origin, shared.agency, shared.copies) == ("z-origin", "Ritzau", ("a-copy",))
    groups = CopyGroups.from_reuse(reuse)
    groups.attach_articles([copy, origin])
    assert groups.text_origin("a-copy", 0) == "z-origin"
    assert groups.text_origin("a-copy", 1) is None  # the sign-off is only the copy's


def test_a_figure_stored_before_vague_words_were_kept_reads_them_back() -> None:
    """An analysis written before version 2 has no ``vague``: the stored phrase gives the words."""
    old = {
        "article_id": "o1",
        "figures": [
            {
                "kind": "killed",
                "subject": "demonstrators",
                "low": 24.0,
                "high": 99.0,
                "qualifier": None,
                "text": "dræbt dusinvis af demonstranter",
                "paragraph": 0,
            },
            {
                "kind": "killed",
                "subject": "police",
                "low": 8.0,
                "high": 8.0,
                "qualifier": None,
                "text": "otte politibetjente dræbt",
                "paragraph": 1,
            },
        ],
    }
    analysis = analysis_from_json(json.dumps(old))
    assert [f.vague for f in analysis.figures] == ["dusinvis", None]
    again = analysis_from_json(analysis_to_json(analysis))
    assert [f.vague for f in again.figures] == ["dusinvis", None]
