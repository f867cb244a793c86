"""Speakers resolved over the whole article: each quote's speaker as the fullest name the article
gives — a surname, a role (``statsråden``, ``Portsmouth-spilleren``), a pronoun (``sier han
fornøyd``) or a common noun for a body (``TV-kanalen``) becomes the person or body named
(:class:`~newsloom.extract.speaker_names.ArticleNames`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsloom.assign.features import dictionary_lemma
from newsloom.extract.body_nouns import body_compound, body_read_as_name
from newsloom.extract.document_owners import document_owner
from newsloom.extract.general_nouns import general_noun_holder
from newsloom.extract.name_cases import body_before_name, nominative
from newsloom.extract.object_names import last_subject_before
from newsloom.extract.resources import SCANDINAVIAN, own_words, resources_for, table_words
from newsloom.extract.role_antecedents import general_person
from newsloom.extract.role_back import (
    definite_person_role,
    named_last_outside_quotes,
    subject_named_last,
)
from newsloom.extract.role_going_on import (
    given_a_role,
    introduced_unnamed,
    nearest_mention,
    role_before,
    role_goes_on,
    role_spoke_unnamed,
    someone_new_between,
)
from newsloom.extract.role_mention import named_after_role, written_indefinite
from newsloom.extract.role_words import ends_in_role
from newsloom.extract.speaker_names import ArticleNames
from newsloom.extract.speaker_reading import (
    AGE_NOUN,
    CAPITALISED_DEFINITE,
    DEFINITE,
    PERSON_NOUN,
    bare_role,
    common_organisation,
    pronoun_with_manner,
    role_read_as_name,
    role_refers_back,
    role_with_adjectives,
)
from newsloom.records import Quote


def _role_holder_going_on(
    resolved: Sequence[Quote], quote: Quote, names: ArticleNames, language: str | None
) -> str | None:
    """The person quoted just before (this paragraph or the one before), where the article
    gives that person a role (``role_going_on.given_a_role``): a role going on refers back to
    someone introduced by role, not to a source the recogniser took for a person (an
    observatory, a paper); and no one new came in between (``Una fuente …. La fuente``, ``…,
    del enviado especial de teleSUR, Rolando Segura. ¶ El periodista``)."""
    speaker = _last_speaker(resolved, quote, names, reach=1)
    if speaker is None or not given_a_role(speaker, names):
        return None
    before = resolved[-1]
    text = names.paragraphs.get(quote.paragraph, "")
    mention = nearest_mention(text, quote.speaker_role or "", quote)
    between = text[: mention.start() if mention else quote.start]
    if before.paragraph == quote.paragraph:
        between = between[before.end :]
    else:
        between = names.paragraphs.get(before.paragraph, "")[before.end :] + " " + between
    span = (
        (before.paragraph, before.end),
        (quote.paragraph, mention.start() if mention else quote.start),
    )
    named_between = any(
        span[0] <= (person.paragraph, person.start) < span[1]
        and person.name not in speaker
        and speaker not in person.name
        and role_before(person, names, set_off=True)
        for person in names.people
    )
    # "dijo X, de acuerdo con el enviado especial de teleSUR, Rolando Segura. ¶ El periodista"
    return None if named_between or someone_new_between(between, language) else speaker


def _named_before(quote: Quote, names: ArticleNames, language: str | None) -> str | None:
    """The person named last before the quote, for a role that refers back: not the role itself
    (the quote patterns may have added it to the names), and what a recogniser's span holds
    after an article inside it (``Berlin Die Hamburger … Katharina Fegebank``); a span that is
    an article and one word (``Die Menschen``) names no one."""
    table = resources_for(language)
    articles = {word.lower() for word in table.quotes.get("determiners", ())} if table else set()
    for person in reversed(names.people):
        if (person.paragraph, person.start) >= (quote.paragraph, quote.start):
            continue
        words = person.name.split()
        cut = max((at + 1 for at, word in enumerate(words) if word.lower() in articles), default=0)
        if person.name == quote.speaker_role or (cut and len(words) - cut < 2):
            continue
        return " ".join(words[cut:])
    return None


def _last_speaker(
    resolved: Sequence[Quote], quote: Quote, names: ArticleNames, reach: int = 0
) -> str | None:
    """The person who spoke the quote before, in the same paragraph (or up to ``reach``
    paragraphs back), named as written somewhere before this quote: ``schrieb Beyoncé dem
    Generalstaatsanwalt … Daniel Cameron. „…“, schrieb die 38-jährige Künstlerin`` — she
    spoke on, whoever was named last."""
    if resolved and quote.paragraph - reach <= resolved[-1].paragraph <= quote.paragraph:
        before = resolved[-1]
        written = (
            "\n".join(text for index, text in names.paragraphs.items() if index < quote.paragraph)
            + names.paragraphs.get(quote.paragraph, "")[: quote.start]
        )
        if before.speaker_type == "person" and before.speaker and before.speaker in written:
            return before.speaker
    return None


def _names_a_person(role: str) -> bool:
    """Whether a definite role noun names a person (``statsråden``, ``forskeren``,
    ``vikingveteranen``) rather than a thing (``rapporten``, ``historien``, ``budskapet``): a
    role word, or an agent suffix before the article."""
    last = role.split()[-1] if role.split() else ""
    return ends_in_role(last) or PERSON_NOUN.search(last) is not None


def _capitalised_role(name: str, names: ArticleNames, language: str | None) -> bool:
    """Whether a one-word "person" speaker is a definite noun that refers back (Scandinavian:
    the article is suffixed), not a surname: no person the article names carries the word."""
    return (
        language in SCANDINAVIAN
        and CAPITALISED_DEFINITE.match(name) is not None
        and names.fullest(name) == name
        and not any(name in person.name.split() for person in names.people)
    )


def _common_noun_read_as_name(quote: Quote, names: ArticleNames, language: str | None) -> bool:
    """Whether a one-word "person" speaker is a common noun with its article suffixed
    (``Piloten``, ``Genboen``: the dictionary's ``pilot``, ``genbo`` and a definite suffix of the
    table), capitalised where it opens the sentence, that the recogniser found as no person or
    organisation (``dagbladet Børsen``) and no person of the article carries: a name takes no
    article. (Definite nouns of a person's kind, ``Forskeren``, are :func:`_capitalised_role`'s.)"""
    name = quote.speaker or ""
    if (
        language not in SCANDINAVIAN
        or not name[:1].isupper()
        or " " in name
        or CAPITALISED_DEFINITE.match(name) is not None
        or names.fullest(name) != name
        or any(name in person.name.split() for person in names.people)
        or any(found == name for _, _, found in names.organisations)
    ):
        return False
    word = name.lower()
    lemma = dictionary_lemma(word, language)
    # an article of one consonant only after a vowel ("pige-n", "vitne-t"; "hel-t", "nasjonal-t"
    # are adjectives; "kvinn-a" is a noun)
    return (
        lemma is not None
        and lemma[:1].islower()
        and any(
            word == lemma + suffix
            and (len(suffix) > 1 or suffix in _VOWELS or lemma[-1:] in _VOWELS)
            for suffix in own_words(language, "definite_suffixes")
        )
    )


_VOWELS = "aeiouyæøå"


# nouns for an organisation or a group in general: a medium ("la agencia estatal", "the
# channel") is a body of its own kind, not the organisation that spoke before
# (the tables' ``general_bodies``, stems)
_GENERAL_BODIES = tuple(table_words("general_bodies"))


def _one_body(quote: Quote) -> bool:
    """A role that is one organisation or group named by a common noun (``organización
    humanitaria``, ``el grupo opositor``; not ``grupos opositores``, ``organizaciones
    defensoras``: several, no one named before; not ``agencia estatal``: a medium)."""
    words = (quote.speaker_role or "").split()
    return (
        common_organisation(quote)
        and bool(words)
        and words[0].lower().startswith(_GENERAL_BODIES)
        and not words[0].endswith("s")
    )


def _body_that_spoke_before(
    resolved: Sequence[Quote], quote: Quote, language: str | None
) -> str | None:
    """The speaker of the quote right before ``quote``, in its paragraph or the one before,
    when its name is common words capitalised (``Amnistía Internacional``): a body the
    recogniser took for a person, which "la organización" refers back to. None in a language
    without a dictionary."""
    if not resolved:
        return None
    before = resolved[-1]
    name = before.speaker or ""
    capitalised = [word for word in name.split() if word[:1].isupper()]
    if (
        len(capitalised) < 2
        or before.paragraph < quote.paragraph - 1
        or (before.paragraph, before.start) >= (quote.paragraph, quote.start)
    ):
        return None
    lemmas = [dictionary_lemma(word.lower(), language) for word in capitalised]
    if all(lemma is not None and lemma[:1].islower() for lemma in lemmas):
        return name
    return None


def _referred_back(
    resolved: Sequence[Quote], quote: Quote, names: ArticleNames, language: str | None
) -> str | None:
    """Whom a role no one named beside it refers back to, as a pronoun does: the person named
    last, the subject of the last sentence naming anyone, or the one quoted just before."""
    role = quote.speaker_role or ""
    holder: str | None = None
    if (
        # only where the definite article is a suffix; elsewhere "-a", "-en" and "-n" are
        # ordinary endings (Spanish "la periodista", German "Sprecherin")
        (language is None or language in SCANDINAVIAN)
        and DEFINITE.search(role)
        and _names_a_person(role)
        and not introduced_unnamed(role, quote, names, language)
    ):
        # "professoren", "statsråden": a definite role refers back like a pronoun
        holder = named_last_outside_quotes(resolved, quote, names)
    if (
        holder is None
        and language in SCANDINAVIAN
        and (noun := definite_person_role(role, names)) is not None
        and not introduced_unnamed(noun, quote, names, language)
    ):
        # "seier Høgre-representanten", "seier den sindige noregsmeisteren", "sier
        # 46-åringen": the subject of the last sentence that names someone
        holder = subject_named_last(resolved, quote, names, language)
    if (
        holder is None
        and not role_spoke_unnamed(resolved, quote)
        and role_refers_back(quote, names, language)
    ):
        # "sagte die Hamburger Wissenschaftssenatorin": the person named last (not the
        # role itself, which the quote patterns may have added to the names)
        holder = _last_speaker(resolved, quote, names) or _named_before(quote, names, language)
    if holder is None and role_goes_on(quote, names, language):
        # "«…», insiste el político": the one quoted just before goes on
        holder = _role_holder_going_on(resolved, quote, names, language)
    if holder is None and bare_role(quote, language):
        # "– dodał wiceminister" after quotes of Waldemar Kraska: the speaker going
        # on (not a photo credit named in between), else the person named last
        holder = _last_speaker(resolved, quote, names, reach=1) or names.last_before(
            quote.paragraph, quote.start
        )
    return holder


def resolve_speakers(
    quotes: Sequence[Quote], names: ArticleNames, language: str | None = None
) -> list[Quote]:
    """Each speaker as the fullest name the article gives: a surname, a role or a pronoun
    becomes the named person."""
    resolved: list[Quote] = []
    # each role a quote's speaker was resolved from, to the person it named: a later quote the
    # role's speaker went on with (``Das seien …`` after ``sagte die Senatorin``), too far from
    # the role's mention to resolve on its own, is the same person
    holders: dict[str, str] = {}
    for quote in quotes:
        if quote.speaker_type == "person" and quote.speaker:
            # "sekretarz obrony Stanów Zjednoczonych Mark Esper": the body of the role, which a
            # recogniser ran into the name, joins the role
            body, name = body_before_name(quote.speaker, language)
            if body is not None:
                role = " ".join(part for part in (quote.speaker_role, body) if part)
                quote = replace(quote, speaker=name, speaker_role=role)
        if (owner := document_owner(quote, resolved, names, language)) is not None:
            # "«…», señala el comunicado" after "un comunicado del Ministerio": its owner
            quote = replace(quote, speaker=owner.name, speaker_role=None, speaker_type=owner.type)
        if quote.speaker_type == "person" and role_read_as_name(quote, names, language):
            role = role_with_adjectives(quote, names, language)
            quote = replace(quote, speaker=None, speaker_role=role, speaker_type="role")
        if quote.speaker_type == "person" and body_read_as_name(quote, names, language):
            # "teilte der Konzern mit": a body, the one "der VW-Konzern" named where it was
            quote = replace(quote, speaker=body_compound(quote, names), speaker_type="organisation")
        if quote.speaker_type == "person" and names.only_organisation(quote.speaker or ""):
            # "ifølge SF", "skriver Reuter": a name the recogniser read as an organisation
            # wherever the article writes it, never as a person
            quote = replace(
                quote, speaker=names.fullest(quote.speaker or ""), speaker_type="organisation"
            )
        if quote.speaker_type == "person" and (speaker := quote.speaker):
            if _capitalised_role(speaker, names, language):
                # "Fredsprisvinneren mener at", "sier Portsmouth-spilleren": a definite noun
                # (capitalised opening a sentence or a compound) is the person the article
                # gave that role, else the person named last
                holder = names.role_holder(speaker, quote.paragraph) or (
                    None
                    if introduced_unnamed(speaker, quote, names, language)
                    else named_last_outside_quotes(resolved, quote, names)
                )
                quote = replace(
                    quote,
                    speaker=names.fullest(holder) if holder else None,
                    speaker_role=quote.speaker_role or speaker,
                    speaker_type="person" if holder else "role",
                )
            elif _common_noun_read_as_name(quote, names, language):
                # "Piloten meddelte, at …", "Rapporten konkluderer med at": a common noun, no
                # one's name; whom it stands for is not resolved (a thing, a body or a person)
                quote = replace(quote, speaker=None, speaker_role=speaker, speaker_type="role")
            else:
                quote = replace(quote, speaker=names.fullest(speaker))
        elif quote.speaker is None and (
            quote.speaker_type == "pronoun" or pronoun_with_manner(quote, language)
        ):
            # "sier han", or "sier han fornøyd": the pronoun, then how the person said it
            # not one a preposition governs ("acabar con el coronel X"): no subject
            named = last_subject_before(names, quote.paragraph, quote.start, language)
            if named is not None:
                quote = replace(
                    quote, speaker=names.fullest(named), speaker_role=None, speaker_type="person"
                )
        elif (
            quote.speaker is None
            and quote.speaker_type == "role"
            and quote.speaker_role
            and named_after_role(quote, names) == ""
        ):
            pass  # "dijo el portavoz, Guma el-Gamaty": held by a name the recogniser missed
        elif quote.speaker is None and quote.speaker_type == "role" and quote.speaker_role:
            # "dijo el portavoz del tribunal, Leonid Stepanenko": named there; "dijo un
            # portavoz": someone new; else the one the article names with the role
            holder = named_after_role(quote, names) or (
                None
                if written_indefinite(quote, names, language)
                else names.role_holder(quote.speaker_role, quote.paragraph)
            )
            aged = AGE_NOUN.search(quote.speaker_role)
            if holder is None and aged is not None:
                # "sier 24-åringen", "said the 24-year-old": the person the article gave that
                # age; none given, the age noun stays (the person named last may be anyone)
                holder = names.aged(aged.group(1), quote.paragraph)
            general = language in SCANDINAVIAN and general_person(quote.speaker_role, language)
            if holder is None and general:
                # "sier kvinnen": a noun for anyone is the person introduced with it, or
                # the one named last where no one else came in unnamed since
                holder = general_noun_holder(resolved, quote, names, language)
            elif holder is None:
                holder = _referred_back(resolved, quote, names, language)
            if holder is None and _one_body(quote):
                # "indicó la organización humanitaria" after Amnistía Internacional spoke: the
                # body that spoke last, where the recogniser took it for a person
                body = _body_that_spoke_before(resolved, quote, language)
                if body is not None:
                    quote = replace(
                        quote, speaker=body, speaker_role=None, speaker_type="organisation"
                    )
            if holder is None and quote.speaker_role:
                holder = holders.get(quote.speaker_role)
            if holder is not None:
                quote = replace(quote, speaker=names.fullest(holder), speaker_type="person")
        elif common_organisation(quote):
            # "TV-kanalen melder …" after CNN, "indicó la organización humanitaria" after
            # Amnistía Internacional: a body named by a common noun is the last one named
            named = names.organisation_before(quote.paragraph, quote.start)
            if named is not None:
                quote = replace(
                    quote, speaker=named, speaker_role=None, speaker_type="organisation"
                )
        if quote.speaker and quote.speaker_type == "person":
            # "według Tomasza Kowalczewskiego", "pisze agencja Reutera": the name as the
            # nominative the article names the person with
            named = nominative(quote.speaker, language, quote.speaker_role)
            if named != quote.speaker:
                quote = replace(quote, speaker=names.fullest(named))
        if quote.speaker and quote.speaker_role and quote.speaker_type == "person":
            holders[quote.speaker_role] = quote.speaker
        resolved.append(quote)
    return _introduced_by_role(resolved, names, language)


SURNAME_REACH = 1  # paragraphs after a role in which its holder's surname may first appear


def _introduced_by_role(
    quotes: list[Quote], names: ArticleNames, language: str | None
) -> list[Quote]:
    """In a language that writes its roles bare (:func:`_bare_role`), a role no one named
    before holds is the person a later quote gives by surname alone, where the article names
    no one fuller by it (``Jak poinformował rzecznik komendanta głównego PSP …. Jak zaznaczył
    Frątczak …``): a surname alone refers back to someone introduced, here by the role."""
    for at, quote in enumerate(quotes):
        if quote.speaker is not None or not bare_role(quote, language):
            continue
        for later in quotes[at + 1 :]:
            if later.paragraph > quote.paragraph + SURNAME_REACH:
                break
            surname = later.speaker or ""
            if (
                later.speaker_type == "person"
                and surname[:1].isupper()
                and " " not in surname
                and not surname.isupper()
                and names.fullest(surname) == surname
            ):
                quotes[at] = replace(quote, speaker=surname, speaker_type="person")
                break
    return quotes
