"""Read CoNLL-style NER files and map their labels to newsloom's scheme.

Two layouts are recognised from the first non-blank line:

- NorNE: ``token<TAB>IOB2-tag`` with tags PER, ORG, LOC, GPE_LOC, GPE_ORG, EVT, PROD, DRV, MISC.
- DaN+: ``token<TAB>level1<TAB>level2`` with tags PER, ORG, LOC, MISC and ``…part``/``…deriv``
  subtypes; only level 1 is read.

The mapping to :class:`~newsloom.records.EntityType` (documented in ``docs/ner.md``):

====================  ==========  =====================================================
source label          newsloom    why
====================  ==========  =====================================================
PER                   PER
ORG                   ORG
LOC, GPE_LOC          LOC         places and geo-political entities are one type
GPE_ORG               LOC         a country acting as an agent ("Norge protesterte") is
                                  still the same real-world entity as the place
EVT                   EVT
PROD, MISC            MISC        DaN+ MISC covers products and works too
DRV, *deriv, *part    O           derived words ("norsk", "Oslo-politiet") are not names
====================  ==========  =====================================================
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsloom.errors import EvaluationError

SCHEME_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "EVT", "MISC")

_LABEL_MAP: dict[str, str | None] = {
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE_LOC": "LOC",
    "GPE_ORG": "LOC",
    "GPE": "LOC",
    "EVT": "EVT",
    "PROD": "MISC",
    "MISC": "MISC",
    "DRV": None,
}


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    label: str


@dataclass(frozen=True, slots=True)
class Sentence:
    words: tuple[str, ...]
    entities: tuple[Span, ...]


def map_label(label: str) -> str | None:
    """Map a source entity label (without B-/I-) to the scheme, or None for "not an entity"."""
    if label.endswith(("part", "deriv")):
        return None
    return _LABEL_MAP.get(label.upper(), "MISC")


def detect_format(path: Path) -> str:
    """Return ``"norne"`` (two columns) or ``"danplus"`` (three columns)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                columns = line.rstrip("\n").split("\t")
                if len(columns) == 2:
                    return "norne"
                if len(columns) >= 3:
                    return "danplus"
                raise EvaluationError(
                    f"{path}: first line has {len(columns)} tab-separated column(s); expected "
                    "'token<TAB>tag' (NorNE) or 'token<TAB>level1<TAB>level2' (DaN+)"
                )
    raise EvaluationError(f"{path}: no tokens found; expected a CoNLL file with one token a line")


def _spans(tags: list[str], path: Path, line_number: int) -> tuple[Span, ...]:
    spans: list[Span] = []
    start: int | None = None
    current: str | None = None
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, raw = tag.partition("-")
        label = map_label(raw) if raw else None
        if prefix not in ("B", "I", "O"):
            raise EvaluationError(
                f"{path}:{line_number}: tag {tag!r} is not IOB2 (expected O, B-X or I-X)"
            )
        continues = prefix == "I" and label is not None and label == current
        if not continues:
            if current is not None and start is not None:
                spans.append(Span(start, index, current))
            start, current = (index, label) if label is not None else (None, None)
    return tuple(spans)


def read_conll(path: Path) -> Iterator[Sentence]:
    """Yield sentences with entity spans mapped to the scheme (see the module docstring)."""
    if not path.is_file():
        raise EvaluationError(f"{path}: no such file; give a CoNLL file (token<TAB>tag per line)")
    column = 1
    words: list[str] = []
    tags: list[str] = []
    line_number = 0
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if line.startswith("#") and not words:
                continue
            if not line.strip():
                if words:
                    yield Sentence(tuple(words), _spans(tags, path, line_number))
                    words, tags = [], []
                continue
            columns = line.split("\t")
            if len(columns) <= column:
                raise EvaluationError(
                    f"{path}:{line_number}: expected a tab-separated tag after the token"
                )
            words.append(columns[0])
            tags.append(columns[column].strip() or "O")
    if words:
        yield Sentence(tuple(words), _spans(tags, path, line_number))
