"""What a figure counts: cue words per figure kind, and the words around a number that qualify it
or make it no count of people (units, years).

General vocabulary for da, nb/nn, sv, en, es and de (casualty words, protest acts, measures),
never names from any particular story, written as regular expressions matched case-insensitively
on word starts; the per-language tables (``extract/languages/*.toml``, docs/languages.md) add their
words to them. Who a figure counts is in :mod:`newsloom.extract.subject_words`.
"""

from __future__ import annotations

import re
from functools import cache

from newsloom.extract import resources as _resources
from newsloom.process_cache import compile_pattern

# Protest acts the counted people did (``300 innbyggere … samlet seg til protester``,
# ``15000 gikk i protesttog``): unlike looser crowd words (``til stede``, ``i gaderne``) they name a
# protest, so a number may stand as far from them as from a casualty cue.
PROTEST_ACTS: tuple[str, ...] = (
    r"samle(?:t|de|des)? (?:seg|sig) til (?:protest|demonstrasjon|demonstration)\w*",
    r"samla(?:de)? (?:seg|sig) (?:til|till|för) (?:protest|demonstrasjon|demonstration)\w*",
    r"(?:protest|demonstrasjons|demonstrations)tog\w*",
    r"gathered (?:to|in) protest\b",
)

# Cues whose count follows them as their object ("drapet på 92 menneske", "the killing of 12
# people", "har tatt livet av minst 34 småbarn"): a number before them counts who did it.
OBJECT_CUES: tuple[str, ...] = (
    r"(?:drap|drab|mord)(?:et|ene)? på\b",
    r"killing of\b",
    r"(?:ta|tar|tok|tatt|tage|tager|tog|taget|taga|tagit) livet (?:av|af)\b",
)

