"""The contextual NER model: multilingual-e5-small fine-tuned on NorNE and DaN+ (issue 17).

``[analyze] ner = "accurate"`` tags Scandinavian text with it. The model (``contextual.npz``,
built by ``scripts/train_ner_contextual.py``) is the first layers of multilingual-e5-small
fine-tuned with a token-classification head over BIO tags of newsloom's five entity types; its
piece vocabulary is pruned to what Scandinavian, English and European news uses. Each word is
tagged from its first piece. Inference is :class:`~newsloom.entities.encoder.Encoder` (NumPy):
no torch, no download.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy

from newsloom.analyze.static_embeddings import PieceTokenizer
from newsloom.entities import onnx_encoder
from newsloom.entities.encoder import Array, Encoder
from newsloom.errors import ModelError
from newsloom.memo import Remembered

MODEL_FILE = Path(__file__).resolve().parent / "contextual.npz"
TYPES = ("PER", "ORG", "LOC", "EVT", "MISC")
TAGS = ("O", *(f"{prefix}-{kind}" for kind in TYPES for prefix in ("B", "I")))
BOS, PAD, EOS, UNK = 0, 1, 2, 3  # e5's special pieces, first in the pruned vocabulary
BATCH_PIECES = 4096  # pieces per forward pass
# texts whose tags are remembered: copies of agency text (a paragraph in many outlets' articles)
# are tagged once; a text's tags do not depend on its batch, so a copy's tags are the same
REMEMBERED = 20_000
_LOCK = threading.Lock()
Runtime = Literal["auto", "onnx", "numpy"]
_LAYER_PREFIXES = {f"l{digit}" for digit in range(10)}  # l0. … l11.: the layers' matrices
_LOADED: dict[tuple[Path, Runtime], ContextualTagger] = {}


def first_pieces(
    words: Sequence[str], tokenizer: PieceTokenizer, limit: int
) -> tuple[list[int], list[int]]:
    """``<s>`` + the words' pieces + ``</s>`` (at most ``limit``) and each word's first piece.

    A word whose pieces no longer fit gets position -1; a word with no known piece is ``<unk>``.
    """
    ids = [BOS]
    starts: list[int] = []
    for word in words:
        pieces = tokenizer.word(word) or (UNK,)
        if len(ids) + len(pieces) >= limit:
            starts.append(-1)
            continue
        starts.append(len(ids))
        ids.extend(pieces)
    ids.append(EOS)
    return ids, starts


def decode_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` word spans of BIO tags; an ``I-`` with no ``B-`` opens a span."""
    spans: list[tuple[int, int, str]] = []
    start, current = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and kind == current:
            continue
        if current:
            spans.append((start, index, current))
        start, current = (index, kind) if prefix in ("B", "I") else (-1, "")
    return spans


