"""What every reader gets: the settings, the run report and a lazily opened HTTP fetcher."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsloom.ingest.web import Fetcher
from newsloom.records import RunReport
from newsloom.settings import IngestSettings


@dataclass(slots=True)
class ReadContext:
    settings: IngestSettings
    report: RunReport
    _fetcher: Fetcher | None = field(default=None, repr=False)

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings)
        return self._fetcher

    def note_replaced(self, item: str, replaced: int) -> None:
        """Record bytes that no encoding accepted and were read as U+FFFD."""
        if replaced:
            self.report.count("ingest: undecodable bytes replaced", replaced)
            self.report.notes.append(
                f"{item}: {replaced} undecodable byte(s) replaced with U+FFFD (not UTF-8)"
            )

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None
