"""Reported speech: ``X siger/sa/säger/said (,) at/att/that …``, ``…, siger X.`` without marks,
``…, Hettema said.``, a German subjunctive sentence, with the speaker of each.

Used by :func:`newsloom.extract.quotes.extract_quotes` after the quotes in marks of a paragraph
are known: a sentence holding one is reported speech only where its that-clause says more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from newsloom.extract.compound_attribution import compound_attribution, resumed_predicate
from newsloom.extract.nordic_clauses import (
    REPORTED_TENSED,
    SPLIT_VERB_HINT,
    TENSED_CLAUSE_HINT,
    infinitive_after_that,
)
from newsloom.extract.pointed_back import pointed_back_sentence
from newsloom.extract.quote_context import QuoteContext, make_quote
from newsloom.extract.quote_patterns import (
    AGE_APPOSITION,
    ENGLISH_THATLESS,
    PARENTHETICAL,
    PARENTHETICAL_HINT,
    REPORTED,
    REPORTED_PLAIN,
    REPORTED_TAIL,
    REPORTED_TAIL_UNSPLIT,
    REPORTED_UNSPLIT,
    SECOND_CLAUSE,
    VERB_FIRST_THAT,
    VERB_THEN_CLAUSE,
    VERB_THEN_CLAUSE_UNSPLIT,
    inverted_reported,
)
from newsloom.extract.quote_speakers import (
    antecedent,
    name_before,
    plural_verb,
    respondents,
    speaker_from_subject,
)
from newsloom.extract.quote_words import PRONOUNS
from newsloom.extract.reported_edges import (
    INVERTED_INCISE,
    adjunct_search,
    final_attribution,
    fronted_attribution,
    impersonal_closing,
    incise_verb,
    reported_mood,
    subjunctive_misread,
)
from newsloom.extract.reported_questions import (
    closed_by_attribution,
    question_kept,
    writers_question,
)
from newsloom.extract.reported_speaker import reported_speaker
from newsloom.extract.reported_subjects import (
    COORDINATED_VERB,
    after_fronted_clause,
    joined_subject,
    names_someone,
    only_adverbs,
)
from newsloom.extract.resources import SCANDINAVIAN, own_words
from newsloom.extract.sentences import Sentence, split_sentences
from newsloom.extract.speakers import (
    BEFORE_NAME,
    PLURAL_PRONOUNS,
    Speaker,
    parse_speaker,
)
from newsloom.extract.unmarked import unmarked_attribution
from newsloom.records import Quote

# a content clause that opens with a question word ("kor viktig …", "hvordan …"), and those of
# them that also open a relative clause after a noun ("byen hvor han vokste opp")
# a that-clause holding a quoted phrase is reported speech too when this many words lie outside
# the marks ("dijo que se defenderá con «todos los medios posibles»"); with fewer the clause is
# the quote ("confirma que «la policía usó munición …»"), given once, as the direct quote
MIN_CLAUSE_WORDS = 3
_Chosen = TypeVar("_Chosen")


def _chosen(text: str, split: _Chosen, unsplit: _Chosen) -> _Chosen:
    """``split``, or ``unsplit`` (the same without the split verbs) where none of them can stand
    in ``text`` (no :data:`SPLIT_VERB_HINT`)."""
    return split if SPLIT_VERB_HINT.search(text) else unsplit


def _search(text: str, pattern: re.Pattern[str], unsplit: re.Pattern[str]) -> re.Match[str] | None:
    """``pattern.search(text)``, by ``unsplit`` where it serves (:func:`_chosen`)."""
    return _chosen(text, pattern, unsplit).search(text)


def reported_search(masked: str) -> re.Match[str] | None:
    """``REPORTED.search(masked)`` (as :func:`_chosen` picks it), after the cheap test that its
    verb and clause stand somewhere behind a blank (:data:`REPORTED_TAIL`)."""
    pattern, tail = _chosen(
        masked, (REPORTED, REPORTED_TAIL), (REPORTED_UNSPLIT, REPORTED_TAIL_UNSPLIT)
    )
    return pattern.search(masked) if tail.search(masked) else None


def _clause_around(match: re.Match[str], held: Sequence[tuple[int, int]]) -> bool:
    """Whether the that-clause of ``match`` holds the sentence's quotes (sentence-relative
    spans) and says enough of its own around them."""
    start = match.start("content")
    if any(quote_start <= start for quote_start, _ in held):
        return False
    content = match.string[start : match.end("content")]
    for quote_start, quote_end in sorted(held, reverse=True):
        content = content[: max(0, quote_start - start - 1)] + content[quote_end - start + 1 :]
    return len(re.findall(r"\w+", content)) >= MIN_CLAUSE_WORDS


def reported_quotes(
    text: str,
    paragraph: int,
    names: Sequence[str],
    context: QuoteContext,
    taken: Sequence[tuple[int, int]],
    language: str | None = None,
) -> list[Quote]:
    quotes: list[Quote] = []

    def said(content: str, speaker: Speaker | None, kind: str, start: int) -> None:
        quotes.append(make_quote(content, speaker, paragraph, kind, start, start + len(content)))

    mood_test = reported_mood(language)
    spans = sorted(taken)
    first = 0  # spans before this one end before the current sentence (sentences in order)
    pending = split_sentences(text)
    retried: Sentence | None = None  # the rest of a sentence after a verb with no speaker
    while pending:
        sentence = pending.pop(0)
        context.move_to(sentence.start)  # a pronoun here means someone named before it
        while first < len(spans) and spans[first][1] <= sentence.start:
            first += 1
        held = [
            (start - sentence.start, end - sentence.start)
            for start, end in spans[first : first + 4]
            if start < sentence.end
        ]
        if any(start <= 0 for start, _ in held):
            continue  # a quote opens it: no clause of its own around the quote (_clause_around)
        has_clause = (
            _search(sentence.text, VERB_THEN_CLAUSE, VERB_THEN_CLAUSE_UNSPLIT) is not None
            # "said protesters were": a clause without "that" (a sentence that holds a
            # quotation is read around the quotation)
            or (not held and ENGLISH_THATLESS.search(sentence.text) is not None)
        ) or (
            # "sagte, die Lage sei …": a comma and a verb in the reported mood (the cheap test
            # for SUBJUNCTIVE_CLAUSE, which REPORTED reads)
            mood_test is not None and "," in sentence.text and mood_test.search(sentence.text)
        )
        masked = AGE_APPOSITION.sub(lambda age: " " * len(age.group(0)), sentence.text)
        match = reported_search(masked) if has_clause else None
        if match is None and has_clause:
            match = adjunct_search(masked, language)  # "said on Monday the toll had", "told X he"
        if match is not None and subjunctive_misread(match):
            match = None  # "keine bestätigten Fälle …, zudem habe …": no one's words
        if (
            match is None
            and not held
            and language in SCANDINAVIAN
            and TENSED_CLAUSE_HINT.search(masked) is not None
            and not closed_by_attribution(masked)  # "…, somme seier dei brukar …, seier Hasund."
        ):
            match = REPORTED_TENSED.search(masked)  # "Han sier han løper …": no "at"
        infinitive_verb = -1  # where a verb with an infinitive after it stands
        if match is not None and infinitive_after_that(match, language):
            infinitive_verb = match.start("verb")
            match = None  # "Nazisterne lover at fortsætte": an infinitive, no clause said
        if match is not None and after_fronted_clause(masked, match.start("verb"), language):
            match = None  # "At dette …, synest kyrkja er positivt": the clause fronted, no subject
        if match is not None and (respondents(match) or writers_question(match)):
            # "40 prosent av dei spurde nordmennene": those asked, no one asking; "Vi lurer på
            # hva …": the writer's own question
            match = None
        if match is not None and not question_kept(match, names, language):
            # "Det kan forklare kvifor …": no one's indirect question; a that-clause may remain,
            # but not in a statement closed by its attribution ("Da spør kunden om …, sier X.")
            plain = not closed_by_attribution(masked)
            match = REPORTED_PLAIN.search(masked) if plain else None
        if (
            match is not None
            and sentence is not retried
            and not held
            and not set(own_words(language, "first_person")).isdisjoint(
                re.findall(r"\w+", sentence.text[: match.start("verb")].lower())
            )
            and (closed := unmarked_attribution(sentence.text)) is not None
            and match.start("verb") < closed[0].end("content")
        ):
            # "Eg meiner eg har høyrt han før, seier Eli Sylta.", "Vi i styret må erkjenne at vi
            # ikkje kan …, sa nestleiar X.": a statement in the first person that its closing
            # attribution gives to someone is that speaker's own words, its "I think" included
            match = None
        if sentence is retried and match is None:
            continue  # the rest holds no second reporting verb: nothing more to read
        if held and (match is None or not _clause_around(match, held)):
            continue  # the sentence holds a direct quote, and no clause of its own
        inverted_match = (
            inverted_reported(language).search(sentence.text)
            if has_clause and not held and sentence is not retried
            else None
        )
        if inverted_match is not None and infinitive_after_that(inverted_match, language):
            infinitive_verb = max(infinitive_verb, inverted_match.start("verb"))
            inverted_match = None  # "lovede både prins Charles og Diana at skrive til ham"
        verb_first = (
            VERB_FIRST_THAT.match(sentence.text)
            if match is None and inverted_match is None and not held and has_clause
            else None
        )
        if verb_first is not None:
            # "Dodał, że pieniądze trafią do firm": the verb opens the sentence, a comma and
            # "that" follow; the subject is left out, the last one named
            plural = plural_verb(verb_first.group("verb"), language)
            speaker = context.resolve(Speaker(None, None, "pronoun", plural=plural))
            content = verb_first.group("content").rstrip(" .")
            said(content, speaker, "reported", sentence.start + verb_first.start("content"))
            continue
        if inverted_match is not None and match is not None and inverted_match.start() == 0:
            inverted_match = None  # "Sier X at …" at the start: the plain pattern reads it
        if (
            inverted_match is not None
            and inverted_match.start() == 0
            and language in SCANDINAVIAN
            and inverted_match.group("speaker")[:1].islower()
            and inverted_match.group("speaker").split()[0].lower() not in PRONOUNS
        ):
            # nn "Lova fastset at …" (the law): a sentence of verb-second order opens with its
            # subject; a verb opening it has a pronoun after it (``Sa han at``), not a noun
            inverted_match = None
        if inverted_match is not None and match is not None:
            # "Saman med …, meiner Fjordane tingrett at …": a fronted clause, then verb, subject
            inverted_words = inverted_match.group("speaker").split()
            inverted_speaker = (
                speaker_from_subject(inverted_match.group("speaker"), names)
                if inverted_words
                else None
            )
            if (
                inverted_speaker is None
                or inverted_words[0].lower() in BEFORE_NAME
                # "A soldier, who …, told TheCable that": after a verb of telling (the table's
                # ``telling_verbs``) stands whom the speaker told, not the speaker
                or inverted_match.group("verb").lower() in own_words(language, "telling_verbs")
                # "Daniels, who …, said he's healthy enough now that …": a pronoun and a verb
                # contracted onto it open the clause said, not a subject after the verb
                or (
                    re.split(r"['’]", inverted_words[0].lower())[0] in PRONOUNS
                    and re.search(r"\w['’]\w", inverted_words[0]) is not None
                )
                # "Hisham Yusef, declaró este jueves en El Cairo que": only a time and a place
                # after the verb, no subject: the subject is the one before it
                or (
                    inverted_speaker.type == "pronoun" and inverted_words[0].lower() not in PRONOUNS
                )
            ):
                inverted_match = None  # "Ministeren, Kari Holm, sa til NTB at": not inverted
            else:
                match = None
        joined = (
            COORDINATED_VERB.match(inverted_match.group("speaker"))
            if inverted_match is not None and inverted_match.start() > 0
            else None
        )
        subject = speaker_from_subject(joined.group("subject"), names) if joined else None
        if (
            inverted_match is not None
            and subject is not None
            and (subject.type == "pronoun" or names_someone(subject))
        ):
            # "Men dette er kritikkverdig, seier Øgar og viser til at …": the statement before
            # the attribution is the speaker's words, and so is the clause of the second verb
            # ("seier nei til … og seier at" names no one: read as before)
            resolved = context.resolve(subject)
            if resolved is not None and resolved.type != "pronoun":
                lead = sentence.text[: inverted_match.start()].rstrip(" ,")
                if len(lead.split()) >= MIN_CLAUSE_WORDS:
                    said(lead, resolved, "direct", sentence.start)
                content = inverted_match.group("content").rstrip(" .")
                said(
                    content, resolved, "reported", sentence.start + inverted_match.start("content")
                )
            continue
        if inverted_match is not None:
            speaker = speaker_from_subject(inverted_match.group("speaker"), names)
            if inverted_match.start() == 0 and only_adverbs(inverted_match.group("speaker")):
                # "Podkreślił jednak, że …": the verb opens the sentence and only an adverb
                # follows it; the subject is left out (Polish, Romance), i.e. the last one named
                plural = plural_verb(inverted_match.group("verb"), language)
                speaker = Speaker(None, None, "pronoun", plural=plural)
                if plural and context.plural_antecedent() is None:
                    # "Denuncian además que …": they, and no group named to be they
                    content = inverted_match.group("content").rstrip(" .")
                    said(
                        content, None, "reported", sentence.start + inverted_match.start("content")
                    )
                    continue
            if (
                speaker is not None
                and speaker.type == "pronoun"
                and inverted_match.group("speaker").split()[0].lower() not in PRONOUNS
                and inverted_match.start() > 0
            ):
                # "Muamar el Gadafi, aseguró hoy en un mensaje … que": only a time and a place
                # after the verb; the subject is what stands set off before it
                speaker = antecedent(sentence.text[: inverted_match.start()], names) or speaker
            if speaker is not None:
                content_start = sentence.start + inverted_match.start("content")
                content = inverted_match.group("content").rstrip(" .")
                said(content, context.resolve(speaker), "reported", content_start)
            continue
        incise = (
            INVERTED_INCISE.match(sentence.text) if match is None and "-" in sentence.text else None
        )
        if incise is not None and incise_verb(incise):
            # "Par conséquent, a-t-il poursuivi, tant que …": French sets the speaker off with
            # a verb and its pronoun joined by hyphens; the statement is what follows
            pronoun = incise.group("pronoun").lower()
            resolved = context.resolve(
                Speaker(None, None, "pronoun", plural=pronoun in PLURAL_PRONOUNS)
            )
            if resolved is not None and resolved.type != "pronoun":
                content = incise.group("rest").rstrip(" .")
                said(content, resolved, "reported", sentence.start + incise.start("rest"))
            continue
        if (
            match is None
            and not held
            and pending
            and (statement := pointed_back_sentence(sentence, pending[0], names, language))
        ):
            content, speaker, kind, start = statement
            said(content, context.resolve(speaker), kind, start)
            continue
        if match is None:
            aside = (
                PARENTHETICAL.match(sentence.text)
                if PARENTHETICAL_HINT.search(sentence.text)
                else None
            )
            if aside is not None and (aside.group("before") or aside.group("subject")):
                # "I praksis, seier utvalet, er det …": the statement is the predicate after it
                phrase = aside.group("subject") or aside.group("speaker") or aside.group("named")
                speaker = parse_speaker(phrase, names, language)
                resolved = context.resolve(speaker)
                if resolved is not None and resolved.type != "pronoun":
                    part = "clause" if aside.group("clause") else "predicate"
                    content = aside.group(part).rstrip(" .")
                    said(content, resolved, "reported", sentence.start + aside.start(part))
                continue
            fronted = fronted_attribution(language)
            opening = fronted.match(sentence.text) if fronted is not None and not held else None
            if opening is not None:
                # "Wie ein Sprecher der Feuerwehr mitteilte, brannte das Haus nieder."
                speaker = parse_speaker(opening.group("speaker"), names, language)
                if speaker is not None and speaker.type != "pronoun":
                    content = opening.group("content")
                    said(
                        content,
                        context.resolve(speaker),
                        "reported",
                        sentence.start + opening.start("content"),
                    )
                    continue
            final = final_attribution(language)
            closing = final.match(sentence.text) if final is not None else None
            if closing is not None:
                speaker = parse_speaker(closing.group("speaker"), names, language)
                if speaker is not None:
                    content = closing.group("content")
                    said(content, context.resolve(speaker), "reported", sentence.start)
                continue
            attributed = unmarked_attribution(sentence.text) or compound_attribution(
                sentence.text, language
            )
            if attributed is not None and attributed[0].end("content") <= infinitive_verb:
                # "…, lovede både prins Charles og Diana at skrive til ham.": the verb has an
                # infinitive after it, so it closes no statement
                attributed = None
            if attributed is not None:
                unmarked, phrase = attributed
                resumed = (
                    resumed_predicate(unmarked, language)
                    if "speaker" in unmarked.re.groupindex
                    else 0
                )
                if resumed:
                    phrase = sentence.text[unmarked.start("speaker") : resumed].rstrip(" ,")
                speaker = parse_speaker(phrase, names, language)
                if speaker is not None and speaker.type in (
                    "person",
                    "role",
                    "pronoun",
                    "organisation",
                ):
                    resolved = context.resolve(speaker)
                    if resolved is not None and resolved.type == "pronoun" and not held:
                        # "Horst Seehofer äußerte sich am Montag. Die Lage sei unter Kontrolle,
                        # sagte er.": no one known before the paragraph; the person named
                        # earlier in it
                        resolved = name_before(text[: sentence.start], names)
                    if resolved is not None and resolved.type != "pronoun" and resumed:
                        # "Moubarak, a expliqué X, a décidé de …": the subject and its predicate
                        # around the incise (the span holds the incise)
                        predicate = sentence.text[resumed:].rstrip(" .")
                        content = f"{unmarked.group('content')} {predicate}"
                        end = sentence.start + resumed + len(predicate)
                        quotes.append(
                            make_quote(
                                content, resolved, paragraph, "reported", sentence.start, end
                            )
                        )
                    elif resolved is not None and resolved.type != "pronoun":
                        content = unmarked.group("content")
                        said(content, resolved, "direct", sentence.start)
                continue
            mood = reported_mood(language)
            if (
                mood is not None
                and context.last_source is not None
                and not held
                and len(sentence.text.split()) >= MIN_CLAUSE_WORDS
                and mood.search(sentence.text) is not None
            ):
                # "Das seien herausfordernde Projekte.": the mood says whose words these are;
                # "…, hieß es weiter." closing it names no one and is no part of the words
                content = sentence.text.rstrip()
                impersonal = impersonal_closing(language)
                tail = impersonal.search(content) if impersonal is not None else None
                content = content[: tail.start()] if tail is not None else content
                said(content, context.last_source, "reported", sentence.start)
            continue
        speaker = reported_speaker(match, masked, sentence.text, names, language)
        if sentence is retried and not names_someone(speaker):
            continue  # "…, kan det være at": words before a verb in mid-sentence, no subject
        if speaker is None:
            # "Eg synest dette er bra, for Høgre sin leiar bekreftar at …": a first verb whose
            # subject is no speaker; a reporting verb later in the sentence may name one
            rest = match.start("content")
            retried = Sentence(sentence.start + rest, sentence.end, sentence.text[rest:])
            pending.insert(0, retried)
            continue
        content_start = sentence.start + match.start("content")
        content = sentence.text[match.start("content") : match.end("content")].rstrip(" .")
        before_verb = match.group("speaker")
        if (
            (speaker.plural or joined_subject(before_verb, speaker))
            and (
                group := context.group_before(text, paragraph, sentence.start + match.start("verb"))
            )
            and (
                speaker.plural
                or all(word in before_verb for word in group.split() if word[:1].isupper())
            )
        ):
            # "Støre og Carter …, når de konstaterer at", "Witoszek og medarrangør Rehman
            # meinte at": the people named together, each a speaker
            speaker = Speaker(group, None, "person")
        resolved = context.resolve(speaker)
        second = SECOND_CLAUSE.search(content)
        if second is not None and second.start() > 0:
            said(content[: second.start()].rstrip(" ,"), resolved, "reported", content_start)
            content_start += second.start("content")
            content = second.group("content").rstrip(" .")
        said(_without_closing_attribution(content), resolved, "reported", content_start)
    return quotes


def _without_closing_attribution(content: str) -> str:
    """``de var blevet bestjålet …, skriver Aalborg Stiftstidende``: a that-clause closed by an
    attribution of its own (the paper or agency that reports the speaker's claim: "Ægteparret
    hævdede, at …, skriver Aalborg Stiftstidende.") ends before it; the attribution is no part
    of what the speaker said."""
    closing = unmarked_attribution(f"{content}.")
    if closing is None or parse_speaker(closing[1]) is None:
        return content
    return closing[0].group("content").rstrip(" ,.")
