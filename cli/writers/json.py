"""JSON: one array of event objects, streamed; always valid once closed (`[]` when empty)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from newsevents.core.record import Event


class JsonWriter:
    """Streams a JSON array, one event object per line; `close()` ends the array.

    Call `close()` in a `finally`: output cut short (Ctrl-C) is then still a valid array.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0
        self.closed = False

    def write(self, events: list[Event]) -> None:
        """Append one article's events to the array."""
        parts = []
        for event in events:
            parts.append("[\n" if self.count == 0 else ",\n")
            parts.append(json.dumps(event.to_dict(), ensure_ascii=False))
            self.count += 1
        if parts:
            self.stream.write("".join(parts))
        self.stream.flush()

    def close(self) -> None:
        """End the array (`[]` when nothing was written); safe to call twice."""
        if self.closed:
            return
        self.closed = True
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()
