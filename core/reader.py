"""Reading articles from files, folders and standard input.

An article file is plain text, optionally starting with a front-matter block::

    ---
    title: Police detain protesters in Lagos
    date: 2024-05-04
    url: https://example.org/lagos
    source: Example Wire
    id: ex-123
    ---
    Police detain protesters in Lagos

    LAGOS - Police detained ...

`date` is the publication date (YYYY-MM-DD); relative dates in the text resolve against it.
The article text is what follows the closing `---` line, without the blank lines right after
it; character offsets in events index that text (not the file), so front matter never shifts
them. The title is the front-matter title, else the first non-empty line of the text.

Besides plain text, an input may be an HTML page (`*.html`, `*.htm`: main text, title and
publication date extracted with trafilatura, boilerplate dropped) or JSON / JSON Lines of
articles as scrapers write them (news-please style: `title`, `maintext` or `text`,
`date_publish` or `date`, `url`, `source_domain` or `source`, `id`). A JSON input may hold many
articles: each one's path is `FILE#N` (N counts records from 1), so rows and errors name it,
and a bad record is one failed item. `input_format` "auto" picks the reader by file extension
and, for standard input and unknown extensions, by the first character (`<` HTML, `{` or `[`
JSON). The text of an HTML or JSON article is "title\n\nbody".

Reading never prints: problems with the text are raised as named `InputError`s (or, by
`iter_inputs`, yielded as items so one bad input never stops a batch); recoverable oddities
(an encoding guess, an unknown front-matter key) go into `Article.warnings`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, BinaryIO

from .article import Article
from .errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputNotFoundError,
    NoMatchingFilesError,
    UnreadableInputError,
)

STDIN = "-"
"""The INPUT name (and `Article.path`) of standard input."""

MAX_ARTICLE_BYTES = 1_000_000
"""Larger inputs are refused: no news article is this long, and spaCy's default limit is 1M."""

MAX_HTML_BYTES = 10_000_000
"""Larger HTML pages are refused: pages carry scripts and markup, so the limit is higher."""

MAX_JSON_BYTES = 500_000_000
"""A JSON document (not JSON Lines, which is streamed) is parsed whole, so it is capped."""

INPUT_FORMATS: tuple[str, ...] = ("auto", "text", "html", "jsonl")
"""`input_format` values: "jsonl" reads JSON Lines and JSON (one object or a list)."""

DEFAULT_GLOB = "*.txt"
"""Files read in folders when no glob is given (for "auto" and "text")."""

# Folder walks with --input-format html/jsonl and no --glob take these files.
FORMAT_GLOBS: dict[str, str] = {"auto": DEFAULT_GLOB, "text": DEFAULT_GLOB, "html": "*.htm*",
                                "jsonl": "*.*json*"}
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
_LEADING_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?\s*$")
_CHUNK = 1 << 16

FRONT_MATTER_KEYS: tuple[str, ...] = ("title", "date", "url", "source", "id")
_FRONT_MATTER_MAX_LINES = 50
_FENCE = "---"
_KEY_VALUE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*?)\s*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# (magic bytes, what the file is); checked before anything is decoded.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


class TooLargeInputError(InputError):
    """The input is larger than MAX_ARTICLE_BYTES: not one news article."""


def display_name(path: str) -> str:
    """How messages name an input: the path, or `<stdin>` for standard input."""
    return "<stdin>" if path == STDIN else path


def parse_date(value: str) -> date:
    """Parse a strict YYYY-MM-DD date; raise ValueError otherwise."""
    if not _ISO_DATE.match(value.strip()):
        raise ValueError(f"not YYYY-MM-DD: {value!r}")
    return date.fromisoformat(value.strip())


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _split_front_matter(raw: str) -> tuple[dict[str, str], str] | None:
    """Return (front matter, rest) when `raw` starts with a well-formed block, else None."""
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].strip() != _FENCE:
        return None
    meta: dict[str, str] = {}
    consumed = len(lines[0])
    for line in lines[1 : _FRONT_MATTER_MAX_LINES + 1]:
        consumed += len(line)
        stripped = line.strip()
        if stripped == _FENCE:
            return meta, raw[consumed:]
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEY_VALUE.match(stripped)
        if match is None:
            return None  # not front matter after all (e.g. a text starting with a rule)
        meta[match.group(1).lower()] = _unquote(match.group(2))
    return None


def parse_article(raw: str, path: str) -> Article:
    """Turn the decoded contents of one input into an Article.

    Strips an optional front-matter block (see the module docstring) and the blank lines after
    it; `Article.text` is the rest, unchanged, and event offsets index it.

    Raises:
        EmptyInputError: when there is no article text (nothing, only whitespace, or only
            front matter).
    """
    name = display_name(path)
    if not raw.strip():
        problem = "the input is empty" if not raw else "the input holds only whitespace"
        raise EmptyInputError(path, problem, "give an article text, or leave this input out")
    warnings: list[str] = []
    meta: dict[str, str] = {}
    text = raw
    split = _split_front_matter(raw)
    if split is not None:
        meta, text = split
        text = re.sub(r"\A(?:[ \t]*\r?\n)+", "", text)
        if not text.strip():
            raise EmptyInputError(
                path, "no article text after the front matter", "add the text below the '---'"
            )
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            known = ", ".join(FRONT_MATTER_KEYS)
            warnings.append(f"{name}: unknown front matter key '{key}' ignored (known: {known})")
    published: date | None = None
    if meta.get("date"):
        try:
            published = parse_date(meta["date"])
        except ValueError:
            warnings.append(
                f"{name}: front matter date '{meta['date']}' is not a YYYY-MM-DD date; ignored"
            )
    title = meta.get("title") or next(
        (line.strip() for line in text.splitlines() if line.strip()), None
    )
    return Article(
        text=text,
        path=path,
        title=title,
        published=published,
        url=meta.get("url") or None,
        source=meta.get("source") or None,
        article_id=meta.get("id") or None,
        warnings=warnings,
    )


