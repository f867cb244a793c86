"""Text → weighted features for story clustering and article similarity.

An article becomes a sparse bag of features, each a short string key with a weight:

- ``w:KEY`` a content word: lemmatised with simplemma in the paragraph's language, folded to ASCII
  (``æ``→``ae``, ``ø``→``oe``, ``å``→``aa``, accents dropped) and, for Danish, Norwegian (Bokmål and
  Nynorsk) and Swedish, reduced to a shared Scandinavian stem so that ``regeringen`` and
  ``regjeringen``, ``gade`` and ``gate`` meet;
- ``n:KEY`` a name: a named entity from the analysis or, when there is none, a capitalised word
  that does not start a sentence. Names are keyed by a transliteration-tolerant skeleton so that
  ``Zelenskyj``/``Zelenskyy``/``Zelensky`` share a key;
- ``#NUMBER`` a number of two or more digits.

Title words count twice, the lead paragraph one and a half times, names one and a half times.
Weights are sublinear term counts. :class:`DocumentFrequencies` turns them into unit TF-IDF vectors
and :func:`similarity` is the cosine the story clusterer and ``newsloom eval similarity`` share.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from newsloom.normalize.language import SCANDINAVIAN_CODES
from newsloom.process_cache import load_table
from newsloom.records import Analysis, Article, ParagraphKind

Features = dict[str, float]

TITLE_WEIGHT = 2.0
LEAD_WEIGHT = 1.5
NAME_WEIGHT = 1.5
MAX_BODY_TOKENS = 600  # later text adds little to what a story is about and costs time
WORD_KEY_LENGTH = 7

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,]\d{3})*(?:[.,]\d+)?", re.UNICODE)
_SENTENCE_BREAK = frozenset(".!?:;»«\"“”'‘’-–—•|([")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_FOLD = str.maketrans(
    {
        "æ": "ae",
        "ø": "oe",
        "å": "aa",
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "œ": "oe",
        "ð": "d",
        "þ": "th",
        "ł": "l",
        "đ": "d",
        "ı": "i",
    }
)
_VOWELS = frozenset("aeiouy")

# Function words of the languages newsloom reads most (after folding). IDF down-weights the rest.
_STOPWORDS_TEXT = """
og i at det en den til er som paa de med han af for ikke der var mig sig men et har om vi min
havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil
blev kunne ind naar vaere dog noget ville jo deres efter ned skulle denne end dette mit ogsaa
under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange
ad bliver hendes vaeret thi jer saadan eller kan kun blir ble bli hadde hva hvem hvorfor ingen
jeg meg mye noen oss seg slik skulle nei ja sa sagde sagt siger sier etter ogsa saa mot mellom
blant uten ved samt hele helt enn enda fordi selv nok noe alle mens ennaa igen nye ny nyt
och att det som paa aer av foer med till den har de inte om ett han men var jag sig fraan vi
saa kan man naer aar hon nu ska ocksaa efter eller nej dem vid mot sedan sina deras vara blev
hade skulle detta dessa mycket utan bara alla ingen inom mellan under vill sade enligt
the a an and of to in is was for on that with as by at from it its be are were been has have
had not but or this which who will would can could said says say he she they his her their
we our you your i me my them there than then into about after over more also new one two
out up all some no when what just so if do did does being any only other most such these
those while where how why own same very both each few here may might must should now
der die das und ist von zu mit sich des auf fuer nicht als auch es ein eine einer eines dem
den im sie wird wurde werden bei nach aus um am noch wie wenn nur oder aber vor zur zum
le la les de des du un une et est en que qui dans pour par sur au aux pas plus ce se son sa
el los las del y en que por con para una uno es se al lo como mas su sus
"""


def fold(text: str) -> str:
    """Lowercase ASCII-ish form: æøå → ae/oe/aa, other diacritics dropped."""
    lowered = text.lower().translate(_FOLD)
    if lowered.isascii():
        return lowered  # nothing to decompose
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def nordic_stem(word: str) -> str:
    """A stem shared by Danish, Norwegian and Swedish spellings of one word (input folded)."""
    stem = word
    for old, new in (
        ("aa", "a"),
        ("ae", "e"),
        ("oe", "o"),
        ("gj", "g"),
        ("kj", "k"),
        ("hv", "v"),
        ("ph", "f"),
        ("ch", "k"),
        ("ck", "k"),
        ("c", "k"),
        ("q", "k"),
        ("w", "v"),
        ("z", "s"),
        ("x", "ks"),
    ):
        stem = stem.replace(old, new)
    characters = list(stem)
    for position in range(1, len(characters)):
        if characters[position - 1] in _VOWELS:
            characters[position] = {"b": "p", "d": "t", "g": "k"}.get(
                characters[position], characters[position]
            )
    stem = _collapse("".join(characters))
    if len(stem) > 4 and stem[-1] in _VOWELS:
        stem = stem[:-1]
    return stem[:WORD_KEY_LENGTH]


@lru_cache(maxsize=200_000)
def name_key(token: str) -> str:
    """Transliteration-tolerant key: ``Zelenskyj``, ``Zelenskyy``, ``Zelensky`` → ``selnsk``."""
    folded = fold(token).replace("’", "'")
    folded = re.sub(r"'s?$", "", folded)
    if len(folded) > 4 and folded.endswith("s") and not folded.endswith("ss"):
        folded = folded[:-1]  # genitive (Scandinavian and English without apostrophe)
    folded = "".join(ch for ch in folded if ch.isalnum())
    if folded.isdigit() or not folded:
        return folded
    head, rest = folded[:2], folded[2:]
    for old, new in (("ph", "f"), ("kh", "k"), ("ch", "k"), ("c", "k"), ("q", "k"), ("z", "s")):
        rest = rest.replace(old, new)
        head = head.replace(old, new)
    rest = rest.replace("x", "ks")
    skeleton = "".join(ch for ch in rest if ch not in _VOWELS and ch not in "hjw")
    key = head + _collapse(skeleton)
    return key if len(key) >= 4 else folded[:8]


def _number_digits(token: str) -> str:
    """``1.000``/``1,000`` → ``1000``; ``2,5``/``2.5`` → ``2`` (the whole part)."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", token):
        return re.sub(r"[.,]", "", token)
    return re.split(r"[.,]", token)[0]


