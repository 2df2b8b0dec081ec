"""`newsevents evaluate`: score the extractor on articles that have hand-coded gold files.

`evaluate_articles()` is the plain function doing the work; `evaluate_command()` is the thin
Typer command over it. The core is imported inside functions, so `newsevents --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..exitcodes import ExitCode

if TYPE_CHECKING:
    from newsevents.core.actors.dictionary import ActorDictionary
    from newsevents.core.article import Article
    from newsevents.core.evaluate import GoldEvent, Score


class EvalFormat(str, Enum):
    """How the scores are written."""

    table = "table"
    json = "json"


@dataclass
class ArticleScore:
    """One article's score and what it was scored against."""

    article: str
    gold: str
    extracted: int
    score: Score

    def to_dict(self) -> dict[str, Any]:
        """The article's score as plain JSON-ready data."""
        return {
            "article": self.article,
            "gold": self.gold,
            "extracted": self.extracted,
            **self.score.to_dict(),
        }


def gold_path_for(gold_dir: Path, article: Path) -> Path:
    """The gold file of an article: `<gold_dir>/<article stem>.json`."""
    return gold_dir / f"{article.stem}.json"


def _read(path: Path, published: date | None) -> Article:
    """Read one article, front matter first, `published` when it gives no date."""
    from newsevents.core.inputs.reader import read_article

    return read_article(path, published)


def load_actors(files: list[Path]) -> ActorDictionary | None:
    """The built-in actor dictionary plus each file's entries, or None when none is given."""
    if not files:
        return None
    from newsevents.core.actors.dictionary import ActorDictionary

    return ActorDictionary.from_files(*files)


def evaluate_articles(
    gold_dir: Path,
    articles: list[Path],
    *,
    published: date | None = None,
    model: str | None = None,
    actors: list[Path] | None = None,
) -> tuple[list[ArticleScore], Score]:
    """Extract events from each article and score them against its gold file.

    Raises:
        GoldFormatError: a gold file is missing or malformed (checked before any extraction).
        InputError: an article cannot be read.
        DictionaryError, ModelNotFoundError: bad --actors file, no spaCy model.
    """
    from newsevents.core.api import extract_many
    from newsevents.core.evaluate import combine, load_gold, score

    golds: list[tuple[Path, list[GoldEvent]]] = []
    for path in articles:
        gold_file = gold_path_for(gold_dir, path)
        golds.append((gold_file, load_gold(gold_file)))
    docs = [_read(path, published) for path in articles]
    dictionary = load_actors(actors or [])
    scores: list[ArticleScore] = []
    results = extract_many(docs, model=model, actors=dictionary)
    for path, (gold_file, gold), result in zip(articles, golds, results, strict=True):
        if result.error is not None:
            raise result.error
        scores.append(
            ArticleScore(str(path), str(gold_file), len(result.events), score(result.events, gold))
        )
    return scores, combine(s.score for s in scores)


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


def _fail(message: str, code: ExitCode) -> typer.Exit:
    Console(stderr=True).print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(int(code))


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
) -> None:
    """Score extracted events against hand-coded gold events (see the gold README for rules).

    Pairs each ARTICLE with the gold file of the same name in --gold (a.txt with a.json) and
    prints, per article and in total: gold news events found and missed, extracted news events
    right and extra, those matching only background rows, precision, recall and F1; then the
    accuracy of source, target, location, country, date and fatalities among matched events.
    Exit status: 0 scored, 1 an article could not be read, 2 bad gold file, options or model.

    Example: newsevents evaluate --gold ../shared/gold ../shared/seeds/000_ac277268c718e836.txt --date 2017-05-27
    """  # noqa: E501
    from newsevents.core.errors import (
        DictionaryError,
        InputError,
        ModelNotFoundError,
        NewsEventsError,
    )

    published: date | None = None
    if date_ is not None:
        try:
            published = date.fromisoformat(date_.strip())
        except ValueError:
            raise _fail(f"--date {date_!r} is not a YYYY-MM-DD date", ExitCode.USAGE) from None
    if not gold.is_dir():
        raise _fail(f"{gold}: no such gold folder; check the --gold path", ExitCode.USAGE)
    for file in actors or []:
        if not file.is_file():
            raise _fail(f"{file}: no such actor dictionary file", ExitCode.USAGE)
    try:
        scores, total = evaluate_articles(
            gold, articles, published=published, model=model, actors=actors
        )
    except InputError as err:
        raise _fail(str(err), ExitCode.INPUT_FAILED) from None
    except (DictionaryError, ModelNotFoundError) as err:  # GoldFormatError is a DictionaryError
        raise _fail(str(err), ExitCode.USAGE) from None
    except NewsEventsError as err:
        raise _fail(str(err), ExitCode.INPUT_FAILED) from None
    if format is EvalFormat.json:
        data = {"articles": [s.to_dict() for s in scores], "total": total.to_dict()}
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        render_table(scores, total, Console())
