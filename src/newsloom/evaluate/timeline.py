"""Timeline summarisation evaluated against journalists' reference timelines (Crisis, any language).

The directory holds one folder per topic with articles filed by publication date
(``<topic>/<YYYY-MM-DD>/<id>.txt``) and ``reference/<topic>.txt`` timelines: a date line, summary
sentences one per line, a dashed separator line. For each topic every article goes through
normalize → analyze (time expressions) → the consolidate stage's dated sentences, all articles
treated as one story. As usual in timeline-summarisation evaluation the system is told how long the
reference is: it picks as many dates as the reference has and about as many sentences per date.

Each topic's language is detected from its articles (or given); time expressions are read with that
language's calendar words. Dates are ranked by how many articles point at them (a time expression
resolving to the day, or an article published that day or the next, whose lead sentences usually
report it), and a date heading a paragraph of a chronology (an article with several paragraphs
that begin with a date, ``16 de enero: …``) counts :data:`CHRONOLOGY_WEIGHT` articles: someone
already chose it as a key date. Each chosen date's sentences are picked by the summary stage's
centrality + MMR selection. Beside the scores, ``text_free`` is a rule that reads no text: the
dates on which most articles were published.

Metrics (all F1): ``date_f1`` over distinct dates; ``rouge1_f``/``rouge2_f`` over the whole
timeline's text (concatenated ROUGE, clipped n-gram counts, lower-cased ``\\w+`` tokens, no
stemming); ``ar1_f``/``ar2_f``, a date-aligned ROUGE: each predicted date is matched to the
nearest reference date (and each reference date to the nearest predicted one, for recall), and the
n-gram overlap of the two days is weighted by ``1 / (1 + days apart)``. This is a simplification of
the many-to-one alignment ROUGE of Martschat & Markert (2017) used by the published baselines.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from newsloom.analyze.analyzer import Analyzer
from newsloom.errors import EvaluationError, NewsloomError
from newsloom.normalize.article import normalize
from newsloom.normalize.language import detect_languages
from newsloom.records import Article, DatePrecision, RawDocument
from newsloom.settings import AnalyzeSettings
from newsloom.story.sentences import Sentence, article_sentences, words
from newsloom.story.summary import cluster_sentences, select_sentences
from newsloom.story.timeline import chronology_dates, dated_sentences

_DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SEPARATOR = re.compile(r"^-{5,}\s*$")
LEAD_SENTENCES = 3  # sentences of an article dated by its publication day
# Chosen by leave-one-topic-out cross-validation on the four Spanish Crisis topics (docs/dates.md).
PUBLISHED_WEIGHT = 0.25  # an article published on (or the day after) a date, vs one mentioning it
CHRONOLOGY_WEIGHT = 5.0  # a date heading a chronology's paragraph, vs one article mentioning it
MAX_ARTICLES_PER_TOPIC: int | None = None

Timeline = dict[date, list[str]]


@dataclass(frozen=True, slots=True)
class _Candidate:
    sentence: Sentence
    date: date
    weight: float


def read_reference(path: Path) -> Timeline:
    """A reference timeline: dates with their summary sentences (entries on one date merge)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise EvaluationError(f"reference timeline {path}: {error.strerror or error}") from error
    timeline: Timeline = {}
    current: date | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if _SEPARATOR.match(line):
            current = None
        elif _DATE_LINE.match(line) and current is None:
            try:
                current = date.fromisoformat(line)
            except ValueError as error:
                raise EvaluationError(f"{path}:{number}: not a valid date: {line!r}") from error
            timeline.setdefault(current, [])
        elif current is None:
            raise EvaluationError(f"{path}:{number}: expected a YYYY-MM-DD date line, got {line!r}")
        else:
            timeline[current].append(line)
    if not timeline:
        raise EvaluationError(f"reference timeline {path}: no dated entries")
    return timeline


def read_topic(
    directory: Path, limit: int | None = None, language: str | None = None
) -> list[Article]:
    """The topic's articles, normalised, dated by the folder they are filed in, in ``language``
    (detected per article when None)."""
    articles: list[Article] = []
    paths = sorted(directory.glob("*/*.txt"))
    for path in paths[:limit]:
        try:
            filed = date.fromisoformat(path.parent.name)
        except ValueError:
            continue  # not a date folder
        text = path.read_text(encoding="utf-8", errors="replace")
        raw = RawDocument(
            text=text,
            origin=str(path),
            published=filed.isoformat(),
            language=language,
            external_id=path.stem,
            source=path.stem.split("_")[0],
        )
        try:
            article = normalize(raw)
        except NewsloomError:
            continue
        if language is None:
            article = detect_languages(article)
        if article.published is None or article.published.date() != filed:
            article = replace(
                article,
                published=datetime(filed.year, filed.month, filed.day),
                published_precision=DatePrecision.DAY,
            )
        articles.append(article)
    return articles


def topic_language(articles: Sequence[Article]) -> str | None:
    """The language most of a topic's articles are in."""
    counts = Counter(article.language for article in articles if article.language)
    return counts.most_common(1)[0][0] if counts else None


