"""The contextual NER encoder run by ONNX Runtime against the NumPy one (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest

from newsloom.entities import contextual, onnx_encoder
from newsloom.entities.contextual import BOS, EOS, MODEL_FILE, ContextualTagger, read_model
from newsloom.errors import ModelError
from newsloom.evaluate.ner import evaluate_ner

GRAPH = MODEL_FILE.with_suffix(".onnx")
X86 = ("x86_64", "amd64", "i386", "i686", "x86")
# Invented sentences (no corpus text): Bokmål, Nynorsk, Danish and Swedish names in context.
SENTENCES = [
    "Statsminister Ingrid Solvang møtte styret i Nordlys Energi i Tromsø på tirsdag .",
    "Ho flytta frå Førde til Bergen for å arbeide for Vestlandsbanken .",
    "Folketingsmedlem Kasper Holmgaard fra Venstre besøgte Aarhus Havn i går .",
    "Erik Lindqvist från Göteborg leder det nya bolaget Solkraft AB .",
    "Norsk Telegrambyrå melder at Per Aas ble valgt til leder av Oslo Idrettskrets .",
    "I Kristiansand sa ordførar Liv Tveit at Sørlandet treng fleire ferjer .",
]


@pytest.fixture(scope="module")
def runtimes() -> tuple[ContextualTagger, ContextualTagger]:
    pytest.importorskip("onnxruntime", reason="onnxruntime not installed: the NumPy encoder runs")
    return ContextualTagger.load(runtime="onnx"), ContextualTagger.load(runtime="numpy")


def test_the_graph_ships_beside_the_weights_and_holds_none() -> None:
    assert GRAPH.is_file()
    assert GRAPH.stat().st_size < 100_000  # the weights come from contextual.npz at load time


def test_onnx_and_numpy_find_the_same_entities(
    runtimes: tuple[ContextualTagger, ContextualTagger],
) -> None:
    onnx, numpy_tagger = runtimes
    assert onnx.encoder is not numpy_tagger.encoder
    sentences = [text.split(" ") for text in SENTENCES]
    found = onnx.spans(sentences)
    assert found == numpy_tagger.spans(sentences)
    assert sum(len(spans) for spans in found) >= 12  # the check is not over empty lists


def test_onnx_rows_are_the_numpy_rows_within_int8_error(
    runtimes: tuple[ContextualTagger, ContextualTagger],
) -> None:
    onnx, numpy_tagger = runtimes
    batch = [[BOS, 1000, 2000, 3000, EOS], [BOS, *range(500, 540), EOS], [BOS, 7, EOS]]
    keep = [[1, 3], [0, 5, 41], [1]]
    ours = onnx.encoder.forward(batch, keep=keep)
    theirs = numpy_tagger.encoder.forward(batch, keep=keep)
    assert [rows.shape for rows in ours] == [rows.shape for rows in theirs]
    for mine, reference in zip(ours, theirs, strict=True):
        cosine = (mine * reference).sum(1) / numpy.linalg.norm(mine, axis=1)
        cosine /= numpy.linalg.norm(reference, axis=1)
        assert cosine.min() > 0.98, cosine
    whole = onnx.encoder.forward(batch)  # no ``keep``: every row, in the sequences' order
    assert [len(rows) for rows in whole] == [5, 42, 3]
    for rows, kept, wanted in zip(whole, ours, keep, strict=True):
        numpy.testing.assert_allclose(rows[wanted], kept, atol=0.05)


def test_the_weights_are_the_model_files_own_int8_rows() -> None:
    raw, weights, (layers, _, _) = read_model(MODEL_FILE)
    named = onnx_encoder.initializers(weights, raw, layers)
    q8 = named["l0.qkv.q8"]
    assert q8.dtype == numpy.int8
    hidden = raw["l0.q.w.q8"].shape[1]
    assert q8.shape == (hidden, 3 * hidden)  # [in, out]: query, key and value side by side
    numpy.testing.assert_array_equal(q8[:, hidden : 2 * hidden], raw["l0.k.w.q8"].T)
    assert named["l0.qkv.marks.q8"] is q8  # a second name for the rows of <s> and </s>
    numpy.testing.assert_array_equal(named["l0.qkv.scale"][:hidden], raw["l0.q.w.scale"])
    floats = onnx_encoder.initializers(weights, raw, layers, quantized=())
    assert "l0.qkv.q8" not in floats
    numpy.testing.assert_allclose(floats["l0.down.w"], weights["l0.fo.w"].T)


def test_cpus_without_vnni_count_as_saturating(tmp_path: Path) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    x86 = onnx_encoder.platform.machine().lower() in X86  # elsewhere nothing saturates
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu sse4_1 avx2 avx512f avx512bw\n")
    assert onnx_encoder.saturating_products(cpuinfo) is x86
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu avx2 avx512f avx512_vnni\n")
    assert not onnx_encoder.saturating_products(cpuinfo)
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu avx2 avx_vnni\n")
    assert not onnx_encoder.saturating_products(cpuinfo)
    missing = tmp_path / "none"
    assert onnx_encoder.saturating_products(missing) is x86


def test_uint8_weights_give_the_rows_of_int8_weights_bit_for_bit(
    monkeypatch: pytest.MonkeyPatch, runtimes: tuple[ContextualTagger, ContextualTagger]
) -> None:
    """Issue 19: where ONNX Runtime multiplies the int8 weights as they are (VNNI) and where it
    turns them into uint8 + 128 first (``session.x64quantprecision``), the rows are the same."""
    onnx, _ = runtimes
    if onnx_encoder.saturating_products():
        pytest.skip("this CPU saturates uint8-by-int8 products: only the uint8 weights run here")
    raw, weights, (layers, _, _) = read_model(MODEL_FILE, dequantize=False)
    graph = GRAPH.read_bytes()
    named = onnx_encoder.initializers(weights, raw, layers)
    hidden = onnx.encoder.hidden
    monkeypatch.setattr(onnx_encoder, "saturating_products", lambda: True)
    unsigned = onnx_encoder.OnnxEncoder(graph, named, hidden)
    monkeypatch.setattr(onnx_encoder, "saturating_products", lambda: False)
    signed = onnx_encoder.OnnxEncoder(graph, named, hidden)
    batch = [[BOS, 1000, 2000, 3000, EOS], [BOS, *range(500, 560), EOS], [BOS, 7, EOS]]
    for mine, theirs in zip(signed.forward(batch), unsigned.forward(batch), strict=True):
        numpy.testing.assert_array_equal(mine, theirs)


def test_the_shipped_graph_is_what_the_script_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    onnx = pytest.importorskip("onnx", reason="the onnx package (build time only) is not installed")
    monkeypatch.syspath_prepend(str(MODEL_FILE.parents[3] / "scripts"))
    import build_ner_onnx

    shipped = onnx.load(str(GRAPH), load_external_data=False)  # the weights: contextual.npz
    # the input ranges come from the train splits; the graph records them to be rebuilt without
    ranges = json.loads({p.key: p.value for p in shipped.metadata_props}["ranges"])
    assert set(ranges) >= {f"l0.{product}:{rows}" for product in ("qkv", "down") for rows in "ws"}
    rebuilt = build_ner_onnx.build(MODEL_FILE, onnx_encoder.QUANTIZED, ranges)
    assert rebuilt.SerializeToString() == GRAPH.read_bytes()


def test_without_onnxruntime_the_numpy_encoder_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onnx_encoder, "available", lambda: False)
    monkeypatch.setattr(contextual, "_LOADED", {})
    tagger = ContextualTagger.load()
    assert type(tagger.encoder).__name__ == "Encoder"
    with pytest.raises(ModelError, match=r"onnxruntime"):
        ContextualTagger.load(runtime="onnx")


def test_a_sentence_gets_the_same_rows_whatever_its_batch(
    runtimes: tuple[ContextualTagger, ContextualTagger],
) -> None:
    onnx, _ = runtimes  # fixed input ranges: no scale depends on the other sentences
    short = [BOS, 1000, 2000, 3000, EOS]
    alone = onnx.encoder.forward([short])[0]
    crowded = onnx.encoder.forward([short, [BOS, *range(500, 600), EOS], [BOS, 9, EOS]])[0]
    numpy.testing.assert_allclose(alone, crowded, atol=0.02)


def test_eval_ner_says_which_encoder_ran(
    runtimes: tuple[ContextualTagger, ContextualTagger], tmp_path: Path
) -> None:
    sample = tmp_path / "sample.conll"
    sample.write_text("Erna\tB-PER\nSolberg\tI-PER\nkom\tO\n.\tO\n\n", encoding="utf-8")
    assert evaluate_ner(sample, model="accurate")["encoder"] == "onnx"
    assert evaluate_ner(sample, model="fast")["encoder"] is None
