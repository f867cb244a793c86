"""Language per article and per paragraph.

py3langid (offline, loaded once per process) restricted to the languages newsloom meets, with
Bokmål reported as ``nb`` and Nynorsk as ``nn``. The Scandinavian siblings (da, nb, nn, sv) are
close enough that the detector alone confuses them on short text, so function words that only one
of them uses (``af``/``av``, ``ikke``/``ikkje``, ``blev``/``ble``/``vart``) break ties.

A paragraph shorter than :data:`MIN_PARAGRAPH_WORDS` words, and a credit, byline, sign-off or
boilerplate paragraph, inherits the article's language; a
longer one gets its own language only when the detector is confident it differs, so an English
tweet in a Danish article is ``en`` while Danish paragraphs do not flip to ``nb``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from operator import itemgetter
from typing import Any

from newsloom.errors import ModelError
from newsloom.normalize.langid_batch import BatchScorer, batch_scorer
from newsloom.records import Article, Paragraph, ParagraphKind

MIN_PARAGRAPH_WORDS = 8
FOREIGN_CONFIDENCE = 0.9  # to differ from the article outside the Scandinavian siblings
EVIDENCE_WEIGHT = 0.75  # log-probability worth one typical word
ARTICLE_SAMPLE_CHARACTERS = 4000  # of body text, enough to tell an article's language
SIBLING_MARGIN = 2  # marker-word lead a paragraph needs to differ from a sibling article language
GUESS_CACHE_SIZE = 20_000  # paragraph texts whose guesses are remembered

LANGUAGES = (
    "da", "no", "nn", "sv", "en", "de", "fr", "es", "it", "nl", "pt", "fi", "is", "fo", "et",
    "pl", "ru", "uk", "lt", "lv", "cs", "tr", "ar", "fa", "ur", "so", "zh", "ja", "el", "hu",
)  # fmt: skip
SCANDINAVIAN = frozenset({"da", "nb", "nn", "sv"})
# every code newsloom may give a Scandinavian text, py3langid's "no" (Bokmål) too: the languages
# with a suffixed definite article ("professoren") and shared word lists
SCANDINAVIAN_CODES = SCANDINAVIAN | {"no"}
# paragraphs that are not the article's text inherit its language unjudged (no stage reads theirs)
INHERITING_KINDS = frozenset(
    {ParagraphKind.CREDIT, ParagraphKind.BYLINE, ParagraphKind.SIGNOFF, ParagraphKind.BOILERPLATE}
)

_CODES = {
    "no": "nb", "nob": "nb", "nno": "nn", "dan": "da", "swe": "sv", "eng": "en", "deu": "de",
    "ger": "de", "fra": "fr", "fre": "fr", "fin": "fi", "isl": "is", "ice": "is",
}  # fmt: skip

# Function words and common forms, listed under each sibling that uses them. A word counts as
# evidence for A over B when A uses it and B does not (``af`` is da, ``av`` is nb/nn/sv).
_SIBLING_WORDS: dict[str, str] = {
    "da": (
        "af blev bliver havde efter mellem nu meget sagde siger gennem måske nogle noget nogen"
        " ud ude op mod hvad mig dig sig end været dræbt vores blandt tilbage igen mere ind lidt"
        " gik fik gøre ikke også hvis hvordan dem deres sine sit hele bare siden mens nok disse"
        " dette ned frem jeg hun fra hvem hvorfor da selv et en helt egen de og er at til for"
        " oplyser spørgsmål hjælp regeringen ugen uge altid løbet første sidste kommer skal vil"
        " blevet sammen derfor hvor hvilke mennesker tidligere flere mange ifølge blot vore om"
        " eget egne komme være se tro tror synes hos først samme gang gangen måned hjem hjemme"
        " sted stedet steder skole skolen mulig lille bedre gammel enkelt allerede senere"
        " løsning høre ligge koster holde holder lå lager gør sige taget tager trænger troede"
        " blive uden udenfor inden anden andet gange dreng penge mulighed almindelig almindelige"
        " endnu fortsat jer hendes spurgte tænke tænker bruger køre lægge sælge gælder giver"
        " givet øge øger sidder finder fandt fundet begyndte begynder stod"
    ),
    "nb": (
        "av ble blir hadde etter mellom nå mye sa sier gjennom kanskje noen noe ut ute opp mot"
        " hva meg deg seg enn vært drept våre vår blant tilbake igjen mer inn litt gikk fikk"
        " gjøre ikke også hvis hvordan dem deres sine sitt hele bare siden mens nok disse dette"
        " ned frem fram ei jeg hun fra hvem hvorfor da selv et en helt egen de og er at til for"
        " opplyser spørsmål hjelp regjeringen regjeringa uken uka uke alltid løpet første siste"
        " kommer skal vil blitt sammen derfor hvor hvilke mennesker tidligere flere mange ifølge"
        " å meget om bli vet sto gjør si tatt tar trenger trodde uten utenfor innenfor annen"
        " annet ganger gutt penger mulighet vanlig vanlige liten ennå fortsatt dere hennes"
        " spurte tenke tenker bruker kjøre legge selge gjelder gir gitt ga øke øker sitter"
        " finner fant funnet begynte begynner eget egne komme være se tro tror synes hos først"
        " samme gang gangen måned hjem hjemme sted stedet steder skole skolen mulig lille bedre"
        " gammel enkelt allerede senere løsning høre ligge koster holde holder lå lager"
    ),
    "nn": (
        "av blir hadde etter mellom no mykje sa seier gjennom kanskje nokon noko nokre ut ute"
        " opp mot kva meg deg seg enn vore vorte drepen drepne våre vår blant tilbake igjen meir"
        " inn litt gjekk fekk gjere ikkje også òg viss korleis dei deira sine sitt heile berre"
        " sidan medan nok desse dette ned fram ei eg ho frå kven kvifor då sjølv eit ein heilt"
        " eigen eige eigne og er at til for opplyser spørsmål hjelp regjeringa veka veke alltid"
        " løpet fyrste første siste kjem skal vil blitt saman difor kor menneske tidlegare"
        " fleire mange ifølgje vart blei å mens vere same sjå om bli kome gjer seie teke tek såg"
        " veit treng trong tru trur trudde tykkjer synest verte vert utan utanfor innanfor"
        " attende fyrst annan anna gong gongen gonger månad born gut heim heime skule skulen"
        " pengar høve mogleg moglegheit vanleg vanlege lita betre gammal einskild enno framleis"
        " allereie dykk dykkar hennar eitt inga ingenting seinare løysing spurde tenkje tenkjer"
        " brukar køyre køyrer leggje liggje selje kostar gjeld gjev auke aukar halde held heldt"
        " stod sit ligg låg lagar laga fann byrja byrjar gjort tok"
    ),
    "sv": (
        "av blev blir hade efter mellan nu mycket sade säger genom kanske några något någon ut"
        " ute upp mot vad mig dig sig än varit dödad dödades våra vår bland tillbaka igen mer"
        " gick fick göra inte också om hur dem deras sina sitt hela bara sedan medan nog dessa"
        " detta ner fram jag hon från vem varför då själv ett en helt egen de och är att till"
        " för uppger fråga hjälp regeringen veckan vecka alltid loppet första sista kommer ska"
        " vill blivit tillsammans därför där vilka människor tidigare flera många enligt bli"
        " annan stad låg fann stod vet gjort tog"
    ),
}
LEXICON: dict[str, frozenset[str]] = {}
for _language, _words in _SIBLING_WORDS.items():
    for _word in _words.split():
        LEXICON[_word] = LEXICON.get(_word, frozenset()) | {_language}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NOISE = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|www\.\S+|@\w+|#\w+")


def normalize_language_code(code: str | None) -> str | None:
    """``no``/``nob``/``nb-NO`` → ``nb``, ``nno`` → ``nn``, ``da-DK`` → ``da``; None stays None."""
    if code is None or not code.strip():
        return None
    primary = re.split(r"[-_]", code.strip().lower())[0]
    return _CODES.get(primary, primary)


@cache
def _identifier() -> Any:
    """The py3langid identifier, loaded once per process and restricted to :data:`LANGUAGES`."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError as error:  # pragma: no cover - py3langid is a dependency
        raise ModelError(f"py3langid is not installed ({error}); pip install py3langid") from error
    try:
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    except (OSError, ValueError) as error:
        raise ModelError(f"py3langid model {MODEL_FILE} cannot be loaded: {error}") from error
    identifier.set_languages([code for code in LANGUAGES if code in identifier.labels])
    return identifier


