"""Repairs of parses that lose a sentence's main verb, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.core.pipeline.repair import repair_lost_verbs


def _roles(nlp: Language, text: str) -> tuple[str, str | None, str | None]:
    """The root of the first sentence after the repair, and its subject and object."""
    doc = repair_lost_verbs(nlp(text))
    root = next(doc.sents).root
    subj = next((c.text for c in root.children if c.dep_ == "nsubj"), None)
    obj = next((c.text for c in root.children if c.dep_ == "dobj"), None)
    return root.text, subj, obj


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # a participle the parser hung on the noun after it
        (
            "On Monday, in Oaxaca, teachers and members of the SNTE blocked roads near the city "
            "hall to demand pay.",
            ("blocked", "teachers", "roads"),
        ),
        # the same after a hyphen
        ("On Monday, police tear-gassed students in Nairobi.", ("gassed", "police", "students")),
        # a present-tense verb read as a noun, with its object still hung on it
        (
            "On Monday, in Torreon, Coahuila, hundreds of unionized workers of the City Council "
            "demand the salary increase that was agreed.",
            ("demand", "hundreds", "increase"),
        ),
        # "shot" read as a noun and "dead" as the root
        (
            "On Monday, in Dhaka, riders on a motorbike shot dead a trader near a shop.",
            ("shot", "riders", "trader"),
        ),
    ],
)
def test_repair_lost_verb_becomes_the_root(
    nlp: Language, text: str, roles: tuple[str, str, str]
) -> None:
    assert _roles(nlp, text) == roles


def test_repair_shot_dead_keeps_the_phrase_before_it(nlp: Language) -> None:
    doc = repair_lost_verbs(nlp("On Monday, in Dhaka, riders on a motorbike shot dead a trader."))
    motorbike = next(t for t in doc if t.text == "motorbike")
    shot = next(t for t in doc if t.text == "shot")
    assert (motorbike.dep_, motorbike.head.text) == ("pobj", "on")
    assert (shot.lemma_, shot.tag_) == ("shoot", "VBD")
    assert [s.text for s in doc.sents] == [doc.text]


@pytest.mark.parametrize(
    "text",
    [
        # a sentence with a finite verb keeps its parse, participles and all
        "Police cleared the blocked roads in Oaxaca on Monday.",
        "Gunmen shot a trader dead in Dhaka.",
    ],
)
def test_repair_leaves_sentences_with_a_verb(nlp: Language, text: str) -> None:
    before = [(t.dep_, t.head.i, t.pos_) for t in nlp(text)]
    after = [(t.dep_, t.head.i, t.pos_) for t in repair_lost_verbs(nlp(text))]
    assert after == before
