from __future__ import annotations

import gzip
import io
import json
import time
import tracemalloc
from pathlib import Path

import pytest

from newsloom.errors import InputError
from newsloom.ingest import read_sources
from newsloom.ingest.files import decode_bytes, sniff_format
from newsloom.records import RawDocument, RunReport
from newsloom.settings import IngestSettings

DANISH = "Rødgrød med fløde på én tallerken; Århus og Ærø. "
ENCODINGS = ("utf-8", "cp1252")


def read(
    sources: list[str], settings: IngestSettings | None = None, stdin: io.BytesIO | None = None
) -> tuple[list[RawDocument], RunReport]:
    report = RunReport()
    documents = list(read_sources(sources, settings or IngestSettings(), report, stdin=stdin))
    return documents, report


def reasons(report: RunReport) -> dict[str, str]:
    return {rejection.item: rejection.reason for rejection in report.rejected}


# --- decoding ---------------------------------------------------------------------------------


def test_utf8_with_and_without_bom() -> None:
    assert decode_bytes(DANISH.encode("utf-8"), "a", ENCODINGS).text == DANISH
    decoded = decode_bytes(b"\xef\xbb\xbf" + DANISH.encode("utf-8"), "a", ENCODINGS)
    assert decoded.text == DANISH


def test_utf16_with_bom() -> None:
    assert decode_bytes(DANISH.encode("utf-16"), "a", ENCODINGS).text == DANISH


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_windows_1252_and_latin1_danish(encoding: str, tmp_path: Path) -> None:
    file = tmp_path / "gammel.txt"
    file.write_bytes(
        (DANISH + "\n\nAndet afsnit – med tankestreg.").encode("cp1252")
        if encoding == "cp1252"
        else (DANISH * 3).encode("latin-1")
    )
    documents, report = read([str(file)])
    assert report.rejected == []
    assert "Rødgrød med fløde" in documents[0].text
    assert "Århus og Ærø" in documents[0].text
    if encoding == "cp1252":
        assert "–" in documents[0].text


def test_undecodable_bytes_are_reported_with_offset(tmp_path: Path) -> None:
    file = tmp_path / "broken.txt"
    file.write_bytes(b"Abc \x81\x8d\x90 def " + "æøå".encode("cp1252"))
    documents, report = read([str(file)])
    assert documents == []
    reason = reasons(report)[str(file)]
    assert "undecodable byte 0x81 at offset 4" in reason
    assert "cp1252" in reason


def test_stray_bytes_in_utf8_text_are_replaced_and_noted(tmp_path: Path) -> None:
    file = tmp_path / "mixed.txt"
    file.write_bytes(DANISH.encode("utf-8") * 3 + b"stray \xe6 byte")
    documents, report = read([str(file)])
    assert documents[0].text.startswith(DANISH)
    assert "\ufffd" in documents[0].text
    assert report.counters["ingest: undecodable bytes replaced"] == 1
    assert any(str(file) in note for note in report.notes)


def test_unknown_encoding_setting_is_reported() -> None:
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(b"caf\xe9 \xff", "x", ("utf-8", "no-such-codec"))


# --- bad files ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (bytes(range(256)) * 4, "NUL byte at offset 0"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"%PDF-1.7\n" + bytes(100), "PDF document"),
        (b"abc" + b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20, "control characters"),
    ],
)
def test_binary_file_is_rejected(tmp_path: Path, content: bytes, expected: str) -> None:
    file = tmp_path / "image.txt"
    file.write_bytes(content)
    documents, report = read([str(file)])
    assert documents == []
    assert expected in reasons(report)[str(file)]


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.csv", "empty.html", "empty"])
def test_empty_file_is_rejected(tmp_path: Path, name: str) -> None:
    file = tmp_path / name
    file.write_bytes(b"  \n\n ")
    documents, report = read([str(file)])
    assert documents == []
    assert "empty file" in reasons(report)[str(file)]


def test_missing_path_is_rejected_and_the_run_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Tekst.", encoding="utf-8")
    documents, report = read([str(tmp_path / "nowhere.txt"), str(good)])
    assert [d.text for d in documents] == ["Tekst."]
    assert reasons(report) == {str(tmp_path / "nowhere.txt"): "no such file or directory"}


# --- directories, gzip, stdin ---------------------------------------------------------------------


def test_directory_is_read_recursively_and_hidden_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "one.txt").write_text("En.", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.md").write_text("To.", encoding="utf-8")
    (tmp_path / "a" / "b" / "three").write_text("Tre uden endelse.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Skjult.", encoding="utf-8")
    (tmp_path / ".git" / "config.txt").write_text("Skjult.", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(10))
    (tmp_path / "README.md").write_text("# Om korpusset", encoding="utf-8")
    documents, report = read([str(tmp_path)])
    assert sorted(d.text for d in documents) == ["En.", "To.", "Tre uden endelse."]
    assert report.rejected == []
    assert report.counters["ingest: hidden files skipped"] == 2
    assert report.counters["ingest: non-article files skipped"] == 2


def test_gzip_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b" date 2023-02 Pakket tekst."))
    lines = [json.dumps({"id": str(i), "text": f"Linje {i}."}) for i in range(3)]
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    (tmp_path / "c.gz").write_bytes(
        gzip.compress(
            b"<rss version='2.0'><channel><title>T</title>"
            b"<item><title>I</title><description>Fra feed."
            b"</description></item></channel></rss>"
        )
    )
    documents, report = read([str(tmp_path)])
    assert report.rejected == []
    by_format = {d.format: d for d in documents}
    assert by_format["text"].text == "Pakket tekst."
    assert by_format["text"].published == "2023-02"
    assert by_format["text"].external_id == "a"
    assert [d.external_id for d in documents if d.format == "jsonl"] == ["0", "1", "2"]
    assert by_format["feed"].text == "Fra feed."


