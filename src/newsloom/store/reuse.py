"""Near-duplicates, reused passages and MinHash signatures."""

from __future__ import annotations

from newsloom.records import ReusedPassage, ReuseResult
from newsloom.store.base import SQLiteBase


class ReuseQueries(SQLiteBase):
    def put_reuse(self, result: ReuseResult) -> None:
        with self.transaction() as connection:
            connection.execute("DELETE FROM duplicates WHERE article_id = ?", (result.article_id,))
            connection.execute(
                "DELETE FROM reused_passages WHERE article_id = ?", (result.article_id,)
            )
            if result.duplicate_of is not None:
                connection.execute(
                    "INSERT INTO duplicates (article_id, duplicate_of, similarity) VALUES (?, ?, ?)",
                    (result.article_id, result.duplicate_of, result.duplicate_similarity or 1.0),
                )
            connection.executemany(
                "INSERT OR REPLACE INTO reused_passages (article_id, paragraph, other_article,"
                " other_paragraph, similarity, origin_article, origin_agency)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        p.article,
                        p.paragraph,
                        p.other_article,
                        p.other_paragraph,
                        p.similarity,
                        p.origin_article,
                        p.origin_agency,
                    )
                    for p in result.passages
                ],
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
            "SELECT * FROM reused_passages WHERE article_id = ? ORDER BY paragraph, similarity DESC",
            (article_id,),
        ).fetchall()
        return ReuseResult(
            article_id=article_id,
            duplicate_of=duplicate["duplicate_of"] if duplicate else None,
            duplicate_similarity=duplicate["similarity"] if duplicate else None,
            passages=tuple(
                ReusedPassage(
                    article=row["article_id"],
                    paragraph=row["paragraph"],
                    other_article=row["other_article"],
                    other_paragraph=row["other_paragraph"],
                    similarity=row["similarity"],
                    origin_article=row["origin_article"],
                    origin_agency=row["origin_agency"],
                )
                for row in rows
            ),
            reused_share=float(share["share"]),
        )

    def put_signature(self, article_id: str, scheme: str, signature: bytes) -> None:
        with self.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO signatures (article_id, scheme, signature) VALUES (?, ?, ?)",
                (article_id, scheme, signature),
            )

    def iter_signatures(self) -> list[tuple[str, str, bytes]]:
        rows = self.connection.execute(
            "SELECT s.article_id, s.scheme, s.signature FROM signatures s"
            " JOIN articles a ON a.id = s.article_id ORDER BY a.published, a.rowid"
        ).fetchall()
        return [(row["article_id"], row["scheme"], bytes(row["signature"])) for row in rows]
