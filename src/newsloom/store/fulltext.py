"""Full-text search, the one part of the store written twice: SQLite FTS5 and PostgreSQL tsvector.

Both index an article's title and body text, and beside them two columns of *keys*: ``forms``,
each word of title and body folded by :func:`newsloom.entities.canonical.name_key` (the key
entity mentions merge on: exonyms, transliterations, a known place's genitive), one key per word
in order so phrases still match; and ``names``, the keys of the entities analyze found in the
article, merged as :func:`~newsloom.entities.canonical.canonicalize` merges them (``Jeltsins``
beside ``Jeltsin`` is one name). A query (:mod:`newsloom.store.query_syntax`) is folded the same
way: each term matches its own words in title or body, or its key among the keys, or the key with
a genitive ``-s``. So ``Ukraine`` finds ``Ukraina`` and ``Ukrainas``, and ``Yeltsin``
finds ``Jeltsins``.

SQLite folds diacritics and does not stem; PostgreSQL stems title and body with the text search
configuration of the article's language (:data:`CONFIGS`, ``simple`` for the others), and keys
with ``simple``; both rank title matches above body matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from newsloom.entities.canonical import canonicalize, name_key
from newsloom.records import EntityMention
from newsloom.store.connection import Connection, Values
from newsloom.store.query_syntax import WORD, Both, Either, Node, Term, Without

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
# SQLite ranks: the columns article_id, title, body, forms, names
_BM25 = "bm25(articles_fts, 0.0, 4.0, 1.0, 1.0, 2.0)"


def config_of(language: str | None) -> str:
    """The PostgreSQL text search configuration for a newsloom language code."""
    return CONFIGS.get((language or "").split("-")[0].lower(), FALLBACK_CONFIG)


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The folded form of one word: its name key (may be several words, ``USA`` →
    ``united states``); numbers stay as written."""
    if word.isdigit():
        return word
    return name_key(word) or word.casefold()


def forms_of(text: str) -> str:
    """The ``forms`` column: every word of ``text`` folded, in order."""
    return " ".join(map(word_key, WORD.findall(text)))


def names_of(article_id: str, language: str | None, mentions: Sequence[EntityMention]) -> str:
    """The ``names`` column: the keys of the article's entities, each merged as in a story."""
    keys: list[str] = []
    for entity in canonicalize({article_id: mentions}, {article_id: language}):
        for name in (entity.name, *entity.variants):
            key = name_key(name)
            if key and key not in keys:
                keys.append(key)
    return " ; ".join(keys)


def index_article(
    connection: Connection,
    article_id: str,
    language: str | None,
    title: str,
    body: str,
    names: str | None = None,
    forms: str | None = None,
) -> None:
    """Index a stored article's text, and its ``names`` when its analysis is at hand (else they
    come with its analysis, :func:`index_names`: indexing once is cheaper than twice); ``forms``:
    its :func:`forms_of` already made."""
    if forms is None:
        forms = forms_of(f"{title}\n{body}")
    named = ", names" if names is not None else ""
    extra: tuple[str, ...] = (names,) if names is not None else ()
    if connection.dialect == "postgresql":
        connection.execute(
            f"INSERT INTO articles_fts (article_id, config, title, body, forms{named})"
            f" VALUES (?, ?, ?, ?, ?{', ?' if extra else ''})",
            (article_id, config_of(language), title, body, forms, *extra),
        )
    else:  # the article's rowid, so its row is found again without a scan
        connection.execute(
            f"INSERT INTO articles_fts (rowid, article_id, title, body, forms{named})"
            f" SELECT rowid, id, ?, ?, ?{', ?' if extra else ''} FROM articles WHERE id = ?",
            (title, body, forms, *extra, article_id),
        )


def index_names(connection: Connection, article_id: str, names: str) -> None:
    """Set the ``names`` column of an indexed article (from its stored analysis)."""
    if connection.dialect == "postgresql":
        connection.execute(
            "UPDATE articles_fts SET names = ? WHERE article_id = ?", (names, article_id)
        )
    else:
        connection.execute(
            "UPDATE articles_fts SET names = ?"
            " WHERE rowid = (SELECT rowid FROM articles WHERE id = ?)",
            (names, article_id),
        )


def term_keys(term: Term) -> list[tuple[str, ...]]:
    """The key sequences a term matches among the keys: the words folded one by one, the whole
    term folded as one name (``Det hvite hus`` → ``white house``), and either with a genitive
    ``-s`` on the last word (``Jeltsin`` → ``Jeltsins``), except after a prefix."""
    found: list[tuple[str, ...]] = []
    whole = " ".join(term.words)
    for folded in (" ".join(word_key(word) for word in term.words), word_key(whole)):
        words = tuple(WORD.findall(folded))
        if not words:
            continue
        candidates = [words]
        if not term.prefix and not words[-1].endswith("s") and not words[-1].isdigit():
            candidates.append((*words[:-1], words[-1] + "s"))
        found.extend(candidate for candidate in candidates if candidate not in found)
    return found


