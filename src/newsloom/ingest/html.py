"""HTML pages: main text, title, date and site name, extracted with trafilatura."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from newsloom.errors import InputError
from newsloom.ingest.context import ReadContext
from newsloom.ingest.files import HEAD_BYTES, Input, binary_reason, read_whole
from newsloom.records import DateOrigin, RawDocument
from newsloom.settings import IngestSettings

BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "section",
    "article",
)
HTML_LANGUAGE = re.compile(rb"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def extract_page(
    data: bytes, item: str, settings: IngestSettings, url: str | None = None
) -> RawDocument:
    """The article in an HTML page, or an :class:`InputError` saying why there is none."""
    if not data.strip():
        raise InputError(item, "empty file")
    reason = binary_reason(data[:HEAD_BYTES])
    if reason:
        raise InputError(item, reason)
    try:
        import trafilatura  # imported on first use: it is slow to import

        document: Any = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # trafilatura and lxml raise many kinds on broken markup
        raise InputError(
            item, f"cannot parse the HTML ({type(error).__name__}: {error})"
        ) from error
    lines = (
        [" ".join(line.split()) for line in (document.text or "").splitlines()] if document else []
    )
    lines = [line for line in lines if line]
    title = (document.title or "").strip() or None if document else None
    if lines and title and lines[0] == title:
        lines = lines[1:]
    words = sum(len(line.split()) for line in lines)
    if words < settings.min_page_words:
        raise InputError(
            item,
            f"no article in the HTML page ({words} words of main text; "
            f"min_page_words is {settings.min_page_words})",
        )
    match = HTML_LANGUAGE.search(data[:HEAD_BYTES])
    language = document.language or (match.group(1).decode("ascii").lower() if match else None)
    published = document.date or None
    return RawDocument(
        text="\n\n".join(lines),
        origin=item,
        title=title,
        url=document.url or url,
        published=published,
        source=document.sitename or document.hostname or None,
        language=language,
        format="html",
        published_origin=DateOrigin.METADATA if published else None,
    )


def read_html(
    stream: io.BufferedReader, source: Input, context: ReadContext
) -> Iterator[RawDocument]:
    data = read_whole(stream, source.item, context.settings.max_document_mb)
    page = extract_page(data, source.item, context.settings, url=source.url)
    if source.stem and source.url is None:
        page = _with_external_id(page, source.stem)
    yield page


def _with_external_id(document: RawDocument, external_id: str) -> RawDocument:
    return replace(document, external_id=external_id)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary), one paragraph per block element."""
    if "<" not in fragment:
        return _join_paragraphs(fragment)
    try:
        tree = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _join_paragraphs(re.sub(r"<[^>]*>", " ", fragment))
    for element in tree.iter(*BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
        element.text = "\n\n" + (element.text or "")
    for element in tree.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in tree.iter("script", "style"):
        element.drop_tree()
    return _join_paragraphs(str(tree.text_content()))


def _join_paragraphs(text: str) -> str:
    paragraphs = (" ".join(part.split()) for part in PARAGRAPH_BREAK.split(text.strip()))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
