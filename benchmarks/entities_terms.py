"""Entities and story terms on real articles: a dump to compare two versions byte for byte, and
CPU seconds (issue 19).

    .venv/bin/python benchmarks/extract_real.py build /tmp/articles.pickle     # inputs, once
    .venv/bin/python benchmarks/entities_terms.py dump /tmp/articles.pickle out.jsonl
    .venv/bin/python benchmarks/entities_terms.py time /tmp/articles.pickle    # best of 3

The inputs are those of ``extract_real.py`` (normalized, with languages). ``dump`` writes, for
every article, the entities of the default recognizer (``analyze.ner``, as ``newsloom ingest``
finds them) and the story terms (:func:`newsloom.assign.features.article_features`) made from
them, as JSON Lines (compare two dumps with ``cmp``). ``time`` gives the CPU seconds
(``time.process_time``) of the ``analyze: entities`` and ``analyze: story terms`` stages over the
1,000-article stream: a first pass, which loads the language dictionaries, then the best of three
passes with the dictionaries loaded and the per-word memos emptied before each pass (as in one
process that ingests 1,000 articles after the first).
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from dataclasses import asdict
from functools import _lru_cache_wrapper
from pathlib import Path
from typing import Any

from newsloom.assign import features
from newsloom.entities import canonical, exonyms, rules
from newsloom.records import Analysis, Article, EntityMention

Inputs = list[tuple[str, Article, tuple[EntityMention, ...]]]


def _recognizer() -> Any:
    from newsloom.entities.ner import EntityRecognizer
    from newsloom.settings import DEFAULT_NER

    return EntityRecognizer.load(model=DEFAULT_NER)


def dump(inputs: Inputs, output: Path) -> None:
    recognizer = _recognizer()
    with output.open("w", encoding="utf-8") as out:
        for name, article, _fast_entities in inputs:
            entities = recognizer.find_entities(article)
            terms = features.article_features(article, Analysis(article.id, entities=entities))
            record = {
                "set": name,
                "id": article.id,
                "entities": [asdict(mention) for mention in entities],
                "terms": sorted(terms.items()),
            }
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def _memos() -> list[_lru_cache_wrapper[Any]]:
    """The per-word memos of the two stages (not the dictionaries: they load once a process)."""
    found = []
    for module in (features, rules, canonical, exonyms):
        for value in vars(module).values():
            if isinstance(value, _lru_cache_wrapper) and (value.cache_info().maxsize or 0) > 64:
                found.append(value)
    return found


def _pass(recognizer: Any, stream: list[Article]) -> tuple[float, float]:
    entities_seconds = terms_seconds = 0.0
    for article in stream:
        start = time.process_time()
        entities = recognizer.find_entities(article)
        middle = time.process_time()
        features.article_features(article, Analysis(article.id, entities=entities))
        end = time.process_time()
        entities_seconds += middle - start
        terms_seconds += end - middle
    return entities_seconds, terms_seconds


def cpu_seconds(inputs: Inputs, repeat: int) -> None:
    recognizer = _recognizer()
    stream = [article for name, article, _ in inputs if name == "stream"]
    first = _pass(recognizer, stream)
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for memo in _memos():
            memo.cache_clear()
        getattr(features, "_WORD_KEYS", {}).clear()  # the word memo of story terms, if any
        seconds = _pass(recognizer, stream)
        best = [min(old, new) for old, new in zip(best, seconds, strict=True)]
    print(
        f"{len(stream)} stream articles: first pass entities {first[0]:.2f}, story terms "
        f"{first[1]:.2f} CPU s; best of {repeat}: entities {best[0]:.2f}, story terms "
        f"{best[1]:.2f} CPU s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["dump", "time"])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    inputs: Inputs = pickle.loads(arguments.paths[0].read_bytes())
    if arguments.mode == "dump":
        dump(inputs, arguments.paths[1])
    else:
        cpu_seconds(inputs, arguments.repeat)


if __name__ == "__main__":
    main()
