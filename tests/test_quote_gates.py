"""The cheap tests and rewritten patterns of quote extraction (issue 19) answer as the patterns
they stand for: on words built from their own lists and on the example corpus."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

from newsloom.extract import according, quote_patterns, role_words, sentences
from newsloom.extract import unmarked as unmarked_patterns
from newsloom.extract.cue_search import alternatives
from newsloom.extract.quote_words import (
    ORGANISATION_ENDINGS,
    REPORTING_VERBS,
    ROLE_ENDINGS,
)
from newsloom.extract.resources import own_words, table_words, words_pattern

# the tables' verbs as their own trie, as the quote patterns once used it (the reference below)
TABLE_VERBS = rf"(?:{words_pattern(table_words('verbs'), whole=False)}(?!\w))"

EXAMPLE = Path(__file__).resolve().parents[1] / "src/newsloom/data/example/articles.jsonl"
NOISE = ["", " ", "\n", "-", "'", "’", "s", "x", "É", "ø", "A", ".", "ſ", "K"]


def example_words() -> list[str]:
    words: list[str] = []
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        words.extend(json.loads(line)["text"].split())
    return words


def samples(words: list[str], suffixes: list[str], seed: int, count: int) -> list[str]:
    """Texts that end, or nearly end, in one of ``words`` (with a suffix, case changes, noise)."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        word = rng.choice(words)
        if rng.random() < 0.5:
            word = word.upper() if rng.random() < 0.3 else word.capitalize()
        cut = rng.randrange(len(word) + 1) if rng.random() < 0.2 else 0
        found.append(
            rng.choice(NOISE)
            + rng.choice(["", "Utenriks", "Davis ", "x", "’"])
            + word[cut:]
            + rng.choice(suffixes)
            + rng.choice(NOISE)
        )
    return found


def test_endings_answer_as_the_end_anchored_patterns() -> None:
    short = "|".join(w for w in ORGANISATION_ENDINGS.split("|") if len(w) <= 4)
    long = "|".join(w for w in ORGANISATION_ENDINGS.split("|") if len(w) > 4)
    suffixes = "en|et|n|e|er|erne|ene|s|es|in|innen"
    patterns = {
        role_words.ORGANISATION: re.compile(rf"(?:(?<![\w'’])(?:{short})|(?:{long}))$", re.I),
        role_words.ROLE: re.compile(rf"(?:{ROLE_ENDINGS})(?:{suffixes})?$", re.I),
    }
    plain = role_words._literals(ORGANISATION_ENDINGS) + role_words._literals(ROLE_ENDINGS)
    texts = [*samples(plain, ["", *suffixes.split("|")], 19, 8000), *example_words()[:8000]]
    texts += [" ".join(texts[at : at + 3]) for at in range(0, 1500, 3)]
    matched = 0
    for ending, pattern in patterns.items():
        for text in texts:
            assert ending.ends(text) == (pattern.search(text) is not None), text
            matched += ending.ends(text)
    assert 500 < matched < len(texts)  # the samples reach both answers


def test_the_last_word_read_backwards_is_the_last_word() -> None:
    pattern = re.compile(r"(\w+)\W*$")
    text = " ".join(example_words()[:3000]) + " ¿ca. 3.5 kl.\n»Dr.« St. u.s.a.  - ...\n"
    backwards = text[::-1]
    rng = random.Random(19)
    for _ in range(20_000):
        start = rng.randrange(len(text))
        end = rng.randrange(start, min(len(text), start + 300) + 1)
        found = pattern.search(text[start:end])
        expected = found.group(1) if found is not None else None
        assert sentences._last_word(backwards, start, end) == expected


