from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.errors import SettingsError
from newsloom.ingest import read_sources
from newsloom.records import DateOrigin, RawDocument, RunReport
from newsloom.settings import IngestSettings

DATA = Path(__file__).parent / "data" / "ingest"
MAPPING = {
    "uid": "id",
    "headline": "title",
    "body": "text",
    "date": "published",
    "outlet": "source",
}


def read(
    sources: list[str], settings: IngestSettings | None = None
) -> tuple[list[RawDocument], RunReport]:
    report = RunReport()
    return list(read_sources(sources, settings or IngestSettings(), report)), report


def reasons(report: RunReport) -> dict[str, str]:
    return {rejection.item: rejection.reason for rejection in report.rejected}


# --- JSON Lines ---------------------------------------------------------------------------------


def test_jsonl_reads_good_lines_and_rejects_bad_ones_by_line_number() -> None:
    path = str(DATA / "articles.jsonl")
    documents, report = read([path])
    assert [d.external_id for d in documents] == ["a1", "4"]
    first = documents[0]
    assert first.text == "Første artikel om æbler og pærer.\n\nAnden afsnit."
    assert (first.title, first.published, first.source, first.language) == (
        "Første",
        "2023-03-14",
        "Avisen",
        "da",
    )
    assert first.url == "https://avisen.example/1"
    assert first.published_origin == DateOrigin.METADATA
    assert first.format == "jsonl"
    assert first.origin == f"{path}:1"
    assert documents[1].published is None
    assert documents[1].published_origin is None
    rejected = reasons(report)
    assert set(rejected) == {f"{path}:2", f"{path}:3", f"{path}:5"}
    assert "malformed JSON" in rejected[f"{path}:2"]
    assert "no 'text' field" in rejected[f"{path}:3"]
    assert "'id'" in rejected[f"{path}:3"]  # names the fields it did find
    assert "got an array" in rejected[f"{path}:5"]


def test_jsonl_field_of_wrong_type(tmp_path: Path) -> None:
    file = tmp_path / "types.jsonl"
    file.write_text(
        json.dumps({"text": "Tekst.", "title": ["a", "b"]}) + "\n" + json.dumps({"text": 42}),
        encoding="utf-8",
    )
    documents, report = read([str(file)])
    assert documents == []
    rejected = reasons(report)
    assert rejected[f"{file}:1"] == "field 'title' must be a string, not an array"
    assert rejected[f"{file}:2"] == "field 'text' must be a string, not a number"


def test_jsonl_windows_1252_line(tmp_path: Path) -> None:
    file = tmp_path / "old.jsonl"
    file.write_bytes(
        json.dumps({"text": "Første"}).encode()
        + b"\n"
        + json.dumps({"text": "Sø og å"}, ensure_ascii=False).encode("cp1252")
    )
    documents, report = read([str(file)])
    assert [d.text for d in documents] == ["Første", "Sø og å"]
    assert report.rejected == []


def test_column_mapping_applies_to_json_fields(tmp_path: Path) -> None:
    file = tmp_path / "mapped.jsonl"
    file.write_text(json.dumps({"body": "Brødtekst.", "headline": "Rubrik"}), encoding="utf-8")
    documents, report = read([str(file)])
    assert documents == []
    assert "--column body=text" in reasons(report)[f"{file}:1"]
    settings = IngestSettings(columns={"body": "text", "headline": "title"})
    documents, report = read([str(file)], settings)
    assert (documents[0].text, documents[0].title) == ("Brødtekst.", "Rubrik")


def test_column_mapping_to_an_unknown_field_fails_early() -> None:
    settings = IngestSettings(columns={"body": "content"})
    with pytest.raises(SettingsError, match=r"unknown field 'content'.*valid fields: id, url"):
        list(read_sources([str(DATA / "articles.jsonl")], settings, RunReport()))


# --- JSON ---------------------------------------------------------------------------------------


def test_json_array() -> None:
    path = str(DATA / "articles.json")
    documents, report = read([path])
    assert [d.external_id for d in documents] == ["j1", "j3"]
    assert [d.origin for d in documents] == [f"{path}:2", f"{path}:4"]
    assert documents[0].published == "2023-03-14"
    assert documents[1].language == "da"
    assert list(reasons(report)) == [f"{path}:3"]


