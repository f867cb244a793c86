"""``newsloom export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from newsloom.cli.common import app, store_of
from newsloom.errors import SettingsError
from newsloom.export import write_export


@app.command("export")
def export_command(
    context: typer.Context,
    output_format: Annotated[str, typer.Option("--format", help="Export format: json.")] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (default stdout).")
    ] = None,
) -> None:
    """Export every article and story as one JSON object (the contract in DESIGN.md)."""
    if output_format != "json":
        raise SettingsError(f"--format {output_format!r}: available formats: json")
    with store_of(context, read_only=True) as store:
        if output is None:
            write_export(store, sys.stdout)
            return
        partial = output.with_name(output.name + ".partial")
        with partial.open("w", encoding="utf-8") as handle:
            write_export(store, handle)
        partial.replace(output)
