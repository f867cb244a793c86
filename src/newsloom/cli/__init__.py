"""The ``newsloom`` command. Each module registers the commands of one area on :data:`app`."""

from __future__ import annotations

import importlib
import sys

import typer

from newsloom.cli import browse, evaluate, export, ingest, serve, stories, watch
from newsloom.cli.common import app, hoist_global_options
from newsloom.errors import NewsloomError, SettingsError, StoreError

__all__ = ["app", "main"]

# The modules above register their commands on import; listed so the wiring stays visible.
COMMAND_MODULES = (ingest, watch, browse, stories, export, evaluate, serve)


EXIT_OK = 0  # everything read was stored (or the command did what it was asked)
EXIT_REJECTED = 1  # some inputs were rejected (the rest stored), or a newsloom error
EXIT_USAGE = 2  # a usage error: unknown option, bad value, invalid settings
EXIT_NO_STORE = 3  # nothing could run: the store is missing or unreachable


def exit_code_of(error: NewsloomError) -> int:
    if isinstance(error, StoreError):
        return EXIT_NO_STORE
    if isinstance(error, SettingsError):
        return EXIT_USAGE
    return EXIT_REJECTED


def main() -> None:
    """Entry point: run the CLI; the exit codes are in the README ("Exit codes")."""
    try:
        code = app(args=hoist_global_options(sys.argv[1:]), standalone_mode=False)
        sys.exit(code if isinstance(code, int) else EXIT_OK)
    except NewsloomError as error:
        typer.echo(f"error: {error}", err=True)
        sys.exit(exit_code_of(error))
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
