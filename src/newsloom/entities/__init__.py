"""Named entities: recognition (shipped da/nb/nn model, rules elsewhere) and canonical entities."""

from __future__ import annotations

from newsloom.entities.canonical import CanonicalEntity, canonicalize
from newsloom.entities.ner import EntityRecognizer

__all__ = ["CanonicalEntity", "EntityRecognizer", "canonicalize"]
