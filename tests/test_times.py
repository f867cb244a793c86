"""Time expressions resolved against the publication date, and story-level date inference."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from extraction_seeds import seed
from newsloom.extract.times import find_times, reresolve, resolve_rule, resolve_times
from newsloom.records import Analysis, DatePrecision
from newsloom.story.anchor import infer_publication_dates, reanchor

THURSDAY = datetime(2022, 1, 6, 9, 30)  # a Thursday


def only(
    text: str,
    published: datetime | None = THURSDAY,
    precision: DatePrecision | None = DatePrecision.TIME,
):
    found = find_times(text, 0, published, precision)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected", "precision", "part"),
    [
        ("natten til torsdag", date(2022, 1, 6), DatePrecision.NIGHT, "night"),
        ("natt til onsdag", date(2022, 1, 5), DatePrecision.NIGHT, "night"),
        ("tirsdagens demonstration", date(2022, 1, 4), DatePrecision.DAY, None),
        ("onsdag aften", date(2022, 1, 5), DatePrecision.DAY, "evening"),
        ("sent onsdag", date(2022, 1, 5), DatePrecision.DAY, "late"),
        ("onsdag kveld", date(2022, 1, 5), DatePrecision.DAY, "evening"),
        ("i nat", date(2022, 1, 6), DatePrecision.NIGHT, "night"),
        ("i går", date(2022, 1, 5), DatePrecision.DAY, None),
        ("i forgårs", date(2022, 1, 4), DatePrecision.DAY, None),
        ("i förrgår", date(2022, 1, 4), DatePrecision.DAY, None),
        ("for to dage siden", date(2022, 1, 4), DatePrecision.DAY, None),
        ("for tre dager siden", date(2022, 1, 3), DatePrecision.DAY, None),
        ("two days ago", date(2022, 1, 4), DatePrecision.DAY, None),
        ("hace dos días", date(2022, 1, 4), DatePrecision.DAY, None),
        ("på fredag", date(2022, 1, 7), DatePrecision.DAY, None),
        ("next Monday", date(2022, 1, 10), DatePrecision.DAY, None),
        ("i tisdags", date(2022, 1, 4), DatePrecision.DAY, None),
        ("sidste torsdag", date(2021, 12, 30), DatePrecision.DAY, None),
        ("on Sunday", date(2022, 1, 2), DatePrecision.DAY, None),
        ("el miércoles", date(2022, 1, 5), DatePrecision.DAY, None),
        ("i morgen", date(2022, 1, 7), DatePrecision.DAY, None),
        ("i aftes", date(2022, 1, 5), DatePrecision.DAY, "evening"),
    ],
)
def test_relative_expressions_resolve_against_the_publication_day(
    text: str, expected: date, precision: DatePrecision, part: str | None
) -> None:
    found = only(text)
    assert found.value == expected
    assert found.precision == precision
    assert found.part_of_day == part
    assert text.startswith(found.text) or found.text in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("den 19. januar", date(2022, 1, 19)),
        ("4. januar 2022", date(2022, 1, 4)),
        ("January 4, 2022", date(2022, 1, 4)),
        ("4 January 2022", date(2022, 1, 4)),
        ("el 4 de enero de 2022", date(2022, 1, 4)),
        ("2022-01-04", date(2022, 1, 4)),
        ("04.01.2022", date(2022, 1, 4)),
        ("30. december", date(2021, 12, 30)),  # the nearest December to 6 January 2022
    ],
)
def test_explicit_dates_in_each_language(text: str, expected: date) -> None:
    found = only(text)
    assert (found.value, found.precision, found.rule) == (expected, DatePrecision.DAY, "absolute")


def test_month_precision_leaves_weekdays_unresolved_but_keeps_the_rule() -> None:
    found = only("onsdag", datetime(2022, 1, 1), DatePrecision.MONTH)
    assert found.value is None
    assert found.precision is None
    assert found.rule == "weekday:2:past"
    dated = only("19. januar", datetime(2022, 1, 1), DatePrecision.MONTH)
    assert dated.value == date(2022, 1, 19)  # the year is known from the month


def test_no_publication_date_resolves_only_dates_with_a_year() -> None:
    assert only("4. januar 2022", None, None).value == date(2022, 1, 4)
    assert only("tirsdag", None, None).value is None
    assert only("19. januar", None, None).value is None


def test_reresolve_against_an_inferred_day_marks_results_inferred() -> None:
    found = find_times("natten til torsdag og onsdag", 0, datetime(2022, 1, 1), DatePrecision.MONTH)
    resolved = reresolve(tuple(found), date(2022, 1, 6))
    assert [(t.value, t.inferred) for t in resolved] == [
        (date(2022, 1, 6), True),
        (date(2022, 1, 5), True),
    ]


def test_resolve_rule_rejects_unknown_rules() -> None:
    with pytest.raises(ValueError, match="time rule"):
        resolve_rule("fortnight:1", date(2022, 1, 6))


def test_clock_times_and_plain_numbers_are_not_dates() -> None:
    assert find_times("kl. 14.30 kom 300 personer", 0, THURSDAY, DatePrecision.TIME) == []


def test_seed_weekdays_resolve_to_january_2022_through_the_story(seeds_dir: Path) -> None:
    articles = [seed(seeds_dir, prefix) for prefix in ("000", "001", "002")]
    analyses = [Analysis(article.id, times=resolve_times(article)) for article in articles]
    inferred = infer_publication_dates(articles, analyses)
    assert {key: value.value for key, value in inferred.items()} == {
        articles[0].id: date(2022, 1, 6),  # "natten til torsdag", "torsdag": Thursday 6 January
        articles[1].id: date(2022, 1, 5),  # "onsdag", "i går": Wednesday 5 January
        articles[2].id: date(2022, 1, 5),  # "tirsdagens" next to an embedded post of 4 January
    }
    assert all(
        value.inferred and value.precision == DatePrecision.DAY for value in inferred.values()
    )
    dated, analysis = reanchor(articles[0], analyses[0], inferred[articles[0].id])
    by_text = {time.text: time for time in analysis.times}
    assert by_text["natten til torsdag"].value == date(2022, 1, 6)
    assert by_text["natten til torsdag"].inferred
    assert by_text["sent onsdag"].value == date(2022, 1, 5)
    assert by_text["19. januar"].value == date(2022, 1, 19)
    assert dated.published == datetime(2022, 1, 6)
    _, later = reanchor(articles[2], analyses[2], inferred[articles[2].id])
    assert {t.text: t.value for t in later.times}["tirsdagens"] == date(2022, 1, 4)


def test_no_anchor_means_no_inference(seeds_dir: Path) -> None:
    article = seed(seeds_dir, "000")
    assert (
        infer_publication_dates([article], [Analysis(article.id, times=resolve_times(article))])
        == {}
    )


def test_a_dated_article_anchors_an_undated_one(seeds_dir: Path) -> None:
    undated = seed(seeds_dir, "000")
    dated = replace(
        seed(seeds_dir, "001"),
        published=datetime(2022, 1, 5, 14, 0),
        published_precision=DatePrecision.TIME,
    )
    analyses = {a.id: Analysis(a.id, times=resolve_times(a)) for a in (undated, dated)}
    inferred = infer_publication_dates([undated, dated], analyses)
    assert list(inferred) == [undated.id]
    assert inferred[undated.id].value == date(2022, 1, 6)


def test_a_pattern_never_matches_where_its_gate_is_shut() -> None:
    """The gates are searched first to skip patterns; a gate that missed text its pattern matches
    would drop a time expression. Random phrases of every language's calendar words, in both
    cases, with endings, numbers and punctuation around them."""
    import random

    from newsloom.extract.date_words import languages_for
    from newsloom.extract.time_patterns import lexicon_for

    lexicon = lexicon_for(languages_for(None))
    words = [
        *lexicon.weekdays,
        *lexicon.months,
        *lexicon.parts,
        *lexicon.relative,
        *("de", "of", "i", "in", "natten", "til", "sent", "last", "el", "am"),
    ]
    joins = (" ", " ", " ", ", ", ". ", "-", "/", "")
    generator = random.Random(7)
    checked = 0
    for _ in range(3000):
        pieces = []
        for _ in range(generator.randint(2, 7)):
            piece = generator.choice(
                [
                    generator.choice(words) + generator.choice(("", "", "s", "en", "ens", "x")),
                    str(generator.randint(1, 31)),
                    str(generator.randint(1890, 2039)),
                ]
            )
            pieces.append(piece.upper() if generator.random() < 0.2 else piece)
            pieces.append(generator.choice(joins))
        text = "".join(pieces)
        for name, pattern in lexicon.patterns:
            gate = lexicon.gates.get(name)
            if gate is not None and pattern.search(text):
                checked += 1
                assert gate.search(text.lower()), (name, text)
    assert checked > 1000


def test_word_and_year_gates_answer_as_the_patterns_they_stand_for() -> None:
    """A :class:`WordGate` (a set look-up of the paragraph's words) opens exactly where
    ``(?<!\\w)(?:form|…)(?!\\w)`` finds a form, and the year gate with its look-behind moved after
    the first two digits where ``(?<!\\w)(?:19|20)\\d\\d(?!\\w)`` finds a year: random texts of
    calendar words and numbers glued to letters, digits, underscores and punctuation."""
    import random
    import re

    from newsloom.extract.date_words import languages_for
    from newsloom.extract.time_patterns import WordGate, lexicon_for

    generator = random.Random(11)
    year = re.compile(r"(?<!\w)(?:19|20)\d\d(?!\w)")
    word_gates = 0
    for language in ("es", "nb", "de", "en"):
        lexicon = lexicon_for(languages_for(language))
        vocabulary = [*lexicon.weekdays, *lexicon.months, "1999", "2020", "19999", "x", "é"]
        for name in ("weekday", "day_month"):
            gate = lexicon.gates[name]
            assert isinstance(gate, WordGate)
            word_gates += 1
            alternation = "|".join(re.escape(form) for form in gate.forms)
            pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
            for _ in range(2000):
                text = "".join(
                    generator.choice(vocabulary).lower()
                    + generator.choice(("", "s", "en", "ens", "_", "1", "é"))
                    + generator.choice((" ", "", "-", ".", "\n"))
                    for _ in range(3)
                )
                assert gate.search(text) == (pattern.search(text) is not None), text
                year_gate = lexicon.gates["year"]
                assert isinstance(year_gate, re.Pattern)
                assert (year_gate.search(text) is None) == (year.search(text) is None), text
    assert word_gates == 8
