"""An extractive summary of a story: sentences taken from its articles, each citing its sources.

Sentences come from the body text of the articles in the story's main language. Copies of one
sentence (agency text reprinted, near-identical light edits) are one candidate citing every article
that carries it, and count once towards how well supported it is. Candidates are scored by how
central they are (TF-IDF cosine to the story's centroid), how many independent articles carry them
and how early they come; a maximal-marginal-relevance pass picks 3–7 that do not repeat each other.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from newsloom.records import Analysis, Article
from newsloom.story.copies import CopyGroups
from newsloom.story.sentences import Sentence, article_sentences, text_key, words
from newsloom.story.summary_claims import attributed, superseded
from newsloom.time_order import publication_key

NEAR_IDENTICAL = 92.0  # rapidfuzz ratio of text keys above which two sentences are one
MIN_WORDS, MAX_WORDS = 6, 60
# Openers that point back to an earlier sentence ("It said …", "Det oplyser …"): such a sentence
# reads badly out of its context, so it scores lower.
_OPENERS = (
    "det den dette denne disse han hun hon de dem dermed derfor således også "
    "it this that these those he she they there also "
    "esto este esta estos estas ello él ella ellos ellas además así "
    "es er sie dies diese dieser"
)
ANAPHORIC_OPENERS = frozenset(_OPENERS.split())
ANAPHORA_PENALTY = 0.6
MMR_POOL = 300  # the best-scoring candidates MMR chooses from
Vector = dict[str, float]


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    articles: tuple[str, ...]  # every article carrying the sentence (or a near-identical copy)
    independent_sources: int = 1  # copies count once
    attributed_to: str | None = None  # the source of its claim when no sentence names it


@dataclass(slots=True)
class SentenceCluster:
    """One sentence text and every occurrence of it (or of a near-identical copy)."""

    text: str
    key: str
    occurrences: list[Sentence]
    support: int = 1

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(s.article for s in self.occurrences))

    @property
    def position(self) -> int:
        return min(s.position for s in self.occurrences)


def main_language(articles: Sequence[Article], copies: CopyGroups | None = None) -> str | None:
    """The language most of the story's independent articles are written in."""
    copies = copies or CopyGroups()
    counts: Counter[str] = Counter()
    for article in articles:
        if article.language and not copies.is_duplicate(article.id):
            counts[article.language] += 1
    if not counts:
        counts.update(a.language for a in articles if a.language)
    return min(counts, key=lambda language: (-counts[language], language)) if counts else None


def cluster_sentences(
    sentences: Iterable[Sentence], copies: CopyGroups | None = None, fuzzy: bool = True
) -> list[SentenceCluster]:
    """Group identical and near-identical sentences; ``support`` counts independent texts."""
    copies = copies or CopyGroups()
    by_key: dict[str, SentenceCluster] = {}
    for sentence in sentences:
        key = text_key(sentence.text)
        cluster = by_key.get(key)
        if cluster is None:
            by_key[key] = SentenceCluster(sentence.text, key, [sentence])
        else:
            cluster.occurrences.append(sentence)
    clusters = list(by_key.values())
    if fuzzy:
        clusters = _merge_near_identical(clusters)
    for cluster in clusters:
        cluster.support = copies.independent((s.article, s.paragraph) for s in cluster.occurrences)
    return clusters


