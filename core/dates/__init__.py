"""When: the dates of events, read off the text against the publication date."""

from __future__ import annotations

from .dateline import published_from_dateline
from .event_dates import (
    DATE_MEMO,
    EventDate,
    event_date,
    lead_date,
)

__all__ = [
    "DATE_MEMO",
    "EventDate",
    "event_date",
    "lead_date",
    "published_from_dateline",
]
