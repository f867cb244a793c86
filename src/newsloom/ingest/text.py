"""Plain-text articles: an optional ``date YYYY-MM[-DD]`` prefix; blank lines split paragraphs."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from newsloom.errors import InputError
from newsloom.ingest.context import ReadContext
from newsloom.ingest.files import Input, decode_bytes, read_whole
from newsloom.records import DateOrigin, RawDocument

DATE_PREFIX = re.compile(
    r"\A[ \t]*date[ \t]+(?P<date>\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)(?=\s|\Z)"
)


def split_date_prefix(text: str) -> tuple[str | None, str]:
    """``(" date 2022-01 First paragraph ...")`` → ``("2022-01", "First paragraph ...")``."""
    match = DATE_PREFIX.match(text)
    if match is None:
        return None, text
    return match.group("date"), text[match.end() :].lstrip()


def text_document(text: str, origin: str, external_id: str | None) -> RawDocument:
    """A plain-text article: line endings unified, the date prefix moved to ``published``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    published, text = split_date_prefix(text)
    if not text.strip():
        raise InputError(origin, "empty file" if published is None else "only a date, no text")
    return RawDocument(
        text=text,
        origin=origin,
        published=published,
        external_id=external_id,
        format="text",
        published_origin=DateOrigin.HEADER if published else None,
    )


def read_text(
    stream: io.BufferedReader, source: Input, context: ReadContext
) -> Iterator[RawDocument]:
    data = read_whole(stream, source.item, context.settings.max_document_mb)
    if not data.strip():
        raise InputError(source.item, "empty file")
    decoded = decode_bytes(data, source.item, context.settings.encoding_fallbacks)
    context.note_replaced(source.item, decoded.replaced)
    yield text_document(decoded.text, source.item, source.stem)
