"""Reading one input: open it, pick the reader for its format, and stream its articles.

Besides plain text (see `frontmatter`), an input may be an HTML page (`*.html`, `*.htm`, see
`html`) or JSON / JSON Lines of articles as scrapers write them (see `jsonl`). `input_format`
"auto" picks the reader by file extension and, for standard input and unknown extensions, by
the first character (`<` HTML, `{` or `[` JSON). The text of an HTML or JSON article is
"title\n\nbody".

Reading never prints: problems with the text are raised as named `InputError`s (or, by
`read_articles` and `iter_inputs`, yielded as items so one bad input never stops a batch);
recoverable oddities (an encoding guess, an unknown front-matter key) go into
`Article.warnings`.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..article import Article
from ..errors import InputError, InputNotFoundError, UnreadableInputError
from .decode import decode
from .formats import check_input_format, format_for, sniff_format
from .frontmatter import parse_article
from .html import parse_html
from .jsonl import JsonInputError, json_articles
from .source import (
    MAX_ARTICLE_BYTES,
    MAX_HTML_BYTES,
    STDIN,
    TooLargeInputError,
    too_large,
)

_CHUNK = 1 << 16


def _size(handle: BinaryIO) -> int:
    """The size of a regular file behind `handle`; 0 for pipes and in-memory streams."""
    try:
        info = os.fstat(handle.fileno())
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def _lines(prefix: bytes, handle: BinaryIO) -> Iterator[bytes]:
    """The lines of `prefix` followed by the rest of `handle`, read in chunks as needed."""
    buffer = prefix
    while True:
        end = buffer.find(b"\n")
        if end >= 0:
            yield buffer[: end + 1]
            buffer = buffer[end + 1 :]
            continue
        chunk = handle.read(_CHUNK)
        if not chunk:
            if buffer:
                yield buffer
            return
        buffer += chunk


def articles_from(
    handle: BinaryIO,
    path: str,
    reader: str | None,
    default_date: date | None,
    max_bytes: int | None,
) -> Iterator[Article | InputError]:
    """The articles in one open input; `reader` None sniffs the first bytes.

    Raises InputError when the input as a whole cannot be read; bad JSON records are yielded.
    """
    prefix = b""
    sniffed = reader is None
    if reader is None:
        prefix = handle.read(_CHUNK)
        reader = sniff_format(prefix)
    if reader == "jsonl":
        limit = max_bytes or MAX_ARTICLE_BYTES
        yield from json_articles(_lines(prefix, handle), path, default_date, limit, sniffed=sniffed)
        return
    limit = max_bytes or (MAX_HTML_BYTES if reader == "html" else MAX_ARTICLE_BYTES)
    size = _size(handle)
    if size > limit:
        raise too_large(path, size, limit)
    data = prefix + handle.read(max(0, limit + 1 - len(prefix)))
    if len(data) > limit:
        if size or path != STDIN:
            raise too_large(path, len(data), limit)
        raise TooLargeInputError(
            path,
            f"too large for one article (more than {limit:,} bytes)",
            "split it into one file per article",
        )
    text, warnings = decode(data, path)
    if reader == "html":
        article = parse_html(data, path)  # bytes: trafilatura honours the page's charset
    else:
        article = parse_article(text, path)
        article.warnings[:0] = warnings
    if article.published is None:
        article.published = default_date
    yield article


def _open_binary(path: Path | str) -> BinaryIO:
    """`open(path, "rb")`, but a named pipe is opened without waiting for a writer.

    `mkfifo p; newsevents extract p a.txt`: a plain open would block until something writes to
    `p`, and `a.txt` would never be read. With no writer the pipe reads as empty.
    """
    if not stat.S_ISFIFO(os.stat(path).st_mode):
        return open(path, "rb")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)  # a writer that is there is then read to its end
    return os.fdopen(fd, "rb")


@contextlib.contextmanager
def _opened(path: Path | str) -> Iterator[BinaryIO]:
    """Open an input file for reading; OS errors become InputErrors naming the file."""
    name = str(path)
    if not os.path.exists(path):
        raise InputNotFoundError(name, "no such file or folder", "check the path")
    try:
        with _open_binary(path) as handle:
            if stat.S_ISDIR(os.fstat(handle.fileno()).st_mode):
                raise IsADirectoryError(name)
            yield handle
    except PermissionError:
        raise UnreadableInputError(
            name, "permission denied", "check the file's permissions"
        ) from None
    except FileNotFoundError:
        raise UnreadableInputError(
            name, "the file vanished while being read", "check that nothing else moves it"
        ) from None
    except IsADirectoryError:
        raise UnreadableInputError(
            name, "is a folder, not a file", "give the folder as INPUT to read the files in it"
        ) from None
    except OSError as err:
        problem = (err.strerror or str(err)).lower()
        raise UnreadableInputError(name, problem, "check the file and try again") from None


def read_articles(
    path: Path | str,
    default_date: date | None = None,
    *,
    input_format: str = "auto",
    max_bytes: int | None = None,
) -> Iterator[Article | InputError]:
    """Stream the articles of one file (a JSON file may hold many); never raises InputError.

    `max_bytes` caps one article (default MAX_ARTICLE_BYTES, MAX_HTML_BYTES for HTML pages).
    """
    check_input_format(input_format)
    try:
        with _opened(path) as handle:
            reader = format_for(str(path), input_format)
            yield from articles_from(handle, str(path), reader, default_date, max_bytes)
    except InputError as err:
        yield err


def _single(items: Iterator[Article | InputError], path: str) -> Article:
    first = next(items)
    if isinstance(first, InputError):
        raise first
    if next(items, None) is not None:
        raise JsonInputError(
            path,
            "holds more than one article",
            "read it with iter_inputs or read_articles (or `newsevents extract`)",
        )
    return first


def read_article(
    path: Path | str,
    default_date: date | None = None,
    *,
    max_bytes: int | None = None,
    input_format: str = "auto",
) -> Article:
    """Read one article file; `default_date` is its publication date unless it gives one.

    Raises:
        InputNotFoundError, UnreadableInputError, EmptyInputError, BinaryInputError,
        TooLargeInputError, JsonInputError: each naming the file, the problem and the fix.
    """
    items = read_articles(path, default_date, input_format=input_format, max_bytes=max_bytes)
    return _single(items, str(path))


def read_stream(
    stream: BinaryIO,
    default_date: date | None = None,
    *,
    path: str = STDIN,
    max_bytes: int | None = None,
    input_format: str = "auto",
) -> Article:
    """Read one article from a binary stream (standard input by default)."""
    check_input_format(input_format)
    reader = None if input_format == "auto" else input_format
    return _single(articles_from(stream, path, reader, default_date, max_bytes), path)
