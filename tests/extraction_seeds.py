"""The seed articles as Articles with their publication date as given (for extraction tests)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from newsloom.extract.quotes import extract_quotes
from newsloom.records import (
    Article,
    DatePrecision,
    EntityMention,
    EntityType,
    Paragraph,
    ParagraphKind,
    Quote,
)

_DATE_PREFIX = re.compile(r"\A\s*date (?P<year>\d{4})-(?P<month>\d{2})\s+")


def load_seed(path: Path) -> Article:
    """A seed file as an Article: a ' date YYYY-MM ' prefix becomes a month-precision date."""
    text = path.read_text(encoding="utf-8")
    published = None
    precision = None
    prefix = _DATE_PREFIX.match(text)
    if prefix:
        published = datetime(int(prefix.group("year")), int(prefix.group("month")), 1)
        precision = DatePrecision.MONTH
        text = text[prefix.end() :]
    language = "nb" if path.name.startswith("001_") else "da"
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    return Article(
        id=path.stem,
        content_hash=path.stem,
        title=blocks[0][:60],
        paragraphs=tuple(
            Paragraph(index=index, text=" ".join(block.split()), language=language)
            for index, block in enumerate(blocks)
        ),
        language=language,
        published=published,
        published_precision=precision,
    )


def seed(seeds_dir: Path, prefix: str) -> Article:
    return load_seed(next(seeds_dir.glob(f"{prefix}_*.txt")))


def text_article(
    *paragraphs: str,
    language: str | None = None,
    kinds: dict[int, ParagraphKind] | None = None,
    published: datetime | None = None,
) -> Article:
    """An article of body paragraphs (``kinds`` overrides some), all in ``language``, published
    at ``published`` (to the minute) when given."""
    return Article(
        id="test",
        content_hash="test",
        title=paragraphs[0][:40],
        paragraphs=tuple(
            Paragraph(
                index=i,
                text=text,
                kind=(kinds or {}).get(i, ParagraphKind.BODY),
                language=language,
            )
            for i, text in enumerate(paragraphs)
        ),
        language=language,
        published=published,
        published_precision=DatePrecision.TIME if published else None,
    )


def quotes(*paragraphs: str, language: str = "nb") -> tuple[Quote, ...]:
    """The quotes of an article of ``paragraphs`` in ``language`` (the recogniser not run)."""
    return extract_quotes(text_article(*paragraphs, language=language))


def quotes_with_people(
    language: str, *paragraphs: str, people: tuple[str, ...] = ()
) -> tuple[Quote, ...]:
    """The quotes of an article of ``paragraphs``, with ``people`` as person mentions wherever
    they stand (the recogniser's part, given)."""
    mentions = [
        EntityMention(name, EntityType.PERSON, index, at, at + len(name))
        for index, text in enumerate(paragraphs)
        for name in people
        for at in range(len(text))
        if text.startswith(name, at)
    ]
    return extract_quotes(text_article(*paragraphs, language=language), mentions)


def who_spoke(found: tuple[Quote, ...]) -> list[str | None]:
    """Each quote's speaker, or its role where no one holds it."""
    return [quote.speaker or quote.speaker_role for quote in found]


def speakers_and_roles(found: tuple[Quote, ...]) -> list[tuple[str | None, str | None]]:
    """Each quote's speaker and role."""
    return [(quote.speaker, quote.speaker_role) for quote in found]
