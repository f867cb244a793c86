"""The JSON export: a stable contract (see DESIGN.md), written as a stream.

``{"articles": [...], "stories": [...]}``; fields may grow, existing ones keep their meaning.
JSON Lines carries the same article objects, one a line, with the columns of the ``articles``
table (:mod:`newsloom.export_tables`) added.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from newsloom.dates import date_iso, date_label
from newsloom.export_tables import Selection, article_records, iter_selected, selected_stories
from newsloom.records import Article
from newsloom.store import Store

if TYPE_CHECKING:  # the dossier is imported when a story is exported
    from newsloom.story.dossier import StoryRecords


def article_to_dict(article: Article, store: StoryRecords) -> dict[str, Any]:
    reuse = store.get_reuse(article.id)
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "language": article.language,
        "published": date_iso(article.published, article.published_precision),
        "published_precision": article.published_precision,
        "published_origin": article.published_origin,
        "published_label": date_label(
            article.published, article.published_precision, article.published_origin
        ),
        "published_evidence": article.published_evidence,
        "agencies": list(article.agencies),
        "external_id": article.external_id,
        "paragraphs": [
            {"text": p.text, "language": p.language, "kind": p.kind.value}
            for p in article.paragraphs
        ],
        "duplicate_of": reuse.duplicate_of if reuse else None,
        "reused_share": reuse.reused_share if reuse else 0.0,
        "reused": [
            {
                "article": passage.other_article,
                "passage": passage.paragraph,
                "other_passage": passage.other_paragraph,
                "similarity": round(passage.similarity, 4),
                "origin": passage.origin_article,
                "origin_agency": passage.origin_agency,
            }
            for passage in (reuse.passages if reuse else ())
        ],
        "story": store.story_of(article.id),
    }


def story_to_dict(store: StoryRecords, story_id: str) -> dict[str, Any]:
    from newsloom.story.dossier import build_dossier
    from newsloom.story.render import dossier_to_dict

    return dossier_to_dict(build_dossier(store, story_id))


def article_lines(store: Store, selection: Selection | None = None) -> Iterator[dict[str, Any]]:
    """The selected articles as the contract has them, with the ``articles`` table's columns."""
    for article, row in article_records(store, selection or Selection()):
        record = article_to_dict(article, store)
        record.update((key, value) for key, value in row.items() if key not in record)
        yield record


def write_export(store: Store, out: TextIO, selection: Selection | None = None) -> None:
    """Write the store (or the selected articles and their stories) as one JSON object, one
    article or story at a time."""
    selection = selection or Selection()
    filtered = bool(selection.story or selection.filters_articles)
    articles = iter_selected(store, selection) if filtered else store.iter_articles()
    out.write('{"articles": [\n')
    for position, article in enumerate(articles):
        if position:
            out.write(",\n")
        out.write(json.dumps(article_to_dict(article, store), ensure_ascii=False))
    out.write('\n], "stories": [\n')
    stories = (
        selected_stories(store, selection)
        if filtered
        else store.list_stories(order="newest", limit=None)
    )
    for position, row in enumerate(stories):
        if position:
            out.write(",\n")
        out.write(json.dumps(story_to_dict(store, row.id), ensure_ascii=False, default=str))
    out.write("\n]}\n")
