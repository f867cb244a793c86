"""Reported speech: ``X siger/sa/säger/said (,) at/att/that …``, ``…, siger X.`` without marks,
``…, Hettema said.``, a German subjunctive sentence, with the speaker of each.

Used by :func:`newsloom.extract.quotes.extract_quotes` after the quotes in marks of a paragraph
are known: a sentence holding one is reported speech only where its that-clause says more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.assign.features import dictionary_lemma
from newsloom.extract.nordic_clauses import REPORTED_TENSED, TENSED_CLAUSE_HINT, verb_adverbs
from newsloom.extract.quote_context import QuoteContext, make_quote
from newsloom.extract.quote_patterns import (
    AGE_APPOSITION,
    AUXILIARY_WORD,
    INVERTED_INCISE,
    INVERTED_REPORTED,
    INVERTED_SUBJECT,
    NAME_BEFORE_APPOSITION,
    PARENTHETICAL,
    PARENTHETICAL_HINT,
    RELATIVE_PRONOUNS,
    REPORTED,
    REPORTED_PLAIN,
    SECOND_CLAUSE,
    SENTENCE_ADVERBS,
    VERB_FIRST_THAT,
    VERB_THEN_CLAUSE,
    final_attribution,
    fronted_attribution,
    incise_verb,
    reported_mood,
    subjunctive_misread,
    unmarked_attribution,
)
from newsloom.extract.quote_speakers import (
    NAME_THEN_RELATIVE,
    RELATIVE_IN_PHRASE,
    TRAILING_ADVERBS,
    after_fronted_phrase,
    antecedent,
    name_before,
    plural_verb,
    respondents,
    sentence_subject,
    speaker_from_subject,
    subject_set_off,
)
from newsloom.extract.quote_words import PRONOUNS
from newsloom.extract.reported_questions import (
    closed_by_attribution,
    own_pronoun,
    question_kept,
    writers_question,
)
from newsloom.extract.reported_subjects import (
    COORDINATED_VERB,
    EXPLETIVE,
    NAME_AFTER_VERB,
    NAME_THEN_APPOSITIONS,
    common_word_name,
    fronted_adverbial,
    last_clause,
    names_someone,
    one_name_then_appositions,
    only_adverbs,
    owned_name,
    subject_after_verb,
    subordinate_opening,
)
from newsloom.extract.resources import SCANDINAVIAN, own_words
from newsloom.extract.role_words import is_role_word
from newsloom.extract.sentences import Sentence, split_sentences
from newsloom.extract.speakers import (
    BEFORE_NAME,
    CAPITALISED_NAME,
    COORDINATORS,
    PLURAL_PRONOUNS,
    Speaker,
    is_determiner,
    parse_speaker,
)
from newsloom.records import Quote

# a content clause that opens with a question word ("kor viktig …", "hvordan …"), and those of
# them that also open a relative clause after a noun ("byen hvor han vokste opp")
# prepositions that open a fronted adverbial ("I eit intervju med …", "On Monday, …")
FRONTED_PREPOSITIONS = frozenset(
    [
        "overfor",
        "i",
        "på",
        "under",
        "etter",
        "efter",
        "før",
        "innan",
        "ved",
        "med",
        "til",
        "fra",
        "frå",
    ],
)
# a that-clause holding a quoted phrase is reported speech too when this many words lie outside
# the marks ("dijo que se defenderá con «todos los medios posibles»"); with fewer the clause is
# the quote ("confirma que «la policía usó munición …»"), given once, as the direct quote
MIN_CLAUSE_WORDS = 3


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


# a relative clause set off by commas right before the verb: "X, cuyo … (, …), señala que"
_RELATIVE_BEFORE_VERB = re.compile(
    r",\s+(?:cuy[oa]s?|que|quien(?:es)?|which|who|whose|qui|dont|lequel|laquelle|che|cui|der|die"
    r"|das|welche[rs]?|som)\s[^,.;:!?]*(?:,[^,.;:!?]*)?,?\s*$",
    re.IGNORECASE,
)


def _name_word(words: Sequence[str], language: str | None) -> bool:
    """Whether ``words`` is one capitalised word that is no word of the language's dictionary
    (``Biden``, not ``Gestern``): a name."""
    return (
        len(words) == 1
        and words[0][:1].isupper()
        and words[0].isalpha()
        and dictionary_lemma(words[0].lower(), language) is None
        and dictionary_lemma(words[0], language) is None
    )


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
        while first < len(spans) and spans[first][1] <= sentence.start:
            first += 1
        held = [
            (start - sentence.start, end - sentence.start)
            for start, end in spans[first : first + 4]
            if start < sentence.end
        ]
        has_clause = VERB_THEN_CLAUSE.search(sentence.text) is not None or (
            # "sagte, die Lage sei …": a comma and a verb in the reported mood (the cheap test
            # for SUBJUNCTIVE_CLAUSE, which REPORTED reads)
            mood_test is not None and "," in sentence.text and mood_test.search(sentence.text)
        )
        masked = AGE_APPOSITION.sub(lambda age: " " * len(age.group(0)), sentence.text)
        match = REPORTED.search(masked) if has_clause else None
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
            and match.group("speaker").split()[-1].lower() in own_words(language, "first_person")
            and (closed := unmarked_attribution(sentence.text)) is not None
            and match.start("verb") < closed[0].end("content")
        ):
            # "Eg meiner eg har høyrt han før, seier Eli Sylta.": the speaker's own "I think"
            # inside a statement its closing attribution gives to someone
            match = None
        if sentence is retried and match is None:
            continue  # the rest holds no second reporting verb: nothing more to read
        if held and (match is None or not _clause_around(match, held)):
            continue  # the sentence holds a direct quote, and no clause of its own
        inverted_match = (
            INVERTED_REPORTED.search(sentence.text)
            if has_clause and not held and sentence is not retried
            else None
        )
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
                if plural and context.nearby_body is None and context.last_group is None:
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
        if match is None:
            aside = (
                PARENTHETICAL.match(sentence.text)
                if PARENTHETICAL_HINT.search(sentence.text)
                else None
            )
            if aside is not None and (aside.group("before") or aside.group("subject")):
                # "I praksis, seier utvalet, er det …": the statement is the predicate after it
                phrase = aside.group("subject") or aside.group("speaker") or aside.group("named")
                speaker = parse_speaker(phrase, names)
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
                speaker = parse_speaker(opening.group("speaker"), names)
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
                speaker = parse_speaker(closing.group("speaker"), names)
                if speaker is not None:
                    content = closing.group("content")
                    said(content, context.resolve(speaker), "reported", sentence.start)
                continue
            attributed = unmarked_attribution(sentence.text)
            if attributed is not None:
                unmarked, phrase = attributed
                speaker = parse_speaker(phrase, names)
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
                    if resolved is not None and resolved.type != "pronoun":
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
                # "Das seien herausfordernde Projekte.": the mood says whose words these are
                content = sentence.text.rstrip()
                said(content, context.last_source, "reported", sentence.start)
            continue
        phrase = match.group("speaker")
        between = masked[match.end("speaker") : match.start("verb")].strip(" ,")
        if own_pronoun(between, language):
            # "Og han meiner at": another language's auxiliary (Spanish "han") is the subject
            phrase = between
        words = phrase.split()
        if words and words[-1].lower() in COORDINATORS:
            # "X ser ikke nødvendigheten av …, men mener det er …": the subject of the first verb
            subject = sentence_subject(sentence.text[: match.start("verb")], names)
            speaker = subject
        elif len(words) == 1 and words[0].lower() in SENTENCE_ADVERBS:
            inverted = re.match(
                r"\s*(?P<speaker>[^,]+?)\s*,?\s+(?:at|att|that)\s", verb_adverbs(match) + " at "
            )
            adverbs = verb_adverbs(match).strip()
            speaker = speaker_from_subject(adverbs, names) if adverbs and inverted else None
            if not adverbs and match.start("speaker") == 0 and words[0][:1].isupper():
                # "También añadió que …": the subject left out, i.e. the last one named
                speaker = Speaker(None, None, "pronoun")
        elif (
            words
            and words[0].lower() in RELATIVE_PRONOUNS
            and (words[0][:1].islower() or language not in SCANDINAVIAN)
        ):
            # (a sentence's first word "Som" is "as": "Som et eksempel trekker X fram at")
            # "X, fondatrice de Y, qui a souligné que …": the speaker is what the clause is on
            speaker = antecedent(masked[: match.start("speaker")], names)
        elif (relative := RELATIVE_IN_PHRASE.search(phrase)) is not None:
            # "A. Mitchell Palmer, som i teksten … meldte at": the clause hangs on Palmer
            speaker = antecedent(masked[: match.start("speaker") + relative.start()], names)
        elif (named := NAME_THEN_RELATIVE.search(phrase)) is not None and named.start() > 0:
            speaker = antecedent(masked[: match.start("speaker") + named.end()], names)
        elif len(words) == 1 and AUXILIARY_WORD.fullmatch(words[0]):
            # "Ha detto che …": a subject the language leaves out, i.e. the last one named
            speaker = Speaker(None, None, "pronoun") if match.start("speaker") == 0 else None
        elif (
            len(words) == 1
            and is_determiner(words[0])
            and masked[: match.start("speaker")].rstrip().endswith(",")
        ):
            # "Talal Barazi, le dijo a la televisión que": an object clitic before the verb;
            # the subject is what stands set off before it, a name or a role
            speaker = subject_set_off(masked[: match.start("speaker")], names)
        elif (
            INVERTED_SUBJECT.search(verb_adverbs(match))
            and not CAPITALISED_NAME.search(phrase)
            # "Biden sagte anschließend dem Sender CBS, …": one capitalised word no dictionary
            # word (not "Gestern") is a name, the subject before the verb; what follows the
            # verb is whom he told
            and not _name_word(words, language)
            and verb_adverbs(match).split()[0].lower() not in TRAILING_ADVERBS
            and verb_adverbs(match).split()[0].lower() not in BEFORE_NAME
        ):
            speaker = parse_speaker(verb_adverbs(match), names)  # "I går sagde minister X, at"
            if speaker is not None and speaker.type == "pronoun":
                # "Muamar el Gadafi, aseguró hoy en un mensaje que": a time and a place after
                # the verb, no subject there: the subject is before it
                speaker = speaker_from_subject(phrase, names)
        elif (
            words
            and words[0].lower() in FRONTED_PREPOSITIONS
            and (named := NAME_AFTER_VERB.match(verb_adverbs(match))) is not None
        ):
            # "I eit intervju med Dagsavisen i helga sa Bjurstrøm at": a fronted adverbial, then
            # the verb before its subject (V2)
            after_verb = named.group("speaker")
            speaker = parse_speaker(after_verb, names)
            if after_verb[:1].islower() and not is_role_word(after_verb):
                # "På møtet sa noen at": no name and no role after the verb; "Etter en stund
                # sa hun at": a subject pronoun
                speaker = subject_after_verb(phrase, verb_adverbs(match), names, language)
        elif (
            relative := _RELATIVE_BEFORE_VERB.search(masked, 0, match.start("verb"))
        ) is not None and not CAPITALISED_NAME.search(phrase):
            # "El documento, cuyo contenido fue difundido … y que abarca …, señala que": the
            # subject is what the relative clause between it and the verb hangs on
            speaker = antecedent(masked[: relative.start()], names)
        elif match.start("speaker") == 0 and words[0].lower() in own_words(
            language, "fronting_prepositions"
        ):
            # "Z satysfakcją dodała, że …", "Pod koniec kwietnia Play podał, że …": a fronted
            # phrase, then the subject or none (Polish leaves it out: the last one named)
            fronted_subject = after_fronted_phrase(words)
            speaker = (
                Speaker(None, None, "pronoun")
                if fronted_subject is None
                else speaker_from_subject(fronted_subject, names)
            )
        else:
            speaker = speaker_from_subject(phrase, names)
            if fronted_adverbial(phrase, speaker, language):
                # "Då sa han at", "En gang forteller Cathrine ham at": a fronted adverbial, then
                # the verb before its subject (V2)
                after_verb = subject_after_verb(phrase, verb_adverbs(match), names, language)
                if (
                    after_verb is None
                    and match.start("speaker") == 0
                    and subordinate_opening(phrase, language)
                ):
                    speaker = None  # "Som ein del av stafetten skal elevane skrive …": no one
                speaker = after_verb or speaker
        if (
            speaker is not None
            and phrase[:1].islower()
            and (
                not CAPITALISED_NAME.search(phrase)
                or (  # set off by commas on both sides: an apposition
                    owned_name(phrase) and "," in masked[match.end("speaker") : match.start("verb")]
                )
            )
            and words[0].lower() not in RELATIVE_PRONOUNS
        ):
            # "Il colonnello Ronald Lao, comandante della stazione, ha detto che …"; "Juan
            # Pérez, portavoz del presidente Pedro Sánchez, dijo que …": the name in the
            # apposition is whose spokesman he is
            named = NAME_BEFORE_APPOSITION.search(masked, 0, match.start("speaker"))
            if named is not None:
                role = None if is_determiner(phrase.strip()) else phrase.strip()
                speaker = Speaker(named.group("name"), role, "person")
        opening = NAME_THEN_APPOSITIONS.match(
            masked, 0, match.start("verb")
        ) or one_name_then_appositions(masked[: match.start("verb")], language)
        subject = parse_speaker(opening.group("name"), names) if opening is not None else None
        if (
            subject is not None
            and subject.name
            and speaker is not None
            and speaker.name != subject.name
            # "Remnick, …, cita a Golda Meyer, quien dijo que": a relative clause's subject is
            # what it hangs on, not the sentence's
            and not (len(words) == 1 and words[0].lower() in RELATIVE_PRONOUNS)
        ):
            # "Annegret Kramp-Karrenbauer, chef des chrétiens-démocrates (CDU) de la chancelière
            # Angela Merkel, a confirmé …", "Monica Kelsey, fondatrice di …, che è stata …, ha
            # affermato che …": the name opening the sentence is the subject; what stands
            # between commas after it describes it (and may name someone else)
            speaker = subject
        if EXPLETIVE.search(last_clause(phrase)):
            # "Det er samstundes streka under at", "Dessutan er det streka under at": a passive
            # with an empty subject; no one is said to speak
            speaker = None
        if common_word_name(speaker, sentence.text, names, language):
            speaker = None  # "Muligens mener …", "Demokrati betyr at …": a word, no one named
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
        if speaker.plural and (
            group := context.group_before(text, paragraph, sentence.start + match.start("verb"))
        ):
            speaker = Speaker(group, None, "person")  # "Støre og Carter …, når de konstaterer at"
        resolved = context.resolve(speaker)
        second = SECOND_CLAUSE.search(content)
        if second is not None and second.start() > 0:
            said(content[: second.start()].rstrip(" ,"), resolved, "reported", content_start)
            content_start += second.start("content")
            content = second.group("content").rstrip(" .")
        said(content, resolved, "reported", content_start)
    return quotes
