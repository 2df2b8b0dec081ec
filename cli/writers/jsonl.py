"""JSON Lines: one event object per line, flushed after every article."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from newsevents.core.record import Event


class JsonlWriter:
    """Writes each event as one JSON object on its own line (keys in schema order)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, events: list[Event]) -> None:
        """Write one article's events and flush, so a reader downstream sees them at once."""
        if events:
            self.stream.write(
                "".join(json.dumps(event.to_dict(), ensure_ascii=False) + "\n" for event in events)
            )
        self.stream.flush()

    def close(self) -> None:
        """Nothing to finish: every line is complete when written."""
        self.stream.flush()
