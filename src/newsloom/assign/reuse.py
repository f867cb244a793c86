"""Passage-level text reuse with provenance, on top of article-level duplicates (:mod:`dedup`).

Each body paragraph of at least ``min_passage_words`` words is reduced to winnowed hashes of
word 4-grams over lower-cased word prefixes (robust to inflection, punctuation and a swapped
word). The hashes go into an inverted index whose posting lists are capped, so a common phrase
costs the same as a rare one and the per-article cost barely grows with the corpus (the index,
fingerprints and candidate counting are flat numpy arrays in :mod:`postings`). Paragraph
pairs that share hashes are aligned word by word (longest common subsequence, rapidfuzz) and
linked when enough words survive. Only body paragraphs link: captions, bylines, sign-offs and
"read also" lines never do.

The pipeline adds articles in publication order; every reused passage gets the earliest article
known to carry it (following chains of copies) and its wire agency: the origin's signature, else
the one the copied or the copying article signs (reprints often carry ``/ritzau/`` where the first
publication left it out).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Self

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import LCSseq

from newsloom.assign.dedup import STEM_LENGTH, DuplicateIndex, TokenIds, word_ids
from newsloom.assign.postings import (
    PARAGRAPH_BITS,
    PARAGRAPH_MASK,
    Hits,
    Keys,
    OriginMap,
    Positions,
    PostingIndex,
    candidate_pairs,
    fingerprints,
)
from newsloom.errors import StoreError
from newsloom.records import Article, ReusedPassage, ReuseIndexRow, ReuseResult
from newsloom.settings import ReuseSettings
from newsloom.time_order import utc_seconds

Numbers = npt.NDArray[np.uint32]  # small non-negative integers, 4 bytes each

POSTING_CAP = 64  # earliest postings kept per hash; more copies of a phrase add nothing
VERIFY_LIMIT = 24  # candidate paragraphs aligned per paragraph (most shared hashes first)
MAX_LINKS = 10  # reused-passage links reported per paragraph (best first, origin always kept)
CONTAINMENT = 0.9  # a shorter passage this much contained in a longer one also counts
TOKENS_SCHEME = f"passages-v2:stem{STEM_LENGTH}"

CONTEXT_WORDS = 4  # a shorter passage counts only beside a reused one from the same article
_BOILERPLATE_START = re.compile(
    r"\W*(læs også|læs mere|les også|les mer|läs också|läs mer|se også|read more|read also|"
    r"see also|annonce|annonse|annons|advertisement|(additional )?(reporting|writing|editing)"
    r" by)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"\b(foto|photo|bild|billede|video|grafik)\s*:", re.IGNORECASE)


def looks_like_boilerplate(text: str) -> bool:
    """Lines that travel between unrelated articles: "read also" links, credits, sign-offs."""
    if _BOILERPLATE_START.match(text[:40]) is not None:
        return True
    return ":" in text and _CREDIT.search(text) is not None


def passage_similarity(first: list[int], second: list[int]) -> tuple[float, int]:
    """Symmetric similarity of two word sequences and the words they share in order.

    Dice coefficient of the longest common subsequence, raised to the containment of the shorter
    passage in the longer one when that is almost complete (a sentence kept from a paragraph).
    """
    if not first or not second:
        return 0.0, 0
    common = int(LCSseq.similarity(first, second))
    dice = 2 * common / (len(first) + len(second))
    containment = common / min(len(first), len(second))
    return (max(dice, containment) if containment >= CONTAINMENT else dice), common


def _aligned(
    words: list[int], other: _Entry, position: int, aligned: dict[bytes, tuple[float, int]]
) -> tuple[float, int]:
    """:func:`passage_similarity` of ``words`` and a paragraph of ``other``, computed once per
    distinct paragraph text in ``aligned`` (copies of a wire text often repeat it word for word).
    """
    content = other.content(position)
    found = aligned.get(content)
    if found is None:
        found = aligned[content] = passage_similarity(words, other.words(position))
    return found


def _time_key(published: datetime | None) -> float:
    seconds = utc_seconds(published)
    return math.inf if seconds is None else seconds


@dataclass(frozen=True, slots=True)
class _Entry:
    """What the index keeps of one article: its id, time, agency and body words as ids.

    Numbers are kept in 4-byte arrays, not tuples of Python integers: the index holds an entry
    for every article it has seen.
    """

    article_id: str
    time: float
    agency: str | None
    paragraphs: Numbers  # paragraph index of each kept body paragraph
    starts: Numbers  # offsets into ``tokens``, one more than paragraphs
    tokens: TokenIds

    @property
    def count(self) -> int:
        return int(self.paragraphs.size)

    def paragraph(self, position: int) -> int:
        return int(self.paragraphs[position])

    def size(self, position: int) -> int:
        return int(self.starts[position + 1]) - int(self.starts[position])

    def words(self, position: int) -> list[int]:
        return self.tokens[self.starts[position] : self.starts[position + 1]].tolist()  # type: ignore[no-any-return]

    def content(self, position: int) -> bytes:
        """The paragraph's words as bytes: equal for paragraphs with the same words."""
        return self.tokens[self.starts[position] : self.starts[position + 1]].tobytes()

    def encode(self) -> bytes:
        header = np.concatenate(([self.count], self.paragraphs, self.starts)).astype(np.uint32)
        return header.tobytes() + self.tokens.astype(np.uint32).tobytes()

    @classmethod
    def decode(cls, article_id: str, time: float, agency: str | None, blob: bytes) -> _Entry:
        values = np.frombuffer(blob, dtype=np.uint32)
        count = int(values[0])
        paragraphs = values[1 : 1 + count].copy()
        starts = values[1 + count : 2 + 2 * count].copy()
        return cls(article_id, time, agency, paragraphs, starts, values[2 + 2 * count :].copy())


