"""What stands before a reporting verb, tested for :mod:`newsloom.extract.reported`: an empty
subject (``Det vart sagt at``), where the last clause before the verb starts, whether a speaker
names someone, an attribution's subject going on to a second verb (``seier Øgar og viser til
at``), a full name opening the sentence before its appositions, an owner word before a name."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.assign.features import dictionary_lemma
from newsloom.extract.quote_patterns import (
    NORDIC_FINITE,
    SENTENCE_ADVERBS,
    VERB_CONJUNCTIONS,
    VERBS,
)
from newsloom.extract.quote_speakers import after_last_opener
from newsloom.extract.quote_words import AUXILIARIES
from newsloom.extract.resources import SCANDINAVIAN, own_words, table_word_set
from newsloom.extract.role_words import ends_in_role, is_role_word
from newsloom.extract.speakers import (
    CAPITALISED_NAME,
    CONNECTORS,
    COORDINATORS,
    Speaker,
    parse_speaker,
)
from newsloom.process_cache import compile_pattern

# the words that make the name after them an owner ("portavoz del presidente Pedro Sánchez",
# "porte-parole du ministre", "spokesman for", "Sprecher von")
OWNER_WORDS = frozenset(
    [
        *("of", "for", "de", "du", "del", "des", "della", "dello", "di", "do", "da", "dos"),
        *("das", "von", "vom", "van"),
    ]
)


# an empty subject beside a finite verb ("Det er …", "… er det"): a passive or impersonal clause
EXPLETIVE = re.compile(
    rf"(?:^|\s)(?:det|dét|der)\s+(?:{NORDIC_FINITE})(?:\s|$)|(?:^|\s)(?:{NORDIC_FINITE})\s+(?:det|dét|der)$",
    re.IGNORECASE,
)


# words that open a clause (the tables' ``clause_openers``): a subject stands after them
CLAUSE_OPENERS = table_word_set("clause_openers")


def last_clause(phrase: str) -> str:
    """The words of ``phrase`` after its last comma or clause opener (``Det er riktig som
    statsråden`` → ``statsråden``): where the subject before the verb stands."""
    words = phrase.split()
    rest = after_last_opener(words, CLAUSE_OPENERS, comma=True)
    return phrase if len(rest) == len(words) else " ".join(rest)


# an attribution's subject, then a second verb it does ("seier Øgar og viser til at …", "seier
# Sp-politikaren, og understrekar at …")
COORDINATED_VERB = compile_pattern(
    rf"^(?P<subject>.+?),?\s+(?:{VERB_CONJUNCTIONS})\s+(?:{AUXILIARIES}\s+)?(?:{VERBS})(?!\w)",
    re.IGNORECASE,
)


def names_someone(speaker: Speaker | None) -> bool:
    """Whether a speaker is someone named: a capitalised name, or a phrase ending in a role
    word (``finansministeren``, ``Høgre sin leiar``) or a role word before what it belongs to
    (``porte-parole du SPD``, ``líder de Coalición Nacional``)."""
    if speaker is None:
        return False
    if speaker.name:
        return speaker.name[:1].isupper()
    words = (speaker.role or "").split()
    owner = next((at for at, word in enumerate(words) if at and word.lower() in CONNECTORS), None)
    return bool(words) and (
        ends_in_role(words[-1]) or (owner is not None and ends_in_role(words[owner - 1]))
    )


def owned_name(phrase: str) -> bool:
    """Whether the first name in a lowercase ``phrase`` follows an owner word (see above)."""
    name = CAPITALISED_NAME.search(phrase)
    return name is not None and any(
        word.lower() in OWNER_WORDS for word in phrase[: name.start()].split()
    )


# lowercase appositions or relative clauses set off by commas after a name (not "og"/"and"/…
# joining a second subject; an ordinal's point inside, "frå 1. mai"), then at most one word (an
# auxiliary) before the reporting verb
_APPOSITIONS_THEN_VERB = (
    r"(?:\s+(?!(?:og|and|och|und|et|e|y|i|ou|o|or|eller)\s)[a-zæøåäöüéèàìòù]"
    r"(?:[^,;:.!?«»\"“”„]|(?<=\d)\.(?=\s+\w))*,)+"
    r"\s*(?:\S+\s+)?$"
)
# a full name opening the sentence, then its appositions and the verb
NAME_THEN_APPOSITIONS = re.compile(
    r"^\s*(?P<name>[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+(?:[A-ZÆØÅÄÖÜÉ][\w'’-]+|al|el|de|da|di|von|van|bin)){0,3}"
    r"\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+)," + _APPOSITIONS_THEN_VERB
)


# the same with a one-word name ("Morsi, por su parte, ha exclamado que", "Teherán, otro aliado
# de Damasco, consideró que"): see :func:`one_name_then_appositions`
_ONE_NAME_THEN_APPOSITIONS = re.compile(
    r"^\s*(?P<name>[A-ZÁÉÍÓÚÆØÅÄÖÜ][\w'’-]+)," + _APPOSITIONS_THEN_VERB
)


def one_name_then_appositions(text: str, language: str | None) -> re.Match[str] | None:
    """A one-word name opening the sentence, then what commas set off after it, then the verb
    (``Sarrazin, membre du SPD depuis 1973, a annoncé``, ``UNICEF, la agencia de la ONU …,
    dijo``): the name is the subject, not a body named in the incise nor the incise itself
    (``por su parte``, ``en cualquier caso``). Only a word the language's dictionary does not
    hold as a common word: a sentence adverb (``Además``, ``Hier``) or a pronoun (``Otros``) opens
    the sentence the same way. Not in a language without a dictionary."""
    opening = _ONE_NAME_THEN_APPOSITIONS.match(text)
    if opening is None or language is None:
        return None
    word = opening.group("name")
    lemma = dictionary_lemma(word.lower(), language)
    known = lemma is not None or dictionary_lemma(word, language) is not None
    if known and not (lemma or "")[:1].isupper():
        return None
    return opening


def only_adverbs(phrase: str) -> bool:
    """Whether ``phrase`` (what stands between a verb and "that") is sentence adverbs alone."""
    words = phrase.lower().replace(",", " ").split()
    return bool(words) and all(word in SENTENCE_ADVERBS for word in words)


# the subject right after the verb: a run of capitalised words (after one lowercase word at
# most), or one lowercase word, then adverbs at most
NAME_AFTER_VERB = re.compile(
    r"^\s+(?P<speaker>(?:[a-zæøåäö][\w-]*\s+)?[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+)*"
    r"|[a-zæøåäö][\w-]*)(?:\s+[a-zæøåäö]\w*){0,3}$"
)


# a subject after the verb, and whom it told ("sa han til NTB"), in at most this many words
_MOST_AFTER_VERB = 4


# table fields whose words, opening a sentence, are no one's name ("Då", "En dag", "Så")
_NO_NAME_FIELDS = ("determiners", "clause_openers", "leading_words", "not_speakers")


def fronted_adverbial(phrase: str, speaker: Speaker | None, language: str | None) -> bool:
    """Whether what stands before a reporting verb names no one: no speaker in it, a phrase
    that names no one, or a capitalised "name" that is a function word opening the sentence
    (``Då sa han``, ``En dag forteller Cathrine``)."""
    if speaker is None:
        return True
    if speaker.type == "pronoun":
        return False
    first = phrase.split()[0].lower() if phrase.split() else ""
    return not names_someone(speaker) or any(
        first in own_words(language, field) for field in _NO_NAME_FIELDS
    )


_NORDIC_FINITE = frozenset(NORDIC_FINITE.split("|"))
# the tables' bodies and people ("Police said", "Policía"): common words that are speakers
_BODY_WORDS = table_word_set("organisations") | table_word_set("person_nouns")


def subordinate_opening(phrase: str, language: str | None) -> bool:
    """Whether ``phrase`` is a fronted clause with a verb of its own: it opens with a subordinating
    word of the language (the table's ``clause_openers`` that are not its ``leading_words``:
    ``Når``, ``Som``, ``Dersom``) and holds a finite auxiliary (``Som ein del av stafetten skal
    elevane skrive …``). A verb-second language puts the main verb after it, then the subject;
    without such a verb the reporting verb is the clause's own (``Fordi eigarane hevda at``)."""
    words = [word.strip(",").lower() for word in phrase.split()]
    if not words or words[0] not in own_words(language, "clause_openers"):
        return False
    if words[0] in own_words(language, "leading_words"):
        return False
    return any(word in _NORDIC_FINITE for word in words[1:])