def _candidates(
    articles: Sequence[Article], analyzer: Analyzer
) -> tuple[list[_Candidate], Counter[date]]:
    """Dated sentences of the topic, and how many chronologies head a paragraph with each date."""
    start = min(a.published.date() for a in articles if a.published)
    end = max(a.published.date() for a in articles if a.published)
    candidates: list[_Candidate] = []
    chronology: Counter[date] = Counter()
    for article in articles:
        assert article.published is not None
        published = article.published.date()
        sentences = list(article_sentences(article, min_words=6))
        analysis = analyzer.analyze(article)
        chronology.update(
            day
            for day in chronology_dates(article, analysis.times)
            if start - timedelta(days=7) <= day <= end
        )
        mentioned: set[tuple[int, int]] = set()
        for dated in dated_sentences(article, analysis.times, sentences):
            if dated.precision not in (DatePrecision.DAY, DatePrecision.NIGHT):
                continue
            if not start - timedelta(days=7) <= dated.date <= end or dated.date > published:
                continue
            candidates.append(_Candidate(dated.sentence, dated.date, 1.0))
            mentioned.add((dated.sentence.paragraph, dated.sentence.start))
        for sentence in sentences[:LEAD_SENTENCES]:
            if (sentence.paragraph, sentence.start) not in mentioned:
                candidates.append(_Candidate(sentence, published, PUBLISHED_WEIGHT))
    return candidates, chronology


def _rank_dates(
    candidates: Iterable[_Candidate],
    articles: Sequence[Article],
    chronology: Mapping[date, int] | None = None,
) -> list[date]:
    votes: dict[date, set[str]] = {}
    for candidate in candidates:
        if candidate.weight >= 1.0:
            votes.setdefault(candidate.date, set()).add(candidate.sentence.article)
    score: dict[date, float] = {day: float(len(ids)) for day, ids in votes.items()}
    for day, count in (chronology or {}).items():
        score[day] = score.get(day, 0.0) + CHRONOLOGY_WEIGHT * count
    for article in articles:
        assert article.published is not None
        published = article.published.date()
        day_before = published - timedelta(days=1)
        score[published] = score.get(published, 0.0) + PUBLISHED_WEIGHT
        score[day_before] = score.get(day_before, 0.0) + PUBLISHED_WEIGHT / 2
    return sorted(score, key=lambda day: (-score[day], day))


def build_system_timeline(
    articles: Sequence[Article], analyzer: Analyzer, dates: int, sentences_per_date: int
) -> Timeline:
    """A timeline of ``dates`` dates with up to ``sentences_per_date`` sentences each."""
    candidates, chronology = _candidates(articles, analyzer)
    by_date: dict[date, list[_Candidate]] = {}
    for candidate in candidates:
        by_date.setdefault(candidate.date, []).append(candidate)
    timeline: Timeline = {}
    for day in _rank_dates(candidates, articles, chronology):
        if len(timeline) >= dates:
            break
        if day not in by_date:
            continue
        clusters = cluster_sentences((c.sentence for c in by_date[day]), fuzzy=False)
        chosen = select_sentences(clusters, sentences_per_date)
        if chosen:
            timeline[day] = [cluster.text for cluster in chosen]
    return dict(sorted(timeline.items()))


def text_free_dates(articles: Sequence[Article], dates: int) -> list[date]:
    """A rule that reads no text: the ``dates`` days on which most articles were published."""
    counts = Counter(a.published.date() for a in articles if a.published is not None)
    return sorted(counts, key=lambda day: (-counts[day], day))[:dates]


# --- metrics ---------------------------------------------------------------------------------


def _ngrams(text: str, size: int) -> Counter[tuple[str, ...]]:
    tokens = words(text)
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def rouge_f(system: str, reference: str, size: int) -> float:
    """ROUGE-N F1 with clipped counts."""
    predicted, gold = _ngrams(system, size), _ngrams(reference, size)
    overlap = sum((predicted & gold).values())
    precision = overlap / sum(predicted.values()) if predicted else 0.0
    recall = overlap / sum(gold.values()) if gold else 0.0
    return _f1(precision, recall)


def date_f1(system: Iterable[date], reference: Iterable[date]) -> float:
    predicted, gold = set(system), set(reference)
    if not predicted or not gold:
        return 0.0
    hits = len(predicted & gold)
    return _f1(hits / len(predicted), hits / len(gold))


def _aligned_overlap(source: Timeline, target: Timeline, size: int) -> tuple[float, int]:
    """Weighted overlap of each ``source`` date with its nearest ``target`` date, and the total
    n-gram count of ``source``."""
    target_dates = sorted(target)
    matched, total = 0.0, 0
    for day, texts in source.items():
        grams = _ngrams(" ".join(texts), size)
        total += sum(grams.values())
        if not target_dates:
            continue
        nearest = min(target_dates, key=lambda other: (abs((other - day).days), other))
        weight = 1.0 / (1 + abs((nearest - day).days))
        matched += weight * sum((grams & _ngrams(" ".join(target[nearest]), size)).values())
    return matched, total


