"""Suite plover: PLOVER gold-standard records, event type and actor country accuracy."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .common import (
    SuiteMissing,
    SuiteResult,
    _pc,
    make_article,
    pick_event,
    ratio,
    run_extractor,
    spread,
)

# PLOVER 0.5b1 names used in the gold-standard records -> current PLOVER types.
PLOVER_OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


@dataclass
class PloverRecord:
    """One PLOVER gold-standard record, event type mapped to current PLOVER."""

    id: str
    text: str
    event: str
    sources: list[str]
    targets: list[str]


def _codes(actors: Any) -> list[str]:
    if not isinstance(actors, list):
        return []
    return [
        str(a["code"]).strip().upper()
        for a in actors
        if isinstance(a, dict) and a.get("code") and str(a["code"]).strip()
    ]


def parse_plover_records(data: Any) -> list[PloverRecord]:
    """Event records of the PLOVER GSR file (a JSON list); DOCUMENT records are left out."""
    records: list[PloverRecord] = []
    for item in data if isinstance(data, list) else []:
        if not isinstance(item, dict):
            continue
        event = str(item.get("event", "")).strip().upper()
        text = item.get("text")
        if not event or event == "DOCUMENT" or not isinstance(text, str) or not text.strip():
            continue
        records.append(
            PloverRecord(
                id=str(item.get("id", "")),
                text=text.strip(),
                event=PLOVER_OLD_NAMES.get(event, event),
                sources=_codes(item.get("source")),
                targets=_codes(item.get("target")),
            )
        )
    return records


def suite_plover(shared: Path, limit: int) -> SuiteResult:
    """Event type and actor country accuracy on PLOVER's gold-standard records."""
    path = shared / "benchmarks" / "plover" / "gsr" / "PLOVER_GSR_CAMEO.txt"
    if not path.exists():
        raise SuiteMissing(f"{path} not found")
    records = spread(parse_plover_records(json.loads(path.read_text(encoding="utf-8"))), limit)
    events, errors = run_extractor([make_article(r.text, r.id, None) for r in records])
    res = SuiteResult("plover", records=len(records), errors=errors)
    top_ok = any_ok = 0
    src_ok = src_n = tgt_ok = tgt_n = 0
    for record, evs in zip(records, events, strict=True):
        top = pick_event(evs)
        top_ok += int(top is not None and top.event_type == record.event)
        any_ok += int(any(e.event_type == record.event for e in evs))
        chosen = pick_event(evs, record.event)
        if record.sources:
            src_n += 1
            src_ok += int(chosen is not None and (chosen.source_country or "") in record.sources)
        if record.targets:
            tgt_n += 1
            tgt_ok += int(chosen is not None and (chosen.target_country or "") in record.targets)
    n = len(records)
    res.add("type_top", "event type (most confident event)", ratio(top_ok, n), n)
    res.add("type_any", "event type (any event)", ratio(any_ok, n), n)
    res.add("source_country", "source country", ratio(src_ok, src_n), src_n)
    res.add("target_country", "target country", ratio(tgt_ok, tgt_n), tgt_n)
    res.headline = f"plover type {_pc(ratio(top_ok, n))}"
    return res
