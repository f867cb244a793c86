"""What a fresh process pays for its first paragraph (issue 19): CPU seconds of importing the
extractors and finding the times, quotes and figures of one paragraph, then of its story terms
(which load the language's simplemma dictionary), each language in a new process.

    .venv/bin/python benchmarks/first_paragraph.py            # es, en and nb, three rounds
    .venv/bin/python benchmarks/first_paragraph.py --rounds 5 es

Run it alternately with another checkout (``PYTHONPATH=…/src``) for paired numbers. Set
``NEWSLOOM_CACHE=off`` (or an empty ``NEWSLOOM_CACHE_DIR``) to see the cost without the disk cache.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

TEXTS = {
    "es": "«No vamos a permitir más ataques», dijo el ministro de Defensa, Juan Pérez, el martes "
    "en Bamako, donde al menos 12 personas murieron.",
    "en": '"We will not allow more attacks," the defence minister, John Smith, said on Tuesday '
    "in Bamako, where at least 12 people were killed.",
    "nb": "– Vi vil ikke tillate flere angrep, sier forsvarsminister Ola Nordmann til NTB tirsdag. "
    "Minst 12 personer ble drept i Bamako.",
}


def first_paragraph(language: str) -> str:
    start = time.process_time()
    from newsloom.records import Analysis, Article, Paragraph

    paragraph = Paragraph(0, TEXTS[language], language=language)
    article = Article("a", "h", "t", (paragraph,), language=language)
    from newsloom.extract.figures import extract_figures
    from newsloom.extract.quotes import extract_quotes
    from newsloom.extract.times import resolve_times

    times = resolve_times(article)
    extract_quotes(article)
    extract_figures(article, times)
    middle = time.process_time()
    from newsloom.assign.features import article_features

    article_features(article, Analysis(article.id))
    end = time.process_time()
    return f"{language}: extraction {middle - start:.2f}, story terms {end - middle:.2f} CPU s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="*", default=list(TEXTS), help="es, en, nb")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the child process
    arguments = parser.parse_args()
    if arguments.one:
        print(first_paragraph(arguments.one))
        return
    for _ in range(arguments.rounds):
        for language in arguments.languages:
            command = [sys.executable, __file__, "--one", language]
            result = subprocess.run(command, check=True, capture_output=True, text=True)
            print(result.stdout.strip())


if __name__ == "__main__":
    main()
