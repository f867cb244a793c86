"""Direct and reported quotes with their speakers (da, nb, nn, sv, en, es, de typography).

Direct quotes: a paragraph opened by a dash (``- I nat …, siger polititalsmand X.``), or text
between ``« »``, ``» «``, ``„ “``, ``“ ”`` or ``" "``. Reported speech: ``X siger/sa/säger/said (,)
at/att/that …`` and ``…, siger X.`` without marks.

The speaker phrase next to the reporting verb is split into a role and a name:
``politiinspektør Mette Holm`` → role ``politiinspektør``, speaker ``Mette Holm``
(type ``person``); ``Frederiksens pressetjeneste`` → an ``organisation``; ``talsmanden`` → a role;
``han``/``she`` → the previous named speaker (or the last person mentioned) where there is one.
Entity mentions, when the recogniser provides them, decide what is a person's name; otherwise
capitalised words do. When the verb's subject is a news agency quoting someone named earlier in the
sentence (``X gav regeringen skylden for »…«, skriver Ritzau``), the speaker is that someone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.extract.according import according_quotes
from newsloom.extract.mark_runs import mark_runs
from newsloom.extract.quote_patterns import (
    AGE_APPOSITION,
    AUXILIARY_WORD,
    CONTEXT_WINDOW,
    DASH_OPENING,
    INVERTED_REPORTED,
    INVERTED_SUBJECT,
    MARKS,
    MIN_DIRECT_WORDS,
    NAME_BEFORE_APPOSITION,
    RELATIVE_PRONOUNS,
    REPORTED,
    SENTENCE_ADVERBS,
    TRAILING_CLAUSE,
    UNMARKED,
    VERB_THEN_CLAUSE,
    final_attribution,
    reported_mood,
)
from newsloom.extract.quote_runs import continue_runs, resolve_speakers
from newsloom.extract.quote_speakers import (
    RELATIVE_IN_PHRASE,
    TRAILING_ADVERBS,
    antecedent,
    name_before,
    sentence_subject,
    speaker_after,
    speaker_before,
    speaker_earlier_in_sentence,
    speaker_from_subject,
)
from newsloom.extract.resources import resources_for
from newsloom.extract.sentences import split_sentences
from newsloom.extract.speaker_names import ArticleNames
from newsloom.extract.speakers import (
    AGENCIES,
    BEFORE_NAME,
    CAPITALISED_NAME,
    Speaker,
    is_organisation_name,
    is_role_word,
    parse_speaker,
)
from newsloom.records import Article, EntityMention, EntityType, ParagraphKind, Quote


class _Context:
    """What the article said so far: the last named speaker and person, for pronouns."""

    def __init__(self, entities: Sequence[EntityMention]) -> None:
        self.entities = entities
        self.last_speaker: Speaker | None = None
        self.last_person: str | None = None
        self.person_is_newer = False  # a person was named after the last quote's speaker
        self.last_source: Speaker | None = None  # the last speaker of any kind (police, a role)

    def state(self) -> tuple[Speaker | None, str | None, bool, Speaker | None]:
        return self.last_speaker, self.last_person, self.person_is_newer, self.last_source

    def restore(self, state: tuple[Speaker | None, str | None, bool, Speaker | None]) -> None:
        self.last_speaker, self.last_person, self.person_is_newer, self.last_source = state

    def names_in(self, paragraph: int) -> list[str]:
        return [
            e.text
            for e in self.entities
            if e.paragraph == paragraph and e.type in (EntityType.PERSON, EntityType.ORGANISATION)
        ]

    def resolve(self, speaker: Speaker | None) -> Speaker | None:
        resolved = self._resolve(speaker)
        if resolved is not None and (resolved.name or resolved.role):
            self.last_source = resolved
        return resolved

    def _resolve(self, speaker: Speaker | None) -> Speaker | None:
        if speaker is None:
            return None
        if speaker.type == "pronoun":
            if self.last_person is not None and (self.person_is_newer or self.last_speaker is None):
                return parse_speaker(self.last_person) or Speaker(self.last_person, None, "person")
            if self.last_speaker is not None:
                return self.last_speaker
            return speaker
        if (
            speaker.type == "role"
            and self.last_speaker is not None
            and speaker.role
            and self.last_speaker.role
            and speaker.role.lower().startswith(self.last_speaker.role.lower()[:6])
        ):
            return self.last_speaker  # "talsmanden" after "polititalsmand X"
        if speaker.type == "person":
            self.last_speaker = speaker
            self.person_is_newer = False
        return speaker

    def see(self, text: str, paragraph: int) -> None:
        """Remember the last person the paragraph names: a person mention, or a run of
        capitalised words that no mention calls something else and that is no organisation
        ("the Pasadena Police Department", "Women's Hospital")."""
        mentions = [e for e in self.entities if e.paragraph == paragraph]
        names = [(e.start, e.text) for e in mentions if e.type == EntityType.PERSON]
        others = [
            (e.start, e.end)
            for e in mentions
            if e.type in (EntityType.ORGANISATION, EntityType.LOCATION)
        ]
        names += [
            (run.start(), run.group(0))
            for run in CAPITALISED_NAME.finditer(text)
            if not any(start < run.end() and run.start() < end for start, end in others)
            and not is_organisation_name(run.group(0))
        ]
        if names and not (DASH_OPENING.match(text) or MARKS.search(text)):
            self.last_person = max(names)[1]
            self.person_is_newer = True


def _quote(
    text: str, speaker: Speaker | None, paragraph: int, kind: str, start: int, end: int
) -> Quote:
    return Quote(
        text=text.strip(),
        speaker=speaker.name if speaker else None,
        speaker_role=speaker.role if speaker else None,
        paragraph=paragraph,
        kind=kind,
        start=start,
        end=end,
        speaker_type=speaker.type if speaker else None,
    )


def _direct_quotes(
    text: str,
    paragraph: int,
    names: Sequence[str],
    context: _Context,
    *,
    unattributed: bool = False,
) -> list[Quote]:
    """Quotes in marks or after a speech dash; ``unattributed`` keeps those with no speaker.

    Where the language has cue verbs, words in marks nobody is said to speak are a title or a
    term and are dropped; without a table nothing can tell them apart, so they are kept.
    """
    quotes: list[Quote] = []
    dash = DASH_OPENING.match(text)
    if dash:
        trailing = None
        for candidate in TRAILING_CLAUSE.finditer(text):
            trailing = candidate
        body_end = trailing.start() if trailing else len(text)
        speaker = parse_speaker(trailing.group("speaker"), names) if trailing else None
        if speaker is None:
            speaker = context.last_speaker
        quotes.append(
            _quote(
                text[dash.end() : body_end],
                context.resolve(speaker),
                paragraph,
                "direct",
                dash.end(),
                body_end,
            )
        )
        return quotes
    paragraph_speaker: Speaker | None = None
    for match in MARKS.finditer(text):
        group = next(name for name, value in match.groupdict().items() if value is not None)
        inner = match.group(group)
        words = inner.split()
        if len(words) < MIN_DIRECT_WORDS:
            continue
        speaker, _ = speaker_after(text[match.end() : match.end() + CONTEXT_WINDOW], names)
        before = text[max(0, match.start() - CONTEXT_WINDOW) : match.start()]
        if speaker is None:
            speaker = speaker_before(before, names)
        if speaker is not None and speaker.name and speaker.name.lower() in AGENCIES:
            subject = sentence_subject(before, names)
            if subject is not None and before.strip():
                speaker = subject
        if speaker is None:
            speaker = speaker_earlier_in_sentence(before, names)
        if speaker is None and len(words) < 4:
            continue  # a short phrase in quotes with no speaker: a term, not a quote
        if speaker is not None and speaker.type == "pronoun":
            stripped = before.rstrip()
            sentence_start = (
                len(before)
                if not stripped or stripped[-1] in ".!?"
                else split_sentences(before)[-1].start
            )
            speaker = name_before(before[:sentence_start], names) or speaker
        if speaker is None and paragraph_speaker is not None:
            speaker = paragraph_speaker  # a second quote of the same speaker
        if speaker is None and match.start() == 0 and match.end() >= len(text.rstrip(" .")) - 1:
            speaker = context.last_speaker  # a whole quoted paragraph continues the last speaker
        if speaker is None and not unattributed:
            continue  # words in quotation marks nobody is said to speak: a title or a term
        resolved = context.resolve(speaker)
        if resolved is not None and (resolved.name or resolved.role):
            paragraph_speaker = resolved  # "“…,” he said. “…”": the pronoun, resolved
        quotes.append(
            _quote(
                inner,
                resolved,
                paragraph,
                "direct",
                match.start(group),
                match.end(group),
            )
        )
    return quotes


def _own_pronoun(word: str, language: str | None) -> bool:
    """Whether ``word`` is a subject pronoun of ``language``'s table."""
    table = resources_for(language) if language else None
    return table is not None and word.lower() in table.quotes.get("pronouns", ())


