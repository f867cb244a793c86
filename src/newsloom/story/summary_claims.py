"""Summary sentences as claims: the newest telling of a claim, and the source a claim rests on.

- **Newest**: a sentence from an earlier day is *superseded* when a later day's sentence tells the
  same claim: the two share at least :data:`SHARED_RARE_TERMS` content terms that are rare in the
  story (in at most :data:`RARE_IN_SENTENCES` of its sentences; names do not count: every sentence
  of a story names its people and places). "Roads closed in two counties" (Monday) and "roads
  closed in the whole region until Friday" (Tuesday) share *roads* and *closed*; the summary tells
  Tuesday's.
- **Attributed**: a sentence stating a figure the analyze stage attributed to a source that the
  sentence does not name ("police killed dozens", attributed to a police spokesman two paragraphs
  on) keeps the sentence that names the source ("Det oplyser en talsmand for politiet."), or, when
  no sentence of the article names it on its own, carries the attribution for the views to show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from newsloom.records import Analysis, Article
from newsloom.story.sentences import Sentence, article_sentences, contains_text

RARE_IN_SENTENCES = 3
SHARED_RARE_TERMS = 2
TERM_LETTERS = 5  # terms are word beginnings, so inflections match (erklæret / erklærer)
ATTRIBUTION_PARAGRAPHS = 2  # how far after a claim its attributing sentence may come
ATTRIBUTION_WORDS = 14  # an attributing sentence says little else


def content_terms(text: str) -> frozenset[str]:
    """Beginnings of the sentence's longer words that are not names (a capitalised word that does
    not open the sentence)."""
    terms: set[str] = set()
    for index, word in enumerate(text.split()):
        token = "".join(c for c in word if c.isalpha())
        if len(token) < TERM_LETTERS + 1 or (index > 0 and token[:1].isupper()):
            continue
        terms.add(token.casefold()[:TERM_LETTERS])
    return frozenset(terms)


def superseded(
    texts: Sequence[str], days: Sequence[date | None], standalone: Sequence[bool]
) -> dict[int, int]:
    """Each text a later day's text tells again, and that latest telling (one that reads on its
    own: a sentence opening with "It happened when …" replaces nothing)."""
    terms = [content_terms(text) for text in texts]
    frequency: Counter[str] = Counter()
    for found in terms:
        frequency.update(found)
    rare = [{t for t in found if frequency[t] <= RARE_IN_SENTENCES} for found in terms]
    replaced: dict[int, int] = {}
    for first, first_day in enumerate(days):
        if first_day is None:
            continue
        later = [
            second
            for second, second_day in enumerate(days)
            if second_day is not None
            and second_day > first_day
            and standalone[second]
            and len(rare[first] & rare[second]) >= SHARED_RARE_TERMS
        ]
        if later:
            replaced[first] = max(later, key=lambda i: (days[i], len(rare[first] & rare[i]), -i))
    return replaced


def with_attribution(
    sentence: Sentence, article: Article, analysis: Analysis | None
) -> tuple[str, str | None]:
    """The sentence's text with the sentence naming the source of its figures, when it does not
    name that source itself; and the source when no sentence of the article names it alone."""
    if analysis is None:
        return sentence.text, None
    sources = [
        figure.attributed_to
        for figure in analysis.figures
        if figure.attributed_to
        and figure.paragraph == sentence.paragraph
        and sentence.start <= figure.start < max(sentence.end, sentence.start + 1)
    ]
    missing = [s for s in dict.fromkeys(sources) if not contains_text(sentence.text, s)]
    if not missing:
        return sentence.text, None
    source = missing[0]
    for later in article_sentences(article, min_words=1):
        if (later.paragraph, later.start) <= (sentence.paragraph, sentence.start):
            continue
        if later.paragraph - sentence.paragraph > ATTRIBUTION_PARAGRAPHS:
            break
        if len(later.text.split()) <= ATTRIBUTION_WORDS and contains_text(later.text, source):
            adjacent = later.position == sentence_position(article, sentence) + 1
            return f"{sentence.text}{' ' if adjacent else ' … '}{later.text}", None
    return sentence.text, source


def sentence_position(article: Article, sentence: Sentence) -> int:
    """The sentence's position among all the article's body sentences (short ones included)."""
    for found in article_sentences(article, min_words=1):
        if (found.paragraph, found.start) == (sentence.paragraph, sentence.start):
            return found.position
    return -2


def attributed(
    chosen: Sequence[Sentence],
    articles: Mapping[str, Article],
    analyses: Mapping[str, Analysis],
) -> list[tuple[str, str | None]]:
    """:func:`with_attribution` for each chosen sentence."""
    return [
        with_attribution(s, articles[s.article], analyses.get(s.article))
        if s.article in articles
        else (s.text, None)
        for s in chosen
    ]
