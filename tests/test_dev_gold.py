"""Dev gold for languages the rules were not tuned on (issue 22): annotations in
``evaluation/gold/`` joined with texts from ``../shared/data`` by ``scripts/build_dev_gold.py``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.conftest import REPO

from newsloom.evaluate.extraction import load_gold

sys.path.insert(0, str(REPO / "scripts"))

import build_dev_gold

ANNOTATIONS = REPO / "evaluation" / "gold"
LANGUAGES = ("de", "en", "es", "fr", "pl")


def _annotated_items(name: str) -> int:
    kind = "quotes" if name.endswith(".quotes.jsonl") else "figures"
    lines = (ANNOTATIONS / name).read_text(encoding="utf-8").splitlines()
    return sum(len(json.loads(line)[kind]) for line in lines if line.strip())


def test_every_annotation_is_found_in_its_text(gold_data: Path) -> None:
    result = build_dev_gold.build(ANNOTATIONS, gold_data)
    assert result.errors == []
    for language in LANGUAGES:
        for kind in ("quotes", "figures"):
            name = f"{language}.{kind}.jsonl"
            annotated = (ANNOTATIONS / name).read_text(encoding="utf-8").splitlines()
            assert len(result.records[name]) == len([line for line in annotated if line.strip()])
            built = sum(len(record[kind]) for record in result.records[name])
            assert built == _annotated_items(name), name
    # every language has quotes; absence is annotated too (an article with nothing is a record)
    assert all(_annotated_items(f"{language}.quotes.jsonl") >= 15 for language in LANGUAGES)


def test_built_files_are_what_newsloom_eval_reads(gold_data: Path, tmp_path: Path) -> None:
    assert build_dev_gold.main(["--shared", str(gold_data), "--output", str(tmp_path)]) == 0
    for language in LANGUAGES:
        records, skipped = load_gold(tmp_path / f"{language}.quotes.jsonl")
        assert skipped == 0
        assert records
        for record in records:
            assert record.article.language == language
            for quote in record.quotes:
                # the paragraph numbers the builder wrote are the ones eval splits the text into
                assert quote["text"] in record.article.paragraphs[quote["paragraph"]].text
        figures, _ = load_gold(tmp_path / f"{language}.figures.jsonl")
        assert {record.key for record in figures} == {record.key for record in records}
    crisis = [r for r in load_gold(tmp_path / "es.figures.jsonl")[0] if "ml-crisis" in r.key]
    assert crisis
    assert all(r.article.published is not None for r in crisis)


def _write(folder: Path, name: str, records: list[dict[str, object]]) -> None:
    text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    (folder / name).write_text(text, encoding="utf-8")


def test_a_wrong_annotation_is_named_by_file_line_and_field(tmp_path: Path) -> None:
    shared = tmp_path / "data"
    article = shared / "timelines" / "ml-crisis" / "es" / "topic" / "2011-02-03"
    article.mkdir(parents=True)
    text = (
        "Titular inventado\n\nUn   portavoz dijo que hubo 12 heridos.\n«Nada más», dijo Ana Ruiz.\n"
    )
    (article / "a.txt").write_text(text, encoding="utf-8")
    (article / "b.txt").write_text(text, encoding="utf-8")
    annotations = tmp_path / "gold"
    annotations.mkdir()
    source = {"source": "ml-crisis-es", "path": "topic/2011-02-03/a.txt"}
    good = {"speaker": "Ana Ruiz", "text": "Nada más", "kind": "direct"}
    _write(
        annotations,
        "xx.quotes.jsonl",
        [
            {"source": source, "language": "es", "quotes": [good]},
            {
                "source": {**source, "path": "topic/2011-02-03/missing.txt"},
                "language": "es",
                "quotes": [],
            },
            {
                "source": {**source, "path": "topic/2011-02-03/b.txt"},
                "language": "es",
                "quotes": [{**good, "text": "Nada menos"}],
            },
            {"source": source, "language": "es", "quotes": []},
        ],
    )
    figure = {
        "kind": "injured",
        "subject": "people",
        "low": 12,
        "high": 12,
        "qualifier": None,
        "attributed_to": "Un portavoz",
        "span": "hubo 12 heridos",
    }
    _write(
        annotations,
        "xx.figures.jsonl",
        [{"source": source, "language": "es", "figures": [figure, {**figure, "kind": "hurt"}]}],
    )
    result = build_dev_gold.build(annotations, shared)
    assert any(
        e.startswith("xx.quotes.jsonl:2: source:") and "missing.txt" in e for e in result.errors
    )
    assert any(
        e.startswith("xx.quotes.jsonl:3 quotes[0]: field 'text' 'Nada menos'")
        for e in result.errors
    )
    assert any(e.startswith("xx.figures.jsonl:1 figures[1]: field 'kind'") for e in result.errors)
    assert any(e.startswith("xx.quotes.jsonl:4: ") and "twice" in e for e in result.errors)
    assert len(result.errors) == 4
    # the good record is built: paragraphs are lines, whitespace collapsed, the date from the path
    (built,) = result.records["xx.quotes.jsonl"]
    assert built["text"].split("\n\n") == [
        "Titular inventado",
        "Un portavoz dijo que hubo 12 heridos.",
        "«Nada más», dijo Ana Ruiz.",
    ]
    assert built["published"] == "2011-02-03"
    assert built["quotes"] == [{**good, "paragraph": 2}]
    assert result.records["xx.figures.jsonl"] == []  # a record with a bad item is left out


def test_the_builder_says_where_the_shared_data_should_be(tmp_path: Path) -> None:
    code = build_dev_gold.main(["--shared", str(tmp_path / "absent"), "--output", str(tmp_path)])
    assert code == 2
