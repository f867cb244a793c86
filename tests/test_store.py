from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsloom.errors import QueryError, StoreError
from newsloom.records import Article, DateOrigin, DatePrecision, Paragraph, ParagraphKind
from newsloom.store import ArticleFilter, SearchQuery, Store, is_url, open_store
from newsloom.store.migrations import MIGRATIONS, statements


def make_article(number: int, text: str = "Body text", **fields: object) -> Article:
    values: dict[str, object] = {
        "id": f"{number:016x}",
        "content_hash": f"hash{number}",
        "title": f"Title {number}",
        "paragraphs": (
            Paragraph(0, f"{text} {number}.", ParagraphKind.BODY, "da"),
            Paragraph(1, "Foto: Someone", ParagraphKind.CREDIT, "da"),
        ),
        "language": "da",
        "published": datetime(2025, 3, number % 28 + 1, 12, 0),
        "published_precision": DatePrecision.TIME,
        "published_origin": DateOrigin.METADATA,
        "source": "Outlet",
        "origin": f"file{number}.txt",
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def test_migrations_are_recorded_in_order(store: Store) -> None:
    assert store.applied_migrations() == sorted(name for name, _ in MIGRATIONS)


def test_reopening_applies_no_migration_twice(db_url: str) -> None:
    open_store(db_url).close()
    again = open_store(db_url)
    assert len(again.applied_migrations()) == len(MIGRATIONS)
    again.close()


def test_article_round_trip(store: Store) -> None:
    article = make_article(1, agencies=("Ritzau",), url="https://example.org/a")
    assert store.add_article(article) is True
    assert store.get_article(article.id) == article


def test_adding_the_same_article_twice_changes_nothing(store: Store) -> None:
    article = make_article(2)
    assert store.add_article(article)
    assert not store.add_article(article)
    assert store.count_articles() == 1


def test_filters(store: Store) -> None:
    store.add_article(make_article(3, language="nb", source="Avis"))
    store.add_article(make_article(4))
    assert [a.id for a in store.list_articles(ArticleFilter(language="nb"))] == [f"{3:016x}"]
    assert [a.id for a in store.list_articles(ArticleFilter(source="avis"))] == [f"{3:016x}"]
    since = datetime(2025, 3, 5)
    assert [a.id for a in store.list_articles(ArticleFilter(since=since))] == [f"{4:016x}"]


def test_full_text_search_finds_body_words(store: Store) -> None:
    store.add_article(make_article(5, text="Færgen sank ved Læsø"))
    store.add_article(make_article(6, text="Noget helt andet"))
    hits = store.search_articles(SearchQuery("færgen")).hits
    assert [hit.article_id for hit in hits] == [f"{5:016x}"]
    assert store.search_articles(SearchQuery("credit someone")).hits == ()  # captions, credits


def test_search_reads_fts5_syntax_and_names_what_is_malformed(store: Store) -> None:
    store.add_article(make_article(7, text="Politiet oplyser"))
    hits = store.search_articles(SearchQuery('"politiet" (oplys*)')).hits
    assert [hit.article_id for hit in hits] == [f"{7:016x}"]
    with pytest.raises(QueryError, match="never closed"):
        store.search_articles(SearchQuery('"politiet (oplyser*'))
    assert store.search_articles(SearchQuery("")).total == 0


def test_read_only_store_refuses_writes(db_url: str) -> None:
    with pytest.raises(StoreError, match="no newsloom tables"):
        open_store(db_url if is_url(db_url) else _empty_file(db_url), read_only=True)
    writer = open_store(db_url)
    writer.add_article(make_article(7))
    read_only = open_store(db_url, read_only=True)
    assert read_only.has_article(f"{7:016x}")
    with pytest.raises(StoreError, match="read-only"):
        read_only.add_article(make_article(8))
    read_only.close()
    writer.close()


def test_read_only_store_needs_every_migration(db_url: str) -> None:
    writer = open_store(db_url)
    last = MIGRATIONS[-1][0]
    with writer.transaction() as connection:  # as if an older newsloom had made the database
        connection.execute("DELETE FROM migrations WHERE name = ?", (last,))
    with pytest.raises(StoreError, match=f"lacks migrations {last}"):
        open_store(db_url, read_only=True)
    writer.close()


def _empty_file(path: str) -> str:
    Path(path).touch()
    return path


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "x.db")


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        open_store(path)


