"""RawDocument → Article: clean text, paragraphs and their kinds, date, outlet, agency, stable id.

(Stub: the normalize owner replaces this with the full implementation.)
"""

from __future__ import annotations

import hashlib
import unicodedata

from newsloom.errors import InputError
from newsloom.records import Article, Paragraph, RawDocument


def normalize(raw: RawDocument) -> Article:
    text = unicodedata.normalize("NFC", raw.text).strip()
    if not text:
        raise InputError(raw.origin, "no text")
    paragraphs = tuple(
        Paragraph(index=i, text=" ".join(part.split()))
        for i, part in enumerate(p for p in text.split("\n\n") if p.strip())
    )
    body = "\n\n".join(p.text for p in paragraphs)
    content_hash = hashlib.sha256(body.encode()).hexdigest()
    identity = hashlib.sha256(f"{raw.source or ''}\n{raw.url or ''}\n{body}".encode()).hexdigest()
    return Article(
        id=identity[:16],
        content_hash=content_hash,
        title=raw.title or paragraphs[0].text[:120],
        paragraphs=paragraphs,
        language=raw.language,
        source=raw.source,
        url=raw.url,
        external_id=raw.external_id,
        origin=raw.origin,
    )
