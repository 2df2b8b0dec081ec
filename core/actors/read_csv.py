"""Our CSV dictionaries: actors (`pattern,name,country,sector,kind`), agents (`head,sector,note`).

The built-in `data/actors.csv` and `data/agents.csv` are read here, and so are user files with
the same headers (`.csv`, or `.txt` whose first line is such a header). `#` lines are comments.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from ..errors import DictionaryError
from .entries import ActorEntry, AgentRule, norm, row_entry, valid_code

ACTOR_COLUMNS = ("pattern", "name", "country", "sector", "kind")
AGENT_COLUMNS = ("head", "sector", "note")


def data_lines(text: str) -> Iterator[tuple[int, str]]:
    """Non-blank, non-comment lines with their 1-based numbers."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def csv_header(text: str) -> tuple[int, list[str]]:
    """The line number and lowercased cells of the first data line (0 and [] when none)."""
    for number, line in data_lines(text):
        return number, [c.strip().lower() for c in next(csv.reader([line]))]
    return 0, []


def looks_like_csv(text: str) -> bool:
    """Whether the first data line is an actor or agent CSV header."""
    header = csv_header(text)[1]
    return header[:2] == ["pattern", "name"] or header[:1] == ["head"]


def is_agent_csv(text: str) -> bool:
    """Whether the CSV holds agent rules (its header starts with `head`)."""
    return csv_header(text)[1][:1] == ["head"]


def read_actor_csv(name: str, text: str, priority: int) -> list[ActorEntry]:
    """Rows of a `pattern,name,country,sector,kind` CSV (columns after `name` optional)."""
    header_line, header = csv_header(text)
    if header[:2] != ["pattern", "name"] or any(c not in ACTOR_COLUMNS for c in header):
        raise DictionaryError(
            name,
            f"line {header_line or 1}: header must be pattern,name,country,sector,kind; "
            "add it as the first line",
        )
    entries = []
    for number, line in data_lines(text):
        if number <= header_line:
            continue
        cells = next(csv.reader([line]))
        if len(cells) > len(header):
            raise DictionaryError(
                name,
                f"line {number}: {len(cells)} fields for {len(header)} columns; "
                "quote values that contain commas",
            )
        row = dict(zip(header, cells, strict=False))
        entries.append(
            row_entry(
                name,
                number,
                row.get("pattern", ""),
                row.get("name", ""),
                row.get("country", ""),
                row.get("sector", ""),
                row.get("kind", ""),
                priority,
            )
        )
    return entries


def read_agent_csv(name: str, text: str) -> list[AgentRule]:
    """Rows of a `head,sector,note` CSV."""
    header_line, header = csv_header(text)
    if header[:2] != ["head", "sector"]:
        raise DictionaryError(
            name, f"line {header_line or 1}: header must be head,sector,note; add it first"
        )
    rules = []
    for number, line in data_lines(text):
        if number <= header_line:
            continue
        cells = [*next(csv.reader([line])), "", ""]
        head = norm(cells[0])
        if not head:
            raise DictionaryError(
                name, f"line {number}: empty head; write the head noun or delete the row"
            )
        sector = valid_code(cells[1], "sector", number, name)
        rules.append(AgentRule(head, sector, cells[2].strip().lower().startswith("defer")))
    return rules
