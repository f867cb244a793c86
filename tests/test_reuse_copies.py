"""Reuse at scale (issue 19): many copies of one text, and near-duplicate candidates scored
together, give what aligning and scoring them one by one gives."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_reuse import make_article, seed_paragraphs

from newsloom.assign import reuse
from newsloom.assign.dedup import DuplicateIndex
from newsloom.assign.reuse import ReuseIndex, passage_similarity
from newsloom.records import ReuseResult
from newsloom.settings import ReuseSettings


def test_copies_of_one_text_are_aligned_once_and_all_linked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A wire text copied word for word by many outlets: each distinct earlier paragraph text
    is aligned once per new paragraph, and the links are those of aligning every copy."""
    source = seed_paragraphs(0)[:6]
    articles = [make_article(source, "agency", 0, agencies=("NTB",))]
    for number in range(1, 16):  # the same paragraphs under each outlet's own lead
        lead = f"Avis nummer {number} skriver i dag sin egen indledning om sagen, ord for ord."
        articles.append(make_article([lead, *source], f"paper-{number}", number))
    reprint = make_article(["Sidste avis har sin egen indledning.", *source[1:]], "late", 20)

    def results(index: ReuseIndex) -> ReuseResult:
        for article in articles:
            index.add(article)
        return index.add(reprint)

    calls: list[int] = []

    def counted(first: list[int], second: list[int]) -> tuple[float, int]:
        calls.append(1)
        return passage_similarity(first, second)

    monkeypatch.setattr(reuse, "passage_similarity", counted)
    remembered = results(ReuseIndex(ReuseSettings()))
    aligned_once = len(calls)

    def every_copy(
        words: list[int], other: object, position: int, aligned: dict[bytes, tuple[float, int]]
    ) -> tuple[float, int]:
        assert isinstance(other, reuse._Entry)
        return counted(words, other.words(position))

    calls.clear()
    monkeypatch.setattr(reuse, "_aligned", every_copy)
    assert remembered == results(ReuseIndex(ReuseSettings()))
    assert aligned_once < len(calls)
    paragraphs = {p.paragraph for p in remembered.passages}
    assert len(paragraphs) == len(source) - 1
    for paragraph in paragraphs:
        links = [p for p in remembered.passages if p.paragraph == paragraph]
        assert len(links) == reuse.MAX_LINKS  # 16 earlier copies: the best ten are reported
        assert {p.origin_article for p in links} == {articles[0].id}
        assert {p.origin_agency for p in links} == {"NTB"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 2), min_size=16, max_size=16), min_size=1, max_size=12))
def test_near_duplicate_query_is_the_best_earliest_candidate(rows: list[list[int]]) -> None:
    """Scores of all candidates at once: the best score, ties to the earliest, then its root."""
    duplicates = DuplicateIndex(num_perm=16, shingle_size=3, threshold=0.5)
    signatures = [np.array(row, dtype=np.uint32) for row in rows]
    for number, signature in enumerate(signatures[:-1]):
        found = duplicates.query(f"hash-{number}", signature)
        duplicates.insert(f"hash-{number}", signature, found.index if found else None)
    query = signatures[-1]
    found = duplicates.query("new", query)
    scores = [float(np.mean(signature == query)) for signature in signatures[:-1]]
    if found is None:
        assert all(
            score < 0.5 or not _shares_a_band(duplicates, s, query)
            for score, s in zip(scores, signatures, strict=False)
        )
        return
    best = found.index
    assert found.similarity == pytest.approx(float(np.mean(signatures[best] == query)))
    assert duplicates.similarity(best, best) == 1.0
    banded = [
        number
        for number, signature in enumerate(signatures[:-1])
        if _shares_a_band(duplicates, signature, query)
    ]
    top = max(scores[number] for number in banded)
    first_top = min(number for number in banded if scores[number] == top)
    assert top >= 0.5
    assert best == duplicates._canonical[first_top]


def _shares_a_band(duplicates: DuplicateIndex, first: np.ndarray, second: np.ndarray) -> bool:
    rows = duplicates.rows
    return any(
        np.array_equal(
            first[band * rows : (band + 1) * rows], second[band * rows : (band + 1) * rows]
        )
        for band in range(duplicates.bands)
    )
