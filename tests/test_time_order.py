"""One time rule: publication times order as aware UTC, whatever the machine's zone."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from newsloom.time_order import as_utc, publication_key, time_key, utc_seconds

COPENHAGEN_WINTER = timezone(timedelta(hours=1))


@dataclass(frozen=True)
class Dated:
    id: str
    published: datetime | None


def test_naive_times_are_utc_and_offsets_are_honoured() -> None:
    naive = datetime(2025, 3, 4, 10, 30)
    aware = datetime(2025, 3, 4, 11, 15, tzinfo=COPENHAGEN_WINTER)  # 10:15 UTC
    assert as_utc(naive) == datetime(2025, 3, 4, 10, 30, tzinfo=UTC)
    assert as_utc(aware) == datetime(2025, 3, 4, 10, 15, tzinfo=UTC)
    assert utc_seconds(None) is None
    assert time_key(aware) < time_key(naive) < time_key(None)
    articles = [Dated("a", naive), Dated("b", None), Dated("c", aware), Dated("d", naive)]
    assert [a.id for a in sorted(articles, key=publication_key)] == ["c", "a", "d", "b"]


def mixed_zone_corpus(example_dir: Path, path: Path) -> None:
    """The example articles, 20 minutes apart, every other one stamped with a +01:00 offset and
    the rest as naive UTC: the instants are in file order whatever the machine's zone."""
    lines = (example_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    start = datetime(2025, 3, 4, 8, 0, tzinfo=UTC)
    records = []
    for index, line in enumerate(line for line in lines if line.strip()):
        record = json.loads(line)
        moment = start + timedelta(minutes=20 * index)
        if index % 2:
            record["published"] = moment.astimezone(COPENHAGEN_WINTER).isoformat()
        else:
            record["published"] = moment.replace(tzinfo=None).isoformat()
        records.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(records) + "\n", encoding="utf-8")


def ingest_under(zone: str, corpus: Path, db: Path) -> tuple[list[str], dict[str, str], str]:
    """Ingest and export in a process with ``TZ=zone``: insertion order, stories, the export."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLOOM_")}
    environment["TZ"] = zone
    for args in (["ingest", str(corpus)], ["export", "--output", str(db) + ".json"]):
        result = subprocess.run(
            [sys.executable, "-m", "newsloom", "--db", str(db), *args],
            capture_output=True,
            text=True,
            env=environment,
            timeout=600,
        )
        assert result.returncode == 0, f"TZ={zone} {args}:\n{result.stdout}\n{result.stderr}"
    connection = sqlite3.connect(db)
    try:
        order = [row[0] for row in connection.execute("SELECT id FROM articles ORDER BY rowid")]
        stories = dict(connection.execute("SELECT article_id, story_id FROM story_articles"))
    finally:
        connection.close()
    return order, stories, Path(str(db) + ".json").read_text(encoding="utf-8")


def test_same_ingest_under_utc_and_copenhagen(tmp_path: Path, example_dir: Path) -> None:
    corpus = tmp_path / "mixed.jsonl"
    mixed_zone_corpus(example_dir, corpus)
    utc = ingest_under("UTC", corpus, tmp_path / "utc.db")
    local = ingest_under("Europe/Copenhagen", corpus, tmp_path / "copenhagen.db")
    order, stories, export = utc
    external = {article["id"]: article["external_id"] for article in json.loads(export)["articles"]}
    # assigned in publication order: the file's order, since the instants are in file order
    expected = [json.loads(line)["id"] for line in corpus.read_text().splitlines()]
    assert [external[article_id] for article_id in order] == expected
    assert local[0] == order
    assert local[1] == stories
    assert json.loads(local[2])["stories"] == json.loads(export)["stories"]  # timelines too
    assert local[2] == export
