"""Paragraph kinds and wire-agency signatures.

Nothing is deleted: each paragraph gets a :class:`ParagraphKind` (body, heading, caption, credit,
social post, byline, sign-off, boilerplate). Agency *signatures* are structural marks that say who
wrote the text (``/ritzau/``, ``(NTB)``, ``Af Ritzau``, ``OSLO (NTB):``); an agency *cited* inside a
sentence (``ifølge Reuters``, ``skriver Ritzau``) is a source, not a signature, and is not counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.records import ParagraphKind

# Canonical agency names and the spellings that signal them in a signature position.
AGENCIES: dict[str, str] = {
    "ritzau": "Ritzau",
    "ntb": "NTB",
    "tt": "TT",
    "ap": "AP",
    "reuters": "Reuters",
    "afp": "AFP",
    "dpa": "dpa",
    "fnb": "FNB",
    "stt": "STT",
    "anp": "ANP",
    "efe": "EFE",
    "ansa": "ANSA",
    "bloomberg": "Bloomberg",
    "interfax": "Interfax",
    "tass": "TASS",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "belga": "Belga",
    "apa": "APA",
    "sda": "SDA",
    "pap": "PAP",
}
_CASED_AGENCY = (
    r"(?:Ritzau|RITZAU|ritzau|NTB|TT|AP|Reuters|REUTERS|AFP|dpa|DPA|FNB|STT|ANP|EFE|ANSA|Bloomberg"
    r"|Interfax|TASS|Xinhua|Kyodo|Belga|APA|SDA|PAP)"
)
_AGENCY_LIST = _CASED_AGENCY + r"(?:\s*(?:/|,|og|och|and|\+|&)\s*" + _CASED_AGENCY + r")*"

# "/ritzau/", "/ritzau/AFP", "/TT", "/NTB"
_SLASH_SIGNOFF = re.compile(r"(?:^|\s)/\s*(?P<names>" + _AGENCY_LIST + r")\s*/?\s*$")
_SLASH_RITZAU = re.compile(r"/\s*ritzau\s*/(?P<more>[A-Za-z]+)?", re.IGNORECASE)
# "(NTB)", "(TT)", "(AP)", "(Reuters)", "©AFP", "-dpa" at the end of a paragraph.
_END_SIGNOFF = re.compile(
    r"(?:\((?:©\s*)?(?P<paren>" + _AGENCY_LIST + r")\)|©\s*(?P<copy>" + _AGENCY_LIST + r")"
    r"|(?:^|\s)[-–—]\s*(?P<dash>" + _AGENCY_LIST + r"))\s*\.?$"
)
# Datelines: "OSLO (NTB):", "Stockholm (TT)", "WASHINGTON (AP) —", "LONDON (Reuters) -"
_DATELINE = re.compile(
    r"^[A-ZÆØÅÄÖ][\wÆØÅÄÖæøåäöé.' -]{1,40}?(?:,\s*[\w. ]{1,20})?\s*\((?P<names>"
    + _AGENCY_LIST
    + r")\)\s*[:–—-]?"
)
# A paragraph that is nothing but a signature: "NTB", "©NTB", "(NTB)", "Ritzau", "TT".
_BARE_SIGNOFF = re.compile(r"^[(\[]?(?:©\s*)?/?\s*(?P<names>" + _AGENCY_LIST + r")\s*/?[)\]]?\.?$")
# Bylines: "Af Ritzau", "Av NTB", "NTB-Kari Nordmann", "Ritzau/AFP", "Af Hans Hansen, Reuters"
_BYLINE = re.compile(
    r"^(?:(?i:af|av|by|von|text|tekst|skrevet af|skrevet av|skrivet av|(?:additional )?reporting by"
    r"|writing by|editing by|compiled by|med bidrag fra|med bidrag av|med bidrag från)\s*:?\s+\S"
    r"|(?:" + _CASED_AGENCY + r")[-–](?:[A-ZÆØÅÄÖ]\w+))"
)
# "NTB / Vestlandsbladet", "Reuters, AP": an agency named beside the outlet on a line of its own
_AGENCY_CREDIT_LINE = re.compile(
    r"^(?:[^\s/,]+(?: [^\s/,]+)?\s*[/,]\s*)*"
    + _CASED_AGENCY
    + r"(?:\s*[/,]\s*[^\s/,]+(?: [^\s/,]+)?)*$"
)
# what every signature pattern (end, slash, dateline) holds: an agency's name as written, searched
# first (a plain alternation: the engine skips to its first letters) so that a paragraph naming
# none skips the patterns that try every position
_AGENCY_NAME = re.compile(_CASED_AGENCY)
_BYLINE_AGENCY = re.compile(r"(?<![\w-])(?P<name>" + _CASED_AGENCY + r")(?!\w)")

# Credits: "Foto: NAME", "Photo: X / Reuters", "Bild: TT", "(Foto: X)", "Bilder fra AFP"
_CREDIT_WORD = (
    r"(?:foto|fotos|photo|photos|bild|bilde|bilder|billede|billeder|fotograf|photographer"
    r"|arkivfoto|arkivbild|arkivbillede|illustration|illustrasjon|grafik|grafikk|video|kilde"
    r"|källa|credit|image|picture|pressefoto|montage)"
)
_CREDIT_AT_END = re.compile(
    r"(?:^|[\s.!?)»\"'])\(?" + _CREDIT_WORD + r"\s*:\s*[^:]{1,90}?\)?\s*$", re.IGNORECASE
)
_CREDIT_ONLY = re.compile(r"^\(?" + _CREDIT_WORD + r"\s*:\s*[^:]{1,90}\)?$", re.IGNORECASE)
_PICTURES_FROM = re.compile(
    r"(?:^|[.!?]\s+)(?:Bilder?|Bilde|Billeder?|Bilderna|Pictures?|Photos?|Videoe?r?|Fotos?)\s+"
    r"(?:fra|från|from|af|av|by)(?:\s+(?:[A-ZÆØÅÄÖ][\w-]*|og|och|and|&|/)){1,5}\.?$"
)
_SHOW_MORE = re.compile(
    r"\s(?:vis mere|vis mer|visa mer|show more|les mer|læs mere)\s", re.IGNORECASE
)
# what every _SHOW_MORE phrase holds inside it (a space, then m, e or o, r: letters that match
# nothing but their two cases), and every _PICTURES_FROM word's start: searched first, cheaply
_SHOW_MORE_HINT = re.compile(r" [Mm][EeOo][Rr]")
_PICTURES_HINT = re.compile(r"Bil|Picture|Photo|Video|Foto")

# Embedded social posts.
_SOCIAL = re.compile(
    r"pic\.twitter\.com/|https?://t\.co/|twitter\.com/\w+/status|x\.com/\w+/status"
    r"|[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+\w+\.?\s+\d{1,2},?\s+\d{4}"
    r"|instagram\.com/(?:p|reel)/|facebook\.com/[^\s]+/(?:posts|videos)/"
    r"|view this post on instagram|a post shared by|se dette opslag på instagram"
    r"|se dette innlegget på instagram|visa det här inlägget på instagram"
    r"|et opslag delt af|et innlegg delt av|ett inlägg delat av|tiktok\.com/@",
    re.IGNORECASE,
)

# Site furniture: cross-links, share buttons, ads, update stamps.
_BOILERPLATE = re.compile(
    r"^(?:læs også|læs mere|les også|les mer|les hele saken|läs också|läs mer|read more|read also"
    r"|see also|se også|se også|relateret|relaterte saker|relaterade artiklar|related"
    r"|del artiklen|del artikkelen|dela artikeln|share this|annonce|annonse|annons|advertisement"
    r"|reklame|sponsoreret|artiklen fortsætter|artikkelen fortsetter|artikeln fortsätter"
    r"|publiceret|publisert|publicerad|published|opdateret|oppdatert|uppdaterad|updated"
    r"|sist oppdatert|senest opdateret|abonner|prenumerera|subscribe|tip os|tips oss"
    r"|følg med|følg os|follow us|hør også|lyt til|se video|se videoen|watch"
    # the same cross-links in the other languages of extract/languages
    r"|lea también|lee también|te puede interesar|noticias relacionadas|lire aussi|à lire aussi"
    r"|voir aussi|leggi anche|vedi anche|leia também|leia mais|veja também|saiba mais"
    r"|lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|lees ook|lees meer|zie ook"
    r"|zobacz też|zobacz także|czytaj też|czytaj także|czytaj więcej)\b"
    # a bare "read"/"see" label before a colon: "Lea: Al menos 14 niños mueren …"
    r"|^(?:lea|lee|lire|leggi|leia|lies|lees|zobacz|czytaj|read|see|se|les|läs|læs)\s*:",
    re.IGNORECASE,
)
# The heading of a list of other stories' headlines ("Lo más buscado", "Most read"): the
# headline-like paragraphs after it are links, not the article
_LINK_LIST = re.compile(
    r"^(?:lo más buscado|lo más leído|lo más visto|most read|most popular|les plus lus"
    r"|meistgelesen|mest lest|mest læst|mest läst|più letti|più lette|mais lidas|mais lidos"
    r"|meest gelezen|najczęściej czytane|najpopularniejsze)\b",
    re.IGNORECASE,
)
_FINAL_PUNCTUATION = tuple(".!?:;…»«\"”'’)")
HEADING_MAX_WORDS = 10
HEADING_MAX_CHARACTERS = 90


_SOCIAL_HINTS = ("twitter", "t.co/", "x.com/", "(@", "instagram", "facebook.com", "shared by",
                 "delt af", "delt av", "delat av", "tiktok.com")  # fmt: skip
CREDIT_TAIL = 140  # characters at a paragraph's end searched for a credit


SOCIAL_POST_MAX_CHARACTERS = 3000  # an embedded post (Instagram allows 2,200) plus its furniture


def _is_social_post(text: str) -> bool:
    if len(text) > SOCIAL_POST_MAX_CHARACTERS:
        return False  # a long text that links a post is an article citing it (issue 20)
    lowered = text.lower()
    return any(hint in lowered for hint in _SOCIAL_HINTS) and _SOCIAL.search(text) is not None


def _show_more_at(text: str) -> int | None:
    """Where a "Vis mere" button starts in a caption repeated around it (``text`` is stripped)."""
    if _SHOW_MORE_HINT.search(text) is None:
        return None
    padded = f" {text} "
    match = _SHOW_MORE.search(padded)
    if match is None:
        return None
    before, after = padded[: match.start()].strip(), padded[match.end() :].strip()
    if before and after and (before[:40] == after[:40] or before[-40:] == after[-40:]):
        return max(0, match.start() - 1)  # the padding's leading space
    return None


def caption_once(text: str) -> str:
    """A caption repeated around a "Vis mere" button, up to the button; any other text whole.

    Danish and Norwegian sites print a photo caption, the button text and the caption again; read
    as one text, every name in it would count twice and the button word would run on from it.
    """
    end = _show_more_at(text)
    return text if end is None else text[:end].rstrip()


def _is_caption(text: str) -> bool:
    tail = text[-CREDIT_TAIL:]
    if ":" in tail and _CREDIT_AT_END.search(tail):  # a credit has its colon
        return True
    if _show_more_at(text) is not None:
        return True  # a caption repeated around "Vis mere"
    return (
        _PICTURES_HINT.search(text) is not None
        and _PICTURES_FROM.search(text) is not None
        and len(text.split()) <= 60
    )


def _is_heading(text: str) -> bool:
    if len(text) > HEADING_MAX_CHARACTERS:
        return False  # before the words are counted: most paragraphs are longer
    words = text.split()
    return (
        0 < len(words) <= HEADING_MAX_WORDS
        and not text.endswith(_FINAL_PUNCTUATION)
        and not text.startswith(("-", "–", "—", "»", "«", '"', "“", "„"))
        and any(character.isalpha() for character in text)
        and text[0].isupper()
    )


def classify_paragraph(text: str) -> ParagraphKind:
    """The kind of one normalised paragraph, judged from its own text."""
    stripped = text.strip()
    if not stripped:
        return ParagraphKind.BOILERPLATE
    if _is_social_post(stripped):
        return ParagraphKind.SOCIAL_POST
    if _CREDIT_ONLY.match(stripped):
        return ParagraphKind.CREDIT
    if _BARE_SIGNOFF.match(stripped) or (
        "/" in stripped and _SLASH_SIGNOFF.search(stripped) and len(stripped.split()) <= 3
    ):
        return ParagraphKind.SIGNOFF
    # the words are counted only where a pattern anchored at the start matched (most do not)
    if (
        _BYLINE.match(stripped)
        and len(stripped.split()) <= 12
        and not stripped.endswith((".", "!", "?"))
    ):
        return ParagraphKind.BYLINE
    if _AGENCY_CREDIT_LINE.match(stripped) and len(stripped.split()) <= 6:
        return ParagraphKind.BYLINE
    if _is_caption(stripped):
        return ParagraphKind.CAPTION
    if _BOILERPLATE.match(stripped) and len(stripped.split()) <= 25:
        return ParagraphKind.BOILERPLATE
    if _is_heading(stripped):
        return ParagraphKind.HEADING
    return ParagraphKind.BODY


def classify_paragraphs(texts: Sequence[str]) -> list[ParagraphKind]:
    """Kinds for an article's paragraphs, in order.

    A lone paragraph is never a heading (it is the article), and a paragraph after a heading-like
    line ending the article (a signature such as ``Ritzau``) keeps its signature kind. Headlines
    listed under a "Most read" heading are boilerplate: they link other stories.
    """
    kinds = [classify_paragraph(text) for text in texts]
    if len(kinds) == 1 and kinds[0] is ParagraphKind.HEADING:
        kinds[0] = ParagraphKind.BODY
    in_list = False
    for index, text in enumerate(texts):
        if _LINK_LIST.match(text.strip()) and len(text.split()) <= HEADING_MAX_WORDS:
            kinds[index], in_list = ParagraphKind.BOILERPLATE, True
        elif in_list and kinds[index] is ParagraphKind.HEADING:
            kinds[index] = ParagraphKind.BOILERPLATE  # a headline in the list
        else:
            in_list = False
    return kinds


def _canonical(names: str) -> list[str]:
    found = []
    for part in re.split(r"\s*(?:/|,|\bog\b|\boch\b|\band\b|\+|&)\s*", names):
        canonical = AGENCIES.get(part.strip().lower())
        if canonical:
            found.append(canonical)
    return found


def signature_agencies(text: str, kind: ParagraphKind, first: bool) -> list[str]:
    """Agencies that sign this paragraph (in order), not agencies it cites as sources.

    ``first`` says whether this is the first body paragraph, where datelines (``OSLO (NTB):``)
    stand.
    """
    if kind in (ParagraphKind.CAPTION, ParagraphKind.CREDIT, ParagraphKind.SOCIAL_POST):
        return []  # "Foto: STRINGER / Reuters" credits a picture, not the text
    found: list[str] = []
    stripped = text.strip()
    if kind is ParagraphKind.SIGNOFF:
        match = _BARE_SIGNOFF.match(stripped) or _SLASH_SIGNOFF.search(stripped)
        if match:
            found += _canonical(match["names"])
    if kind is ParagraphKind.BYLINE:
        found += [AGENCIES[m["name"].lower()] for m in _BYLINE_AGENCY.finditer(stripped)]
    for match in _SLASH_RITZAU.finditer(stripped):
        found.append("Ritzau")
        if match["more"]:
            found += _canonical(match["more"])
    if _AGENCY_NAME.search(stripped) is None:
        return found  # no signature below can match
    end = _END_SIGNOFF.search(stripped)
    if end:
        found += _canonical(end["paren"] or end["copy"] or end["dash"])
    if kind is ParagraphKind.BODY and not end:
        slash = _SLASH_SIGNOFF.search(stripped)
        if slash:
            found += _canonical(slash["names"])
    if first:
        dateline = _DATELINE.match(stripped)
        if dateline:
            found += _canonical(dateline["names"])
    return found


def find_agencies(texts: Sequence[str], kinds: Sequence[ParagraphKind]) -> tuple[str, ...]:
    """Canonical names of the agencies that sign an article, ordered and unique."""
    found: list[str] = []
    first_body = next(
        (index for index, kind in enumerate(kinds) if kind is ParagraphKind.BODY), None
    )
    for index, (text, kind) in enumerate(zip(texts, kinds, strict=True)):
        found += signature_agencies(text, kind, first=index == first_body)
    return tuple(dict.fromkeys(found))
