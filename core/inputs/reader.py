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
import io
import itertools
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, BinaryIO

from ..article import Article
from ..errors import (
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
FORMAT_GLOBS: dict[str, str] = {
    "auto": DEFAULT_GLOB,
    "text": DEFAULT_GLOB,
    "html": "*.htm*",
    "jsonl": "*.*json*",
}
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
    """How messages name an input: the path, or `<stdin>` for standard input (`<stdin>#2`)."""
    if path == STDIN or path.startswith(STDIN + "#"):
        return "<stdin>" + path[len(STDIN) :]
    return path


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


class JsonInputError(InputError):
    """A JSON input, or one record of it, is not valid JSON or not an article object."""


class MissingReaderError(InputError):
    """Reading this input needs an optional package that is not installed."""


# A library never prints: keep the HTML extractors' log records away from the last-resort handler.
for _logger in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
    logging.getLogger(_logger).addHandler(logging.NullHandler())


def sniff_format(head: bytes) -> str:
    """The reader the first bytes ask for: "html" (`<`), "jsonl" (`{` or `[`), else "text"."""
    first = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if first == b"<":
        return "html"
    if first in (b"{", b"["):
        return "jsonl"
    return "text"


def check_input_format(input_format: str) -> None:
    """Raise ValueError naming the choices when `input_format` is not one of INPUT_FORMATS."""
    if input_format not in INPUT_FORMATS:
        choices = "|".join(INPUT_FORMATS)
        raise ValueError(f"unknown input format '{input_format}'; use one of {choices}")


def _format_for(path: str, input_format: str) -> str | None:
    """The reader a file needs: the given format, else by extension; None means sniff it."""
    if input_format != "auto":
        return input_format
    suffix = Path(path).suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _JSON_SUFFIXES:
        return "jsonl"
    if suffix in _TEXT_SUFFIXES:
        return "text"
    return None


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


def _title_and_body(title: str | None, body: str) -> str:
    """The article text: "title\\n\\nbody", unless the body already starts with the title."""
    body = body.replace("\r\n", "\n").strip()
    if not title:
        return body + "\n"
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    if first == title:
        return body + "\n"
    return f"{title}\n\n{body}\n"


def _parse_html(data: bytes, path: str) -> Article:
    """Extract the main text, title, date, URL and site of an HTML page with trafilatura."""
    try:
        import trafilatura
    except ImportError:
        raise MissingReaderError(
            path,
            "reading HTML needs the trafilatura package, which is not installed",
            "pip install trafilatura lxml_html_clean, or save the article as text",
        ) from None
    document = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        # Only the page's own publication date: a date guessed from the text could be an event's.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if isinstance(document, dict):  # older trafilatura versions return a dict
        meta: dict[str, Any] = document
    else:
        meta = {} if document is None else document.as_dict()
    title = (meta.get("title") or "").strip() or None
    lines = [line.strip() for line in (meta.get("text") or "").splitlines() if line.strip()]
    if title and lines and lines[0] == title:
        lines = lines[1:]
    if not lines:
        raise EmptyInputError(
            path,
            "no article text found in the HTML page",
            "check that it is an article page (not an index or a login page), "
            "or save its text as .txt",
        )
    warnings: list[str] = []
    published = _json_date(meta.get("date"), path, "page date", warnings)
    return Article(
        text=_title_and_body(title, "\n\n".join(lines)),
        path=path,
        title=title or lines[0],
        published=published,
        url=meta.get("url") or None,
        source=meta.get("sitename") or meta.get("hostname") or None,
        warnings=warnings,
    )


def _json_field(record: dict[str, Any], *keys: str) -> str | None:
    """The first of `keys` holding a non-blank string (or a number), stripped; else None."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, bool):
            continue
        if isinstance(value, (int, float)):
            return str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _json_date(value: Any, path: str, what: str, warnings: list[str]) -> date | None:
    """A publication date from "2024-05-04", "2024-05-04 10:20:00" or an ISO timestamp."""
    if value is None or value == "":
        return None
    match = _LEADING_DATE.match(str(value))
    if match is not None:
        with contextlib.suppress(ValueError):
            return date.fromisoformat(match.group(1))
    warnings.append(f"{display_name(path)}: {what} '{value}' is not a YYYY-MM-DD date; ignored")
    return None


def _json_type(value: Any) -> str:
    names = {str: "string", list: "list", dict: "object", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _json_record(
    record: Any, path: str, default_date: date | None, max_bytes: int, warnings: list[str]
) -> Article | InputError:
    """One scraped article object (news-please style) as an Article, or the error naming it."""
    if not isinstance(record, dict):
        return JsonInputError(
            path,
            f"a JSON {_json_type(record)}, not an article object",
            "give one object per article with 'title' and 'maintext' or 'text'",
        )
    body = _json_field(record, "maintext", "text")
    if body is None:
        return EmptyInputError(
            path,
            "no article text (no 'maintext' or 'text' field, or it is empty)",
            "add the article text, or leave this record out",
        )
    title = _json_field(record, "title")
    text = _title_and_body(title, body)
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return _too_large(path, size, max_bytes)
    language = _json_field(record, "language")
    if language and not language.lower().startswith("en"):
        warnings.append(
            f"{display_name(path)}: language '{language}'; newsevents reads English text, "
            "so events may be missed"
        )
    raw_date = record.get("date_publish") or record.get("date")
    published = _json_date(raw_date, path, "date", warnings) or default_date
    return Article(
        text=text,
        path=path,
        title=title or next(line for line in text.splitlines() if line.strip()).strip(),
        published=published,
        url=_json_field(record, "url"),
        source=_json_field(record, "source_domain", "source"),
        article_id=_json_field(record, "id", "article_id"),
        warnings=warnings,
    )


def _bad_json(path: str, err: json.JSONDecodeError, hint: str) -> JsonInputError:
    return JsonInputError(
        path, f"not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})", hint
    )


def _json_lines(
    lines: Iterable[tuple[int, bytes]], path: str, default_date: date | None, max_bytes: int
) -> Iterator[Article | InputError]:
    """One Article (or error) per non-blank line, named `path#N` with N the record number."""
    number = 0
    for line_number, raw in lines:
        if not raw.strip():
            continue
        number += 1
        where = f"{path}#{number}"
        if len(raw) > max_bytes:
            yield _too_large(where, len(raw), max_bytes)
            continue
        try:
            text, warnings = decode(raw, where)
            value = json.loads(text)
        except InputError as err:
            yield err
            continue
        except json.JSONDecodeError as err:
            yield JsonInputError(
                where,
                f"not valid JSON (line {line_number}, column {err.colno}: {err.msg})",
                "fix or remove this line; each line must be one article object",
            )
            continue
        yield _json_record(value, where, default_date, max_bytes, warnings)


def _json_articles(
    lines: Iterator[bytes],
    path: str,
    default_date: date | None,
    max_bytes: int,
    *,
    sniffed: bool = False,
) -> Iterator[Article | InputError]:
    """The articles of a JSON Lines stream (streamed) or of one JSON object or list.

    Raises InputError when the input as a whole is unusable; a bad record is yielded instead.
    """
    consumed: list[bytes] = []
    for raw in lines:
        consumed.append(raw)
        if raw.strip():
            break
    else:
        problem = "the input is empty" if not consumed else "the input holds only whitespace"
        raise EmptyInputError(path, problem, "give JSON article objects, or leave it out")
    first_text, first_warnings = decode(consumed[-1], path)
    try:
        first = json.loads(first_text)
    except json.JSONDecodeError:
        first = None
    numbered = enumerate(lines, start=len(consumed) + 1)
    if isinstance(first, dict):  # JSON Lines: read as it streams, whatever the size
        following = next(((n, raw) for n, raw in numbered if raw.strip()), None)
        if following is None:  # one object on one line: the article is the input itself
            record = _json_record(first, path, default_date, max_bytes, first_warnings)
            if isinstance(record, InputError):
                raise record
            yield record
            return
        everything = itertools.chain(enumerate(consumed, 1), [following], numbered)
        yield from _json_lines(everything, path, default_date, max_bytes)
        return
    total = sum(len(part) for part in consumed)
    for _, raw in numbered:
        consumed.append(raw)
        total += len(raw)
        if total > MAX_JSON_BYTES:
            raise TooLargeInputError(
                path,
                f"too large for one JSON document (more than {MAX_JSON_BYTES:,} bytes)",
                "write it as JSON Lines (one article object per line), which is streamed",
            )
    text, warnings = decode(b"".join(consumed), path)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        if sniffed and total <= max_bytes:  # "[Reuters] ..." is a text that starts with "["
            article = parse_article(text, path)
            article.warnings[:0] = warnings
            if article.published is None:
                article.published = default_date
            yield article
            return
        if any(_is_object_line(line) for line in text.splitlines()[1:6]):
            # JSON Lines whose first line is broken: the other lines still count.
            encoded = enumerate((line.encode("utf-8") for line in text.splitlines()), 1)
            yield from _json_lines(encoded, path, default_date, max_bytes)
            return
        raise _bad_json(
            path, err, "fix it, or give one article object per line (JSON Lines)"
        ) from None
    if isinstance(value, list):
        if not value:
            raise EmptyInputError(path, "an empty JSON list", "give at least one article object")
        for number, item in enumerate(value, 1):
            yield _json_record(item, f"{path}#{number}", default_date, max_bytes, list(warnings))
            warnings = []
        return
    if isinstance(value, dict):
        record = _json_record(value, path, default_date, max_bytes, warnings)
        if isinstance(record, InputError):
            raise record
        yield record
        return
    raise JsonInputError(
        path,
        f"a JSON {_json_type(value)}, not an article object or a list of them",
        "give objects with 'title' and 'maintext' or 'text'",
    )


def _is_object_line(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _articles_from(
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
        yield from _json_articles(
            _lines(prefix, handle), path, default_date, limit, sniffed=sniffed
        )
        return
    limit = max_bytes or (MAX_HTML_BYTES if reader == "html" else MAX_ARTICLE_BYTES)
    size = _size(handle)
    if size > limit:
        raise _too_large(path, size, limit)
    data = prefix + handle.read(max(0, limit + 1 - len(prefix)))
    if len(data) > limit:
        if size or path != STDIN:
            raise _too_large(path, len(data), limit)
        raise TooLargeInputError(
            path,
            f"too large for one article (more than {limit:,} bytes)",
            "split it into one file per article",
        )
    text, warnings = decode(data, path)
    if reader == "html":
        article = _parse_html(data, path)  # bytes: trafilatura honours the page's charset
    else:
        article = parse_article(text, path)
        article.warnings[:0] = warnings
    if article.published is None:
        article.published = default_date
    yield article


@contextlib.contextmanager
def _opened(path: Path | str) -> Iterator[BinaryIO]:
    """Open an input file for reading; OS errors become InputErrors naming the file."""
    name = str(path)
    if not os.path.exists(path):
        raise InputNotFoundError(name, "no such file or folder", "check the path")
    try:
        with open(path, "rb") as handle:
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
            reader = _format_for(str(path), input_format)
            yield from _articles_from(handle, str(path), reader, default_date, max_bytes)
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
    return _single(_articles_from(stream, path, reader, default_date, max_bytes), path)


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
            stream = stdin if stdin is not None else sys.stdin.buffer
            reader = None if input_format == "auto" else input_format
            try:
                yield from _articles_from(stream, STDIN, reader, default_date, None)
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
            for entry in _walk(path, pattern):
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
            continue
        yield from read_articles(path, default_date, input_format=input_format)
