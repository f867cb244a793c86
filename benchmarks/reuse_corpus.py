"""Real text from ../shared/data and realistic copy edits with known ground truth.

Used by ``synthetic_reuse.py`` (quality) and ``reuse.py`` (speed). Nothing here is newsloom
library code; it only builds inputs.
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from newsloom.records import Article, Paragraph

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_NO_SPACE_BEFORE = re.compile(r" ([.,:;!?)»”])")
_NO_SPACE_AFTER = re.compile(r"([(«“]) ")


def require_data() -> Path:
    if not DATA.is_dir():
        raise SystemExit(f"gold data not found at {DATA} (see ../shared/data/README.md)")
    return DATA


def _conll_sentences(path: Path) -> Iterator[str]:
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                text = _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", " ".join(words)))
                yield text
            words = []
            continue
        words.append(line.split("\t")[0])
    if words:
        yield " ".join(words)


def sentence_articles(rng: random.Random, sentences_per_article: int = 24) -> list[list[str]]:
    """NorNE (nb, nn) and DaN+ sentences, in corpus order, grouped into paragraphs and articles."""
    data = require_data()
    articles: list[list[str]] = []
    files = [
        data / "ner" / "norne-nob" / "train.conll",
        data / "ner" / "norne-nno" / "train.conll",
        data / "ner" / "danplus-news" / "train.tsv",
    ]
    for path in files:
        sentences = [s for s in _conll_sentences(path) if len(s.split()) >= 6]
        for start in range(0, len(sentences) - sentences_per_article, sentences_per_article):
            chunk = sentences[start : start + sentences_per_article]
            paragraphs: list[str] = []
            position = 0
            while position < len(chunk):
                size = rng.choice((1, 1, 2, 2, 3))
                paragraphs.append(" ".join(chunk[position : position + size]))
                position += size
            articles.append(paragraphs)
    return articles


def crisis_articles() -> list[list[str]]:
    """ML-Crisis Spanish articles, one paragraph per line."""
    root = require_data() / "timelines" / "ml-crisis" / "es"
    articles = []
    for path in sorted(root.glob("*/*/*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        paragraphs = [line for line in lines if len(line.split()) >= 3]
        if len(paragraphs) >= 4:
            articles.append(paragraphs)
    return articles


def make_article(
    key: str, paragraphs: list[str], published: datetime, source: str = "outlet"
) -> Article:
    body = "\n\n".join(paragraphs)
    digest = hashlib.sha256(body.encode()).hexdigest()
    return Article(
        id=hashlib.sha256(f"{key}\n{body}".encode()).hexdigest()[:16],
        content_hash=digest,
        title=paragraphs[0][:80] if paragraphs else key,
        paragraphs=tuple(Paragraph(index=i, text=text) for i, text in enumerate(paragraphs)),
        published=published,
        source=source,
        external_id=key,
    )


# --- edits -----------------------------------------------------------------------------------


@dataclass
class Editor:
    """Edits text the way outlets edit agency copy; remembers nothing but its random state."""

    rng: random.Random
    vocabulary: list[str] = field(default_factory=list)

    def sentences(self, text: str) -> list[str]:
        return [part for part in _SENTENCE_END.split(text) if part]

    def swap_word(self, sentence: str) -> str:
        words = sentence.split()
        if len(words) < 4 or not self.vocabulary:
            return sentence
        words[self.rng.randrange(1, len(words))] = self.rng.choice(self.vocabulary)
        return " ".join(words)

    def inflect(self, sentence: str) -> str:
        words = sentence.split()
        candidates = [i for i, word in enumerate(words) if len(word) > 4 and word.isalpha()]
        if not candidates:
            return sentence
        i = self.rng.choice(candidates)
        word = words[i]
        words[i] = word[:-1] if self.rng.random() < 0.5 else word + self.rng.choice("ens")
        return " ".join(words)

    def punctuate(self, sentence: str) -> str:
        return sentence.replace(",", "").replace(" - ", ", ").replace("«", '"').replace("»", '"')

    def edit_sentence(self, sentence: str, strength: str) -> str:
        if strength == "verbatim":
            return sentence
        if strength == "light":
            if self.rng.random() < 0.5:
                sentence = self.swap_word(sentence)
            if self.rng.random() < 0.3:
                sentence = self.inflect(sentence)
            return self.punctuate(sentence) if self.rng.random() < 0.3 else sentence
        sentence = self.inflect(self.inflect(self.swap_word(sentence)))
        return self.punctuate(sentence)

    def edit_paragraph(self, text: str, strength: str) -> str:
        sentences = self.sentences(text)
        if strength == "heavy" and len(sentences) > 2 and self.rng.random() < 0.5:
            del sentences[self.rng.randrange(len(sentences))]  # a sentence cut
        return " ".join(self.edit_sentence(sentence, strength) for sentence in sentences)


@dataclass(frozen=True)
class Copy:
    """A derived article: its paragraphs and, for each, the source paragraphs it came from."""

    paragraphs: list[str]
    sources: list[list[tuple[int, int]]]  # per paragraph: (source number, paragraph) pairs


def derive(
    editor: Editor,
    sources: list[list[str]],
    strength: str,
    new_lead: str | None,
) -> Copy:
    """Copy ``sources`` (one, or two merged) with drops, reordering and edits of ``strength``."""
    rng = editor.rng
    picked: list[tuple[int, int]] = []
    for number, source in enumerate(sources):
        keep = max(2, int(len(source) * (0.75 if strength != "heavy" else 0.55)))
        if len(sources) > 1:
            keep = max(2, keep // 2)
        chosen = sorted(rng.sample(range(len(source)), min(keep, len(source))))
        picked.extend((number, i) for i in chosen)
    if strength != "verbatim":  # move a few paragraphs
        for _ in range(max(1, len(picked) // 4)):
            a, b = rng.randrange(len(picked)), rng.randrange(len(picked))
            picked[a], picked[b] = picked[b], picked[a]
    paragraphs: list[str] = []
    origins: list[list[tuple[int, int]]] = []
    if new_lead is not None and strength != "verbatim":
        paragraphs.append(new_lead)
        origins.append([])
    position = 0
    while position < len(picked):
        number, index = picked[position]
        text = editor.edit_paragraph(sources[number][index], strength)
        if strength == "heavy" and position + 1 < len(picked) and rng.random() < 0.15:
            other_number, other_index = picked[position + 1]  # two paragraphs merged into one
            other_text = editor.edit_paragraph(sources[other_number][other_index], strength)
            paragraphs.append(text + " " + other_text)
            origins.append([(number, index), (other_number, other_index)])
            position += 2
            continue
        paragraphs.append(text)
        origins.append([(number, index)])
        position += 1
    return Copy(paragraphs, origins)


def vocabulary_of(articles: list[list[str]], limit: int = 50_000) -> list[str]:
    words: dict[str, None] = {}
    for paragraphs in articles:
        for paragraph in paragraphs:
            for word in paragraph.split():
                if word.isalpha() and len(word) > 3:
                    words.setdefault(word.lower())
                    if len(words) >= limit:
                        return list(words)
    return list(words)


def progress(total: int, label: str) -> Iterator[int]:
    """Count to ``total`` with a progress bar on a terminal, silently when piped."""
    if not sys.stderr.isatty():
        yield from range(total)
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=total)
        for number in range(total):
            yield number
            bar.advance(task)


START = datetime(2022, 1, 1, 6, 0)


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)
