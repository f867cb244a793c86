"""HTTP schemas: what the API accepts and returns (pydantic only here, at the edge)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_BATCH = 1000


class Schema(BaseModel):
    model_config = ConfigDict(frozen=True)


# --- writes ------------------------------------------------------------------------------------


class ArticleIn(BaseModel):
    """One article to ingest. ``text`` is required unless the server fetches ``url`` for you."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(
        default=None,
        description="Article text; paragraphs separated by blank lines. A leading"
        " 'date YYYY-MM[-DD]' line is read as the publication date.",
    )
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="ISO date or date-time")
    source: str | None = Field(default=None, description="The outlet")
    language: str | None = Field(default=None, description="ISO 639-1 code, if known")
    id: str | None = Field(default=None, description="Your id for the article (external id)")

    @model_validator(mode="after")
    def _text_or_url(self) -> ArticleIn:
        if self.text is not None and not self.text.strip():
            raise ValueError(
                "'text' is empty; send the article text, paragraphs split by blank lines"
            )
        if self.text is None and not self.url:
            raise ValueError("give 'text' (the article) or 'url' (when the server may fetch URLs)")
        return self


class ArticleBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_BATCH)


class RejectionOut(Schema):
    item: str
    reason: str
    stage: str


class IngestedArticle(Schema):
    id: str
    story: str | None
    link: str


class IngestResult(Schema):
    """The run report of one POST, and where the new articles went."""

    read: int
    new: int
    unchanged: int
    rejected: list[RejectionOut]
    counters: dict[str, int]
    notes: list[str]
    articles: list[IngestedArticle]


# --- reads -------------------------------------------------------------------------------------


class FacetOut(Schema):
    value: str
    articles: int


class KeyFigureOut(Schema):
    """A figure track's latest value; ``label`` as a reader says it (``dozens``, ``at least 5``)."""

    kind: str
    subject: str | None
    label: str
    vague: bool
    as_of: str | None
    precision: str | None
    outlets: int  # known outlets stating it
    articles: int  # articles stating it
    values: int
    disputed: bool


class StoryBrief(Schema):
    id: str
    title: str
    articles: int
    first_seen: str | None
    last_seen: str | None
    languages: list[str]
    outlets: list[str]
    link: str
    # at a glance (from the story's dossier): its lead sentence, key figures and counts
    lead: str | None = None
    key_figures: list[KeyFigureOut] = []
    independent_articles: int | None = None
    named_sources: int | None = None
    copied_share: float | None = None


# Query parameters: one model per listing, read by FastAPI from the query string (the
# descriptions are the API documentation's).
LANGUAGE = "Only articles in this language (da, nb, nn, sv, en…)"
OUTLET = "Only articles from this outlet"
SINCE = "Published on or after (YYYY-MM-DD)"
UNTIL = "Published on or before (YYYY-MM-DD)"
STORY = "Only articles of this story (its id)"
LIMIT = "How many, 1 to 500"
OFFSET = "How many to skip"


class StoryFilters(Schema):
    language: str | None = Field(default=None, description="Only stories with an article in it")
    outlet: str | None = Field(default=None, description="Only stories with an article from it")
    since: str | None = Field(default=None, description="An article published on or after it")
    until: str | None = Field(default=None, description="An article published on or before it")
    q: str | None = Field(default=None, description="Words that must occur in one of its articles")
    order: str = Field(default="newest", description="newest, biggest or oldest")
    limit: int = Field(default=50, description=LIMIT)
    offset: int = Field(default=0, ge=0, description=OFFSET)


class StoryList(Schema):
    stories: list[StoryBrief]
    total: int
    filters: StoryFilters
    languages: list[FacetOut]
    outlets: list[FacetOut]


class ArticleBrief(Schema):
    id: str
    title: str
    source: str | None
    language: str | None
    published: str | None
    published_label: str = Field(
        default="undated", description="The date for people, at its precision (inferred marked)"
    )
    duplicate_of: str | None
    reused_share: float | None
    link: str


class StoryOut(Schema):
    """A story's dossier (the JSON export's story object) and its articles in brief."""

    story: dict[str, Any]
    articles: list[ArticleBrief]


class SpanOut(Schema):
    """A highlighted stretch of a paragraph (character offsets within the paragraph)."""

    start: int
    end: int
    kind: str  # entity | figure | quote
    label: str
    link: str | None = None


class ReuseLink(Schema):
    direction: (
        str  # "copied_from": this paragraph reuses the other; "copied_by": the other reuses it
    )
    article: str
    paragraph: int
    similarity: float
    title: str | None
    source: str | None
    origin_agency: str | None
    link: str


class ParagraphOut(Schema):
    index: int
    kind: str
    language: str | None
    text: str
    spans: list[SpanOut]
    reuse: list[ReuseLink]


class StoryRef(Schema):
    id: str
    title: str
    link: str


