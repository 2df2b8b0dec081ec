"""What HTML pages and JSON records of scraped articles share: the text and the page date."""

from __future__ import annotations

import contextlib
import re
from datetime import date
from typing import Any

from .source import display_name

_LEADING_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?\s*$")


def title_and_body(title: str | None, body: str) -> str:
    """The article text: "title\\n\\nbody", unless the body already starts with the title."""
    body = body.replace("\r\n", "\n").strip()
    if not title:
        return body + "\n"
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    if first == title:
        return body + "\n"
    return f"{title}\n\n{body}\n"


def scraped_date(value: Any, path: str, what: str, warnings: list[str]) -> date | None:
    """A publication date from "2024-05-04", "2024-05-04 10:20:00" or an ISO timestamp."""
    if value is None or value == "":
        return None
    match = _LEADING_DATE.match(str(value))
    if match is not None:
        with contextlib.suppress(ValueError):
            return date.fromisoformat(match.group(1))
    warnings.append(f"{display_name(path)}: {what} '{value}' is not a YYYY-MM-DD date; ignored")
    return None