# Spelling that separates the siblings: (word ending or part, siblings that spell so).
_SPELLINGS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = tuple(
    (re.compile(pattern), frozenset(languages.split()))
    for pattern, languages in (
        (r"\w{3}sjon(?:en|ar|er|ane|ene)?$", "nb nn"),
        (r"\w{3}tion(?:en|er|erne|ar|erna)?$", "da sv"),
        (r"øy", "nb nn"),
        (r"øj", "da"),
        (r"^kj|^gj", "nb nn"),
        (r"\w{3}hed(?:en|er|erne)?$", "da"),
        (r"\w{3}heit(?:a|en|er|ar)?$", "nn"),
        (r"\w{3}leg(?:e|t)?$", "nn"),
        (r"\w{3}ane$", "nn"),
        (r"\w{3}(?<!janu)(?<!febru)(?<!komment)(?<!semin)(?<!invent)(?<!formul)ar(?:ne)?$", "nn"),
        (r"\w{4}ast$", "nn sv"),
        (r"[äö]", "sv"),
    )
)


@dataclass(frozen=True, slots=True)
class Guess:
    language: str
    confidence: float  # for a sibling: that the text is one of da/nb/nn/sv
    evidence: dict[str, int]  # words and spellings typical of each sibling


@lru_cache(maxsize=200_000)
def _siblings_using(word: str) -> frozenset[str]:
    """The siblings that use ``word`` (lower case) when not all of them do, else none."""
    languages = LEXICON.get(word)
    if languages is None and len(word) >= 4:
        languages = next((spelled for pattern, spelled in _SPELLINGS if pattern.search(word)), None)
    if languages is None or len(languages) == len(SCANDINAVIAN):
        return frozenset()
    return languages


