"""The patterns quotes are found with: quotation marks, the speech dash, reporting verbs before and
after a quote, reported speech with a that-clause, unmarked "…, sier X." sentences.

Built once from the shared vocabulary (:mod:`newsloom.extract.quote_words`) and the per-language
tables (``extract/languages/*.toml``); used by :mod:`newsloom.extract.quotes` (spans and
speakers) and :mod:`newsloom.extract.quote_runs` (quotes continued over paragraphs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsloom.extract.letter_skip import skipping_words
from newsloom.extract.nordic_clauses import DETERMINER_PHRASE, SPLIT_VERBS
from newsloom.extract.quote_words import (
    ABBREVIATION,
    AFTER_QUOTE_WORDS,
    AUXILIARIES,
    MIDDLE_INITIAL,
    REPORTING_VERBS,
    SPEAKER_BEFORE_VERB,
    THAT_WORDS,
)
from newsloom.extract.resources import (
    SCANDINAVIAN,
    first_letter_alternation,
    own_words,
    table_word_set,
    table_words,
    words_pattern,
)
from newsloom.process_cache import compile_pattern

# the built-in verbs as a trie of their letters (the same matches as their alternation sorted
# longest first, without trying some 150 words one after the other at every word), then the
# tables' ``verbs`` with all their forms: both tries filed under their first letters, so that a
# word no verb starts with is turned down by one test per letter, not two
_VERB_LISTS: list[tuple[Iterable[str], bool, str]] = [
    (set(REPORTING_VERBS.split("|")) - {"according to", "uttalelse"}, True, ""),
    (table_words("verbs"), False, r"(?!\w)"),
]
VERBS = first_letter_alternation(_VERB_LISTS)
# after a quote also the verbs of how it was said (the tables' ``manner_verbs``: "– Det gikk bra,
# smiler Holm."), which name a speaker there but open no reported speech ("Holm smiler at …")
AFTER_VERBS = first_letter_alternation(
    [*_VERB_LISTS, (table_words("manner_verbs"), False, r"(?!\w)")]
)
AUXILIARY_WORD = compile_pattern(AUXILIARIES, re.IGNORECASE)
RELATIVE_PRONOUNS = table_word_set("relative_pronouns")
NAME_BEFORE_APPOSITION = compile_pattern(
    r"(?P<name>[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+)+)\s*,\s*$"
)
THAT = rf"(?:at(?!\s+least)(?!\w)|{THAT_WORDS})"
PAIRS = (("«", "»"), ("»", "«"), ("„", "“"), ("„", "”"), ("“", "”"), ('"', '"'), ("”", "”"))
MARKS = compile_pattern(
    "|".join(
        rf"{re.escape(o)}(?P<q{i}>[^{re.escape(o + c)}\n]{{2,}}?){re.escape(c)}"
        for i, (o, c) in enumerate(PAIRS)
    )
)
# Characters before and after a quote searched for its speaker: the work per quote stays bounded,
# so extraction is linear in the paragraph's length (issue 20); real paragraphs are shorter.
CONTEXT_WINDOW = 2000
BEFORE_TAIL = 300  # "Statsminister Jonas Gahr Støre sa i går:" fits many times over


def tail(text: str, size: int) -> str:
    """The last ``size`` characters of ``text``, starting at a word."""
    if len(text) <= size:
        return text
    tail = text[-size:]
    return tail[tail.find(" ") + 1 :] if " " in tail else tail


# he and she in the languages whose sentences may open with them after a quote
SINGULAR_THIRD_PERSON = "han|hun|ho|hon|he|she"
# a sentence whose subject is a he or she ("Hun tror Obama …")
SINGULAR_PRONOUN_OPENING = compile_pattern(rf"^\W*(?:{SINGULAR_THIRD_PERSON})\b", re.IGNORECASE)
DASH_OPENING = compile_pattern(r"^\s*(?:[-–—]\s+|—(?=[^\W\d_]))")  # Spanish "—No vamos …"
# an adverb between an auxiliary and its participle: "a récemment déclaré", "ha anche detto"
AUXILIARY_ADVERB = (
    r"(?:[a-zàâçéèêëîïôûùìò]{3,}(?:ment|mente)\s+|"
    rf"{words_pattern(sorted(w for w in table_words('adverbs') if ' ' not in w))}\s+)?"
)
# (a dot before a web address's lowercase ending is inside a word: "explica a ELMUNDO.es
# Robert Springborg"; not "Buffet.Diez", two sentences glued)
AFTER = compile_pattern(
    rf"^[\s,.:;!?]*[-–—]?\s*(?:{AUXILIARIES}\s+{AUXILIARY_ADVERB})?(?P<verb>{AFTER_VERBS})\s+(?P<speaker>(?:{ABBREVIATION}[^,.;:!?«»\"“”„]|:(?=s\b)|(?<=[^\W\d_])\.(?=(?-i:[a-zñ]{{2,4}})(?![\w'’-]))|{MIDDLE_INITIAL})+"
    # the role's holder set off by commas: "…», sagte der Präsident des Verbandes, Holger
    # Bingmann, zu den Zahlen", "teilte der Generalsekretär der PLO, Saeb Erekat, mit"
    r"(?:,\s+(?-i:[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+)+)(?=\s*,)"
    r"|,\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+)*(?=\s*[.!?]?\s*$))?)",
    re.IGNORECASE,
)
# "», a-t-il déclaré", "», affirme-t-elle", "», ont-ils affirmé": the verb or its auxiliary with
# the pronoun subject joined by hyphens
AFTER_PRONOUN = compile_pattern(
    rf"^[\s,.:;!?]*[-–—]?\s*(?:[\w]+-t-|(?:{VERBS}|{AUXILIARIES})-(?:t-)?)"
    r"(?P<speaker>il|elle|ils|elles)(?!\w)",
    re.IGNORECASE,
)
# the verb alone, then the paragraph's end, the sentence's end ("…», ha advertido. Pero …") or a
# comma and a lowercase clause ("…», ha concluido, pidiendo además …"): no subject after it; a
# dash may stand before it (Polish "„…” – podkreślił.")
AFTER_NO_SUBJECT = compile_pattern(
    rf"^[\s,]*(?:[-–—]\s*)?(?:(?P<auxiliary>{AUXILIARIES})\s+)?(?P<verb>{VERBS})\s*(?:[.!?]?\s*$|[.!?](?=\s)|(?=,\s+(?-i:[a-zà-ÿ])))",
    re.IGNORECASE,
)
# "», selon le ministre.", "”, secondo il portavoce", "“, aldus de minister", "«, so der Sprecher"
# (not after a sentence end: "». D'après le JDD, …" opens the next sentence)
AFTER_ACCORDING = compile_pattern(
    rf"^[\s,:;]*[-–—]?\s*(?:{AFTER_QUOTE_WORDS})\s+(?P<speaker>[^,.;:!?«»\"“”„()]+)",
    re.IGNORECASE,
)
# Particle verbs with the subject between verb and particle, as V2 word order puts it after a
# quote ("», held Kristin Clemet fram", "…, slår Fly debattviljug fast.", "…, legg han til."): the
# two-word reporting verbs of the tables whose second word is a particle (the tables' particles).
PARTICLES = table_word_set("particles")
PARTICLE_VERBS = frozenset(
    (words[0].lower(), words[1].lower())
    for verb in {*REPORTING_VERBS.split("|"), *table_words("verbs")}
    if len(words := verb.split()) == 2 and words[1].lower() in PARTICLES
)
_SPLIT_VERB = (
    rf"(?P<verb>{words_pattern(sorted({first for first, _ in PARTICLE_VERBS}))})\s+"
    r"(?P<speaker>(?:[\w.'’-]+\s+){0,5}?)"
    rf"(?P<particle>{words_pattern(sorted(PARTICLES))})(?![\w'’-])"
)
SPLIT_AFTER = compile_pattern(rf"^[\s,.:;!?]*[-–—]?\s*{_SPLIT_VERB}", re.IGNORECASE)
# the words of an unmarked statement: no quotation marks but a short stretch in marks (scare
# quotes: "Vestens «rådgivere» styrer")
UNMARKED_CONTENT = r"(?P<content>(?:[^«»\"“”„]|[«\"“„][^«»\"“”„]{1,60}[»\"”“]){8,}?)"
SPLIT_UNMARKED = compile_pattern(
    rf"^{UNMARKED_CONTENT}\s*[\"”»]?\s*,\s*{_SPLIT_VERB}"
    r"(?:\s+(?:og|and|och|und)\s+[^.;:!?«»\"“”„]+)?\s*[.!?]?\s*$",
    re.IGNORECASE,
)


_PARTICLE_AT_END = compile_pattern(
    rf"(?<![\w'’-]){words_pattern(sorted(PARTICLES))}(?![\w'’-])[^.;:!?]{{0,80}}[.!?]?\s*$",
    re.IGNORECASE,
)


# SPLIT_UNMARKED's comma and particle verb: a cheap test (a search from comma to comma) before it
_SPLIT_CLAUSE = compile_pattern(
    rf",\s*{words_pattern(sorted({first for first, _ in PARTICLE_VERBS}))}\s", re.IGNORECASE
)


def split_attribution(text: str) -> tuple[re.Match[str], str] | None:
    """A statement closed by a particle verb holding its subject (``…, slår X fast.``) and that
    subject, after the cheap tests that a comma and the verb's first word come before a particle
    that ends the text's last clause."""
    if _SPLIT_CLAUSE.search(text) is None or _PARTICLE_AT_END.search(text[-120:]) is None:
        return None
    split = SPLIT_UNMARKED.match(text)
    if split is None or (subject := split_speaker(split)) is None:
        return None
    return split, subject