def test_corrupt_gzip_is_rejected(tmp_path: Path) -> None:
    file = tmp_path / "broken.txt.gz"
    file.write_bytes(gzip.compress(b"Some text " * 1000)[:60])
    not_gzip = tmp_path / "plain.txt.gz"
    not_gzip.write_bytes(b"Not compressed.")
    documents, report = read([str(file), str(not_gzip)])
    assert documents == []
    assert "corrupt gzip data" in reasons(report)[str(file)]
    assert "not gzip-compressed" in reasons(report)[str(not_gzip)]


def test_stdin_is_sniffed() -> None:
    lines = "\n".join(json.dumps({"text": f"Fra stdin {i}."}) for i in range(2)).encode()
    documents, report = read(["-"], stdin=io.BytesIO(lines))
    assert [d.text for d in documents] == ["Fra stdin 0.", "Fra stdin 1."]
    assert [d.origin for d in documents] == ["<stdin>:1", "<stdin>:2"]
    assert report.rejected == []


def test_stdin_plain_text() -> None:
    documents, _ = read(["-"], stdin=io.BytesIO(b" date 2022-01 Tekst fra stdin."))
    assert documents[0].published == "2022-01"
    assert documents[0].external_id is None


@pytest.mark.parametrize(
    ("head", "format"),
    [
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b'{\n  "text": "a"\n}', "json"),
        (b"  [\n{}", "json"),
        (b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html><html><body>", "html"),
        (b"id,title,text\n1,a,b\n", "csv"),
        (b"id\ttext\n1\tb\n", "tsv"),
        (b"Just some words, and text.\n", "text"),
        (b"\xef\xbb\xbf[{}]", "json"),
    ],
)
def test_sniff_format(head: bytes, format: str) -> None:
    assert sniff_format(head) == format


# --- size limits --------------------------------------------------------------------------------


def test_file_over_max_file_mb_is_rejected_before_reading(tmp_path: Path) -> None:
    file = tmp_path / "big.jsonl"
    file.write_bytes(b'{"text": "x"}\n' * 100_000)  # 1.3 MB
    documents, report = read([str(file)], IngestSettings(max_file_mb=1))
    assert documents == []
    assert "max_file_mb" in reasons(report)[str(file)]


def test_gzip_bomb_is_stopped_at_max_file_mb(tmp_path: Path) -> None:
    file = tmp_path / "bomb.jsonl.gz"
    line = json.dumps({"text": "x" * 1000}).encode() + b"\n"
    file.write_bytes(gzip.compress(line * 3000))  # 3 MB unpacked
    documents, report = read([str(file)], IngestSettings(max_file_mb=1))
    assert 0 < len(documents) < 3000
    assert "max_file_mb" in reasons(report)[str(file)]


def test_single_document_over_max_document_mb_is_rejected(tmp_path: Path) -> None:
    file = tmp_path / "huge.txt"
    file.write_bytes(b"word " * 300_000)  # 1.5 MB
    documents, report = read([str(file)], IngestSettings(max_document_mb=1))
    assert documents == []
    assert "max_document_mb" in reasons(report)[str(file)]


@pytest.mark.slow
def test_fifty_megabyte_jsonl_streams(tmp_path: Path) -> None:
    file = tmp_path / "large.jsonl"
    paragraph = "Et afsnit med nogle ord om en begivenhed, der fandt sted i går. " * 15
    with file.open("w", encoding="utf-8") as out:
        count = 0
        while out.tell() < 50 * 1024 * 1024:
            out.write(json.dumps({"id": str(count), "text": paragraph}) + "\n")
            count += 1
        out.write("{broken\n")
    report = RunReport()
    documents = read_sources([str(file)], IngestSettings(), report)
    tracemalloc.start()
    first = next(documents)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert first.external_id == "0"
    assert peak < 5 * 1024 * 1024  # the first document came without loading the file
    started = time.perf_counter()
    rest = sum(1 for _ in documents)
    assert rest == count - 1
    assert time.perf_counter() - started < 60
    assert list(reasons(report)) == [f"{file}:{count + 1}"]


def test_utf16_jsonl_and_a_cut_utf16_file(tmp_path: Path) -> None:
    whole = tmp_path / "wide.jsonl"
    whole.write_bytes('{"text": "Ærø"}\n{"text": "Sø"}\n'.encode("utf-16"))
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(whole.read_bytes()[:9])
    documents, report = read([str(whole), str(cut)])
    assert [d.text for d in documents] == ["Ærø", "Sø"]
    assert "undecodable utf-16" in reasons(report)[str(cut)]
