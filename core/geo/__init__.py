"""Where: the gazetteer, its store and the reading of place names off the parse."""

from __future__ import annotations

from .geocoder import (
    DASHES,
    GAZETTEER,
    GEO_STOPWORDS,
    SITE_NOUNS,
    Geocoder,
    GeoContext,
    Location,
    ensure_store,
    fold,
    haversine_km,
)

__all__ = [
    "DASHES",
    "SITE_NOUNS",
    "GAZETTEER",
    "GEO_STOPWORDS",
    "Geocoder",
    "GeoContext",
    "Location",
    "ensure_store",
    "fold",
    "haversine_km",
]
