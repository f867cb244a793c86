from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsloom.errors import InputError
from newsloom.normalize.article import clean_text, normalize, outlet_of, split_paragraphs
from newsloom.normalize.boilerplate import caption_once, classify_paragraph, find_agencies
from newsloom.records import Article, DateOrigin, DatePrecision, ParagraphKind, RawDocument

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
K = ParagraphKind


def seed_documents() -> list[RawDocument]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return [
        RawDocument(text=path.read_text(encoding="utf-8"), origin=str(path))
        for path in sorted(SEEDS.glob("*.txt"))
    ]


def seed_articles() -> list[Article]:
    return [normalize(document) for document in seed_documents()]


def kinds_of(article: Article, kind: ParagraphKind) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind is kind]


def test_seed_date_prefix_is_month_precision_header_and_not_text() -> None:
    first, second, third = seed_articles()
    for article in (first, second):
        assert article.published == datetime(2022, 1, 1)
        assert article.published_precision is DatePrecision.MONTH
        assert article.published_origin is DateOrigin.HEADER
        assert "date 2022" not in article.text
        assert not article.text.startswith((" ", "date"))
    assert third.published is None  # no prefix and no dateline: unknown, not invented


def test_seed_captions_headings_and_tweet_are_marked_not_deleted() -> None:
    documents = seed_documents()
    first, second, third = (normalize(document) for document in documents)
    assert kinds_of(first, K.BODY) == [p.text for p in first.paragraphs]  # plain agency text
    captions = kinds_of(second, K.CAPTION)
    assert len(captions) == 5
    assert all("Foto:" in text or "Bilder fra" in text for text in captions)
    assert kinds_of(second, K.HEADING) == [
        "Stormet og ramponert",
        "Gasspris førte til eksplosjon",
        "Vil ikke gi fra seg makten",
    ]
    (tweet,) = kinds_of(third, K.SOCIAL_POST)
    assert "pic.twitter.com" in tweet
    (caption,) = kinds_of(third, K.CAPTION)
    assert "Vis mere" in caption
    lead_in = next(p for p in third.paragraphs if "Her ses video" in p.text)
    assert lead_in.kind is K.BODY
    for document, article in zip(documents, (first, second, third), strict=True):
        words = " ".join(document.text.split()).split()
        assert len(" ".join(article.text.split()).split()) >= len(words) - 2  # only the prefix


def test_seed_agencies_cited_in_sentences_are_not_signatures() -> None:
    # The seeds cite Reuters, AFP, Ritzau, Tass in sentences and credit Reuters/AP photos.
    assert [article.agencies for article in seed_articles()] == [(), (), ()]


def test_seed_ids_are_stable_and_distinct() -> None:
    documents = seed_documents()
    first = [normalize(document) for document in documents]
    again = [normalize(document) for document in documents]
    assert [a.id for a in first] == [a.id for a in again]
    assert len({a.id for a in first}) == 3
    assert all(len(a.id) == 16 and int(a.id, 16) >= 0 for a in first)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Foto: Mads Claus Rasmussen/Ritzau Scanpix", K.CREDIT),
        ("(Photo: Jane Doe / Reuters)", K.CREDIT),
        ("Statsministeren taler på mødet. Foto: Liselotte Sabroe", K.CAPTION),
        ("Folk i kø foran butikken. Bild: TT", K.CAPTION),
        ("BRAND: Huset stod i flammer natten til fredag. FOTO: Jens Hansen", K.CAPTION),
        ("Skolen er lukket. Billede fra Ritzau Scanpix", K.CAPTION),
        ("Huset brændte. Foto: Ida Vis mere Huset brændte. Foto: Ida", K.CAPTION),
        ("Look at this https://t.co/abc123 — Jane Doe (@janedoe) May 5, 2023", K.SOCIAL_POST),
        ("A post shared by Somebody (@somebody)", K.SOCIAL_POST),
        ("Læs også: Sådan blev valget afgjort", K.BOILERPLATE),
        ("Les også", K.BOILERPLATE),
        ("Läs också: Regeringen föll", K.BOILERPLATE),
        ("Read more: the full report", K.BOILERPLATE),
        ("/ritzau/", K.SIGNOFF),
        ("(©NTB)", K.SIGNOFF),
        ("NTB", K.SIGNOFF),
        ("Af Ritzau", K.BYLINE),
        ("NTB-Kari Nordmann", K.BYLINE),
        ("Av Ola Hansen", K.BYLINE),
        ("Krise i regeringen", K.HEADING),
        ("Han viste bilder fra turen til Bergen.", K.BODY),
        ("Ap-leder Jonas Gahr Støre", K.HEADING),
    ],
)
def test_classify_paragraph(text: str, kind: ParagraphKind) -> None:
    assert classify_paragraph(text) is kind


