"""Run reports, kept so the CLI and API can show what the last runs did."""

from __future__ import annotations

import json
import os
import socket

from newsloom.records import RunReport
from newsloom.store.base import StoreBase, utc_now


def run_owner() -> dict[str, object]:
    """What a running run records about itself, so a later one can tell if it was killed."""
    return {"status": "running", "pid": os.getpid(), "host": socket.gethostname()}


def is_interrupted(owner: dict[str, object], now_owner: dict[str, object]) -> bool:
    """An unfinished run whose process is gone (on this host; another host's is left alone)."""
    host, pid = owner.get("host"), owner.get("pid")
    if host is None or pid is None:
        return True  # started by code that did not record its process: long gone
    if host != now_owner["host"] or not isinstance(pid, int):
        return False
    if pid == now_owner["pid"]:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, another user's
    return False


def interrupted_report(owner: dict[str, object]) -> dict[str, object]:
    return {
        "status": "interrupted",
        "note": f"the run's process (pid {owner.get('pid', 'unknown')}) ended before it"
        " finished; finished_at is when a later run noticed. What it committed is kept.",
    }


class RunQueries(StoreBase):
    def start_run(self) -> int:
        """Record a new run; unfinished runs whose process is gone are marked interrupted."""
        owner = run_owner()
        with self.transaction() as connection:
            unfinished = connection.execute(
                "SELECT id, report FROM runs WHERE finished_at IS NULL"
            ).fetchall()
            for row in unfinished:
                recorded = json.loads(row["report"]) if row["report"] else {}
                if is_interrupted(recorded, owner):
                    connection.execute(
                        "UPDATE runs SET finished_at = ?, report = ? WHERE id = ?",
                        (utc_now(), json.dumps(interrupted_report(recorded)), row["id"]),
                    )
            row = connection.execute(
                "INSERT INTO runs (started_at, report) VALUES (?, ?) RETURNING id",
                (utc_now(), json.dumps(owner)),
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
