"""Output formats: one module per format, registered here and nowhere else.

Every writer takes a text stream and has `write(events)` (called once per article, in input
order) and `close()` (called once, in a `finally`, so the output is valid even when cut short).
Writer modules import the core lazily so that `newsevents --help` stays light. The formats in
IN_PLACE instead take the output file's path and write it in place (a database, one transaction
per article); they cannot write to stdout.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO, cast

from .csv import CsvWriter
from .json import JsonWriter
from .jsonl import JsonlWriter
from .sqlite import SqliteWriter
from .table import TableWriter

if TYPE_CHECKING:
    from newsevents.core.record import Event


class Writer(Protocol):
    """What every output format provides."""

    def write(self, events: list[Event]) -> None: ...

    def close(self) -> None: ...


WRITERS: dict[str, Callable[..., Writer]] = {
    "table": TableWriter,
    "json": JsonWriter,
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "sqlite": SqliteWriter,
}
"""The one registry of output formats: name -> writer class (given a stream, or a path)."""

IN_PLACE: frozenset[str] = frozenset({"sqlite"})
"""Formats whose writer takes the `--output` path and writes it in place, not a stream."""

EXTENSIONS: dict[str, str] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
}
"""`--output` file extension -> format, used when `--format` is not given."""


def writer_for(
    format: str,
    stream: TextIO,
    *,
    csv_safe: bool = False,
    note: Callable[[str], None] | None = None,
) -> Writer:
    """A writer of `format` (a WRITERS key, not IN_PLACE) on `stream`; KeyError when unknown.

    `csv_safe` neutralises spreadsheet formulas in the text cells of `csv` (see CsvWriter);
    `note` takes the messages of `table` for people (default: stderr).
    """
    if format == "csv":
        return CsvWriter(stream, safe=csv_safe)
    if format == "table":
        return TableWriter(stream, note=note)
    return WRITERS[format](stream)


def format_for_path(path: str | Path) -> str | None:
    """The format an output file name asks for (by extension), or None when it does not say."""
    return EXTENSIONS.get(Path(path).suffix.lower())


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[TextIO]:
    """Open `path` for writing so that it only ever holds complete output.

    Writes a temporary file in the same folder and moves it over `path` (os.replace) when the
    block ends normally or by KeyboardInterrupt (the writers have closed the output, so what
    was written is valid); on any other exception the temporary file is removed and `path` is
    left as it was. UTF-8, newline="" (the CSV module writes its own line ends). A symlink is
    followed (its target is replaced, the link stays); a device or FIFO is written through.
    """
    target = Path(os.path.realpath(path))
    if target.exists() and not stat.S_ISREG(target.stat().st_mode):
        # /dev/null, /dev/stdout, a FIFO: a rename would put a plain file in their place
        with _naming(path), open(target, "w", encoding="utf-8", newline="") as through:
            yield cast(TextIO, through)
        return
    with _naming(path):
        handle = cast(
            TextIO,
            tempfile.NamedTemporaryFile(  # closed by _commit or on failure
                mode="w",
                encoding="utf-8",
                newline="",
                dir=target.parent,
                prefix=f".{target.name}.",
                suffix=".tmp",
                delete=False,
            ),
        )
    temp = Path(handle.name)
    try:
        with _naming(path):
            try:
                yield handle
            except KeyboardInterrupt:
                _commit(handle, temp, target)
                raise
            _commit(handle, temp, target)
    except BaseException:
        handle.close()
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES})
"""The errors of writing a file that are about the file's place, not a bug."""


@contextlib.contextmanager
def _naming(path: str | Path) -> Iterator[None]:
    """Give a write error the output's name: `[Errno 28] ...` -> `[Errno 28] ...: 'out.csv'`."""
    try:
        yield
    except OSError as err:
        if err.errno not in WRITE_ERRNOS:
            raise
        raise OSError(err.errno, err.strerror, str(path)) from err


def _commit(handle: TextIO, temp: Path, target: Path) -> None:
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()
    try:
        mode = target.stat().st_mode & 0o7777  # keep the permissions of the file replaced
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)
    os.replace(temp, target)
