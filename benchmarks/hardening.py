"""Probes of issue #20: bad input, slow paths and unsafe defaults, each timed in its own process.

    python benchmarks/hardening.py [--probes NAME ...] [--timeout SECONDS]

Each probe runs in a subprocess with a time limit and prints one row: what it did, what came
out, and the wall time. Run it before and after a change to compare. Nothing here reaches the
network except servers it starts on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "src" / "newsloom" / "data" / "example" / "articles.jsonl"
GOOD = "Politiet i Nordby oplyser, at tre personer er anholdt efter branden på færgen i nat."


def _good_lines(count: int, tag: str = "") -> str:
    return "".join(
        json.dumps({"id": f"{tag}{i}", "text": f"{GOOD} Artikel nummer {tag}{i} af {count}."})
        + "\n"
        for i in range(count)
    )


def _cli(*args: str, timeout: float = 600) -> tuple[int, str, float]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "newsloom", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr, time.perf_counter() - start


def _stored(db: Path) -> int:
    from newsloom.store import open_store

    store = open_store(str(db), read_only=True)
    try:
        return store.count_articles()
    finally:
        store.close()


def _read(paths: list[str], **settings: object) -> tuple[int, list[str]]:
    from newsloom.ingest import read_sources
    from newsloom.records import RunReport
    from newsloom.settings import IngestSettings

    report = RunReport()
    documents = list(read_sources(paths, IngestSettings(**settings), report))  # type: ignore[arg-type]
    return len(documents), [f"{r.item}: {r.reason}"[:90] for r in report.rejected]


def probe_mixed_ingest(work: Path) -> str:
    deep = work / "deep.jsonl"
    deep.write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    long = work / "long.jsonl"
    long.write_text(json.dumps({"text": ("Ord " * 300_000).strip()}) + "\n", encoding="utf-8")
    good = work / "good.jsonl"
    good.write_text(_good_lines(60, "g"), encoding="utf-8")
    db = work / "mixed.db"
    code, output, _ = _cli("--db", str(db), "ingest", str(deep), str(long), str(good))
    traceback = "Traceback" in output
    named = sum(name in output for name in ("deep.jsonl", "long.jsonl"))
    stored = _stored(db) if db.exists() else 0
    return f"exit {code}, stored {stored}/60, bad inputs named {named}/2, traceback {traceback}"


def _quote_paragraph(kilobytes: int) -> str:
    sentence = "Han sa det i går. «Dette er en lang og viktig uttalelse om saken nå» la han til. "
    return sentence * (kilobytes * 1024 // len(sentence))


def _time_quotes(kilobytes: int) -> str:
    from newsloom.extract.quotes import extract_quotes
    from newsloom.records import Article, Paragraph

    text = _quote_paragraph(kilobytes)
    article = Article(id="q", content_hash="q", title="t", paragraphs=(Paragraph(0, text),))
    start = time.perf_counter()
    quotes = extract_quotes(article)
    seconds = time.perf_counter() - start
    return f"{len(text) // 1024} KB paragraph: {len(quotes)} quotes in {seconds:.2f} s"


def probe_quotes_43kb(work: Path) -> str:
    return _time_quotes(43)


def probe_quotes_87kb(work: Path) -> str:
    return _time_quotes(87)


def probe_quotes_174kb(work: Path) -> str:
    return _time_quotes(174)


def _figure_paragraph(kilobytes: int) -> str:
    sentence = "Politiet oplyser, at 12 personer er dræbt og mellem 30 og 40 såret kl. 14 i går. "
    return sentence * (kilobytes * 1024 // len(sentence))


def _time_figures(kilobytes: int) -> str:
    from newsloom.extract.figures import extract_figures
    from newsloom.extract.times import resolve_times
    from newsloom.records import Article, Paragraph

    text = _figure_paragraph(kilobytes)
    article = Article(
        id="f",
        content_hash="f",
        title="t",
        paragraphs=(Paragraph(0, text, language="da"),),
        language="da",
    )
    start = time.perf_counter()
    times = resolve_times(article)
    middle = time.perf_counter()
    figures = extract_figures(article, times)
    end = time.perf_counter()
    return (
        f"{len(text) // 1024} KB paragraph: {len(times)} times in {middle - start:.2f} s,"
        f" {len(figures)} figures in {end - middle:.2f} s"
    )


def probe_figures_43kb(work: Path) -> str:
    return _time_figures(43)


def probe_figures_174kb(work: Path) -> str:
    return _time_figures(174)


def _demo_db(work: Path) -> Path:
    db = Path(os.environ.get("HARDENING_DEMO_DB", work / "demo.db"))
    if db.exists():
        return db
    code, output, _ = _cli("--db", str(db), "ingest", str(EXAMPLE))
    if not db.exists():
        raise RuntimeError(f"demo ingest failed ({code}): {output[-300:]}")
    return db


def _client(db: Path, **serve: object) -> object:
    from fastapi.testclient import TestClient

    from newsloom.settings import load_settings
    from newsloom.web import create_app

    settings = load_settings(db=str(db), environ={})
    settings = settings.model_copy(update={"serve": settings.serve.model_copy(update=serve)})
    return TestClient(create_app(settings))


def probe_search_1000_words(work: Path) -> str:
    client = _client(_demo_db(work), request_seconds=60)
    query = " ".join([os.environ.get("HARDENING_WORD", "brann")] * 1000)
    start = time.perf_counter()
    response = client.get("/api/search", params={"q": query})  # type: ignore[attr-defined]
    return f"status {response.status_code} in {time.perf_counter() - start:.2f} s"


def probe_entity_page(work: Path) -> str:
    client = _client(_demo_db(work))
    stories = client.get("/api/stories", params={"limit": 1, "order": "biggest"}).json()  # type: ignore[attr-defined]
    entity = None
    for brief in client.get("/api/stories", params={"limit": 50}).json()["stories"]:  # type: ignore[attr-defined]
        if brief["articles"] <= 10:  # a small story: the probe measures the entity page
            story = client.get(f"/api/stories/{brief['id']}").json()  # type: ignore[attr-defined]
            if story["story"]["entities"]:
                entity = story["story"]["entities"][0]["id"]
                break
    assert entity is not None, stories
    answers: list[tuple[int, float]] = []
    for _ in range(60):
        start = time.perf_counter()
        status = client.get(f"/api/entities/{entity}").status_code  # type: ignore[attr-defined]
        answers.append((status, time.perf_counter() - start))
        if status == 200 and sum(code == 200 for code, _ in answers) == 3:
            break
    busy = [seconds for code, seconds in answers if code == 503]
    served = [seconds for code, seconds in answers if code == 200]
    return (
        f"{len(busy)} × 503 (longest {max(busy, default=0):.1f} s) while the index was built,"
        f" then 200 in {', '.join(f'{seconds:.2f}' for seconds in served)} s"
    )


def probe_empty_token(work: Path) -> str:
    try:
        client = _client(work / "token.db", token="")
    except Exception as error:
        return f"app refused: {type(error).__name__}: {str(error)[:60]}"
    response = client.post("/api/articles", json={"text": GOOD})  # type: ignore[attr-defined]
    return f"POST without token: status {response.status_code}"


@contextmanager
def _local_server(body: bytes) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/secret"
    finally:
        server.shutdown()


def probe_ssrf_loopback(work: Path) -> str:
    page = (
        "<html><head><title>Internal admin</title></head><body><article><p>"
        + "Secret internal admin page with many words that should never be fetched. " * 5
        + "</p></article></body></html>"
    ).encode()
    client = _client(work / "ssrf.db", allow_url_fetch=True)
    with _local_server(page) as url:
        response = client.post("/api/articles", json={"url": url})  # type: ignore[attr-defined]
    body = response.json()
    return f"POST url=127.0.0.1: status {response.status_code}, new {body.get('new')}"


def probe_csv_long_line(work: Path) -> str:
    path = work / "long.csv"
    rows = ["id,text", f'1,"{GOOD}"', "2," + "x" * (2 * 1024 * 1024)]
    rows += [f'{i},"{GOOD} {i}"' for i in range(3, 8)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    kept, rejected = _read([str(path)], max_document_mb=1)
    return f"kept {kept}/6 good rows, {len(rejected)} rejections"


def probe_csv_multiline_field(work: Path) -> str:
    path = work / "multiline.csv"
    field = '"' + "line\n" * 300_000 + '"'
    rows = ["id,text", f'1,"{GOOD}"', f"2,{field}"] + [f'{i},"{GOOD} {i}"' for i in range(3, 8)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    kept, rejected = _read([str(path)], max_document_mb=1)
    return f"kept {kept}/6 good rows, {len(rejected)} rejections"


def probe_jsonl_nul(work: Path) -> str:
    path = work / "nul.jsonl"
    lines = _good_lines(5).splitlines()
    lines.insert(1, '{"text": "bad \x00 byte"}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kept, rejected = _read([str(path)])
    return f"kept {kept}/5, rejected {rejected[:1]}"


def probe_json_array_bad_utf8(work: Path) -> str:
    path = work / "bad.json"
    records = [json.dumps({"text": f"{GOOD} {i}"}).encode() for i in range(5)]
    records.insert(2, b'{"text": "bad \xff\xfe byte here"}')
    path.write_bytes(b"[\n" + b",\n".join(records) + b"\n]\n")
    kept, rejected = _read([str(path)])
    return f"kept {kept}/5, rejected {rejected[:1]}"


def probe_truncated_gz(work: Path) -> str:
    path = work / "cut.jsonl.gz"
    data = gzip.compress(
        "".join(
            json.dumps({"text": f"{GOOD} {i} " + "ord " * (i * 37 % 200)}) + "\n" for i in range(10)
        ).encode()
    )
    path.write_bytes(data[: int(len(data) * 0.85)])
    kept, rejected = _read([str(path)])
    return f"kept {kept} of 10 (some cut), rejected {rejected[:1]}"


def probe_exit_nonexistent(work: Path) -> str:
    code, _, _ = _cli("--db", str(work / "x.db"), "ingest", "/nonexistent/file.txt")
    return f"exit {code}"


def probe_fifo(work: Path) -> str:
    fifo = work / "pipe.txt"
    os.mkfifo(fifo)
    kept, rejected = _read([str(fifo)])
    return f"returned: kept {kept}, rejected {rejected[:1]}"


def probe_symlinks(work: Path) -> str:
    folder = work / "links"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "broken.txt").symlink_to(work / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    kept, rejected = _read([str(folder)])
    return f"kept {kept}/1, rejected {len(rejected)}: {rejected[:2]}"


def probe_long_one_line_article(work: Path) -> str:
    from newsloom.normalize.article import normalize
    from newsloom.records import RawDocument

    text = ("Politiet oplyser at tre er anholdt. " * 30_000)[: 1024 * 1024]
    text = text.replace("anholdt.", "anholdt, se twitter.com/politi/status/1.", 1)
    try:
        article = normalize(RawDocument(text=text, origin="one-line.txt"))
    except Exception as error:
        return f"1 MB one-line article citing a tweet: {type(error).__name__}: {str(error)[:70]}"
    kinds = sorted({paragraph.kind.value for paragraph in article.paragraphs})
    return f"1 MB one-line article citing a tweet: paragraph kinds {kinds}"


def probe_killed_run(work: Path) -> str:
    db = work / "killed.db"
    script = (
        "import os\nfrom newsloom.store import open_store\n"
        f"s = open_store({str(db)!r}); s.start_run(); os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=False)
    from newsloom.records import RunReport
    from newsloom.store import open_store

    store = open_store(str(db))
    try:
        store.finish_run(store.start_run(), RunReport())  # the next run
        run = store.last_runs(2)[1]
    finally:
        store.close()
    report = json.dumps(run["report"])
    return f"after the next run: finished_at {run['finished_at']!r}, report {report[:40]}"


def probe_serve_typo_db(work: Path) -> str:
    db = work / "typo.db"
    try:
        code, output, _ = _cli("--db", str(db), "serve", "--port", "0", timeout=20)
        outcome = f"exit {code}: {output.strip().splitlines()[-1][:60]}"
    except subprocess.TimeoutExpired:
        outcome = "served it (still running after 20 s)"
    return f"serve --db typo.db: {outcome}; file created: {db.exists()}"


def probe_copy_badge(work: Path) -> str:
    client = _client(_demo_db(work))
    stories = client.get("/api/stories", params={"limit": 50}).json()["stories"]  # type: ignore[attr-defined]
    badges = sources = copies = 0
    for brief in stories:
        story = client.get(f"/api/stories/{brief['id']}").json()  # type: ignore[attr-defined]
        for track in story["story"].get("figure_tracks", []):
            for value in track.get("values", []):
                for source in value.get("sources", []):
                    sources += 1
                    copies += bool(source.get("copy"))
        page = client.get(f"/stories/{brief['id']}").text  # type: ignore[attr-defined]
        badges += page.count('<span class="badge copy">copy</span>')
    return f"figure sources {sources}, copies {copies}, [copy] badges shown {badges}"


PROBES: dict[str, Callable[[Path], str]] = {
    name.removeprefix("probe_"): function
    for name, function in sorted(globals().items())
    if name.startswith("probe_") and callable(function)
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probes", nargs="*", default=list(PROBES))
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--run", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.run:
        with tempfile.TemporaryDirectory() as folder:
            print(PROBES[arguments.run](Path(folder)))
        return
    shared = tempfile.TemporaryDirectory()
    os.environ.setdefault("HARDENING_DEMO_DB", str(Path(shared.name) / "demo.db"))
    print("| probe | outcome | seconds |")
    print("|---|---|---|")
    for name in arguments.probes:
        start = time.perf_counter()
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--run", name],
                capture_output=True,
                text=True,
                timeout=arguments.timeout,
                check=False,
            )
            lines = done.stdout.strip().splitlines()
            outcome = (
                lines[-1]
                if done.returncode == 0 and lines
                else ("crashed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:100])
            )
        except subprocess.TimeoutExpired:
            outcome = f"did not finish in {arguments.timeout:g} s"
        print(f"| {name} | {outcome} | {time.perf_counter() - start:.1f} |", flush=True)


if __name__ == "__main__":
    main()