class ArticleOut(Schema):
    id: str
    title: str
    url: str | None
    source: str | None
    language: str | None
    published: str | None
    published_precision: str | None
    published_label: str = Field(
        default="undated", description="The date for people, at its precision (inferred marked)"
    )
    published_origin: str | None = None
    published_evidence: str | None = None
    agencies: list[str]
    external_id: str | None
    story: StoryRef | None
    duplicate_of: str | None
    reused_share: float | None
    paragraphs: list[ParagraphOut]
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    figures: list[dict[str, Any]]
    times: list[dict[str, Any]]


class EntityStory(Schema):
    id: str
    title: str
    mentions: int
    articles: list[str]
    link: str


class EntityArticle(Schema):
    """An article that mentions the entity."""

    id: str
    title: str
    source: str | None
    language: str | None
    published: str | None
    published_precision: str | None
    story: str
    link: str


class CoMention(Schema):
    """Another entity named in the same articles, and in how many of them."""

    id: str
    name: str
    type: str
    type_name: str
    articles: int
    link: str


class EntityOut(Schema):
    id: str
    name: str
    type: str
    type_name: str  # the type in words: person, organisation, place, other name
    variants: list[str]
    mentions: int
    stories: list[EntityStory]
    articles: list[EntityArticle] = []  # newest first
    co_mentioned: list[CoMention] = []  # most shared articles first


class SnippetPart(Schema):
    text: str
    match: bool


class SearchHitOut(Schema):
    article: str
    title: str
    snippet: str
    snippet_parts: list[SnippetPart]
    score: float
    source: str | None
    language: str | None
    published: str | None = Field(description="ISO 8601 at the date's precision")
    published_precision: str | None = None
    published_label: str = Field(
        default="undated", description="The date for people, at its precision (inferred marked)"
    )
    story: str | None
    story_title: str | None = None
    link: str


class SearchFilters(Schema):
    """What ``/search`` and ``/api/search`` take: ``q`` in FTS5's syntax, and filters."""

    q: str = Field(
        default="",
        description="What to find, in any spelling or language: words (all must occur),"
        ' "a phrase", prefix*, OR, NOT, parentheses (SQLite FTS5\'s syntax)',
    )
    language: str | None = Field(default=None, description=LANGUAGE)
    outlet: str | None = Field(default=None, description=OUTLET)
    since: str | None = Field(default=None, description=SINCE)
    until: str | None = Field(default=None, description=UNTIL)
    story: str | None = Field(default=None, description=STORY)
    limit: int = Field(default=20, description=LIMIT)
    offset: int = Field(default=0, ge=0, description=OFFSET)


class SearchOut(Schema):
    query: str
    hits: list[SearchHitOut]
    total: int = Field(description="Articles matching, before limit and offset")
    limit: int
    offset: int
    filters: SearchFilters


class ArticleListFilters(Schema):
    """What ``GET /api/articles`` takes."""

    language: str | None = Field(default=None, description=LANGUAGE)
    outlet: str | None = Field(default=None, description=OUTLET)
    since: str | None = Field(default=None, description=SINCE)
    until: str | None = Field(default=None, description=UNTIL)
    story: str | None = Field(default=None, description=STORY)
    oldest: bool = Field(default=False, description="Oldest first (default: newest first)")
    limit: int = Field(default=50, description=LIMIT)
    offset: int = Field(default=0, ge=0, description=OFFSET)


class ArticleItem(Schema):
    id: str
    title: str
    url: str | None
    source: str | None
    language: str | None
    published: str | None = Field(description="ISO 8601 at the date's precision")
    published_precision: str | None = None
    published_label: str = Field(
        default="undated", description="The date for people, at its precision (inferred marked)"
    )
    story: str | None
    link: str


class ArticleList(Schema):
    articles: list[ArticleItem]
    total: int = Field(description="Articles matching, before limit and offset")
    limit: int
    offset: int
    filters: ArticleListFilters


class EntityListFilters(Schema):
    """What ``GET /api/entities`` takes."""

    type: str | None = Field(
        default=None, description="PER, ORG, LOC, GPE, EVT, MISC or the word: person, place…"
    )
    prefix: str | None = Field(default=None, description="Names (any spelling) starting so")
    limit: int = Field(default=50, description=LIMIT)
    offset: int = Field(default=0, ge=0, description=OFFSET)


class EntityBrief(Schema):
    id: str
    name: str
    type: str
    type_name: str
    variants: list[str]
    mentions: int
    articles: int = Field(description="Articles naming it")
    stories: int = Field(description="Stories naming it")
    link: str


class EntityList(Schema):
    entities: list[EntityBrief]
    total: int = Field(description="Entities matching, before limit and offset")
    limit: int
    offset: int
    filters: EntityListFilters


class StatusOut(Schema):
    version: str
    articles: int
    stories: int
    read_only: bool
    writes_need_token: bool
    max_request_mb: float
    allow_url_fetch: bool


class ErrorOut(Schema):
    detail: str
    errors: list[dict[str, str]] = Field(default_factory=list)
