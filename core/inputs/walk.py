"""The articles named by INPUTs: files, folders walked for matching files, and standard input."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path
from typing import BinaryIO

from ..article import Article
from ..errors import InputError, InputNotFoundError, NoMatchingFilesError, UnreadableInputError
from .formats import FORMAT_GLOBS, check_input_format
from .reader import articles_from, read_articles
from .source import STDIN


def walk(root: Path, pattern: str) -> Iterator[Path | InputError]:
    """Matching files under `root`, sorted, hidden entries skipped, each real folder once."""
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> Iterator[Path | InputError]:
        if not _first_visit(folder, seen):
            return
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except PermissionError:
            yield UnreadableInputError(
                str(folder), "permission denied", "check the folder's permissions"
            )
            return
        except OSError as err:
            problem = (err.strerror or str(err)).lower()
            yield UnreadableInputError(str(folder), problem, "check the folder")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            entry_path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows symlinks
                is_file = entry.is_file()
            except OSError:
                continue
            if is_dir:
                yield from visit(entry_path)
            elif is_file and fnmatchcase(entry.name, pattern):
                yield entry_path

    yield from visit(root)


def _first_visit(folder: Path, seen: set[tuple[int, int]]) -> bool:
    """Whether `folder` is readable and not read yet; marks it as read."""
    try:
        info = folder.stat()
    except OSError:
        return False
    key = (info.st_dev, info.st_ino)
    if key in seen:  # a symlink loop or a second link to a folder already read
        return False
    seen.add(key)
    return True


def iter_inputs(
    inputs: list[str],
    glob: str | None = None,
    default_date: date | None = None,
    stdin: BinaryIO | None = None,
    input_format: str = "auto",
) -> Iterator[Article | InputError]:
    """Stream the articles named by INPUTs, in order; failed inputs come out as InputError items.

    An input is a file (read whatever its name), a folder (its files matching `glob`, walked
    recursively in sorted order, hidden files and folders skipped, symlinked folders read once)
    or `-` for standard input (`stdin`, default `sys.stdin.buffer`). `glob` defaults to
    FORMAT_GLOBS[input_format] (`*.txt` for "auto"). `input_format` is one of INPUT_FORMATS
    (ValueError otherwise). `default_date` is the publication date of articles that give none.
    A JSON input yields one item per record. Never raises for one bad input.
    """
    check_input_format(input_format)
    pattern = glob or FORMAT_GLOBS[input_format]
    for item in inputs:
        if item == STDIN:
            yield from _stdin_articles(stdin, default_date, input_format)
            continue
        path = Path(item)
        if not item or not path.exists():
            yield InputNotFoundError(item, "no such file or folder", "check the path")
            continue
        if path.is_dir():
            yield from _folder_articles(item, pattern, default_date, input_format)
            continue
        yield from read_articles(path, default_date, input_format=input_format)


def _stdin_articles(
    stdin: BinaryIO | None, default_date: date | None, input_format: str
) -> Iterator[Article | InputError]:
    """The articles piped in (`stdin`, default `sys.stdin.buffer`); failures as items."""
    stream = stdin if stdin is not None else sys.stdin.buffer
    reader = None if input_format == "auto" else input_format
    try:
        yield from articles_from(stream, STDIN, reader, default_date, None)
    except InputError as err:
        yield err
    except OSError as err:
        problem = (err.strerror or str(err)).lower()
        yield UnreadableInputError(STDIN, problem, "check what is piped in")


def _folder_articles(
    item: str, pattern: str, default_date: date | None, input_format: str
) -> Iterator[Article | InputError]:
    """The articles of the files matching `pattern` under the folder `item`, in walk order."""
    found = False
    for entry in walk(Path(item), pattern):
        if isinstance(entry, InputError):
            yield entry
            continue
        found = True
        yield from read_articles(entry, default_date, input_format=input_format)
    if not found:
        yield NoMatchingFilesError(
            item,
            f"no files match '{pattern}' in this folder",
            "pick other files with --glob, e.g. --glob '*.md'",
        )
