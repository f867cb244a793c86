"""A number found in text, as a range (:mod:`newsloom.extract.numbers` finds them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quantity:
    low: float
    high: float
    start: int
    end: int
    text: str
    vague: bool = False
    written: bool = False  # spelled out in words rather than digits
    implied_qualifier: str | None = None  # Swedish "ett fyrtiotal" means about forty


THOUSAND = 1000
