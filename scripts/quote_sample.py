"""Judge quote extraction on text no gold covers: pseudo-documents, quote lists, diffs, samples.

Rules for quotes and speakers are read off unlabelled text (issues 16 and 22): the extractor's
quotes are listed before and after a change, the changed ones read, and random samples judged.

    python scripts/quote_sample.py docs build/ndt/docs.jsonl        # NorNE train → documents
    python scripts/quote_sample.py docs build/ndt/da-docs.jsonl --corpus danplus --sentences 1
    python scripts/quote_sample.py view build/ndt/docs.jsonl A.json # quotes of every document
    python scripts/quote_sample.py diff A.json B.json               # what a change moved
    python scripts/quote_sample.py sample A.json --docs build/ndt/docs.jsonl --seed 7 -n 40
    python scripts/quote_sample.py dump-view DUMP.json A.json  # extract_real's dump
    python scripts/quote_sample.py sample A.json --pickle PICKLE --set ml-crisis --seed 7

``docs`` reads NorNE's Bokmål and Nynorsk train sentences (from ../shared/data at run time),
drops every sentence that stands in a gold-real paragraph, and cuts the rest into documents of
40 sentences, one paragraph each (as gold-real writes them); ``--corpus danplus`` reads DaN+'s
Danish news sentences, which come shuffled (``--sentences 1`` makes each its own document).
``view`` runs the analysis ingest runs (entities first) on each document. ``dump-view`` reads
``benchmarks/extract_real.py dump``'s output (the quotes found with entities) into the same
shape, keyed ``set/id``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SENTENCES_PER_DOCUMENT = 40
_NO_SPACE_BEFORE = re.compile(r" ([.,:;!?)\]»”%])")
_NO_SPACE_AFTER = re.compile(r"([(\[«“]) ")
Quotes = dict[str, list[dict[str, Any]]]
CORPORA = {
    "norne": (("norne-nob/train.conll", "nb"), ("norne-nno/train.conll", "nn")),
    "danplus": (("danplus-news/train.tsv", "da"),),
}


def _sentences(path: Path) -> Iterator[str]:
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            if not line.startswith("#"):
                tokens.append(line.split("\t")[0])
        elif tokens:
            yield _detokenised(tokens)
            tokens = []
    if tokens:
        yield _detokenised(tokens)


def _detokenised(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))
    parts = text.split('"')  # straight quotes: odd parts are quoted
    return "".join(
        (f'"{part.strip()}"' if i % 2 else part) for i, part in enumerate(parts)
    ).replace("  ", " ")


def documents(data: Path, corpus: str, size: int) -> Iterator[dict[str, str]]:
    """The corpus's train sentences outside gold-real, ``size`` to a document (DaN+'s sentences
    are shuffled: one to a document there, so that only what a sentence says is read)."""
    gold: set[str] = set()
    for line in (data / "gold-real" / "ndt-dev.quotes.jsonl").read_text().splitlines():
        gold.update(" ".join(p.split()) for p in json.loads(line)["text"].split("\n\n"))
    for path, language in CORPORA[corpus]:
        kept = [s for s in _sentences(data / "ner" / path) if s not in gold]
        for start in range(0, len(kept), size):
            chunk = kept[start : start + size]
            key = f"{language}-{start // size:04d}"
            yield {"id": key, "language": language, "text": "\n\n".join(chunk)}


def _quote(quote: Any) -> dict[str, Any]:
    get = quote.get if isinstance(quote, dict) else lambda name: getattr(quote, name)
    return {
        "p": get("paragraph"),
        "text": get("text"),
        "speaker": get("speaker"),
        "role": get("speaker_role"),
        "kind": get("kind"),
        "type": get("speaker_type"),
    }


def view(docs: Path) -> Quotes:
    from newsloom.evaluate.extraction import _article, analysis_of

    found: Quotes = {}
    for line in docs.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        article = _article(doc["id"], doc["text"], doc["language"], None)
        found[doc["id"]] = [_quote(q) for q in analysis_of(article, None).quotes]
    return found


def dump_view(dump: Path) -> Quotes:
    found: Quotes = {}
    for line in dump.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        found[f"{record['set']}/{record['id']}"] = [_quote(q) for q in record["quotes_entities"]]
    return found


def _label(quote: dict[str, Any]) -> str:
    role = f" ({quote['role']})" if quote["role"] else ""
    return f"{quote['speaker']}{role} [{quote['type']}, {quote['kind']}]"


def diff(before: Quotes, after: Quotes) -> Iterator[str]:
    """ADD / DEL / CHG lines for quotes a change added, removed or gave another speaker."""
    for key in sorted(set(before) | set(after)):
        old = {(q["p"], q["text"]): q for q in before.get(key, [])}
        new = {(q["p"], q["text"]): q for q in after.get(key, [])}
        for place in sorted(set(old) | set(new), key=lambda p: (p[0], p[1])):
            if place not in new:
                yield f"DEL {key} p{place[0]} {_label(old[place])}: {place[1][:160]}"
            elif place not in old:
                yield f"ADD {key} p{place[0]} {_label(new[place])}: {place[1][:160]}"
            elif _label(old[place]) != _label(new[place]):
                yield (
                    f"CHG {key} p{place[0]} {_label(old[place])} → {_label(new[place])}: "
                    f"{place[1][:160]}"
                )


def _paragraphs_from_docs(docs: Path) -> dict[str, list[str]]:
    return {
        doc["id"]: doc["text"].split("\n\n")
        for doc in map(json.loads, docs.read_text(encoding="utf-8").splitlines())
    }


def _paragraphs_from_pickle(path: Path) -> dict[str, list[str]]:
    inputs = pickle.loads(path.read_bytes())
    return {
        f"{name}/{article.id}": [p.text for p in article.paragraphs] for name, article, _ in inputs
    }


def sample(
    found: Quotes, paragraphs: dict[str, list[str]], seed: int, size: int, prefix: str
) -> Iterator[str]:
    """``size`` random quotes (of keys starting with ``prefix``), each with three paragraphs of
    context before it and its own."""
    every = [
        (key, q) for key, quotes in sorted(found.items()) if key.startswith(prefix) for q in quotes
    ]
    for number, (key, quote) in enumerate(random.Random(seed).sample(every, min(size, len(every)))):
        text = paragraphs.get(key, [])
        yield f"=== {number + 1}. {key} p{quote['p']}: {_label(quote)}"
        for index in range(max(0, quote["p"] - 3), min(len(text), quote["p"] + 1)):
            yield f"  [{index}] {text[index]}"
        yield f"  QUOTE: {quote['text']}"


def _load(path: Path) -> Quotes:
    loaded: Quotes = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    docs_command = commands.add_parser("docs")
    docs_command.add_argument("output", type=Path)
    docs_command.add_argument("--data", type=Path, default=DATA)
    docs_command.add_argument("--corpus", choices=sorted(CORPORA), default="norne")
    docs_command.add_argument("--sentences", type=int, default=SENTENCES_PER_DOCUMENT)
    for name, paths in (
        ("view", ("docs", "output")),
        ("dump-view", ("dump", "output")),
        ("diff", ("before", "after")),
    ):
        command = commands.add_parser(name)
        for path in paths:
            command.add_argument(path, type=Path)
    sample_command = commands.add_parser("sample")
    sample_command.add_argument("quotes", type=Path)
    sample_command.add_argument("--docs", type=Path)
    sample_command.add_argument("--pickle", type=Path)
    sample_command.add_argument("--set", default="", help="only keys starting with this")
    sample_command.add_argument("--seed", type=int, default=0)
    sample_command.add_argument("-n", type=int, default=40)
    args = parser.parse_args()
    if args.command == "docs":
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with args.output.open("w", encoding="utf-8") as out:
            for doc in documents(args.data, args.corpus, args.sentences):
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    elif args.command in ("view", "dump-view"):
        found = view(args.docs) if args.command == "view" else dump_view(args.dump)
        args.output.write_text(json.dumps(found, ensure_ascii=False, indent=0), encoding="utf-8")
    elif args.command == "diff":
        for line in diff(_load(args.before), _load(args.after)):
            print(line)
    else:
        found = _load(args.quotes)
        paragraphs = (
            _paragraphs_from_docs(args.docs) if args.docs else _paragraphs_from_pickle(args.pickle)
        )
        for line in sample(found, paragraphs, args.seed, args.n, args.set):
            print(line)


if __name__ == "__main__":
    main()
