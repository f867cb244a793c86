"""What a figure statement claims beyond its number, so tracks compare only comparable claims.

- **Vague quantities** (``dusinvis``, ``hundreds``, ``noen tusen``) are words, not numbers: the
  analyze stage stores the words (``Figure.vague``) beside a range used only to compare them
  (24–99 for dozens); every view shows the words, never the range.
- **Kinds contain each other**: people in hospital or in critical condition are among the injured.
  A count of the hospitalised is a part of the injured, never a rival count of them, so it has its
  own track that names the track it is part of. (The analyze stage labels injured people its
  clause puts in hospital, ``400 sårede er indlagt``, as hospitalised.)
- **One claim, two names**: one article telling one count of the people the police acted against
  twice, once in the reporter's words and once in the police's (``dræbt dusinvis af demonstranter``
  … ``dusinvis af gerningsmænd blev elimineret``), states one claim. Its two subjects share a track,
  so a reader never adds them up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from newsloom.records import Figure
from newsloom.story.figure_reading import FigureMention

# A kind and the kind it is a part of.
KIND_PARENTS: Mapping[str, str] = {
    "hospitalised": "injured",
    "critical_condition": "injured",
}
# Subjects that name the same people from two sides: the reporter's "demonstrators" are the
# police's "attackers" or "perpetrators". One article's same count for two of them is one claim.
ONE_SIDE = frozenset(("demonstrators", "attackers", "suspects", "protesters", "rioters"))


def vague_phrase(figure: Figure) -> str | None:
    """The words of a vague quantity (``dusinvis``, ``hundreds``, ``noen tusen``) when the figure's
    count is one, else None: what the analyze stage stored (``Figure.vague``)."""
    return figure.vague


def chain_label(chain: Sequence[str], attributed_to: str | None = None) -> str | None:
    """A figure's sources as a reader says them, outermost first: ``Reuters citing lokale
    nyhetsbyråer``; None when the article states the figure on its own authority."""
    names = list(chain) or ([attributed_to] if attributed_to else [])
    return " citing ".join(names) if names else None


@dataclass(frozen=True, slots=True)
class ClaimReading:
    """The figure mentions as claims: a claim's second subject folded into its first."""

    mentions: tuple[FigureMention, ...]
    aliases: Mapping[str, tuple[str, ...]]  # a subject → the other names one claim gave it


def read_claims(mentions: Iterable[FigureMention]) -> ClaimReading:
    """Each mention, and when one article tells one claim under two subjects of
    :data:`ONE_SIDE`, the first subject for both."""
    read = list(mentions)
    renamed: dict[str, str] = {}  # subject → the subject its claim was first told under
    by_claim: dict[tuple[str, str, float, float, str | None], list[str]] = {}
    for mention in read:
        figure = mention.figure
        subject = (figure.subject or "").casefold()
        if subject not in ONE_SIDE:
            continue
        key = (
            mention.article.id,
            figure.kind,
            figure.low,
            figure.high,
            _folded(vague_phrase(figure)),
        )
        subjects = by_claim.setdefault(key, [])
        if subject not in subjects:
            subjects.append(subject)
    for subjects in by_claim.values():
        first = renamed.get(subjects[0], subjects[0])
        for other in subjects[1:]:
            renamed.setdefault(other, first)
    aliases: dict[str, list[str]] = {}
    for other, first in renamed.items():
        if other != first:
            aliases.setdefault(first, []).append(other)
    result = tuple(
        replace(m, figure=replace(m.figure, subject=renamed[subject]))
        if (subject := (m.figure.subject or "").casefold()) in renamed
        and renamed[subject] != subject
        else m
        for m in read
    )
    return ClaimReading(result, {key: tuple(value) for key, value in aliases.items()})


def _folded(text: str | None) -> str | None:
    return text.casefold() if text is not None else None
