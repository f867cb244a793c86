from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsloom.normalize.article import normalize
from newsloom.normalize.language import (
    MIN_PARAGRAPH_WORDS,
    _identifier,
    detect_languages,
    guess_language,
    normalize_language_code,
)
from newsloom.records import Article, Paragraph, ParagraphKind, RawDocument

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
NER = SHARED / "data" / "ner"


def seed_articles() -> list[Article]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return [
        detect_languages(normalize(RawDocument(text=path.read_text("utf-8"), origin=str(path))))
        for path in sorted(SEEDS.glob("*.txt"))
    ]


def article_of(*texts: str, language: str | None = None) -> Article:
    paragraphs = tuple(Paragraph(index=i, text=text) for i, text in enumerate(texts))
    return Article(id="a", content_hash="h", title="t", paragraphs=paragraphs, language=language)


def test_seed_languages_are_da_nb_da() -> None:
    assert [article.language for article in seed_articles()] == ["da", "nb", "da"]


def test_seed_tweet_is_english_and_nothing_else_flips() -> None:
    for article in seed_articles():
        for paragraph in article.paragraphs:
            expected = "en" if paragraph.kind is ParagraphKind.SOCIAL_POST else article.language
            assert paragraph.language == expected, paragraph.text


DANISH = (
    "Regeringen har besluttet at hæve afgiften på benzin fra næste år, oplyser ministeriet, der"
    " ikke vil sige noget om, hvor meget prisen vil stige for bilisterne."
)
NYNORSK = (
    "Eg veit ikkje kva ho meinte med det, men dei seier at ho kjem heim frå byen i morgon."
    " Korleis det går vidare, er ikkje godt å seie, sjølv om mange har meint mykje om saka."
)
BOKMAL = (
    "Jeg vet ikke hva hun mente med det, men de sier at hun kommer hjem fra byen i morgen."
    " Hvordan det går videre, er ikke godt å si, selv om mange har ment mye om saken."
)
SWEDISH = (
    "Regeringen har beslutat att höja skatten på bensin från nästa år, meddelar departementet,"
    " som inte vill säga något om hur mycket priset kommer att stiga för bilisterna."
)
ENGLISH = (
    "The government announced on Tuesday that it would raise the tax on petrol next year,"
    " but it did not say how much prices would rise for drivers."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [(DANISH, "da"), (NYNORSK, "nn"), (BOKMAL, "nb"), (SWEDISH, "sv"), (ENGLISH, "en")],
)
def test_guess_language(text: str, language: str) -> None:
    guess = guess_language(text)
    assert guess is not None
    assert guess.language == language


def test_guess_language_of_text_without_words_is_none() -> None:
    assert guess_language("123 — 456 https://example.com/x") is None


def test_short_paragraph_inherits_article_language() -> None:
    article = detect_languages(article_of(DANISH, "Stormet og ramponert", DANISH, "OK thanks"))
    assert article.language == "da"
    assert [p.language for p in article.paragraphs] == ["da"] * 4
    assert len(article.paragraphs[3].text.split()) < MIN_PARAGRAPH_WORDS


def test_foreign_paragraph_keeps_its_language_siblings_do_not_flip() -> None:
    article = detect_languages(article_of(DANISH, ENGLISH, DANISH, BOKMAL))
    assert article.language == "da"
    # English is confidently foreign; Bokmål is a sibling with clear marker words, so it differs
    assert [p.language for p in article.paragraphs] == ["da", "en", "da", "nb"]


def test_article_language_is_majority_of_body_words() -> None:
    article = detect_languages(article_of(ENGLISH, ENGLISH, DANISH))
    assert article.language == "en"
    assert [p.language for p in article.paragraphs] == ["en", "en", "da"]


def test_given_language_is_kept_only_when_text_is_unclear() -> None:
    assert detect_languages(article_of(DANISH, language="nb")).language == "da"
    assert detect_languages(article_of("OK", language="nb")).language == "nb"


@pytest.mark.parametrize(
    ("code", "normalized"),
    [("no", "nb"), ("nb-NO", "nb"), ("nob", "nb"), ("nno", "nn"), ("da_DK", "da"), ("EN", "en")],
)
def test_normalize_language_code(code: str, normalized: str) -> None:
    assert normalize_language_code(code) == normalized
    assert normalize_language_code(None) is None
    assert normalize_language_code(" ") is None


def test_detector_is_loaded_once() -> None:
    detect_languages(article_of(DANISH))
    detect_languages(article_of(BOKMAL))
    assert _identifier.cache_info().currsize == 1


# --- gold: real Danish, Bokmål and Nynorsk sentences --------------------------------------------


def sentences(path: Path) -> Iterator[str]:
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                yield " ".join(tokens)
            tokens = []
        else:
            tokens.append(line.split("\t")[0])
    if tokens:
        yield " ".join(tokens)


GOLD = [
    ("norne-nob/dev.conll", "nb", 0.95),
    ("norne-nno/dev.conll", "nn", 0.92),
    ("danplus-news/dev.tsv", "da", 0.96),
]


def gold_sentences(relative: str) -> list[str]:
    path = NER / relative
    if not path.is_file():
        pytest.skip(f"gold data not found at {path} (see ../shared/data/README.md)")
    return list(sentences(path))


@pytest.mark.gold
@pytest.mark.parametrize(("relative", "language", "floor"), GOLD)
def test_sentence_accuracy_on_gold(relative: str, language: str, floor: float) -> None:
    long = [s for s in gold_sentences(relative) if len(s.split()) >= MIN_PARAGRAPH_WORDS]
    correct = sum(
        1 for s in long if (guess := guess_language(s)) is not None and guess.language == language
    )
    assert correct / len(long) >= floor, f"{language}: {correct}/{len(long)}"


@pytest.mark.gold
@pytest.mark.parametrize(("relative", "language", "floor"), GOLD)
def test_article_accuracy_on_gold(relative: str, language: str, floor: float) -> None:
    """Runs of 8 consecutive sentences as articles: article and paragraph languages."""
    found = gold_sentences(relative)
    runs = [found[start : start + 8] for start in range(0, len(found) - 7, 8)]
    articles = [detect_languages(article_of(*run)) for run in runs]
    assert sum(a.language == language for a in articles) / len(articles) >= 0.99
    paragraphs = [p for a in articles for p in a.paragraphs]
    assert sum(p.language == language for p in paragraphs) / len(paragraphs) >= 0.99


EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "newsloom" / "data" / "example"


def test_example_corpus_languages_match_its_gold() -> None:
    articles_path, gold_path = EXAMPLE / "articles.jsonl", EXAMPLE / "gold.json"
    if not (articles_path.is_file() and gold_path.is_file()):
        pytest.skip(f"example corpus not found at {EXAMPLE}")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["languages"]
    found = {}
    for line in articles_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        document = RawDocument(text=row["text"], origin=row["id"], title=row.get("title"))
        found[row["id"]] = detect_languages(normalize(document)).language  # input language unused
    assert found == {key: value for key, value in gold.items() if key in found}
    assert len(found) >= 40
