"""Near-duplicates and passage-level reuse (issue 3)."""

from __future__ import annotations

import dataclasses
import itertools
import re
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsloom.assign.dedup import word_ids
from newsloom.assign.postings import (
    Hits,
    OriginMap,
    PostingIndex,
    candidate_pairs,
    window_minima,
)
from newsloom.assign.reuse import ReuseIndex, looks_like_boilerplate, passage_similarity
from newsloom.assign_state import load_reuse_index, write_reuse
from newsloom.errors import StoreError
from newsloom.normalize.article import normalize
from newsloom.records import Article, Paragraph, ParagraphKind, RawDocument, ReuseResult
from newsloom.settings import ReuseSettings
from newsloom.store import open_store

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
START = datetime(2022, 1, 5, 8, 0)


def seed_texts() -> list[str]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found in {SEEDS}")
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def seed_paragraphs(number: int = 0) -> list[str]:
    return [part.strip() for part in seed_texts()[number].split("\n\n") if part.strip()]


def make_article(
    paragraphs: list[str],
    source: str,
    hours: float = 0,
    agencies: tuple[str, ...] = (),
    kinds: dict[int, ParagraphKind] | None = None,
) -> Article:
    article = normalize(RawDocument(text="\n\n".join(paragraphs), origin=source, source=source))
    if kinds:
        article = dataclasses.replace(
            article,
            paragraphs=tuple(
                dataclasses.replace(p, kind=kinds.get(p.index, p.kind)) for p in article.paragraphs
            ),
        )
    return dataclasses.replace(article, published=START + timedelta(hours=hours), agencies=agencies)


def linked(result: ReuseResult) -> set[tuple[int, str, int]]:
    return {(p.paragraph, p.other_article, p.other_paragraph) for p in result.passages}


def test_seed_articles_share_a_topic_but_are_not_linked() -> None:
    index = ReuseIndex(ReuseSettings())
    for hours, text in enumerate(seed_texts()):
        article = make_article(text.split("\n\n"), f"outlet{hours}", hours)
        result = index.add(article)
        assert result.passages == ()
        assert result.duplicate_of is None
        assert result.reused_share == 0.0


def test_verbatim_copy_with_new_lead_and_reordered_paragraphs_is_found() -> None:
    source = seed_paragraphs(0)
    index = ReuseIndex(ReuseSettings())
    original = make_article(source, "agency", 0, agencies=("Ritzau",))
    assert index.add(original).passages == ()
    new_lead = "En helt ny indledning skrevet af avisen selv med egne ord og vinkler på sagen."
    copied = [new_lead, source[10], source[5], source[12]]
    copy = make_article(copied, "paper", 2)
    result = index.add(copy)
    assert linked(result) == {(1, original.id, 10), (2, original.id, 5), (3, original.id, 12)}
    assert all(p.similarity == 1.0 for p in result.passages)
    assert all(p.origin_article == original.id for p in result.passages)
    assert all(p.origin_agency == "Ritzau" for p in result.passages)
    assert 0.5 < result.reused_share < 1.0


def _inflect(text: str) -> str:
    words = text.split()
    return " ".join(
        word + "e" if len(word) > 6 and index % 3 == 0 else word for index, word in enumerate(words)
    )