# What a figure counts. Each kind: word stems and fixed phrases (regular expressions).
KIND_CUES: dict[str, tuple[str, ...]] = {
    "killed": (
        r"dræbt\w*",
        r"dræb(?:e|es)\b",
        r"død(?:e|s)?\b",
        r"dødsofre\w*",
        r"dødstal\w*",
        r"omkom\w*",
        r"omkomne",
        r"mist(?:et|ede|a|at)? (?:livet|livene|livet sitt)",
        r"elimineret",
        r"eliminert",
        r"henrett\w*",
        r"avrett\w*",  # Nynorsk "avretta 86 ungdommar" (executed)
        *OBJECT_CUES,
        r"skudt ihjel",
        r"dræbte",
        r"drep(?:t|te|es|tes)?\b",
        r"dødstall\w*",
        r"døydde",
        r"dei døde",
        r"död(?:a|ade|ades|ats|ad|s)?\b",
        r"dödsoffer\w*",
        r"dödstal\w*",
        r"omkommit",
        r"dödades",
        r"avled\w*",
        r"(?:mist|miste|mistat) livet",
        r"dödskjut\w*",
        r"killed",
        r"kills?\b",
        r"dead\b",
        r"died",
        r"deaths?\b",
        r"death toll",
        r"fatalit\w+",
        r"lost their lives",
        r"shot dead",
        r"perished",
        r"muert[oa]s?\b",
        r"murieron",
        r"muri[óo]",
        r"fallecid[oa]s",
        r"fallecieron",
        r"asesinad[oa]s",
        r"víctimas mortales",
        r"perdieron la vida",
        r"muertes",
        r"cifra de muertos",
        r"dødstallet",
        r"dödssiffran",
        r"dödstalet",
        r"death toll",
        r"dødsofrene",
        r"number of dead",
        r"balance de muertos",
        r"ejecutad[oa]s",
        r"matad[oa]s",
        r"mataron",
        r"mueren",
        r"bekræftet omkommet",
        r"confirmed dead",
        r"(?:kostede|kostet|kostat|kostade|krævet|krævede|krævde|krävt|krävde|krevd|krevde"
        r"|claimed)\b(?=(?:\s+\S+){1,4}\s+(?:menneske|människo)?liv(?:et|en)?\b|(?:\s+\S+){1,3}"
        r"\s+lives\b)",
        r"dødsfald\w*",
        # "kostede stormen to mennesker livet" (the verb too far from the number for the cue above)
        r"(?:mennesker|menneske|personer|personar|människor|människoliv)\s+(?:livet|livene)\b",
        r"dødsfall\w*",
        r"dödsfall\w*",
        r"funnen død",
        r"fundet død\w*",
        r"hittad död",
        r"found dead",
        r"getötet\w*",
        r"tote\b",
        r"toten\b",
        r"starben",
        r"ums leben",
    ),
    "charged": (
        r"sigtet\b",
        r"siktet\b",
        r"tiltalt\w*",
        r"åtalad\w*",
        r"åtalats",
        r"charged",
        r"indicted",
        r"acusad[oa]s",
        r"imputad[oa]s",
        r"angeklagt",
    ),
    "injured": (
        r"såret\w*",
        r"sårede",
        r"kommet til skade",
        r"kom(?:met|mer)? (?:(?:alvorligt|alvorlig|hårdt|hardt|lettere|svært) )?til skade",
        r"kvæstet\w*",
        r"tilskadekom\w*",
        r"skadet\w*",
        r"skadede",
        r"skadd(?:e)?\b",
        r"lettere skadd\w*",
        r"hardt skadd\w*",
        r"såra\w*",
        r"skadd\w*",
        r"behandl\w* for skader",
        r"behandlats för skador",
        r"treated for (?:(?:minor|serious|severe|light) )?(?:injuries|burns|smoke)",
        r"skadde",
        r"skadda",
        r"skadade?\b",
        r"skadats",
        r"skadad\b",
        r"sårade?\b",
        r"sårats",
        r"skadades",
        r"injur(?:ed|ies|y)\b",
        r"wounded",
        r"hurt\b",
        r"herid[oa]s\b",
        r"resultaron herid[oa]s",
        r"lesionad[oa]s",
        r"verletzt\w*",
        r"verwundet\w*",
    ),
    "hospitalised": (
        r"indlagt\w*",
        r"innlagt\w*",
        r"innlagd\w*",
        r"på (?:hospital|sygehus|sykehus)et",
        r"inlagd\w*",
        r"(?:til|till|to|al) (?:hospitalet|sygehuset|sykehuset|sjukhuset|sjukhus|hospital"
        r"|skadestuen|legevakten|akuten)\b",
        r"hospitali[sz]ed",
        r"hospitali[sz]ad[oa]s",
        r"vårdas",
        r"in hospital",
        r"på (?:sjukhus|sjukehus|sykehus|hospital)\b",
        r"ligg(?:er)? på (?:\w+ ){0,2}\w*(?:sjukehus|sykehus|sygehus|sjukhus)",
        # "Four of the injured were being treated for burns at X University Hospital"
        r"(?:being|are|is) treated\b(?=[^.;]{0,60}\bhospital)",
    ),
    "critical_condition": (
        r"kritisk tilstand",
        r"kritiskt tillstånd",
        r"critical condition",
        r"livstruende",
        r"livshotande",
        r"life-threatening",
        r"estado crítico",
    ),
    "on_board": (
        r"om ?bord\b",
        r"ombord",
        r"aboard",
        r"on board",
        r"a bordo",
        r"carrying",
        r"\bmed\b(?=\s+\d[\d .]*\s+(?:passag|passasj|besætning|mannskap|besättning|personer))",
    ),
    "rescued": (
        r"reddet\b",
        r"reddede\b",
        r"redda\b",
        r"räddade?\b",
        r"räddats",
        r"rescued",
        r"rescatad[oa]s",
        r"bjerget",
        r"pulled\b",
    ),
    "without_power": (
        r"uden strøm",
        r"saknar (?:\w+ )?ström",
        r"(?:er|var|är|was|were) (?:\w+ )?(?:uden|uten|utan|without) (?:strøm|ström|power)",
        r"uten strøm",
        r"utan ström",
        r"saknar ström",
        r"mistet strømmen",
        r"without (?:power|electricity)",
        r"sin luz",
        r"strømløse",
        r"sin electricidad",
    ),
    "remanded": (
        r"varetægtsfængsle\w*",
        r"varetektsfengsle\w*",
        r"häkta\w*",
        r"remanded",
        r"held in custody",
        r"in custody",
        r"prisión preventiva",
    ),
    "released": (
        r"løsladt\w*",
        r"lauslatt\w*",
        r"sluppet fri",
        r"släppts",
        r"släpptes",
        r"released",
        r"freed\b",
        r"liberad[oa]s",
        r"puestos en libertad",
    ),
    "identified": (
        r"identificeret",
        r"identifisert",
        r"identifierat",
        r"identifierade",
        r"identified",
    ),
    "questioned": (r"afhørt", r"avhørt", r"avhøyrt", r"förhört", r"questioned", r"interrogad[oa]s"),
    "arrested": (
        r"anholdt\w*",
        r"arrester\w*",
        r"tilbageholdt\w*",
        r"pågrebet",
        r"pågrepet",
        r"pågripne",
        r"fængslet",
        r"fengslet",
        r"pågrep\b",
        r"pågrepne",
        r"arresterte",
        r"detuvo",
        r"arrestó",
        r"arrestaron",
        r"internert",
        r"sigtet",
        r"gripits",
        r"gripna",
        r"greps\b",
        r"anhållna",
        r"anhållits",
        r"frihetsberövade",
        r"arrest(?:ed|s)\b",
        r"detained",
        r"detentions?\b",
        r"taken into custody",
        r"detenid[oa]s",
        r"arrestad[oa]s",
        r"detuvieron",
        r"detenciones",
        r"arrestos",
        r"festgenommen\w*",
        r"verhaftet\w*",
    ),
    "missing": (
        r"savne[tds]\w*",
        # "Vi leder fortsat efter to personer", "still searching for three people"
        r"(?:leder|leter|letar|søger|søker|söker|searching|looking)"
        r"(?: (?:fortsat|fortsatt|framleis|fortfarande|stadig|still|nu|nå))? (?:efter|etter|for)\b",
        r"forsvundet",
        r"sakna(?:s|de)?\b",
        r"savnas",
        r"missing",
        r"saknade?\b",
        r"saknats",
        r"desaparecid[oa]s",
        r"vermisst\w*",
    ),
    "evacuated": (
        r"evakuer\w*",
        # urged to leave their homes: "uppmanar 300 boende att lämna sina hem"
        r"(?:lämna|lemne|forlade|forlate|forlata|leave|left) (?:sina|sine|deres|sitt|their) "
        r"(?:hem|hjem|heim|homes)\b",
        r"evacuated",
        r"evacuad[oa]s",
        r"evakuiert\w*",
    ),
    "displaced": (
        r"fordrevet",
        r"fordrevne",
        r"på flugt",
        r"på flukt",
        r"på flykt",
        r"flygtet",
        r"flyktet",
        r"flytt(?:et|ade)",
        r"displaced",
        r"fled\b",
        r"refugees",
        r"desplazad[oa]s",
        r"huyeron",
        r"refugiad[oa]s",
        r"flygtninge",
        r"flyktninger",
        r"flyktingar",
    ),
    "protesters": (
        *PROTEST_ACTS,
        r"demonstrant\w*",
        r"demonstrer\w*",
        r"protester(?:ede|te|ade|ende)\b",
        r"deltog i\b",
        r"delta i (?:protest|demonstrasjon)\w*",
        r"deltager\w*",
        r"protesters",
        r"demonstrators",
        r"marched",
        r"rallied",
        r"manifestantes",
        r"se manifestaron",
        r"manifestaron",
        r"samlede?s\b",
        r"samlades",
        r"samla seg",
        r"samlet seg",
        r"gathered",
        r"took part",
        r"deltok",
        r"deltog",
        r"til stede",
        r"på plats",
        r"present\b",
        r"i gaderne",
        r"i gatene",
        r"på gatorna",
        r"(?:on|in) the streets",
        r"salieron a las calles",
    ),
    "deployed": (
        r"soldater\w*",
        r"tropper\w*",
        r"militærfolk",
        r"soldat\w*",
        r"soldiers",
        r"troops",
        r"soldados",
        r"tropas",
        r"efectivos",
        r"Soldaten",
        r"indsatsfolk",
        r"redningsfolk",
        r"brandfolk",
        r"brannmannskap\w*",
        r"räddningspersonal",
        r"rescuers",
        r"firefighters",
        r"bomberos",
        r"i aktion",
        r"i aksjon",
        r"i tjänst",
        r"on duty",
        r"i tjeneste",
        r"på vagt",
        r"deployed",
        r"indsat\b",
        r"sat ind",
        r"satt inn",
        r"utplassert",
        r"insatta",
        r"desplegad[oa]s",
    ),
    "victims": (
        r"ofre\b",
        r"offer\b",
        r"brottsoffer",
        r"victims",
        r"víctimas(?! mortales)",
        r"skadelidte",
        r"forurettede",
        r"målsägande",
    ),
}