def test_unknown_url_scheme_names_the_available_ones() -> None:
    with pytest.raises(StoreError, match="available: sqlite"):
        open_store("mysql://localhost/x")


def test_failed_transaction_keeps_what_was_committed(store: Store) -> None:
    store.add_article(make_article(9))

    def fail_midway() -> None:
        with store.transaction():
            store.add_article(make_article(10))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        fail_midway()
    assert store.has_article(f"{9:016x}")
    assert not store.has_article(f"{10:016x}")


def test_a_failed_savepoint_is_undone_alone_and_its_transaction_commits_the_rest_issue_19(
    store: Store,
) -> None:
    """An article written in a savepoint of a longer transaction: a failed statement in it
    (a foreign key, which aborts a PostgreSQL transaction) undoes that article alone, and what
    came before and after it commits."""
    errors = store.connection.errors  # type: ignore[attr-defined]

    def write_badly(number: int) -> None:
        with store.savepoint() as connection:
            store.add_article(make_article(number))
            connection.execute(  # no such article
                "INSERT INTO reuse_shares (article_id, share) VALUES (?, ?)", ("nope", 1.0)
            )

    def fail(number: int) -> None:
        with store.savepoint():
            store.add_article(make_article(number))
            raise RuntimeError("boom")

    with store.transaction():
        with store.savepoint():
            store.add_article(make_article(11))
        with pytest.raises(errors):
            write_badly(12)
        with pytest.raises(RuntimeError):
            fail(13)
        with store.savepoint():
            store.add_article(make_article(14))
    assert [a.id for a in store.iter_articles()] == [f"{11:016x}", f"{14:016x}"]
    with store.savepoint():  # outside a transaction: one of its own
        store.add_article(make_article(15))
    assert store.has_article(f"{15:016x}")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_any_text_round_trips(new_database: Callable[[], str], text: str) -> None:
    url = new_database()
    if is_url(url):
        assume("\x00" not in text)  # PostgreSQL text has no NUL; normalize removes it anyway
    opened = open_store(url)
    article = make_article(11, text=text)
    opened.add_article(article)
    assert opened.get_article(article.id) == article
    opened.close()


def test_database_is_plain_sqlite(db_path: Path) -> None:
    store = open_store(db_path)
    store.add_article(make_article(12))
    store.close()
    connection = sqlite3.connect(db_path)
    assert connection.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    connection.close()


# --- one time rule in the store (issue 15): publication times sort by instant -------------------

MIXED = {  # id number → published: the text order is not the order in time
    1: datetime.fromisoformat("2025-03-05T10:00:00+02:00"),  # 08:00 UTC
    2: datetime.fromisoformat("2025-03-05T09:00:00+00:00"),  # 09:00 UTC
    3: datetime.fromisoformat("2025-03-05T08:30:00"),  # naive: 08:30 UTC
    4: datetime.fromisoformat("2025-03-05T04:15:00.250-05:00"),  # 09:15:00.250 UTC
}