def _collapse(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", text)


@lru_cache(maxsize=1)
def _dictionaries() -> Any:
    """simplemma's dictionary cache, one for the process: it holds every language met, each
    decoded once on this machine and then read from newsloom's disk cache (issue 19)."""
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DefaultDictionaryFactory,
            MappingStrToByteString,
            _load_dictionary_from_disk,
        )
    except ImportError:  # another simplemma: its own factory, no disk cache
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        return DefaultDictionaryFactory(cache_max_size=64)

    class CachedDictionaryFactory(DefaultDictionaryFactory):
        """simplemma's default factory, the decoded ``bytes → bytes`` dict read from the cache:
        looked up in place in a table (:class:`~newsloom.process_cache.FormTable`) until a
        language is asked often enough to load its dict."""

        __slots__ = ()

        def _get_dictionary_uncached(self, lang: str) -> Any:
            forms: Any = load_table(lang, _load_dictionary_from_disk)  # a dict without a cache
            return MappingStrToByteString(forms)

    return CachedDictionaryFactory(cache_max_size=64)


@lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    """One simplemma lemmatizer over the shared dictionary cache (no thrashing)."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(
        cache_max_size=0, lemmatization_strategy=DefaultStrategy(dictionary_factory=_dictionaries())
    )


@lru_cache(maxsize=1)
def _lookup() -> Any:
    """simplemma's dictionary look-up over the shared dictionary cache."""
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(dictionary_factory=_dictionaries())


@lru_cache(maxsize=200_000)  # the entity rules ask about the same words over and over
def is_known_word(token: str, language: str | None) -> bool:
    """Whether simplemma's dictionary of ``language`` has ``token`` (as ``simplemma.is_known``,
    over the one dictionary cache of the process, so no language is loaded twice)."""
    return dictionary_lemma(token, language) is not None


@lru_cache(maxsize=200_000)
def dictionary_lemma(token: str, language: str | None) -> str | None:
    """The lemma simplemma's dictionary of ``language`` gives ``token`` (None: not in it)."""
    code = _lemmatizer_language(language)
    if code is None:
        return None
    lemma: str | None = _lookup().get_lemma(unicodedata.normalize("NFC", token), code)
    return lemma


def word_forms(language: str | None) -> Mapping[str, Any]:
    """simplemma's word forms of ``language`` (case-sensitive: ``rubrik``, ``Nato``), or none."""
    code = _lemmatizer_language(language)
    if code is None:
        return {}
    forms: Mapping[str, Any] = _dictionaries().get_dictionary(code)
    return forms


