"""What the one writer used to make of each article, made where it is analysed (issue 19).

The store's rows (the analysis encoded, the full-text index's names and forms) and the reuse
index's entry (words, MinHash signature, passage fingerprints) are pure functions of the article
and its analysis: made ahead, they must give what the writer makes itself, and ahead-made values
of another article or other settings must be left unused.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from newsloom.analyze.prepare import prepare_shard
from newsloom.assign.reuse import ReuseIndex, reuse_entry
from newsloom.normalize.article import normalize
from newsloom.records import Analysis, Article, EntityMention, EntityType, Quote, RawDocument
from newsloom.settings import AnalyzeSettings, ReuseSettings
from newsloom.store import Store, open_store
from newsloom.store.rows import article_rows

START = datetime(2026, 3, 2, 7, 30)
WIRE = [
    "Regjeringen legger fram en ny plan for kraftnettet i Nord-Norge, opplyser Olje- og "
    "energidepartementet i en pressemelding mandag.",
    "Planen skal gi plass til mer industri i Finnmark og Troms og korte ned ventetiden for nye "
    "tilknytninger til nettet med flere år.",
    "– Vi må bygge ut nettet raskere enn før, sier energiminister Terje Aasland til NTB.",
    "Statnett anslår at utbyggingen vil koste rundt 12 milliarder kroner fram mot 2030.",
    "Flere kommuner i Øst-Finnmark har ventet i årevis på svar om nettkapasitet.",
]


def _article(
    paragraphs: list[str], source: str, hours: float, agencies: tuple[str, ...] = ()
) -> Article:
    article = normalize(RawDocument(text="\n\n".join(paragraphs), origin=source, source=source))
    return dataclasses.replace(article, published=START + timedelta(hours=hours), agencies=agencies)


def _analysis(article: Article) -> Analysis:
    paragraph = next(p for p in article.paragraphs if "Aasland" in p.text)
    start = paragraph.text.index("Terje Aasland")
    return Analysis(
        article_id=article.id,
        entities=(
            EntityMention("Terje Aasland", EntityType.PERSON, paragraph.index, start, start + 13),
            EntityMention("NTB", EntityType.ORGANISATION, paragraph.index, start + 18, start + 21),
        ),
        quotes=(
            Quote(
                "Vi må bygge ut nettet raskere enn før",
                "Terje Aasland",
                "energiminister",
                paragraph.index,
                start=2,
                end=39,
                speaker_type="person",
            ),
        ),
    )


def _stored(store: Store) -> list[Any]:
    connection = store.connection
    rows = connection.execute("SELECT article_id, version, payload FROM analyses").fetchall()
    indexed = connection.execute(
        "SELECT article_id, title, body, forms, names FROM articles_fts ORDER BY article_id"
    ).fetchall()
    return [tuple(row) for row in rows] + [tuple(row) for row in indexed]


def test_rows_made_ahead_store_what_the_store_makes_itself(
    new_database: Callable[[], str],
) -> None:
    article = _article(WIRE, "ntb", 0)
    other = _article(WIRE[1:], "paper", 1)
    analysis, other_analysis = _analysis(article), Analysis(article_id=other.id)
    plain, ahead = open_store(new_database()), open_store(new_database())
    try:
        plain.add_article(article, analysis)
        plain.add_article(other, other_analysis)
        ahead.add_article(article, analysis, article_rows(article, analysis))
        # rows made of another article are not this one's: the store makes its own
        ahead.add_article(other, other_analysis, article_rows(article, analysis))
        assert _stored(ahead) == _stored(plain)
        assert any("ntb ; " in row[-1] for row in _stored(ahead)[2:])  # the names it found
    finally:
        plain.close()
        ahead.close()


def _stream() -> list[Article]:
    return [
        _article(WIRE, "ntb", 0, agencies=("NTB",)),
        _article(["Nyheten kom mandag morgen, rett før pressekonferansen.", *WIRE[1:4]], "a", 1),
        _article(WIRE, "mirror", 2),
        _article(
            [WIRE[4], "En helt annen sak om været i helgen og snøen som kom.", WIRE[1]], "b", 3
        ),
    ]


def test_reuse_entries_made_ahead_give_the_same_links_and_snapshots() -> None:
    settings = ReuseSettings()
    plain, ahead, elsewhere = ReuseIndex(settings), ReuseIndex(settings), ReuseIndex(settings)
    other_settings = ReuseSettings(min_passage_words=5, num_perm=64)
    results = []
    for article in _stream():
        expected = plain.add(article)
        results.append(expected)
        assert ahead.add(article, reuse_entry(article, settings)) == expected
        # made with other settings: not this index's entry, so it makes its own
        assert elsewhere.add(article, reuse_entry(article, other_settings)) == expected
        snapshot = plain.snapshot(article.id)
        assert ahead.snapshot(article.id) == snapshot
        assert elsewhere.snapshot(article.id) == snapshot
    assert any(result.passages for result in results)  # the stream links passages
    assert any(result.duplicate_of for result in results)  # and a copy


def test_a_shard_prepared_with_reuse_settings_carries_rows_and_entries() -> None:
    documents = [
        RawDocument(text="\n\n".join(WIRE), origin="ntb.jsonl:1", title="Ny plan for kraftnettet"),
    ]
    settings = AnalyzeSettings(entities=False, quotes=False, figures=False, times=False)
    (prepared,) = prepare_shard(documents, settings, None, ReuseSettings(), article_rows).prepared
    assert prepared.article is not None
    assert prepared.analysis is not None
    assert prepared.rows == article_rows(prepared.article, prepared.analysis)
    assert prepared.reuse is not None
    assert prepared.reuse.entry.article_id == prepared.article.id
    (without,) = prepare_shard(documents, settings).prepared
    assert without.reuse is None
    assert without.rows is None  # the store makes them