# --- SQLite FTS5 ------------------------------------------------------------------------------


def _fts_phrase(words: Iterable[str], prefix: bool) -> str:
    return '"' + " ".join(words) + '"' + ("*" if prefix else "")


def fts_match(node: Node) -> str:
    """The FTS5 MATCH expression for a parsed query."""
    if isinstance(node, Term):
        choices = [f"{{title body}} : {_fts_phrase(node.words, node.prefix)}"]
        choices += [
            f"{{forms names}} : {_fts_phrase(keys, node.prefix)}" for keys in term_keys(node)
        ]
        return "(" + " OR ".join(choices) + ")"
    if isinstance(node, Both):
        return f"({fts_match(node.left)} AND {fts_match(node.right)})"
    if isinstance(node, Either):
        return f"({fts_match(node.left)} OR {fts_match(node.right)})"
    return f"({fts_match(node.kept)} NOT {fts_match(node.dropped)})"


# --- PostgreSQL tsquery -----------------------------------------------------------------------


def _ts_phrase(words: Sequence[str], prefix: bool, weights: str) -> str:
    lexemes = [f"'{word}':{weights}" for word in words]
    if prefix:
        lexemes[-1] = f"'{words[-1]}':*{weights}"
    return "(" + " <-> ".join(lexemes) + ")"


def ts_query(node: Node) -> tuple[str, list[object]]:
    """A SQL tsquery expression (over the column ``config``) for a parsed query, and its values.

    Words are stemmed with each article's configuration (a prefix is not) and match title and
    body (weights A, B); keys are matched as written (``simple``) among the keys (weight D).
    """
    if isinstance(node, Term):
        words = _ts_phrase(node.words, node.prefix, "AB")
        keys = " | ".join(_ts_phrase(keys, node.prefix, "D") for keys in term_keys(node))
        # a prefix is not stemmed: the stem of "Anders" is "and", and "and:*" finds "andre"
        config = "'simple'::regconfig" if node.prefix else "config"
        sql = f"(to_tsquery({config}, ?) || to_tsquery('simple'::regconfig, ?))"
        return sql, [words, keys]
    if isinstance(node, Without):
        kept, kept_values = ts_query(node.kept)
        dropped, dropped_values = ts_query(node.dropped)
        return f"({kept} && !!{dropped})", [*kept_values, *dropped_values]
    operator = "&&" if isinstance(node, Both) else "||"
    left, left_values = ts_query(node.left)
    right, right_values = ts_query(node.right)
    return f"({left} {operator} {right})", [*left_values, *right_values]


def _postgresql_queries(node: Node) -> tuple[str, list[object]]:
    """One query per configuration, to join on the articles indexed with it."""
    expression, values = ts_query(node)
    return (
        f"(SELECT config, {expression} AS query"
        f" FROM unnest(ARRAY[{_ALL_CONFIGS}]::regconfig[]) AS config)",
        values,
    )


# --- both -------------------------------------------------------------------------------------


def matching_ids(dialect: str, node: Node) -> tuple[str, list[object]]:
    """A subquery of the ids of the articles matching a parsed query, and its values."""
    if dialect == "postgresql":
        queries, values = _postgresql_queries(node)
        return (
            f"SELECT f.article_id FROM articles_fts f JOIN {queries} q"
            " ON q.config = f.config WHERE f.document @@ q.query",
            values,
        )
    return "SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?", [fts_match(node)]


def search_sql(
    dialect: str, node: Node, *, columns: str, joins: str, where: str = ""
) -> tuple[str, Values]:
    """A best-first search: ``article_id, title, body, score`` (higher is better) and
    ``columns`` from ``joins`` (on ``f.article_id``), with the extra conditions ``where``."""
    condition = f" AND {where}" if where else ""
    if dialect == "postgresql":
        queries, values = _postgresql_queries(node)
        sql = (
            "SELECT f.article_id, f.title, f.body,"
            f" ts_rank_cd(f.document, q.query) AS score, {columns}"
            f" FROM articles_fts f JOIN {queries} q ON q.config = f.config {joins}"
            f" WHERE f.document @@ q.query{condition}"
        )
        return sql, values
    sql = (
        f"SELECT f.article_id, f.title, f.body, -{_BM25} AS score, {columns}"
        f" FROM articles_fts f {joins} WHERE articles_fts MATCH ?{condition}"
    )
    return sql, [fts_match(node)]
