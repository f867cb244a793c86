"""The fast story terms and rule entities equal the plain loops they replaced (issue 19).

The references below are the earlier code, kept here only to compare: every token visited, the
sentence start of every capitalised word tested, the backtracking token pattern.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsloom.assign import features
from newsloom.assign.features import (
    _CJK,
    _TOKEN,
    LEAD_WEIGHT,
    MAX_BODY_TOKENS,
    NAME_WEIGHT,
    TITLE_WEIGHT,
    _cjk_bigrams,
    _is_sentence_start,
    _is_title_case,
    _number_digits,
    article_features,
    mid_sentence_name_keys,
    name_key,
    sublinear,
    text_features,
    word_key,
)
from newsloom.entities import rules
from newsloom.entities.conll import Span
from newsloom.normalize.article import normalize
from newsloom.normalize.language import detect_languages
from newsloom.records import Article, ParagraphKind, RawDocument

EXAMPLE = Path(__file__).resolve().parents[1] / "src/newsloom/data/example/articles.jsonl"
OLD_RULE_TOKEN = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?|\d+(?:[.,]\d+)*|\S", re.UNICODE)

# letters of several scripts and cases, digits, joiners, punctuation and spaces of every kind
ALPHABET = st.sampled_from(
    list("aAbBéÉßØøİıǅ²Ⅷ Ⓐ")
    + list("0123456789")
    + list("'’-.,;:!?«»\"()@#\n\t \u00a0\u2003")
    + list("東京한국")
    + ["\u0301"]
)
TEXTS = st.text(ALPHABET, max_size=80)


def _reference_mid_sentence(texts: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for text in texts:
        if _is_title_case(text):
            continue
        for match in _TOKEN.finditer(text):
            token = match.group()
            if (
                token[0].isupper()
                and len(token) > 1
                and not _is_sentence_start(text, match.start())
            ):
                keys.add(name_key(token))
    return keys


def _reference_text_features(
    text: str,
    language: str | None,
    *,
    weight: float = 1.0,
    names: Iterable[str] = (),
    into: dict[str, float] | None = None,
    max_tokens: int | None = None,
) -> dict[str, float]:
    counts = {} if into is None else into
    known_names = set(names)
    title_case = _is_title_case(text)
    for number, match in enumerate(_TOKEN.finditer(text)):
        if max_tokens is not None and number >= max_tokens:
            break
        token = match.group()
        if token[0].isdigit():
            digits = _number_digits(token)
            if len(digits) >= 2:
                key = "#" + digits.lstrip("0")
                counts[key] = counts.get(key, 0.0) + weight
            continue
        if _CJK.search(token):
            for key in _cjk_bigrams(token):
                counts[key] = counts.get(key, 0.0) + weight
            continue
        if token[0].isupper() and len(token) > 1:
            key = name_key(token)
            shouting = token.isupper()
            if key in known_names or (
                not title_case and (shouting or not _is_sentence_start(text, match.start()))
            ):
                name = "n:" + key
                counts[name] = counts.get(name, 0.0) + weight * NAME_WEIGHT
        found = word_key(token.lower(), language)
        if found is not None:
            counts[found] = counts.get(found, 0.0) + weight
    return counts


def _reference_tokenize(text: str) -> list[tuple[str, int, int]]:
    tokens: list[tuple[str, int, int]] = []
    for match in OLD_RULE_TOKEN.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if len(word) > 1 and word.endswith("."):
            tokens.append((word[:-1], start, end - 1))
            tokens.append((".", end - 1, end))
        else:
            tokens.append((word, start, end))
    return tokens


def _reference_find_spans(words: list[str], language: str) -> list[Span]:
    spans: list[Span] = []
    index = 0
    count = len(words)
    while index < count:
        word = words[index]
        if not rules._capitalised(word) or (index > 0 and words[index - 1] in ("@", "#")):
            index += 1
            continue
        end = index + 1
        while end < count:
            if rules._capitalised(words[end]):
                end += 1
            elif (
                words[end] in rules._CONNECTORS
                and end + 1 < count
                and rules._capitalised(words[end + 1])
            ):
                end += 2
            else:
                break
        start = index
        sentence_start = index == 0 or words[index - 1] in rules._SENTENCE_END
        titled = False
        while start < end and (
            words[start].lower() in rules._PERSON_TITLES
            or (titled and words[start].lower() in rules._TITLE_QUALIFIERS)
            or (start == index and sentence_start and rules._common_word(words[start], language))
        ):
            titled = titled or words[start].lower() in rules._PERSON_TITLES
            start += 1
        while start < end and words[end - 1].lower() in rules._NOT_NAMES:
            end -= 1
        if start < end and not (end - start == 1 and words[start].lower() in rules._NOT_NAMES):
            before = words[start - 1] if start > 0 else None
            spans.append(Span(start, end, rules._label(tuple(words[start:end]), before)))
        index = max(end, index + 1)
    return spans


def _example_articles() -> list[Article]:
    articles = []
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        raw = RawDocument(text=record["text"], origin="example", title=record.get("title"))
        articles.append(detect_languages(normalize(raw)))
    return articles


def _example_texts() -> list[tuple[str | None, str]]:
    texts: list[tuple[str | None, str]] = []
    for article in _example_articles():
        texts.append((article.language, article.title))
        texts.extend((p.language or article.language, p.text) for p in article.paragraphs)
    return texts


def _reference_article_features(article: Article) -> dict[str, float]:
    """``article_features`` as it was (without entities), on the reference loops."""
    body = [p for p in article.paragraphs if p.kind in (ParagraphKind.BODY, ParagraphKind.HEADING)]
    body = body or list(article.paragraphs)
    names = _reference_mid_sentence([article.title, *(p.text for p in body)])
    counts = _reference_text_features(
        article.title, article.language, weight=TITLE_WEIGHT, names=names
    )
    budget = MAX_BODY_TOKENS
    for position, paragraph in enumerate(body):
        if budget <= 0:
            break
        if position == 0 and paragraph.text.strip() == article.title.strip():
            continue
        before = len(counts)
        _reference_text_features(
            paragraph.text,
            paragraph.language or article.language,
            weight=LEAD_WEIGHT if position == 0 else 1.0,
            names=names,
            into=counts,
            max_tokens=budget,
        )
        budget -= max(len(paragraph.text.split()), len(counts) - before)
    return sublinear(counts)


@settings(max_examples=400, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=3))
def test_capitalised_tokens_are_those_of_the_plain_scan(texts: list[str]) -> None:
    assert mid_sentence_name_keys(texts) == _reference_mid_sentence(texts)
    for text in texts:
        expected = [(m.start(), m.group()) for m in _TOKEN.finditer(text) if m.group()[0].isupper()]
        found = [(m.start(), m.group()) for m in features._capitalised().finditer(text)]
        assert found == expected


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["es", "en", "da", None]), st.none() | st.integers(0, 12))
def test_text_features_equal_the_plain_loop(
    text: str, language: str | None, max_tokens: int | None
) -> None:
    names = mid_sentence_name_keys([text]) | {"ab", "aaaa"}
    fast = text_features(text, language, weight=1.5, names=names, max_tokens=max_tokens)
    slow = _reference_text_features(text, language, weight=1.5, names=names, max_tokens=max_tokens)
    assert list(fast.items()) == list(slow.items())  # the same keys in the same order


def test_example_corpus_terms_equal_the_plain_loop() -> None:
    texts = _example_texts()
    names = _reference_mid_sentence(text for _, text in texts)
    assert mid_sentence_name_keys(text for _, text in texts) == names
    for language, text in texts:
        fast = text_features(text, language, names=names, max_tokens=600)
        assert list(fast.items()) == list(
            _reference_text_features(text, language, names=names, max_tokens=600).items()
        )


def test_example_articles_features_equal_the_plain_loops() -> None:
    for article in _example_articles():
        features._WORD_KEYS.clear()  # the memo gives what word_key gives, cold or warm
        for _ in range(2):
            fast = article_features(article)
            assert list(fast.items()) == list(_reference_article_features(article).items())


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_rule_tokens_equal_the_backtracking_pattern(text: str) -> None:
    assert rules.tokenize(text) == _reference_tokenize(text)


def test_rule_tokens_and_spans_on_the_example_corpus() -> None:
    for language, text in _example_texts():
        tokens = rules.tokenize(text)
        assert tokens == _reference_tokenize(text)
        words = [token[0] for token in tokens]
        for code in (language or "en", "en"):
            assert rules.find_spans(words, code) == _reference_find_spans(words, code)


WORDS = st.lists(
    st.sampled_from(
        [
            "The",
            "President",
            "of",
            "Norway",
            "Bank",
            "in",
            "Mr",
            "@",
            "#",
            ".",
            "said",
            "EU",
            "Monday",
            "Ⅷ",
            "Ⓐ",
            "de",
            "La",
            "Ola",
            "Nordmann's",
            "vice",
            "State",
            "I",
            "-",
        ]
    ),
    max_size=25,
)


@settings(max_examples=400, deadline=None)
@given(WORDS)
def test_rule_spans_equal_the_plain_loop(words: list[str]) -> None:
    assert rules.find_spans(words, "en") == _reference_find_spans(words, "en")


CRAFTED = [
    "Fed Risks Falling Behind The CURVE As NATO Waits",  # title case, words in capitals
    "Regjeringen sa nei. NATO og Oslo kommune svarte «Nei» til EU-landene i går.",
    "Støre møtte Putin i Moskva 12. mai 2024; 1.200 deltakere og 3,5 millioner kroner.",
    "東京で会議。Tokyo Summit 2025 med Kishida og KISHIDA",
    "O'Neil-Smith said: Bank of England's Governor – and the IMF – agreed.",
]


def test_crafted_texts_equal_the_plain_loop() -> None:
    for text in CRAFTED:
        names = mid_sentence_name_keys([text])
        assert names == _reference_mid_sentence([text])
        for extra in (set(), {name_key("Curve"), name_key("Regjeringen")}):
            for max_tokens in (None, 5):
                fast = text_features(text, "nb", names=names | extra, max_tokens=max_tokens)
                slow = _reference_text_features(
                    text, "nb", names=names | extra, max_tokens=max_tokens
                )
                assert list(fast.items()) == list(slow.items())
