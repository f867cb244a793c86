"""Shared fixtures: paths to the seeds and gold data (skipping when absent), temporary stores.

Store fixtures (``db_url``, ``settings``, ``store``, ``new_database``) run each test twice: on a
SQLite file and on a fresh PostgreSQL schema in the ``test`` database at 127.0.0.1:5432
(``NEWSLOOM_TEST_POSTGRESQL`` names another server). Without a reachable server the PostgreSQL
runs skip, saying so; ``.ci/run`` starts the server, so in CI they run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsloom.settings import Settings, load_settings
from newsloom.store import Store, open_store

REPO = Path(__file__).resolve().parent.parent
# ../shared beside the checkout; NEWSLOOM_SHARED points elsewhere (a git worktree in another folder)
SHARED = Path(os.environ.get("NEWSLOOM_SHARED") or REPO.parent / "shared")
SEEDS = SHARED / "seeds"
GOLD_DATA = SHARED / "data"
EXAMPLE = REPO / "src" / "newsloom" / "data" / "example"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return SEEDS


@pytest.fixture
def gold_data() -> Path:
    if not GOLD_DATA.is_dir():
        pytest.skip(f"gold data not found at {GOLD_DATA} (see ../shared/data/README.md)")
    return GOLD_DATA


@pytest.fixture
def example_dir() -> Path:
    if not (EXAMPLE / "articles.jsonl").exists():
        pytest.skip("the bundled example corpus is missing")
    return EXAMPLE


POSTGRESQL = os.environ.get("NEWSLOOM_TEST_POSTGRESQL", "postgresql://127.0.0.1:5432/test")
DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


@cache
def postgresql_problem() -> str | None:
    """Why PostgreSQL tests cannot run here, or None when they can."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install -e '.[test]')"
    try:
        psycopg.connect(POSTGRESQL, connect_timeout=3).close()
    except psycopg.Error as error:
        return f"PostgreSQL not reachable at {POSTGRESQL} ({str(error).strip()}); .ci/run starts it"
    return None


@contextmanager
def postgresql_schemas() -> Iterator[Callable[[], str]]:
    """Make fresh schemas (each a URL whose search_path is that schema); drop them afterwards."""
    problem = postgresql_problem()
    if problem:
        pytest.skip(problem)
    import psycopg

    made: list[str] = []

    def make() -> str:
        schema = f"test_{uuid.uuid4().hex[:16]}"
        with psycopg.connect(POSTGRESQL, autocommit=True) as connection:
            connection.execute(f"CREATE SCHEMA {schema}")
        made.append(schema)
        separator = "&" if "?" in POSTGRESQL else "?"
        # the application name lets teardown end what a test left connected (a killed client)
        return f"{POSTGRESQL}{separator}options=-csearch_path%3D{schema}&application_name={schema}"

    try:
        yield make
    finally:
        with psycopg.connect(POSTGRESQL, autocommit=True) as connection:
            for schema in made:
                connection.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE application_name = %s AND pid <> pg_backend_pid()",
                    (schema,),
                )
                connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@contextmanager
def databases(kind: str, folder: Path) -> Iterator[Callable[[], str]]:
    """A maker of fresh, empty databases of ``kind``: SQLite files in ``folder`` or schemas."""
    if kind == "postgresql":
        with postgresql_schemas() as make:
            yield make
        return
    counter = iter(range(1_000_000))
    yield lambda: str(folder / f"newsloom-{next(counter)}.db")


@pytest.fixture(params=DATABASES)
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes fresh databases (SQLite files, or PostgreSQL schemas) and returns their URLs."""
    with databases(request.param, tmp_path) as make:
        yield make


@pytest.fixture
def db_url(new_database: Callable[[], str]) -> str:
    """A fresh database: a SQLite file or a PostgreSQL schema (the test runs on both)."""
    return new_database()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A SQLite file, for tests about SQLite itself."""
    return tmp_path / "newsloom.db"


@pytest.fixture
def settings(db_url: str) -> Settings:
    return load_settings(environ={}, db=db_url)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = open_store(db_url)
    yield opened
    opened.close()


# --- browser tests: each module defines the ``server`` fixture these pages open -------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from chromium_browser import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    from chromium_browser import opened_page

    with opened_page(browser, server) as opened:
        yield opened