def test_verbs_filed_under_first_letters_match_as_the_two_tries() -> None:
    built_in = set(REPORTING_VERBS.split("|")) - {"according to", "uttalelse"}
    two_tries = words_pattern(built_in, whole=False, literal=True) + "|" + TABLE_VERBS
    before = re.compile(rf"(?:{two_tries})", re.IGNORECASE)
    after = re.compile(rf"(?:{quote_patterns.VERBS})", re.IGNORECASE)
    verbs = random.Random(19).sample(sorted(built_in | set(table_words("verbs"))), 3000)
    text = " ".join(example_words()[:20_000]) + " " + " ".join(verbs)
    text += " SAGDE Sa’ SIER-NO Sſ ſagde Kerklärte K \u212aunngjorde İnformó"
    matched = 0
    for word in re.finditer(r"(?<!\w)\w", text):
        old, new = before.match(text, word.start()), after.match(text, word.start())
        assert (old and old.span()) == (new and new.span()), text[word.start() : word.end() + 20]
        matched += old is not None
    assert matched > 3000
    # no two first letters match the same character (the branches of every first-letter group)
    groups = alternatives(quote_patterns.VERBS[3:-1])
    assert all(group.startswith("(?=[") for group in groups)
    letters = [
        branch[0]
        for group in groups
        for branch in alternatives(group[group.index("])(?:") + 5 : -1])
    ]
    assert len(letters) > 20
    for first in letters:
        assert [other for other in letters if re.fullmatch(first, other, re.I)] == [first]


def attributed_sentences(count: int) -> list[str]:
    """Sentences of the example corpus closed by an attribution (``…, sa X.``, ``…, slår X
    fast.``, ``…, según la policía``) with verbs of every table, and the sentences as they are."""
    rng = random.Random(22)
    found = [s.text for line in example_texts() for s in sentences.split_sentences(line)]
    verbs = sorted({*REPORTING_VERBS.split("|"), *table_words("verbs")})
    particles = sorted(" ".join(pair) for pair in quote_patterns.PARTICLE_VERBS)
    speakers_ = ["Kari Holm", "politiet", "han", "la policía", "— Holm", ", Holm", "X  —Y"]
    for _ in range(count):
        body = rng.choice(found).rstrip(" .!?")
        verb = rng.choice(particles if rng.random() < 0.4 else verbs)
        speaker = rng.choice(speakers_)
        if " " in verb and rng.random() < 0.7:
            first, particle = verb.split(" ", 1)
            verb = f"{first} {speaker} {particle}"
            speaker = ""
        end = rng.choice([".", "", "!", ":", " .", ".\n", "..", "?»"])
        found.append(f"{body}{rng.choice([',', ' ,', '», ', ','])} {verb} {speaker}{end}")
    return found


def example_texts() -> list[str]:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    return [p for line in lines for p in json.loads(line)["text"].split("\n\n")]


def test_cheap_tests_admit_every_attributed_statement() -> None:
    texts = attributed_sentences(6000)
    unmarked = [text for text in texts if unmarked_patterns.UNMARKED.match(text)]
    split = [text for text in texts if quote_patterns.SPLIT_UNMARKED.match(text)]
    assert len(unmarked) > 1000
    assert len(split) > 200
    assert all(unmarked_patterns.UNMARKED_CLAUSE.search(text) for text in unmarked)
    assert all(quote_patterns._SPLIT_CLAUSE.search(text) for text in split)
    # and they turn most statements down
    assert sum(not unmarked_patterns.UNMARKED_CLAUSE.search(text) for text in texts) > 1000


def test_according_words_of_a_sentence_are_found_in_its_paragraph() -> None:
    paragraphs = example_texts()
    rng = random.Random(5)
    words = ["ifølge", "Según", "according to", "selon", "laut", "nach Polizeiangaben", "-ifølge"]
    for at in range(0, len(paragraphs), 3):
        parts = paragraphs[at].split(". ")
        cut = rng.randrange(len(parts))
        parts[cut] = f"{rng.choice(words)} {parts[cut]}"
        paragraphs.append(". ".join(parts))
    found = 0
    for text in paragraphs:
        for pattern in (according._according(), according.COMPOUND_SOURCE):
            in_sentence = any(pattern.search(s.text) for s in sentences.split_sentences(text))
            assert not in_sentence or pattern.search(text)
            found += in_sentence
    assert found > 100


