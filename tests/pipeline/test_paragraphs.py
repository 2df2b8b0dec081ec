"""Sentence starts at lines and after datelines (core/pipeline/paragraphs.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.core.pipeline.paragraphs import dateline_end


@pytest.mark.parametrize(
    ("line", "dash"),
    [
        ("BEIRUT (Reuters) - Gunmen attacked a convoy.", "-"),
        ("KINSHASA/NEW YORK - Rebels seized a town.", "-"),
        ("Tehran, Iran \u2013 Police arrested ten.", "\u2013"),
    ],
)
def test_paragraphs_dateline_ends_at_its_free_dash(nlp: Language, line: str, dash: str) -> None:
    doc = nlp(line)
    end = dateline_end(doc, 0)
    assert end is not None and doc[end].text == dash


@pytest.mark.parametrize(
    "line",
    ["The ministry said - in a statement - that ten died.", "Al-Qaeda fighters attacked a base."],
)
def test_paragraphs_a_sentence_or_a_hyphen_is_no_dateline(nlp: Language, line: str) -> None:
    assert dateline_end(nlp(line), 0) is None
