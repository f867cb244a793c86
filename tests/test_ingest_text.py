from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.errors import InputError
from newsloom.ingest import read_sources
from newsloom.ingest.text import split_date_prefix, text_document
from newsloom.records import DateOrigin, RunReport
from newsloom.settings import IngestSettings

SEEDS = Path("/work/shared/seeds")


@pytest.mark.parametrize(
    ("text", "published", "rest"),
    [
        (" date 2022-01 First paragraph.\n\nSecond.", "2022-01", "First paragraph.\n\nSecond."),
        ("date 2022-01 First paragraph.", "2022-01", "First paragraph."),
        (" date 2021-12-31 Nytårsaften.", "2021-12-31", "Nytårsaften."),
        (
            " date 2022-01\nFirst paragraph on the next line.",
            "2022-01",
            "First paragraph on the next line.",
        ),
        ("No date here.\n\nSecond.", None, "No date here.\n\nSecond."),
        ("The date 2022-01 is mid-sentence.", None, "The date 2022-01 is mid-sentence."),
        (" date 2022-13 Not a month.", None, " date 2022-13 Not a month."),
        (" date 2022-01x Glued on.", None, " date 2022-01x Glued on."),
        (
            "Sidste afsnit.\n date 2022-01 not at the start",
            None,
            "Sidste afsnit.\n date 2022-01 not at the start",
        ),
    ],
)
def test_split_date_prefix(text: str, published: str | None, rest: str) -> None:
    assert split_date_prefix(text) == (published, rest)


def test_text_document_records_header_origin_and_unifies_line_endings() -> None:
    document = text_document(" date 2022-01 Første.\r\n\r\nAndet.", "a.txt", "a")
    assert document.published == "2022-01"
    assert document.published_origin == DateOrigin.HEADER
    assert document.text == "Første.\n\nAndet."
    assert document.title is None
    assert document.format == "text"
    assert document.external_id == "a"


def test_text_document_without_prefix_has_no_date() -> None:
    document = text_document("Bare tekst.", "b.txt", "b")
    assert document.published is None
    assert document.published_origin is None


def test_only_a_date_is_an_error() -> None:
    with pytest.raises(InputError, match="only a date"):
        text_document(" date 2022-01 ", "c.txt", "c")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not present at /work/shared/seeds")
def test_seed_articles() -> None:
    report = RunReport()
    documents = list(read_sources([str(SEEDS)], IngestSettings(), report))
    assert report.rejected == []
    files = sorted(SEEDS.glob("*.txt"))
    assert [d.external_id for d in documents] == [f.stem for f in files]
    for document, file in zip(documents, files, strict=True):
        raw = file.read_text(encoding="utf-8")
        has_prefix = raw.lstrip(" ").startswith("date ")
        assert (document.published is not None) == has_prefix
        assert "date 20" not in document.text[:20]
        assert document.text.split("\n\n")[1] == raw.split("\n\n")[1]
        assert document.origin == str(file)
    dated = [d for d in documents if d.published]
    assert dated
    assert all(d.published_origin == "header" for d in dated)
