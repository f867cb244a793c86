"""Whose talk a paragraph is: someone talking (first- or second-person words of the language
tables), talk that goes on about whom it was talking of or resumes after narrative, talk
that names a speaker (nobody calls themselves by name), and the journalist's premise before a
question. Read by :mod:`newsloom.extract.quote_runs` when it continues quotes over paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsloom.extract.letter_skip import skipping_words
from newsloom.extract.quote_patterns import DASH_OPENING, MARKS, SINGULAR_THIRD_PERSON
from newsloom.extract.resources import resources_for
from newsloom.extract.sentences import split_sentences
from newsloom.extract.speaker_names import ArticleNames
from newsloom.records import Paragraph, Quote


@cache
def table_pattern(language: str, field: str) -> re.Pattern[str] | None:
    """The words of a language table's quote ``field`` as one pattern (None: no such words),
    none of them after or before a character of :data:`_NOT_BEFORE`; written so that a search
    skips to the words' first letters (:func:`skipping_words`; the same matches, issue 19)."""
    table = resources_for(language)
    words = table.quotes.get(field, ()) if table is not None else ()
    if not words:
        return None
    return re.compile(rf"{skipping_words(words, _NOT_BEFORE)}(?!{_NOT_BEFORE})", re.IGNORECASE)


_NOT_BEFORE = r"[\w'’-]"  # what stands before and after none of a field's words


def has_words(paragraph: Paragraph, language: str | None, field: str) -> bool:
    """Whether the paragraph holds a word of its language table's quote ``field``."""
    pattern = table_pattern(paragraph.language or language or "", field)
    return pattern is not None and pattern.search(paragraph.text) is not None


def is_spoken(paragraph: Paragraph, language: str | None) -> bool:
    """Whether the paragraph is someone talking: a first- or second-person word of its table."""
    return has_words(paragraph, language, "spoken")


THIRD_PERSON_OPENING = re.compile(rf"^\W*(?:{SINGULAR_THIRD_PERSON}|de|dei|they)\b", re.IGNORECASE)


_SINGULAR_THIRD_PERSON = re.compile(rf"(?<!\w)(?:{SINGULAR_THIRD_PERSON})(?!\w)", re.IGNORECASE)


def goes_on_about(previous: Paragraph, paragraph: Paragraph) -> bool:
    """``– Som person var han lite jålete. ¶ Han var en livskunstner …``: a sentence opening
    with the he or she the quote before it was talking about goes on with that quote; where the
    quote spoke of no one so, the pronoun is the journalist's word for the speaker."""
    opening = THIRD_PERSON_OPENING.match(paragraph.text)
    if opening is None:
        return False
    pronoun = opening.group(0).strip(" \t\"'«»-–—").lower()
    return pronoun in {found.lower() for found in _SINGULAR_THIRD_PERSON.findall(previous.text)}


def answer_goes_on(
    paragraph: Paragraph,
    previous: Paragraph,
    names: ArticleNames,
    interviewed: Quote | None = None,
) -> bool:
    """In an interview, a paragraph after an answer goes on with it unless the journalist
    writes again: a question, a person named (in full or by surname), or a sentence about
    someone (``Han …``) the answer was not already talking about. Given the answer's quote
    (``interviewed``: in a question-and-answer interview, where the journalist writes only the
    questions), only the speaker named ends it: an answer names whom it talks of (``– Det er
    klart. ¶ Se bare på Rune Rudberg.``), and nobody calls themselves by name."""
    text = paragraph.text.rstrip()
    if text.endswith("?") or (
        THIRD_PERSON_OPENING.match(text) and not goes_on_about(previous, paragraph)
    ):
        return False
    if interviewed is not None:
        return not names_speaker(paragraph, interviewed)
    surnames = {person.name.split()[-1] for person in names.people}
    return not (
        any(person.paragraph == paragraph.index for person in names.people)
        or any(word.strip(".,:;!?»«\"'") in surnames for word in text.split())
    )


