"""Named entities in articles: a trained model for da/nb/nn/sv, rules for other languages.

The model is a spaCy pipeline trained by ``scripts/train_ner.py`` on NorNE and DaN+ and shipped in
``newsloom/entities/model/``. It holds two ``ner`` components over one vocabulary and vectors
table: ``ner`` (trained on all three corpora) tags Norwegian and Swedish text, ``ner_da`` (the same
model fine-tuned on DaN+) tags Danish text. It is loaded once per process with
:meth:`EntityRecognizer.load`; nothing is downloaded.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsloom.assign.features import word_forms
from newsloom.entities.conll import Span
from newsloom.entities.exonyms import is_place_name
from newsloom.entities.openers import may_hold_a_name
from newsloom.entities.particle_names import joined_across_particles
from newsloom.entities.rules import find_entities_in_text, find_spans
from newsloom.entities.typer import SpanTyper, vector_lookup
from newsloom.errors import ModelError
from newsloom.normalize.boilerplate import caption_once
from newsloom.records import Article, EntityMention, EntityType, Paragraph, ParagraphKind
from newsloom.settings import DEFAULT_NER

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from newsloom.entities.contextual import ContextualTagger, Runtime
    from newsloom.settings import NerModel

MODEL_PATH = Path(__file__).resolve().parent / "model"
MODEL_LANGUAGES = frozenset({"da", "nb", "nn", "no", "sv"})
_TOKENIZER_LANGUAGE = {"da": "da", "nb": "nb", "no": "nb", "nn": "nb", "sv": "sv"}
DEFAULT_PIPE = "ner"
_LANGUAGE_PIPES = {"da": "ner_da"}
ENTITY_KINDS = frozenset(
    {ParagraphKind.BODY, ParagraphKind.HEADING, ParagraphKind.CAPTION, ParagraphKind.SOCIAL_POST}
)
_LOADED: dict[tuple[Path, NerModel, Path | None, Runtime], EntityRecognizer] = {}
_LOCK = threading.Lock()


_ACRONYM = re.compile(r"[A-ZÆØÅÄÖ]{2,6}")


# nouns that name what kind of organisation the next word is: "nyhetsbyrået NTB", "avisen
# Politiken", "det russiske nyhedsbureau Tass", "tidningen Expressen", "partiet Venstre"
# (any word starting "nyhedsbur"/"nyhetsbyr"/"nyheitsbyr" is a news agency, misspelt ones too)
_ORGANISATION_HEAD = re.compile(
    r"(?:nyhedsbur|nyhe(?:i?t)sbyr)\w*"
    r"|(?:avis|dagblad|tidning|selskab|selskap|bolag|firma|koncern|konsern|företag|parti"
    r"|forening|förening|klubb?|organisation|organisasjon|forlag|rederi)"
    r"(?:et|en|a|n|ben|er|erne|ene|ar|arna|ane|na)?"
)

# nouns that say the next name is a place: "byen Bergen", "den canadiske provins Nova Scotia",
# "øya Utøya", "hovedstaden Astana" (in the train splits 40 of the 41 names after one are places)
_PLACE_HEAD = re.compile(
    r"(?:by|landsby|bydel|provins|delstat|hovedstad|hovudstad|huvudstad|halvø|halvøy|kommune"
    r"|fylke|ørken|öken|elv|flod|innsjø|insjö)(?:en|et|a|n)?|byn|staden|ø|øen|øya|øy|ön|län"
)

# last words that make a name of two or more words an organisation: "Københavns Byret", "Oslo
# tingrett", "Dansk Folkeparti", "Norges Bank", "Aarhus Universitet", "Nordjyllands Politi" (in the
# train splits 202 of 205 such names are organisations; "kommune" and hospitals are not here:
# NorNE calls "Oslo kommune" a place and splits hospitals)
_ORGANISATION_LAST = re.compile(
    r".*(?:parti|partiet|forbund|forbundet|forening|foreningen|förbund|förening|departementet"
    r"|ministeriet|ministerium|direktoratet|styrelsen|tilsynet|universitet|universitetet"
    r"|högskola|høgskole|høgskule|høyskole|bank|banken|byret|byretten|landsret|landsretten"
    r"|højesteret|tingrett|tingretten|lagmannsrett|lagmannsretten|høyesterett|høgsterett"
    r"|tingsrätt|tingsrätten|hovrätt|hovrätten|domstol|domstolen)"
    r"|politi|politiet|polisen|politidistrikt"
)


def _label(entity: SpacySpan, label: str | None = None) -> str:
    """The model's label with corrections that follow from the label scheme and the data.

    A whole span that is a country, region or major city in the exonym table is LOC (the scheme
    maps NorNE's GPE_ORG to LOC, so a country is always a place). A single all-capitals word tagged
    PER becomes ORG: in NorNE + DaN+ train, 1,055 such acronyms are ORG and 13 PER. A place or
    other name right after a noun such as ``nyhetsbyrået`` or ``avisen`` is ORG: the train splits
    have almost no news agencies (none after such a noun), so the model calls them MISC or LOC. An
    organisation or other name right after a lower-case ``byen``, ``provinsen``, ``øya`` … is LOC.
    ``label`` (default: the tagger's) is the type before the corrections, e.g. the span typer's.
    """
    label = str(entity.label_) if label is None else label
    if is_place_name(entity.text):
        return "LOC"
    if label == "PER" and len(entity) == 1 and _ACRONYM.fullmatch(entity.text):
        return "ORG"
    before = entity.doc[entity.start - 1].text if entity.start > 0 else ""
    if label in ("LOC", "MISC") and _ORGANISATION_HEAD.fullmatch(before.lower()):
        return "ORG"
    if label in ("ORG", "MISC") and _PLACE_HEAD.fullmatch(before):
        return "LOC"
    if (
        label in ("LOC", "MISC")
        and len(entity) > 1
        and _ORGANISATION_LAST.fullmatch(entity[-1].lower_)
    ):
        return "ORG"
    return label


def _lower_case_only(word: str, forms: Mapping[str, object]) -> bool:
    """Whether the dictionary knows ``word`` in lower case only (``rubrik``, not ``Nato``)."""
    return word.lower() in forms and word.capitalize() not in forms and word not in forms


_STANDALONE_ACRONYM = re.compile(r"[A-ZÆØÅÄÖ]{3,6}")
_ROMAN = re.compile(r"[IVXLCDM]+")
# a link or post id such as "Qw83hTzLp9": 8+ letters and digits, at least two digits, two capitals
# and one small letter (not "Nasdaq100", "COVID19", "MTX75")
_IDENTIFIER = re.compile(r"(?=(?:\D*\d){2})(?=(?:[^A-Z]*[A-Z]){2})(?=[^a-z]*[a-z])[A-Za-z0-9_]{8,}")


def _identifier(entity: SpacySpan) -> bool:
    """A one-word entity that looks like a link or post id (``Qw83hTzLp9``): not a name."""
    return len(entity) == 1 and _IDENTIFIER.fullmatch(entity.text) is not None


def _entities(doc: Doc, forms: Mapping[str, object]) -> list[SpacySpan]:
    """The model's entities plus the stand-alone acronyms and known places it left untagged.

    A word of 3-6 capitals between words that are not capitalised throughout (so not a shouted
    headline) is a name in 92 % of the NorNE + DaN+ training cases (ORG 706, places 243, products
    40, O 94): such a word the model missed becomes ORG, or LOC through :func:`_label`, unless
    the text language's dictionary ``forms`` (simplemma's, :func:`word_forms`) has it in lower
    case only (``PRIS``, ``KILDE``,
    ``RUBRIK``: of the 63 train cases, 40 are not names). A capitalised word the model missed that
    is a country, region or major city of the exonym table, or its genitive, becomes LOC: in the
    three train splits such a word is a name (or part of one) in all but 2 of 3,400 cases. A
    one-word entity that looks like a link or post id (``Qw83hTzLp9``) is dropped.
    """
    from spacy.tokens import Span as SpacySpan

    entities = [entity for entity in doc.ents if not _identifier(entity)]
    covered = {index for entity in entities for index in range(entity.start, entity.end)}
    for token in doc:
        if token.i in covered or not _STANDALONE_ACRONYM.fullmatch(token.text):
            continue
        if _ROMAN.fullmatch(token.text) or _lower_case_only(token.text, forms):
            continue
        neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
        if any(n.is_alpha and n.is_upper for n in neighbours):
            continue
        entities.append(SpacySpan(doc, token.i, token.i + 1, label="ORG"))
        covered.add(token.i)
    for token in doc:
        if token.i not in covered and _known_place(token.text):
            entities.append(SpacySpan(doc, token.i, token.i + 1, label="LOC"))
    return sorted(entities, key=lambda entity: entity.start)


def _known_place(word: str) -> bool:
    """A capitalised country, region or major city of the exonym table, or its genitive."""
    if not word[:1].isupper():
        return False
    return is_place_name(word) or (len(word) > 3 and word[-1] == "s" and is_place_name(word[:-1]))


def uses_model(language: str | None) -> bool:
    """Whether text in ``language`` goes to the trained model (else to the rules)."""
    return language is None or language in MODEL_LANGUAGES


class EntityRecognizer:
    """Finds entity mentions in articles. Create with :meth:`load` (cached per model path)."""

    def __init__(
        self, nlp: Language, path: Path, contextual: ContextualTagger | None = None
    ) -> None:
        self.nlp = nlp
        self.path = path
        self.contextual = contextual  # ``ner = "accurate"``: it tags instead of the spaCy pipe
        self._tokenizers: dict[str, Language] = {}
        self.typer = SpanTyper.load(path) if contextual is None else None
        if self.typer is not None:  # the typer's word vectors; the accurate model needs none
            self._lookup, self._dims = vector_lookup(nlp.vocab.vectors, nlp.vocab.strings)
        if DEFAULT_PIPE not in nlp.pipe_names:
            raise ModelError(f"the named-entity model at {path} has no '{DEFAULT_PIPE}' component")

    def pipe_for(self, language: str | None) -> str:
        """The ``ner`` component for ``language``: ``ner_da`` for Danish if the model has it."""
        name = _LANGUAGE_PIPES.get(language or "", DEFAULT_PIPE)
        return name if name in self.nlp.pipe_names else DEFAULT_PIPE

    @classmethod
    def load(
        cls,
        path: Path | None = None,
        *,
        model: NerModel = DEFAULT_NER,
        contextual_model: Path | None = None,
        runtime: Runtime = "auto",
    ) -> EntityRecognizer:
        """Load the model at ``path`` (default: the one in the package), once per process.

        ``model="accurate"`` tags with the contextual model (:mod:`newsloom.entities.contextual`;
        ``contextual_model`` names another file of it than the shipped one), keeping the spaCy
        pipeline for its tokens only (no span typer, no rule corrections); ``"fast"`` tags with the
        pipeline's own convolutional ``ner`` components, span typer and corrections. ``runtime``
        runs the accurate model's encoder with ONNX Runtime or NumPy (default: ONNX Runtime when
        it is installed; :meth:`~newsloom.entities.contextual.ContextualTagger.load`).
        """
        model_path = (path or MODEL_PATH).resolve()
        other = contextual_model.resolve() if contextual_model and model == "accurate" else None
        key = (model_path, model, other, runtime if model == "accurate" else "auto")
        with _LOCK:
            if key not in _LOADED:
                contextual = None
                if model == "accurate":
                    from newsloom.entities.contextual import ContextualTagger

                    contextual = ContextualTagger.load(other, runtime)
                nlp = _load_pipeline(model_path)
                _LOADED[key] = cls(nlp, model_path, contextual)
            return _LOADED[key]

    def _tag(self, docs: Iterable[Doc], pipe: str, languages: Sequence[str | None]) -> list[Doc]:
        """``docs`` with their entities set by the chosen model. The accurate model skips a text
        whose only capitals open sentences with plain words (:mod:`newsloom.entities.openers`)."""
        if self.contextual is None:
            with self.nlp.select_pipes(enable=[pipe]):
                return list(self.nlp.pipe(docs, batch_size=256))
        from spacy.tokens import Span as SpacySpan

        tagged = list(docs)
        words = [[token.text for token in doc] for doc in tagged]
        named = [
            number
            for number, language in enumerate(languages)
            if may_hold_a_name(words[number], language)
        ]
        found = self.contextual.spans([words[number] for number in named])
        for number, spans in zip(named, found, strict=True):
            doc = tagged[number]
            doc.ents = [SpacySpan(doc, start, end, label=kind) for start, end, kind in spans]
        return tagged

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
        model_items: dict[str, list[tuple[Doc, tuple[int, Paragraph]]]] = {}
        for number, article in enumerate(articles):
            for paragraph in article.paragraphs:
                if paragraph.kind not in ENTITY_KINDS or not paragraph.text.strip():
                    continue
                language = paragraph.language or article.language
                text = _entity_text(paragraph)
                if uses_model(language):
                    model_items.setdefault(self.pipe_for(language), []).append(
                        (self._make_doc(text, language), (number, paragraph))
                    )
                else:
                    found[number].extend(_rule_mentions(paragraph, text, language or "en"))
        for pipe, items in model_items.items():
            languages = [
                paragraph.language or articles[number].language for _, (number, paragraph) in items
            ]
            docs = self._tag((doc for doc, _ in items), pipe, languages)
            tagged = [(doc, where) for doc, (_, where) in zip(docs, items, strict=True)]
            typed = self._typed([doc for doc, _ in tagged], pipe, languages)
            for (_, (number, paragraph)), entities in zip(tagged, typed, strict=True):
                found[number].extend(
                    EntityMention(
                        text=entity.text,
                        type=EntityType(label),
                        paragraph=paragraph.index,
                        start=entity.start_char,
                        end=entity.end_char,
                    )
                    for entity, label in entities
                    if label in EntityType._value2member_map_
                )
        # a name the recogniser split at a particle (``Mohamed`` + ``Dabi``) is one mention
        return [
            joined_across_particles(
                article.paragraphs,
                sorted(mentions, key=lambda m: (m.paragraph, m.start, m.end)),
                article.language,
            )
            for article, mentions in zip(articles, found, strict=True)
        ]

    def find_in_tokens(
        self, sentences: Sequence[Sequence[str]], *, language: str | None = None
    ) -> list[tuple[Span, ...]]:
        """Entity token spans in pre-tokenised sentences (used for evaluation on CoNLL files)."""
        if not uses_model(language):
            return [tuple(find_spans(words, language or "en")) for words in sentences]
        from spacy.tokens import Doc

        pipe = self.pipe_for(language)
        tagged = self._tag(
            (Doc(self.nlp.vocab, words=list(words)) for words in sentences),
            pipe,
            [language] * len(sentences),
        )
        return [
            tuple(Span(entity.start, entity.end, label) for entity, label in entities)
            for entities in self._typed(tagged, pipe, [language] * len(tagged))
        ]

    def _typed(
        self, docs: Sequence[Doc], pipe: str, languages: Sequence[str | None]
    ) -> list[list[tuple[SpacySpan, str]]]:
        """Each doc's entities with their final type: tagger, then span typer, then corrections.

        The span typer (:mod:`newsloom.entities.typer`, if the model ships one) sees all entities
        of the batch at once; ``ner_da`` uses its Danish features, the other component its
        Norwegian ones.
        """
        if self.contextual is not None:
            # the contextual model's own spans and types: on the held-out tenth of the train
            # splits the corrections below made no difference or a worse one (docs/ner.md)
            return [
                [(entity, str(entity.label_)) for entity in doc.ents if not _identifier(entity)]
                for doc in docs
            ]
        forms = [word_forms(language) for language in languages]  # once per doc, for both steps
        entities = [_entities(doc, known) for doc, known in zip(docs, forms, strict=True)]
        labels: Iterator[str]
        if self.typer is None:
            labels = (str(entity.label_) for found in entities for entity in found)
        else:
            spans: list[tuple[Sequence[str], int, int, str]] = []
            for doc, found in zip(docs, entities, strict=True):
                if found:
                    words = [token.text for token in doc]  # once per doc, not per entity
                    spans.extend((words, e.start, e.end, str(e.label_)) for e in found)
            group = "da" if pipe == "ner_da" else "no"
            labels = iter(self.typer.retype(spans, group, self._lookup, self._dims))
        typed = [[(entity, _label(entity, next(labels))) for entity in found] for found in entities]
        return [_widened(found, known) for found, known in zip(typed, forms, strict=True)]


_INITIAL = re.compile(r"[A-ZÆØÅÄÖ]\.")


def _widened(
    found: list[tuple[SpacySpan, str]], forms: Mapping[str, object]
) -> list[tuple[SpacySpan, str]]:
    """Entities widened over name words the tagger left at their edges.

    A person name takes in the initials before it (``K. J. Philipsen``): in the NorNE and DaN+
    train splits all 28 person names next to an initial include it. It also takes in capitalised
    words before it that the language's dictionary ``forms`` does not know in lower case
    (``Folmer Svane``; no dictionary, no widening): in the train splits 3,379 person names begin
    with such a word and 74 have one before them outside (mostly titles: ``Lensmann``). Any other
    name takes in the capitalised words that follow it and belong to no entity (``Mount St.
    Vincent University``, ``Ulster Freedom Fighters``): in the train splits 7 of 15,814 such names
    are followed by a capitalised word outside every entity.
    """
    from spacy.tokens import Span as SpacySpan

    result: list[tuple[SpacySpan, str]] = []
    for number, (entity, label) in enumerate(found):
        doc, start, end = entity.doc, entity.start, entity.end
        if label == "PER":
            end_of_previous = result[-1][0].end if result else 0
            while start - 1 >= end_of_previous and (
                _INITIAL.fullmatch(doc[start - 1].text)
                or (
                    forms and _name_word(doc[start - 1].text) and doc[start - 1].lower_ not in forms
                )
            ):
                start -= 1
        else:
            next_start = found[number + 1][0].start if number + 1 < len(found) else len(doc)
            while end < next_start and _name_word(doc[end].text):
                end += 1
        if (start, end) != (entity.start, entity.end):
            entity = SpacySpan(doc, start, end, label=entity.label)
        result.append((entity, label))
    return result


def _name_word(word: str) -> bool:
    """A capitalised word of letters, not written in capitals throughout."""
    return word[:1].isupper() and word.isalpha() and not word.isupper()


def _entity_text(paragraph: Paragraph) -> str:
    """The part of a paragraph read for names: a caption printed twice around "Vis mere" once.

    It is a prefix of the paragraph's text, so mention offsets hold for the whole paragraph.
    """
    if paragraph.kind is ParagraphKind.CAPTION:
        return caption_once(paragraph.text)
    return paragraph.text


def _rule_mentions(paragraph: Paragraph, text: str, language: str) -> Iterator[EntityMention]:
    for start, end, label in find_entities_in_text(text, language):
        if _IDENTIFIER.fullmatch(text[start:end]):
            continue  # a link or post id, as for the model's entities
        yield EntityMention(
            text=text[start:end],
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
