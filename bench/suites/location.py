"""Suite location: PLOVER event-location gold, the place picked for an event word."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import (
    SuiteMissing,
    SuiteResult,
    _pc,
    ratio,
    spread,
)

if TYPE_CHECKING:
    pass


def read_location_records(raw: str) -> list[dict[str, Any]]:
    """Accepted records with one event word (VERB span) and at least one LOCATION span."""
    data = (
        json.loads(raw)
        if raw.lstrip().startswith("[")
        else [json.loads(line) for line in raw.splitlines() if line.strip()]
    )
    keep = []
    for record in data:
        spans = record.get("spans") or []
        verbs = [s for s in spans if s.get("label") == "VERB"]
        # Empty LOCATION spans mark sentences whose event place is not written, and a few spans
        # are off by some characters ("g", "e"): both are left out.
        text = record.get("text") or ""
        places = [
            s
            for s in spans
            if s.get("label") == "LOCATION"
            and len(name := text[s.get("start", 0) : s.get("end", 0)].strip()) >= 3
            and name[:1].isupper()
        ]
        if record.get("answer") == "accept" and len(verbs) == 1 and places and record.get("text"):
            keep.append(record)
    return keep


def suite_location(shared: Path, limit: int) -> SuiteResult:
    """The place picked for an event word is the one the gold marks (PLOVER event_location)."""
    import zipfile

    path = shared / "benchmarks" / "plover" / "event_location" / "labeled_text.jsonl.zip"
    if not path.exists():
        raise SuiteMissing(f"{path} not found")
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".jsonl") and "MACOSX" not in n)
        records = spread(read_location_records(archive.read(name).decode("utf-8")), limit)
    from newsevents.core.pipeline.engine import Engine

    engine = Engine.get()
    right = some = 0
    for record, doc in zip(records, engine.nlp.pipe(r["text"] for r in records), strict=True):
        verb = next(s for s in record["spans"] if s["label"] == "VERB")
        token = next((t for t in doc if t.idx <= verb["start"] < t.idx + len(t.text)), None)
        if token is None:
            continue
        place = engine.geocoder.locate(token, engine.geocoder.article_context(doc))
        if place is None or place.start_char is None:
            continue
        some += 1
        end = place.start_char + len(place.text)
        if any(
            s["label"] == "LOCATION" and place.start_char < s["end"] and s["start"] < end
            for s in record["spans"]
        ):
            right += 1
    res = SuiteResult("location", records=len(records))
    res.add(
        "picked",
        "right place picked for the event (of all)",
        ratio(right, len(records)),
        len(records),
    )
    res.add("precision", "right place among places picked", ratio(right, some), some)
    res.headline = f"location {_pc(ratio(right, len(records)))}"
    return res