def _merge_near_identical(clusters: list[SentenceCluster]) -> list[SentenceCluster]:
    """Merge clusters whose texts are near-identical. Blocks on first and last words for speed."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for index, cluster in enumerate(clusters):
        tokens = cluster.key.split()
        blocks.setdefault(("head", " ".join(tokens[:3])), []).append(index)
        blocks.setdefault(("tail", " ".join(tokens[-3:])), []).append(index)
    parent = list(range(len(clusters)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for members in blocks.values():
        if len(members) < 2 or len(members) > 200:
            continue
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                if find(first) == find(second):
                    continue
                if fuzz.ratio(clusters[first].key, clusters[second].key) >= NEAR_IDENTICAL:
                    parent[max(find(first), find(second))] = min(find(first), find(second))
    merged: dict[int, SentenceCluster] = {}
    for index, cluster in enumerate(clusters):
        root = find(index)
        if root not in merged:
            merged[root] = SentenceCluster(cluster.text, cluster.key, list(cluster.occurrences))
        else:
            target = merged[root]
            target.occurrences.extend(cluster.occurrences)
            if len(cluster.occurrences) > len(target.occurrences) - len(cluster.occurrences):
                target.text, target.key = cluster.text, cluster.key
    return list(merged.values())


def tfidf_vectors(texts: Sequence[str]) -> list[Vector]:
    """Length-normalised TF-IDF vectors of the texts (words of three letters or more)."""
    tokenized = [[w for w in words(text) if len(w) > 2] for text in texts]
    frequency: Counter[str] = Counter()
    for tokens in tokenized:
        frequency.update(set(tokens))
    total = len(texts)
    vectors: list[Vector] = []
    for tokens in tokenized:
        counts = Counter(tokens)
        vector = {
            w: (1 + math.log(c)) * math.log((1 + total) / (1 + frequency[w])) + 1e-9
            for w, c in counts.items()
        }
        vectors.append(normalise(vector))
    return vectors


def normalise(vector: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else vector


def cosine(first: Vector, second: Vector) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(value * second.get(key, 0.0) for key, value in first.items())


def select_sentences(
    clusters: Sequence[SentenceCluster],
    count: int,
    redundancy: float = 0.45,
    trade_off: float = 0.7,
) -> list[SentenceCluster]:
    """Pick ``count`` central, well-supported, non-redundant sentences (MMR)."""
    usable = [c for c in clusters if MIN_WORDS <= len(c.key.split()) <= MAX_WORDS]
    usable = [c for c in usable if not c.text.rstrip().endswith((":", "?"))]
    if not usable:
        return []
    vectors = tfidf_vectors([c.text for c in usable])
    centroid: Vector = {}
    for cluster, vector in zip(usable, vectors, strict=True):
        weight = float(cluster.support)
        for key, value in vector.items():
            centroid[key] = centroid.get(key, 0.0) + weight * value
    centroid = normalise(centroid)
    scores = [
        (
            cosine(vector, centroid) * (1 + 0.5 * math.log(cluster.support))
            + 0.08 / (1 + cluster.position)
        )
        * (ANAPHORA_PENALTY if _anaphoric(cluster.key) else 1.0)
        for cluster, vector in zip(usable, vectors, strict=True)
    ]
    # MMR over the best-scoring candidates; each candidate's overlap with the chosen ones is kept
    # up to date as sentences are chosen.
    pool = sorted(range(len(usable)), key=lambda index: -scores[index])[:MMR_POOL]
    overlap = dict.fromkeys(pool, 0.0)
    chosen: list[int] = []
    while overlap and len(chosen) < count:
        best, best_value = -1, -math.inf
        for index, similarity in overlap.items():
            if similarity >= redundancy:
                continue
            value = trade_off * scores[index] - (1 - trade_off) * similarity
            if value > best_value:
                best, best_value = index, value
        if best < 0:
            break
        chosen.append(best)
        del overlap[best]
        for index in overlap:
            overlap[index] = max(overlap[index], cosine(vectors[index], vectors[best]))
    return [usable[index] for index in chosen]


def _anaphoric(key: str) -> bool:
    first = key.split(" ", 1)[0]
    return first in ANAPHORIC_OPENERS


def summary_length(independent_articles: int) -> int:
    """3 sentences for one article, growing slowly with coverage up to 7."""
    return max(3, min(7, round(1 + 1.5 * math.log2(1 + independent_articles))))


def summarize(
    articles: Sequence[Article],
    copies: CopyGroups | None = None,
    language: str | None = None,
    count: int | None = None,
    analyses: Mapping[str, Analysis] | None = None,
) -> tuple[SummarySentence, ...]:
    """3–7 sentences in the story's main language, in story order, each citing its articles.

    A sentence a later day tells again is left out for the later telling, and a sentence stating a
    figure keeps the sentence naming its source (:mod:`newsloom.story.summary_claims`; the figures
    and their sources come from ``analyses``)."""
    copies = copies or CopyGroups()
    copies.attach_articles(articles)
    language = language or main_language(articles, copies)
    ordered = sorted(articles, key=publication_key)
    rank = {article.id: index for index, article in enumerate(ordered)}
    sentences: list[Sentence] = []
    for article in ordered:
        sentences.extend(
            s
            for s in article_sentences(article, min_words=MIN_WORDS)
            if _in_language(article, s.paragraph, language)
        )
    clusters = cluster_sentences(sentences, copies)
    day = {a.id: a.published.date() for a in ordered if a.published is not None}
    days = [max((day[a] for a in c.articles if a in day), default=None) for c in clusters]
    standalone = [not _anaphoric(c.key) for c in clusters]
    newer = superseded([c.text for c in clusters], days, standalone)
    index_of = {id(c): index for index, c in enumerate(clusters)}
    independent = len({copies.article_origin(a.id) for a in articles})
    chosen = []
    for cluster in select_sentences(clusters, count or summary_length(independent)):
        index = index_of[id(cluster)]
        while index in newer:  # the newest telling of the claim stands for it
            index = newer[index]
        if clusters[index] not in chosen:
            chosen.append(clusters[index])
    chosen.sort(key=lambda c: min((rank[s.article], s.position) for s in c.occurrences))
    firsts = [min(c.occurrences, key=lambda s: (rank[s.article], s.position)) for c in chosen]
    texts = attributed(firsts, {a.id: a for a in ordered}, analyses or {})
    return tuple(
        SummarySentence(
            text=cluster.text if text == first.text else text,
            articles=tuple(sorted(cluster.articles, key=lambda a: rank[a])),
            independent_sources=cluster.support,
            attributed_to=source,
        )
        for cluster, first, (text, source) in zip(chosen, firsts, texts, strict=True)
    )


def _in_language(article: Article, paragraph_index: int, language: str | None) -> bool:
    if language is None:
        return True
    for paragraph in article.paragraphs:
        if paragraph.index == paragraph_index and paragraph.language:
            return paragraph.language == language
    return article.language in (None, language)


def support_by_article(summary: Sequence[SummarySentence]) -> Mapping[str, int]:
    """How many summary sentences each article contributes (for coverage views)."""
    counts: Counter[str] = Counter()
    for sentence in summary:
        counts.update(sentence.articles)
    return dict(counts)
