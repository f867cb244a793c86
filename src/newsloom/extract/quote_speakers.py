"""Who speaks around a quote: the subject of a reporting verb before or after it, a name earlier
in the sentence, the antecedent of a relative clause (``X, som sier at …``).

Each function reads the text next to one quote and returns a
:class:`~newsloom.extract.speakers.Speaker` (or None); :mod:`newsloom.extract.quotes` decides
which one a quote gets.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from newsloom.extract.back_reference import back_reference
from newsloom.extract.object_names import after_preposition
from newsloom.extract.quote_patterns import (
    AFTER,
    AFTER_ACCORDING,
    AFTER_NO_SUBJECT,
    AFTER_PRONOUN,
    AFTER_SUBJECT_FIRST,
    AUXILIARY_WORD,
    BEFORE,
    BEFORE_TAIL,
    MARKS,
    NORDIC_FINITE,
    RELATIVE_PRONOUNS,
    SPLIT_AFTER,
    SUBJECT_VERB,
    THAT,
    VERB_AFTER_SPACE,
    VERBS,
    before_region,
    split_speaker,
    tail,
)
from newsloom.extract.resources import SCANDINAVIAN, own_words, table_word_set, table_words
from newsloom.extract.role_words import is_organisation_name, is_role_word
from newsloom.extract.speaker_adjuncts import is_time_word
from newsloom.extract.speaker_names import names_a_thing
from newsloom.extract.speaker_phrases import ends_in_second_verb_opener
from newsloom.extract.speakers import (
    CAPITALISED_NAME,
    FUNCTION_WORDS,
    LEADING_WORDS,
    Speaker,
    is_determiner,
    parse_speaker,
)
from newsloom.extract.subject_openings import first_named
from newsloom.extract.told import told_alone
from newsloom.process_cache import compile_pattern


def sentence_subject(before: str, names: Sequence[str]) -> Speaker | None:
    """The person a sentence is about before a quote embedded in it (agency-relayed quotes);
    where no name is given and no comma sets a clause apart, the words before the sentence's
    first finite verb (``Miljøvernarar er djupt usamde og hevdar at``)."""
    for name in names:
        if name in before:
            return Speaker(name, None, "person")
    found = CAPITALISED_NAME.findall(before)
    if found:
        return parse_speaker(found[-1])
    opening = FIRST_FINITE.match(before.lstrip(" -–—*")) if "," not in before else None
    return parse_speaker(opening.group("subject")) if opening is not None else None


def _last_word_at(text: str, word: str) -> int:
    """Where ``word`` last stands in ``text`` as a whole word, or -1."""
    at = text.rfind(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _WORD_CHAR.match(text[at - 1])) and (
            end == len(text) or not _WORD_CHAR.match(text[end])
        ):
            return at
        at = text.rfind(word, 0, at)
    return -1


_WORD_CHAR = compile_pattern(r"[\w'’-]")


def name_before(before: str, names: Sequence[str], language: str | None = None) -> Speaker | None:
    """The last person named earlier in the paragraph (for "sa hon" after a quote), outside
    quotation marks: a name in quoted words is someone the speaker talks about ("…au meurtre de
    George Floyd». «…», a-t-il déclaré" is not Floyd)."""
    before = MARKS.sub(lambda quoted: " " * len(quoted.group(0)), before)
    found = [(before.rfind(name), name) for name in names if name in before]
    found += [(match.start(), match.group(0)) for match in CAPITALISED_NAME.finditer(before)]
    for name in names:
        # a person named in full, then by the surname alone ("Thore Schölermann … laut
        # Schölermann"): the surname is a later mention of the same person
        parts = name.split()
        if (
            len(parts) >= 2
            and name in before  # named in full earlier, outside quotation marks
            and all(part[:1].isupper() for part in parts)
            and not parts[-1].isupper()  # "CDU": an acronym, no surname
            and parts[-1] in before[before.rfind(name) + len(name) :]
        ):
            at = _last_word_at(before, parts[-1])
            if at >= 0:
                found.append((at, name))
    found = [
        (at, name)
        for at, name in found
        if name.split()[0].lower() not in FUNCTION_WORDS
        and not is_organisation_name(name)
        and not names_a_thing(before, at, name)
        and not after_preposition(before, at, language)  # "acabar con el coronel X": no subject
    ]  # "she said" after "… at BC Women's Hospital": a person, not the hospital; "in Tel Aviv"
    # (a place the recogniser called a person), "der Wahlausgang" (a noun): no one
    if not found:
        return None
    return parse_speaker(max(found)[1], names, language)


THAT_BEFORE = compile_pattern(rf"(?<![\w'’-])(?:{THAT})\s*$", re.IGNORECASE)


def _last_sentence(before: str) -> str:
    return re.split(r"(?<=[.!?])\s+", before)[-1]


def opening_person(before: str, people: Sequence[str]) -> Speaker | None:
    """The person whose name opens the last sentence of ``before`` (its subject)."""
    sentence = _last_sentence(before).lstrip(" -–—*")
    named = next((name for name in people if sentence.startswith(name)), None)
    return parse_speaker(named, people) if named is not None else None


def respondents(match: re.Match[str]) -> bool:
    """Whether the reporting verb of a match (a ``speaker`` group before it) is a participle
    naming those asked ("prosent av dei spurde", "av de spurte"): "av" and a plural determiner
    before it."""
    words = match.group("speaker").lower().split()
    return words[-2:] in (["av", "dei"], ["av", "de"])


def subject_set_off(lead: str, names: Sequence[str]) -> Speaker | None:
    """The subject set off by a comma before a verb (``María Jesús Montero, ha reiterado``,
    ``Talal Barazi, le dijo``): the last comma-separated phrase of ``lead``, where it is a name
    the recogniser found or a role, else None."""
    subject = antecedent(lead, names) if lead.strip(" ,") else None
    if subject is None:
        return None
    named = any(subject.name and (subject.name in name or name in subject.name) for name in names)
    role = subject.role and not subject.name and is_role_word(subject.role.split()[-1])
    return subject if named or role else None


def speaker_earlier_in_sentence(before: str, names: Sequence[str]) -> Speaker | None:
    """``X sier til NTB at rederiet «…»``: the subject of a reporting verb before the quote."""
    sentence = _last_sentence(before)
    match = SUBJECT_VERB.search(sentence) if VERB_AFTER_SPACE.search(sentence) else None
    if match is None or respondents(match):
        return None  # "40 prosent av dei spurde nordmennene opplever at «…»": no one asks
    if match.group("speaker").split()[0].lower() in RELATIVE_PRONOUNS:
        return antecedent(sentence[: match.start("speaker")], names)
    if AUXILIARY_WORD.fullmatch(match.group("speaker")):
        # "…, María Jesús Montero, ha reiterado que … «…»": the subject set off by a comma
        # before the auxiliary, a name the recogniser found or a role; "Además, ha afirmado
        # que": none, the subject left out (the last one named)
        subject = subject_set_off(sentence[: match.start("speaker")], names)
        return subject if subject is not None else Speaker(None, None, "pronoun")
    return speaker_from_subject(match.group("speaker"), names)


def speaker_before(
    before: str, names: Sequence[str], language: str | None = None
) -> Speaker | None:
    """The speaker a reporting verb names just before a quote (``Holm sa i går:``)."""
    match = BEFORE.search(before_region(tail(before, BEFORE_TAIL)))
    if match is None or respondents(match):
        return None  # "40 prosent av dei spurde nordmennene opplever at «…»": no one asks
    phrase = match.group("speaker")
    opening = phrase.split()
    if (
        len(opening) > 1
        and opening[0][:1].isupper()
        and opening[0].lower() in own_words(language, "prepositions")
        and language in SCANDINAVIAN
    ):
        return None  # "For i 2005 vedgjekk X at «…»": a fronted phrase (V2), no subject
    if len(phrase.split()) > 2 and ends_in_second_verb_opener(phrase):
        # "Sean Spicer comparó a Hitler con Bashar al Assad y dijo que «…»": a second verb
        # of the sentence's subject, the person it names first, else the one left out
        subject = first_named(_last_sentence(before), names, language)
        return subject or Speaker(None, None, "pronoun")
    sentence = _last_sentence(before)
    relative = list(RELATIVE_IN_PHRASE.finditer(sentence))
    if relative and "," not in sentence[relative[-1].end() :]:
        # "Tangaere, quien vigiló la eliminación de la OPAQ aseguró: «…»": the relative
        # clause runs up to the verb; its subject is what it hangs on
        hung = antecedent(sentence[: relative[-1].start()], names)
        if hung is not None:
            return hung
    if AUXILIARY_WORD.fullmatch(match.group("speaker")):
        # "Además, ha afirmado que «…»", "X, ha denunciado «…»": the auxiliary is no subject
        return speaker_earlier_in_sentence(before, names)
    return parse_speaker(match.group("speaker"), names, language)


def subject_before_object(
    before: str, names: Sequence[str], language: str | None
) -> Speaker | None:
    """In a language whose table lists ``fronting_prepositions`` (Polish), the phrase a
    reporting verb has just before a quote may be a preposition's object, not the verb's
    subject (``Jadwiga Emilewicz w liście do szefa Rady … Krzysztofa Czabańskiego napisała:``):
    the subject is then the person named earlier in the sentence. None where no preposition
    stands before the phrase, or no one is named before it."""
    prepositions = own_words(language, "fronting_prepositions")
    if not prepositions:
        return None
    region = before_region(tail(before, BEFORE_TAIL))
    match = BEFORE.search(region)
    if match is None:
        return None
    words = before[: len(before) - len(region) + match.start("speaker")].split()
    if not words or words[-1].lower() not in prepositions:
        return None
    return name_before(_last_sentence(" ".join(words[:-1])), names)


_INVERTED_INTRODUCER = compile_pattern(
    rf"(?<![\w'’-])(?:{VERBS})\s+(?P<speaker>[^,.;:!?«»\"“”„]+?)\s*:\s*$", re.IGNORECASE
)


def introduced_speaker(text: str, names: Sequence[str]) -> Speaker | None:
    """The speaker a paragraph ending in a colon introduces for the quote below it
    (``Holm fortalte NRK i 2003:``, ``I boka si skriv Holm:``, ``Han sa:``)."""
    stripped = text.rstrip()
    if not stripped.endswith(":"):
        return None
    sentence = stripped[max(stripped.rfind(". ", 0, len(stripped) - 1) + 1, 0) :]
    speaker = speaker_before(sentence, names)
    if speaker is None and (inverted := _INVERTED_INTRODUCER.search(sentence)) is not None:
        speaker = parse_speaker(inverted.group("speaker"), names)
    return speaker


def plural_verb(verb: str, language: str | None) -> bool:
    """Whether ``verb`` is a third person plural form (the left-out subject is "they"): it has
    one of the ``plural_endings`` of the language's table (the languages that leave a subject
    out: Spanish and Portuguese "afirman", "dizem", Italian "dicono", Polish "podkreślili")."""
    return verb.lower().endswith(own_words(language, "plural_endings"))


# the words that open a closing clause of attribution (German "wie", Spanish "como")
_AS_WORDS = table_word_set("final_after")
# the tables' sentence adverbs of one word ("incluso", "zudem"): no part of a subject they end
_TABLE_ADVERBS = frozenset(word.lower() for word in table_words("adverbs") if " " not in word)


def _placed_after_verb(
    words: Sequence[str], names: Sequence[str], language: str | None
) -> Speaker | None:
    """Where a reporting verb after a quote is followed by a preposition and a capitalised
    word, in a language whose table lists ``fronting_prepositions`` (Polish ``napisał na
    Twitterze``, ``powiedział w Radiu Zet``): that word is where, not who; a name or a role
    after it is the subject (``napisała na Facebooku Agnieszka Szydłowska``), else the subject
    is left out (the last one named). None where the phrase does not open so."""
    if (
        len(words) < 2
        or words[0].lower() not in own_words(language, "fronting_prepositions")
        or not words[1][:1].isupper()
    ):
        return None
    rest = words[2:]
    if len(rest) >= 2 or (rest and is_role_word(rest[0])):
        # "na Facebooku Agnieszka Szydłowska", "na Twitterze wicepremier Jadwiga Emilewicz"
        subject = parse_speaker(" ".join(rest), names, language)
        if subject is not None:
            return subject
    return Speaker(None, None, "pronoun")


def speaker_after(
    after: str, names: Sequence[str], language: str | None = None
) -> tuple[Speaker | None, int]:
    if back := back_reference(after, language):
        # "«…», c'est ce qu'a déclaré X", "«…». Lo ha detto X": the words point back at the quote
        speaker, end = speaker_after(after[back:], names, language)
        return (speaker, back + end) if speaker is not None else (None, 0)
    match = AFTER.match(after)
    if match and told_alone(match.group("speaker"), language, names):
        return Speaker(None, None, "pronoun"), match.end()  # "«…», dijo a la BBC.": whom told
    if match:
        placed = _placed_after_verb(match.group("speaker").split(), names, language)
        if placed is not None:
            return placed, match.end()
        return parse_speaker(match.group("speaker"), names, language), match.end()
    match = AFTER_PRONOUN.match(after) or AFTER_ACCORDING.match(after)
    if match:
        return parse_speaker(match.group("speaker"), names, language), match.end()
    match = SPLIT_AFTER.match(after)
    if match and (subject := split_speaker(match)) is not None:
        return parse_speaker(subject, names, language), match.end()
    match = AFTER_NO_SUBJECT.match(after)
    if match:  # "«…», explica." / "«…», ha aggiunto.": a left-out subject, the last speaker
        # ("«…», dijeron.": "they", a group)
        plural = plural_verb(match.group("verb"), language)
        return Speaker(None, None, "pronoun", plural=plural), match.end()
    match = AFTER_SUBJECT_FIRST.match(after)
    if match and match.group("speaker").split()[0].lower() in own_words(
        language, "phrase_prepositions"
    ):
        # "«un alto precio» por el ataque químico denunciado en Duma": a phrase of the
        # table's ``phrase_prepositions`` and a participle, no subject and its verb
        return None, 0
    if match and match.start("speaker") < 4:
        if match.group("speaker").lower() in _AS_WORDS:
            # "«…», como señala Maha Abdel Rahman": "as", the verb, then the speaker
            inverted = AFTER.match(after[match.start("verb") :])
            if inverted is None:
                return None, 0
            end = match.start("verb") + inverted.end()
            return parse_speaker(inverted.group("speaker"), names, language), end
        return parse_speaker(match.group("speaker"), names, language), match.end()
    return None, 0


_NAME_AT_END = compile_pattern(r"(?<=\s)(?:[A-ZÆØÅÄÖÜÉ][\w'’.-]*\s+)+[A-ZÆØÅÄÖÜÉ][\w'’-]+$")
RELATIVE_IN_PHRASE = compile_pattern(
    r",\s+(?:" + "|".join(sorted(RELATIVE_PRONOUNS)) + r")\s", re.IGNORECASE
)
# a name and a restrictive "som"/"who" without a comma ("forsker Kari Holm som i går sa at",
# "Det var NRK som kunne fortelle at"): the clause hangs on the name
NAME_THEN_RELATIVE = compile_pattern(r"(?<![\w'’-])[A-ZÆØÅÄÖÜÉ][\w'’.-]*(?=\s+(?:som|who)\s)")


def antecedent(before: str, names: Sequence[str]) -> Speaker | None:
    """The noun phrase a relative clause hangs on: the last comma-separated chunk before it."""
    chunk = re.split(r"[,;:()]", before.rstrip(" ,"))[-1].strip()
    named = _NAME_AT_END.search(chunk)
    speaker = parse_speaker(chunk, names) if chunk else None
    if named is not None and named.start() > 0:  # "… til justisminister A. Mitchell Palmer"
        if speaker is not None and speaker.name == named.group(0):
            return speaker  # "l'ambassadrice Luz Elena Rivas": the role read with the name
        return Speaker(named.group(0), None, "person")
    return speaker if speaker is not None and speaker.type != "pronoun" else None


# a sentence's subject: up to three words before its first finite verb
FIRST_FINITE = compile_pattern(
    rf"^(?P<subject>[\w'’-]+(?:\s+[\w'’-]+){{0,2}}?)\s+(?:{NORDIC_FINITE})\b"
)


# Polish case endings that no subject (a nominative) has: instrumental, locative, dative
# ("Z satysfakcją", "W późniejszych wpisach", "Na konferencji prasowej")
_POLISH_OBLIQUE = re.compile(r"(?:ą|em|ach|ami|om|ym|ymi|ej|emu)$")


def after_fronted_phrase(words: Sequence[str]) -> str | None:
    """The subject after a fronted prepositional phrase: from its last role word on, else its
    last run of capitalised words (the phrase's own first word aside), else its last word where
    that may be a subject ("Pod koniec kwietnia firma"); None where there is none."""
    roles = [i for i, word in enumerate(words) if i and is_role_word(word)]
    if roles:
        return " ".join(words[roles[-1] :])
    capitalised = [i for i, word in enumerate(words) if i and word[:1].isupper()]
    if capitalised:
        first = capitalised[-1]
        while first - 1 in capitalised:
            first -= 1
        return " ".join(words[first : capitalised[-1] + 1])
    if len(words) > 2 and not _POLISH_OBLIQUE.search(words[-1].lower()):
        return words[-1]
    return None


# Polish prepositions no other language read here opens a subject with ("W późniejszych
# wpisach zapewnił, że „…”", "Z satysfakcją dodała"); the Polish reported-speech reader takes
# them all (the ``fronting_prepositions`` of the Polish table)
_FRONTING = frozenset(["w", "z", "ze", "pod", "przy", "przed", "nad", "wśród", "podczas"])


# the words after which a sentence-internal clause, and its subject, starts (and the tables'
# ``clause_openers``: es "Los niños suspiraron cuando el gobierno confirmó que")
_SUBJECT_CLAUSE_OPENERS = frozenset(
    [
        *("at", "att", "that", "que", "men", "but", "og", "and", "da", "når", "som", "who"),
        *("which", "mens", "while", "fordi", "because", "dersom", "if"),
        *table_word_set("clause_openers"),
    ]
)


def after_last_opener(
    words: Sequence[str], openers: Collection[str], *, comma: bool = False
) -> list[str]:
    """The words after the last clause opener among ``words`` (with ``comma``, also after the
    last word ending in a comma); all of them where there is none."""
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower() in openers or (comma and words[index].endswith(",")):
            return list(words[index + 1 :])
    return list(words)


def speaker_from_subject(phrase: str, names: Sequence[str]) -> Speaker | None:
    """The subject before a reporting verb: drop adverbs and time words at its end and start."""
    words = phrase.split()
    if len(words) > 1 and words[0].lower() in _FRONTING:
        fronted_subject = after_fronted_phrase(words)
        if fronted_subject is None:
            return Speaker(None, None, "pronoun")  # the subject left out: the last one named
        words = fronted_subject.split()
    lead = next(
        (
            i
            for i, word in enumerate(words)
            if word.lower() not in LEADING_WORDS or word.lower() in _SUBJECT_CLAUSE_OPENERS
        ),
        0,
    )
    auxiliary = next(
        # after the leading words: "Både han og Kolås mener" (Spanish "han" is an auxiliary)
        (i for i, word in enumerate(words) if i > lead and AUXILIARY_WORD.fullmatch(word)),
        None,
    )
    if auxiliary is not None:
        words = words[:auxiliary]  # "Politiet har tidlegare (opplyst)": the subject ends there
    while words and words[-1].lower() in TRAILING_ADVERBS:
        words.pop()
    if len(words) > 2 and is_determiner(words[-1]) and words[-2].lower() in _TABLE_ADVERBS:
        words.pop()  # "Los ministros incluso le escribieron": an object clitic after an adverb
    while len(words) > 1 and words[-1].lower().strip(",") in _TABLE_ADVERBS:
        words.pop()  # "Los ministros incluso (le) escribieron", "El portavoz también señaló"
    words = after_last_opener(words, _SUBJECT_CLAUSE_OPENERS)  # from the last clause start
    while len(words) > 1 and words[0].lower() in LEADING_WORDS and not is_time_word(words[0]):
        # "For der Bangstad mener at": a conjunction opening the sentence; a day is left to
        # parse_speaker, which tells a subject after it from a place ("ayer en un acto oficial")
        words.pop(0)
    if not words:
        return None
    return parse_speaker(" ".join(words), names)


TRAILING_ADVERBS = frozenset(
    [
        "tidligere",
        "tidligare",
        "tidigare",
        "earlier",
        "også",
        "also",
        "igen",
        "igjen",
        "again",
        "i",
        "dag",
        "today",
        "onsdag",
        "torsdag",
        "fredag",
        "mandag",
        "tirsdag",
        "lørdag",
        "søndag",
        "måndag",
        "tisdag",
        "lördag",
        "söndag",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "kveld",
        "aften",
        "morgen",
        "ettermiddag",
        "eftermiddag",
        "talen",
        *("likevel", "imidlertid", "riktignok", "dessutan", "derimot", "òg", "samtidig", "nå"),
        *("no", "however", "though", "likewise", "dock", "ändå", "alligevel", "allikevel"),
    ]
)