@dataclass(frozen=True, slots=True)
class ReuseEntry:
    """What the index makes of one article alone (:func:`reuse_entry`): its entry, MinHash
    signature and passage fingerprints, made where the article is analysed so that the one
    ordered writer only looks them up. Used by an index whose :func:`entry_scheme` is ``scheme``.
    """

    scheme: str
    entry: _Entry
    signature: TokenIds
    keys: Keys
    owners: Positions


def entry_scheme(settings: ReuseSettings) -> str:
    """What a :class:`ReuseEntry` depends on besides the article: the signature's scheme, the
    tokens' and the passage length the fingerprints start at."""
    return f"{_signer(settings).scheme}|{TOKENS_SCHEME}|min{settings.min_passage_words}"


@lru_cache(maxsize=4)
def _signer_for(num_perm: int, shingle_size: int, threshold: float) -> DuplicateIndex:
    return DuplicateIndex(num_perm=num_perm, shingle_size=shingle_size, threshold=threshold)


def _signer(settings: ReuseSettings) -> DuplicateIndex:
    """An empty duplicate index of ``settings`` (for its signatures only), made once per process."""
    return _signer_for(settings.num_perm, settings.shingle_size, settings.duplicate_similarity)


def reuse_entry(article: Article, settings: ReuseSettings) -> ReuseEntry:
    """The index's entry, signature and fingerprints of ``article`` (a pure function of it)."""
    entry = _article_entry(article)
    keys, owners = _entry_fingerprints(entry, settings.min_passage_words)
    signature = _signer(settings).signature(entry.tokens)
    return ReuseEntry(entry_scheme(settings), entry, signature, keys, owners)


