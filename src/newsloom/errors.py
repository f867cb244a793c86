"""One exception hierarchy. Messages say what was wrong, where, and what would be valid."""

from __future__ import annotations


class NewsloomError(Exception):
    """Base class of every error newsloom raises on purpose."""


class SettingsError(NewsloomError):
    """A setting, flag or environment variable has a value newsloom cannot use."""


class QueryError(SettingsError):
    """A search query that is not well formed (an unclosed quote, a dangling operator)."""


class InputError(NewsloomError):
    """An input item (file, line, field, URL) cannot be read. ``item`` names it."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class StoreError(NewsloomError):
    """The store cannot be opened, migrated, read or written."""


class NotFoundError(NewsloomError):
    """A requested article, story or entity does not exist."""


class ModelError(NewsloomError):
    """A model that ships with newsloom is missing or cannot be loaded."""


class EvaluationError(NewsloomError):
    """A gold file for evaluation is missing or malformed."""
