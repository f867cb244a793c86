"""PostgreSQL beside SQLite: the same results on real articles, its own search, clear errors,
writers taking turns. The rest of the store's tests run on both through the ``db_url`` fixture."""

from __future__ import annotations

import io
import json
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import POSTGRESQL, databases, postgresql_problem
from newsloom.errors import StoreError
from newsloom.export import write_export
from newsloom.pipeline import ingest
from newsloom.records import Article, Paragraph
from newsloom.settings import load_settings
from newsloom.store import SearchQuery, Store, is_url, open_store
from newsloom.store.fulltext import config_of
from newsloom.store.postgres import display_url, translate


def needs_postgresql() -> None:
    problem = postgresql_problem()
    if problem:
        pytest.skip(problem)


def article(number: int, text: str, language: str | None) -> Article:
    return Article(
        id=f"{number:016x}",
        content_hash=f"hash{number}",
        title=f"Title {number}",
        paragraphs=(Paragraph(0, text, language=language),),
        language=language,
        published=datetime(2025, 3, 1 + number, 12, 0),
        source="Outlet",
        origin=f"file{number}.txt",
    )


def test_statements_are_translated_outside_string_literals() -> None:
    assert translate("SELECT a FROM t WHERE b = ? AND c LIKE ?") == (
        "SELECT a FROM t WHERE b = %s AND c ILIKE %s"
    )
    assert translate("SELECT '?%' || x FROM t WHERE y > 5 % 2") == (
        "SELECT '?%' || x FROM t WHERE y > 5 %% 2"
    )
    assert translate("SELECT group_concat(DISTINCT a.language) FROM a") == (
        "SELECT string_agg(DISTINCT a.language, ',') FROM a"
    )


@pytest.mark.postgresql
def test_insert_or_replace_and_ignore_become_upserts_on_the_primary_key(tmp_path: Path) -> None:
    with databases("postgresql", tmp_path) as new_database:
        store = open_store(new_database())
        try:
            with store.transaction() as connection:
                connection.execute("INSERT INTO cluster_terms (feature, articles) VALUES ('x', 1)")
                connection.execute(
                    "INSERT  OR REPLACE\n INTO cluster_terms (feature, articles) VALUES (?, ?)",
                    ("x", 5),
                )
                connection.execute(
                    "INSERT OR IGNORE INTO cluster_terms (feature, articles) VALUES (?, ?)",
                    ("x", 9),
                )
            assert store.cluster_terms() == {"x": 5}
        finally:
            store.close()


def test_an_unreachable_server_is_a_clear_error_without_the_password() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(
        StoreError, match=r"postgresql://someone:\*\*\*@127\.0\.0\.1:1/news"
    ) as info:
        open_store("postgresql://someone:secret@127.0.0.1:1/news")
    assert "secret" not in str(info.value)
    assert display_url("postgres://a@h/db") == "postgres://a@h/db"
    assert is_url("postgres://h/db")
    assert not is_url("news.db")


def test_a_search_path_naming_no_schema_is_a_clear_error() -> None:
    needs_postgresql()
    separator = "&" if "?" in POSTGRESQL else "?"
    with pytest.raises(StoreError, match="no schema"):
        open_store(f"{POSTGRESQL}{separator}options=-csearch_path%3Dno_such_schema_19")


def test_writers_take_turns(db_url: str) -> None:
    """A second writer waits for the first one's transaction (SQLite BEGIN IMMEDIATE, a
    PostgreSQL advisory lock), then goes on; both writes are kept."""
    first, second = open_store(db_url), open_store(db_url)
    finished: list[float] = []

    def write_second() -> None:
        second.add_article(article(2, "Anden tekst om noget.", "da"))
        finished.append(time.monotonic())

    try:
        with first.transaction():
            first.add_article(article(1, "Første tekst om noget.", "da"))
            writer = threading.Thread(target=write_second)
            writer.start()
            time.sleep(1.0)
            assert not finished, "the second writer did not wait for the first"
            committed = time.monotonic()
        writer.join(timeout=30)
        assert finished
        assert finished[0] >= committed
        assert first.has_article(f"{2:016x}")
        assert second.has_article(f"{1:016x}")
    finally:
        first.close()
        second.close()


