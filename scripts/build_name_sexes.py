"""Write ``src/newsloom/data/first_names.json``: first names whose bearer the news refers back
to with "she" or with "he", read off unlabelled text (issue 16; see
:mod:`newsloom.extract.name_sexes`).

A third-person singular pronoun (the table's ``feminine_pronouns``, "hun", "ho", "hon", "she",
"sie", "elle", "ella", "lei", and ``masculine_pronouns``, "han", "ham", "he", "er", "il", "él",
"lui") is a link to a person's first name where the sentence before it and its own sentence up to
it name exactly that one person, and the first name is known: the first word of a person mention
of two words or more, or of the person named so before in the document whose surname a mention
of one word is. The pronoun stands where a subject does: opening its sentence, after a comma or
"that", after the verb of an attribution ("…, sier hun"), or right after the verb that a short
opening phrase puts before the subject ("Nå mener han", "I dag er hun"), not after a preposition
("sobre ella"); in a sentence of someone's words (opened by a dash) only the attribution's counts
("– Han er …" is someone the speaker talks of). A sentence naming no one whose pronoun meant the
one named before goes on about that person: a pronoun of the same sex in the sentence after it
means that person too ("Per Hansen …. ¶ Han mener …. ¶ Han …"), one of the other sex no one.
A name is kept with :data:`MIN_COUNT` links or more of which :data:`MIN_SHARE` or more go one
way (German "sie" is also "they", French "il" also "it": the threshold absorbs them), unless it
opens the names of places and bodies more often than those of people ("Córdoba", "National").

The text read: the NorNE Bokmål and Nynorsk train sentences that stand in the pseudo-documents
(``build/ndt/docs.jsonl``, from ``scripts/quote_sample.py docs``, which leaves out what a gold
holds), their person spans from the train files; DaN+'s Danish train sentences (shuffled: one
sentence at a time); and the ML-Crisis, SemEval and stream articles of ``extract_real.py``'s
pickle with the entities its recogniser found (its gold-real and example sets are left out).

    python scripts/build_name_sexes.py [--data ../shared/data] [--docs build/ndt/docs.jsonl]
        [--pickle /tmp/real/articles.pickle] [--show]
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from quote_sample import _detokenised  # noqa: E402

from newsloom.entities.conll import Span, read_conll  # noqa: E402
from newsloom.extract.name_sexes import NAMES_FILE  # noqa: E402
from newsloom.extract.resources import own_words, table_word_set  # noqa: E402
from newsloom.extract.sentences import split_sentences  # noqa: E402

MIN_COUNT = 2  # pronouns counted for a name
MIN_SHARE = 0.75  # of them one way
_DASHES = ("–", "-", "—")  # a sentence of someone's words opens with one
_CLOSING = (",", "?", "!")  # "– …, sier han": the attribution after the words
READ_SETS = ("ml-crisis", "semeval", "semeval-it", "stream")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|[,?!–—-]")
_FIRST_NAME = re.compile(r"[^\W\d_][^\W\d_\-]+(?:-[^\W\d_][^\W\d_]+)?")

# the first words of the entities read: of a person's name (True) and of other names (False)
OPENING: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}

# a sentence: its words in order, a person mention as (None, words of the name)
Token = tuple[str | None, tuple[str, ...]]
Document = list[list[Token]]


def _pronouns(language: str) -> dict[str, str]:
    sexes = dict.fromkeys(own_words(language, "masculine_pronouns"), "m")
    sexes.update(dict.fromkeys(own_words(language, "feminine_pronouns"), "f"))
    return sexes


def _first_name(name: Sequence[str]) -> str | None:
    first = name[0]
    if len(name) < 2 or not _FIRST_NAME.fullmatch(first) or not first[:1].isupper():
        return None
    if first.lower() in table_word_set("determiners"):
        return None  # "El Cairo", "Die Linke": an article opens the mention
    return None if first.isupper() else first


def count(documents: Iterable[tuple[str, Document]], counts: dict[str, Counter[str]]) -> None:
    """Add each document's name–pronoun links to ``counts`` (first name → sex → links)."""
    for language, document in documents:
        links: dict[str, Counter[str]] = defaultdict(Counter)
        pronouns = _pronouns(language)
        if not pronouns:
            continue
        surnames: dict[str, str] = {}
        before: set[str | None] = set()  # the people the sentence before named
        chain: str | None = None  # the sex of the pronouns that carried ``before`` on
        for sentence in document:
            named: set[str | None] = set()
            linked: str | None = None  # the sex of a pronoun meaning the one named before
            spoken = sentence[:1] and sentence[0][0] in _DASHES
            for at, (word, name) in enumerate(sentence):
                if word is None:
                    first = _first_name(name)
                    if first is not None:
                        surnames[name[-1]] = first
                    elif len(name) == 1:
                        first = surnames.get(name[0])
                    named.add(first)
                    continue
                sex = pronouns.get(word.lower())
                # a name in the pronoun's sentence is whom it means only as the subject opening
                # the sentence ("… a [Mariah Carey] … para él" means the subject)
                people = (named if sentence[0][0] is None else set()) if named else before
                if sex is None or len(people) != 1 or None in people:
                    continue
                if people is before and chain is not None and sex != chain:
                    continue  # "Heidi Jansson sier … ¶ …, sier hun. ¶ …, sier han": someone else
                attribution = at >= 2 and sentence[at - 2][0] in _CLOSING  # "…, sier han"
                inverted = people is before and _inverted_subject(sentence, at, language)
                if not (attribution or inverted) and (
                    spoken or not _subject_at(sentence, at, language)
                ):
                    continue  # "– Han er …": someone the speaker talks of; "sobre ella"
                person = next(iter(people))
                if person is not None:
                    links[person][sex] += 1
                    linked = sex
            if named or linked is None:
                before, chain = named, None
            else:
                chain = linked
            # else "Per Hansen sier … ¶ Han mener … ¶ Han …": a sentence naming no one whose
            # pronoun meant the one named before goes on about that person
        for first, sexes in links.items():
            counts[first].update(sexes)


