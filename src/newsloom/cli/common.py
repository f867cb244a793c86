"""The Typer app, global options (database, config) and small output helpers."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Protocol

import typer

from newsloom.errors import NotFoundError, StoreError
from newsloom.settings import Settings, load_settings
from newsloom.store import ArticleStore, Store, StoryStore, open_store

app = typer.Typer(
    name="newsloom",
    help="Turn a pile or a stream of news articles into stories you can trust.\n\n"
    "Exit codes: 0 all stored, 1 some inputs rejected (the rest stored), 2 usage error,"
    " 3 nothing could run (the store is missing or unreachable).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@dataclass(slots=True)
class Context:
    settings: Settings


GLOBAL_OPTIONS = ("--db", "--config")  # given before or after the command


def hoist_global_options(args: list[str]) -> list[str]:
    """``args`` with the global options that follow the command moved before it, so that
    ``newsloom ingest --db x.db file`` means ``newsloom --db x.db ingest file``."""
    before: list[str] = []
    hoisted: list[str] = []
    after: list[str] = []
    command_seen = False
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":  # everything after it is an argument
            after.extend(args[index:])
            break
        name = arg.partition("=")[0]
        takes_value = name in GLOBAL_OPTIONS and "=" not in arg
        if takes_value and index + 1 == len(args):  # no value: left for click to report
            (after if command_seen else before).append(arg)
            break
        if name in GLOBAL_OPTIONS and command_seen:
            hoisted.extend(args[index : index + 1 + takes_value])
        elif name in GLOBAL_OPTIONS:
            before.extend(args[index : index + 1 + takes_value])
        elif command_seen:
            after.append(arg)
        else:
            command_seen = not arg.startswith("-")
            before.append(arg)
        index += 2 if takes_value else 1
    if not command_seen:
        return before + hoisted + after
    command = before.pop()
    return [*before, *hoisted, command, *after]


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"newsloom {version('newsloom')}")
        except PackageNotFoundError:
            typer.echo("newsloom (not installed as a package)")
        raise typer.Exit()


@app.callback()
def common(
    context: typer.Context,
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database file or URL (default ./newsloom.db; env NEWSLOOM_DB)."),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="TOML settings file, one table per stage.")
    ] = None,
) -> None:
    """newsloom: stories from news articles, offline, on one machine.

    --db and --config may also follow the command (newsloom ingest --db x.db FILE)."""
    context.obj = Context(settings=load_settings(config, db=db))


def settings_of(context: typer.Context) -> Settings:
    obj = context.find_root().obj
    assert isinstance(obj, Context)
    return obj.settings


def require_database(db: str) -> None:
    """Fail when ``db`` names an SQLite file that does not exist (a typo would create one)."""
    path = db.partition("://")[2].removeprefix("/") if db.startswith("sqlite://") else db
    if "://" not in path and not Path(path).exists():
        raise StoreError(
            f"database {path} does not exist; check --db, or create it with --create,"
            " 'newsloom ingest' or 'newsloom demo'"
        )


@contextmanager
def store_of(context: typer.Context, *, read_only: bool = False) -> Iterator[Store]:
    store = open_store(settings_of(context).db, read_only=read_only)
    try:
        yield store
    finally:
        store.close()


def resolve_article_id(store: ArticleStore, given: str) -> str:
    if store.has_article(given):
        return given
    matches = store.find_article_ids(given)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(f"no article with id, external id or URL {given!r}")
    raise NotFoundError(f"{given!r} matches several articles: {', '.join(matches)}")


class StoryLookup(ArticleStore, StoryStore, Protocol):
    """Stories by id or prefix, and by one of their articles."""


def resolve_story_id(store: StoryLookup, given: str) -> str:
    matches = store.find_story_ids(given)
    if given in matches:
        return given
    if len(matches) == 1:
        return matches[0]
    if not matches:
        story = store.story_of(resolve_article_id(store, given)) if given else None
        if story:
            return story
        raise NotFoundError(f"no story with id {given!r}")
    raise NotFoundError(f"{given!r} matches several stories: {', '.join(matches)}")


def echo_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def is_terminal() -> bool:
    return sys.stderr.isatty()
