"""Passage fingerprints and the inverted index behind passage-level reuse (:mod:`reuse`).

Everything here works on flat numpy arrays, one call per article: an article's fingerprints are
computed at once for all its paragraphs, looked up in every run of the index with one binary
search each, and the shared hashes are counted per (paragraph, earlier paragraph) pair with one
``np.unique``. No Python loop runs per hash except the small dictionary of recent postings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsloom.assign.dedup import Hashes, TokenIds, shingle_hashes

Positions = npt.NDArray[np.int64]
Keys = npt.NDArray[np.uint32]  # a passage hash as the index keeps it: its top 32 bits
Values = npt.NDArray[np.uint32] | npt.NDArray[np.uint64]  # postings, 4 bytes while they fit

PASSAGE_GRAM = 4  # words per hashed passage shingle
WINNOW_WINDOW = 4  # one hash kept per window: any shared run of GRAM+WINDOW-1 words is seen
SHORT_PARAGRAPH = 24  # paragraphs shorter than this keep every hash (no winnowing)
PARAGRAPH_BITS = 10  # a posting is (article position << PARAGRAPH_BITS) | paragraph position
PARAGRAPH_MASK = (1 << PARAGRAPH_BITS) - 1
_NO_HASH = np.uint64(np.iinfo(np.uint64).max)
_KEY_SHIFT = np.uint64(32)  # keys are the top 32 bits of a 64-bit passage hash
_FILTER_SHIFT = np.uint32(4)  # the seen-filter has a bit per 2**4 keys: 2**28 bits, 32 MiB
_OWNER_BITS = np.uint64(20)  # paragraph positions of the new article while pairing (< 2**20)
_OWNER_MASK = np.uint64((1 << 20) - 1)


def fingerprints(tokens: TokenIds, starts: Positions, min_words: int) -> tuple[Keys, Positions]:
    """Winnowed passage keys of the paragraphs of at least ``min_words`` words, sorted, and
    the paragraph position of each; a key occurring twice in one paragraph is kept once.

    ``starts`` holds the offset of every paragraph in ``tokens`` plus the end. Shingles that
    cross a paragraph boundary or lie in a too-short paragraph are never selected. Shingles are
    chosen on their 64-bit hashes and kept as the top 32 bits: a key two passages share by
    chance costs one alignment that finds nothing, and 32 bits halve the index.
    """
    empty = np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64)
    if tokens.size < PASSAGE_GRAM:
        return empty
    lengths = starts[1:] - starts[:-1]
    shingles = shingle_hashes(tokens, PASSAGE_GRAM)
    owners = np.repeat(np.arange(lengths.size), lengths)[: shingles.size]
    valid = np.arange(PASSAGE_GRAM, shingles.size + PASSAGE_GRAM) <= starts[1:][owners]
    valid &= (lengths >= min_words)[owners]
    if not valid.any():
        return empty
    masked = np.where(valid, shingles, _NO_HASH)
    selected = window_minima(masked, WINNOW_WINDOW)
    selected |= (lengths < SHORT_PARAGRAPH)[owners]
    selected &= valid
    keys, owner_of = (shingles[selected] >> _KEY_SHIFT).astype(np.uint32), owners[selected]
    order = keys.argsort(kind="stable")  # owners ascend along the text: (key, owner) order
    keys, owner_of = keys[order], owner_of[order]
    first = np.ones(keys.size, dtype=bool)
    first[1:] = (keys[1:] != keys[:-1]) | (owner_of[1:] != owner_of[:-1])
    return keys[first], owner_of[first].astype(np.int64)


def window_minima(values: Hashes, window: int) -> npt.NDArray[np.bool_]:
    """Which values are a minimum of some run of ``window`` consecutive values (ties: all)."""
    if values.size <= window:
        return np.asarray(values == values.min(), dtype=bool)
    count = values.size - window + 1
    minimum = values[:count].copy()
    for offset in range(1, window):
        np.minimum(minimum, values[offset : offset + count], out=minimum)
    selected = np.zeros(values.size, dtype=bool)
    for offset in range(window):
        selected[offset : offset + count] |= values[offset : offset + count] == minimum
    return selected


def _ranges(starts: Positions, lengths: Positions) -> Positions:
    """Concatenated ``range(start, start + length)`` for each pair, without a Python loop."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.cumsum(lengths) - lengths
    return np.repeat(starts - offsets, lengths) + np.arange(total)


@dataclass(frozen=True, slots=True)
class Hits:
    """Postings found for a batch of keys: which key each hit belongs to, and its posting."""

    keys: Positions  # index into the looked-up keys
    postings: Hashes  # (article position << PARAGRAPH_BITS) | paragraph position
    counts: Positions  # postings each key has in the whole index (may exceed the cap)


