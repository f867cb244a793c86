"""Where a speaker phrase starts and ends: a poll's share of a group, a place or manner phrase
before or after the speaker, a reporting verb or a gerund glued to it, a form of "be" (read by
:func:`newsloom.extract.speakers.parse_speaker`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from newsloom.extract.quote_words import AUXILIARIES, DETERMINERS
from newsloom.extract.resources import table_word_set, table_words
from newsloom.extract.role_words import MIN_FULL_NAME, ORGANISATION, ROLE, is_role_word
from newsloom.extract.told import told_before_subject

DETERMINER_WORD = re.compile(DETERMINERS, re.IGNORECASE)

# a share of a group, as a poll reports it: "49 per cent of women", "Trente-sept pour cent des"
SHARE_OF_PEOPLE = re.compile(
    r"^\S+(?:\s\S+)?\s*(?:%|pour\s+cent|per\s*cent|por\s+ciento|prozent|procent|prosent"
    r"|per\s+cento|por\s+cento)(?!\w)",
    re.IGNORECASE,
)


# Reporting verbs in any table, as single words: one glued to a speaker ends it ("Saleh dijo ayer")
VERB_FORMS = frozenset(
    word.lower() for word in table_words("verbs") if " " not in word and len(word) >= 3
)
# "dijo el líder libio en Sebha", "afirmó Belhaj en unas declaraciones": a Romance "en" (or
# "con", "dans", …: the tables' ``place_prepositions``) phrase after the speaker says where or
# how, before a determiner or a name; the Nordic article "en" opens a phrase ("sagde en
# talsmand") and is followed by a noun.
_PLACE_PREPOSITIONS = "|".join(map(re.escape, table_words("place_prepositions"))) or "(?!)"
PLACE_PHRASE = re.compile(
    rf"(?<=\w)\s+(?:{_PLACE_PREPOSITIONS})\s+"
    r"(?=(?:un|una|unos|unas|une|el|la|los|las|le|les|des|du|del|su|sus|son|sa|ses)\s|l['’]"
    r"|[A-ZÆØÅÄÖÜÉ]).*$"
)

# "ha declarado en un discurso ante militares", "dijo en un comunicado el ministro": the same
# phrase right after the verb, then the subject (an article or a name after a word that is no
# preposition) or none (the subject left out: the last one named)
_LEADING_PLACE_PHRASE = re.compile(
    # (capitalised too, opening the sentence: "En su cuenta de Twitter escribió:")
    rf"^(?i:{_PLACE_PREPOSITIONS})\s+"
    r"(?:un|una|unos|unas|une|el|la|los|las|le|les|su|sus|son|sa|ses)\s+\S+"
)
# the tables' ``linking_prepositions``: an article or a capital after one is inside the phrase
_PREPOSITIONS = table_word_set("linking_prepositions")


# the tables' ``phrase_prepositions`` (es "con", "por", "desde"): a phrase one opens before a
# lowercase word, with or without an article ("por su parte", "con gran peso en", "en
# declaraciones a"), says how, where or when; it is no subject. A passive's agent (the tables'
# ``agent_prepositions`` and an article: "anunciada por la televisión estatal") is the source.
# (Not a word that is an article in another table's language: Spanish "en" is Nordic "a".)
_ARTICLES = r"(?:un|una|unos|unas|el|la|los|las|lo|su|sus)"
_PHRASE_PREPOSITIONS = table_word_set("phrase_prepositions") - table_word_set("determiners")
_PHRASE_OPENING = re.compile(
    r"^(?!(?i:"
    + "|".join(sorted(map(re.escape, table_word_set("agent_prepositions")), key=len, reverse=True))
    + r")\s+(?:un|una|unos|unas|el|la|los|las)\s)(?i:"
    + "|".join(sorted(map(re.escape, _PHRASE_PREPOSITIONS), key=len, reverse=True))
    + rf")\s+(?:{_ARTICLES}\s+)?[^\W\d_A-ZÆØÅÄÖÜÉ][\w'’-]*"
)


def after_leading_place(phrase: str) -> str | None:
    """What follows a place or manner phrase opening ``phrase`` (``en un comunicado el ministro
    de Exteriores`` → ``el ministro de Exteriores``): a name right after the phrase's noun, else
    from the first article or capital after a word that is no preposition or article (so not
    ``con la BBC``, ``de Twitter``); "" where there is none; None where no such phrase opens
    it."""
    opening = _LEADING_PLACE_PHRASE.match(phrase) or _PHRASE_OPENING.match(phrase)
    if opening is None:
        return None
    words = phrase[opening.end() :].split()
    if words and words[0][:1].isupper():
        return " ".join(words)  # "en un comunicado Ahmed Ali"
    for at, word in enumerate(words):
        before = words[at - 1] if at else ""
        if (
            word.islower()
            and DETERMINER_WORD.fullmatch(word)
            and word not in _PREPOSITIONS
            and before.lower() not in _PREPOSITIONS
            and not DETERMINER_WORD.fullmatch(before)
        ):
            return " ".join(words[at:])
        if (
            word[:1].isupper()
            and before.isalpha()
            and before.islower()
            and not DETERMINER_WORD.fullmatch(before)
            and not any(earlier in _PREPOSITIONS or earlier in CONNECTORS for earlier in words[:at])
        ):
            # "En una entrevista reciente Samir Amin"; not "en una entrevista de la cadena
            # pública ARD" (the name of what the phrase's noun is of)
            return " ".join(words[at:])
    return ""


# finite forms of "be" (the tables' ``copulas``): no speaker phrase holds one
COPULAS = table_word_set("copulas")

# "dijo el libio hablando de la OTAN": a Spanish or Portuguese gerund says what the speaker did
GERUND = re.compile(r"(?<=\w)\s+[a-záéíóúñ]{2,}(?:ando|iendo|endo|indo)(?!\w).*$")


def before_verb(phrase: str) -> str:
    """The speaker phrase up to a reporting verb glued to it (``Saleh dijo ayer`` → ``Saleh``)."""
    words = phrase.split(" ")
    for at, word in enumerate(words[1:], start=1):
        if (
            word.islower()
            and word.strip(",.;:") in VERB_FORMS
            and not DETERMINER_WORD.fullmatch(words[at - 1])  # "the report": a noun
        ):
            return " ".join(words[:at])
    return phrase


# (Nordic "i", in, opens a place phrase; Italian "i" opening the phrase before a plural noun is
# its article: "scandivano i manifestanti")
SPEAKER_STOP = re.compile(
    r"\s*\(\d+\).*$|,\s*(?:som|who|which|der|que|da|when|efter|after)\b.*$|\s(?:som|who|which|ifølge|ifølgje|enligt|according|según|til|till|to|i(?!(?<=^\si)\s+(?-i:[a-zà-ù]+i)\b)|in|på|on|om|at|att|that|que|og|and|y"
    r"|och|(?-i:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tisdag|lördag|söndag)"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?!\s+[A-Z])|tidligere|tidigare|earlier|also"
    r"|også|mens|while|efter|etter|after|under|ved|med|with|til|fra|from|onsdags|torsdags"
    r"|videre|vidare|dog|however|dock|derfor|nu|now|then|så|da|when|sent|late|tidligt|early"
    r"|che|dat|dass|selon|secondo|laut|volgens|segundo|lors|durante|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche|lundi|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
    r"|am|auf|über|bei|im|zum|zur|gegenüber|sur|dans|lors|nel|nella|sul|sulla|tijdens|bij|op"
    r"|à|au|aux"  # "a déclaré Kurz à notre rédaction": whom he told
    # "sagte Krings und forderte", "sagte er zu der Presseagentur" (not "Karl-Theodor zu
    # Guttenberg"): a second verb of the speaker, the one told
    r"|und(?=\s+(?-i:[a-zäöüß])|\s*$)|zu(?=\s+(?-i:der|dem|den|einer|einem|[a-zäöüß])))\b.*$",
    re.IGNORECASE,
)


# capitalised words, then the lowercase noun they stand before ("Ministry spokesman")
_CAPITALISED_THEN_NOUN = re.compile(
    r"(?:[A-ZÆØÅÄÖÜÉ][\w'’.-]*\s+)*[A-ZÆØÅÄÖÜÉ][\w'’.-]*\s+(?P<noun>[a-zæøåäöüé][\w-]*)\s*$"
)


def without_medium(text: str) -> str:
    """``text`` without the medium told before the speaker
    (:func:`~newsloom.extract.told.told_before_subject`: "a Efe el portavoz"), but whole where
    the capitalised words run on into a role noun that ends it: "a"
    is then the English article and the words the body the role belongs to ("a Foreign Ministry
    spokesman", "a White House official"), no medium told (not "a Europa Press fuentes
    diplomáticas": Spanish puts its adjectives after the noun)."""
    told = told_before_subject(text)
    if told is None:
        return text
    after_preposition = text.split(maxsplit=1)[-1]
    body = _CAPITALISED_THEN_NOUN.match(after_preposition)
    if body is not None and ROLE.ends(body.group("noun")):
        return text
    return text[told:]


# "sagte Ahlhaus der „Welt“": the article of the paper the speaker told, cut off by the quote
TRAILING_DETERMINER = re.compile(rf"\s+{DETERMINERS}\s*$", re.IGNORECASE)
# the tables' ``told_prepositions`` ("dijo Lukyanov a DW"): after a name, whom it told (a
# medium, a body, capitalised or not), never a part of the name
TOLD_PREPOSITIONS = table_word_set("told_prepositions")
# an auxiliary of two letters or more, lowercase ("ha", "hanno", "ont"; not "a", also a
# preposition)
TRAILING_AUXILIARY = re.compile(rf"(?-i:(?=[a-zàâéèêîôûù]{{2}})(?:{AUXILIARIES}))")


# titles of several words the tables list ("dr n. med.": a doctor's field), left out so that no
# word of theirs reads as another ("med", Scandinavian "with", ends a subject); not names in
# capitals ("de EE. UU.": what a role belongs to)
SPACED_ABBREVIATION = re.compile(
    "|".join(
        r"(?<!\w)" + r"\s+".join(re.escape(part) for part in phrase.split()) + r"(?=\s)"
        for phrase in table_words("abbreviations")
        if " " in phrase and phrase.endswith(".") and not phrase[:1].isupper()
    )
    or r"(?!)",
    re.IGNORECASE,
)


# words joining a role or an organisation to what it belongs to ("talsmann for", "porte-parole du"):
# the tables' ``role_connectors``
CONNECTORS = table_word_set("role_connectors")
MIN_NAME_WITH_PORTFOLIO = 3  # "Esteri Franco Frattini": the portfolio and a full name


def portfolio_before_name(
    role: str | None, entity: str, after: str, others: Sequence[str] = ()
) -> tuple[str, str] | None:
    """A recogniser's person name that took in the body or portfolio a role belongs to (``il
    ministro degli Esteri Franco Frattini`` → ``Esteri Franco Frattini``): where the role ends
    in a connector or an article after a role word, the name's first word is the rest of the
    role; ``(role, name)`` then, None otherwise (``after``, what follows the name in the
    phrase, is empty for a name: "jefe del Estado Mayor Conjunto estadounidense" is a body).
    A body of several words ends where the recogniser's ``others`` names of the paragraph
    tell, the body alone or the person alone (``il presidente degli Stati Uniti Donald
    Trump``, ``il sindaco di South Bend Pete Buttigieg``), or with a word that ends a body's
    name (``il portavoce della National Disaster Mitigation Agency Agus Wibowo``)."""
    words = (role or "").split()
    name = entity.split()
    if len(words) < 2 or len(name) < MIN_NAME_WITH_PORTFOLIO or after.strip(" ,"):
        return None
    if ORGANISATION.ends(name[0]):
        return None  # "portavoces del Consejo Nacional Libio": a body's name
    last = words[-1].lower()
    if last not in CONNECTORS and not DETERMINER_WORD.fullmatch(last):
        return None
    if not any(word.lower() in CONNECTORS for word in words[1:]):
        return None  # "le ministre la …": an article alone is no connector
    if not any(ROLE.ends(word) for word in words) or not all(
        word[:1].isupper() for word in name[1:]
    ):
        # "comunicado de Human Rights Watch", "presidente del Consejo Nacional de Libia": no
        # role word, or a body's name
        return None
    cut = _body_words(name, others)
    return f"{role} {' '.join(name[:cut])}", " ".join(name[cut:])


def _body_words(name: list[str], others: Sequence[str]) -> int:
    """How many words open ``name`` with the body a role belongs to (see
    :func:`portfolio_before_name`): one, unless another name the recogniser found or a body's
    last word says more, a full name always left after them."""
    for cut in range(1, len(name) - MIN_FULL_NAME + 1):
        body, person = " ".join(name[:cut]), " ".join(name[cut:])
        if body in others or person in others:
            return cut
    for cut in range(len(name) - MIN_FULL_NAME, 1, -1):
        if ORGANISATION.ends(name[cut - 1]):
            return cut
    return 1


# words that may open a sentence before its subject: a conjunction ("For der Bangstad mener at")
# or a focus particle ("Også NBC mener", "Even the police say")
LEADING_WORDS = frozenset(
    [
        *table_words("leading_words"),
        # the tables' sentence adverbs ("Ponadto Instytut podał, że", "Zudem sagte X")
        *(word.lower() for word in table_words("adverbs") if " " not in word),
    ]
)


def role_then_told(words: list[str]) -> int:
    """How many words a lowercase role phrase takes before a told preposition and an article
    (the tables' ``told_prepositions``: ``fuentes médicas a la cadena estadounidense CNN``):
    what follows is whom the role told, no part of it; 0 otherwise."""
    if not words or not words[0][:1].islower():
        return 0
    for at in range(1, len(words) - 2):
        if not words[at - 1][:1].islower():
            return 0  # a name came first ("Lukyanov a DW": name_then_article reads it)
        if words[at] in TOLD_PREPOSITIONS and DETERMINER_WORD.fullmatch(words[at + 1]):
            # a medium or a body told, by a name or an organisations word (not "fuentes
            # cercanas a la escuela": whom they are close to)
            told = words[at + 2 :]
            medium = any(word[:1].isupper() or word.lower() in _BODIES for word in told)
            return at if medium and any(is_role_word(word) for word in words[:at]) else 0
    return 0


_BODIES = table_word_set("organisations")


def name_then_article(words: list[str]) -> int:
    """How many capitalised words open ``words`` when what follows them is no part of a name:
    an article (no connector: ``de``, ``du``) and lowercase words alone (``Putin el mismo día
    del atentado``; not ``PAÍS el politólogo Mustafá Kamel``, a role and its holder), or a
    preposition of place, manner or address and a lowercase word (``Spicer a los periodistas``,
    ``Mullen en declaraciones a la NBC``); 0 otherwise."""
    run = 0
    while run < len(words) and words[run][:1].isupper():
        run += 1
    if (
        0 < run < len(words) - 1
        and words[run] in TOLD_PREPOSITIONS
        and words[0].lower() not in LEADING_WORDS
        and not DETERMINER_WORD.fullmatch(words[0])
    ):
        return run  # "Lukyanov a DW": whom the speaker told, a medium or a body
    if (
        not 0 < run < len(words) - 1
        or not words[run + 1][:1].islower()
        or words[0].lower() in LEADING_WORDS  # "Men et komplott av senatorer": no name
        or DETERMINER_WORD.fullmatch(words[0])
    ):
        return 0
    following = words[run]
    if following in _ADDRESS_PREPOSITIONS:
        return run
    if (
        DETERMINER_WORD.fullmatch(following)
        and following.lower() not in CONNECTORS
        and not any(word[:1].isupper() for word in words[run + 1 :])
    ):
        return run
    return 0


# prepositions after a speaker's name that open where, how or to whom it spoke, never a part
# of the name (the tables' ``address_prepositions``; not "de", "al": "Bashar al Asad")
_ADDRESS_PREPOSITIONS = table_word_set("address_prepositions")


# the tables' ``second_verb_openers`` ("aunque", "antes de", "sin embargo"): standing last
# before a reporting verb, they open a second verb of a subject named earlier in the sentence
# ("…, aseguró X, antes de subrayar que", "Otros, sin embargo, denuncian que"); no speaker
SECOND_VERB_OPENERS = table_word_set("second_verb_openers")


def ends_in_second_verb_opener(phrase: str) -> bool:
    """Whether ``phrase`` (the words before a reporting verb) ends with one of the tables'
    ``second_verb_openers``."""
    words = phrase.replace(",", " ").lower().split()
    return any(" ".join(words[-size:]) in SECOND_VERB_OPENERS for size in (1, 2) if words)


# what ends an agency dateline before the story's first word ("Madrid, 20 dic (EFE).- Estados
# Unidos anunció", a timeline's "28.11.2011.- Siria responde"): no part of a speaker
DATELINE_END = re.compile(r"^\S*\.-\s*")


# a body's name: capitalised words, a connector of the tables' ``body_connectors`` (and an
# article) and more capitalised words ("Observatorio Sirio para los Derechos Humanos")
_CAPITALISED_RUN = r"[A-ZÆØÅÄÖÜÉ][\w'’.-]*(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’.-]*)*"
_BODY_CONNECTORS = sorted(table_word_set("body_connectors"), key=len, reverse=True)
_BODY_NAME = re.compile(
    rf"^(?i:{DETERMINERS}\s+)?(?P<name>(?P<head>{_CAPITALISED_RUN})"
    rf"(?:\s+(?:{'|'.join(map(re.escape, _BODY_CONNECTORS)) or '(?!)'})\s+"
    rf"(?i:{DETERMINERS}\s+)?{_CAPITALISED_RUN})+)$",
)
_BODY_WORDS = table_word_set("organisations")


# the tables' ``relative_pronouns``: a clause about the role's holder follows one
_RELATIVE_PRONOUNS = table_word_set("relative_pronouns")
ROLE_OF_BODY_WORDS = 3  # a role word, a connector, the body


def role_for_body(phrase: str) -> str | None:
    """``a spokesperson for the Crime Branch of the state police``, ``the spokesman for the
    Pasadena Police Department``: a lowercase role word, a connector and the body whose role it
    is, capitalised and ending in a lowercase word or a body's noun, no name set off or after
    it: the phrase, a role whose holder spoke (the body's capitalised words are no person's
    name); None for any other phrase."""
    words = [word for word in phrase.split() if DETERMINER_WORD.fullmatch(word) is None]
    if (
        len(words) < ROLE_OF_BODY_WORDS
        or "," in phrase
        or not words[0][:1].islower()
        or not ROLE.ends(words[0])
        or words[1].lower() not in CONNECTORS
        or not (words[-1][:1].islower() or ORGANISATION.ends(words[-1]))
        or any(word in _RELATIVE_PRONOUNS for word in words)  # "… que juzga a la piloto"
        # a body named in lowercase ("portavoz del gobierno") no reading takes for a name
        or not any(word[:1].isupper() for word in words[2:])
    ):
        return None
    for at, word in enumerate(words[2:-1], start=2):
        if word[:1].isupper() and words[at + 1][:1].islower() and words[at + 1] not in CONNECTORS:
            # "ministro dell'ambiente Varawut Silpa-Archa dopo aver …": a name, then what its
            # holder did; a body's capitalised words end in a connector or the phrase
            return None
    return phrase.strip()


def body_name(phrase: str, coordinators: Collection[str] = ()) -> str | None:
    """The full name of a body whose first capitalised words hold a word of the tables'
    ``organisations`` (``el Observatorio Sirio de Derechos Humanos``, ``the Syrian Observatory
    for Human Rights``), joined by the tables' ``body_connectors``: one name, not a role before
    the last capitalised words (``Derechos Humanos``). With another source after one of
    ``coordinators`` (``… y los Comités de Coordinación Local``), the first body's name."""
    words = phrase.split()
    first = next((at for at, word in enumerate(words) if at and word in coordinators), None)
    named = _BODY_NAME.match(" ".join(words[:first]) if first else phrase)
    if named is None or not any(word.lower() in _BODY_WORDS for word in named["head"].split()):
        return None
    opening = named["name"].split()[0]
    if opening[:1].isupper() and is_role_word(opening):
        # "Sprecherin des Zoos": a (German, capitalised) role noun of the body; its holder spoke
        return None
    return named["name"]
