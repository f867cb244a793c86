"""newsloom: turn a pile or a stream of news articles into stories a person can trust."""

from __future__ import annotations

__version__ = "0.1.0"
