"""Pairwise precision and recall of canonical entities (``canonicalize``) on gold variant groups.

A gold file (``src/newsloom/entities/variant_groups.json`` ships one) holds cases; a case holds
groups; a group lists the spellings of one real-world entity as ``"language:surface"``. All mentions
of a case are canonicalised together (one article per language), and every pair of distinct
surfaces in the case is scored: a pair in the same gold group should be in the same predicted
entity (recall), a pair in one predicted entity should be in the same gold group (precision).
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path
from typing import Any

from newsloom.entities.canonical import canonicalize, clean_surface
from newsloom.errors import EvaluationError
from newsloom.records import EntityMention, EntityType

DEFAULT_GOLD = Path(__file__).resolve().parent.parent / "entities" / "variant_groups.json"


def _parse_mention(raw: str, where: str) -> tuple[str, str]:
    language, separator, surface = raw.partition(":")
    if not separator or not surface.strip() or not language.isalpha():
        raise EvaluationError(f"{where}: mention {raw!r} is not 'language:surface'")
    return language, surface.strip()


def _score_case(case: dict[str, Any], where: str) -> tuple[int, int, int, list[str]]:
    gold_of: dict[str, int] = {}
    mentions: dict[str, list[EntityMention]] = {}
    languages: dict[str, str | None] = {}
    for number, group in enumerate(case.get("groups", [])):
        try:
            kind = EntityType(group["type"])
        except (KeyError, ValueError) as error:
            valid = ", ".join(t.value for t in EntityType)
            raise EvaluationError(f"{where} group {number}: type must be one of {valid}") from error
        for raw in group.get("mentions", []):
            language, surface = _parse_mention(raw, f"{where} group {number}")
            if gold_of.setdefault(surface, number) != number:
                raise EvaluationError(f"{where}: {surface!r} is in two groups")
            article = f"{case.get('name', where)}-{language}"
            languages[article] = language
            mention = EntityMention(surface, kind, 0, 0, len(surface))
            mentions.setdefault(article, []).append(mention)
    predicted_of: dict[str, str] = {}
    for entity in canonicalize(mentions, languages):
        for variant in entity.variants:
            predicted_of.setdefault(variant, entity.id)
    correct = predicted_pairs = gold_pairs = 0
    errors: list[str] = []
    for first, second in combinations(sorted(gold_of), 2):
        same_gold = gold_of[first] == gold_of[second]
        same_predicted = predicted_of.get(clean_surface(first)) == predicted_of.get(
            clean_surface(second)
        )
        gold_pairs += same_gold
        predicted_pairs += same_predicted
        correct += same_gold and same_predicted
        if same_gold != same_predicted:
            verdict = "missed" if same_gold else "wrongly merged"
            errors.append(f"{case.get('name', where)}: {verdict} {first!r} ~ {second!r}")
    return correct, predicted_pairs, gold_pairs, errors


def evaluate_entity_groups(path: Path = DEFAULT_GOLD) -> dict[str, object]:
    """Pairwise precision, recall and F1 of canonical entities on a gold variant-group file."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise EvaluationError(f"{path}: cannot read gold variant groups: {error}") from error
    correct = predicted = expected = 0
    errors: list[str] = []
    cases = gold.get("cases", []) if isinstance(gold, dict) else []
    if not cases:
        raise EvaluationError(f"{path}: no 'cases' list; see {DEFAULT_GOLD} for the format")
    for number, case in enumerate(cases):
        case_correct, case_predicted, case_gold, case_errors = _score_case(
            case, f"{path} case {number}"
        )
        correct += case_correct
        predicted += case_predicted
        expected += case_gold
        errors.extend(case_errors)
    precision = correct / predicted if predicted else 0.0
    recall = correct / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "file": str(path),
        "cases": len(cases),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "gold_pairs": expected,
        "predicted_pairs": predicted,
        "correct_pairs": correct,
        "errors": errors,
    }
