"""Golden files for HTML and JSON inputs: `tests/inputs/NAME.html|.htm|.json|.jsonl` beside
`tests/inputs/NAME.expected.jsonl`, one line per event (stable fields only) or failed record.

A new case is a new input file; write its expected file (and review it) with
`NEWSEVENTS_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/inputs/test_golden_inputs.py`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsevents.core import extract_many
from newsevents.core.inputs.walk import iter_inputs

INPUTS = Path(__file__).resolve().parent
CASES = sorted(
    p
    for p in INPUTS.iterdir()
    if p.suffix in {".html", ".htm", ".json", ".jsonl"} and not p.name.endswith(".expected.jsonl")
)
STABLE = (
    "article_title",
    "published",
    "article_url",
    "article_id",
    "event_type",
    "source_name",
    "target_name",
)


def _expected_path(case: Path) -> Path:
    return case.with_name(case.name.split(".")[0] + ".expected.jsonl")


def _rows(case: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for result in extract_many(iter_inputs([str(case)])):
        name = Path(result.path).name  # independent of where the checkout lives
        if result.error is not None:
            rows.append({"article": name, "error": getattr(result.error, "problem", "")})
            continue
        for event in result.events:
            record = event.to_dict()
            rows.append({"article": name, **{key: record[key] for key in STABLE}})
    return rows


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_inputs_match_expected_rows(nlp: object, case: Path) -> None:
    expected_path = _expected_path(case)
    rows = _rows(case)
    if os.environ.get("NEWSEVENTS_UPDATE_GOLDEN"):
        expected_path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
    assert expected_path.exists(), f"no expected file {expected_path.name}; see the module doc"
    expected = [json.loads(line) for line in expected_path.read_text("utf-8").splitlines()]
    assert rows == expected


def test_inputs_every_expected_file_has_an_input() -> None:
    stems = {_expected_path(p).name for p in CASES}
    orphans = [p.name for p in INPUTS.glob("*.expected.jsonl") if p.name not in stems]
    assert orphans == []
