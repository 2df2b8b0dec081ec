"""Where: the gazetteer, its store and the reading of place names off the parse."""

from __future__ import annotations

from .geocoder import Geocoder
from .records import GeoContext, Location, fold, haversine_km
from .store import GAZETTEER, ensure_store
from .vocab import DASHES, GEO_STOPWORDS, SITE_NOUNS

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
