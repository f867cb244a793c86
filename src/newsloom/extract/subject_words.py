"""Who a figure counts: the groups of people a number may count (police, children, residents …),
each a canonical English name with its stems in every language, and the person nouns after which
an article-like "one" counts 1.

General vocabulary for da, nb/nn, sv, en, es and de, never names from any particular story,
written as regular expressions matched case-insensitively on word starts; the per-language tables
(``extract/languages/*.toml``, docs/languages.md) add their words. What a figure counts is in
:mod:`newsloom.extract.figure_words`.
"""

from __future__ import annotations

from newsloom.extract import resources as _resources

# Who a figure counts. Canonical English name → stems in every language.
_BUILT_IN_SUBJECTS: dict[str, tuple[str, ...]] = {
    "police": (
        r"politi(?:folk|betjent\w*|mænd|menn|kvinder|ansatte|tjenestemenn)?\b",
        r"polit(?:i|iet)\b",
        r"betjent\w*",
        r"polis(?:er|män|erna)?\b",
        r"police(?:men| officers)?\b",
        r"officers",
        r"policías?",
        r"agentes",
        r"polizist\w*",
    ),
    "military": (
        r"militære\b",
        r"militært personel\w*",
        r"militær(?:e|folk)?\b",
        r"soldat\w*",
        r"soldiers",
        r"troops",
        r"militares",
        r"soldados",
        r"military personnel",
        r"servicemen",
        r"sikkerhedsstyrke\w*",
        r"sikkerhetsstyrke\w*",
        r"säkerhetsstyrk\w*",
        r"security forces",
        r"fuerzas de seguridad",
        r"uniformados",
    ),
    "demonstrators": (
        r"demonstrant\w*",
        r"protesters",
        r"demonstrators",
        r"protestors",
        r"manifestantes",
        r"demonstrantes",
        r"aktivist\w*",
        r"activist\w*",
        r"activistas",
    ),
    "civilians": (r"civile\b", r"sivile\b", r"civila\b", r"civilians", r"civiles"),
    "children": (
        r"småbørn\b",
        r"småbarn\b",
        r"spedbarn\b",
        r"børn\b",
        r"barn\b",
        r"born\b",
        r"children",
        r"niños",
        r"menores",
        r"kinder",
    ),
    "attackers": (
        r"gerningsm[æa]nd\w*",
        r"gjerningsm[ae]nn\w*",
        r"gärningsm[äa]n\w*",
        r"militant\w*",
        r"oprører\w*",
        r"opprører\w*",
        r"rebel\w*",
        r"insurgent\w*",
        r"terrorist\w*",
        r"angriber\w*",
        r"angriper\w*",
        r"attackers",
        r"gunmen",
        r"insurgentes",
        r"rebeldes",
        r"extremist\w*",
        r"ekstremist\w*",
    ),
    "journalists": (r"journalist\w*", r"periodistas", r"reportere?\b"),
    "prisoners": (r"fanger\b", r"fångar\b", r"prisoners", r"presos", r"detenidos políticos"),
    "residents": (
        r"indbygger\w*",
        r"innbygger\w*",
        r"innbyggjar\w*",
        r"invånare",
        r"residents",
        r"habitantes",
        r"vecinos",
        r"beboere",
        r"bebuarar",
        r"boende",
        r"beboarar",
    ),
    "people": (
        r"personer\b",
        r"person\b",
        r"mennesker\b",
        r"menneske\b",
        r"människor",
        r"folk\b",
        r"people",
        r"persons",
        r"personas",
        r"menschen",
        r"individer",
        r"individuals",
        r"ofre\b",
        r"victims",
        r"víctimas",
        r"personar",
        r"menneske\b",
        r"individer",
    ),
    "suspects": (
        r"mistænkte",
        r"mistenkte",
        r"misstänkta",
        r"suspects",
        r"sospechosos",
        r"gerningsmænd",
        r"sigtede",
        r"siktede",
    ),
    "workers": (
        r"arbejdere",
        r"arbeidere",
        r"arbetare",
        r"workers",
        r"employees",
        r"ansatte",
        r"tilsette",
        r"anställda",
        r"medarbejdere",
        r"trabajadores",
        r"mineros",
        r"miners",
    ),
    "passengers": (r"passagerer", r"passasjerer", r"passagerare", r"passengers", r"pasajeros"),
    "crew": (
        r"besætningsmedlem\w*",
        r"besætning\w*",
        r"mannskap\w*",
        r"besättning\w*",
        r"crew",
        r"tripulantes",
    ),
    "households": (
        r"husstande?\b",
        r"husstander",
        r"hushåll\w*",
        r"households",
        r"hogares",
        r"husholdninger",
    ),
    "Swedish nationals": (r"svenskar\b", r"svenskere", r"svensker\b", r"swedes", r"svensk\b"),
    "Norwegian nationals": (r"nordmenn", r"nordmænd", r"norrmän", r"norwegians"),
    "Danish nationals": (r"danskere", r"dansker\b", r"danskar", r"danes"),
    "emergency personnel": (
        r"indsatsfolk",
        r"redningsfolk",
        r"redningsmannskap\w*",
        r"räddningspersonal",
        r"rescuers",
        r"brandfolk",
        r"firefighters",
    ),
}


def _with_table_subjects(built_in: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The built-in subjects with each table subject's pattern after its stems (a subject only the
    tables name comes last)."""
    subjects = dict(built_in)
    for subject, pattern in _resources.subject_patterns().items():
        subjects[subject] = (*subjects.get(subject, ()), pattern)
    return subjects


SUBJECTS: dict[str, tuple[str, ...]] = _with_table_subjects(_BUILT_IN_SUBJECTS)

# Person nouns of the per-language tables with their forms ("un homme a été tué" counts 1).
PERSON_NOUNS = _resources.words_pattern(_resources.table_words("person_nouns"))
