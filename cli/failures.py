"""How every command reports a failure: one `error:` line on stderr and an exit code.

`failure()` is the one place that turns an exception (a NewsEventsError of the core, a bad
option, an unusable output database) into the message and exit code the user sees;
`run_command()` wraps each command's work with it.
"""

from __future__ import annotations

import errno
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn

import click
import typer

from .exitcodes import ExitCode
from .terminal import silence_stdout


class UsageProblem(Exception):
    """A bad option or argument: reported as one `error:` line, exit code USAGE."""


@dataclass
class Messages:
    """Everything for people goes to stderr: warnings, per-file errors, the summary."""

    quiet: bool = False
    debug: bool = False

    def _echo(self, line: str) -> None:
        click.echo(line, err=True)

    def warning(self, text: str) -> None:
        """`warning: text`, unless quiet."""
        if not self.quiet:
            self._echo(f"warning: {text}")

    def error(self, text: str, exc: BaseException | None = None) -> None:
        """`error: text`, after the traceback of `exc` with --debug."""
        if self.debug and exc is not None:
            # A bug in a worker process comes as the traceback's text (`details`).
            details = getattr(exc, "details", None)
            if isinstance(details, str):
                self._echo(details.rstrip())
            elif exc.__traceback__ is not None:
                self._echo("".join(traceback.format_exception(exc)).rstrip())
        self._echo(f"error: {text}")

    def info(self, text: str) -> None:
        """A line for people (progress notes, the summary), unless quiet."""
        if not self.quiet:
            self._echo(text)

    def failed(self, err: BaseException) -> ExitCode:
        """Report `err` as `failure()` words it; return its exit code."""
        message, code = failure(err)
        self.error(message, err)
        return code


Failure = tuple[str, ExitCode]


def unreadable_article(err: BaseException) -> Failure | None:
    """An article that cannot be read fails alone: `a.txt: the file is empty; add text`."""
    from newsevents.core.errors import InputError

    if isinstance(err, InputError):
        return article_failure(err.path, err), ExitCode.INPUT_FAILED
    return None


def usage_failure(err: BaseException) -> Failure | None:
    """Bad options, dictionaries, gold files, databases or no model stop it all: `--date 'x' ...`.

    Nothing was processed, so they are usage errors (a GoldFormatError is a DictionaryError).
    """
    from newsevents.core.errors import DictionaryError, ModelNotFoundError

    from .writers.sqlite import DatabaseError

    if isinstance(err, (UsageProblem, DictionaryError, ModelNotFoundError, DatabaseError)):
        return str(err), ExitCode.USAGE
    return None


WRITE_PROBLEMS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("the disk is full", "free some space or write to another disk"),
    errno.EDQUOT: ("the disk quota is used up", "free some space or write to another disk"),
    errno.EFBIG: ("the file is too large for its file system", "write to another disk"),
    errno.EROFS: ("the file system is read-only", "write to another folder"),
    errno.EACCES: ("permission denied", "make it writable or write to another folder"),
}
"""Write errors newsevents words itself: errno -> (the problem, the fix)."""


def write_failure(err: BaseException) -> Failure | None:
    """Writing the output failed: `cannot write 'out.csv': the disk is full; free some space`.

    A write error with no file name is stdout's (`> /dev/full`); one with a name comes from
    `--output` (see writers.atomic_output).
    """
    if not isinstance(err, OSError) or err.errno not in WRITE_PROBLEMS:
        return None
    if err.filename is None and err.errno == errno.EACCES:
        return None  # not known to be a write: left to the rules after
    problem, fix = WRITE_PROBLEMS[err.errno]
    name = "stdout" if err.filename is None else f"'{err.filename}'"
    return f"cannot write {name}: {problem}; {fix}", ExitCode.INPUT_FAILED


def core_failure(err: BaseException) -> Failure | None:
    """Another error the core raises on purpose says what failed in its own words."""
    from newsevents.core.errors import NewsEventsError

    if isinstance(err, NewsEventsError):
        return str(err), ExitCode.INPUT_FAILED
    return None


def unexpected_failure(err: BaseException) -> Failure:
    """Anything else is a bug to report: `unexpected KeyError: 'x'; rerun with --debug ...`."""
    return unexpected(err), ExitCode.INPUT_FAILED


FAILURE_RULES: tuple[Callable[[BaseException], Failure | None], ...] = (
    unreadable_article,
    usage_failure,
    write_failure,
    core_failure,
    unexpected_failure,
)
"""How a failure is worded and which exit code it gives, first rule that answers wins."""


def failure(err: BaseException) -> Failure:
    """The message and exit code of a failure that stops a command (see FAILURE_RULES)."""
    for rule in FAILURE_RULES:
        found = rule(err)
        if found is not None:
            return found
    return unexpected_failure(err)  # not reached: the last rule always answers


def is_expected(err: BaseException) -> bool:
    """Whether `err` is a failure newsevents words itself (not a bug to report)."""
    from newsevents.core.errors import NewsEventsError

    from .writers.sqlite import DatabaseError

    return isinstance(err, (UsageProblem, NewsEventsError, DatabaseError))


def unexpected(err: BaseException) -> str:
    """The message of an error newsevents did not expect: what it was, and what to do."""
    return (
        f"unexpected {type(err).__name__}: {err}; rerun with --debug for the traceback "
        "and report it"
    )


def article_failure(path: str, err: BaseException) -> str:
    """The message of one article that failed: its name, then what went wrong."""
    from newsevents.core.errors import InputError
    from newsevents.core.inputs import display_name

    if isinstance(err, InputError):
        return f"{display_name(err.path)}: {err.problem}; {err.hint}"
    return f"{display_name(path)}: {err}"


def run_command(
    work: Callable[[], ExitCode], *, quiet: bool = False, debug: bool = False
) -> NoReturn:
    """Run a command's work and exit with its code, reporting what stops it on the way.

    Ctrl-C before the work handles it exits INTERRUPTED; a closed stdout (`| head`) exits OK;
    with `debug`, unexpected errors keep their traceback.
    """
    try:
        code = work()
    except KeyboardInterrupt:  # before any article was read (e.g. while loading spaCy)
        Messages(quiet=quiet).info("interrupted")
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as all commands do
        silence_stdout()
        raise typer.Exit(ExitCode.OK) from None
    except Exception as err:
        if debug and not is_expected(err):
            raise
        message, code = failure(err)
        Messages().error(message)
        raise typer.Exit(code) from None
    raise typer.Exit(code)
