"""Suite case: CASE 2021 task 2 snippets, ACLED sub-event type weighted F1."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from newsevents.core import Event


# ACLED sub-event types -> CASE 2021 task 2 labels (mapping from the dataset's SOURCE.md).
ACLED_TO_CASE = {
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Agreement": "AGREEMENT",
    "Air/drone strike": "AIR_STRIKE",
    "Armed clash": "ARMED_CLASH",
    "Arrests": "ARREST",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Attack": "ATTACK",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Chemical weapon": "CHEM_WEAP",
    "Disrupted weapons use": "DISR_WEAP",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Grenade": "GRENADE",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Mob violence": "MOB_VIOL",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
    "Peaceful protest": "PEACE_PROTEST",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Sexual violence": "SEX_VIOL",
    "Suicide bomb": "SUIC_BOMB",
    "Violent demonstration": "VIOL_DEMONSTR",
}
CASE_CATCH_ALL = "OTHER"
CASE_SEEN_LABELS = frozenset(ACLED_TO_CASE.values())


def read_case(path: Path) -> list[tuple[str, str, str]]:
    """(id, snippet, label) rows of a CASE 2021 task 2 TSV file (header, no quoting)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [row for row in reader if len(row) >= 3]
    if rows and rows[0][0].strip().lower() == "id":
        rows = rows[1:]
    return [(r[0].strip(), r[1].strip(), r[2].strip()) for r in rows]


def case_label(events: Sequence[Event]) -> str:
    """The CASE label of the most confident event's ACLED sub-event type, or the catch-all."""
    top = pick_event(events)
    sub = top.acled_sub_event_type if top is not None else None
    return ACLED_TO_CASE.get(sub or "", CASE_CATCH_ALL)


def weighted_f1(gold: Sequence[str], predicted: Sequence[str]) -> float | None:
    """Per-label F1 averaged with the gold label counts as weights (sklearn's 'weighted')."""
    if not gold:
        return None
    support = Counter(gold)
    total = 0.0
    for label, count in support.items():
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        pred_n = sum(1 for p in predicted if p == label)
        precision = tp / pred_n if pred_n else 0.0
        recall = tp / count
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total += f1 * count
    return total / len(gold)


def _case_figures(
    res: SuiteResult, half: str, gold: Sequence[str], predicted: Sequence[str]
) -> float | None:
    """Add the weighted F1 and accuracy figures of one half; return its 25-type weighted F1."""
    suffix = "test, odd ids" if half == "odd" else "dev, even ids"
    seen = [(g, p) for g, p in zip(gold, predicted, strict=True) if g in CASE_SEEN_LABELS]
    seen_f1 = weighted_f1([g for g, _ in seen], [p for _, p in seen])
    res.add(f"wf1_seen_{half}", f"weighted F1, 25 ACLED types ({suffix})", seen_f1, len(seen))
    res.add(
        f"wf1_all_{half}",
        f"weighted F1, all 30 labels ({suffix})",
        weighted_f1(gold, predicted),
        len(gold),
    )
    res.add(
        f"acc_seen_{half}",
        f"accuracy, 25 ACLED types ({suffix})",
        ratio(sum(g == p for g, p in seen), len(seen)),
        len(seen),
    )
    return seen_f1


def _case_half(case_id: str) -> str:
    """'even' (dev) or 'odd' (test) by the snippet's numeric id; non-numeric ids develop."""
    return "odd" if case_id.isdigit() and int(case_id) % 2 else "even"


def suite_case(shared: Path, limit: int) -> SuiteResult:
    """ACLED sub-event type weighted F1 on CASE 2021 task 2's labelled snippets.

    Like the ACLED suite, the snippets are split by id: even ids are for development (look at
    their errors), odd ids are the test half that is only measured.
    """
    path = shared / "benchmarks" / "case2021_task2" / "test_set_final_release_with_labels.tsv"
    if not path.exists():
        raise SuiteMissing(f"{path} not found")
    rows = spread(read_case(path), limit)
    events, errors = run_extractor([make_article(text, f"case-{i}", None) for i, text, _ in rows])
    predicted = [case_label(evs) for evs in events]
    res = SuiteResult("case", records=len(rows), errors=errors)
    test_f1: float | None = None
    for half in ("odd", "even"):
        picked = [k for k, (case_id, _, _) in enumerate(rows) if _case_half(case_id) == half]
        f1 = _case_figures(res, half, [rows[k][2] for k in picked], [predicted[k] for k in picked])
        if half == "odd":
            test_f1 = f1
    res.headline = f"case wF1 {_pc(test_f1)}"
    return res