def _swap_one_word(text: str) -> str:
    words = text.split()
    words[len(words) // 2] = "anderledes"
    return " ".join(words)


def _strip_punctuation(text: str) -> str:
    return text.replace(",", "").replace(".", "").replace("'", "")


def _cut_last_sentence(text: str) -> str:
    sentences = text.split(". ")
    return ". ".join(sentences[:-1]) + "." if len(sentences) > 1 else text


@pytest.mark.parametrize("edit", [_inflect, _swap_one_word, _strip_punctuation, _cut_last_sentence])
def test_lightly_edited_paragraphs_are_found(edit: object) -> None:
    assert callable(edit)
    source = seed_paragraphs(0)
    index = ReuseIndex(ReuseSettings())
    original = make_article(source, "agency", 0)
    index.add(original)
    long_paragraphs = [i for i, text in enumerate(source) if len(edit(text).split()) >= 10]
    copy = make_article([edit(source[i]) for i in long_paragraphs], "paper", 1)
    result = index.add(copy)
    expected = {(position, original.id, i) for position, i in enumerate(long_paragraphs)}
    assert linked(result) == expected


def test_boilerplate_and_short_passages_do_not_link() -> None:
    index = ReuseIndex(ReuseSettings())
    first, second = seed_paragraphs(0), seed_paragraphs(2)
    shared_caption = (
        "Demonstranter samlet foran bygningen i hovedstaden onsdag aften. Foto: Jens Hansen"
    )
    shared_link = "Læs også: Regeringen går af efter flere dages voldsomme protester i hele landet"
    shared_byline = "Af Jens Hansen og Mette Jensen, journalister på udlandsredaktionen i København"
    short = "Det oplyser politiet onsdag aften."
    a = make_article(
        [first[0], shared_caption, shared_link, shared_byline, short, first[1]],
        "one",
        0,
        kinds={3: ParagraphKind.BYLINE},
    )
    b = make_article(
        [second[0], shared_caption, short, shared_link, second[1], shared_byline],
        "two",
        1,
        kinds={5: ParagraphKind.BYLINE},
    )
    index.add(a)
    result = index.add(b)
    assert result.passages == ()
    assert looks_like_boilerplate(shared_caption)
    assert looks_like_boilerplate(shared_link)
    assert not looks_like_boilerplate(first[1])


def test_origin_is_the_earliest_article_following_chains() -> None:
    source = seed_paragraphs(0)
    index = ReuseIndex(ReuseSettings())
    agency = make_article(source[:8], "agency", 0, agencies=("NTB",))
    first_copy = make_article(
        ["Egen indledning fra den første avis om sagen i dag.", *source[2:8]], "paper-one", 3
    )
    second_copy = make_article([_swap_one_word(text) for text in source[4:8]], "paper-two", 6)
    index.add(agency)
    index.add(first_copy)
    result = index.add(second_copy)
    assert result.passages
    assert {p.other_article for p in result.passages} == {agency.id, first_copy.id}
    assert {p.origin_article for p in result.passages} == {agency.id}
    assert {p.origin_agency for p in result.passages} == {"NTB"}


def test_near_duplicates_are_flagged_with_estimated_similarity() -> None:
    source = seed_paragraphs(0)
    index = ReuseIndex(ReuseSettings())
    original = make_article(source, "agency", 0)
    exact = make_article(source, "mirror", 1)
    near = make_article([*source[:-1], _swap_one_word(source[-1])], "paper", 2)
    other = make_article(seed_paragraphs(1), "unrelated", 3)
    assert index.add(original).duplicate_of is None
    exact_result = index.add(exact)
    assert exact_result.duplicate_of == original.id
    assert exact_result.duplicate_similarity == 1.0
    near_result = index.add(near)
    assert near_result.duplicate_of == original.id
    assert near_result.duplicate_similarity is not None
    assert near_result.duplicate_similarity >= 0.8
    assert index.add(other).duplicate_of is None


def test_incremental_and_rebuilt_from_store_give_the_same_results(tmp_path: Path) -> None:
    source, other = seed_paragraphs(0), seed_paragraphs(1)
    articles = [
        make_article(source, "agency", 0, agencies=("Ritzau",)),
        make_article(other, "norway", 1),
        make_article(
            ["Ny indledning skrevet af en avis med sine egne ord om sagen.", *source[3:9]],
            "paper",
            2,
        ),
        make_article([*other[5:12], *source[9:12]], "mixed", 3),
    ]
    later = [
        make_article([_swap_one_word(text) for text in source[2:10]], "late", 4),
        make_article(source, "mirror", 5),
        make_article(other[::-1], "reversed", 6),
    ]
    store = open_store(tmp_path / "reuse.db")
    incremental = load_reuse_index(store, ReuseSettings())
    assert len(incremental) == 0
    for article in articles:
        with store.transaction():
            store.add_article(article)
            store.put_reuse(incremental.add(article))
            write_reuse(store, incremental.snapshot(article.id))
    rebuilt = load_reuse_index(store, ReuseSettings())
    assert len(rebuilt) == len(articles)
    for article in later:
        assert rebuilt.add(article) == incremental.add(article)
    stored = store.get_reuse(articles[2].id)
    assert stored is not None
    assert linked(stored)
    store.close()


def test_snapshot_without_add_names_the_article() -> None:
    with pytest.raises(StoreError, match="abc123"):
        ReuseIndex(ReuseSettings()).snapshot("abc123")


def test_non_body_paragraphs_never_link() -> None:
    source = seed_paragraphs(0)
    index = ReuseIndex(ReuseSettings())
    a = make_article(
        ["Første avis skriver sin egen tekst her om noget helt andet.", source[5]],
        "one",
        0,
        kinds={1: ParagraphKind.CAPTION},
    )
    b = make_article(
        ["Anden avis skriver også sin egen tekst om en anden sag.", source[5]], "two", 1
    )
    index.add(a)
    assert index.add(b).passages == ()
    assert Paragraph(0, "x").kind is ParagraphKind.BODY


def _found(hits: Hits, size: int) -> list[list[int]]:
    found: list[list[int]] = [[] for _ in range(size)]
    for key, posting in zip(hits.keys.tolist(), hits.postings.tolist(), strict=True):
        found[key].append(posting)
    return found


def test_posting_index_keeps_the_earliest_postings_across_merges() -> None:
    postings = PostingIndex(cap=3)
    keys = np.array([7, 9], dtype=np.uint32)
    for value in range(10):
        counts = postings.lookup(keys).counts
        postings.add(keys, np.array([value, 100 + value], dtype=np.uint64), counts)
    hits = postings.lookup(np.array([7, 9, 8], dtype=np.uint32))
    assert _found(hits, 3) == [[0, 1, 2], [100, 101, 102], []]
    assert hits.counts.tolist() == [3, 3, 0]  # keys at the cap take no more postings


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=6), min_size=1, max_size=200),
    st.sampled_from([1 << 23, 2, 5]),  # runs frozen at the default size, or early
    st.sampled_from([0, 1 << 32]),  # postings that fit in 4 bytes, or from some point on not
)
def test_posting_index_matches_a_dictionary_of_lists(
    stream: list[int], frozen: int, large: int
) -> None:
    postings = PostingIndex(cap=4, frozen=frozen)
    reference: dict[int, list[int]] = {}
    for step, key in enumerate(stream):
        value = step + (large if step > len(stream) // 2 else 0)
        keys = np.array([key, key + 100], dtype=np.uint32)
        hits = postings.lookup(keys)
        expected = [reference.get(key, []), reference.get(key + 100, [])]
        assert _found(hits, 2) == [found[:4] for found in expected]
        postings.add(keys, np.array([value, value], dtype=np.uint64), hits.counts)
        for each in (key, key + 100):
            if len(reference.setdefault(each, [])) < 4:
                reference[each].append(value)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 9)), max_size=120))
