"""The disk cache of simplemma's dictionaries and of the long quote patterns (issue 19): what it
gives back is what the process would build, and a missing, broken or unwritable cache only costs
the build."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries import DefaultDictionaryFactory
from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

from newsloom import process_cache
from newsloom.assign import features
from newsloom.extract import attribution, quote_patterns, quote_speakers
from newsloom.process_cache import MIN_CACHED_PATTERN, compile_pattern, load_dictionary

REPO = Path(__file__).resolve().parents[1]
SENTENCE = re.findall(
    r"\w+",
    "The ministers were saying that the children had gone to the better schools, "
    "although the police reported fewer attacks than in the previous years",
)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("NEWSLOOM_CACHE_DIR", str(directory))
    monkeypatch.delenv("NEWSLOOM_CACHE", raising=False)
    return directory


def _files(directory: Path) -> list[Path]:
    return sorted(path for path in directory.rglob("*") if path.is_file())


def test_cached_dictionary_is_simplemmas_own(cache_dir: Path) -> None:
    shipped = _load_dictionary_from_disk("en")
    assert load_dictionary("en", _load_dictionary_from_disk) == shipped  # decoded, then written
    assert [path.name for path in _files(cache_dir)] == ["en.marshal"]
    assert load_dictionary("en", _no_decoding) == shipped  # read back


def test_lookups_and_lemmas_equal_simplemmas_factory(cache_dir: Path) -> None:
    ours = features._dictionaries.__wrapped__()
    theirs = DefaultDictionaryFactory()
    for _ in range(2):  # decoded and written, then read from the cache
        cached = ours.get_dictionary("en")
        shipped = theirs.get_dictionary("en")
        sample = [word for index, word in enumerate(shipped) if index % 499 == 0]
        for word in [*sample, *SENTENCE, "Ministers", "xyzzyq", ""]:
            assert cached.get(word) == shipped.get(word)
        assert len(cached) == len(shipped)
        ours = features._dictionaries.__wrapped__()
    lemmatize = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=ours))
    reference = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=theirs))
    for word in SENTENCE:
        assert lemmatize.lemmatize(word, lang="en") == reference.lemmatize(word, lang="en")
    with pytest.raises(ValueError, match="Unsupported language"):
        ours.get_dictionary("xx")  # an unknown language is still simplemma's error


def test_corrupt_or_stale_dictionary_file_is_decoded_again(cache_dir: Path) -> None:
    shipped = _load_dictionary_from_disk("en")
    load_dictionary("en", _load_dictionary_from_disk)
    [path] = _files(cache_dir)
    good = path.read_bytes()
    middle = len(good) // 2
    for damage in (
        lambda: path.write_bytes(b"\x00garbage"),
        lambda: path.write_bytes(b""),
        lambda: path.write_bytes(good[:middle]),  # cut short
        lambda: path.write_bytes(good[:middle] + bytes([good[middle] ^ 1]) + good[middle + 1 :]),
        lambda: process_cache._write(path, (["0.0", "en", 1], {b"a": b"b"})),  # another version
    ):
        damage()
        assert load_dictionary("en", _load_dictionary_from_disk) == shipped
        assert load_dictionary("en", _no_decoding) == shipped  # written again
        assert path.read_bytes() == good


def test_table_answers_as_the_dict_and_loads_it_only_when_asked_often(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A language's table gives every key's value and nothing for other keys; a language asked
    a few times is never decoded into a dict in a process that finds its table in the cache;
    one asked more than ``TABLE_LOOKUPS`` times loads its dict and answers the same."""
    import random

    shipped = _load_dictionary_from_disk("en")
    built = process_cache.load_table("en", _load_dictionary_from_disk)  # built, then written
    assert isinstance(built, process_cache.FormTable)
    assert sorted(path.name for path in _files(cache_dir)) == ["en.marshal", "en.table"]
    monkeypatch.setattr(process_cache, "TABLE_LOOKUPS", 10**9)
    table = process_cache.load_table("en", _no_decoding)
    assert isinstance(table, process_cache.FormTable)
    keys = list(shipped)
    rng = random.Random(3)
    others = [
        key[: rng.randint(0, len(key))] + rng.choice([b"", b"s", b"\xc3\xa9"]) for key in keys
    ]
    for key in [*keys, *others, b"", b"xyzzyq"]:
        assert table.get(key) == shipped.get(key)
    monkeypatch.setattr(process_cache, "load_dictionary", _no_decoding)  # no dict from here
    ours = features._dictionaries.__wrapped__()
    for word in [*SENTENCE, "Ministers", "xyzzyq"]:
        assert ours.get_dictionary("en").get(word) == DefaultDictionaryFactory().get_dictionary(
            "en"
        ).get(word)
    monkeypatch.undo()
    monkeypatch.setenv("NEWSLOOM_CACHE_DIR", str(cache_dir))
    monkeypatch.setattr(process_cache, "TABLE_LOOKUPS", 5)
    table = process_cache.load_table("en", _no_decoding)
    assert isinstance(table, process_cache.FormTable)
    assert [table.get(key) for key in keys[:20]] == [shipped[key] for key in keys[:20]]
    assert table._forms == shipped  # loaded after five look-ups
    assert len(table) == len(shipped)
    assert set(table) == set(shipped)
    path = next(cache_dir.glob("simplemma-*")) / "en.table"
    path.write_bytes(path.read_bytes()[:1000])  # cut short: built again
    again = process_cache.load_table("en", _load_dictionary_from_disk)
    assert isinstance(again, process_cache.FormTable)
    assert again.get(keys[7]) == shipped[keys[7]]


