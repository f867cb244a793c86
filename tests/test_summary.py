"""Extractive summary: 3–7 non-redundant sentences in the main language, each citing its sources.

The key property (issue 7): every summary sentence appears in each article it cites.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rapidfuzz import fuzz

from newsloom.normalize.article import normalize
from newsloom.normalize.language import detect_languages
from newsloom.records import Article, RawDocument, ReuseResult
from newsloom.story.copies import CopyGroups
from newsloom.story.sentences import article_sentences, text_key
from newsloom.story.summary import (
    SummarySentence,
    cluster_sentences,
    main_language,
    summarize,
    summary_length,
)
from story_records import make_article


def _appears_in(sentence: str, article: Article) -> bool:
    """Independent of the library's matching: near-identical (≥ 90) somewhere in the article."""
    needle = " ".join(sentence.lower().split())
    haystack = " ".join(article.text.lower().split())
    return needle in haystack or fuzz.partial_ratio(needle, haystack) >= 90


def _check_citations(summary: tuple[SummarySentence, ...], articles: list[Article]) -> None:
    by_id = {article.id: article for article in articles}
    for sentence in summary:
        assert sentence.articles, sentence
        for article_id in sentence.articles:
            assert _appears_in(sentence.text, by_id[article_id]), (sentence.text, article_id)


WIRE = [
    "A ferry carrying 300 passengers ran aground off the northern coast early on Monday morning.",
    "Rescue teams evacuated most passengers by helicopter and lifeboats within four hours.",
    "The coast guard said the cause of the grounding was still under investigation.",
]
OWN = [
    "Passengers described scenes of panic as water flooded the lower car deck of the ferry.",
    "The ferry company has suspended all departures on the route until further notice.",
    "Local hospitals treated dozens of passengers for hypothermia and minor injuries.",
    "The transport minister promised a full inquiry into the safety of the ageing ferry fleet.",
]


def _ferry_story() -> tuple[list[Article], dict[str, ReuseResult]]:
    wire = make_article("w1", WIRE, datetime(2023, 5, 1, 8), language="en", source="Wire")
    reprint = make_article(
        "w2", [*WIRE, OWN[0]], datetime(2023, 5, 1, 9), language="en", source="Daily"
    )
    own = make_article("w3", OWN[1:] + WIRE[:1], datetime(2023, 5, 1, 12), language="en")
    other_language = make_article(
        "w4",
        ["Færgen med 300 passagerer gik på grund ud for nordkysten mandag morgen tidligt."],
        datetime(2023, 5, 1, 13),
        language="da",
    )
    reuse = {
        "w2": ReuseResult("w2", duplicate_of="w1", reused_share=0.9),
    }
    return [wire, reprint, own, other_language], reuse


def test_summary_sentences_appear_in_every_article_they_cite() -> None:
    articles, reuse = _ferry_story()
    summary = summarize(articles, CopyGroups.from_reuse(reuse))
    assert 3 <= len(summary) <= 7
    _check_citations(summary, articles)


def test_summary_is_in_the_main_language_and_cites_all_carriers() -> None:
    articles, reuse = _ferry_story()
    copies = CopyGroups.from_reuse(reuse)
    assert main_language(articles, copies) == "en"
    summary = summarize(articles, copies)
    assert all("Færgen" not in s.text for s in summary)
    lead = next(s for s in summary if s.text == WIRE[0])
    assert lead.articles == ("w1", "w2", "w3")
    assert lead.independent_sources == 2  # w2 is a near-duplicate of w1: counted once


def test_summary_does_not_repeat_itself() -> None:
    articles, reuse = _ferry_story()
    summary = summarize(articles, CopyGroups.from_reuse(reuse))
    keys = [text_key(s.text) for s in summary]
    for index, first in enumerate(keys):
        for second in keys[index + 1 :]:
            assert fuzz.ratio(first, second) < 80


def test_near_identical_sentences_are_one_candidate() -> None:
    first = make_article("n1", ["The bridge was closed to traffic on Friday after the crash."])
    second = make_article("n2", ["The bridge was closed to all traffic on Friday after the crash."])
    sentences = [*article_sentences(first), *article_sentences(second)]
    clusters = cluster_sentences(sentences)
    assert len(clusters) == 1
    assert sorted(clusters[0].articles) == ["n1", "n2"]
    assert clusters[0].support == 2


def test_summary_length_grows_with_coverage() -> None:
    assert summary_length(1) == 3
    assert summary_length(1000) == 7
    assert [summary_length(n) for n in range(1, 50)] == sorted(
        summary_length(n) for n in range(1, 50)
    )


def test_seed_summary_cites_articles_that_carry_each_sentence(seeds_dir: Path) -> None:
    articles = [
        detect_languages(
            normalize(RawDocument(text=path.read_text(encoding="utf-8"), origin=str(path)))
        )
        for path in sorted(seeds_dir.glob("*.txt"))
    ]
    summary = summarize(articles)
    assert 3 <= len(summary) <= 7
    _check_citations(summary, articles)
    language = main_language(articles)
    by_id = {article.id: article for article in articles}
    for sentence in summary:
        assert any(by_id[a].language == language for a in sentence.articles)