def normalized(text: str, **fields: str) -> Article:
    return normalize(RawDocument(text=text, origin="test.txt", **fields))


BODY = "Regeringen har besluttet at hæve afgiften på benzin fra næste år, oplyser ministeriet."


@pytest.mark.parametrize(
    ("text", "agencies"),
    [
        (f"{BODY} /ritzau/", ("Ritzau",)),
        (f"{BODY}\n\n/ritzau/AFP", ("Ritzau", "AFP")),
        (f"OSLO (NTB): {BODY}", ("NTB",)),
        (f"Stockholm (TT) {BODY}", ("TT",)),
        (f"WASHINGTON (AP) — {BODY}", ("AP",)),
        (f"{BODY} (Reuters)", ("Reuters",)),
        (f"{BODY} ©AFP", ("AFP",)),
        (f"{BODY} -dpa", ("dpa",)),
        (f"Af Ritzau\n\n{BODY}", ("Ritzau",)),
        (f"NTB-Kari Nordmann\n\n{BODY}\n\n(©NTB)", ("NTB",)),
        (f"{BODY} Det skriver Reuters.\n\nIfølge Ritzau er ti dræbt.", ()),
        (f"{BODY}\n\nPolitiet var til stede. Foto: Jens Dresling/Ritzau Scanpix", ()),
        (f"{BODY} Det siger lederen af Arbeiderpartiet (Ap)", ()),
    ],
)
def test_agency_signatures(text: str, agencies: tuple[str, ...]) -> None:
    assert normalized(text).agencies == agencies


def test_find_agencies_is_ordered_and_unique() -> None:
    texts = ["Af Ritzau", BODY + " /ritzau/", "/ritzau/AFP"]
    kinds = [K.BYLINE, K.BODY, K.SIGNOFF]
    assert find_agencies(texts, kinds) == ("Ritzau", "AFP")


def test_whitespace_unicode_and_paragraphs() -> None:
    decomposed = "Ska\u030ane"  # "Skåne" with a combining ring
    text = (
        "  Første\u00a0linje i\r\nsamme afsnit.\r\n\r\n\r\n"
        f"Anden\u00ad del \u200bher i {decomposed}.  \n"
    )
    article = normalized(text)
    assert [p.text for p in article.paragraphs] == [
        "Første linje i samme afsnit.",
        "Anden del her i Skåne.",
    ]
    assert split_paragraphs("Linje et.\nLinje to.\nLinje tre.") == [
        "Linje et.",
        "Linje to.",
        "Linje tre.",
    ]