def split_speaker(match: re.Match[str]) -> str | None:
    """The subject a particle verb holds (``held Fly engasjert fram`` → ``Fly``), or None when
    the verb and particle are no pair of the tables."""
    pair = (match.group("verb").lower(), match.group("particle").lower())
    words = match.group("speaker").split()
    if pair not in PARTICLE_VERBS or not words:
        return None
    if words[0][:1].isupper():
        while len(words) > 1 and words[-1][:1].islower():
            words.pop()  # adverbs after the subject: "Fly debattviljug"
    return " ".join(words)


AFTER_SUBJECT_FIRST = compile_pattern(
    rf"^[\s,]*(?P<speaker>(?:[\w'’-]++\s++){{0,7}}?[\w'’-]++)\s+(?P<verb>{VERBS})\b", re.IGNORECASE
)
# (words taken whole, as in SPEAKER_BEFORE_VERB: a part of one is followed by no blank or end)
BEFORE = compile_pattern(
    rf"(?<![\w'’-])(?P<speaker>(?:[\w'’-]++\s++){{0,5}}?[\w'’-]++)\s+(?:{AUXILIARIES}\s+)?(?P<verb>{VERBS})"
    r"(?:\s+[\w-]++){0,3}?\s*[:,]?\s*$",
    re.IGNORECASE,
)
# The characters BEFORE can match before its closing ``[:,]``: a match lies after the last other one
_VERB_WORDS = [*REPORTING_VERBS.split("|"), *table_words("verbs"), *table_words("auxiliaries")]
_VERB_CHARACTERS = set("".join(_VERB_WORDS))  # each character tested once, not once a word
_VERB_EXTRA = "".join(sorted(c for c in _VERB_CHARACTERS if not re.match(r"[\w'’\s*-]", c)))
_NOT_IN_BEFORE = compile_pattern(rf"[^\w'’\s{re.escape(_VERB_EXTRA)}-]")


