"""``newsloom watch``: poll feeds and ingest what is new."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated

import typer

from newsloom.cli.common import app, settings_of
from newsloom.store import open_store
from newsloom.watch import Poll, Watcher, parse_every


def _show(poll: Poll, as_json: bool) -> None:
    if as_json:
        record = {
            "feed": poll.url,
            "status": poll.status,
            "error": poll.error,
            "next_poll": poll.next_poll,
            "report": poll.report.to_dict(),
        }
        typer.echo(json.dumps(record, ensure_ascii=False))  # one line per feed and poll
        return
    stamp = datetime.now(UTC).strftime("%H:%M:%S")
    typer.echo(f"{stamp} {poll.url}: {poll.describe()}")
    for rejection in poll.report.rejected:
        typer.echo(f"  rejected [{rejection.stage}] {rejection.item}: {rejection.reason}", err=True)


@app.command("watch")
def watch_command(
    context: typer.Context,
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs to poll.")],
    every: Annotated[str, typer.Option("--every", help="Time between polls: 90s, 5m, 1h.")] = "5m",
    fetch_pages: Annotated[
        bool, typer.Option("--fetch-pages", help="Fetch each new item's page for its full text.")
    ] = False,
    once: Annotated[
        bool, typer.Option("--once", help="Poll each feed once and stop (for cron).")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON line per feed and poll.")
    ] = False,
) -> None:
    """Poll FEEDS with conditional GETs and run their new items through the pipeline.

    What each poll did is printed; feed state (validators, back-off, items seen) is kept in the
    database, so a restarted watcher re-processes nothing. Stop it with Ctrl-C.
    """
    from newsloom.pipeline import Pipeline

    settings = settings_of(context)
    ingest_settings = settings.ingest.model_copy(
        update={"fetch_pages": fetch_pages or settings.ingest.fetch_pages}
    )
    settings = settings.model_copy(update={"ingest": ingest_settings})
    seconds = parse_every(every)
    store = open_store(settings.db)
    try:
        watcher = Watcher(feeds, Pipeline.open(settings, store), seconds)
        watcher.run(rounds=1 if once else None, show=lambda poll: _show(poll, as_json))
    finally:
        store.close()
