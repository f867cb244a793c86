"""Evaluation of figure and quote extraction against gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.errors import EvaluationError
from newsloom.evaluate.extraction import load_gold, pair
from newsloom.evaluate.figures import (
    _source_matches,
    _subject_matches,
    evaluate_figures,
    source_head,
)
from newsloom.evaluate.quotes import evaluate_quotes

GOLD = Path(__file__).parent / "data" / "gold"


def write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    return path


FIGURE = {
    "paragraph": 0,
    "kind": "killed",
    "subject": "people",
    "low": 12,
    "high": 12,
    "qualifier": "at least",
    "attributed_to": "Reuters",
}


def test_a_correct_figure_scores_one_on_every_field(tmp_path: Path) -> None:
    gold = write(
        tmp_path / "figures.jsonl",
        [
            {
                "id": "a",
                "language": "da",
                "published": "2024-05-16",
                "text": "Mindst 12 mennesker er dræbt, skriver Reuters.",
                "figures": [FIGURE],
            }
        ],
    )
    result = evaluate_figures(gold)
    assert {name: scores["f1"] for name, scores in result["fields"].items()} == {
        "value_kind": 1.0,
        "subject": 1.0,
        "qualifier": 1.0,
        "attribution": 1.0,
    }
    assert result["errors"] == []


def test_wrong_gold_values_lower_the_scores(tmp_path: Path) -> None:
    wrong = {**FIGURE, "low": 13, "high": 13}
    other_source = {**FIGURE, "attributed_to": "AFP"}
    gold = write(
        tmp_path / "figures.jsonl",
        [
            {
                "id": "a",
                "language": "da",
                "text": "Mindst 12 mennesker er dræbt, skriver Reuters.",
                "figures": [wrong],
            },
            {
                "id": "b",
                "language": "da",
                "text": "Mindst 12 mennesker er dræbt, skriver Reuters.",
                "figures": [other_source],
            },
        ],
    )
    fields = evaluate_figures(gold)["fields"]
    assert fields["value_kind"]["correct"] == 1
    assert fields["value_kind"]["gold"] == 2
    assert fields["value_kind"]["predicted"] == 2
    assert fields["attribution"]["correct"] == 0


def test_a_wrong_qualifier_counts_against_the_qualifier_only(tmp_path: Path) -> None:
    gold = write(
        tmp_path / "figures.jsonl",
        [
            {
                "id": "a",
                "language": "da",
                "text": "Mindst 12 mennesker er dræbt, skriver Reuters.",
                "figures": [{**FIGURE, "qualifier": "about"}],
            }
        ],
    )
    fields = evaluate_figures(gold)["fields"]
    assert fields["value_kind"]["correct"] == 1
    assert fields["qualifier"]["correct"] == 0


def test_attribution_accepts_relays_and_translations(tmp_path: Path) -> None:
    gold = write(
        tmp_path / "figures.jsonl",
        [
            {
                "id": "a",
                "language": "sv",
                "text": "Tre personer har gripits, uppger polisen.",
                "figures": [
                    {
                        **FIGURE,
                        "kind": "arrested",
                        "low": 3,
                        "high": 3,
                        "qualifier": None,
                        "subject": "suspects",
                        "attributed_to": "the police (via TT)",
                    }
                ],
            }
        ],
    )
    assert evaluate_figures(gold)["fields"]["attribution"]["f1"] == 1.0


def test_quote_text_and_speaker(tmp_path: Path) -> None:
    gold = write(
        tmp_path / "quotes.jsonl",
        [
            {
                "id": "a",
                "language": "da",
                "text": "- Vi er klar, siger borgmester Anne Holm.",
                "quotes": [{"paragraph": 0, "speaker": "Anne Holm", "text": "Vi er klar"}],
            },
            {
                "id": "b",
                "language": "da",
                "text": "- Vi er klar, siger borgmester Anne Holm.",
                "quotes": [{"paragraph": 0, "speaker": "Ole Bak", "text": "Vi er klar"}],
            },
        ],
    )
    fields = evaluate_quotes(gold)["fields"]
    assert fields["text"]["f1"] == 1.0
    assert fields["speaker"]["correct"] == 1
    assert fields["speaker"]["gold"] == 2


def test_records_pointing_at_absent_data_are_skipped(tmp_path: Path) -> None:
    gold = write(
        tmp_path / "figures.jsonl",
        [
            {
                "id": "a",
                "language": "es",
                "source": {"path": "no/such/file.txt", "line": 1},
                "figures": [FIGURE],
            }
        ],
    )
    records, skipped = load_gold(gold)
    assert (records, skipped) == ([], 1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json\n", r"figures\.jsonl:1: not valid JSON"),
        ('{"id": "a"}\n', "figures.jsonl:1: a record needs 'text' or 'source'"),
        ('{"id": "a", "text": "x", "figures": 3}\n', "field 'figures' must be a list"),
        ("[1, 2]\n", "expected a JSON object"),
    ],
)
def test_malformed_gold_files_name_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "figures.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationError, match=message):
        evaluate_figures(path)


def test_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match=r"missing\.jsonl"):
        evaluate_figures(tmp_path / "missing.jsonl")


def test_gold_files_have_the_size_the_issue_asks_for() -> None:
    figures = [json.loads(line) for line in (GOLD / "figures.jsonl").read_text().splitlines()]
    quotes = [json.loads(line) for line in (GOLD / "quotes.jsonl").read_text().splitlines()]
    assert sum(len(r["figures"]) for r in figures) >= 150
    assert len({r["language"] for r in figures if r["figures"]}) >= 3
    assert sum(len(r["quotes"]) for r in quotes) >= 80


def test_own_sentences_score_above_the_floor() -> None:
    """Regression floor on the records stored in the repository (no shared data needed)."""
    result = evaluate_figures(GOLD / "figures.jsonl")
    fields = result["fields"]
    assert fields["value_kind"]["precision"] >= 0.85


@pytest.mark.gold
def test_figures_on_the_full_gold_set(gold_data: Path) -> None:
    result = evaluate_figures(GOLD / "figures.jsonl")
    assert result["skipped"] == 0
    fields = result["fields"]
    assert fields["value_kind"]["f1"] >= 0.85
    assert fields["attribution"]["f1"] >= 0.75


@pytest.mark.gold
def test_quotes_on_the_full_gold_set(gold_data: Path) -> None:
    result = evaluate_quotes(GOLD / "quotes.jsonl")
    assert result["skipped"] == 0
    assert result["fields"]["text"]["f1"] >= 0.9
    assert result["fields"]["speaker"]["f1"] >= 0.9


def test_the_gold_article_s_paragraphs_have_the_kinds_ingest_gives_them(tmp_path: Path) -> None:
    # a photo credit is no body text: the pronoun after it is not the photographer (issue 16)
    text = (
        "Ny plan for byen\n\nKari Nordmann la fram planen for sentrum i går.\n\n"
        "Foto: Helge Johnsen\n\n- Vi er svært fornøyde med resultatet, sier hun."
    )
    quote = {"paragraph": 3, "speaker": "Kari Nordmann", "kind": "direct"}
    quote["text"] = "Vi er svært fornøyde med resultatet"
    gold = write(
        tmp_path / "quotes.jsonl",
        [{"id": "a", "language": "nb", "published": None, "text": text, "quotes": [quote]}],
    )
    assert evaluate_quotes(gold)["fields"]["speaker"]["f1"] == 1.0


def test_the_example_corpus_gold(example_dir: Path) -> None:
    figures = evaluate_figures(example_dir / "gold.json")
    quotes = evaluate_quotes(example_dir / "gold.json")
    assert figures["fields"]["value_kind"]["f1"] >= 0.75
    # 0.741 since issue 22: this gold lists no unmarked "…, police said." statements, which the
    # real-news guide (gold-real) counts as reported speech and newsloom now finds; 0.704 since
    # Scandinavian "ifølge X" sentences without a count are quotes (issue 16): it lists none
    assert quotes["fields"]["speaker"]["f1"] >= 0.70
    assert quotes["fields"]["text"]["recall"] >= 0.85


# --- issue 6: tolerant attribution matching -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("Rigspolitiet", "police"),
        ("Vest politidistrikt", "police"),
        ("the Danish police", "police"),
        ("Haukeland University Hospital", "hospital"),
        ("universitetssykehuset", "hospital"),
        ("elbolagen", "power company"),
        ("the power companies", "power company"),
        ("dansk räddningstjänst", "rescue service"),
        ("UD", "foreign ministry"),
        ("the Swedish Foreign Ministry", "foreign ministry"),
        ("Danske myndigheter", "authorities"),
        ("Reuters", None),
        ("politisk redaktør", None),  # "politi" inside another word is not a head
        ("bud", None),  # a short stem counts only as a whole word
    ],
)
def test_source_heads_across_languages(name: str, head: str | None) -> None:
    assert source_head(name) == head


@pytest.mark.parametrize(
    ("gold", "chain", "acronyms", "matches"),
    [
        ("Nordjyllands Politi", ("Danish police",), {}, True),  # same head noun
        ("the police", ("politiet",), {}, True),
        ("Rigspolitiet", ("politiet",), {}, True),
        ("the Swedish police", ("Norwegian police",), {}, False),  # nationalities disagree
        ("Norwegian officials (via AFP)", ("AFP", "Norwegian officials"), {}, True),
        ("Norwegian officials", ("AFP", "Norwegian officials"), {}, True),  # inner of a chain
        (
            "Joint Rescue Coordination Centre",
            ("JRCC",),
            {"JRCC": "Joint Rescue Coordination Centre"},
            True,
        ),
        ("Joint Rescue Coordination Centre", ("JRCC",), {}, False),
        ("Reuters", ("AFP",), {}, False),
        ("the police", ("the hospital",), {}, False),
    ],
)
def test_attribution_matching_is_tolerant_in_documented_ways(
    gold: str, chain: tuple[str, ...], acronyms: dict[str, str], matches: bool
) -> None:
    assert _source_matches(gold, chain, acronyms) is matches


def test_a_multi_word_subject_matches_itself() -> None:
    assert _subject_matches("Swedish nationals", "Swedish nationals")
    assert _subject_matches("emergency personnel", "emergency personnel")
    assert not _subject_matches("Swedish nationals", "people")


def _two_records(tmp_path: Path) -> Path:
    """Record 0 has a figure newsloom finds; record 1 one it cannot (no number in its text)."""
    found = {
        "id": "a",
        "language": "da",
        "published": "2024-05-16",
        "text": "Mindst 12 mennesker er dræbt, skriver Reuters.",
        "figures": [FIGURE],
    }
    missed = {**found, "id": "b", "text": "Mange mennesker er dræbt, skriver Reuters."}
    return write(tmp_path / "figures.jsonl", [found, missed])


@pytest.mark.parametrize(
    ("subset", "records", "recall"), [("all", 2, 0.5), ("even", 1, 1.0), ("odd", 1, 0.0)]
)
def test_figures_score_one_half_of_a_gold_file(
    tmp_path: Path, subset: str, records: int, recall: float
) -> None:
    result = evaluate_figures(_two_records(tmp_path), subset=subset)
    assert result["records"] == records
    assert result["fields"]["value_kind"]["recall"] == recall


def test_eval_figures_records_option_on_the_command_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsloom.cli import app

    gold = _two_records(tmp_path)
    result = CliRunner().invoke(app, ["eval", "figures", str(gold), "--records", "odd", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["records"] == 1
    bad = CliRunner().invoke(app, ["eval", "figures", str(gold), "--records", "half"])
    assert bad.exit_code == 2
    assert "expected one of all, even, odd" in bad.output


def test_pairing_finds_the_most_matches_a_greedy_pass_would_miss() -> None:
    def overlaps(gold: dict[str, object], found: str) -> bool:
        return bool(set(str(gold["text"]).split()) & set(found.split()))

    short = {"text": "ikke"}
    long = {"text": "gå dit"}
    predicted = ["vil ikke gå dit", "jeg vil ikke"]  # the short gold fits both
    assert pair([short, long], predicted, overlaps) == [
        (short, "jeg vil ikke"),
        (long, "vil ikke gå dit"),
    ]
