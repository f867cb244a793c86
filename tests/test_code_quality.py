"""The project's own checks: ruff (lint and format) and mypy in strict mode, as CI runs them."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPO

TREES = ["src", "tests", "benchmarks", "scripts"]
STAGES = ["ingest", "normalize", "analyze", "entities", "extract", "assign"]


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=900)


def test_ruff_lint() -> None:
    result = run(tool("ruff"), "check", *TREES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run(tool("ruff"), "format", "--check", *TREES)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict() -> None:
    result = run(tool("mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def test_issue_15_no_stage_imports_the_store() -> None:
    """Stages compute, the pipeline persists: the per-article stages never reach the store."""
    found = [
        f"{path.relative_to(REPO)} imports {module}"
        for stage in STAGES
        for path in sorted((REPO / "src" / "newsloom" / stage).rglob("*.py"))
        for module in sorted(_imported_modules(path))
        if module == "newsloom.store" or module.startswith("newsloom.store.")
    ]
    assert not found, "\n".join(found)


def test_issue_15_store_protocols_stay_small() -> None:
    """The store is small protocols, one per table group; ``Store`` only combines them."""
    path = REPO / "src" / "newsloom" / "store" / "protocol.py"
    methods = {
        node.name: [item.name for item in node.body if isinstance(item, ast.FunctionDef)]
        for node in ast.parse(path.read_text(encoding="utf-8"), str(path)).body
        if isinstance(node, ast.ClassDef)
    }
    assert {"ArticleStore", "ReuseStore", "StoryStore", "Store"} <= set(methods)
    assert methods["Store"] == []
    too_big = [
        f"{name}: {len(found)} methods" for name, found in methods.items() if len(found) > 15
    ]
    assert not too_big, "\n".join(too_big)


def test_issue_15_assign_state_asks_for_reuse_and_story_protocols() -> None:
    """The assign stage's state reads and writes through the reuse and story protocols (and
    the transaction), never through the whole ``Store``."""
    path = REPO / "src" / "newsloom" / "assign_state.py"
    names = {
        module.removeprefix("newsloom.store.")
        for module in _imported_modules(path)
        if module.startswith("newsloom.store.")
    }
    assert {"ReuseStore", "StoryStore"} <= names
    assert names <= {"ReuseStore", "StoryStore", "ClusterStore", "Transactional"}, names
