"""Quote and attribution vocabulary: reporting and estimate verbs, attribution prepositions,
speakers' roles and organisations, pronouns and determiners, and the patterns built from the
per-language tables' quote words (``SOURCE_TABLE_VERBS``, ``AUXILIARIES``, ``THAT_WORDS`` …).

General vocabulary for da, nb/nn, sv, en, es and de, never names from any particular story; the
per-language tables (``extract/languages/*.toml``, docs/languages.md) add their words to each list.
Used by the quote, speaker and attribution extractors and by the story credits.
"""

from __future__ import annotations

import re

from newsloom.extract import resources as _resources


def _with_table_words(built_in: str, field_name: str) -> str:
    """An alternation of built-in words, then the tables' ``field_name`` words (escaped)."""
    return built_in + "|" + "|".join(re.escape(word) for word in _resources.table_words(field_name))


# Verbs that introduce reported speech or a source, present and past, per language.
REPORTING_VERBS = (
    # Danish
    "siger|sagde|oplyser|oplyste|skriver|skrev|melder|meldte|fortæller|fortalte|udtaler|udtalte"
    "|tilføjer|tilføjede|understreger|understregede|påpeger|påpegede|forklarer|forklarede"
    "|spørger|spurgte|indvender|indvendte"
    "|bekræfter|bekræftede|rapporterer|rapporterede|erklærer|erklærede"
    "|meddeler|meddelte|advarer|advarede|lyder det fra|hedder det|hed det|oplyses det"
    # Norwegian
    "|sier|sa|sa at|opplyser|opplyste|skriv|skreiv|melde|meldte|forteller|fortalte|uttaler"
    "|spør|spurte|innvender|innvendte"
    "|uttalte|legger til|la til|understreker|understreket|påpeker|påpekte|forklarer|forklarte"
    "|bekrefter|bekreftet|rapporterer|rapporterte|erklærer|erklærte|advarer"
    "|advarte|heter det|het det|seier|sei|opplyste|kunngjorde|uttalelse"
    # Swedish
    "|säger|sa|sade|uppger|uppgav|skriver|skrev|meddelar|meddelade|berättar|berättade|rapporterar"
    "|frågar|frågade|invänder|invände"
    "|rapporterade|bekräftar|bekräftade|förklarar|förklarade|tillägger|tillade|uttalar|varnar"
    # English
    "|says|said|told|tells|reports|reported|stated|states|added|adds|announced|announces"
    "|asked|asks|objected"
    "|confirmed|confirms|explained|explains|claimed|claims|warned|warns|wrote|writes|insisted"
    "|according to"
    # Spanish, German
    "|dijo|afirmó|aseguró|informó|declaró|señaló|explicó|añadió|indicó|denunció|sostuvo"
    "|agregó|manifestó|advirtió|sagte|erklärte|teilte mit|berichtete|schrieb"
)

# Verbs that attribute a figure without quoting anyone: estimates and participles after an auxiliary
# ("Politiet anslår, at …", "Police estimated that …", "har tidlegare opplyst at …").
ESTIMATE_VERBS = (
    "anslår|anslog|anslået|anslått|anslagit|estimerer|estimerede|estimerte|uppskattar|uppskattade"
    "|estimated|estimates|estimate|oplyst|opplyst|bekræftet|stadfestar|stadfesta|stadfester"
    "|stadfestet|uppgett|uppgivit|bekräftat|meddelt|meldt"
)

# Words that name a source ("ifølge", "according to"; the tables' "selon", "d'après").
ATTRIBUTION_PREPOSITIONS = _with_table_words(
    "ifølge|iflg\\.|ifølgje|enligt|according to|per|citing|med henvisning til|med henvisning til"
    "|med hänvisning till|según|de acuerdo con|citando a|laut|nach angaben von|nach angaben"
    "|oplyser|opplyser|uppger|reports|reported|meldes det fra",
    "according_to",
)

