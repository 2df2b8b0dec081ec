"""The one flat event record shared by every output format."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas


@dataclass
class Event:
    """One event reported by an article: who did what to whom, where, when, how many.

    Every output format writes these keys in this order. `*_text` fields and `sentence` are
    verbatim from the article; `char_start`/`char_end` index the article text as read.
    Empty values are None (JSON null, empty CSV cell).
    """

    article: str = ""
    article_title: str | None = None
    published: str | None = None
    article_url: str | None = None
    article_id: str | None = None
    event_id: str = ""
    event_type: str = ""
    event_mode: str | None = None
    cameo_code: str | None = None
    cameo_label: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    source_text: str | None = None
    source_name: str | None = None
    source_country: str | None = None
    source_sector: str | None = None
    target_text: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    mutual: bool = False
    """Source and target act on each other ("X and Y met", "police and protesters clashed"):
    the event holds in both directions."""
    action_text: str = ""
    location_name: str | None = None
    location_admin1: str | None = None
    location_country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    geo_precision: str | None = None
    event_date: str | None = None
    date_text: str | None = None
    date_precision: str | None = None
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    size: int | None = None
    casualty_text: str | None = None
    modality: str = "asserted"
    background: bool = False
    attributed_to: str | None = None
    claimed_by: str | None = None
    sentence: str = ""
    char_start: int = 0
    char_end: int = 0
    mentions: int = 1
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict, keys in schema order."""
        # Every field is a str, number, bool or None: no deep copy needed (asdict's is slow).
        return {name: getattr(self, name) for name in FIELDS}


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event))
"""Column order of every format (the CSV header)."""

# The columns the human-facing table shows.
TABLE_FIELDS: tuple[str, ...] = (
    "event_type",
    "event_mode",
    "source_name",
    "action_text",
    "target_name",
    "location_name",
    "event_date",
    "dead",
    "background",
    "confidence",
)


def to_records(events: Iterable[Event]) -> list[dict[str, Any]]:
    """The events as plain dicts, keys in schema order (ready for json, csv or pandas)."""
    return [event.to_dict() for event in events]


def to_dataframe(events: Iterable[Event]) -> pandas.DataFrame:
    """The events as a pandas DataFrame with the FIELDS columns (even when there are none).

    Raises:
        ImportError: pandas is not installed (it is optional); the message says how to add it.
    """
    try:
        import pandas
    except ImportError as err:
        raise ImportError(
            "to_dataframe needs pandas, which is not installed; install it with "
            "`pip install pandas`, or use to_records(events) for plain dicts"
        ) from err
    return pandas.DataFrame(to_records(events), columns=list(FIELDS))
