"""Figures and quotes in every language with a table (issue 22), and what happens without one."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from newsloom.extract.figures import extract_figures
from newsloom.extract.numbers import find_quantities
from newsloom.extract.quote_speakers import plural_verb
from newsloom.extract.quotes import extract_quotes
from newsloom.extract.resources import (
    QUOTE_FIELDS,
    LanguageTableError,
    describe_resources,
    load_forms,
    load_tables,
    number_words,
    own_words,
    parse_table,
    resources_for,
    table_word_set,
    words_pattern,
)
from newsloom.records import Analysis
from newsloom.store.codec import analysis_from_json, analysis_to_json
from test_figures import article

LANGUAGES = ("da", "nb", "nn", "sv", "en", "de", "fr", "es", "it", "pt", "nl")
SEMEVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "similarity"
SEMEVAL_TRAIN = SEMEVAL / "semeval2022-sample" / "train.csv"

# News-style sentences: (language, paragraphs, figures as (kind, low, qualifier), quotes as
# (start of the quoted text, speaker name or role)).
CASES = [
    (
        "fr",
        [
            "Au moins vingt-trois personnes ont été tuées vendredi à Homs, selon l'Observatoire.",
            "« Nous ne céderons pas », a déclaré le ministre de l'Intérieur, Jean Dupont.",
            "« La situation est très grave », a-t-il ajouté.",
        ],
        [("killed", 23, "at least")],
        [("Nous ne céderons", "Jean Dupont"), ("La situation", "Jean Dupont")],
    ),
    (
        "fr",
        ["Une centaine de manifestants ont été interpellés, selon la police."],
        [("arrested", 100, "about")],
        [],
    ),
    (
        "it",
        [
            "Almeno venti persone sono state uccise negli scontri, secondo fonti mediche.",
            "«Non ci arrenderemo», ha detto il portavoce del governo, Marco Rossi.",
        ],
        [("killed", 20, "at least")],
        [("Non ci arrenderemo", "Marco Rossi")],
    ),
    (
        "it",
        ["Oltre trecento manifestanti sono stati arrestati e una ventina feriti."],
        [("arrested", 300, "more than"), ("injured", 20, "about")],
        [],
    ),
    (
        "pt",
        [
            "Pelo menos vinte pessoas morreram e 50 ficaram feridas, segundo a polícia.",
            '"Não vamos desistir", disse o ministro do Interior, João Silva.',
        ],
        [("killed", 20, "at least"), ("injured", 50, None)],
        [("Não vamos desistir", "João Silva")],
    ),
    (
        "nl",
        [
            "Zeker twintig mensen kwamen om het leven, aldus de politie.",
            '"We geven niet op", zei de woordvoerder.',
            "De minister zei dat meer dan driehonderd demonstranten zijn gearresteerd.",
        ],
        [("killed", 20, "at least"), ("arrested", 300, "more than")],
        [("We geven niet op", "woordvoerder"), ("meer dan driehonderd", "minister")],
    ),
    (
        "de",
        [
            "Mindestens dreiundzwanzig Menschen wurden getötet, sagte die Polizei.",
            "„Wir geben nicht auf“, sagte Innenminister Hans Weber.",
            "„Die Lage ist ernst“, so der Sprecher.",
        ],
        [("killed", 23, "at least")],
        [("Wir geben nicht auf", "Hans Weber"), ("Die Lage ist ernst", "Sprecher")],
    ),
    (
        "es",
        [
            "Al menos veintitrés personas murieron y unos 40 resultaron heridos.",
            "«No vamos a rendirnos», afirmó el portavoz del Gobierno, Luis García.",
        ],
        [("killed", 23, "at least"), ("injured", 40, "about")],
        [("No vamos a rendirnos", "Luis García")],
    ),
    (
        "en",
        [
            "At least twenty-three people were killed, according to the health ministry.",
            "“We will not give up,” said John Smith, the interior minister.",
        ],
        [("killed", 23, "at least")],
        [("We will not give up", "John Smith")],
    ),
    (
        "da",
        ["Mindst otte personer er dræbt.", "- Vi giver ikke op, siger politiinspektør Mette Holm."],
        [("killed", 8, "at least")],
        [("Vi giver ikke op", "Mette Holm")],
    ),
    (
        "nb",
        ["Minst åtte personer er drept.", "- Vi gir oss ikke, sier politimester Kari Nilsen."],
        [("killed", 8, "at least")],
        [("Vi gir oss ikke", "Kari Nilsen")],
    ),
    (
        "nn",
        ["Minst åtte personar er drepne.", "- Vi gir oss ikkje, seier ordførar Ola Vik."],
        [("killed", 8, "at least")],
        [("Vi gir oss ikkje", "Ola Vik")],
    ),
    (
        "sv",
        [
            "Minst åtta personer har dödats.",
            "– Vi ger inte upp, säger polisens talesperson Eva Berg.",
        ],
        [("killed", 8, "at least")],
        [("Vi ger inte upp", "Eva Berg")],
    ),
]


@pytest.mark.parametrize(("language", "paragraphs", "expected_figures", "expected_quotes"), CASES)
def test_figures_and_quotes_per_language(
    language: str,
    paragraphs: list[str],
    expected_figures: list[tuple[str, int, str | None]],
    expected_quotes: list[tuple[str, str]],
) -> None:
    built = article(*paragraphs, language=language)
    found = [(f.kind, f.low, f.qualifier) for f in extract_figures(built)]
    for kind, low, qualifier in expected_figures:
        assert (kind, float(low), qualifier) in found, found
    quotes = extract_quotes(built)
    for opening, speaker in expected_quotes:
        matching = [quote for quote in quotes if quote.text.startswith(opening)]
        assert matching, [quote.text for quote in quotes]
        assert speaker in (matching[0].speaker, matching[0].speaker_role), matching[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_listed_language_has_a_table(language: str) -> None:
    table = resources_for(language)
    assert table is not None
    assert table.quotes.get("verbs"), f"{language}: no reporting verbs"
    assert table.quotes.get("according_to"), f"{language}: no 'according to' words"
    assert describe_resources(language).startswith(f"{language}: language table")


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("fr", "quatre-vingt-dix-sept", 97),
        ("it", "duecentotrenta", 230),
        ("pt", "vinte e três", 23),
        ("nl", "drieëntwintig", 23),
        ("de", "dreiundzwanzig", 23),
        ("es", "veintitrés", 23),
        ("fr", "une vingtaine", 20),
        ("it", "una trentina", 30),
        ("fr", "1 500", 1500),
        ("it", "3 mila", 3000),
        ("es", "11 mil 612", 11612),  # thousands written as a word, then the rest in digits
        ("es", "cinco mil 013", 5013),
    ],
)
def test_number_words_per_language(language: str, text: str, value: int) -> None:
    found = find_quantities(f"Ce sont {text} ici.", language)
    assert [quantity.low for quantity in found if quantity.text == text] == [value]


def test_digits_after_a_larger_magnitude_are_a_number_of_their_own() -> None:
    found = find_quantities("Son 7 millones 300 personas y 2 mil 50 casas.", "es")
    assert [(quantity.text, quantity.low) for quantity in found] == [
        ("7 millones", 7_000_000),
        ("300", 300),
        ("2 mil", 2000),
        ("50", 50),
    ]


def test_spanish_unos_is_a_qualifier_not_the_number_one() -> None:
    found = extract_figures(article("Hubo unos 80 civiles muertos.", language="es"))
    assert [(f.low, f.qualifier) for f in found] == [(80.0, "about")]


def test_a_language_without_a_table_degrades_to_numerals_and_quotation_marks() -> None:
    text = (
        "Při útoku zemřelo 12 lidí a tři byli zraněni.",
        "„Situace je velmi vážná a těžká“, řekl ministr.",
        "- To je citát bez uvozovek, řekl Jan.",
    )
    built = article(*text, language="cs")
    assert all(not figure.text.startswith("tři") for figure in extract_figures(built))
    quotes = extract_quotes(built)
    assert [quote.paragraph for quote in quotes] == [1]  # marks only, no dash quotes
    assert describe_resources("cs") == "cs: no language table; numerals and quotation marks only"


def test_polish_reporting_verbs_name_the_speaker_after_a_quote() -> None:
    # Polish puts the verb first after a quote, with no article before the role (issue 22)
    built = article(
        "W pożarze zginęło 12 osób.",
        "„Sytuacja jest bardzo poważna”, powiedział rzecznik straży Jan Kowalski.",
        "Minister Anna Nowak napisała: „Dziękujemy wszystkim strażakom za ich pracę”.",
        language="pl",
    )
    assert [(f.low, f.kind) for f in extract_figures(built)] == [(12.0, "killed")]
    assert [(q.text, q.speaker) for q in extract_quotes(built)] == [
        ("Sytuacja jest bardzo poważna", "Jan Kowalski"),
        ("Dziękujemy wszystkim strażakom za ich pracę", "Anna Nowak"),
    ]


def test_a_portuguese_form_does_not_become_an_english_cue() -> None:
    # "more" is a form of Portuguese "morrer": cues come from the article's own table only
    found = extract_figures(article("Thousands of elderly people of more than 80.", language="en"))
    assert found == ()


def test_analysis_records_the_resources_used() -> None:
    analysis = Analysis("a1", extraction_resources=describe_resources("fr"))
    assert analysis_from_json(analysis_to_json(analysis)) == analysis
    assert "fr.toml" in analysis.extraction_resources


def test_words_pattern_matches_forms_stems_phrases_and_elision() -> None:
    pattern = re.compile(words_pattern(["tué", "blessé*", "trouvé la mort", "qu'"]), re.I)
    assert pattern.fullmatch("tué")
    assert pattern.fullmatch("blessées")
    assert pattern.fullmatch("trouvé  la mort")
    assert pattern.match("qu’il")
    assert not pattern.match("tuéx")
    assert words_pattern([]) == "(?!)"


def test_a_malformed_table_is_named_with_its_field() -> None:
    with pytest.raises(LanguageTableError, match=r"xx\.toml: numbers\.engine is 'abacus'"):
        parse_table("xx", {"numbers": {"engine": "abacus"}}, "xx.toml")
    with pytest.raises(LanguageTableError, match=r"pl\.toml: text2num does not cover 'pl'"):
        parse_table("pl", {"numbers": {"engine": "text2num"}}, "pl.toml")
    with pytest.raises(LanguageTableError, match=r"qualifier 'roughly'"):
        parse_table("xx", {"qualifiers": {"roughly": ["circa"]}}, "xx.toml")
    with pytest.raises(LanguageTableError, match=r"quotes\.verb is not a known field"):
        parse_table("xx", {"quotes": {"verb": ["dire"]}}, "xx.toml")


def test_docs_describe_every_quotes_field() -> None:
    """A contributor adding a language learns every field from docs/languages.md (issue 22)."""
    docs = (Path(__file__).resolve().parents[1] / "docs" / "languages.md").read_text("utf-8")
    for name in (*QUOTE_FIELDS, "or_words", "joiners"):
        assert re.search(rf"^{name} = ", docs, re.MULTILINE), f"{name} not in docs/languages.md"


def test_grammar_words_come_from_each_languages_table() -> None:
    """Words of grammar are fields of the tables (issue 22): a union for the shared rules, the
    article's own table for endings."""
    table = parse_table(
        "xx",
        {
            "numbers": {"or_words": ["Ili"], "joiners": ["i"]},
            "quotes": {"plural_endings": ["ju"], "relative_pronouns": ["koji"]},
        },
        "xx.toml",
    )
    assert table.or_words == ("ili",)
    assert table.joiners == ("i",)
    assert table.quotes["plural_endings"] == ("ju",)
    assert {"som", "who", "quienes"} <= table_word_set("relative_pronouns")
    assert "eller" in number_words("or_words")
    assert "und" in number_words("joiners")
    assert {"an", "en", "ron"} <= set(own_words("es", "plural_endings"))
    assert own_words("en", "plural_endings") == ()
    assert own_words("no", "reflexives") == ("seg",)  # "no" reads the Bokmål table
    assert own_words(None, "reflexives") == own_words("cs", "reflexives") == ()
    assert plural_verb("Afirman", "es")
    assert plural_verb("dicono", "it")
    assert not plural_verb("afirman", "en")
    assert not plural_verb("afirman", None)


