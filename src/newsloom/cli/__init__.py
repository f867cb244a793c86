"""The ``newsloom`` command. Each module registers the commands of one area on :data:`app`."""

from __future__ import annotations

import importlib
import sys

import typer

from newsloom.cli import browse, evaluate, export, ingest, serve, stories, watch
from newsloom.cli.common import app
from newsloom.errors import NewsloomError

__all__ = ["app", "main"]

# The modules above register their commands on import; listed so the wiring stays visible.
COMMAND_MODULES = (ingest, watch, browse, stories, export, evaluate, serve)


def main() -> None:
    """Entry point: run the CLI, turning newsloom errors into a message and exit code 1."""
    try:
        app(standalone_mode=False)
    except NewsloomError as error:
        typer.echo(f"error: {error}", err=True)
        sys.exit(1)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # click's usage errors arrive here in non-standalone mode
        if isinstance(error, _click_exceptions()):
            error.show()  # type: ignore[attr-defined]
            sys.exit(error.exit_code)  # type: ignore[attr-defined]
        raise


def _click_exceptions() -> tuple[type[Exception], ...]:
    """click's exception base: from click itself and from the copy newer typer releases vendor."""
    found: list[type[Exception]] = []
    for module in ("click.exceptions", "typer._click.exceptions"):
        try:
            found.append(importlib.import_module(module).ClickException)
        except (ImportError, AttributeError):
            continue
    return tuple(found)
