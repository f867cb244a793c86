"""Stories: ``stories``, ``story`` (the dossier) and ``reuse`` (who copied what from whom)."""

from __future__ import annotations

from typing import Annotated

import typer

from newsloom.cli.common import app, echo_json, resolve_story_id, store_of
from newsloom.dates import iso_label
from newsloom.errors import NotFoundError, SettingsError
from newsloom.store.codec import to_jsonable

STORY_FORMATS = ("text", "md", "html", "json")


@app.command("stories")
def stories_command(
    context: typer.Context,
    order: Annotated[str, typer.Option(help="newest or biggest.")] = "newest",
    language: Annotated[
        str | None, typer.Option(help="Only stories with articles in this language.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 30,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List stories: size, languages, outlets, time span and title."""
    if order not in ("newest", "biggest"):
        raise SettingsError(f"--order {order!r}: expected newest or biggest")
    with store_of(context, read_only=True) as store:
        rows = store.list_stories(order=order, limit=limit, language=language)
        if as_json:
            echo_json([to_jsonable(row) for row in rows])
            return
        for row in rows:
            first, last = iso_label(row.first_seen, days=True), iso_label(row.last_seen, days=True)
            span = first if first == last else f"{first} … {last}"
            languages = ",".join(row.languages)
            typer.echo(
                f"{row.id}  {len(row.article_ids):3} art.  {languages:11} {span:25}"
                f"  {row.title[:60]}"
            )
            typer.echo(f"    outlets: {', '.join(row.outlets) or '-'}")
        if not rows:
            typer.echo("no stories yet: try `newsloom demo` or `newsloom ingest PATH`", err=True)


@app.command("story")
def story_command(
    context: typer.Context,
    story_id: Annotated[
        str, typer.Argument(help="Story id (a unique prefix will do) or one of its article ids.")
    ],
    output_format: Annotated[
        str, typer.Option("--format", help="text, md, html or json.")
    ] = "text",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (--format json).")] = False,
) -> None:
    """Show a story's dossier: coverage, figure tracks, timeline, summary, entities and quotes."""
    if as_json:
        output_format = "json"
    if output_format not in STORY_FORMATS:
        raise SettingsError(
            f"--format {output_format!r}: expected one of {', '.join(STORY_FORMATS)}"
        )
    from newsloom.story.dossier import build_dossier
    from newsloom.story.render import dossier_to_dict, render_html, render_markdown, render_text

    with store_of(context, read_only=True) as store:
        found = resolve_story_id(store, story_id)
        if store.get_story_row(found) is None:
            raise NotFoundError(f"no story {story_id!r}")
        dossier = build_dossier(store, found)
    if output_format == "json":
        echo_json(dossier_to_dict(dossier))
    elif output_format == "md":
        typer.echo(render_markdown(dossier))
    elif output_format == "html":
        typer.echo(render_html(dossier))
    else:
        typer.echo(render_text(dossier))


@app.command("reuse")
def reuse_command(
    context: typer.Context,
    limit: Annotated[int, typer.Option(help="At most this many articles.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Articles with the most copied content, and the outlets it came from."""
    from newsloom.cli.reuse_report import format_top_reused, top_reused

    with store_of(context, read_only=True) as store:
        rows = top_reused(store, limit)
        if as_json:
            echo_json([to_jsonable(row) for row in rows])
            return
        for line in format_top_reused(rows):
            typer.echo(line)
        if not rows:
            typer.echo("no reused passages found", err=True)
