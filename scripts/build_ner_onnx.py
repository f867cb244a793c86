"""Write the ONNX graph of the contextual NER encoder beside its ``.npz`` file (issue 17).

    python scripts/build_ner_onnx.py [--model src/newsloom/entities/contextual.npz]
        [--quantize qkv out up down] [--out FILE]

The graph computes what :meth:`newsloom.entities.encoder.Encoder.forward` computes (embeddings and
their norm, attention on the batch padded to its longest sequence, the dense parts on the packed
real pieces, the last layer's dense parts on the kept rows only) with ONNX Runtime's fused
operators (``SkipLayerNormalization``, ``FastGelu``, and ``DynamicQuantizeMatMul`` for the int8
products). It holds no weights: each is an external initializer named as
:func:`newsloom.entities.onnx_encoder.initializers` names it, supplied in memory from the ``.npz``
file when newsloom loads the model, so the file is a few kilobytes. Needs the ``onnx`` package
(build time only; newsloom needs ``onnxruntime`` alone).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy
import onnx
from onnx import TensorProto, helper, numpy_helper

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsloom.entities.contextual import MODEL_FILE, read_model  # noqa: E402
from newsloom.entities.onnx_encoder import INPUTS, QUANTIZED, SPECIAL_FLOAT, initializers  # noqa: E402

MS = "com.microsoft"
_TYPES = {numpy.dtype("float32"): TensorProto.FLOAT, numpy.dtype("int8"): TensorProto.INT8}


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
    model: Path, quantized: tuple[str, ...], special_float: bool = SPECIAL_FLOAT
) -> onnx.ModelProto:
    raw, weights, (layers, heads, _) = read_model(model)
    eps = float(weights["eps"][0])
    named = initializers(weights, raw, layers, quantized, special_float)
    hidden = int(named["emb.word"].shape[1])
    size = hidden // heads
    nodes: list[onnx.NodeProto] = []
    constants = [
        numpy_helper.from_array(numpy.zeros((1, 3 * hidden), numpy.float32), "zero_row"),
        numpy_helper.from_array(numpy.asarray([3, heads, size], numpy.int64), "qkv_tail"),
        numpy_helper.from_array(numpy.asarray([-1, hidden], numpy.int64), "rows_shape"),
        numpy_helper.from_array(numpy.float32(1.0 / numpy.sqrt(size)), "scale"),
        *(numpy_helper.from_array(numpy.int64(i), f"index{i}") for i in range(3)),
    ]

    def node(op: str, inputs: list[str], output: str, **attributes: Any) -> str:
        domain = MS if op in ("SkipLayerNormalization", "FastGelu", "DynamicQuantizeMatMul") else ""
        nodes.append(helper.make_node(op, inputs, [output], output, domain=domain, **attributes))
        return output

    def dense(x: str, name: str, output: str, split: str = "split") -> str:
        """``x`` times the named matrix, the rows of <s> and </s> (the last ``split[1]``) apart."""
        if name.rsplit(".", 1)[-1] not in quantized:
            return node("MatMul", [x, name + ".w"], output)
        nodes.append(helper.make_node("Split", [x, split], [x + "_w", x + "_s"], axis=0))
        words = node(
            "DynamicQuantizeMatMul", [x + "_w", name + ".q8", name + ".scale"], output + "_w"
        )
        if special_float:
            marks = node("MatMul", [x + "_s", name + ".w"], output + "_s")
        else:
            marks = node(
                "DynamicQuantizeMatMul", [x + "_s", name + ".q8", name + ".scale"], output + "_s"
            )
        return node("Concat", [words, marks], output, axis=0)

    shape5 = node("Concat", ["dims", "qkv_tail"], "qkv_shape", axis=0)
    word = node("Gather", ["emb.word", "ids"], "word")
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
    declared = [external(name, value, model.name) for name, value in named.items()]
    graph = helper.make_graph(nodes, model.stem, inputs, [output], [*constants, *declared])
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid(MS, 1)]
    built = helper.make_model(graph, opset_imports=opsets, producer_name="newsloom")
    built.ir_version = 9
    built.metadata_props.add(key="quantized", value=" ".join(quantized))
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=MODEL_FILE)
    parser.add_argument("--quantize", nargs="*", default=list(QUANTIZED), choices=QUANTIZED)
    parser.add_argument("--out", type=Path, help="default: the model's path with .onnx")
    args = parser.parse_args()
    built = build(args.model, tuple(args.quantize))
    out = args.out or args.model.with_suffix(".onnx")
    out.write_bytes(built.SerializeToString())
    print(f"wrote {out} ({out.stat().st_size:,} bytes; int8: {' '.join(args.quantize) or 'none'})")


if __name__ == "__main__":
    main()
