"""Suite newsdev: 30 real articles (shared/corpus/news-dev) against their hand-coded gold
(shared/gold/news-dev), scored strictly: one extracted row per gold event, further rows extra."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from .common import SuiteMissing, SuiteResult, gold_and_events


def manifest_dates(manifest: Path) -> dict[str, date]:
    """Publication date per article stem from MANIFEST.tsv (columns file, outlet, published)."""
    found: dict[str, date] = {}
    with manifest.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            name, day = (row.get("file") or "").strip(), (row.get("published") or "").strip()
            if name and day:
                found[Path(name).stem] = date.fromisoformat(day)
    return found


def suite_newsdev(shared: Path, limit: int) -> SuiteResult:
    """Strict P/R/F1 of news events and field accuracy on the news-dev articles."""
    from newsevents.core.evaluate import FIELD_NAMES, combine, load_gold, score

    corpus, gold_dir = shared / "corpus" / "news-dev", shared / "gold" / "news-dev"
    manifest = corpus / "MANIFEST.tsv"
    if not gold_dir.is_dir() or not manifest.is_file():
        raise SuiteMissing(f"{gold_dir} or {manifest} not found")
    golds, events, errors = gold_and_events(gold_dir, corpus, manifest_dates(manifest), limit)
    total = combine(
        score(ev, load_gold(g), strict=True) for g, ev in zip(golds, events, strict=True)
    )
    res = SuiteResult("newsdev", records=len(golds), errors=errors)
    res.add("p", "precision (news rows, strict)", total.precision, total.matched + total.fp)
    res.add("r", "recall (gold news events)", total.recall, total.tp + total.fn)
    res.add("f1", "F1", total.f1)
    res.count("extra", "extra news rows (no gold row or event already found)", total.fp)
    res.count("dup", "of which second rows for a found event", total.duplicates)
    res.count("background", "rows matching only background gold", total.background_matched)
    for name in FIELD_NAMES:
        acc = total.field_accuracy[name]
        res.add(f"field_{name}", f"{name} accuracy (matched)", acc, total.field_total[name])
    res.headline = f"newsdev F1 {100 * total.f1:.0f}%"
    return res
