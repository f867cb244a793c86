"""Timeline: dated events from time expressions, in order, at their precision, citing articles."""

from __future__ import annotations

from datetime import date, datetime

from newsloom.records import (
    Analysis,
    Article,
    DatePrecision,
    ParagraphKind,
    ReusedPassage,
    ReuseResult,
)
from newsloom.story.copies import CopyGroups
from newsloom.story.sentences import contains_text
from newsloom.story.timeline import build_timeline, format_date, split_background
from story_records import make_article, time_in

TUESDAY, WEDNESDAY, THURSDAY = date(2023, 3, 7), date(2023, 3, 8), date(2023, 3, 9)


def _story() -> tuple[list[Article], dict[str, Analysis]]:
    first = make_article(
        "t1",
        [
            "Thousands marched through the capital on Tuesday against the new fuel tax.",
            "On Wednesday the cabinet resigned after a day of clashes near parliament.",
            "A curfew is in force until 19 March in the whole province.",
        ],
        datetime(2023, 3, 8, 18),
        language="en",
    )
    second = make_article(
        "t2",
        [
            "During the night to Thursday police cleared the square with tear gas and batons.",
            "More than a thousand people have been hurt since the protests began. "
            "The ministry said so on Thursday.",
            (
                "Protesters fill the square on Wednesday evening in the capital.",
                ParagraphKind.CAPTION,
            ),
            "In March the government had raised the price of fuel for the second time this year.",
        ],
        datetime(2023, 3, 9, 12),
        language="en",
    )
    analyses = {
        "t1": Analysis(
            "t1",
            times=(
                time_in(first, "on Tuesday", TUESDAY),
                time_in(first, "On Wednesday", WEDNESDAY),
                time_in(first, "19 March", date(2023, 3, 19)),
            ),
        ),
        "t2": Analysis(
            "t2",
            times=(
                time_in(second, "night to Thursday", THURSDAY, DatePrecision.NIGHT),
                time_in(second, "on Thursday", THURSDAY),
                time_in(second, "on Wednesday", WEDNESDAY),
                time_in(second, "In March", date(2023, 3, 1), DatePrecision.MONTH),
            ),
        ),
    }
    return [second, first], analyses


def test_events_are_in_order_at_their_precision() -> None:
    articles, analyses = _story()
    timeline = build_timeline(articles, analyses)
    labels = [(event.label, event.text.split()[0]) for event in timeline]
    assert labels == [
        ("Mar 2023", "In"),
        ("7 Mar 2023", "Thousands"),
        ("8 Mar 2023", "On"),
        ("night to 9 Mar 2023", "During"),
        ("9 Mar 2023", "More"),
    ]
    assert [event.precision for event in timeline][:1] == [DatePrecision.MONTH]
    assert timeline[3].precision == DatePrecision.NIGHT


def test_deadlines_and_captions_are_not_events() -> None:
    articles, analyses = _story()
    texts = " ".join(event.text for event in build_timeline(articles, analyses))
    assert "curfew" not in texts  # "until 19 March" is a deadline
    assert "fill the square" not in texts  # a photo caption


def test_a_short_attribution_is_told_with_the_sentence_it_dates() -> None:
    articles, analyses = _story()
    thursday = [e for e in build_timeline(articles, analyses) if e.label == "9 Mar 2023"]
    assert thursday[0].text.startswith("More than a thousand people have been hurt")
    assert thursday[0].text.endswith("The ministry said so on Thursday.")


def test_events_cite_articles_that_carry_them() -> None:
    articles, analyses = _story()
    by_id = {a.id: a for a in articles}
    for event in build_timeline(articles, analyses):
        assert event.articles
        for article_id in event.articles:
            assert contains_text(by_id[article_id].text, event.text), (event, article_id)


def test_the_same_event_in_copies_is_one_line_citing_both() -> None:
    sentence = "On Wednesday the cabinet resigned after a day of clashes near parliament."
    edited = "On Wednesday the cabinet resigned after a day of clashes near the parliament."
    first = make_article(
        "c1", ["Intro text for the first piece here.", sentence], datetime(2023, 3, 8, 9)
    )
    second = make_article("c2", [edited], datetime(2023, 3, 8, 11))
    other = make_article("c3", [sentence], datetime(2023, 3, 8, 12))
    analyses = {
        "c1": Analysis("c1", times=(time_in(first, "On Wednesday", WEDNESDAY),)),
        "c2": Analysis("c2", times=(time_in(second, "On Wednesday", WEDNESDAY),)),
        "c3": Analysis("c3", times=(time_in(other, "On Wednesday", WEDNESDAY),)),
    }
    reuse = {"c2": ReuseResult("c2", passages=(ReusedPassage("c2", 0, "c1", 1, 0.95),))}
    (event,) = build_timeline([other, second, first], analyses, CopyGroups.from_reuse(reuse))
    assert event.articles == ("c1", "c2", "c3")  # earliest first
    assert event.independent_sources == 2  # c2 copies c1
    assert event.text == sentence


