"""Shared fixtures: paths to the seeds and gold data (skipping when absent), temporary stores."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "newsloom.db"


@pytest.fixture
def settings(db_path: Path) -> Settings:
    return load_settings(environ={}, db=str(db_path))


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(db_path)
    yield opened
    opened.close()