class PostingIndex:
    """Key → (article, paragraph) postings in sorted numpy runs (a log-structured merge).

    Every ``add`` appends a small sorted run; a run is merged (in linear time) into the one
    before it while it has at least 1/``MERGE_RATIO`` of that one's size, so there are about
    log(postings) runs and a lookup costs one binary search per run. A run that has reached
    ``frozen`` postings takes no more merges, which bounds the memory a merge needs for a moment
    (both runs and their merge). A posting takes 8 bytes: a 4-byte key and a 4-byte value, as
    long as the values fit (below 4 million articles; larger values are kept in 8 bytes).
    Postings keep insertion order per key (older runs first, and a merge keeps older postings
    first), so the first ``cap`` postings of a key are its earliest.
    """

    MERGE_RATIO = 4

    def __init__(self, cap: int, frozen: int = 1 << 23) -> None:
        self.cap = cap
        self.frozen = frozen  # postings (64 MiB) in a run that is merged no more
        self._runs: list[tuple[Keys, Values]] = []  # oldest first
        # One bit per bucket of the hash space, set when a key of the bucket is added: most keys
        # of a new article were never seen and are answered without touching the runs.
        self._seen = np.zeros(1 << (32 - int(_FILTER_SHIFT) - 3), dtype=np.uint8)

    def __len__(self) -> int:
        return sum(int(keys.size) for keys, _ in self._runs)

    def lookup(self, keys: Keys) -> Hits:
        """For each key its earliest postings (at most ``cap``) and how many it has in all."""
        counts = np.zeros(keys.size, dtype=np.int64)
        found_keys: list[Positions] = []
        found_postings: list[Values] = []
        byte, bit = _filter_position(keys)
        maybe = np.flatnonzero((self._seen[byte] >> bit) & 1)
        queried = keys[maybe]
        for run_keys, run_values in self._runs if maybe.size else ():
            left = np.searchsorted(run_keys, queried, "left")
            here = np.flatnonzero(run_keys[np.minimum(left, run_keys.size - 1)] == queried)
            if here.size == 0:
                continue
            left = left[here]
            present = maybe[here]
            available = np.searchsorted(run_keys, queried[here], "right") - left
            take = np.minimum(available, np.maximum(self.cap - counts[present], 0))
            counts[present] += available
            found_keys.append(np.repeat(present, take))
            found_postings.append(run_values[_ranges(left, take)])
        if not found_keys:
            return Hits(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint64), counts)
        postings = np.concatenate(found_postings).astype(np.uint64)
        return Hits(np.concatenate(found_keys), postings, counts)

    def add(self, keys: Keys, postings: Hashes, counts: Positions) -> None:
        """Add postings, skipping keys that already have ``cap`` postings (``counts``)."""
        room = counts < self.cap
        keys, postings = keys[room], postings[room]
        if keys.size == 0:
            return
        if keys.size > 1 and bool((keys[1:] < keys[:-1]).any()):
            order = np.argsort(keys, kind="stable")
            keys, postings = keys[order], postings[order]
        byte, bit = _filter_position(keys)
        np.bitwise_or.at(self._seen, byte, np.left_shift(1, bit, dtype=np.uint8))
        runs = self._runs
        small = postings.size == 0 or int(postings.max()) <= np.iinfo(np.uint32).max
        values: Values = postings.astype(np.uint32) if small else postings.astype(np.uint64)
        runs.append((keys.astype(np.uint32), values))
        while (
            len(runs) > 1
            and runs[-2][0].size < self.frozen
            and runs[-1][0].size * self.MERGE_RATIO >= runs[-2][0].size
        ):
            newer = runs.pop()
            runs.append(_merge(runs.pop(), newer))


def _filter_position(keys: Keys) -> tuple[Positions, npt.NDArray[np.uint8]]:
    """Byte and bit of each key's bucket in the seen-filter (its top 28 bits)."""
    bucket = (keys >> _FILTER_SHIFT).astype(np.int64)
    return bucket >> 3, (bucket & 7).astype(np.uint8)


def _merge(older: tuple[Keys, Values], newer: tuple[Keys, Values]) -> tuple[Keys, Values]:
    """Merge two sorted runs in linear time; equal keys keep the older postings first."""
    older_keys, older_values = older
    newer_keys, newer_values = newer
    total = older_keys.size + newer_keys.size
    into = np.searchsorted(older_keys, newer_keys, "right") + np.arange(newer_keys.size)
    rest = np.ones(total, dtype=bool)
    rest[into] = False
    keys = np.empty(total, dtype=np.uint32)
    values: Values = np.empty(total, dtype=np.result_type(older_values, newer_values))
    keys[into], values[into] = newer_keys, newer_values
    keys[rest], values[rest] = older_keys, older_values
    return keys, values


