"""A rich table for people reading a terminal: one row per event, the TABLE_FIELDS columns."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

import click

from ..terminal import print_wide, printable

if TYPE_CHECKING:
    from newsevents.core.record import Event


def show_cell(value: Any) -> str:
    """One value as people read it in a table: blank for none, yes/no, two decimals; text
    without the control characters that would drive a terminal (see `printable`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return "; ".join(show_cell(item) for item in value)
    return printable(str(value))


def _to_stderr(text: str) -> None:
    click.echo(text, err=True)


class TableWriter:
    """Collects rows and prints one table on `close()` (a table cannot be streamed).

    An `article` column is added when the events come from more than one article. When there
    are none, `No events found.` is a message for people: it goes to `note` (stderr), not to
    the stream, which holds data only.
    """

    def __init__(self, stream: TextIO, note: Callable[[str], None] | None = None) -> None:
        from newsevents.core.record import TABLE_FIELDS  # lazy: keeps `--help` light

        self.stream = stream
        self.fields = TABLE_FIELDS
        self.rows: list[tuple[str, list[str]]] = []
        self.closed = False
        self.note = note if note is not None else _to_stderr

    def write(self, events: list[Event]) -> None:
        """Keep one article's events for the table."""
        for event in events:
            record = event.to_dict()
            self.rows.append((event.article, [show_cell(record[name]) for name in self.fields]))

    def close(self) -> None:
        """Print the table (or say `No events found.` on stderr); safe to call twice."""
        if self.closed:
            return
        self.closed = True
        from rich.table import Table
        from rich.text import Text

        if not self.rows:
            self.note("No events found.")
            return
        several = len({article for article, _ in self.rows}) > 1
        table = Table(show_lines=False, header_style="bold")
        columns = (["article"] if several else []) + [f.replace("_", " ") for f in self.fields]
        for column in columns:
            table.add_column(column, overflow="fold")
        for article, values in self.rows:
            cells = ([printable(article)] if several else []) + values
            table.add_row(*(Text(value) for value in cells))  # Text: no markup in article words
        print_wide(table, self.stream)  # a closed pipe raises BrokenPipeError
