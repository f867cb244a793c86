"""The owner of a document a quote's speaker names (``«…», señala el comunicado``, ``añade la
nota``, ``El documento subraya que …``): a definite document refers back to the one the article
brought in just before, and that one's owner spoke — given after it (``un comunicado del
Ministerio de Exteriores``, ``un comunicado difundido por la Embajada``, read as an "according
to" source is) or as the speaker of the sentence that speaks "in" it (``ha indicado en un
comunicado el Consejo de Seguridad Nacional``). A document no one owns (``según un
comunicado``), or none brought in, leaves the document as the role it is: a document names no
one.

The documents are the language table's ``account_nouns``; definite articles its
``going_on_articles``. Used by :func:`newsloom.extract.speaker_resolution.resolve_speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsloom.extract.according_source import end_of_source
from newsloom.extract.resources import own_word_set, own_words, words_pattern
from newsloom.extract.source_phrases import account_source
from newsloom.extract.speaker_names import ArticleNames
from newsloom.extract.speakers import Speaker
from newsloom.records import Quote

DOCUMENT_REACH = 2  # paragraphs back in which the document "el comunicado" refers to is named
MAX_DOCUMENT_WORDS = 2  # "comunicado", "comunicado final": the document and an adjective
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@cache
def _mention(language: str) -> re.Pattern[str] | None:
    """A mention of one of the language's documents."""
    documents = own_words(language, "account_nouns")
    if not documents:
        return None
    return re.compile(rf"(?<![\w'’-]){words_pattern(documents)}", re.IGNORECASE)


_LAST_WORDS = re.compile(r"(?:([^\W\d_]+)\s+)?([^\W\d_]+)\s+$")


def document_owner(
    quote: Quote, resolved: Sequence[Quote], names: ArticleNames, language: str | None
) -> Speaker | None:
    """The owner of the document that is ``quote``'s speaker, where the article gives it (see
    the module doc); None otherwise. ``resolved``: the quotes before it, speakers resolved."""
    role = (quote.speaker_role or "").lower().split()
    documents = own_word_set(language, "account_nouns")
    if (
        language is None
        or quote.speaker is not None
        or quote.speaker_type != "role"
        or not role
        or len(role) > MAX_DOCUMENT_WORDS
        or role[0] not in documents
        or not all(word.isalpha() and word.islower() for word in role)
    ):
        return None
    mention = _mention(language)
    definite = own_word_set(language, "going_on_articles")
    if _own_article(quote, names, role[0]) not in definite:
        return None  # "…, según un informe enviado al Consejo": a document brought in here
    determiners = own_word_set(language, "determiners")
    places = own_word_set(language, "place_prepositions")
    owner: Speaker | None = None
    for paragraph in range(max(0, quote.paragraph - DOCUMENT_REACH), quote.paragraph + 1):
        text = names.paragraphs.get(paragraph, "")
        until = quote.start if paragraph == quote.paragraph else len(text)
        known = [name for at, _, name in names.organisations if at == paragraph] + [
            person.name for person in names.people if person.paragraph == paragraph
        ]
        for found in mention.finditer(text, 0, until) if mention is not None else ():
            # the words before it: a preposition and an article ("en un", "a través de un")
            last = _LAST_WORDS.search(text, max(0, found.start() - 40), found.start())
            first, second = (last.group(1) or "", last.group(2) or "") if last else ("", "")
            article, before = (
                (second.lower(), first.lower())
                if second.lower() in determiners
                else ("", second.lower())
            )
            start = last.start(2) if article and last is not None else found.start()
            phrase = text[start : end_of_source(text, start, language)]
            owned = account_source(phrase, known, language)
            if owned is not None and owned.name:
                owner = owned  # "un comunicado del Ministerio", "difundido por la Embajada"
            elif before in places and article in definite:
                continue  # "precisa en la nota": the one brought in before, going on
            elif before in places:
                # "ha indicado en un comunicado el Consejo": the speaker of that sentence
                owner = _speaker_in_sentence(text, found.start(), paragraph, resolved)
            elif article not in definite:
                owner = None  # "un comunicado" alone: a document of no one named
            # ("el comunicado" alone: the one brought in before, going on)
    return owner


def _own_article(quote: Quote, names: ArticleNames, document: str) -> str | None:
    """The article before the document the quote's own attribution names: its mention nearest
    the quote in the quote's sentences (after it: ``«…», dice el informe``; before it: ``El
    documento subraya que …``), lowercased; None where none is found."""
    text = names.paragraphs.get(quote.paragraph, "")
    pattern = re.compile(rf"(?<![\w'’-])([^\W\d_]+)\s+{re.escape(document)}(?![\w'’-])", re.I)
    after = pattern.search(text, quote.end)
    before = list(pattern.finditer(text, 0, quote.start))
    ends_after = _SENTENCE_END.search(text, quote.end)
    if after is not None and (ends_after is None or after.start() < ends_after.start()):
        return after.group(1).lower()
    if before and not _SENTENCE_END.search(text, before[-1].end(), quote.start):
        return before[-1].group(1).lower()
    return None


def _speaker_in_sentence(
    text: str, at: int, paragraph: int, resolved: Sequence[Quote]
) -> Speaker | None:
    """The speaker of a quote resolved before in the sentence of ``text`` around ``at``, where
    the sentence names it (not one resolved from elsewhere: "En un informe …, Amnistía
    analizó …, según la organización, …")."""
    ends = [found.end() for found in _SENTENCE_END.finditer(text)]
    start = max((end for end in ends if end <= at), default=0)
    end = min((end for end in ends if end > at), default=len(text))
    for quote in reversed(resolved):
        if (
            quote.paragraph == paragraph
            and quote.start < end
            and quote.end > start
            and quote.speaker
            and quote.speaker_type in ("person", "organisation")
            and quote.speaker[:1].isupper()
            and quote.speaker in text[start:end]
        ):
            return Speaker(quote.speaker, None, quote.speaker_type)
    return None
