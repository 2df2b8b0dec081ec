"""Plain-text articles and their optional front matter.

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
"""

from __future__ import annotations

import re
from datetime import date

from ..article import Article
from ..errors import EmptyInputError
from .source import display_name

FRONT_MATTER_KEYS: tuple[str, ...] = ("title", "date", "url", "source", "id")
_FRONT_MATTER_MAX_LINES = 50
_FENCE = "---"
_KEY_VALUE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*?)\s*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: str) -> date:
    """Parse a strict YYYY-MM-DD date; raise ValueError otherwise."""
    if not _ISO_DATE.match(value.strip()):
        raise ValueError(f"not YYYY-MM-DD: {value!r}")
    return date.fromisoformat(value.strip())


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _is_blank_or_comment(stripped: str) -> bool:
    return not stripped or stripped.startswith("#")


def _read_keys(lines: list[str], name: str) -> tuple[dict[str, str], list[str]]:
    """The `key: value` lines of a front-matter block (its line 2 on) and warnings on the others."""
    meta: dict[str, str] = {}
    warnings: list[str] = []
    for number, line in enumerate(lines, 2):
        stripped = line.strip()
        if _is_blank_or_comment(stripped):
            continue
        match = _KEY_VALUE.match(stripped)
        if match is None:
            warnings.append(
                f"{name}: line {number}: front matter line '{stripped[:60]}' is not 'key: value'; "
                "ignored (write it as key: value, or below the closing '---')"
            )
            continue
        meta[match.group(1).lower()] = _unquote(match.group(2))
    return meta, warnings


def _unclosed_end(lines: list[str]) -> int:
    """Where an unclosed block ends: at its first line that is blank or not `key: value`."""
    end = 1
    while (
        end < len(lines)
        and end <= _FRONT_MATTER_MAX_LINES
        and (lines[end].strip().startswith("#") or _KEY_VALUE.match(lines[end].strip()))
    ):
        end += 1
    return end


def _split_front_matter(raw: str, name: str) -> tuple[dict[str, str], str, list[str]] | None:
    """(front matter, rest, warnings) when `raw` starts with a `---` line, else None.

    A malformed block is read as far as it goes, with a warning naming the line: a line that is
    not `key: value` is skipped; a block never closed ends at its first line that is blank or
    not `key: value` ("---", "title: X", "Police said ..." -> title X, text "Police said ...").
    """
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].strip() != _FENCE:
        return None
    limit = min(len(lines), _FRONT_MATTER_MAX_LINES + 1)
    closing = next((n for n in range(1, limit) if lines[n].strip() == _FENCE), None)
    if closing is not None:
        meta, warnings = _read_keys(lines[1:closing], name)
        return meta, "".join(lines[closing + 1 :]), warnings
    end = _unclosed_end(lines)
    meta, warnings = _read_keys(lines[1:end], name)
    read = "line 2" if end == 2 else f"lines 2-{end}"
    warnings.insert(
        0,
        f"{name}: line 1: front matter '---' is never closed; read {read} as front "
        "matter and the rest as the text (add a '---' line after the front matter)"
        if end > 1
        else f"{name}: line 1: front matter '---' is never closed and holds no 'key: value' "
        "line; read the rest as the text (delete the '---' line, or close the front matter)",
    )
    return meta, "".join(lines[end:]), warnings


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
    split = _split_front_matter(raw, name)
    if split is not None:
        meta, text, warnings = split
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
