"""Build gold-real-format dev gold from the annotations in ``evaluation/gold/`` and the texts in
``../shared/data``.

    python scripts/build_dev_gold.py [--annotations evaluation/gold] [--shared ../shared/data]
                                     [--output build/gold]
    newsloom eval quotes build/gold/fr.quotes.jsonl
    newsloom eval figures build/gold/fr.figures.jsonl

The article texts belong to their publishers and are not in the repository: each annotation
record names its source instead, and this script joins the two at run time. Sources:

- ``{"source": "semeval2022-sample", "row": R, "pair_id": P, "side": 1|2}``: ``text1`` or
  ``text2`` of the row whose first (unnamed) column is ``R`` in
  ``similarity/semeval2022-sample/train.csv``; the row's ``pair_id`` must be ``P`` (pair ids repeat
  in that file, so the row number is the key and the pair id a check).
- ``{"source": "ml-crisis-es", "path": "<topic>/<date>/<id>.txt"}``: a file under
  ``timelines/ml-crisis/es/``.

Every non-empty line of a source text is a paragraph (whitespace runs collapsed to one space);
the output ``text`` joins them with a blank line, as ``newsloom eval`` splits them. Each quote's
``text`` and ``speaker``, each figure's ``span`` (the words the figure is read from) and
``attributed_to`` must occur in the text (whitespace-normalised; speakers and sources ignoring
case). An item is placed in the one paragraph that holds its text or span; where several do, the
annotation gives ``paragraph``. Every problem is reported with its file, line and field; records
with problems are left out of the output and the script exits with status 1.

The default shared folder is ``$NEWSLOOM_SHARED/data`` when that variable is set, else
``../shared/data`` beside the checkout.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "evaluation" / "gold"
OUTPUT = ROOT / "build" / "gold"
SEMEVAL = Path("similarity") / "semeval2022-sample" / "train.csv"
ML_CRISIS = Path("timelines") / "ml-crisis" / "es"

FIGURE_KINDS = frozenset(
    {
        "killed",
        "injured",
        "hospitalised",
        "critical_condition",
        "missing",
        "arrested",
        "charged",
        "remanded",
        "released",
        "questioned",
        "rescued",
        "evacuated",
        "displaced",
        "deployed",
        "protesters",
        "without_power",
        "on_board",
        "victims",
    }
)  # the kinds GUIDE.md in ../shared/data/gold-real names
QUALIFIERS = frozenset({"at least", "more than", "about", "up to", "fewer than"})
QUOTE_KINDS = frozenset({"direct", "reported"})


def default_shared() -> Path:
    """``$NEWSLOOM_SHARED/data`` if set, else ``../shared/data`` beside the checkout."""
    override = os.environ.get("NEWSLOOM_SHARED")
    return Path(override) / "data" if override else ROOT.parent / "shared" / "data"


def squeeze(text: str) -> str:
    return " ".join(text.split())


def paragraphs(text: str) -> list[str]:
    """Every non-empty line a paragraph, whitespace runs collapsed."""
    return [squeeze(line) for line in text.splitlines() if line.strip()]


@dataclass
class Texts:
    """Source texts from the shared data folder, read once."""

    shared: Path
    _semeval: dict[str, dict[str, str]] | None = None

    def semeval_row(self, row: str) -> dict[str, str] | None:
        if self._semeval is None:
            csv.field_size_limit(sys.maxsize)
            with (self.shared / SEMEVAL).open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                key = (reader.fieldnames or [""])[0]  # the unnamed index column
                self._semeval = {line[key]: line for line in reader}
        return self._semeval.get(row)

    def text(self, source: dict[str, Any]) -> tuple[str, str | None]:
        """The source's text and its publication date (if the source gives one).

        Raises ``LookupError`` naming what is missing or inconsistent.
        """
        name = source.get("source")
        if name == "semeval2022-sample":
            if not (self.shared / SEMEVAL).is_file():
                raise LookupError(f"{self.shared / SEMEVAL} not found")
            row = self.semeval_row(str(source.get("row")))
            if row is None:
                raise LookupError(f"no row {source.get('row')!r} in {SEMEVAL}")
            if row["pair_id"] != source.get("pair_id"):
                raise LookupError(
                    f"row {source.get('row')} has pair_id {row['pair_id']}, "
                    f"not {source.get('pair_id')!r}"
                )
            side = source.get("side")
            if side not in (1, 2):
                raise LookupError(f"side must be 1 or 2, not {side!r}")
            return row[f"text{side}"], None
        if name == "ml-crisis-es":
            relative = Path(str(source.get("path", "")))
            path = self.shared / ML_CRISIS / relative
            if relative.is_absolute() or ".." in relative.parts or not path.is_file():
                raise LookupError(f"{path} not found")
            published = relative.parts[1] if len(relative.parts) == 3 else None
            return path.read_text(encoding="utf-8"), published
        raise LookupError(f"unknown source {name!r} (known: 'semeval2022-sample', 'ml-crisis-es')")


def record_id(source: dict[str, Any]) -> str:
    if source.get("source") == "semeval2022-sample":
        return (
            f"semeval2022-sample/{source.get('row')}/{source.get('pair_id')}/{source.get('side')}"
        )
    return f"ml-crisis-es/{source.get('path')}"


@dataclass
class Build:
    """Built records per output file name, and every problem found."""

    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    items: int = 0


def _place(
    where: str, name: str, value: Any, paras: list[str], given: Any, errors: list[str]
) -> int | None:
    """The paragraph that holds ``value``; an error (and None) if none or several do."""
    if not isinstance(value, str) or not value.strip():
        errors.append(f"{where}: field '{name}' must be a non-empty string")
        return None
    wanted = squeeze(value)
    if given is not None:
        if not isinstance(given, int) or not 0 <= given < len(paras):
            errors.append(f"{where}: paragraph {given!r} is not in 0..{len(paras) - 1}")
            return None
        if wanted not in paras[given]:
            errors.append(f"{where}: field '{name}' {wanted[:60]!r} not in paragraph {given}")
            return None
        return given
    found = [index for index, text in enumerate(paras) if wanted in text]
    if not found:
        errors.append(f"{where}: field '{name}' {wanted[:60]!r} not found in the text")
        return None
    if len(found) > 1:
        errors.append(
            f"{where}: field '{name}' {wanted[:60]!r} is in paragraphs {found}; give 'paragraph'"
        )
        return None
    return found[0]


def _check_named(where: str, name: str, value: Any, text: str, errors: list[str]) -> None:
    if value is None:
        return
    if not isinstance(value, str) or squeeze(value).lower() not in text.lower():
        errors.append(f"{where}: field '{name}' {value!r} not found in the text")


def _quote(where: str, item: dict[str, Any], paras: list[str], errors: list[str]) -> dict[str, Any]:
    index = _place(where, "text", item.get("text"), paras, item.get("paragraph"), errors)
    if item.get("kind") not in QUOTE_KINDS:
        errors.append(f"{where}: field 'kind' must be 'direct' or 'reported'")
    if not item.get("speaker"):
        errors.append(f"{where}: field 'speaker' is missing")
    _check_named(where, "speaker", item.get("speaker"), " ".join(paras), errors)
    return {
        "paragraph": index,
        "speaker": item.get("speaker"),
        "text": squeeze(str(item.get("text", ""))),
        "kind": item.get("kind"),
    }


def _figure(
    where: str, item: dict[str, Any], paras: list[str], errors: list[str]
) -> dict[str, Any]:
    index = _place(where, "span", item.get("span"), paras, item.get("paragraph"), errors)
    if item.get("kind") not in FIGURE_KINDS:
        errors.append(f"{where}: field 'kind' {item.get('kind')!r} is not a figure kind")
    low, high = item.get("low"), item.get("high")
    if not isinstance(low, int) or (high is not None and not isinstance(high, int)):
        errors.append(f"{where}: fields 'low'/'high' must be integers (high may be null)")
    elif high is not None and high < low:
        errors.append(f"{where}: field 'high' {high} is below 'low' {low}")
    if item.get("qualifier") is not None and item.get("qualifier") not in QUALIFIERS:
        errors.append(
            f"{where}: field 'qualifier' {item.get('qualifier')!r} is not one of "
            f"{sorted(QUALIFIERS)} or null"
        )
    if not isinstance(item.get("subject"), str) or not item.get("subject"):
        errors.append(f"{where}: field 'subject' is missing")
    _check_named(where, "attributed_to", item.get("attributed_to"), " ".join(paras), errors)
    return {
        "paragraph": index,
        "kind": item.get("kind"),
        "subject": item.get("subject"),
        "low": low,
        "high": high,
        "qualifier": item.get("qualifier"),
        "attributed_to": item.get("attributed_to"),
    }


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, f"not valid JSON ({error.msg})"
            continue
        yield number, record if isinstance(record, dict) else "expected a JSON object"


def build(annotations: Path, shared: Path) -> Build:
    """Join every ``<lang>.quotes.jsonl`` / ``<lang>.figures.jsonl`` with its texts."""
    texts = Texts(shared)
    result = Build()
    files = sorted(annotations.glob("*.quotes.jsonl")) + sorted(annotations.glob("*.figures.jsonl"))
    for path in files:
        kind = "quotes" if path.name.endswith(".quotes.jsonl") else "figures"
        out = result.records.setdefault(path.name, [])
        seen: set[str] = set()
        for number, record in _lines(path):
            where = f"{path.name}:{number}"
            if isinstance(record, str):
                result.errors.append(f"{where}: {record}")
                continue
            source = record.get("source")
            if not isinstance(source, dict):
                result.errors.append(f"{where}: field 'source' must be an object")
                continue
            key = record_id(source)
            if key in seen:
                result.errors.append(f"{where}: {key} is annotated twice in this file")
                continue
            seen.add(key)
            try:
                raw, published = texts.text(source)
            except LookupError as error:
                result.errors.append(f"{where}: source: {error}")
                continue
            paras = paragraphs(raw)
            items = record.get(kind)
            if not isinstance(items, list):
                result.errors.append(f"{where}: field '{kind}' must be a list")
                continue
            before = len(result.errors)
            built = []
            for position, item in enumerate(items):
                item_where = f"{where} {kind}[{position}]"
                if not isinstance(item, dict):
                    result.errors.append(f"{item_where}: expected an object")
                    continue
                make = _quote if kind == "quotes" else _figure
                built.append(make(item_where, item, paras, result.errors))
            if len(result.errors) > before:
                continue
            result.items += len(built)
            out.append(
                {
                    "id": key,
                    "language": record.get("language"),
                    "published": record.get("published", published),
                    "text": "\n\n".join(paras),
                    kind: built,
                }
            )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    parser.add_argument("--shared", type=Path, default=None, help="the shared data folder")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    shared = args.shared or default_shared()
    if not shared.is_dir():
        print(
            f"shared data folder {shared} not found (set NEWSLOOM_SHARED or --shared)",
            file=sys.stderr,
        )
        return 2
    result = build(args.annotations, shared)
    args.output.mkdir(parents=True, exist_ok=True)
    for name, records in result.records.items():
        with (args.output / name).open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        count = sum(len(record.get("quotes", record.get("figures", []))) for record in records)
        print(f"{args.output / name}: {len(records)} articles, {count} items")
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