def candidate_pairs(
    hits: Hits, owners: Positions, paragraphs: int, limit: int
) -> list[tuple[int, int]]:
    """(paragraph position, posting) pairs worth aligning, most shared hashes first.

    A paragraph with more than 8 hashes needs two shared with a candidate (one shared 4-gram is
    chance); at most ``limit`` candidates per paragraph, ties broken by the earlier posting.
    """
    if hits.keys.size == 0:
        return []
    hashes_per_paragraph = np.bincount(owners, minlength=paragraphs)
    hit_owner = owners[hits.keys].astype(np.uint64)
    codes, shared = np.unique((hits.postings << _OWNER_BITS) | hit_owner, return_counts=True)
    paragraph = (codes & _OWNER_MASK).astype(np.int64)
    needed = np.where(hashes_per_paragraph[paragraph] <= 8, 1, 2)
    keep = shared >= needed
    if not keep.any():
        return []
    codes, shared, paragraph = codes[keep], shared[keep], paragraph[keep]
    posting = codes >> _OWNER_BITS
    order = np.lexsort((posting, -shared, paragraph))
    paragraph, posting = paragraph[order], posting[order]
    group_start = np.ones(paragraph.size, dtype=bool)
    group_start[1:] = paragraph[1:] != paragraph[:-1]
    starts = np.nonzero(group_start)[0]
    rank = np.arange(paragraph.size) - np.repeat(starts, np.diff(np.append(starts, paragraph.size)))
    chosen = rank < limit
    return list(zip(paragraph[chosen].tolist(), posting[chosen].tolist(), strict=True))


class OriginMap:
    """Posting → origin article position, the earliest known carrier of a reused paragraph.

    New entries go into a small dictionary that is folded, when it fills, into two sorted
    arrays (8-byte key, 4-byte origin): about 12 bytes an entry instead of a dictionary's 80 to
    100, for the hundreds of thousands of reused paragraphs a large corpus holds.
    """

    FOLD = 4096  # entries in the dictionary before it is folded into the arrays

    def __init__(self) -> None:
        self._keys: Hashes = np.zeros(0, dtype=np.uint64)
        self._origins: npt.NDArray[np.uint32] = np.zeros(0, dtype=np.uint32)
        self._recent: dict[int, int] = {}

    def __len__(self) -> int:
        return int(self._keys.size) + len(self._recent)

    def get(self, key: int) -> int | None:
        found = self._recent.get(key)
        if found is not None or self._keys.size == 0:
            return found
        at = int(self._keys.searchsorted(np.uint64(key)))  # a Python int would copy the keys
        if at < self._keys.size and int(self._keys[at]) == key:
            return int(self._origins[at])
        return None

    def get_many(self, keys: list[int]) -> list[int | None]:
        """:meth:`get` for several keys, with one search of the arrays."""
        found = [self._recent.get(key) for key in keys]
        missing = [at for at, origin in enumerate(found) if origin is None]
        if not missing or self._keys.size == 0:
            return found
        wanted = np.array([keys[at] for at in missing], dtype=np.uint64)
        at = np.minimum(self._keys.searchsorted(wanted), self._keys.size - 1)
        hit = self._keys[at] == wanted
        for where, origin in zip(
            np.asarray(missing)[hit].tolist(), self._origins[at[hit]].tolist(), strict=True
        ):
            found[where] = origin
        return found

    def set(self, key: int, origin: int) -> None:
        self._recent[key] = origin
        if len(self._recent) >= self.FOLD:
            self.fold()

    def fold(self) -> None:
        """Move the dictionary into the arrays; its entries replace equal keys there."""
        if not self._recent:
            return
        keys = np.fromiter(self._recent.keys(), dtype=np.uint64, count=len(self._recent))
        origins = np.fromiter(self._recent.values(), dtype=np.uint32, count=len(self._recent))
        order = keys.argsort()  # only the dictionary is sorted: the arrays are already
        keys, origins = keys[order], origins[order]
        at = self._keys.searchsorted(keys)
        known = at < self._keys.size
        known[known] = self._keys[at[known]] == keys[known]
        self._origins[at[known]] = origins[known]
        new = ~known
        self._keys = np.insert(self._keys, at[new], keys[new])
        self._origins = np.insert(self._origins, at[new], origins[new])
        self._recent = {}