def subject_after_verb(
    phrase: str, after: str, names: Sequence[str], language: str | None
) -> Speaker | None:
    """The subject after the reporting verb when what stands before it names no one: a V2
    language's fronted adverbial, then the verb, then its subject (``Då sa han at``, ``En gang
    forteller Cathrine ham at``). A pronoun of the table's ``inverted_subjects`` or a capitalised
    name right after the verb; none in a language whose table lists no such pronouns, or when a
    name or pronoun stands before the verb."""
    before = phrase.split()
    pronouns = {word.lower() for word in own_words(language, "inverted_subjects")}
    if not pronouns or any(word[:1].isupper() for word in before[1:]):
        return None  # no verb-second order, or a name before the verb: the subject
    personal = pronouns.union(
        own_words(language, "pronouns"),
        own_words(language, "first_person"),
        own_words(language, "spoken"),
    )
    if any(word.lower() in personal for word in before):
        return None  # "Vi synes han svarte så bra at": the subject stands before the verb
    words = after.split()
    if not words or len(words) > _MOST_AFTER_VERB or "," in after:
        return None  # "understrekar dei perspektiva eg har gjeve ovanfor, …": no subject
    if words[0] in pronouns:
        if len(words) > 1 and words[0] in own_words(language, "determiners"):
            following = words[1].lower()
            if following not in own_words(language, "particles") + own_words(
                language, "name_connectors"
            ):
                return None  # "understrekar dei perspektiva": a determiner, not a subject
        return parse_speaker(words[0], names, language)
    if is_role_word(words[0]) or words[0].lower() in _BODY_WORDS:
        return parse_speaker(
            words[0], names, language
        )  # "Som et eksempel trekker utenriksministeren fram at"
    if (
        len(words) > 1
        and re.fullmatch(r"[a-zæøåäö]{3,}e", words[0])
        and words[0] not in own_words(language, "negations")
        and words[0] not in own_words(language, "not_speakers")
        and (is_role_word(words[1]) or ends_in_role(words[1]))
    ):
        # "I odelstingsdebatten uttalte dåverande kulturminister at": an adjective (its -e
        # form) before the role word
        return parse_speaker(" ".join(words[:2]), names, language)
    named = NAME_AFTER_VERB.match(after)
    if named is None or not named.group("speaker")[:1].isupper():
        return None
    return parse_speaker(named.group("speaker"), names, language)


