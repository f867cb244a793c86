"""The contextual NER encoder run by ONNX Runtime: same weights, same output rows (issue 17).

The graph (``contextual.onnx`` beside ``contextual.npz``, a few kilobytes, written by
``scripts/build_ner_onnx.py``) holds no weights: every weight is an external initializer that
:func:`initializers` computes from the arrays of the ``.npz`` file at load time and hands to ONNX
Runtime in memory. So the model's weights ship once, the ``onnx`` package is needed only to build
the graph, and nothing is written or downloaded at run time.

The dense matrix products named in :data:`QUANTIZED` run in int8: the weights are the ``.npz``
file's own int8 rows with their per-row scales (they lose nothing more), the inputs are quantised
to uint8 with fixed ranges the build script measured on train data (recorded in the graph), so a
sentence's rows do not depend on the rest of its batch. Attention and the layer norms run in
float32. Inputs and outputs match :meth:`newsloom.entities.encoder.Encoder.forward`. The uint8 by
int8 products are summed exactly on every CPU (:func:`saturating_products`).
"""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy

from newsloom.entities.encoder import Array, packing

# The layers' dense products: query-key-value, attention output, feed-forward up and down.
PRODUCTS = {"qkv": ("q", "k", "v"), "out": ("ao",), "up": ("fi",), "down": ("fo",)}
QUANTIZED: tuple[str, ...] = ("qkv", "out", "up", "down")  # the shipped graph's choice
# The rows of <s> and </s> carry activations ten times larger than a word's: quantised with the
# words, they would coarsen every word's scale, so they are packed last and quantised apart.
INPUTS = ("ids", "positions", "padded", "packed", "mask", "wanted", "dims", "split", "kept_split")


