"""Search in the store (issue 21), on SQLite and PostgreSQL: spellings and languages folded through
the keys entities merge on, FTS5's own operators, filters, what each hit shows, clear errors for
malformed queries, and databases made before the keys existed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATABASES, databases
from newsloom.errors import QueryError
from newsloom.records import (
    Analysis,
    Article,
    DateOrigin,
    DatePrecision,
    EntityMention,
    EntityType,
    Paragraph,
    ParagraphKind,
)
from newsloom.store import SearchQuery, Store, open_store
from newsloom.store.catalog import StoryQuery
from newsloom.store.query_syntax import Both, Either, Term, Without, parse_query
from newsloom.store.snippets import MARK_END, MARK_START

# Invented articles in the manner of Scandinavian wire copy; each spells names its own way.
TEXTS = {
    "da1": (
        "da",
        "Uro i Kasakhstan",
        "Politiet i Kasakhstan anholdt natten til fredag 40 personer.",
    ),
    "nb1": ("nb", "Presidenten taler", "Tokayevs tale ble sendt på TV i Astana onsdag kveld."),
    "sv1": ("sv", "Möte i Moskva", "Kazakstans utrikesminister reser till Ryssland på måndag."),
    "en1": ("en", "Talks in Moscow", "Anders Berg met Russian officials; the talks ended early."),
    "da2": (
        "da",
        "Fodbold",
        "Andre hold vandt derbyet med 2-1 foran 9000 tilskuere i Ruslands hovedstad.",
    ),
}


def article(key: str, day: int = 1, **fields: object) -> Article:
    language, title, text = TEXTS[key]
    values: dict[str, object] = {
        "id": key,
        "content_hash": f"hash-{key}",
        "title": title,
        "paragraphs": (
            Paragraph(0, text, ParagraphKind.BODY, language),
            Paragraph(1, "Foto: Kasakhstan Pressefoto", ParagraphKind.CAPTION, language),
        ),
        "language": language,
        "published": datetime(2024, 3, day, 9, 30),
        "published_precision": DatePrecision.TIME,
        "published_origin": DateOrigin.METADATA,
        "source": f"Outlet {language}",
        "origin": f"{key}.txt",
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def ids(store: Store, text: str, **filters: object) -> list[str]:
    page = store.search_articles(SearchQuery(text=text, **filters))  # type: ignore[arg-type]
    assert page.total >= len(page.hits)
    return sorted(hit.article_id for hit in page.hits)


@pytest.fixture
def filled(store: Store) -> Store:
    for day, key in enumerate(TEXTS, start=1):
        store.add_article(article(key, day))
    return store


def test_spellings_and_languages_fold_to_one_key_issue_21(filled: Store) -> None:
    # Danish Kasakhstan, Swedish Kazakstans (genitive) and the English spelling are one place
    assert ids(filled, "Kazakhstan") == ["da1", "sv1"]
    assert ids(filled, "Kasakhstan") == ["da1", "sv1"]
    # a transliteration with j finds the y spelling in the genitive
    assert ids(filled, "Tokajev") == ["nb1"]
    # an exonym in another language, genitive included
    assert ids(filled, "Russia") == ["da2", "sv1"]
    assert ids(filled, "Moskva") == ["en1", "sv1"]  # titles too: Moskva, Moscow
    assert ids(filled, "Pressefoto") == []  # captions are not article text


def test_fts5_operators_and_never_and_as_a_prefix_issue_21(filled: Store) -> None:
    assert ids(filled, "Kazakhstan AND fredag") == ["da1"]
    assert ids(filled, "Kazakhstan fredag") == ["da1"]  # AND is implied
    assert ids(filled, "Tokajev OR derbyet") == ["da2", "nb1"]
    assert ids(filled, "Kazakhstan NOT fredag") == ["sv1"]
    assert ids(filled, '"natten til fredag"') == ["da1"]
    assert ids(filled, '"fredag til natten"') == []
    assert ids(filled, "hoved*") == ["da2"]
    assert ids(filled, "hoved") == []  # no prefix without the star
    assert ids(filled, "(Tokajev OR Kazakhstan) NOT utrikesminister") == ["da1", "nb1"]
    # AND in capitals is an operator, never a prefix of Anders or Andre
    assert ids(filled, "Berg AND talks") == ["en1"]
    assert ids(filled, "and") == []
    assert ids(filled, "Anders") == ["en1"]
    assert ids(filled, "Anders*") == ["en1"]  # a prefix is not stemmed to "and"


def test_filters_and_pagination(filled: Store) -> None:
    assert ids(filled, "Kazakhstan", language="sv") == ["sv1"]
    assert ids(filled, "Kazakhstan", outlet="outlet DA") == ["da1"]
    assert ids(filled, "Kazakhstan OR Tokajev", since=datetime(2024, 3, 2)) == ["nb1", "sv1"]
    assert ids(filled, "Kazakhstan OR Tokajev", until=datetime(2024, 3, 2)) == ["da1"]
    filled.put_story("story-a", "Uro i Kasakhstan")
    filled.assign_story("da1", "story-a")
    assert ids(filled, "Kazakhstan", story="story-a") == ["da1"]
    first = filled.search_articles(SearchQuery("Kazakhstan OR Tokajev OR Russia", limit=2))
    rest = filled.search_articles(SearchQuery("Kazakhstan OR Tokajev OR Russia", offset=2))
    assert first.total == rest.total == 4
    assert len(first.hits) == 2
    seen = [hit.article_id for hit in first.hits + rest.hits]
    assert sorted(seen) == ["da1", "da2", "nb1", "sv1"]


def test_a_hit_shows_date_at_its_precision_outlet_story_and_marked_snippet(store: Store) -> None:
    store.add_article(
        article("sv1", published_precision=DatePrecision.MONTH, published_origin=DateOrigin.TEXT)
    )
    store.put_story("story-b", "Kazakstans minister i Moskva")
    store.assign_story("sv1", "story-b")
    (hit,) = store.search_articles(SearchQuery("Kazakhstan")).hits
    assert hit.published == "2024-03"  # month precision: no made-up day
    assert hit.source == "Outlet sv"
    assert (hit.story_id, hit.story_title) == ("story-b", "Kazakstans minister i Moskva")
    assert f"{MARK_START}Kazakstans{MARK_END}" in hit.snippet  # the variant spelling is marked
    assert hit.snippet.count(MARK_START) == 1


def test_names_from_the_stored_analysis_are_searchable(store: Store) -> None:
    text = "Talsmannen i Det hvite hus kommenterte saken torsdag."
    store.add_article(
        Article(
            id="nb2",
            content_hash="nb2",
            title="Kommentar",
            paragraphs=(Paragraph(0, text, ParagraphKind.BODY, "nb"),),
            language="nb",
        )
    )
    assert ids(store, "White House") == []  # the words alone do not say it
    start = text.index("Det hvite hus")
    mention = EntityMention("Det hvite hus", EntityType.ORGANISATION, 0, start, start + 13)
    store.put_analysis(Analysis(article_id="nb2", entities=(mention,)))
    assert ids(store, '"White House"') == ["nb2"]  # the institution's name in English
    store.put_analysis(Analysis(article_id="nb2"))  # analysed again, without the name
    assert ids(store, '"White House"') == []


def test_stories_filtered_by_words_fold_spellings_too(filled: Store) -> None:
    filled.put_story("story-c", "Uro")
    filled.assign_story("da1", "story-c")
    page = filled.find_stories(StoryQuery(text="Kazakhstan"))
    assert [story.id for story in page.stories] == ["story-c"]


def test_a_database_made_before_the_keys_is_indexed_again_on_opening(db_url: str) -> None:
    store = open_store(db_url)
    store.add_article(article("da1"))
    store.put_analysis(Analysis(article_id="da1"))
    # back to the index of migration 001: title and body only, no keys
    with store.transaction() as connection:
        connection.execute("DROP TABLE articles_fts")
        if store.dialect == "postgresql":
            connection.execute(
                "CREATE TABLE articles_fts (article_id TEXT PRIMARY KEY, config REGCONFIG,"
                " title TEXT, body TEXT)"
            )
            connection.execute(
                "INSERT INTO articles_fts VALUES ('da1', 'danish', 'Uro', 'Politiet')"
            )
        else:
            connection.execute(
                "CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, body)"
            )
            connection.execute("INSERT INTO articles_fts VALUES ('da1', 'Uro', 'Politiet')")
        connection.execute("DELETE FROM migrations WHERE name = '012_search_keys'")
    store.close()
    again = open_store(db_url)
    try:
        assert "012_search_keys" in again.applied_migrations()
        assert ids(again, "Kazakhstan") == ["da1"]
        assert ids(again, '"natten til fredag"') == ["da1"]  # the whole body, from paragraphs
    finally:
        again.close()


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ('"Almaty', "never closed"),
        ("Almaty OR", "OR needs a word after it"),
        ("AND", "AND needs a word before it"),
        ("NOT Moskva", "NOT needs a word before it"),
        ("(Almaty OR Moskva", "never closed"),
        ("Almaty)", "no opening one"),
        ("()", "empty parentheses"),
        ("*", r"a \* must end a word"),
        ('""', "an empty phrase"),
        ("—", "no letters or digits"),
    ],
)
def test_a_malformed_query_is_a_clear_error(query: str, problem: str) -> None:
    with pytest.raises(QueryError, match=problem) as raised:
        parse_query(query)
    assert repr(query) in str(raised.value)


def test_the_parse_follows_fts5_precedence() -> None:
    almaty, moskva, oslo = Term(("Almaty",)), Term(("Moskva",)), Term(("Oslo",))
    assert parse_query("Almaty OR Moskva Oslo") == Either(almaty, Both(moskva, oslo))
    assert parse_query("Almaty Moskva NOT Oslo") == Both(almaty, Without(moskva, oslo))
    assert parse_query("Interfax-Kasakhstan*") == Term(("Interfax", "Kasakhstan"), prefix=True)
    assert parse_query('"a ""quoted"" word"') == Term(("a", "quoted", "word"))
    assert parse_query("  ") is None
    assert parse_query("and or not") == Both(Both(Term(("and",)), Term(("or",))), Term(("not",)))


@pytest.fixture(scope="module", params=DATABASES)
def fuzz_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with databases(request.param, tmp_path_factory.mktemp("fuzz")) as new_database:
        store = open_store(new_database())
        store.add_article(article("da1"))
        yield store
        store.close()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.sampled_from("ab *\"()-:^ANDORNOTæ\\'"), max_size=20))
def test_any_query_either_searches_or_says_what_is_wrong(fuzz_store: Store, text: str) -> None:
    try:
        fuzz_store.search_articles(SearchQuery(text))
    except QueryError as error:
        problem = str(error)
    else:
        problem = "search query"
    assert "search query" in problem  # never a database error