def test_after_in_answers_as_its_pattern_searched_from_the_start() -> None:
    """``after_in(text, end)`` (searched from the word before the whitespace ending at ``end``)
    answers as ``AFTER_IN.search(text, 0, end)``: its words glued to letters, hyphens and
    apostrophes, with runs of spaces, tabs and line feeds, at every end."""
    from newsloom.extract.name_spans import AFTER_IN, after_in

    rng = random.Random(19)
    pieces = [
        "in",
        "im",
        "w",
        "we",
        "dans",
        "en",
        "In",
        "x",
        "-",
        "'",
        "’",
        "é",
        " ",
        "  ",
        "\n",
        "\t",
    ]
    checked = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        for end in range(len(text) + 1):
            expected = AFTER_IN.search(text, 0, end) is not None
            assert after_in(text, end) == expected, (text, end)
            checked += expected
    assert checked > 500


def test_after_determiner_answers_as_its_pattern_searched_from_the_start() -> None:
    """``after_determiner(text, end)`` (searched from the word before the whitespace ending at
    ``end``) answers as ``_DETERMINER_BEFORE.search(text, 0, end)``: determiners whole, elided,
    capitalised and glued to letters, hyphens and apostrophes, with runs of whitespace."""
    from newsloom.extract.name_spans import _DETERMINER_BEFORE, after_determiner

    rng = random.Random(31)
    pieces = ["the", "The", "la", "l'", "L’", "un", "der", "x", "-", "'", "é", " ", "  ", "\n"]
    pieces += ["\t", "ſ"]
    checked = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        for end in range(len(text) + 1):
            expected = _DETERMINER_BEFORE.search(text, 0, end) is not None
            assert after_determiner(text, end) == expected, (text, end)
            checked += expected
    assert checked > 500


def test_opens_sentence_answers_as_its_pattern_on_the_text_before() -> None:
    """``opens_sentence(text, start)`` (searched from where the non-letters before ``start``
    begin) answers as ``(?:^|[.!?:]\\s)[\\W\\d]*$`` searched in ``text[:start]``."""
    from newsloom.extract.name_spans import _SENTENCE_OPENING, opens_sentence

    rng = random.Random(23)
    pieces = ["Dei", "x", "é", "_", "7", "27", ".", ":", "!", "?", " ", "\n", "*", "«", "-", "  "]
    checked = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        for start in range(len(text) + 1):
            expected = _SENTENCE_OPENING.search(text[:start]) is not None
            assert opens_sentence(text, start) == expected, (text, start)
            checked += expected
    assert checked > 500


def same_spans(pattern: str, reference: str, texts: list[str]) -> int:
    """Assert that ``pattern`` finds what ``reference`` finds in every text, with and without
    case (both after a non-word character); how many texts hold a match."""
    matched = 0
    for flags in (re.IGNORECASE, 0):
        ours = re.compile(rf"(?<!\w){pattern}", flags)
        theirs = re.compile(rf"(?<!\w){reference}", flags)
        for text in texts:
            found = [m.span() for m in ours.finditer(text)]
            assert found == [m.span() for m in theirs.finditer(text)], text
            matched += bool(found)
    return matched


def test_first_letter_groups_match_as_the_flat_alternation(monkeypatch: Any) -> None:
    """The verbs' first-letter branches cut into groups behind look-aheads of their letters
    match what the branches side by side match, with and without case, on verb forms (whole,
    cut, capitalised, glued to noise such as ``ſ`` and the Kelvin sign) and the example corpus."""
    from newsloom.extract import resources

    lists = quote_patterns._VERB_LISTS
    grouped = resources.first_letter_alternation(lists)
    monkeypatch.setattr(resources, "FIRST_LETTERS_PER_GROUP", 10_000)
    flat = resources.first_letter_alternation(lists)
    assert grouped != flat
    assert grouped.count("(?=[") >= 3
    verbs = [*REPORTING_VERBS.split("|"), *table_words("verbs")]
    texts = [*samples(verbs, ["", "s", "t", " at"], 29, 6000), *example_words()[:6000]]
    texts += [" ".join(texts[at : at + 4]) for at in range(0, 4000, 4)]
    assert same_spans(grouped, flat, texts) > 2000