# prepositions that open a fronted adverbial ("I eit intervju med …", "On Monday, …")
FRONTED_PREPOSITIONS = frozenset(
    [*("i", "på", "under", "etter", "efter", "før", "innan", "ved", "med", "til", "fra", "frå")],
)
# the subject right after the verb: a run of capitalised words, then adverbs at most
_NAME_AFTER_VERB = re.compile(
    r"^\s+(?P<speaker>(?:[a-zæøåäö][\w-]*\s+)?[A-ZÆØÅÄÖÜÉ][\w'’-]+(?:\s+[A-ZÆØÅÄÖÜÉ][\w'’-]+)*"
    r"|[a-zæøåäö][\w-]*)(?:\s+[a-zæøåäö]\w*){0,3}$"
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


def _reported_quotes(
    text: str,
    paragraph: int,
    names: Sequence[str],
    context: _Context,
    taken: Sequence[tuple[int, int]],
    language: str | None = None,
) -> list[Quote]:
    quotes: list[Quote] = []
    spans = sorted(taken)
    first = 0  # spans before this one end before the current sentence (sentences in order)
    for sentence in split_sentences(text):
        while first < len(spans) and spans[first][1] <= sentence.start:
            first += 1
        held = [
            (start - sentence.start, end - sentence.start)
            for start, end in spans[first : first + 4]
            if start < sentence.end
        ]
        has_clause = VERB_THEN_CLAUSE.search(sentence.text) is not None
        masked = AGE_APPOSITION.sub(lambda age: " " * len(age.group(0)), sentence.text)
        match = REPORTED.search(masked) if has_clause else None
        if held and (match is None or not _clause_around(match, held)):
            continue  # the sentence holds a direct quote, and no clause of its own
        inverted_match = (
            INVERTED_REPORTED.search(sentence.text) if has_clause and not held else None
        )
        if inverted_match is not None and match is not None and inverted_match.start() == 0:
            inverted_match = None  # "Sier X at …" at the start: the plain pattern reads it
        if inverted_match is not None and match is not None:
            # "Saman med …, meiner Fjordane tingrett at …": a fronted clause, then verb, subject
            inverted_words = inverted_match.group("speaker").split()
            if (
                not inverted_words
                or inverted_words[0].lower() in BEFORE_NAME
                or speaker_from_subject(inverted_match.group("speaker"), names) is None
            ):
                inverted_match = None  # "Ministeren, Kari Holm, sa til NTB at": not inverted
            else:
                match = None
        if inverted_match is not None:
            speaker = speaker_from_subject(inverted_match.group("speaker"), names)
            if speaker is not None:
                content_start = sentence.start + inverted_match.start("content")
                content = inverted_match.group("content").rstrip(" .")
                quotes.append(
                    _quote(
                        content,
                        context.resolve(speaker),
                        paragraph,
                        "reported",
                        content_start,
                        content_start + len(content),
                    )
                )
            continue
        if match is None:
            final = final_attribution(language)
            closing = final.match(sentence.text) if final is not None else None
            if closing is not None:
                speaker = parse_speaker(closing.group("speaker"), names)
                if speaker is not None:
                    content = closing.group("content")
                    quotes.append(
                        _quote(
                            content,
                            context.resolve(speaker),
                            paragraph,
                            "reported",
                            sentence.start,
                            sentence.start + len(content),
                        )
                    )
                continue
            unmarked = UNMARKED.match(sentence.text)
            if unmarked is not None:
                speaker = parse_speaker(unmarked.group("speaker"), names)
                if speaker is not None and speaker.type in ("person", "role"):
                    content = unmarked.group("content")
                    quotes.append(
                        _quote(
                            content,
                            context.resolve(speaker),
                            paragraph,
                            "direct",
                            sentence.start,
                            sentence.start + len(content),
                        )
                    )
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
                quotes.append(
                    _quote(
                        content,
                        context.last_source,
                        paragraph,
                        "reported",
                        sentence.start,
                        sentence.start + len(content),
                    )
                )
            continue
        phrase = match.group("speaker")
        between = masked[match.end("speaker") : match.start("verb")].strip(" ,")
        if _own_pronoun(between, language):
            # "Og han meiner at": another language's auxiliary (Spanish "han") is the subject
            phrase = between
        words = phrase.split()
        if words and words[-1].lower() in ("og", "and", "y", "och", "und"):
            subject = sentence_subject(sentence.text[: match.start("verb")], names)
            speaker = subject
        elif len(words) == 1 and words[0].lower() in SENTENCE_ADVERBS:
            inverted = re.match(
                r"\s*(?P<speaker>[^,]+?)\s*,?\s+(?:at|att|that)\s", match.group("adverbs") + " at "
            )
            adverbs = match.group("adverbs").strip()
            speaker = speaker_from_subject(adverbs, names) if adverbs and inverted else None
            if not adverbs and match.start("speaker") == 0 and words[0][:1].isupper():
                # "También añadió que …": the subject left out, i.e. the last one named
                speaker = Speaker(None, None, "pronoun")
        elif words and words[0].lower() in RELATIVE_PRONOUNS:
            # "X, fondatrice de Y, qui a souligné que …": the speaker is what the clause is on
            speaker = antecedent(masked[: match.start("speaker")], names)
        elif (relative := RELATIVE_IN_PHRASE.search(phrase)) is not None:
            # "A. Mitchell Palmer, som i teksten … meldte at": the clause hangs on Palmer
            speaker = antecedent(masked[: match.start("speaker") + relative.start()], names)
        elif len(words) == 1 and AUXILIARY_WORD.fullmatch(words[0]):
            # "Ha detto che …": a subject the language leaves out, i.e. the last one named
            speaker = Speaker(None, None, "pronoun") if match.start("speaker") == 0 else None
        elif (
            INVERTED_SUBJECT.search(match.group("adverbs"))
            and not CAPITALISED_NAME.search(phrase)
            and match.group("adverbs").split()[0].lower() not in TRAILING_ADVERBS
            and match.group("adverbs").split()[0].lower() not in BEFORE_NAME
        ):
            speaker = parse_speaker(match.group("adverbs"), names)  # "I går sagde minister X, at"
        elif (
            words
            and words[0].lower() in FRONTED_PREPOSITIONS
            and (named := _NAME_AFTER_VERB.match(match.group("adverbs"))) is not None
        ):
            # "I eit intervju med Dagsavisen i helga sa Bjurstrøm at": a fronted adverbial, then
            # the verb before its subject (V2)
            after_verb = named.group("speaker")
            speaker = parse_speaker(after_verb, names)
            if after_verb[:1].islower() and not is_role_word(after_verb):
                speaker = None  # "På møtet sa noen at": no name and no role after the verb
        else:
            speaker = speaker_from_subject(phrase, names)
        if (
            speaker is not None
            and phrase[:1].islower()
            and not CAPITALISED_NAME.search(phrase)
            and words[0].lower() not in RELATIVE_PRONOUNS
        ):
            # "Il colonnello Ronald Lao, comandante della stazione, ha detto che …"
            named = NAME_BEFORE_APPOSITION.search(masked, 0, match.start("speaker"))
            if named is not None:
                speaker = Speaker(named.group("name"), phrase.strip(), "person")
        if speaker is None:
            continue
        content_start = sentence.start + match.start("content")
        content = sentence.text[match.start("content") : match.end("content")].rstrip(" .")
        quotes.append(
            _quote(
                content,
                context.resolve(speaker),
                paragraph,
                "reported",
                content_start,
                content_start + len(content),
            )
        )
    return quotes


def extract_quotes(article: Article, entities: Sequence[EntityMention] = ()) -> tuple[Quote, ...]:
    """Direct and reported quotes of the article's text paragraphs, with speakers."""
    context = _Context(entities)
    quotes: list[Quote] = []
    for paragraph in article.paragraphs:
        if paragraph.kind not in (ParagraphKind.BODY, ParagraphKind.HEADING):
            continue
        names = context.names_in(paragraph.index)
        language = paragraph.language or article.language
        if language is not None and resources_for(language) is None:
            # no table for this language: quotation marks only (see describe_resources)
            if not DASH_OPENING.match(paragraph.text):
                quotes.extend(
                    _direct_quotes(
                        paragraph.text, paragraph.index, names, context, unattributed=True
                    )
                )
            context.see(paragraph.text, paragraph.index)
            continue
        state = context.state()
        direct = _direct_quotes(paragraph.text, paragraph.index, names, context)
        taken = [(quote.start, quote.end) for quote in direct]
        if DASH_OPENING.match(paragraph.text):
            taken = [(0, len(paragraph.text))]
        reported = _reported_quotes(
            paragraph.text, paragraph.index, names, context, taken, language
        )
        reported += according_quotes(
            paragraph.text,
            paragraph.index,
            [*taken, *((quote.start, quote.end) for quote in reported)],
            names,
            language,
        )
        if direct and reported and reported[0].start < direct[0].start:
            # "Holm said she would …. “…,” she told the radio.": resolve in reading order
            context.restore(state)
            reported = _reported_quotes(
                paragraph.text, paragraph.index, names, context, taken, language
            )
            direct = _direct_quotes(paragraph.text, paragraph.index, names, context)
        quotes.extend(sorted([*direct, *reported], key=lambda quote: quote.start))
        context.see(paragraph.text, paragraph.index)
    known = [mention.text for mention in entities]
    quotes = mark_runs(
        article.paragraphs,
        quotes,
        after=lambda text: speaker_after(text[:CONTEXT_WINDOW], known)[0],
        before=lambda text: speaker_before(text, known),
        language=article.language,
    )
    people = ArticleNames(article.paragraphs, entities)
    quotes = continue_runs(article.paragraphs, quotes, people, article.language)
    return tuple(resolve_speakers(quotes, people))
