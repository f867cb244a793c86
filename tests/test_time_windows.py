"""Time patterns searched from a little before their gate's first find, and the "ago" phrases
picked by their longest word first (issue 19): the same matches as searching every paragraph
from its start and testing every word of every phrase."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from newsloom.extract.date_words import languages_for
from newsloom.extract.time_patterns import (
    LEADS,
    KeyedGate,
    WordGate,
    _ago_alternative,
    ago_finditer,
    lexicon_for,
    words_of,
)
from newsloom.extract.times import _matches

TEXTS = [
    "El Gobierno aprobó el martes 4 de enero de 2022 un decreto, y el pasado lunes lo anunció.",
    "La reunión, prevista para el próximo viernes por la tarde, se aplazó hasta marzo de 2023.",
    "Hace tres días el ministro dijo que dentro de dos semanas habrá elecciones; ayer lo negó.",
    "El 03/10/2014 y el 2014-10-03 se firmó; desde 2010 el acuerdo, en 1999 el primero.",
    "Regjeringen la natt til torsdag fram budsjettet, og sent onsdag kveld var det klart.",
    "I tisdags kväll möttes de, och i går kväll igen; för två veckor sedan i förrgår.",
    "On Tuesday night, three days ago, the minister said that last Friday and January 4, 2022.",
    "Le 4 mars, hier soir et ce matin: depuis 2019, il y a trois jours, lundi prochain.",
    "Am kommenden Montag, gestern Abend und heute Morgen; seit 2015, vor zwei Wochen.",
    # characters ``re`` matches to a letter without case that lower into another (or two)
    "El ſábado y el martes; deſde 2019 el Martes 3 de enero.",
    "El ſábado 3 de enero llegó, y el sábado 10 de enero se fue.",
    "KASIM ayında, 3 Kasım 2021 ve Salı günü; İstanbul'da 12 Mart.",
    "İn March 2020 and on Tuesday, 4 March: ıt was late Monday.",
]


def _plain_matches(text: str, lexicon: Any) -> list[tuple[str, int, int, str]]:
    """The patterns searched from the paragraph's start, each behind its gate as before."""
    starts: list[tuple[int, int]] = []
    found = []
    lowered = text.lower()
    for name, pattern in lexicon.patterns:
        gate = lexicon.gates.get(name)
        if gate is not None:
            if isinstance(gate, KeyedGate):
                gate = gate.pattern  # the phrases' pattern alone
            opened = (
                gate.opens(words_of(lowered))
                if isinstance(gate, WordGate)
                else gate.search(lowered) is not None
            )
            if not opened:
                continue
        matches = ago_finditer(text, lowered, lexicon) if name == "ago" else pattern.finditer(text)
        for match in matches:
            if match.end() == match.start():
                continue
            if any(s < match.end() and match.start() < e for s, e in starts):
                continue
            starts.append((match.start(), match.end()))
            found.append((name, match.start(), match.end(), match.group(0)))
    return sorted(found, key=lambda item: item[1])


@pytest.mark.parametrize("language", ["es", "nb", "sv", "en", "fr", "de", "tr", None])
def test_windowed_matches_are_the_plain_ones(language: str | None) -> None:
    lexicon = lexicon_for(languages_for(language))
    generator = random.Random(19)
    texts = list(TEXTS)
    for _ in range(300):  # the sentences' words shuffled, so phrases fall at every distance
        words = " ".join(TEXTS[generator.randrange(len(TEXTS))] for _ in range(2)).split()
        generator.shuffle(words)
        texts.append(" ".join(words))
    for text in texts:
        got = [(n, m.start(), m.end(), m.group(0)) for n, m in _matches(text, lexicon)]
        assert got == _plain_matches(text, lexicon), text


def test_relative_phrases_are_keyed_by_a_word_of_each() -> None:
    lexicon = lexicon_for(languages_for("es"))
    gate = lexicon.gates["relative"]
    assert isinstance(gate, KeyedGate)
    assert gate.search("el acuerdo se firmó ayer por la noche")
    assert gate.search("the day before yesterday, it rained")
    assert not gate.search("el acuerdo se firmó en la capital")
    assert not gate.search("ayeres y hoyos")  # the key stands, but not as a phrase


def test_time_examples_are_found() -> None:
    lexicon = lexicon_for(languages_for("es"))
    found = [(name, m.group(0)) for name, m in _matches(TEXTS[0], lexicon)]
    assert ("day_month", "4 de enero de 2022") in found
    assert ("weekday", "el pasado lunes") in found


def test_leads_cover_what_a_match_holds_before_its_gated_word() -> None:
    from re import _parser  # type: ignore[attr-defined]

    lexicon = lexicon_for(languages_for("es"))
    groups = {"night_to": "weekday", "weekday_sv_past": "weekday", "weekday": "weekday"}
    groups |= dict.fromkeys(("day_month", "month_day", "month_year"), "month")
    groups |= dict.fromkeys(("iso", "numeric", "year"), "year")
    for name, pattern in lexicon.patterns:
        if name not in LEADS:
            continue
        if name == "relative":
            assert pattern.pattern.startswith("(?<!\\w)(?:")  # the phrase opens the match
            continue
        before = pattern.pattern.split(f"(?P<{groups[name]}>")[0]
        widest = _parser.parse(before, re.IGNORECASE).getwidth()[1]
        assert widest <= LEADS[name], name


def test_ago_examples_are_found() -> None:
    lexicon = lexicon_for(languages_for("es"))
    text = "Hace tres días lo dijo, y lo repetirá dentro de dos semanas; in 3 weeks' time."
    lowered = text.lower()
    found = [m.group(0) for m in ago_finditer(text, lowered, lexicon, words_of(lowered))]
    assert found == ["Hace tres días", "dentro de dos semanas", "in 3 weeks"]  # the first in order


@pytest.mark.parametrize("language", ["es", "en", "da", "fr", "ru"])
def test_ago_alternatives_picked_by_their_longest_word(language: str) -> None:
    languages = languages_for(language)
    lexicon = lexicon_for(languages)
    generator = random.Random(7)
    vocabulary = sorted(
        {word for _, words in lexicon.ago for word in words}
        | {"3", "tres", "x", "3days", "ſemanas", "İn", "años-luz", "weeks'"}
    )
    fixed = [
        "hace 3 ſemanas, las semanasx",
        "hace 3 ſemanas",
        "İn 3 days",
        "in 3 dayſ",
        "for 3 dage siden",
        "3 days ago",
    ]
    randoms = [
        " ".join(generator.choice(vocabulary) for _ in range(generator.randrange(1, 6)))
        for _ in range(500)
    ]
    for text in [*fixed, *randoms]:
        lowered = text.lower()
        every = [
            index
            for index, (_, words) in enumerate(lexicon.ago)
            if all(word in lowered for word in words)
        ]
        patterns = [_ago_alternative(languages, index) for index in every]
        plain = []
        position = 0
        while patterns and position <= len(text):
            best = None
            for pattern in patterns:
                found = pattern.search(text, position)
                if found is not None and (best is None or found.start() < best.start()):
                    best = found
            if best is None:
                break
            plain.append(best.span())
            position = best.end() if best.end() > best.start() else best.start() + 1
        assert [m.span() for m in ago_finditer(text, lowered, lexicon)] == plain, text
        # picked by the paragraph's words instead of substrings: the same matches
        by_words = ago_finditer(text, lowered, lexicon, words_of(lowered))
        assert [m.span() for m in by_words] == plain, text
