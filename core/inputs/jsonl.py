"""JSON and JSON Lines of scraped articles, as scrapers write them (news-please style).

Fields: `title`, `maintext` or `text`, `date_publish` or `date`, `url`, `source_domain` or
`source`, `id`. A JSON input may hold many articles: each one's path is `FILE#N` (N counts
records from 1), so rows and errors name it, and a bad record is one failed item. JSON Lines
is read as it streams, whatever its size; a JSON document is parsed whole (MAX_JSON_BYTES).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from ..article import Article
from ..errors import EmptyInputError, InputError
from .decode import decode
from .frontmatter import parse_article
from .scraped import scraped_date, title_and_body
from .source import MAX_JSON_BYTES, TooLargeInputError, display_name, too_large


class JsonInputError(InputError):
    """A JSON input, or one record of it, is not valid JSON or not an article object."""


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
    text = title_and_body(title, body)
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return too_large(path, size, max_bytes)
    language = _json_field(record, "language")
    if language and not language.lower().startswith("en"):
        warnings.append(
            f"{display_name(path)}: language '{language}'; newsevents reads English text, "
            "so events may be missed"
        )
    raw_date = record.get("date_publish") or record.get("date")
    published = scraped_date(raw_date, path, "date", warnings) or default_date
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
            yield too_large(where, len(raw), max_bytes)
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


def json_articles(
    lines: Iterator[bytes],
    path: str,
    default_date: date | None,
    max_bytes: int,
    *,
    sniffed: bool = False,
) -> Iterator[Article | InputError]:
    """The articles of a JSON Lines stream (streamed) or of one JSON object or list.

    Raises InputError when the input as a whole is unusable; a bad record is yielded instead.
    `sniffed` says the format was guessed from the first bytes, so a text that only starts
    like JSON ("[Reuters] ...") is read as a text.
    """
    consumed = _up_to_first_record(lines, path)
    first_text, first_warnings = decode(consumed[-1], path)
    try:
        first = json.loads(first_text)
    except json.JSONDecodeError:
        first = None
    numbered = enumerate(lines, start=len(consumed) + 1)
    if isinstance(first, dict):  # JSON Lines: read as it streams, whatever the size
        following = next(((n, raw) for n, raw in numbered if raw.strip()), None)
        if following is None:  # one object on one line: the article is the input itself
            yield _only_record(first, path, default_date, max_bytes, first_warnings)
            return
        everything = itertools.chain(enumerate(consumed, 1), [following], numbered)
        yield from _json_lines(everything, path, default_date, max_bytes)
        return
    data = _whole_document(consumed, numbered, path)
    text, warnings = decode(data, path)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        fits = len(data) <= max_bytes
        yield from _not_json(text, warnings, err, path, default_date, max_bytes, sniffed and fits)
        return
    yield from _document_articles(value, path, default_date, max_bytes, warnings)


def _up_to_first_record(lines: Iterator[bytes], path: str) -> list[bytes]:
    """The lines read up to and including the first non-blank one.

    Raises:
        EmptyInputError: the input is empty or holds only whitespace.
    """
    consumed: list[bytes] = []
    for raw in lines:
        consumed.append(raw)
        if raw.strip():
            return consumed
    problem = "the input is empty" if not consumed else "the input holds only whitespace"
    raise EmptyInputError(path, problem, "give JSON article objects, or leave it out")


def _only_record(
    record: Any, path: str, default_date: date | None, max_bytes: int, warnings: list[str]
) -> Article:
    """The article of an input that is one JSON object; a bad object fails the whole input."""
    article = _json_record(record, path, default_date, max_bytes, warnings)
    if isinstance(article, InputError):
        raise article
    return article


def _whole_document(
    consumed: list[bytes], numbered: Iterator[tuple[int, bytes]], path: str
) -> bytes:
    """The bytes of a JSON document: the lines read so far and the rest, up to MAX_JSON_BYTES.

    Raises:
        TooLargeInputError: the document is larger than MAX_JSON_BYTES.
    """
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
    return b"".join(consumed)


def _not_json(
    text: str,
    warnings: list[str],
    err: json.JSONDecodeError,
    path: str,
    default_date: date | None,
    max_bytes: int,
    as_text: bool,
) -> Iterator[Article | InputError]:
    """An input that does not parse as one JSON document: a text, JSON Lines, or an error.

    `as_text` reads it as a plain-text article (its format was only sniffed and it fits).
    """
    if as_text:  # "[Reuters] ..." is a text that starts with "["
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
    raise _bad_json(path, err, "fix it, or give one article object per line (JSON Lines)") from None


def _document_articles(
    value: Any, path: str, default_date: date | None, max_bytes: int, warnings: list[str]
) -> Iterator[Article | InputError]:
    """The articles of a parsed JSON document: a list of objects, or one object.

    Raises:
        EmptyInputError: an empty list.
        JsonInputError: neither a list nor an object.
    """
    if isinstance(value, list):
        if not value:
            raise EmptyInputError(path, "an empty JSON list", "give at least one article object")
        for number, item in enumerate(value, 1):
            yield _json_record(item, f"{path}#{number}", default_date, max_bytes, list(warnings))
            warnings = []
        return
    if isinstance(value, dict):
        yield _only_record(value, path, default_date, max_bytes, warnings)
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