def test_forms_file_matches_the_tables() -> None:
    """forms.json holds only words still in the tables (scripts/build_language_forms.py)."""
    forms = load_forms()
    for code, table in load_tables().items():
        words = {
            *(word for entries in table.kinds.values() for word in entries),
            *(word for entries in table.subjects.values() for word in entries),
            *table.quotes.get("verbs", ()),
            *table.quotes.get("person_nouns", ()),
        }
        stale = set(forms.get(code, {})) - words
        assert not stale, f"{code}: forms.json is stale ({sorted(stale)[:5]}); rebuild it"
    assert forms["fr"]["tuer"]  # the French verb's forms are there


def _semeval_text(pair_id: str) -> tuple[str, str]:
    if not SEMEVAL_TRAIN.exists():
        pytest.skip(f"SemEval sample not found at {SEMEVAL_TRAIN} (see ../shared/data/README.md)")
    with SEMEVAL_TRAIN.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["pair_id"] == pair_id:
                return row["lang1"], row["text1"]
    pytest.skip(f"pair {pair_id} not in {SEMEVAL_TRAIN}")


def _paragraphs(text: str) -> list[str]:
    return [part for part in re.split(r"\n+", text) if part.strip()]


@pytest.mark.gold
@pytest.mark.parametrize(
    ("pair_id", "kind", "low"),
    [
        ("1515971688_1516167923", "evacuated", 100),  # "Une centaine de personnes évacuées"
        ("1595260108fr_1595666306fr", "killed", 474),  # "474 décès"
        ("1484034951it_1483994327it", "arrested", 1),  # "un uomo è stato arrestato"
    ],
)
def test_real_semeval_figures(pair_id: str, kind: str, low: int) -> None:
    language, text = _semeval_text(pair_id)
    found = extract_figures(article(*_paragraphs(text), language=language))
    assert (kind, float(low)) in [(f.kind, f.low) for f in found]


