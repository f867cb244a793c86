"""Ordered, named schema migrations, recorded in the ``migrations`` table of the database.

Append new migrations at the end; never edit one that has landed. A migration's SQL is written
once, in SQLite's spelling, and :func:`statements` adapts it to PostgreSQL (types, a ``rowid``
identity column like SQLite's implicit one, byte-order text comparison like SQLite's). Where the
two really differ (full-text search), a migration gives one text per dialect.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from newsloom.errors import StoreError

Migration = tuple[str, str | Mapping[str, str]]

FULLTEXT_SQLITE = """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
        );
"""
# One row per article: its text search configuration (from its language), title and body, and
# the tsvector made from them, title weighted above body; a GIN index answers the matches.
FULLTEXT_POSTGRESQL = """
        CREATE TABLE articles_fts (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            config REGCONFIG NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            document TSVECTOR GENERATED ALWAYS AS (
                setweight(to_tsvector(config, title), 'A')
                || setweight(to_tsvector(config, body), 'B')
            ) STORED
        );
        CREATE INDEX articles_fts_document ON articles_fts USING GIN (document);
"""
# 012: the index gains the folded keys of each article's words (forms) and entity names (names);
# the table is made again and filled from the stored articles (store.search.reindex_articles).
SEARCH_KEYS_SQLITE = """
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            article_id UNINDEXED, title, body, forms, names,
            tokenize = 'unicode61 remove_diacritics 2'
        );
"""
# Publication times sort by instant, not by their text ("10:00+02:00" is before "09:00+00:00"): a
# UTC key per article, as newsloom.time_order.utc_sort_key writes it (a naive time is UTC).
PUBLISHED_UTC_SQLITE = """
        ALTER TABLE articles ADD COLUMN published_utc TEXT;
        UPDATE articles SET published_utc = strftime('%Y-%m-%dT%H:%M:%f', published)
            WHERE published IS NOT NULL;
        CREATE INDEX articles_published_utc ON articles (published_utc);
"""
PUBLISHED_UTC_POSTGRESQL = """
        ALTER TABLE articles ADD COLUMN published_utc TEXT;
        UPDATE articles SET published_utc = to_char(
            CASE WHEN published ~ '([+-][0-9][0-9](:|)[0-9][0-9]|Z)$'
                THEN published::timestamptz AT TIME ZONE 'UTC'
                ELSE published::timestamp END,
            'YYYY-MM-DD"T"HH24:MI:SS.MS') WHERE published IS NOT NULL;
        CREATE INDEX articles_published_utc ON articles (published_utc);
"""
SEARCH_KEYS_POSTGRESQL = """
        DROP TABLE articles_fts;
        CREATE TABLE articles_fts (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            config REGCONFIG NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            forms TEXT NOT NULL DEFAULT '',
            names TEXT NOT NULL DEFAULT '',
            document TSVECTOR GENERATED ALWAYS AS (
                setweight(to_tsvector(config, title), 'A')
                || setweight(to_tsvector(config, body), 'B')
                || setweight(to_tsvector('simple'::regconfig, forms), 'D')
                || setweight(to_tsvector('simple'::regconfig, names), 'D')
            ) STORED
        );
        CREATE INDEX articles_fts_document ON articles_fts USING GIN (document);
"""
ARTICLES = """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            title TEXT NOT NULL,
            language TEXT,
            published TEXT,
            published_precision TEXT,
            published_origin TEXT,
            source TEXT,
            url TEXT,
            agencies TEXT NOT NULL DEFAULT '[]',
            external_id TEXT,
            origin TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_content_hash ON articles(content_hash);
        CREATE INDEX articles_source ON articles(source);
        CREATE INDEX articles_language ON articles(language);
        CREATE TABLE paragraphs (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            language TEXT,
            PRIMARY KEY (article_id, position)
        );
