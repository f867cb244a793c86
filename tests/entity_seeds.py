"""Build Articles from the seed articles in ../shared/seeds for entity tests."""

from __future__ import annotations

import re
from pathlib import Path

from newsloom.records import Article, Paragraph

_DATE_PREFIX = re.compile(r"^\s*date \d{4}-\d{2}\s+")
_NORWEGIAN = ("001_",)


def seed_articles(seeds_dir: Path) -> list[Article]:
    """The seeds as Articles: blank-line paragraphs, a leading ' date YYYY-MM ' prefix stripped."""
    articles = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = _DATE_PREFIX.sub("", path.read_text(encoding="utf-8"))
        language = "nb" if path.name.startswith(_NORWEGIAN) else "da"
        paragraphs = tuple(
            Paragraph(index=index, text=block.strip(), language=language)
            for index, block in enumerate(b for b in re.split(r"\n\s*\n", text) if b.strip())
        )
        articles.append(
            Article(
                id=path.stem,
                content_hash=path.stem,
                title=paragraphs[0].text[:60],
                paragraphs=paragraphs,
                language=language,
            )
        )
    return articles
