"""Article-level duplicates: exact (content hash) and near (MinHash + LSH over word shingles).

The MinHash is vectorised with numpy and versioned by a scheme string stored beside every
signature (``minhash-v1:word3:stem6:perm128:seed1``), so a stored index is only reused by code
that computes the same signatures. Words are lower-cased and cut to a short prefix ("stem") so
inflection (``politiet`` / ``politi``) does not break a shingle.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from newsloom.errors import SettingsError

TokenIds = npt.NDArray[np.uint32]
Hashes = npt.NDArray[np.uint64]

STEM_LENGTH = 6
_WORD = re.compile(r"\w+")
_MIX = np.uint64(0x9E3779B97F4A7C15)
_MAX_CACHE = 2_000_000


class TokenHasher:
    """Words → stable 32-bit ids of their lower-cased prefixes (cached)."""

    def __init__(self, stem_length: int = STEM_LENGTH) -> None:
        if stem_length < 1:
            raise SettingsError(f"stem length must be at least 1, got {stem_length}")
        self.stem_length = stem_length
        self._cache: dict[str, int] = {}

    def words(self, text: str) -> list[str]:
        return _WORD.findall(text.lower())

    def ids(self, words: list[str]) -> list[int]:
        cache = self._cache
        if len(cache) > _MAX_CACHE:
            cache.clear()
        result: list[int | None] = list(map(cache.get, words))
        if None in result:
            length = self.stem_length
            for position, value in enumerate(result):
                if value is None:
                    word = words[position]
                    value = zlib.crc32(word[:length].encode("utf-8"))
                    cache[word] = value
                    result[position] = value
        return result  # type: ignore[return-value]


def shingle_hashes(token_ids: TokenIds, size: int) -> Hashes:
    """64-bit hashes of every run of ``size`` consecutive tokens (one hash for shorter input)."""
    values = token_ids.astype(np.uint64)
    if values.size == 0:
        return np.zeros(0, dtype=np.uint64)
    if values.size < size:
        size = int(values.size)
    count = values.size - size + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        combined = combined * _MIX + values[offset : offset + count] + np.uint64(offset + 1)
    combined ^= combined >> np.uint64(29)
    combined *= np.uint64(0xBF58476D1CE4E5B9)
    combined ^= combined >> np.uint64(32)
    return combined


def _lsh_parameters(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows minimising equally weighted false-positive and false-negative areas."""
    best = (1, num_perm)
    best_error = float("inf")
    grid_low = np.linspace(0.0, threshold, 200)
    grid_high = np.linspace(threshold, 1.0, 200)
    for bands in range(1, num_perm + 1):
        max_rows = num_perm // bands
        for rows in range(1, max_rows + 1):
            false_positive = np.trapezoid(1 - (1 - grid_low**rows) ** bands, grid_low)
            false_negative = np.trapezoid((1 - grid_high**rows) ** bands, grid_high)
            error = float(false_positive + false_negative)
            if error < best_error:
                best_error, best = error, (bands, rows)
    return best


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    index: int  # position of the earlier article in the index
    similarity: float  # estimated Jaccard similarity of the word shingles (1.0 for exact)


@dataclass(slots=True)
class DuplicateIndex:
    """Exact and near-duplicate lookup over articles added so far; each lookup is sublinear."""

    num_perm: int
    shingle_size: int
    threshold: float
    stem_length: int = STEM_LENGTH
    seed: int = 1
    bands: int = field(init=False)
    rows: int = field(init=False)
    _multipliers: Hashes = field(init=False, repr=False)
    _offsets: Hashes = field(init=False, repr=False)
    _buckets: list[dict[bytes, list[int]]] = field(init=False, repr=False)
    _signatures: list[TokenIds] = field(init=False, repr=False)
    _by_hash: dict[str, int] = field(init=False, repr=False)
    _canonical: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.num_perm < 16:
            raise SettingsError(f"num_perm must be at least 16, got {self.num_perm}")
        if self.shingle_size < 1:
            raise SettingsError(f"shingle_size must be at least 1, got {self.shingle_size}")
        if not 0.0 < self.threshold <= 1.0:
            raise SettingsError(f"duplicate_similarity must be in (0, 1], got {self.threshold}")
        generator = np.random.default_rng(self.seed)
        high = np.iinfo(np.uint64).max
        multipliers = generator.integers(1, high, self.num_perm, dtype=np.uint64)
        self._multipliers = np.asarray(multipliers | np.uint64(1), dtype=np.uint64)
        self._offsets = np.asarray(
            generator.integers(0, high, self.num_perm, dtype=np.uint64), dtype=np.uint64
        )
        self.bands, self.rows = _lsh_parameters(self.threshold, self.num_perm)
        self._buckets = [{} for _ in range(self.bands)]
        self._signatures = []
        self._by_hash = {}
        self._canonical = []

    @property
    def scheme(self) -> str:
        return (
            f"minhash-v1:word{self.shingle_size}:stem{self.stem_length}"
            f":perm{self.num_perm}:seed{self.seed}"
        )

    def __len__(self) -> int:
        return len(self._signatures)

    def signature(self, token_ids: TokenIds) -> TokenIds:
        """MinHash signature (``num_perm`` 32-bit values) of the token ids' shingle set."""
        shingles = np.unique(shingle_hashes(token_ids, self.shingle_size) >> np.uint64(32))
        if shingles.size == 0:
            return np.full(self.num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
        permuted = self._multipliers[:, None] * shingles[None, :] + self._offsets[:, None]
        minimum: Hashes = permuted.min(axis=1)
        return np.asarray(minimum >> np.uint64(32), dtype=np.uint32)

    def similarity(self, first: int, second: int) -> float:
        """Estimated Jaccard similarity of two indexed articles."""
        return float(np.mean(self._signatures[first] == self._signatures[second]))

    def query(self, content_hash: str, signature: TokenIds) -> DuplicateMatch | None:
        """The earliest-rooted best match at or above the threshold, without adding anything."""
        exact = self._by_hash.get(content_hash)
        if exact is not None:
            root = self._canonical[exact]
            score = 1.0 if root == exact else float(np.mean(self._signatures[root] == signature))
            return DuplicateMatch(root, score)
        candidates: set[int] = set()
        for band, bucket in enumerate(self._buckets):
            found = bucket.get(signature[band * self.rows : (band + 1) * self.rows].tobytes())
            if found:
                candidates.update(found)
        best: DuplicateMatch | None = None
        for candidate in sorted(candidates):
            score = float(np.mean(self._signatures[candidate] == signature))
            if score >= self.threshold and (best is None or score > best.similarity):
                best = DuplicateMatch(candidate, score)
        if best is None:
            return None
        root = self._canonical[best.index]
        if root != best.index:
            return DuplicateMatch(root, float(np.mean(self._signatures[root] == signature)))
        return best

    def insert(self, content_hash: str, signature: TokenIds, duplicate_of: int | None) -> int:
        """Add an article's signature; returns its position. ``duplicate_of`` is its root."""
        index = len(self._signatures)
        self._signatures.append(signature)
        self._canonical.append(index if duplicate_of is None else duplicate_of)
        self._by_hash.setdefault(content_hash, index)
        for band, bucket in enumerate(self._buckets):
            key = signature[band * self.rows : (band + 1) * self.rows].tobytes()
            bucket.setdefault(key, []).append(index)
        return index
