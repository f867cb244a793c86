"""Article-level duplicates: exact (content hash) and near (MinHash + LSH over word shingles).

The MinHash is vectorised with numpy and versioned by a scheme string stored beside every
signature (``minhash-v2:word3:stem6:perm128:seed1``), so a stored index is only reused by code
that computes the same signatures. Words are lower-cased and cut to a short prefix ("stem") so
inflection (``politiet`` / ``politi``) does not break a shingle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import numpy as np
import numpy.typing as npt

from newsloom.errors import SettingsError

TokenIds = npt.NDArray[np.uint32]
Hashes = npt.NDArray[np.uint64]
Positions = npt.NDArray[np.int64]

STEM_LENGTH = 6
_MIX = np.uint64(0x9E3779B97F4A7C15)
_BLOCK = 1 << 16  # values per MinHash block (256 KiB)


@cache
def _word_characters() -> npt.NDArray[np.bool_]:
    """For every code point of the Basic Multilingual Plane: is it a word character (``\\w``)?"""
    return np.array([chr(code).isalnum() or code == 0x5F for code in range(0x10000)])


def _is_word(codes: TokenIds) -> npt.NDArray[np.bool_]:
    """Word characters as ``re``'s ``\\w`` sees them: alphanumeric (``str.isalnum``) or ``_``."""
    word: npt.NDArray[np.bool_] = np.take(_word_characters(), codes, mode="clip")
    if codes.max() > 0xFFFF:  # beyond the table: rare, checked one by one
        high = np.flatnonzero(codes > 0xFFFF)
        word[high] = [chr(code).isalnum() for code in codes[high].tolist()]
    return word


def word_ids(texts: list[str], stem_length: int = STEM_LENGTH) -> tuple[TokenIds, Positions]:
    """Ids of the words (``\\w+`` runs) of several texts, lower-cased and cut to their first
    ``stem_length`` characters, and how many words each text has.

    The texts are tokenised together with numpy over their code points, so the cost is a few
    array operations per call rather than Python work per word. Ids are stable 32-bit hashes.
    """
    if stem_length < 1:
        raise SettingsError(f"stem length must be at least 1, got {stem_length}")
    lowered = [text.lower() for text in texts]
    codes = np.frombuffer("\n".join(lowered).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if codes.size == 0:
        return np.zeros(0, dtype=np.uint32), np.zeros(len(texts), dtype=np.int64)
    padded = np.zeros(codes.size + 2, dtype=np.int8)
    padded[1:-1] = _is_word(codes)
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    starts, ends = edges[0::2], edges[1::2]
    window = starts[:, None] + np.arange(stem_length)
    stems = np.take(codes, window, mode="clip").astype(np.uint64)
    stems *= window < ends[:, None]
    combined: Hashes = stems @ _stem_multipliers(stem_length)  # wraps modulo 2**64
    combined ^= combined >> np.uint64(29)
    combined *= np.uint64(0xBF58476D1CE4E5B9)
    combined ^= combined >> np.uint64(32)
    text_ends = np.cumsum([len(text) + 1 for text in lowered])
    counts = np.bincount(np.searchsorted(text_ends, starts, "right"), minlength=len(texts))
    return combined.astype(np.uint32), counts.astype(np.int64)


@cache
def _stem_multipliers(stem_length: int) -> Hashes:
    """Odd 64-bit multipliers, one per stem position (fixed: ids are stored)."""
    positions = np.arange(1, stem_length + 1, dtype=np.uint64)
    return (positions * _MIX + np.uint64(0x632BE59BD9B4E019)) | np.uint64(1)


def shingle_hashes(token_ids: TokenIds, size: int) -> Hashes:
    """64-bit hashes of every run of ``size`` consecutive tokens (one hash for shorter input)."""
    values = token_ids.astype(np.uint64)
    if values.size == 0:
        return np.zeros(0, dtype=np.uint64)
    if values.size < size:
        size = int(values.size)
    count = values.size - size + 1
    combined = values[:count] + np.uint64(1)
    for offset in range(1, size):
        combined *= _MIX
        combined += values[offset : offset + count]
        combined += np.uint64(offset + 1)
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
    _multipliers: TokenIds = field(init=False, repr=False)
    _offsets: TokenIds = field(init=False, repr=False)
    _buckets: list[dict[int, int | list[int]]] = field(init=False, repr=False)
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
        high = np.iinfo(np.uint32).max
        multipliers = generator.integers(1, high, self.num_perm, dtype=np.uint32)
        self._multipliers = np.asarray(multipliers | np.uint32(1), dtype=np.uint32)
        self._offsets = np.asarray(
            generator.integers(0, high, self.num_perm, dtype=np.uint32), dtype=np.uint32
        )
        self.bands, self.rows = _lsh_parameters(self.threshold, self.num_perm)
        self._buckets = [{} for _ in range(self.bands)]
        self._signatures = []
        self._by_hash = {}
        self._canonical = []

    @property
    def scheme(self) -> str:
        return (
            f"minhash-v2:word{self.shingle_size}:stem{self.stem_length}"
            f":perm{self.num_perm}:seed{self.seed}"
        )

    def __len__(self) -> int:
        return len(self._signatures)

    def signature(self, token_ids: TokenIds) -> TokenIds:
        """MinHash signature (``num_perm`` 32-bit values) of the token ids' shingle set.

        Each permutation is ``a * x + b`` modulo 2**32 (odd ``a``) over 32-bit shingle hashes,
        computed in place in 32-bit arithmetic; repeated shingles change no minimum, so they are
        not deduplicated first.
        """
        hashes = shingle_hashes(token_ids, self.shingle_size) >> np.uint64(32)
        if hashes.size == 0:
            return np.full(self.num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
        shingles = hashes.astype(np.uint32)
        minimum = np.empty(self.num_perm, dtype=np.uint32)
        step = max(1, _BLOCK // shingles.size)  # shingles per block that stays in cache
        for start in range(0, shingles.size, step):
            block = np.multiply(shingles[start : start + step, None], self._multipliers[None, :])
            block += self._offsets[None, :]
            if start == 0:
                block.min(axis=0, out=minimum)
            else:
                np.minimum(minimum, block.min(axis=0), out=minimum)
        return minimum

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
        for bucket, key in zip(self._buckets, self._band_keys(signature), strict=True):
            found = bucket.get(key)
            if isinstance(found, int):
                candidates.add(found)
            elif found is not None:
                candidates.update(found)
        if not candidates:
            return None
        ordered = sorted(candidates)  # scored at once; ties go to the earliest candidate
        agree = np.count_nonzero(
            np.array([self._signatures[c] for c in ordered]) == signature, axis=1
        )
        best_at = int(agree.argmax())
        score = int(agree[best_at]) / signature.size  # the mean of the equal positions
        if score < self.threshold:
            return None
        best = DuplicateMatch(ordered[best_at], score)
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
        for bucket, key in zip(self._buckets, self._band_keys(signature), strict=True):
            found = bucket.get(key)
            if found is None:
                bucket[key] = index  # most bands hold one article: no list for them
            elif isinstance(found, int):
                bucket[key] = [found, index]
            else:
                found.append(index)
        return index

    def _band_keys(self, signature: TokenIds) -> list[int]:
        """One int per LSH band (the hash of its rows; a rare collision only adds a candidate)."""
        rows = signature[: self.bands * self.rows].reshape(self.bands, self.rows)
        return [hash(band.tobytes()) for band in rows]
