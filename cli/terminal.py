"""Rich consoles for people: colour only on a terminal without NO_COLOR, wide when redirected."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from functools import cache
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

_MAX_WIDTH = 1000

_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing the screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks, clipboard
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # any other escape sequence, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # CSI as one C1 character
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # other C0 and C1 controls (not newline or tab) and DEL
)
"""Control characters and escape sequences in article text that would drive the terminal."""


def printable(text: str) -> str:
    """Article text safe to print on a terminal: `a\\x1b[2Jb` -> `ab`; newline and tab stay."""
    return _CONTROL.sub("", text)


def silence_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the exit flush does not fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@cache
def _console_class() -> type[Console]:
    """Rich's Console, but a closed pipe raises BrokenPipeError (rich exits with status 1)."""
    from rich.console import Console

    class PipeConsole(Console):
        """A Console that leaves a closed pipe to the command (`| head` is no failure)."""

        def on_broken_pipe(self) -> None:
            self.quiet = True  # print nothing more
            raise BrokenPipeError

    return PipeConsole


def console_for(stream: TextIO, *, width: int | None = None) -> Console:
    """A console on `stream`: colour and styles only on a terminal and when NO_COLOR is unset."""
    console = _console_class()
    probe = console(file=stream)
    plain = not probe.is_terminal or bool(os.environ.get("NO_COLOR"))
    return console(
        file=stream,
        highlight=False,
        width=width,
        no_color=plain,
        color_system=None if plain else "auto",
        emoji=False,
    )


def is_plain(console: Console) -> bool:
    """True when the console writes no ANSI codes (redirected or NO_COLOR)."""
    return console.color_system is None


def print_wide(renderable: RenderableType, stream: TextIO) -> None:
    """Print a table: fitted to a terminal, as wide as it wants when written to a file or pipe."""
    console = console_for(stream)
    if not console.is_terminal:  # a file or pipe: no folding, so each row stays one line
        measured = console_for(stream, width=_MAX_WIDTH).measure(renderable).maximum
        console = console_for(stream, width=measured)
    console.print(renderable)
    stream.flush()