def available() -> bool:
    """Whether ONNX Runtime can be imported."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def initializers(
    weights: Mapping[str, Any],
    raw: Mapping[str, Any],
    layers: int,
    quantized: Sequence[str] = QUANTIZED,
) -> dict[str, Array]:
    """The graph's weights by name, from a ``contextual.npz`` file's arrays.

    ``weights``: the arrays as :class:`~newsloom.entities.contextual.ContextualTagger` reads them
    (matrices dequantised, ``[out, in]``); ``raw``: the file's own arrays (``*.q8``, ``*.scale``).
    The graph's matrices are ``[in, out]``: float32 (``l{n}.{product}.w``) or, for the products in
    ``quantized``, the file's int8 rows with one scale per output column (``l{n}.{product}.q8``,
    ``.scale``; zero point 0), the same array named again for the rows of <s> and </s>
    (``l{n}.{product}.marks.q8``): ONNX Runtime converts the weights of each node apart when it
    turns them into uint8 (:class:`OnnxEncoder`) and fails on a name two nodes share.
    """

    def f32(name: str) -> Array:
        return numpy.ascontiguousarray(weights[name], dtype=numpy.float32)

    names = ("emb.pos", "emb.type", "emb.ln.w", "emb.ln.b")
    found: dict[str, Array] = {name: f32(name) for name in names}
    # the piece table stays int8 (a quarter of the memory); a gathered row times its scale is
    # the float row bit for bit
    found["emb.word.q8"] = raw["emb.word.q8"]
    found["emb.word.scale"] = raw["emb.word.scale"].astype(numpy.float32)
    for n in range(layers):
        p = f"l{n}."
        for product, parts in PRODUCTS.items():
            found[f"{p}{product}.b"] = numpy.concatenate([f32(f"{p}{part}.b") for part in parts])
            if product in quantized:
                rows = numpy.concatenate([raw[f"{p}{part}.w.q8"] for part in parts])
                scales = [raw[f"{p}{part}.w.scale"] for part in parts]
                found[f"{p}{product}.q8"] = numpy.ascontiguousarray(rows.T)
                found[f"{p}{product}.marks.q8"] = found[f"{p}{product}.q8"]  # not a copy
                found[f"{p}{product}.scale"] = numpy.concatenate(scales).astype(numpy.float32)
            else:
                matrix = numpy.concatenate([f32(f"{p}{part}.w") for part in parts])
                found[f"{p}{product}.w"] = numpy.ascontiguousarray(matrix.T)
        for name in ("aln.w", "aln.b", "oln.w", "oln.b"):
            found[p + name] = f32(p + name)
    return found


# CPU flags (Linux ``/proc/cpuinfo``) of x86 instructions that sum uint8 by int8 products in 32 bits
VNNI_FLAGS = frozenset({"avx512_vnni", "avx_vnni"})


def saturating_products(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """Whether ONNX Runtime's uint8-by-int8 products could saturate on this CPU.

    On x86 without VNNI (AVX2, AVX-512 alone) ONNX Runtime adds pairs of such products in 16 bits
    and saturates: the rows, and the tags, would depend on the machine (NorNE Nynorsk dev F1 0.849
    on an AVX2 machine against 0.863). With VNNI (``avx512_vnni``, ``avx_vnni``) four products are
    summed straight into 32 bits, exactly; ARM's kernels widen first. An x86 CPU whose flags cannot
    be read counts as saturating (the exact, slower way).
    """
    if platform.machine().lower() not in ("x86_64", "amd64", "i386", "i686", "x86"):
        return False
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True
    flags = next((line for line in text.splitlines() if line.startswith("flags")), "")
    return VNNI_FLAGS.isdisjoint(flags.partition(":")[2].split())


class OnnxEncoder:
    """Token ids in, hidden vectors of the kept rows out, as ``Encoder.forward``."""

    def __init__(self, graph: bytes, weights: Mapping[str, Array], hidden: int) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        threads = os.environ.get("OMP_NUM_THREADS", "")
        options.intra_op_num_threads = int(threads) if threads.isdigit() else 0
        options.inter_op_num_threads = 1
        # waiting threads sleep instead of spinning: the cores are shared with the rest of ingest
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if saturating_products():
            # ONNX Runtime adds 128 to the int8 weights and multiplies uint8 by uint8, which
            # widens to 16 bits first and sums in 32: exact, at about a quarter of the speed
            options.add_session_config_entry("session.x64quantprecision", "1")
        self._values = [onnxruntime.OrtValue.ortvalue_from_numpy(w) for w in weights.values()]
        options.add_external_initializers(list(weights), self._values)
        self.session = onnxruntime.InferenceSession(
            graph, options, providers=["CPUExecutionProvider"]
        )
        self.hidden = hidden

    def forward(
        self, batch: Sequence[Sequence[int]], keep: Sequence[Sequence[int]] | None = None
    ) -> list[Array]:
        """Hidden states of each sequence's ``keep`` rows (all rows without ``keep``)."""
        if not batch:
            return []
        feed, kept, lengths = self.feed(batch, keep)
        (rows,) = self.session.run(["hidden"], feed)
        x = numpy.empty_like(rows)
        x[kept] = rows  # back in the sequences' order
        return list(numpy.split(x, numpy.cumsum(lengths[:-1])))

    @staticmethod
    def feed(
        batch: Sequence[Sequence[int]], keep: Sequence[Sequence[int]] | None
    ) -> tuple[dict[str, Any], Any, list[int]]:
        """A non-empty batch's graph inputs, the order of the output rows, rows per sequence."""
        packed = packing(batch, keep)
        width, n, size = packed.width, len(batch), packed.ids.size
        # rows in a new order: the words' pieces first, then each sequence's <s> and </s>
        ends = numpy.cumsum([len(ids) for ids in batch])
        special = numpy.zeros(size, dtype=bool)
        special[ends - 1] = special[ends - numpy.asarray([len(ids) for ids in batch])] = True
        order = numpy.argsort(special, kind="stable")
        new_row = numpy.empty(size, dtype=numpy.int64)
        new_row[order] = numpy.arange(size)
        padded = packed.padded if packed.padded is not None else numpy.arange(size)
        where = numpy.full(n * width, size, dtype=numpy.int64)  # row ``size``: a row of zeros
        where[padded] = new_row
        wanted = new_row[packed.wanted if packed.wanted is not None else numpy.arange(size)]
        marks = size - 2 * n  # the first row of <s> and </s>
        kept = numpy.argsort(wanted >= marks, kind="stable")  # the kept rows: words first too
        feed = {
            "ids": packed.ids[order],
            "positions": packed.positions[order],
            "padded": where,
            "packed": numpy.asarray(padded, dtype=numpy.int64)[order],
            "mask": packed.mask,
            "wanted": wanted[kept],
            "dims": numpy.asarray([n, width], dtype=numpy.int64),
            "split": numpy.asarray([marks, 2 * n], dtype=numpy.int64),
            "kept_split": numpy.asarray([(wanted < marks).sum(), (wanted >= marks).sum()]),
        }
        return feed, kept, packed.lengths
