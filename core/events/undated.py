"""A date for every news row: the day of the event it retells, else the day the lede gives the
article's main event, else the publication date; `date_precision` says which."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..record import Event

LEDE_SENTENCES = 2
"""Sentences of the body (after the headline) that make the lede."""

RETOLD, LEDE, PUBLISHED = "retold", "lede", "published"
"""`date_precision` of a day the row's own words do not give, by where it came from."""
INFERRED: frozenset[str] = frozenset({RETOLD, LEDE, PUBLISHED})
"""The `date_precision` values of a date no words of the row wrote."""


def _undated(event: Event) -> bool:
    """A news row with no day of its own: "Police said two men were held." (no date said)."""
    return not event.background and not event.event_date


def _day(event: Event) -> str | None:
    """The written day of a news row: "2024-05-03" for "on Friday" said of it, else None."""
    if event.background or event.date_precision != "day" or not event.event_date:
        return None
    return event.event_date[:10]


def _same_actor(a: str | None, b: str | None) -> bool:
    """Both rows name the same coded actor or place: "Police" and "Police"."""
    return a is not None and a == b


def retold_day(event: Event, events: Sequence[Event]) -> str | None:
    """The day of the dated news row this row retells: same type and the same doer or place
    ("Gunmen attacked a bus on Friday ... The gunmen attacked the bus near X."); None when the
    rows it may retell give more than one day."""
    days = {
        day
        for other in events
        if other is not event
        and other.event_type == event.event_type
        and (day := _day(other)) is not None
        and _same_actor(event.source_name, other.source_name)
        and _same_actor(event.location_name, other.location_name)
    }
    return days.pop() if len(days) == 1 else None


def lede_day(events: Sequence[Event], lede_end: int) -> str | None:
    """The day the lede gives the article's main event, its first news row (before
    `lede_end`): "Gunmen killed 5 in X on Friday, police said"; None when that row has no
    written day (a later row's day may be another occasion: "called for a rally on Tuesday")."""
    lede = [e for e in events if not e.background and (e.char_start or 0) < lede_end]
    if not lede:
        return None
    return _day(min(lede, key=lambda e: e.char_start or 0))


def date_every_news_row(
    events: Sequence[Event], published: date | None, lede_end: int
) -> list[Event]:
    """The rows, each news row with no day of its own given the day of the event it retells,
    else the lede's day, else `published` (rows keep their own date, and background rows and
    rows of an undated article stay as they are)."""
    lede = lede_day(events, lede_end)
    out: list[Event] = []
    for event in events:
        if _undated(event):
            retold = retold_day(event, events)
            if retold is not None:
                event = replace(event, event_date=retold, date_precision=RETOLD)
            elif lede is not None:
                event = replace(event, event_date=lede, date_precision=LEDE)
            elif published is not None:
                event = replace(event, event_date=published.isoformat(), date_precision=PUBLISHED)
        out.append(event)
    return out
