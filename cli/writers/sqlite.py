"""SQLite: tables `articles` and `events`, written in place, one transaction per article.

Unlike the text formats this writer is given the database path, not a stream: a crash loses at
most the article in flight. It also resumes: `is_done()` tells the articles already converted
with the same content, extractor version and settings (the decision of `core.resume`), which
the caller then skips.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsevents.core import Article, Event, Result
    from newsevents.core.errors import InputError

_SQL_TYPES = {"int": "INTEGER", "float": "REAL", "bool": "INTEGER", "str": "TEXT"}
EVENT_INDEXES = ("article", "event_date", "event_type", "source_country", "location_country")


class DatabaseError(Exception):
    """The output file is not a newsevents SQLite database (or cannot be opened as one)."""


def _event_columns() -> list[tuple[str, str]]:
    from dataclasses import fields

    from newsevents.core.record import Event

    columns = []
    for spec in fields(Event):
        base = str(spec.type).split("|")[0].strip()
        columns.append((spec.name, _SQL_TYPES.get(base, "TEXT")))
    return columns


class SqliteWriter:
    """Writes articles and their events into a SQLite database at `path`, resuming by default.

    `force` redoes every article; `settings` (see `core.resume.settings_key`) is stored with
    each article, so converting with other options redoes it too.
    """

    def __init__(self, path: str | Path, *, force: bool = False, settings: str = "") -> None:
        from newsevents.core.resume import Resume
        from newsevents.core.version import extractor_version

        self.path = Path(path)
        self.force = force
        self.settings = settings
        self.version = extractor_version()
        self.columns = _event_columns()
        self.closed = False
        self.resume = Resume(self._stamp_of, settings=settings, version=self.version, force=force)
        try:
            # isolation_level=None: transactions are begun and ended here, explicitly.
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")  # readers are not blocked; crash-safe
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._create()
        except sqlite3.DatabaseError as err:
            raise DatabaseError(
                f"{self.path}: cannot use it as a SQLite database ({err}); give a new file name "
                "or delete it"
            ) from None

    def _create(self) -> None:
        events = ",\n  ".join(f"{name} {kind}" for name, kind in self.columns)
        self.db.executescript(
            f"""
            CREATE TABLE IF NOT EXISTS articles (
              path TEXT PRIMARY KEY,
              sha256 TEXT,
              title TEXT,
              published TEXT,
              status TEXT NOT NULL,
              error TEXT,
              events INTEGER NOT NULL DEFAULT 0,
              extractor_version TEXT NOT NULL,
              settings TEXT NOT NULL DEFAULT '',
              converted_at TEXT NOT NULL,
              key TEXT
            );
            CREATE TABLE IF NOT EXISTS events (
              {events}
            );
            """
        )
        self._add_keys()
        names = {row[1] for row in self.db.execute("PRAGMA table_info(events)")}
        missing = [name for name, _ in self.columns if name not in names]
        if missing:
            raise sqlite3.DatabaseError(
                f"its events table lacks column(s) {', '.join(missing)} (an older newsevents)"
            )
        for column in EVENT_INDEXES:
            self.db.execute(f"CREATE INDEX IF NOT EXISTS events_{column} ON events({column})")

    def _add_keys(self) -> None:
        """Give a store of an older newsevents its `key` column, filled from the paths."""
        from newsevents.core.resume import article_key

        names = {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}
        if "key" not in names:
            self.db.execute("ALTER TABLE articles ADD COLUMN key TEXT")
        paths = [row[0] for row in self.db.execute("SELECT path FROM articles WHERE key IS NULL")]
        for path in paths:
            self.db.execute("UPDATE articles SET key = ? WHERE path = ?", (article_key(path), path))
        self.db.execute("CREATE INDEX IF NOT EXISTS articles_key ON articles(key)")

    @property
    def skipped(self) -> int:
        """Articles `skip_done` left out because they are done."""
        return self.resume.skipped

    def _stamp_of(self, key: str) -> tuple[str, str, str] | None:
        """The stamp (sha256, extractor version, settings) of `key` converted without error."""
        row = self.db.execute(
            "SELECT sha256, extractor_version, settings FROM articles "
            "WHERE key = ? AND status = 'ok'",
            (key,),
        ).fetchone()
        return None if row is None else tuple(row)

    def is_done(self, article: Article) -> bool:
        """Whether `article` was converted before, unchanged, by this extractor and settings."""
        return self.resume.is_done(article)

    def skip_done(self, items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
        """`items` without the articles already done (see `is_done`), counted in `skipped`."""
        return self.resume.skip_done(items)

    def write_result(self, result: Result) -> None:
        """Replace one article's row and events, in one transaction."""
        article = result.article
        events = result.events if result.error is None else []
        self._store(
            path=result.path,
            sha256=self.resume.stamp(article).sha256 if article is not None else None,
            title=article.title if article is not None else None,
            published=(article.published.isoformat() if article and article.published else None),
            error=None if result.error is None else _error_text(result),
            events=events,
        )

    def write(self, events: list[Event]) -> None:
        """Store events without their article (the Writer protocol); `write_result` is better."""
        by_article: dict[str, list[Event]] = {}
        for event in events:
            by_article.setdefault(event.article, []).append(event)
        for path, group in by_article.items():
            first = group[0]
            self._store(path, None, first.article_title, first.published, None, group)

    def _store(
        self,
        path: str,
        sha256: str | None,
        title: str | None,
        published: str | None,
        error: str | None,
        events: list[Event],
    ) -> None:
        from newsevents.core.resume import article_key

        names = [name for name, _ in self.columns]
        insert = f"INSERT INTO events ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        rows = [[_value(getattr(event, name)) for name in names] for event in events]
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        key = article_key(path)
        self.db.execute("BEGIN")
        try:
            # the same file typed another way before: its row and events give way to these
            self.db.execute(
                "DELETE FROM events WHERE article = ? OR article IN "
                "(SELECT path FROM articles WHERE key = ?)",
                (path, key),
            )
            self.db.execute("DELETE FROM articles WHERE key = ?", (key,))
            self.db.executemany(insert, rows)
            self.db.execute(
                "INSERT OR REPLACE INTO articles (path, sha256, title, published, status, error, "
                "events, extractor_version, settings, converted_at, key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    path,
                    sha256,
                    title,
                    published,
                    "ok" if error is None else "failed",
                    error,
                    len(events),
                    self.version,
                    self.settings,
                    now,
                    key,
                ),
            )
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        """Close the database (every article is already committed); safe to call twice."""
        if self.closed:
            return
        self.closed = True
        self.db.close()


def _value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (list, tuple)):
        return ";".join(str(item) for item in value)
    return value


def _error_text(result: Result) -> str:
    from newsevents.core.errors import InputError

    err = result.error
    if isinstance(err, InputError):
        return f"{err.problem}; {err.hint}"
    return str(err)
