"""A user's search query, read the way SQLite FTS5 reads its own query syntax.

``Ukraine Kyiv`` (both words), ``dræbt OR drept``, ``Kyiv NOT Moskva``, ``"storme
bygninger"`` (a phrase), ``demonstrant*`` (a prefix) and parentheses. ``AND``, ``OR`` and ``NOT``
are operators only in capitals, as in FTS5; ``NOT`` binds tightest, then ``AND`` (also implied
between neighbours), then ``OR``. A word is a run of letters and digits, as FTS5's ``unicode61``
tokenizer cuts text: ``Interfax-Ukraina`` is the phrase ``"Interfax Ukraina"``.

The parse is a small tree (:class:`Term`, :class:`Both`, :class:`Either`, :class:`Without`) that
:mod:`newsloom.store.fulltext` writes out for each database. A query that is not well formed
raises :class:`~newsloom.errors.QueryError`, naming what is wrong and where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsloom.errors import QueryError

WORD = re.compile(r"[^\W_]+")  # letters and digits: what FTS5's unicode61 keeps as a token
_OPERATORS = ("AND", "OR", "NOT")
_SYNTAX = 'use words, "phrases", prefix*, AND, OR, NOT and parentheses'


@dataclass(frozen=True, slots=True)
class Term:
    """One word or a phrase (words in this order); ``prefix``: the last word may go on."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Both:
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Either:
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Without:
    kept: Node
    dropped: Node


Node = Term | Both | Either | Without


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "term", "and", "or", "not", "(", ")"
    position: int  # character offset in the query, for messages
    term: Term | None = None


def _error(query: str, position: int, problem: str) -> QueryError:
    return QueryError(f"search query {query!r}, at character {position + 1}: {problem}; {_SYNTAX}")


def _tokens(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    index = 0
    while index < len(query):
        char = query[index]
        if char.isspace():
            index += 1
        elif char in "()":
            tokens.append(_Token(char, index))
            index += 1
        elif char == '"':
            end = query.find('"', index + 1)
            while end != -1 and query[end + 1 : end + 2] == '"':  # "" inside is a quote
                end = query.find('"', end + 2)
            if end == -1:
                raise _error(query, index, "this quotation mark is never closed")
            words = tuple(WORD.findall(query[index + 1 : end].replace('""', '"')))
            prefix = query[end + 1 : end + 2] == "*"
            if not words:
                raise _error(query, index, "an empty phrase")
            tokens.append(_Token("term", index, Term(words, prefix)))
            index = end + 2 if prefix else end + 1
        else:
            end = index
            while end < len(query) and not query[end].isspace() and query[end] not in '()"':
                end += 1
            text = query[index:end]
            if text in _OPERATORS:
                tokens.append(_Token(text.lower(), index))
            else:
                words = tuple(WORD.findall(text))
                if not words:
                    if text.strip("*"):
                        raise _error(query, index, f"{text!r} holds no letters or digits")
                    raise _error(query, index, "a * must end a word (prefix*)")
                tokens.append(_Token("term", index, Term(words, text.endswith("*"))))
            index = end
    return tokens


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.index = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def fail(self, token: _Token | None, problem: str) -> QueryError:
        return _error(self.query, token.position if token else len(self.query), problem)

    def parse(self) -> Node:
        node = self.either()
        token = self.peek()
        if token is not None:
            raise self.fail(token, "this closing parenthesis has no opening one")
        return node

    def either(self) -> Node:
        node = self.both()
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            node = Either(node, self.both())
        return node

    def both(self) -> Node:
        node = self.without()
        while (token := self.peek()) is not None and token.kind in ("and", "term", "("):
            if token.kind == "and":
                self.take()
            node = Both(node, self.without())
        return node

    def without(self) -> Node:
        node = self.operand()
        while (token := self.peek()) is not None and token.kind == "not":
            self.take()
            node = Without(node, self.operand())
        return node

    def operand(self) -> Node:
        token = self.peek()
        if token is None:
            last = self.tokens[-1] if self.tokens else None
            if last is not None and last.kind in ("and", "or", "not"):
                raise self.fail(last, f"{last.kind.upper()} needs a word after it")
            raise self.fail(last, "the query ends where a word was expected")
        if token.kind == "term":
            self.take()
            assert token.term is not None
            return token.term
        if token.kind == "(":
            self.take()
            node = self.either()
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise self.fail(token, "this parenthesis is never closed")
            self.take()
            return node
        if token.kind == ")":
            raise self.fail(token, "empty parentheses or a closing one with no opening one")
        if token.kind == "not" and self.index == 0:
            raise self.fail(token, "NOT needs a word before it (Kyiv NOT Moskva)")
        raise self.fail(token, f"{token.kind.upper()} needs a word before it")


def parse_query(query: str) -> Node | None:
    """The parse of a user's query; None when it holds nothing to search for (blank)."""
    if not query.strip():
        return None
    return _Parser(query).parse()


def query_terms(node: Node) -> list[Term]:
    """Every term of a parse, left to right (NOT-ed ones too)."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Without):
        return query_terms(node.kept) + query_terms(node.dropped)
    return query_terms(node.left) + query_terms(node.right)


def wanted_terms(node: Node) -> list[Term]:
    """The terms a hit may contain (not those after NOT): what snippets mark."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Without):
        return wanted_terms(node.kept)
    return wanted_terms(node.left) + wanted_terms(node.right)