def test_origin_map_answers_as_a_dictionary(writes: list[tuple[int, int]]) -> None:
    origins, reference = OriginMap(), dict[int, int]()
    origins.FOLD = 7  # fold often: keys move to the arrays, and are written again there
    for key, origin in writes:
        assert origins.get(key) == reference.get(key)
        origins.set(key << 30, origin)  # keys beyond 32 bits, as article << bits | paragraph
        origins.set(key, origin)
        reference[key], reference[key << 30] = origin, origin
    origins.fold()
    assert len(origins) == len(reference)
    assert all(origins.get(key) == origin for key, origin in reference.items())


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 9)), max_size=80),
    st.lists(st.integers(0, 45), max_size=30),
)
def test_origin_map_answers_many_keys_as_one_by_one(
    writes: list[tuple[int, int]], asked: list[int]
) -> None:
    origins = OriginMap()
    origins.FOLD = 5  # some keys in the arrays, some in the dictionary, some rewritten
    for key, origin in writes:
        origins.set(key << 30, origin)
    keys = [key << 30 for key in asked]
    assert origins.get_many(keys) == [origins.get(key) for key in keys]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=60))
def testwindow_minima_are_the_minima_of_every_window(values: list[int]) -> None:
    array = np.array(values, dtype=np.uint64)
    windows = [array] if array.size <= 4 else [array[s : s + 4] for s in range(array.size - 3)]
    expected = {
        start + offset
        for start, window in enumerate(windows)
        for offset in np.flatnonzero(window == window.min()).tolist()
    }
    assert set(np.flatnonzero(window_minima(array, 4)).tolist()) == expected


