"""Issue 20 on the service: no request can stall it, no empty token opens it, no bad article
breaks a write. A real SQLite file and the real app (TestClient)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsloom.errors import SettingsError, StoreError
from newsloom.settings import Settings, load_settings
from newsloom.store import open_store
from newsloom.web import create_app
from newsloom.web import state as web_state
from test_web_api import fill_store


def _settings(path: Path, **serve: object) -> Settings:
    settings = load_settings(environ={}, db=str(path))
    return settings.model_copy(update={"serve": settings.serve.model_copy(update=serve)})


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "filled.db"
    fill_store(path)
    return path


@pytest.fixture
def client(filled: Path) -> Iterator[TestClient]:
    with TestClient(create_app(_settings(filled))) as client:
        yield client


def test_an_empty_token_is_refused_not_taken_as_no_token_issue_20(tmp_path: Path) -> None:
    for empty in ("", "  "):
        with pytest.raises(SettingsError, match="set but empty"):
            create_app(_settings(tmp_path / "t.db", token=empty))
    assert not (tmp_path / "t.db").exists()


def test_a_long_or_many_word_query_is_refused_issue_20(client: TestClient) -> None:
    repeated = " ".join(["brann"] * 1000)
    for path in ("/api/search", "/api/stories"):
        response = client.get(path, params={"q": repeated})
        assert response.status_code == 400, path
        assert "serve.max_query_characters" in response.json()["detail"]
    page = client.get("/search", params={"q": repeated})
    assert page.status_code == 400
    assert "max_query_characters" in page.text
    many = " ".join(f"ord{i}" for i in range(21))
    response = client.get("/api/search", params={"q": many})
    assert response.status_code == 400
    assert "21 different words" in response.json()["detail"]
    assert client.get("/api/search", params={"q": "Havlit " * 30}).status_code == 200  # one word


def test_a_request_past_its_time_budget_is_stopped_issue_20(filled: Path) -> None:
    with TestClient(create_app(_settings(filled, request_seconds=0.05))) as client:
        state = client.app.state.web  # type: ignore[attr-defined]
        slow = (
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
        )
        with pytest.raises(StoreError, match=r"serve\.request_seconds"), state.reader() as store:
            store.connection.execute(slow).fetchone()  # would never end
        assert client.get("/api/stories").status_code == 200  # the next request has its own


def test_a_write_waits_for_the_lock_only_so_long_issue_20(filled: Path) -> None:
    with TestClient(create_app(_settings(filled, write_wait_seconds=0.2))) as client:
        state = client.app.state.web  # type: ignore[attr-defined]
        holding = threading.Event()
        release = threading.Event()

        def hold() -> None:
            with state._write_lock:
                holding.set()
                release.wait(10)

        thread = threading.Thread(target=hold)
        thread.start()
        holding.wait(5)
        try:
            response = client.post("/api/articles", json={"text": "Tre er anholdt i Nordby."})
        finally:
            release.set()
            thread.join()
        assert response.status_code == 503
        assert "serve.write_wait_seconds" in response.json()["detail"]


def test_entity_pages_do_not_build_every_dossier_per_request_issue_20(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    real = web_state.build_dossier

    def counting(store: object, story_id: str) -> object:
        built.append(story_id)
        return real(store, story_id)  # type: ignore[arg-type]

    monkeypatch.setattr(web_state, "build_dossier", counting)
    with TestClient(create_app(_settings(filled))) as client:
        client.app.state.web.dossiers.capacity = 1  # type: ignore[attr-defined]  # < stories
        story = client.get("/api/stories", params={"q": "Havlit"}).json()["stories"][0]["id"]
        entity = client.get(f"/api/stories/{story}").json()["story"]["entities"][0]["id"]
        first = client.get(f"/api/entities/{entity}")
        assert first.status_code == 200
        assert [s["id"] for s in first.json()["stories"]] == [story]
        built.clear()
        for _ in range(3):
            assert client.get(f"/api/entities/{entity}").status_code == 200
        # before: every story's dossier on every request (the cache holds one); now only the
        # story that mentions the entity, when the cache lost it
        assert set(built) <= {story}


def test_the_entity_index_has_the_entities_of_the_dossiers_issue_20(filled: Path) -> None:
    store = open_store(filled, read_only=True)
    try:
        for row in store.list_stories(limit=100):
            dossier = web_state.build_dossier(store, row.id)
            assert {e.id for e in web_state.story_entity_list(store, row.id)} == {
                e.id for e in dossier.entities
            }
    finally:
        store.close()


def test_the_entity_index_is_built_a_budget_at_a_time_issue_20(filled: Path) -> None:
    cache = web_state.DossierCache()
    store = open_store(filled, read_only=True)
    try:
        answers: list[str] = []
        for _ in range(5):
            try:
                found = cache.stories_with_entity(store, "no-such-entity", budget=0.0)
            except StoreError as error:
                answers.append(str(error))
                continue
            answers.append(f"done: {found}")
            break
    finally:
        store.close()
    assert answers == [
        "the entity index is being built (1 of 2 stories); try again in a few seconds",
        "done: []",
    ]


def test_a_figure_source_is_marked_copy_only_when_it_is_one_issue_20(client: TestClient) -> None:
    for brief in client.get("/api/stories").json()["stories"]:
        story = client.get(f"/api/stories/{brief['id']}").json()["story"]
        sources = [
            source
            for track in story["figure_tracks"]
            for value in track["values"]
            for source in value["sources"]
        ]
        page = client.get(f"/stories/{brief['id']}").text
        shown = page.count('<span class="badge copy">copy')  # not near-duplicate badges
        assert shown == sum(bool(source["copy"]) for source in sources), brief["id"]


def test_a_huge_paragraph_posted_is_a_named_rejection_not_a_500_issue_20(
    tmp_path: Path,
) -> None:
    settings = _settings(tmp_path / "post.db", max_request_mb=5)
    with TestClient(create_app(settings)) as client:
        batch = {
            "articles": [
                {"text": "Ord " * 300_000, "source": "Stor"},
                {"text": "Politiet oplyser, at tre personer er anholdt i Nordby i nat."},
            ]
        }
        response = client.post("/api/articles/batch", json=batch)
        assert response.status_code == 200, response.text
        result = response.json()
        assert result["new"] == 1
        (rejected,) = result["rejected"]
        assert "api:POST /api/articles/batch[0]" in rejected["item"]
        assert "max_paragraph_characters" in rejected["reason"]
    assert (
        sqlite3.connect(tmp_path / "post.db").execute("SELECT count(*) FROM articles").fetchone()[0]
        == 1
    )


def test_an_unexpected_error_is_json_under_api_not_plain_text_issue_20(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsloom.web import views

    def broken(*args: object) -> object:
        raise ZeroDivisionError("secret internals")

    monkeypatch.setattr(views, "search_view", broken)
    with TestClient(client.app, raise_server_exceptions=False) as plain:
        response = plain.get("/api/search", params={"q": "Havlit"})
    assert response.status_code == 500
    assert response.json()["detail"] == "internal error (ZeroDivisionError); please report it"
    assert "secret" not in response.text