def test_a_failed_statement_undoes_its_transaction_and_the_store_goes_on(db_url: str) -> None:
    store = open_store(db_url)
    errors = store.connection.errors  # type: ignore[attr-defined]
    try:
        store.add_article(article(1, "Første tekst.", "da"))

        def write_badly() -> None:
            with store.transaction() as connection:
                store.add_article(article(2, "Anden tekst.", "da"))
                connection.execute(  # no such article: the foreign key fails
                    "INSERT INTO reuse_shares (article_id, share) VALUES (?, ?)", ("nope", 1.0)
                )

        with pytest.raises(errors):
            write_badly()
        assert not store.has_article(f"{2:016x}")
        assert store.add_article(article(3, "Tredje tekst.", "da"))
        assert [a.id for a in store.iter_articles()] == [f"{1:016x}", f"{3:016x}"]
    finally:
        store.close()


@pytest.mark.postgresql
def test_search_stems_words_in_each_articles_language(tmp_path: Path) -> None:
    with databases("postgresql", tmp_path) as new_database:
        store = open_store(new_database())
        try:
            store.add_article(article(1, "Huset i Nordby brændte ned til grunden i nat.", "da"))
            store.add_article(article(2, "Bilen i Lindvik brann ner under natten.", "sv"))
            store.add_article(article(3, "Båtene sto igjen etter uværet.", "xx"))

            # "husene" (plural) finds the Danish "huset" through the Danish stemmer
            def found(text: str) -> list[str]:
                return [hit.article_id for hit in store.search_articles(SearchQuery(text)).hits]

            assert found("husene grund") == [f"{1:016x}"]
            # "bilar" and "bilen" share the Swedish stem
            assert found("bilar lindvik") == [f"{2:016x}"]
            # an unknown language is indexed word by word, prefixes still match
            assert found("båt*") == [f"{3:016x}"]
            assert found("båter") == []  # not stemmed
            hits = store.search_articles(SearchQuery("Nordby")).hits
            assert hits[0].snippet.count("\ue000Nordby\ue001") == 1
        finally:
            store.close()
    assert config_of("nb") == config_of("nn") == "norwegian"
    assert config_of("xx") == config_of(None) == "simple"


def _export(store: Store) -> dict[str, Any]:
    out = io.StringIO()
    write_export(store, out)
    exported: dict[str, Any] = json.loads(out.getvalue())
    for story in exported["stories"]:
        story["articles"] = sorted(story["articles"])
    return exported


@pytest.mark.slow
@pytest.mark.postgresql
def test_postgresql_and_sqlite_give_the_same_stories_and_reuse(
    seeds_dir: Path, example_dir: Path, tmp_path: Path
) -> None:
    """Done-when of issue 19: the seeds and the example corpus, ingested into each store, export
    the same articles, reuse links, duplicates, stories and dossiers."""
    sources = [str(seeds_dir), str(example_dir / "articles.jsonl")]
    exports = {}
    for kind in ("sqlite", "postgresql"):
        with databases(kind, tmp_path) as new_database:
            url = new_database()
            store = open_store(url)
            try:
                report = ingest(sources, load_settings(environ={}, db=url), store)
                assert not report.rejected
                exports[kind] = _export(store)
            finally:
                store.close()
    sqlite, postgresql = exports["sqlite"], exports["postgresql"]
    assert len(sqlite["articles"]) == 52
    assert any(article["reused"] for article in sqlite["articles"])
    assert any(article["duplicate_of"] for article in sqlite["articles"])
    assert len(sqlite["stories"]) > 1
    assert [a["id"] for a in postgresql["articles"]] == [a["id"] for a in sqlite["articles"]]
    for ours, theirs in zip(postgresql["articles"], sqlite["articles"], strict=True):
        assert ours == theirs, f"article {ours['id']} differs between the stores"
    assert postgresql["stories"] == sqlite["stories"]