def sibling_evidence(words: Iterable[str]) -> dict[str, int]:
    """For each sibling, how many words it uses (or spells so) that not all siblings do."""
    evidence = dict.fromkeys(sorted(SCANDINAVIAN), 0)
    for word in words:
        for language in _siblings_using(word.lower()):
            evidence[language] += 1
    return evidence


def _decide_sibling(evidence: dict[str, int], ranked: dict[str, float]) -> str:
    """The sibling with the best detector log-probability plus weighted word evidence."""
    return max(
        SCANDINAVIAN,
        key=lambda language: (
            math.log(max(ranked.get(language, 0.0), 1e-9)) + EVIDENCE_WEIGHT * evidence[language]
        ),
    )


def plain_guess_language(text: str) -> Guess | None:
    """:func:`guess_language` by py3langid's own ``rank``, one text at a time (the reference)."""
    cleaned = _NOISE.sub(" ", text)
    words = _WORD.findall(cleaned)
    if not words:
        return None
    return _guess(words, _identifier().rank(cleaned))


def _guess(words: list[str], ranking: Iterable[tuple[str, float]]) -> Guess:
    """The guess from the detector's ranking (best first) and the text's words."""
    ranked: dict[str, float] = {}
    for code, score in ranking:
        language = _CODES.get(code, code)
        ranked[language] = ranked.get(language, 0.0) + float(score)
    language = max(ranked, key=ranked.__getitem__)
    if language not in SCANDINAVIAN:
        return Guess(language, min(ranked[language], 1.0), dict.fromkeys(sorted(SCANDINAVIAN), 0))
    evidence = sibling_evidence(words)
    confidence = sum(ranked.get(sibling, 0.0) for sibling in SCANDINAVIAN)
    return Guess(_decide_sibling(evidence, ranked), min(confidence, 1.0), evidence)


def guess_language(text: str) -> Guess | None:
    """The language of ``text`` with a confidence in [0, 1]; None when it has no words."""
    return guess_languages([text])[0]


@cache
def _scorer() -> BatchScorer | None:
    return batch_scorer(_identifier())


_GUESSES: dict[str, Guess | None] = {}  # by text: agency copy repeats paragraphs word for word


def guess_languages(texts: list[str]) -> list[Guess | None]:
    """:func:`guess_language` of each text, the same guesses computed together (and remembered).

    The detector's scores of all new texts come from one :class:`BatchScorer` pass, equal to
    py3langid's to the last bit; without a scorer each text goes through py3langid alone.
    """
    scorer = _scorer()
    if scorer is None:
        return [plain_guess_language(text) for text in texts]
    known: dict[str, Guess | None] = {}
    new: dict[str, str] = {}  # text -> its cleaned text, for texts with words
    for text in texts:
        if text in known or text in new:
            continue
        if text in _GUESSES:
            known[text] = _GUESSES[text]
            continue
        cleaned = _NOISE.sub(" ", text)
        if _WORD.search(cleaned) is None:
            known[text] = None
        else:
            new[text] = cleaned
    if new:
        classes = _identifier().nb_classes
        for (text, cleaned), scores in zip(
            new.items(), scorer.scores(list(new.values())), strict=True
        ):
            known[text] = _scored_guess(cleaned, classes, scores.tolist())
            _remember(text, known[text])
    return [known[text] for text in texts]


@cache
def _codes(classes: tuple[str, ...]) -> tuple[list[str], bool]:
    """Each class's language code, and whether no two classes share one."""
    codes = [_CODES.get(code, code) for code in classes]
    return codes, len(set(codes)) == len(codes)