def talk_resumes(
    body: Sequence[Paragraph], stretch: Sequence[int], names: ArticleNames, language: str | None
) -> bool:
    """``– Jeg visste ikke hvem han var. ¶ Fotballspilleren. ¶ Han var veldig intelligent, du
    kunne …``: paragraphs without first- or second-person words go on with a dash quote when
    the talk resumes after them, none of them written as the journalist's (a question, a person
    named, a sentence about someone the quote was not talking about) before it does."""
    previous = body[stretch[0] - 1]
    for member in stretch:
        paragraph = body[member]
        if DASH_OPENING.match(paragraph.text):
            return False
        if is_spoken(paragraph, language):
            return True
        if not answer_goes_on(paragraph, previous, names):
            return False
        previous = paragraph
    return False


def retold_in_talk(
    paragraph: Paragraph,
    quotes: Sequence[Quote],
    previous: Paragraph,
    names: ArticleNames,
    language: str | None,
) -> bool:
    """``– Jeg ble redd. ¶ Men neste dag fortalte jeg faren min at jeg ville bli jordmor. ¶
    Afghanistan trenger jordmødre, sier 24-åringen.``: a paragraph inside someone's talk whose
    only quotes are reported speech read off it (no quotation marks) is the speaker telling what
    was said or thought, not the journalist reporting someone: it is someone talking (first- or
    second-person words), or it is not written as the journalist's (a person named, a he or she
    the talk was not about, a question; see :func:`answer_goes_on`)."""
    return (
        bool(quotes)
        and all(quote.kind == "reported" for quote in quotes)
        and MARKS.search(paragraph.text) is None
        and (is_spoken(paragraph, language) or answer_goes_on(paragraph, previous, names))
    )


def bridges_talk(
    bridge: Paragraph,
    resumed: Paragraph,
    previous: Paragraph,
    names: ArticleNames,
    language: str | None,
) -> bool:
    """``…, seier Mitchell. ¶ Akademikarar som nekta, vart sparka. ¶ Det vart du også om du
    laug.``: one sentence without first- or second-person words between someone's talk and more
    talk goes on with it, unless it is the journalist writing about someone (a he or she the
    talk was not about, a person named, a question) or the talk after it is a question."""
    return (
        is_spoken(resumed, language)
        and not resumed.text.rstrip().endswith("?")
        and answer_goes_on(bridge, previous, names)
        and answer_goes_on(resumed, bridge, names)
        and (_SINGULAR_THIRD_PERSON.search(bridge.text) is None or goes_on_about(previous, bridge))
    )


def names_speaker(paragraph: Paragraph, source: Quote) -> bool:
    """Whether a paragraph names the speaker (``… for oss som for Mao``): someone writing about
    the speaker, since nobody calls themselves by name."""
    surname = source.speaker.split()[-1] if source.speaker else ""
    return (
        bool(surname)
        and re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", paragraph.text) is not None
    )


_NAME_WORDS = re.compile(r"^(?:\s*[A-ZÆØÅÄÖÜÉ][\w'’.-]*)+\s*$")


def talk_names(paragraph: Paragraph, source: Quote, language: str | None) -> bool:
    """Whether talk names the speaker it was given to: in a clause with first- or second-person
    words (``Men jeg husker ikke Cathrine sånn``) or called by name (``Hvorfor gjorde du det,
    Martin?``); not in an attribution (``…, tenkte Shabana``)."""
    surname = source.speaker.split()[-1] if source.speaker else ""
    spoken = table_pattern(paragraph.language or language or "", "spoken")
    if not surname or spoken is None:
        return False
    named = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])")
    return any(
        named.search(clause) is not None
        and (spoken.search(clause) is not None or _NAME_WORDS.match(clause) is not None)
        for clause in re.split(r"[,.;:!?]", paragraph.text)
    )


def question_premises(
    body: Sequence[Paragraph],
    dashed: Sequence[bool],
    closing: Sequence[bool],
    rhetorical_in: str | None = None,
) -> set[int]:
    """A dash statement right before a question without a dash that a dash paragraph answers
    is that question's premise (``– Du er psykiater. ¶ Er du overraska over …? ¶ – Ein skal
    …``, ``– Mange har kjøpt dieselbil. ¶ Vil også de bilene …? ¶ – Eldre dieselbiler …``):
    the journalist's words, as the question is, split over two sentences; the next dash turn
    answers them. Not one that names its speaker (``…, ler ho``), nor one right after a
    question (``– Hva kommer nå? ¶ – En pause.``: an answer). With ``rhetorical_in`` (a
    language: an article where the journalist dashes no turn of their own), not a question
    in the first person (``– … ¶ Skal vi ha en markering …? ¶ – Det var en blemme.``): the
    speaker asking, talk of their own."""
    found: set[int] = set()
    for at in range(len(body) - 2):
        statement, question = body[at].text.rstrip(), body[at + 1].text.rstrip()
        if (
            dashed[at]
            and not (at and body[at - 1].text.rstrip().endswith("?"))
            and not closing[at]
            and not statement.endswith("?")
            and not dashed[at + 1]
            and not closing[at + 1]
            and question.endswith("?")
            and dashed[at + 2]
            and not (
                rhetorical_in is not None and has_words(body[at + 1], rhetorical_in, "first_person")
            )
        ):
            found |= {body[at].index, body[at + 1].index}
    return found