def test_split_verbs_as_a_trie_match_as_their_alternation() -> None:
    """The split particle verbs' first words as a trie behind a class of their first letters
    match what ``first(?=rest)`` side by side in sorted order matches, with and without case:
    sentences of first words (whole, cut, capitalised, glued to noise), gap words, the rests and
    "at", and the example corpus."""
    from newsloom.extract import nordic_clauses

    rests = nordic_clauses._SPLIT_RESTS
    flat = "|".join(
        rf"{re.escape(first)}{nordic_clauses._split_rest(rest)}"
        for first, rest in sorted(rests.items())
    )
    assert flat != nordic_clauses.SPLIT_VERBS
    assert len(rests) > 20
    rng = random.Random(37)
    firsts = samples(sorted(rests), ["", "r", "e"], 41, 400)
    words = [word for rest in rests.values() for phrase in rest for word in phrase.split()]
    gaps = ["Roar Flåthen", "han", "hun", "imidlertid", "ikkje", "også", "leiaren", "la", "casa"]
    pieces = [*firsts, *words, *gaps, "at", "at", ",", "Hun", "Det", "De"]
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(2, 9))) for _ in range(3000)]
    pairs = [(first, phrase) for first, rest in sorted(rests.items()) for phrase in sorted(rest)]
    for _ in range(2000):
        first, phrase = rng.choice(pairs)
        first = rng.choice([first, first.capitalize(), first.upper(), rng.choice(firsts)])
        between = " ".join(rng.choice(gaps) for _ in range(rng.randint(0, 5)))
        texts.append(f"Dei {first} {between} {phrase}{rng.choice(['', ','])} at det er slik")
    texts += [
        "Dommeren slo imidlertid fast at saka var avgjort.",
        "Overfor Klassekampen slår Roar Flåthen fast at dei må vente.",
        "Han peikar på at kommunen, som la fram planen, minner leiar Lars om at det hastar.",
    ]
    example = example_words()
    texts += [" ".join(example[at : at + 30]) for at in range(0, 12_000, 30)]
    assert same_spans(f"(?:{nordic_clauses.SPLIT_VERBS})", f"(?:{flat})", texts) > 200


def test_case_class_is_what_the_engine_matches_without_case() -> None:
    """``case_class(letter)`` is every code point the letter matches without case: for the Latin,
    Greek and Cyrillic letters and the odd ones, against every code point; and every character
    is in the class of its own lower case."""
    from newsloom.extract.letter_skip import _CASE_ODDITIES, case_class

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    letters = set("abcdefghijklmnopqrstuvwxyzæøåäöüéñçßαβγσςθμкирвсё") | set(_CASE_ODDITIES)
    for letter in sorted(letters):
        found = re.compile(re.escape(letter), re.IGNORECASE).findall(every)
        assert case_class(letter) == "".join(sorted(found)), letter
    for character in every:
        lower = character.lower()
        if len(lower) == 1 and lower.isalpha():
            assert character in case_class(lower), character


def test_patterns_that_skip_to_their_first_letters_match_as_the_plain_ones() -> None:
    """The "as" words and the "according to him" phrases written for a search that skips to their
    first letters match what the plain patterns match: phrases whole, cut, capitalised, glued to
    letters and noise, and the example corpus."""
    from newsloom.extract import according, source_phrases

    before = r"(?<![\w'’-])"
    cases = [
        (according._AS, table_words("as_reporting"), r"\s+(?P<verb>[^\W\d_]+)"),
        (
            source_phrases.PRONOUN_ACCORDING,
            table_words("according_to_pronoun"),
            r"(?![\w'’-])\s*,?\s*",
        ),
    ]
    example = example_words()
    matched = 0
    for seed, (ours, words, after) in enumerate(cases):
        assert ours is not None
        plain = re.compile(rf"{before}(?:{words_pattern(words)}){after}", re.IGNORECASE)
        assert ours.pattern != plain.pattern
        rng = random.Random(53 + seed)
        found = samples(words, ["", " ", " sagt", "s", ", "], 59 + seed, 3000)
        texts = [" ".join(rng.choice(found) for _ in range(rng.randint(1, 4))) for _ in range(3000)]
        texts += [" ".join(example[at : at + 30]) for at in range(0, 9000, 30)]
        for text in texts:
            spans = [(m.span(), m.groupdict()) for m in ours.finditer(text)]
            assert spans == [(m.span(), m.groupdict()) for m in plain.finditer(text)], text
            matched += bool(spans)
    assert matched > 1000


