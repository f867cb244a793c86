"""Named entities in articles: a trained model for da/nb/nn/sv, rules for other languages.

The model is a spaCy ``ner`` pipeline trained from scratch by ``scripts/train_ner.py`` on NorNE and
DaN+ and shipped in ``newsloom/entities/model/``. It is loaded once per process with
:meth:`EntityRecognizer.load`; nothing is downloaded.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsloom.entities.conll import Span
from newsloom.entities.exonyms import is_place_name
from newsloom.entities.rules import find_entities_in_text, find_spans
from newsloom.errors import ModelError
from newsloom.records import Article, EntityMention, EntityType, Paragraph, ParagraphKind

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

MODEL_PATH = Path(__file__).resolve().parent / "model"
MODEL_LANGUAGES = frozenset({"da", "nb", "nn", "no", "sv"})
_TOKENIZER_LANGUAGE = {"da": "da", "nb": "nb", "no": "nb", "nn": "nb", "sv": "sv"}
ENTITY_KINDS = frozenset(
    {ParagraphKind.BODY, ParagraphKind.HEADING, ParagraphKind.CAPTION, ParagraphKind.SOCIAL_POST}
)
_LOADED: dict[Path, EntityRecognizer] = {}
_LOCK = threading.Lock()


_ACRONYM = re.compile(r"[A-ZÆØÅÄÖ]{2,6}")


def _label(entity: SpacySpan) -> str:
    """The model's label with two corrections that follow from the label scheme and the data.

    A whole span that is a country, region or major city in the exonym table is LOC (the scheme
    maps NorNE's GPE_ORG to LOC, so a country is always a place). A single all-capitals word tagged
    PER becomes ORG: in NorNE + DaN+ train, 1,055 such acronyms are ORG and 13 PER.
    """
    if is_place_name(entity.text):
        return "LOC"
    if entity.label_ == "PER" and len(entity) == 1 and _ACRONYM.fullmatch(entity.text):
        return "ORG"
    return str(entity.label_)


def uses_model(language: str | None) -> bool:
    """Whether text in ``language`` goes to the trained model (else to the rules)."""
    return language is None or language in MODEL_LANGUAGES


class EntityRecognizer:
    """Finds entity mentions in articles. Create with :meth:`load` (cached per model path)."""

    def __init__(self, nlp: Language, path: Path) -> None:
        self.nlp = nlp
        self.path = path
        self._tokenizers: dict[str, Language] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> EntityRecognizer:
        """Load the model at ``path`` (default: the one in the package), once per process."""
        model_path = (path or MODEL_PATH).resolve()
        with _LOCK:
            if model_path not in _LOADED:
                _LOADED[model_path] = cls(_load_pipeline(model_path), model_path)
            return _LOADED[model_path]

    def _make_doc(self, text: str, language: str | None) -> Doc:
        code = _TOKENIZER_LANGUAGE.get(language or "", str(self.nlp.lang))
        if code == self.nlp.lang:
            return self.nlp.make_doc(text)
        if code not in self._tokenizers:
            import spacy

            self._tokenizers[code] = spacy.blank(code)
        from spacy.tokens import Doc

        tokens = self._tokenizers[code].make_doc(text)  # own vocab: re-create in the model's vocab
        return Doc(
            self.nlp.vocab,
            words=[token.text for token in tokens],
            spaces=[bool(token.whitespace_) for token in tokens],
        )

    def find_entities(self, article: Article) -> tuple[EntityMention, ...]:
        """Entity mentions in the article's body, headings, captions and embedded posts."""
        return next(iter(self.find_entities_batch([article])))

    def find_entities_batch(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[EntityMention, ...]]:
        """Entity mentions of each article, in order; model paragraphs are batched through spaCy."""
        for chunk in _chunks(articles, 64):
            yield from self._find_in_chunk(chunk)

    def _find_in_chunk(self, articles: Sequence[Article]) -> list[tuple[EntityMention, ...]]:
        found: list[list[EntityMention]] = [[] for _ in articles]
        model_items: list[tuple[Doc, tuple[int, Paragraph]]] = []
        for number, article in enumerate(articles):
            for paragraph in article.paragraphs:
                if paragraph.kind not in ENTITY_KINDS or not paragraph.text.strip():
                    continue
                language = paragraph.language or article.language
                if uses_model(language):
                    model_items.append(
                        (self._make_doc(paragraph.text, language), (number, paragraph))
                    )
                else:
                    found[number].extend(_rule_mentions(paragraph, language or "en"))
        with self.nlp.select_pipes(enable=["ner"]):
            for doc, (number, paragraph) in self.nlp.pipe(
                model_items, as_tuples=True, batch_size=128
            ):
                found[number].extend(
                    EntityMention(
                        text=entity.text,
                        type=EntityType(_label(entity)),
                        paragraph=paragraph.index,
                        start=entity.start_char,
                        end=entity.end_char,
                    )
                    for entity in doc.ents
                    if entity.label_ in EntityType._value2member_map_
                )
        return [
            tuple(sorted(mentions, key=lambda m: (m.paragraph, m.start, m.end)))
            for mentions in found
        ]

    def find_in_tokens(
        self, sentences: Sequence[Sequence[str]], *, language: str | None = None
    ) -> list[tuple[Span, ...]]:
        """Entity token spans in pre-tokenised sentences (used for evaluation on CoNLL files)."""
        if not uses_model(language):
            return [tuple(find_spans(words, language or "en")) for words in sentences]
        from spacy.tokens import Doc

        docs = (Doc(self.nlp.vocab, words=list(words)) for words in sentences)
        with self.nlp.select_pipes(enable=["ner"]):
            return [
                tuple(Span(entity.start, entity.end, _label(entity)) for entity in doc.ents)
                for doc in self.nlp.pipe(docs, batch_size=256)
            ]


def _rule_mentions(paragraph: Paragraph, language: str) -> Iterator[EntityMention]:
    for start, end, label in find_entities_in_text(paragraph.text, language):
        yield EntityMention(
            text=paragraph.text[start:end],
            type=EntityType(label),
            paragraph=paragraph.index,
            start=start,
            end=end,
        )


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _load_pipeline(path: Path) -> Language:
    if not (path / "config.cfg").is_file():
        raise ModelError(
            f"no named-entity model at {path}: the folder is missing or has no config.cfg. "
            "Reinstall newsloom, or train one with 'python scripts/train_ner.py' "
            "(needs the NorNE/DaN+ data in ../shared/data/ner)"
        )
    import spacy

    import newsloom.entities.architecture  # noqa: F401  (registers the embedding layer)

    try:
        return spacy.load(path)
    except (OSError, ValueError, KeyError) as error:
        raise ModelError(f"cannot load the named-entity model at {path}: {error}") from error
