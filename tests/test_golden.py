"""Golden files: each sample article beside its expected JSON Lines under tests/golden/.

A new case is new files: `samples/NAME.txt` and `tests/golden/NAME.jsonl`. After a deliberate
change of the extractor, rewrite the expected files with
`NEWSEVENTS_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsevents.core import extract_many
from newsevents.core.inputs.reader import read_article

from .conftest import GOLDEN, SAMPLES

CASES = sorted(SAMPLES.glob("*.txt"))


def _rows(path: Path) -> list[dict[str, object]]:
    result = next(extract_many([read_article(path, None)]))
    assert result.error is None, result.error
    rows = []
    for event in result.events:
        row = event.to_dict()
        row["article"] = path.name  # independent of where the checkout lives
        rows.append(row)
    return rows


@pytest.mark.parametrize("sample", CASES, ids=[p.stem for p in CASES])
def test_golden_sample_matches_expected_rows(nlp: object, sample: Path) -> None:
    expected_path = GOLDEN / f"{sample.stem}.jsonl"
    rows = _rows(sample)
    if os.environ.get("NEWSEVENTS_UPDATE_GOLDEN"):
        expected_path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
    assert expected_path.exists(), f"no golden file {expected_path.name}; see the module doc"
    expected = [json.loads(line) for line in expected_path.read_text("utf-8").splitlines()]
    assert rows == expected


def test_golden_every_expected_file_has_a_sample() -> None:
    stems = {p.stem for p in CASES}
    orphans = [p.name for p in GOLDEN.glob("*.jsonl") if p.stem not in stems]
    assert orphans == []
