"""Readers: paths, directories, stdin, gzip, text, JSON Lines, JSON, CSV, HTML, RSS/Atom, URLs.

:func:`read_sources` is the entry point. It is lazy (a large JSON Lines file streams) and never
stops on bad input: every bad item (``path``, ``path:LINE``, ``URL``) is recorded with a reason in
the run report and the rest is read.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from newsloom.errors import InputError
from newsloom.ingest.context import ReadContext
from newsloom.ingest.feed import read_feed
from newsloom.ingest.files import (
    HEAD_BYTES,
    MEGABYTE,
    Input,
    binary_reason,
    bytes_input,
    damage_of,
    expand_path,
    format_from_name,
    mostly_binary,
    open_input,
    sniff_format,
    stdin_input,
)
from newsloom.ingest.html import read_html
from newsloom.ingest.tabular import check_columns, read_csv, read_json, read_jsonl
from newsloom.ingest.text import read_text, split_date_prefix
from newsloom.ingest.web import is_url
from newsloom.records import RawDocument, RunReport
from newsloom.settings import IngestSettings

__all__ = ["READERS", "read_sources", "split_date_prefix"]

LINE_FORMATS = frozenset(("jsonl", "csv", "tsv"))  # one bad line is one rejection
Reader = Callable[[io.BufferedReader, Input, ReadContext], Iterator[RawDocument]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "tsv": read_csv,
    "html": read_html,
    "feed": read_feed,
}


def read_sources(
    sources: Sequence[str],
    settings: IngestSettings,
    report: RunReport,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument]:
    """Every document in ``sources``: paths, directories (recursive), ``-`` for stdin, URLs.

    A bad item is recorded in ``report`` and skipped. ``stdin`` replaces ``sys.stdin`` for ``-``.
    """
    check_columns(settings.columns)
    context = ReadContext(settings, report)
    try:
        for source in sources:
            yield from _read_source(source, context, stdin)
    finally:
        context.close()


def _read_source(
    source: str, context: ReadContext, stdin: BinaryIO | None
) -> Iterator[RawDocument]:
    try:
        if is_url(source):
            yield from _read_input(_fetched_input(source, context), context)
        elif source == "-":
            yield from _read_input(stdin_input(stdin or sys.stdin.buffer), context)
        else:
            for file in expand_path(source, context.report):
                yield from _read_input(file, context)
    except InputError as error:
        context.report.reject(error.item, error.reason)
    except OSError as error:
        context.report.reject(source, f"cannot read ({error.strerror or error})")


def _fetched_input(url: str, context: ReadContext) -> Input:
    fetched = context.fetcher.get(url, context.settings.max_file_mb)
    name = PurePosixPath(urlsplit(fetched.url).path).name
    if format_from_name(name) is None:
        name = ""
    if fetched.looks_like_html:  # some servers send feeds as text/html
        format: str | None = "feed" if sniff_format(fetched.body[:HEAD_BYTES]) == "feed" else "html"
    elif fetched.looks_like_feed:
        format = "feed"
    else:
        format = None  # decided by the URL's file name or by sniffing
    return bytes_input(url, name, fetched.body, format=format, url=fetched.url)


def _read_input(source: Input, context: ReadContext) -> Iterator[RawDocument]:
    limit_mb = context.settings.max_file_mb
    if source.size is not None and source.size > limit_mb * MEGABYTE:
        context.report.reject(
            source.item,
            f"file of {source.size / MEGABYTE:.1f} MB is larger than {limit_mb:g} MB "
            "(max_file_mb); split it or raise the limit",
        )
        return
    try:
        with open_input(source, int(limit_mb * MEGABYTE), "max_file_mb") as stream:
            head = stream.peek(HEAD_BYTES)[:HEAD_BYTES]
            if not head.strip():
                raise InputError(source.item, damage_of(stream) or "empty file")
            format = source.format or format_from_name(source.name) or sniff_format(head)
            reason = binary_reason(head)
            if reason and (format not in LINE_FORMATS or mostly_binary(head)):
                raise InputError(source.item, reason)  # line formats reject the lines with NUL
            context.report.count(f"ingest: {format} inputs")
            yield from READERS[format](stream, replace(source, format=format), context)
            damage = damage_of(stream)
            if damage:
                raise InputError(source.item, f"{damage}; the records before it were read")
    except InputError as error:
        context.report.reject(error.item, error.reason)
    except UnicodeDecodeError as error:  # text in a byte-order-marked encoding, cut or broken
        context.report.reject(
            source.item, f"undecodable {error.encoding} text at byte {error.start} ({error.reason})"
        )
    except OSError as error:
        context.report.reject(source.item, f"cannot read ({error.strerror or error})")
