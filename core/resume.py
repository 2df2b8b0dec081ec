"""Resuming a run: which articles a store already holds, converted the same way, to skip.

An article is done when the store holds it converted without error, from the same content
(`article_sha256`), by the same extractor (`version.extractor_version`) and with the same
settings (`settings_key`). The store itself (a SQLite file, say) only answers what it holds for
a path; the decision is made here.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from .article import Article
from .errors import InputError


class Stamp(NamedTuple):
    """What an article was converted from and with: content hash, extractor, settings."""

    sha256: str
    extractor_version: str
    settings: str


Lookup = Callable[[str], "Stamp | tuple[Any, ...] | None"]
"""The stamp a store holds for an article key (see `article_key`) converted without error."""


def article_key(path: str) -> str:
    """The file an article path names, resolved: `dir/a.txt` -> `/home/me/dir/a.txt`.

    The same file typed two ways (`/x/dir/a.txt`, `dir/a.txt`) is one article; a record keeps
    its number (`f.jsonl#3` -> `/x/f.jsonl#3`); stdin stays `-`.
    """
    if path == "-":
        return path
    base, sep, number = path.rpartition("#")
    if sep and number.isdigit():
        return os.path.realpath(base) + sep + number
    return os.path.realpath(path)


def article_sha256(article: Article) -> str:
    """Hash of everything read from an article that can change its events."""
    parts = [
        article.text,
        article.title or "",
        article.published.isoformat() if article.published else "",
        article.url or "",
        article.source or "",
        article.article_id or "",
    ]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def settings_key(**options: Any) -> str:
    """The options that change the events (model, --min-confidence...), as one stable string."""
    return json.dumps(options, sort_keys=True, default=str)


class Resume:
    """The skip decision of a resumed run over a store, counting what it skips.

    `lookup` answers what the store holds for a path; `force` redoes every article.
    """

    def __init__(self, lookup: Lookup, *, settings: str, version: str, force: bool = False) -> None:
        self.lookup = lookup
        self.settings = settings
        self.version = version
        self.force = force
        self.skipped = 0

    def stamp(self, article: Article) -> Stamp:
        """What converting `article` now would be stamped with."""
        return Stamp(article_sha256(article), self.version, self.settings)

    def is_done(self, article: Article) -> bool:
        """Whether `article` was converted before, unchanged, by this extractor and settings."""
        if self.force:
            return False
        stored = self.lookup(article_key(article.path))
        return stored is not None and tuple(stored) == tuple(self.stamp(article))

    def skip_done(self, items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
        """`items` without the articles already done (see `is_done`), counted in `skipped`."""
        for item in items:
            if isinstance(item, Article) and self.is_done(item):
                self.skipped += 1
                continue
            yield item
