"""The bundled example corpus reads completely, in every format newsloom accepts."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

import newsloom
from newsloom.ingest import read_sources
from newsloom.records import RawDocument, RunReport
from newsloom.settings import IngestSettings

EXAMPLE = Path(newsloom.__file__).parent / "data" / "example"
ARTICLES = EXAMPLE / "articles.jsonl"

pytestmark = pytest.mark.skipif(
    not ARTICLES.is_file(), reason=f"example corpus not present at {ARTICLES}"
)


def read(sources: list[str]) -> tuple[list[RawDocument], RunReport]:
    report = RunReport()
    return list(read_sources(sources, IngestSettings(), report)), report


def records() -> list[dict[str, str]]:
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_example_jsonl_reads_every_article() -> None:
    documents, report = read([str(ARTICLES)])
    assert report.rejected == []
    expected = records()
    assert [d.external_id for d in documents] == [r["id"] for r in expected]
    for document, record in zip(documents, expected, strict=True):
        assert document.text == record["text"]
        assert document.title == (record.get("title") or None)
        assert document.published == (record.get("published") or None)
    gold = EXAMPLE / "gold.json"
    if gold.is_file():
        stories = json.loads(gold.read_text(encoding="utf-8"))["stories"]
        assert set(stories) <= {d.external_id for d in documents}


def test_example_round_trips_through_csv_json_and_gzip(tmp_path: Path) -> None:
    expected = records()
    fields = ["id", "url", "title", "text", "published", "source", "language"]
    with (tmp_path / "articles.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(expected)
    (tmp_path / "articles.json").write_text(json.dumps(expected), encoding="utf-8")
    (tmp_path / "articles.jsonl.gz").write_bytes(gzip.compress(ARTICLES.read_bytes()))
    for name in ("articles.csv", "articles.json", "articles.jsonl.gz"):
        documents, report = read([str(tmp_path / name)])
        assert report.rejected == [], name
        assert [(d.external_id, d.text) for d in documents] == [
            (r["id"], r["text"]) for r in expected
        ], name
