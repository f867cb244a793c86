"""Who speaks in a sentence of reported speech: the subject of its reporting verb, read from
what stands before the verb and, in verb-second order, after it (split out of
:mod:`newsloom.extract.reported`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.assign.features import dictionary_lemma
from newsloom.extract.nordic_clauses import verb_adverbs
from newsloom.extract.quote_patterns import (
    AUXILIARY_WORD,
    INVERTED_SUBJECT,
    NAME_BEFORE_APPOSITION,
    RELATIVE_PRONOUNS,
    SENTENCE_ADVERBS,
)
from newsloom.extract.quote_speakers import (
    NAME_THEN_RELATIVE,
    RELATIVE_IN_PHRASE,
    TRAILING_ADVERBS,
    after_fronted_phrase,
    antecedent,
    sentence_subject,
    speaker_from_subject,
    subject_set_off,
)
from newsloom.extract.reported_questions import (
    own_pronoun,
)
from newsloom.extract.reported_subjects import (
    EXPLETIVE,
    NAME_AFTER_VERB,
    NAME_THEN_APPOSITIONS,
    common_word_name,
    fronted_adverbial,
    last_clause,
    one_name_then_appositions,
    opening_subject,
    owned_name,
    subject_after_auxiliary,
    subject_after_verb,
    subordinate_opening,
)
from newsloom.extract.resources import SCANDINAVIAN, own_words
from newsloom.extract.role_words import ends_in_role, is_role_word
from newsloom.extract.speaker_phrases import ends_in_second_verb_opener
from newsloom.extract.speakers import (
    BEFORE_NAME,
    CAPITALISED_NAME,
    COORDINATORS,
    Speaker,
    is_determiner,
    parse_speaker,
)
from newsloom.extract.subject_openings import noun_phrase_before_verb, opening_name
from newsloom.extract.unmarked import unmarked_attribution

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


def _named_after_verb(after_verb: str, language: str | None) -> bool:
    """Whether what follows a reporting verb names its subject: after sentence adverbs and
    negations, a name (``legg ikkje Navarsete skjul på at``) or a role word before one (``sier
    valgforsker Bernt Aardal at``); not a phrase a preposition opens (``garanti frå Gaddafi``)."""
    skipped = {*own_words(language, "negations"), *own_words(language, "not_speakers")}
    words = after_verb.split()
    while words and words[0].lower() in skipped:
        words = words[1:]
    if not words:
        return False
    return words[0][:1].isupper() or (
        ends_in_role(words[0]) and any(word[:1].isupper() for word in words[1:])
    )


def _after_word(text: str, at: int, words: Sequence[str]) -> bool:
    """Whether the word right before ``text[at:]`` is one of ``words`` (as written: lowercase)."""
    before = text[:at].split()
    return bool(before) and before[-1] in words


# words of a sentence before an auxiliary that may be its subject ("Algunos bloggers también
# han aprovechado la ocasión para recordar que")
_MOST_SUBJECT_WORDS = 6


def first_verb_subject(before: str, names: Sequence[str], language: str | None) -> Speaker:
    """The subject of a sentence's first verb, for a second verb after one of the tables'
    ``second_verb_openers`` (``X ha afirmado …, aunque asegura que``): the capitalised words
    opening the sentence where they are a name (:func:`opening_name`: ``Haley defendió … y
    aseguró que``), else the words before an auxiliary of the language's table opening it
    (``También el Gobierno turco ha apoyado a Estados Unidos pero ha pedido que``), else the
    person named first in ``before``, else the subject the language left out (the last one
    named). A name after one of the table's ``name_connectors`` (``A golpe de Twitter, Donald
    Trump reculó tras advertir``) is what a noun before it is of, no subject."""
    sentence = re.split(r"(?<=[.!?])\s+", before)[-1]
    opening = opening_name(sentence, names, language) or noun_phrase_before_verb(
        sentence, names, language
    )
    if opening is not None:
        return opening
    words = sentence.split()
    auxiliaries = own_words(language, "auxiliaries")
    auxiliary = next((i for i, word in enumerate(words) if i and word in auxiliaries), 0)
    if 0 < auxiliary <= _MOST_SUBJECT_WORDS:
        subject = speaker_from_subject(" ".join(words[:auxiliary]), names)
        if subject is not None and subject.type != "pronoun":
            return subject
    connectors = own_words(language, "name_connectors")
    named = [
        (at, name)
        for name in names
        if name and (at := before.find(name)) >= 0 and not _after_word(before, at, connectors)
    ]
    if named:
        return Speaker(min(named)[1], None, "person")
    return Speaker(None, None, "pronoun")


def reported_speaker(
    match: re.Match[str], masked: str, text: str, names: Sequence[str], language: str | None
) -> Speaker | None:
    """Who speaks in a reported-speech match of ``REPORTED`` on ``masked`` (the sentence
    ``text`` with ages blanked): the subject before the verb, or after it in verb-second order, or
    what a relative clause or an apposition hangs on; None where no one is named (a passive, a
    common word, a fronted clause)."""
    phrase = match.group("speaker")
    after = verb_adverbs(match)  # what stands between the verb and its clause
    between = masked[match.end("speaker") : match.start("verb")].strip(" ,")
    if own_pronoun(between, language):
        # "Og han meiner at": another language's auxiliary (Spanish "han") is the subject
        phrase = between
    words = phrase.split()
    if (
        len(words) > 2
        and own_pronoun(words[-1], language)
        and words[-2].lower() in own_words(language, "clause_openers")
    ):
        # "Leiaren var klår når han (har slått fast at)": the pronoun opening the clause of the
        # verb is its subject (not another language's auxiliary)
        phrase = words[-1]
        words = [phrase]
    speaker: Speaker | None = (
        subject_after_auxiliary(phrase, match.group("verb"), names, language)
        if match.start("speaker") == 0
        else None
    )
    if speaker is not None:
        pass  # "I går har statsministeren sagt at": fronted phrase, auxiliary, subject, participle
    elif words and words[-1].lower() in COORDINATORS and not ends_in_second_verb_opener(phrase):
        # "X ser ikke nødvendigheten av …, men mener det er …": the subject of the first verb
        subject = sentence_subject(text[: match.start("verb")], names)
        # "Ho er lei for at …, og opplyser at", "Rektor ringte og fortalte at": a pronoun or a
        # role word opening the sentence before its first verb is the subject of both verbs
        # (not in a statement its closing attribution gives to someone: "Hun skrev …, og sa at
        # …, sier mannen til bt.no." is his account)
        if subject is None and unmarked_attribution(text) is None:
            subject = opening_subject(text[: match.start("verb")], names, language)
        speaker = subject
    elif words and words[-1].lower() in own_words(language, "coordinators"):
        # "Un portavoce ha confermato …, e ha affermato che": the subject of the first verb
        # (none where only the one the language left out is left: that is no one here)
        speaker = sentence_subject(text[: match.start("verb")], names)
        if speaker is None:
            first = first_verb_subject(text[: match.start("verb")], names, language)
            speaker = first if first.type != "pronoun" else None
    elif words and ends_in_second_verb_opener(phrase):
        # "…, al asegurar que", "Otros, sin embargo, denuncian que": the subject of the first
        # verb, else the one the language left out (the last one named)
        speaker = first_verb_subject(text[: match.start("verb")], names, language)
    elif len(words) == 1 and words[0].lower() in SENTENCE_ADVERBS:
        inverted = re.match(r"\s*(?P<speaker>[^,]+?)\s*,?\s+(?:at|att|that)\s", after + " at ")
        adverbs = after.strip()
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
    elif (
        len(words) == 1
        and AUXILIARY_WORD.fullmatch(words[0])
        # (not the language's own pronoun: "… klår når han har slått fast at", Spanish "han")
        and not own_pronoun(words[0], language)
    ):
        # "Ha detto che …": a subject the language leaves out, i.e. the last one named
        speaker = Speaker(None, None, "pronoun") if match.start("speaker") == 0 else None
    elif (
        match.start("speaker") == 0
        and len(words) > 1
        and AUXILIARY_WORD.fullmatch(words[0])
        and all(word.lower() in SENTENCE_ADVERBS for word in words[1:])
    ):
        # "Ha poi aggiunto che …", "Ha inoltre spiegato che …": an auxiliary and adverbs open
        # the sentence; the subject is left out, the last one named
        speaker = Speaker(None, None, "pronoun")
    elif (
        len(words) == 1
        and is_determiner(words[0])
        and masked[: match.start("speaker")].rstrip().endswith(",")
    ):
        # "Talal Barazi, le dijo a la televisión que": an object clitic before the verb;
        # the subject is what stands set off before it, a name or a role
        speaker = subject_set_off(masked[: match.start("speaker")], names)
    elif (
        INVERTED_SUBJECT.search(after)
        and not CAPITALISED_NAME.search(phrase)
        # "Biden sagte anschließend dem Sender CBS, …": one capitalised word no dictionary
        # word (not "Gestern") is a name, the subject before the verb; what follows the
        # verb is whom he told
        and not _name_word(words, language)
        and after.split()[0].lower() not in TRAILING_ADVERBS
        and after.split()[0].lower() not in BEFORE_NAME
    ):
        speaker = parse_speaker(after, names, language)  # "I går sagde minister X, at"
        if speaker is not None and speaker.type == "pronoun":
            # "Muamar el Gadafi, aseguró hoy en un mensaje que": a time and a place after
            # the verb, no subject there: the subject is before it
            speaker = speaker_from_subject(phrase, names)
    elif (
        words
        and words[0].lower() in own_words(language, "prepositions")
        and (named := NAME_AFTER_VERB.match(after)) is not None
    ):
        # "I eit intervju med Dagsavisen i helga sa Bjurstrøm at", "Af indenrigspolitiske
        # årsager siger Kohl, at": a fronted adverbial (one of the table's ``prepositions``
        # opens it), then the verb before its subject (V2)
        after_verb = named.group("speaker")
        speaker = parse_speaker(after_verb, names, language)
        if (
            after_verb[:1].islower()
            and not is_role_word(after_verb)
            and not _named_after_verb(after_verb, language)
        ):
            # "På møtet sa noen at": no name and no role after the verb; "Etter en stund
            # sa hun at": a subject pronoun ("Til NTB sier valgforsker Bernt Aardal at": a
            # role and a name after the verb are its subject)
            speaker = subject_after_verb(phrase, after, names, language)
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
        if fronted_adverbial(phrase, speaker, language) or common_word_name(
            speaker, text, names, language
        ):
            # "Då sa han at", "En gang forteller Cathrine ham at", "Nyleg skreiv Verdens Gang
            # at": a fronted adverbial (a function word, or one word of the dictionary only
            # capitalised as the sentence's first), then the verb before its subject (V2)
            after_verb = subject_after_verb(phrase, after, names, language)
            if (
                after_verb is None
                and match.start("speaker") == 0
                and subordinate_opening(phrase, language)
            ):
                speaker = None  # "Som ein del av stafetten skal elevane skrive …": no one
            speaker = after_verb or speaker
    lead = masked[: match.start("speaker")]
    if (
        speaker is not None
        and speaker.type == "pronoun"
        and speaker.name is None
        and words
        and lead.rstrip().endswith(",")
        and (set_off := subject_set_off(lead, names)) is not None
    ):
        # "Yusuf al Qardawi, con gran peso en el mundo árabe, ha pedido que": a phrase set
        # off by commas before the verb, no subject; the subject stands before it
        speaker = set_off
    elif (
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
        if named is not None and not fronted_place(named.group("name"), language):
            role = None if is_determiner(phrase.strip()) else phrase.strip()
            speaker = Speaker(named.group("name"), role, "person")
    opening = NAME_THEN_APPOSITIONS.match(
        masked, 0, match.start("verb")
    ) or one_name_then_appositions(masked[: match.start("verb")], language)
    if opening is not None and fronted_place(opening.group("name"), language):
        opening = None  # "En Yemen, los rebeldes hutíes informaron que": where, not who
    subject = parse_speaker(opening.group("name"), names, language) if opening is not None else None
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
    if common_word_name(speaker, text, names, language):
        speaker = None  # "Muligens mener …", "Demokrati betyr at …": a word, no one named
    return speaker


def fronted_place(name: str, language: str | None) -> bool:
    """``En Yemen``, ``Desde Damasco``: a capitalised run opened by a preposition of the table's
    ``in_prepositions`` or ``place_prepositions`` (capitalised at the sentence's start) is a
    fronted place phrase, no name of the sentence's subject (not "al", a particle of Arabic
    names: "El diario Al Watan")."""
    first = name.split(maxsplit=1)[0]
    return first[:1].isupper() and first.lower() in (
        *own_words(language, "in_prepositions"),
        *own_words(language, "place_prepositions"),
    )
