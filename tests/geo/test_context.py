"""The article's context: the head of the text a dateline is read in."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.core.geo.context import doc_head


@pytest.mark.parametrize(
    "text",
    ["", "Cairo", "BEIRUT (Reuters) - Israeli jets struck the city. " * 30, "a  b\n\nc " * 150],
)
@pytest.mark.parametrize("chars", [0, 1, 7, 600])
def test_geo_doc_head_is_the_start_of_the_text(nlp: Language, text: str, chars: int) -> None:

    doc = nlp(text)
    assert doc_head(doc, chars) == doc.text[:chars]