def test_patterns_without_split_verbs_match_where_the_hint_finds_none() -> None:
    """Where :data:`SPLIT_VERB_HINT` finds nothing, no split verb matches anywhere, and the
    reported-speech patterns without them find the same match (span and groups) as the full ones:
    split verbs with "at" in every case, after odd blanks, glued to letters or missing, Spanish
    "la" (the first word of "la til"), and the example corpus."""
    from newsloom.extract import nordic_clauses, reported

    hint = nordic_clauses.SPLIT_VERB_HINT
    split = re.compile(f"(?:{nordic_clauses.SPLIT_VERBS})", re.IGNORECASE)
    rng = random.Random(53)
    ats = ["at", "At", "AT", "aT", "att", "ata", "xat", "at-", "at'", "", "ſat", "a t"]
    blanks = [" ", "\u00a0", "\t", "\n", ", ", "", "-", "\u2009"]
    firsts = ["la", "La", "slo", "slår", "peikar", "minner", "legger", "sa", "viser"]
    gaps = ["imidlertid", "han", "Roar Flåthen", "leiaren", "la", "casa", "de"]
    rests = ["fast", "til", "på", "om", "fram"]
    texts = []
    for _ in range(3000):
        words = [rng.choice(firsts), *rng.sample(gaps, rng.randint(0, 3)), rng.choice(rests)]
        texts.append(" ".join(words) + rng.choice(blanks) + rng.choice(ats) + " det er slik")
    texts += [
        "La ministra la presentó ayer y dijo que la casa de la familia no estaba en venta.",
        "Dommeren slo imidlertid fast at saka var avgjort.",
        "Han la til at det hastar, sa Kari Holm til NTB.",
    ]
    example = example_words()
    texts += [" ".join(example[at : at + 30]) for at in range(0, 12_000, 30)]
    hinted = 0
    for text in texts:
        if hint.search(text) is None:
            assert split.search(text) is None, text
        else:
            hinted += 1
        for full, unsplit in [
            (quote_patterns.VERB_THEN_CLAUSE, quote_patterns.VERB_THEN_CLAUSE_UNSPLIT),
            (quote_patterns.REPORTED, quote_patterns.REPORTED_UNSPLIT),
        ]:
            ours, theirs = reported._search(text, full, unsplit), full.search(text)
            assert (ours and (ours.span(), ours.groupdict())) == (
                theirs and (theirs.span(), theirs.groupdict())
            ), text
    assert 100 < hinted < len(texts) - 1000


def test_opening_view_quotes_read_only_where_an_opener_stands() -> None:
    """Paragraphs whose lowered text holds no ``according_to_opening`` word give no opening-view
    quote: the gate turns down only what the sentences' first words would (opener words in every
    case, glued to others, after odd characters, in several sentences)."""
    rng = random.Random(61)
    for language in ("es", "fr", "it", "pt"):
        openers = own_words(language, "according_to_opening")
        assert openers
        assert not any(letter in "σςΣ" for word in openers for letter in word)
        pieces = [*openers, *(w.upper() for w in openers), *(w.capitalize() for w in openers)]
        pieces += ["el ministro Juan Pérez,", "le ministre,", "la", "situación", "es grave.", "ſ"]
        pieces += ["İ", "Karim Bitar,", "saber más,", "separa", "Pour.", "Para,", "\u00a0"]
        everything = " ".join(word.lower() for word in openers)  # lets every paragraph through
        found = 0
        for _ in range(1500):
            text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
            gated = according._opening_view_quotes(text, text.lower(), 0, [], [], language)
            plain = according._opening_view_quotes(text, everything, 0, [], [], language)
            assert gated == plain, text
            found += bool(plain)
        assert found > 20, language


