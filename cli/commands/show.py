"""`newsevents show`: look at what the coder found in articles, and why.

`show()` does the work (testable without Typer); `show_command()` is the Typer command. The
core (spaCy) is imported inside `show()` so that `newsevents --help` stays light.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO, TextIO

import typer

from ..exitcodes import ExitCode
from ..failures import Messages, UsageProblem, article_failure, run_command
from ..options import (
    InputFormat,
    check_output_folder,
    check_output_not_input,
    inputs_or_stdin,
    load_actors,
    parse_date_option,
)
from ..writers import atomic_output

if TYPE_CHECKING:
    from newsevents.core import Article

    from ..explainview import ExplanationLike


class ShowFormat(str, Enum):
    """Output formats of `newsevents show`."""

    text = "text"
    html = "html"


HTML_EXTENSIONS = (".html", ".htm")


def choose_show_format(format: ShowFormat | None, output: Path | None) -> ShowFormat:
    """--format, else html for an --output named *.html or *.htm, else text."""
    if format is not None:
        return format
    if output is not None and output.suffix.lower() in HTML_EXTENSIONS:
        return ShowFormat.html
    return ShowFormat.text


def _load_explain() -> Callable[..., list[Any]]:
    try:
        from newsevents.core.explain import explain
    except ImportError:
        raise UsageProblem(
            "this installation lacks newsevents.core.explain, which `show` needs; "
            "update newsevents (pip install -U newsevents)"
        ) from None
    return explain


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def show(
    inputs: list[str],
    *,
    format: ShowFormat | None = None,
    output: Path | None = None,
    explain: bool = False,
    glob: str | None = None,
    input_format: str = "auto",
    published: Any = None,
    model: str | None = None,
    actor_files: list[Path] | None = None,
    quiet: bool = False,
    debug: bool = False,
    stdin: BinaryIO | None = None,
    stdout: TextIO | None = None,
) -> ExitCode:
    """Show each article with its events highlighted (terminal text or one HTML page).

    Raises:
        UsageProblem: bad options (nothing processed).
    """
    from newsevents import __version__

    from ..explainview import render_html, render_terminal
    from ..terminal import console_for

    messages = Messages(quiet=quiet, debug=debug)
    inputs = inputs_or_stdin(
        inputs, "no ARTICLE given", "newsevents show samples/01_air_strike.txt"
    )
    chosen = choose_show_format(format, output)
    check_output_folder(output)
    check_output_not_input(output, inputs, "-o report.html")
    replacing = output is not None and output.is_file()
    explain_article = _load_explain()

    from newsevents.core.errors import (
        DictionaryError,
        InputError,
        ModelNotFoundError,
        NewsEventsError,
    )
    from newsevents.core.inputs import iter_inputs

    try:
        actors = load_actors(actor_files or [])
    except DictionaryError as err:
        return messages.failed(err)

    seen = events = failed = 0
    reports: list[tuple[Article, Sequence[ExplanationLike]]] = []
    with contextlib.ExitStack() as stack:
        if output is not None:
            stream: TextIO = stack.enter_context(atomic_output(output))
        else:
            stream = stdout if stdout is not None else sys.stdout
        console = console_for(stream)
        items = iter_inputs(
            inputs, glob=glob, default_date=published, stdin=stdin, input_format=input_format
        )
        try:
            for item in items:
                seen += 1
                if isinstance(item, InputError):
                    failed += 1
                    messages.error(article_failure(item.path, item), item)
                    continue
                for warning in item.warnings:
                    messages.warning(warning)
                try:
                    explanations = explain_article(item, model=model, actors=actors)
                except ModelNotFoundError:
                    raise
                except NewsEventsError as err:
                    failed += 1
                    messages.error(article_failure(item.path, err), err)
                    continue
                events += len(explanations)
                if chosen is ShowFormat.html:
                    reports.append((item, explanations))
                else:
                    render_terminal(console, item, explanations, explain=explain)
        except ModelNotFoundError as err:
            return messages.failed(err)
        if chosen is ShowFormat.html:
            stream.write(render_html(reports, explain=explain, version=__version__))
        stream.flush()
    if output is not None:
        messages.info(
            f"wrote {output}" + (" (replaced the file that was there)" if replacing else "")
        )
    messages.info(f"{_plural(seen, 'article')}, {_plural(events, 'event')}, {failed} failed")
    return ExitCode.INPUT_FAILED if failed else ExitCode.OK


def show_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ARTICLE",
            help="Article files (text, HTML, JSON), folders, or - for stdin.",
            show_default=False,
        ),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            "-x",
            help="Say why each event was coded so: the lexicon entry or pattern, the "
            "dependency path to each actor, modality and background rules, place candidates.",
        ),
    ] = False,
    format: Annotated[
        ShowFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="text for the terminal, html for one self-contained page. Default: html for "
            "an --output named .html, else text.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="Write to FILE instead of stdout.",
            metavar="FILE",
        ),
    ] = None,
    glob: Annotated[
        str | None,
        typer.Option(
            "--glob",
            help="Which files to read in folders. Default: `*.txt`.",
            metavar="PATTERN",
            show_default=False,
        ),
    ] = None,
    input_format: Annotated[
        InputFormat,
        typer.Option("--input-format", help="How to read inputs (as for extract)."),
    ] = InputFormat.auto,
    date_: Annotated[
        str | None,
        typer.Option(
            "--date", help="Publication date of articles that give none.", metavar="YYYY-MM-DD"
        ),
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline name or path.")] = (
        None
    ),
    actors: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Extra actor dictionary file (repeatable).", metavar="FILE"),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No warnings and no summary; errors only.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:
    """Show articles with their events highlighted, the event table and, with --explain, why.

    Trigger, source, target, place, date and casualty words are highlighted in their own
    colours and numbered by event (without colour, as [words|1 source]). --format html writes
    the same as one self-contained page to share: no scripts, nothing fetched.

    Examples:

        newsevents show samples/01_air_strike.txt --explain

        newsevents show samples/ --format html --output report.html
    """
    run_command(
        lambda: show(
            inputs or [],
            format=format,
            output=output,
            explain=explain,
            glob=glob,
            input_format=input_format.value,
            published=parse_date_option(date_),
            model=model,
            actor_files=actors or [],
            quiet=quiet,
            debug=debug,
        ),
        quiet=quiet,
        debug=debug,
    )
