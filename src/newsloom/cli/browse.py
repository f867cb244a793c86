"""Reading stored articles: ``articles``, ``article`` and ``search``."""

from __future__ import annotations

import textwrap
from datetime import datetime, timedelta
from typing import Annotated

import typer

from newsloom.cli.common import (
    app,
    echo_json,
    resolve_article_id,
    resolve_story_id,
    store_of,
)
from newsloom.cli.reuse_report import format_reuse_for_article
from newsloom.dates import date_iso, date_label, iso_label
from newsloom.errors import NotFoundError, SettingsError
from newsloom.records import Article, ParagraphKind
from newsloom.store import ArticleFilter, ArticleHit, SearchQuery, Store
from newsloom.store.codec import to_jsonable
from newsloom.store.snippets import MARK_END, MARK_START
from newsloom.story.credits import credited_quotes
from newsloom.story.dossier import names_of_story
from newsloom.story.figure_claims import chain_label, vague_phrase


def _date(value: str | None, flag: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as error:
        raise SettingsError(f"{flag} {value!r}: expected a date like 2025-03-04") from error


def _published(article: Article) -> str:
    return date_label(article.published, article.published_precision, article.published_origin)


def article_line(article: Article, store: Store) -> str:
    story = store.story_of(article.id) or "-"
    return (
        f"{article.id}  {_published(article):22}  {article.language or '??':3} "
        f"{(article.source or '-')[:18]:18}  {story[:17]:17}  {article.title[:70]}"
    )


@app.command("articles")
def articles_command(
    context: typer.Context,
    language: Annotated[
        str | None, typer.Option(help="Only this language (da, nb, nn, sv, en…).")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published before (YYYY-MM-DD).")] = None,
    story: Annotated[str | None, typer.Option(help="Only articles of this story.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    oldest: Annotated[bool, typer.Option("--oldest", help="Oldest first.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List stored articles, newest first, filtered by language, outlet, date or story."""
    with store_of(context, read_only=True) as store:
        where = ArticleFilter(
            language=language,
            source=outlet,
            since=_date(since, "--since"),
            until=_date(until, "--until"),
            story=resolve_story_id(store, story) if story else None,
            limit=limit,
            newest_first=not oldest,
        )
        articles = store.list_articles(where)
        if as_json:
            echo_json(
                [
                    {
                        "id": a.id,
                        "title": a.title,
                        "source": a.source,
                        "language": a.language,
                        "published": date_iso(a.published, a.published_precision),
                        "published_precision": a.published_precision,
                        "published_origin": a.published_origin,
                        "published_label": _published(a),
                        "story": store.story_of(a.id),
                    }
                    for a in articles
                ]
            )
            return
        for article in articles:
            typer.echo(article_line(article, store))
        if not articles:
            typer.echo("no articles match", err=True)


@app.command("article")
def article_command(
    context: typer.Context,
    article_id: Annotated[
        str, typer.Argument(help="Article id (a unique prefix will do), external id or URL.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one article: paragraphs (kinds, languages), reuse, entities, quotes, figures."""
    with store_of(context, read_only=True) as store:
        found = store.get_article(resolve_article_id(store, article_id))
        if found is None:
            raise NotFoundError(f"no article {article_id!r}")
        analysis = store.get_analysis(found.id)
        reuse = store.get_reuse(found.id)
        if as_json:
            echo_json(
                {
                    "article": {
                        **to_jsonable(found),
                        "published": date_iso(found.published, found.published_precision),
                        "published_label": _published(found),
                    },
                    "story": store.story_of(found.id),
                    "analysis": to_jsonable(analysis),
                    "quotes": [
                        {**to_jsonable(quote), "credit": credit.label if credit else None}
                        for quote, credit in credited_quotes(
                            found, analysis, names_of_story(store, store.story_of(found.id))
                        )
                    ]
                    if analysis
                    else [],
                    "reuse": to_jsonable(reuse),
                }
            )
            return
        typer.echo(f"{found.title}\n")
        typer.echo(f"id         {found.id}")
        typer.echo(f"outlet     {found.source or '-'}    url {found.url or '-'}")
        typer.echo(
            f"published  {_published(found)} ({found.published_precision or '-'},"
            f" from {found.published_origin or '-'})"
        )
        if found.published_evidence:
            typer.echo(f"           {found.published_evidence}")
        typer.echo(
            f"language   {found.language or '-'}    agencies {', '.join(found.agencies) or '-'}"
        )
        typer.echo(f"story      {store.story_of(found.id) or '-'}    origin {found.origin}\n")
        for paragraph in found.paragraphs:
            marks = []
            if paragraph.kind != ParagraphKind.BODY:
                marks.append(paragraph.kind.value)
            if paragraph.language and paragraph.language != found.language:
                marks.append(paragraph.language)
            label = f"[{paragraph.index}{' ' + ', '.join(marks) if marks else ''}]"
            typer.echo(
                textwrap.fill(
                    paragraph.text, 100, initial_indent=label + " ", subsequent_indent="    "
                )
            )
        typer.echo("")
        for line in format_reuse_for_article(store, found.id):
            typer.echo(line)
        if analysis is not None:
            if analysis.entities:
                typer.echo("\nentities:")
                seen: dict[tuple[str, str], int] = {}
                for mention in analysis.entities:
                    key = (mention.text, mention.type.value)
                    seen[key] = seen.get(key, 0) + 1
                for (text, kind), count in seen.items():
                    typer.echo(f"  {kind:4} {text}" + (f" ×{count}" if count > 1 else ""))
            if analysis.extraction_resources:
                typer.echo(f"\nquotes and figures from: {analysis.extraction_resources}")
            if analysis.quotes:
                typer.echo("\nquotes:")
                known = names_of_story(store, store.story_of(found.id))
                for quote, credit in credited_quotes(found, analysis, known):
                    typer.echo(
                        textwrap.fill(
                            f"¶{quote.paragraph} {credit.label if credit else '?'}: «{quote.text}»",
                            100,
                            subsequent_indent="    ",
                        )
                    )
            if analysis.figures:
                typer.echo("\nfigures:")
                for figure in analysis.figures:
                    vague = vague_phrase(figure)
                    value = (
                        f"“{vague}” (vague)"
                        if vague
                        else f"{figure.low:g}"
                        if figure.low == figure.high
                        else f"{figure.low:g}–{figure.high:g}"
                    )
                    parts = [
                        figure.qualifier or "",
                        value,
                        figure.kind,
                        f"({figure.subject})" if figure.subject else "",
                    ]
                    attribution = chain_label(figure.attribution_chain, figure.attributed_to)
                    source = f" — {attribution}" if attribution else ""
                    when = (
                        f" as of {date_label(figure.as_of, figure.as_of_precision)}"
                        if figure.as_of
                        else ""
                    )
                    described = " ".join(part for part in parts if part)
                    typer.echo(f"  ¶{figure.paragraph} {described}{source}{when}: “{figure.text}”")
            if analysis.times:
                typer.echo("\ntime expressions:")
                for time in analysis.times:
                    inferred = ", inferred" if time.inferred else ""
                    resolved = date_label(time.value, time.precision) if time.value else "?"
                    typer.echo(
                        f"  ¶{time.paragraph} {time.text!r} → {resolved}"
                        f" ({time.precision or '-'}{inferred})"
                    )


def _until_day(value: str | None) -> datetime | None:
    """``--until``: a bare day counts whole (articles of that day are kept)."""
    until = _date(value, "--until")
    if until is not None and value is not None and len(value.strip()) == 10:
        until += timedelta(days=1)
    return until


def hit_json(hit: ArticleHit) -> dict[str, object]:
    """A search hit for ``--json``: the API's fields, the snippet's marks as ``[…]``."""
    return {
        "article": hit.article_id,
        "title": hit.title,
        "source": hit.source,
        "language": hit.language,
        "published": hit.published,
        "published_precision": hit.published_precision,
        "published_label": iso_label(hit.published, hit.published_origin),
        "story": hit.story_id,
        "story_title": hit.story_title,
        "snippet": hit.snippet.replace(MARK_START, "[").replace(MARK_END, "]"),
        "score": round(hit.score, 4),
    }


def search_hit_lines(hit: ArticleHit, width: int = 100) -> str:
    """A hit as text: id, date at its precision, outlet, language and story; title; snippet."""
    meta = (
        f"{hit.article_id}  {iso_label(hit.published, hit.published_origin)}"
        f" · {hit.source or 'unknown outlet'} · {hit.language or '??'}"
    )
    if hit.story_title:
        room = max(24, width - len(meta) - len(" · story: "))
        meta += " · story: " + textwrap.shorten(hit.story_title, room, placeholder=" …")
    snippet = hit.snippet.replace(MARK_START, "[").replace(MARK_END, "]")
    title = textwrap.shorten(hit.title, width - 4, placeholder=" …")
    body = textwrap.fill(snippet, width, initial_indent="    ", subsequent_indent="    ")
    return f"{meta}\n    {title}\n{body}"


@app.command("search")
def search_command(
    context: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(
            help="What to find: words (all must occur, in any spelling or language),"
            ' "a phrase", prefix*, OR, NOT, parentheses.'
        ),
    ],
    language: Annotated[str | None, typer.Option(help="Only this language (da, nb, sv…).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[
        str | None, typer.Option(help="Published on or before (YYYY-MM-DD, the whole day).")
    ] = None,
    story: Annotated[str | None, typer.Option(help="Only articles of this story.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many hits.", min=1)] = 20,
    offset: Annotated[int, typer.Option(help="Skip this many hits first.", min=0)] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Search titles and article text across spellings and languages (Ukraine finds
    Ukraina); best first, with date, outlet and story."""
    with store_of(context, read_only=True) as store:
        page = store.search_articles(
            SearchQuery(
                text=" ".join(query),
                language=language,
                outlet=outlet,
                since=_date(since, "--since"),
                until=_until_day(until),
                story=resolve_story_id(store, story) if story else None,
                limit=limit,
                offset=offset,
            )
        )
        if as_json:
            echo_json({"total": page.total, "hits": [hit_json(hit) for hit in page.hits]})
            return
        for hit in page.hits:
            typer.echo(search_hit_lines(hit))
        if not page.hits:
            typer.echo("no matches", err=True)
        elif page.total > offset + len(page.hits):
            typer.echo(
                f"{offset + 1}–{offset + len(page.hits)} of {page.total};"
                f" --offset {offset + len(page.hits)} for more",
                err=True,
            )