def _article_entry(article: Article) -> _Entry:
    body = [p for p in article.body if not looks_like_boilerplate(p.text)]
    tokens, counts = word_ids([paragraph.text for paragraph in body], STEM_LENGTH)
    kept = np.flatnonzero(counts)
    agency = article.agencies[0] if article.agencies else None
    return _Entry(
        article.id,
        _time_key(article.published),
        agency,
        np.array([body[position].index for position in kept.tolist()], dtype=np.uint32),
        np.concatenate(([0], np.cumsum(counts[kept]))).astype(np.uint32),
        tokens,
    )


def _entry_fingerprints(entry: _Entry, min_passage_words: int) -> tuple[Keys, Positions]:
    starts = np.asarray(entry.starts, dtype=np.int64)
    return fingerprints(entry.tokens, starts, min_passage_words)


@dataclass(frozen=True, slots=True)
class ReuseSnapshot:
    """What the index learned from one article, to store: (scheme, signature) pairs in order."""

    article_id: str
    signatures: tuple[tuple[str, bytes], ...]


@dataclass(frozen=True, slots=True)
class _Match:
    position: int  # paragraph position in the new article
    other: int  # index of the earlier article
    other_position: int
    similarity: float
    common: int


class ReuseIndex:
    """Incremental index: ``add`` checks an article against everything seen so far, then adds it."""

    def __init__(self, settings: ReuseSettings) -> None:
        self.settings = settings
        self.duplicates = DuplicateIndex(
            num_perm=settings.num_perm,
            shingle_size=settings.shingle_size,
            threshold=settings.duplicate_similarity,
        )
        self.postings = PostingIndex(POSTING_CAP)
        self._entries: list[_Entry] = []
        self._positions: dict[str, int] = {}
        self._origins = OriginMap()  # (article << bits | paragraph position) → origin
        self._pending: dict[str, tuple[TokenIds, _Entry]] = {}
        self._scheme = entry_scheme(settings)

    def __len__(self) -> int:
        return len(self._entries)

    @classmethod
    def load(
        cls,
        settings: ReuseSettings,
        rows: Iterable[ReuseIndexRow],
        origins: Iterable[tuple[str, int, str]],
        stored_article: Callable[[str], Article | None],
    ) -> Self:
        """Rebuild the index from stored snapshots (:meth:`snapshot`), in the order added.

        ``origins`` are the stored (article, paragraph, origin article) of reused passages;
        ``stored_article`` gives the text of an article stored without its words' signature.
        """
        index = cls(settings)
        minhash_scheme = index.duplicates.scheme
        for row in rows:
            time = _time_key(row.published)
            agency = row.agencies[0] if row.agencies else None
            blob = row.signatures.get(TOKENS_SCHEME)
            if blob is not None:
                entry = _Entry.decode(row.article_id, time, agency, blob)
            else:
                article = stored_article(row.article_id)
                if article is None:
                    raise StoreError(f"reuse index: article {row.article_id} has no stored text")
                entry = index._entry(article)
            stored = row.signatures.get(minhash_scheme)
            signature = (
                np.frombuffer(stored, dtype=np.uint32).copy()
                if stored is not None
                else index.duplicates.signature(entry.tokens)
            )
            root = index._positions.get(row.duplicate_of) if row.duplicate_of else None
            index._insert(entry, row.content_hash, signature, root)
        for article_id, paragraph, origin_id in origins:
            position = index._positions.get(article_id)
            origin = index._positions.get(origin_id)
            if position is None or origin is None:
                continue
            found = np.flatnonzero(index._entries[position].paragraphs == paragraph)
            if found.size == 0:
                continue
            key = position << PARAGRAPH_BITS | int(found[0])
            known = index._origins.get(key)
            if known is None or index._earlier(origin, known):
                index._origins.set(key, origin)
        return index

    def add(self, article: Article, made: ReuseEntry | None = None) -> ReuseResult:
        """Find the article's duplicate and reused passages among earlier articles, then add it.

        ``made``: :func:`reuse_entry` of the article, made where it was analysed (used when made
        with this index's scheme).
        """
        if made is None or made.scheme != self._scheme or made.entry.article_id != article.id:
            made = None
        entry = made.entry if made else self._entry(article)
        signature = made.signature if made else self.duplicates.signature(entry.tokens)
        duplicate = self.duplicates.query(article.content_hash, signature)
        keys, owners = (made.keys, made.owners) if made else self._fingerprints(entry)
        hits = self.postings.lookup(keys)
        matches = self._verify(entry, owners, hits)
        matches.extend(self._context_matches(entry, matches))
        position = self._insert(
            entry, article.content_hash, signature, duplicate.index if duplicate else None, keys,
            owners, hits.counts,
        )  # fmt: skip
        passages, reused_words = self._passages(position, entry, matches)
        total_words = int(entry.tokens.size)
        self._pending[article.id] = (signature, entry)
        while len(self._pending) > 64:
            del self._pending[next(iter(self._pending))]
        return ReuseResult(
            article_id=article.id,
            duplicate_of=self._entries[duplicate.index].article_id if duplicate else None,
            duplicate_similarity=round(duplicate.similarity, 4) if duplicate else None,
            passages=passages,
            reused_share=round(reused_words / total_words, 4) if total_words else 0.0,
        )

    def snapshot(self, article_id: str) -> ReuseSnapshot:
        """What the index learned from ``article_id``, to store (handed over once)."""
        pending = self._pending.pop(article_id, None)
        if pending is None:
            raise StoreError(
                f"reuse index: article {article_id} was not just added, nothing to save"
            )
        signature, entry = pending
        return ReuseSnapshot(
            article_id,
            ((self.duplicates.scheme, signature.tobytes()), (TOKENS_SCHEME, entry.encode())),
        )

    # -- internals -----------------------------------------------------------------------------

    def _entry(self, article: Article) -> _Entry:
        return _article_entry(article)

    def _fingerprints(self, entry: _Entry) -> tuple[Keys, Positions]:
        return _entry_fingerprints(entry, self.settings.min_passage_words)

    def _verify(self, entry: _Entry, owners: Positions, hits: Hits) -> list[_Match]:
        matches: list[_Match] = []
        words: list[int] = []
        aligned: dict[bytes, tuple[float, int]] = {}
        last = -1
        for position, posting in candidate_pairs(hits, owners, entry.count, VERIFY_LIMIT):
            if position != last:
                words, last, aligned = entry.words(position), position, {}
            other, other_position = posting >> PARAGRAPH_BITS, posting & PARAGRAPH_MASK
            similarity, common = _aligned(words, self._entries[other], other_position, aligned)
            if (
                similarity >= self.settings.min_similarity
                and common >= self.settings.min_passage_words
            ):
                matches.append(_Match(position, other, other_position, similarity, common))
        return matches

    def _context_matches(self, entry: _Entry, matches: list[_Match]) -> list[_Match]:
        """Short paragraphs next to a reused one, matching a paragraph near its counterpart."""
        linked: dict[int, dict[int, int]] = defaultdict(dict)  # position → other → other position
        for match in matches:
            linked[match.position].setdefault(match.other, match.other_position)
        added: list[_Match] = []
        aligned: dict[int, dict[bytes, tuple[float, int]]] = defaultdict(dict)  # per position
        nearest: dict[tuple[int, int, int], tuple[int, float, int] | None] = {}  # a later pass
        changed = True
        while changed:
            changed = False
            for position in range(entry.count):
                if position in linked:
                    continue
                size = entry.size(position)
                if not CONTEXT_WORDS <= size < self.settings.min_passage_words:
                    continue  # long paragraphs were already compared through their hashes
                words = entry.words(position)
                for neighbour in (position - 1, position + 1):
                    for other, other_position in list(linked.get(neighbour, {}).items()):
                        key = (position, other, other_position)
                        if key not in nearest:
                            nearest[key] = self._best_near(
                                words, other, other_position, aligned[position]
                            )
                        found = nearest[key]
                        if found is None or other in linked[position]:
                            continue
                        near, similarity, common = found
                        linked[position][other] = near
                        added.append(_Match(position, other, near, similarity, common))
                        changed = True
        return added

    def _best_near(
        self,
        words: list[int],
        other: int,
        other_position: int,
        aligned: dict[bytes, tuple[float, int]],
    ) -> tuple[int, float, int] | None:
        candidate = self._entries[other]
        best: tuple[int, float, int] | None = None
        for near in range(max(0, other_position - 2), min(candidate.count, other_position + 3)):
            similarity, common = _aligned(words, candidate, near, aligned)
            good = similarity >= self.settings.min_similarity and common >= CONTEXT_WORDS
            if good and (best is None or similarity > best[1]):
                best = (near, similarity, common)
        return best

    def _insert(
        self,
        entry: _Entry,
        content_hash: str,
        signature: TokenIds,
        duplicate_of: int | None,
        keys: Keys | None = None,
        owners: Positions | None = None,
        counts: Positions | None = None,
    ) -> int:
        position = self.duplicates.insert(content_hash, signature, duplicate_of)
        self._entries.append(entry)
        self._positions.setdefault(entry.article_id, position)
        if keys is None or owners is None or counts is None:
            keys, owners = self._fingerprints(entry)
            counts = self.postings.lookup(keys).counts
        postings = np.uint64(position << PARAGRAPH_BITS) | np.minimum(
            owners, PARAGRAPH_MASK
        ).astype(np.uint64)
        self.postings.add(keys, postings, counts)
        return position

    def _earlier(self, first: int, second: int) -> bool:
        return (self._entries[first].time, first) < (self._entries[second].time, second)

    def _origins_of(self, matches: list[_Match]) -> list[int]:
        """The earliest known carrier of each match's earlier paragraph (looked up at once)."""
        known = self._origins.get_many(
            [match.other << PARAGRAPH_BITS | match.other_position for match in matches]
        )
        return [
            match.other if origin is None or not self._earlier(origin, match.other) else origin
            for match, origin in zip(matches, known, strict=True)
        ]

    def _passages(
        self, position: int, entry: _Entry, matches: list[_Match]
    ) -> tuple[tuple[ReusedPassage, ...], int]:
        by_paragraph: dict[int, list[tuple[_Match, int]]] = defaultdict(list)
        for match, carrier in zip(matches, self._origins_of(matches), strict=True):
            by_paragraph[match.position].append((match, carrier))
        passages: list[ReusedPassage] = []
        reused_words = 0
        for paragraph_position in sorted(by_paragraph):
            group = [match for match, _ in by_paragraph[paragraph_position]]
            origins = [carrier for _, carrier in by_paragraph[paragraph_position]]
            earliest = min(
                range(len(group)), key=lambda i: (self._entries[origins[i]].time, origins[i])
            )
            self._origins.set(position << PARAGRAPH_BITS | paragraph_position, origins[earliest])
            ranked = sorted(
                range(len(group)),
                key=lambda i: (-group[i].similarity, self._entries[group[i].other].time, i),
            )
            kept = ranked[:MAX_LINKS]
            if earliest not in kept:
                kept[-1] = earliest
            size = entry.size(paragraph_position)
            reused_words += min(size, max(match.common for match in group))
            for i in kept:
                match, origin = group[i], self._entries[origins[i]]
                other = self._entries[match.other]
                passages.append(
                    ReusedPassage(
                        article=entry.article_id,
                        paragraph=entry.paragraph(paragraph_position),
                        other_article=other.article_id,
                        other_paragraph=other.paragraph(match.other_position),
                        similarity=round(match.similarity, 4),
                        origin_article=origin.article_id,
                        # a reprint often signs the wire text its origin left unsigned
                        origin_agency=origin.agency or other.agency or entry.agency,
                    )
                )
        return tuple(passages), reused_words