def test_unwritable_or_switched_off_cache_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = _load_dictionary_from_disk("en")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("NEWSLOOM_CACHE_DIR", str(blocked / "cache"))
    assert load_dictionary("en", _load_dictionary_from_disk) == shipped
    assert process_cache.load_table("en", _load_dictionary_from_disk) == shipped  # the dict
    assert compile_pattern(quote_patterns.AFTER.pattern, re.IGNORECASE) == quote_patterns.AFTER
    monkeypatch.setenv("NEWSLOOM_CACHE_DIR", str(tmp_path / "off"))
    monkeypatch.setenv("NEWSLOOM_CACHE", "off")
    assert process_cache.cache_directory() is None
    assert load_dictionary("en", _load_dictionary_from_disk) == shipped
    assert process_cache.load_table("en", _load_dictionary_from_disk) == shipped
    assert compile_pattern(quote_patterns.AFTER.pattern, re.IGNORECASE) == quote_patterns.AFTER
    assert not (tmp_path / "off").exists()


def test_cached_patterns_are_the_compilers_own(cache_dir: Path) -> None:
    """A ``re.Pattern`` equals another only with the same text, flags and compiled program."""
    patterns = [
        value
        for module in (quote_patterns, attribution, quote_speakers)
        for value in vars(module).values()
        if isinstance(value, re.Pattern) and len(value.pattern) >= MIN_CACHED_PATTERN
    ]
    assert len(patterns) >= 20
    for pattern in patterns[:6]:
        for _ in range(2):  # compiled and written, then read from the cache
            cached = compile_pattern(pattern.pattern, pattern.flags & ~re.UNICODE)
            assert cached == re.compile(pattern.pattern, pattern.flags)
            assert (cached.groups, cached.groupindex) == (pattern.groups, pattern.groupindex)
    assert len(_files(cache_dir)) == 6
    text = "«Vi kjem ikkje», seier Kari Nordmann til NRK, og la til at ho var lei."
    assert [m.span() for m in cached.finditer(text)] == [m.span() for m in pattern.finditer(text)]


def test_corrupt_pattern_file_is_compiled_again(cache_dir: Path) -> None:
    pattern = quote_patterns.REPORTED
    compile_pattern(pattern.pattern, re.IGNORECASE)
    [path] = _files(cache_dir)
    good = path.read_bytes()
    entry = process_cache._read(path)
    middle = len(good) // 2
    for damage in (
        lambda: path.write_bytes(b""),
        lambda: path.write_bytes(good[:middle]),
        lambda: path.write_bytes(good[:middle] + bytes([good[middle] ^ 4]) + good[middle + 1 :]),
        lambda: process_cache._write(path, (*entry[:2], b"\xff\xff\xff\xff", *entry[3:])),
    ):
        damage()
        assert compile_pattern(pattern.pattern, re.IGNORECASE) == pattern
        assert path.read_bytes() == good  # written again
        assert compile_pattern(pattern.pattern, re.IGNORECASE) == pattern


def test_long_patterns_do_not_depend_on_the_hash_seed() -> None:
    """The cache is found by the pattern's text: the text must be the same in every process."""
    script = (
        "import re, zlib\n"
        "from newsloom.extract import attribution, numbers, quote_patterns, quote_speakers\n"
        "for module in (quote_patterns, attribution, quote_speakers, numbers):\n"
        "    for name, value in sorted(vars(module).items()):\n"
        "        if isinstance(value, re.Pattern) and len(value.pattern) >= 4000:\n"
        "            print(name, zlib.crc32(value.pattern.encode()))\n"
    )
    outputs = set()
    for seed in ("1", "2"):
        environment = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "PYTHONPATH": str(REPO / "src"),
        }
        result = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env=environment,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert outputs.pop().count("\n") >= 20


def _no_decoding(language: str) -> dict[bytes, bytes]:
    raise AssertionError(f"{language} decoded again instead of read from the cache")


def test_long_extraction_patterns_are_compiled_through_the_cache() -> None:
    """Every pattern long enough for the cache (the source clauses' and compound attributions'
    verb tries, the cue openings, the speaker adjuncts, the figure words) is built by
    ``compile_pattern``: ``re.compile`` of a 66,000-character trie costs each process some
    0.2 CPU s, which the cache saves."""
    script = (
        "import re, sys\n"
        "from newsloom.process_cache import MIN_CACHED_PATTERN\n"
        "compile, found = re.compile, []\n"
        "def watched(pattern, flags=0):\n"
        "    caller = sys._getframe(1).f_code\n"
        "    if len(pattern) >= MIN_CACHED_PATTERN and caller.co_name != 'compile_pattern':\n"
        "        found.append(f'{caller.co_filename}:{sys._getframe(1).f_lineno}')\n"
        "    return compile(pattern, flags)\n"
        "re.compile = watched\n"
        "from newsloom.extract import compound_attribution, cues, figures, quotes\n"
        "from newsloom.extract import speaker_adjuncts\n"
        "from newsloom.extract.resources import load_tables\n"
        "for code in sorted(load_tables()):\n"
        "    cues.has_cue('', code)\n"
        "    compound_attribution.compound_attribution('Det gikk bra, sa han.', code)\n"
        "speaker_adjuncts._time_phrase(), speaker_adjuncts._leading_adjunct()\n"
        "speaker_adjuncts._lower_stop()\n"
        "print(found)\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment, check=True
    )
    assert result.stdout.strip() == "[]"
