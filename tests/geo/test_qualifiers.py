"""Qualifier words around a place name: unit nouns and settlement nouns."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.core.geo.qualifiers import names_a_unit


@pytest.mark.parametrize(
    ("text", "name", "unit"),
    [
        ("Troops raided Dawbon township on Monday.", "Dawbon", True),
        ("Troops raided Kani district on Monday.", "Kani", True),
        # a stretch of land or a part of a town is no admin unit
        ("Troops raided the Kani area on Monday.", "Kani", False),
        ("Troops raided the Kani locality on Monday.", "Kani", False),
        ("Troops raided the Kani sector on Monday.", "Kani", False),
        ("Troops raided Kani village on Monday.", "Kani", False),
    ],
)
def test_qualifiers_names_a_unit(nlp: Language, text: str, name: str, unit: bool) -> None:
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name)
    assert names_a_unit(doc[start : start + 1]) is unit
