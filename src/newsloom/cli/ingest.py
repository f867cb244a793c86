"""``newsloom ingest`` and ``newsloom demo``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError

from newsloom.cli.common import app, echo_json, is_terminal, settings_of
from newsloom.errors import NewsloomError
from newsloom.records import RunReport
from newsloom.settings import EngineSettings, Settings
from newsloom.store import display_name, is_url, open_store, remove_store

if TYPE_CHECKING:
    from newsloom.pipeline import Progress


@contextmanager
def progress_bar(label: str, total: int | None = None) -> Iterator[Progress | None]:
    """A live counter on a terminal, with the total and time left when ``total`` is known;
    nothing when output is piped."""
    if not is_terminal():
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        *([TextColumn("left"), TimeRemainingColumn()] if total else []),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda amount: bar.advance(task, amount)


def print_report(report: RunReport, *, as_json: bool) -> None:
    if as_json:
        echo_json(report.to_dict())
        return
    typer.echo(
        f"read {report.read} · new {report.new} · unchanged {report.unchanged}"
        f" · rejected {len(report.rejected)}"
    )
    for note in report.notes:
        typer.echo(f"  note: {note}", err=True)
    for name, value in sorted(report.counters.items()):
        typer.echo(f"  {name}: {value}")
    for rejection in report.rejected:
        typer.echo(f"  rejected [{rejection.stage}] {rejection.item}: {rejection.reason}", err=True)


def run_ingest(sources: list[str], settings: Settings) -> RunReport:
    from newsloom.engine import close_engine, open_engine
    from newsloom.ingest.count import count_documents
    from newsloom.pipeline import ingest

    store = open_store(settings.db)
    try:
        engine = open_engine(
            settings.engine, settings.analyze, settings.cluster.embedded_by, settings.reuse
        )
        try:
            total = count_documents(sources) if is_terminal() else None
            with progress_bar("ingesting", total) as progress:
                return ingest(sources, settings, store, progress, engine)
        finally:
            close_engine(engine)
    finally:
        store.close()


@app.command("ingest")
def ingest_command(
    context: typer.Context,
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories, URLs (pages or RSS/Atom feeds), or - for standard input."
        ),
    ],
    fetch_pages: Annotated[
        bool, typer.Option("--fetch-pages", help="Fetch each feed item's page for its full text.")
    ] = False,
    column: Annotated[
        list[str] | None,
        typer.Option(
            "--column",
            help="Map an input column to a field, e.g. --column body=text --column headline=title.",
        ),
    ] = None,
    engine: Annotated[
        str | None,
        typer.Option(
            "--engine",
            help="Where normalize, language and analyze run: local (this process) or dask.",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="With --engine dask: a running scheduler (tcp://HOST:PORT)."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, help="With --engine dask: worker processes of the local cluster."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run report as JSON.")] = False,
) -> None:
    """Read articles from SOURCES and run them through the pipeline (new ones only)."""
    settings = with_engine(settings_of(context), engine, scheduler, workers)
    mapping = dict(settings.ingest.columns)
    for item in column or []:
        name, separator, field = item.partition("=")
        if not separator or not name or not field:
            raise typer.BadParameter(f"--column {item!r}: expected INPUT=FIELD, e.g. body=text")
        mapping[name] = field
    ingest_settings = settings.ingest.model_copy(
        update={"fetch_pages": fetch_pages or settings.ingest.fetch_pages, "columns": mapping}
    )
    settings = settings.model_copy(update={"ingest": ingest_settings})
    report = run_ingest(sources, settings)
    print_report(report, as_json=as_json)
    if report.rejected:
        raise typer.Exit(1)  # some inputs were rejected; the rest is stored


def with_engine(
    settings: Settings, name: str | None, scheduler: str | None, workers: int | None
) -> Settings:
    """``settings`` with the engine options given on the command line."""
    update: dict[str, object] = {}
    if name is not None:
        update["name"] = name
    if scheduler is not None:
        update["scheduler"] = scheduler
    if workers is not None:
        update["workers"] = workers
    if not update:
        return settings
    data = settings.engine.model_dump() | update
    try:
        engine = EngineSettings.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise typer.BadParameter(f"engine.{where}: {problem['msg']}") from error
    if engine.name != "dask" and (scheduler or workers):
        raise typer.BadParameter("--scheduler and --workers need --engine dask")
    return settings.model_copy(update={"engine": engine})


def example_corpus() -> Path:
    """The bundled example corpus (JSON Lines) inside the package."""
    path = Path(str(resources.files("newsloom") / "data" / "example" / "articles.jsonl"))
    if not path.exists():
        raise NewsloomError(f"the example corpus is missing from the package ({path})")
    return path


@app.command("demo")
def demo_command(
    context: typer.Context,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the database even if it holds other articles.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run report as JSON.")] = False,
) -> None:
    """Ingest the bundled example corpus into a fresh database and say what to try next."""
    settings = settings_of(context)
    database = display_name(settings.db)
    if is_url(settings.db) or Path(settings.db).exists():
        store = open_store(settings.db)
        try:
            total = store.count_articles()
            corpus = str(example_corpus())
            foreign = sum(not a.origin.startswith(corpus) for a in store.iter_articles())
        finally:
            store.close()
        if foreign and not force:
            raise NewsloomError(
                f"{database} already holds {total} articles, {foreign} of them not from the"
                " example corpus; use --force to replace it or --db to choose another database"
            )
        remove_store(settings.db)
    report = run_ingest([str(example_corpus())], settings)
    print_report(report, as_json=as_json)
    if as_json:
        return
    prefix = "newsloom" if settings.db == "newsloom.db" else f"newsloom --db '{database}'"
    typer.echo(
        f"\nThe example corpus is in {database}. Try:\n"
        f"  {prefix} stories                 # the stories, newest first\n"
        f"  {prefix} story ID                # one story's dossier\n"
        f"  {prefix} articles --language nb  # articles in Norwegian Bokmål\n"
        f"  {prefix} search brann            # full-text search\n"
        f"  {prefix} reuse                   # who copied what from whom\n"
        f"  {prefix} serve                   # browse it at http://127.0.0.1:8000\n"
        f"  {prefix} ingest MY_ARTICLES/     # add your own: files, folders, URLs, feeds"
    )