@given(
    st.text(
        alphabet=st.sampled_from(
            ["a", "å", " ", "\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\u00ad"]
        ),
        max_size=40,
    )
)
def test_clean_text_turns_every_line_separator_into_line_feeds(text: str) -> None:
    """Carriage returns, line and paragraph separators, vertical tabs and form feeds become line
    feeds (a paragraph separator two, a CR LF one), as one mapping of every character would."""
    import unicodedata

    mapping = str.maketrans(
        {"\r": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x0b": "\n", "\x0c": "\n"}
    )
    nfc = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    assert clean_text(text) == nfc.translate(mapping).replace("\u00ad", "")


def test_title_from_input_else_first_body_sentence() -> None:
    assert normalized(BODY, title=" Afgift  stiger ").title == "Afgift stiger"
    text = f"Foto: Hans Hansen\n\n{BODY} Mere tekst følger her."
    assert normalized(text).title == BODY
    long_sentence = "Ord " * 60 + "slut."
    title = normalized(long_sentence).title
    assert len(title) <= 121
    assert title.endswith("…")


def test_outlet_from_source_or_url_host() -> None:
    assert outlet_of(" Politiken ", "https://www.dr.dk/nyheder/x") == "Politiken"
    assert outlet_of(None, "https://www.dr.dk/nyheder/x") == "dr.dk"
    assert outlet_of(None, "https://NRK.no/a") == "nrk.no"
    assert outlet_of(None, "file:///tmp/a.txt") is None
    assert outlet_of(None, None) is None


def test_same_text_in_two_outlets_gives_two_ids_and_one_content_hash() -> None:
    first = normalized(BODY, source="Politiken")
    second = normalized(BODY, source="Berlingske")
    assert first.id != second.id
    assert first.content_hash == second.content_hash
    assert first.source == "Politiken"


def test_published_from_metadata_and_origin_field() -> None:
    article = normalize(
        RawDocument(text=BODY, origin="x.jsonl:1", published="2022-01-05T10:32:00", format="jsonl")
    )
    assert article.published == datetime(2022, 1, 5, 10, 32)
    assert article.published_precision is DatePrecision.TIME
    assert article.published_origin is DateOrigin.METADATA
    given = normalize(
        RawDocument(text=BODY, origin="a.txt", published="2022-01", published_origin="metadata")
    )
    assert given.published_origin is DateOrigin.METADATA
    assert given.published_precision is DatePrecision.MONTH


def test_published_found_in_text_dateline() -> None:
    article = normalized(f"Af Hans Hansen\n\nPubliceret 6. januar 2022 kl. 08.15\n\n{BODY}")
    assert article.published == datetime(2022, 1, 6, 8, 15)
    assert article.published_origin is DateOrigin.TEXT
    assert article.paragraphs[1].kind is K.BOILERPLATE
    assert article.body[0].text == BODY


@pytest.mark.parametrize("text", ["", "   \n\n\t ", "\u200b\u00ad"])
def test_empty_text_is_rejected_with_the_item_named(text: str) -> None:
    with pytest.raises(InputError, match=r"test\.txt: no text"):
        normalized(text)


def test_text_with_only_captions_and_credits_is_rejected() -> None:
    with pytest.raises(InputError, match=r"test\.txt: no article text.*caption"):
        normalized("Et billede af huset. Foto: Jens\n\nFoto: Ritzau Scanpix")


paragraph_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=80
)


@settings(max_examples=150, deadline=None)
@given(st.lists(paragraph_text, min_size=1, max_size=6), st.sampled_from(["\n\n", "\n", " \n \n"]))
def test_normalize_is_idempotent_and_ids_stable(parts: list[str], separator: str) -> None:
    text = separator.join(parts) + "\n\n" + BODY
    first = normalized(text, source="Avisen")
    again = normalized(first.text, source="Avisen")
    assert again.text == first.text
    assert [p.kind for p in again.paragraphs] == [p.kind for p in first.paragraphs]
    assert (again.id, again.content_hash) == (first.id, first.content_hash)
    assert normalized(text, source="Avisen").id == first.id


@pytest.mark.parametrize(
    ("text", "kind", "agencies"),
    [
        ("NTB / Vestlandsbladet", K.BYLINE, ("NTB",)),
        ("Additional reporting by AFP", K.BYLINE, ("AFP",)),
        ("Reporting by Jane Doe in Oslo; editing by John Roe", K.BYLINE, ()),
        ("Tekst: Kari Nordmann", K.BYLINE, ()),
    ],
)
def test_credit_lines_at_the_end_are_bylines(
    text: str, kind: ParagraphKind, agencies: tuple[str, ...]
) -> None:
    article = normalized(f"{BODY}\n\n{text}")
    assert article.paragraphs[-1].kind is kind
    assert article.agencies == agencies


def test_published_from_url_path_when_nothing_else_gives_it() -> None:
    url = "https://www.example.se/nyheter/2025/03/26/fem-haktade"
    article = normalized(BODY, url=url)
    assert article.published == datetime(2025, 3, 26)
    assert article.published_precision is DatePrecision.DAY
    assert article.published_origin is DateOrigin.URL
    assert normalized(BODY, url=url, published="2025-03-27").published == datetime(2025, 3, 27)


def test_an_id_in_a_url_is_no_date_issue_18() -> None:
    url = "http://www.example.com/news/19040101_Space_Battles_May_Hold_Key.html"
    assert normalized(BODY, url=url).published is None


def test_caption_once_keeps_a_caption_printed_twice_around_show_more_once() -> None:
    caption = "Stormen tok taket. Foto: Ola Berg / NTB"
    assert caption_once(f"{caption} Vis mer {caption}") == caption
    assert caption_once(f"{caption} Visa mer {caption}") == caption
    # no repeat around the button, or no button: the text is left whole
    other = f"{caption} Vis mer Her er en annen tekst om noe helt annet"
    assert caption_once(other) == other
    assert caption_once(caption) == caption
