"""Results remembered by key for the life of a process: the NER tagger's tags of a paragraph text,
the e5 embedder's vector of a text, ``eval clustering``'s analysed documents."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class Remembered(Generic[Item, Result]):
    """Results of texts computed before in this process, up to ``limit`` (then forgotten all at
    once), shared by threads: copies of agency text repeat paragraphs, titles and leads, and a
    model whose result does not depend on the batch gives a copy the first one's result."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._seen: dict[str, Result] = {}
        self._lock = threading.Lock()

    def forget(self) -> None:
        """Forget every result (a benchmark's passes over the same texts each start cold)."""
        with self._lock:
            self._seen.clear()

    def through(
        self,
        keys: Sequence[str],
        items: Sequence[Item],
        compute: Callable[[list[Item]], Sequence[Result]],
    ) -> list[Result]:
        """Each item's result: remembered by its key, else ``compute``d once per distinct key."""
        with self._lock:
            known = [self._seen.get(key) for key in keys]
        missing = {
            key: item for key, item, got in zip(keys, items, known, strict=True) if got is None
        }
        found = dict(zip(missing, compute(list(missing.values())), strict=True))
        if found:
            with self._lock:
                if len(self._seen) + len(found) > self.limit:
                    self._seen.clear()
                self._seen.update(found)
        return [
            got if got is not None else found[key] for key, got in zip(keys, known, strict=True)
        ]
