"""A small rule-based sentence splitter with character offsets (no model, Latin-script languages).

A sentence ends at ``.``, ``!`` or ``?`` (optionally followed by closing quotes) when the next
sentence starts with an upper-case letter, a digit-free dash line or an opening quote. Abbreviations
(``kl.``, ``ca.``, ``bl.a.``, ``Mr.``) and ordinals (``19. januar``, ``76. luftbårne``) do not end a
sentence because what follows is lower-case or a digit, or the word is a known abbreviation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    [
        "kl",
        "ca",
        "bl",
        "dvs",
        "f",
        "eks",
        "mht",
        "pga",
        "iflg",
        "nr",
        "hr",
        "fru",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "inkl",
        "ekskl",
        "evt",
        "mv",
        "osv",
        "m",
        "fl",
        "resp",
        "jf",
        "jfr",
        "sen",
        "rep",
        "gen",
        "col",
        "lt",
        "sgt",
        "gov",
        "no",
        "vol",
        "sr",
        "sra",
        "sres",
        "dña",
        "dr",
        "dra",
        "u",
        "a",
        "z",
        "b",
    ]
)
_END = re.compile(r"[.!?]+[»\"”’')\]]*(?=\s+[\"“«»„'‘(\[–—-]?\s*[A-ZÆØÅÄÖÜÉÁÍÓÚÑ¿¡])")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_LAST_WORD_TAIL = 80


def _last_word(text: str) -> re.Match[str] | None:
    """``_LAST_WORD`` searched in the end of ``text`` only, unless the word may start before it."""
    cut = max(0, len(text) - _LAST_WORD_TAIL)
    found = _LAST_WORD.search(text, cut)
    if cut and (found is None or found.start() == cut):
        return _LAST_WORD.search(text)
    return found


# "… 189 reclusos.También resultaron …": a sentence glued to the one before it (a space lost in
# scraping) — a point between a lower-case word and a capitalised one; "U.S.", "e.V." and
# "nrk.no" do not match. The point comes first and the letters before it are looked behind
# from after it, so that a search jumps from point to point.
_GLUED = re.compile(r"\.(?<=[a-zæøåäöüéáíóúñ]{3}\.)(?=[A-ZÆØÅÄÖÜÉÁÍÓÚÑ][a-zæøåäöüéáíóúñ]{2})")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str, *, glued: bool = False) -> list[Sentence]:
    """Sentences of ``text`` with their character offsets (whitespace between them dropped).

    With ``glued``, a point with no space after it also ends a sentence when a lower-case word
    comes before it and a capitalised word after it (``reclusos.También``; figures use this)."""
    sentences: list[Sentence] = []
    start = 0
    ends = list(_END.finditer(text))
    if glued:
        ends = sorted([*ends, *_GLUED.finditer(text)], key=lambda match: match.start())
    for match in ends:
        if match.group(0).startswith(".") and len(match.group(0)) == 1:
            word = _last_word(text[start : match.start()])
            if word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        end = match.end()
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))