def _subject_at(sentence: list[Token], at: int, language: str) -> bool:
    """Whether the pronoun at ``at`` stands where a subject does: opening the sentence, after a
    comma or after "that" ("sier at hun"); not after a preposition ("sobre ella", "para él")."""
    before = [word for word, _ in sentence[:at] if word not in _DASHES]
    if not before:
        return True
    last = before[-1]
    return last is not None and (last in _CLOSING or last.lower() in own_words(language, "that"))


# words before a subject the verb of a clause put after itself: "Nå mener han", "I dag er hun"
_MOST_BEFORE_INVERTED = 3


def _inverted_subject(sentence: list[Token], at: int, language: str) -> bool:
    """Whether the pronoun at ``at`` is a subject form (the table's ``pronouns``) right after
    the verb of a sentence opened by an adverb or a short phrase (``Nå mener han``, ``I dag er
    hun``, ``Dann sagte er``): no comma, no name and no preposition right before it (``Nå
    snakket de med ham``)."""
    word = sentence[at][0] or ""
    before = [token for token, _ in sentence[:at] if token not in _DASHES]
    return (
        word.lower() in own_words(language, "pronouns")
        and 2 <= len(before) <= _MOST_BEFORE_INVERTED
        and all(token is not None and token not in _CLOSING for token in before)
        and bool(before[-1])
        and (before[-1] or "").islower()
        and (before[-1] or "") not in own_words(language, "prepositions")
    )


def _norne(data: Path, docs: Path) -> Iterator[tuple[str, Document]]:
    """NorNE train sentences in the pseudo-documents, one document each."""
    spans: dict[str, list[Token]] = {}
    for path in ("norne-nob/train.conll", "norne-nno/train.conll"):
        for sentence in read_conll(data / "ner" / path):
            spans[_detokenised(list(sentence.words))] = _tokens(sentence.words, sentence.entities)
    for line in docs.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        found = [spans.get(text) for text in record["text"].split("\n\n")]
        yield record["language"], [sentence for sentence in found if sentence is not None]


def _tokens(words: Sequence[str], entities: Iterable[Span]) -> list[Token]:
    people = {span.start: span.end for span in entities if span.label == "PER"}
    for span in entities:
        OPENING[span.label == "PER"][words[span.start]] += 1
    tokens: list[Token] = []
    index = 0
    while index < len(words):
        if index in people:
            tokens.append((None, tuple(words[index : people[index]])))
            index = people[index]
        else:
            tokens.append((words[index], ()))
            index += 1
    return tokens


def _danish(data: Path) -> Iterator[tuple[str, Document]]:
    for sentence in read_conll(data / "ner" / "danplus-news" / "train.tsv"):
        yield "da", [_tokens(sentence.words, sentence.entities)]


def _articles(path: Path) -> Iterator[tuple[str, Document]]:
    for name, article, entities in pickle.loads(path.read_bytes()):
        if name not in READ_SETS:
            continue
        by_paragraph: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for mention in entities:
            if mention.type.value == "PER":
                by_paragraph[mention.paragraph].append((mention.start, mention.end))
            OPENING[mention.type.value == "PER"][mention.text.split()[0]] += 1
        document: Document = []
        for paragraph in article.paragraphs:
            people = sorted(by_paragraph.get(paragraph.index, ()))
            for sentence in split_sentences(paragraph.text):
                tokens: list[Token] = []
                at = sentence.start
                inside = [(s, e) for s, e in people if sentence.start <= s < sentence.end]
                for start, end in [*inside, (sentence.end, sentence.end)]:
                    if start < at:
                        continue
                    words = _WORD.findall(paragraph.text[at:start])
                    tokens.extend((word, ()) for word in words)
                    if start < end:
                        tokens.append((None, tuple(_WORD.findall(paragraph.text[start:end]))))
                    at = end
                document.append(tokens)
        yield article.paragraphs[0].language or "", document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--docs", type=Path, default=ROOT / "build" / "ndt" / "docs.jsonl")
    parser.add_argument("--pickle", type=Path, default=Path("/tmp/real/articles.pickle"))
    parser.add_argument("--show", action="store_true", help="print the counts, write nothing")
    arguments = parser.parse_args()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    count(_norne(arguments.data, arguments.docs), counts)
    count(_danish(arguments.data), counts)
    count(_articles(arguments.pickle), counts)
    table: dict[str, str] = {}
    for name, sexes in sorted(counts.items()):
        total = sum(sexes.values())
        sex, most = sexes.most_common(1)[0]
        place = OPENING[False][name] > OPENING[True][name]  # "Córdoba", "National Guard"
        if total >= MIN_COUNT and most >= MIN_SHARE * total and not place:
            table[name] = sex
        if arguments.show and total >= MIN_COUNT:
            kept = table.get(name, "-")
            print(f"{kept}\t{name}\tf {sexes['f']}\tm {sexes['m']}")
    if arguments.show:
        return
    NAMES_FILE.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", "utf-8")
    sizes = Counter(table.values())
    print(f"wrote {NAMES_FILE}: {len(table)} names ({sizes['f']} she, {sizes['m']} he)")


if __name__ == "__main__":
    main()