def asks_you(paragraph: Paragraph, language: str | None) -> bool:
    """Whether the paragraph is questions to "you" (the table's ``addressed`` words) and
    nothing else, with no quotation mark and no "I" or "we" (``Lurer du på hva kjendisene gjør
    på fritiden?``, ``Hvordan er det for sønnen din å ha far som sjef?``): the paper asking its
    reader, or the journalist asking the one interviewed; not someone quoted asking."""
    text = paragraph.text.strip()
    return (
        text.endswith("?")
        and _QUOTATION_MARK.search(text) is None
        and has_words(paragraph, language, "addressed")
        and not has_words(paragraph, language, "first_person")
        and all(sentence.text.rstrip().endswith("?") for sentence in split_sentences(text))
    )


_QUOTATION_MARK = re.compile(r"[«»\"“”„]")


def asks(paragraph: Paragraph, quote: Quote) -> bool:
    """Whether the quote is a question: its words end in a question mark."""
    after = paragraph.text[quote.end : quote.end + 2].lstrip(" »”\"'")
    return quote.text.rstrip().endswith("?") or after.startswith("?")


# the last sentence of a paragraph (what follows the last sentence end), and a name opening it
# before a lowercase word (its verb: "Hansson trur", "Raudt-leiar Turid Thomassen er")
_LAST_SENTENCE = re.compile(r"(?:^|[.!?]\s+)(?=[^.!?]*[.!]?$)")
_OPENING_NAME = re.compile(r"([A-ZÆØÅÄÖÜÉ][\w'’.-]*(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]*)*)\s+[a-zæøåäöüé]")


def subject_written_of(paragraph: Paragraph, names: ArticleNames, speakers: set[str]) -> str | None:
    """``Hansson trur ikkje problemet er at … ¶ – Folk har mista trua.``: the person whose name
    opens the last sentence of the journalist's paragraph right before a dash quote no one is
    named for, where the article quotes that person: the quote is theirs, not the last
    speaker's."""
    text = paragraph.text.rstrip()
    if not text.endswith((".", "!")) or DASH_OPENING.match(text):
        return None  # a question, a colon's introduction, a heading ("Vegard klar for finale")
    last = _LAST_SENTENCE.search(text)
    opening = _OPENING_NAME.match(text, last.end()) if last is not None else None
    if opening is None:
        return None
    full = names.fullest(opening.group(1))
    return full if full in speakers else None


# what stands between the comma and a name a question ends with: a role in lowercase words
# ("Kva trur du, professor i økonomi Steinar Strøm?")
_CALLED_AFTER = re.compile(r",(?:\s+[a-zæøåäöüé][\w-]*){0,4}\s+$")


def called_by_name(paragraph: Paragraph, names: ArticleNames) -> str | None:
    """The person a question calls by name: a name after a comma (and maybe a role) right
    before the question mark (``Kva trur du, professor i økonomi Steinar Strøm?``), or one
    opening the question before a comma (``– Kenneth, er følelsen i NHL at …?``): whom the
    journalist asks, and so who answers."""
    text = paragraph.text.rstrip()
    if not text.endswith("?"):
        return None
    for person in names.people:
        end = person.start + len(person.name)
        if person.paragraph != paragraph.index or text[person.start : end] != person.name:
            continue
        opening = DASH_OPENING.sub("", text[: person.start]).strip() == ""
        if (opening and text[end:].startswith(",")) or (
            text[end:].strip() == "?" and _CALLED_AFTER.search(text[: person.start])
        ):
            return names.fullest(person.name)
    return None
