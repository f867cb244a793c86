"""Per-article analysis results (entities, quotes, figures, time expressions)."""

from __future__ import annotations

from newsloom.records import Analysis
from newsloom.store.base import StoreBase
from newsloom.store.codec import ANALYSIS_VERSION, analysis_from_json, analysis_to_json
from newsloom.store.connection import Connection
from newsloom.store.fulltext import index_names, names_of


def write_analysis(connection: Connection, analysis: Analysis, payload: str | None = None) -> None:
    """The analysis row (replacing one stored before); its names are indexed apart. ``payload``:
    the analysis already encoded (:func:`~newsloom.store.codec.analysis_to_json`)."""
    connection.execute(
        "INSERT INTO analyses (article_id, version, payload) VALUES (?, ?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET version = excluded.version,"
        " payload = excluded.payload",
        (
            analysis.article_id,
            ANALYSIS_VERSION,
            analysis_to_json(analysis) if payload is None else payload,
        ),
    )


def put_analysis(connection: Connection, analysis: Analysis) -> None:
    """The analysis row, and the names it mentions in the stored article's index."""
    write_analysis(connection, analysis)
    row = connection.execute(
        "SELECT language FROM articles WHERE id = ?", (analysis.article_id,)
    ).fetchone()
    if row is not None:  # the names it mentions, folded, for search
        names = names_of(analysis.article_id, row["language"], analysis.entities)
        index_names(connection, analysis.article_id, names)


class AnalysisQueries(StoreBase):
    def put_analysis(self, analysis: Analysis) -> None:
        with self.transaction() as connection:
            put_analysis(connection, analysis)

    def get_analysis(self, article_id: str) -> Analysis | None:
        row = self.connection.execute(
            "SELECT payload FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        return analysis_from_json(row["payload"]) if row else None

    def article_ids_without_analysis(self) -> list[str]:
        rows = self.connection.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id"
            " WHERE n.article_id IS NULL"
            " ORDER BY a.published_utc IS NOT NULL, a.published_utc, a.rowid"
        ).fetchall()
        return [row["id"] for row in rows]
