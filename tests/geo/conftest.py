"""Fixtures of the geo tests: the shared geocoder, and `_locate` to place one event."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.core.geo.geocoder import Geocoder
from newsevents.core.geo.records import GeoContext, Location


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder.default()


def _locate(
    nlp: Language, geo: Geocoder, text: str, lemma: str
) -> tuple[Location | None, GeoContext]:
    """Parse `text` and place the event of the first token whose lemma is `lemma`."""
    doc = nlp(text)
    ctx = geo.article_context(doc)
    trigger = next(t for t in doc if t.lemma_.lower() == lemma)
    return geo.locate(trigger, ctx), ctx
