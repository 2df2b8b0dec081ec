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