def aligned_rouge_f(system: Timeline, reference: Timeline, size: int) -> float:
    """Date-aligned ROUGE-N F1 (nearest-date alignment, ``1 / (1 + days apart)`` weights)."""
    matched_system, system_total = _aligned_overlap(system, reference, size)
    matched_reference, reference_total = _aligned_overlap(reference, system, size)
    precision = matched_system / system_total if system_total else 0.0
    recall = matched_reference / reference_total if reference_total else 0.0
    return _f1(precision, recall)


def score_timeline(system: Timeline, reference: Timeline) -> dict[str, float]:
    system_text = " ".join(" ".join(texts) for texts in system.values())
    reference_text = " ".join(" ".join(texts) for texts in reference.values())
    return {
        "date_f1": round(date_f1(system, reference), 4),
        "rouge1_f": round(rouge_f(system_text, reference_text, 1), 4),
        "rouge2_f": round(rouge_f(system_text, reference_text, 2), 4),
        "ar1_f": round(aligned_rouge_f(system, reference, 1), 4),
        "ar2_f": round(aligned_rouge_f(system, reference, 2), 4),
    }


def evaluate_timeline(
    directory: Path,
    *,
    topics: Sequence[str] | None = None,
    settings: AnalyzeSettings | None = None,
    max_articles: int | None = MAX_ARTICLES_PER_TOPIC,
    language: str | None = None,
) -> dict[str, object]:
    """Scores per topic and their mean for the timelines under ``directory`` (e.g. ml-crisis/es).

    ``language`` is the articles' language; None detects it per article (and reports each
    topic's main language).
    """
    directory = Path(directory)
    references = directory / "reference"
    if not references.is_dir():
        raise EvaluationError(
            f"{directory}: no reference/ folder; expected <topic>/<YYYY-MM-DD>/<id>.txt articles"
            " and reference/<topic>.txt timelines (e.g. ../shared/data/timelines/ml-crisis/es)"
        )
    available = sorted(p.stem for p in references.glob("*.txt") if (directory / p.stem).is_dir())
    chosen = list(topics) if topics else available
    unknown = [topic for topic in chosen if topic not in available]
    if unknown:
        raise EvaluationError(
            f"{directory}: unknown topic(s) {', '.join(unknown)}; available: {', '.join(available)}"
        )
    analyzer = Analyzer.load(
        settings or AnalyzeSettings(entities=False, quotes=False, figures=False, times=True)
    )
    started = time.perf_counter()
    results: dict[str, dict[str, float]] = {}
    sizes: dict[str, dict[str, object]] = {}
    for topic in chosen:
        reference = read_reference(references / f"{topic}.txt")
        articles = read_topic(directory / topic, max_articles, language)
        if not articles:
            raise EvaluationError(f"{directory / topic}: no readable articles")
        per_date = max(1, round(sum(len(t) for t in reference.values()) / len(reference)))
        system = build_system_timeline(articles, analyzer, len(reference), per_date)
        results[topic] = {
            **score_timeline(system, reference),
            "text_free_date_f1": round(
                date_f1(text_free_dates(articles, len(reference)), reference), 4
            ),
        }
        sizes[topic] = {
            "language": language or topic_language(articles),
            "articles": len(articles),
            "reference_dates": len(reference),
            "system_dates": len(system),
            "sentences_per_date": per_date,
        }
    metrics = ("date_f1", "text_free_date_f1", "rouge1_f", "rouge2_f", "ar1_f", "ar2_f")
    mean = {
        metric: round(sum(r[metric] for r in results.values()) / len(results), 4)
        for metric in metrics
    }
    return {
        "directory": str(directory),
        "topics": {topic: {**results[topic], **sizes[topic]} for topic in chosen},
        "mean": mean,
        "seconds": round(time.perf_counter() - started, 1),
        "baseline": {"name": "DATEWISE (English Crisis)", "ar1_f": 0.089, "date_f1": 0.295},
    }


def format_report(report: Mapping[str, object]) -> str:
    """The evaluation as a small table (for the CLI)."""
    topics = report["topics"]
    assert isinstance(topics, dict)
    lines = [
        f"{'topic':<10}{'lang':>5}{'articles':>9}{'dates':>7}  date-F1  text-free"
        "  R1-F  R2-F  AR1-F  AR2-F"
    ]
    rows = [*topics.items(), ("mean", report["mean"])]
    for name, values in rows:
        assert isinstance(values, dict)
        lines.append(
            f"{name:<10}{values.get('language') or '':>5}{values.get('articles', ''):>9}"
            f"{values.get('reference_dates', ''):>7}  {values['date_f1']:.3f}"
            f"    {values['text_free_date_f1']:.3f}"
            f"  {values['rouge1_f']:.3f} {values['rouge2_f']:.3f}"
            f"  {values['ar1_f']:.3f}  {values['ar2_f']:.3f}"
        )
    lines.append("text-free: the days on which most articles were published (reads no text)")
    lines.append("published English baseline (DATEWISE on Crisis): AR1-F 0.089, Date-F1 0.295")
    return "\n".join(lines)
