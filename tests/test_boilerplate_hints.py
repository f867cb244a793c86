"""The cheap searches boilerplate runs first (issue 19) skip only paragraphs the full patterns
would not match: the same kinds and signatures as the patterns alone."""

from __future__ import annotations

import pytest

from newsloom.extract.letter_skip import case_class
from newsloom.normalize import boilerplate as b
from newsloom.records import ParagraphKind

TEXTS = [
    "Foto: Mads Nissen / Ritzau Scanpix",
    "Statsministeren talte på mødet. (Foto: Liselotte Sabroe/Ritzau Scanpix)",
    "Photo: STRINGER / Reuters",
    "Kongen besøgte byen i går. Vis mere Kongen besøgte byen i går.",
    "Kongen besøgte byen i går. VIS MERE Kongen besøgte byen i går.",
    "Show more about the story show more",
    "Bilder fra NTB og Reuters.",
    "Se billederne. Billeder fra Ritzau",
    "Pictures by AFP",
    "/ritzau/",
    "/ritzau/AFP",
    "Regeringen vil sænke skatten, siger ministeren. /ritzau/",
    "Mindst 14 personer døde i ulykken (NTB)",
    "Ulykken skete sent i går. ©AFP",
    "Ulykken skete sent i går - dpa",
    "OSLO (NTB): Regjeringen la fram budsjettet.",
    "WASHINGTON (AP) — The president spoke.",
    "MADRID (EFE) - El Gobierno aprobó el decreto.",
    "El ministro dijo: «No habrá más recortes», y se fue.",
    "La empresa, con sede en Madrid/Barcelona, cerró.",
    "El portavoz (de 45 años) habló con la prensa - y se marchó.",
    "Los datos, según Reuters, muestran una caída.",
    "Kilde: Danmarks Statistik",
    "Video: Se hele talen her",
]


def _is_caption_plain(text: str) -> bool:
    if b._CREDIT_AT_END.search(text[-b.CREDIT_TAIL :]):
        return True
    padded = f" {text} "
    match = b._SHOW_MORE.search(padded)
    if match is not None:
        before, after = padded[: match.start()].strip(), padded[match.end() :].strip()
        if before and after and (before[:40] == after[:40] or before[-40:] == after[-40:]):
            return True
    return b._PICTURES_FROM.search(text) is not None and len(text.split()) <= 60


def _signatures_plain(text: str, kind: ParagraphKind, first: bool) -> list[str]:
    if kind in (ParagraphKind.CAPTION, ParagraphKind.CREDIT, ParagraphKind.SOCIAL_POST):
        return []
    found: list[str] = []
    stripped = text.strip()
    if kind is ParagraphKind.SIGNOFF:
        match = b._BARE_SIGNOFF.match(stripped) or b._SLASH_SIGNOFF.search(stripped)
        if match:
            found += b._canonical(match["names"])
    if kind is ParagraphKind.BYLINE:
        found += [b.AGENCIES[m["name"].lower()] for m in b._BYLINE_AGENCY.finditer(stripped)]
    for match in b._SLASH_RITZAU.finditer(stripped):
        found.append("Ritzau")
        if match["more"]:
            found += b._canonical(match["more"])
    end = b._END_SIGNOFF.search(stripped)
    if end:
        found += b._canonical(end["paren"] or end["copy"] or end["dash"])
    if kind is ParagraphKind.BODY and not end:
        slash = b._SLASH_SIGNOFF.search(stripped)
        if slash:
            found += b._canonical(slash["names"])
    if first:
        dateline = b._DATELINE.match(stripped)
        if dateline:
            found += b._canonical(dateline["names"])
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_hinted_checks_agree_with_the_patterns_alone(text: str) -> None:
    assert b._is_caption(text) == _is_caption_plain(text)
    for kind in (ParagraphKind.BODY, ParagraphKind.SIGNOFF, ParagraphKind.BYLINE):
        for first in (False, True):
            assert b.signature_agencies(text, kind, first) == _signatures_plain(text, kind, first)


def test_caption_and_signature_examples() -> None:
    assert b._is_caption("Statsministeren talte. (Foto: Liselotte Sabroe/Ritzau Scanpix)")
    assert b._is_caption("Kongen kom i går. Vis mere Kongen kom i går.")
    assert b._is_caption("Bilder fra NTB og Reuters.")
    assert b.signature_agencies(
        "OSLO (NTB): Regjeringen la fram budsjettet.", b.ParagraphKind.BODY, True
    ) == ["NTB"]


def test_show_more_hint_letters_match_only_their_cases() -> None:
    # the hint is written with both cases of each letter: what re matches to them without case
    for letter in "mreo":
        assert case_class(letter) == letter.upper() + letter


def _classify_plain(text: str) -> ParagraphKind:
    """classify_paragraph as it was: every word counted first, every pattern searched."""
    stripped = text.strip()
    if not stripped:
        return ParagraphKind.BOILERPLATE
    if b._is_social_post(stripped):
        return ParagraphKind.SOCIAL_POST
    if b._CREDIT_ONLY.match(stripped):
        return ParagraphKind.CREDIT
    if b._BARE_SIGNOFF.match(stripped) or (
        b._SLASH_SIGNOFF.search(stripped) and len(stripped.split()) <= 3
    ):
        return ParagraphKind.SIGNOFF
    words = len(stripped.split())
    if words <= 12 and b._BYLINE.match(stripped) and not stripped.endswith((".", "!", "?")):
        return ParagraphKind.BYLINE
    if words <= 6 and b._AGENCY_CREDIT_LINE.match(stripped):
        return ParagraphKind.BYLINE
    if _is_caption_plain(stripped):
        return ParagraphKind.CAPTION
    if b._BOILERPLATE.match(stripped) and words <= 25:
        return ParagraphKind.BOILERPLATE
    heading_words = stripped.split()
    if (
        0 < len(heading_words) <= b.HEADING_MAX_WORDS
        and len(stripped) <= b.HEADING_MAX_CHARACTERS
        and not stripped.endswith(b._FINAL_PUNCTUATION)
        and not stripped.startswith(("-", "–", "—", "»", "«", '"', "“", "„"))
        and any(character.isalpha() for character in stripped)
        and stripped[0].isupper()
    ):
        return ParagraphKind.HEADING
    return ParagraphKind.BODY


KIND_TEXTS = [
    *TEXTS,
    "Af Hans Hansen, Ritzau",
    "Av Kari Nordmann og Ola Nordmann, NTB, med bidrag fra en kollega som også var der.",
    "Reporting by Jane Doe; Editing by John Smith.",
    "NTB / Vestlandsbladet",
    "Reuters, AP",
    "Les også: Regjeringen vil kutte skatten",
    "Lea también: El Gobierno aprueba el decreto sobre la vivienda",
    "Read more about the budget, the taxes and the plans of the government for the next year"
    " and the year after that, as the ministers told reporters at a press conference",
    "Gobierno aprueba el decreto",
    "Regjeringen kutter skatten for alle",
    "   ",
    "NTB",
    "(Reuters)",
]


@pytest.mark.parametrize("text", KIND_TEXTS)
def test_kinds_agree_with_the_checks_in_their_old_order(text: str) -> None:
    assert b.classify_paragraph(text) == _classify_plain(text)
