"""Seconds spent per stage, summed into a plain dict the run report carries.

``with timed(seconds, "analyze: quotes"): ...`` adds the time the block took to
``seconds["analyze: quotes"]``; with ``seconds=None`` it measures nothing. Stages on other
machines (Dask workers) time into their own dict, which the driver adds to the report with
:func:`add_seconds`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from time import perf_counter


@contextmanager
def timed(seconds: dict[str, float] | None, stage: str) -> Iterator[None]:
    if seconds is None:
        yield
        return
    start = perf_counter()
    try:
        yield
    finally:
        seconds[stage] = seconds.get(stage, 0.0) + perf_counter() - start


def add_seconds(total: dict[str, float], more: Mapping[str, float]) -> None:
    for stage, value in more.items():
        total[stage] = total.get(stage, 0.0) + value
