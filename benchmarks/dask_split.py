"""Where a Dask ingest's time goes: the driver's CPU, each worker's CPU, the driver's wall time
blocked on results and in assign (issue 19).

    PYTHONPATH=src .venv/bin/python benchmarks/dask_split.py WORKERS STREAM.jsonl NEW.db OUT.json

``STREAM.jsonl`` as ``pipeline.py`` writes it (``pipeline_stream.write_stream``). Prints and
writes one JSON object: wall, cluster start, driver CPU s, CPU s per worker process, the driver's
wall blocked on shard results (``wait``) and in assign (``assign_wall``, ``assign_cpu``), the time
to the first shard's result (the workers' cold start), the stage seconds and the load average.
"""

import json
import os
import resource
import sys
import time
from pathlib import Path

import psutil


def cpu_self():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def _usage():
    import psutil

    return psutil.Process().pid, sum(psutil.Process().cpu_times()[:2])


def main():
    workers, stream, db, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    t0 = time.perf_counter()
    import newsloom.pipeline as pl
    from newsloom.engine import DaskEngine, close_engine, open_engine
    from newsloom.pipeline import ingest
    from newsloom.settings import load_settings
    from newsloom.store import open_store

    acc = {"wait": 0.0, "assign": 0.0, "assign_cpu": 0.0, "shards": 0, "first_result": None}
    orig_collect = DaskEngine._collect

    def collect(self, future, report, problems):
        s = time.perf_counter()
        r = orig_collect(self, future, report, problems)
        acc["wait"] += time.perf_counter() - s
        acc["shards"] += 1
        if acc["first_result"] is None:
            acc["first_result"] = time.perf_counter() - t0
        return r

    DaskEngine._collect = collect
    orig_assign = pl.Pipeline._assign

    def assign(self, chunk, report):
        s = time.perf_counter()
        c = cpu_self()
        orig_assign(self, chunk, report)
        acc["assign"] += time.perf_counter() - s
        acc["assign_cpu"] += cpu_self() - c

    pl.Pipeline._assign = assign
    settings = load_settings(environ={}, db=db)
    settings = settings.model_copy(
        update={"ingest": settings.ingest.model_copy(update={"max_file_mb": 1e5})}
    )
    es = settings.engine.model_copy(update={"name": "dask", "workers": workers})
    t_open = time.perf_counter()
    engine = open_engine(es, settings.analyze, settings.cluster.embedded_by, settings.reuse)
    t_opened = time.perf_counter()
    store = open_store(db)
    report = ingest([stream], settings, store, None, engine)
    t_done = time.perf_counter()
    wcpu = engine.run_on_workers(_usage)
    kids = {
        p.pid: (p.name(), sum(p.cpu_times()[:2])) for p in psutil.Process().children(recursive=True)
    }
    drv = cpu_self()
    store.close()
    close_engine(engine)
    stages = {k: round(v, 2) for k, v in sorted(report.seconds.items(), key=lambda x: -x[1])}
    res = {
        "workers": workers,
        "articles": report.new,
        "wall": round(t_done - t0, 2),
        "cluster_start": round(t_opened - t_open, 2),
        "driver_cpu": round(drv, 2),
        "worker_cpu": [round(c, 2) for _, c in wcpu],
        "children": {str(k): [v[0], round(v[1], 2)] for k, v in kids.items()},
        "wait": round(acc["wait"], 2),
        "assign_wall": round(acc["assign"], 2),
        "assign_cpu": round(acc["assign_cpu"], 2),
        "shards": acc["shards"],
        "first_result": round(acc["first_result"], 2),
        "stages": stages,
        "load": [f"{value:.2f}" for value in os.getloadavg()],
    }
    Path(out).write_text(json.dumps(res, indent=1))
    print(json.dumps(res))


if __name__ == "__main__":
    main()