def common_word_name(
    speaker: Speaker | None, sentence: str, names: Sequence[str], language: str | None
) -> bool:
    """Whether a one-word "name" is only the sentence's first word capitalised, in a language
    whose bodies and roles as subjects carry a suffixed article: an uninflected word of the
    language's dictionary (``Muligens``, ``Demokrati``, ``Hvis``, ``Begge``: its own
    lemma, so no definite noun such as ``Utvalget`` or ``Retten``), no role word, and not found
    as a name by the recogniser."""
    if language not in SCANDINAVIAN:
        return False  # elsewhere a bare noun names bodies ("Police said"), surnames are words
    if speaker is None or not speaker.name or " " in speaker.name or speaker.name in names:
        return False
    words = sentence.split()
    word = speaker.name
    if not words or words[0] != word or is_role_word(word) or word.lower() in _BODY_WORDS:
        return False
    return dictionary_lemma(word.lower(), language) == word.lower()


def after_fronted_clause(text: str, verb_start: int, language: str | None) -> bool:
    """Whether the reporting verb at ``verb_start`` follows a that-clause opening the sentence
    (the table's ``that``, then a comma before the verb: nn "At dette ikkje blir ein ordinær
    visitas, snarare ei meir uformell vitjing, synest kyrkja er positivt"): the clause is what
    is said, the subject stands after the verb (V2), not before it."""
    if language not in SCANDINAVIAN:
        return False
    words = text.split(maxsplit=1)
    return (
        bool(words) and words[0].lower() in own_words(language, "that") and "," in text[:verb_start]
    )


