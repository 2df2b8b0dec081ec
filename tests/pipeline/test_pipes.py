"""The remembering attribute ruler and lemmatizer give exactly what spaCy's stock ones give."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from newsevents.core.pipeline.pipes import (
    RememberingAttributeRuler,
    RememberingLemmatizer,
    remembering,
)

ATTRS = [POS, MORPH, LEMMA, TAG, DEP, HEAD]


def _stock(nlp: Language, text: str, before_ruler: Callable[[Doc], None] = lambda doc: None) -> Doc:
    """`text` through `nlp` with the stock `__call__` of its attribute ruler and lemmatizer."""
    doc = nlp.make_doc(text)
    for _, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            before_ruler(doc)
            doc = AttributeRuler.__call__(component, doc)
        elif isinstance(component, Lemmatizer):
            doc = Lemmatizer.__call__(component, doc)
        else:
            doc = component(doc)
    return doc


def _fast(nlp: Language, text: str, before_ruler: Callable[[Doc], None] = lambda doc: None) -> Doc:
    """`text` through `nlp` as it is."""
    doc = nlp.make_doc(text)
    for _, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            before_ruler(doc)
        doc = component(doc)
    return doc


def _annotations(doc: Doc) -> list[tuple[object, ...]]:
    rows = doc.to_array(ATTRS).tolist()
    return [(*row, t.lemma_, str(t.morph), t.pos_) for row, t in zip(rows, doc, strict=True)]


@pytest.fixture(scope="module")
def fast(nlp: Language) -> Language:
    return remembering(nlp)


@pytest.mark.parametrize(
    "text",
    [
        "Police in Xqzlandia detained 14 protesters on Friday, the ministry said.",
        "I ain't gonna do it, let's go. We gotta win, y'all. C'mon!",
        "There were clashes overnight; there's a curfew and there are checkpoints.",
        "BEIRUT (Reuters) -  Rebels shelled the town.\n\n\nTwo people were killed.",
        "  \n\n  ",
        "",
    ],
)
def test_pipes_same_annotations_as_stock(fast: Language, text: str) -> None:
    expected = _annotations(_stock(fast, text))
    assert _annotations(fast(text)) == expected  # first time: matched, answers kept
    assert _annotations(fast(text)) == expected  # second time: from the table


def test_pipes_turns_the_stock_components(fast: Language) -> None:
    kinds = {name: component for name, component in fast.pipeline}
    assert isinstance(kinds["attribute_ruler"], RememberingAttributeRuler)
    assert isinstance(kinds["lemmatizer"], RememberingLemmatizer)
    assert type(kinds["lemmatizer"]).__name__ == "RememberingEnglishLemmatizer"
    before = [type(component) for _, component in fast.pipeline]
    remembering(fast)
    assert [type(component) for _, component in fast.pipeline] == before


@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        ("We are gonna win the vote.", "gon", False),  # a longer pattern covers it: never kept
        ("There was a vote.", "was", False),  # "there was": the verb's answer needs its neighbour
        ("We are gonna win the vote.", "vote", True),
    ],
)
def test_pipes_keeps_only_answers_of_one_token(
    fast: Language, text: str, word: str, kept: bool
) -> None:
    ruler = fast.get_pipe("attribute_ruler")
    doc = fast(text)
    token = next(t for t in doc if t.text == word)
    assert ((token.orth, token.tag, token.dep) in ruler._answers) is kept


def test_pipes_doc_with_earlier_annotations_goes_to_stock(fast: Language) -> None:
    def set_pos(doc: Doc) -> None:
        doc[1].pos_ = "X"  # something before the ruler set a part of speech

    text = "The army shelled the village."
    expected = _annotations(_stock(fast, text, set_pos))
    assert _annotations(_fast(fast, text, set_pos)) == expected
