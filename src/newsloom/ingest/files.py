"""Paths, directories, stdin and gzip; byte limits; text decoding; format sniffing."""

from __future__ import annotations

import codecs
import errno
import gzip
import io
import json
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsloom.errors import InputError
from newsloom.records import RunReport

MEGABYTE = 1024 * 1024
HEAD_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"
STDIN = "-"
STDIN_ITEM = "<stdin>"

FORMATS_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
}

# Files in a directory with these suffixes are not articles: skipped with a counter.
_NON_ARTICLE_SUFFIXES = """
.png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svg .pdf .zip .tar .tgz .bz2 .xz .7z
.rar .doc .docx .xls .xlsx .ppt .pptx .odt .mp3 .mp4 .wav .ogg .avi .mov .mkv .exe .dll
.so .pyc .db .sqlite .sqlite3 .parquet .bin .woff .woff2 .ttf .css .js .py .toml .yaml
.yml .lock .log .ini .cfg
"""
NON_ARTICLE_SUFFIXES = frozenset(_NON_ARTICLE_SUFFIXES.split())
NON_ARTICLE_STEMS = frozenset(
    ("readme", "license", "licence", "changelog", "copying", "notice", "authors", "contributing")
)

BINARY_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # all but \t \n \v \f \r


@dataclass(frozen=True, slots=True)
class Input:
    """One file-like input: a path, stdin or a fetched body. ``item`` names it in reports."""

    item: str
    name: str  # file name that decides the format ("a.jsonl.gz"); "" when there is none
    opener: Callable[[], BinaryIO]
    size: int | None = None  # bytes on disk, when known
    format: str | None = None  # forced format (e.g. from an HTTP content type)
    url: str | None = None  # where a fetched body came from
    owned: bool = True  # close the stream when done (not for stdin)

    @property
    def stem(self) -> str | None:
        """The file name without its format suffixes: the external id of a plain-text article."""
        if not self.name:
            return None
        name = self.name
        lowered = name.lower()
        if lowered.endswith(".gz"):
            name, lowered = name[:-3], lowered[:-3]
        suffix = os.path.splitext(lowered)[1]
        if suffix in FORMATS_BY_SUFFIX:
            name = name[: -len(suffix)]
        return name or None


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0  # undecodable bytes replaced by U+FFFD


def path_input(path: Path) -> Input:
    def opener() -> BinaryIO:
        return path.open("rb")

    try:
        size = path.stat().st_size
    except OSError:
        size = None
    return Input(item=str(path), name=path.name, opener=opener, size=size)


def stdin_input(stream: BinaryIO) -> Input:
    return Input(item=STDIN_ITEM, name="", opener=lambda: stream, owned=False)


def bytes_input(
    item: str, name: str, body: bytes, format: str | None = None, url: str | None = None
) -> Input:
    return Input(
        item=item,
        name=name,
        opener=lambda: io.BytesIO(body),
        size=len(body),
        format=format,
        url=url,
    )


