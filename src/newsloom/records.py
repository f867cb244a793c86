"""Typed records that flow between pipeline stages.

``RawDocument`` (ingest) → ``Article`` (normalize, language) → ``Analysis`` (analyze)
→ story assignment (assign) → ``Story`` dossier (consolidate).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class ParagraphKind(StrEnum):
    """What a paragraph is. Non-body paragraphs are kept and marked, never deleted."""

    BODY = "body"
    HEADING = "heading"
    CAPTION = "caption"
    CREDIT = "credit"
    SOCIAL_POST = "social_post"
    BYLINE = "byline"
    SIGNOFF = "signoff"
    BOILERPLATE = "boilerplate"


class DatePrecision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    NIGHT = "night"
    TIME = "time"


class DateOrigin(StrEnum):
    """Where a publication date came from."""

    HEADER = "header"  # a date prefix at the start of a plain-text article
    METADATA = "metadata"  # a field of a JSON/CSV record, HTML meta tag, feed entry
    TEXT = "text"  # found in the article text
    URL = "url"  # a day in the article's URL path
    INFERRED = "inferred"  # inferred from the story's other dated evidence


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One item as read by a reader, before any cleaning."""

    text: str
    origin: str  # where it came from: "path", "path:line", "URL"
    title: str | None = None
    url: str | None = None
    published: str | None = None  # as found, unparsed
    source: str | None = None  # outlet name as given
    language: str | None = None  # as given by the input, if any
    external_id: str | None = None
    format: str = "text"  # reader name: text, jsonl, json, csv, html, feed
    published_origin: str | None = None  # DateOrigin value: "header" (text prefix), "metadata"


@dataclass(frozen=True, slots=True)
class Rejection:
    """An item a stage refused, with the reason. Goes into the run report."""

    item: str  # file, file:line, URL, article id
    reason: str
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    text: str
    kind: ParagraphKind = ParagraphKind.BODY
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. ``id`` is content-based and stable across runs."""

    id: str
    content_hash: str  # hash of the normalised body text alone (exact-duplicate key)
    title: str
    paragraphs: tuple[Paragraph, ...]
    language: str | None = None
    published: datetime | None = None
    published_precision: DatePrecision | None = None
    published_origin: DateOrigin | None = None
    source: str | None = None  # outlet
    url: str | None = None
    agencies: tuple[str, ...] = ()  # wire-agency signatures found (Ritzau, NTB, TT, ...)
    external_id: str | None = None
    origin: str = ""
    published_evidence: str | None = None  # what an inferred publication date rests on

    @property
    def text(self) -> str:
        return "\n\n".join(paragraph.text for paragraph in self.paragraphs)

    @property
    def body(self) -> tuple[Paragraph, ...]:
        """Paragraphs that are article text proper (not captions, credits, posts, ...)."""
        return tuple(
            p for p in self.paragraphs if p.kind in (ParagraphKind.BODY, ParagraphKind.HEADING)
        )


# --- analyze -------------------------------------------------------------------------------


class EntityType(StrEnum):
    PERSON = "PER"
    ORGANISATION = "ORG"
    LOCATION = "LOC"  # locations and geo-political entities
    EVENT = "EVT"
    OTHER = "MISC"


@dataclass(frozen=True, slots=True)
class EntityMention:
    text: str
    type: EntityType
    paragraph: int
    start: int  # character offsets within the paragraph
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str | None  # resolved name where possible
    speaker_role: str | None  # e.g. "polititalsmand"
    paragraph: int
    kind: str = "direct"  # direct | reported
    start: int = 0
    end: int = 0
    speaker_type: str | None = None  # person | organisation | role | pronoun


@dataclass(frozen=True, slots=True)
class TimeExpression:
    text: str
    paragraph: int
    start: int
    end: int
    value: date | None  # resolved date (first day of the period for month/year precision)
    precision: DatePrecision | None
    inferred: bool = False  # resolved against an inferred publication date
    rule: str | None = None  # how to resolve it: "absolute", "offset:-1", "weekday:2:past", ...
    part_of_day: str | None = None  # night | morning | afternoon | evening | late


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str  # killed, injured, arrested, missing, evacuated, ...
    subject: str | None  # police, demonstrators, civilians, passengers, ...
    low: float
    high: float
    qualifier: str | None  # at least, more than, about, up to, ...
    text: str  # the phrase stating the figure
    paragraph: int
    attributed_to: str | None = None
    as_of: date | None = None
    as_of_precision: DatePrecision | None = None
    start: int = 0
    end: int = 0
    attribution_chain: tuple[str, ...] = ()  # outermost source first: ("Reuters", "local media")
    # the words of a vague quantity ("dusinvis", "hundreds", "noen tusen"): the count is these
    # words; low/high then hold the range used only to compare it with other counts
    vague: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """The values the store writes for an article and its analysis, made ahead where the article
    is analysed (``newsloom.store.rows.article_rows``); valid for ``article_id`` only."""

    article_id: str
    payload: str  # the analysis as stored (store.codec.analysis_to_json)
    names: str  # the full-text index's names column
    forms: str  # the full-text index's forms column


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything analyze finds in one article (a pure function of the article)."""

    article_id: str
    entities: tuple[EntityMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    # which language resources figures and quotes used ("fr: language table fr.toml, …" or
    # "pl: no language table; numerals and quotation marks only"), see extract/resources.py
    extraction_resources: str = ""
    # the static embedding of the title and lead (newsloom.analyze.static_embeddings), unit length;
    # empty unless analyze.embeddings is on (off by default: the story clusterer's vectors are
    # made beside the analysis by cluster.embedding_model, newsloom.analyze.prepare.embed_prepared)
    embedding: tuple[float, ...] = ()


# --- assign ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReusedPassage:
    """A passage of ``article`` that also appears in ``other_article``."""

    article: str
    paragraph: int
    other_article: str
    other_paragraph: int
    similarity: float
    origin_article: str | None = None  # the earliest article carrying the passage
    origin_agency: str | None = None


@dataclass(frozen=True, slots=True)
class ReuseResult:
    article_id: str
    duplicate_of: str | None = None
    duplicate_similarity: float | None = None
    passages: tuple[ReusedPassage, ...] = ()
    reused_share: float = 0.0  # share of the article's body words that are reused


@dataclass(frozen=True, slots=True)
class ReuseIndexRow:
    """What rebuilding the reuse index needs of one stored article, in the order it was added."""

    article_id: str
    content_hash: str
    published: datetime | None
    agencies: tuple[str, ...]
    duplicate_of: str | None
    signatures: dict[str, bytes]  # scheme → stored signature


# --- run report ------------------------------------------------------------------------------


@dataclass(slots=True)
class RunReport:
    """Counts of what each stage kept and dropped, and why. Shown by the CLI and the API."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    new_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings about the run as a whole
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per stage

    def count(self, name: str, amount: int = 1) -> None:
        self.counters[name] = self.counters.get(name, 0) + amount

    def reject(self, item: str, reason: str, stage: str = "ingest") -> None:
        self.rejected.append(Rejection(item=item, reason=reason, stage=stage))

    def to_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "new": self.new,
            "unchanged": self.unchanged,
            "rejected": [
                {"item": r.item, "reason": r.reason, "stage": r.stage} for r in self.rejected
            ],
            "counters": dict(sorted(self.counters.items())),
            "new_ids": list(self.new_ids),
            "notes": list(self.notes),
            "seconds": {stage: round(value, 3) for stage, value in sorted(self.seconds.items())},
        }
