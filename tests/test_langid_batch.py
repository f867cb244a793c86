"""The batched language detector equals py3langid to the last bit, and its guesses the plain ones.

``BatchScorer`` rests on one property of py3langid's byte automaton (it forgets all but the last
``WINDOW`` bytes), checked here over every state; its scores are compared bit for bit with
py3langid's on generated text, and the guesses and article languages with the plain detector's
on real paragraphs from ../shared/data (skipped, saying so, when that is absent).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import numpy as np
import pytest

from conftest import GOLD_DATA
from newsloom.entities.conll import read_conll
from newsloom.normalize import language
from newsloom.normalize.langid_batch import RESET, WINDOW, BatchScorer, batch_scorer
from newsloom.normalize.language import (
    _identifier,
    _scorer,
    detect_languages,
    guess_languages,
    plain_guess_language,
)
from newsloom.records import Article, Paragraph


def scorer() -> BatchScorer:
    found = _scorer()
    assert found is not None, "py3langid's identifier failed the batch scorer's self-check"
    return found


def test_automaton_forgets_all_but_the_last_window_bytes() -> None:
    """From any state, any WINDOW bytes lead where they lead from the start: pairs of (state
    from anywhere, state from the start) that still differ die out within WINDOW bytes."""
    identifier = _identifier()
    nextmove = np.asarray(identifier.tk_nextmove)
    rowbase = np.asarray(identifier._rowbase, dtype=np.int64)
    states = len(rowbase)
    anywhere = np.arange(states, dtype=np.int64)
    start = np.zeros(states, dtype=np.int64)
    for _ in range(WINDOW):
        keys = []
        for first in range(0, 256, 32):
            byte = np.arange(first, first + 32)
            a = nextmove[rowbase[anywhere][:, None] + byte].ravel().astype(np.int64)
            b = nextmove[rowbase[start][:, None] + byte].ravel().astype(np.int64)
            differ = a != b
            keys.append(np.unique(a[differ] * states + b[differ]))
        pairs = np.unique(np.concatenate(keys))
        anywhere, start = pairs // states, pairs % states
    assert len(anywhere) == 0
    assert scorer().forgets()  # and RESET sends every state to a start that counts nothing
    assert RESET not in range(32, 127)


MIXED_WORDS = (
    "regeringen ikke ikkje blev ble vart af av och inte the of and said el la de los que"
    " der die und nicht Президент заявил что переговоры 北京 政府 المتحدة الحكومة ελληνική"
    " København Tromsø Göteborg Ærø ÅLAND æøå ÆØÅ straße cañón naïve"
    " https://example.com/a?b=1 @newsloom #valg 2024 12,5 % – — « » ‘ ’"
)


def generated_texts(count: int, seed: int = 19) -> list[str]:
    """Mixed text: words of several scripts and languages, cases, digits, links, odd bytes."""
    rng = random.Random(seed)
    words = MIXED_WORDS.split()
    texts = ["", " ", "123 456", "A", "\x00", "a\x00b", "ÆØÅ ÆØÅ ÆØÅ", "\ud800 broken"]
    for _ in range(count):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 60)))
        if rng.random() < 0.15:
            text = text.upper()
        if rng.random() < 0.1:
            text = text.replace(" ", "\n")
        texts.append(text)
    return texts


def test_batch_scores_are_py3langid_scores_to_the_bit() -> None:
    identifier = _identifier()
    texts = generated_texts(600)
    batched = scorer().scores(texts)
    for text, row in zip(texts, batched, strict=True):
        assert np.array_equal(row, identifier._decide(text)), text
    for size in (1, 2, 7):  # batches of other sizes give the same rows
        for start in range(0, 60, size):
            chunk = texts[start : start + size]
            assert np.array_equal(scorer().scores(chunk), batched[start : start + len(chunk)])


def test_scorer_declines_an_identifier_it_was_not_checked_on() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    raw = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    assert batch_scorer(raw) is None
    assert batch_scorer(object()) is None


def real_paragraphs(data: Path, per_source: int = 700) -> list[str]:
    """Real paragraphs and sentences of several languages from ../shared/data."""
    rng = random.Random(19)
    found: list[str] = []

    def sample(texts: list[str]) -> None:
        found.extend(rng.sample(texts, min(per_source, len(texts))))

    for name in ("norne-nob/dev.conll", "norne-nno/dev.conll", "danplus-news/dev.tsv"):
        sample([" ".join(sentence.words) for sentence in read_conll(data / "ner" / name)])
    crisis = sorted((data / "timelines" / "ml-crisis" / "es").glob("*/*/*.txt"))
    lines = [line for path in crisis[:150] for line in path.read_text("utf-8").splitlines()]
    sample([line for line in lines if len(line.split()) >= 3])
    with (data / "similarity" / "semeval2022-sample" / "train.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    sample([part for row in rows for part in row["text1"].split("\n") if part.strip()])
    with (data / "clustering" / "uci-headlines" / "dev.csv").open(encoding="utf-8") as file:
        sample([row["TITLE"] for row in csv.DictReader(file)])
    return found


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    if not GOLD_DATA.is_dir():
        pytest.skip(f"real paragraphs not found at {GOLD_DATA} (see ../shared/data/README.md)")
    return real_paragraphs(GOLD_DATA)


def test_batched_guesses_are_the_plain_detectors_on_real_paragraphs(
    paragraphs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(language, "_GUESSES", {})
    for start in range(0, len(paragraphs), 40):  # batches of article size
        chunk = paragraphs[start : start + 40]
        for text, guess in zip(chunk, guess_languages(chunk), strict=True):
            assert guess == plain_guess_language(text), text


def articles_of(texts: list[str], seed: int) -> list[Article]:
    """Articles of 1 to 9 paragraphs drawn from ``texts`` (languages mixed), some with a hint."""
    rng = random.Random(seed)
    articles = []
    for number in range(300):
        chosen = [rng.choice(texts) for _ in range(rng.randint(1, 9))]
        chosen += chosen[:1] if rng.random() < 0.2 else []  # a paragraph repeated
        paragraphs = tuple(Paragraph(index=i, text=text) for i, text in enumerate(chosen))
        hint = rng.choice((None, None, "da", "nb", "nn", "en", "es"))
        articles.append(
            Article(
                id=str(number), content_hash="h", title="t", paragraphs=paragraphs, language=hint
            )
        )
    return articles


def languages(articles: list[Article]) -> list[tuple[str | None, list[str | None]]]:
    detected = [detect_languages(article) for article in articles]
    return [(a.language, [p.language for p in a.paragraphs]) for a in detected]


def plain_and_batched(
    articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> tuple[list[tuple[str | None, list[str | None]]], list[tuple[str | None, list[str | None]]]]:
    monkeypatch.setattr(language, "_GUESSES", {})
    batched = languages(articles)
    monkeypatch.setattr(language, "_scorer", lambda: None)  # py3langid one text at a time
    return languages(articles), batched


def test_article_languages_are_the_plain_detectors_on_real_paragraphs(
    paragraphs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain, batched = plain_and_batched(articles_of(paragraphs, 19), monkeypatch)
    assert batched == plain


def test_article_languages_are_the_plain_detectors_on_generated_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain, batched = plain_and_batched(articles_of(generated_texts(400, seed=7), 23), monkeypatch)
    assert batched == plain


def test_remembered_guesses_are_the_guesses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_GUESSES", {})
    monkeypatch.setattr(language, "GUESS_CACHE_SIZE", 3)
    texts = generated_texts(12, seed=3)[8:]
    first = guess_languages(texts + texts)
    assert len(language._GUESSES) == 3
    assert guess_languages(texts) == first[: len(texts)] == first[len(texts) :]
    assert first == [plain_guess_language(text) for text in texts + texts]