# Words that name a speaker's role (general vocabulary; compounds are matched on their ending).
ROLE_ENDINGS = _with_table_words(
    "talsmand|talsmann|talskvinde|talskvinne|talsperson|talesperson|talsman|talskvinna|pressechef"
    "|presseansvarlig|presstalesman|spokesman|spokeswoman|spokesperson|portavoz|sprecher|sprecherin"
    "|minister|ministeren|præsident|president|presidenten|præsidenten|premierminister|statsminister"
    "|borgmester|borgermester|ordfører|borgmästare|mayor|alcalde|direktør|direktør|direktör|director"
    "|chef|sjef|leder|ledare|leader|líder|formand|formann|ordförande|chairman|chair|ekspert|expert"
    "|professor|forsker|forskare|researcher|analytiker|analyst|analista|korrespondent|correspondent"
    "|corresponsal|journalist|periodista|vidne|vitne|vittne|witness|testigo|ambassadør|ambassadör"
    "|ambassador|embajador|general|kommandør|commander|comandante|politimester|politimeste"
    "|politidirektør|politiinspektør|vagtchef|vakthavende|vaktchef|officer|oberst|colonel|coronel"
    "|generalsekretær|generalsekreterare|secretary|secretario|kansler|chancellor|canciller"
    "|udenrigsminister|utenriksminister|utrikesminister|indenrigsminister|innenriksminister"
    "|læge|lege|läkare|doctor|médico|beboer|beboar|invånare|resident|demonstrant|aktivist|activist"
    "|activista|manifestante|vicepræsident|visepresident|senator|senador|parlamentsmedlem|mp"
    "|stabschef|kilde|kjelde|källa|source|fuente|regeringschef|regjeringssjef|guvernør|guvernör"
    "|governor|gobernador|dommer|domar|judge|juez|anklager|aktor|prosecutor|fiscal|advokat|lawyer"
    "|abogado|forsvarsadvokat|executive|superintendent|scientist|economist|inspector|inspektør"
    "|inspektör|prest|präst|priest|vicar|officer|coordinator|koordinator|chief|head|manager"
    "|bürgermeister|kanzler|präsident|leiter|leiterin"
    "|sjefredaktør|redaktør|editor|sekretær|secretary|lagmand|lagmann",
    "roles",
)

# Organisation-like speakers/sources (a noun phrase ending in one of these is an organisation).
ORGANISATION_ENDINGS = _with_table_words(
    "ministeriet|ministeriet|departementet|departement|ministry|ministerio|pressetjeneste"
    "|pressetjenesten|presstjänst|pressekontor|kontor|kontoret|regeringen|regjeringen|regeringen"
    "|government|gobierno|politiet|polisen|police|policía|hæren|hæren|army|ejército|militæret"
    "|militären|myndighederne|myndighetene|myndigheterna|authorities|autoridades|medier|medie|media"
    "|medios|nyhedsbureau|nyhedsbureauet|nyhetsbyrå|nyhetsbyrået|nyhetsbyrån|agency|agencia|avis"
    "|avisen|tidning|tidningen|newspaper|periódico|diario|tv-station|kanal|kanalen|channel"
    "|sundhedsministeriet|helsedepartementet|hospital|hospitalet|sykehuset|sjukhuset|hospital"
    "|ambassade|ambassaden|embassy|embajada|organisation|organisasjon|organisationen|organization"
    "|organización|fn|un|nato|who|red cross|røde kors|røde kors|röda korset|cruz roja|ngo"
    "|kommission|kommisjon|commission|comisión|udvalg|utvalg|committee|comité|parti|partiet|party"
    "|partido|sikkerhedstjeneste|sikkerhetstjeneste|redningstjenesten|redningstjeneste",
    "organisations",
)

# Personal pronouns that stand for a speaker named before ("han", "she"; the tables' "il", "elle").
PRONOUNS = frozenset(
    [
        "han",
        "hun",
        "hon",
        "de",
        "dem",
        "den",
        "det",
        "he",
        "she",
        "they",
        "it",
        "él",
        "ella",
        "ellos",
        "ellas",
        "er",
        "sie",
        *_resources.table_words("pronouns"),
    ]
)

