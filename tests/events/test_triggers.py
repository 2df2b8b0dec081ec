"""Unit tests of core/events/triggers.py: verb patterns and user entries, on small sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsevents.core import ontology
from newsevents.core.events.triggers import PATTERN_MARK, TriggerFinder, has_particle, marked_roles


def _token(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def _trigger(lemma: str, code: str, particle: str | None = None) -> ontology.Trigger:
    known = ontology.cameo(code) if code != "---" else None
    return ontology.Trigger(
        lemma=lemma,
        pos="VERB",
        particle=particle,
        cameo_code=code,
        event_type=known.plover_type if known else "NONE",
        mode=None,
        weight=0.85,
    )


@pytest.mark.parametrize(
    ("sentence", "verb", "pattern", "fits"),
    [
        # a noun phrase: the word before the head right before it, others earlier
        ("Norway will drop new trade relations with Chile.", "drop", "{new trade relations}", 1),
        ("Norway will drop new close trade relations.", "drop", "{new trade relations}", 1),
        ("Norway will drop new trade fishing relations.", "drop", "{new trade relations}", 0),
        # a prepositional phrase: the words anywhere in it, in order
        ("Chile acted on a resolution of the council.", "acted", "(on resolution)", 1),
        ("Chile acted on the council's advice.", "acted", "(on resolution)", 0),
        # a particle is not a prepositional phrase
        ("Rioters burned down the station.", "burned", "(down)", 0),
        ("Rioters burned the station down the road.", "burned", "(down)", 1),
        # a word anywhere in the verb's clause after it
        ("The navy fired two artillery shells at the port.", "fired", "artillery", 1),
        ("The navy fired two shells at the port.", "fired", "artillery", 0),
        # words marked "<" stand before the verb, in its subject
        ("The death toll has risen to twelve.", "risen", "<{death toll}", 1),
        ("The price has risen to twelve.", "risen", "<{death toll}", 0),
        # the words of another clause are not the verb's
        ("Peru agreed that the talks on trade should resume.", "agreed", "(on trade)", 0),
    ],
)
def test_triggers_pattern_elements(
    nlp: Language, sentence: str, verb: str, pattern: str, fits: int
) -> None:
    doc = nlp(sentence)
    assert has_particle(_token(doc, verb), PATTERN_MARK + pattern) == bool(fits)


@pytest.mark.parametrize(
    ("sentence", "verb", "pattern", "source", "target"),
    [
        # "+ * (FROM $)": the one freed is the subject, the one freeing stands after "from"
        ("The hostages were freed from the camp.", "freed", "<+ (from $)", "camp", "hostages"),
        # "* MONEY $": the giver is the next phrase after the money
        ("Peru received money from Chile.", "received", "<+ money $", "Chile", "Peru"),
        # "* THEIR ^ ABOUT +": the one warned about
        (
            "Chile warned their citizens about the rebels.",
            "warned",
            "their ^ about +",
            None,
            "rebels",
        ),
        # "^" skips a phrase: the place, then the ones celebrated with
        (
            "Peru celebrated Iftar in Lima with the envoys of Chile.",
            "celebrated",
            "iftar (in ^) +",
            None,
            "envoys",
        ),
        ("Peru celebrated Iftar in Lima with Chile.", "celebrated", "iftar (in) +", None, "Lima"),
        (
            "Peru celebrated Iftar at a hotel in Lima with Chile.",
            "celebrated",
            "iftar (at ^ ^) +",
            None,
            "Chile",
        ),
        ("Peru gave Chile a warning.", "gave", "^ +", None, "warning"),
    ],
)
def test_triggers_pattern_markers_give_roles(
    nlp: Language, sentence: str, verb: str, pattern: str, source: str | None, target: str
) -> None:
    doc = nlp(sentence)
    roles = marked_roles(_token(doc, verb), PATTERN_MARK + pattern)
    assert (roles["source"].text if "source" in roles else None) == source
    assert roles["target"].text == target


def test_triggers_marked_roles_of_a_plain_particle_are_empty(nlp: Language) -> None:
    doc = nlp("Police cracked down on protesters.")
    assert marked_roles(_token(doc, "cracked"), "down") == {}


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("The council allowed the budget.", None),  # a "no event" pattern fits: nothing
        ("The council allowed the plan.", "030"),  # a coded pattern fits
        ("The council allowed the visit.", "080"),  # no pattern fits: the verb's own code
    ],
)
def test_triggers_no_event_pattern_stops_the_verb(
    nlp: Language, sentence: str, code: str | None
) -> None:
    finder = TriggerFinder(
        nlp.vocab,
        [
            _trigger("allow", "---", PATTERN_MARK + "budget"),
            _trigger("allow", "030", PATTERN_MARK + "plan"),
            _trigger("allow", "080"),
        ],
    )
    found = [c.cameo_code for c in finder.find(nlp(sentence)) if c.lemma == "allow"]
    assert found == ([code] if code else [])


def test_triggers_user_word_form_wins_over_its_lemma(nlp: Language) -> None:
    finder = TriggerFinder(nlp.vocab, [_trigger("leave", "012"), _trigger("left", "042")])
    doc = nlp("The minister left for Lima on Monday.")
    assert [c.cameo_code for c in finder.find(doc)] == ["042"]
    doc = nlp("The minister will leave for Lima on Monday.")
    assert [c.cameo_code for c in finder.find(doc)] == ["012"]


def test_triggers_user_patterns_alone_keep_the_built_in_entries(nlp: Language) -> None:
    builtin = TriggerFinder(nlp.vocab)
    doc = nlp("Rebels attacked the town.")
    base = [c.cameo_code for c in builtin.find(doc)]
    finder = TriggerFinder(nlp.vocab, [_trigger("attack", "111", "criticism")])
    assert [c.cameo_code for c in finder.find(doc)] == base
    doc = nlp("The minister attacked the criticism.")
    assert [c.cameo_code for c in finder.find(doc)] == ["111"]


@pytest.mark.parametrize(
    ("sentence", "builtin", "codes"),
    [
        ("Rebels besieged the town.", True, ["1911"]),
        ("Rebels besieged the town.", False, ["1911"]),
        ("Police arrested two men.", True, ["173"]),
        ("Police arrested two men.", False, []),
    ],
)
def test_triggers_user_entries_alone_replace_the_built_in_lexicon(
    nlp: Language, sentence: str, builtin: bool, codes: list[str]
) -> None:
    finder = TriggerFinder(nlp.vocab, [_trigger("besiege", "1911")], builtin=builtin)
    assert [c.cameo_code for c in finder.find(nlp(sentence))] == codes


@pytest.mark.parametrize(
    ("sentence", "lemmas"),
    [
        # what is asked for is the request's content, not an event that happened
        ("The minister urged Peru to release the prisoners.", ["urge"]),
        ("The minister called on Peru to release the prisoners.", ["call"]),
        # a clause with its own doer is an event of its own
        ("The minister released the prisoners and urged calm.", ["release", "urge"]),
        # the event noun "use" carries is the instrument of the purpose verb, which is the event
        ("Gunmen used grenades to attack a police station.", ["attack"]),
        ("The army used artillery to shell the village.", ["shell"]),
        # with no purpose verb the noun is the event
        ("Gunmen used grenades in the attack on the post.", ["grenade", "attack"]),
        # what is dropped from the air makes "drop" an air strike; a dropped charge does not
        ("Warplanes dropped bombs on the village.", ["drop"]),
        ("A drone dropped a grenade on the trench.", ["drop"]),
        ("Prosecutors dropped the charges on Monday.", []),
        # the object a part of which is blocked names the obstruction
        ("Miners blocked the km 40 of the main highway.", ["block"]),
        ("Drivers blocked sections of the road on Monday.", ["block"]),
        ("Drivers slowed the traffic near Lyon.", ["slow"]),
        # an event noun written as a name is an event where a light verb carries it
        ("Students staged a 'March for Education' in Kingston.", ["march"]),
        ("The Strike Force arrived in Kingston.", []),
        # a weapon that lands is an attack; a plane that lands is not
        ("A shell landed on a house in the village.", ["land"]),
        ("The plane landed in Nairobi on Monday.", []),
        ("Police took two activists into custody.", ["take"]),
        ("Police broke up a rally in the square.", ["break", "rally"]),
        ("The band broke up at noon.", []),
    ],
)
def test_triggers_which_event_words_are_events(
    nlp: Language, sentence: str, lemmas: list[str]
) -> None:
    finder = TriggerFinder(nlp.vocab)
    assert [c.lemma for c in finder.find(nlp(sentence))] == lemmas