def test_different_events_on_one_day_stay_apart() -> None:
    article = make_article(
        "d1",
        [
            "On Wednesday the cabinet resigned after a day of clashes near parliament.",
            "The president declared a state of emergency in two provinces on Wednesday.",
        ],
        datetime(2023, 3, 8, 20),
    )
    analyses = {
        "d1": Analysis(
            "d1",
            times=(
                time_in(article, "On Wednesday", WEDNESDAY),
                time_in(article, "on Wednesday", WEDNESDAY),
            ),
        )
    }
    assert len(build_timeline([article], analyses)) == 2


def test_unresolved_expressions_are_skipped() -> None:
    article = make_article("u1", ["The talks resumed on Friday in the capital city."], None)
    unresolved = time_in(article, "on Friday", THURSDAY)
    unresolved = type(unresolved)(unresolved.text, 0, unresolved.start, unresolved.end, None, None)
    assert build_timeline([article], {"u1": Analysis("u1", times=(unresolved,))}) == ()


def test_format_date_follows_the_precision() -> None:
    day = date(2022, 1, 6)
    assert format_date(day, DatePrecision.DAY) == "6 Jan 2022"
    assert format_date(day, DatePrecision.NIGHT) == "night to 6 Jan 2022"
    assert format_date(day, DatePrecision.MONTH) == "Jan 2022"
    assert format_date(day, DatePrecision.YEAR) == "2022"


def test_a_big_story_keeps_its_best_supported_events() -> None:
    articles, analyses = [], {}
    for number in range(12):
        day = date(2023, 4, 1 + number)
        text = f"On day {number} the river rose another {number + 10} centimetres at the dam."
        copies = 3 if number % 4 == 0 else 1  # every fourth event is told by three articles
        for copy in range(copies):
            article = make_article(f"r{number}-{copy}", [text], datetime(2023, 4, 1 + number, 12))
            articles.append(article)
            analyses[article.id] = Analysis(article.id, times=(time_in(article, "On day", day),))
    timeline = build_timeline(articles, analyses, max_events=3)
    assert [event.date.day for event in timeline] == [1, 5, 9]
    assert all(event.independent_sources == 3 for event in timeline)
    assert len(build_timeline(articles, analyses)) == 12


def test_events_long_before_the_story_are_background() -> None:
    article = make_article(
        "g1",
        [
            "The ferry was built in 2009 and carries 600 passengers.",
            "The crew held a drill on 2 February, the owner said.",
            "Fire broke out on board on Monday night near the coast.",
        ],
        datetime(2023, 3, 7, 9),
        language="en",
    )
    times = (
        time_in(article, "in 2009", date(2009, 1, 1), DatePrecision.YEAR),
        time_in(article, "on 2 February", date(2023, 2, 2)),
        time_in(article, "on Monday", date(2023, 3, 6)),
    )
    events = build_timeline([article], {"g1": Analysis("g1", times=times)})
    main, background = split_background(events, date(2023, 3, 7))
    assert [e.date for e in main] == [date(2023, 3, 6)]
    assert [e.date for e in background] == [date(2009, 1, 1), date(2023, 2, 2)]
    # a month that ends within the window is still part of the story
    month = make_article("g2", ["In March prices rose again."], datetime(2023, 4, 3), language="en")
    month_times = (time_in(month, "In March", date(2023, 3, 1), DatePrecision.MONTH),)
    events = build_timeline([month], {"g2": Analysis("g2", times=month_times)})
    assert split_background(events, date(2023, 4, 3))[1] == ()


def test_one_event_told_in_several_languages_is_one_line_in_the_main_language() -> None:
    danish = make_article(
        "x1",
        ["Tre personer savnes efter en brand på færgen Nordstjerne i Kattegat tirsdag."],
        datetime(2023, 3, 7, 9),
        language="da",
        source="Avisen",
    )
    norwegian = make_article(
        "x2",
        ["Tre personer er savnet etter brannen på fergen «Nordstjerne» i Kattegat tirsdag."],
        datetime(2023, 3, 7, 10),
        language="nb",
        source="Bladet",
    )
    other = make_article(
        "x3",
        ["To personer er bekreftet omkommet etter brannen på fergen Nordstjerne tirsdag."],
        datetime(2023, 3, 7, 11),
        language="nb",
        source="Posten",
    )
    analyses = {
        a.id: Analysis(a.id, times=(time_in(a, "tirsdag", TUESDAY),))
        for a in (danish, norwegian, other)
    }
    events = build_timeline([danish, norwegian, other], analyses, language="nb")
    assert len(events) == 2  # different numbers: different events
    merged = next(e for e in events if len(e.articles) == 2)
    assert merged.articles == ("x1", "x2")
    assert merged.text.startswith("Tre personer er savnet")  # told in the main language


def test_an_attribution_alone_is_no_event() -> None:
    article = make_article(
        "y1",
        [
            "Det opplyser politiet til NTB fredag.",
            "Kapteinen er siktet etter brannen. Det opplyser politiet til NTB fredag.",
        ],
        datetime(2023, 3, 10, 9),
        language="nb",
    )
    times = (
        time_in(article, "fredag", date(2023, 3, 10), paragraph=0),
        time_in(article, "fredag", date(2023, 3, 10), paragraph=1),
    )
    (event,) = build_timeline([article], {"y1": Analysis("y1", times=times)})
    assert event.text.startswith("Kapteinen er siktet etter brannen.")
