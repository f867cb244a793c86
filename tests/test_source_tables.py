"""The word lists the figure-source patterns read are fields of the language tables (issue 22):
a contributor extends ``source_verbs``, ``opening_adverbs``, ``not_sources``, ``source_articles``,
``next_sentence_openers``, ``next_sentence_phrases`` and ``statement_verbs`` for a new language,
not ``attribution.py`` or ``source_names.py``."""

from __future__ import annotations

from newsloom.extract.attribution import next_sentence_sources, sources_in
from newsloom.extract.resources import table_words
from newsloom.extract.source_names import NOT_SOURCES, clean_source


def test_words_that_name_no_source_are_the_tables() -> None:
    for field in ("not_sources", "opening_adverbs"):
        assert table_words(field)
        assert set(table_words(field)) <= NOT_SOURCES
    assert clean_source("han", "da") is None
    assert clean_source("dessutom", "sv") is None


def test_source_patterns_read_the_tables_words() -> None:
    assert "oplyser" in table_words("source_verbs")
    assert [s.name for s in sources_in("Desuden oplyser politiet, at tre er døde.", "da")] == [
        "politiet"
    ]
    assert [s.name for s in sources_in("Tres personas murieron, dijo el ministro.", "es")] == [
        "ministro"
    ]
    assert next_sentence_sources("Det fremgår af en rapport fra Røde Kors.", "da")
    assert next_sentence_sources("Det opplyser politiet i Oslo.", "nb") == ["politiet"]
    assert [
        s.name for s in sources_in("To er døde, heter det i en pressemelding fra politiet.", "nb")
    ] == ["politiet"]
    assert clean_source("en talsmand for politiet", "da") == "talsmand for politiet"
