"""CSV (RFC 4180): header = FIELDS always, true/false booleans, empty cells for None."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from newsevents.core.record import Event

LIST_SEPARATOR = ";"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters a spreadsheet reads as a formula (OWASP's list for CSV injection)."""


def cell(value: Any) -> str:
    """One value as a CSV cell: None -> empty, bool -> true/false, list -> `a;b`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(cell(item) for item in value)
    return str(value)


def safe_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: `=1+2` -> `'=1+2`; numbers (`-1.5`) stay numbers."""
    text = cell(value)
    if isinstance(value, (str, list, tuple)) and text.startswith(FORMULA_STARTS):
        return "'" + text  # article text, not a number: the quote makes it inert
    return text


class CsvWriter:
    """Writes the FIELDS header, then one row per event (CRLF line ends, minimal quoting).

    The stream should be opened with `newline=""` and UTF-8, as `--output` does. With `safe`,
    text cells that a spreadsheet would run as a formula get a leading `'` (see safe_cell).
    """

    def __init__(self, stream: TextIO, safe: bool = False) -> None:
        from newsevents.core.record import FIELDS  # lazy: keeps `--help` light

        self.stream = stream
        self.fields = FIELDS
        self.csv = csv.writer(stream, dialect="excel", lineterminator="\r\n")
        self.header_written = False
        self.cell = safe_cell if safe else cell

    def _header(self) -> None:
        if not self.header_written:
            self.csv.writerow(self.fields)
            self.header_written = True

    def write(self, events: list[Event]) -> None:
        """Write one article's events as rows."""
        self._header()
        for event in events:
            record = event.to_dict()
            self.csv.writerow([self.cell(record[name]) for name in self.fields])
        self.stream.flush()

    def close(self) -> None:
        """Make sure the header is there even when no events were written."""
        self._header()
        self.stream.flush()