@pytest.mark.gold
@pytest.mark.parametrize(
    ("pair_id", "speaker"),
    [
        ("1504049959_1546218716", "Emmanuel Macron"),
        ("1532982474it_1528734781it", "Joe Rogan"),
    ],
)
def test_real_semeval_quotes_get_their_speaker(pair_id: str, speaker: str) -> None:
    language, text = _semeval_text(pair_id)
    quotes = extract_quotes(article(*_paragraphs(text), language=language))
    assert speaker in [quote.speaker for quote in quotes]


def test_tables_are_valid_toml_with_known_fields() -> None:
    folder = Path(__file__).resolve().parents[1] / "src" / "newsloom" / "extract" / "languages"
    codes = {path.stem for path in folder.glob("*.toml")}
    assert set(LANGUAGES) <= codes
    assert json.loads((folder / "forms.json").read_text(encoding="utf-8"))


def test_a_relative_clause_speaker_is_its_antecedent() -> None:
    built = article(
        "Selon l'agence, l'ambassadrice Luz Elena Rivas, qui a souligné que la réélection était "
        "regrettable, a quitté la salle.",
        language="fr",
    )
    quotes = extract_quotes(built)
    assert [(q.speaker, q.speaker_role) for q in quotes] == [("Luz Elena Rivas", "ambassadrice")]


