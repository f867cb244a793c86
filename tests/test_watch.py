"""newsloom watch against a feed server on 127.0.0.1 whose feed changes between polls (#19)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.test_cli import run

from ingest_server import DATA, CannedServer, canned_server
from newsloom.errors import InputError
from newsloom.pipeline import Pipeline
from newsloom.settings import Settings, load_settings
from newsloom.store import Store, open_store
from newsloom.watch import Watcher, parse_every

__all__ = ["canned_server"]

EXTRA_ITEM = """<item>
<title>Storm lukker færgerne</title>
<link>{base}/storm.html</link>
<guid isPermaLink="false">morgenposten-1004</guid>
<pubDate>Wed, 15 Mar 2023 06:00:00 +0100</pubDate>
<description>Alle færger mellem øerne er aflyst i dag på grund af stormen.</description>
</item>
"""


def _feed(canned: CannedServer, extra: bool = False) -> bytes:
    text = (DATA / "feed.rss").read_text(encoding="utf-8")
    if extra:
        text = text.replace("<item>", EXTRA_ITEM + "<item>", 1)
    return text.replace("{base}", canned.base).encode("utf-8")


def _serve(canned: CannedServer, version: str, extra: bool = False) -> str:
    validators = {"ETag": f'"{version}"', "Last-Modified": "Wed, 15 Mar 2023 07:00:00 GMT"}
    canned.add("/brand.html", (DATA / "page.html").read_bytes(), "text/html; charset=utf-8")
    return canned.add("/feed.rss", _feed(canned, extra), "application/rss+xml", 200, validators)


@pytest.fixture
def watch_settings(db_path: Path) -> Settings:
    settings = load_settings(environ={}, db=str(db_path))
    ingest = settings.ingest.model_copy(
        # the canned feed server is on 127.0.0.1, which fetching refuses unless allowed (#20)
        update={"fetch_pages": True, "timeout_seconds": 5, "allow_private_addresses": True}
    )
    return settings.model_copy(update={"ingest": ingest})


@pytest.fixture
def watch_store(watch_settings: Settings) -> Iterator[Store]:
    store = open_store(watch_settings.db)
    yield store
    store.close()


def _watcher(feeds: list[str], settings: Settings, store: Store) -> Watcher:
    return Watcher(feeds, Pipeline.open(settings, store), every_seconds=60)


def test_polls_conditionally_and_ingests_only_new_items(
    canned_server: CannedServer, watch_settings: Settings, watch_store: Store
) -> None:
    url = _serve(canned_server, "v1")
    watcher = _watcher([url], watch_settings, watch_store)

    (first,) = watcher.poll(now=1000.0)
    assert first.status == "new"
    assert (first.report.read, first.report.new) == (2, 2)
    assert [r.item for r in first.report.rejected] == [f"{url}#3"]  # the item without content
    assert canned_server.requests.count("/brand.html") == 1  # --fetch-pages fetched its page
    assert watch_store.count_articles() == 2

    (second,) = watcher.poll(now=1060.0)
    assert second.status == "not-modified"
    assert canned_server.conditional == ["/feed.rss"]  # sent If-None-Match / If-Modified-Since
    assert watch_store.count_articles() == 2

    _serve(canned_server, "v2", extra=True)  # the feed changes: one more item
    (third,) = watcher.poll(now=1120.0)
    assert third.status == "new"
    assert (third.report.read, third.report.new, third.report.unchanged) == (1, 1, 0)
    assert third.report.counters["ingest: feed items seen before"] == 2
    assert canned_server.requests.count("/brand.html") == 1  # seen items' pages not fetched again
    assert canned_server.requests.count("/storm.html") == 1  # the new item's page (404: summary)
    assert watch_store.count_articles() == 3
    assert "1 new item(s): 1 new article(s)" in third.describe()


def test_a_restarted_watcher_reprocesses_nothing(
    canned_server: CannedServer, watch_settings: Settings
) -> None:
    url = _serve(canned_server, "v1")
    store = open_store(watch_settings.db)
    _watcher([url], watch_settings, store).poll(now=1000.0)
    store.close()
    canned_server.validators["/feed.rss"] = {}  # a server that ignores conditional GETs
    store = open_store(watch_settings.db)  # a new process would start like this
    try:
        (poll,) = _watcher([url], watch_settings, store).poll(now=2000.0)
        assert poll.status == "unchanged"
        assert (poll.report.read, poll.report.new) == (0, 0)
        assert canned_server.requests.count("/brand.html") == 1
        assert store.count_articles() == 2
    finally:
        store.close()


def test_backs_off_after_errors_and_recovers(
    canned_server: CannedServer, watch_settings: Settings, watch_store: Store
) -> None:
    url = canned_server.add("/feed.rss", b"overloaded", "text/plain", status=503)
    watcher = _watcher([url], watch_settings, watch_store)

    (failed,) = watcher.poll(now=1000.0)
    assert failed.status == "failed"
    assert failed.error is not None
    assert "HTTP 503" in failed.error
    assert url in failed.error
    assert failed.next_poll == 1000.0 + 120.0  # every × 2**1
    assert watch_store.feed_state(url).failures == 1

    (waiting,) = watcher.poll(now=1060.0)
    assert waiting.status == "backing-off"
    assert canned_server.requests.count("/feed.rss") == 1  # not asked again while backing off

    (again,) = watcher.poll(now=1130.0)
    assert again.status == "failed"
    assert again.next_poll == 1130.0 + 240.0  # doubled

    _serve(canned_server, "v1")
    (recovered,) = watcher.poll(now=1400.0)
    assert recovered.status == "new"
    state = watch_store.feed_state(url)
    assert (state.failures, state.next_poll, state.etag) == (0, None, '"v1"')


def test_a_broken_feed_is_reported_not_fatal(
    canned_server: CannedServer, watch_settings: Settings, watch_store: Store
) -> None:
    broken = canned_server.add("/broken.rss", b"just words, no feed", "application/rss+xml")
    good = _serve(canned_server, "v1")
    polls = _watcher([broken, good], watch_settings, watch_store).poll(now=1000.0)
    assert [p.status for p in polls] == ["failed", "new"]
    assert "not an RSS/Atom feed" in (polls[0].error or "")
    assert watch_store.count_articles() == 2


def test_parse_every() -> None:
    assert [parse_every(v) for v in ("90", "90s", "5m", "1.5h")] == [90, 90, 300, 5400]
    for bad in ("soon", "-5m", "0"):
        with pytest.raises(InputError, match="--every"):
            parse_every(bad)


def test_watch_once_from_the_command_line(canned_server: CannedServer, db_path: Path) -> None:
    url = _serve(canned_server, "v1")
    config = db_path.parent / "local-feeds.toml"  # the canned server is on 127.0.0.1 (#20)
    config.write_text("[ingest]\nallow_private_addresses = true\n", encoding="utf-8")
    first = run(db_path, "--config", str(config), "watch", url, "--once", "--fetch-pages")
    assert f"{url}: 2 new item(s): 2 new article(s), 1 rejected" in first.stdout
    assert "no content or summary" in first.stderr
    second = run(db_path, "--config", str(config), "watch", url, "--once", "--json")
    (line,) = second.stdout.strip().splitlines()
    assert json.loads(line)["status"] == "not-modified"
    listed = json.loads(run(db_path, "articles", "--json").stdout)
    assert len(listed) == 2
