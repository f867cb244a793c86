"""Time expressions resolved against the publication date. (Stub: replaced by the extraction owner.)"""

from __future__ import annotations

from newsloom.records import Article, TimeExpression


def resolve_times(article: Article) -> tuple[TimeExpression, ...]:
    return ()
