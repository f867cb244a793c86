"""A disk cache of what every process would otherwise build again (issue 19): simplemma's decoded
dictionaries and the compiled programs of the long quote patterns.

Each newsloom process (every command, Dask worker and test process) used to pay about 3 CPU s to
decode the simplemma dictionaries of the languages it met and 3–4 CPU s to compile the quote
patterns (dozens of 60,000-character tries of verb forms). Both results are plain data: the
dictionary a ``bytes → bytes`` dict, a compiled pattern the list of codes CPython's regular
expression compiler hands to ``_sre``. They are kept in files under the user's cache directory
(``$XDG_CACHE_HOME/newsloom``, else ``~/.cache/newsloom``; ``NEWSLOOM_CACHE_DIR`` names another
place, ``NEWSLOOM_CACHE=off`` turns the cache off), named by what they were made from (simplemma's
version and language; the pattern's text and flags and the Python version), so a cached entry is
the same data the process would build. Files are written whole to a temporary name and renamed;
an absent, read-only or corrupt cache only costs the build (the process never fails for it).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import struct
import sys
import tempfile
import zlib
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# a compiled pattern shorter than this costs less to build than to read from a file
MIN_CACHED_PATTERN = 4000
# files of old patterns (tables edited since) beyond this are removed, oldest first
MAX_PATTERN_FILES = 120
_OFF = frozenset(["0", "off", "no", "false", "none"])
_MAGIC = b"newsloom-cache-1\n"


def cache_directory() -> Path | None:
    """Where the cache lives, or ``None`` when it is turned off (read at every call: tests and
    tools may change the environment)."""
    if os.environ.get("NEWSLOOM_CACHE", "").strip().lower() in _OFF:
        return None
    named = os.environ.get("NEWSLOOM_CACHE_DIR", "").strip()
    if named:
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    if base:
        return Path(base) / "newsloom"
    try:
        return Path.home() / ".cache" / "newsloom"
    except RuntimeError:  # no home directory to be found: no cache
        return None


def _read(path: Path) -> Any:
    """The value in ``path``, or ``None`` when it is absent, unreadable or not what was written:
    a file holds a magic string, the CRC-32 of the rest and the marshalled value."""
    try:
        data = path.read_bytes()  # marshal.load of a file reads it in small pieces
    except OSError:
        return None
    body = memoryview(data)[len(_MAGIC) + 4 :]
    if data[: len(_MAGIC)] != _MAGIC or data[len(_MAGIC) : len(_MAGIC) + 4] != _crc(body):
        return None
    try:
        return marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None


def _crc(data: bytes | memoryview) -> bytes:
    return zlib.crc32(data).to_bytes(4, "little")


def _write(path: Path, value: Any) -> bool:
    """Write ``value`` to ``path`` atomically (a temporary file renamed); ``False`` if not."""
    try:
        body = marshal.dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    except (OSError, ValueError):
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_MAGIC)
            stream.write(_crc(body))
            stream.write(body)
        os.replace(temporary, path)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False


# --- simplemma's dictionaries


def _simplemma_version() -> str:
    from simplemma.__metadata__ import __version__

    return str(__version__)


def _simplemma_entry(
    language: str, suffix: str, *stamped: object
) -> tuple[Path, list[object], Any] | None:
    """Where the cache keeps a file of ``language``'s simplemma data (``suffix`` names the
    kind), the stamp it must hold (simplemma's version, the language, the size of the shipped
    data, then ``stamped``) and what it holds now (None: nothing readable); None without a
    cache or for a code that is no plain name (a code only names a file)."""
    directory = cache_directory()
    if directory is None or not language.isalnum():
        return None
    version = _simplemma_version()
    stamp: list[object] = [version, language, _source_size(language), *stamped]
    path = directory / f"simplemma-{version}" / f"{language}.{suffix}"
    return path, stamp, _read(path)


def load_dictionary(
    language: str, decode: Callable[[str], dict[bytes, bytes]]
) -> dict[bytes, bytes]:
    """simplemma's decoded dictionary of ``language``: ``decode(language)`` once, then the cache.

    The file is named by simplemma's version and the language and holds the version, language
    and size of the shipped data it was decoded from: a file of another version or a changed
    install is decoded again (and rewritten)."""
    entry = _simplemma_entry(language, "marshal")
    if entry is None:
        return decode(language)
    path, stamp, cached = entry
    if (
        isinstance(cached, tuple)
        and len(cached) == 2
        and cached[0] == stamp
        and isinstance(cached[1], dict)
    ):
        forms: dict[bytes, bytes] = cached[1]
        return forms
    forms = decode(language)
    _write(path, (stamp, forms))
    return forms


# a table answers this many look-ups before its language's dict is loaded: a look-up in the
# table costs about ten in the dict, loading the dict of a language about 300,000 of them
TABLE_LOOKUPS = 100_000
TABLE_FORMAT = 1
_ENTRY = struct.Struct("<HH")  # an entry of a table's blob: key length, value length, then both
_MAX_PART = 0xFFFF


class FormTable:
    """simplemma's dictionary of one language, ``bytes → bytes``, looked up in place in a table
    read from the cache (open addressing on the CRC-32 of the key) instead of a dict decoded in
    full: most languages a stream meets are met in a few paragraphs, a few hundred look-ups
    against a second of loading, and the memory of a dict. After :data:`TABLE_LOOKUPS` look-ups
    the language's dict is loaded (:func:`load_dictionary`) and answers from then on: the same
    keys and values, so every answer is the dict's."""

    __slots__ = ("_blob", "_decode", "_forms", "_left", "_mask", "_slots", "language")

    def __init__(
        self,
        language: str,
        slots: bytes,
        blob: bytes,
        decode: Callable[[str], dict[bytes, bytes]],
        forms: dict[bytes, bytes] | None = None,
    ) -> None:
        self.language = language
        self._slots: memoryview | None = memoryview(slots).cast("I")
        self._mask = len(self._slots) - 1
        self._blob: bytes | None = blob
        self._decode = decode
        self._forms = forms  # the dict, when loaded
        self._left = TABLE_LOOKUPS

    def get(self, key: bytes) -> bytes | None:
        """The value of ``key``, as ``dict.get``."""
        forms = self._forms
        if forms is not None:
            return forms.get(key)
        self._left -= 1
        if self._left < 0:
            return self.forms().get(key)
        slots, blob, mask = self._slots, self._blob, self._mask
        if slots is None or blob is None:  # another thread loaded the dict meanwhile
            return self.forms().get(key)
        at = zlib.crc32(key) & mask
        while place := slots[at]:
            place -= 1  # a slot holds an entry's offset + 1: 0 is an empty slot
            size, value_size = _ENTRY.unpack_from(blob, place)
            start = place + _ENTRY.size
            if size == len(key) and blob[start : start + size] == key:
                return blob[start + size : start + size + value_size]
            at = (at + 1) & mask
        return None

    def forms(self) -> dict[bytes, bytes]:
        """The language's whole dict (loaded now if it was not)."""
        if self._forms is None:
            self._forms = load_dictionary(self.language, self._decode)
            self._slots = self._blob = None
        return self._forms

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.forms())

    def __len__(self) -> int:
        return len(self.forms())


