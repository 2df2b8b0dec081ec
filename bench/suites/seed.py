"""Suite seed: hand-coded gold articles (shared/gold, shared/seeds): news-event P/R/F1, fields."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from .common import SuiteMissing, SuiteResult, gold_and_events


def published_dates(readme: str) -> dict[str, date]:
    """Publication dates the gold README states: `<stem>.json` ... published YYYY-MM-DD."""
    found: dict[str, date] = {}
    pattern = r"`?([\w.-]+)\.json`?[^\n]*?published (\d{4}-\d{2}-\d{2})"
    for stem, day in re.findall(pattern, readme):
        found[stem] = date.fromisoformat(day)
    return found


def suite_seed(shared: Path, limit: int) -> SuiteResult:
    """P/R/F1 of news events on the hand-coded seed articles."""
    from newsevents.core.evaluate import FIELD_NAMES, combine, load_gold, score

    gold_dir, seeds = shared / "gold", shared / "seeds"
    if not gold_dir.is_dir() or not seeds.is_dir():
        raise SuiteMissing(f"{gold_dir} or {seeds} not found")
    readme = gold_dir / "README.md"
    dates = published_dates(readme.read_text(encoding="utf-8")) if readme.exists() else {}
    golds, events, errors = gold_and_events(gold_dir, seeds, dates, limit)
    total = combine(score(ev, load_gold(g)) for g, ev in zip(golds, events, strict=True))
    res = SuiteResult("seed", records=len(golds), errors=errors)
    res.add("p", "precision (news events)", total.precision, total.matched + total.fp)
    res.add("r", "recall (gold news events)", total.recall, total.tp + total.fn)
    res.add("f1", "F1", total.f1)
    res.count("extra", "extra news rows (match no gold row)", total.fp)
    res.count("background", "rows matching only background gold", total.background_matched)
    for name, acc in total.field_accuracy.items():
        if name in FIELD_NAMES:
            res.add(f"field_{name}", f"{name} accuracy (matched)", acc, total.field_total[name])
    res.headline = f"seed F1 {100 * total.f1:.0f}%"
    return res
