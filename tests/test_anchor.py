"""Inferred publication dates (issue 18): stored with precision, evidence and origin, taken only
from the article's own story, revised as the story grows, and shown the same way by every view."""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime
from pathlib import Path

from fastapi.testclient import TestClient
from tests.cli_runner import newsloom

from newsloom.cli.ingest import example_corpus
from newsloom.dates import date_iso, date_label
from newsloom.export import write_export
from newsloom.export_tables import Selection, table_rows
from newsloom.pipeline import ingest
from newsloom.records import DateOrigin, DatePrecision
from newsloom.settings import Settings
from newsloom.store import ArticleFilter, Store, open_store
from newsloom.story.dossier import build_dossier
from newsloom.story.figure_claims import chain_label
from newsloom.story.render import dossier_to_dict, render_text
from newsloom.web import create_app

UNDATED, MONTH_DATED = "002", "000"


def seed_paths(seeds_dir: Path) -> list[str]:
    return [str(path) for path in sorted(seeds_dir.glob("*.txt"))]


def seed_story(store: Store, seeds_dir: Path) -> str:
    """The one story all three seed articles are in."""
    origins = set(seed_paths(seeds_dir))
    seeds = [a for a in store.iter_articles() if a.origin in origins]
    stories = {store.story_of(article.id) for article in seeds}
    assert len(seeds) == 3
    assert len(stories) == 1, f"the seeds fell into {len(stories)} stories"
    story = stories.pop()
    assert story is not None
    return story