def build_table(forms: dict[bytes, bytes]) -> tuple[bytes, bytes] | None:
    """The slots and blob of :class:`FormTable` for ``forms`` (None for a key or value too
    long for an entry): at most half the slots taken, a power of two of them."""
    size = 1
    while size < 2 * len(forms) + 2:
        size *= 2
    slots = array("I", bytes(4 * size))
    blob = bytearray()
    mask = size - 1
    for key, value in forms.items():
        if len(key) > _MAX_PART or len(value) > _MAX_PART:
            return None
        at = zlib.crc32(key) & mask
        while slots[at]:
            at = (at + 1) & mask
        slots[at] = len(blob) + 1
        blob += _ENTRY.pack(len(key), len(value))
        blob += key
        blob += value
    if len(blob) + 1 >= 2**32:
        return None
    return slots.tobytes(), bytes(blob)


def load_table(
    language: str, decode: Callable[[str], dict[bytes, bytes]]
) -> FormTable | dict[bytes, bytes]:
    """simplemma's dictionary of ``language`` as a :class:`FormTable` read from the cache (built
    from the dictionary and written the first time), or as the dict :func:`load_dictionary`
    gives where there is no cache to read or write it. Raises what ``decode`` raises for a
    language simplemma does not have."""
    entry = _simplemma_entry(language, "table", sys.byteorder, TABLE_FORMAT)
    if entry is None:
        return load_dictionary(language, decode)
    path, stamp, cached = entry
    if (
        isinstance(cached, tuple)
        and len(cached) == 3
        and cached[0] == stamp
        and isinstance(cached[1], bytes)
        and isinstance(cached[2], bytes)
        and len(cached[1]) >= 4
        and len(cached[1]) & (len(cached[1]) - 1) == 0  # a power of two of 4-byte slots
    ):
        return FormTable(language, cached[1], cached[2], decode)
    forms = load_dictionary(language, decode)
    try:  # a cache that cannot be written would build the table in every process
        path.parent.mkdir(parents=True, exist_ok=True)
        writable = os.access(path.parent, os.W_OK)
    except OSError:
        writable = False
    built = build_table(forms) if writable else None
    if built is None or not _write(path, (stamp, *built)):
        return forms
    return FormTable(language, *built, decode, forms=forms)


