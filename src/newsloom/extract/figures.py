"""Quantified claims (killed, injured, arrested, ...). (Stub: replaced by the extraction owner.)"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.records import Article, Figure, TimeExpression


def extract_figures(article: Article, times: Sequence[TimeExpression] = ()) -> tuple[Figure, ...]:
    return ()
