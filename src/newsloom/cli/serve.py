"""``newsloom serve``: the web UI and HTTP API."""

from __future__ import annotations

from typing import Annotated

import typer

from newsloom.cli.common import app, require_database, settings_of
from newsloom.store import display_name


@app.command("serve")
def serve_command(
    context: typer.Context,
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default 127.0.0.1).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
    read_only: Annotated[bool, typer.Option("--read-only", help="Refuse every write.")] = False,
    create: Annotated[
        bool, typer.Option("--create", help="Create the database if it does not exist.")
    ] = False,
) -> None:
    """Serve the web UI and HTTP API on the database (token from NEWSLOOM_TOKEN)."""
    import uvicorn

    from newsloom.web import create_app

    settings = settings_of(context)
    if not create:
        require_database(settings.db)
    serve = settings.serve.model_copy(
        update={
            "host": host or settings.serve.host,
            "port": port if port is not None else settings.serve.port,
            "read_only": read_only or settings.serve.read_only,
        }
    )
    settings = settings.model_copy(update={"serve": serve})
    typer.echo(
        f"newsloom: serving {display_name(settings.db)} on http://{serve.host}:{serve.port}",
        err=True,
    )
    uvicorn.run(create_app(settings), host=serve.host, port=serve.port, log_level="warning")
