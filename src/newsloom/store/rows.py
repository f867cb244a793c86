"""The values the store writes for a new article and its analysis that depend on nothing stored.

The analysis row's JSON payload, the full-text index's ``names`` (the keys of the article's
entities, merged as in a story) and ``forms`` (every word of title and body folded) are pure
functions of the article and its analysis. :func:`article_rows` makes them where the article is
analysed (a Dask worker, or the local engine before assign; the engine hands this function
to analyze, which imports no store), so the one ordered writer only
inserts them (:meth:`~newsloom.store.articles.ArticleQueries.add_article`); a store given no rows
makes the same values itself.
"""

from __future__ import annotations

from newsloom.records import Analysis, Article, ArticleRows
from newsloom.store.codec import analysis_to_json
from newsloom.store.fulltext import forms_of, names_of

__all__ = ["ArticleRows", "article_rows", "indexed_text"]


def indexed_text(article: Article) -> tuple[str, str]:
    """The title and body text the full-text index holds for ``article``."""
    return article.title, "\n\n".join(p.text for p in article.body)


def article_rows(article: Article, analysis: Analysis) -> ArticleRows:
    """The stored values of ``article`` with ``analysis`` (its own analysis)."""
    title, body = indexed_text(article)
    return ArticleRows(
        article_id=article.id,
        payload=analysis_to_json(analysis),
        names=names_of(article.id, article.language, analysis.entities),
        forms=forms_of(f"{title}\n{body}"),
    )
