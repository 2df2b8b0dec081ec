"""The record helpers: the lookup key of a name."""

from __future__ import annotations

import pytest

from newsevents.core.geo.records import fold


@pytest.mark.parametrize(
    ("written", "same_as"),
    [("Sana'a", "Sanaa"), ("Ürümqi", "Urumqi"), ("Al-Fashir", "al fashir"), ("  KYIV ", "Kyiv")],
)
def test_geo_fold_makes_spellings_meet(written: str, same_as: str) -> None:
    assert fold(written) == fold(same_as)
