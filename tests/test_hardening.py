"""Issue 20 on input: no item stops a run, a bad record is one named rejection, the rest is kept."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsloom.extract.figures import extract_figures
from newsloom.extract.quotes import extract_quotes
from newsloom.extract.times import resolve_times
from newsloom.ingest import read_sources
from newsloom.normalize.article import normalize
from newsloom.pipeline import ingest
from newsloom.records import Article, Paragraph, ParagraphKind, RawDocument, RunReport
from newsloom.settings import IngestSettings, load_settings
from newsloom.store import open_store

GOOD = "Politiet i Nordby oplyser, at tre personer er anholdt efter branden på færgen i nat."


def read(
    paths: list[Path], settings: IngestSettings | None = None
) -> tuple[list[RawDocument], RunReport]:
    report = RunReport()
    documents = list(read_sources([str(p) for p in paths], settings or IngestSettings(), report))
    return documents, report


def good_lines(count: int, tag: str = "g") -> list[str]:
    return [
        json.dumps({"id": f"{tag}{i}", "text": f"{GOOD} Nummer {tag}{i}."}) for i in range(count)
    ]


def texts(documents: list[RawDocument]) -> list[str]:
    return [document.text for document in documents]


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (the FIFO and quadratic cases used to never end)."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- 1. bounds instead of crashes ------------------------------------------------------------


def test_deeply_nested_json_is_one_rejection_in_every_json_reader_issue_20(tmp_path: Path) -> None:
    deep = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    lines = tmp_path / "deep.jsonl"
    lines.write_text("\n".join([good_lines(1)[0], deep, *good_lines(2, "h")]) + "\n")
    array = tmp_path / "deep.json"
    array.write_text("[" + ",\n".join([good_lines(1, "a")[0], deep]) + "]")
    whole = tmp_path / "whole.json"
    whole.write_text(deep)
    documents, report = read([lines, array, whole])
    assert len(documents) == 4
    rejected = {rejection.item: rejection.reason for rejection in report.rejected}
    assert set(rejected) == {f"{lines}:2", f"{array}:2", str(whole)}
    assert all("nested too deeply" in reason for reason in rejected.values())


def test_a_huge_paragraph_is_rejected_and_the_rest_of_the_run_stored_issue_20(
    tmp_path: Path,
) -> None:
    source = tmp_path / "mixed.jsonl"
    long = json.dumps({"id": "long", "text": ("Ord " * 300_000).strip()})
    source.write_text("\n".join([*good_lines(3), long, *good_lines(3, "h")]) + "\n")
    settings = load_settings(environ={}, db=str(tmp_path / "run.db"))
    store = open_store(settings.db)
    try:
        report = ingest([str(source)], settings, store)
        assert store.count_articles() == 6
    finally:
        store.close()
    (rejection,) = report.rejected
    assert rejection.item == f"{source}:4"
    assert "max_paragraph_characters" in rejection.reason


def test_the_article_limit_is_a_setting_issue_20(tmp_path: Path) -> None:
    text = "\n\n".join(f"Afsnit {i}. {GOOD}" for i in range(40))
    source = tmp_path / "long.txt"
    source.write_text(text)
    settings = load_settings(
        environ={"NEWSLOOM_INGEST__MAX_ARTICLE_CHARACTERS": "1000"}, db=str(tmp_path / "a.db")
    )
    store = open_store(settings.db)
    try:
        report = ingest([str(source)], settings, store)
    finally:
        store.close()
    assert report.new == 0
    assert "ingest.max_article_characters" in report.rejected[0].reason


# --- 2. extraction linear in the text ------------------------------------------------------


def test_quotes_and_figures_of_a_long_paragraph_finish_issue_20() -> None:
    """A hang guard, not a speed test (benchmarks/hardening.py measures): 300 KB used to take
    minutes. Every repetition gives the same quotes and figures as one alone."""
    sentence = (
        "Han sa det i går. «Dette er en lang og viktig uttalelse om saken nå» la han til. "
        "Politiet oplyser, at 12 personer er dræbt og mellem 30 og 40 såret kl. 14 i går. "
    )
    one = Article(id="o", content_hash="o", title="t", paragraphs=(Paragraph(0, sentence),))
    repeats = 300 * 1024 // len(sentence)
    many = Article(
        id="m", content_hash="m", title="t", paragraphs=(Paragraph(0, sentence * repeats),)
    )
    with deadline(240):
        quotes = extract_quotes(many)
        figures = extract_figures(many, resolve_times(many))
    assert len(quotes) == repeats * len(extract_quotes(one))
    assert len(figures) == repeats * len(extract_figures(one, resolve_times(one)))


# --- 6. CSV ----------------------------------------------------------------------------------


def test_a_csv_line_over_the_limit_is_one_rejection_and_later_rows_are_kept_issue_20(
    tmp_path: Path,
) -> None:
    path = tmp_path / "long.csv"
    rows = ["id,text", f'1,"{GOOD}"', "2," + "x" * (1024 * 1024 + 10)]
    rows += [f'{i},"{GOOD} {i}"' for i in range(3, 8)]
    path.write_text("\n".join(rows) + "\n")
    documents, report = read([path], IngestSettings(max_document_mb=1))
    assert len(documents) == 6
    assert [(r.item, "max_document_mb" in r.reason) for r in report.rejected] == [
        (f"{path}:3", True)
    ]


def test_an_oversized_multiline_field_is_one_rejection_issue_20(tmp_path: Path) -> None:
    path = tmp_path / "multiline.csv"
    field = '"' + 'line with ""quotes"", and commas\n' * 40_000 + '"'
    rows = ["id,text", f'1,"{GOOD}"', f"2,{field}", f'3,"{GOOD} tre"', f'4,"{GOOD} fire"']
    path.write_text("\n".join(rows) + "\n")
    documents, report = read([path], IngestSettings(max_document_mb=1))
    assert texts(documents) == [GOOD, f"{GOOD} tre", f"{GOOD} fire"]
    assert [r.item for r in report.rejected] == [f"{path}:3"]
    assert "row longer than 1 MB" in report.rejected[0].reason


def test_csv_quoting_is_read_as_the_csv_module_reads_it_issue_20(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text(
        'id,text\n1,"Han sa ""nei""\nog gikk."\n2,Et 5" stort hull i veien\n3,"Tredje, rad"\n'
    )
    documents, report = read([path])
    assert texts(documents) == ['Han sa "nei"\nog gikk.', 'Et 5" stort hull i veien', "Tredje, rad"]
    assert report.rejected == []


# --- 7. one record, not the whole file ------------------------------------------------------


def test_a_nul_byte_in_one_json_line_rejects_that_line_issue_20(tmp_path: Path) -> None:
    path = tmp_path / "nul.jsonl"
    lines = good_lines(4)
    lines.insert(1, '{"text": "bad \x00 byte"}')
    path.write_text("\n".join(lines) + "\n")
    documents, report = read([path])
    assert len(documents) == 4
    assert [r.item for r in report.rejected] == [f"{path}:2"]
    assert "NUL byte" in report.rejected[0].reason
    binary = tmp_path / "image.jsonl"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    _, report = read([binary])
    assert [r.item for r in report.rejected] == [str(binary)]  # a binary file is still one


def test_bad_utf8_rejects_one_json_array_element_issue_20(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    records = [json.dumps({"text": f"{GOOD} {i}"}).encode() for i in range(4)]
    records.insert(2, b'{"text": "bad \xff\xfe bytes"}')
    path.write_bytes(b"[\n" + b",\n".join(records) + b"\n]\n")
    documents, report = read([path])
    assert texts(documents) == [f"{GOOD} {i}" for i in range(4)]
    assert [(r.item, r.reason) for r in report.rejected] == [
        (f"{path}:4", "not UTF-8: undecodable byte 0xff")
    ]


def test_a_cut_gzip_file_keeps_the_records_before_the_cut_issue_20(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"{GOOD} {i} " + "ord " * (i * 37 % 200)}) for i in range(10)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    cut = data[: int(len(data) * 0.85)]
    decoder = zlib.decompressobj(wbits=31)
    complete = decoder.decompress(cut).count(b"\n")  # the whole lines that still decode
    assert 0 < complete < 10
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(cut)
    documents, report = read([path])
    assert len(documents) == complete
    assert any(
        r.item == str(path) and "corrupt gzip data" in r.reason and "records before" in r.reason
        for r in report.rejected
    ), report.rejected
    single = tmp_path / "cut.txt.gz"
    single.write_bytes(gzip.compress(GOOD.encode() * 400)[:60])
    documents, report = read([single])
    assert documents == []  # one cut document is not kept in part
    assert "corrupt gzip data" in report.rejected[0].reason


# --- 9. smaller ------------------------------------------------------------------------------


def test_a_fifo_is_rejected_not_read_forever_issue_20(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "inner.txt")
    (folder / "good.txt").write_text(GOOD)
    with deadline(20):
        documents, report = read([fifo, folder])
    assert texts(documents) == [GOOD]
    assert {r.item: r.reason for r in report.rejected} == {
        str(fifo): "not a regular file (a FIFO)",
        str(folder / "inner.txt"): "not a regular file (a FIFO)",
    }


def test_broken_and_looping_links_are_named_issue_20(tmp_path: Path) -> None:
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    documents, report = read([folder, folder / "broken.txt"])
    assert texts(documents) == [GOOD]
    reasons = [(r.item, r.reason.split(" (")[0]) for r in report.rejected]
    assert reasons == [
        (str(folder / "broken.txt"), "broken symbolic link"),
        (str(folder / "loop.txt"), "symbolic link loop"),
        (str(folder / "broken.txt"), "broken symbolic link"),
    ]


def test_a_long_one_line_article_linking_a_post_is_body_text_issue_20() -> None:
    text = ("Politiet oplyser at tre er anholdt. " * 30_000)[: 1024 * 1024]
    text = text.replace("anholdt.", "anholdt, se twitter.com/politi/status/1.", 1)
    article = normalize(RawDocument(text=text, origin="one-line.txt"))
    assert [paragraph.kind for paragraph in article.paragraphs] == [ParagraphKind.BODY]
    tweet = "Se opslaget pic.twitter.com/abc — Politiet (@politi) January 5, 2022"
    post = normalize(RawDocument(text=f"{GOOD}\n\n{tweet}", origin="short.txt"))
    assert post.paragraphs[1].kind == ParagraphKind.SOCIAL_POST  # a real embed still is one


def test_a_killed_run_is_marked_interrupted_by_the_next_issue_20(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    script = (
        "import os\nfrom newsloom.store import open_store\n"
        f"store = open_store({str(db)!r}); store.start_run(); os._exit(9)\n"
    )
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == 9
    store = open_store(db)
    try:
        (killed,) = store.last_runs()
        assert killed["finished_at"] is None
        running = store.start_run()
        time.sleep(0.01)
        runs = {run["id"]: run for run in store.last_runs()}
        assert runs[killed["id"]]["finished_at"] is not None
        report = runs[killed["id"]]["report"]
        assert isinstance(report, dict)
        assert report["status"] == "interrupted"
        assert runs[running]["finished_at"] is None  # the live one is left alone
        store.start_run()  # another run in this same process does not mark it either
        assert {run["id"]: run for run in store.last_runs()}[running]["finished_at"] is None
    finally:
        store.close()