def before_region(text: str) -> str:
    """The end of ``text`` that a match of :data:`BEFORE` can lie in (a cheap cut, same match)."""
    body = text.rstrip()
    if body.endswith((":", ",")):
        body = body[:-1]
    start = 0
    for other in _NOT_IN_BEFORE.finditer(body):
        start = other.end()
    return text[start:]


SUBJECT_VERB = compile_pattern(
    rf"(?<![\w:'’-])(?P<speaker>(?:[\w:'’-]++\s++){{0,7}}?[\w:'’-]++)\s+(?:{AUXILIARIES}\s+)?(?P<verb>{VERBS})\b",
    re.IGNORECASE,
)
# SUBJECT_VERB needs a reporting verb after a space: a cheap test before it
VERB_AFTER_SPACE = compile_pattern(rf"\s(?:{AUXILIARIES}\s+)?(?:{VERBS})\b", re.IGNORECASE)
INVERTED_SUBJECT = compile_pattern(r"\s[a-zæøåäö]\w*\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+")
# "Dodał, że …": a sentence opened by a reporting verb, then a comma and "that" (Polish sets
# every that-clause off by a comma): the subject left out
VERB_FIRST_THAT = compile_pattern(
    rf"^(?P<verb>{VERBS}),\s+{THAT}\s*(?P<content>\S.+)$",
    re.IGNORECASE,
)
# the conjunctions by which an attribution's subject does a second verb ("seier Øgar og viser til
# at …", "seier Sp-politikaren, og understrekar at …"): the tables' ``verb_conjunctions``
VERB_CONJUNCTIONS = "|".join(table_words("verb_conjunctions"))
_INVERTED_SPEAKER = r"[^,.;:!?«»\"“”„]+?"
_INVERTED_END = rf"\s*,?\s+{THAT}\s*(?P<content>\S.+)$"
# "Da protesterne voksede, sagde regeringen sent onsdag, at …" (verb before its subject)
INVERTED_REPORTED = compile_pattern(
    rf"(?:^|,\s*)(?P<verb>{VERBS})\s+(?P<speaker>{_INVERTED_SPEAKER}){_INVERTED_END}",
    re.IGNORECASE,
)
# the same in a Scandinavian verb-second clause, whose subject may go on to a second verb after a
# comma ("…, seier Sp-politikaren, og understrekar at …"); not in Spanish, where what follows
# the verb is its object ("Sultan, anunció el lunes los resultados …, y confirmó que")
NORDIC_INVERTED_REPORTED = compile_pattern(
    rf"(?:^|,\s*)(?P<verb>{VERBS})\s+(?P<speaker>{_INVERTED_SPEAKER}"
    rf"(?:,\s+(?:{VERB_CONJUNCTIONS})\s+(?:{AUXILIARIES}\s+)?(?:{VERBS})(?!\w)[^,.;:!?«»\"“”„]*?)?)"
    rf"{_INVERTED_END}",
    re.IGNORECASE,
)