def test_a_left_out_subject_is_the_last_speaker() -> None:
    built = article(
        "Il colonnello Ronald Lao, comandante della stazione di polizia, ha detto che la città è "
        "calma.",
        "Ha aggiunto che le forze schierate resteranno fino a domenica.",
        language="it",
    )
    assert [q.speaker for q in extract_quotes(built)] == ["Ronald Lao", "Ronald Lao"]


def test_a_gerund_is_not_a_reporting_verb() -> None:
    built = article(
        "Nadal ha pubblicato la foto sulla sua pagina, dicendo che era il modo perfetto.",
        language="it",
    )
    assert [q.speaker for q in extract_quotes(built)] in ([], ["Nadal"])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le conflit de 2010-2011 a fait des morts."),
        ("es", "Entre 1984 y 2014 ha muerto mucha gente."),
        ("it", "Mario Rossi (19) è morto in ospedale."),
        ("fr", "2020 : l'homme décédé identifié."),
    ],
)
def test_years_and_bracketed_ages_are_not_counts(language: str, text: str) -> None:
    assert extract_figures(article(text, language=language)) == ()


def test_per_names_a_source_in_english_only() -> None:
    english = extract_figures(article("Five people were killed, per the ministry.", language="en"))
    assert [f.attributed_to for f in english] == ["ministry"]
    italian = extract_figures(
        article("Quasi 300 poliziotti sono stati schierati per la visita.", language="it")
    )
    assert [f.attributed_to for f in italian] == [None]


