"""Reading the project's language data files (CSV with `#` comment lines) from core/data."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from .errors import DictionaryError

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_rows(path: Path, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts of stripped strings; lines starting with `#` are comments.

    Raises:
        DictionaryError: when the file lacks one of the `required` columns.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    missing = [name for name in required if name not in (reader.fieldnames or [])]
    if missing:
        raise DictionaryError(str(path), f"missing column(s) {', '.join(missing)}")
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


@cache
def data_rows(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the built-in data file `name` in core/data, read once per process."""
    return tuple(read_rows(DATA_DIR / name))
