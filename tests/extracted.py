"""Shared helpers of the end-to-end extraction tests: events of a small article we write."""

from __future__ import annotations

from newsevents.core import Event, extract

PUBLISHED = "2024-03-16"  # a Saturday


def events(text: str, **kwargs: object) -> list[Event]:
    """The events of `text`, published on PUBLISHED."""
    return extract(text, published=PUBLISHED, **kwargs)  # type: ignore[arg-type]


def one(text: str, event_type: str) -> Event:
    """The one event of `event_type` in `text` (fails, showing all events, when not one)."""
    found = [e for e in events(text) if e.event_type == event_type]
    assert len(found) == 1, [e.to_dict() for e in events(text)]
    return found[0]
