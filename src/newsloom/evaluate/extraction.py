"""Evaluate figure and quote extraction against gold files: precision, recall and F1 per field.

Two gold formats are read:

- newsloom's extraction gold (``tests/data/gold/figures.jsonl`` / ``quotes.jsonl``), one record a
  line: ``{"id", "language", "published", "text" | "source", "figures" | "quotes"}``. ``text`` is a
  paragraph (blank lines split paragraphs); ``source`` points into the shared data folder instead of
  copying it (``{"path": "timelines/ml-crisis/es/…/x.txt", "line": 3}``, lines counted from 1,
  or ``{"path":
  "ner/norne-nob/dev.conll", "sentence": 120}``, or ``"sentences": [112, 120]`` for a run of
  sentences, one paragraph each); records whose source is absent are skipped and
  counted. Expected figures: ``{"paragraph", "kind", "subject", "low", "high", "qualifier",
  "attributed_to"}``; quotes: ``{"paragraph", "speaker", "text"}``.
- the example corpus gold (``gold.json`` beside ``articles.jsonl``: ``figures`` / ``quotes`` lists
  keyed by article id and paragraph).

Each gold article goes through ingest's own analyze stage (entity mentions first, then quotes,
figures and times, as :class:`~newsloom.analyze.analyzer.Analyzer` runs them), so a score
describes what ``newsloom ingest`` stores. Matching happens within a paragraph. A predicted
figure is right on *value + kind* when a
gold figure in the same paragraph has the same kind and the same low value (and the same high
value, unless one of them is open-ended); each further field (subject, qualifier, attribution)
must also agree for the prediction to count on that field. Attribution matches if the gold
source, or the source it was relayed through (``X (via NTB)``), names the same source as the
outermost or the innermost source of the predicted chain (annotators differ on which end of
``Reuters skriver at lokale medier melder …`` to credit). "The same source" means, in this order:
after normalisation (case, determiners, ``politiet``/``polisen`` → police) one name's words contain
the other's; or the names are nearly equal (fuzzy ratio ≥ 85); or an acronym the article defines
(``Maritime Rescue Coordination Centre (MRCC)``) stands for the other name; or both have the same
head noun in :data:`SOURCE_HEADS`, a small cross-language table (``Rikspolisen``, ``Østjyllands
Politi``, ``the Danish police`` → police; ``elselskabet``/``the power companies``; ``sykehuset``/
``Oslo University Hospital``) and no conflicting nationality (``Swedish police`` is not
``Norwegian police``). The head-noun rule accepts a less specific name for a more specific one of
the same kind, which is what translated and summarised gold sources look like; it never turns a
missing source into a right one. A
predicted quote matches a gold quote when their texts share at least half of the shorter one's
words; *speaker* also needs the same speaker name (one containing the other). A subject matches
when the gold subject is one of the predicted ``" and "``-joined subjects or shares a word with one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from newsloom.analyze.prepare import analyzer_for
from newsloom.errors import EvaluationError, NewsloomError
from newsloom.records import Analysis, Article, DatePrecision, Figure, Paragraph, Quote
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


@dataclass(slots=True)
class GoldParagraph:
    key: str  # record id or article id
    article: Article
    figures: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class _Counts:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def scores(self) -> dict[str, float | int]:
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = self.correct / self.gold if self.gold else 0.0
        f1 = 2 * self.correct / (self.predicted + self.gold) if self.predicted + self.gold else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def find_shared_data(start: Path) -> Path | None:
    """``../shared/data`` seen from ``start`` or any folder above it."""
    for folder in [start, *start.parents]:
        for candidate in (folder / "shared" / "data", folder.parent / "shared" / "data"):
            if candidate.is_dir():
                return candidate
    return None


def _conll_sentence(path: Path, index: int) -> str | None:
    sentence = 0
    tokens: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    if sentence == index:
                        return _detokenize(tokens)
                    sentence += 1
                    tokens = []
                continue
            if line.startswith("#"):
                continue
            tokens.append(line.split("\t")[0])
    return _detokenize(tokens) if tokens and sentence == index else None


def _detokenize(tokens: Sequence[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r"\s+([.,:;!?)»”])", r"\1", text)
    return re.sub(r"([(«„“])\s+", r"\1", text)


def _source_text(source: dict[str, Any], shared: Path | None) -> str | None:
    if shared is None:
        return None
    path = shared / str(source["path"])
    if not path.is_file():
        return None
    if "sentence" in source:
        return _conll_sentence(path, int(source["sentence"]))
    if "sentences" in source:  # an inclusive range, one paragraph a sentence
        first, last = (int(value) for value in source["sentences"])
        found = [_conll_sentence(path, index) for index in range(first, last + 1)]
        return None if None in found else "\n\n".join(text for text in found if text)
    lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n")]
    line = int(source.get("line", 1))  # 1-based, as editors and grep count
    return lines[line - 1] if 1 <= line <= len(lines) else None


def _published(value: Any) -> tuple[datetime | None, DatePrecision | None]:
    if not value:
        return None, None
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return datetime.fromisoformat(text + "-01"), DatePrecision.MONTH
    parsed = datetime.fromisoformat(text)
    return parsed, DatePrecision.TIME if "T" in text else DatePrecision.DAY


def _article(key: str, text: str, language: str | None, published: Any) -> Article:
    value, precision = _published(published)
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    article = Article(
        id=key,
        content_hash=key,
        title=blocks[0][:80] if blocks else "",
        paragraphs=tuple(
            Paragraph(index=i, text=" ".join(block.split()), language=language)
            for i, block in enumerate(blocks)
        ),
        language=language,
        published=value,
        published_precision=precision,
        external_id=key,
    )
    if language is None:
        from newsloom.normalize.language import detect_languages

        try:
            return detect_languages(article)
        except NewsloomError:
            return article
    return article


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise EvaluationError(f"gold file {path}: {error.strerror or error}") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{path}:{number}: not valid JSON ({error.msg})") from error
        if not isinstance(record, dict):
            raise EvaluationError(f"{path}:{number}: expected a JSON object")
        yield number, record


def load_gold(path: Path) -> tuple[list[GoldParagraph], int]:
    """Gold records as articles with expected items, and how many were skipped (data absent)."""
    if path.suffix == ".json":
        return _load_example_gold(path), 0
    shared = find_shared_data(path.resolve().parent)
    records: list[GoldParagraph] = []
    skipped = 0
    for number, record in _read_jsonl(path):
        key = str(record.get("id", f"{path.name}:{number}"))
        if "text" in record:
            text = str(record["text"])
        elif isinstance(record.get("source"), dict):
            found = _source_text(record["source"], shared)
            if found is None:
                skipped += 1
                continue
            text = found
        else:
            raise EvaluationError(f"{path}:{number}: a record needs 'text' or 'source'")
        for name in ("figures", "quotes"):
            if not isinstance(record.get(name, []), list):
                raise EvaluationError(f"{path}:{number}: field '{name}' must be a list")
        records.append(
            GoldParagraph(
                key=key,
                article=_article(key, text, record.get("language"), record.get("published")),
                figures=list(record.get("figures", [])),
                quotes=list(record.get("quotes", [])),
            )
        )
    return records, skipped


def _load_example_gold(path: Path) -> list[GoldParagraph]:
    articles_path = path.with_name("articles.jsonl")
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise EvaluationError(f"gold file {path}: {error}") from error
    if not articles_path.is_file():
        raise EvaluationError(f"gold file {path}: no articles.jsonl beside it")
    records: dict[str, GoldParagraph] = {}
    for _, item in _read_jsonl(articles_path):
        key = str(item["id"])
        records[key] = GoldParagraph(
            key, _article(key, str(item["text"]), item.get("language"), item.get("published"))
        )
    for name in ("figures", "quotes"):
        for expected in gold.get(name, []):
            record = records.get(str(expected.get("article")))
            if record is None:
                raise EvaluationError(
                    f"{path}: {name} names unknown article {expected.get('article')!r}"
                )
            getattr(record, name).append(expected)
    return list(records.values())


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


def _pair(
    gold: list[dict[str, Any]],
    predicted: Sequence[Any],
    matches: Callable[[dict[str, Any], Any], bool],
) -> list[tuple[dict[str, Any], Any]]:
    pairs: list[tuple[dict[str, Any], Any]] = []
    free = list(predicted)
    for expected in gold:
        for candidate in free:
            if matches(expected, candidate):
                pairs.append((expected, candidate))
                free.remove(candidate)
                break
    return pairs


def _by_paragraph(items: Iterable[Any]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    for item in items:
        index = item["paragraph"] if isinstance(item, dict) else item.paragraph
        grouped.setdefault(int(index), []).append(item)
    return grouped


def _headline(scores: dict[str, Any]) -> dict[str, Any]:
    """The field a report leads with, as top-level precision/recall/f1."""
    return {key: scores[key] for key in ("precision", "recall", "f1")}


def _analysis(article: Article, settings: AnalyzeSettings | None) -> Analysis:
    """What ingest's analyze stage finds in ``article`` (entities first, so speakers and sources
    resolve as in the product): the score describes what ``newsloom ingest`` stores."""
    return analyzer_for(settings or AnalyzeSettings()).analyze(article)


def evaluate_figures(path: Path, settings: AnalyzeSettings | None = None) -> dict[str, Any]:
    """P/R/F1 of figures on a gold file: value + kind, subject, qualifier, attribution."""
    records, skipped = load_gold(Path(path))
    counts = {name: _Counts() for name in ("value_kind", "subject", "qualifier", "attribution")}
    errors: list[dict[str, Any]] = []
    for record in records:
        predicted = _analysis(record.article, settings).figures
        acronyms = article_acronyms(record.article)
        gold_by_paragraph = _by_paragraph(record.figures)
        predicted_by_paragraph = _by_paragraph(predicted)
        for paragraph in set(gold_by_paragraph) | set(predicted_by_paragraph):
            gold = gold_by_paragraph.get(paragraph, [])
            found = predicted_by_paragraph.get(paragraph, [])
            pairs = _pair(gold, found, _value_matches)
            for counter in counts.values():
                counter.gold += len(gold)
                counter.predicted += len(found)
            counts["value_kind"].correct += len(pairs)
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
            matched_gold = [id(expected) for expected, _ in pairs]
            matched_found = [id(figure) for _, figure in pairs]
            errors.extend(
                {
                    "record": record.key,
                    "paragraph": paragraph,
                    "missed": item.get("text") or f"{item.get('kind')} {item.get('low')}",
                }
                for item in gold
                if id(item) not in matched_gold
            )
            errors.extend(
                {
                    "record": record.key,
                    "paragraph": paragraph,
                    "spurious": figure.text,
                    "kind": figure.kind,
                    "low": figure.low,
                }
                for figure in found
                if id(figure) not in matched_found
            )
    fields = {name: counter.scores() for name, counter in counts.items()}
    return {
        **_headline(fields["value_kind"]),
        "file": str(path),
        "records": len(records),
        "skipped": skipped,
        "languages": sorted({r.article.language or "?" for r in records if r.figures}),
        "fields": fields,
        "errors": errors,
    }


SUBSETS = ("all", "even", "odd")


def select_records(records: list[GoldParagraph], subset: str) -> list[GoldParagraph]:
    """The records at even or odd positions of the file (``all``: every record)."""
    if subset not in SUBSETS:
        raise ValueError(f"records subset {subset!r}: expected one of {', '.join(SUBSETS)}")
    if subset == "all":
        return records
    return records[0 if subset == "even" else 1 :: 2]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _quote_matches(gold: dict[str, Any], quote: Quote) -> bool:
    expected, found = _words(str(gold.get("text", ""))), _words(quote.text)
    if not expected or not found:
        return False
    return len(expected & found) >= 0.5 * min(len(expected), len(found))


def _speaker_matches(gold: str | None, quote: Quote) -> bool:
    predicted = quote.speaker or quote.speaker_role
    if not gold or not predicted:
        return not gold and not predicted
    wanted, found = gold.lower(), predicted.lower()
    return wanted == found or wanted in found or found in wanted


def evaluate_quotes(
    path: Path, subset: str = "all", settings: AnalyzeSettings | None = None
) -> dict[str, Any]:
    """P/R/F1 of quotes on a gold file: text (overlap) and text + speaker.

    ``subset`` ``even``/``odd`` keeps the records at even/odd positions (a tuning and a held-out
    half of one file); ``all`` keeps every record.
    """
    records, skipped = load_gold(Path(path))
    records = select_records(records, subset)
    counts = {"text": _Counts(), "speaker": _Counts()}
    errors: list[dict[str, Any]] = []
    for record in records:
        predicted = _analysis(record.article, settings).quotes
        gold_by_paragraph = _by_paragraph(record.quotes)
        predicted_by_paragraph = _by_paragraph(predicted)
        for paragraph in set(gold_by_paragraph) | set(predicted_by_paragraph):
            gold = gold_by_paragraph.get(paragraph, [])
            found = predicted_by_paragraph.get(paragraph, [])
            pairs = _pair(gold, found, _quote_matches)
            for counter in counts.values():
                counter.gold += len(gold)
                counter.predicted += len(found)
            counts["text"].correct += len(pairs)
            for expected, quote in pairs:
                if _speaker_matches(expected.get("speaker"), quote):
                    counts["speaker"].correct += 1
                else:
                    errors.append(
                        {
                            "record": record.key,
                            "paragraph": paragraph,
                            "gold_speaker": expected.get("speaker"),
                            "predicted_speaker": quote.speaker or quote.speaker_role,
                        }
                    )
            matched_gold = [id(expected) for expected, _ in pairs]
            matched_found = [id(quote) for _, quote in pairs]
            errors.extend(
                {"record": record.key, "paragraph": paragraph, "missed": str(item.get("text"))[:80]}
                for item in gold
                if id(item) not in matched_gold
            )
            errors.extend(
                {
                    "record": record.key,
                    "paragraph": paragraph,
                    "spurious": quote.text[:80],
                    "speaker": quote.speaker,
                }
                for quote in found
                if id(quote) not in matched_found
            )
    fields = {name: counter.scores() for name, counter in counts.items()}
    return {
        **_headline(fields["speaker"]),
        "file": str(path),
        "records": len(records),
        "skipped": skipped,
        "languages": sorted({r.article.language or "?" for r in records if r.quotes}),
        "fields": fields,
        "errors": errors,
    }
