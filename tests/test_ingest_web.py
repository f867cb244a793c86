from __future__ import annotations

import socket
from pathlib import Path

import pytest

from ingest_server import DATA, CannedServer, canned_server
from newsloom.errors import InputError
from newsloom.ingest import read_sources
from newsloom.ingest.web import Fetcher, PublicOnlyBackend, refused_address
from newsloom.records import RawDocument, RunReport
from newsloom.settings import IngestSettings

__all__ = ["canned_server"]


def read(
    sources: list[str], settings: IngestSettings | None = None
) -> tuple[list[RawDocument], RunReport]:
    report = RunReport()
    return list(
        read_sources(sources, settings or IngestSettings(allow_private_addresses=True), report)
    ), report


def closed_port() -> int:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return int(listener.getsockname()[1])


def test_html_url_is_read_as_a_page(canned_server: CannedServer) -> None:
    url = canned_server.add("/side", (DATA / "page.html").read_bytes(), "text/html")
    (document,), report = read([url])
    assert report.rejected == []
    assert document.format == "html"
    assert document.origin == url
    assert document.title == "Brand på havnen i nat"
    assert document.external_id is None


def test_jsonl_url_is_sniffed(canned_server: CannedServer) -> None:
    url = canned_server.add("/dump", b'{"text": "Fra nettet."}\n', "application/octet-stream")
    (document,), _ = read([url])
    assert (document.text, document.format, document.origin) == ("Fra nettet.", "jsonl", f"{url}:1")


def test_unreachable_url_is_rejected_and_the_run_goes_on(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/feed.rss"
    good = tmp_path / "good.txt"
    good.write_text("Tekst.", encoding="utf-8")
    documents, report = read([url, str(good)])
    assert [d.text for d in documents] == ["Tekst."]
    assert report.rejected[0].item == url
    assert report.rejected[0].reason.startswith("unreachable")


@pytest.mark.parametrize(("status", "reason"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500")])
def test_http_error_status(canned_server: CannedServer, status: int, reason: str) -> None:
    url = canned_server.add("/gone", b"nope", "text/plain", status=status)
    documents, report = read([url])
    assert documents == []
    assert report.rejected[0].item == url
    assert report.rejected[0].reason.startswith(reason)


def test_timeout(canned_server: CannedServer) -> None:
    url = canned_server.add("/slow", b"<html></html>", "text/html")
    canned_server.delays["/slow"] = 1.5
    _, report = read([url], IngestSettings(allow_private_addresses=True, timeout_seconds=0.3))
    assert "no answer within 0.3 s" in report.rejected[0].reason


def test_response_over_the_limit(canned_server: CannedServer) -> None:
    url = canned_server.add("/big.jsonl", b'{"text": "x"}\n' * 100_000, "application/x-ndjson")
    _, report = read([url], IngestSettings(allow_private_addresses=True, max_file_mb=1))
    assert "over the 1 MB limit" in report.rejected[0].reason


def test_non_html_page_of_a_feed_item(canned_server: CannedServer) -> None:
    canned_server.add("/a.pdf", b"%PDF-1.7\n" + bytes(50), "application/pdf")
    feed = (
        "<rss version='2.0'><channel><title>F</title><item><title>T</title>"
        f"<link>{canned_server.base}/a.pdf</link><description>Resumé.</description>"
        "</item></channel></rss>"
    ).encode()
    url = canned_server.add("/feed.xml", feed, "text/xml")
    (document,), report = read(
        [url], IngestSettings(allow_private_addresses=True, fetch_pages=True)
    )
    assert document.text == "Resumé."
    assert any("not an HTML page (application/pdf)" in note for note in report.notes)


def test_fetcher_refuses_other_schemes() -> None:
    fetcher = Fetcher(IngestSettings(allow_private_addresses=True))
    try:
        with pytest.raises(InputError, match="not an http"):
            fetcher.get("ftp://example.org/feed", 1)
    finally:
        fetcher.close()


def test_feed_served_as_text_html_is_read_as_a_feed(canned_server: CannedServer) -> None:
    feed = (DATA / "feed.atom").read_bytes()
    url = canned_server.add("/nyheder", feed, "text/html; charset=utf-8")
    (document,), report = read([url])
    assert document.format == "feed"
    assert report.rejected == []


def test_private_addresses_are_refused_by_default_issue_20(canned_server: CannedServer) -> None:
    url = canned_server.add("/secret", b"<html><body><p>internal</p></body></html>", "text/html")
    documents, report = read([url], IngestSettings())
    assert documents == []
    assert report.rejected[0].item == url
    assert "loopback address (127.0.0.1)" in report.rejected[0].reason
    assert canned_server.requests == []  # no connection was made
    for address in ("169.254.169.254", "10.1.2.3", "192.168.0.1", "::1", "fd00::1", "0.0.0.0"):
        assert refused_address(address), address
    assert refused_address("::ffff:127.0.0.1")
    assert refused_address("93.184.216.34") is None


def test_every_redirect_is_checked_issue_20(canned_server: CannedServer) -> None:
    """A redirect to a refused address is refused after the first hop was allowed."""
    port = canned_server.base.rsplit(":", 1)[1]
    target = f"http://127.0.0.2:{port}/inside"
    canned_server.add("/inside", b"secret", "text/plain")
    canned_server.redirects["/hop"] = target
    allowed = PublicOnlyBackend(lambda address: None if address == "127.0.0.1" else "refused")
    fetcher = Fetcher(IngestSettings(), backend=allowed)
    try:
        with pytest.raises(InputError, match="resolves to refused"):
            fetcher.get(canned_server.base + "/hop", 1)
    finally:
        fetcher.close()
    assert canned_server.requests == ["/hop"]
