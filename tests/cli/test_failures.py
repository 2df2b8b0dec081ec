"""One way to report failures: each kind of error gives one message and one exit code."""

from __future__ import annotations

import errno

import pytest
import typer

from newsevents.cli.exitcodes import ExitCode
from newsevents.cli.failures import Messages, UsageProblem, failure, run_command
from newsevents.cli.writers.sqlite import DatabaseError
from newsevents.core.errors import (
    DictionaryError,
    GoldFormatError,
    InputError,
    ModelNotFoundError,
    NewsEventsError,
)


@pytest.mark.parametrize(
    ("err", "message", "code"),
    [
        (
            InputError("-#2", "empty", "add text"),
            "-#2: empty; add text",
            ExitCode.INPUT_FAILED,
        ),
        (UsageProblem("bad option"), "bad option", ExitCode.USAGE),
        (DictionaryError("a.csv", "line 2: empty"), "a.csv: line 2: empty", ExitCode.USAGE),
        (
            GoldFormatError("g.json", "no such gold file"),
            "g.json: no such gold file",
            ExitCode.USAGE,
        ),
        (ModelNotFoundError("no model"), "no model", ExitCode.USAGE),
        (DatabaseError("x.sqlite: not a database"), "x.sqlite: not a database", ExitCode.USAGE),
        (NewsEventsError("odd"), "odd", ExitCode.INPUT_FAILED),
        (
            OSError(errno.ENOSPC, "No space left on device"),
            "cannot write stdout: the disk is full; free some space or write to another disk",
            ExitCode.INPUT_FAILED,
        ),
        (
            OSError(errno.ENOSPC, "No space left on device", "out.csv"),
            "cannot write 'out.csv': the disk is full; free some space or write to another disk",
            ExitCode.INPUT_FAILED,
        ),
        (
            OSError(errno.EROFS, "Read-only file system", "out.csv"),
            "cannot write 'out.csv': the file system is read-only; write to another folder",
            ExitCode.INPUT_FAILED,
        ),
        (
            PermissionError(errno.EACCES, "Permission denied"),
            "unexpected PermissionError: [Errno 13] Permission denied; rerun with --debug for "
            "the traceback and report it",
            ExitCode.INPUT_FAILED,
        ),
        (
            KeyError("x"),
            "unexpected KeyError: 'x'; rerun with --debug for the traceback and report it",
            ExitCode.INPUT_FAILED,
        ),
    ],
)
def test_failures_message_and_code(err: Exception, message: str, code: ExitCode) -> None:
    assert failure(err) == (message, code)


def test_failures_run_command_exits_with_the_code(capsys: pytest.CaptureFixture[str]) -> None:
    def bad() -> ExitCode:
        raise UsageProblem("--workers 0 is not a number of processes; use 1 or more")

    with pytest.raises(typer.Exit) as done:
        run_command(bad)
    assert done.value.exit_code == ExitCode.USAGE
    assert capsys.readouterr().err == (
        "error: --workers 0 is not a number of processes; use 1 or more\n"
    )
    with pytest.raises(typer.Exit) as done:
        run_command(lambda: ExitCode.INPUT_FAILED)
    assert done.value.exit_code == ExitCode.INPUT_FAILED


def test_failures_run_command_debug_keeps_unexpected_tracebacks() -> None:
    def crash() -> ExitCode:
        raise KeyError("x")

    with pytest.raises(KeyError):
        run_command(crash, debug=True)


def test_failures_messages_failed_reports_and_returns_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = Messages(quiet=True).failed(DictionaryError("a.csv", "file not found; check the path"))
    assert code == ExitCode.USAGE
    assert capsys.readouterr().err == "error: a.csv: file not found; check the path\n"
