"""Unit tests of the role rules in core/roles.py, one small built sentence per construction."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsevents.core import roles
from newsevents.core.triggers import Candidate


def _token(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def _text(token: Token | None) -> str | None:
    return None if token is None else roles.phrase(token).text


def _cand(token: Token, carrier: Token | None = None) -> Candidate:
    return Candidate(
        token=token,
        carrier=carrier or token,
        role="self",
        lemma=token.lemma_,
        event_type="ASSAULT",
        cameo_code="190",
        mode=None,
        weight=0.9,
        rule="test",
    )


@pytest.mark.parametrize(
    ("sentence", "verb", "source", "target"),
    [
        (
            "Rebels attacked the army convoy near the border.",
            "attacked",
            "Rebels",
            "the army convoy",
        ),
        ("The convoy was attacked by rebels on Monday.", "attacked", "rebels", "The convoy"),
        ("Two journalists were arrested in the capital.", "arrested", None, "Two journalists"),
        ("The army used drones to strike the depot.", "strike", "The army", "the depot"),
        ("Gunmen stormed a hotel, killing ten guests.", "killing", "Gunmen", "ten guests"),
        (
            "The militia, which attacked the town, later withdrew.",
            "attacked",
            "The militia",
            "the town",
        ),
        ("Police in the city detained five activists.", "detained", "Police", "five activists"),
        (
            "Egypt and the UAE condemned the killings.",
            "condemned",
            "Egypt and the UAE",
            "the killings",
        ),
        ("Soldiers fired on the crowd outside the palace.", "fired", "Soldiers", "the crowd"),
    ],
)
def test_roles_verb_subject_and_object(
    nlp: Language, sentence: str, verb: str, source: str | None, target: str | None
) -> None:
    doc = nlp(sentence)
    tok = _token(doc, verb)
    assert _text(roles.subject_of(tok)) == source
    assert _text(roles.object_of(tok, "ASSAULT", None)) == target


@pytest.mark.parametrize(
    ("sentence", "noun", "source", "target"),
    [
        ("Egypt's strikes on the camps drew criticism.", "strikes", "Egypt", "the camps"),
        (
            "Air strikes by the coalition on the port continued.",
            "strikes",
            "the coalition",
            "the port",
        ),
        ("An attack against a police station left two dead.", "attack", None, "a police station"),
        ("Israeli raids on the town were reported.", "raids", "Israeli", "the town"),
    ],
)
def test_roles_noun_source_and_target(
    nlp: Language, sentence: str, noun: str, source: str | None, target: str | None
) -> None:
    doc = nlp(sentence)
    tok = _token(doc, noun)
    assert _text(roles.noun_source(tok)) == source
    assert _text(roles.noun_target(tok, "ASSAULT")) == target


@pytest.mark.parametrize(
    ("sentence", "head", "expected"),
    [
        ("Jets hit militant camps in the eastern city of Sirte.", "camps", "militant camps"),
        (
            "Masked gunmen attacked a bus carrying Coptic Christians near the town.",
            "bus",
            "a bus carrying Coptic Christians",
        ),
        (
            "They hit the headquarters of the militia, which controls the port.",
            "headquarters",
            "the headquarters of the militia",
        ),
    ],
)
def test_roles_phrase_drops_places_and_clauses(
    nlp: Language, sentence: str, head: str, expected: str
) -> None:
    assert roles.phrase(_token(nlp(sentence), head)).text == expected


@pytest.mark.parametrize(
    ("sentence", "word", "modality", "background"),
    [
        ("Troops attacked the village on Monday.", "attacked", "asserted", False),
        ("Troops did not attack the village.", "attack", "negated", False),
        ("The ministers will meet in Oslo next week.", "meet", "future", False),
        ("The army could strike the rebels at any time.", "strike", "hypothetical", False),
        ("If talks fail, the rebels will attack the city.", "attack", "future", False),
        ("The group claimed to have killed twenty soldiers.", "killed", "claimed", False),
        ("The air force regularly bombs the hills in the north.", "bombs", "asserted", True),
        ("The rebels threatened to attack the capital.", "attack", "future", False),
    ],
)
def test_roles_report_modality_and_background(
    nlp: Language, sentence: str, word: str, modality: str, background: bool
) -> None:
    doc = nlp(sentence)
    report = roles.report_of(_cand(_token(doc, word)), headline_end=0)
    assert (report.modality, report.background) == (modality, background)


def test_roles_report_conditional_clause(nlp: Language) -> None:
    doc = nlp("The army said it would respond if rebels attacked the base.")
    report = roles.report_of(_cand(_token(doc, "attacked")), headline_end=0)
    assert report.modality == "conditional"


@pytest.mark.parametrize(
    ("sentence", "word", "speaker"),
    [
        ("The ministry said rebels attacked the convoy.", "attacked", "The ministry"),
        ("Rebels attacked the convoy, according to the police.", "attacked", "the police"),
        ("Rebels attacked the convoy on Monday.", "attacked", None),
    ],
)
def test_roles_report_attribution(
    nlp: Language, sentence: str, word: str, speaker: str | None
) -> None:
    doc = nlp(sentence)
    report = roles.report_of(_cand(_token(doc, word)), headline_end=0)
    assert _text(report.speaker) == speaker


@pytest.mark.parametrize(
    ("sentence", "claimed"),
    [
        ("The group claimed responsibility for the bombing.", "bombing"),
        ("No one has claimed responsibility for the attack.", "attack"),
        ("The group claimed the town.", None),
        ("Rebel group claims attack on army base", "attack"),
    ],
)
def test_roles_claim_of_responsibility(nlp: Language, sentence: str, claimed: str | None) -> None:
    doc = nlp(sentence)
    verb = next(t for t in doc if t.lemma_ == "claim")
    events = {t.i for t in doc if t.lemma_ in ("attack", "bombing")}
    found = roles.claim_of_responsibility(verb, events)
    assert (found.text if found else None) == claimed
