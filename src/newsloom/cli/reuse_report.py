"""Reuse as people read it: what an article shares with others, and the most copied articles.

The CLI (``newsloom article ID``, ``newsloom reuse``) and the API call these; the SQL lives in
:mod:`newsloom.store.reuse`.
"""

from __future__ import annotations

from newsloom.dates import date_label
from newsloom.errors import NotFoundError
from newsloom.records import Article
from newsloom.store import Store
from newsloom.store.reuse import ReusedArticleRow

SNIPPET = 90


def _snippet(article: Article | None, paragraph: int) -> str:
    if article is None:
        return ""
    for item in article.paragraphs:
        if item.index == paragraph:
            text = " ".join(item.text.split())
            return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"
    return ""


def _label(article: Article | None, article_id: str) -> str:
    if article is None:
        return article_id
    when = date_label(
        article.published, article.published_precision, article.published_origin, days=True
    )
    return f"{article_id} ({article.source or 'unknown outlet'}, {when})"


def format_reuse_for_article(store: Store, article_id: str) -> list[str]:
    """Lines describing what ``article_id`` copied (with origins) and who copied it."""
    article = store.get_article(article_id)
    if article is None:
        raise NotFoundError(f"article {article_id} not found")
    result = store.get_reuse(article_id)
    lines: list[str] = []
    if result is None:
        return ["Reuse: not computed for this article."]
    cache: dict[str, Article | None] = {article_id: article}

    def load(identifier: str) -> Article | None:
        if identifier not in cache:
            cache[identifier] = store.get_article(identifier)
        return cache[identifier]

    if result.duplicate_of:
        similarity = result.duplicate_similarity or 1.0
        lines.append(
            f"Duplicate of {_label(load(result.duplicate_of), result.duplicate_of)}"
            f" (estimated similarity {similarity:.2f})"
        )
    lines.append(
        f"Reused content: {result.reused_share:.0%} of the body,"
        f" {len({p.paragraph for p in result.passages})} paragraph(s)"
    )
    for passage in result.passages:
        other = load(passage.other_article)
        origin = ""
        if passage.origin_article:
            origin = f"; origin {_label(load(passage.origin_article), passage.origin_article)}"
            if passage.origin_agency:
                origin += f" [{passage.origin_agency}]"
        lines.append(
            f"  ¶{passage.paragraph} ≈ {_label(other, passage.other_article)}"
            f" ¶{passage.other_paragraph} (similarity {passage.similarity:.2f}{origin})"
        )
        lines.append(f"      “{_snippet(article, passage.paragraph)}”")
    copies = store.reused_from(article_id)
    if copies:
        lines.append(f"Copied by {len({p.article for p in copies})} later article(s):")
        for passage in copies:
            lines.append(
                f"  ¶{passage.other_paragraph} → {_label(load(passage.article), passage.article)}"
                f" ¶{passage.paragraph} (similarity {passage.similarity:.2f})"
            )
    return lines


def top_reused(store: Store, limit: int = 20) -> list[ReusedArticleRow]:
    """Articles with the largest share of copied content, each with its originating outlets."""
    return store.most_reused(limit=limit, min_share=0.0)


def format_top_reused(rows: list[ReusedArticleRow]) -> list[str]:
    """``top_reused`` as table lines: share, article, outlet and where the copied text came from."""
    lines = [f"{'share':>6}  {'article':<16}  {'outlet':<20}  origins"]
    for row in rows:
        origins = ", ".join(
            f"{source or article}{f' [{agency}]' if agency else ''} ×{paragraphs}"
            for article, source, agency, paragraphs in row.origins
        )
        lines.append(
            f"{row.reused_share:>6.0%}  {row.article_id:<16}"
            f"  {(row.source or '')[:20]:<20}  {origins}"
        )
    return lines
