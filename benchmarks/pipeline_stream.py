"""A synthetic news stream built from real text, for ``pipeline.py``.

The ML-Crisis Spanish articles (read from ../shared/data at run time, never copied here) are
recombined: each synthetic article takes one real article's paragraphs in a shuffled order (its
lead kept first), sometimes a paragraph from another article, with names swapped for other names
met in the corpus and numbers varied. Publication times rise through the stream, a few minutes
apart, with some articles a little out of order (as feeds deliver them). Nothing here is newsloom
library code; it only builds inputs.
"""

from __future__ import annotations

import json
import random
import re
from datetime import datetime, timedelta
from pathlib import Path

from reuse_corpus import crisis_articles

_NAME = re.compile(r"(?<=[a-záéíóúñ,;] )[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{3,}(?: [A-ZÁÉÍÓÚÑ][a-záéíóúñ]{3,})?")
_NUMBER = re.compile(r"\b\d{1,6}\b")
OUTLETS = tuple(f"Diario {name}" for name in ("Norte", "Sur", "Este", "Oeste", "Central", "Global"))
START = datetime(2013, 1, 1, 6, 0)


def _vary_number(match: re.Match[str], rng: random.Random) -> str:
    value = int(match.group())
    if 1900 <= value <= 2030:  # a year: keep it
        return match.group()
    return str(max(1, int(value * rng.uniform(0.6, 1.6))))


def _edit(paragraph: str, swaps: dict[str, str], rng: random.Random) -> str:
    for old, new in swaps.items():
        paragraph = paragraph.replace(old, new)
    return _NUMBER.sub(lambda match: _vary_number(match, rng), paragraph)


def write_stream(path: Path, size: int, seed: int = 19) -> int:
    """Write ``size`` articles as JSON Lines to ``path``; returns the bytes written."""
    rng = random.Random(seed)
    articles = crisis_articles()
    names = sorted({m.group() for article in articles for p in article for m in _NAME.finditer(p)})
    minute = 0.0
    with path.open("w", encoding="utf-8") as output:
        for number in range(size):
            paragraphs = list(rng.choice(articles))
            lead, rest = paragraphs[0], paragraphs[1:]
            rng.shuffle(rest)
            if rng.random() < 0.3:
                rest.insert(rng.randrange(len(rest) + 1), rng.choice(rng.choice(articles)))
            swaps: dict[str, str] = {}
            text_names = sorted({m.group() for p in [lead, *rest] for m in _NAME.finditer(p)})
            for name in rng.sample(text_names, min(3, len(text_names))):
                swaps[name] = rng.choice(names)

            body = [_edit(p, swaps, rng) for p in [lead, *rest]]
            minute += rng.expovariate(1 / 3.0)
            published = START + timedelta(minutes=minute + rng.uniform(-30, 0))
            record = {
                "id": f"synthetic-{number}",
                "title": body[0][:90].rsplit(" ", 1)[0],
                "text": "\n\n".join(body[1:]),
                "published": published.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                "source": rng.choice(OUTLETS),
                "url": f"https://example.org/{number}",
            }
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size
