"""Near-duplicates, reused passages and MinHash signatures."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from newsloom.records import ReusedPassage, ReuseIndexRow, ReuseResult
from newsloom.store.base import StoreBase
from newsloom.store.connection import Row

PASSAGE_COLUMNS = (
    "article_id",
    "paragraph",
    "other_article",
    "other_paragraph",
    "similarity",
    "origin_article",
    "origin_agency",
)


@dataclass(frozen=True, slots=True)
class ReusedArticleRow:
    """An article with copied content: how much, and where the copied passages come from."""

    article_id: str
    title: str
    source: str | None
    published: str | None
    reused_share: float
    passages: int  # reused paragraphs
    duplicate_of: str | None
    origins: tuple[
        tuple[str, str | None, str | None, int], ...
    ]  # (article, outlet, agency, paragraphs)


class ReuseQueries(StoreBase):
    def put_reuse(self, result: ReuseResult) -> None:
        with self.transaction() as connection:
            connection.execute("DELETE FROM duplicates WHERE article_id = ?", (result.article_id,))
            connection.execute(
                "DELETE FROM reused_passages WHERE article_id = ?", (result.article_id,)
            )
            if result.duplicate_of is not None:
                connection.execute(
                    "INSERT INTO duplicates (article_id, duplicate_of, similarity)"
                    " VALUES (?, ?, ?)",
                    (result.article_id, result.duplicate_of, result.duplicate_similarity or 1.0),
                )
            rows = {  # one row per key, the last one winning (as INSERT OR REPLACE did)
                (p.article, p.paragraph, p.other_article, p.other_paragraph): (
                    p.similarity,
                    p.origin_article,
                    p.origin_agency,
                )
                for p in result.passages
            }
            connection.insert_rows(
                "reused_passages",
                PASSAGE_COLUMNS,
                [(*key, *value) for key, value in rows.items()],
            )
            connection.execute(
                "INSERT OR REPLACE INTO reuse_shares (article_id, share) VALUES (?, ?)",
                (result.article_id, result.reused_share),
            )

    def get_reuse(self, article_id: str) -> ReuseResult | None:
        share = self.connection.execute(
            "SELECT share FROM reuse_shares WHERE article_id = ?", (article_id,)
        ).fetchone()
        if share is None:
            return None
        duplicate = self.connection.execute(
            "SELECT duplicate_of, similarity FROM duplicates WHERE article_id = ?", (article_id,)
        ).fetchone()
        rows = self.connection.execute(
            "SELECT * FROM reused_passages WHERE article_id = ?"
            " ORDER BY paragraph, similarity DESC, rowid",
            (article_id,),
        ).fetchall()
        return ReuseResult(
            article_id=article_id,
            duplicate_of=duplicate["duplicate_of"] if duplicate else None,
            duplicate_similarity=duplicate["similarity"] if duplicate else None,
            passages=tuple(_passage(row) for row in rows),
            reused_share=float(share["share"]),
        )

    def put_signature(self, article_id: str, scheme: str, signature: bytes) -> None:
        with self.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO signatures (article_id, scheme, signature)"
                " VALUES (?, ?, ?)",
                (article_id, scheme, signature),
            )

    def iter_signatures(self, scheme: str | None = None) -> list[tuple[str, str, bytes]]:
        where, values = (" WHERE s.scheme = ?", [scheme]) if scheme is not None else ("", [])
        rows = self.connection.execute(
            "SELECT s.article_id, s.scheme, s.signature FROM signatures s"
            f" JOIN articles a ON a.id = s.article_id{where}"
            " ORDER BY a.published_utc IS NOT NULL, a.published_utc, a.rowid",
            values,
        ).fetchall()
        return [(row["article_id"], row["scheme"], bytes(row["signature"])) for row in rows]

    def reuse_index_rows(self) -> list[ReuseIndexRow]:
        """Every article with stored signatures, in the order the reuse index added them."""
        signatures: dict[str, dict[str, bytes]] = {}
        order: list[str] = []
        for row in self.connection.execute(
            "SELECT article_id, scheme, signature FROM signatures ORDER BY rowid"
        ):
            if row["article_id"] not in signatures:
                signatures[row["article_id"]] = {}
                order.append(row["article_id"])
            signatures[row["article_id"]][row["scheme"]] = bytes(row["signature"])
        result: list[ReuseIndexRow] = []
        for start in range(0, len(order), 500):
            batch = order[start : start + 500]
            marks = ",".join("?" * len(batch))
            rows = {
                row["id"]: row
                for row in self.connection.execute(
                    "SELECT a.id, a.content_hash, a.published, a.agencies, d.duplicate_of"
                    f" FROM articles a LEFT JOIN duplicates d ON d.article_id = a.id"
                    f" WHERE a.id IN ({marks})",
                    batch,
                )
            }
            for article_id in batch:
                row = rows.get(article_id)
                if row is None:
                    continue
                result.append(
                    ReuseIndexRow(
                        article_id=article_id,
                        content_hash=row["content_hash"],
                        published=(
                            datetime.fromisoformat(row["published"]) if row["published"] else None
                        ),
                        agencies=tuple(json.loads(row["agencies"])),
                        duplicate_of=row["duplicate_of"],
                        signatures=signatures[article_id],
                    )
                )
        return result

    def passage_origins(self) -> list[tuple[str, int, str]]:
        """(article, paragraph, origin article) of every stored reused passage with an origin."""
        rows = self.connection.execute(
            "SELECT article_id, paragraph, origin_article FROM reused_passages"
            " WHERE origin_article IS NOT NULL"
        ).fetchall()
        return [(row["article_id"], row["paragraph"], row["origin_article"]) for row in rows]

    def reused_from(self, article_id: str) -> list[ReusedPassage]:
        """Passages of later articles that copy ``article_id`` (the other side of ``get_reuse``)."""
        rows = self.connection.execute(
            "SELECT * FROM reused_passages WHERE other_article = ?"
            " ORDER BY other_paragraph, similarity DESC, rowid",
            (article_id,),
        ).fetchall()
        return [_passage(row) for row in rows]

    def most_reused(self, limit: int = 20, min_share: float = 0.0) -> list[ReusedArticleRow]:
        """Articles with the largest share of copied content, with the outlets it came from."""
        rows = self.connection.execute(
            "SELECT r.article_id, r.share, a.title, a.source, a.published, d.duplicate_of"
            " FROM reuse_shares r JOIN articles a ON a.id = r.article_id"
            " LEFT JOIN duplicates d ON d.article_id = r.article_id"
            " WHERE r.share > ?"
            " ORDER BY r.share DESC, a.published_utc IS NOT NULL, a.published_utc, a.id LIMIT ?",
            (min_share, limit),
        ).fetchall()
        result: list[ReusedArticleRow] = []
        for row in rows:
            origins = self.connection.execute(
                "SELECT p.origin_article, max(o.source) AS source,"
                " max(p.origin_agency) AS origin_agency,"
                " COUNT(DISTINCT p.paragraph) AS paragraphs"
                " FROM reused_passages p LEFT JOIN articles o ON o.id = p.origin_article"
                " WHERE p.article_id = ? AND p.origin_article IS NOT NULL"
                " GROUP BY p.origin_article ORDER BY paragraphs DESC, p.origin_article",
                (row["article_id"],),
            ).fetchall()
            paragraphs = self.connection.execute(
                "SELECT COUNT(DISTINCT paragraph) FROM reused_passages WHERE article_id = ?",
                (row["article_id"],),
            ).fetchone()[0]
            result.append(
                ReusedArticleRow(
                    article_id=row["article_id"],
                    title=row["title"],
                    source=row["source"],
                    published=row["published"],
                    reused_share=float(row["share"]),
                    passages=int(paragraphs),
                    duplicate_of=row["duplicate_of"],
                    origins=tuple(
                        (o["origin_article"], o["source"], o["origin_agency"], int(o["paragraphs"]))
                        for o in origins
                    ),
                )
            )
        return result


def _passage(row: Row) -> ReusedPassage:
    return ReusedPassage(
        article=row["article_id"],
        paragraph=row["paragraph"],
        other_article=row["other_article"],
        other_paragraph=row["other_paragraph"],
        similarity=row["similarity"],
        origin_article=row["origin_article"],
        origin_agency=row["origin_agency"],
    )
