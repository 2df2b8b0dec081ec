"""The pipeline's own components, added in one place (core/pipeline/factories.py)."""

from __future__ import annotations

from newsevents.core.model import load_model
from newsevents.core.pipeline.factories import PARAGRAPHS, REPAIR, prepare


def test_factories_prepare_adds_paragraphs_before_the_parser_and_the_repair_last() -> None:
    nlp = prepare(load_model())
    names = nlp.pipe_names
    assert names.index(PARAGRAPHS) < names.index("parser")
    assert names[-1] == REPAIR
    assert prepare(nlp).pipe_names == names  # added once


def test_factories_a_headline_line_is_its_own_sentence() -> None:
    nlp = prepare(load_model())
    doc = nlp("Police detain protesters in Lagos\nLAGOS - Police arrested 40 protesters.")
    starts = [s[0].text for s in doc.sents]
    assert starts[:3] == ["Police", "LAGOS", "Police"]
