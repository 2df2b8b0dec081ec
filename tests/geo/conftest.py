"""Fixtures of the geo tests: the shared geocoder."""

from __future__ import annotations

import pytest

from newsevents.core.geo.geocoder import Geocoder


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder.default()
