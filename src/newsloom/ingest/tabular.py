"""Records: JSON Lines, JSON (an array, streamed, or one object) and CSV/TSV.

Fields ``id, url, title, text, published, source, language``; only ``text`` is required. Other
names are mapped with ``IngestSettings.columns`` (``{"body": "text", "headline": "title"}``).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping

from newsloom.errors import InputError, SettingsError
from newsloom.ingest.context import ReadContext
from newsloom.ingest.files import MEGABYTE, Input, binary_lines, decode_bytes, read_whole
from newsloom.records import DateOrigin, RawDocument

FIELDS = ("id", "url", "title", "text", "published", "source", "language")
RECORD_LISTS = ("articles", "items", "documents", "records", "data")
JSON_TYPES = {
    dict: "an object",
    list: "an array",
    bool: "a boolean",
    int: "a number",
    float: "a number",
}
CHUNK = 1 << 20
_UNDECODABLE = re.compile("[\udc80-\udcff]")
TOO_DEEP = "JSON nested too deeply (arrays or objects about 1,000 levels deep); not an article"


def check_columns(columns: Mapping[str, str]) -> None:
    """Fail early on a column mapping that targets a field newsloom does not have."""
    for column, target in columns.items():
        if target not in FIELDS:
            raise SettingsError(
                f"column mapping {column}={target}: unknown field {target!r}; "
                f"valid fields: {', '.join(FIELDS)}"
            )


def field_names(keys: Iterable[str], columns: Mapping[str, str]) -> dict[str, str]:
    """Input key → newsloom field, for the keys that map to one (explicit mapping first)."""
    keys = list(keys)
    mapped = {key: columns[key] for key in keys if key in columns}
    taken = set(mapped.values())
    for key in keys:
        field = key.strip().lower()
        if key not in mapped and field in FIELDS and field not in taken:
            mapped[key] = field
            taken.add(field)
    return mapped


def _missing_text(keys: Iterable[str], what: str) -> str:
    names = ", ".join(repr(key) for key in keys) or "none"
    return (
        f"no 'text' {what} ({what}s: {names}); map one with the columns setting, "
        "e.g. --column body=text"
    )


def record_document(
    record: Mapping[str, object],
    item: str,
    format: str,
    columns: Mapping[str, str],
) -> RawDocument:
    """One record as a :class:`RawDocument`; a missing text or a wrongly typed field raises."""
    what = "column" if format in ("csv", "tsv") else "field"
    values: dict[str, str | None] = {}
    for key, field in field_names(record, columns).items():
        value = record[key]
        if value is None or isinstance(value, str):
            values[field] = value
        elif isinstance(value, int | float) and not isinstance(value, bool) and field != "text":
            values[field] = str(value)
        else:
            kind = JSON_TYPES.get(type(value), type(value).__name__)
            raise InputError(item, f"{what} {key!r} must be a string, not {kind}")
    text = values.get("text")
    if "text" not in values:
        raise InputError(item, _missing_text(record, what))
    if text is None or not text.strip():
        raise InputError(item, f"{what} 'text' is empty")
    published = (values.get("published") or "").strip() or None
    return RawDocument(
        text=text.replace("\r\n", "\n"),
        origin=item,
        title=(values.get("title") or "").strip() or None,
        url=(values.get("url") or "").strip() or None,
        published=published,
        source=(values.get("source") or "").strip() or None,
        language=(values.get("language") or "").strip() or None,
        external_id=(values.get("id") or "").strip() or None,
        format=format,
        published_origin=DateOrigin.METADATA if published else None,
    )


def _document_or_rejection(
    value: object, item: str, format: str, context: ReadContext
) -> RawDocument | None:
    try:
        if not isinstance(value, dict):
            kind = JSON_TYPES.get(type(value), type(value).__name__)
            raise InputError(item, f"expected a JSON object, got {kind}")
        return record_document(value, item, format, context.settings.columns)
    except InputError as error:
        context.report.reject(error.item, error.reason)
        return None


def read_jsonl(
    stream: io.BufferedReader, source: Input, context: ReadContext
) -> Iterator[RawDocument]:
    """One JSON object per line; a bad line is rejected as ``path:LINE`` and the rest is read."""
    settings = context.settings
    line_limit = int(settings.max_document_mb * MEGABYTE)
    records = 0
    for number, line in enumerate(binary_lines(stream, line_limit), start=1):
        item = f"{source.item}:{number}"
        if line is None:
            context.report.reject(item, f"line longer than {settings.max_document_mb:g} MB")
            continue
        if not line.strip():
            continue
        records += 1
        try:
            decoded = decode_bytes(line, item, settings.encoding_fallbacks)
            value = json.loads(decoded.text)
        except InputError as error:
            context.report.reject(error.item, error.reason)
            continue
        except json.JSONDecodeError as error:
            context.report.reject(item, f"malformed JSON at column {error.colno}: {error.msg}")
            continue
        except RecursionError:
            context.report.reject(item, TOO_DEEP)
            continue
        context.note_replaced(item, decoded.replaced)
        document = _document_or_rejection(value, item, "jsonl", context)
        if document is not None:
            yield document
    if records == 0:
        raise InputError(source.item, "empty file (no JSON lines)")


def read_json(
    stream: io.BufferedReader, source: Input, context: ReadContext
) -> Iterator[RawDocument]:
    """A JSON array of objects (streamed), one object, or an object holding a list of them."""
    head = stream.peek(64)[:64].lstrip(codecs.BOM_UTF8).lstrip()
    if not head:
        raise InputError(source.item, "empty file")
    if head.startswith(b"["):
        for line, value in JsonArrayReader(stream, source.item, context).values():
            if isinstance(value, InputError):
                context.report.reject(value.item, value.reason)
                continue
            document = _document_or_rejection(value, f"{source.item}:{line}", "json", context)
            if document is not None:
                yield document
        return
    data = read_whole(stream, source.item, context.settings.max_file_mb)
    try:
        value = json.loads(decode_bytes(data, source.item, ("utf-8",)).text)
    except RecursionError as error:
        raise InputError(source.item, TOO_DEEP) from error
    except json.JSONDecodeError as error:
        raise InputError(
            f"{source.item}:{error.lineno}", f"malformed JSON at column {error.colno}: {error.msg}"
        ) from error
    if isinstance(value, dict) and "text" not in value:
        for key in RECORD_LISTS:
            if isinstance(value.get(key), list):
                for index, element in enumerate(value[key]):
                    item = f"{source.item}:{key}[{index}]"
                    document = _document_or_rejection(element, item, "json", context)
                    if document is not None:
                        yield document
                return
        raise InputError(
            source.item,
            _missing_text(value, "field")
            + f"; nor a list of articles under {'/'.join(RECORD_LISTS)}",
        )
    document = _document_or_rejection(value, source.item, "json", context)
    if document is not None:
        yield document


class JsonArrayReader:
    """Streams the elements of a top-level JSON array with the line each starts on."""

    def __init__(self, stream: io.BufferedReader, item: str, context: ReadContext) -> None:
        self._stream = stream
        self._item = item
        self._element_limit = int(context.settings.max_document_mb * MEGABYTE)
        # undecodable bytes become lone surrogates, so one bad element is rejected, not the file
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="surrogateescape")
        self._json = json.JSONDecoder()
        self._buffer = ""
        self._position = 0
        self._line = 1  # line number at self._counted
        self._counted = 0
        self._read_bytes = 0
        self._end_of_input = False

    def values(self) -> Iterator[tuple[int, object]]:
        """``(line, value)`` of each element; the value is an :class:`InputError` for a bad one."""
        if self._next_character() != "[":
            raise InputError(self._item, "expected a JSON array")
        self._position += 1
        if self._next_character() == "]":
            return
        while True:
            self._next_character()
            line = self._current_line()
            start = self._position
            value = self._decode_value(line)
            bad = _UNDECODABLE.search(self._buffer, start, self._position)
            if bad is not None:
                byte = ord(bad.group(0)) - 0xDC00
                value = InputError(
                    f"{self._item}:{line}", f"not UTF-8: undecodable byte 0x{byte:02x}"
                )
            yield line, value
            character = self._next_character()
            if character == ",":
                self._position += 1
                continue
            if character == "]":
                return
            raise InputError(
                f"{self._item}:{self._current_line()}",
                "malformed JSON: expected ',' or ']' after an array element; "
                "the rest of the array was not read",
            )

    def _current_line(self) -> int:
        self._line += self._buffer.count("\n", self._counted, self._position)
        self._counted = self._position
        return self._line

    def _fill(self) -> bool:
        """Append the next chunk to the buffer; False at the end of the input."""
        if self._end_of_input:
            return False
        data = self._stream.read(CHUNK)
        text = self._decoder.decode(data, final=not data)
        self._read_bytes += len(data)
        self._current_line()
        self._buffer = self._buffer[self._position :] + text
        self._position = self._counted = 0
        self._end_of_input = not data
        return bool(data)

    def _next_character(self) -> str | None:
        while True:
            while self._position < len(self._buffer) and self._buffer[self._position].isspace():
                self._position += 1
            if self._position < len(self._buffer):
                return self._buffer[self._position]
            if not self._fill():
                return None

    def _decode_value(self, line: int) -> object:
        while True:
            try:
                value, end = self._json.raw_decode(self._buffer, self._position)
                if end < len(self._buffer) or self._end_of_input:
                    self._position = end
                    return value
            except RecursionError as error:
                raise InputError(
                    f"{self._item}:{line}", TOO_DEEP + "; the rest of the array was not read"
                ) from error
            except json.JSONDecodeError as error:
                if self._end_of_input:
                    raise InputError(
                        f"{self._item}:{line}",
                        f"malformed JSON in an array element ({error.msg}); "
                        "the rest of the array was not read",
                    ) from error
            if len(self._buffer) - self._position > self._element_limit:
                raise InputError(
                    f"{self._item}:{line}",
                    "array element larger than max_document_mb or malformed; "
                    "the rest of the array was not read",
                )
            self._fill()


def read_csv(
    stream: io.BufferedReader, source: Input, context: ReadContext
) -> Iterator[RawDocument]:
    """CSV (``,`` or ``;``) or TSV with a header row; a bad row is rejected as ``path:LINE``.

    Rows are cut from the lines by their quoting first, so a row over ``max_document_mb`` (one
    long line or a long quoted field over many lines) is one rejection and the next row is read.
    """
    settings = context.settings
    limit = int(settings.max_document_mb * MEGABYTE)
    csv.field_size_limit(max(csv.field_size_limit(), limit))
    lines = _decoded_lines(binary_lines(stream, limit), source.item, context)
    first = next(lines, None)
    if first is None or not first[1].strip():
        raise InputError(source.item, "empty file (no header row)")
    format = "tsv" if source.format == "tsv" else "csv"
    delimiter = "\t" if format == "tsv" else _delimiter(first[1])
    records = csv_records(_chain(first, lines), limit, delimiter)
    _, header_text, problem = next(records)
    if problem:
        raise InputError(source.item, f"header row: {problem}")
    header = [name.strip() for name in _csv_row(header_text, delimiter)]
    mapping = field_names(header, settings.columns)
    if "text" not in mapping.values():
        raise InputError(source.item, _missing_text(header, "column"))
    for start, text, problem in records:
        item = f"{source.item}:{start}"
        if problem:
            context.report.reject(item, problem)
            continue
        try:
            row = _csv_row(text, delimiter)
        except csv.Error as error:
            context.report.reject(item, f"malformed CSV row ({error})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            context.report.reject(
                item, f"{len(row)} cells in a row under a header of {len(header)} columns"
            )
            continue
        record = dict(zip(header, row, strict=False))
        try:
            yield record_document(record, item, format, settings.columns)
        except InputError as error:
            context.report.reject(error.item, error.reason)


def _csv_row(text: str, delimiter: str) -> list[str]:
    rows = list(csv.reader([text], delimiter=delimiter, strict=True))
    if len(rows) > 1:
        raise csv.Error("a quoted field is not closed before the end of the row")
    return rows[0] if rows else []


def quote_open_after(line: str, inside: bool, delimiter: str) -> bool:
    """Whether a quoted CSV field is open at the end of ``line`` (``inside``: open at its start).

    As the csv module reads it: a quote opens a field only at the field's start, ``""`` inside a
    quoted field is a quote character, other quotes are literal.
    """
    position = 0
    while True:
        found = line.find('"', position)
        if found < 0:
            return inside
        if inside:
            if line.startswith('""', found):
                position = found + 2
                continue
            inside = False
        elif found == 0 or line[found - 1] == delimiter:
            inside = True
        position = found + 1


def csv_records(
    lines: Iterator[tuple[int, str, str | None]], limit: int, delimiter: str
) -> Iterator[tuple[int, str, str | None]]:
    """``(first line number, row text, problem)`` of each row; a row with a problem is rejected.

    A line that could not be read (too long, not text) spoils its row; its quotes are not seen,
    so a quoted field is taken to stay as it was.
    """
    start = 0
    parts: list[str] = []
    size = 0
    inside = False
    problem: str | None = None
    for number, line, line_problem in lines:
        if not parts and problem is None:
            start = number
        if line_problem is not None:
            problem = problem or line_problem
        else:
            inside = quote_open_after(line, inside, delimiter)
            size += len(line)
            if size > limit and problem is None:
                problem = f"row longer than {limit / MEGABYTE:g} MB (max_document_mb)"
            if problem is None:
                parts.append(line)
        if not inside:
            yield start, "".join(parts), problem
            parts, size, problem = [], 0, None
    if parts or problem:
        yield start, "".join(parts), problem


def _delimiter(header_line: str) -> str:
    counts = {separator: header_line.count(separator) for separator in (",", ";", "\t")}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] else ","


def _chain(
    first: tuple[int, str, str | None], rest: Iterator[tuple[int, str, str | None]]
) -> Iterator[tuple[int, str, str | None]]:
    yield first
    yield from rest


def _decoded_lines(
    lines: Iterator[bytes | None], item: str, context: ReadContext
) -> Iterator[tuple[int, str, str | None]]:
    """``(line number, text, problem)``: a line too long or not text has a problem, no text."""
    settings = context.settings
    for number, line in enumerate(lines, start=1):
        if line is None:
            too_long = (
                f"line {number} longer than {settings.max_document_mb:g} MB (max_document_mb)"
            )
            yield number, "", too_long
            continue
        try:
            decoded = decode_bytes(line, f"{item}:{number}", settings.encoding_fallbacks)
        except InputError as error:
            yield number, "", f"line {number}: {error.reason}"
            continue
        context.note_replaced(f"{item}:{number}", decoded.replaced)
        yield number, decoded.text, None