@lru_cache(maxsize=64)
def _lemmatizer_language(language: str | None) -> str | None:
    if language is None:
        return None
    code = {"no": "nb"}.get(language, language)
    try:
        _lemmatizer().lemmatize("test", lang=code)
    except (ValueError, KeyError, ImportError):
        return None
    return code


@lru_cache(maxsize=200_000)
def word_key(token: str, language: str | None) -> str | None:
    """The ``w:`` feature of a lowercase word in ``language``, or None for function words."""
    code = _lemmatizer_language(language)
    lemma = token
    if code is not None and len(token) > 3:
        lemma = str(_lemmatizer().lemmatize(token, lang=code)).lower()
    folded = fold(lemma)
    if len(folded) < 3 or folded in STOPWORDS or fold(token) in STOPWORDS:
        return None
    if code in SCANDINAVIAN_CODES or (code is None and language in SCANDINAVIAN_CODES):
        return "w:" + nordic_stem(folded)
    return "w:" + folded[: WORD_KEY_LENGTH + 1]


STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def _is_sentence_start(text: str, start: int) -> bool:
    position = start - 1
    while position >= 0 and text[position].isspace():
        if text[position] == "\n":
            return True  # a paragraph or line starts here
        position -= 1
    return position < 0 or text[position] in _SENTENCE_BREAK


@lru_cache(maxsize=4096)  # asked for each text by the name pass and again by the counts
def _is_title_case(text: str) -> bool:
    """``Fed Risks Falling Behind The Curve``: capitals say nothing about names here."""
    if len(text) > 300:
        return False
    words = [w for w in _TOKEN.findall(text) if not w[0].isdigit() and len(w) > 3]
    if len(words) < 3:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.7 * len(words)


def _cjk_bigrams(token: str) -> list[str]:
    return ["w:" + token[i : i + 2] for i in range(max(1, len(token) - 1))]


def _ranges(codes: list[int]) -> str:
    """``codes`` (ascending) as the ranges of a character class."""
    ranges: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code != previous + 1:
            first, last = re.escape(chr(start)), re.escape(chr(previous))
            ranges.append(first if start == previous else f"{first}-{last}")
            start = code
        previous = code
    return "".join(ranges)


@lru_cache(maxsize=1)
def _capitalised() -> re.Pattern[str]:
    """The tokens of ``_TOKEN`` that start with a capital, found without visiting the others.

    A letter starts a ``_TOKEN`` match unless the letter before it, or a letter and one joiner
    (``'’-``) before it, belong to the same match (no other character joins letters, and a
    number's match holds no letter), so the look-behinds give the same token starts and the
    body the same token ends. The search skips to a capital of the Basic Multilingual Plane or
    any character beyond it (one table look-up a character); the second look-behind keeps the
    capitals among the latter.
    """
    letter = re.compile(r"[^\W\d_]")
    capitals = [
        code
        for code in range(sys.maxunicode + 1)
        if chr(code).isupper() and letter.fullmatch(chr(code))
    ]
    basic = _ranges([code for code in capitals if code < 0x10000])
    every = _ranges(capitals)
    return re.compile(
        rf"[{basic}\U00010000-\U0010ffff](?<=[{every}])"
        r"(?<![^\W\d_].)(?<![^\W\d_]['’\-].)[^\W\d_]*+(?:['’\-][^\W\d_]++)*+",
        re.DOTALL,
    )


def mid_sentence_name_keys(texts: Iterable[str]) -> set[str]:
    """The name keys of the capitalised words (two letters or more) that do not start a
    sentence, in the texts not written in title case."""
    keys: set[str] = set()
    capitalised = _capitalised()
    for text in texts:
        if _is_title_case(text):
            continue
        for match in capitalised.finditer(text):
            token = match.group()
            if len(token) > 1 and not _is_sentence_start(text, match.start()):
                keys.add(name_key(token))
    return keys


_WORD_KEYS: dict[str | None, dict[str, str | None]] = {}
_WORD_KEYS_SIZE = 200_000  # per language; emptied when full (a long run meets new words forever)