def _too_large(path: str, size: int, max_bytes: int) -> TooLargeInputError:
    return TooLargeInputError(
        path,
        f"too large for one article ({size:,} bytes; the limit is {max_bytes:,})",
        "split it into one file per article",
    )


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode the bytes of one input; return (text, warnings).

    UTF-8, UTF-8 with BOM and UTF-16/32 with BOM decode silently; anything else that is not
    valid UTF-8 decodes as Windows-1252 (falling back to Latin-1) with a warning.

    Raises:
        EmptyInputError: no bytes at all.
        BinaryInputError: a PDF, PNG, JPEG or GIF file, or NUL bytes in a text without a BOM.
    """
    name = display_name(path)
    if not data:
        raise EmptyInputError(path, "the input is empty", "give an article text, or leave it out")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), []
            except UnicodeDecodeError:
                warning = f"{name}: broken {codec.upper()} text; unreadable characters replaced"
                return data.decode(codec, errors="replace"), [warning]
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            hint = (
                "convert it to plain text first (e.g. pdftotext)"
                if kind == "a PDF document"
                else "give a plain-text article"
            )
            raise BinaryInputError(path, f"{kind}, not text", hint)
    if b"\x00" in data:
        raise BinaryInputError(
            path, "a binary file (it contains NUL bytes), not text", "give a plain-text article"
        )
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        where = err.start
    try:
        text, codec = data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, codec = data.decode("latin-1"), "Latin-1"
    warning = (
        f"{name}: not valid UTF-8 (byte {where}); read as {codec}, check accented characters "
        "or save the file as UTF-8"
    )
    return text, [warning]


def _parse_bytes(data: bytes, path: str, default_date: date | None) -> Article:
    text, warnings = decode(data, path)
    article = parse_article(text, path)
    article.warnings[:0] = warnings
    if article.published is None:
        article.published = default_date
    return article


def read_article(
    path: Path | str,
    default_date: date | None = None,
    *,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Article:
    """Read one article file; `default_date` is its publication date unless it gives one.

    Raises:
        InputNotFoundError, UnreadableInputError, EmptyInputError, BinaryInputError,
        TooLargeInputError: each naming the file, the problem and the fix.
    """
    name = str(path)
    if not os.path.exists(path):
        raise InputNotFoundError(name, "no such file or folder", "check the path")
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(name)
            if info.st_size > max_bytes:
                raise _too_large(name, info.st_size, max_bytes)
            data = handle.read(max_bytes + 1)
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
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    return _parse_bytes(data, name, default_date)


def read_stream(
    stream: BinaryIO,
    default_date: date | None = None,
    *,
    path: str = STDIN,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Article:
    """Read one article from a binary stream (standard input by default)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLargeInputError(
            path,
            f"too large for one article (more than {max_bytes:,} bytes)",
            "split it into one file per article",
        )
    return _parse_bytes(data, path, default_date)


def _walk(root: Path, pattern: str) -> Iterator[Path | InputError]:
    """Matching files under `root`, sorted, hidden entries skipped, each real folder once."""
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> Iterator[Path | InputError]:
        try:
            info = folder.stat()
        except OSError:
            return
        key = (info.st_dev, info.st_ino)
        if key in seen:  # a symlink loop or a second link to a folder already read
            return
        seen.add(key)
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


def iter_inputs(
    inputs: list[str],
    glob: str = "*.txt",
    default_date: date | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Stream the articles named by INPUTs, in order; failed inputs come out as InputError items.

    An input is a file (read whatever its name), a folder (its files matching `glob`, walked
    recursively in sorted order, hidden files and folders skipped, symlinked folders read once)
    or `-` for standard input (`stdin`, default `sys.stdin.buffer`). `default_date` is the
    publication date of articles that give none. Never raises for one bad input.
    """
    for item in inputs:
        if item == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                yield read_stream(stream, default_date)
            except InputError as err:
                yield err
            except OSError as err:
                problem = (err.strerror or str(err)).lower()
                yield UnreadableInputError(STDIN, problem, "check what is piped in")
            continue
        path = Path(item)
        if not item or not path.exists():
            yield InputNotFoundError(item, "no such file or folder", "check the path")
            continue
        if path.is_dir():
            found = False
            for entry in _walk(path, glob):
                if isinstance(entry, InputError):
                    yield entry
                    continue
                found = True
                try:
                    yield read_article(entry, default_date)
                except InputError as err:
                    yield err
            if not found:
                yield NoMatchingFilesError(
                    item,
                    f"no files match '{glob}' in this folder",
                    "pick other files with --glob, e.g. --glob '*.md'",
                )
            continue
        try:
            yield read_article(path, default_date)
        except InputError as err:
            yield err