def read_model(
    location: Path, dequantize: bool = True
) -> tuple[dict[str, Any], dict[str, Any], tuple[int, int, int]]:
    """A model file's own arrays, the same with matrices dequantised (left out with
    ``dequantize=False`` for the encoder's: ONNX Runtime reads their int8 rows), and (layers,
    heads, limit)."""
    if not location.is_file():
        raise ModelError(
            f"the contextual NER model is not at {location}; build it with "
            'scripts/train_ner_contextual.py or use ner = "fast"'
        )
    try:
        with numpy.load(location, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except (OSError, ValueError) as error:
        raise ModelError(f"contextual NER: cannot read {location}: {error}") from error
    weights: dict[str, Any] = {}
    for name, value in arrays.items():
        if name.endswith(".q8"):
            base = name[: -len(".q8")]
            if not dequantize and (base == "emb.word" or base[:2] in _LAYER_PREFIXES):
                continue
            scale = arrays[base + ".scale"].astype(numpy.float32)
            weights[base] = value.astype(numpy.float32) * scale[:, None]
        elif not name.endswith(".scale"):
            weights[name] = value
    layers, heads, limit = (int(n) for n in weights["config"])
    return arrays, weights, (layers, heads, limit)


class Forward(Protocol):
    """An encoder: :class:`~newsloom.entities.encoder.Encoder` or its ONNX Runtime twin."""

    hidden: int

    def forward(
        self, batch: Sequence[Sequence[int]], keep: Sequence[Sequence[int]] | None = None
    ) -> list[Array]: ...


@dataclass(frozen=True)
class LoadedEncoder:
    """An e5 model file's encoder, its piece tokenizer, its piece limit and its arrays."""

    encoder: Forward
    tokenizer: PieceTokenizer
    limit: int
    weights: dict[str, Any]  # the file's arrays, matrices dequantised (:func:`read_model`)


def load_encoder(location: Path, runtime: Runtime) -> LoadedEncoder:
    """The encoder of an e5 model file (``contextual.npz`` or the embedding model's): ONNX
    Runtime with the graph ``<location>.onnx`` beside it (``runtime="onnx"``), or else the NumPy
    encoder."""
    raw, weights, (layers, heads, limit) = read_model(location, dequantize=runtime == "numpy")
    blob, bounds = bytes(weights["pieces"].tobytes()), weights["offsets"]
    pieces = [blob[bounds[i] : bounds[i + 1]].decode("utf-8") for i in range(len(bounds) - 1)]
    tokenizer = PieceTokenizer(pieces, weights["scores"].astype(numpy.float64).tolist())
    encoder: Forward
    if runtime == "onnx":
        named = onnx_encoder.initializers(weights, raw, layers)
        hidden = int(raw["emb.word.q8"].shape[1])
        graph = location.with_suffix(".onnx").read_bytes()
        encoder = onnx_encoder.OnnxEncoder(graph, named, hidden)
    else:
        encoder = Encoder.from_arrays(weights, heads, float(weights["eps"][0]), layers)
    return LoadedEncoder(encoder, tokenizer, limit, weights)


class ContextualTagger:
    """Word spans of names in tokenised text. Create with :meth:`load` (once per process)."""

    def __init__(
        self, encoder: Forward, tokenizer: PieceTokenizer, head: tuple[Any, Any], limit: int
    ) -> None:
        self.encoder = encoder
        self.tokenizer = tokenizer
        self.head_weight, self.head_bias = head
        self.limit = limit
        self._seen: Remembered[Sequence[str], list[tuple[int, int, str]]] = Remembered(REMEMBERED)

    @classmethod
    def load(cls, path: Path | None = None, runtime: Runtime = "auto") -> ContextualTagger:
        """The model at ``path`` (default: the shipped one), once per process and runtime.

        ``runtime``: ``"onnx"`` runs the encoder with ONNX Runtime (the graph ``<path>.onnx``
        beside the weights), ``"numpy"`` with :class:`~newsloom.entities.encoder.Encoder`;
        ``"auto"`` takes ONNX Runtime when it is installed and the graph is there.
        """
        location = (path or MODEL_FILE).resolve()
        graph = location.with_suffix(".onnx")
        if runtime == "auto":
            runtime = "onnx" if graph.is_file() and onnx_encoder.available() else "numpy"
        if runtime == "onnx" and not (graph.is_file() and onnx_encoder.available()):
            raise ModelError(
                f"contextual NER: ONNX Runtime needs onnxruntime installed and the graph at "
                f"{graph} (scripts/build_ner_onnx.py writes it)"
            )
        with _LOCK:
            if (location, runtime) not in _LOADED:
                _LOADED[location, runtime] = cls._read(location, runtime)
            return _LOADED[location, runtime]

    @classmethod
    def _read(cls, location: Path, runtime: Runtime) -> ContextualTagger:
        loaded = load_encoder(location, runtime)
        weights = loaded.weights
        head = (numpy.ascontiguousarray(weights["head.w"].T), weights["head.b"])
        return cls(loaded.encoder, loaded.tokenizer, head, loaded.limit)

    def spans(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        """Entity word spans ``(start, end, type)`` of each tokenised sentence or paragraph.

        A text seen before (the same words) is not run through the encoder again.
        """
        keys = ["\x1f".join(words) for words in sentences]
        return [list(spans) for spans in self._seen.through(keys, sentences, self._encode)]

    def _encode(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        """Entity word spans of each sentence, through the encoder."""
        windows: list[tuple[int, int, list[int], list[int]]] = []  # sentence, first word, ids
        for number, words in enumerate(sentences):
            first = 0
            while first < len(words):  # windows of at most ``limit`` pieces
                ids, starts = first_pieces(words[first:], self.tokenizer, self.limit)
                fitted = next((i for i, s in enumerate(starts) if s < 0), len(starts))
                windows.append((number, first, ids, starts[:fitted]))
                first += max(fitted, 1)
        tags: list[list[str]] = [["O"] * len(words) for words in sentences]
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][2]))
        start = 0
        while start < len(order):
            width = len(windows[order[start]][2])
            end = start + 1
            while end < len(order) and len(windows[order[end]][2]) * (end - start + 1) <= max(
                BATCH_PIECES, width
            ):
                end += 1
            batch = [windows[w] for w in order[start:end]]
            hidden = self.encoder.forward(
                [ids for _, _, ids, _ in batch], keep=[starts for _, _, _, starts in batch]
            )
            for (number, first, _, starts), states in zip(batch, hidden, strict=True):
                if starts:  # ``states``: the rows of the words' first pieces
                    scores = states @ self.head_weight + self.head_bias
                    for offset, best in enumerate(scores.argmax(axis=1)):
                        tags[number][first + offset] = TAGS[int(best)]
            start = end
        return [decode_spans(found) for found in tags]