def test_articles_and_stories_sort_by_instant_whatever_the_offset(store: Store) -> None:
    for number, published in MIXED.items():
        store.add_article(make_article(number, published=published))
    store.put_story("s1", "One")
    for number in MIXED:
        store.assign_story(f"{number:016x}", "s1")
    oldest = [a.id for a in store.list_articles(ArticleFilter(limit=None))]
    assert oldest == [f"{n:016x}" for n in (1, 3, 2, 4)]
    newest = [a.id for a in store.list_articles(ArticleFilter(limit=None, newest_first=True))]
    assert newest == oldest[::-1]
    since = datetime.fromisoformat("2025-03-05T10:45:00+02:00")  # 08:45 UTC
    later = store.list_articles(ArticleFilter(limit=None, since=since))
    assert [a.id for a in later] == [f"{n:016x}" for n in (2, 4)]
    story = store.get_story_row("s1")
    assert story is not None
    assert story.first_seen is not None
    assert story.first_seen.startswith("2025-03-05T10:00:00+02:00")  # its own value, not UTC
    assert story.last_seen is not None
    assert story.last_seen.startswith("2025-03-05T04:15:00.250")


def test_the_migration_fills_the_sort_key_as_the_store_writes_it(store: Store) -> None:
    """Migration 013 computes the key in SQL for articles stored before it; it must agree with
    what newsloom writes for new ones, on both stores."""
    for number, published in MIXED.items():
        store.add_article(make_article(number, published=published))
    written = {
        row["id"]: row["published_utc"]
        for row in store.connection.execute("SELECT id, published_utc FROM articles").fetchall()
    }
    (migration,) = [m for m in MIGRATIONS if m[0] == "013_published_utc"]
    backfill = [s for s in statements(migration, store.dialect) if s.startswith("UPDATE")]
    with store.transaction() as connection:
        connection.execute("UPDATE articles SET published_utc = NULL")
        for statement in backfill:
            connection.execute(statement)
    filled = {
        row["id"]: row["published_utc"]
        for row in store.connection.execute("SELECT id, published_utc FROM articles").fetchall()
    }
    assert filled == written
    assert written[f"{4:016x}"] == "2025-03-05T09:15:00.250"


def _stored_rows(url: str) -> list[list[tuple[object, ...]]]:
    opened = open_store(url)
    try:
        return [
            [tuple(row) for row in opened.connection.execute(sql).fetchall()]  # type: ignore[attr-defined]
            for sql in (
                "SELECT article_id, title, body, forms, names FROM articles_fts"
                " ORDER BY article_id",
                "SELECT article_id, version, payload FROM analyses ORDER BY article_id",
                "SELECT article_id, position, text, kind, language FROM paragraphs"
                " ORDER BY article_id, position",
            )
        ]
    finally:
        opened.close()


def test_an_article_stored_with_its_analysis_is_stored_as_in_two_steps(
    new_database: Callable[[], str],
) -> None:
    """``add_article(article, analysis)`` indexes the text once, names included: the rows are
    those of ``add_article`` then ``put_analysis``, for a new article and a stored one."""
    from newsloom.records import Analysis, EntityMention, EntityType

    def analysis_of(article: Article, names: tuple[str, ...]) -> Analysis:
        mentions = tuple(EntityMention(name, EntityType.PERSON, 0, 0, len(name)) for name in names)
        return Analysis(article_id=article.id, entities=mentions)

    first, second = make_article(1), make_article(2, text="Jevgenij Prigozjin sagde")
    analyses = [analysis_of(first, ()), analysis_of(second, ("Jevgenij Prigozjin", "Prigozjins"))]
    urls = new_database(), new_database()
    two_steps, together = (open_store(url) for url in urls)
    for article, analysis in zip((first, second), analyses, strict=True):
        assert two_steps.add_article(article)
        two_steps.put_analysis(analysis)
        assert together.add_article(article, analysis)
    third = make_article(3)  # already stored: its analysis is stored all the same
    later = analysis_of(third, ("Yevgeny Prigozhin",))
    for opened in (two_steps, together):
        assert opened.add_article(third)
    two_steps.put_analysis(later)
    assert not together.add_article(third, later)
    for opened in (two_steps, together):
        assert opened.get_analysis(third.id) == later
        opened.close()
    rows = _stored_rows(urls[0])
    assert rows == _stored_rows(urls[1])
    names = [row[-1] for row in rows[0]]
    assert names[0] == ""  # no entities: names empty, not missing
    assert all(names[1:]), names
