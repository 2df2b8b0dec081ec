"""Demonyms and the countries they point to."""

from __future__ import annotations

import pytest

from newsevents.core.geo.demonyms import country_of_demonym


@pytest.mark.parametrize(
    ("word", "iso3"),
    [("Libyan", "LBY"), ("Egyptians", "EGY"), ("South Sudanese", "SSD"), ("Purple", None)],
)
def test_geo_demonym_gives_country(word: str, iso3: str | None) -> None:
    assert country_of_demonym(word) == iso3
