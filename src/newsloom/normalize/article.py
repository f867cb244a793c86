"""RawDocument → Article: clean text, paragraphs and their kinds, date, outlet, agency, stable id.

Cleaning is Unicode NFC, one space between words, paragraphs split at blank lines (or at line
breaks when a text has no blank lines). Captions, credits, embedded posts, bylines, sign-offs and
site furniture are marked with a :class:`ParagraphKind`, never deleted. Normalising an article's own
text again changes nothing, so re-ingesting the same article gives the same id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import urlsplit

from newsloom.dates import (
    PublishedDate,
    date_from_url,
    find_dateline,
    parse_date,
    parse_published,
    split_date_header,
)
from newsloom.errors import InputError
from newsloom.normalize.boilerplate import classify_paragraphs, find_agencies
from newsloom.normalize.language import normalize_language_code
from newsloom.records import Article, DateOrigin, Paragraph, ParagraphKind, RawDocument

TITLE_MAX_CHARACTERS = 120
DATELINE_SEARCH_FIRST = 4  # paragraphs at the top searched for a publication date
DATELINE_SEARCH_LAST = 2  # ... and at the bottom

# Control characters other than tab and line feed, soft hyphens, zero-width spaces, BOMs.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff]")
# line and paragraph separators as line feeds: each replaced only where it occurs (one search
# of the text each), which for non-ASCII text costs a fraction of ``str.translate``'s look-up
# of every character (the same text: no replacement holds a character replaced after it)
_LINE_BREAKS = (("\r", "\n"), ("\u2028", "\n"), ("\u2029", "\n\n"), ("\x0b", "\n"), ("\x0c", "\n"))
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"«»“„'(\-–—]?[A-ZÆØÅÄÖÜ0-9])")
_TEXT_KINDS = (ParagraphKind.BODY, ParagraphKind.HEADING)


def clean_text(text: str) -> str:
    """NFC, no invisible or control characters, unified line breaks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    for separator, line_feed in _LINE_BREAKS:
        if separator in text:
            text = text.replace(separator, line_feed)
    return _INVISIBLE.sub("", text)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs at blank lines; at single line breaks when the text has no blank line.

    Whitespace inside a paragraph (line wraps, tabs, no-break spaces) becomes one space.
    """
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    paragraphs = (" ".join(part.split()) for part in parts)
    return [paragraph for paragraph in paragraphs if paragraph]


def outlet_of(source: str | None, url: str | None) -> str | None:
    """The outlet: the given source name, else the URL's host without ``www.``."""
    if source and source.strip():
        return " ".join(source.split())
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.lower().removeprefix("www.")


def make_title(title: str | None, texts: Sequence[str], kinds: Sequence[ParagraphKind]) -> str:
    """The given title, else the first heading or the first sentence of the first body paragraph."""
    if title and title.strip():
        return " ".join(clean_text(title).split())
    first = next(
        (text for text, kind in zip(texts, kinds, strict=True) if kind in _TEXT_KINDS), texts[0]
    )
    sentence = _SENTENCE_END.split(first, maxsplit=1)[0]
    if len(sentence) <= TITLE_MAX_CHARACTERS:
        return sentence
    cut = sentence[:TITLE_MAX_CHARACTERS].rsplit(" ", 1)[0].rstrip(" ,;:-–")
    return cut + "…"


def _given_origin(raw: RawDocument) -> DateOrigin:
    if raw.published_origin:
        try:
            return DateOrigin(raw.published_origin)
        except ValueError:
            pass
    return DateOrigin.HEADER if raw.format == "text" else DateOrigin.METADATA


def _find_text_date(texts: Sequence[str], kinds: list[ParagraphKind]) -> PublishedDate | None:
    """A publication date in a dateline near the top (or a stamp at the bottom) of the text.

    The paragraph holding it, if it is no more than the date, is marked boilerplate.
    """
    count = len(texts)
    positions = list(range(min(DATELINE_SEARCH_FIRST, count)))
    positions += [
        p for p in range(max(count - DATELINE_SEARCH_LAST, 0), count) if p not in positions
    ]
    candidates = [p for p in positions if kinds[p] is not ParagraphKind.SOCIAL_POST]
    found = find_dateline([texts[p] for p in candidates])
    if found is None:
        return None
    position = candidates[found[0]]
    if kinds[position] in (ParagraphKind.HEADING, ParagraphKind.BODY) and (
        len(texts[position].split()) <= 8 or parse_date(texts[position]) is not None
    ):
        kinds[position] = ParagraphKind.BOILERPLATE
    return found[1]


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def check_size(article: Article, max_paragraph: int, max_article: int) -> None:
    """Refuse an article with a paragraph or a text longer than the limits (issue 20).

    Analysis is linear in the text, but a megabyte paragraph is no article (spaCy refuses one
    past a million characters); the limits are ``ingest.max_paragraph_characters`` and
    ``ingest.max_article_characters``.
    """
    for paragraph in article.paragraphs:
        if len(paragraph.text) > max_paragraph:
            raise InputError(
                article.origin,
                f"paragraph {paragraph.index + 1} has {len(paragraph.text):,} characters, more"
                f" than {max_paragraph:,} (ingest.max_paragraph_characters); is it one text?",
            )
    total = sum(len(paragraph.text) for paragraph in article.paragraphs)
    if total > max_article:
        raise InputError(
            article.origin,
            f"article of {total:,} characters is longer than {max_article:,}"
            " (ingest.max_article_characters)",
        )


def normalize(raw: RawDocument) -> Article:
    """Clean one document into an Article; raises InputError when nothing usable is left."""
    header, text = split_date_header(clean_text(raw.text))
    texts = split_paragraphs(text)
    if not texts:
        raise InputError(raw.origin, "no text after cleaning (empty or only whitespace)")
    kinds = classify_paragraphs(texts)
    if len(texts) == 1 and raw.title and " ".join(raw.title.split()) == texts[0]:
        kinds = [ParagraphKind.BODY]  # a headline-only document: its text is its title
    if not any(kind in _TEXT_KINDS for kind in kinds):
        found = ", ".join(sorted({str(kind) for kind in kinds}))
        raise InputError(
            raw.origin, f"no article text: all {len(texts)} paragraphs are marked ({found})"
        )
    published = parse_published(raw.published, _given_origin(raw))
    if published is None and header is not None:
        published = parse_published(header, DateOrigin.HEADER)
    if published is None:
        published = _find_text_date(texts, kinds)
    if published is None:
        published = date_from_url(raw.url)
    paragraphs = tuple(
        Paragraph(index=index, text=paragraph, kind=kind)
        for index, (paragraph, kind) in enumerate(zip(texts, kinds, strict=True))
    )
    full_text = "\n\n".join(texts)
    body_text = "\n\n".join(p.text for p in paragraphs if p.kind in _TEXT_KINDS)
    outlet = outlet_of(raw.source, raw.url)
    url = raw.url.strip() if raw.url else None
    return Article(
        id=_digest(outlet or "", url or "", full_text)[:16],
        content_hash=_digest(body_text),
        title=make_title(raw.title, texts, kinds),
        paragraphs=paragraphs,
        language=normalize_language_code(raw.language),
        published=published.value if published else None,
        published_precision=published.precision if published else None,
        published_origin=published.origin if published else None,
        source=outlet,
        url=url,
        agencies=find_agencies(texts, kinds),
        external_id=raw.external_id,
        origin=raw.origin,
    )
