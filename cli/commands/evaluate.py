"""`newsevents evaluate`: score the extractor on articles that have hand-coded gold files.

`evaluate()` is the plain function doing the work (pairing articles with gold files and scoring
them are `newsevents.core.evaluate`'s); `evaluate_command()` is the thin Typer command over it.
The core is imported inside functions, so `newsevents --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..exitcodes import ExitCode
from ..failures import UsageProblem, run_command
from ..options import load_actors, parse_date_option

if TYPE_CHECKING:
    from newsevents.core.evaluate import ArticleScore, Score


class EvalFormat(str, Enum):
    """How the scores are written."""

    table = "table"
    json = "json"


def evaluate_articles(
    gold_dir: Path,
    articles: list[Path],
    *,
    published: date | None = None,
    model: str | None = None,
    actors: list[Path] | None = None,
    strict: bool = False,
) -> tuple[list[ArticleScore], Score]:
    """Extract events from each article and score them against its gold file (`strict`: one
    extracted row per gold event, further rows are extras).

    Raises:
        GoldFormatError: a gold file is missing or malformed (checked before any extraction).
        InputError: an article cannot be read.
        DictionaryError, ModelNotFoundError: bad --actors file, no spaCy model.
    """
    from newsevents.core.evaluate import load_golds, score_results
    from newsevents.core.inputs import read_article
    from newsevents.core.settings import OutputSettings, extract_with

    golds = load_golds(gold_dir, articles)
    docs = [read_article(path, published) for path in articles]
    dictionary = load_actors(actors or [])
    results = extract_with(
        docs, OutputSettings(model=model), actors=dictionary, verbs=[], workers=1
    )
    return score_results(articles, golds, results, strict=strict)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def render_table(scores: list[ArticleScore], total: Score, console: Console) -> None:
    """Print per-article and total scores, then field accuracy among matched events."""
    from newsevents.core.evaluate import FIELD_NAMES

    table = Table(
        title="Events vs gold",
        caption="found/miss: gold news events; right/extra: extracted news events; "
        "bg: extracted events matching only background rows; P, R, F1 in %",
    )
    table.add_column("article", overflow="fold", min_width=12)
    for name in ("found", "miss", "right", "extra", "bg", "P", "R", "F1"):
        table.add_column(name, justify="right")

    def row(name: str, s: Score) -> list[str]:
        return [
            name,
            str(s.tp),
            str(s.fn),
            str(s.matched),
            str(s.fp),
            str(s.background_matched),
            f"{100 * s.precision:.1f}",
            f"{100 * s.recall:.1f}",
            f"{100 * s.f1:.1f}",
        ]

    for item in scores:
        table.add_row(*row(Path(item.article).name, item.score))
    if len(scores) > 1:
        table.add_section()
        table.add_row(*row(f"total ({len(scores)} articles)", total))
    console.print(table)
    fields = Table(title="Field accuracy among matched events")
    fields.add_column("field")
    fields.add_column("correct", justify="right")
    fields.add_column("accuracy", justify="right")
    accuracy = total.field_accuracy
    for name in FIELD_NAMES:
        fields.add_row(
            name, f"{total.field_correct[name]}/{total.field_total[name]}", _pct(accuracy[name])
        )
    console.print(fields)


def check_paths(gold: Path, actors: list[Path]) -> None:
    """Raise UsageProblem when the gold folder or an --actors file does not exist."""
    if not gold.is_dir():
        raise UsageProblem(f"{gold}: no such gold folder; check the --gold path")
    for file in actors:
        if not file.is_file():
            raise UsageProblem(f"{file}: no such actor dictionary file")


def evaluate(
    articles: list[Path],
    *,
    gold: Path,
    format: EvalFormat = EvalFormat.table,
    published: date | None = None,
    model: str | None = None,
    actors: list[Path] | None = None,
    strict: bool = False,
) -> ExitCode:
    """Score ARTICLEs against their gold files and write the scores in `format`.

    Raises:
        UsageProblem: no gold folder or --actors file; NewsEventsError: see `evaluate_articles`.
    """
    check_paths(gold, actors or [])
    scores, total = evaluate_articles(
        gold, articles, published=published, model=model, actors=actors, strict=strict
    )
    if format is EvalFormat.json:
        data = {"articles": [s.to_dict() for s in scores], "total": total.to_dict()}
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        render_table(scores, total, Console())
    return ExitCode.OK


def evaluate_command(
    articles: Annotated[
        list[Path],
        typer.Argument(
            metavar="ARTICLE",
            help="Article files; NAME.txt is scored against DIR/NAME.json.",
            show_default=False,
        ),
    ],
    gold: Annotated[
        Path,
        typer.Option(
            "--gold",
            metavar="DIR",
            help="Folder of gold files, one JSON list of events per article.",
            show_default=False,
        ),
    ],
    format: Annotated[
        EvalFormat, typer.Option("--format", "-f", help="table (readable) or json.")
    ] = EvalFormat.table,
    date_: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="Publication date of articles that give none (front matter 'date:').",
            show_default=False,
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="spaCy pipeline name or path.", show_default=False),
    ] = None,
    actors: Annotated[
        list[Path] | None,
        typer.Option(
            "--actors",
            metavar="FILE",
            help="Extra actor dictionary file, added to the built-in one (repeatable).",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="One extracted row per gold event: a second row for an event already found "
            "counts as extra (lowers precision), as `make accuracy` scores.",
        ),
    ] = False,
) -> None:
    """Score extracted events against hand-coded gold events (see the gold README for rules).

    Pairs each ARTICLE with the gold file of the same name in --gold (a.txt with a.json) and
    prints, per article and in total: gold news events found and missed, extracted news events
    right and extra, those matching only background rows, precision, recall and F1; then the
    accuracy of source, target, location, country, date and fatalities among matched events.
    By default every extracted row for a found gold event is right; --strict counts only one.
    Exit status: 0 scored, 1 an article could not be read, 2 bad gold file, options or model.

    Example: newsevents evaluate --gold ../shared/gold ../shared/seeds/000_ac277268c718e836.txt --date 2017-05-27
    """  # noqa: E501
    run_command(
        lambda: evaluate(
            articles,
            gold=gold,
            format=format,
            published=parse_date_option(date_),
            model=model,
            actors=actors,
            strict=strict,
        )
    )
