"""An article as read from a file, stdin, or a string."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Article:
    """One news article: the text the extractor reads and what is known about it.

    `text` is the article as read (headline, blank line, body); character offsets in events
    index it. `path` is the input path, or "-" for standard input.
    """

    text: str
    path: str = "-"
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    article_id: str | None = None
    warnings: list[str] = field(default_factory=list)
