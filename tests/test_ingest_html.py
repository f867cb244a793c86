from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.errors import InputError
from newsloom.ingest import read_sources
from newsloom.ingest.html import extract_page, fragment_text
from newsloom.records import DateOrigin, RunReport
from newsloom.settings import IngestSettings

DATA = Path(__file__).parent / "data" / "ingest"


def test_article_page_text_and_metadata() -> None:
    report = RunReport()
    path = str(DATA / "page.html")
    (document,) = read_sources([path], IngestSettings(), report)
    assert report.rejected == []
    assert document.format == "html"
    assert document.title == "Brand på havnen i nat"
    assert document.source == "Morgenposten"
    assert document.published == "2023-03-14"
    assert document.published_origin == DateOrigin.METADATA
    assert document.language == "da"
    assert document.url == "https://morgenposten.example/nyheder/brand-paa-havnen"
    assert document.external_id == "page"
    paragraphs = document.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("En stor brand i et pakhus")
    assert paragraphs[2].startswith("- Vi fik hurtigt styr på flammerne")
    assert "Forside" not in document.text
    assert "Privatlivspolitik" not in document.text


def test_page_without_an_article_is_rejected() -> None:
    report = RunReport()
    path = str(DATA / "navigation.html")
    assert list(read_sources([path], IngestSettings(), report)) == []
    reason = report.rejected[0].reason
    assert report.rejected[0].item == path
    assert reason.startswith("no article in the HTML page")
    assert "min_page_words" in reason


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02<html>", "binary file"),
        (b"<html><body><p>Kort.</p></body></html>", "no article"),
    ],
)
def test_bad_html(data: bytes, expected: str) -> None:
    with pytest.raises(InputError, match=expected) as caught:
        extract_page(data, "page.html", IngestSettings())
    assert caught.value.item == "page.html"


def test_windows_1252_page_declared_in_meta() -> None:
    body = (
        "<html><head><meta charset='windows-1252'><title>Søen</title></head><body><article>"
        "<p>Isen på søen er for tynd til at gå på, advarer kommunen efter flere ulykker i år.</p>"
        "<p>Børn og voksne bør holde sig væk fra søbredden, indtil frosten har bidt sig fast.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    document = extract_page(body, "page.html", IngestSettings())
    assert "Isen på søen" in document.text
    assert "Børn og voksne" in document.text


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("Bare tekst.", "Bare tekst."),
        ("<p>Et.</p><p>To <b>fed</b>.</p>", "Et.\n\nTo fed ."),
        ("Linje<br>næste", "Linje næste"),
        ("<div><p>Indlejret</p></div>efter", "Indlejret\n\nefter"),
        ("<p>Tekst</p><script>alert(1)</script>", "Tekst"),
        ("", ""),
    ],
)
def test_fragment_text(fragment: str, text: str) -> None:
    assert fragment_text(fragment).replace(" .", ".") == text.replace(" .", ".")