# Death-toll words from the per-language tables ("bilan", "bilancio"): a toll counts killed.
TOLL_WORDS = _resources.toll_pattern()

# Symbols that make a number a measure in every language ("30 %", "12 km", "5 kg").
MEASURE_SYMBOLS = ("%", "km", "kg")


@cache
def own_measures(language: str) -> re.Pattern[str]:
    """The measures of ``language``'s own table alone (no month names, no symbols, nothing for a
    language without a table): the units one word after a number may name (``37 nuevos
    casos``), where a month or another language's word would be a guess."""
    table = _resources.resources_for(language)
    return compile_pattern(_resources.words_pattern(table.measures if table else ()), re.IGNORECASE)


@cache
def unit_words(language: str | None) -> re.Pattern[str]:
    """Words right after a number that make it something other than a count of people: the
    measures and CLDR month names of the text's own language (French "an" is no unit in German
    "176 Menschen an Bord", English "miles" none in Spanish "miles de personas"), every table's
    for a text of no language with a table, and the symbols of every language."""
    words = [*MEASURE_SYMBOLS, *_resources.measure_words(language)]
    return compile_pattern(_resources.words_pattern(words), re.IGNORECASE)


@cache
def month_before(language: str | None) -> re.Pattern[str]:
    """A month name or abbreviation of the text's language right before a number: the number is
    a day ("Jan 1 (ANI)", "marzo 15"). Per language: "des" abbreviates "desember" only in
    Norwegian."""
    table = _resources.resources_for(language)
    names = _resources.month_names(table.code, abbreviated=True) if table is not None else ()
    return re.compile(rf"(?<!\w){_resources.words_pattern(names)}\.?\s+$", re.IGNORECASE)