def _scored_guess(cleaned: str, classes: list[str], scores: list[float]) -> Guess:
    """:func:`_guess` from the detector's score per class, in the detector's class order."""
    codes, distinct = _codes(tuple(classes))
    if distinct:  # each language one class: the best is the first best
        best = max(range(len(scores)), key=scores.__getitem__)
        if codes[best] not in SCANDINAVIAN:
            language, confidence = codes[best], min(scores[best], 1.0)
            return Guess(language, confidence, dict.fromkeys(sorted(SCANDINAVIAN), 0))
    ranking = sorted(zip(classes, scores, strict=True), key=itemgetter(1), reverse=True)
    return _guess(_WORD.findall(cleaned), ranking)


def _remember(text: str, guess: Guess | None) -> None:
    if GUESS_CACHE_SIZE <= 0:
        return
    if len(_GUESSES) >= GUESS_CACHE_SIZE:
        # the oldest (another thread may have taken it: a Dask worker can run several)
        with suppress(StopIteration, RuntimeError):
            _GUESSES.pop(next(iter(_GUESSES)), None)
    _GUESSES[text] = guess


def _paragraph_language(guess: Guess | None, article_language: str) -> str:
    """A long paragraph's language given the article's: differ only on clear evidence."""
    if guess is None or guess.language == article_language:
        return article_language
    if guess.language in SCANDINAVIAN and article_language in SCANDINAVIAN:
        lead = guess.evidence[guess.language] - guess.evidence[article_language]
        return guess.language if lead >= SIBLING_MARGIN else article_language
    return guess.language if guess.confidence >= FOREIGN_CONFIDENCE else article_language


def _article_guess(
    article: Article, guesses: dict[int, Guess | None], sizes: dict[str, int]
) -> Guess | None:
    """The language most body words are in, by paragraph guesses (one pass over the text).

    When no body paragraph is long enough to judge alone, the body text is judged as a whole.
    ``sizes`` has the number of words of each body paragraph's text.
    """
    body = [p for p in article.paragraphs if p.kind in (ParagraphKind.BODY, ParagraphKind.HEADING)]
    votes: Counter[str] = Counter()
    confidence: dict[str, float] = {}
    for paragraph in body:
        guess = guesses.get(paragraph.index)
        if guess is not None:
            size = sizes[paragraph.text]
            votes[guess.language] += size
            confidence[guess.language] = (
                confidence.get(guess.language, 0.0) + guess.confidence * size
            )
    if not votes:
        return guess_language("\n".join(p.text for p in body)[:ARTICLE_SAMPLE_CHARACTERS])
    language, size = votes.most_common(1)[0]
    share = size / sum(votes.values())
    return Guess(language, share * confidence[language] / size, dict.fromkeys(SCANDINAVIAN, 0))


def detect_languages(article: Article) -> Article:
    """Return the article with ``language`` set on it and on each paragraph.

    Each long paragraph is judged alone; the article's language is the one most of its body
    words are in; a paragraph keeps a different language only on clear evidence, and short ones
    inherit the article's. A language given by the input is kept when the text is unclear.
    """
    sizes = {  # words per text, of every paragraph that may be judged (body ones among them)
        paragraph.text: len(paragraph.text.split())
        for paragraph in article.paragraphs
        if paragraph.kind not in INHERITING_KINDS
    }
    judged = [
        paragraph
        for paragraph in article.paragraphs
        if paragraph.kind not in INHERITING_KINDS and sizes[paragraph.text] >= MIN_PARAGRAPH_WORDS
    ]
    found = guess_languages([paragraph.text for paragraph in judged])
    guesses = {paragraph.index: guess for paragraph, guess in zip(judged, found, strict=True)}
    overall = _article_guess(article, guesses, sizes)
    if overall is None:
        return article
    base = overall.language
    if article.language and article.language != base and overall.confidence < FOREIGN_CONFIDENCE:
        base = article.language
    languages = {index: _paragraph_language(guess, base) for index, guess in guesses.items()}
    words: Counter[str] = Counter()
    for paragraph in article.body:
        if paragraph.index in languages:
            words[languages[paragraph.index]] += sizes[paragraph.text]
    language = words.most_common(1)[0][0] if words else base
    paragraphs = tuple(
        _with_language(paragraph, languages.get(paragraph.index, language))
        for paragraph in article.paragraphs
    )
    return replace(article, language=language, paragraphs=paragraphs)


def _with_language(paragraph: Paragraph, language: str) -> Paragraph:
    return paragraph if paragraph.language == language else replace(paragraph, language=language)
