"""Reading one input: dates, size limits, missing and unreadable files, streams."""

from __future__ import annotations

import io
import os
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from newsevents.core.errors import (
    EmptyInputError,
    InputNotFoundError,
    UnreadableInputError,
)
from newsevents.core.inputs import reader
from newsevents.core.inputs.reader import read_article, read_stream
from newsevents.core.inputs.source import TooLargeInputError

from .samples import BODY, WriteArticle


def test_reader_read_article_default_date(write_article: WriteArticle) -> None:
    plain = write_article("plain.txt", BODY)
    dated = write_article("dated.txt", BODY, date="2020-01-02")
    assert read_article(plain, date(2024, 5, 4)).published == date(2024, 5, 4)
    assert read_article(dated, date(2024, 5, 4)).published == date(2020, 1, 2)
    assert read_article(plain).published is None


def test_reader_read_article_too_large(write_article: WriteArticle) -> None:
    path = write_article("big.txt", data=b"word " * 30)
    with pytest.raises(TooLargeInputError) as info:
        read_article(path, max_bytes=100)
    assert str(info.value) == (
        f"{path}: too large for one article (150 bytes; the limit is 100); "
        "split it into one file per article"
    )


def test_reader_read_article_missing(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError) as info:
        read_article(tmp_path / "nope.txt")
    assert str(info.value) == f"{tmp_path / 'nope.txt'}: no such file or folder; check the path"


@pytest.mark.parametrize(
    ("raised", "problem", "hint"),
    [
        (
            PermissionError(13, "Permission denied"),
            "permission denied",
            "check the file's permissions",
        ),
        (
            FileNotFoundError(2, "No such file or directory"),
            "the file vanished while being read",
            "check that nothing else moves it",
        ),
        (OSError(5, "Input/output error"), "input/output error", "check the file and try again"),
    ],
    ids=["permission", "vanished", "io-error"],
)
def test_reader_read_article_unreadable(
    write_article: WriteArticle,
    monkeypatch: pytest.MonkeyPatch,
    raised: OSError,
    problem: str,
    hint: str,
) -> None:
    # We run as root, where chmod 000 does not stop reading: simulate the failing open().
    path = write_article("locked.txt", BODY)

    def failing_open(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(reader, "open", failing_open, raising=False)
    with pytest.raises(UnreadableInputError) as info:
        read_article(path)
    assert str(info.value) == f"{path}: {problem}; {hint}"


def test_reader_read_stream_stdin() -> None:
    article = read_stream(io.BytesIO(BODY.encode()), date(2024, 5, 4))
    assert (article.path, article.text, article.published) == ("-", BODY, date(2024, 5, 4))


def test_reader_read_stream_empty_names_stdin() -> None:
    with pytest.raises(EmptyInputError) as info:
        read_stream(io.BytesIO(b""))
    assert info.value.path == "-"


def _opens(fifo: Path) -> list[int]:
    """One per descriptor of this process open on `fifo` (read from /proc/self/fd)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            found.append(int(os.path.realpath(f"/proc/self/fd/{fd}") == str(fifo.resolve())))
        except OSError:
            continue
    return found


@pytest.mark.parametrize("writer", [True, False])
def test_reader_read_article_fifo_never_waits_for_a_writer(tmp_path: Path, writer: bool) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    if writer:
        # A thread plays the other program. It holds the pipe open (O_RDWR never blocks on
        # Linux) before the reader comes, and writes only once the reader has it open too, so
        # the test does not hang on who comes first.
        held = os.open(fifo, os.O_RDWR)

        def write_when_read() -> None:
            while sum(_opens(fifo)) < 2:
                time.sleep(0.01)
            os.write(held, BODY.encode())
            os.close(held)

        thread = threading.Thread(target=write_when_read)
        thread.start()
        assert read_article(fifo).text == BODY
        thread.join(timeout=10)
    else:
        with pytest.raises(EmptyInputError):
            read_article(fifo)
