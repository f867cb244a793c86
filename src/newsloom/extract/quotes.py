"""Direct and reported quotes with speakers. (Stub: replaced by the extraction owner.)"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.records import Article, EntityMention, Quote


def extract_quotes(article: Article, entities: Sequence[EntityMention] = ()) -> tuple[Quote, ...]:
    return ()
