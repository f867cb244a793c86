"""Quote credits (#16): speaker with role in every view; a spokesperson is not whom they speak
for; a verb phrase or a genitive fragment is never a speaker."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from newsloom.records import Analysis, EntityMention, EntityType, Quote
from newsloom.story.credits import credit_quote
from newsloom.story.dossier import consolidate
from newsloom.story.render import dossier_to_dict, render_markdown, render_text
from story_records import make_article

DAY = datetime(2022, 1, 5, 9)


def _mention(text: str, paragraph: str, index: int = 0) -> EntityMention:
    start = paragraph.index(text)
    return EntityMention(text, EntityType.PERSON, index, start, start + len(text))


def test_a_speaker_with_a_role_is_credited_with_both() -> None:
    text = "- Dusinvis blev elimineret, siger polititalsmand Saltanat Azirbek."
    article = make_article("c1", [text], DAY)
    quote = Quote("Dusinvis blev elimineret", "Saltanat Azirbek", "polititalsmand", 0)
    credit = credit_quote(quote, article, [_mention("Saltanat Azirbek", text)])
    assert credit is not None
    assert (credit.speaker, credit.role) == ("Saltanat Azirbek", "polititalsmand")
    assert credit.label == "Saltanat Azirbek, polititalsmand"


def test_a_spokesman_for_a_person_is_not_that_person() -> None:
    text = (
        "En talsmann for Russlands president Vladimir Putin sa tidligere onsdag at Kasakhstan "
        "klarer å løse sine egne problemer."
    )
    article = make_article("c2", [text], DAY, language="nb")
    quote = Quote(
        "Kasakhstan klarer å løse sine egne problemer",
        "Vladimir Putin",
        "talsmann for Russlands president",
        0,
        kind="reported",
    )
    credit = credit_quote(quote, article, [_mention("Vladimir Putin", text)])
    assert credit is not None
    assert credit.speaker is None
    assert credit.on_behalf_of == "Vladimir Putin"
    assert credit.label == "talsmann for Russlands president Vladimir Putin"


def test_a_named_spokesman_for_someone_keeps_his_name() -> None:
    text = "Dmitrij Peskov, spokesman for the president, said Kazakhstan can solve its problems."
    article = make_article("c3", [text], DAY, language="en")
    quote = Quote(
        "Kazakhstan can solve its problems", "Dmitrij Peskov", "spokesman for the president", 0
    )
    credit = credit_quote(quote, article, [_mention("Dmitrij Peskov", text)])
    assert credit is not None
    assert credit.label == "Dmitrij Peskov, spokesman for the president"


def test_a_genitive_credits_the_body_it_owns() -> None:
    text = "»De bærer et særligt ansvar,« skriver Tokajevs pressetjeneste ifølge Tass."
    article = make_article("c4", ["Præsident Kasym-Jomart Tokajev talte.", text], DAY)
    mentions = [
        _mention("Kasym-Jomart Tokajev", article.paragraphs[0].text),
        _mention("Tokajevs", text, 1),
    ]
    quote = Quote("De bærer et særligt ansvar,", "Tokajevs", None, 1)
    credit = credit_quote(quote, article, mentions)
    assert credit is not None
    assert credit.label == "Tokajevs pressetjeneste"
    assert credit.on_behalf_of == "Kasym-Jomart Tokajev"


def test_a_verb_phrase_is_no_speaker() -> None:
    text = "Da protesterne voksede, sagde regeringen, at undtagelsestilstanden udvides."
    article = make_article("c5", [text], DAY)
    quote = Quote("undtagelsestilstanden udvides", None, "protesterne voksede", 0, kind="reported")
    assert credit_quote(quote, article, []) is None


def test_a_name_that_is_no_mention_and_no_role_is_no_speaker() -> None:
    text = "Samtidig voksede protesterne i Almaty, sagde Uroen i går."
    article = make_article("c6", [text], DAY)
    quote = Quote("protesterne voksede", "Uroen", None, 0)
    assert credit_quote(quote, article, [_mention("Almaty", text)]) is None
    # without entity mentions to check against, a capitalised name is taken as a name
    unchecked = credit_quote(quote, article, [])
    assert unchecked is not None
    assert unchecked.label == "Uroen"


def test_an_organisation_word_is_a_speaker_without_an_entity() -> None:
    text = "Lokale medier rapporterer at flere av dem er bevæpnet."
    article = make_article("c7", [text], DAY, language="nb")
    quote = Quote("flere av dem er bevæpnet", "Lokale medier", None, 0)
    credit = credit_quote(quote, article, [])
    assert credit is not None
    assert credit.label == "Lokale medier"


def test_every_dossier_view_shows_the_credit() -> None:
    text = (
        "En talsmann for Russlands president Vladimir Putin sa at ingen andre land bør gripe inn."
    )
    article = make_article("c8", [text], DAY, language="nb")
    analysis = Analysis(
        "c8",
        entities=(_mention("Vladimir Putin", text),),
        quotes=(
            Quote(
                "ingen andre land bør gripe inn",
                "Vladimir Putin",
                "talsmann for Russlands president",
                0,
                kind="reported",
            ),
        ),
    )
    dossier = consolidate([article], {"c8": analysis}, {})
    label = "talsmann for Russlands president Vladimir Putin"
    quotes: Any = dossier_to_dict(dossier)["quotes"]
    (quote,) = quotes
    assert quote["credit"] == label
    assert quote["speaker"] is None
    assert quote["on_behalf_of"] == "Vladimir Putin"
    assert f"{label}: “ingen andre land" in render_text(dossier)
    assert f"- {label}: “ingen andre land" in render_markdown(dossier)


def test_a_name_the_text_gives_with_its_role_is_a_speaker_without_an_entity() -> None:
    text = "- Vi leder stadig efter dem, siger politiinspektør Anne Holmvik."
    article = make_article("c9", [text], DAY)
    quote = Quote("Vi leder stadig efter dem", "Anne Holmvik", "politiinspektør", 0)
    # the recogniser found a place but not her name; the text names her with her role
    place = EntityMention("Havlit", EntityType.LOCATION, 0, 0, 0)
    credit = credit_quote(quote, article, [place])
    assert credit is not None
    assert credit.label == "Anne Holmvik, politiinspektør"
    elsewhere = Quote("Vi leder stadig efter dem", "Anne Holmvik", "borgmester", 0)
    other = credit_quote(elsewhere, article, [place])
    assert other is not None
    assert other.speaker is None  # the text does not give her name with this role


def test_has_word_is_the_word_bounded_search_it_replaces() -> None:
    import random
    import re

    from newsloom.story.credits import has_word

    letters = ["a", "b", "A", " ", "-", "é", "_", "1", "ø", ".", "ß", "٣", "\u0301"]
    chance = random.Random(7)
    for _ in range(20_000):
        text = "".join(chance.choice(letters) for _ in range(chance.randint(0, 8)))
        part = "".join(chance.choice(letters) for _ in range(chance.randint(0, 3)))
        expected = re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text) is not None
        assert has_word(text, part) == expected, (text, part)
