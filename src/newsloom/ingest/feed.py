"""RSS and Atom feeds (feedparser), optionally with each item's page fetched and extracted."""

from __future__ import annotations

import io
from collections.abc import Container, Iterator
from typing import Any

from newsloom.errors import InputError
from newsloom.ingest.context import ReadContext
from newsloom.ingest.files import HEAD_BYTES, Input, binary_reason, read_whole, sniff_format
from newsloom.ingest.html import extract_page, fragment_text
from newsloom.records import DateOrigin, RawDocument


def read_feed(
    stream: io.BufferedReader, source: Input, context: ReadContext
) -> Iterator[RawDocument]:
    data = read_whole(stream, source.item, context.settings.max_document_mb)
    yield from feed_documents(data, source.item, context)


def feed_documents(
    data: bytes, item: str, context: ReadContext, seen: Container[str] = ()
) -> Iterator[RawDocument]:
    """The items of a feed. feedparser only ever sees bytes: it fetches nothing itself.

    Items whose :func:`entry_key` is in ``seen`` are skipped before their page is fetched.
    """
    if not data.strip():
        raise InputError(item, "empty file")
    reason = binary_reason(data[:HEAD_BYTES])
    if reason:
        raise InputError(item, reason)
    import feedparser  # imported on first use: it is slow to import

    parsed: Any = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    entries = list(parsed.entries)
    if not entries:
        if parsed.get("bozo") and not parsed.get("version"):
            problem = parsed.get("bozo_exception")
            raise InputError(item, f"not an RSS/Atom feed ({_describe(problem)})")
        if not parsed.get("version"):
            raise InputError(item, "not an RSS/Atom feed (no <rss>, <feed> or <rdf:RDF> element)")
        context.report.count("ingest: feeds without items")
        return
    if parsed.get("bozo"):
        context.report.count("ingest: feeds with markup errors read leniently")
    feed = parsed.get("feed", {})
    feed_title = (feed.get("title") or "").strip() or None
    feed_language = (feed.get("language") or "").strip() or None
    for index, entry in enumerate(entries, start=1):
        key = entry_key(entry)
        if key is not None and key in seen:
            context.report.count("ingest: feed items seen before")
            continue
        document = _entry_document(entry, f"{item}#{index}", feed_title, feed_language, context)
        if document is not None:
            yield document


def entry_key(entry: Any) -> str | None:
    """What identifies a feed item across polls: its id (guid), else its link."""
    return (entry.get("id") or "").strip() or (entry.get("link") or "").strip() or None


def document_key(document: RawDocument) -> str | None:
    """:func:`entry_key` of the item a feed document was read from."""
    return document.external_id or document.url


def _entry_document(
    entry: Any,
    item: str,
    feed_title: str | None,
    feed_language: str | None,
    context: ReadContext,
) -> RawDocument | None:
    settings = context.settings
    link = (entry.get("link") or "").strip() or None
    contents = entry.get("content") or []
    fragment = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = fragment_text(fragment or "")
    title = (entry.get("title") or "").strip() or None
    published = entry.get("published") or entry.get("updated") or entry.get("created")
    source = feed_title
    language = feed_language
    page_problem = ""
    if settings.fetch_pages and link:
        try:
            page = _fetch_page(link, context)
        except InputError as error:
            page_problem = f"; its page failed: {error}"
            context.report.count("ingest: feed items read from the summary (page failed)")
            context.report.notes.append(f"{item}: page failed ({error}); read the feed summary")
        else:
            text = page.text
            title = title or page.title
            published = published or page.published
            source = source or page.source
            language = language or page.language
    if not text.strip():
        where = f"{item} ({link})" if link else item
        context.report.reject(where, f"feed item has no content or summary{page_problem}")
        return None
    return RawDocument(
        text=text,
        origin=item,
        title=title,
        url=link,
        published=published or None,
        source=source,
        language=language,
        external_id=(entry.get("id") or "").strip() or None,
        format="feed",
        published_origin=DateOrigin.METADATA if published else None,
    )


def _fetch_page(url: str, context: ReadContext) -> RawDocument:
    fetched = context.fetcher.get(url, context.settings.max_document_mb)
    if not fetched.looks_like_html and sniff_format(fetched.body[:HEAD_BYTES]) != "html":
        kind = fetched.content_type or "no content type"
        raise InputError(url, f"not an HTML page ({kind})")
    return extract_page(fetched.body, url, context.settings, url=fetched.url)


def _describe(problem: object) -> str:
    if problem is None:
        return "unknown problem"
    message = str(getattr(problem, "getMessage", lambda: problem)())
    line = getattr(problem, "getLineNumber", lambda: None)()
    return f"line {line}: {message}" if line else message
