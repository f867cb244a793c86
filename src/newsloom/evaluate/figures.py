"""Score figure extraction against a gold file (format: :mod:`newsloom.evaluate.extraction`).

A predicted figure is right on *value + kind* when a gold figure in the same paragraph has the same
kind and the same low value (and the same high value, unless one of them is open-ended); each
further field (subject, qualifier, attribution) must also agree for the prediction to count on that
field. Attribution matches if the gold source, or the source it was relayed through (``X (via
NTB)``), names the same source as the outermost or the innermost source of the predicted chain
(annotators differ on which end of ``Reuters skriver at lokale medier melder …`` to credit). "The
same source" means, in this order: after normalisation (case, determiners, ``politiet``/``polisen``
→ police) one name's words contain the other's; or the names are nearly equal (fuzzy ratio ≥ 85);
or an acronym the article defines (``Maritime Rescue Coordination Centre (MRCC)``) stands for the
other name; or both have the same head noun in :data:`SOURCE_HEADS`, a small cross-language table
(``Rikspolisen``, ``Østjyllands Politi``, ``the Danish police`` → police; ``elselskabet``/``the
power companies``; ``sykehuset``/ ``Oslo University Hospital``) and no conflicting nationality
(``Swedish police`` is not ``Norwegian police``). The head-noun rule accepts a less specific name
for a more specific one of the same kind, which is what translated and summarised gold sources look
like; it never turns a missing source into a right one. A subject matches when the gold subject is
one of the predicted ``" and "``-joined subjects or shares a word with one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from newsloom.evaluate.extraction import (
    Counts,
    analysis_of,
    load_gold,
    paragraph_pairs,
    report,
    select_records,
    unmatched,
)
from newsloom.records import Article, Figure
from newsloom.settings import AnalyzeSettings

KIND_EQUIVALENTS = {
    "found_dead": "killed",
    "seriously_injured": "injured",
    "gathered": "protesters",
    "troops": "deployed",
}
QUALIFIER_EQUIVALENTS = {"nearly": "up to"}
SOURCE_WORDS = {
    "politiet": "police",
    "polisen": "police",
    "politi": "police",
    "polis": "police",
    "policía": "police",
    "myndighederne": "authorities",
    "myndighetene": "authorities",
    "myndigheterna": "authorities",
    "dansk": "danish",
    "danska": "danish",
    "danske": "danish",
    "svensk": "swedish",
    "svenska": "swedish",
    "svenske": "swedish",
    "norsk": "norwegian",
    "norska": "norwegian",
    "norske": "norwegian",
    "arrangørerne": "organisers",
    "arrangørene": "organisers",
    "arrangörerna": "organisers",
    "organizers": "organisers",
    "sweden": "swedish",
    "denmark": "danish",
    "norway": "norwegian",
}
_DETERMINERS = re.compile(r"^(?:the|a|an|en|et|ett|den|det|el|la|los|las)\s+")
# Head nouns of common sources, per language, to one English head. A word counts as the head when
# it ends with a listed stem plus at most a definite/plural ending, so compounds and inflected forms
# match too (``Rikspolisen``, ``Sør politidistrikt``, ``universitetssykehus``, ``elselskabet``).
SOURCE_HEADS: dict[str, tuple[str, ...]] = {
    "police": ("police", "politi", "polis", "policía", "polizei", "politidistrikt"),
    "hospital": ("hospital", "sykehus", "sjukehus", "sygehus", "sjukhus", "krankenhaus"),
    "rescue service": (
        "rescue service",
        "räddningstjänst",
        "redningstjeneste",
        "redningstjenest",
        "beredskab",
        "beredskabsstyrelse",
    ),
    "rescue centre": ("rescue coordination centre", "redningssentral", "hovudredningssentral"),
    "foreign ministry": (
        "foreign ministry",
        "utrikesdepartement",
        "udenrigsministerium",
        "utenriksdepartement",
        "ud",
    ),
    "power company": ("power company", "power companies", "elbolag", "elselskab", "nettselskap"),
    "prosecutor": ("prosecutor", "åklagare", "anklager", "statsadvokat"),
    "authorities": ("authorities", "myndighed", "myndighet", "styresmakt", "officials"),
    "organisers": ("organisers", "organizers", "arrangør", "arrangör", "arrangører"),
}
_HEAD_ENDINGS = r"(?:en|et|ene|erne|erna|arna|ar|er|na|a|n|e|s|t)?"
_HEADS = [
    (
        head,
        re.compile(
            rf"(?:^(?:{'|'.join(re.escape(stem) for stem in stems if len(stem) < 5)})"
            rf"|(?:^|\w*?)(?:{'|'.join(re.escape(stem) for stem in stems if len(stem) >= 5)}))"
            rf"{_HEAD_ENDINGS}$"
        ),
    )
    for head, stems in SOURCE_HEADS.items()
]
_NATIONALITIES = {"danish", "swedish", "norwegian"}


def normalise_source(name: str | None) -> set[str]:
    """A source's words, lower-cased, without determiners, with common words in English."""
    text = _DETERMINERS.sub("", (name or "").lower().strip())
    words = set(re.findall(r"\w+", text)) - {"the", "s"}
    return {SOURCE_WORDS.get(word, word) for word in words}


