"""One entity per real-world name across spellings, inflections and languages.

Mentions are merged when they agree on a *key*:

1. the surface form is cleaned (quotes, trailing punctuation) and a genitive ``-s``/``'s`` is cut
   when the bare form is attested, is a known place, or ends a known person's name;
2. countries, regions and major cities map to their English name through the exonym table
   (``Rusland``/``Russland``/``Ryssland``/``Russia`` → ``Russia``), and organisations with
   translated names through the institution table (``Det hvite hus``/``Vita huset`` → ``White
   House``, ``FN``/``SN`` → ``United Nations``);
3. everything else gets a transliteration-insensitive key (``j``/``y``, ``kh``/``k``, ``z``/``s``,
   ``x``/``ks``, ``w``/``v``, doubled letters, diacritics), so ``Zelenskyj``/``Zelensky`` agree;
4. a short person name (``Støre``, ``al-Assad``) joins the full name (``Jonas Gahr Støre``)
   only when exactly one longer name in the set ends with it, so two people who share a surname
   stay apart; an acronym joins the one organisation whose initials spell it.

The type of a merged entity is the majority type of its mentions.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsloom.entities.exonyms import exonym_key, institution_key
from newsloom.normalize.language import SCANDINAVIAN_CODES
from newsloom.records import EntityMention, EntityType

_EDGE = "\"'«»“”„‘’`´()[]{}<>.,;:!?–—-*"
_PRIORITY = {
    EntityType.PERSON: 0,
    EntityType.LOCATION: 1,
    EntityType.ORGANISATION: 2,
    EntityType.EVENT: 3,
    EntityType.OTHER: 4,
}
_SUBSTITUTIONS = (
    ("schtsch", "sh"),  # щ: German
    ("sjtsj", "sh"),  # Norwegian, Danish
    ("sjtj", "sh"),  # Swedish
    ("shch", "sh"),  # English
    ("dzh", "j"),
    ("dzj", "j"),
    ("dsj", "j"),
    ("tsch", "c"),
    ("tsj", "c"),
    ("tch", "c"),
    ("tj", "c"),
    ("ou", "u"),
    ("zh", "sh"),
    ("zj", "sh"),
    ("sch", "sh"),
    ("sj", "sh"),
    ("ch", "c"),
    ("kh", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("x", "ks"),
    ("q", "k"),
    ("w", "v"),
    ("z", "s"),
    ("y", "j"),
    ("c", "k"),
)
_FOLD = str.maketrans({"ø": "o", "æ": "e", "å": "a", "ß": "ss", "đ": "d", "ł": "l", "ı": "i"})


@dataclass(frozen=True, slots=True)
class CanonicalEntity:
    id: str  # stable: derived from the type and key, not from run order
    name: str
    type: EntityType
    variants: tuple[str, ...]
    mentions: int
    articles: tuple[str, ...]


def clean_surface(text: str) -> str:
    """The mention text without surrounding quotes, brackets and punctuation."""
    text = " ".join(text.split())
    return text.strip(_EDGE).strip()


_NOT_WORD = re.compile(r"[^\w\s]|_")
_JE_OPENING = re.compile(r"(?<![^ ])je")  # a word's ``^je``, its words joined by one space
_REPEATED = re.compile(r"(.)\1+")
_OV_ENDING = re.compile(r"(k|sh)ov(?![^ ])")  # a word's ``(k|sh)ov$``


@lru_cache(maxsize=100_000)  # names recur across articles; a pure function of the string
def transliteration_key(name: str) -> str:
    """A spelling-insensitive key: ``Jevgenij Prigozjin`` and ``Yevgeny Prigozhin`` agree.

    Each step rewrites within a word (no source, target or pattern holds a space, and a repeated
    letter cannot repeat across the one space between words), so it runs once over the words
    joined, not once a word. An ASCII name skips the Unicode steps, which do nothing to it
    (``casefold`` is ``lower`` there)."""
    if name.isascii():  # both normal forms leave it as it is, and no letter of it combines
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKC", name).casefold().translate(_FOLD)
        text = unicodedata.normalize("NFKD", text)
        if not text.isascii():
            text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(_NOT_WORD.sub(" ", text).split())
    for source, target in _SUBSTITUTIONS:
        text = text.replace(source, target)
    text = _JE_OPENING.sub("e", text)  # Jevgenij / Yevgeny / Evgeny
    text = text.replace("j", "i")
    text = _REPEATED.sub(r"\1", text)
    # Russian -чёв/-щёв: English writes the ё as e (Gorbachev), Scandinavian as o (Gorbatsjov)
    return _OV_ENDING.sub(r"\1ev", text)


def _strip_apostrophe(text: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)]
    return text


@dataclass(slots=True)
class _Item:
    surface: str
    base: str
    type: EntityType
    article: str


def _base_forms(items: list[_Item], languages: Mapping[str, str | None]) -> None:
    """Replace genitive surfaces by their base form where the evidence supports it."""
    bare = {transliteration_key(item.base) for item in items if not item.base.endswith("s")}
    person_last = {
        transliteration_key(item.base.split()[-1])
        for item in items
        if item.type is EntityType.PERSON and not item.base.endswith("s")
    }
    for item in items:
        language = languages.get(item.article)
        base = item.base
        if not base.endswith("s") or base.endswith("ss") or len(base) < 4:
            continue
        if language is not None and language not in SCANDINAVIAN_CODES:
            continue
        stem = base[:-1]
        known_place = exonym_key(stem) is not None and exonym_key(base) is None
        key = transliteration_key(stem)
        last_token = key.split()[-1] if key else ""
        if (
            key in bare
            or known_place
            or (item.type is EntityType.PERSON and last_token in person_last)
        ):
            item.base = stem


@lru_cache(maxsize=100_000)
def _key(base: str) -> str:
    place = exonym_key(base)
    if place:
        return f"place:{transliteration_key(place)}"
    institution = institution_key(base)
    if institution:
        return f"org:{transliteration_key(institution)}"
    return transliteration_key(base)


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """The key a name is merged on (:func:`canonicalize`), without its ``place:``/``org:`` tag:
    ``Kiev`` and ``Kyiv`` give ``kiv``. A known place's genitive
    (``Ruslands``) gives the place's key, as it does when mentions merge. Full-text search keys
    words and names with it, so a search folds spellings exactly as entities merge."""
    base = _strip_apostrophe(clean_surface(name))
    if base.endswith("s") and exonym_key(base) is None and exonym_key(base[:-1]) is not None:
        base = base[:-1]
    return _key(base).partition(":")[2] or _key(base)


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word)


def _attach_short_names(
    clusters: dict[str, list[_Item]], types: Mapping[str, EntityType]
) -> dict[str, str]:
    """Map a short cluster key to the one longer cluster it abbreviates, when unambiguous."""
    by_tail: dict[str, set[str]] = defaultdict(set)  # "al asad", "asad" → "bashar al asad"
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key in clusters:
        if ":" in key:  # a place or an institution from the tables: already whole
            continue
        words = key.split()
        if len(words) >= 2 and types[key] is EntityType.PERSON:
            for size in range(1, len(words)):
                by_tail[" ".join(words[-size:])].add(key)
        if len(words) >= 2 and types[key] is not EntityType.PERSON:
            by_initials[_initials(key)].add(key)
    parents: dict[str, str] = {}
    for key in clusters:
        if ":" in key:
            continue
        longer = {
            candidate
            for candidate in by_tail.get(key, ())
            if not any(other.endswith(" " + candidate) for other in by_tail[key])
        }
        # a bare surname is often mistyped by the recogniser, so its own type is not required;
        # acronyms (all capitals) are organisations, not surnames
        if len(longer) == 1 and not any(item.base.isupper() for item in clusters[key]):
            parents[key] = next(iter(longer))
        elif (
            types[key] is not EntityType.PERSON
            and len(key.split()) == 1
            and len(by_initials.get(key, ())) == 1
        ):
            surfaces = {item.base for item in clusters[key]}
            if any(surface.isupper() for surface in surfaces):
                parents[key] = next(iter(by_initials[key]))
    return parents


def _majority_type(items: Sequence[_Item]) -> EntityType:
    first = items[0].type
    if all(item.type is first for item in items):  # most clusters: no vote to count
        return first
    counts = Counter(item.type for item in items)
    return min(counts, key=lambda kind: (-counts[kind], _PRIORITY[kind]))


def _display_name(items: Sequence[_Item]) -> str:
    if len(items) == 1:
        return items[0].base
    counts = Counter(item.base for item in items)
    longest = max(len(name.split()) for name in counts)
    candidates = [name for name in counts if len(name.split()) == longest]
    return min(candidates, key=lambda name: (-counts[name], name))


def canonicalize(
    mentions: Mapping[str, Sequence[EntityMention]],
    languages: Mapping[str, str | None] | None = None,
) -> list[CanonicalEntity]:
    """Merge mentions (article id → its mentions) into canonical entities, most mentioned first."""
    items = [
        _Item(surface, _strip_apostrophe(surface), mention.type, article)
        for article, article_mentions in mentions.items()
        for mention in article_mentions
        if (surface := clean_surface(mention.text))
    ]
    _base_forms(items, languages or {})
    clusters: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        key = _key(item.base)
        if key:
            clusters[key].append(item)
    types = {key: _majority_type(members) for key, members in clusters.items()}
    for child, parent in _attach_short_names(clusters, types).items():
        clusters[parent].extend(clusters.pop(child))
    entities = []
    for key, members in clusters.items():
        kind = _majority_type(members)
        digest = hashlib.sha1(f"{kind.value}:{key}".encode()).hexdigest()[:12]
        entities.append(
            CanonicalEntity(
                id=f"ent-{digest}",
                name=_display_name(members),
                type=kind,
                variants=tuple(sorted({item.surface for item in members})),
                mentions=len(members),
                articles=tuple(sorted({item.article for item in members})),
            )
        )
    entities.sort(key=lambda entity: (-entity.mentions, entity.name))
    return entities