def inverted_reported(language: str | None) -> re.Pattern[str]:
    """The pattern of a reporting verb before its subject, for ``language``."""
    return NORDIC_INVERTED_REPORTED if language in SCANDINAVIAN else INVERTED_REPORTED


# A Scandinavian clause after the verb without "at": a pronoun and a finite verb ("Bjurstrøm
# meiner det er «frastøtende» at …", "Han sier han er lei")
# Danish and Norwegian finite auxiliaries: what a clause's subject is followed by
NORDIC_FINITE = (
    "er|var|blir|ble|vart|vert|har|hadde|havde|vil|ville|skal|skulle|kan|kunne|må|måtte|bør|burde"
)
CLAUSE_WITHOUT_THAT = (
    r"(?:det|dét|han|hun|ho|de|dei|vi|eg|jeg|jag|den|dette|hon)\s+"
    rf"(?:{NORDIC_FINITE}|är|blev|hade|ikke|ikkje|inte)\b"
)
# Verbs of opinion after which Danish and Norwegian leave "at" out before any subject, and that
# subject: a name or a noun in its definite form (also feminine and plural "-a": "meinte avisa
# hadde", "mener barnebarna ikke har"), a genitive and its noun ("mener opprørernes plan var"),
# a determiner, an adjective and a noun (DETERMINER_PHRASE), with a finite verb within three
# words ("Hove mener Sydneshaugen har bedre standard", "Dei meiner kravet frå Ban Ki-moon er
# retta til …") (the ``opinion_verbs`` of the language tables)
OPINION_VERBS = table_words("opinion_verbs")
_OPINION_ADVERB = r"(?:\s+(?:også|òg|likevel|derfor|fortsatt|framleis|fremdeles|nok))?"
SUBJECT_CLAUSE = (
    r"(?-i:[A-ZÆØÅÄÖ][\w-]+|[a-zæøåäö]{3,}(?:en|et|ene|ane|inga|ingen|a)"
    r"|[a-zæøåäö]{3,}(?:ens|ets|nes)\s+[a-zæøåäö]{3,}"
    rf"|{DETERMINER_PHRASE}"
    r"|(?:somme|desse|disse|alle|mange|nokre|noen|begge)\s+[\w-]+)"
    r"(?:\s+(?!(?:at|att|og|men|som)\b)[\w-]+){0,3}?\s+"
    # the finite verb in lowercase: a name ending so ("Angelika Ridder at") is no verb
    rf"(?-i:(?:{NORDIC_FINITE}|[a-zæøå]{{2,}}(?:er|ar|te|de)))\b"
)
_AFTER_OPINION = "|".join(
    f"(?<={verb})" for verb in sorted(set(OPINION_VERBS), key=lambda verb: (-len(verb), verb))
)
# An indirect question as reported speech: a question word right after any reporting verb opens
# it and stays in it ("understreka også kor viktig nærleiken … er", "forklarer hvordan …"); after
# a verb of asking (the tables' ``question_verbs``: "spør", "lurer på") also "om" (whether), with
# up to three words (an object) between them ("spør barnevernet om de visste …")
QUESTION_WORDS = words_pattern(table_words("question_words"))
_AFTER_QUESTION = "|".join(
    f"(?<={re.escape(verb)})"
    for verb in sorted(set(table_words("question_verbs")), key=lambda verb: (-len(verb), verb))
)
INDIRECT_QUESTION = (
    rf"|(?=\s+(?:{QUESTION_WORDS})\s)"
    rf"|(?:{_AFTER_QUESTION})(?:\s+[\w-]+){{0,3}}?\s+om(?=(?:\s+[\w-]+){{3}})"
)
# A clause set off by a comma whose verb is in a reported mood (the tables' ``reported_forms``,
# German Konjunktiv I): "X sagte, die Lage sei unter Kontrolle" leaves "dass" out
_REPORTED_FORMS = sorted(set(table_words("reported_forms")))
SUBJUNCTIVE_CLAUSE = (
    rf",(?=\s+(?:[\w'’-]+\s+){{0,6}}?(?:{words_pattern(_REPORTED_FORMS)})(?![\w'’-]))"
    if _REPORTED_FORMS
    else r"(?!)"
)