@pytest.mark.parametrize(
    ("language", "text", "source"),
    [
        (
            "fr",
            "Une cinquantaine d'opposants ont été arrêtés, a indiqué Human Rights Watch.",
            "Human Rights Watch",
        ),
        (
            "it",
            "Oltre 200 persone sono state arrestate, riferisce Amnesty International.",
            "Amnesty International",
        ),
        ("nl", "Zeker twintig mensen zijn gearresteerd, meldde de politie.", "politie"),
    ],
)
def test_a_source_after_the_tables_verbs(language: str, text: str, source: str) -> None:
    found = extract_figures(article(text, language=language))
    assert [f.attributed_to for f in found] == [source]


def test_one_protester_is_a_speaker_not_a_crowd() -> None:
    built = article("« Le régime doit partir », a lancé un manifestant.", language="fr")
    assert extract_figures(built) == ()


def test_the_medium_told_is_not_the_speakers_role() -> None:
    built = article(
        "« Nous irons jusqu'au bout », a affirmé à l'AFP Ahmed Ben Ali, un militant.", language="fr"
    )
    # the apposition after the name is his role, as in "Dmitrij Peskov, talsmann for presidenten"
    assert [(q.speaker, q.speaker_role) for q in extract_quotes(built)] == [
        ("Ahmed Ben Ali", "militant")
    ]


def test_the_paper_told_and_prepositions_end_a_speaker_phrase() -> None:
    built = article(
        "„Wir haben jetzt neun Jahre Chaos“, sagte Ahlhaus der „Welt“.",
        "„Wir müssen das Ergebnis verarbeiten“, sagte Fraktionschef André Trepoll über die Wahl.",
        language="de",
    )
    assert [(q.speaker, q.speaker_role) for q in extract_quotes(built)] == [
        ("Ahlhaus", None),
        ("André Trepoll", "Fraktionschef"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("es", "—No vamos a rendirnos —dijo el ministro del Interior, Luis García.", "Luis García"),
        ("fr", "- Nous ne céderons pas, a déclaré le ministre Jean Dupont.", "Jean Dupont"),
    ],
)
def test_dash_quotes_with_an_auxiliary_or_a_spanish_dash(
    language: str, text: str, speaker: str
) -> None:
    quotes = extract_quotes(article(text, language=language))
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", speaker)]


def test_a_verb_without_its_subject_after_a_quote_is_the_last_speaker() -> None:
    built = article(
        "«Hay un millón de personas», comenta Hicham, uno de los voluntarios.",
        "«No vamos a cansarnos», explica.",
        language="es",
    )
    assert [q.speaker for q in extract_quotes(built)] == ["Hicham", "Hicham"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "At least 25 people were killed, 50 were injured."),
        ("da", "Mindst 25 mennesker omkom, 50 blev såret."),
        ("de", "Mindestens 25 Menschen kamen ums Leben, 50 wurden verletzt."),
        ("es", "Al menos 25 personas han muerto, 50 han resultado heridas."),
    ],
)
def test_a_count_after_a_comma_takes_the_cue_of_its_own_clause(language: str, text: str) -> None:
    found = extract_figures(article(text, language=language))
    assert [(f.kind, f.low) for f in found] == [("killed", 25.0), ("injured", 50.0)]


def test_a_cue_before_a_comma_still_counts_with_none_after_the_number() -> None:
    found = extract_figures(
        article("Seven people were killed, 50 of them children.", language="en")
    )
    assert [(f.kind, f.low) for f in found] == [("killed", 7.0), ("killed", 50.0)]


@pytest.mark.parametrize(
    ("language", "text", "kind"),
    [
        ("de", "Dabei kamen vier oder fünf Personen zu Schaden.", "injured"),
        ("nb", "Fire eller fem personer ble skadd.", "injured"),
        ("en", "Four or five people were killed.", "killed"),
    ],
)
def test_four_or_five_is_a_range(language: str, text: str, kind: str) -> None:
    found = extract_figures(article(text, language=language))
    assert [(f.kind, f.low, f.high) for f in found] == [(kind, 4.0, 5.0)]


def test_a_spanish_estimate_verb_names_the_figures_source() -> None:
    found = extract_figures(
        article(
            "Un informe de la comisión cifra en 685 los muertos durante la revuelta.",
            language="es",
        )
    )
    assert [(f.kind, f.low) for f in found] == [("killed", 685.0)]
    assert found[0].attributed_to is not None
    assert "comisión" in found[0].attributed_to  # the report's owner (account_nouns "informe")


def test_a_bare_article_or_demonstrative_is_no_source() -> None:
    found = extract_figures(article("Esta calcula que 20 personas han muerto.", language="es"))
    assert [f.attributed_to for f in found] == [None]
