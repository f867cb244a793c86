"""How many documents the inputs hold, when that is cheap to know: the total of the progress bar.

A plain-text or HTML file is one document and a JSON Lines file one per non-blank line; a URL,
standard input, a gzip file, a JSON array, CSV or a feed would have to be read (or parsed) to be
counted, so then the total is unknown and the bar counts without one.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.errors import NewsloomError
from newsloom.ingest.files import STDIN, expand_path, format_from_name
from newsloom.ingest.web import is_url
from newsloom.records import RunReport

ONE_EACH = frozenset(("text", "html"))
MAX_BYTES = 4 << 30  # counting lines past this would delay the start noticeably


def count_documents(sources: Sequence[str], max_bytes: int = MAX_BYTES) -> int | None:
    """The number of documents in ``sources``, or None when it is not cheap to know."""
    total = 0
    budget = max_bytes
    for source in sources:
        if source == STDIN or is_url(source):
            return None
        try:
            for found in expand_path(source, RunReport()):
                name = found.name.lower()
                format = None if name.endswith(".gz") else format_from_name(name)
                if format in ONE_EACH:
                    total += 1
                elif format == "jsonl" and found.size is not None and found.size <= budget:
                    budget -= found.size
                    with found.opener() as stream:
                        total += sum(1 for line in stream if line.strip())
                else:
                    return None
        except (OSError, ValueError, NewsloomError):  # the reader will name the problem
            return None
    return total
