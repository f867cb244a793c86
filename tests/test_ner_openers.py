"""The accurate NER model skips texts whose only capitals open sentences with plain words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.entities.openers import OPENERS_FILE, may_hold_a_name, openers


def words(text: str) -> list[str]:
    return text.replace(".", " .").replace(",", " ,").split()


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Det regner i hele landet i dag.", "nb", False),
        ("Han sier det er for sent. Det var ventet.", "nb", False),
        ("– Det er bra, sier han.", "nb", False),
        ("Det var ventet, seier dei.", "nn", False),
        ("Han er ikke kommet endnu.", "da", False),
        ("Norge vant i går.", "nb", True),  # a name first in its sentence
        ("Det regner i Oslo.", "nb", True),  # a capital inside a sentence
        ("Det regner. Stoltenberg sier det er ventet.", "nb", True),
        ("Det regner, Han sier.", "nb", True),  # a plain word, but not where a sentence opens
        ("DET er ventet.", "nb", True),  # written in capitals: perhaps an acronym
        ("Det regnar i dag.", "sv", True),  # no list for Swedish: always tagged
        ("det regner i dag.", "nb", False),  # no capital at all
    ],
)
def test_which_texts_may_hold_a_name(text: str, language: str, expected: bool) -> None:
    assert may_hold_a_name(words(text), language) is expected


def test_bokmal_is_also_written_no() -> None:
    assert openers("no") == openers("nb")
    assert "det" in openers("nb")


def test_the_accurate_model_still_finds_names_where_they_may_be() -> None:
    from newsloom.entities.ner import EntityRecognizer

    recognizer = EntityRecognizer.load(model="accurate")
    found = recognizer.find_in_tokens(
        [words("Det regner i hele landet i dag."), words("Det regner i Bergen i dag.")],
        language="nb",
    )
    assert found[0] == ()
    assert [(span.start, span.end, span.label) for span in found[1]] == [(3, 4, "LOC")]


@pytest.mark.gold
def test_the_shipped_openers_are_what_the_train_splits_give(gold_data: Path) -> None:
    """Rebuilt from the train splits (never the dev ones), the lists are the shipped ones."""
    import importlib.util

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_ner_openers.py"
    spec = importlib.util.spec_from_file_location("build_ner_openers", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from newsloom.entities.conll import read_conll

    shipped = json.loads(OPENERS_FILE.read_text(encoding="utf-8"))
    for language, split in module.SPLITS.items():
        path = gold_data / split
        if not path.is_file():
            pytest.skip(f"{path} not found")
        assert module.plain_openers(list(read_conll(path))) == shipped[language], language
