"""Run reports, kept so the CLI and API can show what the last runs did."""

from __future__ import annotations

import json

from newsloom.records import RunReport
from newsloom.store.base import StoreBase, utc_now


class RunQueries(StoreBase):
    def start_run(self) -> int:
        with self.transaction() as connection:
            row = connection.execute(
                "INSERT INTO runs (started_at) VALUES (?) RETURNING id", (utc_now(),)
            ).fetchone()
            return int(row["id"])

    def finish_run(self, run_id: int, report: RunReport) -> None:
        with self.transaction() as connection:
            connection.execute(
                "UPDATE runs SET finished_at = ?, report = ? WHERE id = ?",
                (utc_now(), json.dumps(report.to_dict(), ensure_ascii=False), run_id),
            )

    def last_runs(self, limit: int = 10) -> list[dict[str, object]]:
        rows = self.connection.execute(
            "SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
        return [
            {
                "id": row["id"],
                "started_at": row["started_at"],
                "finished_at": row["finished_at"],
                "report": json.loads(row["report"]) if row["report"] else None,
            }
            for row in rows
        ]
