from __future__ import annotations

from pathlib import Path

import pytest

from ingest_server import CannedServer, canned_server, serve_feed_and_pages
from newsloom.ingest import read_sources
from newsloom.records import DateOrigin, RawDocument, RunReport
from newsloom.settings import IngestSettings

__all__ = ["canned_server"]

DATA = Path(__file__).parent / "data" / "ingest"


def read(
    sources: list[str], settings: IngestSettings | None = None
) -> tuple[list[RawDocument], RunReport]:
    report = RunReport()
    return list(
        read_sources(sources, settings or IngestSettings(allow_private_addresses=True), report)
    ), report


def test_rss_file_uses_summaries_and_rejects_empty_items() -> None:
    path = str(DATA / "feed.rss")
    documents, report = read([path])
    assert [d.external_id for d in documents] == ["morgenposten-1001", "morgenposten-1002"]
    first, second = documents
    assert first.text == "Tre personer kom på skadestuen efter en brand i et pakhus."
    assert first.title == "Brand på havnen i nat"
    assert first.published == "Tue, 14 Mar 2023 07:30:00 +0100"
    assert first.published_origin == DateOrigin.METADATA
    assert first.source == "Morgenposten - Nyheder"
    assert first.language == "da"
    assert first.format == "feed"
    assert first.origin == f"{path}#1"
    assert second.text == (
        "Den nye cykelbro over kanalen åbner i juni, oplyser kommunen.\n\n"
        "Broen har kostet 40 millioner kroner."
    )
    assert [r.item for r in report.rejected] == [f"{path}#3"]
    assert "no content or summary" in report.rejected[0].reason


def test_atom_file() -> None:
    documents, report = read([str(DATA / "feed.atom")])
    assert report.rejected == []
    (entry,) = documents
    assert entry.text.split("\n\n") == [
        "Elva gikk over sine bredder natt til tirsdag.",
        "Åtte hus ble evakuert, opplyser politiet.",
    ]
    assert entry.url == "https://dagsavisa.example/flom"
    assert entry.published == "2023-03-14T09:00:00Z"
    assert entry.source == "Dagsavisa Eksempel"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"This is not XML at all, just words.", "not an RSS/Atom feed"),
        (b'{"items": []}', "not an RSS/Atom feed"),
        (b"<html><body><p>A web page, not a feed.</p></body></html>", "not an RSS/Atom feed"),
        (b"<?xml version='1.0'?><catalog><book>Nope</book></catalog>", "not an RSS/Atom feed"),
    ],
)
def test_not_a_feed(tmp_path: Path, content: bytes, expected: str) -> None:
    file = tmp_path / "feed.rss"
    file.write_bytes(content)
    documents, report = read([str(file)])
    assert documents == []
    assert report.rejected[0].item == str(file)
    assert expected in report.rejected[0].reason


def test_truncated_feed_is_read_leniently(tmp_path: Path) -> None:
    file = tmp_path / "cut.xml"
    file.write_bytes(
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>"
        b"<item><title>T</title><description>Hele teksten.</description></item><item><tit"
    )
    documents, report = read([str(file)])
    assert [d.text for d in documents] == ["Hele teksten."]
    assert report.counters["ingest: feeds with markup errors read leniently"] == 1


def test_feed_url_without_fetching_pages(canned_server: CannedServer) -> None:
    url = serve_feed_and_pages(canned_server)
    documents, report = read([url])
    assert len(documents) == 2
    assert documents[0].text == "Tre personer kom på skadestuen efter en brand i et pakhus."
    assert documents[0].url == f"{canned_server.base}/brand.html"
    assert canned_server.requests == ["/feed.rss"]
    assert [r.item for r in report.rejected] == [f"{url}#3"]


def test_feed_url_fetching_pages_falls_back_to_the_summary(canned_server: CannedServer) -> None:
    url = serve_feed_and_pages(canned_server)
    documents, report = read([url], IngestSettings(allow_private_addresses=True, fetch_pages=True))
    assert canned_server.requests == ["/feed.rss", "/brand.html", "/missing.html"]
    fetched, fallback = documents
    assert fetched.text.startswith("En stor brand i et pakhus på havnen")
    assert len(fetched.text.split("\n\n")) == 3
    assert fetched.title == "Brand på havnen i nat"
    assert fetched.source == "Morgenposten - Nyheder"
    assert fallback.text.startswith("Den nye cykelbro")
    assert report.counters["ingest: feed items read from the summary (page failed)"] == 1
    assert any("missing.html" in note and "HTTP 404" in note for note in report.notes)
