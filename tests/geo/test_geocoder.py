"""The geocoder facade (core/geo/geocoder.py): `Geocoder.article_context` and `locate` over the
shared gazetteer."""

from __future__ import annotations

from spacy.language import Language

from newsevents.core.geo.geocoder import Geocoder

from .conftest import _locate


def test_geo_no_place_anywhere_gives_none(nlp: Language, geo: Geocoder) -> None:
    loc, ctx = _locate(nlp, geo, "Police arrested ten people on Friday.", "arrest")
    assert loc is None and ctx.main is None
