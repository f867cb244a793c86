"""Entity-level evaluation of the named-entity recogniser on a CoNLL file.

A predicted entity counts as correct only if its token span and its type both match a gold entity
exactly (CoNLL-2003 / seqeval convention). Labels are mapped to newsloom's scheme first
(see :mod:`newsloom.entities.conll`). DaN+ has no event type, so on a DaN+ file predicted events
are scored as MISC, the class DaN+ puts events in.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from newsloom.entities.conll import SCHEME_LABELS, Sentence, Span, detect_format, read_conll
from newsloom.settings import DEFAULT_NER, NerModel


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _prf(true_positives: int, predicted: int, gold: int) -> dict[str, float | int]:
    precision = _ratio(true_positives, predicted)
    recall = _ratio(true_positives, gold)
    f1 = _ratio(2 * true_positives, predicted + gold)
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "gold": gold,
        "predicted": predicted,
        "correct": true_positives,
    }


def score_spans(
    gold: Sequence[Sentence],
    predicted: Sequence[Sequence[Span]],
    *,
    events_as_misc: bool = False,
) -> dict[str, object]:
    """Entity-level exact-match precision, recall and F1, overall and per type."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predictions")

    def key(span: Span) -> tuple[int, int, str]:
        label = "MISC" if events_as_misc and span.label == "EVT" else span.label
        return span.start, span.end, label

    counts = {label: [0, 0, 0] for label in SCHEME_LABELS}  # correct, predicted, gold
    for sentence, spans in zip(gold, predicted, strict=True):
        gold_keys = {key(span) for span in sentence.entities}
        predicted_keys = {key(span) for span in spans}
        for _, _, label in gold_keys:
            counts.setdefault(label, [0, 0, 0])[2] += 1
        for item in predicted_keys:
            counts.setdefault(item[2], [0, 0, 0])[1] += 1
            if item in gold_keys:
                counts[item[2]][0] += 1
    correct = sum(value[0] for value in counts.values())
    total_predicted = sum(value[1] for value in counts.values())
    total_gold = sum(value[2] for value in counts.values())
    overall = _prf(correct, total_predicted, total_gold)
    per_type = {label: _prf(*value) for label, value in counts.items() if value[1] or value[2]}
    return {**overall, "per_type": per_type}


def evaluate_ner(
    path: Path,
    *,
    language: str | None = None,
    model: NerModel = DEFAULT_NER,
    contextual_model: Path | None = None,
) -> dict[str, object]:
    """Run the shipped recogniser on a CoNLL file and score it.

    ``language`` chooses the route as for articles (``da``: the Danish component of the trained
    model; ``nb``/``nn``/``sv``: its Scandinavian component; ``en`` and other languages: the
    rule-based fallback). ``None`` means ``da`` for a DaN+ file and the Scandinavian component
    otherwise. ``contextual_model``: another file of the accurate model than the shipped one.
    Returns precision, recall, f1, per_type, sentences, tokens, seconds, sentences_per_second and
    sentences_per_cpu_second (speed on one core, unaffected by other processes).
    """
    from newsloom.entities.encoder import Encoder
    from newsloom.entities.ner import EntityRecognizer, uses_model
    from newsloom.entities.rules import find_spans

    data_format = detect_format(path)
    if language is None and data_format == "danplus":
        language = "da"
    sentences = list(read_conll(path))
    words = [sentence.words for sentence in sentences]
    encoder = None
    if uses_model(language):
        recognizer = EntityRecognizer.load(model=model, contextual_model=contextual_model)
        recognizer.find_in_tokens(words[:50], language=language)  # warm up; loading is not timed
        started, cpu_started = time.perf_counter(), time.process_time()
        predicted = recognizer.find_in_tokens(words, language=language)
        if recognizer.contextual is not None:
            encoder = "numpy" if isinstance(recognizer.contextual.encoder, Encoder) else "onnx"
    else:
        find_spans(["Warm", "up"], language or "en")
        started, cpu_started = time.perf_counter(), time.process_time()
        predicted = [tuple(find_spans(sentence, language or "en")) for sentence in words]
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    result = score_spans(sentences, predicted, events_as_misc=data_format == "danplus")
    return {
        **result,
        "file": str(path),
        "format": data_format,
        "language": language,
        "model": model if uses_model(language) else "rules",
        # the accurate model's encoder: "onnx" (int8) or "numpy" (float32)
        "encoder": encoder,
        "sentences": len(sentences),
        "tokens": sum(len(s.words) for s in sentences),
        "seconds": round(seconds, 3),
        "sentences_per_second": round(len(sentences) / seconds, 1) if seconds else 0.0,
        # CPU time of this (single-threaded) process: the speed on one core even on a busy machine
        "cpu_seconds": round(cpu_seconds, 3),
        "sentences_per_cpu_second": round(len(sentences) / cpu_seconds, 1) if cpu_seconds else 0.0,
    }