def test_according_words_on_the_lowered_text_match_as_without_case() -> None:
    """The "according to" pattern with case on the text lowered finds a match where the pattern
    without case finds one on the text, wherever the text holds none of :func:`lowered_odd`'s
    characters: the words whole, cut, capitalised, glued to noise (``ſ``, ``İ``, the Kelvin sign),
    and the example corpus; lowering keeps every character's kind (word, blank, apostrophe)."""
    from newsloom.extract.letter_skip import lowered_odd

    plain = according._according()
    lowered, odd = according._according_lowered()
    assert set(odd.pattern) >= set("ſıİ")
    words = table_words("according_to")
    noise = ["", " ", "ſ", "İ", "ı", "K", "É", "-", "’", "x"]
    texts = samples(words, ["", " ", "s", " la", "ſ"], 67, 6000)
    rng = random.Random(67)
    texts += [rng.choice(noise).join(texts[at : at + 3]) for at in range(0, 3000, 3)]
    texts += [" ".join(example_words()[at : at + 20]) for at in range(0, 8000, 20)]
    texts += [f"x {w.replace('s', 'ſ').replace('i', 'ı')} y" for w in words]
    read = 0
    for text in texts:
        if odd.search(text) is None:
            read += 1
            assert (lowered.search(text.lower()) is None) == (plain.search(text) is None), text
    assert read > 4000
    assert lowered_odd(["σύμφωνα"]).search("ΜΕ ΣΥΜΦΩΝΑ") is not None
    kinds = [re.compile(r"\w"), re.compile(r"\s"), re.compile(r"['’-]")]
    for code in range(0x110000):
        character = chr(code)
        lower = character.lower()
        if len(lower) == 1 and lower != character:
            assert [bool(k.match(character)) for k in kinds] == [
                bool(k.match(lower)) for k in kinds
            ], character


def test_speaker_words_taken_whole_match_as_with_backtracking() -> None:
    """The patterns whose speaker words and blanks are possessive (``[\\w.'’-]++\\s++``) find the
    same matches, spans and groups, as with the plain quantifiers: word soups of verbs, names,
    brackets, commas, points, apostrophes and "that" words, and the example corpus."""
    from newsloom.extract import nordic_clauses

    patterns = [
        quote_patterns.REPORTED,
        quote_patterns.REPORTED_UNSPLIT,
        quote_patterns.REPORTED_PLAIN,
        quote_patterns.BEFORE,
        quote_patterns.SUBJECT_VERB,
        quote_patterns.AFTER_SUBJECT_FIRST,
        nordic_clauses.REPORTED_TENSED,
    ]
    rng = random.Random(71)
    verbs = [*REPORTING_VERBS.split("|")[::3], *table_words("verbs")[::5]]
    pieces = [*verbs, "Kari Holm", "(Ap)", "(H),", ",", "A.P.", "l’AFP", "d'", "han", "at", "que"]
    pieces += ["dass", "that", "er", "det", "mener", "said", "the", "sei", "om", "hvordan", ":"]
    pieces += ["la", "casa", "X-2", "15", "el", "ministro", "a.", "–", "  ", "\u00a0", "har"]
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(2, 16))) for _ in range(2000)]
    texts += [text.replace(" ", "") for text in texts[:300]]
    nordic = ["Han", "Kari Holm (Ap)", "Tiltalte", "sier", "hevder", "meiner", "han", "det"]
    nordic += ["løper", "skrapte", "svekker", "heim", "no", "om", "kvelden", ",", "A.P."]
    texts += [" ".join(rng.choice(nordic) for _ in range(rng.randint(2, 12))) for _ in range(1000)]
    example = example_words()
    texts += [" ".join(example[at : at + 25]) for at in range(0, 7_500, 25)]
    for pattern in patterns:
        assert "++" in pattern.pattern
        plain = re.compile(pattern.pattern.replace("++", "+"), pattern.flags)
        found = 0
        for text in texts:
            ours, theirs = pattern.search(text), plain.search(text)
            assert (ours and (ours.span(), ours.groupdict())) == (
                theirs and (theirs.span(), theirs.groupdict())
            ), text
            found += ours is not None
        assert found > 20, pattern.pattern[:60]