def is_hidden(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return any(part.startswith(".") for part in parts)


def expand_path(source: str, report: RunReport) -> Iterator[Input]:
    """The files of one path argument: the file itself, or a directory's files, recursively.

    Hidden files and files that are obviously not articles (images, archives ...) inside a
    directory are skipped and counted, not rejected.
    """
    path = Path(source)
    problem = path_problem(path)
    if problem == "a directory":
        pass
    elif problem:
        raise InputError(source, problem)
    else:
        yield path_input(path)
        return

    def unlisted(error: OSError) -> None:
        report.reject(str(error.filename), f"cannot list directory ({error.strerror})")

    for directory, subdirectories, files in os.walk(path, onerror=unlisted):
        subdirectories.sort()
        for name in list(subdirectories):
            if name.startswith("."):
                subdirectories.remove(name)
                report.count("ingest: hidden files skipped")
        for name in sorted(files):
            file = Path(directory) / name
            if name.startswith("."):
                report.count("ingest: hidden files skipped")
            elif (
                _suffix_without_gzip(name) in NON_ARTICLE_SUFFIXES
                or name.split(".", 1)[0].lower() in NON_ARTICLE_STEMS
            ):
                report.count("ingest: non-article files skipped")
            else:
                problem = path_problem(file)
                if problem:
                    report.reject(str(file), problem)
                else:
                    yield path_input(file)


def path_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file ("a directory" for one), or None for a file.

    A FIFO, socket or device would block or never end; a broken or looping symbolic link
    names nothing.
    """
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        if path.is_symlink():
            return f"broken symbolic link (to {os.readlink(path)})"
        if error.errno == errno.ENOENT:
            return "no such file or directory"
        return f"cannot read ({error.strerror or error})"
    if stat.S_ISDIR(mode):
        return "a directory"
    if not stat.S_ISREG(mode):
        kind = (
            "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        )
        return f"not a regular file ({kind})"
    return None


def _suffix_without_gzip(name: str) -> str:
    lowered = name.lower().removesuffix(".gz")
    return os.path.splitext(lowered)[1]


def format_from_name(name: str) -> str | None:
    return FORMATS_BY_SUFFIX.get(_suffix_without_gzip(name))


class LimitedReader(io.RawIOBase):
    """Reads ``stream`` and fails with an :class:`InputError` past ``limit`` bytes.

    Decompression errors of gzip inputs become input errors naming the item, too.
    """

    def __init__(
        self,
        stream: BinaryIO,
        item: str,
        limit: int,
        limit_name: str,
        underlying: BinaryIO | None = None,
    ) -> None:
        super().__init__()
        self._stream = stream
        self._underlying = underlying  # closed too (the file under a gzip stream)
        self._item = item
        self._limit = limit
        self._limit_name = limit_name
        self.consumed = 0
        self.damage: str | None = None  # why the data ended early (cut or corrupt gzip)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        wanted = min(len(buffer), self._limit - self.consumed + 1)
        if self.damage is not None:
            return 0
        read = getattr(self._stream, "read1", self._stream.read)  # keeps what decompressed
        try:
            data = read(wanted)
        except (EOFError, zlib.error, gzip.BadGzipFile) as error:
            # the end of the input: what came before is read, the reader names the damage
            self.damage = f"corrupt gzip data after {self.consumed:,} bytes ({error})"
            return 0
        self.consumed += len(data)
        if self.consumed > self._limit:
            raise InputError(
                self._item,
                f"larger than {self._limit / MEGABYTE:g} MB ({self._limit_name}); "
                "split it or raise the limit",
            )
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._stream.close()
        if self._underlying is not None:
            self._underlying.close()
        super().close()


def open_input(source: Input, limit: int, limit_name: str) -> io.BufferedReader:
    """A buffered, size-limited stream of ``source``'s bytes, gunzipped when compressed."""
    raw = source.opener()
    try:
        head = _peek(raw, len(GZIP_MAGIC))
    except OSError as error:
        raw.close()
        raise InputError(source.item, f"cannot read ({error.strerror or error})") from error
    if head == GZIP_MAGIC:
        stream: BinaryIO = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
    else:
        if source.name.lower().endswith(".gz"):
            raw.close()
            raise InputError(source.item, "named .gz but not gzip-compressed")
        stream = raw
    underlying = raw if source.owned else None
    if stream is raw:
        stream = raw if source.owned else _Unclosed(raw)  # type: ignore[assignment]
        underlying = None
    limited = LimitedReader(stream, source.item, limit, limit_name, underlying)
    return io.BufferedReader(limited, 1 << 16)


class _Unclosed:
    """A stream we read but must not close (stdin)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        return self._stream.read(size)

    def close(self) -> None:
        pass


def _peek(raw: BinaryIO, size: int) -> bytes:
    if isinstance(raw, io.BufferedReader):
        return raw.peek(size)[:size]
    if raw.seekable():
        position = raw.tell()
        head = raw.read(size)
        raw.seek(position)
        return head
    raise InputError("<stream>", "cannot sniff a stream that is neither buffered nor seekable")


def mostly_binary(head: bytes) -> bool:
    """A known binary signature, or NUL bytes in more than a tenth of ``head``.

    (UTF-16 without a byte-order mark is about half NUL bytes; a text with a stray NUL in a
    record is not binary.)
    """
    return any(head.startswith(signature) for signature, _ in BINARY_SIGNATURES) or (
        head.count(b"\x00") > len(head) // 10
    )


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` (the head of an input) is not text, or None when it looks like text."""
    for signature, what in BINARY_SIGNATURES:
        if data.startswith(signature):
            return f"binary file ({what}), not text"
    if any(data.startswith(bom) for bom, _ in BYTE_ORDER_MARKS):
        return None
    position = data.find(b"\x00")
    if position >= 0:
        return f"binary file (NUL byte at offset {position}), not text"
    return None


def decode_bytes(data: bytes, item: str, encodings: tuple[str, ...]) -> Decoded:
    """Text of ``data``: a byte-order mark wins, then each of ``encodings`` strictly, in order.

    Mostly valid UTF-8 with a few bad bytes is decoded with U+FFFD replacements (counted in
    ``Decoded.replaced``) rather than mis-read as Windows-1252. Binary data and bytes no
    encoding accepts raise an :class:`InputError` naming the offset.
    """
    reason = binary_reason(data[:HEAD_BYTES])
    if reason:
        raise InputError(item, reason)
    for bom, codec in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return _checked(Decoded(data.decode(codec), codec), item)
            except UnicodeDecodeError as error:
                raise InputError(item, _undecodable(error, codec)) from error
    first_error: UnicodeDecodeError | None = None
    for encoding in encodings or ("utf-8",):
        try:
            return _checked(Decoded(data.decode(encoding), encoding), item)
        except UnicodeDecodeError as error:
            first_error = first_error or error
            if codecs.lookup(encoding).name == "utf-8":
                replaced = _mostly_utf8(data)
                if replaced is not None:
                    return _checked(replaced, item)
        except LookupError as error:
            raise InputError(item, f"unknown encoding {encoding!r} in settings") from error
    assert first_error is not None
    tried = ", ".join(encodings)
    raise InputError(
        item,
        f"{_undecodable(first_error, encodings[0])}; no other encoding fits either ({tried})",
    )


def _undecodable(error: UnicodeDecodeError, encoding: str) -> str:
    byte = error.object[error.start : error.start + 1]
    return f"undecodable byte 0x{byte.hex()} at offset {error.start} ({encoding})"


def _mostly_utf8(data: bytes) -> Decoded | None:
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    valid = sum(1 for character in text if ord(character) > 127) - replaced
    if valid >= 3 * replaced:
        return Decoded(text, "utf-8", replaced)
    return None


def _checked(decoded: Decoded, item: str) -> Decoded:
    head = decoded.text[:HEAD_BYTES]
    controls = len(CONTROL_CHARACTERS.findall(head))
    if head and controls > max(2, len(head) // 100):
        raise InputError(item, f"binary file ({controls} control characters), not text")
    return decoded


def binary_lines(stream: io.BufferedReader, line_limit: int) -> Iterator[bytes | None]:
    """The lines of a stream as UTF-8 bytes; ``None`` stands for a line over ``line_limit``.

    UTF-16/32 with a byte-order mark is transcoded to UTF-8.
    """
    head = stream.peek(4)[:4]
    for bom, codec in BYTE_ORDER_MARKS[1:]:
        if head.startswith(bom):
            for text_line in io.TextIOWrapper(stream, encoding=codec, newline=""):
                encoded = text_line.encode("utf-8")
                yield encoded if len(encoded) <= line_limit else None
            return
    while True:
        line = stream.readline(line_limit + 1)
        if not line:
            return
        if len(line) <= line_limit or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):  # skip the rest of an over-long line
            line = stream.readline(1 << 20)
        yield None


def sniff_format(head: bytes) -> str:
    """The likely format of an input from its first bytes."""
    for bom, codec in BYTE_ORDER_MARKS:
        if head.startswith(bom):
            head = head.decode(codec, errors="ignore").encode("utf-8")
            break
    text = head.decode("utf-8", errors="replace").lstrip()
    lowered = text[:2000].lower()
    if text.startswith("{"):
        first_line = text.split("\n", 1)[0]
        try:
            json.loads(first_line)
        except ValueError:
            return "json"
        return "jsonl"
    if text.startswith("["):
        return "json"
    if text.startswith("<"):
        if any(tag in lowered for tag in ("<rss", "<feed", "<rdf:rdf")):
            return "feed"
        if any(tag in lowered for tag in ("<html", "<!doctype html", "<body", "<head")):
            return "html"
        if lowered.startswith("<?xml"):
            return "feed"
        return "html"
    first_line = text.split("\n", 1)[0].strip()
    for separator, format in (("\t", "tsv"), (",", "csv")):
        cells = [cell.strip().strip('"').lower() for cell in first_line.split(separator)]
        if len(cells) >= 2 and "text" in cells and all(len(cell) <= 40 for cell in cells):
            return format
    return "text"


def damage_of(stream: BinaryIO) -> str | None:
    """Why a stream from :func:`open_input` ended early (a cut gzip file), or None."""
    raw = getattr(stream, "raw", None)
    return raw.damage if isinstance(raw, LimitedReader) else None


def read_whole(stream: BinaryIO, item: str, limit_mb: float) -> bytes:
    """All bytes of a single-document input, failing past ``limit_mb`` (max_document_mb)."""
    limit = int(limit_mb * MEGABYTE)
    data = stream.read(limit + 1)
    damage = damage_of(stream)
    if damage:
        raise InputError(item, damage)
    if len(data) > limit:
        raise InputError(
            item,
            f"larger than {limit_mb:g} MB for a single document (max_document_mb); "
            "a collection of articles belongs in JSON Lines or CSV",
        )
    return data