def test_candidate_pairs_rank_by_shared_hashes_and_need_two_in_long_paragraphs() -> None:
    owners = np.array([0] * 10 + [1] * 2, dtype=np.int64)  # paragraph 0: 10 hashes, 1: 2
    hits = Hits(
        keys=np.array([0, 1, 2, 3, 4, 10], dtype=np.int64),
        postings=np.array([5, 5, 7, 7, 7, 9], dtype=np.uint64),
        counts=np.zeros(12, dtype=np.int64),
    )
    assert candidate_pairs(hits, owners, 2, limit=5) == [(0, 7), (0, 5), (1, 9)]
    assert candidate_pairs(hits, owners, 2, limit=1) == [(0, 7), (1, 9)]
    single = Hits(hits.keys[:1], hits.postings[:1], hits.counts)
    assert candidate_pairs(single, owners, 2, limit=5) == []  # one shared 4-gram is chance


words = st.lists(st.integers(min_value=0, max_value=12), max_size=40)


@settings(max_examples=200, deadline=None)
@given(words, words)
def test_passage_similarity_is_symmetric_and_bounded(first: list[int], second: list[int]) -> None:
    forward = passage_similarity(first, second)
    assert forward == passage_similarity(second, first)
    assert 0.0 <= forward[0] <= 1.0
    assert forward[1] <= min(len(first), len(second))


def test_reported_similarity_is_symmetric_between_two_articles() -> None:
    source = [text for text in seed_paragraphs(0) if len(text.split()) >= 10]
    first = make_article(source[:9], "one", 0)
    second = make_article([_inflect(text) for text in source[3:12]], "two", 1)
    scores = []
    for pair in itertools.permutations([first, second]):
        index = ReuseIndex(ReuseSettings())
        index.add(pair[0])
        result = index.add(pair[1])
        scores.append(
            sorted(
                (
                    min(p.paragraph, p.other_paragraph),
                    max(p.paragraph, p.other_paragraph),
                    p.similarity,
                )
                for p in result.passages
            )
        )
    assert scores[0]
    assert scores[0] == scores[1]


def test_article_view_and_top_reused_come_from_the_store(tmp_path: Path) -> None:
    from newsloom.cli.reuse_report import format_reuse_for_article, format_top_reused, top_reused

    source, other = seed_paragraphs(0), seed_paragraphs(1)
    agency = make_article(source, "Agency Wire", 0, agencies=("Ritzau",))
    copy = make_article(
        ["En avis skriver sin egen indledning med nye ord om sagen.", *source[3:9]], "Paper", 2
    )
    unrelated = make_article(other, "Elsewhere", 3)
    store = open_store(tmp_path / "reuse.db")
    index = load_reuse_index(store, ReuseSettings())
    for article in (agency, copy, unrelated):
        with store.transaction():
            store.add_article(article)
            store.put_reuse(index.add(article))
            write_reuse(store, index.snapshot(article.id))
    lines = format_reuse_for_article(store, copy.id)
    assert any(agency.id in line and "[Ritzau]" in line for line in lines)
    assert any(
        "Copied by 1 later article" in line for line in format_reuse_for_article(store, agency.id)
    )
    rows = top_reused(store, limit=5)
    assert [row.article_id for row in rows] == [copy.id]
    assert rows[0].origins[0][:3] == (agency.id, "Agency Wire", "Ritzau")
    assert "Agency Wire [Ritzau]" in format_top_reused(rows)[1]
    store.close()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=5))
def test_word_ids_split_words_like_the_regular_expression(texts: list[str]) -> None:
    ids, counts = word_ids(texts)
    words = [re.findall(r"\w+", text.lower()) for text in texts]
    assert counts.tolist() == [len(found) for found in words]
    flat = [word[:6] for found in words for word in found]
    assert len(flat) == ids.size
    for first, second in itertools.combinations(range(len(flat)), 2):
        if flat[first] == flat[second]:
            assert ids[first] == ids[second]


def test_word_ids_are_stems_of_lower_cased_words() -> None:
    ids, counts = word_ids(["Politiet anholdt", "politi ANHOLDTE 𝔘nicode_x"])
    assert counts.tolist() == [2, 3]
    assert ids[0] == ids[2]  # "politi" prefix
    assert ids[1] == ids[3]  # "anhold"
    assert len(set(ids.tolist())) == 3