# After "said", a clause without "that" opened by a name, a plural or a word of quantity, then
# up to two more words and a finite verb ("said protesters were not afraid", "said officials
# have inspected", "said North was no longer bound", "said several weapons were found"); not a
# day or a month ("said Tuesday it would" is read with the day), a preposition or a question
# word ("unable to say what eventually would happen"), nor a singular bare noun, as headlines
# write ("…, says rebound could take years"); no relative clause or conjunction on an inverted
# speaker ("…, said Smith who was …") and no comma between (", said John Smith, who has …")
# (the English table's ``finite_auxiliaries``, ``not_subjects_after_said``,
# ``quantity_subjects`` and ``said_subject_enders``, as written: the order of the alternatives
# is kept)
_ENGLISH_FINITE = "|".join(own_words("en", "finite_auxiliaries"))
_NOT_A_SUBJECT = "|".join(own_words("en", "not_subjects_after_said"))
_QUANTITY = "|".join(own_words("en", "quantity_subjects"))
_SUBJECT_ENDERS = "|".join(own_words("en", "said_subject_enders"))
_ENGLISH_SUBJECT = (
    rf"\s+(?!(?:{_NOT_A_SUBJECT})\b)"
    rf"(?:(?-i:[A-Z])[\w'’-]*|(?-i:[a-z])[\w'’-]*s|(?:{_QUANTITY})(?![\w'’-]))"
    rf"(?:\s+(?!(?:{_SUBJECT_ENDERS})\b)[\w'’-]+){{0,2}}?"
    rf"\s+(?-i:{_ENGLISH_FINITE})\b"
)

# such a clause after "said", for a sentence VERB_THEN_CLAUSE lets pass without one:
# (?<![\w'’-])(?:said|says|say), written so that a search skips to its "s" (a blank follows)
ENGLISH_THATLESS = compile_pattern(
    skipping_words(("said", "says", "say"), r"[\w'’-]") + _ENGLISH_SUBJECT, re.IGNORECASE
)


