"""Shared pieces of the browser tests: Debian's chromium driven by Playwright, and a database
filled through the real pipeline for the server to serve."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from newsloom.pipeline import ingest
from newsloom.settings import Settings, load_settings
from newsloom.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
EXAMPLE = Path(__file__).resolve().parent.parent / "src" / "newsloom" / "data" / "example"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless chromium (skips the test when Debian's chromium is not installed)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def ingested(folder: Path, sources: Sequence[Path]) -> Settings:
    """Settings for a new database in ``folder`` holding ``sources`` (the example corpus first)."""
    if not (EXAMPLE / "articles.jsonl").exists():
        pytest.skip("the bundled example corpus is missing")
    path = folder / "served.db"
    settings = load_settings(environ={}, db=str(path))
    store = open_store(path)
    try:
        report = ingest([str(EXAMPLE / "articles.jsonl"), *map(str, sources)], settings, store)
    finally:
        store.close()
    assert report.new > 0, report.to_dict()
    assert not report.rejected, report.to_dict()
    return settings


@contextmanager
def opened_page(browser: Any, server: str) -> Iterator[Any]:
    """A page of ``server`` in a new browser context; fails the test when the page fetched
    anything from elsewhere (the pages work offline)."""
    context = browser.new_context(base_url=server, viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    outside: list[str] = []
    opened.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(server) and not request.url.startswith("data:")
            else None
        ),
    )
    try:
        yield opened
    finally:
        context.close()
    assert outside == [], f"the page fetched from elsewhere: {outside}"


# --- screenshots -------------------------------------------------------------------------------


def image_of(png: bytes) -> Any:
    from PIL import Image

    return Image.open(io.BytesIO(png)).convert("RGB")


def assert_drawn(png: bytes, min_width: int, min_height: int, min_colours: int = 20) -> Any:
    """The screenshot has a sensible size and is not blank: many colours, much ink."""
    image = image_of(png)
    width, height = image.size
    assert width >= min_width, (width, min_width)
    assert height >= min_height, (height, min_height)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None
    assert len(colours) > min_colours, f"only {len(colours)} colours: a blank screenshot?"
    background = max(colours)[1]
    ink = sum(count for count, colour in colours if colour != background)
    assert ink / (width * height) > 0.02, "almost nothing is drawn"
    return image


def share_of(image: Any, colour: tuple[int, int, int], tolerance: int = 40) -> float:
    """The share of the image's pixels within ``tolerance`` of ``colour``."""
    colours = image.getcolors(maxcolors=1 << 20)
    near = sum(
        count
        for count, pixel in colours
        if all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))
    )
    return float(near) / float(image.size[0] * image.size[1])
