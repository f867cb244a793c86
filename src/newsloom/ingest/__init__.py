"""Readers: files, directories, stdin, JSON Lines, JSON, CSV, HTML, RSS/Atom, URLs.

(Stub: replaced by the ingest owner.)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from newsloom.records import RawDocument, RunReport
from newsloom.settings import IngestSettings


def read_sources(
    sources: Sequence[str], settings: IngestSettings, report: RunReport
) -> Iterator[RawDocument]:
    """Every document in ``sources``; a bad item is recorded in ``report`` and skipped."""
    for source in sources:
        path = Path(source)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                yield RawDocument(text=file.read_text(encoding="utf-8"), origin=str(file))
            except (OSError, UnicodeDecodeError) as error:
                report.reject(str(file), str(error))
