"""Engines for the per-article work: which one runs normalize, language and analyze.

``local`` (the default) runs them in the pipeline's process. ``dask`` runs them on a Dask cluster:
a :class:`distributed.LocalCluster` of worker processes on this machine, or the running scheduler
at ``engine.scheduler``. Documents are read here and sent in shards of ``engine.shard_size``;
each worker loads the analyzer's models once (:func:`newsloom.analyze.prepare.analyzer_for`) and
keeps them for every shard it gets, and embeds the articles it analysed for the story clusterer.
Results come back in the order the documents were read, with a few shards per worker and one
assign chunk's worth in flight (:func:`in_flight`), so memory here stays flat however long the
stream is; assign stays in the pipeline, one ordered writer.

Dask is optional (``pip install 'newsloom[dask]'``) and imported only when this engine is opened.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from newsloom.analyze.prepare import Prepared, ShardResult, prepare_shard
from newsloom.errors import SettingsError
from newsloom.pipeline import CHUNK, Engine, LocalEngine
from newsloom.records import RawDocument, RunReport
from newsloom.settings import AnalyzeSettings, EmbeddingModel, EngineSettings, ReuseSettings
from newsloom.store.rows import article_rows
from newsloom.timing import add_seconds

T = TypeVar("T")
ENGINES = ("local", "dask")
SHARDS_PER_WORKER = 3  # in flight at once: enough to keep workers busy, few to hold in memory


class DaskEngine:
    """normalize → language → analyze on Dask workers, shard by shard, results in input order."""

    analyzes = True

    def __init__(
        self,
        settings: EngineSettings,
        analyze: AnalyzeSettings,
        embedding_model: EmbeddingModel | None = None,
        reuse: ReuseSettings | None = None,
    ) -> None:
        try:
            import dask
            import distributed
        except ImportError as error:
            raise SettingsError(
                "engine dask needs the optional package dask[distributed]"
                f" (pip install 'newsloom[dask]'): {error}"
            ) from error
        self._analyze = analyze
        self._embedding_model = embedding_model
        self._reuse = reuse
        self._shard_size = settings.shard_size
        self._cluster: Any = None
        Client: Any = distributed.Client  # untyped
        LocalCluster: Any = distributed.LocalCluster
        if settings.scheduler:
            try:
                self._client: Any = Client(settings.scheduler, timeout=settings.connect_seconds)
            except OSError as error:
                raise SettingsError(
                    f"engine.scheduler {settings.scheduler}: cannot connect ({error})"
                ) from error
        else:
            # Dask's own (one BLAS/OpenMP thread per worker: workers, not threads, share the
            # cores) with newsloom's trim threshold; replacing them left each worker's OpenBLAS
            # a thread per core, so two workers ran four BLAS threads on two cores
            environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
            environ["MALLOC_TRIM_THRESHOLD_"] = str(settings.malloc_trim_threshold)
            with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}):
                self._cluster = LocalCluster(
                    n_workers=settings.workers or 2,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # a free port; a dashboard only with bokeh
                    host="127.0.0.1",
                    silence_logs=logging.ERROR,  # not every worker restart and shutdown
                )
            self._client = Client(self._cluster)

    @property
    def scheduler_address(self) -> str:
        return str(self._client.scheduler.address)

    @property
    def workers(self) -> int:
        """Threads across the cluster's workers: how many shards run at once."""
        info = self._client.scheduler_info()
        return max(1, sum(int(w.get("nthreads", 1)) for w in info["workers"].values()))

    def prepare(self, documents: Iterable[RawDocument], report: RunReport) -> Iterator[Prepared]:
        window = in_flight(self.workers, self._shard_size)
        pending: deque[Any] = deque()
        problems: set[str] = set()
        for shard in _shards(documents, self._shard_size):
            pending.append(
                self._client.submit(
                    prepare_shard,
                    shard,
                    self._analyze,
                    self._embedding_model,
                    self._reuse,
                    article_rows,  # the store's rows of each article, made on the worker
                    pure=False,
                )
            )
            while len(pending) >= window:
                yield from self._collect(pending.popleft(), report, problems)
        while pending:
            yield from self._collect(pending.popleft(), report, problems)

    def _collect(self, future: Any, report: RunReport, problems: set[str]) -> list[Prepared]:
        result: ShardResult = future.result()
        add_seconds(report.seconds, result.seconds)
        if result.problem and result.problem not in problems:
            problems.add(result.problem)
            report.notes.append("analyze: " + result.problem)
        return result.prepared

    def run_on_workers(self, function: Callable[[], T]) -> list[T]:
        """``function()`` on every worker (e.g. to read its memory use), one result each."""
        return list(self._client.run(function).values())

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def in_flight(workers: int, shard_size: int) -> int:
    """How many shards may be in flight: a few per worker, and enough that the workers keep busy
    while the pipeline assigns a chunk (they get no new shard before it asks for the next article).

    With only a few shards per worker, the workers ran out of work during each chunk's assign and
    then waited for the driver; a chunk's worth of results waiting here costs a few MB.
    """
    return SHARDS_PER_WORKER * workers + -(-CHUNK // shard_size)


def _shards(documents: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    shard: list[RawDocument] = []
    for document in documents:
        shard.append(document)
        if len(shard) >= size:
            yield shard
            shard = []
    if shard:
        yield shard


def open_engine(
    settings: EngineSettings,
    analyze: AnalyzeSettings,
    embedding_model: EmbeddingModel | None = None,
    reuse: ReuseSettings | None = None,
) -> Engine:
    """The engine named by ``settings.name``; close it with :func:`close_engine`.
    ``embedding_model`` is ``cluster.embedded_by``: the Dask engine's workers embed the articles;
    with ``reuse`` (the pipeline's reuse settings) they also make the reuse index's entries."""
    if settings.name == "local":
        return LocalEngine()
    if settings.name == "dask":
        return DaskEngine(settings, analyze, embedding_model, reuse)
    raise SettingsError(f"engine {settings.name!r} is unknown; available: {', '.join(ENGINES)}")


def close_engine(engine: Engine) -> None:
    if isinstance(engine, DaskEngine):
        engine.close()
