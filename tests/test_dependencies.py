"""Runtime dependencies are exactly what the package imports (#21).

Benchmark- or training-only packages belong in extras, so that `pip install newsloom` brings no
library the package never loads; and every third-party module the package imports is declared.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import REPO

SOURCE = REPO / "src" / "newsloom"

# Declared for another dependency's sake, never imported by newsloom itself.
NEEDED_BY_A_DEPENDENCY = {
    "lxml-html-clean": "trafilatura needs it with lxml >= 5.2",
}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9_.\-]+", requirement)
    assert match, requirement
    return normalise(match.group(0))


def pyproject() -> dict[str, object]:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)


def runtime_dependencies() -> set[str]:
    project = pyproject()["project"]
    assert isinstance(project, dict)
    return {requirement_name(item) for item in project["dependencies"]}


def imported_top_level_modules() -> set[str]:
    modules: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return {
        module
        for module in modules
        if module != "newsloom" and module not in sys.stdlib_module_names
    }


def imported_distributions() -> dict[str, str]:
    """Distribution name → one module of it that src/newsloom imports."""
    owners = packages_distributions()
    found: dict[str, str] = {}
    for module in imported_top_level_modules():
        for distribution in owners.get(module, [module]):
            found[normalise(distribution)] = module
    return found


def test_every_runtime_dependency_is_imported_by_the_package() -> None:
    imported = imported_distributions()
    unused = sorted(
        name
        for name in runtime_dependencies()
        if name not in imported and name not in NEEDED_BY_A_DEPENDENCY
    )
    assert not unused, f"runtime dependencies src/newsloom never imports: {unused}; move to extras"


def test_every_imported_package_is_declared() -> None:
    declared = runtime_dependencies()
    extras = pyproject()["project"]
    assert isinstance(extras, dict)
    optional = {
        requirement_name(item)
        for items in extras.get("optional-dependencies", {}).values()
        for item in items
    }
    undeclared = {
        name: module
        for name, module in imported_distributions().items()
        if name not in declared and name not in optional
    }
    assert not undeclared, f"imported by src/newsloom but not declared: {undeclared}"


def test_benchmark_and_training_packages_are_extras() -> None:
    optional = pyproject()["project"]
    assert isinstance(optional, dict)
    extras = {
        key: {requirement_name(item) for item in items}
        for key, items in optional["optional-dependencies"].items()
    }
    assert "datasketch" in extras["benchmarks"]
    assert "scipy" in extras["train"]
    assert not {"datasketch", "scipy"} & runtime_dependencies()
