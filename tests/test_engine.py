"""The Dask engine: the same stories and reuse links as the local engine, on a real LocalCluster."""

from __future__ import annotations

import functools
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.test_cli import run

from newsloom.engine import DaskEngine, close_engine, open_engine
from newsloom.export import write_export
from newsloom.pipeline import Engine, ingest
from newsloom.records import RunReport
from newsloom.settings import EngineSettings, Settings, load_settings
from newsloom.store import open_store

pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def dask_engine() -> Iterator[DaskEngine]:
    """Two worker processes with one thread each, as the issue asks (#19)."""
    settings = EngineSettings(name="dask", workers=2, shard_size=4)
    engine = open_engine(
        settings, Settings().analyze, Settings().cluster.embedded_by, Settings().reuse
    )
    assert isinstance(engine, DaskEngine)
    try:
        yield engine
    finally:
        close_engine(engine)


def _run(sources: list[str], db: Path, engine: Engine | None) -> tuple[RunReport, dict[str, Any]]:
    settings = load_settings(environ={}, db=str(db))
    store = open_store(db)
    try:
        report = ingest(sources, settings, store, engine=engine)
        out = io.StringIO()
        write_export(store, out)
    finally:
        store.close()
    return report, json.loads(out.getvalue())


def _links(export: dict[str, Any]) -> dict[str, Any]:
    return {
        "stories": sorted(sorted(story["articles"]) for story in export["stories"]),
        "story_of": {a["id"]: a["story"] for a in export["articles"]},
        "duplicates": {a["id"]: a["duplicate_of"] for a in export["articles"]},
        "reuse": {a["id"]: a["reused"] for a in export["articles"]},
    }


def _assert_same(sources: list[str], tmp_path: Path, engine: DaskEngine) -> dict[str, Any]:
    local_report, local = _run(sources, tmp_path / "local.db", None)
    dask_report, distributed = _run(sources, tmp_path / "dask.db", engine)
    assert local["articles"], "nothing was ingested"
    assert _links(distributed) == _links(local)
    assert distributed == local  # every field of every article and dossier, not only the links
    assert (dask_report.read, dask_report.new, dask_report.unchanged) == (
        local_report.read,
        local_report.new,
        local_report.unchanged,
    )
    assert dask_report.rejected == local_report.rejected
    assert dask_report.seconds["analyze: entities"] > 0  # timed on the workers, summed here
    # the workers embed the articles for the clusterer: the one assigner does not (#19)
    assert all(engine.run_on_workers(_embedder_loaded))
    return local


def _embedder_loaded() -> bool:
    from newsloom.analyze import e5_embeddings

    return bool(e5_embeddings._LOADED)


