"""Train newsloom's Danish/Norwegian named-entity model from NorNE and DaN+.

    OMP_NUM_THREADS=1 .venv/bin/python scripts/train_ner.py      # the shipped model (defaults)
    .venv/bin/python scripts/train_ner.py --data ../shared/data/ner --epochs 3 --output /tmp/ner

Reads ``norne-nob``, ``norne-nno`` and ``danplus-news`` train/dev splits under ``--data``, maps
their labels to newsloom's scheme (see ``src/newsloom/entities/conll.py`` and ``docs/ner.md``),
trains one spaCy ``ner`` component from scratch (no pretrained vectors) on all three, evaluates on
the three dev splits after every epoch and keeps the epoch with the best mean of the NorNE
Bokmål and DaN+ dev F1.
The best model is written to ``--output`` (default: the package's model folder).
A progress bar is shown on a terminal; when piped, only one line per epoch is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.util import compounding, minibatch  # noqa: E402

import newsloom.entities.architecture  # noqa: E402,F401  (registers newsloom.SlimEmbed.v1)
from newsloom.entities.conll import Sentence, Span, read_conll  # noqa: E402
from newsloom.evaluate.ner import score_spans  # noqa: E402

CORPORA = {"nob": "norne-nob", "nno": "norne-nno", "da": "danplus-news"}
FILES = {
    "norne-nob": ("train.conll", "dev.conll"),
    "norne-nno": ("train.conll", "dev.conll"),
    "danplus-news": ("train.tsv", "dev.tsv"),
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ner")
    parser.add_argument(
        "--output", type=Path, default=ROOT / "src" / "newsloom" / "entities" / "model"
    )
    parser.add_argument("--corpora", default="nob,nno,da", help="comma-separated: nob, nno, da")
    parser.add_argument(
        "--da-repeat", type=int, default=2, help="times DaN+ train is repeated per epoch"
    )
    parser.add_argument(
        "--group", type=int, default=4, help="join up to this many train sentences per doc"
    )
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument(
        "--max-minutes", type=float, default=30.0, help="stop after this much CPU time (minutes)"
    )
    parser.add_argument(
        "--patience", type=int, default=2, help="epochs without improvement before stopping"
    )
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--depth", type=int, default=3)
    parser.add_argument(
        "--hidden", type=int, default=48, help="hidden width of the transition model"
    )
    parser.add_argument("--rows", type=int, default=10000, help="hash-embedding rows for NORM")
    parser.add_argument(
        "--embed",
        choices=["slim", "multihash", "char"],
        default="slim",
        help="slim: narrow prefix/suffix/shape tables (fastest); multihash: spaCy's "
        "MultiHashEmbed; char: spaCy's CharacterEmbed",
    )
    parser.add_argument(
        "--small-width",
        type=int,
        default=32,
        help="width of prefix/suffix/shape tables with --slim",
    )
    parser.add_argument(
        "--pieces", type=int, default=2, help="maxout pieces in the encoder (and --slim mixer)"
    )
    parser.add_argument("--dropout", type=float, default=0.15)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--limit", type=int, default=0, help="use only this many train sentences per corpus"
    )
    return parser.parse_args()


def load(data: Path, corpus: str, split: int) -> list[Sentence]:
    path = data / corpus / FILES[corpus][split]
    if not path.is_file():
        sys.exit(
            f"missing {path}: give --data the folder holding norne-nob/, norne-nno/, danplus-news/"
        )
    return list(read_conll(path))


def group(sentences: list[Sentence], largest: int, rng: random.Random) -> list[Sentence]:
    """Join consecutive sentences into paragraph-like docs of 1..largest sentences.

    Articles are tagged paragraph by paragraph, so the model must see capitalised words after a
    full stop inside a doc, not only at its start.
    """
    grouped: list[Sentence] = []
    index = 0
    while index < len(sentences):
        size = rng.randint(1, largest)
        words: list[str] = []
        spans: list[Span] = []
        for sentence in sentences[index : index + size]:
            spans.extend(
                Span(s.start + len(words), s.end + len(words), s.label) for s in sentence.entities
            )
            words.extend(sentence.words)
        grouped.append(Sentence(tuple(words), tuple(spans)))
        index += size
    return grouped


def build(args: argparse.Namespace) -> Language:
    nlp = spacy.blank("nb")
    if args.embed == "slim":
        embed = {
            "@architectures": "newsloom.SlimEmbed.v1",
            "width": args.width,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "rows": [args.rows, args.rows // 5, args.rows // 2, args.rows // 5],
            "widths": [args.width, args.small_width, args.small_width, args.small_width],
            "pieces": args.pieces,
        }
    elif args.embed == "char":
        embed = {
            "@architectures": "spacy.CharacterEmbed.v2",
            "width": args.width,
            "rows": args.rows,
            "nM": 64,
            "nC": 8,
            "include_static_vectors": False,
        }
    else:
        embed = {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": args.width,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "rows": [args.rows, args.rows // 5, args.rows // 2, args.rows // 5],
            "include_static_vectors": False,
        }
    model = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": args.hidden,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": embed,
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": args.width,
                "depth": args.depth,
                "window_size": 1,
                "maxout_pieces": args.pieces,
            },
        },
    }
    nlp.add_pipe("ner", config={"model": model})
    return nlp


def to_example(nlp: Language, sentence: Sentence) -> Example:
    doc = Doc(nlp.vocab, words=list(sentence.words))
    entities = [
        (doc[s.start : s.end].start_char, doc[s.start : s.end].end_char, s.label)
        for s in sentence.entities
    ]
    return Example.from_dict(doc, {"entities": [(a, b, c) for a, b, c in entities]})


def predict(nlp: Language, sentences: list[Sentence]) -> tuple[list[tuple[Span, ...]], float]:
    docs = (Doc(nlp.vocab, words=list(s.words)) for s in sentences)
    started = time.perf_counter()
    predicted = [
        tuple(Span(e.start, e.end, e.label_) for e in doc.ents)
        for doc in nlp.pipe(docs, batch_size=256)
    ]
    return predicted, len(sentences) / (time.perf_counter() - started)


def main() -> None:
    args = parse_args()
    random.seed(args.seed)
    spacy.util.fix_random_seed(args.seed)
    corpora = [c.strip() for c in args.corpora.split(",") if c.strip()]
    nlp = build(args)
    train: list[Example] = []
    for code in corpora:
        sentences = load(args.data, CORPORA[code], 0)
        if args.limit:
            sentences = sentences[: args.limit]
        examples = [
            to_example(nlp, s) for s in group(sentences, args.group, random.Random(args.seed))
        ]
        train.extend(examples * (args.da_repeat if code == "da" else 1))
    dev = {code: load(args.data, CORPORA[code], 1) for code in ("nob", "nno", "da")}
    optimizer = nlp.initialize(lambda: train)
    optimizer.learn_rate = args.learn_rate
    interactive = sys.stderr.isatty()
    started = time.process_time()  # CPU time: the budget holds on a busy, shared machine
    best, best_epoch, history = -1.0, 0, []
    args.output.parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(1, args.epochs + 1):
        random.shuffle(train)
        losses: dict[str, float] = {}
        batches = minibatch(train, size=compounding(4.0, 24.0, 1.001))
        progress = None
        if interactive:
            from tqdm import tqdm

            progress = tqdm(total=len(train), desc=f"epoch {epoch}", unit="doc", leave=False)
        for batch in batches:
            nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
            if progress is not None:
                progress.update(len(batch))
        if progress is not None:
            progress.close()
        scores: dict[str, float] = {}
        speed = 0.0
        with nlp.select_pipes(enable=["ner"]):
            for code, sentences in dev.items():
                predicted, rate = predict(nlp, sentences)
                result = score_spans(sentences, predicted, events_as_misc=code == "da")
                scores[code] = float(result["f1"])  # type: ignore[arg-type]
                speed = rate if code == "nob" else speed
        selection = (scores["nob"] + scores["da"]) / 2
        elapsed = (time.process_time() - started) / 60
        history.append(
            {
                "epoch": epoch,
                "loss": round(float(losses.get("ner", 0.0)), 1),
                **scores,
                "sentences_per_second": round(speed),
                "minutes": round(elapsed, 1),
            }
        )
        mark = ""
        if selection > best:
            best, best_epoch, mark = selection, epoch, " *"
            tmp = args.output.with_name(args.output.name + ".tmp")
            shutil.rmtree(tmp, ignore_errors=True)
            nlp.meta["name"] = "newsloom_ner"
            nlp.meta["description"] = (
                "newsloom NER for da/nb/nn, trained from scratch on NorNE + DaN+"
            )
            nlp.meta["performance"] = {f"dev_f1_{k}": v for k, v in scores.items()}
            nlp.meta["newsloom_training"] = {
                "args": {k: str(v) for k, v in vars(args).items()},
                "epoch": epoch,
            }
            nlp.to_disk(tmp)
            # The features are hashes, so the model needs no word list; leaving out the training
            # vocabulary keeps the model small and keeps corpus text out of the package.
            labels = list(nlp.get_pipe("ner").labels)
            (tmp / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")
            shutil.rmtree(args.output, ignore_errors=True)
            tmp.rename(args.output)
        print(
            f"epoch {epoch:2d} loss {losses.get('ner', 0):8.1f} dev F1 nob {scores['nob']:.4f} "
            f"nno {scores['nno']:.4f} da {scores['da']:.4f} | {speed:,.0f} sent/s | "
            f"{elapsed:.1f} min{mark}",
            flush=True,
        )
        if elapsed > args.max_minutes or epoch - best_epoch >= args.patience:
            break
    (args.output / "training.json").write_text(
        json.dumps({"best_epoch": best_epoch, "history": history}, indent=1)
    )
    print(f"best epoch {best_epoch}; model written to {args.output}", flush=True)


if __name__ == "__main__":
    main()
