"""Turn records into stored values and back (JSON for nested analysis records)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from enum import Enum
from typing import Any

from newsloom.records import (
    Analysis,
    DatePrecision,
    EntityMention,
    EntityType,
    Figure,
    Quote,
    TimeExpression,
)

ANALYSIS_VERSION = 2  # 2: figures store a vague count's words (Figure.vague)


_PLAIN = frozenset({str, int, float, bool, type(None)})  # exactly these types (not enums)
_FIELDS: dict[type, tuple[str, ...]] = {}  # field names per dataclass type, in order


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums, dates and tuples as plain JSON values."""
    kind = type(value)
    if kind in _PLAIN:  # the most common values first: what they give is themselves
        return value
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[kind] = tuple(item.name for item in dataclasses.fields(value))
    if names is not None:
        fields = {}
        for name in names:  # plain values inline: most fields are, and calls cost
            item = getattr(value, name)
            fields[name] = item if type(item) in _PLAIN else to_jsonable(item)
        return fields
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [item if type(item) in _PLAIN else to_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    return value


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _precision(value: Any) -> DatePrecision | None:
    return DatePrecision(value) if value else None


def _stored_vague(item: dict[str, Any]) -> str | None:
    """For a figure stored before version 2: the words of its vague count, read once from the
    phrase stored with it (the extractor's own reading, so old databases show words too)."""
    from newsloom.extract.numbers import (
        find_quantities,
    )  # only for old payloads: keeps startup fast

    for quantity in find_quantities(str(item.get("text", ""))):
        if (
            quantity.vague
            and quantity.high > quantity.low
            and (quantity.low, quantity.high) == (item.get("low"), item.get("high"))
        ):
            return quantity.text.strip("'\"«»“”‘’")
    return None


def analysis_to_json(analysis: Analysis) -> str:
    return json.dumps(to_jsonable(analysis), ensure_ascii=False, separators=(",", ":"))


def analysis_from_json(payload: str) -> Analysis:
    data = json.loads(payload)
    return Analysis(
        article_id=data["article_id"],
        entities=tuple(
            EntityMention(
                text=item["text"],
                type=EntityType(item["type"]),
                paragraph=item["paragraph"],
                start=item["start"],
                end=item["end"],
            )
            for item in data.get("entities", [])
        ),
        quotes=tuple(Quote(**item) for item in data.get("quotes", [])),
        figures=tuple(
            Figure(
                **{
                    **item,
                    "as_of": _date(item.get("as_of")),
                    "as_of_precision": _precision(item.get("as_of_precision")),
                    "attribution_chain": tuple(item.get("attribution_chain", ())),
                    "vague": item["vague"] if "vague" in item else _stored_vague(item),
                }
            )
            for item in data.get("figures", [])
        ),
        times=tuple(
            TimeExpression(
                **{
                    **item,
                    "value": _date(item.get("value")),
                    "precision": _precision(item.get("precision")),
                }
            )
            for item in data.get("times", [])
        ),
        extraction_resources=str(data.get("extraction_resources", "")),
        embedding=tuple(float(value) for value in data.get("embedding", ())),
    )