def joined_subject(phrase: str, speaker: Speaker | None) -> bool:
    """Whether the subject ``phrase`` before a reporting verb joins a person to someone before
    it by a coordinator ("Witoszek og medarrangør Shabana Rehman meinte at"): two speakers."""
    words = [word.lower() for word in phrase.split()]
    return (
        speaker is not None
        and speaker.type == "person"
        and any(word in COORDINATORS for word in words[1:-1])
    )


def subject_after_auxiliary(
    phrase: str, verb: str, names: Sequence[str], language: str | None
) -> Speaker | None:
    """``Af indenrigspolitiske årsager har Waigel flere gange understreget, at``, ``I går har
    statsministeren sagt at``: in verb-second order a fronted phrase, the finite auxiliary (the
    table's ``auxiliaries``), the subject and adverbs, then a participle of speech (the table's
    ``speech_participles``): the subject. The fronted phrase opens with one of the table's
    ``prepositions`` or is one word of the language's dictionary naming no one (``Tidligere``);
    the subject is a name (:data:`NAME_AFTER_VERB`), a pronoun of the table's
    ``inverted_subjects`` or a role or body word, lowercase adverbs at most after it. None
    otherwise (``Regeringen har i dag sagt at``: the subject stands first)."""
    if verb.lower() not in own_words(language, "speech_participles"):
        return None
    words = phrase.split()
    auxiliaries = own_words(language, "auxiliaries")
    at = next((i for i, word in enumerate(words) if i and word.lower() in auxiliaries), 0)
    rest = " ".join(words[at + 1 :])
    if not at or not rest or "," in rest:
        return None
    fronted = words[:at]
    first = fronted[0].lower()
    if first not in own_words(language, "prepositions") and not (
        len(fronted) == 1
        and dictionary_lemma(first, language) is not None
        and not is_role_word(first)
        and first not in _BODY_WORDS
    ):
        return None
    named = NAME_AFTER_VERB.match(f" {rest}")
    if named is None:
        return None
    subject = named.group("speaker")
    if subject[:1].islower() and not (
        subject.lower() in own_words(language, "inverted_subjects")
        or is_role_word(subject)
        or subject.lower() in _BODY_WORDS
    ):
        return None  # "I dag har ministeren …" reads a role; "i går", "flere gange": no one
    return parse_speaker(subject, names, language)


def opening_subject(before: str, names: Sequence[str], language: str | None) -> Speaker | None:
    """The subject a sentence opens with where a second verb of it reports (``Ho er lei for at
    …, og opplyser at``, ``Rektor ringte og fortalte at``): its first word when that is a
    singular subject pronoun of the table's ``pronouns`` or a role or body word, and a lowercase
    word (its verb) follows; None otherwise (``Etter møtet …, og sa at``: no subject opens it;
    ``De tok pistolen hans og krevde at``: a plural pronoun often stands for a group never
    named, which the last group named is not)."""
    words = re.split(r"(?<=[.!?])\s+", before.strip())[-1].split()
    if len(words) < 2 or not words[1][:1].islower():
        return None
    first = words[0]
    if first.lower() in own_words(language, "plural_pronouns"):
        return None
    if first.lower() in own_words(language, "pronouns"):
        return Speaker(None, None, "pronoun")
    if first[:1].isupper() and (is_role_word(first) or first.lower() in _BODY_WORDS):
        return parse_speaker(first, names, language)
    return None
