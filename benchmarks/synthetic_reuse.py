"""Quality of passage-level reuse on synthetic copies of real text, by edit strength.

Real articles (ML-Crisis Spanish articles; NorNE Bokmål/Nynorsk and DaN+ Danish sentences grouped
into articles) are indexed as originals; copies are derived from them with known ground truth:
verbatim (paragraphs dropped), light (plus reordering, a new lead, one word changed in half the
sentences, inflection, punctuation) and heavy (plus a changed word and two inflections in every
sentence, sentence cuts, merged paragraphs, two sources merged). A pair is (copy, paragraph,
original, paragraph); precision, recall and F1 are over those pairs.

    .venv/bin/python benchmarks/synthetic_reuse.py [--originals 400] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reuse_corpus import (
    Editor,
    at,
    crisis_articles,
    derive,
    make_article,
    progress,
    sentence_articles,
    vocabulary_of,
)

from newsloom.assign.reuse import ReuseIndex
from newsloom.records import Article
from newsloom.settings import ReuseSettings

STRENGTHS = ("verbatim", "light", "heavy")
Pair = tuple[str, int, str, int]


def clean_pool(pool: list[list[str]], settings: ReuseSettings) -> list[int]:
    """Pool articles that share no passage with another pool article (real reuse is removed)."""
    index = ReuseIndex(settings)
    involved: set[str] = set()
    articles = [make_article(f"pool{i}", p, at(i)) for i, p in enumerate(pool)]
    for article in articles:
        result = index.add(article)
        if result.passages or result.duplicate_of:
            involved.add(article.id)
            involved.update(p.other_article for p in result.passages)
            if result.duplicate_of:
                involved.add(result.duplicate_of)
    return [i for i, article in enumerate(articles) if article.id not in involved]


def run(originals: int, seed: int, settings: ReuseSettings) -> dict[str, dict[str, float]]:
    rng = random.Random(seed)
    pool = crisis_articles() + sentence_articles(rng)
    clean = clean_pool(pool, settings)
    rng.shuffle(clean)
    chosen, distractors, leads = (
        clean[:originals],
        clean[originals : originals * 3],
        clean[originals * 3 :],
    )
    editor = Editor(rng, vocabulary_of([pool[i] for i in clean]))
    index = ReuseIndex(settings)
    indexed: dict[int, Article] = {}
    for minute, number in enumerate(sorted(chosen + distractors)):
        indexed[number] = make_article(f"pool{number}", pool[number], at(minute))
        index.add(indexed[number])
    gold: dict[str, set[Pair]] = defaultdict(set)
    copies: list[tuple[str, Article]] = []
    for position, number in enumerate(chosen):
        for strength in STRENGTHS:
            sources = [number]
            if strength == "heavy" and rng.random() < 0.3:
                sources.append(rng.choice(chosen))
                if sources[1] == number:
                    sources.pop()
            lead_pool = pool[leads[rng.randrange(len(leads))]] if leads else None
            lead = lead_pool[0] if lead_pool and len(lead_pool[0].split()) >= 8 else None
            copy = derive(editor, [pool[s] for s in sources], strength, lead)
            key = f"copy{position}-{strength}"
            article = make_article(key, copy.paragraphs, at(10_000 + len(copies)), "copier")
            copies.append((strength, article))
            for paragraph, origins in enumerate(copy.sources):
                # Passages under min_passage_words count only inside a copied block: next to a
                # paragraph copied from the same source (as in the example corpus gold).
                for source_number, source_paragraph in origins:
                    source_text = pool[sources[source_number]][source_paragraph]
                    size = min(len(source_text.split()), len(copy.paragraphs[paragraph].split()))
                    beside = any(
                        source_number in {number for number, _ in copy.sources[near]}
                        for near in (paragraph - 1, paragraph + 1)
                        if 0 <= near < len(copy.sources)
                    )
                    if size < settings.min_passage_words and not (size >= 4 and beside):
                        continue
                    original = indexed[sources[source_number]]
                    gold[strength].add((article.id, paragraph, original.id, source_paragraph))
    originals_ids = {article.id for article in indexed.values()}
    predicted: dict[str, set[Pair]] = defaultdict(set)
    order = list(range(len(copies)))
    rng.shuffle(order)  # copies of all strengths interleaved in time
    started = time.perf_counter()
    for step in progress(len(order), "copies"):
        strength, article = copies[order[step]]
        result = index.add(article)
        for passage in result.passages:
            if passage.other_article in originals_ids:
                predicted[strength].add(
                    (article.id, passage.paragraph, passage.other_article, passage.other_paragraph)
                )
    elapsed = time.perf_counter() - started
    table: dict[str, dict[str, float]] = {}
    for strength in (*STRENGTHS, "all"):
        wanted = STRENGTHS if strength == "all" else (strength,)
        gold_pairs = set().union(*(gold[s] for s in wanted))
        predicted_pairs = set().union(*(predicted[s] for s in wanted))
        correct = len(gold_pairs & predicted_pairs)
        precision = correct / len(predicted_pairs) if predicted_pairs else 0.0
        recall = correct / len(gold_pairs) if gold_pairs else 0.0
        f1 = 2 * correct / (len(gold_pairs) + len(predicted_pairs)) if gold_pairs else 0.0
        table[strength] = {
            "gold": len(gold_pairs),
            "predicted": len(predicted_pairs),
            "correct": correct,
            "precision": precision,
            "recall": recall,
            "f1": f1,
        }
    table["run"] = {
        "pool": len(pool),
        "clean": len(clean),
        "indexed": len(indexed),
        "copies": len(copies),
        "copies_per_second": len(copies) / elapsed,
    }
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--originals", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    table = run(arguments.originals, arguments.seed, ReuseSettings())
    info = table.pop("run")
    print(
        f"pool {info['pool']:.0f} real articles, {info['clean']:.0f} without real reuse;"
        f" {info['indexed']:.0f} indexed, {info['copies']:.0f} copies"
        f" ({info['copies_per_second']:.0f} copies/s)"
    )
    print(f"{'edit':<9} {'gold':>6} {'found':>6} {'right':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for strength, row in table.items():
        print(
            f"{strength:<9} {row['gold']:>6.0f} {row['predicted']:>6.0f} {row['correct']:>6.0f}"
            f" {row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f}"
        )


if __name__ == "__main__":
    main()