def source_head(name: str | None) -> str | None:
    """The kind of source a name is, by its head noun: ``Rikspolisen``, ``Danish police`` and
    ``politiet`` are all ``police``; ``elselskabet`` and ``the power companies`` are
    ``power company``.

    The head is the last word (Germanic compounds and English noun phrases end with it), or the
    whole name for multi-word English heads. None when the head is not in :data:`SOURCE_HEADS`.
    """
    text = _DETERMINERS.sub("", (name or "").lower().strip())
    words = re.findall(r"\w+", text)
    if not words:
        return None
    for candidate in (" ".join(words[-3:]), " ".join(words[-2:]), words[-1]):
        for head, pattern in _HEADS:
            if pattern.search(candidate):
                return head
    return None


def _same_source(name: str, candidate: str, acronyms: dict[str, str]) -> bool:
    candidate = acronyms.get(candidate, candidate)
    wanted, found = normalise_source(name), normalise_source(candidate)
    if found and wanted and (wanted <= found or found <= wanted):
        return True
    if fuzz.ratio(name.lower(), candidate.lower()) >= 85:
        return True
    head = source_head(name)
    if head is None or head != source_head(candidate):
        return False
    # same kind of source; only a different nationality named on both sides tells them apart
    wanted_nations, found_nations = wanted & _NATIONALITIES, found & _NATIONALITIES
    return not (wanted_nations and found_nations and wanted_nations != found_nations)


def _source_matches(
    gold: str | None, chain: Sequence[str], acronyms: dict[str, str] | None = None
) -> bool:
    """Gold source (or the source it was relayed through) against any source of the chain."""
    if not gold:
        return not chain
    names = [part.strip() for part in re.split(r"\(via |\)", gold) if part.strip()]
    ends = {chain[0], chain[-1]} if chain else set()  # outermost or innermost of a nesting
    return any(
        _same_source(name, candidate, acronyms or {}) for name in names for candidate in ends
    )


_ACRONYM_DEFINITION = re.compile(
    r"(?P<name>\b[\w-]+(?:\s+[\w-]+){0,4}?)\s+\((?P<acronym>[A-ZÆØÅÄÖ]{2,8})\)"
)


def article_acronyms(article: Article) -> dict[str, str]:
    """Acronyms the article defines, to their long form: ``Maritime Rescue Coordination Centre
    (MRCC)`` → ``{"MRCC": "Maritime Rescue Coordination Centre"}`` (the same source)."""
    return {
        match.group("acronym"): match.group("name")
        for match in _ACRONYM_DEFINITION.finditer(article.text)
    }


def _subject_matches(gold: str | None, predicted: str | None) -> bool:
    if not gold or not predicted:
        return not gold and not predicted
    parts = set(predicted.lower().split(" and "))
    if gold.lower() in parts:  # "Swedish nationals", "emergency personnel"
        return True
    gold_words = set(gold.lower().replace(" officers", "").split())
    return bool(gold_words & parts)


def _value_matches(gold: dict[str, Any], figure: Figure) -> bool:
    kind = KIND_EQUIVALENTS.get(str(gold.get("kind")), gold.get("kind"))
    if KIND_EQUIVALENTS.get(figure.kind, figure.kind) != kind:
        return False
    if float(gold["low"]) != figure.low:
        return False
    high = gold.get("high")
    return (
        high is None
        or float(high) == figure.high
        or figure.high == figure.low == float(gold["low"])
    )


def _figure_fields(
    gold: dict[str, Any], figure: Figure, acronyms: dict[str, str] | None = None
) -> dict[str, bool]:
    qualifier = QUALIFIER_EQUIVALENTS.get(figure.qualifier or "", figure.qualifier)
    return {
        "subject": _subject_matches(gold.get("subject"), figure.subject),
        "qualifier": qualifier
        == QUALIFIER_EQUIVALENTS.get(gold.get("qualifier") or "", gold.get("qualifier")),
        "attribution": _source_matches(
            gold.get("attributed_to"), figure.attribution_chain, acronyms
        ),
    }


def evaluate_figures(
    path: Path, settings: AnalyzeSettings | None = None, subset: str = "all"
) -> dict[str, Any]:
    """P/R/F1 of figures on a gold file: value + kind, subject, qualifier, attribution.

    ``subset`` ``even``/``odd`` keeps the records at even/odd positions (see
    :func:`~newsloom.evaluate.extraction.select_records`)."""
    records, skipped = load_gold(Path(path))
    records = select_records(records, subset)
    counts = {name: Counts() for name in ("value_kind", "subject", "qualifier", "attribution")}
    errors: list[dict[str, Any]] = []
    for record in records:
        predicted = analysis_of(record.article, settings).figures
        acronyms = article_acronyms(record.article)
        for paragraph, gold, found, pairs in paragraph_pairs(
            record.figures, predicted, _value_matches, counts, "value_kind"
        ):
            for expected, figure in pairs:
                for name, agrees in _figure_fields(expected, figure, acronyms).items():
                    counts[name].correct += agrees
                    if not agrees:
                        errors.append(
                            {
                                "record": record.key,
                                "paragraph": paragraph,
                                "field": name,
                                "gold": expected.get(
                                    {"attribution": "attributed_to"}.get(name, name)
                                ),
                                "predicted": getattr(
                                    figure, {"attribution": "attributed_to"}.get(name, name)
                                ),
                            }
                        )
            errors += unmatched(
                record.key,
                paragraph,
                gold,
                found,
                pairs,
                lambda item: item.get("text") or f"{item.get('kind')} {item.get('low')}",
                lambda figure: {"spurious": figure.text, "kind": figure.kind, "low": figure.low},
            )
    return report(path, records, skipped, counts, "value_kind", errors, "figures")
