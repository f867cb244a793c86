"""Speaker phrases parsed once (#19): ``parse_speaker`` remembers its answers by phrase and by
the names the article gives, in a bounded memory, and answers as it would parse anew."""

from __future__ import annotations

from newsloom.extract.speakers import SPEAKERS_REMEMBERED, _remembered_speaker, parse_speaker

_PHRASE = "leiar i Noregs Mållag Hege Myklebust"


def test_the_names_given_are_part_of_what_is_remembered() -> None:
    _remembered_speaker.cache_clear()
    for _ in range(2):
        named = parse_speaker(_PHRASE, ["Hege Myklebust"])
        plain = parse_speaker(_PHRASE)
        assert named is not None
        assert (named.name, named.role) == ("Hege Myklebust", "leiar i Noregs Mållag")
        assert plain is not None
        assert (plain.name, plain.role, plain.type) == (None, "leiar", "role")
    assert _remembered_speaker.cache_info().hits == 2


def test_a_remembered_answer_is_the_one_parsed_anew() -> None:
    phrases = [
        (_PHRASE, ("Hege Myklebust",)),
        ("Tillerson respecto a los acuerdos", ("Rex Tillerson",)),
        ("Tillerson respecto a los acuerdos", ()),
        ("el portavoz de la Casa Blanca, Sean Spicer", ()),
        ("han", ()),
    ]
    _remembered_speaker.cache_clear()
    for phrase, names in [*phrases, *reversed(phrases)]:
        fresh = _remembered_speaker.__wrapped__(phrase, names)
        assert parse_speaker(phrase, list(names)) == fresh
        assert parse_speaker(phrase, names) == fresh


def test_the_memory_is_bounded() -> None:
    assert _remembered_speaker.cache_info().maxsize == SPEAKERS_REMEMBERED
