"""The `newsevents` command line: a Typer app; each command lives in `cli/commands/`.

Only option parsing, input/output and exit codes live in cli/; the work is done by
`newsevents.core`, imported lazily inside commands so `newsevents --help` never loads spaCy.
"""

from __future__ import annotations

from typing import Annotated

import typer

from newsevents import __version__

from .commands.codes import codes_command
from .commands.evaluate import evaluate_command
from .commands.extract import extract_cli
from .commands.show import show_command
from .exitcodes import ExitCode

app = typer.Typer(
    name="newsevents",  # the help is the docstring of main() below
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsevents {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Offline news-to-event coder: who did what to whom, where, when, how many.

    Example: newsevents extract samples/01_air_strike.txt --format json
    """


# Commands: one line each; a command is a function in cli/commands/<name>.py.
app.command("extract")(extract_cli)
app.command("evaluate")(evaluate_command)
app.command("show")(show_command)
app.command("codes")(codes_command)


def run() -> None:
    """Console-script entry point (`newsevents`, `python -m newsevents`)."""
    app(prog_name="newsevents")