# the tables' reporting verbs that can name the source of a fact, with their inflected forms, one
# trie pattern (see resources.words_pattern; one end-of-word test after the trie instead of one
# per word): not the verbs of asking (``request_verbs``: "Miles de personas piden …" report a
# demand, not who counted the dead)
_REQUESTS = frozenset(_resources.table_words("request_verbs"))
_SOURCE_VERBS = [verb for verb in _resources.table_words("verbs") if verb not in _REQUESTS]
SOURCE_TABLE_VERBS = rf"(?:{_resources.words_pattern(_SOURCE_VERBS, whole=False)}(?!\w))"
# auxiliaries before a reporting verb (the tables' ``auxiliaries``: "har sagt", "a déclaré")
AUXILIARIES = _resources.words_pattern(_resources.table_words("auxiliaries"))
# "that"-words opening reported speech; an elided one (French "qu'") needs no space after it
THAT_WORDS = _resources.words_pattern(
    ["att", "that", "que", "dass", *(w for w in _resources.table_words("that") if w != "at")]
)
# words that name a speaker right after a quote ("…», selon le ministre", Dutch "aldus")
AFTER_QUOTE_WORDS = _resources.words_pattern(
    [*_resources.table_words("according_to"), *_resources.table_words("after_quote")]
)
# determiners dropped from the start of a speaker phrase
DETERMINERS = _resources.words_pattern(
    [
        "en",
        "et",
        "ett",
        "ein",
        "ei",
        "a",
        "an",
        "the",
        "det",
        "den",
        "un",
        "una",
        "el",
        "la",
        *_resources.table_words("determiners"),
    ]
)

# a speaker's party, age or place in brackets after the name ("Kari Holm (Ap) sier at", "ifølge
# Per Olsen (H)")
BRACKETED = r"\s*\([^()]{1,40}\)"
# the speaker before a reporting verb: up to eight words (a point may stand inside one, "A.P.":
# the text is split into sentences first), a bracket, a comma. Each word and blank is taken
# whole (possessive: a part of one is followed by more of it, which no blank, bracket or comma
# is), so a failed try is not tried again on every shorter part (the same matches).
SPEAKER_BEFORE_VERB = (
    rf"(?<![\w'’.-])(?P<speaker>(?:[\w.'’-]++\s++){{0,7}}?[\w.'’-]++)(?:{BRACKETED})?,?\s+"
)


# titles of several words the tables list ("dr n. med. Anna Nowak"): their points end no subject
_ABBREVIATIONS = "|".join(
    r"(?<![\w'’.-])" + r"\s+".join(re.escape(part) for part in phrase.split()) + r"(?=[\s,;:])"
    for phrase in _resources.table_words("abbreviations")
    if phrase.endswith(".")
)
ABBREVIATION = rf"(?:{_ABBREVIATIONS})|" if _ABBREVIATIONS else ""
# the point of an initial within a name ("sier Georg K. Gundersen", "said George W. Bush"): one
# capital letter after a space, the next word capitalised; or of an abbreviated first name
# ("mener kriminalinspektør Chr. Petersen", "Th. Nielsen"): a capitalised word of up to four
# letters without a vowel is no word a sentence ends on
_CONSONANTS = "BCDFGHJKLMNPQRSTVWXZ"
_ABBREVIATED_NAME = "|".join(
    rf"(?<=\s[{_CONSONANTS}][{_CONSONANTS.lower()}]{{{length}}})" for length in (1, 2, 3)
)
MIDDLE_INITIAL = (
    rf"(?-i:(?:(?<=\s[A-ZÆØÅÄÖÜÉ])|{_ABBREVIATED_NAME})\.(?=\s+[A-ZÆØÅÄÖÜÉ][a-zæøåäöüé]))"
)
