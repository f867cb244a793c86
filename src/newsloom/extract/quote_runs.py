"""Quotes continued over paragraphs, and speakers resolved over the whole article.

News opens a quote with a speech dash and may continue it over several paragraphs before the
attribution (``– Vi er glade. ¶ Det har vært et tungt år. ¶ Nå ser vi framover, sier Kari
Holm.``): every paragraph of that run is a quote of the speaker the last one names. A run
without an attribution belongs to whoever a paragraph ending in a colon introduced, else to the
last speaker. Sentences without a dash continue a run only up to the attribution, or while they
are someone talking (first- or second-person words, the ``spoken`` field of the language
tables); after an attribution they go on with its speaker while they are someone talking. Reported
speech inside a run (``Så sa jeg til Phil at vi skulle prøve.``) is the speaker telling what was
said, no quote of its own, unless the journalist writes it (see
:func:`newsloom.extract.talk.retold_in_talk`). In
an interview the journalist's questions (a dash paragraph ending in ``?`` answered by
the next dash paragraph) are not quotes and the answers belong to the person interviewed; a
paragraph of questions to "you" with neither dash nor marks (``Har du også fått laks?`` after a
quote) is the paper's or the journalist's, never the talk before it going on.

Whom a run belongs to is read by :mod:`newsloom.extract.run_speakers`. Then
:mod:`newsloom.extract.speaker_resolution` resolves every speaker to the fullest name the
article gives.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.extract.quote_patterns import DASH_OPENING
from newsloom.extract.run_speakers import (
    closing_words,
    group_interviewed,
    introducer,
    nearest_attributed,
    next_attributed,
    person_written_of,
    run_closer,
    with_speaker,
)
from newsloom.extract.sentences import split_sentences
from newsloom.extract.speaker_names import ArticleNames
from newsloom.extract.talk import (
    answer_goes_on,
    asks_you,
    called_by_name,
    has_words,
    is_spoken,
    question_premises,
    retold_in_talk,
    subject_written_of,
    talk_names,
    talk_resumes,
)
from newsloom.extract.talk_runs import (
    MAX_RUN,
    SENTENCE_END,
    asked_between_talk,
    continue_after_attribution,
    quote_of,
)
from newsloom.records import Paragraph, ParagraphKind, Quote

QUESTIONS_FOR_INTERVIEW = 2  # journalist's questions that make an article an interview


def continue_runs(
    paragraphs: Sequence[Paragraph],
    quotes: Sequence[Quote],
    names: ArticleNames,
    language: str | None,
) -> list[Quote]:
    """The quotes with dash runs continued over paragraphs and the journalist's questions out."""
    body = [p for p in paragraphs if p.kind in (ParagraphKind.BODY, ParagraphKind.HEADING)]
    by_paragraph: dict[int, list[Quote]] = {}
    for quote in quotes:
        by_paragraph.setdefault(quote.paragraph, []).append(quote)
    dashed = [DASH_OPENING.match(p.text) is not None for p in body]
    closers = [run_closer(p, names.named_in(p.index), language) for p in body]
    closing = [closer is not None for closer in closers]
    unended = [SENTENCE_END.search(p.text) is None for p in body]  # no sentence end: a heading
    headline = [dash and open_end for dash, open_end in zip(dashed, unended, strict=True)]
    questions: set[int] = set()
    addressed: set[int] = set()
    for at, paragraph in enumerate(body):
        if not dashed[at] or closing[at] or not paragraph.text.rstrip().endswith("?"):
            continue
        if at + 1 < len(body) and dashed[at + 1]:
            questions.add(paragraph.index)
        elif (
            has_words(paragraph, language, "addressed")
            and len(split_sentences(DASH_OPENING.sub("", paragraph.text))) == 1
            # "– Justin, hvor går du …? ¶ spør Clough.": the sentence goes on to its speaker
            and not (at + 1 < len(body) and body[at + 1].text.lstrip()[:1].islower())
        ):
            # "– Er du blitt mer følsom med åra? ¶ Jeg er blitt utrolig soft.": one question to
            # "you", the journalist's; talk right after it is the answer, dash or not (not
            # counted to tell an interview: the journalist may ask one such question anywhere)
            addressed.add(paragraph.index)
            reply = body[at + 1] if at + 1 < len(body) else None
            if (
                reply is not None
                and reply.kind == ParagraphKind.BODY
                and not closing[at + 1]
                and not by_paragraph.get(reply.index)
                and (
                    is_spoken(reply, language)
                    or (
                        at + 2 < len(body)
                        and not dashed[at + 2]
                        and not closing[at + 2]
                        and is_spoken(body[at + 2], language)
                    )
                )
            ):
                dashed[at + 1] = True
                by_paragraph[reply.index] = [quote_of(reply, None)]
        elif asked_between_talk(body, at, by_paragraph, closers, names, language):
            # "…, seier Alfsen. ¶ – Så kvifor skjer det ikkje meir? ¶ Ein grunn kan vere at vi
            # …": the journalist's question between someone's talk and the answer
            addressed.add(paragraph.index)
            reply = body[at + 1]
            if not closing[at + 1]:
                dashed[at + 1] = True
                by_paragraph[reply.index] = [quote_of(reply, None)]
    # questions to "you" without a dash or marks, and no attribution right after taking the
    # talk on: the paper asking its reader ("Har du også fått laks?" after a quote) or the
    # journalist asking the one interviewed; neither goes on with the talk before them
    to_you = {
        paragraph.index
        for at, paragraph in enumerate(body)
        if not dashed[at]
        and not closing[at]
        and asks_you(paragraph, language)
        and not by_paragraph.get(paragraph.index)
        and not (at + 1 < len(body) and closing[at + 1] and not dashed[at + 1])
    }
    # outside an interview too ("– Mange har kjøpt dieselbil. ¶ Vil også de bilene …? ¶ – …");
    # a dash headline ("– Vi har prioritert feil") quotes the story below, no premise
    dashed_sentences = [dash and not line for dash, line in zip(dashed, headline, strict=True)]
    premises = question_premises(
        body, dashed_sentences, closing, None if questions or to_you else language
    )
    # a question without a dash, answered by a dash paragraph: the journalist's when it says
    # "you" ("Hvor mange kilo tar du i benkpress? ¶ – Hva er benkpress?"), or in an interview
    unmarked = [
        paragraph
        for at, paragraph in enumerate(body[:-1])
        if not dashed[at] and paragraph.text.rstrip().endswith("?") and dashed[at + 1]
    ]
    asked = [paragraph for paragraph in unmarked if has_words(paragraph, language, "addressed")]
    interviewee = group = None
    # the journalist's questions that call someone by name: who answers them
    called = {
        paragraph.index: name
        for paragraph in body
        if paragraph.index in questions | addressed | to_you | {asked.index for asked in unmarked}
        and (name := called_by_name(paragraph, names)) is not None
    }
    speakers = {
        names.fullest(q.speaker) for q in quotes if q.speaker and q.speaker_type == "person"
    }
    if len(questions) + len(asked) >= QUESTIONS_FOR_INTERVIEW:
        questions |= {paragraph.index for paragraph in unmarked}
        group = group_interviewed(body, questions, names, language)
        interviewee = group or next(iter(called.values()), None) or names.most_named()
    to_you -= questions
    questions |= addressed | premises | to_you
    # after a question to "you" with no interview around it, no one the article named is the
    # one asked
    answered = questions - to_you
    at = 0
    while at < len(body):
        paragraph = body[at]
        own = by_paragraph.get(paragraph.index, [])
        if not dashed[at] or closing[at] or paragraph.index in questions or len(own) != 1:
            at += 1
            continue
        if headline[at] and (
            (at and headline[at - 1]) or (at + 1 < len(body) and headline[at + 1])
        ):
            # dash lines without a sentence end, one after another: a block of subheadings
            # ("– Færre lesesaler ¶ – Dårlig inneklima"), not anyone's words
            by_paragraph[paragraph.index] = []
            at += 1
            continue
        run = [at]
        retold: set[int] = set()  # run paragraphs whose reported speech is the talk's own
        end: int | None = None
        narrative = False
        scan = at + 1
        while scan < len(body) and scan - at <= MAX_RUN:
            following = body[scan]
            if following.kind == ParagraphKind.HEADING or following.index in questions:
                break
            if not dashed[scan] and unended[scan]:
                break  # a line with no sentence end ("Mest religiøst"): a subheading
            if dashed[scan] and narrative:
                break  # "– A. ¶ Narrative. ¶ – B, sier X.": B opens a quote of its own
            if closing[scan]:
                end = scan
                break
            found = by_paragraph.get(following.index)
            if not dashed[scan] and found:
                if any(headline[member] for member in run) or not retold_in_talk(
                    following, found, body[scan - 1], names, language
                ):
                    # a paragraph with quotes of its own: the journalist writes again (always
                    # after a dash headline, no one's talk: "– Stor mengde ¶ Retten meinte at")
                    break
                retold.add(scan)  # "Så sa jeg til Phil at …": the talk tells what was said
            narrative = narrative or (not dashed[scan] and not is_spoken(following, language))
            run.append(scan)
            scan += 1
        if end is None or body[end].text.rstrip().endswith(":"):
            # reported speech no attribution follows (a colon's "sier Martin:" introduces what
            # comes next): the talk's own only where it is someone talking ("Han fortalte meg
            # at …"), else the journalist's ("Éi av kvinnene fortel at …"), in an interview too
            cut = [m for m in run if m in retold and not is_spoken(body[m], language)]
            if cut:
                scan, end = cut[0], None
                run = run[: run.index(scan)]
        # the run stops at the journalist's next question: its paragraphs are the answer's
        asked_next = scan < len(body) and body[scan].index in questions
        if end is not None:
            source = by_paragraph[body[end].index][0] if by_paragraph.get(body[end].index) else None
            said = closers[end]
            if source is None and said is not None:  # the closing paragraph is the attribution
                source = Quote("", said.name, said.role, body[end].index, speaker_type=said.type)
                closed = closing_words(body[end], source)
                if closed is not None and said.type in ("person", "pronoun"):
                    # "– Jeg er norsk i Norge. ¶ I utlandet bruker jeg det passet jeg vil, sa
                    # hun.": words before the attribution go on with the run, kept as its
                    # paragraphs are where "hun" means no one known
                    by_paragraph[body[end].index] = [closed]
            members = run
        else:
            source = None
            if headline[at]:
                source = next_attributed(body, closing, by_paragraph, at)
                if source is None:  # a dash headline no story below attributes: not a quote
                    by_paragraph[paragraph.index] = []
                    at += 1
                    continue
            previous = body[at - 1] if at else None
            if source is None and previous is not None and previous.index not in questions:
                source = introducer(previous, names)
            answer = bool(at and body[at - 1].index in answered) or (at == 0 and bool(interviewee))
            if source is None and answer and at and body[at - 1].index in called:
                # "Kva trur du, professor i økonomi Steinar Strøm? ¶ – Dei vert verande."
                name = called[body[at - 1].index]
                source = Quote("", name, None, paragraph.index, speaker_type="person")
            if source is None and (answer or (interviewee and is_spoken(paragraph, language))):
                # an answer, or in an interview someone talking whom no one is named for: the
                # group it is with, else who the interview section quotes by name, else who it
                # is about
                if group:
                    source = Quote("", group, None, paragraph.index, speaker_type="organisation")
                else:
                    source = nearest_attributed(body, closing, by_paragraph, at)
                if source is None and interviewee:
                    source = Quote("", interviewee, None, paragraph.index, speaker_type="person")
            if source is None:
                source = own[0]
            if source.speaker is None and not paragraph.text.rstrip().endswith("?"):
                # "– A. ¶ Narrative. ¶ – B, sier Holm.": no one spoke before; the words go to
                # whom the article next quotes by name
                later = next_attributed(body, closing, by_paragraph, at)
                if later is not None and later.speaker_type == "person":
                    source = later
            if (
                source.speaker is None
                and previous is not None
                and previous.index not in questions
                and not by_paragraph.get(previous.index)
            ):
                source = person_written_of(previous, names, language) or source
            elif source is own[0] and previous is not None and not by_paragraph.get(previous.index):
                # the provisional last speaker, after a sentence about someone the article quotes
                subject = subject_written_of(previous, names, speakers)
                if subject is not None and subject != names.fullest(source.speaker or ""):
                    source = Quote("", subject, None, paragraph.index, speaker_type="person")
            members = [at]
            for position, member in enumerate(run[1:], start=1):
                following = body[member]
                if dashed[member] or (
                    interviewee is not None and following.text.rstrip().endswith("?")
                ):
                    break  # in an interview a question is the journalist's, "dere" or not
                previous = body[members[-1]]
                if not is_spoken(following, language) and not (
                    answer_goes_on(following, previous, names, source if asked_next else None)
                    if interviewee is not None
                    else talk_resumes(body, run[position:], names, language)
                    and answer_goes_on(following, previous, names)
                ):
                    break
                members.append(member)
            if source is own[0] and any(
                talk_names(body[member], source, language) for member in members
            ):
                # "– … ¶ Men jeg husker ikke Cathrine sånn.": talk that names whom it was given
                # to as someone else; nobody calls themselves by name
                source = Quote("", None, None, paragraph.index)
        for member in members:
            index = body[member].index
            existing = by_paragraph.get(index, []) if member not in retold else []
            if existing:
                by_paragraph[index] = [with_speaker(existing[0], source), *existing[1:]]
            else:
                by_paragraph[index] = [quote_of(body[member], source)]
        at = (end if end is not None else members[-1]) + 1
    continue_after_attribution(
        body, by_paragraph, dashed, closing, unended, questions, names, language
    )
    ordered = [
        quote
        for paragraph in body
        if paragraph.index not in questions
        for quote in by_paragraph.get(paragraph.index, [])
    ]
    return ordered
