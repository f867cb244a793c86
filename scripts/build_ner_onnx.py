"""Write the ONNX graph of the contextual NER encoder beside its ``.npz`` file (issue 17).

    python scripts/build_ner_onnx.py [--model src/newsloom/entities/contextual.npz]
        [--data ../shared/data/ner] [--every 4] [--dynamic] [--quantize qkv out up down] [--out F]

The graph computes what :meth:`newsloom.entities.encoder.Encoder.forward` computes (embeddings and
their norm, attention on the batch padded to its longest sequence, the dense parts on the packed
real pieces, the last layer's dense parts on the kept rows only) with ONNX Runtime's fused
operators (``SkipLayerNormalization``, ``FastGelu``) and the four dense products of each layer in
int8: the weights are the ``.npz`` file's own int8 rows; the inputs are quantised to uint8 with a
fixed range per product, measured in float32 on a quarter of the train groups the model learnt
from (``--every``; the held-out tenth is left out), the rows of <s> and </s> with ranges of their
own. Fixed ranges make a sentence's tags independent of the batch it is in; ``--dynamic`` quantises
per batch instead (``DynamicQuantizeMatMul``). The graph holds no weights: each is an external
initializer named as :func:`newsloom.entities.onnx_encoder.initializers` names it, supplied in
memory from the ``.npz`` file when newsloom loads the model, so the file is a few kilobytes. Needs
the ``onnx`` package and the train splits (build time only; newsloom needs ``onnxruntime`` alone).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy
import onnx
from onnx import TensorProto, helper, numpy_helper

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsloom.entities.contextual import MODEL_FILE, ContextualTagger, read_model  # noqa: E402
from newsloom.entities.onnx_encoder import (  # noqa: E402
    INPUTS,
    QUANTIZED,
    OnnxEncoder,
    initializers,
)

MS = "com.microsoft"
SEED = 0  # scripts/train_ner_contextual.py's: the same held-out tenth
FUSED = ("SkipLayerNormalization", "FastGelu", "DynamicQuantizeMatMul", "MatMulIntegerToFloat")
_TYPES = {
    numpy.dtype("float32"): TensorProto.FLOAT,
    numpy.dtype("int8"): TensorProto.INT8,
    numpy.dtype("uint8"): TensorProto.UINT8,
}


def external(name: str, value: Any, location: str) -> TensorProto:
    """An initializer declared with its type and shape only: newsloom supplies its data."""
    tensor = TensorProto()
    tensor.name = name
    tensor.data_type = _TYPES[value.dtype]
    tensor.dims.extend(value.shape)
    tensor.data_location = TensorProto.EXTERNAL
    for key, text in (("location", location), ("offset", "0"), ("length", str(value.nbytes))):
        entry = tensor.external_data.add()
        entry.key, entry.value = key, text
    return tensor


def build(
    model: Path,
    quantized: tuple[str, ...],
    ranges: dict[str, tuple[float, float]] | None = None,
    calibrate: bool = False,
) -> onnx.ModelProto:
    """The graph of ``model``; int8 products quantise their inputs with the fixed ``ranges``
    (``"l{n}.{product}:w"`` for words' rows, ``":s"`` for <s> and </s>) or, without, per batch.
    ``calibrate``: every product in float32, its inputs exposed as outputs ``cal:…`` instead.
    """
    raw, weights, (layers, heads, _) = read_model(model)
    eps = float(weights["eps"][0])
    named = initializers(weights, raw, layers, () if calibrate else quantized)
    hidden = int(named["emb.pos"].shape[1])
    size = hidden // heads
    nodes: list[onnx.NodeProto] = []
    constants = [
        numpy_helper.from_array(numpy.zeros((1, 3 * hidden), numpy.float32), "zero_row"),
        numpy_helper.from_array(numpy.asarray([3, heads, size], numpy.int64), "qkv_tail"),
        numpy_helper.from_array(numpy.asarray([-1, hidden], numpy.int64), "rows_shape"),
        numpy_helper.from_array(numpy.float32(1.0 / numpy.sqrt(size)), "scale"),
        *(numpy_helper.from_array(numpy.int64(i), f"index{i}") for i in range(3)),
        numpy_helper.from_array(numpy.asarray([1], numpy.int64), "one"),
    ]

    def node(op: str, inputs: list[str], output: str, **attributes: Any) -> str:
        domain = MS if op in FUSED else ""
        nodes.append(helper.make_node(op, inputs, [output], output, domain=domain, **attributes))
        return output

    def int8(x: str, name: str, output: str, part: str) -> str:
        """``x`` times the int8 matrix ``name``, quantised with its fixed range or per batch.

        Each node has its own weight and zero point names (:func:`initializers`): ONNX Runtime's
        switch to uint8 weights (``session.x64quantprecision``) converts them node by node.
        """
        weight = name + (".q8" if part == "w" else ".marks.q8")
        zero = output + ".wz"
        constants.append(numpy_helper.from_array(numpy.int8(0), zero))
        if ranges is None:
            inputs = [x, weight, name + ".scale", zero]
            return node("DynamicQuantizeMatMul", inputs, output)
        # the last layer's kept rows hold no <s> or </s>: calibration saw none there
        low, high = ranges.get(f"{name}:{part}") or ranges[name + ":w"]
        low, high = min(low, 0.0), max(high, 0.0)  # uint8 with a zero point, 0.0 exact
        step = (high - low) / 255 or 1.0
        a, z = output + ".a", output + ".z"
        constants.append(numpy_helper.from_array(numpy.float32(step), a))
        constants.append(numpy_helper.from_array(numpy.uint8(round(-low / step)), z))
        small = node("QuantizeLinear", [x, a, z], output + ".u8")
        inputs = [small, weight, a, name + ".scale", z, zero]
        return node("MatMulIntegerToFloat", inputs, output)

    def dense(x: str, name: str, output: str, split: str = "split") -> str:
        """``x`` times the named matrix, the rows of <s> and </s> (the last ``split[1]``) apart."""
        if calibrate or name.rsplit(".", 1)[-1] in quantized:
            nodes.append(helper.make_node("Split", [x, split], [x + "_w", x + "_s"], axis=0))
        if calibrate:
            node("Identity", [x + "_w"], f"cal:{name}:w")
            node("Identity", [x + "_s"], f"cal:{name}:s")
        if calibrate or name.rsplit(".", 1)[-1] not in quantized:
            return node("MatMul", [x, name + ".w"], output)
        parts = [int8(f"{x}_{part}", name, f"{output}_{part}", part) for part in "ws"]
        return node("Concat", parts, output, axis=0)

    shape5 = node("Concat", ["dims", "qkv_tail"], "qkv_shape", axis=0)
    word = node("Cast", [node("Gather", ["emb.word.q8", "ids"], "word_q8")], "word_f", to=1)
    scale = node("Unsqueeze", [node("Gather", ["emb.word.scale", "ids"], "word_s"), "one"], "ws")
    word = node("Mul", [word, scale], "word")
    where = node("Gather", ["emb.pos", "positions"], "where")
    norm = ["emb.ln.w", "emb.ln.b", "emb.type"]
    x = node("SkipLayerNormalization", [word, where, *norm], "embedded", epsilon=eps)
    for n in range(layers):
        p = f"l{n}."
        qkv = node("Add", [dense(x, p + "qkv", p + "qkv_raw"), p + "qkv.b"], p + "qkv_out")
        full = node("Concat", [qkv, "zero_row"], p + "qkv_zero", axis=0)
        full = node("Gather", [full, "padded"], p + "qkv_padded")
        full = node("Reshape", [full, shape5], p + "qkv_5d")
        full = node("Transpose", [full], p + "qkv_heads", perm=[2, 0, 3, 1, 4])
        query, key, value = (node("Gather", [full, f"index{i}"], p + "qkv"[i]) for i in range(3))
        key = node("Transpose", [key], p + "k_t", perm=[0, 1, 3, 2])
        scores = node("MatMul", [query, key], p + "scores")
        scores = node("Mul", [scores, "scale"], p + "scaled")
        scores = node("Add", [scores, "mask"], p + "masked")
        scores = node("Softmax", [scores], p + "probabilities", axis=-1)
        context = node("MatMul", [scores, value], p + "context")
        context = node("Transpose", [context], p + "context_t", perm=[0, 2, 1, 3])
        context = node("Reshape", [context, "rows_shape"], p + "context_rows")
        context = node("Gather", [context, "packed"], p + "context_packed")
        if n == layers - 1:  # the rest is row by row: the kept rows only
            x = node("Gather", [x, "wanted"], p + "x_kept")
            context = node("Gather", [context, "wanted"], p + "context_kept")
        rows = "kept_split" if n == layers - 1 else "split"
        attended = dense(context, p + "out", p + "attended", rows)
        norm = [p + "aln.w", p + "aln.b", p + "out.b"]
        x = node("SkipLayerNormalization", [attended, x, *norm], p + "norm1", epsilon=eps)
        middle = node("FastGelu", [dense(x, p + "up", p + "up_raw", rows), p + "up.b"], p + "gelu")
        out = dense(middle, p + "down", p + "down_raw", rows)
        norm = [p + "oln.w", p + "oln.b", p + "down.b"]
        x = node("SkipLayerNormalization", [out, x, *norm], p + "norm2", epsilon=eps)
    nodes.append(helper.make_node("Identity", [x], ["hidden"]))
    kinds = {"mask": TensorProto.FLOAT}
    shapes = {"mask": ["n", 1, 1, "width"], "dims": [2], "split": [2], "kept_split": [2]}
    inputs = [
        helper.make_tensor_value_info(i, kinds.get(i, TensorProto.INT64), shapes.get(i, [i]))
        for i in INPUTS
    ]
    output = helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["kept", hidden])
    outputs = [output] + [
        helper.make_tensor_value_info(n.output[0], TensorProto.FLOAT, None)
        for n in nodes
        if n.output[0].startswith("cal:")
    ]
    declared = [external(name, value, model.name) for name, value in named.items()]
    graph = helper.make_graph(nodes, model.stem, inputs, outputs, [*constants, *declared])
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid(MS, 1)]
    built = helper.make_model(graph, opset_imports=opsets, producer_name="newsloom")
    built.ir_version = 9
    built.metadata_props.add(key="quantized", value=" ".join(quantized))
    if ranges is not None:  # what rebuilds this graph: tests/test_ner_onnx.py
        built.metadata_props.add(key="ranges", value=json.dumps(ranges, sort_keys=True))
    return built


def ranges_over(model: Path, run: Callable[[Any], None]) -> dict[str, tuple[float, float]]:
    """Each product's input range, words' rows and <s>/</s> rows apart, in float32, over what
    ``run`` encodes with the encoder it is given (a ``Forward``; the NER and embedding models)."""
    raw, weights, (layers, _, _) = read_model(model)
    graph = build(model, (), calibrate=True)
    encoder = OnnxEncoder(graph.SerializeToString(), initializers(weights, raw, layers, ()), 0)
    names = [o.name for o in graph.graph.output if o.name.startswith("cal:")]
    ranges: dict[str, tuple[float, float]] = {}

    class Recorder:
        hidden = 0

        def forward(self, batch: Any, keep: Any = None) -> list[Any]:
            feed, kept, lengths = encoder.feed(batch, keep)
            rows, *seen = encoder.session.run(["hidden", *names], feed)
            for name, values in zip(names, seen, strict=True):
                if values.size:
                    low, high = ranges.get(name[4:], (0.0, 0.0))
                    ranges[name[4:]] = (
                        min(low, float(values.min())),
                        max(high, float(values.max())),
                    )
            x = numpy.empty_like(rows)
            x[kept] = rows
            return list(numpy.split(x, numpy.cumsum(lengths[:-1])))

    run(Recorder())
    return ranges


def calibrate(model: Path, data: Path, every: int) -> dict[str, tuple[float, float]]:
    """Each product's input range over every ``every``-th group of the train splits that training
    learnt from (not the held-out tenth)."""
    from train_ner_contextual import split_train

    tagger = ContextualTagger.load(model, runtime="numpy")
    groups = [g for kept, _ in split_train(data, SEED).values() for g in kept][::every]
    paragraphs = [[word for sentence in group for word in sentence.words] for group in groups]
    head = (tagger.head_weight, tagger.head_bias)

    def run(recorder: Any) -> None:
        ContextualTagger(recorder, tagger.tokenizer, head, tagger.limit).spans(paragraphs)

    ranges = ranges_over(model, run)
    print(f"calibrated on {len(paragraphs):,} train groups", flush=True)
    return ranges


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=MODEL_FILE)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ner")
    parser.add_argument("--quantize", nargs="*", default=list(QUANTIZED), choices=QUANTIZED)
    parser.add_argument("--every", type=int, default=4, help="calibrate on every n-th train group")
    parser.add_argument("--dynamic", action="store_true", help="quantise inputs per batch")
    parser.add_argument("--out", type=Path, help="default: the model's path with .onnx")
    args = parser.parse_args()
    quantized = tuple(args.quantize)
    ranges = None if args.dynamic or not quantized else calibrate(args.model, args.data, args.every)
    built = build(args.model, quantized, ranges)
    out = args.out or args.model.with_suffix(".onnx")
    out.write_bytes(built.SerializeToString())
    how = "per batch" if ranges is None else "fixed ranges"
    print(
        f"wrote {out} ({out.stat().st_size:,} bytes; int8: {' '.join(quantized) or 'none'}, {how})"
    )


if __name__ == "__main__":
    main()