# A cheap test before the costly patterns: a reporting verb followed by a that-clause (and the
# same without the split verbs, for a text :data:`SPLIT_VERB_HINT` says holds none).
def _verb_then_clause(split_verbs: str) -> re.Pattern[str]:
    return compile_pattern(
        rf"(?<!\w)(?:{VERBS}{split_verbs})\b(?:[^.;!?]|\.(?=\w)){{0,80}}?\b(?:{THAT}|the|it|he|she|they|we|{CLAUSE_WITHOUT_THAT}"
        rf"|{SUBJECT_CLAUSE}|om\s|(?:{QUESTION_WORDS})\s)",
        re.IGNORECASE,
    )


VERB_THEN_CLAUSE = _verb_then_clause(f"|{SPLIT_VERBS}")
VERB_THEN_CLAUSE_UNSPLIT = _verb_then_clause("")


# a phrase set off by two commas between the verb and "that", opened by an "according to" word,
# a preposition of a phrase, an adverb or a relative pronoun of the tables: "dijo, según la
# agencia Reuters, que", "a affirmé, selon l'AFP, que", "said, however, that", "spådde Hubbert,
# som var sjefsgeolog, at" (not German "sagte, die USA seien zuversichtlich, dass")
_SET_OFF_OPENERS = {
    word.lower()
    for field in ("according_to", "phrase_prepositions", "adverbs", "relative_pronouns")
    for word in table_words(field)
} - {word.lower() for word in table_words("that")}
_SET_OFF = (
    rf"(?:\s*,\s+{words_pattern(sorted(_SET_OFF_OPENERS))}"
    r"(?:\s+[^\s,;.!?«»\"“”„]+){0,5}?\s*,(?=\s))?"
)


def reported_pattern(
    questions: str, adjuncts: str = "", split_verbs: str = f"|{SPLIT_VERBS}"
) -> str:
    """The reported-speech pattern: a speaker, a reporting verb and its clause (``questions``: the
    indirect-question alternatives, or none; ``adjuncts``: more ways into a clause without
    "that", see :func:`~newsloom.extract.reported_edges.reported_after_adjunct`;
    ``split_verbs``: the split verbs' alternative, or none)."""
    return SPEAKER_BEFORE_VERB + reported_tail(questions, adjuncts, split_verbs)


def reported_tail(questions: str, adjuncts: str = "", split_verbs: str = f"|{SPLIT_VERBS}") -> str:
    """:func:`reported_pattern` after its speaker: the verb, its clause and the content."""
    return (
        rf"(?:{AUXILIARIES}\s+|had\s+|havde\s+|hadde\s+)?"
        # (an elided article in what stands between, not an English contraction: "a indiqué à
        # l'AFP que", "ha detto all'Ansa che")
        rf"(?P<verb>{VERBS}{split_verbs})(?P<adverbs>(?:\s+(?:[^\W\d_]{{1,4}}['’](?=[^\W\d_]{{3}}))?[\w.:-]++){{0,7}}?)(?:{_SET_OFF}\s*,?\s+{THAT}"
        rf"|\s*{SUBJUNCTIVE_CLAUSE}"
        r"|(?:(?<=said|says)|(?<=say))"
        r"(?=\s+(?:the|a|an|it|he|she|they|we|his|her|its|their|there|this)\b"
        rf"|{_ENGLISH_SUBJECT})"
        rf"|(?<=\w)(?=\s+{CLAUSE_WITHOUT_THAT})"
        rf"|(?:{_AFTER_OPINION}){_OPINION_ADVERB}(?=\s+{SUBJECT_CLAUSE}){questions}{adjuncts})"
        r"\s*(?P<content>\S.+)$"
    )


