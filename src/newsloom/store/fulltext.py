"""Full-text search, the one part of the store written twice: SQLite FTS5 and PostgreSQL tsvector.

Both index an article's title and body text (paragraphs of kind body) and answer a user's words
the same way: every word must occur, the last one as a prefix. SQLite folds diacritics and does
not stem; PostgreSQL stems with the text search configuration of the article's language
(:data:`CONFIGS`, ``simple`` for the others) and ranks title matches above body matches.
"""

from __future__ import annotations

from newsloom.store.connection import Connection, Values

# newsloom language code → PostgreSQL text search configuration
CONFIGS: dict[str, str] = {
    "da": "danish",
    "nb": "norwegian",
    "nn": "norwegian",
    "no": "norwegian",
    "sv": "swedish",
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
}
FALLBACK_CONFIG = "simple"
_ALL_CONFIGS = ", ".join(f"'{name}'" for name in sorted({*CONFIGS.values(), FALLBACK_CONFIG}))
# one query per configuration, matched against the articles indexed with it
_POSTGRESQL_QUERIES = (
    "(SELECT config, to_tsquery(config, ?) AS query"
    f" FROM unnest(ARRAY[{_ALL_CONFIGS}]::regconfig[]) AS config)"
)


def words_of(text: str) -> list[str]:
    """The searchable words of a user's query (letters and digits only)."""
    words = ["".join(ch for ch in word if ch.isalnum()) for word in text.split()]
    return [word for word in words if word]


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: every word must occur (prefix match on the last)."""
    words = words_of(text)
    if not words:
        return '""'
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def ts_query(text: str) -> str:
    """A user's words as a PostgreSQL tsquery text, the same meaning as :func:`fts_query`."""
    words = words_of(text)
    if not words:
        return ""  # an empty tsquery: matches nothing
    words[-1] += ":*"
    return " & ".join(words)


def config_of(language: str | None) -> str:
    """The PostgreSQL text search configuration for a newsloom language code."""
    return CONFIGS.get((language or "").split("-")[0].lower(), FALLBACK_CONFIG)


def index_article(
    connection: Connection, article_id: str, language: str | None, title: str, body: str
) -> None:
    if connection.dialect == "postgresql":
        connection.execute(
            "INSERT INTO articles_fts (article_id, config, title, body) VALUES (?, ?, ?, ?)",
            (article_id, config_of(language), title, body),
        )
    else:
        connection.execute(
            "INSERT INTO articles_fts (article_id, title, body) VALUES (?, ?, ?)",
            (article_id, title, body),
        )


def matching_ids(dialect: str, text: str) -> tuple[str, list[object]]:
    """A subquery of the ids of the articles matching ``text``, and its values."""
    if dialect == "postgresql":
        return (
            f"SELECT f.article_id FROM articles_fts f JOIN {_POSTGRESQL_QUERIES} q"
            " ON q.config = f.config WHERE f.document @@ q.query",
            [ts_query(text)],
        )
    return "SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?", [fts_query(text)]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def search_sql(
    dialect: str,
    text: str,
    *,
    marks: tuple[str, str],
    snippet_words: int,
    columns: str = "",
    joins: str = "",
) -> tuple[str, Values]:
    """A best-first search: ``article_id, title, snippet, score`` (higher is better) and any
    ``columns`` from ``joins`` (on ``f.article_id``); append ``LIMIT ? OFFSET ?`` and values."""
    start, end = marks
    extra = f", {columns}" if columns else ""
    if dialect == "postgresql":
        options = (
            f'StartSel="{start}", StopSel="{end}", MaxWords={snippet_words},'
            f' MinWords={max(1, snippet_words // 2)}, MaxFragments=1, FragmentDelimiter=" … "'
        )
        sql = (
            "SELECT f.article_id, f.title,"
            f" ts_headline(f.config, f.body, q.query, {_literal(options)}) AS snippet,"
            f" ts_rank_cd(f.document, q.query) AS score{extra}"
            f" FROM articles_fts f JOIN {_POSTGRESQL_QUERIES} q ON q.config = f.config {joins}"
            " WHERE f.document @@ q.query ORDER BY score DESC, f.article_id"
        )
        return sql, [ts_query(text)]
    sql = (
        "SELECT f.article_id, f.title,"
        f" snippet(articles_fts, 2, {_literal(start)}, {_literal(end)}, ' … ', {snippet_words})"
        f" AS snippet, -bm25(articles_fts) AS score{extra} FROM articles_fts f {joins}"
        " WHERE articles_fts MATCH ? ORDER BY score DESC"
    )
    return sql, [fts_query(text)]