def cli(db: Path | str, *args: str) -> str:
    result = newsloom("--db", str(db), *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def check_every_view(settings: Settings, store: Store, story_id: str) -> None:
    articles = store.list_articles(ArticleFilter(story=story_id, limit=None))
    labels = {
        a.id: date_label(a.published, a.published_precision, a.published_origin) for a in articles
    }
    isos = {a.id: date_iso(a.published, a.published_precision) for a in articles}
    # the seeds: Wednesday 5 and Thursday 6 January 2022, each inferred from the story
    assert sorted(labels.values()) == [
        "5 Jan 2022 (inferred)",
        "5 Jan 2022 (inferred)",
        "6 Jan 2022 (inferred)",
    ]
    assert all(a.published_evidence for a in articles)
    # dossier (terminal text): the article list and first/last seen
    dossier = build_dossier(store, story_id)
    text = render_text(dossier)
    for article in articles:
        assert f"{article.id[:8]} {labels[article.id]}" in text
    assert "First seen 5 Jan 2022 (inferred)" in text
    assert "last seen 6 Jan 2022 (inferred)" in text
    as_json = dossier_to_dict(dossier)
    sources = [
        source
        for track in as_json["figure_tracks"]  # type: ignore[attr-defined]
        for value in track["values"]
        for source in value["sources"]
    ]
    assert sources
    assert all(source["published"] == isos[source["article"]] for source in sources)
    # export (the JSON contract)
    out = io.StringIO()
    write_export(store, out)
    exported = json.loads(out.getvalue())
    rows = {row["id"]: row for row in exported["articles"] if row["id"] in labels}
    assert {key: row["published"] for key, row in rows.items()} == isos
    assert {key: row["published_label"] for key, row in rows.items()} == labels
    assert {row["published_precision"] for row in rows.values()} == {"day"}
    story = next(row for row in exported["stories"] if row["id"] == story_id)
    assert (story["first_seen"], story["last_seen"]) == ("2022-01-05", "2022-01-06")
    # HTTP API and the web pages
    with TestClient(create_app(settings)) as client:
        for article in articles:
            served = client.get(f"/api/articles/{article.id}").json()
            assert served["published"] == isos[article.id]
            assert served["published_label"] == labels[article.id]
            assert labels[article.id] in client.get(f"/articles/{article.id}").text
        briefs = client.get(f"/api/stories/{story_id}").json()["articles"]
        assert {b["id"]: b["published_label"] for b in briefs} == labels
        hits = client.get("/api/search", params={"q": "Tokajev"}).json()["hits"]
        found = {h["article"]: h["published_label"] for h in hits if h["article"] in labels}
        assert found
        assert found.items() <= labels.items()
    # CLI: the article list, one article, the story list
    listed = cli(settings.db, "articles", "--story", story_id)
    for article in articles:
        line = next(line for line in listed.splitlines() if line.startswith(article.id))
        assert labels[article.id] in line
        assert labels[article.id] in cli(settings.db, "article", article.id)
        shown = json.loads(cli(settings.db, "article", article.id, "--json"))["article"]
        assert (shown["published"], shown["published_label"]) == (
            isos[article.id],
            labels[article.id],
        )
    stories = cli(settings.db, "stories", "--limit", "100")
    assert re.search(rf"{story_id} .*5 Jan 2022 … 6 Jan 2022", stories)
    check_quote_credits(settings, store, story_id)


def check_quote_credits(settings: Settings, store: Store, story_id: str) -> None:
    """Every quote is credited alike by the article page (API), the CLI, the quotes table and
    the dossier (issue 15: one credit, computed once per quote with the story's names)."""
    articles = store.list_articles(ArticleFilter(story=story_id, limit=None))
    table = [
        row
        for row in table_rows(store, "quotes", Selection(story=story_id))
        if row["article"] in {a.id for a in articles}
    ]
    exported = {(row["article"], row["paragraph"], row["text"]): row["credit"] for row in table}
    assert exported, "the seeds carry quotes"
    with TestClient(create_app(settings)) as client:
        served = {
            (article.id, quote["paragraph"], quote["text"]): quote["credit"]
            for article in articles
            for quote in client.get(f"/api/articles/{article.id}").json()["quotes"]
        }
    assert served == exported
    quoted = next(a for a in articles if any(key[0] == a.id for key in exported))  # one process
    shown = {
        (quoted.id, quote["paragraph"], quote["text"]): quote["credit"]
        for quote in json.loads(cli(settings.db, "article", quoted.id, "--json"))["quotes"]
    }
    assert shown == {key: credit for key, credit in exported.items() if key[0] == quoted.id}
    dossier = build_dossier(store, story_id)
    check_figure_sources(settings, store, story_id, dossier_to_dict(dossier))
    for quote in dossier.quotes:
        carried = {
            credit
            for (article_id, paragraph, _), credit in exported.items()
            if article_id in quote.articles
        }
        # the dossier credits a quote as one of the articles carrying it does (the first named)
        assert quote.credit is None or quote.credit in carried, quote


def test_seeds_alone_are_one_story_and_every_view_agrees(
    seeds_dir: Path, settings: Settings, store: Store
) -> None:
    report = ingest(seed_paths(seeds_dir), settings, store)
    assert report.counters["dates: inferred from the story"] == 3
    check_every_view(settings, store, seed_story(store, seeds_dir))


def test_seeds_after_the_demo_take_dates_from_their_own_story_only(
    seeds_dir: Path, settings: Settings, store: Store
) -> None:
    ingest([str(example_corpus())], settings, store)  # what `newsloom demo` ingests (2025)
    ingest(seed_paths(seeds_dir), settings, store)
    story_id = seed_story(store, seeds_dir)
    for article in store.list_articles(ArticleFilter(story=story_id, limit=None)):
        assert article.published is not None
        assert article.published.year == 2022
    check_every_view(settings, store, story_id)
    dossier = build_dossier(store, story_id)
    undated = next(a for a in dossier.articles if Path(a.origin).name.startswith(UNDATED))
    cited = {
        source.article
        for track in dossier.figure_tracks
        for value in (*track.values, *track.context)
        for source in value.sources
    }
    assert undated.id in cited  # the undated article's figures reach the dossier
    assert len(cited) == 3


def test_inference_is_revised_when_the_story_gains_evidence(
    seeds_dir: Path, settings: Settings, store: Store
) -> None:
    paths = {Path(p).name[:3]: p for p in seed_paths(seeds_dir)}
    ingest([paths[MONTH_DATED]], settings, store)
    (alone,) = store.list_articles(ArticleFilter(limit=None))
    assert alone.published_origin is not DateOrigin.INFERRED  # no evidence yet: Jan 2022 as given
    assert date_label(alone.published, alone.published_precision) == "Jan 2022"
    first = store.get_analysis(alone.id)
    assert first is not None
    assert [t.value for t in first.times if t.text == "torsdag"] == [None]
    ingest([paths[UNDATED], paths["001"]], settings, store)
    revised = store.get_article(alone.id)
    assert revised is not None
    assert revised.published == datetime(2022, 1, 6)
    assert revised.published_precision is DatePrecision.DAY
    assert revised.published_origin is DateOrigin.INFERRED
    assert "weekday" in (revised.published_evidence or "")
    analysis = store.get_analysis(alone.id)
    assert analysis is not None
    times = analysis.times
    assert [(t.value, t.inferred) for t in times if t.text == "torsdag"] == [
        (date(2022, 1, 6), True)
    ]
    # the date it came with is kept aside, and comes back when the inference is withdrawn
    assert store.given_dates([alone.id])[alone.id].precision is DatePrecision.MONTH  # type: ignore[union-attr]
    store.put_inferred_date(alone.id, None)
    restored = store.get_article(alone.id)
    assert restored is not None
    assert (restored.published, restored.published_precision) == (
        datetime(2022, 1, 1),
        DatePrecision.MONTH,
    )
    assert restored.published_evidence is None


def test_unreadable_published_values_are_named_in_the_run_report(
    tmp_path: Path, settings: Settings, store: Store
) -> None:
    source = tmp_path / "feed.csv"
    source.write_text(
        "id,text,published\n"
        "1,A storm hit the west coast of Norway and closed the roads,1394470370698\n"
        "2,The storm moved north and the ferries stopped for the night,tomorrowish\n",
        encoding="utf-8",
    )
    report = ingest([str(source)], settings, store)
    assert report.new == 2
    assert report.counters["normalize: unreadable published dates"] == 1
    (note,) = [n for n in report.notes if "tomorrowish" in n]
    assert f"{source}:3" in note
    assert "left undated" in note
    dated = [a for a in store.iter_articles() if a.external_id == "1"]
    assert dated[0].published is not None
    assert dated[0].published.year == 2014  # epoch milliseconds
    stored = open_store(settings.db, read_only=True)
    try:
        assert "tomorrowish" in json.dumps(stored.last_runs(1))
    finally:
        stored.close()


def _article(key: str, text: str, published: datetime | None, precision: DatePrecision | None):  # type: ignore[no-untyped-def]
    from newsloom.records import Article, Paragraph

    return Article(
        id=key,
        content_hash=key,
        title=text[:20],
        paragraphs=(Paragraph(0, text),),
        language="en",
        published=published,
        published_precision=precision,
        published_origin=DateOrigin.METADATA if published else None,
    )


def test_a_wire_copy_takes_its_sources_day() -> None:
    from newsloom.extract.times import resolve_times
    from newsloom.records import Analysis, ReuseResult
    from newsloom.story.anchor import infer_publication_dates

    text = "Floods closed the coastal road and the ferries stopped for the night."
    source = _article("src", text, datetime(2024, 2, 9, 8, 0), DatePrecision.TIME)
    copy = _article("cpy", text, None, None)
    later = _article(
        "mon", "The road reopened on Thursday.", datetime(2024, 2, 1), DatePrecision.MONTH
    )
    articles = [source, copy, later]
    analyses = {a.id: Analysis(a.id, times=resolve_times(a)) for a in articles}
    reuse = {
        "cpy": ReuseResult("cpy", duplicate_of="src"),
        "mon": ReuseResult("mon", duplicate_of="src"),
    }
    inferred = infer_publication_dates(articles, analyses, reuse)
    assert inferred["cpy"].value == date(2024, 2, 9)
    assert "copy of src" in inferred["cpy"].evidence
    # a copy with weekday mentions is placed by them, but not before its source
    assert inferred["mon"].value == date(2024, 2, 15)
    alone = infer_publication_dates(articles, analyses)  # no copy links: the nearest Thursday
    assert alone.keys() == {"mon"}
    assert alone["mon"].value == date(2024, 2, 8)


def check_figure_sources(
    settings: Settings, store: Store, story_id: str, dossier: dict[str, object]
) -> None:
    """Each figure reads the same on the article page (API) and in the figures table, and every
    source the dossier's figure tracks cite is one of those figures, with the same attribution."""
    articles = {a.id for a in store.list_articles(ArticleFilter(story=story_id, limit=None))}

    def key(row: dict[str, object]) -> tuple[object, ...]:
        return (row["article"], row["paragraph"], row["text"], row["kind"], row["attribution"])

    table = [
        {
            **row,
            "attribution": chain_label(
                str(row["source_chain"]).split("; ") if row["source_chain"] else (),
                row["source"],  # type: ignore[arg-type]
            ),
        }
        for row in table_rows(store, "figures", Selection(story=story_id))
        if row["article"] in articles
    ]
    with TestClient(create_app(settings)) as client:
        served = [
            {**figure, "article": article}
            for article in sorted(articles)
            for figure in client.get(f"/api/articles/{article}").json()["figures"]
        ]
    assert table, "the seeds state figures"
    assert sorted(map(key, served)) == sorted(map(key, table))
    stated = {(row["article"], row["paragraph"], row["text"], row["attribution"]) for row in table}
    cited = [
        (source["article"], source["paragraph"], source["text"], source["attribution"])
        for track in dossier["figure_tracks"]  # type: ignore[attr-defined]
        for value in (*track["values"], *track.get("context", ()))
        for source in value["sources"]
    ]
    assert cited
    assert set(cited) <= stated
