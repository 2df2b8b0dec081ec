"""Unit tests of the role rules of core/events/roles.py, one small sentence per construction."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsevents.core import syntax
from newsevents.core.events import roles
from newsevents.core.events.triggers import Candidate


def _token(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def _text(token: Token | None) -> str | None:
    return None if token is None else syntax.phrase(token).text


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
        # the one blamed "of" or "for" a deed did it
        ("The minister accused Russia of shelling the city.", "shelling", "Russia", "the city"),
        ("Police arrested two men for attacking a bus.", "attacking", "two men", "a bus"),
        # a second passive verb shares the first one's subject
        (
            "Twelve fishermen were stopped at sea and detained by the navy.",
            "detained",
            "the navy",
            "Twelve fishermen",
        ),
        # the "by" of the second passive serves the first; the reported one is the patient
        (
            "One farmer was reported to be tortured and killed by the militia.",
            "tortured",
            "the militia",
            "One farmer",
        ),
        # a participle with its own "by" is passive
        ("A truck was found near the river, burned by gunmen.", "burned", "gunmen", None),
        # a toll verb joined to it names whom it hit; another verb's object does not
        ("Gunmen shot and killed a trader.", "shot", "Gunmen", "a trader"),
        ("Gunmen shot at traders and took their cattle.", "shot", "Gunmen", "traders"),
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
    ("sentence", "target"),
    [
        # the fire opened hits no one; the toll verb joined to it names whom the shots hit
        ("Gunmen opened fire and killed a woman.", "a woman"),
        ("Gunmen opened fire on a bus.", "a bus"),
        ("Gunmen opened fire.", None),
    ],
)
def test_roles_opened_fire_is_no_target(nlp: Language, sentence: str, target: str | None) -> None:
    tok = _token(nlp(sentence), "opened")
    assert _text(roles.object_of(tok, "ASSAULT", "fire")) == target


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
        # a negated verb negates the infinitive it governs
        ("The rebels did not try to attack the capital.", "attack", "negated", False),
        ("The rebels tried to attack the capital.", "attack", "asserted", False),
        # the month May is no modal verb
        (
            "Relatives of a man missing since 7 May blocked the highway.",
            "blocked",
            "asserted",
            False,
        ),
        ("The union planned a march in the capital.", "march", "future", False),
        ("The unions called for a general strike in the capital.", "strike", "future", False),
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


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("Norway gave ten million dollars to Chile.", "gave", ["Chile"]),
        ("Peru signed a protocol in Lima with Chile.", "signed", ["Chile"]),
        ("Peru signed a protocol on Monday.", "signed", []),
    ],
)
def test_roles_recipients(nlp: Language, sentence: str, verb: str, expected: list[str]) -> None:
    doc = nlp(sentence)
    assert [t.text for t in roles.recipients(_token(doc, verb))] == expected


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("The envoy left for Lima on Monday.", "left", ["Lima"]),
        ("The bishop appealed for peace in the Sahel.", "appealed", ["peace", "Sahel"]),
        ("The envoys met in Lima with Chile.", "met", ["Chile"]),  # "in Lima" says where
        ("The envoy left after the talks.", "left", []),
    ],
)
def test_roles_prep_objects(nlp: Language, sentence: str, verb: str, expected: list[str]) -> None:
    doc = nlp(sentence)
    assert [t.text for t in roles.prep_objects(_token(doc, verb))] == expected


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        # the thing signed or welcomed names no one: the one it is with or from does
        ("Peru signed a trade protocol with Chile on Monday.", "PER", "CHL"),
        ("Peru welcomed a message from Chile on Monday.", "PER", "CHL"),
        # a participle's agent: "memos sent by X"
        ("Peru welcomed memos sent by Chile on Monday.", "PER", "CHL"),
        # no object at all: the first actor in the verb's phrases
        ("Peru agreed on a trade deal with Chile on Monday.", "PER", "CHL"),
        # a list the parser read as an apposition is still every doer
        ("Peru, Chile, Bolivia and Ecuador condemned Russia.", "PER;CHL;BOL;ECU", "RUS"),
        # one head noun shared by coordinated countries
        ("The foreign ministers of Peru and Chile condemned Russia.", "PER;CHL", "RUS"),
        # a concession's target is named in its clause
        ("Russia conceded that Ukraine had won the vote.", "RUS", "UKR"),
    ],
)
def test_roles_targets_named_in_phrases(sentence: str, source: str, target: str) -> None:
    from newsevents.core import extract

    events = extract(sentence, published="2024-05-06")
    assert [(e.source_country, e.target_country) for e in events] == [(source, target)]


def test_roles_place_of_a_meeting_is_no_target() -> None:
    from newsevents.core import extract

    assert extract("The Peruvian minister met in Lima on Monday.", published="2024-05-06") == []


def test_roles_coordinated_noun_shares_the_first_ones_country() -> None:
    from newsevents.core import extract

    events = extract("Danish police and soldiers arrested ten protesters.", published="2024-05-06")
    assert [(e.source_country, e.source_sector) for e in events] == [("DNK", "COP;MIL")]


@pytest.mark.parametrize(
    ("sentence", "rows"),
    [
        # coordinated doers with no one else acted on: each acts on the other
        ("Peru and Chile met in Lima on Monday.", [("PER", "CHL", True)]),
        ("Peru and Chile signed a trade agreement on Monday.", [("PER", "CHL", True)]),
        ("Peru and Chile postponed their meeting on Monday.", [("PER", "CHL", True)]),
        ("Police and protesters clashed in Lima on Monday.", [(None, None, True)]),
        # a meeting is the other side's meeting too
        ("The Peruvian president met the Chilean envoy on Monday.", [("PER", "CHL", True)]),
        # one side acts on the other
        ("Peru condemned Chile on Monday.", [("PER", "CHL", False)]),
        ("Peru and Chile condemned Russia on Monday.", [("PER;CHL", "RUS", False)]),
    ],
)
def test_roles_mutual_events(
    sentence: str, rows: list[tuple[str | None, str | None, bool]]
) -> None:
    from newsevents.core import extract

    events = extract(sentence, published="2024-05-06")
    assert [(e.source_country, e.target_country, e.mutual) for e in events] == rows


def test_roles_participle_read_as_an_adjective_is_passive(nlp: Language) -> None:
    # The parse the small model gives in longer sentences: "raped" an adjective of "was".
    doc = Doc(
        nlp.vocab,
        words=["The", "woman", "was", "raped", "."],
        heads=[1, 2, 2, 2, 2],
        deps=["det", "nsubj", "ROOT", "acomp", "punct"],
        pos=["DET", "NOUN", "AUX", "VERB", "PUNCT"],
        tags=["DT", "NN", "VBD", "VBN", "."],
        lemmas=["the", "woman", "be", "rape", "."],
    )
    raped = doc[3]
    assert syntax.is_passive(raped)
    assert _text(roles.object_of(raped, "ASSAULT", None)) == "The woman"
    assert roles.subject_of(raped) is None