# Words before a number that make it a year ("en 2011"), from the per-language tables.
YEAR_BEFORE_WORDS = _resources.words_pattern(_resources.number_words("year_before"))

# "One" words of the per-language tables that are also articles ("un", "une"): they count 1
# only before a person noun.
TABLE_ONE_WORDS = frozenset(_resources.number_words("one"))

# Qualifier phrases before a number, per canonical qualifier (the first canonical given wins).
_BUILT_IN_QUALIFIERS: dict[str, str] = {
    "at least": "mindst|minst|mindst|i hvert fald|ikke færre end|at least|no fewer than|al menos"
    "|por lo menos|como mínimo|mindestens|wenigstens",
    "more than": "mere end|flere end|over|mer enn|fler enn|flere enn|mer än|fler än|över"
    "|more than|over|upwards of|más de|mehr als|über|godt|drøje|drygt|vel|i overkant av",
    "about": "omkring|cirka|ca\\.|ca|cirka|rundt|rundt regnet|omtrent|omkring|kring|runt|ungefär"
    "|om lag|omlag|omkring|anslagsvis|about|around|approximately|roughly|some|an estimated"
    "|unos|unas|alrededor de|aproximadamente"
    "|cerca de|etwa|rund|ungefähr|knap|knapt",
    "up to": "op mod|op til|opp mot|opp til|upp mot|upp till|up to|as many as|hasta|bis zu",
    "nearly": "næsten|nesten|nästan|nearly|almost|close to|casi|fast|beinahe|nærmere|nærmare",
    "less than": "under|færre end|mindre end|færre enn|mindre enn|färre än|mindre än|less than"
    "|fewer than|under|menos de|weniger als",
}


def _qualifiers() -> dict[str, str]:
    """Qualifier phrase → canonical qualifier: the built-in ones, then the tables' own."""
    qualifiers: dict[str, str] = {}
    for canonical, phrases in _BUILT_IN_QUALIFIERS.items():
        for phrase in phrases.split("|"):
            qualifiers.setdefault(phrase, canonical)
    for phrase, canonical in _resources.qualifier_phrases().items():
        qualifiers.setdefault(phrase, canonical)
    return qualifiers


QUALIFIERS: dict[str, str] = _qualifiers()
