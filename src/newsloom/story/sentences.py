"""Sentences of an article's body, and the text keys used to recognise the same sentence elsewhere.

The consolidate stage works on sentences: timeline events, summary sentences and their citations.
A sentence is located by article, paragraph and character offsets, so a time expression or a figure
found by the analyze stage can be mapped to the sentence that carries it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsloom.records import Article, ParagraphKind

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace and a
# capital letter, an opening quote or a dash. "19. januar" and "kl. 23" stay together because a
# lower-case word or a number follows them.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»«\"'”’)\]]*\s+(?=[-–—«»\"'“„(\[]?\s*[A-ZÆØÅÄÖÜÉÁÍÓÚÑ¿¡])")
_WORD = re.compile(r"\w+", re.UNICODE)
_MIN_WORDS = 4

BODY_KINDS = (ParagraphKind.BODY,)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article, located by paragraph and character offsets in that paragraph."""

    article: str
    paragraph: int
    start: int
    end: int
    text: str
    position: int  # 0 for the article's first body sentence, 1 for the next, ...


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def article_sentences(
    article: Article, kinds: Sequence[ParagraphKind] = BODY_KINDS, min_words: int = _MIN_WORDS
) -> Iterator[Sentence]:
    """The sentences of the article's paragraphs of the given kinds (body text by default)."""
    position = 0
    for paragraph in article.paragraphs:
        if paragraph.kind not in kinds:
            continue
        for start, end in split_sentences(paragraph.text):
            text = paragraph.text[start:end].strip()
            if len(words(text)) < min_words:
                continue
            yield Sentence(article.id, paragraph.index, start, end, text, position)
            position += 1


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits), the unit every text comparison here uses."""
    return [token.casefold() for token in _WORD.findall(text)]


def text_key(text: str) -> str:
    """Case, punctuation and spacing removed: sentences with the same key are the same text."""
    return " ".join(words(text))


def contains_text(haystack: str, needle: str) -> bool:
    """Whether ``needle`` appears in ``haystack`` up to case, punctuation and whitespace."""
    key = text_key(needle)
    return bool(key) and f" {key} " in f" {text_key(haystack)} "


def find_sentence(sentences: Sequence[Sentence], paragraph: int, offset: int) -> Sentence | None:
    """The sentence of ``paragraph`` that covers character ``offset`` (or the nearest before it)."""
    best: Sentence | None = None
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            continue
        if sentence.start <= offset < max(sentence.end, sentence.start + 1):
            return sentence
        if sentence.start <= offset:
            best = sentence
    return best