def test_dask_matches_local_on_the_example_corpus(
    tmp_path: Path, example_dir: Path, dask_engine: DaskEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # small assign chunks so the ordered hand-over spans many shards and chunks
    monkeypatch.setattr("newsloom.pipeline.CHUNK", 7)
    local = _assert_same([str(example_dir / "articles.jsonl")], tmp_path, dask_engine)
    assert len(local["stories"]) > 1
    assert any(article["reused"] for article in local["articles"])


def test_dask_matches_local_on_the_seeds(
    tmp_path: Path, seeds_dir: Path, dask_engine: DaskEngine
) -> None:
    local = _assert_same([str(seeds_dir)], tmp_path, dask_engine)
    assert len(local["articles"]) == 3


def test_dask_reports_bad_input_like_local(tmp_path: Path, dask_engine: DaskEngine) -> None:
    source = tmp_path / "mixed.jsonl"
    good = {"text": "Politiet oplyser, at tre personer er anholdt efter branden i nat."}
    source.write_text(
        json.dumps(good) + "\n" + '{"text": ""}\nnot json\n' + json.dumps(good) + "\n",
        encoding="utf-8",
    )
    local_report, _ = _run([str(source)], tmp_path / "local.db", None)
    dask_report, _ = _run([str(source)], tmp_path / "dask.db", dask_engine)
    assert local_report.rejected
    assert dask_report.rejected == local_report.rejected
    assert (dask_report.new, dask_report.unchanged) == (1, 1)


def test_a_second_run_on_dask_reports_unchanged(
    tmp_path: Path, seeds_dir: Path, dask_engine: DaskEngine
) -> None:
    _run([str(seeds_dir)], tmp_path / "dask.db", dask_engine)
    again, _ = _run([str(seeds_dir)], tmp_path / "dask.db", dask_engine)
    assert (again.read, again.new, again.unchanged) == (3, 0, 3)


def test_unreachable_scheduler_is_a_clear_error() -> None:
    from newsloom.errors import SettingsError

    settings = EngineSettings(name="dask", scheduler="tcp://127.0.0.1:9", connect_seconds=1)
    with pytest.raises(SettingsError, match=r"engine.scheduler tcp://127.0.0.1:9: cannot connect"):
        open_engine(settings, Settings().analyze)


def test_ingest_engine_dask_from_the_command_line(tmp_path: Path, seeds_dir: Path) -> None:
    local = json.loads(run(tmp_path / "local.db", "ingest", str(seeds_dir), "--json").stdout)
    arguments = ["ingest", str(seeds_dir), "--engine", "dask", "--workers", "1", "--json"]
    distributed = json.loads(run(tmp_path / "dask.db", *arguments).stdout)
    assert (
        (distributed["new"], distributed["rejected"])
        == (local["new"], local["rejected"])
        == (
            3,
            [],
        )
    )
    stories = [
        json.loads(run(tmp_path / name, "stories", "--json").stdout)
        for name in ("local.db", "dask.db")
    ]
    assert [s["article_ids"] for s in stories[0]] == [s["article_ids"] for s in stories[1]]


def test_workers_without_engine_dask_is_a_usage_error(tmp_path: Path, seeds_dir: Path) -> None:
    result = run(tmp_path / "x.db", "ingest", str(seeds_dir), "--workers", "2", check=False)
    assert result.returncode != 0
    assert "--scheduler and --workers need --engine dask" in result.stdout + result.stderr
    result = run(tmp_path / "x.db", "ingest", str(seeds_dir), "--engine", "spark", check=False)
    assert result.returncode != 0
    assert "engine.name" in result.stdout + result.stderr


def test_a_running_scheduler_is_used_by_address(
    tmp_path: Path, seeds_dir: Path, dask_engine: DaskEngine
) -> None:
    address = dask_engine.scheduler_address
    assert address.startswith("tcp://127.0.0.1:")
    connected = open_engine(EngineSettings(name="dask", scheduler=address), Settings().analyze)
    try:
        assert isinstance(connected, DaskEngine)
        assert connected.workers == 2  # the running cluster's, not a new one
        _, via_address = _run([str(seeds_dir)], tmp_path / "remote.db", connected)
    finally:
        close_engine(connected)
    _, local = _run([str(seeds_dir)], tmp_path / "local.db", None)
    assert via_address == local
    assert dask_engine.workers == 2  # closing the client left the cluster running


def test_workers_get_the_malloc_trim_threshold(dask_engine: DaskEngine) -> None:
    read = functools.partial(os.environ.get, "MALLOC_TRIM_THRESHOLD_")
    expected = str(EngineSettings().malloc_trim_threshold)
    assert dask_engine.run_on_workers(read) == [expected, expected]


class _DoneFuture:
    def __init__(self, value: Any) -> None:
        self._value = value

    def result(self) -> Any:
        return self._value


class _CountingClient:
    """Runs each shard at once and counts the shards submitted (no cluster needed)."""

    def __init__(self) -> None:
        self.submitted = 0

    def submit(self, function: Any, *arguments: Any, pure: bool = True) -> _DoneFuture:
        from newsloom.analyze.prepare import Prepared, ShardResult

        self.submitted += 1
        return _DoneFuture(ShardResult([Prepared(origin=d.origin) for d in arguments[0]], {}))

    def scheduler_info(self) -> dict[str, Any]:
        return {"workers": {"a": {"nthreads": 1}, "b": {"nthreads": 1}}}


def test_workers_keep_busy_while_a_chunk_is_assigned() -> None:
    """The driver hands no new shard out while it assigns a chunk, so a chunk's worth of shards
    must already be in flight when the chunk's last article comes back (#19)."""
    from newsloom.pipeline import CHUNK
    from newsloom.records import RawDocument

    engine = object.__new__(DaskEngine)
    client = _CountingClient()
    engine._client, engine._shard_size = client, 25
    engine._analyze, engine._embedding_model, engine._reuse = Settings().analyze, None, None
    documents = [RawDocument(origin=f"doc {n}", text="x") for n in range(3 * CHUNK)]
    prepared = engine.prepare(documents, RunReport())
    for _ in range(CHUNK):  # the pipeline now assigns a chunk before it asks for more
        next(prepared)
    shards_taken = -(-CHUNK // 25)
    assert client.submitted - shards_taken >= CHUNK // 25  # a chunk's worth still queued


def _blas_environ() -> list[str | None]:
    return [os.environ.get(name) for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")]


def test_workers_keep_one_blas_thread_each(dask_engine: DaskEngine) -> None:
    """Dask's one BLAS thread per worker survives newsloom's trim threshold: two workers with a
    thread per core each oversubscribed a 2-core machine (#19)."""
    assert dask_engine.run_on_workers(_blas_environ) == [["1", "1"], ["1", "1"]]