REPORTED = compile_pattern(reported_pattern(INDIRECT_QUESTION), re.IGNORECASE)
REPORTED_UNSPLIT = compile_pattern(
    reported_pattern(INDIRECT_QUESTION, split_verbs=""), re.IGNORECASE
)
# REPORTED after its speaker, behind the blank that ends the speaker: a cheap test before it (a
# text where it matches nowhere holds no match of REPORTED, whose search tries the verbs after
# each of up to eight words at every word start)
REPORTED_TAIL = compile_pattern(rf"(?<=\s){reported_tail(INDIRECT_QUESTION)}", re.IGNORECASE)
REPORTED_TAIL_UNSPLIT = compile_pattern(
    rf"(?<=\s){reported_tail(INDIRECT_QUESTION, split_verbs='')}", re.IGNORECASE
)
# REPORTED without the indirect questions: where one is turned down, a that-clause may still be
REPORTED_PLAIN = compile_pattern(reported_pattern(""), re.IGNORECASE)
# A second reporting verb coordinated with the first ("… bekreftar at A, men seier i same
# andedraget at B", "… understrekar at A, men meiner også B"): B is a statement of its own.
SECOND_CLAUSE = compile_pattern(
    rf",?\s+(?:men|og|but|and|mais|et|pero|y|aber|und)\s+(?:{AUXILIARIES}\s+)?(?:{VERBS})"
    rf"(?:(?:\s+[\w:-]+){{0,5}}?\s+{THAT}|(?:{_AFTER_OPINION}){_OPINION_ADVERB}(?=\s+{SUBJECT_CLAUSE}))"
    r"\s*(?P<content>\S.+)$",
    re.IGNORECASE,
)
# Finite verbs a predicate opens with after a fronted phrase (V2: "I praksis, seier X, er det …")
_FINITE = (
    rf"(?:{NORDIC_FINITE}|blev|är|hade|is|was|are|were|has|had|will|would|can|could|must|should)"
)
# An attribution set off by commas inside or before the statement: "I praksis, seier utvalet, er
# det …", "Som Korslund skriv (Dag og Tid), er det …", "The plan, as Holm said, is …"
PARENTHETICAL = compile_pattern(
    r"^(?:(?P<before>[^,;:«»\"“”„]{2,60}?)\s*,\s*)?"
    rf"(?:(?:som|slik|as|wie|comme|como|come)\s+(?P<subject>[^,.;:!?«»\"“”„]+?)\s+(?P<verb>{VERBS})"
    rf"|(?P<inverted>{VERBS})\s+(?P<speaker>[^,.;:!?«»\"“”„]+?)"
    rf"|(?P<named>[^,.;:!?«»\"“”„]+?)\s+(?:{VERBS}))"
    rf"\s*(?:\([^()]*\))?\s*,\s*(?:{THAT}\s+(?P<clause>\S.{{8,}})|(?P<predicate>{_FINITE}\s.{{6,}}))$",
    re.IGNORECASE,
)
# the cheap test before PARENTHETICAL: a comma, then a finite verb or "that"
PARENTHETICAL_HINT = compile_pattern(rf",\s*(?:{THAT}\s|{_FINITE}\s)", re.IGNORECASE)
# "Holm, 52, said she would …": an age in apposition, blanked out before matching
AGE_APPOSITION = compile_pattern(r",\s*\d{1,3}\s*,")
TRAILING_CLAUSE = compile_pattern(
    rf"(?:[,.!?]|\s[—–])\s*(?:{AUXILIARIES}\s+)?(?P<verb>{AFTER_VERBS})\s+"
    # a dot between letters is inside a word ("sier Gaarde til aftenbladet.no.")
    rf"(?P<speaker>(?:{ABBREVIATION}[^.;:!?«»\"“”„—–]|(?<=[^\W\d_])\.(?=[^\W\d_])|{MIDDLE_INITIAL})+)",
    re.IGNORECASE,
)
SENTENCE_ADVERBS = frozenset(
    [
        "samtidig",
        "derfor",
        "nu",
        "nå",
        "tidligere",
        "også",
        "desuden",
        "dessuten",
        "endvidere",
        "videre",
        "i",
        "dag",
        "onsdag",
        "torsdag",
        "fredag",
        "lørdag",
        "søndag",
        "mandag",
        "tirsdag",
        "meanwhile",
        "however",
        "also",
        "later",
        "earlier",
        "samtidigt",
        "därför",
        "också",
        "nu",
        "idag",
        "senere",
        "siden",
        *("særleg", "særlig", "især", "särskilt", "særskilt", "no", "likevel", "imidlertid"),
        *("riktignok", "dessutan", "òg"),
        *("difor", "derimot", "altså", "dermed", "allikevel", "ellers", "heller"),
        *table_words("adverbs"),
    ]
)
MIN_DIRECT_WORDS = 2