def _word_keys(language: str | None) -> dict[str, str | None]:
    """The memo of ``word_key(token.lower(), language)`` by ``token``, for ``language``."""
    memo = _WORD_KEYS.get(language)
    if memo is None or len(memo) >= _WORD_KEYS_SIZE:
        memo = _WORD_KEYS[language] = {}
    return memo


def text_features(
    text: str,
    language: str | None,
    *,
    weight: float = 1.0,
    names: Iterable[str] = (),
    into: dict[str, float] | None = None,
    max_tokens: int | None = None,
) -> dict[str, float]:
    """Add the raw (unweighted by IDF) feature counts of ``text`` to ``into`` and return it.

    ``names`` are the name keys known to be names: they must hold those of
    :func:`mid_sentence_name_keys` of ``text`` (:func:`article_features` gives the keys of all
    its texts). A capitalised word whose key is among them counts as a name, and so does a word
    in capitals throughout unless the text is in title case.
    """
    counts = {} if into is None else into
    known_names = names if isinstance(names, set | frozenset) else set(names)
    title_case = _is_title_case(text)
    cjk = _CJK.search(text) is not None
    keys = _word_keys(language)
    tokens = _TOKEN.findall(text)
    if max_tokens is not None and len(tokens) > max_tokens:
        del tokens[max(max_tokens, 0) :]
    for token in tokens:
        first = token[0]
        if first.isdigit():
            digits = _number_digits(token)
            if len(digits) >= 2:
                key = "#" + digits.lstrip("0")
                counts[key] = counts.get(key, 0.0) + weight
            continue
        if cjk and _CJK.search(token):
            for key in _cjk_bigrams(token):
                counts[key] = counts.get(key, 0.0) + weight
            continue
        if first.isupper() and len(token) > 1:
            key = name_key(token)
            if key in known_names or (not title_case and token.isupper()):
                name = "n:" + key
                counts[name] = counts.get(name, 0.0) + weight * NAME_WEIGHT
        if token in keys:
            found = keys[token]
        else:
            found = keys[token] = word_key(token.lower(), language)
        if found is not None:
            counts[found] = counts.get(found, 0.0) + weight
    return counts


@lru_cache(maxsize=100_000)  # names recur across articles
def _mention_name_keys(text: str) -> tuple[str, ...]:
    return tuple(name_key(token) for token in _TOKEN.findall(text) if not token[0].isdigit())


def _entity_name_keys(analysis: Analysis | None) -> set[str]:
    if analysis is None:
        return set()
    keys: set[str] = set()
    for mention in analysis.entities:
        keys.update(_mention_name_keys(mention.text))
    return keys


def sublinear(counts: Mapping[str, float]) -> Features:
    """Damp repeated terms: weight ``1 + log(count)`` for counts ≥ 1."""
    return {key: 1.0 + math.log(count) if count >= 1 else count for key, count in counts.items()}


def article_features(article: Article, analysis: Analysis | None = None) -> Features:
    """The sublinear feature weights of an article's title, lead and body (captions left out)."""
    body = [p for p in article.paragraphs if p.kind in (ParagraphKind.BODY, ParagraphKind.HEADING)]
    if not body:
        body = list(article.paragraphs)
    texts = [article.title, *(p.text for p in body)]
    names = _entity_name_keys(analysis) | mid_sentence_name_keys(texts)
    counts: dict[str, float] = {}
    text_features(article.title, article.language, weight=TITLE_WEIGHT, names=names, into=counts)
    budget = MAX_BODY_TOKENS
    for position, paragraph in enumerate(body):
        if budget <= 0:
            break
        if position == 0 and paragraph.text.strip() == article.title.strip():
            continue  # a title repeated as the first paragraph
        language = paragraph.language or article.language
        before = len(counts)
        text_features(
            paragraph.text,
            language,
            weight=LEAD_WEIGHT if position == 0 else 1.0,
            names=names,
            into=counts,
            max_tokens=budget,
        )
        budget -= max(len(paragraph.text.split()), len(counts) - before)
    return sublinear(counts)


def plain_text_features(text: str, language: str | None, title: str = "") -> Features:
    """Features of a text without an Article around it (used by similarity evaluation)."""
    texts = [title, text] if title else [text]
    names = mid_sentence_name_keys(texts)
    counts: dict[str, float] = {}
    if title:
        text_features(title, language, weight=TITLE_WEIGHT, names=names, into=counts)
    text_features(text, language, names=names, into=counts, max_tokens=MAX_BODY_TOKENS)
    return sublinear(counts)
