"""``/docs``: Swagger UI for the API, from the ``swagger-ui-py`` package's own files.

FastAPI's default docs page loads Swagger UI from a CDN and starts it with an inline script;
newsloom serves the assets itself and starts it from ``/static/api-docs.js``, so the page works
offline and under the Content-Security-Policy (``script-src 'self'``).
"""

from __future__ import annotations

from pathlib import Path

import swagger_ui  # type: ignore[import-untyped]  # its files only; not its app wrappers
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs/assets"

PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>newsloom API</title>
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
<link rel="icon" type="image/png" href="{ASSETS}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
<script src="{ASSETS}/swagger-ui-standalone-preset.js"></script>
<script src="/static/api-docs.js"></script>
</body>
</html>
"""


def swagger_ui_files() -> Path:
    """The folder of Swagger UI's files in the installed ``swagger-ui-py`` package."""
    folder = Path(swagger_ui.__file__).parent / "static"
    if not (folder / "swagger-ui-bundle.js").is_file():
        raise FileNotFoundError(f"no Swagger UI files in {folder}; reinstall swagger-ui-py")
    return folder


def add_docs(app: FastAPI) -> None:
    """Serve the API documentation at ``/docs`` (``/redoc`` leads there too)."""
    app.mount(ASSETS, StaticFiles(directory=swagger_ui_files()), name="docs-assets")

    @app.api_route("/docs", methods=["GET", "HEAD"], include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(PAGE)

    @app.api_route("/redoc", methods=["GET", "HEAD"], include_in_schema=False)
    def redoc() -> HTMLResponse:
        return HTMLResponse(PAGE)
