"""Figure and quote extraction time against text length, per language (issue 22).

    .venv/bin/python benchmarks/extract.py                  # every language with a table
    .venv/bin/python benchmarks/extract.py --languages fr it --copies 1 8 32

Builds one article per language from a few news-style paragraphs (a figure, a direct quote, a
reported quote, an attribution) repeated ``--copies`` times, and times ``extract_figures`` and
``extract_quotes`` on it in CPU seconds (``time.process_time``), best of ``--repeat`` runs. Prints
characters per CPU-second for each length: a flat row means the cost grows linearly with the text.
Quote extraction looks back over a sentence's text before each quote, so one very long
paragraph (``--one-paragraph``) is the case to watch.
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime

from newsloom.extract.attribution import _sources_in
from newsloom.extract.figures import extract_figures
from newsloom.extract.quotes import extract_quotes
from newsloom.extract.resources import load_tables
from newsloom.records import Article, DatePrecision, Paragraph

PARAGRAPHS = {
    "fr": (
        "Au moins vingt-trois personnes ont été tuées vendredi, selon l'Observatoire.",
        "« Nous ne céderons pas », a déclaré le ministre de l'Intérieur, Jean Dupont.",
        "Le porte-parole a affirmé que plus de 300 manifestants avaient été arrêtés.",
    ),
    "it": (
        "Almeno venti persone sono state uccise negli scontri, secondo fonti mediche.",
        "«Non ci arrenderemo», ha detto il portavoce del governo, Marco Rossi.",
        "Il ministro ha dichiarato che oltre 300 manifestanti sono stati arrestati.",
    ),
    "nb": (
        "Minst åtte personer er drept, ifølge politiet.",
        "- Vi gir oss ikke, sier politimester Kari Nilsen.",
        "Politiet opplyser at over 300 demonstranter er pågrepet.",
    ),
    "en": (
        "At least twenty-three people were killed, according to the health ministry.",
        "“We will not give up,” said John Smith, the interior minister.",
        "Police said that more than 300 protesters had been arrested.",
    ),
}


def build(language: str, copies: int, one_paragraph: bool) -> Article:
    texts = PARAGRAPHS.get(language) or PARAGRAPHS["en"]
    # each copy says a different number, so no sentence repeats (caches would flatter the cost)
    copied = [text.replace("300", str(300 + copy)) for copy in range(copies) for text in texts]
    paragraphs = [" ".join(copied)] if one_paragraph else copied
    return Article(
        id=f"bench-{language}-{copies}",
        content_hash="bench",
        title="bench",
        paragraphs=tuple(
            Paragraph(index=i, text=text, language=language) for i, text in enumerate(paragraphs)
        ),
        language=language,
        published=datetime(2024, 5, 16, 10, 0),
        published_precision=DatePrecision.TIME,
    )


def cpu_seconds(article: Article, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        _sources_in.cache_clear()
        start = time.process_time()
        extract_figures(article)
        extract_quotes(article)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--languages", nargs="*", default=sorted(PARAGRAPHS))
    parser.add_argument("--copies", nargs="*", type=int, default=[1, 4, 16, 64])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one-paragraph", action="store_true")
    arguments = parser.parse_args()
    load_tables()
    extract_quotes(build("en", 1, False))  # warm-up: patterns compile once per process
    header = ["language", *(f"×{copies} chars/CPU-s" for copies in arguments.copies)]
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for language in arguments.languages:
        cells = [language]
        for copies in arguments.copies:
            article = build(language, copies, arguments.one_paragraph)
            characters = sum(len(paragraph.text) for paragraph in article.paragraphs)
            seconds = max(cpu_seconds(article, arguments.repeat), 1e-9)
            cells.append(f"{characters / seconds:,.0f}")
        print(" | ".join(cells))


if __name__ == "__main__":
    main()