def _source_size(language: str) -> int:
    """The size of simplemma's shipped data file of ``language`` (-1 if it cannot be found)."""
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import DATA_FOLDER

        return (Path(DATA_FOLDER) / f"{language}.plzma").stat().st_size
    except (ImportError, OSError):
        return -1


# --- compiled regular expressions


def compile_pattern(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with the compiled program of a long pattern read from the
    cache: the same codes CPython's compiler makes (``re._compiler.compile``), handed to ``_sre``
    as it does, so the pattern matches exactly what ``re.compile`` would. The file is named by a
    hash of the pattern, its flags and the Python version; anything unexpected (another Python,
    a corrupt file, codes ``_sre`` refuses) falls back to ``re.compile``."""
    flags = int(flags)
    directory = cache_directory()
    if directory is None or len(pattern) < MIN_CACHED_PATTERN or flags & re.DEBUG:
        return re.compile(pattern, flags)
    try:
        import _sre  # type: ignore[import-not-found]
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # another Python: no cache
        return re.compile(pattern, flags)
    key = hashlib.sha256(
        f"{sys.version}\0{_sre.MAGIC}\0{flags}\0{pattern}".encode("utf-8", "surrogatepass")
    ).hexdigest()
    path = directory / f"patterns-{sys.implementation.cache_tag}" / f"{key[:40]}.marshal"
    cached = _read(path)
    if isinstance(cached, tuple) and len(cached) == 6 and cached[0] == pattern:
        _, final_flags, codes, groups, names, numbers = cached
        try:
            code = array("I")
            code.frombytes(codes)
            compiled: re.Pattern[str] = _sre.compile(
                pattern, final_flags, code.tolist(), groups, names, numbers
            )
            return compiled
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass  # not a program _sre takes: build it again
    try:
        parsed = _parser.parse(pattern, flags)
        program = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        final_flags = int(flags | parsed.state.flags)
        entry = (
            pattern,
            final_flags,
            array("I", [int(code) for code in program]).tobytes(),
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        compiled = _sre.compile(pattern, final_flags, program, entry[3], groupindex, entry[5])
    except (AttributeError, TypeError):  # the compiler's internals changed: no cache
        return re.compile(pattern, flags)
    if _write(path, entry):
        _prune(path.parent)
    return compiled


def _prune(directory: Path) -> None:
    """Remove the oldest pattern files past :data:`MAX_PATTERN_FILES` (patterns of old tables)."""
    try:
        files = [entry for entry in os.scandir(directory) if entry.name.endswith(".marshal")]
        if len(files) <= MAX_PATTERN_FILES:
            return
        files.sort(key=lambda entry: entry.stat().st_mtime)
        for entry in files[: len(files) - MAX_PATTERN_FILES]:
            os.unlink(entry.path)
    except OSError:
        pass
