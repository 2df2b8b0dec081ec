"""Rich consoles for people: control characters of article text, closed pipes."""

from __future__ import annotations

import io

import pytest

from newsevents.cli.terminal import console_for, print_wide, printable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\x1b[2Jb", "ab"),
        ("a\x1b]0;title\x07b", "ab"),
        ("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),
        ("a\x9b31mb", "ab"),
        ("a\x1bPq#0\x1b\\b", "ab"),
        ("a\x1b(Bb\x1b", "ab"),
        ("bell\x07 nul\x00 bs\x08 del\x7f cr\r", "bell nul bs del cr"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("é – “quoted” 東京", "é – “quoted” 東京"),
    ],
)
def test_terminal_printable(text: str, expected: str) -> None:
    assert printable(text) == expected


class ClosedPipe(io.StringIO):
    """A stdout whose reader went away (`| head`)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError

    def flush(self) -> None:
        raise BrokenPipeError


@pytest.mark.parametrize("wide", [False, True])
def test_terminal_closed_pipe_raises_broken_pipe(wide: bool) -> None:
    stream = ClosedPipe()
    with pytest.raises(BrokenPipeError):  # not rich's SystemExit(1)
        if wide:
            print_wide("a table", stream)
        else:
            console_for(stream).print("some words")