"""

MIGRATIONS: Final[tuple[Migration, ...]] = (
    (
        "001_articles",
        {"sqlite": ARTICLES + FULLTEXT_SQLITE, "postgresql": ARTICLES + FULLTEXT_POSTGRESQL},
    ),
    (
        "002_analyses",
        """
        CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            payload TEXT NOT NULL
        );
        """,
    ),
    (
        "003_reuse",
        """
        CREATE TABLE signatures (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            scheme TEXT NOT NULL,
            signature BLOB NOT NULL,
            PRIMARY KEY (article_id, scheme)
        );
        CREATE TABLE duplicates (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            duplicate_of TEXT NOT NULL,
            similarity REAL NOT NULL
        );
        CREATE TABLE reused_passages (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            paragraph INTEGER NOT NULL,
            other_article TEXT NOT NULL,
            other_paragraph INTEGER NOT NULL,
            similarity REAL NOT NULL,
            origin_article TEXT,
            origin_agency TEXT,
            PRIMARY KEY (article_id, paragraph, other_article, other_paragraph)
        );
        CREATE INDEX reused_passages_other ON reused_passages(other_article);
        CREATE TABLE reuse_shares (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            share REAL NOT NULL
        );
        """,
    ),
    (
        "004_stories",
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            state BLOB,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL REFERENCES stories(id)
        );
        CREATE INDEX story_articles_story ON story_articles(story_id);
        """,
    ),
    (
        "005_runs",
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            report TEXT
        );
        """,
    ),
    (
        "006_cluster_state",
        """
        ALTER TABLE stories ADD COLUMN last_activity REAL;
        CREATE INDEX stories_last_activity ON stories(last_activity);
        CREATE TABLE cluster_terms (
            feature TEXT PRIMARY KEY,
            articles INTEGER NOT NULL
        );
        """,
    ),
    (
        "007_cluster_embeddings",
        """
        CREATE TABLE cluster_embeddings (
            language TEXT PRIMARY KEY,
            articles INTEGER NOT NULL,
            total TEXT NOT NULL
        );
        """,
    ),
    (
        "008_cluster_gaps",
        """
        CREATE TABLE cluster_gaps (
            bucket TEXT PRIMARY KEY,
            articles INTEGER NOT NULL
        );
        """,
    ),
    (
        "009_inferred_dates",
        """
        ALTER TABLE articles ADD COLUMN published_evidence TEXT;
        CREATE TABLE given_dates (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            published TEXT,
            published_precision TEXT,
            published_origin TEXT
        );
        """,
    ),
    (
        "010_feeds",
        """
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            failures INTEGER NOT NULL DEFAULT 0,
            next_poll REAL,
            polled_at TEXT,
            last_status TEXT
        );
        CREATE TABLE feed_items (
            feed_url TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
            item_key TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_url, item_key)
        );
        """,
    ),
    (
        "011_writer_generation",
        """
        CREATE TABLE writer_generation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            generation INTEGER NOT NULL
        );
        """,
    ),
    ("012_search_keys", {"sqlite": SEARCH_KEYS_SQLITE, "postgresql": SEARCH_KEYS_POSTGRESQL}),
    ("013_published_utc", {"sqlite": PUBLISHED_UTC_SQLITE, "postgresql": PUBLISHED_UTC_POSTGRESQL}),
)


_CREATE_TABLE = re.compile(r"^(CREATE TABLE (?:IF NOT EXISTS )?\w+\s*\()", re.IGNORECASE)
_POSTGRESQL_TYPES = (
    (
        re.compile(r"\bINTEGER PRIMARY KEY AUTOINCREMENT\b"),
        "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    ),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),  # SQLite's REAL is 8 bytes, PostgreSQL's 4
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'),  # order text by code point, as SQLite does
)


def table_names() -> list[str]:
    """Every table the migrations create (what removing a store drops), newest first."""
    names: list[str] = ["migrations"]
    for migration in MIGRATIONS:
        for statement in statements(migration, "sqlite"):
            found = re.match(r"CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?(\w+)", statement)
            if found and found.group(1) not in names:
                names.append(found.group(1))
    return names[::-1]


def statements(migration: Migration, dialect: str) -> list[str]:
    """The statements of ``migration`` for ``dialect`` ("sqlite" or "postgresql")."""
    name, sql = migration
    if not isinstance(sql, str):
        if dialect not in sql:
            raise StoreError(f"migration {name} has no {dialect} variant")
        sql = sql[dialect]
    parts = [part.strip() for part in sql.split(";") if part.strip()]
    if dialect == "sqlite":
        return parts
    return [_postgresql(name, part) for part in parts]


def _postgresql(name: str, statement: str) -> str:
    if re.match(r"CREATE VIRTUAL TABLE", statement, re.IGNORECASE):
        raise StoreError(
            f"migration {name}: a virtual table is SQLite's own; give the migration a"
            " postgresql variant"
        )
    pieces = statement.split("'")
    for index in range(0, len(pieces), 2):  # outside string literals
        for pattern, replacement in _POSTGRESQL_TYPES:
            pieces[index] = pattern.sub(replacement, pieces[index])
    statement = "'".join(pieces)
    # SQLite gives every table a rowid; store queries order by it
    return _CREATE_TABLE.sub(r"\1 rowid BIGINT GENERATED ALWAYS AS IDENTITY,", statement)
