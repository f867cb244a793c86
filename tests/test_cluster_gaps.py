"""The time prior the clusterer learns from the stream: how long its stories go quiet."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.test_cluster import _example_articles, _store_run

from newsloom.assign.cluster import Assignment, StoryClusterer
from newsloom.assign.cluster_gaps import MIN_KEY_SAMPLES, MIN_SAMPLES, GapModel, gap_key
from newsloom.assign.cluster_state import StoryState
from newsloom.records import Article
from newsloom.settings import ClusterSettings

START = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
HELD_OUT = "faroe-crisis"  # the story whose last article comes back late


def test_a_gap_is_measured_in_the_storys_own_rhythm() -> None:
    lone = StoryState("s1", sequence=0, count=1, first_time=0.0, last_time=0.0)
    assert gap_key(lone, 0.0) == "s0"
    assert gap_key(lone, 7.0) == "s3"  # log2(1 + 7 s) = 3: a one-article story counts seconds
    steady = StoryState("s2", sequence=0, count=11, first_time=0.0, last_time=1000.0)
    assert gap_key(steady, 1000.0 + 100.0) == "r1"  # one interval of 100 s
    assert gap_key(steady, 1000.0 + 1500.0) == "r4"  # 15 intervals
    same_moment = StoryState("s3", sequence=0, count=5, first_time=5.0, last_time=5.0)
    assert gap_key(same_moment, 5.0) == "r0"  # no interval yet: it counts as one second


def test_the_prior_is_silent_until_it_has_seen_enough() -> None:
    model = GapModel()
    for _ in range(MIN_SAMPLES - 1):
        model.observe([(0.9, "r0"), (0.0, "r12")], threshold=0.1)
    assert model.penalty("r12") == 0.0
    model.observe([(0.9, "r0"), (0.0, "r12")], threshold=0.1)
    assert model.penalty("r12") < 0.0


def test_long_quiet_gaps_cost_only_where_sure_joins_never_have_them() -> None:
    model = GapModel()
    for number in range(200):
        # sure joins come within a few intervals; strangers have been quiet a long time
        model.observe([(0.8, f"r{number % 3}"), (0.02, f"r{10 + number % 4}")], threshold=0.1)
    assert model.penalty("r0") == 0.0  # never a bonus, only a penalty
    assert model.penalty("r11") < -3.0
    assert model.penalty("r20") <= model.penalty("r13")  # not seen: at least the shorter's cost
    assert model.penalty("s11") == 0.0  # one-article stories are counted apart
    mixed = GapModel()
    for number in range(200):
        # here stories come back after long quiet spells as often as strangers have them
        gap = f"r{10 + number % 4}"
        mixed.observe([(0.8, gap), (0.02, gap)], threshold=0.1)
    assert all(mixed.penalty(f"r{index}") > -0.1 for index in range(20))


def test_a_quiet_time_shorter_than_usual_costs_nothing() -> None:
    model = GapModel()
    for number in range(100):
        # sure joins usually come after about four intervals; the stories an article surely does
        # not belong to were mostly just updated (as the last few stories always are)
        model.observe([(0.8, "r2"), (0.0, f"r{number % 2}"), (0.0, "r9")], threshold=0.1)
    assert model.penalty("r0") == model.penalty("r1") == model.penalty("r2") == 0.0
    assert model.penalty("r9") < 0.0


def test_middling_similarities_count_neither_way() -> None:
    model = GapModel()
    added = model.observe([(0.3, "r1"), (0.15, "r9")], threshold=0.1)
    assert not added  # 0.3 is not sure enough to be "same", 0.15 is over the threshold
    added = model.observe([(0.5, "r1"), (0.05, "r9"), (0.01, "r9")], threshold=0.1)
    assert added == {"same:r1": 1, "other:r9": 2}


def test_the_counts_rebuild_the_same_model() -> None:
    model = GapModel()
    written: dict[str, int] = {}
    for number in range(60):
        added = model.observe([(0.7, f"r{number % 2}"), (0.0, f"r{8 + number % 3}")], 0.1)
        for name, count in added.items():
            written[name] = written.get(name, 0) + count
    rebuilt = GapModel(written)
    assert rebuilt.table() == model.table()
    assert any(penalty < 0 for *_, penalty in rebuilt.table())


def _copies(article: Article, count: int, moment: datetime) -> list[Article]:
    """``count`` copies of ``article`` (as other outlets' copies: own ids) a second apart."""
    return [
        replace(article, id=f"{article.id}-{number}", published=moment + timedelta(seconds=number))
        for number in range(count)
    ]


def _story_articles(example_dir: Path) -> dict[str, list[Article]]:
    gold = json.loads((example_dir / "gold.json").read_text(encoding="utf-8"))["stories"]
    stories: dict[str, list[Article]] = {}
    for article in _example_articles(example_dir):
        key = gold[article.external_id or ""]
        if not key.startswith("single-"):
            stories.setdefault(key, []).append(article)
    return stories


def _late_return(stories: dict[str, list[Article]], moment: datetime) -> Article:
    return replace(stories[HELD_OUT][-1], published=moment)


def _burst_stream(example_dir: Path) -> list[Article]:
    """Each example story once, in a burst of copies a second apart, stories two hours apart."""
    stories = _story_articles(example_dir)
    stream: list[Article] = []
    for index, (key, articles) in enumerate(stories.items()):
        moment = START + timedelta(hours=2 * index)
        for offset, article in enumerate(articles[:-1] if key == HELD_OUT else articles):
            stream += _copies(article, 3, moment + timedelta(seconds=10 * offset))
    late = stream[-1].published + timedelta(hours=20)  # type: ignore[operator]
    return [*stream, _late_return(stories, late)]


def _returning_stream(example_dir: Path) -> list[Article]:
    """The same bursts, but every story comes back 20 hours later with one more copy of each
    of its articles; the held-out article comes back with its story's return."""
    stories = _story_articles(example_dir)
    first: list[Article] = []
    again: list[Article] = []
    back = START
    for index, (key, articles) in enumerate(stories.items()):
        moment = START + timedelta(hours=2 * index)
        kept = articles[:-1] if key == HELD_OUT else articles
        for offset, article in enumerate(kept):
            copies = _copies(article, 3, moment + timedelta(seconds=10 * offset))
            first += copies[:2]
            later = copies[2].published + timedelta(hours=20)  # type: ignore[operator]
            again.append(replace(copies[2], published=later))
            if key == HELD_OUT:
                back = later + timedelta(seconds=5)
    late = _late_return(stories, back)
    return [*sorted([*first, *again], key=lambda article: article.published or START), late]


def _stories_of_the_held_out(
    assignments: list[Assignment], stream: list[Article], example_dir: Path
) -> set[str]:
    """The stories the held-out story's earlier articles went to (the late one is last)."""
    held_out = stream[-1].external_id
    gold = json.loads((example_dir / "gold.json").read_text(encoding="utf-8"))["stories"]
    members = {
        article.id
        for article in stream[:-1]
        if gold[article.external_id or ""] == gold[held_out or ""]
    }
    return {a.story_id for a in assignments if a.article_id in members}


def test_a_story_that_came_in_one_burst_does_not_take_a_return_a_day_later(
    example_dir: Path,
) -> None:
    stream = _burst_stream(example_dir)
    for weight, joins in ((0.0, True), (0.15, False)):
        clusterer = StoryClusterer(ClusterSettings(time_prior=weight))
        assignments = [clusterer.add(article) for article in stream]
        earlier = _stories_of_the_held_out(assignments[:-1], stream, example_dir)
        assert len(earlier) == 1  # the burst itself is one story either way
        assert (assignments[-1].story_id in earlier) is joins, f"time_prior={weight}"


def test_where_stories_do_come_back_the_return_still_joins(example_dir: Path) -> None:
    stream = _returning_stream(example_dir)
    clusterer = StoryClusterer(ClusterSettings(time_prior=0.15))
    assignments = [clusterer.add(article) for article in stream]
    returns = sum(count for key, count in clusterer.gaps.same.items() if int(key[1:]) >= 10)
    assert returns >= 3  # the stories' own returns were counted as sure joins
    assert assignments[-1].story_id in _stories_of_the_held_out(
        assignments[:-1], stream, example_dir
    )


def test_the_learned_prior_survives_the_store(example_dir: Path, tmp_path: Path) -> None:
    stream = _burst_stream(example_dir)
    settings = ClusterSettings(time_prior=0.15)
    single = StoryClusterer(settings)
    expected = [single.add(article) for article in stream]
    assert any(penalty < 0 for *_, penalty in single.gaps.table())
    assert sum(single.gaps.same.values()) >= MIN_SAMPLES
    assert max(single.gaps.other.values()) >= MIN_KEY_SAMPLES
    rebuilt = _store_run(stream, tmp_path / "gaps.db", len(stream) - 10, settings)
    assert rebuilt == expected