def test_json_array_streams_across_chunks_and_stops_at_a_malformed_element(
    tmp_path: Path,
) -> None:
    file = tmp_path / "many.json"
    elements = [json.dumps({"id": str(i), "text": "ord " * 3000}) for i in range(400)]  # 4.8 MB
    file.write_text("[\n" + ",\n".join(elements) + ",\n{broken},\n" + elements[0] + "\n]")
    documents, report = read([str(file)])
    assert [d.external_id for d in documents] == [str(i) for i in range(400)]
    rejected = reasons(report)
    assert list(rejected) == [f"{file}:402"]
    assert "malformed JSON" in rejected[f"{file}:402"]


@pytest.mark.parametrize(
    ("content", "texts"),
    [
        ('{"text": "Et objekt."}', ["Et objekt."]),
        ('{"articles": [{"text": "A."}, {"text": "B."}]}', ["A.", "B."]),
        ("[]", []),
        ('[{"text": "Ét."}, 3]', ["Ét."]),
    ],
)
def test_json_shapes(tmp_path: Path, content: str, texts: list[str]) -> None:
    file = tmp_path / "shape.json"
    file.write_text(content, encoding="utf-8")
    documents, _ = read([str(file)])
    assert [d.text for d in documents] == texts


def test_json_object_that_is_not_an_article(tmp_path: Path) -> None:
    file = tmp_path / "gold.json"
    file.write_text('{"stories": {"a": "s1"}, "duplicates": []}', encoding="utf-8")
    documents, report = read([str(file)])
    assert documents == []
    assert "no 'text' field" in reasons(report)[str(file)]


def test_malformed_json_object_names_the_line(tmp_path: Path) -> None:
    file = tmp_path / "bad.json"
    file.write_text('{\n "text": "a",\n "title": }', encoding="utf-8")
    _, report = read([str(file)])
    assert "malformed JSON" in reasons(report)[f"{file}:3"]


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_with_column_mapping() -> None:
    path = str(DATA / "articles.csv")
    documents, report = read([path], IngestSettings(columns=MAPPING))
    assert [d.external_id for d in documents] == ["c1", "c3"]
    first = documents[0]
    assert first.text == "Første brødtekst med æøå.\n\nAndet afsnit i samme felt."
    assert (first.title, first.published, first.source) == (
        "Første overskrift",
        "2023-03-14",
        "Avisen",
    )
    assert first.origin == f"{path}:2"
    assert documents[1].origin == f"{path}:6"
    assert documents[1].published is None
    assert reasons(report) == {f"{path}:5": "column 'text' is empty"}


def test_csv_without_a_text_column() -> None:
    path = str(DATA / "articles.csv")
    documents, report = read([path])
    assert documents == []
    reason = reasons(report)[path]
    assert "no 'text' column" in reason
    assert "'body'" in reason
    assert "--column body=text" in reason


def test_semicolon_csv_in_windows_1252(tmp_path: Path) -> None:
    file = tmp_path / "excel.csv"
    file.write_bytes("titel;text\r\nÆbler;Æbler og pærer fra Ærø.\r\n".encode("cp1252"))
    documents, report = read([str(file)])
    assert report.rejected == []
    assert [d.text for d in documents] == ["Æbler og pærer fra Ærø."]


def test_tsv_and_case_insensitive_headers(tmp_path: Path) -> None:
    file = tmp_path / "data.tsv"
    file.write_text("ID\tTitle\tText\nt1\tOverskrift\tBrødtekst, med komma.\n", encoding="utf-8")
    documents, _ = read([str(file)])
    assert [(d.external_id, d.title, d.text, d.format) for d in documents] == [
        ("t1", "Overskrift", "Brødtekst, med komma.", "tsv")
    ]


def test_csv_row_with_too_many_cells(tmp_path: Path) -> None:
    file = tmp_path / "ragged.csv"
    file.write_text("id,text\n1,Fin.\n2,For,mange\n3,Også fin.\n", encoding="utf-8")
    documents, report = read([str(file)])
    assert [d.text for d in documents] == ["Fin.", "Også fin."]
    assert "3 cells" in reasons(report)[f"{file}:3"]
